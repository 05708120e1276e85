/* The host model: what memlock-planner knows of the machine a guest will run
 * on. Filled by probe/ (libudev, a snapshot file, or a built-in demo host);
 * read by the calculation, the reports and the TUI. */
#ifndef MP_HOST_H
#define MP_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "msg.h"
#include "pciaddr.h"

/* Device-tree files under of_node/ that libvirt tests to recognise an
 * NVLink2 bridge. Only existence counts. */
enum nv2_file {
    NV2_FILE_IBM_GPU = 1u << 0,           /* of_node/ibm,gpu */
    NV2_FILE_IBM_NVLINK = 1u << 1,        /* of_node/ibm,nvlink */
    NV2_FILE_IBM_NVLINK_SPEED = 1u << 2,  /* of_node/ibm,nvlink-speed */
    NV2_FILE_MEMORY_REGION = 1u << 3,     /* of_node/memory-region */
};
#define NV2_FILES_SEED (NV2_FILE_IBM_GPU | NV2_FILE_IBM_NVLINK | NV2_FILE_IBM_NVLINK_SPEED)
#define NV2_FILES_ALL (NV2_FILES_SEED | NV2_FILE_MEMORY_REGION)

#define HOST_UNKNOWN (-1)

/* Where a device's vendor and device names came from. */
enum host_name_source {
    HOST_NAMES_NONE,            /* no names: the ids are shown */
    HOST_NAMES_HWDB,            /* udev's hardware database */
    HOST_NAMES_PCI_IDS,         /* pciutils' pci.ids through libpci */
};

struct host_device {
    struct pci_addr addr;
    bool has_parent;            /* upstream bridge, for the tree view */
    struct pci_addr parent;
    bool ids_known;
    uint16_t vendor, device;
    uint16_t subsystem_vendor, subsystem_device;
    uint32_t class_code;        /* 24 bits: class, subclass, prog-if */
    uint8_t revision;
    char *driver;               /* NULL: none bound (or unknown, see driver_known) */
    bool driver_known;
    int iommu_group;            /* HOST_UNKNOWN: none or unreadable */
    int numa_node;              /* HOST_UNKNOWN: -1 in sysfs, or unreadable */
    char *vendor_name;          /* from the hardware database, or NULL */
    char *device_name;
    enum host_name_source name_source;
    char *of_node;              /* device-tree path, or NULL */
    unsigned nv2_files;         /* enum nv2_file bits present under of_node/ */
    bool has_gpu_link;          /* NVLink2 bridge: the GPU its ibm,gpu names */
    struct pci_addr gpu;
    uint64_t gpu_ram_base;      /* bytes, from memory-region's reg; 0 if unknown */
    uint64_t gpu_ram_size;      /* the window (aperture), not the RAM fitted */
    int gpu_ram_numa_node;      /* HOST_UNKNOWN if not known */
};

enum host_limit_kind { HOST_LIMIT_UNKNOWN, HOST_LIMIT_BYTES, HOST_LIMIT_UNLIMITED };

struct host {
    char *source;               /* "live", "demo:ac922", "none", or a file path */
    char *description;          /* one line for people, e.g. the board model */
    char *hostname;
    char *arch;                 /* uname machine: ppc64le, x86_64, ... (NULL if unknown) */
    char *kernel;               /* uname release */
    char *libvirt;              /* the installed libvirt's release, "9.0.0"; NULL unknown */
    const char *libvirt_source; /* msgid: how that release was learnt */
    char *model;                /* device-tree model, e.g. 8335-GTH */
    bool memory_known;
    uint64_t memory_kib;        /* MemTotal */
    enum host_limit_kind memlock_kind;  /* this process's RLIMIT_MEMLOCK (soft) */
    uint64_t memlock_bytes;
    int has_kvm;                /* 1 yes, 0 no, HOST_UNKNOWN */
    struct host_device *devices; /* sorted by address after host_finish() */
    size_t ndevices, cap;
    struct msg_list warnings;    /* what could not be read, and why */
};

struct host *host_new(const char *source);
void host_free(struct host *h);

/* Appends a zeroed device with `addr`; the pointer is valid until the next add. */
struct host_device *host_add_device(struct host *h, const struct pci_addr *addr);
/* Sorts devices by address; call once after the last add. */
void host_finish(struct host *h);

const struct host_device *host_find(const struct host *h, const struct pci_addr *addr);

/* A display controller (class 03): VGA, 3D or other. */
bool host_device_is_display(const struct host_device *d);
/* A GPU to plan for passthrough: a display controller that is not a BMC's
 * VGA (ASPEED, Matrox G200e, ...) or a virtual machine's emulated display. */
bool host_device_is_gpu(const struct host_device *d);
/* A GPU's fitted RAM from its device id, else from a size in its name
 * ("[Tesla V100 SXM2 16GB]"); 0 when unknown. Not the NVLink2 RAM window
 * (gpu_ram_size: the device tree's memory-region, an aperture of 128 GiB). */
uint64_t host_gpu_ram_bytes(const struct host_device *d);
/* A host bridge, PCI-to-PCI bridge or PCIe port: vfio-pci does not bind it
 * (it takes only header type 0 endpoints), and VFIO lets it stay in an
 * assigned group on its own driver. */
bool host_device_is_bridge(const struct host_device *d);
/* An NVLink2 bridge as libvirt sees it: every file in `required` exists. */
bool host_device_is_nv2_bridge(const struct host_device *d, unsigned required);
/* A display name: database names, else "vendor:device" in hex. */
const char *host_device_name(const struct host_device *d, char *buf, size_t len);

/* True if the kernel `release` ("5.13.0-rc1", "6.1.0-18-amd64") is at least
 * major.minor; false when unknown. */
bool host_kernel_at_least(const char *release, unsigned major, unsigned minor);

/* "hwdb", "pci.ids", or NULL for none (JSON and snapshots). */
const char *host_name_source_str(enum host_name_source s);
/* The inverse; false for an unknown word. */
bool host_name_source_parse(const char *s, enum host_name_source *out);

/* The class's name as lspci gives it (pci.ids' class list: the subclass's
 * name, else the class's), untranslated (msgid); NULL if ids are unknown. */
const char *host_device_class_name(const struct host_device *d);

/* Distinct PCI domains (PHBs), ascending. Caller frees. */
uint32_t *host_domains(const struct host *h, size_t *n);
/* Members of IOMMU group `group`, as indexes into h->devices. Caller frees. */
size_t *host_group_members(const struct host *h, int group, size_t *n);

#endif
