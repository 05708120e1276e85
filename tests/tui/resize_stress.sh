#!/bin/sh
# Resizes down to 1x1 step by step and back, with a prompt open, and bursts
# of SIGWINCH: the planner never dies, says "too small" while it is, and at
# 100x30 again draws exactly the screen it drew before.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-1g-hostdev.xml"
want=$(calc_bytes --host demo:ac922 "$xml")
tui_start 100 30 --host demo:ac922 "$xml"
see_limit "$want" "100x30: the limit"
settle
before=$(screen)
pane=$(tm list-panes -t mp -F '#{pane_pid}')
planner=$(pgrep -P "$pane" | head -n 1)
alive() { kill -0 "$planner" 2>/dev/null && ! screen | grep -q '^EXIT='; }
size() { tm display-message -p -t mp '#{window_width}x#{window_height}'; }

# Down: columns and rows shrink together, then each alone to 1.
sizes="90x27 81x25 80x24 79x24 80x23 70x20 60x15 45x10 30x6 20x4 12x3 6x2 3x2 2x1 1x1"
bad=""
for s in $sizes; do
    tm resize-window -t mp -x "${s%x*}" -y "${s#*x}"
    [ "$(size)" = "$s" ] || bad="$bad $s(tmux:$(size))"
    case $s in
    80x24|81x25|90x27) wait_for "$(grouped "$want") bytes" || bad="$bad $s(no limit)" ;;
    79x24|80x23|70x20|60x15|45x10|30x6)
        wait_for "Terminal too small: $s" || bad="$bad $s(no message)" ;;
    1x1) wait_for "…" || bad="$bad $s(no ellipsis)" ;;
    *) sleep 0.2 ;;
    esac
    alive || { bad="$bad $s(dead)"; break; }
done
is "$bad" "" "alive at every size down to 1x1, the limit or \"too small\" where it fits"
is "$(screen)" "…" "1x1: one cell, the message cut to an ellipsis"

for s in 1x2 2x1 3x3 10x1 1x10 40x12 79x23 80x24 100x30; do
    tm resize-window -t mp -x "${s%x*}" -y "${s#*x}"
    sleep 0.1
done
see_limit "$want" "back at 100x30: the limit"
settle
is "$(screen)" "$before" "100x30 again: the same screen as before"

# 200 SIGWINCH in a burst, without a change of size, then with resizes.
i=0
while [ "$i" -lt 200 ]; do
    kill -WINCH "$planner" 2>/dev/null
    i=$((i + 1))
done
alive
is "$?" 0 "alive after 200 SIGWINCH"
settle
is "$(screen)" "$before" "after the burst: the same screen"

n=0
for s in 85x26 40x10 1x1 120x40 80x24 7x3 100x30; do
    tm resize-window -t mp -x "${s%x*}" -y "${s#*x}"
    i=0
    while [ "$i" -lt 30 ]; do
        kill -WINCH "$planner" 2>/dev/null
        i=$((i + 1))
    done
    n=$((n + 30))
done
alive
is "$?" 0 "alive after $n more SIGWINCH between resizes"
see_limit "$want" "100x30 at the end: the limit"
settle
is "$(screen)" "$before" "and the same screen"

# A prompt survives 1x1: it is there, with its text, when the room is back.
keys m C-u
type_text "3G"
see "Memory (e.g. 96G, 512MiB): 3G" "a prompt with text"
tm resize-window -t mp -x 1 -y 1
sleep 0.2
tm resize-window -t mp -x 100 -y 30
see "Memory (e.g. 96G, 512MiB): 3G" "a prompt open across 1x1 keeps its text"
keys Enter
see "Done: memory 3 GiB" "and still takes Enter"
keys u
see_limit "$want" "undo"

keys q
see "EXIT=0" "q quits"
see "icanon echo" "terminal restored"
plan_done
