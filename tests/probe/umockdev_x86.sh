#!/bin/sh
# The live probe over a umockdev x86 host: a GPU and its audio function on
# vfio-pci in one IOMMU group, no device tree.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/probe/lib-umockdev.sh"
tab="$srcdir/tests/probe/x86.hosttab"

umock_run "$tab" - : probe --format json
is "$RC" 0 "probe exits 0"
is "$(jqo '.devices | length')" 11 "11 PCI functions"
is "$(jqo '[.phbs[].domain] | join(" ")')" "0000" "one PCI domain"
is "$(jqo '.iommu_groups["2"] | join(" ")')" "0000:01:00.0 0000:01:00.1" "GPU and audio share group 2"
is "$(jqo '[.devices[] | select(.driver == "vfio-pci") | .address] | join(" ")')" \
    "0000:01:00.0 0000:01:00.1" "both on vfio-pci"
is "$(jqo '[.devices[] | select(.is_gpu) | .address] | join(" ")')" "0000:01:00.0" "one GPU"
is "$(jqo '[.devices[] | select(.of_node != null or (.nv2_files | length) > 0)] | length')" 0 \
    "no device-tree facts"
is "$(jqo '[.devices[] | select(.numa_node != null)] | length')" 0 "numa_node -1 everywhere"
is "$(jqo '.devices[] | select(.address == "0000:01:00.1") | .parent')" "0000:00:01.0" "audio under the root port"
is "$(jqo '.devices[] | select(.address == "0000:00:1f.0") | [.driver, .driver_known] | map(tostring) | join(" ")')" \
    "null true" "no driver bound is known, not unknown"
is "$(jqo '[.warnings[] | select(startswith("RLIMIT_MEMLOCK of this user") | not)] | length')" 0 \
    "no warnings but this user's memlock limit"
is "$(jqo '.has_kvm')" true "/dev/kvm in the stub root"
# No pci.ids in the stub root, and udev's database is not asked under it.
is "$(jqo '.devices[] | select(.address == "0000:01:00.0") | [.name, (.name_source | tostring)] | join(" ")')" \
    "10de:1e30 null" "no pci.ids: the numeric ids, no name source"
is "$(jqo '.devices[] | select(.address == "0000:01:00.0") | .class_name')" \
    "VGA compatible controller" "class name as lspci gives it"
umock_run "$tab" - : probe
like "$OUT" "+-0000:00:01.0 PCI bridge: 8086:1901, driver pcieport, group 1" "text: root port line"
like "$OUT" "| +-0000:01:00.0 VGA compatible controller: 10de:1e30, driver vfio-pci, group 2" \
    "text: GPU under the root port"
like "$OUT" "  2: 0000:01:00.0 0000:01:00.1" "text: group 2 listed"
plan_done
