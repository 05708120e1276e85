#!/bin/sh
# The planner on a live host faked by umockdev (the AC922 from the probe
# tests): libudev enumeration feeds the host pane, and the limits equal
# calc's on the same fake host.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/tui/tmux_lib.sh"
. "$srcdir/tests/probe/lib-umockdev.sh"
tab="$abs_srcdir/tests/probe/ac922.hosttab"
dt="$abs_srcdir/tests/probe/ac922.dt"
xml="$TUI_DATA/pseries-64g.xml"

sh "$HOSTGEN" record "$tab" >"$TMPDIR_TEST/host.umockdev"
# A wrapper that runs the planner inside the fake host.
cat >"$TMPDIR_TEST/umock-mp" <<WRAP
#!/bin/sh
HOSTGEN='$abs_srcdir/tests/probe/umockdev-host.sh' exec '$UMOCKDEV_RUN' -d '$TMPDIR_TEST/host.umockdev' -- \
    sh -c 'sh "\$HOSTGEN" populate "$tab" "$dt" >/dev/null && exec "\$@"' sh '$MP' "\$@"
WRAP
start=$(sh "$TMPDIR_TEST/umock-mp" calc --host live "$xml" | head -n 1)
socket=$(sh "$TMPDIR_TEST/umock-mp" calc --host live "$GUESTS/pseries-ac922-socket0.xml" | head -n 1)
[ -n "$start" ] && [ -n "$socket" ] && [ "$start" != "$socket" ]
is "$?" 0 "calc under umockdev: $start and $socket"

TUI_RUN="sh $TMPDIR_TEST/umock-mp"
tui_start 100 30 --host live "$xml"
see "Host live" "the host pane shows the live host"
see_limit "$start" "start: calc's bytes on the fake host"
keys /
type_text "0006:00:00.2"
keys Enter
see "0006:00:00.2 NVLink2 bridge of GPU" "an NVLink2 bridge found through libudev"
see "0004:04:00.0; IOMMU group 5" "its GPU (ibm,gpu phandle) and IOMMU group"
keys /
type_text "0004:05:00.0"
keys Enter
see "0004:05:00.0 GPU with 3 NVLink2 bridges;" "GPU found by search, its bridges from the device tree"
keys Space
see "IOMMU group 5 has 7 more devices" "its IOMMU group from the fake sysfs"
keys y
see_limit "$socket" "GPU with its group: calc's bytes for the socket-0 XML"
keys u
see_limit "$start" "undo"
keys q
see "EXIT=0" "quits"
see "icanon echo" "terminal restored"
plan_done
