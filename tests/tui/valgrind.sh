#!/bin/sh
# valgrind memcheck over a scripted planner session in tmux: assign a GPU with
# its group, edit memory, open every view, undo, quit. No errors, no
# definitely-lost bytes. Skipped without valgrind or under sanitizers.
. "$srcdir/tests/lib.sh"
slow_test
if ! command -v valgrind >/dev/null 2>&1; then
    echo "1..0 # SKIP valgrind is not installed"
    exit 0
fi
if nm "$MP" 2>/dev/null | grep -q __asan_init; then
    echo "1..0 # SKIP built with AddressSanitizer"
    exit 0
fi
log="$TMPDIR_TEST/vg.log"
TUI_RUN="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --log-file=$log '$MP'"
. "$srcdir/tests/tui/tmux_lib.sh"
tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-1g-hostdev.xml"
see "Limit" "the planner starts under valgrind"
keys / ; type_text "0004:04:00.0"; keys Enter
keys Space; sleep 0.5; keys y
see "NVLink2" "a GPU and its group assigned"
keys m; sleep 0.3; keys C-u; type_text "96G"; keys Enter
see "96 GiB" "memory edited"
for v in A C K T; do keys "$v"; sleep 0.8; keys Escape; sleep 0.5; done
keys u; sleep 0.3
# Unsaved changes: q asks first; d quits without saving.
keys q; sleep 0.5; keys d
wait_for "EXIT=" 600 && ok "the planner exits" || fail "the planner exits"
[ -f "$log" ] && ok "valgrind ran the planner (its log exists)" || fail "valgrind ran the planner (its log exists)"
status=$(screen | grep -o 'EXIT=[0-9]*' | head -n 1 | cut -d= -f2)
if [ "$status" = 0 ] && ! grep -q "definitely lost" "$log"; then
    ok "memcheck clean over the session (exit $status)"
else
    fail "memcheck over the session (exit $status)"
    head -n 60 "$log" | sed 's/^/# /'
    screen | sed 's/^/# /'
fi
plan_done
