#!/bin/sh
# Help, warnings and leaving: ? shows every key, q quits at once when
# nothing changed and asks otherwise; q, Ctrl-C and SIGTERM all restore the
# terminal (canonical mode and echo back, the planner's screen gone).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-ac922-socket0.xml"
tui_start 100 30 --host demo:ac922 "$xml"
see "Memory-locking limit" "started"
keys ?
see "Keys (Up/Down scroll, any other key closes)" "? opens the help screen"
see "undo the last edit" "help lists undo"
see "assign or unassign the device (offers its whole IOMMU group)" "help lists Space"
keys x
wait_gone "Keys (Up/Down"
see "Memory-locking limit" "any key closes the help"
keys F1
see "Keys (Up/Down scroll" "F1 opens it too"
keys Escape
wait_gone "Keys (Up/Down"

# The socket guest's limit is above the demo host's RAM: a warning; W lists all.
see "above the host's RAM" "warnings line: limit above host RAM"
keys '!'
see "Warnings (Up/Down scroll" "! lists every warning"
keys q
wait_gone "Warnings (Up/Down"

# W saves as another file with the recommended hard_limit; x exports a report.
keys W
see "Save the guest as: " "W opens its prompt"
see "guests/pseries-ac922-socket0.xml" "W offers the guest's own file (its end in view)"
keys C-u
type_text "$TMPDIR_TEST/saved.xml"
keys Enter
see "Add the recommended" "no hard_limit set: the recommended one is offered"
keys y
see "Write these changes to" "the changes are shown first"
keys y
see "Wrote $TMPDIR_TEST/saved.xml" "W writes the file"
hard=$(calc_bytes --host demo:ac922 "$TMPDIR_TEST/saved.xml")
[ -n "$hard" ] && [ "$hard" -ge "$(calc_bytes --host demo:ac922 "$xml")" ]
is "$?" 0 "the written XML's hard_limit covers the planned limit ($hard)"
grep -q "<hard_limit unit='KiB'>" "$TMPDIR_TEST/saved.xml"
is "$?" 0 "the written XML has a hard_limit"
keys x
see "Export report to (.txt .md .json .html): pseries-ac922-socket0-plan.md" "x offers a file name"
keys C-u
type_text "$TMPDIR_TEST/plan.json"
keys Enter
see "Report written to $TMPDIR_TEST/plan.json." "x writes the report"
grep -q "pseries-ac922-socket0" "$TMPDIR_TEST/plan.json"
is "$?" 0 "the JSON report names the guest"
keys x C-u
type_text "$TMPDIR_TEST/no/such/dir/plan.md"
keys Enter
see "$TMPDIR_TEST/no/such/dir/plan.md" "a failing export names the file"

# q with no changes quits at once, terminal restored.
keys q
see "EXIT=0" "q quits at once without changes"
see "icanon echo" "terminal back in canonical mode with echo"
not_see "Memory-locking limit" "the planner's screen is gone"

# q with changes asks Save / Discard / Cancel; c stays; d quits.
tui_start 100 30 --host demo:ac922 "$xml"
keys +
see "Done: memory 65 GiB" "an edit"
keys q
see "unsaved changes: s save  d discard  c, Esc cancel" "q asks when there are changes"
keys c
see "Cancelled." "c stays"
keys q d
see "EXIT=0" "d quits"
see "icanon echo" "terminal restored after q d"

# Ctrl-C and SIGTERM: clean exit, terminal restored.
tui_start 100 30 --host demo:ac922 "$xml"
keys C-c
see "EXIT=0" "Ctrl-C quits"
see "icanon echo" "terminal restored after Ctrl-C"
tui_start 100 30 --host demo:ac922 "$xml"
pid=$(tm list-panes -t mp -F '#{pane_pid}')
child=$(pgrep -P "$pid" -f memlock-planner | head -n 1)
if [ -n "$child" ]; then
    kill -TERM "$child"
    see "EXIT=0" "SIGTERM quits"
    see "icanon echo" "terminal restored after SIGTERM"
else
    fail "found the planner's process"
fi

# Not a terminal: one clear line, exit 2.
run_mp tui --host demo:ac922 "$xml" </dev/null
is "$RC" 2 "no terminal: exit 2"
like "$ERR" "needs a terminal" "no terminal: says so"
# Bad inputs are refused before the screen starts.
run_mp tui --host demo:nosuch
is "$RC" 2 "unknown host source: exit 2"
run_mp tui --libvirt 0.1 --host demo:ac922
is "$RC" 2 "unknown libvirt version: exit 2"
run_mp tui --host demo:ac922 "$TMPDIR_TEST/missing.xml"
is "$RC" 2 "missing guest XML: exit 2"
plan_done
