#!/bin/sh
# The live probe over broken hosts: of_node missing or a plain directory,
# dangling links, unreadable attributes, values that are not numbers, bad
# device-tree cells, devices vanishing while the probe runs. Every gap is
# "unknown" plus a warning; the probe never fails.
. "$srcdir/tests/lib.sh"
slow_test
. "$srcdir/tests/probe/lib-umockdev.sh"
rec="$TMPDIR_TEST/broken.umockdev"
cat > "$rec" <<'REC'
P: /devices/pci0000:00/0000:00:00.0
E: SUBSYSTEM=pci
A: vendor=0x8086
A: device=0x1901
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: class=0x060400
A: revision=0x00
A: numa_node=0

P: /devices/pci0000:00/0000:00:00.0/0000:01:00.0
E: SUBSYSTEM=pci
A: vendor/unreadable=1
A: device=0x1db1
A: class=0x030200
A: subsystem_vendor=0x10de
A: subsystem_device=0x1212
A: revision=0xa1
A: numa_node=0

P: /devices/pci0000:00/0000:00:00.0/0000:02:00.0
E: SUBSYSTEM=pci
A: vendor=0x10de
A: device=0x1db1
A: class=0x030200
A: subsystem_vendor=0x10de
A: subsystem_device=0x1212
A: revision=0xzz
A: numa_node=abc

P: /devices/pci0000:00/0000:00:00.0/0000:03:00.0
E: SUBSYSTEM=pci
A: vendor=0x15b3
A: device=0x1019
A: class=0x020700
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x00
A: numa_node=0
L: iommu_group=../../../../kernel/iommu_groups/not-a-number
L: driver=../../../../bus/pci/drivers/mlx5_core

P: /devices/pci0000:00/0000:00:00.0/0000:04:00.0
E: SUBSYSTEM=pci
A: vendor=0x1014
A: device=0x04ea
A: class=0x068001
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: numa_node=-1
L: of_node=../../../../firmware/devicetree/base/no/such/node
L: iommu_group=../../../../kernel/iommu_groups/42

P: /devices/pci0000:00/0000:00:00.0/0000:05:00.0
E: SUBSYSTEM=pci
A: vendor=0x14e4
A: device=0x1657
A: class=0x020000
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: driver=not-a-link

P: /devices/pci0000:00/0000:00:00.0/0000:06:00.0
E: SUBSYSTEM=pci
E: DRIVER=i40e
E: PCI_CLASS=20000
E: PCI_ID=8086:1572
E: PCI_SUBSYS_ID=8086:0007
A: revision=0x02
A: numa_node=0

P: /devices/pci0000:00/0000:00:00.0/0000:07:00.0
E: SUBSYSTEM=pci
E: PCI_CLASS=20000
E: PCI_ID=80z6:1572
E: PCI_SUBSYS_ID=8086:0007
A: vendor=0x8086
A: device=0x1583
A: class=0x020000
A: subsystem_vendor=0x8086
A: subsystem_device=0x0001
A: revision=0x01
A: numa_node=0

P: /devices/pci0000:00/0000:00:00.0/0000:08:00.0
E: SUBSYSTEM=pci
E: DRIVER=../evil
E: PCI_CLASS=20000
E: PCI_ID=8086:10D3
E: PCI_SUBSYS_ID=8086:A01F
A: revision=0x00
A: numa_node=0
L: driver=../../../../bus/pci/drivers/e1000e

P: /devices/pci0004:00/0004:04:00.0
E: SUBSYSTEM=pci
A: vendor=0x10de
A: device=0x1db1
A: class=0x030200
A: subsystem_vendor=0x10de
A: subsystem_device=0x1212
A: revision=0xa1
A: numa_node=0
H: of_node/phandle=00000600

P: /devices/pci0006:00/0006:00:00.0
E: SUBSYSTEM=pci
A: vendor=0x1014
A: device=0x04ea
A: class=0x068001
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: numa_node=-1
H: of_node/ibm,gpu=00000600
H: of_node/ibm,nvlink=00000174
H: of_node/ibm,nvlink-speed=00000008
H: of_node/memory-region=00000700

P: /devices/pci0006:00/0006:00:00.1
E: SUBSYSTEM=pci
A: vendor=0x1014
A: device=0x04ea
A: class=0x068001
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: numa_node=-1

P: /devices/pci0006:00/0006:00:00.2
E: SUBSYSTEM=pci
A: vendor=0x1014
A: device=0x04ea
A: class=0x068001
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: numa_node=-1
H: of_node/ibm,gpu=000006
H: of_node/ibm,nvlink=00000176
H: of_node/ibm,nvlink-speed=00000008
H: of_node/memory-region=00000777

P: /devices/pci0006:00/0006:00:01.0
E: SUBSYSTEM=pci
A: vendor=0x1014
A: device=0x04ea
A: class=0x068001
A: subsystem_vendor=0x0000
A: subsystem_device=0x0000
A: revision=0x01
A: numa_node=-1
H: of_node/ibm,gpu=00000999
H: of_node/ibm,nvlink=00000177
H: of_node/ibm,nvlink-speed=00000008
REC
# The GPU RAM node memory-region 0x700 names.
mem='m=$UMOCKDEV_DIR/sys/firmware/devicetree/base/memory@40000000000 && mkdir -p "$m" &&
  printf "\000\000\007\000" > "$m/phandle" &&
  printf "\000\000\004\000\000\000\000\000\000\000\000\040\000\000\000\000" > "$m/reg" &&
  printf "\000\000\000\004\000\000\000\377\000\000\000\377\000\000\000\377\000\000\000\377" > "$m/ibm,associativity"'

umock_exec "$rec" "$mem" probe --format json
is "$RC" 0 "a broken host still probes (exit 0)"
is "$(jqo '.devices | length')" 14 "every device listed"
dev() { jqo ".devices[] | select(.address == \"$1\") | $2"; }
warned() { # ADDRESS-OR-TEXT PATTERN NAME
    is "$(jqo "[.warnings[] | select(contains(\"$1\") and test(\"$2\"))] | length")" 1 "$3"
}
is "$(dev 0000:01:00.0 '[.vendor, .device, .class] | map(tostring) | join(" ")')" "null null null" \
    "unreadable vendor: ids unknown"
warned 0000:01:00.0 "cannot read vendor" "unreadable vendor: one warning naming it"
is "$(dev 0000:01:00.0 .name)" "?" "unreadable ids: the name is ?"
is "$(dev 0000:02:00.0 .numa_node)" null "numa_node 'abc': unknown"
warned 0000:02:00.0 "numa_node is not a node number: 'abc'" "numa_node 'abc': warning"
is "$(dev 0000:02:00.0 '[.vendor, .revision] | join(" ")')" "10de 00" "bad revision: ids kept, revision 0"
warned 0000:02:00.0 "revision is not a hexadecimal id" "bad revision: warning"
is "$(dev 0000:03:00.0 .iommu_group)" null "iommu_group link to 'not-a-number': no group"
warned 0000:03:00.0 "not a group number" "iommu_group 'not-a-number': warning"
is "$(dev 0000:03:00.0 .driver)" mlx5_core "dangling driver link: the name still counts"
is "$(dev 0000:04:00.0 .iommu_group)" 42 "dangling iommu_group link: the number still counts (as libvirt reads it)"
is "$(dev 0000:04:00.0 '[.of_node, .is_nvlink2_bridge] | map(tostring) | join(" ")')" "/no/such/node false" \
    "dangling of_node: path kept, not a bridge"
warned 0000:04:00.0 "missing device-tree node" "dangling of_node: warning"
is "$(dev 0000:05:00.0 '[.driver, .driver_known] | map(tostring) | join(" ")')" "null false" \
    "driver is a file, not a link: driver unknown"
warned 0000:05:00.0 "cannot read the driver link" "driver not a link: warning"
is "$(dev 0000:05:00.0 .numa_node)" null "no numa_node file: no node, no warning"
is "$(jqo '[.warnings[] | select(contains("0000:05:00.0") and contains("numa"))] | length')" 0 \
    "no numa_node file: silent"
is "$(dev 0006:00:00.0 '[.is_nvlink2_bridge, .of_node] | map(tostring) | join(" ")')" "true null" \
    "of_node as a plain directory: the four files still found"
is "$(dev 0006:00:00.0 .gpu)" "0004:04:00.0" "of_node directory: ibm,gpu matched to the GPU's phandle"
is "$(dev 0006:00:00.0 '.gpu_ram_window | "\(.base_bytes) \(.size_bytes) \(.numa_node)"')" \
    "4398046511104 137438953472 255" "memory-region: reg and associativity of memory@40000000000"
is "$(dev 0006:00:00.1 '[.is_nvlink2_bridge, (.nv2_files | length)] | map(tostring) | join(" ")')" "false 0" \
    "no of_node at all: not a bridge"
is "$(jqo '[.warnings[] | select(contains("0006:00:00.1"))] | length')" 0 "no of_node: no warning"
is "$(dev 0006:00:00.2 '[.is_nvlink2_bridge, .gpu] | map(tostring) | join(" ")')" "true null" \
    "3-byte ibm,gpu: still a bridge (the files exist), no GPU"
warned 0006:00:00.2 "ibm,gpu is unreadable or not one phandle" "3-byte ibm,gpu: warning"
warned 0006:00:00.2 "memory-region names phandle 0x777" "memory-region to nowhere: warning"
is "$(dev 0006:00:01.0 '[.is_nvlink2_bridge, .gpu, (.nv2_files | length)] | map(tostring) | join(" ")')" \
    "false null 3" "three of four files (no memory-region): not a bridge for libvirt 9.0"
warned 0006:00:01.0 "phandle 0x999, which no PCI device" "ibm,gpu to an unknown phandle: warning"
is "$(dev 0000:06:00.0 '[.vendor, .device, .subsystem_vendor, .subsystem_device, .class, .revision, .driver] | join(" ")')" \
    "8086 1572 8086 0007 020000 02 i40e" "uevent ids and DRIVER stand in for the attribute files and the link"
is "$(jqo '[.warnings[] | select(contains("0000:06:00.0"))] | length')" 0 "uevent ids: no warning"
is "$(dev 0000:07:00.0 '[.vendor, .device, .subsystem_device] | join(" ")')" "8086 1583 0001" \
    "malformed PCI_ID in uevent: the attribute files instead"
is "$(dev 0000:08:00.0 '[.device, .driver] | join(" ")')" "10d3 e1000e" \
    "DRIVER= not a plain name: the driver link instead"
umock_exec "$rec" "$mem" probe
like "$OUT" "-0000:05:00.0 Ethernet controller: 14e4:1657, driver unknown" "text: an unknown driver is said so"
like "$OUT" "<partial NVLink2 files>" "text: a partial bridge is marked"
like "$OUT" "warning: 0000:01:00.0: cannot read vendor" "text: warnings printed"

# Unreadable by permission: only meaningful for a non-root user.
if [ "$(id -u)" != 0 ]; then
    umock_exec "$rec" "$mem"' && chmod 000 "$UMOCKDEV_DIR/sys/devices/pci0000:00/0000:00:00.0/0000:03:00.0/class"' \
        probe --format json
    is "$(dev 0000:03:00.0 .class)" null "class mode 000: unknown"
    warned 0000:03:00.0 "cannot read class: Permission denied" "class mode 000: warning"
else
    skip "root reads mode-000 files: the permission case needs another user"
    skip "root reads mode-000 files"
fi

# Devices vanishing and coming back while the probe runs: never a failure.
vanish="$mem"' && d=$UMOCKDEV_DIR/sys/devices/pci0006:00 &&
  ( while :; do mv "$d" "$d.gone" 2>/dev/null; mv "$d.gone" "$d" 2>/dev/null; done ) &
  flipper=$!
  rc=0; i=0
  while [ $i -lt 25 ]; do
      "$1" probe --format json > "$UMOCKDEV_DIR/out.json" 2>/dev/null || { rc=1; break; }
      jq -e ".devices | length >= 6" "$UMOCKDEV_DIR/out.json" > /dev/null || { rc=2; break; }
      i=$((i + 1))
  done
  kill $flipper; wait $flipper 2>/dev/null
  echo "runs=$i rc=$rc"; exit 0'
umock_exec "$rec" "$vanish" true
is "$OUT" "runs=25 rc=0" "25 probes while a PHB's devices vanish and return: all exit 0 with JSON"
plan_done
