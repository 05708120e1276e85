/* Demo hosts: IBM Power System AC922 ("Witherspoon"), 2 × POWER9, V100 GPUs on
 * NVLink2. Topology, ids, groups and GPU RAM windows follow a real Linux 5.2
 * boot of a 4-GPU 8335-GTH (skiboot's numbering). */
#include "config.h"

#include "demo.h"
#include "i18n.h"

#define NONE HOST_UNKNOWN
#define IBM "IBM"
#define PLX "PLX Technology, Inc."
#define NV "NVIDIA Corporation"
#define MLX "Mellanox Technologies"
#define PEX8725 "PEX 8725 24-Lane, 10-Port PCI Express Gen 3 (8.0 GT/s) Multi-Root Switch with DMA"
#define PHB4 "POWER9 Host Bridge (PHB4)"
#define V100_16 "GV100GL [Tesla V100 SXM2 16GB]"
#define V100_32 "GV100GL [Tesla V100 SXM2 32GB]"
#define DT0 "/pciex@600c3c0"  /* socket 0 PHB4 unit addresses: DT0 "<index>00000" */
#define DT1 "/pciex@620c3c0"  /* socket 1: plus chip id 8 << 42 */

/* A root port of PHB4 `dom` (DT node `dt`), on NUMA node `numa`. */
#define ROOT(dom, dt, numa) \
    { dom ":00:00.0", NULL, 0x1014, 0x04c1, 0, 0, 0x060400, 0, "pcieport", NONE, numa, IBM, PHB4, dt "/pci@0" }

/* Everything but the GPUs, their switch down-ports and the NVLink bridges:
 * the same on both boards. Socket 0 is NUMA node 0, socket 1 node 8. */
static const struct demo_dev base[] = {
    ROOT("0000", DT0 "000000", 0),
    { "0000:01:00.0", "0000:00:00.0", 0x144d, 0xa822, 0x144d, 0xa801, 0x010802, 0x01, "nvme", 0, 0,
      "Samsung Electronics Co Ltd", "NVMe SSD Controller 172Xa/172Xb", NULL },
    ROOT("0001", DT0 "100000", 0),
    { "0001:01:00.0", "0001:00:00.0", 0x104c, 0x8241, 0x104c, 0x8241, 0x0c0330, 0x02, "xhci_hcd", 1, 0,
      "Texas Instruments", "TUSB73x0 SuperSpeed USB 3.0 xHCI Host Controller", NULL },
    ROOT("0002", DT0 "200000", 0),
    { "0002:01:00.0", "0002:00:00.0", 0x1a03, 0x1150, 0x1a03, 0x1150, 0x060400, 0x04, NULL, NONE, 0,
      "ASPEED Technology, Inc.", "AST1150 PCI-to-PCI Bridge", NULL },
    { "0002:02:00.0", "0002:01:00.0", 0x1a03, 0x2000, 0x1a03, 0x2000, 0x030000, 0x41, "ast", 2, 0,
      "ASPEED Technology, Inc.", "ASPEED Graphics Family", NULL },
    ROOT("0003", DT0 "300000", 0),
    { "0003:01:00.0", "0003:00:00.0", 0x15b3, 0x1019, 0x1014, 0x0617, 0x020700, 0, "mlx5_core", 3, 0,
      MLX, "MT28800 Family [ConnectX-5 Ex]", NULL },
    { "0003:01:00.1", "0003:00:00.0", 0x15b3, 0x1019, 0x1014, 0x0617, 0x020700, 0, "mlx5_core", 3, 0,
      MLX, "MT28800 Family [ConnectX-5 Ex]", NULL },
    ROOT("0004", DT0 "400000", 0),
    { "0004:01:00.0", "0004:00:00.0", 0x10b5, 0x8725, 0x10b5, 0x8725, 0x060400, 0xca, "pcieport", 6, 0,
      PLX, PEX8725, DT0 "400000/pci@0/pci@0" },
    { "0004:01:00.1", "0004:00:00.0", 0x10b5, 0x87d0, 0x10b5, 0x87d0, 0x088000, 0xca, NULL, 6, 0,
      PLX, "PEX PCI Express Switch DMA interface", NULL },
    { "0004:01:00.2", "0004:00:00.0", 0x10b5, 0x87d0, 0x10b5, 0x87d0, 0x088000, 0xca, NULL, 6, 0,
      PLX, "PEX PCI Express Switch DMA interface", NULL },
    { "0004:01:00.3", "0004:00:00.0", 0x10b5, 0x87d0, 0x10b5, 0x87d0, 0x088000, 0xca, NULL, 6, 0,
      PLX, "PEX PCI Express Switch DMA interface", NULL },
    { "0004:01:00.4", "0004:00:00.0", 0x10b5, 0x87d0, 0x10b5, 0x87d0, 0x088000, 0xca, NULL, 6, 0,
      PLX, "PEX PCI Express Switch DMA interface", NULL },
    { "0004:02:02.0", "0004:01:00.0", 0x10b5, 0x8725, 0x10b5, 0x8725, 0x060400, 0xca, "pcieport", NONE, 0,
      PLX, PEX8725, DT0 "400000/pci@0/pci@0/pci@2" },
    { "0004:03:00.0", "0004:02:02.0", 0x1b4b, 0x9235, 0x1b4b, 0x9235, 0x010601, 0x11, "ahci", 4, 0,
      "Marvell Technology Group Ltd.", "88SE9235 PCIe 2.0 x2 4-port SATA 6 Gb/s Controller", NULL },
    ROOT("0005", DT0 "500000", 0),
    { "0005:01:00.0", "0005:00:00.0", 0x14e4, 0x1657, 0x14e4, 0x1981, 0x020000, 0x01, "tg3", 7, 0,
      "Broadcom Inc. and subsidiaries", "NetXtreme BCM5719 Gigabit Ethernet PCIe", NULL },
    { "0005:01:00.1", "0005:00:00.0", 0x14e4, 0x1657, 0x14e4, 0x1981, 0x020000, 0x01, "tg3", 7, 0,
      "Broadcom Inc. and subsidiaries", "NetXtreme BCM5719 Gigabit Ethernet PCIe", NULL },
    ROOT("0030", DT1 "000000", 8),
    { "0030:01:00.0", "0030:00:00.0", 0x15b3, 0x1015, 0x15b3, 0x0003, 0x020000, 0, "mlx5_core", 8, 8,
      MLX, "MT27710 Family [ConnectX-4 Lx]", NULL },
    { "0030:01:00.1", "0030:00:00.0", 0x15b3, 0x1015, 0x15b3, 0x0003, 0x020000, 0, "mlx5_core", 8, 8,
      MLX, "MT27710 Family [ConnectX-4 Lx]", NULL },
    ROOT("0033", DT1 "300000", 8),
    { "0033:01:00.0", "0033:00:00.0", 0x15b3, 0x1019, 0x1014, 0x0617, 0x020700, 0, "mlx5_core", 9, 8,
      MLX, "MT28800 Family [ConnectX-5 Ex]", NULL },
    { "0033:01:00.1", "0033:00:00.0", 0x15b3, 0x1019, 0x1014, 0x0617, 0x020700, 0, "mlx5_core", 9, 8,
      MLX, "MT28800 Family [ConnectX-5 Ex]", NULL },
    ROOT("0034", DT1 "400000", 8),
    ROOT("0035", DT1 "500000", 8),
    { "0035:01:00.0", "0035:00:00.0", 0x10b5, 0x8725, 0x10b5, 0x8725, 0x060400, 0xca, "pcieport", NONE, 8,
      PLX, PEX8725, DT1 "500000/pci@0/pci@0" },
};

/* A PLX down-port and the GPU behind it. */
#define DOWN(addr, up, dt, numa) \
    { addr, up, 0x10b5, 0x8725, 0x10b5, 0x8725, 0x060400, 0xca, "pcieport", NONE, numa, PLX, PEX8725, dt }
#define GPU(addr, parent, id, sub, name, group, numa, dt) \
    { addr, parent, 0x10de, id, 0x10de, sub, 0x030200, 0xa1, "vfio-pci", group, numa, NV, name, dt }
/* An NVLink2 bridge (NPU device): no subsystem, NUMA node -1, in its socket's group. */
#define NPU(addr, group, dt) \
    { addr, NULL, 0x1014, 0x04ea, 0, 0, 0x068001, 0x01, "vfio-pci", group, NONE, IBM, NULL, dt }
#define NPU0 "/pciex@6030200000000/unknown-bridge@"
#define NPU1 "/pciex@6230200000000/unknown-bridge@"
#define GPU0_DT(p) DT0 "400000/pci@0/pci@0/pci@" p "/3d-controller@0"
#define GPU1_DT(p) DT1 "500000/pci@0/pci@0/pci@" p "/3d-controller@0"

/* 4 GPUs ("Redbud"): 2 per socket, 3 links each; compound groups 5 and 10. */
static const struct demo_dev gpus4[] = {
    DOWN("0004:02:0a.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@a", 0),
    DOWN("0004:02:0b.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@b", 0),
    DOWN("0004:02:0c.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@c", 0),
    GPU("0004:04:00.0", "0004:02:0a.0", 0x1db1, 0x1212, V100_16, 5, 0, GPU0_DT("a")),
    GPU("0004:05:00.0", "0004:02:0b.0", 0x1db1, 0x1212, V100_16, 5, 0, GPU0_DT("b")),
    NPU("0006:00:00.0", 5, NPU0 "0"), NPU("0006:00:00.1", 5, NPU0 "0,1"),
    NPU("0006:00:00.2", 5, NPU0 "0,2"), NPU("0006:00:01.0", 5, NPU0 "1"),
    NPU("0006:00:01.1", 5, NPU0 "1,1"), NPU("0006:00:01.2", 5, NPU0 "1,2"),
    NPU("0007:00:00.0", 10, NPU1 "0"), NPU("0007:00:00.1", 10, NPU1 "0,1"),
    NPU("0007:00:00.2", 10, NPU1 "0,2"), NPU("0007:00:01.0", 10, NPU1 "1"),
    NPU("0007:00:01.1", 10, NPU1 "1,1"), NPU("0007:00:01.2", 10, NPU1 "1,2"),
    DOWN("0035:02:04.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@4", 8),
    DOWN("0035:02:05.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@5", 8),
    DOWN("0035:02:0d.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@d", 8),
    GPU("0035:03:00.0", "0035:02:04.0", 0x1db1, 0x1212, V100_16, 10, 8, GPU1_DT("4")),
    GPU("0035:04:00.0", "0035:02:05.0", 0x1db1, 0x1212, V100_16, 10, 8, GPU1_DT("5")),
};

/* GPU RAM: a 128 GiB window per GPU (skiboot's 4T_UP map), CPU-less NUMA
 * nodes numbered down from 255 in skiboot's fix-up order. */
#define GIB128 UINT64_C(0x2000000000)
#define RAM0(i) (UINT64_C(0x40000000000) + (i) * GIB128)
#define RAM1(i) (UINT64_C(0x240000000000) + (i) * GIB128)
#define LINK(br, gpu, base, node) { br, gpu, base, GIB128, node }

static const struct demo_link links4[] = {
    LINK("0006:00:00.0", "0004:04:00.0", RAM0(0), 255), LINK("0006:00:00.1", "0004:04:00.0", RAM0(0), 255),
    LINK("0006:00:00.2", "0004:04:00.0", RAM0(0), 255), LINK("0006:00:01.0", "0004:05:00.0", RAM0(1), 254),
    LINK("0006:00:01.1", "0004:05:00.0", RAM0(1), 254), LINK("0006:00:01.2", "0004:05:00.0", RAM0(1), 254),
    LINK("0007:00:00.0", "0035:03:00.0", RAM1(0), 253), LINK("0007:00:00.1", "0035:03:00.0", RAM1(0), 253),
    LINK("0007:00:00.2", "0035:03:00.0", RAM1(0), 253), LINK("0007:00:01.0", "0035:04:00.0", RAM1(1), 252),
    LINK("0007:00:01.1", "0035:04:00.0", RAM1(1), 252), LINK("0007:00:01.2", "0035:04:00.0", RAM1(1), 252),
};

/* 6 GPUs ("Sequoia"): 3 per socket, 2 links each; GPU RAM nodes 250-255. */
static const struct demo_dev gpus6[] = {
    DOWN("0004:02:0a.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@a", 0),
    DOWN("0004:02:0b.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@b", 0),
    DOWN("0004:02:0c.0", "0004:01:00.0", DT0 "400000/pci@0/pci@0/pci@c", 0),
    GPU("0004:04:00.0", "0004:02:0a.0", 0x1db5, 0x124a, V100_32, 5, 0, GPU0_DT("a")),
    GPU("0004:05:00.0", "0004:02:0b.0", 0x1db5, 0x124a, V100_32, 5, 0, GPU0_DT("b")),
    GPU("0004:06:00.0", "0004:02:0c.0", 0x1db5, 0x124a, V100_32, 5, 0, GPU0_DT("c")),
    NPU("0006:00:00.0", 5, NPU0 "0"), NPU("0006:00:00.1", 5, NPU0 "0,1"),
    NPU("0006:00:01.0", 5, NPU0 "1"), NPU("0006:00:01.1", 5, NPU0 "1,1"),
    NPU("0006:00:02.0", 5, NPU0 "2"), NPU("0006:00:02.1", 5, NPU0 "2,1"),
    NPU("0007:00:00.0", 10, NPU1 "0"), NPU("0007:00:00.1", 10, NPU1 "0,1"),
    NPU("0007:00:01.0", 10, NPU1 "1"), NPU("0007:00:01.1", 10, NPU1 "1,1"),
    NPU("0007:00:02.0", 10, NPU1 "2"), NPU("0007:00:02.1", 10, NPU1 "2,1"),
    DOWN("0035:02:04.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@4", 8),
    DOWN("0035:02:05.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@5", 8),
    DOWN("0035:02:0d.0", "0035:01:00.0", DT1 "500000/pci@0/pci@0/pci@d", 8),
    GPU("0035:03:00.0", "0035:02:04.0", 0x1db5, 0x124a, V100_32, 10, 8, GPU1_DT("4")),
    GPU("0035:04:00.0", "0035:02:05.0", 0x1db5, 0x124a, V100_32, 10, 8, GPU1_DT("5")),
    GPU("0035:05:00.0", "0035:02:0d.0", 0x1db5, 0x124a, V100_32, 10, 8, GPU1_DT("d")),
};

static const struct demo_link links6[] = {
    LINK("0006:00:00.0", "0004:04:00.0", RAM0(0), 255), LINK("0006:00:00.1", "0004:04:00.0", RAM0(0), 255),
    LINK("0006:00:01.0", "0004:05:00.0", RAM0(1), 254), LINK("0006:00:01.1", "0004:05:00.0", RAM0(1), 254),
    LINK("0006:00:02.0", "0004:06:00.0", RAM0(2), 253), LINK("0006:00:02.1", "0004:06:00.0", RAM0(2), 253),
    LINK("0007:00:00.0", "0035:03:00.0", RAM1(0), 252), LINK("0007:00:00.1", "0035:03:00.0", RAM1(0), 252),
    LINK("0007:00:01.0", "0035:04:00.0", RAM1(1), 251), LINK("0007:00:01.1", "0035:04:00.0", RAM1(1), 251),
    LINK("0007:00:02.0", "0035:05:00.0", RAM1(2), 250), LINK("0007:00:02.1", "0035:05:00.0", RAM1(2), 250),
};

static const struct demo_table tables4[] = {
    { base, DEMO_N(base) }, { gpus4, DEMO_N(gpus4) }, { NULL, 0 },
};
static const struct demo_table tables6[] = {
    { base, DEMO_N(base) }, { gpus6, DEMO_N(gpus6) }, { NULL, 0 },
};

/* RHEL on Power ships a 64 MiB memlock default (95-kvm-memlock.conf). */
#define MEMLOCK_64M UINT64_C(67108864)

const struct demo_def demo_ac922 = {
    .name = "ac922",
    .description = N_("IBM AC922 (8335-GTH): 2 x POWER9, 4 x Tesla V100 SXM2 16 GB on NVLink2, "
                      "GPUs and bridges on vfio-pci"),
    .hostname = "ac922-demo", .arch = "ppc64le", .kernel = "5.4.0-ac922", .model = "8335-GTH",
    .memory_kib = UINT64_C(534773760), /* 2 x 256 GiB less firmware reservations */
    .memlock_bytes = MEMLOCK_64M, .has_kvm = 1,
    .tables = tables4, .links = links4, .nlinks = DEMO_N(links4),
};

const struct demo_def demo_ac922_6gpu = {
    .name = "ac922-6gpu",
    .description = N_("IBM AC922 (8335-GTW): 2 x POWER9, 6 x Tesla V100 SXM2 32 GB on NVLink2, "
                      "GPUs and bridges on vfio-pci"),
    .hostname = "ac922-6gpu-demo", .arch = "ppc64le", .kernel = "5.4.0-ac922", .model = "8335-GTW",
    .memory_kib = UINT64_C(1071644672), /* 2 x 512 GiB less firmware reservations */
    .memlock_bytes = MEMLOCK_64M, .has_kvm = 1,
    .tables = tables6, .links = links6, .nlinks = DEMO_N(links6),
};
