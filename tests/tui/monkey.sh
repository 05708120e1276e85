#!/bin/sh
# Monkey test: MONKEY_KEYS (default 1000) seeded random keys through tmux:
# the planner's whole key set with prompt input, random printable, control
# and function keys, escape sequences, mouse events and broken UTF-8
# (tests/tui/monkey-keys.awk). The planner must stay alive and answer, show
# its limit (the same as a report exported at the end), and quit with status
# 0 and the terminal restored. make check uses a fixed seed, so that a run
# fails or passes the same way everywhere; MONKEY_SEED=N replays seed N,
# MONKEY_SEED=random draws one (long runs: MONKEY_SEED=random MONKEY_KEYS=20000,
# see HACKING.md). The seed is printed.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/tui/tmux_lib.sh"

seed=${MONKEY_SEED:-20261207}
[ "$seed" = random ] && seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
nkeys=${MONKEY_KEYS:-1000}
diag "MONKEY_SEED=$seed MONKEY_KEYS=$nkeys (awk: $(awk -W version 2>/dev/null | head -n 1))"
mp_abs=$(cd "$(dirname "$MP")" && pwd)/$(basename "$MP")

# Files the planner writes (w, x) land in a scratch directory, with a copy
# of the guest; its stderr is kept (a sanitizer's report would be there).
work="$TMPDIR_TEST/work"
mkdir -p "$work"
cp "$GUESTS/pseries-ac922-socket0.xml" "$work/guest.xml"
cat >"$TMPDIR_TEST/run-mp" <<WRAP
#!/bin/sh
exec '$mp_abs' "\$@" 2>>'$TMPDIR_TEST/stderr'
WRAP
: >"$TMPDIR_TEST/stderr"
awk -v seed="$seed" -v n="$nkeys" -f "$abs_srcdir/tests/tui/monkey-keys.awk" >"$TMPDIR_TEST/keys"
is "$(wc -l <"$TMPDIR_TEST/keys" | tr -d ' ')" "$nkeys" "$nkeys keys generated from seed $seed"

cd "$work" || exit 1
TUI_RUN="sh $TMPDIR_TEST/run-mp"
tui_start 100 30 --host demo:ac922 "$work/guest.xml"
see "Memory-locking limit" "started"
pane=$(tm list-panes -t mp -F '#{pane_pid}')
planner=$(pgrep -P "$pane" | head -n 1)

alive() { [ -n "$planner" ] && kill -0 "$planner" 2>/dev/null && ! screen | grep -q '^EXIT='; }
i=0 dead=""
while read -r kind arg; do
    i=$((i + 1))
    case $kind in
    K) tm send-keys -t mp "$arg" ;;
    # shellcheck disable=SC2086 # one argument per byte
    H) tm send-keys -t mp -H $arg ;;
    esac
    if [ $((i % 50)) -eq 0 ] && ! alive; then
        dead=$i
        break
    fi
done <"$TMPDIR_TEST/keys"
if [ -z "$dead" ]; then
    ok "alive after each 50 of $nkeys keys"
else
    fail "alive after each 50 of $nkeys keys"
    diag "gone after key $dead (MONKEY_SEED=$seed); the keys before:" \
        "$(sed -n "$((dead > 20 ? dead - 20 : 1)),${dead}p" "$TMPDIR_TEST/keys")" \
        "screen:" "$(screen)" "stderr:" "$(cat "$TMPDIR_TEST/stderr")"
fi

# Back to the main screen: Escape closes a prompt, question, menu or overlay.
for _ in 1 2 3; do
    keys Escape
    sleep 0.2
done
keys '?'
see "Keys (Up/Down scroll" "it answers: ? opens the help"
keys Escape
wait_gone "Keys (Up/Down scroll"
see "Memory-locking limit" "the result pane is back"
limit_line=$(screen | grep -o -e '│Limit  [^│]*' -e 'No limit: the guest is not valid for libvirt' | head -n 1 | sed 's/ *$//')
[ -n "$limit_line" ]
is "$?" 0 "the screen shows the limit line: ${limit_line#│}"

# What the screen says equals a report of the same plan.
keys x C-u
type_text "$work/final.json"
keys Enter
if wait_for "Report written to $work/final.json."; then
    ok "x exports the plan"
    # Read as text: jq would round integers above 2^53.
    field() { sed -n "s/^ *\"$1\": \"\{0,1\}\([^\",]*\).*/\1/p" "$work/final.json" | head -n 1; }
    kind=$(field kind)
    case $kind in
    bytes) is "$(screen_limit)" "$(field limit_bytes)" \
        "the screen's bytes equal the report's" ;;
    unlimited) like "$limit_line" "unlimited" "the screen says unlimited, as the report" ;;
    *) like "$limit_line" "none set" "the screen says none, as the report ($kind)" ;;
    esac
else
    like "$limit_line" "No limit" "no report only for a guest libvirt would refuse"
    diag "screen:" "$(screen)"
fi

keys q
wait_for_either "unsaved changes" "EXIT="
if screen | grep -qF "unsaved changes"; then keys d; fi
see "EXIT=0" "q quits with status 0"
see "icanon echo" "terminal restored"
not_see "Memory-locking limit" "the planner's screen is gone"
is "$(cat "$TMPDIR_TEST/stderr")" "" "nothing on stderr (no sanitizer report)"
[ "$TAP_FAILED" -eq 0 ] || diag "replay with MONKEY_SEED=$seed"
plan_done
