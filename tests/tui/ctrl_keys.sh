#!/bin/sh
# Input the terminal or curses would take for itself: Ctrl-S must not
# freeze the screen (flow control), Ctrl-Z suspends and fg brings the screen
# back, Ctrl-Y and Alt-U redo, invalid
# UTF-8 costs only its own bytes (not the keys that arrive with it), escape
# sequences curses does not know are dropped whole (their last byte is no
# key), and
# Ctrl-\ leaves cleanly with the terminal restored (no core dump in raw mode).
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-1g-hostdev.xml"
want=$(calc_bytes --host demo:ac922 "$xml")
tui_start 100 30 --host demo:ac922 "$xml"
see_limit "$want" "started"

keys C-s
see "No hard_limit is set" "Ctrl-S writes as w does: the screen still updates"
keys Escape
see "Nothing written." "Esc: nothing written"
keys '?'
see "Keys (Up/Down scroll" "the help opens"
keys Escape
wait_gone "Keys (Up/Down scroll"

keys +
see "Done: memory 2 GiB" "an edit"
keys u
see "Undone: memory 2 GiB" "u undoes it"
see_limit "$want" "the limit is back"
keys C-y
see "Redone: memory 2 GiB" "Ctrl-Y redoes it"
keys u
see "Undone: memory 2 GiB" "undone again"
keys M-u
see "Redone: memory 2 GiB" "Alt-U redoes it too"
keys u
pane=$(tm list-panes -t mp -F '#{pane_pid}')
planner=$(pgrep -P "$pane" | head -n 1)
keys C-z
n=50
state=
while [ $n -gt 0 ]; do
    state=$(ps -o stat= -p "$planner" 2>/dev/null)
    case $state in T*) break ;; esac
    sleep 0.1
    n=$((n - 1))
done
case $state in
T*) ok "Ctrl-Z stops the planner (state $state)" ;;
*) fail "Ctrl-Z stops the planner (state $state)" ;;
esac
kill -CONT "$planner"
keys C-l
see_limit "$want" "after SIGCONT the planner draws again"

# Broken UTF-8 and the keys after it in one write: the keys still count.
tm send-keys -t mp -H ff 3f
see "Keys (Up/Down scroll" "a lone 0xff byte, then ?: the help opens"
keys Escape
wait_gone "Keys (Up/Down scroll"
tm send-keys -t mp -H e2 82 18 3f
see "Keys (Up/Down scroll" "a cut-short character, then ?: the help opens"
keys Escape
wait_gone "Keys (Up/Down scroll"
# Unknown sequences: CSI ending in q (would quit), a kitty-protocol key
# ending in u (would undo), an SS3 ending in j (would move).
keys +
see "Done: memory 2 GiB" "an edit to keep"
tm send-keys -t mp -H 1b 5b 32 34 3b 36 71
tm send-keys -t mp -H 1b 5b 31 31 33 3b 35 75 1b 4f 6a
keys '?'
see "Keys (Up/Down scroll" "after unknown escape sequences the planner still answers"
not_see "EXIT=" "and has not quit"
keys Escape
wait_gone "Keys (Up/Down scroll"
see "[modified]" "the edit was not undone"
keys m C-u
tm send-keys -t mp -H c3 a9 c3 41 e4 b8 ad
see "Memory (e.g. 96G, 512MiB): éA中" "the prompt keeps valid characters around an invalid one"
keys Escape

keys 'C-\'
see "EXIT=0" "Ctrl-\\ quits with status 0"
see "icanon echo" "terminal restored after Ctrl-\\"
not_see "Memory-locking limit" "the planner's screen is gone"
plan_done
