/* Demo host: a two-socket x86_64 server (Xeon Scalable, C621 chipset) with
 * an SR-IOV NIC and its virtual functions, a vDPA-capable NIC, two NVMe
 * drives, a GPU with its audio function and the BMC's VGA, in IOMMU groups
 * as a server with ACS on its root ports forms them: every root port's
 * device and every virtual function alone, the GPU with its audio function
 * (no ACS between a GPU's functions), the chipset's LPC, SMBus and SPI
 * together, and the BMC's bridge with its VGA. */
#include "config.h"

#include "demo.h"
#include "i18n.h"

#define NONE HOST_UNKNOWN
#define INTEL "Intel Corporation"
#define SKL_RP "Sky Lake-E PCI Express Root Port A"
#define E810 "Ethernet Controller E810-C for SFP"
#define IAVF "Ethernet Adaptive Virtual Function"
#define MLX "Mellanox Technologies"
#define CX6DX "MT2892 Family [ConnectX-6 Dx]"
#define MLXVF "ConnectX Family mlx5Gen Virtual Function"
#define SMC 0x15d9   /* Supermicro: the board's subsystem vendor */

static const struct demo_dev devs[] = {
    /* Socket 0, PCI stack 0 and the C621 chipset (NUMA node 0). */
    { "0000:00:00.0", NULL, 0x8086, 0x2020, SMC, 0x095d, 0x060000, 0x07, NULL, 0, 0,
      INTEL, "Sky Lake-E DMI3 Registers", NULL },
    { "0000:00:04.0", NULL, 0x8086, 0x2021, SMC, 0x095d, 0x088000, 0x07, "ioatdma", 1, 0,
      INTEL, "Sky Lake-E CBDMA Registers", NULL },
    { "0000:00:05.0", NULL, 0x8086, 0x2024, SMC, 0x095d, 0x088000, 0x07, NULL, 2, 0,
      INTEL, "Sky Lake-E MM/Vt-d Configuration Registers", NULL },
    { "0000:00:14.0", NULL, 0x8086, 0xa1af, SMC, 0x095d, 0x0c0330, 0x09, "xhci_hcd", 3, 0,
      INTEL, "C620 Series Chipset Family USB 3.0 xHCI Controller", NULL },
    { "0000:00:17.0", NULL, 0x8086, 0xa182, SMC, 0x095d, 0x010601, 0x09, "ahci", 4, 0,
      INTEL, "C620 Series Chipset Family SATA Controller [AHCI mode]", NULL },
    { "0000:00:1c.0", NULL, 0x8086, 0xa190, SMC, 0x095d, 0x060400, 0xf9, "pcieport", 5, 0,
      INTEL, "C620 Series Chipset Family PCI Express Root Port #1", NULL },
    { "0000:00:1f.0", NULL, 0x8086, 0xa1c1, SMC, 0x095d, 0x060100, 0x09, NULL, 6, 0,
      INTEL, "C621 Series Chipset LPC/eSPI Controller", NULL },
    { "0000:00:1f.4", NULL, 0x8086, 0xa1a3, SMC, 0x095d, 0x0c0500, 0x09, "i801_smbus", 6, 0,
      INTEL, "C620 Series Chipset Family SMBus", NULL },
    { "0000:00:1f.5", NULL, 0x8086, 0xa1a4, SMC, 0x095d, 0x0c8000, 0x09, NULL, 6, 0,
      INTEL, "C620 Series Chipset Family SPI Controller", NULL },
    /* The BMC: AST2500 behind its PCIe-to-PCI bridge, a display, not a GPU. */
    { "0000:01:00.0", "0000:00:1c.0", 0x1a03, 0x1150, 0x1a03, 0x1150, 0x060400, 0x04, NULL, 7, 0,
      "ASPEED Technology, Inc.", "AST1150 PCI-to-PCI Bridge", NULL },
    { "0000:02:00.0", "0000:01:00.0", 0x1a03, 0x2000, SMC, 0x095d, 0x030000, 0x41, "ast", 7, 0,
      "ASPEED Technology, Inc.", "ASPEED Graphics Family", NULL },
    /* E810 with SR-IOV on port 0: four virtual functions, each in its own
     * group, handed to vfio-pci for guests; port 1 stays with the host. */
    { "0000:3a:00.0", NULL, 0x8086, 0x2030, SMC, 0x095d, 0x060400, 0x07, "pcieport", 8, 0,
      INTEL, SKL_RP, NULL },
    { "0000:3b:00.0", "0000:3a:00.0", 0x8086, 0x1593, 0x8086, 0x0002, 0x020000, 0x02, "ice", 9, 0,
      INTEL, E810, NULL },
    { "0000:3b:00.1", "0000:3a:00.0", 0x8086, 0x1593, 0x8086, 0x0002, 0x020000, 0x02, "ice", 10, 0,
      INTEL, E810, NULL },
    { "0000:3b:01.0", "0000:3a:00.0", 0x8086, 0x1889, 0x8086, 0x0000, 0x020000, 0x02, "vfio-pci",
      11, 0, INTEL, IAVF, NULL },
    { "0000:3b:01.1", "0000:3a:00.0", 0x8086, 0x1889, 0x8086, 0x0000, 0x020000, 0x02, "vfio-pci",
      12, 0, INTEL, IAVF, NULL },
    { "0000:3b:01.2", "0000:3a:00.0", 0x8086, 0x1889, 0x8086, 0x0000, 0x020000, 0x02, "vfio-pci",
      13, 0, INTEL, IAVF, NULL },
    { "0000:3b:01.3", "0000:3a:00.0", 0x8086, 0x1889, 0x8086, 0x0000, 0x020000, 0x02, "iavf", 14,
      0, INTEL, IAVF, NULL },
    /* ConnectX-6 Dx: its virtual functions can back vDPA devices
     * (mlx5_vdpa, <interface type='vdpa'>) or go to guests whole. */
    { "0000:5d:00.0", NULL, 0x8086, 0x2030, SMC, 0x095d, 0x060400, 0x07, "pcieport", 15, 0,
      INTEL, SKL_RP, NULL },
    { "0000:5e:00.0", "0000:5d:00.0", 0x15b3, 0x101d, 0x15b3, 0x0016, 0x020000, 0x00, "mlx5_core",
      16, 0, MLX, CX6DX, NULL },
    { "0000:5e:00.1", "0000:5d:00.0", 0x15b3, 0x101d, 0x15b3, 0x0016, 0x020000, 0x00, "mlx5_core",
      17, 0, MLX, CX6DX, NULL },
    { "0000:5e:00.2", "0000:5d:00.0", 0x15b3, 0x101e, 0x15b3, 0x0016, 0x020000, 0x00, "mlx5_core",
      18, 0, MLX, MLXVF, NULL },
    { "0000:5e:00.3", "0000:5d:00.0", 0x15b3, 0x101e, 0x15b3, 0x0016, 0x020000, 0x00, "mlx5_core",
      19, 0, MLX, MLXVF, NULL },
    /* Socket 1 (NUMA node 1): the GPU and its audio function share a group
     * and are on vfio-pci; two NVMe drives, each behind its own root port. */
    { "0000:ae:00.0", NULL, 0x8086, 0x2030, SMC, 0x095d, 0x060400, 0x07, "pcieport", 20, 1,
      INTEL, SKL_RP, NULL },
    { "0000:af:00.0", "0000:ae:00.0", 0x10de, 0x24b0, 0x10de, 0x14ad, 0x030000, 0xa1, "vfio-pci",
      21, 1, "NVIDIA Corporation", "GA104GL [RTX A4000]", NULL },
    { "0000:af:00.1", "0000:ae:00.0", 0x10de, 0x228b, 0x10de, 0x14ad, 0x040300, 0xa1, "vfio-pci",
      21, 1, "NVIDIA Corporation", "GA104 High Definition Audio Controller", NULL },
    { "0000:d7:00.0", NULL, 0x8086, 0x2030, SMC, 0x095d, 0x060400, 0x07, "pcieport", 22, 1,
      INTEL, SKL_RP, NULL },
    { "0000:d7:01.0", NULL, 0x8086, 0x2031, SMC, 0x095d, 0x060400, 0x07, "pcieport", 23, 1,
      INTEL, "Sky Lake-E PCI Express Root Port B", NULL },
    { "0000:d8:00.0", "0000:d7:00.0", 0x144d, 0xa824, 0x144d, 0xa801, 0x010802, 0x00, "nvme", 24, 1,
      "Samsung Electronics Co Ltd", "NVMe SSD Controller PM173X", NULL },
    { "0000:d9:00.0", "0000:d7:01.0", 0x144d, 0xa824, 0x144d, 0xa801, 0x010802, 0x00, "nvme", 25, 1,
      "Samsung Electronics Co Ltd", "NVMe SSD Controller PM173X", NULL },
};

static const struct demo_table tables[] = { { devs, DEMO_N(devs) }, { NULL, 0 } };

const struct demo_def demo_x86_server = {
    .name = "x86-server",
    .description = N_("x86_64 server: 2 sockets, 384 GiB, an E810 NIC with 4 SR-IOV virtual "
                      "functions, a vDPA-capable ConnectX-6 Dx, 2 NVMe drives, an RTX A4000 "
                      "GPU and its audio function on vfio-pci"),
    .hostname = "x86-server-demo", .arch = "x86_64", .kernel = "6.1.0-18-amd64",
    .model = "SYS-2029U-TR4",
    .memory_kib = UINT64_C(394870112), /* 2 x 192 GiB less firmware reservations */
    .memlock_bytes = UINT64_C(8388608), /* the kernel default since 5.16 */
    .has_kvm = 1,
    .tables = tables, .links = NULL, .nlinks = 0,
};
