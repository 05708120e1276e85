/* The address map view: core's address_map drawn with the pane's width. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "address_map.h"
#include "i18n.h"
#include "layout.h"
#include "size.h"
#include "views.h"
#include "xalloc.h"

#define LABEL_W 20
/* "32T" and "128T" need this many bar columns to stand apart. */
#define MIN_INLINE_BAR 56

static const struct {
    uint64_t kib;
    const char *text;
} ticks[] = {
    { KIB_PER_GIB, "1G" }, { 32 * KIB_PER_GIB, "32G" }, { KIB_PER_TIB, "1T" },
    { 32 * KIB_PER_TIB, "32T" }, { 128 * KIB_PER_TIB, "128T" },
};

static enum crt_role region_role(const char *id)
{
    if (!strcmp(id, "ram"))
        return ROLE_ASSIGNED;
    if (!strcmp(id, "hotplug"))
        return ROLE_BAR;
    if (!strcmp(id, "nv2_ram"))
        return ROLE_WARN;
    if (!strcmp(id, "mmio64"))
        return ROLE_MAP_MMIO;
    return ROLE_MAP_DMA;
}

/* Tick labels under their columns; placed from the right so 128T always
 * shows, a tick that would touch the next one is left out. */
static void axis(struct vtext *t, int bar_w)
{
    char line[1024];
    if (bar_w >= (int)sizeof(line))
        bar_w = (int)sizeof(line) - 1;
    memset(line, ' ', (size_t)bar_w);
    line[bar_w] = '\0';
    int limit = bar_w; /* first column taken by a placed tick */
    for (size_t i = sizeof(ticks) / sizeof(ticks[0]); i-- > 0;) {
        int len = (int)strlen(ticks[i].text);
        int c = (int)address_map_column(ticks[i].kib, (unsigned)bar_w);
        if (c + len > bar_w)
            c = bar_w - len;
        if (c < 0 || c + len >= limit + (limit == bar_w ? 1 : 0))
            continue;
        memcpy(line + c, ticks[i].text, (size_t)len);
        limit = c;
    }
    vtext_line(t);
    vtext_addf(t, ROLE_DIM, "%*s%s", LABEL_W, "", line);
}

static char *repeat(const char *glyph, int n)
{
    size_t len = strlen(glyph) * (size_t)(n > 0 ? n : 0) + 1;
    char *s = xmalloc(len);
    layout_glyph_run(s, len, glyph, n);
    return s;
}

static void bar(struct vtext *t, const struct crt *c, const struct addr_region *r, int bar_w)
{
    int from = (int)address_map_column(r->start_kib, (unsigned)bar_w);
    int to = (int)address_map_column(r->end_kib, (unsigned)bar_w);
    if (to > from)
        to--; /* the end is exclusive */
    char *before = repeat(c->g.bar_empty, from), *on = repeat(c->g.bar_full, to - from + 1),
         *after = repeat(c->g.bar_empty, bar_w - to - 1);
    vtext_add(t, ROLE_DIM, before);
    vtext_add(t, region_role(r->id), on);
    vtext_add(t, ROLE_DIM, after);
    free(before);
    free(on);
    free(after);
}

static void detail(const struct addr_region *r, char *buf, size_t len)
{
    char s[32], e[32], tce[32];
    size_format_kib(r->start_kib, s, sizeof(s));
    size_format_kib(r->end_kib, e, sizeof(e));
    if (r->space == ADDR_DMA_WINDOW) {
        size_format_kib(r->tce_kib, tce, sizeof(tce));
        snprintf(buf, len, _("%s - %s, TCE table %s"), s, e, tce);
    } else {
        snprintf(buf, len, _("%s - %s"), s, e);
    }
}

static void region(struct vtext *t, const struct crt *c, const struct addr_region *r, int bar_w,
                   bool inline_detail)
{
    char d[160];
    detail(r, d, sizeof(d));
    vtext_line(t);
    vtext_add_cell(t, region_role(r->id), _(r->label), LABEL_W - 1, c->g.ellipsis);
    vtext_add(t, ROLE_NORMAL, " ");
    bar(t, c, r, bar_w);
    if (inline_detail) {
        vtext_addf(t, ROLE_NORMAL, "  %s", d);
    } else {
        vtext_line(t);
        vtext_addf(t, ROLE_DIM, "%*s%s", LABEL_W, "", d);
    }
}

static void notes(struct vtext *t, const struct address_map *m, int width)
{
    vtext_line(t);
    vtext_line(t);
    vtext_add(t, ROLE_HEADING, _("Notes"));
    /* Every PHB's windows read alike: the first PHB's explain them. */
    bool seen_dma = false;
    unsigned first_phb = 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *r = &m->regions[i];
        if (r->space == ADDR_DMA_WINDOW) {
            if (!seen_dma)
                first_phb = r->phb;
            seen_dma = true;
            if (r->phb != first_phb)
                continue;
        }
        char *s = xasprintf("%s: %s", _(r->label), r->why.local);
        vtext_para(t, ROLE_NORMAL, width, 2, s);
        free(s);
    }
}

void view_map_build(const struct plan *p, const struct crt *c, int width, struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    if (!guest_is_ppc64(p->guest)) {
        vtext_add(out, ROLE_DIM, _("The address map applies to pseries guests only."));
        return;
    }
    struct address_map m;
    struct mp_error err = { 0 };
    if (address_map_build(p->guest, p->host, p->profile, &m, &err) < 0) {
        vtext_para(out, ROLE_ERROR, width, 0, err.text);
        return;
    }
    int dmax = 0;
    for (size_t i = 0; i < m.n; i++) {
        char d[160];
        detail(&m.regions[i], d, sizeof(d));
        int w = layout_text_width(d);
        dmax = w > dmax ? w : dmax;
    }
    int bar_w = width - LABEL_W - dmax - 2;
    bool inline_detail = bar_w >= MIN_INLINE_BAR;
    if (!inline_detail)
        bar_w = width - LABEL_W;
    if (bar_w < 8)
        bar_w = 8;

    vtext_para(out, ROLE_HEADING, width, 0, _("Guest physical address space (log scale)"));
    axis(out, bar_w);
    for (size_t i = 0; i < m.n; i++)
        if (m.regions[i].space == ADDR_GUEST_PHYSICAL)
            region(out, c, &m.regions[i], bar_w, inline_detail);
    unsigned last_phb = UINT32_MAX;
    for (size_t i = 0; i < m.n; i++) {
        const struct addr_region *r = &m.regions[i];
        if (r->space != ADDR_DMA_WINDOW)
            continue;
        if (r->phb != last_phb) {
            char *h = xasprintf(_("DMA windows of PHB %u (bus addresses, mapped by TCE tables)"),
                                r->phb);
            vtext_line(out);
            vtext_para(out, ROLE_HEADING, width, 0, h);
            free(h);
            if (last_phb == UINT32_MAX)
                axis(out, bar_w);
            last_phb = r->phb;
        }
        region(out, c, r, bar_w, inline_detail);
    }
    notes(out, &m, width);
    address_map_free(&m);
}
