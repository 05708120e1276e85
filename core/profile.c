#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "i18n.h"
#include "profile.h"

/* Oldest first. Only the first and last rows are read off libvirt's sources
 * (5.3: the NVLink2 patch; 9.0.0: Debian 12), qemuDomainGetMemLockLimitBytes
 * and getPPC64MemLockLimitBytes. The versions of the steps between are
 * approximate. */
const struct profile profiles[] = {
    { "5.3", 5003, N_("libvirt 5.3 to 5.10 (NVLink2 era)"), NV2_FILES_SEED,
      GENERIC_VFIO_MDEV, false, false, NULL },
    { "6.0", 6000, N_("libvirt 6.0 to 7.x (NVMe disks)"), NV2_FILES_SEED,
      GENERIC_VFIO_MDEV_NVME, true, false,
      N_("profile 6.0 is approximate: the libvirt version that began counting NVMe disks is "
         "known only roughly, and which libvirt first required of_node/memory-region is not "
         "known") },
    { "8.0", 8000, N_("libvirt 8.x (vIOMMU and vDPA factor)"), NV2_FILES_SEED,
      GENERIC_FACTOR, true, true,
      N_("profile 8.0 is approximate: the libvirt version that brought the vIOMMU/vDPA factor "
         "is known only roughly, and which libvirt first required of_node/memory-region is "
         "not known") },
    { "9.0", 9000, N_("libvirt 9.0 and later"), NV2_FILES_ALL,
      GENERIC_FACTOR, true, true, NULL },
};
const size_t nprofiles = sizeof(profiles) / sizeof(profiles[0]);

const struct profile *profile_default(void)
{
    return &profiles[nprofiles - 1];
}

static bool parse_number(const char **p, unsigned *v)
{
    if (!isdigit((unsigned char)**p))
        return false;
    unsigned long r = 0;
    while (isdigit((unsigned char)**p)) {
        r = r * 10 + (unsigned long)(**p - '0');
        if (r > 99999)
            return false;
        (*p)++;
    }
    *v = (unsigned)r;
    return true;
}

const struct profile *profile_for_version(const char *version, bool *beyond)
{
    bool dummy;
    if (!beyond)
        beyond = &dummy;
    *beyond = false;
    if (!version)
        return NULL;
    if (!strcmp(version, "seed"))
        return &profiles[0];
    if (!strcmp(version, "latest"))
        return profile_default();
    const char *p = version;
    unsigned major, minor = 0, micro = 0;
    if (!parse_number(&p, &major))
        return NULL;
    if (*p == '.') {
        p++;
        if (!parse_number(&p, &minor))
            return NULL;
        if (*p == '.') {
            p++;
            if (!parse_number(&p, &micro))
                return NULL;
        }
    }
    if (*p || minor > 999)
        return NULL;
    unsigned v = major * 1000 + minor;
    const struct profile *best = NULL;
    for (size_t i = 0; i < nprofiles; i++)
        if (profiles[i].since <= v)
            best = &profiles[i];
    /* The newest profile covers 9.x; a newer major version is beyond it. */
    if (best == profile_default() && major > 9)
        *beyond = true;
    return best;
}

const struct profile *profile_next(const struct profile *p)
{
    size_t i = (size_t)(p - profiles);
    return &profiles[(i + 1) % nprofiles];
}
