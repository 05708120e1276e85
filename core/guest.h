/* The guest model: the parts of a libvirt domain definition that decide the
 * memory-locking limit. Filled from XML (guest_xml.c) or edited in the TUI. */
#ifndef MP_GUEST_H
#define MP_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pciaddr.h"

enum guest_virt {
    GUEST_VIRT_KVM,     /* <domain type='kvm'> */
    GUEST_VIRT_QEMU,    /* <domain type='qemu'>: TCG, nothing is passed through */
    GUEST_VIRT_OTHER,   /* anything else libvirt's QEMU driver would refuse */
};

enum guest_hostdev_kind {
    GUEST_HOSTDEV_PCI,   /* <hostdev type='pci'> or <interface type='hostdev'>: VFIO */
    GUEST_HOSTDEV_MDEV,  /* <hostdev type='mdev'> */
};

struct guest_hostdev {
    enum guest_hostdev_kind kind;
    struct pci_addr host;        /* PCI: the host device */
    char *mdev_uuid;             /* mdev: the mediated device */
    bool from_interface;         /* came from <interface type='hostdev'> */
    bool has_guest_addr;         /* an explicit guest <address type='pci'> */
    bool has_driver;             /* <driver name='vfio'/> written (PCI); without it libvirt
                                  * picks VFIO when the guest starts */
    unsigned guest_bus;          /* its bus = index of a PCI controller */
};

enum guest_pci_model {
    GUEST_PCI_ROOT,              /* pci-root: on pseries a PHB (spapr-pci-host-bridge) */
    GUEST_PCI_OTHER,             /* pci-bridge, pcie-root-port, ... */
};

struct guest_pci_controller {
    enum guest_pci_model model;
    unsigned index;
    char *model_name;            /* the model attribute as written */
    bool has_bus;                /* where it plugs in (bridges) */
    unsigned bus;
};

struct guest_memdev {
    char *model;                 /* dimm, nvdimm, virtio-mem, virtio-pmem, ... */
    uint64_t size_kib;
};

/* QEMU arguments passed through <qemu:commandline> that lock all guest RAM. */
enum guest_qemu_mlock {
    GUEST_QEMU_OVERCOMMIT_MEMLOCK = 1u << 0,   /* -overcommit mem-lock=on (or on-fault) */
    GUEST_QEMU_REALTIME_MLOCK = 1u << 1,       /* -realtime mlock=on */
};

struct guest {
    char *name;
    enum guest_virt virt;
    char *virt_name;             /* the type attribute as written */
    char *arch;                  /* x86_64, ppc64le, ...; NULL if not given */
    char *machine;               /* pc, q35, pseries, ... ; NULL if not given */

    uint64_t memory_kib;         /* <memory> as written (0 if absent) */
    uint64_t current_memory_kib; /* <currentMemory>, 0 if absent */
    uint64_t max_memory_kib;     /* <maxMemory>, 0 if absent */
    unsigned max_memory_slots;

    uint64_t *numa_cells_kib;    /* <cpu><numa><cell memory=...> */
    size_t nnuma;
    struct guest_memdev *memdevs;
    size_t nmemdevs;

    struct guest_hostdev *hostdevs;
    size_t nhostdevs, hostdevs_cap;
    struct guest_pci_controller *controllers;
    size_t ncontrollers;

    size_t nvme_disks;           /* disks whose source chain has type='nvme' */
    size_t vdpa_interfaces;      /* <interface type='vdpa'> */
    size_t vdpa_disks;           /* sources of type='vhostvdpa' in disks' chains (each) */
    bool has_iommu;              /* <devices><iommu> */
    char *iommu_model;

    bool has_hard_limit;         /* <memtune><hard_limit> */
    uint64_t hard_limit_kib;
    bool locked;                 /* <memoryBacking><locked/> */
    unsigned qemu_mlock;         /* enum guest_qemu_mlock: <qemu:commandline> makes QEMU
                                  * lock all its memory */

    /* Planner-only knobs (not in libvirt's XML). */
    unsigned phb_override;       /* manual PHB count; 0 = as libvirt would */
    bool force_vfio;             /* plan for the first VFIO device being hot-plugged */
};

struct guest *guest_new(void);
/* A new guest shaped for `arch` (NULL: x86_64): kvm, pseries or q35, 4 GiB. */
struct guest *guest_new_for_arch(const char *arch);
struct guest *guest_dup(const struct guest *g);
void guest_free(struct guest *g);

bool guest_is_ppc64(const struct guest *g);

struct guest_hostdev *guest_add_hostdev(struct guest *g, enum guest_hostdev_kind kind);
/* Index of the PCI hostdev for `host`, or -1. */
long guest_find_pci_hostdev(const struct guest *g, const struct pci_addr *host);
void guest_remove_hostdev(struct guest *g, size_t index);

#endif
