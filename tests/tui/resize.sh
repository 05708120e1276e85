#!/bin/sh
# Terminal sizes: below 80x24 a clear "too small" message (and q still
# quits), back to the planner when it grows; everything usable at 80x24.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-1g-hostdev.xml"
want=$(calc_bytes --host demo:ac922 "$xml")
tui_start 100 30 --host demo:ac922 "$xml"
see_limit "$want" "100x30: the limit"

tm resize-window -t mp -x 60 -y 20
see "Terminal too small: 60x20" "60x20: too small, with the size"
see "needs at least 80x24" "says the minimum"
not_see "Memory-locking limit" "no panes drawn below the minimum"
tm resize-window -t mp -x 79 -y 24
see "Terminal too small: 79x24" "79x24 is one column short"
tm resize-window -t mp -x 80 -y 23
see "Terminal too small: 80x23" "80x23 is one row short"

tm resize-window -t mp -x 80 -y 24
see_limit "$want" "80x24: the planner is back with the limit"
not_see "Terminal too small" "the message is gone"
see "Guest pseries-1g-hostdev" "guest pane at 80x24"
see "Host demo:ac922" "host pane at 80x24"
see "Pre-DDW DMA windows" "terms at 80x24"
see "F1/? Help  q Quit" "footer at 80x24"
# Edits work at 80x24 too.
keys l
see "Limit  unlimited" "80x24: l works"
keys l
see_limit "$want" "80x24: and back"

tm resize-window -t mp -x 160 -y 50
see "Done: locked off" "160x50: still the same plan"
see "2 GiB per PHB for a guest that never enables dynamic DMA windows" "wide: why lines in full"

# Too small, then q: it quits (asking first: there are changes).
tm resize-window -t mp -x 60 -y 20
see "Terminal too small" "small again"
keys q
see "unsaved changes" "q below the minimum still asks about unsaved changes"
keys d
see "EXIT=0" "and quits"
plan_done
