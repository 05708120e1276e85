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
keys W
see "Warnings (Up/Down scroll" "W lists every warning"
keys q
wait_gone "Warnings (Up/Down"

# w and x say what they can do.
keys w
see "writing the guest XML is not available yet" "w reports it cannot write yet"

# q with no changes quits at once, terminal restored.
keys q
see "EXIT=0" "q quits at once without changes"
see "icanon echo" "terminal back in canonical mode with echo"
not_see "Memory-locking limit" "the planner's screen is gone"

# q with changes asks; n stays; y quits.
tui_start 100 30 --host demo:ac922 "$xml"
keys +
see "Done: memory 65 GiB" "an edit"
keys q
see "unsaved changes. Quit anyway? (y/n)" "q asks when there are changes"
keys n
see "Not quitting." "n stays"
keys q y
see "EXIT=0" "y quits"
see "icanon echo" "terminal restored after q y"

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
