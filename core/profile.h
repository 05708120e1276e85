/* Formula profiles: how libvirt's memlock rules changed from release to
 * release, one profile per step, each named by the first release that has it.
 * The version parsing and selection live here so that every front end (the
 * command line, the TUI, live host detection) picks steps the same way. */
#ifndef MP_PROFILE_H
#define MP_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

/* How the generic (non-ppc64) rule of qemuDomainGetMemLockLimitBytes counts. */
enum generic_rule {
    GENERIC_ONCE_VFIO_MDEV,   /* any VFIO PCI or mdev hostdev: memory + 1 GiB */
    GENERIC_ONCE_NVME,        /* ... or an NVMe disk (once, with the hostdevs) */
    GENERIC_ONCE_VDPA,        /* ... or a vDPA interface (still once) */
    GENERIC_FACTOR,           /* factor x memory + 1 GiB: each vDPA device; the VFIO
                               * devices (hostdevs and NVMe disks) each with a vIOMMU,
                               * else once */
    GENERIC_FACTOR_NVME_EACH, /* factor: each vDPA device and each NVMe disk; the
                               * hostdevs each with a vIOMMU, else once */
};

/* What turns on the passthrough term of getPPC64MemLockLimitBytes. */
enum ppc_vfio_rule {
    PPC_VFIO_PCI,             /* a VFIO PCI hostdev */
    PPC_VFIO_PCI_NVME,        /* ... or an NVMe disk */
    PPC_VFIO_NEEDS_VFIO_VDPA, /* qemuDomainNeedsVFIO (PCI, mdev, NVMe) or a vDPA interface */
};

struct profile {
    const char *id;           /* the first release of the step: "9.3" (--libvirt, JSON) */
    unsigned since;           /* that release as major*1000+minor */
    const char *span;         /* msgid: the releases it covers, "libvirt 9.8 to 11.2" */
    const char *label;        /* msgid: what the step changed */
    const char *basis;        /* msgid: how its first release is known */
    bool pinned;              /* the first release is read or dated; false: bracketed */
    unsigned nv2_files;       /* device-tree files that make an NVLink2 bridge */
    enum generic_rule generic;
    enum ppc_vfio_rule ppc_vfio;
    bool knows_nvme_disk;     /* <disk type='nvme'> parses */
    bool knows_vdpa_net;      /* <interface type='vdpa'> parses */
    bool knows_vdpa_disk;     /* <disk type='vhostvdpa'> parses and counts as vDPA */
    bool ppc_modules_at_parse;/* ppc64 memory modules are aligned at post-parse
                               * (qemuDomainMemoryDefPostParse) for new definitions */
    bool force_vfio_arg;      /* qemuDomainGetMemLockLimitBytes takes forceVFIO */
    const char *approx;       /* msgid saying what is uncertain, or NULL */
    enum approx_when {
        APPROX_ALWAYS,
        APPROX_FORCE_VFIO,    /* only a planned hot-plug (forceVFIO) is concerned */
        APPROX_VDPA,          /* only guests with vDPA devices */
        APPROX_PPC_MDEV_VDPA, /* only pseries guests with mdev hostdevs or vDPA */
    } approx_when;            /* when a calculation repeats `approx` as a warning */
};

extern const struct profile profiles[];
extern const size_t nprofiles;
/* At least nprofiles (checked where the table is): room for a value per
 * profile without an allocation. */
#define PROFILES_MAX 16

/* A libvirt release number. */
struct libvirt_version {
    unsigned major, minor, micro;
};

/* The newest profile: the default when nothing says which libvirt runs. */
const struct profile *profile_default(void);
/* Parses "9.0", "9.0.0", "10" (major.minor[.micro], each part at most 5 digits,
 * minor and micro below 1000). Returns false for anything else. */
bool profile_parse_version(const char *text, struct libvirt_version *v);
/* The step release `v` has: NULL if it is older than the oldest profile;
 * *beyond is set when it is newer than the newest profile read (which is then
 * returned). */
const struct profile *profile_select(const struct libvirt_version *v, bool *beyond);
/* profile_parse_version + profile_select; also "seed" (the oldest) and
 * "latest" (the newest). NULL if not a version or too old. */
const struct profile *profile_for_version(const char *version, bool *beyond);
/* "9.3.0" */
void profile_version_format(const struct libvirt_version *v, char *buf, size_t len);
/* The next profile, wrapping around (the TUI's L key). */
const struct profile *profile_next(const struct profile *p);
/* Which profile a run uses and why. */
struct profile_choice {
    const struct profile *profile;
    char release[24];         /* "10.0.0"; "" when no release was named or found */
    const char *source;       /* msgid: where the release came from ("--libvirt", ...) */
    bool beyond;              /* newer than the newest profile */
};
/* `text` the release (NULL: none, the newest profile), `source` a msgid saying
 * where it came from. Returns 0, or -1 with `err` (MP_ERR_INPUT, one line) for
 * text that is no release number or older than the oldest profile. */
int profile_choose(const char *text, const char *source, struct profile_choice *out,
                   struct mp_error *err);

struct json;
/* The keys "profile", "span", "label", "basis", "first_release_pinned" of an
 * open JSON object (compare's steps, calc's profile_step). */
void profile_write_json_fields(struct json *j, const struct profile *p);

/* The newest release whose source the profiles were checked against. */
#define PROFILE_NEWEST_READ "11.3.0"

#endif
