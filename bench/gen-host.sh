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
#   mixedS  a host drawn at random from seed S (mixed = mixed1), of shapes no
#           test was tuned for: domains of root ports, each with a switch of 2
#           to 16 down-ports (its ports' devices each in their own IOMMU group
#           or, for a switch without ACS, all in one), a PCIe-to-PCI bridge with
#           up to 8 conventional devices sharing its group, a multi-function
#           device (1 to 8 functions, one group or one each), or an SR-IOV
#           physical function with up to 64 virtual functions; ids drawn from
#           37 real ones of 20 vendors, unknown devices of those vendors and
#           unknown vendors; device-tree nodes on some root ports; functions
#           with no driver and some with no IOMMU group
# Usage: gen-host.sh [N [SHAPE]] > host.hosttab
set -eu
n=${1:-4000}
shape=${2:-switch}
case $shape in
mixed*)
seed=${shape#mixed}
case $seed in ''|*[!0-9]*) seed=1 ;; esac
awk -v n="$n" -v seed="$seed" 'BEGIN {
    srand(seed)
    nk = split("1000:000f 1000:0016 1000:005c 1002:13f9 1002:3155 1002:4389 1077:1080 " \
        "1077:2261 1077:6322 10de:00f3 10de:0113 10de:0142 10df:072a 10df:e260 10df:f0b5 " \
        "1344:51c3 1425:450d 1425:4583 1425:4607 14e4:1690 14e4:4310 14e4:4324 15b3:0275 " \
        "15b3:1006 15b3:6764 177d:a035 177d:af00 1924:0b03 19e5:371e 1b21:1184 1b21:2824 " \
        "1e0f:0011 8086:0083 8086:015c 8086:0335 9005:00c0 9005:8012", known, " ")
    nc = split("020000 010802 030200 030000 0c0330 010700 0c0400 040300 088000 120000 0b4000 " \
        "010601 0c0500", classes, " ")
    nd = split("- - vfio-pci nvme mlx5_core ixgbe ice i40e bnxt_en mpt3sas qla2xxx lpfc " \
        "ahci xhci_hcd nouveau amdgpu", drivers, " ")
    count = 0; group = 0; dom = 0; bus = 0
    while (count < n) {
        if (bus > 230) { dom++; bus = 0 }      # a switch takes up to 19 buses
        d = sprintf("%04x", dom)
        numa = int(rand() * 2)
        rb = bus++
        root = sprintf("pci%s:%02x/%s:%02x:00.0", d, rb, d, rb)
        of = rand() < 0.3 ? sprintf("/pciex@600c3c%07x/pci@0", dom * 256 + rb) : "-"
        out(root, "8086 2030 8086 0000 060400 07 pcieport", group++, numa, of)
        r = rand()
        if (r < 0.25) {             # a switch: upstream port, 2..16 down-ports
            b = bus++
            up = sprintf("%s/%s:%02x:00.0", root, d, b)
            acs = rand() < 0.6
            sg = group++
            out(up, "10b5 8747 10b5 8747 060400 ca pcieport", sg, numa, "-")
            ports = 2 + int(rand() * 15)
            db = bus++
            for (p = 0; p < ports && count < n; p++) {
                dp = sprintf("%s/%s:%02x:%02x.0", up, d, db, p)
                out(dp, "10b5 8747 10b5 8747 060400 ca pcieport", acs ? group++ : sg, numa, "-")
                eb = bus++
                endpoint(sprintf("%s/%s:%02x:00", dp, d, eb), acs ? group++ : sg, numa)
            }
        } else if (r < 0.4) {       # PCIe-to-PCI bridge: one group for all
            b = bus++
            br = sprintf("%s/%s:%02x:00.0", root, d, b)
            g = group++
            out(br, "1b21 1080 1b21 1080 060400 04 -", g, numa, "-")
            cb = bus++
            devs = 1 + int(rand() * 8)
            for (k = 0; k < devs && count < n; k++)
                out(sprintf("%s/%s:%02x:%02x.0", br, d, cb, k), ids() " " class() " 01 " drv(), g, numa, "-")
        } else if (r < 0.55) {      # SR-IOV: a PF and up to 64 VFs, each its own group
            b = bus++
            pf = ids(); cl = class()
            out(sprintf("%s/%s:%02x:00.0", root, d, b), pf " " cl " 02 " drv(), group++, numa, "-")
            vfs = int(rand() * 65)
            for (v = 0; v < vfs && count < n; v++)
                out(sprintf("%s/%s:%02x:%02x.%d", root, d, b, 1 + int(v / 8), v % 8), pf " " cl " 02 " \
                    (rand() < 0.5 ? "vfio-pci" : "-"), group++, numa, "-")
        } else {                    # a multi-function device
            b = bus++
            endpoint(sprintf("%s/%s:%02x:00", root, d, b), -1, numa)
        }
    }
}
# functions 0..k of one device at PREFIX.f: one group (g >= 0, or a drawn
# one), else one each
function endpoint(prefix, g, numa,    fns, f, shared) {
    fns = 1 + (rand() < 0.3 ? int(rand() * 8) : 0)
    shared = g >= 0 || rand() < 0.5
    if (g < 0 && shared) g = group++
    for (f = 0; f < fns && count < n; f++)
        out(prefix "." f, ids() " " class() " " sprintf("%02x", int(rand() * 256)) " " drv(), \
            shared ? g : group++, numa, "-")
}
function ids(    r, k, v) {
    r = rand()
    if (r < 0.7) { split(known[1 + int(rand() * nk)], k, ":"); v = k[1] " " k[2] }
    else if (r < 0.9) { split(known[1 + int(rand() * nk)], k, ":"); v = k[1] " " sprintf("%04x", int(rand() * 65536)) }
    else v = sprintf("%04x %04x", 57344 + int(rand() * 4096), int(rand() * 65536))   # e000-efff
    split(v, k, " ")
    return v " " k[1] " " sprintf("%04x", int(rand() * 65536))
}
function class() { return classes[1 + int(rand() * nc)] }
function drv() { return drivers[1 + int(rand() * nd)] }
function out(path, rest, grp, numa, of) {
    if (count >= n) return
    if (rand() < 0.03) grp = "-"
    printf "%s %s %s %d %s\n", path, rest, grp, numa, of
    count++
}'
;;
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
*) echo "gen-host.sh: unknown shape '$shape' (switch, sriov or mixed[SEED])" >&2; exit 2 ;;
esac
