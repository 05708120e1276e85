#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "i18n.h"
#include "json.h"
#include "profile.h"

/* Oldest first. Each row is a release where qemuDomainGetMemLockLimitBytes, its
 * helpers or what virDomainDefParseXML accepts changed in a way that changes a
 * limit or whether a definition is taken. Read at source level: libvirt 7.0.0,
 * 9.0.0 and 11.3.0 (src/qemu/qemu_domain.c, src/conf/domain_postparse.c,
 * tests/qemumemlocktest.c); the other first releases come from libvirt's
 * NEWS.rst (11.3.0), which dates each change by the release that carries it.
 * doc/formula.md lists the steps in the same words. */
const struct profile profiles[] = {
    { "5.3", 5003,
      N_("libvirt 5.3 to 5.10"),
      N_("NVLink2: the ppc64 formula budgets the GPU RAM window when an NVLink2 bridge "
         "is assigned"),
      N_("the release of the NVLink2 patch; earlier releases are not modelled"), true,
      NV2_FILES_ALL, GENERIC_ONCE_VFIO_MDEV, PPC_VFIO_PCI,
      false, false, false, false, false, NULL,
      APPROX_ALWAYS },
    { "6.0", 6000,
      N_("libvirt 6.0 to 6.8"),
      N_("NVMe disks: a <disk type='nvme'> uses VFIO, counted once with the PCI hostdevs; "
         "on ppc64 it turns on the passthrough term; forceVFIO plans a hot-plug"),
      N_("NEWS 6.0.0 (the NVMe disk arrives); read in 7.0.0"), true,
      NV2_FILES_ALL, GENERIC_ONCE_NVME, PPC_VFIO_PCI_NVME,
      true, false, false, false, true,
      N_("forceVFIO is read in 7.0.0; that it came with the NVMe disk in 6.0 is inferred"),
      APPROX_FORCE_VFIO },
    { "6.9", 6009,
      N_("libvirt 6.9 to 6.10"),
      N_("vDPA interfaces: <interface type='vdpa'> is accepted but not yet counted"),
      N_("NEWS 6.9.0 (vDPA network devices)"), true,
      NV2_FILES_ALL, GENERIC_ONCE_NVME, PPC_VFIO_PCI_NVME,
      true, true, false, false, true, NULL,
      APPROX_ALWAYS },
    { "7.0", 7000,
      N_("libvirt 7.0 and 7.1"),
      N_("pSeries initial memory: memory modules are aligned when a new definition is "
         "parsed, so the initial memory is no longer rounded up past what was asked"),
      N_("NEWS 7.0.0; read in 7.0.0 (qemuDomainMemoryDefPostParse)"), true,
      NV2_FILES_ALL, GENERIC_ONCE_NVME, PPC_VFIO_PCI_NVME,
      true, true, false, true, true, NULL,
      APPROX_ALWAYS },
    { "7.2", 7002,
      N_("libvirt 7.2 to 8.6"),
      N_("vDPA interfaces count like VFIO: memory + 1 GiB, once"),
      N_("NEWS 7.2.0"), true,
      NV2_FILES_ALL, GENERIC_ONCE_VDPA, PPC_VFIO_PCI_NVME,
      true, true, false, true, true,
      N_("7.2 to 8.6 are not read at source level: the vDPA rule follows NEWS 7.2.0"),
      APPROX_VDPA },
    { "8.7", 8007,
      N_("libvirt 8.7 to 9.2"),
      N_("the factor rule: factor = each vDPA interface + (each VFIO device with a vIOMMU, "
         "else 1); on ppc64 mdev hostdevs and vDPA interfaces also turn on the passthrough "
         "term"),
      N_("NEWS 8.7.0; read in 9.0.0"), true,
      NV2_FILES_ALL, GENERIC_FACTOR, PPC_VFIO_NEEDS_VFIO_VDPA,
      true, true, false, true, true,
      N_("that mdev and vDPA turn on the ppc64 passthrough term in 8.7 rather than later "
         "(up to 9.0) is inferred"),
      APPROX_PPC_MDEV_VDPA },
    { "9.3", 9003,
      N_("libvirt 9.3 to 9.7"),
      N_("each NVMe disk counts on its own: factor = each vDPA interface + each NVMe disk + "
         "(each hostdev with a vIOMMU, else 1 if any hostdev)"),
      N_("NEWS 9.3.0; read in 11.3.0"), true,
      NV2_FILES_ALL, GENERIC_FACTOR_NVME_EACH, PPC_VFIO_NEEDS_VFIO_VDPA,
      true, true, false, true, true,
      N_("forceVFIO is assumed as in 9.0: it is gone in 11.3.0, removed in a release "
         "between 9.1 and 11.3 not pinned"),
      APPROX_FORCE_VFIO },
    { "9.8", 9008,
      N_("libvirt 9.8 to 11.2"),
      N_("vDPA block disks: a <disk type='vhostvdpa'> (also in a backing chain) counts "
         "like a vDPA interface (not on ppc64)"),
      N_("NEWS 9.8.0 (vDPA block devices); counting read in 11.3.0"), true,
      NV2_FILES_ALL, GENERIC_FACTOR_NVME_EACH, PPC_VFIO_NEEDS_VFIO_VDPA,
      true, true, true, true, true,
      N_("forceVFIO is assumed as in 9.0: it is gone in 11.3.0, removed in a release "
         "between 9.1 and 11.3 not pinned"),
      APPROX_FORCE_VFIO },
    { "11.3", 11003,
      N_("libvirt 11.3 and later"),
      N_("forceVFIO is gone (a hot-plug is planned with the device in the definition) and "
         "PCI hostdevs count whatever <driver> they name; before, a hostdev without one "
         "counts too, as VFIO is picked when the guest starts"),
      N_("read in 11.3.0; the first release is between 9.1 and 11.3, not pinned"), false,
      NV2_FILES_ALL, GENERIC_FACTOR_NVME_EACH, PPC_VFIO_NEEDS_VFIO_VDPA,
      true, true, true, true, false,
      N_("this step's first release is only bracketed: after 9.0.0, at the latest 11.3.0"),
      APPROX_FORCE_VFIO },
};
const size_t nprofiles = sizeof(profiles) / sizeof(profiles[0]);
_Static_assert(sizeof(profiles) / sizeof(profiles[0]) <= PROFILES_MAX, "raise PROFILES_MAX");

const struct profile *profile_default(void)
{
    return &profiles[nprofiles - 1];
}

static bool parse_number(const char **p, unsigned *v)
{
    if (!isdigit((unsigned char)**p))
        return false;
    unsigned long r = 0;
    for (int n = 0; isdigit((unsigned char)**p); n++, (*p)++) {
        if (n == 5)
            return false;
        r = r * 10 + (unsigned long)(**p - '0');
    }
    *v = (unsigned)r;
    return true;
}

bool profile_parse_version(const char *text, struct libvirt_version *v)
{
    if (!text)
        return false;
    const char *p = text;
    struct libvirt_version r = { 0, 0, 0 };
    if (!parse_number(&p, &r.major))
        return false;
    if (*p == '.') {
        p++;
        if (!parse_number(&p, &r.minor))
            return false;
        if (*p == '.') {
            p++;
            if (!parse_number(&p, &r.micro))
                return false;
        }
    }
    if (*p || r.minor > 999 || r.micro > 999)
        return false;
    *v = r;
    return true;
}

const struct profile *profile_select(const struct libvirt_version *v, bool *beyond)
{
    bool dummy;
    if (!beyond)
        beyond = &dummy;
    *beyond = false;
    unsigned n = v->major * 1000 + v->minor;
    const struct profile *best = NULL;
    for (size_t i = 0; i < nprofiles; i++)
        if (profiles[i].since <= n)
            best = &profiles[i];
    /* The newest profile was checked against 11.3.x; anything later is assumed. */
    if (best == profile_default() && n > profile_default()->since)
        *beyond = true;
    return best;
}

const struct profile *profile_for_version(const char *version, bool *beyond)
{
    if (beyond)
        *beyond = false;
    if (!version)
        return NULL;
    if (!strcmp(version, "seed"))
        return &profiles[0];
    if (!strcmp(version, "latest"))
        return profile_default();
    struct libvirt_version v;
    if (!profile_parse_version(version, &v))
        return NULL;
    return profile_select(&v, beyond);
}

void profile_version_format(const struct libvirt_version *v, char *buf, size_t len)
{
    snprintf(buf, len, "%u.%u.%u", v->major, v->minor, v->micro);
}

int profile_choose(const char *text, const char *source, struct profile_choice *out,
                   struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    if (!text) {
        out->profile = profile_default();
        out->source = N_("no release given: the newest profile");
        return 0;
    }
    struct libvirt_version v;
    const struct profile *p = NULL;
    if (!strcmp(text, "seed") || !strcmp(text, "latest")) {
        p = profile_for_version(text, NULL);
        snprintf(out->release, sizeof(out->release), "%s", p->id);
    } else if (profile_parse_version(text, &v)) {
        p = profile_select(&v, &out->beyond);
        profile_version_format(&v, out->release, sizeof(out->release));
    } else {
        return mp_error_set(err, MP_ERR_INPUT,
                            _("--libvirt %s: not a libvirt release number (X.Y or X.Y.Z)"), text);
    }
    if (!p)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("--libvirt %s: older than the oldest profile (libvirt %s)"), text,
                            profiles[0].id);
    out->profile = p;
    out->source = source;
    return 0;
}

static void write_fields(struct json *j, const void *key)
{
    const struct profile *p = key;
    json_key_lit(j, "profile");
    json_string_static(j, p->id);   /* the profiles table's own text */
    json_key_lit(j, "span");
    json_string_static(j, p->span);
    json_key_lit(j, "label");
    json_string_static(j, p->label);
    json_key_lit(j, "basis");
    json_string_static(j, p->basis);
    json_key_lit(j, "first_release_pinned");
    json_bool(j, p->pinned);
}

void profile_write_json_fields(struct json *j, const struct profile *p)
{
    json_members_cached(j, p, write_fields);   /* the same text for every guest */
}

const struct profile *profile_next(const struct profile *p)
{
    size_t i = (size_t)(p - profiles);
    return &profiles[(i + 1) % nprofiles];
}
