#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "address_map.h"
#include "i18n.h"
#include "size.h"
#include "xalloc.h"
#include "text_width.h"

/* Where QEMU places things on pseries: spapr_phb_placement() in hw/ppc/spapr.c
 * and the SPAPR_PCI_* windows of include/hw/pci-host/spapr.h. */
#define MMIO64_START_KIB (32 * KIB_PER_TIB)
#define NV2_RAM_START_KIB (64 * KIB_PER_TIB)
#define NV2_RAM_END_KIB (128 * KIB_PER_TIB)
#define DMA32_END_KIB (2 * KIB_PER_GIB)
#define DMA32_TCE_KIB (4 * KIB_PER_MIB)
/* The log scale: 1 GiB (2^20 KiB) to 128 TiB (2^37 KiB). */
#define SCALE_LOW_LOG2 20
#define SCALE_HIGH_LOG2 37

static struct addr_region *add_region(struct address_map *m, const char *id, const char *label,
                                      enum addr_space space, uint64_t start, uint64_t end,
                                      struct msg why)
{
    m->regions = xreallocarray(m->regions, m->n + 1, sizeof(*m->regions));
    struct addr_region *a = &m->regions[m->n++];
    *a = (struct addr_region){ .id = id, .label = label, .space = space, .start_kib = start,
                               .end_kib = end, .why = why };
    return a;
}

int address_map_build(const struct guest *g, const struct host *h, const struct profile *p,
                      struct address_map *out, struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    if (!guest_is_ppc64(g))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("the address map is drawn for ppc64 (pseries) guests only"));
    /* The formula's view of the guest, whatever rule decides its limit. */
    struct guest *shape = guest_dup(g);
    shape->has_hard_limit = false;
    shape->locked = false;
    shape->virt = GUEST_VIRT_KVM;
    struct memlock_result r;
    int rc = memlock_compute(shape, h, p, &r, err);
    guest_free(shape);
    if (rc < 0)
        return -1;
    address_map_from_result(&r, out);
    memlock_result_free(&r);
    return 0;
}

void address_map_from_result(const struct memlock_result *res, struct address_map *out)
{
    memset(out, 0, sizeof(*out));
    const struct memlock_result r = *res;   /* read only */
    char a[32], b[32];
    add_region(out, "ram", N_("Guest RAM"), ADDR_GUEST_PHYSICAL, 0, r.memory_kib,
               msg_format(N_("RAM the guest boots with (%s), from address 0."),
                          (size_format_kib(r.memory_kib, a, sizeof(a)), a)));
    if (r.max_memory_kib > r.memory_kib)
        add_region(out, "hotplug", N_("Hotplug memory"), ADDR_GUEST_PHYSICAL, r.memory_kib,
                   r.max_memory_kib,
                   msg_format(N_("Room for memory added later, up to max memory (%s); the hash "
                                 "page table is sized for it."),
                              (size_format_kib(r.max_memory_kib, a, sizeof(a)), a)));
    add_region(out, "mmio64", N_("64-bit MMIO window"), ADDR_GUEST_PHYSICAL, MMIO64_START_KIB,
               NV2_RAM_START_KIB,
               msg_format(N_("QEMU maps the PHBs' 64-bit BARs at 32-64 TiB.")));
    if (r.nvlink2)
        add_region(out, "nv2_ram", N_("NVLink2 GPU RAM"), ADDR_GUEST_PHYSICAL, NV2_RAM_START_KIB,
                   NV2_RAM_END_KIB,
                   msg_format(N_("QEMU places the GPUs' RAM above the MMIO window, at 64-128 TiB; "
                                 "it is device memory, not counted as guest RAM.")));

    for (size_t i = 0; i < r.nphbs; i++) {
        unsigned phb = r.phbs[i].index;
        struct addr_region *w =
            add_region(out, "dma32", N_("32-bit DMA window"), ADDR_DMA_WINDOW, 0, DMA32_END_KIB,
                       msg_format(N_("PHB %u's default window: 2 GiB of bus addresses, 4 MiB of "
                                     "TCEs."), phb));
        w->phb = phb;
        w->tce_kib = DMA32_TCE_KIB;
        if (!r.uses_vfio)
            continue;
        uint64_t end = r.nvlink2 ? NV2_RAM_END_KIB : r.memory_kib;
        size_format_kib(end, a, sizeof(a));
        size_format_kib(end / 512, b, sizeof(b));
        w = add_region(out, "dma64", N_("64-bit DMA window"), ADDR_DMA_WINDOW, 0, end,
                       r.nvlink2
                           ? msg_format(N_("PHB %u's window must reach the GPU RAM at 128 TiB: "
                                           "%s of TCEs with 4 KiB pages."), phb, b)
                           : msg_format(N_("PHB %u's window maps all guest RAM (%s): %s of TCEs "
                                           "with 4 KiB pages."), phb, a, b));
        w->phb = phb;
        w->tce_kib = end / 512;
    }
}

void address_map_free(struct address_map *m)
{
    for (size_t i = 0; i < m->n; i++)
        msg_free(&m->regions[i].why);
    free(m->regions);
    memset(m, 0, sizeof(*m));
}

static unsigned log2_floor(uint64_t v)
{
    unsigned l = 0;
    while (v >>= 1)
        l++;
    return l;
}

unsigned address_map_column(uint64_t kib, unsigned width)
{
    if (width == 0)
        return 0;
    if (kib <= (UINT64_C(1) << SCALE_LOW_LOG2))
        return 0;
    if (kib >= (UINT64_C(1) << SCALE_HIGH_LOG2))
        return width - 1;
    /* Whole octaves plus a linear fraction inside the octave: exact in integers. */
    unsigned l = log2_floor(kib);
    uint64_t base = UINT64_C(1) << l;
    uint64_t span = (uint64_t)(SCALE_HIGH_LOG2 - SCALE_LOW_LOG2);
    uint64_t scaled = ((uint64_t)(l - SCALE_LOW_LOG2) * base + (kib - base)) * (width - 1);
    return (unsigned)(scaled / (span * base));
}

static void print_bar(FILE *out, const struct addr_region *a, unsigned width)
{
    unsigned from = address_map_column(a->start_kib, width);
    unsigned to = address_map_column(a->end_kib, width);
    if (to > from)
        to--; /* the end is exclusive */
    for (unsigned c = 0; c < width; c++)
        fputc(c >= from && c <= to ? '#' : '.', out);
}

static void print_axis(FILE *out, unsigned width)
{
    static const struct { uint64_t kib; const char *text; } ticks[] = {
        { KIB_PER_GIB, "1G" }, { 32 * KIB_PER_GIB, "32G" }, { KIB_PER_TIB, "1T" },
        { 32 * KIB_PER_TIB, "32T" }, { 128 * KIB_PER_TIB, "128T" },
    };
    char line[512];
    if (width >= sizeof(line))
        width = sizeof(line) - 1;
    memset(line, ' ', width);
    line[width] = '\0';
    /* Right to left, so the end of the scale (128T) always shows; a label that
     * would touch the one to its right is left out. */
    unsigned next_start = width + 1;
    for (size_t i = sizeof(ticks) / sizeof(ticks[0]); i-- > 0;) {
        size_t len = strlen(ticks[i].text);
        if (len > width)
            continue;
        unsigned c = address_map_column(ticks[i].kib, width);
        if (c + len > width)
            c = width - (unsigned)len;
        if (c + len + 1 > next_start)
            continue;
        memcpy(line + c, ticks[i].text, len);
        next_start = c;
    }
    fprintf(out, "%-24s %s\n", "", line);
}

static void print_region(FILE *out, const struct addr_region *a, unsigned width)
{
    char s[32], e[32];
    size_format_kib(a->start_kib, s, sizeof(s));
    size_format_kib(a->end_kib, e, sizeof(e));
    fput_ljust(out, _(a->label), 24);
    fputc(' ', out);
    print_bar(out, a, width);
    fprintf(out, "  %s - %s", s, e);
    if (a->space == ADDR_DMA_WINDOW) {
        char t[32];
        size_format_kib(a->tce_kib, t, sizeof(t));
        fprintf(out, _(", TCE table %s"), t);
    }
    fputc('\n', out);
}

void address_map_print_text(FILE *out, const struct address_map *m, unsigned width)
{
    fputs(_("Guest physical address space (log scale):\n"), out);
    print_axis(out, width);
    for (size_t i = 0; i < m->n; i++)
        if (m->regions[i].space == ADDR_GUEST_PHYSICAL)
            print_region(out, &m->regions[i], width);
    unsigned last_phb = UINT32_MAX;
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        if (a->space != ADDR_DMA_WINDOW)
            continue;
        if (a->phb != last_phb) {
            fprintf(out, _("DMA windows of PHB %u (bus addresses, mapped by TCE tables):\n"), a->phb);
            print_axis(out, width);
            last_phb = a->phb;
        }
        print_region(out, a, width);
    }
    /* Every PHB's windows read alike: explain the first PHB's only. */
    fputs(_("Notes:\n"), out);
    bool seen_dma = false;
    unsigned first_phb = 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        if (a->space == ADDR_DMA_WINDOW) {
            if (!seen_dma)
                first_phb = a->phb;
            seen_dma = true;
            if (a->phb != first_phb)
                continue;
        }
        fprintf(out, "  %s: %s\n", _(a->label), a->why.local);
    }
}

/* Sizes came from byte counts <= LLONG_MAX: kib << 10 fits. `key` is a literal. */
#define write_bytes(j, key, kib) (json_key_lit(j, key), json_uint(j, (kib) << 10))

void address_map_write_json(struct json *j, const struct address_map *m)
{
    json_begin_object(j);
    for (int space = ADDR_GUEST_PHYSICAL; space <= ADDR_DMA_WINDOW; space++) {
        if (space == ADDR_GUEST_PHYSICAL)
            json_key_lit(j, "guest_physical");
        else
            json_key_lit(j, "dma_windows");
        json_begin_array(j);
        for (size_t i = 0; i < m->n; i++) {
            const struct addr_region *a = &m->regions[i];
            if ((int)a->space != space)
                continue;
            json_begin_object(j);
            json_key_lit(j, "id");
            json_string(j, a->id);
            json_key_lit(j, "label");
            json_string(j, a->label);
            if (space == ADDR_DMA_WINDOW) {
                json_key_lit(j, "phb");
                json_uint(j, a->phb);
            }
            write_bytes(j, "start_bytes", a->start_kib);
            write_bytes(j, "end_bytes", a->end_kib);
            if (space == ADDR_DMA_WINDOW)
                write_bytes(j, "tce_table_bytes", a->tce_kib);
            json_key_lit(j, "why");
            json_string(j, a->why.c);
            json_end_object(j);
        }
        json_end_array(j);
    }
    json_end_object(j);
}
