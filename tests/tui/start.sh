#!/bin/sh
# The planner's first screen on the AC922 demo host: the limit in exact bytes
# equals what `calc` prints for the same guest, the host tree and the guest.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

want=$(calc_bytes --host demo:ac922 "$GUESTS/pseries-1g-hostdev.xml")
is "$want" 4320133120 "calc: libvirt's pseries-hostdev value"
tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-1g-hostdev.xml"
see_limit "$want" "start screen shows calc's bytes for pseries-1g-hostdev"
is "$(screen_limit)" "$want" "the only byte value on screen is calc's"
see "Limit  4.02 GiB" "the limit in human units"
see "Host demo:ac922" "host pane names the host"
see "PHB 0000" "host tree starts with a PHB"
see "Guest pseries-1g-hostdev" "guest pane names the guest"
see "ppc64le / pseries" "architecture and machine"
see "auto: 2 (1 added)" "PHBs as libvirt places them"
see "Pre-DDW DMA windows" "every term is listed"
see "2 GiB per PHB for a guest" "each term says why"
see "0001:01:00.0" "the assigned device is listed in the guest"
see "No warnings." "warnings line"
see "F1/? Help  q Quit  Tab Pane  Space Assign" "footer with the keys"

# The NVLink2 socket guest: a different rule and bigger numbers.
want=$(calc_bytes --host demo:ac922 "$GUESTS/pseries-ac922-socket0.xml")
tui_start 100 30 --host demo:ac922 "$GUESTS/pseries-ac922-socket0.xml"
see_limit "$want" "socket-0 guest: calc's bytes"
see "NVLink2 64-bit DMA windows" "the NVLink2 term"

# No XML: a new guest for the host's architecture, at 80x24.
tui_start 80 24 --host demo:ac922
see "ppc64le / pseries" "a new guest takes the host's architecture"
see "Guest new-guest" "the new guest's name"
# 4 GiB pseries, no devices: (4 GiB/128 + 4 MiB + 8 MiB) = 44 MiB.
see_limit 46137344 "new 4 GiB pseries guest: 44 MiB"
see "F1/? Help" "footer fits at 80x24"

# D opens a demo host; an untouched new guest takes its architecture.
tui_start 100 30 --host none
see "No host facts (--host none). Press D" "no host: the pane says how to get one"
see "x86_64 / q35" "a new guest without host facts is x86_64"
keys D
see "Open a host (Enter opens, Esc cancels)" "D lists the demo hosts"
see "demo:ac922-6gpu" "the 6-GPU AC922 is offered"
keys Down Enter
see "Host demo:ac922-6gpu opened." "Enter opens the chosen demo host"
see "ppc64le / pseries" "the new guest follows the host's architecture"
see_limit 46137344 "and its limit: 4 GiB pseries, 44 MiB"
see "(host demo:ac922-6gpu)" "the change line names the host"

# ASCII line drawing when asked.
tui_start 100 30 --host demo:ac922 --ascii "$GUESTS/pseries-1g-hostdev.xml"
see "+- Host demo:ac922 " "ASCII box corners"
not_see "┌" "no UTF-8 box drawing with --ascii"
plan_done
