#!/bin/sh
# Assigning on the AC922 demo host: a GPU with its whole IOMMU group (the
# other GPU of the socket and its six NVLink2 bridges) gives the bytes calc
# gives for that guest XML; a GPU alone gives the plain VFIO figure and a
# warning; undo goes back.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/tui/tmux_lib.sh"

start=$(calc_bytes --host demo:ac922 "$TUI_DATA/pseries-64g.xml")
socket=$(calc_bytes --host demo:ac922 "$GUESTS/pseries-ac922-socket0.xml")
# The same 64 GiB guest with only the first GPU.
sed 's|<devices>|<devices><hostdev mode="subsystem" type="pci"><source><address domain="0x0004" bus="0x04" slot="0x00" function="0x0"/></source></hostdev>|' \
    "$TUI_DATA/pseries-64g.xml" >"$TMPDIR_TEST/gpu-alone.xml"
alone=$(calc_bytes --host demo:ac922 "$TMPDIR_TEST/gpu-alone.xml")
[ "$start" != "$socket" ] && [ "$socket" != "$alone" ] && [ "$start" != "$alone" ]
is "$?" 0 "calc: three different limits ($start, $alone, $socket)"

tui_start 100 30 --host demo:ac922 "$TUI_DATA/pseries-64g.xml"
see_limit "$start" "start: calc's bytes for the 64 GiB guest"

# Find the GPU and press Space: the planner offers its IOMMU group.
keys /
see "Search host devices:" "/ opens the search prompt"
type_text "0004:04:00.0"
keys Enter
see "0004:04:00.0 GPU with 3 NVLink2 bridges;" "the GPU is selected (its details shown)"
keys Space
see "IOMMU group 5 has 7 more devices" "Space offers the whole IOMMU group"
keys y
see_limit "$socket" "GPU with its group: calc's bytes for the socket-0 XML"
is "$(screen_limit)" "$socket" "the limit on screen is exactly that"
see "Devices (8)" "eight devices in the guest"
see "NVLink2 64-bit DMA windows" "the NVLink2 term appears"
see "assign IOMMU group 5 (8 devices)" "the change names the edit"
see "[modified]" "the title marks unsaved changes"
see "● " "assigned devices are marked in the host tree"

keys u
see_limit "$start" "undo: back to the first limit"
see "Undone: assign IOMMU group 5" "undo says what it undid"
see "Devices (0)" "no devices after undo"

# The GPU alone: plain VFIO formula and a warning about its bridges.
keys Space
see "Assign the whole group?" "asked again"
keys n
see_limit "$alone" "GPU alone: calc's bytes for the XML with one GPU"
see "without its NVLink2 bridge" "warning: GPU without its bridges"
see "IOMMU group 5 is only partly assigned" "warning: partly assigned group"

# Space again on the assigned GPU offers nothing (no other member assigned).
keys Space
see_limit "$start" "Space unassigns the GPU"
see "Done: unassign 0004:04:00.0" "status names the edit"

# A PHB heading is not a device.
keys g
keys Space
see "Select a device (not a PHB)" "Space on a PHB explains"
plan_done
