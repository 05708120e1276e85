#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock.h"
#include "memlock_align.h"
#include "memlock_checks.h"
#include "memlock_phb.h"
#include "size.h"
#include "xalloc.h"

/* libvirt's constants, in KiB. */
#define TCE_PER_PHB_KIB UINT64_C(4096)         /* 4 MiB: TCEs for a 2 GiB 32-bit window */
#define TCE_INDEX_KIB UINT64_C(8192)           /* 8 MiB: table index and spapr devices */
#define PRE_DDW_PER_PHB_KIB UINT64_C(2097152)  /* 2 GiB per PHB */
#define NV2_TCE_PER_PHB_KIB UINT64_C(268435456) /* 128 TiB / 512 = 256 GiB per PHB */
#define IO_SPACE_KIB UINT64_C(1048576)         /* 1 GiB */

struct calc {
    struct memlock_result *r;
    struct mp_error *err;
    bool overflow;
    bool lean;       /* MEMLOCK_TERMS: no explanations */
};

/* A term's explanation, formatted only when it will be read (the arguments
 * are not evaluated otherwise). */
#define WHY(c, ...) ((c)->lean ? (struct msg){ NULL, NULL } : msg_format(__VA_ARGS__))
/* The same for a sentence with a count: WHY_N(c, NP_(one, many), n, args). */
#define WHY_N(c, ...) ((c)->lean ? (struct msg){ NULL, NULL } : msg_format_plural(__VA_ARGS__))

static void add_term(struct calc *c, const char *id, const char *label, uint64_t kib, struct msg why)
{
    struct memlock_result *r = c->r;
    XGROW(r->terms, r->terms_cap, r->nterms + 1);
    struct memlock_term *t = &r->terms[r->nterms++];
    t->id = id;
    t->label = label;
    t->kib = kib;
    t->why = why;
}

static uint64_t mul(struct calc *c, uint64_t a, uint64_t b)
{
    uint64_t v = 0;
    if (!size_mul(a, b, &v))
        c->overflow = true;
    return v;
}

static uint64_t add(struct calc *c, uint64_t a, uint64_t b)
{
    uint64_t v = 0;
    if (!size_add(a, b, &v))
        c->overflow = true;
    return v;
}

static const char *fmt_kib(uint64_t kib, char *buf, size_t len)
{
    size_format_kib(kib, buf, len);
    return buf;
}

static void ppc64_rule(struct calc *c, const struct guest *g, const struct host *h)
{
    struct memlock_result *r = c->r;
    const struct profile *p = r->profile;
    uint64_t mem = r->memory_kib, maxmem = r->max_memory_kib, nphb = r->nphbs;
    char a[32], b[32];

    size_t npci = 0, nmdev = 0;
    for (size_t i = 0; i < g->nhostdevs; i++) {
        if (g->hostdevs[i].kind == GUEST_HOSTDEV_PCI) {
            npci++;
            const struct host_device *d = host_find(h, &g->hostdevs[i].host);
            if (d && !r->nvlink2 && host_device_is_nv2_bridge(d, p->nv2_files))
                r->nvlink2 = true;
        } else {
            nmdev++;
        }
    }
    /* getPPC64MemLockLimitBytes: what turns the passthrough term on. vDPA
     * block disks never do (virDomainDefHasVDPANet looks at interfaces only). */
    bool force = g->force_vfio;   /* forceVFIO, or the hot-plugged device itself */
    r->uses_vfio = npci || force;
    if (p->ppc_vfio >= PPC_VFIO_PCI_NVME)
        r->uses_vfio = r->uses_vfio || g->nvme_disks;
    if (p->ppc_vfio >= PPC_VFIO_NEEDS_VFIO_VDPA)
        r->uses_vfio = r->uses_vfio || nmdev || g->vdpa_interfaces;

    add_term(c, "hpt", N_("Hash page table"), maxmem / 128,
             WHY(c, N_("The guest's hash page table: max memory %s / 128."),
                        fmt_kib(maxmem, a, sizeof(a))));
    add_term(c, "dma32", N_("32-bit DMA windows"), mul(c, TCE_PER_PHB_KIB, nphb),
             WHY_N(c, NP_("4 MiB of TCE table per PHB maps its 2 GiB 32-bit DMA window; "
                           "%llu PHB.", "4 MiB of TCE table per PHB maps its 2 GiB 32-bit DMA "
                           "window; %llu PHBs."), (unsigned long)nphb, (unsigned long long)nphb));
    add_term(c, "tce_index", N_("TCE index, spapr devices"), TCE_INDEX_KIB,
             WHY(c, N_("8 MiB for the TCE table index and a few spapr-vty, spapr-vlan and "
                           "spapr-vscsi devices.")));
    if (r->nvlink2) {
        add_term(c, "nv2_ram", N_("Guest RAM (max memory)"), maxmem,
                 WHY(c, N_("All guest RAM up to max memory (%s) is pre-registered for DMA; "
                               "GPU RAM is device memory and is not counted."),
                            fmt_kib(maxmem, a, sizeof(a))));
        add_term(c, "nv2_dma64", N_("NVLink2 64-bit DMA windows"), mul(c, NV2_TCE_PER_PHB_KIB, nphb),
                 WHY_N(c, NP_("QEMU puts GPU RAM at 64-128 TiB of guest address space, so each "
                               "PHB's 64-bit DMA window spans 128 TiB: 256 GiB of 4 KiB TCEs per "
                               "PHB; %llu PHB.", "QEMU puts GPU RAM at 64-128 TiB of guest "
                               "address space, so each PHB's 64-bit DMA window spans 128 TiB: "
                               "256 GiB of 4 KiB TCEs per PHB; %llu PHBs."),
                       (unsigned long)nphb, (unsigned long long)nphb));
        add_term(c, "ddw_overhead", N_("TCE second level"), TCE_INDEX_KIB,
                 WHY(c, N_("8 MiB for second-level TCE tables.")));
    } else if (r->uses_vfio) {
        uint64_t pre_ddw = mul(c, PRE_DDW_PER_PHB_KIB, nphb);
        uint64_t dma64 = mul(c, mem / 512, nphb);
        uint64_t with_ddw = add(c, add(c, mem, dma64), TCE_INDEX_KIB);
        if (pre_ddw > with_ddw) {
            add_term(c, "pre_ddw", N_("Pre-DDW DMA windows"), pre_ddw,
                     WHY(c, N_("2 GiB per PHB for a guest that never enables dynamic DMA "
                                   "windows; libvirt takes it because it is larger than the "
                                   "with-DDW figure (%s)."), fmt_kib(with_ddw, a, sizeof(a))));
        } else {
            add_term(c, "ram", N_("Guest RAM pre-registered"), mem,
                     WHY(c, N_("All guest RAM (%s) is pre-registered for DMA once."),
                                fmt_kib(mem, a, sizeof(a))));
            add_term(c, "dma64", N_("64-bit DMA windows"), dma64,
                     WHY_N(c, NP_("Each PHB's 64-bit DMA window maps all RAM with 4 KiB pages "
                                   "(1/512 of %s); %llu PHB. Larger in total than the pre-DDW "
                                   "figure (%s).", "Each PHB's 64-bit DMA window maps all RAM "
                                   "with 4 KiB pages (1/512 of %s); %llu PHBs. Larger in total "
                                   "than the pre-DDW figure (%s)."),
                           (unsigned long)nphb, fmt_kib(mem, a, sizeof(a)),
                           (unsigned long long)nphb, fmt_kib(pre_ddw, b, sizeof(b))));
            add_term(c, "ddw_overhead", N_("TCE second level"), TCE_INDEX_KIB,
                     WHY(c, N_("8 MiB for second-level TCE tables.")));
        }
    }
}

static void generic_rule(struct calc *c, const struct guest *g)
{
    struct memlock_result *r = c->r;
    const struct profile *p = r->profile;
    /* Without forceVFIO the hot-plugged device is in the definition: one more hostdev. */
    bool force = g->force_vfio && p->force_vfio_arg;
    size_t nhost = g->nhostdevs + (g->force_vfio && !p->force_vfio_arg); /* VFIO PCI and mdev */
    size_t nnvme = p->knows_nvme_disk ? g->nvme_disks : 0;
    size_t nvdpa = p->generic >= GENERIC_ONCE_VDPA ? g->vdpa_interfaces : 0;
    if (p->knows_vdpa_disk)
        nvdpa += g->vdpa_disks;
    uint64_t factor = 0;
    switch (p->generic) {
    case GENERIC_ONCE_VFIO_MDEV:
        nnvme = 0;
        /* fall through */
    case GENERIC_ONCE_NVME:
    case GENERIC_ONCE_VDPA:
        /* usesVFIO (or a vDPA device): memory + 1 GiB, however many devices. */
        factor = nhost || nnvme || nvdpa || force;
        r->nvfio = nhost + nnvme;
        break;
    case GENERIC_FACTOR:
        /* qemuDomainGetNumVFIODevices counts hostdevs and NVMe disks together. */
        r->nvfio = nhost + nnvme;
        factor = nvdpa;
        if (r->nvfio || force)
            factor += (r->nvfio && g->has_iommu) ? r->nvfio : 1;
        nnvme = 0;
        break;
    case GENERIC_FACTOR_NVME_EACH:
        /* qemuDomainGetNumVFIOHostdevs, qemuDomainGetNumNVMeDisks apart. */
        r->nvfio = nhost;
        factor = nvdpa + nnvme;
        if (nhost || force)
            factor += (nhost && g->has_iommu) ? nhost : 1;
        break;
    }
    r->nvdpa = nvdpa;
    r->nnvme = nnvme;
    r->uses_vfio = r->nvfio || force;
    r->factor = factor;
    if (!factor)
        return;

    char a[32];
    struct msg why;
    const char *mem = fmt_kib(r->memory_kib, a, sizeof(a));
    /* Counts after a colon: no plural forms to get wrong ("2 device(s)"). */
    if (p->generic < GENERIC_FACTOR)
        why = WHY(c, N_("VFIO and vDPA devices map all guest RAM (%s) for DMA once, however many "
                        "there are (libvirt %s)."), mem, p->id);
    else if (g->has_iommu && r->nvfio)
        why = WHY(c, N_("With a vIOMMU each VFIO device may map all guest RAM (%s), and so does "
                        "each vDPA device and each NVMe disk counted on its own: factor %llu "
                        "(VFIO devices: %llu, vDPA devices: %llu, NVMe disks: %llu)."),
                  mem, (unsigned long long)factor, (unsigned long long)r->nvfio,
                  (unsigned long long)nvdpa, (unsigned long long)nnvme);
    else
        why = WHY(c, N_("VFIO hostdevs share one mapping of all guest RAM (%s); each vDPA device "
                        "and each NVMe disk counted on its own maps it again: factor %llu (vDPA "
                        "devices: %llu, NVMe disks: %llu)."),
                  mem, (unsigned long long)factor, (unsigned long long)nvdpa,
                  (unsigned long long)nnvme);
    add_term(c, "ram", N_("Guest RAM x factor"), mul(c, factor, r->memory_kib), why);
    add_term(c, "io_space", N_("MMIO and QEMU overhead"), IO_SPACE_KIB,
             WHY(c, N_("1 GiB for device MMIO and memory QEMU locks besides guest RAM.")));
}

/* Devices the chosen release cannot parse: virDomainDefParseXML refuses the
 * definition before anything is computed (disks are parsed before interfaces). */
int memlock_release_refuses(const struct guest *g, const struct profile *p, struct mp_error *err)
{
    if (g->nvme_disks && !p->knows_nvme_disk)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("libvirt before 6.0 (profile %s) cannot parse <disk type='nvme'>: "
                              "virDomainDiskDefParseXML refuses an unknown disk type"), p->id);
    if (g->vdpa_disks && !p->knows_vdpa_disk)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("libvirt before 9.8 (profile %s) cannot parse <disk "
                              "type='vhostvdpa'>: virDomainDiskDefParseXML refuses an unknown "
                              "disk type"), p->id);
    if (g->vdpa_interfaces && !p->knows_vdpa_net)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("libvirt before 6.9 (profile %s) cannot parse <interface "
                              "type='vdpa'>: virDomainNetDefParseXML refuses an unknown "
                              "interface type"), p->id);
    return 0;
}

static void explain_hard_limit(struct calc *c, const struct guest *g)
{
    struct memlock_result *r = c->r;
    char a[32], b[32];
    add_term(c, "hard_limit", N_("<memtune><hard_limit>"), g->hard_limit_kib,
             WHY(c, N_("The guest sets hard_limit (%s); libvirt uses it as the limit and "
                           "ignores everything else."), fmt_kib(g->hard_limit_kib, a, sizeof(a))));
    if (c->lean)
        return;   /* what follows are warnings */
    if (r->has_computed && r->computed_kib > g->hard_limit_kib)
        msg_list_add(&r->warnings,
                     N_("hard_limit %s is below the %s libvirt would compute without it: "
                        "the guest may fail to start with \"Cannot allocate memory\""),
                     fmt_kib(g->hard_limit_kib, a, sizeof(a)), fmt_kib(r->computed_kib, b, sizeof(b)));
    if (!g->hard_limit_kib)
        msg_list_add(&r->warnings, N_("hard_limit 0 gives a limit of 0: libvirt then leaves the "
                                      "inherited limit in place"));
}

/* libvirt's rule after hard_limit and locked (qemuDomainGetMemLockLimitBytes):
 * ppc64 KVM or generic. Its terms go to r->terms. */
static enum memlock_rule terms_rule(struct calc *c, const struct guest *g, const struct host *h)
{
    if (guest_is_ppc64(g) && g->virt == GUEST_VIRT_KVM) {
        ppc64_rule(c, g, h);
        return RULE_PPC64;
    }
    generic_rule(c, g);
    return RULE_GENERIC;
}

/* Under hard_limit or locked: the terms the next rule gives, kept apart as
 * the computed figure; r->terms is left empty for the rule's own term. */
static void computed_terms(struct calc *c, const struct guest *g, const struct host *h)
{
    struct memlock_result *r = c->r;
    bool overflow = c->overflow;
    c->overflow = false;
    r->computed_rule = terms_rule(c, g, h);
    uint64_t sum = 0;
    for (size_t i = 0; i < r->nterms; i++)
        sum = add(c, sum, r->terms[i].kib);
    uint64_t bytes;
    if (!c->overflow && size_kib_to_bytes(sum, &bytes)) {
        r->has_computed = true;
        r->computed_kib = sum;
        r->computed_kind = sum ? MEMLOCK_BYTES : MEMLOCK_NONE;
        r->computed_terms = r->terms;
        r->ncomputed_terms = r->nterms;
    } else {
        for (size_t i = 0; i < r->nterms; i++)
            msg_free(&r->terms[i].why);
        free(r->terms);
    }
    r->terms = NULL;
    r->nterms = r->terms_cap = 0;
    c->overflow = overflow;
}

/* Whether what is uncertain about `p` can change this guest's limit. */
static bool approx_concerns(const struct profile *p, const struct guest *g)
{
    switch (p->approx_when) {
    case APPROX_ALWAYS:
        return true;
    case APPROX_FORCE_VFIO:
        return g->force_vfio;
    case APPROX_VDPA:
        return g->vdpa_interfaces || g->vdpa_disks;
    case APPROX_PPC_MDEV_VDPA:
        if (!guest_is_ppc64(g))
            return false;
        for (size_t i = 0; i < g->nhostdevs; i++)
            if (g->hostdevs[i].kind == GUEST_HOSTDEV_MDEV)
                return true;
        return g->vdpa_interfaces;
    }
    return true;
}

int memlock_compute(const struct guest *g, const struct host *h, const struct profile *p,
                    struct memlock_result *out, struct mp_error *err)
{
    return memlock_compute_detail(g, h, p, MEMLOCK_FULL, out, err);
}

int memlock_compute_detail(const struct guest *g, const struct host *h, const struct profile *p,
                           enum memlock_detail detail, struct memlock_result *out,
                           struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    out->profile = p ? p : profile_default();
    struct calc c = { out, err, false, detail == MEMLOCK_TERMS };

    if (g->virt == GUEST_VIRT_OTHER) {
        mp_error_set(err, MP_ERR_INPUT, _("domain type '%s' is not run by libvirt's QEMU driver "
                                          "(expected kvm or qemu)"), g->virt_name ? g->virt_name : "?");
        return -1;
    }
    if (g->phb_override > MEMLOCK_MAX_PHBS) {
        mp_error_set(err, MP_ERR_INPUT, _("a manual count of %u PHBs is out of range (1 to %u)"),
                     g->phb_override, MEMLOCK_MAX_PHBS);
        return -1;
    }
    if (memlock_release_refuses(g, out->profile, err) < 0) {
        memlock_result_free(out);
        return -1;
    }
    struct aligned_memory am;
    if (memlock_align(g, out->profile, &am, &out->warnings, err) < 0) {
        memlock_result_free(out);
        return -1;
    }
    out->memory_kib = am.total_kib;
    out->max_memory_kib = am.max_kib;
    out->align_kib = am.align_kib;
    if (out->profile->approx && !c.lean && approx_concerns(out->profile, g))
        msg_list_add_msg(&out->warnings, (struct msg){ xstrdup(out->profile->approx),
                                                       xstrdup(_(out->profile->approx)) });
    if (g->force_vfio && !out->profile->force_vfio_arg && !c.lean)
        msg_list_add(&out->warnings, N_("libvirt %s has no forceVFIO: the hot-plugged device is "
                                        "planned as one more VFIO hostdev in the definition"),
                     out->profile->id);

    bool ppc = guest_is_ppc64(g);
    if (ppc) {
        out->has_phbs = true;
        memlock_phbs(g, h, !c.lean, &out->phbs, &out->nphbs, &out->warnings);
    }

    if (g->has_hard_limit) {
        out->rule = RULE_HARD_LIMIT;
        computed_terms(&c, g, h);
        explain_hard_limit(&c, g);
    } else if (g->locked) {
        out->rule = RULE_LOCKED;
        out->kind = MEMLOCK_UNLIMITED;
        computed_terms(&c, g, h);
    } else {
        out->rule = terms_rule(&c, g, h);
    }

    if (out->kind != MEMLOCK_UNLIMITED) {
        uint64_t sum = 0;
        for (size_t i = 0; i < out->nterms; i++)
            sum = add(&c, sum, out->terms[i].kib);
        if (c.overflow || !size_kib_to_bytes(sum, &out->limit_bytes)) {
            memlock_result_free(out);
            mp_error_set(err, MP_ERR_INPUT, _("the limit does not fit in 64 bits: the memory "
                                              "sizes are impossible"));
            return -1;
        }
        out->limit_kib = sum;
        out->kind = sum ? MEMLOCK_BYTES : MEMLOCK_NONE;
    }
    if (!c.lean)
        memlock_checks(g, h, out);
    return 0;
}

void memlock_result_free(struct memlock_result *r)
{
    for (size_t i = 0; i < r->nterms; i++)
        msg_free(&r->terms[i].why);
    free(r->terms);
    for (size_t i = 0; i < r->ncomputed_terms; i++)
        msg_free(&r->computed_terms[i].why);
    free(r->computed_terms);
    for (size_t i = 0; i < r->nphbs; i++)
        msg_free(&r->phbs[i].why);
    free(r->phbs);
    msg_list_free(&r->warnings);
    free(r->refusal);
    memset(r, 0, sizeof(*r));
}

void memlock_note_choice(struct memlock_result *r, const struct profile_choice *c)
{
    snprintf(r->release, sizeof(r->release), "%s", c->release);
    r->release_source = c->source;
    if (c->beyond)
        msg_list_add(&r->warnings, N_("libvirt %s is newer than the newest profile (%s, checked "
                                      "against libvirt %s's source): its formula is assumed "
                                      "unchanged"),
                     c->release, c->profile->id, PROFILE_NEWEST_READ);
}

const char *memlock_term_label(const struct memlock_term *t)
{
    return _(t->label);
}

enum memlock_gap memlock_gap(const struct memlock_result *r, uint64_t *gap_kib)
{
    *gap_kib = 0;
    if (!r->has_computed)
        return GAP_NONE;
    if (r->kind == MEMLOCK_UNLIMITED)
        return GAP_UNLIMITED;
    if (r->limit_kib == r->computed_kib)
        return GAP_EQUAL;
    if (r->limit_kib > r->computed_kib) {
        *gap_kib = r->limit_kib - r->computed_kib;
        return GAP_ABOVE;
    }
    *gap_kib = r->computed_kib - r->limit_kib;
    return GAP_BELOW;
}

uint64_t memlock_need_kib(const struct memlock_result *r)
{
    if (r->has_computed)
        return r->computed_kib;
    return r->kind == MEMLOCK_BYTES ? r->limit_kib : 0;
}
