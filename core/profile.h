/* Formula profiles: how libvirt's memlock rules changed between versions. */
#ifndef MP_PROFILE_H
#define MP_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

enum generic_rule {
    GENERIC_VFIO_MDEV,        /* any VFIO PCI or mdev hostdev: memory + 1 GiB */
    GENERIC_VFIO_MDEV_NVME,   /* ... or an NVMe disk */
    GENERIC_FACTOR,           /* factor x memory + 1 GiB: vDPA each, VFIO each with a vIOMMU */
};

struct profile {
    const char *id;           /* "9.0": what --libvirt and JSON say */
    unsigned since;           /* first libvirt version (major*1000+minor) it covers */
    const char *label;        /* msgid: "libvirt 9.0 and later" */
    unsigned nv2_files;       /* device-tree files that make an NVLink2 bridge */
    enum generic_rule generic;
    bool ppc_mdev_nvme;       /* ppc64: mdev hostdevs and NVMe disks count as VFIO */
    bool ppc_vdpa;            /* ppc64: vDPA interfaces count as VFIO */
    const char *approx;       /* msgid saying what is uncertain, or NULL */
};

extern const struct profile profiles[];
extern const size_t nprofiles;

/* The newest profile: the default. */
const struct profile *profile_default(void);
/* Looks up "9.0", "9.0.0", "9", "7.10.0", "seed". NULL if not a version or
 * older than the oldest profile; *beyond is set when the version is newer than
 * the newest profile (which is then returned). */
const struct profile *profile_for_version(const char *version, bool *beyond);
/* The next profile, wrapping around (the TUI's L key). */
const struct profile *profile_next(const struct profile *p);

#endif
