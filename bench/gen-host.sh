#!/bin/sh
# A synthetic host table of N PCI functions (default 4000) for the probe
# benchmark, in the format of tests/probe/*.hosttab: PHBs of a root port, a
# switch with 30 down-ports and one endpoint (GPU or NIC) under each, with
# IOMMU groups, NUMA nodes, drivers and device-tree nodes on the root ports.
# Usage: gen-host.sh [N] > host.hosttab
set -eu
n=${1:-4000}
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
