/* The views of a guest in HTML: the comparison as a table with the cells
 * that differ highlighted, the pseries address map as an inline SVG on a log
 * scale (1 GiB to 128 TiB, address_map_column()) that says so in visible
 * text, the capacity as a table. Only svg, rect, line, path, text and title
 * elements: well-formed XML, no scripts. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_html.h"
#include "report_views.h"
#include "size.h"
#include "xalloc.h"

/* A sentence from a printf-style msgid, escaped, without its newline. */
static void sentence(FILE *out, char *s)
{
    s[strcspn(s, "\n")] = '\0';
    report_put_html(out, s);
    free(s);
}

static void compare(FILE *out, const struct report *rep, const struct profile_compare *c)
{
    size_t own = report_compare_own(c, rep->profile);
    fputs("<div class=\"scroll\"><table class=\"cmp\">\n<caption>", out);
    report_put_html(out, _("The terms and the limit under each libvirt profile"));
    fputs("</caption>\n<thead><tr><th scope=\"col\">", out);
    report_put_html(out, _("Term"));
    fputs("</th>", out);
    for (size_t p = 0; p < c->nprofiles; p++)
        fprintf(out, "<th scope=\"col\"%s>%s</th>", p == own ? " class=\"own n\"" : " class=\"n\"",
                c->results[p].profile->id);
    fputs("</tr></thead>\n<tbody>\n", out);
    bool any = false;
    char cell[40];
    for (size_t row = 0; row <= c->nrows; row++) {
        fputs(row < c->nrows ? "<tr><th scope=\"row\">" : "<tr class=\"total\"><th scope=\"row\">",
              out);
        report_put_html(out, row < c->nrows ? _(c->rows[row].label) : _("Limit"));
        fputs("</th>", out);
        for (size_t p = 0; p < c->nprofiles; p++) {
            report_compare_cell(c, row, p, cell, sizeof(cell));
            bool differs = report_compare_differs(c, row, p, own);
            any |= differs;
            fprintf(out, "<td class=\"n%s\">%s</td>", differs ? " diff" : "", cell);
        }
        fputs("</tr>\n", out);
    }
    html_table_close(out);
    if (any) {
        fputs("<p>", out);
        sentence(out, xasprintf(_("Highlighted cells differ from profile %s, the one this "
                                  "report uses."), c->results[own].profile->id));
        fputs("</p>\n", out);
    }
    if (!c->limit_differs) {
        fputs("<p>", out);
        report_put_html(out, _("Every profile gives the same limit for this guest."));
        fputs("</p>\n", out);
    }
    bool notes = false;
    for (size_t p = 0; p < c->nprofiles; p++)
        if (c->results[p].profile->approx) {
            fputs(notes ? "<li>" : "<ul class=\"note\">\n<li>", out);
            notes = true;
            sentence(out, xasprintf(_("Note on %s: %s\n"), c->results[p].profile->id,
                                    _(c->results[p].profile->approx)));
            fputs("</li>\n", out);
        }
    if (notes)
        fputs("</ul>\n", out);
}

/* The picture's geometry: labels, bars on the log scale, sizes at the right. */
enum { MAP_LABEL_W = 190, MAP_BAR_W = 440, MAP_TEXT_W = 250, MAP_ROW_H = SVG_ROW };

/* One colour per kind of region: guest RAM, hotplug room, MMIO, GPU RAM,
 * DMA windows (both sizes: a window is a window). */
static const char *region_class(const char *id)
{
    static const struct { const char *id, *cls; } classes[] = {
        { "ram", "r-ram" }, { "hotplug", "r-hotplug" }, { "mmio64", "r-mmio" },
        { "nv2_ram", "r-gpu" }, { "dma32", "r-dma" }, { "dma64", "r-dma" },
    };
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
        if (!strcmp(id, classes[i].id))
            return classes[i].cls;
    return "k-other";
}

static unsigned map_x(uint64_t kib)
{
    return MAP_LABEL_W + address_map_column(kib, MAP_BAR_W + 1);
}

/* Where the scale starts: a region from below it is drawn from it. */
#define MAP_SCALE_START_KIB KIB_PER_GIB

static void map_row(FILE *out, const struct addr_region *a, unsigned y)
{
    unsigned x0 = map_x(a->start_kib), x1 = map_x(a->end_kib);
    unsigned w = x1 > x0 + 2 ? x1 - x0 : 2;
    char s[32], e[32], t[32], range[120];
    size_format_kib(a->start_kib, s, sizeof(s));
    size_format_kib(a->end_kib, e, sizeof(e));
    if (a->space == ADDR_DMA_WINDOW) {
        size_format_kib(a->tce_kib, t, sizeof(t));
        snprintf(range, sizeof(range), _("%s - %s, TCE table %s"), s, e, t);
    } else {
        snprintf(range, sizeof(range), "%s - %s", s, e);
    }
    html_svg_text(out, 8, y + 15, NULL, _(a->label), 28);
    fprintf(out, "<rect class=\"%s\" x=\"%u\" y=\"%u\" width=\"%u\" height=\"%u\"/>",
            region_class(a->id), x0, y + 3, w, MAP_ROW_H - 8);
    /* Clipped at the scale's start: a notch says so (see the caption). */
    if (a->start_kib < MAP_SCALE_START_KIB)
        fprintf(out, "<path class=\"clip\" d=\"M%u %uh6l-4 %ul4 %uh-6z\"/>", x0, y + 3,
                (MAP_ROW_H - 8) / 2, (MAP_ROW_H - 8) / 2);
    html_svg_text(out, MAP_LABEL_W + MAP_BAR_W + 10, y + 15, NULL, range, 40);
    fputc('\n', out);
}

static void map_svg(FILE *out, const struct address_map *m)
{
    /* Every grid line 8 times the one before: even steps on the log scale.
     * The scale ends at 128 TiB, marked but not a grid line. */
    static const struct { uint64_t kib; const char *text; } ticks[] = {
        { KIB_PER_GIB, "1 GiB" }, { 8 * KIB_PER_GIB, "8 GiB" }, { 64 * KIB_PER_GIB, "64 GiB" },
        { 512 * KIB_PER_GIB, "512 GiB" }, { 4 * KIB_PER_TIB, "4 TiB" },
        { 32 * KIB_PER_TIB, "32 TiB" },
    };
    unsigned rows = 0, last_phb = UINT32_MAX;
    bool clipped = false;
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        if (a->space == ADDR_DMA_WINDOW && a->phb != last_phb) {
            rows++;
            last_phb = a->phb;
        }
        clipped |= a->start_kib < MAP_SCALE_START_KIB;
        rows++;
    }
    unsigned top = MAP_ROW_H + 4;
    unsigned bottom = top + rows * MAP_ROW_H;
    unsigned w = MAP_LABEL_W + MAP_BAR_W + MAP_TEXT_W, h = bottom + 2 * MAP_ROW_H + 8;
    html_svg_open(out, "map", w, h, _("Guest address space and DMA windows, log scale from "
                                      "1 GiB to 128 TiB"));
    for (size_t i = 0; i < sizeof(ticks) / sizeof(ticks[0]); i++) {
        unsigned x = map_x(ticks[i].kib);
        fprintf(out, "<line class=\"grid\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>"
                     "<text class=\"tick\" x=\"%u\" y=\"16\">%s</text>\n",
                x, top - 4, x, bottom, x, ticks[i].text);
    }
    unsigned xe = map_x(128 * KIB_PER_TIB);
    fprintf(out, "<line class=\"axis\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>"
                 "<text class=\"tick start\" x=\"%u\" y=\"16\">128 TiB</text>\n",
            xe, top - 4, xe, bottom, xe + 4);
    unsigned y = top;
    last_phb = UINT32_MAX;
    for (int space = ADDR_GUEST_PHYSICAL; space <= ADDR_DMA_WINDOW; space++)
        for (size_t i = 0; i < m->n; i++) {
            const struct addr_region *a = &m->regions[i];
            if ((int)a->space != space)
                continue;
            if (space == ADDR_DMA_WINDOW && a->phb != last_phb) {
                char title[80];
                snprintf(title, sizeof(title), _("PHB %u, bus addresses:"), a->phb);
                html_svg_text(out, 2, y + 15, NULL, title, 30);
                fputc('\n', out);
                y += MAP_ROW_H;
                last_phb = a->phb;
            }
            map_row(out, a, y);
            y += MAP_ROW_H;
        }
    /* What the scale is, in words under the picture, not only for screen readers. */
    html_svg_text(out, 8, bottom + MAP_ROW_H - 4, "atitle-l",
                  _("Address, log scale: each grid line is 8 times the one before."), 100);
    if (clipped)
        html_svg_text(out, 8, bottom + 2 * MAP_ROW_H - 4, "atitle-l",
                      _("A notch at the left end: the region starts below 1 GiB (at 0) and is "
                        "drawn from 1 GiB."), 100);
    html_svg_close(out);
}

static void map_table(FILE *out, const struct address_map *m)
{
    const char *heads[] = { _("Region"), _("PHB"), _("Start"), _("End"), _("TCE table"),
                            _("Why") };
    html_table_open(out, "map", _("Address map: each region's start and end, linear"), heads,
                    sizeof(heads) / sizeof(heads[0]));
    char s[32], e[32], t[32];
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        size_format_kib(a->start_kib, s, sizeof(s));
        size_format_kib(a->end_kib, e, sizeof(e));
        fputs("<tr><th scope=\"row\">", out);
        report_put_html(out, _(a->label));
        if (a->space == ADDR_DMA_WINDOW) {
            size_format_kib(a->tce_kib, t, sizeof(t));
            fprintf(out, "</th><td class=\"n\">%u</td>", a->phb);
        } else {
            t[0] = '\0';
            fputs("</th><td></td>", out);
        }
        fprintf(out, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                     "<td class=\"w\">", s, e, t);
        report_put_html(out, a->why.local);
        fputs("</td></tr>\n", out);
    }
    html_table_close(out);
}

static void capacity(FILE *out, const struct capacity *c)
{
    fputs("<p>", out);
    if (!c->known) {
        sentence(out, capacity_sentence(c));
        fputs("</p>\n", out);
    } else {
        sentence(out, capacity_sentence(c));
        fputs("</p>\n", out);
        const char *heads[] = { _("Resource"), _("Available"), _("Per guest"), _("Fits") };
        html_table_open(out, "cap", _("What each guest of this shape takes of the host"), heads,
                        4);
        char have[32], need[32];
        for (size_t i = 0; i < c->n; i++) {
            const struct capacity_resource *res = &c->resources[i];
            capacity_format_amount(res, res->available, have, sizeof(have));
            capacity_format_amount(res, res->per_guest, need, sizeof(need));
            fprintf(out, "<tr%s><th scope=\"row\">", i == c->limiting ? " class=\"first\"" : "");
            report_put_html(out, res->label.local);
            fprintf(out, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                         "<td class=\"n\">%" PRIu64 "</td></tr>\n", have, need, res->fits);
        }
        html_table_close(out);
    }
    if (c->worst_case_known) {
        fputs("<p>", out);
        sentence(out, capacity_worst_case_text(c));
        fputs("</p>\n", out);
    }
    if (c->notes.n) {
        fputs("<ul class=\"note\">\n", out);
        for (size_t i = 0; i < c->notes.n; i++) {
            fputs("<li>", out);
            report_put_html(out, c->notes.items[i].local);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
}

static void paragraph(FILE *out, const char *s)
{
    fputs("<p>", out);
    report_put_html(out, s);
    fputs("</p>\n", out);
}

void report_html_views(FILE *out, const struct report *rep, const struct report_guest *rg)
{
    struct report_views v;
    report_views_compute(rep, rg, &v);
    fputs("<h3>", out);
    report_put_html(out, _("Under every libvirt profile"));
    fputs("</h3>\n", out);
    if (v.has_compare)
        compare(out, rep, &v.compare);
    else
        paragraph(out, v.compare_error);
    fputs("<h3>", out);
    report_put_html(out, _("Address map"));
    fputs("</h3>\n", out);
    if (v.has_map) {
        map_svg(out, &v.map);
        map_table(out, &v.map);
    } else {
        paragraph(out, v.map_error ? v.map_error
                                   : _("Does not apply: the map is drawn for ppc64 (pseries) "
                                       "guests only."));
    }
    fputs("<h3>", out);
    report_put_html(out, _("Capacity"));
    fputs("</h3>\n", out);
    if (v.capacity_skipped)
        paragraph(out, _(REPORT_CAPACITY_SKIPPED));
    else
        capacity(out, &v.capacity);
    report_views_free(&v);
}
