#!/bin/sh
# The built-in demo hosts carry the facts of the real machines they copy
# (probe/demo_ac922.c: a 4-GPU AC922 8335-GTH booted on Linux 5.2).
. "$srcdir/tests/lib.sh"
command -v jq >/dev/null || { echo "1..0 # SKIP jq not installed"; exit 0; }

run_mp probe --host list
is "$RC" 0 "--host list exits 0"
is "$(printf '%s\n' "$OUT" | awk '{print $1}' | tr '\n' ' ')" "demo:ac922 demo:ac922-6gpu demo:x86-gpu demo:x86-server " \
    "--host list names the four demo hosts"

j() { printf '%s\n' "$OUT" | jq -r "$1"; }
gpus='[.devices[] | select(.is_gpu and .vendor == "10de")]'
bridges='[.devices[] | select(.is_nvlink2_bridge)]'

run_mp probe --host demo:ac922 --format json
is "$RC" 0 "demo:ac922 loads"
is "$(j '[.phbs[].domain] | join(" ")')" "0000 0001 0002 0003 0004 0005 0006 0007 0030 0033 0034 0035" \
    "ac922: 12 PHBs, NPU PHBs 0006 and 0007"
is "$(j '.devices | length')" 52 "ac922: 52 functions"
is "$(j "$gpus | map(.address) | join(\" \")")" "0004:04:00.0 0004:05:00.0 0035:03:00.0 0035:04:00.0" \
    "ac922: the four V100s where that machine has them"
is "$(j "$gpus | map(.device) | unique | join(\" \")")" "1db1" "ac922: all V100 SXM2 16GB (10de:1db1)"
is "$(j "$bridges | length")" 12 "ac922: 12 NVLink2 bridges (3 links x 4 GPUs)"
is "$(j "$bridges | map(.address[0:4]) | unique | join(\" \")")" "0006 0007" "ac922: bridges on the NPU PHBs"
is "$(j "$bridges | map(.class) | unique | join(\" \")")" "068001" "ac922: bridge class 0x068001"
is "$(j "$bridges | group_by(.gpu) | map(\"\(.[0].gpu)=\(length)\") | join(\" \")")" \
    "0004:04:00.0=3 0004:05:00.0=3 0035:03:00.0=3 0035:04:00.0=3" "ac922: each GPU has 3 links"
is "$(j '.iommu_groups | keys | length')" 11 "ac922: 11 IOMMU groups"
is "$(j '.iommu_groups["5"] | join(" ")')" \
    "0004:04:00.0 0004:05:00.0 0006:00:00.0 0006:00:00.1 0006:00:00.2 0006:00:01.0 0006:00:01.1 0006:00:01.2" \
    "ac922: compound group 5 = socket 0"
is "$(j '.iommu_groups["10"] | join(" ")')" \
    "0007:00:00.0 0007:00:00.1 0007:00:00.2 0007:00:01.0 0007:00:01.1 0007:00:01.2 0035:03:00.0 0035:04:00.0" \
    "ac922: compound group 10 = socket 1"
is "$(j "$gpus | map(\"\(.address)=\(.gpu_ram_window.numa_node)\") | join(\" \")")" \
    "0004:04:00.0=255 0004:05:00.0=254 0035:03:00.0=253 0035:04:00.0=252" "ac922: GPU RAM nodes 255-252"
is "$(j "$gpus | map(.numa_node) | join(\" \")")" "0 0 8 8" "ac922: GPUs on NUMA nodes 0 and 8"
is "$(j "$bridges | map(.numa_node) | unique | map(tostring) | join(\" \")")" "null" "ac922: bridges have no NUMA node"
is "$(j '.devices[] | select(.address == "0007:00:01.2") | .gpu_ram_window.base_bytes')" 39719857553408 \
    "ac922: socket 1 GPU RAM at 0x242000000000"
is "$(j '[.arch, .kernel, .model, (.memlock_limit_bytes | tostring), (.has_kvm | tostring)] | join(" ")')" \
    "ppc64le 5.4.0-ac922 8335-GTH 67108864 true" "ac922: arch, kernel 5.x, model, 64 MiB memlock, kvm"
is "$(j '.memory_kib > 500000000')" true "ac922: host RAM about 512 GiB"
is "$(j '.warnings | length')" 0 "ac922: kernel 5.4 keeps NVLink2: no warning"
is "$(j '[.devices[] | select(.is_gpu)] | length')" 4 "ac922: 4 GPUs (the BMC's VGA is not one)"
is "$(j '.devices[] | select(.address == "0002:02:00.0") | [.is_display, .is_gpu, .gpu_ram_bytes] | map(tostring) | join(" ")')" \
    "true false null" "ac922: ASPEED VGA: a display, not a GPU, no GPU RAM"
is "$(j "$gpus | map(.gpu_ram_bytes) | unique | map(tostring) | join(\" \")")" 17179869184 \
    "ac922: V100 SXM2 16GB: 16 GiB of GPU RAM (not the 128 GiB window)"

run_mp probe --host demo:ac922-6gpu --format json
is "$RC" 0 "demo:ac922-6gpu loads"
is "$(j "$gpus | length")" 6 "ac922-6gpu: 6 GPUs"
is "$(j "$gpus | map(.device) | unique | join(\" \")")" "1db5" "ac922-6gpu: V100 SXM2 32GB (10de:1db5)"
is "$(j "$bridges | group_by(.gpu) | map(length) | unique | map(tostring) | join(\" \")")" "2" \
    "ac922-6gpu: 2 links per GPU"
is "$(j "$bridges | length")" 12 "ac922-6gpu: 12 bridges"
is "$(j "$gpus | map(.gpu_ram_bytes) | unique | map(tostring) | join(\" \")")" 34359738368 \
    "ac922-6gpu: V100 SXM2 32GB: 32 GiB of GPU RAM"
is "$(j "$gpus | map(.gpu_ram_window.numa_node) | sort | map(tostring) | join(\" \")")" "250 251 252 253 254 255" \
    "ac922-6gpu: GPU RAM nodes 250-255"
is "$(j '.iommu_groups["5"] | length')" 9 "ac922-6gpu: group 5 = 3 GPUs + 6 bridges"

run_mp probe --host demo:x86-gpu --format json
is "$RC" 0 "demo:x86-gpu loads"
is "$(j '.arch')" x86_64 "x86-gpu: x86_64"
is "$(j "$gpus | map(\"\(.address) \(.driver) \(.iommu_group)\") | join(\",\")")" "0000:01:00.0 vfio-pci 2" \
    "x86-gpu: one GPU on vfio-pci in group 2"
is "$(j '.iommu_groups["2"] | join(" ")')" "0000:01:00.0 0000:01:00.1" "x86-gpu: its audio function shares the group"
is "$(j '.devices[] | select(.address == "0000:01:00.1") | .driver')" vfio-pci "x86-gpu: audio on vfio-pci too"
is "$(j "$bridges | length")" 0 "x86-gpu: no NVLink2 bridges"

run_mp probe --host demo:x86-server --format json
is "$RC" 0 "demo:x86-server loads"
is "$(j '[.devices[] | select(.device == "1889")] | map("\(.address)=\(.iommu_group)") | join(" ")')" \
    "0000:3b:01.0=11 0000:3b:01.1=12 0000:3b:01.2=13 0000:3b:01.3=14" \
    "x86-server: four E810 virtual functions, each in its own group"
is "$(j '[.devices[] | select(.device == "1889" and .driver == "vfio-pci")] | length')" 3 \
    "x86-server: three of them on vfio-pci"
is "$(j '[.devices[] | select(.vendor == "15b3")] | map(.device) | join(" ")')" "101d 101d 101e 101e" \
    "x86-server: ConnectX-6 Dx with two virtual functions (vDPA-capable)"
is "$(j '.iommu_groups["21"] | join(" ")')" "0000:af:00.0 0000:af:00.1" "x86-server: GPU and audio share group 21"
is "$(j '[.devices[] | select(.is_gpu) | .address] | join(" ")')" "0000:af:00.0" \
    "x86-server: one GPU (the BMC's VGA is not one)"
is "$(j '.devices[] | select(.address == "0000:af:00.0") | .gpu_ram_bytes')" 17179869184 "x86-server: RTX A4000 16 GiB"
is "$(j '[.devices[] | select(.class == "010802")] | map(.numa_node) | map(tostring) | join(" ")')" "1 1" \
    "x86-server: two NVMe drives on socket 1"
is "$(j '.iommu_groups["6"] | length')" 3 "x86-server: the chipset's LPC, SMBus and SPI share a group"
# The q35 + two VFIO NICs + vIOMMU guest plans on it without hand-made hosts.
run_mp calc --host demo:x86-server --format json "$srcdir/data/guests/x86-q35-viommu.xml"
is "$(j '[.limit_bytes, (.warnings | length)] | map(tostring) | join(" ")')" "35433480192 0" \
    "x86-server: the q35 vIOMMU guest with two PF NICs: 2 x 16 GiB + 1 GiB, no warning"
run_mp capacity --host demo:x86-server --format json "$srcdir/tests/data/capacity/x86-q35-two-vfs.xml"
is "$(j '[.fits, .limited_by] | map(tostring) | join(" ")')" "2 groups:8086:1889 x1" \
    "x86-server: two guests of two virtual functions each fit (four VF groups)"

run_mp probe --host demo:ac922
like "$OUT" "+-0006:00:00.0 Bridge: IBM 1014:04ea, driver vfio-pci, group 5 <NVLink2 bridge -> GPU 0004:04:00.0>" \
    "text: bridge line with driver, group and GPU link"
like "$OUT" "| | \\-0004:04:00.0 3D controller: NVIDIA Corporation GV100GL [Tesla V100 SXM2 16GB] [10de:1db1], driver vfio-pci, group 5, NUMA 0 <GPU RAM 16 GiB in a 128 GiB window at 0x40000000000, NUMA 255>" \
    "text: a 16 GB V100: 16 GiB of RAM in its 128 GiB window"
like "$OUT" "0002:02:00.0 VGA compatible controller: ASPEED Technology, Inc. ASPEED Graphics Family [1a03:2000], driver ast, group 2, NUMA 0 <display only, not a GPU to plan>" \
    "text: the BMC's VGA is a display, not a GPU"
like "$OUT" "PHB 0035" "text: PHB headings"

run_mp probe --host demo:nosuch
is "$RC" 2 "unknown demo host: exit 2"
is "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1 "unknown demo host: one line"
like "$ERR" "no such demo host" "unknown demo host: says so"
run_mp probe --host demo:ac922 --format yaml
is "$RC" 2 "--format yaml: exit 2"
run_mp probe extra
is "$RC" 2 "probe with an argument: exit 2"
plan_done
