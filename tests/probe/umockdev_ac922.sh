#!/bin/sh
# The live probe over a umockdev AC922: libudev enumeration, sysattrs, driver
# and iommu_group links, of_node links into the device tree, ibm,gpu and
# memory-region phandles, the GPU RAM node's reg and associativity.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/probe/lib-umockdev.sh"
tab="$srcdir/tests/probe/ac922.hosttab"
dt="$srcdir/tests/probe/ac922.dt"

umock_run "$tab" "$dt" : probe --format json
is "$RC" 0 "probe exits 0"
is "$(jqo '.devices | length')" 52 "52 PCI functions"
is "$(jqo '[.phbs[].domain] | join(" ")')" "0000 0001 0002 0003 0004 0005 0006 0007 0030 0033 0034 0035" \
    "PHB domains as skiboot numbers them"
is "$(jqo '.model')" "8335-GTH" "model from the device tree"
dev() { jqo ".devices[] | select(.address == \"$1\") | $2"; }
is "$(dev 0006:00:00.0 '[.vendor, .device, .class, .revision] | join(":")')" "1014:04ea:068001:01" \
    "bridge ids and class from sysattrs"
is "$(dev 0006:00:00.0 .driver)" vfio-pci "bridge driver from the driver link"
is "$(dev 0006:00:00.0 .iommu_group)" 5 "bridge IOMMU group from the iommu_group link"
is "$(dev 0006:00:00.0 .numa_node)" null "bridge numa_node -1 is no node"
is "$(dev 0006:00:00.0 .is_nvlink2_bridge)" true "bridge: all four of_node files found"
is "$(dev 0006:00:00.0 '.nv2_files | join(",")')" "ibm,gpu,ibm,nvlink,ibm,nvlink-speed,memory-region" \
    "bridge: the four files named"
is "$(dev 0006:00:00.0 .of_node)" "/pciex@6030200000000/unknown-bridge@0" "of_node path from the link"
is "$(dev 0006:00:00.0 .gpu)" "0004:04:00.0" "ibm,gpu phandle 0x600 matched to GPU0's node"
is "$(dev 0006:00:01.2 .gpu)" "0004:05:00.0" "GPU1's third link"
is "$(dev 0007:00:00.1 .gpu)" "0035:03:00.0" "socket 1, first GPU"
is "$(dev 0007:00:01.2 .gpu)" "0035:04:00.0" "socket 1, second GPU"
is "$(dev 0006:00:00.0 '.gpu_ram_window | "\(.base_bytes) \(.size_bytes) \(.numa_node)"')" \
    "4398046511104 137438953472 255" "memory-region -> memory@40000000000: 128 GiB at 4 TiB, node 255"
is "$(dev 0007:00:01.0 '.gpu_ram_window | "\(.base_bytes) \(.numa_node)"')" "39719857553408 252" \
    "socket 1 second GPU: 0x242000000000, node 252"
is "$(dev 0004:04:00.0 '[.is_gpu, .is_nvlink2_bridge, .driver, .iommu_group, .numa_node] | map(tostring) | join(" ")')" \
    "true false vfio-pci 5 0" "GPU: class 0302, vfio-pci, group 5, NUMA 0"
is "$(dev 0004:04:00.0 .gpu_ram_window.numa_node)" 255 "GPU carries its RAM node from its bridges"
is "$(dev 0004:04:00.0 .gpu_ram_bytes)" 17179869184 "V100 SXM2 16GB (10de:1db1): 16 GiB, not the 128 GiB window"
is "$(dev 0002:02:00.0 '[.is_display, .is_gpu] | map(tostring) | join(" ")')" "true false" \
    "BMC's ASPEED VGA: a display, not a GPU"
is "$(jqo '[.devices[] | select(.is_gpu)] | length')" 4 "4 GPUs, not 5"
is "$(dev 0035:04:00.0 .parent)" "0035:02:05.0" "parent bridge from the sysfs path"
is "$(dev 0000:00:00.0 .parent)" null "root port has no PCI parent"
is "$(jqo '.iommu_groups["5"] | join(" ")')" \
    "0004:04:00.0 0004:05:00.0 0006:00:00.0 0006:00:00.1 0006:00:00.2 0006:00:01.0 0006:00:01.1 0006:00:01.2" \
    "compound group 5: socket 0's GPUs and bridges"
is "$(jqo '.iommu_groups["10"] | length')" 8 "compound group 10 has 8 members"
is "$(jqo '.iommu_groups | keys | length')" 11 "groups 0-10"
is "$(jqo '[.devices[] | select(.is_nvlink2_bridge)] | length')" 12 "12 NVLink2 bridges"
is "$(jqo '[.devices[] | select(.is_nvlink2_bridge) | .gpu] | unique | length')" 4 "serving 4 GPUs"
is "$(jqo '[.warnings[] | select(test("cannot|not a|missing|vanished"))] | length')" 0 \
    "no read warnings on a healthy host"
case $(uname -r) in
[0-4].*|5.[0-9].*|5.1[0-2].*) skip "kernel older than 5.13: no removal warning" ;;
*) is "$(jqo '[.warnings[] | select(test("5.13 removed NVLink2"))] | length')" 1 \
       "kernel >= 5.13 with NVLink2 bridges: one removal warning" ;;
esac

# The same facts as the built-in demo host (names aside: no hwdb here).
facts='[.devices[] | {address, vendor, device, subsystem_vendor, subsystem_device, class, revision,
        driver, iommu_group, numa_node, parent, of_node, is_gpu, is_nvlink2_bridge, nv2_files, gpu, gpu_ram_window}]'
"$MP" probe --host demo:ac922 --format json | jq -S "$facts" > "$TMPDIR_TEST/demo.facts"
printf '%s\n' "$OUT" | jq -S "$facts" > "$TMPDIR_TEST/umock.facts"
if cmp -s "$TMPDIR_TEST/demo.facts" "$TMPDIR_TEST/umock.facts"; then
    ok "umockdev AC922 and demo:ac922 agree on every device fact"
else
    fail "umockdev AC922 and demo:ac922 agree on every device fact"
    diff "$TMPDIR_TEST/demo.facts" "$TMPDIR_TEST/umock.facts" | head -20 | sed 's/^/# /'
fi

# calc: the same bytes on the demo host and on the umockdev host.
for guest in "$srcdir/data/guests/pseries-ac922-socket0.xml" \
             "$srcdir/data/guests/pseries-1g-hostdev.xml" \
             "$srcdir/tests/data/calc/worked-pseries-64g-nv2-1phb.xml"; do
    want=$("$MP" calc --host demo:ac922 --format json "$guest" | jq .limit_bytes)
    umock_run "$tab" "$dt" : calc --host live --format json "$guest"
    is "$(jqo .limit_bytes)" "$want" "calc $(basename "$guest"): umockdev host = demo host ($want)"
done

# record under umockdev, then plan from the file without umockdev.
umock_run "$tab" "$dt" : record -o "$TMPDIR_TEST/ac922.xml"
is "$RC" 0 "record -o under umockdev exits 0"
umock_run "$tab" "$dt" : probe --format json
printf '%s\n' "$OUT" | jq -S 'del(.source)' > "$TMPDIR_TEST/live.json"
"$MP" probe --host "$TMPDIR_TEST/ac922.xml" --format json | jq -S 'del(.source)' > "$TMPDIR_TEST/file.json"
if cmp -s "$TMPDIR_TEST/live.json" "$TMPDIR_TEST/file.json"; then
    ok "record then --host FILE: the same probe JSON"
else
    fail "record then --host FILE: the same probe JSON"
    diff "$TMPDIR_TEST/live.json" "$TMPDIR_TEST/file.json" | head -20 | sed 's/^/# /'
fi
plan_done
