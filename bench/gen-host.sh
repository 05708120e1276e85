#!/bin/sh
# A synthetic host table of N PCI functions (default 4000) for the probe
# benchmark, in the format of tests/probe/*.hosttab. Two shapes:
#   switch  PHBs of a root port, a switch with 30 down-ports and one endpoint
#           (GPU or NIC) under each, device-tree nodes on the root ports
#           (POWER-like; few distinct ids)
#   sriov   an x86 server: sockets of root ports, each with a multi-function
#           NIC whose physical functions carry 63 SR-IOV virtual functions
#           (each in its own IOMMU group), NVMe drives, GPUs with their audio
#           function in one group, chipset functions sharing a group, and
#           ids from many vendors (the name lookup sees dozens of them)
# Usage: gen-host.sh [N [SHAPE]] > host.hosttab
set -eu
n=${1:-4000}
shape=${2:-switch}
case $shape in
switch)
awk -v n="$n" 'BEGIN {
    count = 0; group = 0
    for (dom = 0; count < n; dom++) {
        d = sprintf("%04x", dom)
        numa = dom % 2 ? 8 : 0
        root = "pci" d ":00/" d ":00:00.0"
        printf "%s 1014 04c1 0000 0000 060400 00 pcieport - %d /pciex@600c3c%07x/pci@0\n", root, numa, dom * 1048576
        count++
        up = root "/" d ":01:00.0"
        if (count < n) { printf "%s 10b5 8725 10b5 8725 060400 ca pcieport %d %d -\n", up, group++, numa; count++ }
        for (port = 0; port < 30 && count < n; port++) {
            dp = sprintf("%s/%s:02:%02x.0", up, d, port)
            printf "%s 10b5 8725 10b5 8725 060400 ca pcieport - %d -\n", dp, numa
            count++
            if (count >= n) break
            ep = sprintf("%s/%s:%02x:00.0", dp, d, port + 3)
            if (port % 3 == 0)
                printf "%s 10de 1db1 10de 1212 030200 a1 vfio-pci %d %d -\n", ep, group++, numa
            else
                printf "%s 15b3 1019 15b3 0008 020700 00 mlx5_core %d %d -\n", ep, group++, numa
            count++
        }
    }
}'
;;
sriov)
awk -v n="$n" 'BEGIN {
    # NICs with SR-IOV: vendor, PF id, VF id, PF driver
    nic[0] = "8086 1593 1889 ice"; nic[1] = "15b3 101d 101e mlx5_core"
    nic[2] = "8086 1572 154c i40e"; nic[3] = "14e4 16d7 16dc bnxt_en"
    # other endpoints: vendor device class driver
    ep[0] = "144d a824 010802 nvme"; ep[1] = "1344 51c3 010802 nvme"; ep[2] = "8086 0b60 010802 nvme"
    ep[3] = "1000 00e6 010700 mpt3sas"; ep[4] = "1077 2261 0c0400 qla2xxx"
    ep[5] = "10df f400 0c0400 lpfc"; ep[6] = "1d0f 8061 010802 nvme"; ep[7] = "1b4b 9230 010601 ahci"
    gpu[0] = "10de 24b0 228b"; gpu[1] = "10de 2236 1aef"; gpu[2] = "1002 738c ab28"
    count = 0; group = 0; dom = 0
    bus = 0; rp = 0
    # chipset: host bridge, LPC/SMBus/SPI sharing a group, USB, SATA
    out("pci0000:00/0000:00:00.0", "8086 2020 15d9 095d 060000 07 -", group++, 0)
    g = group++
    out("pci0000:00/0000:00:1f.0", "8086 a1c1 15d9 095d 060100 09 -", g, 0)
    out("pci0000:00/0000:00:1f.4", "8086 a1a3 15d9 095d 0c0500 09 i801_smbus", g, 0)
    out("pci0000:00/0000:00:1f.5", "8086 a1a4 15d9 095d 0c8000 09 -", g, 0)
    out("pci0000:00/0000:00:14.0", "8086 a1af 15d9 095d 0c0330 09 xhci_hcd", group++, 0)
    out("pci0000:00/0000:00:17.0", "8086 a182 15d9 095d 010601 09 ahci", group++, 0)
    for (k = 0; count < n; k++) {
        numa = int(k / 6) % 2
        bus += 2; if (bus > 250) { bus = 2; dom++ }
        d = sprintf("%04x", dom)
        root = sprintf("pci%s:%02x/%s:%02x:00.0", d, bus - 1, d, bus - 1)
        out(root, "8086 2030 15d9 095d 060400 07 pcieport", group++, numa)
        kind = k % 4
        if (kind == 0) {
            split(nic[int(k / 4) % 4], f, " ")
            for (pf = 0; pf < 2 && count < n; pf++) {
                out(sprintf("%s/%s:%02x:00.%d", root, d, bus, pf), f[1] " " f[2] " " f[1] " 0001 020000 02 " f[4], group++, numa)
                for (vf = 0; vf < 63 && count < n; vf++) {
                    slot = 1 + int((pf * 63 + vf) / 8); fn = (pf * 63 + vf) % 8
                    drv = vf % 3 ? "vfio-pci" : "-"
                    out(sprintf("%s/%s:%02x:%02x.%d", root, d, bus, slot, fn), f[1] " " f[3] " " f[1] " 0000 020000 02 " drv, group++, numa)
                }
            }
        } else if (kind == 1) {
            split(gpu[int(k / 4) % 3], f, " ")
            g = group++
            out(sprintf("%s/%s:%02x:00.0", root, d, bus), f[1] " " f[2] " " f[1] " 1234 030000 a1 vfio-pci", g, numa)
            if (count < n)
                out(sprintf("%s/%s:%02x:00.1", root, d, bus), f[1] " " f[3] " " f[1] " 1234 040300 a1 vfio-pci", g, numa)
        } else {
            split(ep[k % 8], f, " ")
            out(sprintf("%s/%s:%02x:00.0", root, d, bus), f[1] " " f[2] " " f[1] " 0001 " f[3] " 00 " f[4], group++, numa)
        }
    }
}
function out(path, rest, grp, numa) {
    if (count >= n) return
    printf "%s %s %d %d -\n", path, rest, grp, numa
    count++
}'
;;
*) echo "gen-host.sh: unknown shape '$shape' (switch or sriov)" >&2; exit 2 ;;
esac
