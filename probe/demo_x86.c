/* Demo host: a one-socket x86_64 workstation with one NVIDIA GPU handed to
 * vfio-pci together with its HDMI audio function (one IOMMU group). */
#include "config.h"

#include "demo.h"
#include "i18n.h"

#define NONE HOST_UNKNOWN
#define INTEL "Intel Corporation"
#define NV "NVIDIA Corporation"

/* No SRAT proximity on one socket: every numa_node reads -1. */
static const struct demo_dev devs[] = {
    { "0000:00:00.0", NULL, 0x8086, 0x3e30, 0x1043, 0x8694, 0x060000, 0x0d, "skl_uncore", 0, NONE,
      INTEL, "8th/9th Gen Core 8-core Desktop Processor Host Bridge/DRAM Registers [Coffee Lake S]",
      NULL },
    { "0000:00:01.0", NULL, 0x8086, 0x1901, 0x1043, 0x8694, 0x060400, 0x0d, "pcieport", 1, NONE,
      INTEL, "6th-10th Gen Core Processor PCIe Controller (x16)", NULL },
    { "0000:00:14.0", NULL, 0x8086, 0xa36d, 0x1043, 0x8694, 0x0c0330, 0x10, "xhci_hcd", 3, NONE,
      INTEL, "Cannon Lake PCH USB 3.1 xHCI Host Controller", NULL },
    { "0000:00:17.0", NULL, 0x8086, 0xa352, 0x1043, 0x8694, 0x010601, 0x10, "ahci", 4, NONE,
      INTEL, "Cannon Lake PCH SATA AHCI Controller", NULL },
    { "0000:00:1d.0", NULL, 0x8086, 0xa330, 0x1043, 0x8694, 0x060400, 0xf0, "pcieport", 5, NONE,
      INTEL, "Cannon Lake PCH PCI Express Root Port #9", NULL },
    { "0000:00:1f.0", NULL, 0x8086, 0xa306, 0x1043, 0x8694, 0x060100, 0x10, NULL, 6, NONE,
      INTEL, "Q370 Chipset LPC/eSPI Controller", NULL },
    { "0000:00:1f.4", NULL, 0x8086, 0xa323, 0x1043, 0x8694, 0x0c0500, 0x10, "i801_smbus", 6, NONE,
      INTEL, "Cannon Lake PCH SMBus Controller", NULL },
    { "0000:00:1f.6", NULL, 0x8086, 0x15bb, 0x1043, 0x8694, 0x020000, 0x10, "e1000e", 6, NONE,
      INTEL, "Ethernet Connection (7) I219-LM", NULL },
    /* The GPU and its audio function: group 2, both on vfio-pci. */
    { "0000:01:00.0", "0000:00:01.0", 0x10de, 0x1e30, 0x10de, 0x12ba, 0x030000, 0xa1, "vfio-pci", 2,
      NONE, NV, "TU102GL [Quadro RTX 6000/8000]", NULL },
    { "0000:01:00.1", "0000:00:01.0", 0x10de, 0x10f7, 0x10de, 0x12ba, 0x040300, 0xa1, "vfio-pci", 2,
      NONE, NV, "TU102 High Definition Audio Controller", NULL },
    { "0000:02:00.0", "0000:00:1d.0", 0x144d, 0xa808, 0x144d, 0xa801, 0x010802, 0x00, "nvme", 7, NONE,
      "Samsung Electronics Co Ltd", "NVMe SSD Controller SM981/PM981/PM983", NULL },
};

static const struct demo_table tables[] = { { devs, DEMO_N(devs) }, { NULL, 0 } };

const struct demo_def demo_x86_gpu = {
    .name = "x86-gpu",
    .description = N_("x86_64 workstation: 1 socket, 64 GiB, one Quadro RTX GPU and its audio "
                      "function on vfio-pci"),
    .hostname = "x86-gpu-demo", .arch = "x86_64", .kernel = "6.1.0-18-amd64", .model = NULL,
    .memory_kib = UINT64_C(65701452),
    .memlock_bytes = UINT64_C(8388608), /* the kernel default since 5.16 */
    .has_kvm = 1,
    .tables = tables, .links = NULL, .nlinks = 0,
};
