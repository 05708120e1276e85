#!/bin/sh
# Hosts whose devices vanish between the probe and the display. A snapshot
# lacking devices the guest names: they show as not on this host, the limit
# is calc's, and every key on their rows is safe. A live host faked by
# umockdev whose devices are removed (whole, half, their device-tree nodes,
# an IOMMU group) while the planner runs: the screen keeps its probe, and D
# -> live probes again and shows what is left, with calc's limit.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/tui/tmux_lib.sh"

xml="$GUESTS/pseries-ac922-socket0.xml"

# ---- a snapshot without GPU 0004:04:00.0 and bridge 0006:00:00.1 ----
snap="$TMPDIR_TEST/missing.host"
"$MP" record --host demo:ac922 |
    grep -v -e 'address="0004:04:00.0"' -e 'address="0006:00:00.1"' >"$snap"
want=$(calc_bytes --host "$snap" "$xml")
[ -n "$want" ]
is "$?" 0 "calc on the snapshot: $want"
tui_start 160 50 --host "$snap" "$xml"
see_limit "$want" "the planner's limit is calc's"
see "0004:04:00.0 (not on this host)" "the missing GPU is marked in the guest pane"
see "0006:00:00.1 (not on this host)" "so is the missing bridge"
see "Devices (8)" "the guest keeps all 8 hostdevs"
keys '!'
see "0004:04:00.0 is not on this host" "!: a warning names it"
keys Escape
keys /
type_text "0004:04:00.0"
keys Enter
see "No host device matches '0004:04:00.0'." "search: the host has no such device"
# Space, e and Enter on the missing GPU's row: each removes it, u undoes.
# The first hostdev row: after the 12 field rows (End through tmux is not
# xterm's End under TERM=xterm-256color).
keys Tab g j j j j j j j j j j j j
for k in Space e Enter; do
    keys "$k"
    see "Devices (7)" "$k on the missing GPU's row removes it"
    not_see "0004:04:00.0 (not on this host)" "$k: it is gone from the guest"
    keys u
    see "Devices (8)" "$k: undo brings it back"
done
see_limit "$want" "and the limit"
keys q d
see "EXIT=0" "quits"

# ---- a live host under umockdev, devices removed while the planner runs ----
: "${UMOCKDEV_RUN:=$(command -v umockdev-run || true)}"
if [ -z "$UMOCKDEV_RUN" ] || [ ! -x "$UMOCKDEV_RUN" ]; then
    skip "umockdev-run not installed: the live part"
    plan_done
    exit $?
fi
tab="$abs_srcdir/tests/probe/ac922.hosttab"
dt="$abs_srcdir/tests/probe/ac922.dt"
sh "$abs_srcdir/tests/probe/umockdev-host.sh" record "$tab" >"$TMPDIR_TEST/host.umockdev"
# vanish TESTBED: a GPU gone whole, a bridge half gone (directory without its
# uevent and id attributes), a bridge's device-tree node, IOMMU group 10, a GPU RAM node.
cat >"$TMPDIR_TEST/vanish" <<'EOF'
sys=$1/sys
rm -rf "$(find "$sys/devices" -type d -name 0004:04:00.0)"
b=$(find "$sys/devices" -type d -name 0006:00:00.1)
rm -f "$b/uevent" "$b/vendor" "$b/device" "$b/class" "$b/config"
rm -rf "$sys/firmware/devicetree/base/pciex@6030200000000/unknown-bridge@1"
rm -rf "$sys/kernel/iommu_groups/10"
rm -rf "$sys/firmware/devicetree/base/memory@40000000000"
EOF
# umock-mp [vanish] ARGS: the planner in the fake host (already vanished with
# "vanish"); the testbed's directory is left in $TMPDIR_TEST/testbed.
cat >"$TMPDIR_TEST/umock-mp" <<WRAP
#!/bin/sh
v=
[ "\$1" = vanish ] && { v=1; shift; }
exec '$UMOCKDEV_RUN' -d '$TMPDIR_TEST/host.umockdev' -- sh -c '
    sh "\$0" populate "\$1" "\$2" >/dev/null || exit 99
    echo "\$UMOCKDEV_DIR" >"\$3/testbed"
    [ -z "\$4" ] || sh "\$3/vanish" "\$UMOCKDEV_DIR"
    shift 4
    exec "\$@"' '$abs_srcdir/tests/probe/umockdev-host.sh' '$tab' '$dt' '$TMPDIR_TEST' "\$v" \
    '$MP' "\$@"
WRAP
before=$(sh "$TMPDIR_TEST/umock-mp" calc --host live "$xml" | head -n 1)
after=$(sh "$TMPDIR_TEST/umock-mp" vanish calc --host live "$xml" | head -n 1)
[ -n "$before" ] && [ -n "$after" ] && [ "$before" != "$after" ]
is "$?" 0 "calc on the fake host: $before, after the removals $after"
sh "$TMPDIR_TEST/umock-mp" vanish probe --host live --format json >"$TMPDIR_TEST/probe.json" 2>/dev/null
grep -q '"0004:05:00.0"' "$TMPDIR_TEST/probe.json" && ! grep -q '"0004:04:00.0"' "$TMPDIR_TEST/probe.json"
is "$?" 0 "probe after the removals: the GPU is gone, its peer is there"

TUI_RUN="sh $TMPDIR_TEST/umock-mp"
tui_start 160 50 --host live "$xml"
see "Host live" "the planner on the live fake host"
see_limit "$before" "its limit before the removals"
testbed=$(cat "$TMPDIR_TEST/testbed")
[ -d "$testbed/sys" ] && sh "$TMPDIR_TEST/vanish" "$testbed"
is "$?" 0 "devices removed from the running testbed"
keys C-l
sleep 0.3
see_limit "$before" "the screen keeps the probe it made (redrawn)"
keys /
type_text "0004:04:00.0"
keys Enter
see "0004:04:00.0 GPU with 3 NVLink2 bridges" "the vanished GPU is still selectable from the old probe"
keys D
see "Open a host (Enter opens, Esc cancels)" "D: the host menu"
keys Down Down Down Down Down Enter
see "Host live opened." "live probed again"
see_limit "$after" "the limit is calc's on what is left"
see "0004:04:00.0 (not on this host)" "the vanished GPU is marked in the guest pane"
keys /
type_text "0004:04:00.0"
keys Enter
see "No host device matches '0004:04:00.0'." "and is gone from the host pane"
keys /
type_text "0006:00:00.1"
keys Enter
see "'0006:00:00.1': 1 of 1" "the half-gone bridge is listed"
keys Space
see "Esc: cancel" "Space on it asks about its IOMMU group"
keys n
see "Done: unassign 0006:00:00.1" "n unassigns just the half-gone bridge"
keys '!'
see "Warnings (Up/Down scroll" "! lists the warnings"
see "host probe: 0004:04:00.0: vanished during the scan" "!: the GPU vanished during the probe"
see "host probe: 0006:00:00.1: cannot read vendor" "!: the half-gone bridge's unreadable ids"
see "of_node points to a missing device-tree node" "!: the missing device-tree node"
keys Escape
keys q
wait_for_either "unsaved changes" "EXIT="
if screen | grep -qF "unsaved changes"; then keys d; fi
see "EXIT=0" "quits"
see "icanon echo" "terminal restored"
plan_done
