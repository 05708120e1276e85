/* What counts as a GPU to plan, and how much RAM it has. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define GIB (UINT64_C(1) << 30)

/* Display controllers that are not cards for passthrough: baseboard
 * management controllers' VGA (the AC922's ASPEED AST2500 behind its
 * AST1150 bridge) and the emulated displays of virtual machines. */
static const uint16_t display_only_vendors[] = {
    0x1a03, /* ASPEED Technology: BMC VGA */
    0x102b, /* Matrox: G200e-family server BMC VGA */
    0x19a2, /* Emulex (ServerEngines Pilot): BMC VGA */
    0x1af4, /* Red Hat virtio-gpu */
    0x1b36, /* Red Hat QXL */
    0x1234, /* QEMU's standard VGA (bochs) */
    0x15ad, /* VMware SVGA */
    0x80ee, /* VirtualBox graphics */
};

bool host_device_is_display(const struct host_device *d)
{
    /* Display controllers (VGA, XGA, 3D, other) from any vendor. */
    return d->ids_known && (d->class_code >> 16) == 0x03;
}

bool host_device_is_gpu(const struct host_device *d)
{
    if (!host_device_is_display(d))
        return false;
    for (size_t i = 0; i < sizeof(display_only_vendors) / sizeof(display_only_vendors[0]); i++)
        if (d->vendor == display_only_vendors[i])
            return false;
    return true;
}

/* Fitted RAM of data-centre GPUs by device id (pci.ids names them so). */
static const struct { uint16_t vendor, device, gib; } ram_by_id[] = {
    { 0x10de, 0x15f7, 12 }, /* Tesla P100 PCIe 12GB */
    { 0x10de, 0x15f8, 16 }, /* Tesla P100 PCIe 16GB */
    { 0x10de, 0x15f9, 16 }, /* Tesla P100 SXM2 16GB */
    { 0x10de, 0x1db1, 16 }, /* Tesla V100 SXM2 16GB */
    { 0x10de, 0x1db2, 16 }, /* Tesla V100 DGXS 16GB */
    { 0x10de, 0x1db3, 16 }, /* Tesla V100 FHHL 16GB */
    { 0x10de, 0x1db4, 16 }, /* Tesla V100 PCIe 16GB */
    { 0x10de, 0x1db5, 32 }, /* Tesla V100 SXM2 32GB */
    { 0x10de, 0x1db6, 32 }, /* Tesla V100 PCIe 32GB */
    { 0x10de, 0x1db7, 32 }, /* Tesla V100 DGXS 32GB */
    { 0x10de, 0x1db8, 32 }, /* Tesla V100 SXM3 32GB */
    { 0x10de, 0x1dba, 32 }, /* Quadro GV100 */
    { 0x10de, 0x1df5, 16 }, /* Tesla V100 SXM2 16GB */
    { 0x10de, 0x1df6, 32 }, /* Tesla V100S PCIe 32GB */
    { 0x10de, 0x1eb8, 16 }, /* Tesla T4 */
    { 0x10de, 0x20b0, 40 }, /* A100 SXM4 40GB */
    { 0x10de, 0x20b1, 40 }, /* A100 PCIe 40GB */
    { 0x10de, 0x20b2, 80 }, /* A100 SXM4 80GB */
    { 0x10de, 0x20b3, 64 }, /* A100-SXM-64GB */
    { 0x10de, 0x20b5, 80 }, /* A100 PCIe 80GB */
    { 0x10de, 0x20b7, 24 }, /* A30 PCIe */
    { 0x10de, 0x24b0, 16 }, /* RTX A4000 */
    { 0x10de, 0x2330, 80 }, /* H100 SXM5 80GB */
    { 0x10de, 0x2331, 80 }, /* H100 PCIe 80GB */
};

/* "... 16GB]" or "32 GB" in a device name: the size, or 0. */
static uint64_t ram_from_name(const char *name)
{
    uint64_t found = 0;
    int hits = 0;
    for (const char *p = name; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > name && isalnum((unsigned char)p[-1])))
            continue;
        char *end;
        unsigned long v = strtoul(p, &end, 10);
        const char *u = end + (*end == ' ');
        if (v && v <= 1024 && u[0] == 'G' && u[1] == 'B' && !isalnum((unsigned char)u[2])) {
            found = (uint64_t)v * GIB;
            hits++;
        }
        p = end - 1;
    }
    return hits == 1 ? found : 0; /* "RTX 6000/8000" style names: not one size */
}

uint64_t host_gpu_ram_bytes(const struct host_device *d)
{
    if (!host_device_is_gpu(d))
        return 0;
    for (size_t i = 0; i < sizeof(ram_by_id) / sizeof(ram_by_id[0]); i++)
        if (ram_by_id[i].vendor == d->vendor && ram_by_id[i].device == d->device)
            return (uint64_t)ram_by_id[i].gib * GIB;
    return d->device_name ? ram_from_name(d->device_name) : 0;
}
