#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock_align.h"
#include "size.h"
#include "xalloc.h"

static int overflow(struct mp_error *err)
{
    return mp_error_set(err, MP_ERR_INPUT, _("memory size overflowed after alignment"));
}

/* Warns when alignment changed a size, so the planner explains the difference. */
/* `fmt` is a msgid taking the size before, after, and the alignment. */
static void note_rounding(struct msg_list *w, const char *fmt, uint64_t before, uint64_t after,
                          uint64_t align)
{
    if (before == after || !w)
        return;
    char b[32], a[32], al[32];
    size_format_kib(before, b, sizeof(b));
    size_format_kib(after, a, sizeof(a));
    size_format_kib(align, al, sizeof(al));
    msg_list_add(w, fmt, b, a, al);
}

/* Memory devices as libvirt holds them after post-parse: on ppc64, since
 * 7.0, qemuDomainMemoryDefPostParse aligns every module but an NVDIMM to
 * 256 MiB when a new definition is parsed (VIR_DOMAIN_DEF_PARSE_ABI_UPDATE). */
static int parsed_modules(const struct guest *g, bool at_parse, uint64_t *sizes, uint64_t *sum,
                          struct mp_error *err)
{
    bool ppc = guest_is_ppc64(g);
    *sum = 0;
    for (size_t i = 0; i < g->nmemdevs; i++) {
        uint64_t sz = g->memdevs[i].size_kib;
        bool nvdimm = g->memdevs[i].model && !strcmp(g->memdevs[i].model, "nvdimm");
        if (ppc && at_parse && !nvdimm && !size_align_up(sz, 256 * KIB_PER_MIB, &sz))
            return overflow(err);
        sizes[i] = sz;
        if (!size_add(*sum, sz, sum))
            return overflow(err);
    }
    return 0;
}

int memlock_align(const struct guest *g, const struct profile *p, struct aligned_memory *out,
                  struct msg_list *w, struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    if (!p)
        p = profile_default();
    bool ppc = guest_is_ppc64(g);
    /* qemuDomainGetMemorySizeAlignment, qemuDomainGetMemoryModuleSizeAlignment */
    out->align_kib = ppc ? 256 * KIB_PER_MIB : KIB_PER_MIB;
    out->module_align_kib = ppc ? 256 * KIB_PER_MIB : 2 * KIB_PER_MIB;

    /* 1. Post-parse (virDomainDefPostParse): device callbacks, then
     *    virDomainDefPostParseMemory on the sizes as written. */
    uint64_t *sizes = xreallocarray(NULL, g->nmemdevs ? g->nmemdevs : 1, sizeof(*sizes));
    uint64_t modules_parsed = 0, total_parsed = 0;
    int rc = -1;
    if (parsed_modules(g, ppc && p->ppc_modules_at_parse, sizes, &modules_parsed, err) < 0)
        goto out;
    if (g->nnuma) {
        /* A new definition takes its size from the cells (ABI update). */
        uint64_t cells = 0;
        for (size_t i = 0; i < g->nnuma; i++)
            if (!size_add(cells, g->numa_cells_kib[i], &cells)) {
                overflow(err);
                goto out;
            }
        if (!size_add(cells, modules_parsed, &total_parsed)) {
            overflow(err);
            goto out;
        }
        if (g->memory_kib && total_parsed != g->memory_kib && w) {
            char m[32];
            size_format_kib(g->memory_kib, m, sizeof(m));
            msg_list_add(w, N_("<memory> (%s) is ignored: with NUMA cells libvirt takes the "
                               "memory size from the cells"), m);
        }
    } else {
        if (modules_parsed > g->memory_kib) {
            mp_error_set(err, MP_ERR_INPUT, _("Total size of memory devices exceeds the total "
                                              "memory size (virDomainDefPostParseMemory)"));
            goto out;
        }
        total_parsed = g->memory_kib;
    }
    if (total_parsed - modules_parsed == 0) {
        mp_error_set(err, MP_ERR_INPUT, _("Memory size must be specified via <memory> or in the "
                                          "<numa> configuration (virDomainDefPostParseMemory)"));
        goto out;
    }
    /* libvirt compares <maxMemory> with the total here, as parsed, and never
     * again after the start-time alignment. */
    if (g->max_memory_kib && g->max_memory_kib < total_parsed) {
        mp_error_set(err, MP_ERR_INPUT, _("maximum memory size must be equal or greater than the "
                                          "actual memory size (virDomainDefPostParseMemory)"));
        goto out;
    }

    /* 2. Validation (define and start): qemuDomainDefValidateMemoryHotplug. */
    if (!g->max_memory_kib) {
        if (g->nmemdevs) {
            mp_error_set(err, MP_ERR_INPUT, _("cannot use/hotplug a memory device when domain "
                                              "'maxMemory' is not defined "
                                              "(qemuDomainDefValidateMemoryHotplug)"));
            goto out;
        }
    } else {
        if (!ppc && !g->nnuma) {
            mp_error_set(err, MP_ERR_INPUT, _("At least one numa node has to be configured when "
                                              "enabling memory hotplug "
                                              "(qemuDomainDefValidateMemoryHotplug)"));
            goto out;
        }
        if (g->nmemdevs > g->max_memory_slots) {
            mp_error_set(err, MP_ERR_INPUT, _("memory device count '%zu' exceeds slots count "
                                              "'%u' (qemuDomainDefValidateMemoryHotplug)"),
                         g->nmemdevs, g->max_memory_slots);
            goto out;
        }
        uint64_t initial_parsed = total_parsed - modules_parsed;
        if (initial_parsed > g->max_memory_kib
            || modules_parsed > g->max_memory_kib - initial_parsed) {
            mp_error_set(err, MP_ERR_INPUT, _("memory device total size exceeds hotplug space "
                                              "(qemuDomainDefValidateMemoryHotplug)"));
            goto out;
        }
    }

    /* 3. Start of a new guest: qemuDomainAlignMemorySizes. */
    uint64_t initial = 0;
    if (g->nnuma) {
        for (size_t i = 0; i < g->nnuma; i++) {
            uint64_t cell;
            if (!size_align_up(g->numa_cells_kib[i], out->align_kib, &cell)
                || !size_add(initial, cell, &initial)) {
                overflow(err);
                goto out;
            }
            note_rounding(w, N_("NUMA cell %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), g->numa_cells_kib[i], cell, out->align_kib);
        }
    } else {
        uint64_t raw = total_parsed - modules_parsed;
        if (!size_align_up(raw, out->align_kib, &initial)) {
            overflow(err);
            goto out;
        }
        note_rounding(w, N_("memory %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), raw, initial, out->align_kib);
    }
    if (g->max_memory_kib) {
        if (!size_align_up(g->max_memory_kib, out->align_kib, &out->max_kib)) {
            overflow(err);
            goto out;
        }
        note_rounding(w, N_("max memory %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), g->max_memory_kib, out->max_kib, out->align_kib);
    }
    uint64_t modules = 0;
    for (size_t i = 0; i < g->nmemdevs; i++) {
        uint64_t aligned = sizes[i];
        bool ppc_nvdimm = ppc && g->memdevs[i].model && !strcmp(g->memdevs[i].model, "nvdimm");
        if (ppc_nvdimm) {
            if (w)
                msg_list_add(w, N_("ppc64 NVDIMM alignment (label size rules) is not modelled; "
                                   "its size is used as written"));
        } else if (!size_align_up(sizes[i], out->module_align_kib, &aligned)) {
            overflow(err);
            goto out;
        }
        note_rounding(w, N_("memory device %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), g->memdevs[i].size_kib, aligned, out->module_align_kib);
        if (!size_add(modules, aligned, &modules)) {
            overflow(err);
            goto out;
        }
    }
    out->initial_kib = initial;
    out->modules_kib = modules;
    if (!size_add(initial, modules, &out->total_kib)) {
        overflow(err);
        goto out;
    }
    if (!g->max_memory_kib)
        out->max_kib = out->total_kib;
    /* Every figure is shifted to bytes at the end: keep that representable. */
    uint64_t bytes, biggest = out->max_kib > out->total_kib ? out->max_kib : out->total_kib;
    if (!size_kib_to_bytes(biggest, &bytes) || bytes > SIZE_MAX_BYTES) {
        overflow(err);
        goto out;
    }
    rc = 0;
out:
    free(sizes);
    return rc;
}
