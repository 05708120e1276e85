#include "config.h"

#include <string.h>

#include "i18n.h"
#include "memlock_align.h"
#include "size.h"

static bool arch_is_x86(const char *arch)
{
    return arch && (!strcmp(arch, "x86_64") || !strcmp(arch, "i686"));
}

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

int memlock_align(const struct guest *g, struct aligned_memory *out,
                  struct msg_list *w, struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    bool ppc = guest_is_ppc64(g);
    out->align_kib = ppc ? 256 * KIB_PER_MIB : KIB_PER_MIB;
    out->module_align_kib = ppc ? 256 * KIB_PER_MIB : arch_is_x86(g->arch) ? 2 * KIB_PER_MIB
                                                                              : KIB_PER_MIB;

    /* Memory devices as written, then aligned. */
    uint64_t modules_raw = 0, modules = 0;
    for (size_t i = 0; i < g->nmemdevs; i++) {
        uint64_t sz = g->memdevs[i].size_kib, aligned = sz;
        if (!size_add(modules_raw, sz, &modules_raw))
            return overflow(err);
        bool ppc_nvdimm = ppc && g->memdevs[i].model && !strcmp(g->memdevs[i].model, "nvdimm");
        if (ppc_nvdimm) {
            if (w)
                msg_list_add(w, N_("ppc64 NVDIMM alignment (label size rules) is not modelled; "
                                   "its size is used as written"));
        } else if (!size_align_up(sz, out->module_align_kib, &aligned)) {
            return overflow(err);
        }
        note_rounding(w, N_("memory device %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), sz, aligned, out->module_align_kib);
        if (!size_add(modules, aligned, &modules))
            return overflow(err);
    }

    uint64_t initial = 0;
    if (g->nnuma) {
        for (size_t i = 0; i < g->nnuma; i++) {
            uint64_t cell;
            if (!size_align_up(g->numa_cells_kib[i], out->align_kib, &cell))
                return overflow(err);
            note_rounding(w, N_("NUMA cell %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), g->numa_cells_kib[i], cell, out->align_kib);
            if (!size_add(initial, cell, &initial))
                return overflow(err);
        }
        uint64_t from_cells;
        if (g->memory_kib && size_add(initial, modules_raw, &from_cells) && from_cells != g->memory_kib
            && w) {
            char m[32];
            size_format_kib(g->memory_kib, m, sizeof(m));
            msg_list_add(w, N_("<memory> (%s) is ignored: with NUMA cells libvirt takes the "
                               "memory size from the cells"), m);
        }
    } else {
        if (!g->memory_kib)
            return mp_error_set(err, MP_ERR_INPUT,
                                _("memory size must be specified via <memory> or in the "
                                  "<numa> configuration"));
        if (modules_raw > g->memory_kib)
            return mp_error_set(err, MP_ERR_INPUT,
                                _("memory devices add up to more than <memory>"));
        uint64_t raw = g->memory_kib - modules_raw;
        if (!size_align_up(raw, out->align_kib, &initial))
            return overflow(err);
        note_rounding(w, N_("memory %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), raw, initial, out->align_kib);
    }
    if (!initial)
        return mp_error_set(err, MP_ERR_INPUT, _("the guest has no memory"));
    out->initial_kib = initial;
    out->modules_kib = modules;
    if (!size_add(initial, modules, &out->total_kib))
        return overflow(err);

    if (g->max_memory_kib) {
        if (!size_align_up(g->max_memory_kib, out->module_align_kib, &out->max_kib))
            return overflow(err);
        note_rounding(w, N_("max memory %s is rounded up to %s: libvirt aligns it to %s when the guest starts"), g->max_memory_kib, out->max_kib, out->module_align_kib);
        if (out->max_kib < out->total_kib)
            return mp_error_set(err, MP_ERR_INPUT,
                                _("maximum memory size must be equal or greater than the "
                                  "actual memory size"));
    } else {
        out->max_kib = out->total_kib;
    }
    /* Every figure is shifted to bytes at the end: keep that representable. */
    uint64_t bytes;
    if (!size_kib_to_bytes(out->max_kib, &bytes) || bytes > SIZE_MAX_BYTES)
        return overflow(err);
    return 0;
}
