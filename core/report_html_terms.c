/* A guest's terms in HTML: a bar chart on a linear axis from 0, coloured by
 * kind of term with a legend, and the table of terms with their total (the
 * limit) and why each is there; then the PHBs of a pseries guest. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock_output.h"
#include "report_html.h"
#include "size.h"

/* One colour per kind of term, the same in every guest's chart. */
static const struct term_kind {
    const char *cls;
    const char *label;        /* msgid */
    const char *ids;          /* term ids, space-separated, each followed by a space */
} kinds[] = {
    { "k-ram", N_("guest RAM"), "ram nv2_ram " },
    { "k-dma", N_("DMA windows"), "dma32 dma64 nv2_dma64 pre_ddw " },
    { "k-tbl", N_("page and TCE tables"), "hpt tce_index ddw_overhead " },
    { "k-io", N_("MMIO and QEMU overhead"), "io_space " },
    { "k-hl", N_("the guest's own hard_limit"), "hard_limit " },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static size_t term_kind(const char *id)
{
    size_t n = strlen(id);
    for (size_t k = 0; k < NKINDS; k++)
        for (const char *p = strstr(kinds[k].ids, id); p; p = strstr(p + 1, id))
            if ((p == kinds[k].ids || p[-1] == ' ') && p[n] == ' ')
                return k;
    return NKINDS;   /* drawn grey, "other" */
}

enum { T_W = 720, T_LABEL_COLS = 27, T_X0 = 215, T_BAR = 380, T_TOP = 6, T_LEGEND = 18 };

static void chart(FILE *out, const struct memlock_result *r)
{
    uint64_t max = 0;
    bool present[NKINDS + 1] = { false };
    size_t nkinds = 0;
    for (size_t i = 0; i < r->nterms; i++) {
        if (r->terms[i].kib > max)
            max = r->terms[i].kib;
        size_t k = term_kind(r->terms[i].id);
        nkinds += !present[k];
        present[k] = true;
    }
    struct html_axis ax;
    html_axis_init(&ax, max);
    unsigned y1 = T_TOP + (unsigned)r->nterms * SVG_ROW + 2;
    unsigned h = y1 + HTML_AXIS_H + (unsigned)nkinds * T_LEGEND + 4;
    html_svg_open(out, "chart", T_W, h, _("Terms of the limit, linear scale from 0"));
    html_axis_draw(out, &ax, T_X0, T_BAR, T_TOP, y1);
    char human[32];
    for (size_t i = 0; i < r->nterms; i++) {
        const struct memlock_term *t = &r->terms[i];
        unsigned y = T_TOP + (unsigned)i * SVG_ROW;
        unsigned w = html_axis_x(&ax, t->kib, T_X0, T_BAR) - T_X0;
        if (t->kib && w < 1)
            w = 1;
        size_t k = term_kind(t->id);
        html_svg_text(out, 2, y + 15, NULL, memlock_term_label(t), T_LABEL_COLS);
        fprintf(out, "<rect class=\"%s\" x=\"%u\" y=\"%u\" width=\"%u\" height=\"14\"/>",
                k < NKINDS ? kinds[k].cls : "k-other", T_X0, y + 3, w);
        size_format_kib(t->kib, human, sizeof(human));
        html_svg_text(out, T_X0 + w + 6, y + 15, "val", human, 20);
        fputc('\n', out);
    }
    unsigned y = y1 + HTML_AXIS_H + 14;
    for (size_t k = 0; k <= NKINDS; k++) {
        if (!present[k])
            continue;
        html_svg_legend(out, T_X0, y, k < NKINDS ? kinds[k].cls : "k-other",
                        k < NKINDS ? _(kinds[k].label) : _("other"));
        y += T_LEGEND;
    }
    html_svg_close(out);
}

/* `limit_kib`: the limit these terms make (0 when they are not the limit). */
static void table(FILE *out, const char *caption, const struct memlock_term *terms, size_t n,
                  uint64_t limit_kib)
{
    const char *heads[] = { _("Term"), _("Size"), "KiB", _("Why") };
    html_table_open(out, "terms", caption, heads, 4);
    char human[32];
    uint64_t sum = 0;
    bool sum_ok = true;
    for (size_t i = 0; i < n; i++) {
        const struct memlock_term *t = &terms[i];
        sum_ok = sum_ok && size_add(sum, t->kib, &sum);
        size_format_kib(t->kib, human, sizeof(human));
        fputs("<tr><th scope=\"row\">", out);
        report_put_html(out, memlock_term_label(t));
        fprintf(out, "</th><td class=\"n\">%s</td><td class=\"n\">%" PRIu64 "</td><td class=\"w\">",
                human, t->kib);
        report_put_html(out, t->why.local);
        fputs("</td></tr>\n", out);
    }
    fputs("<tr class=\"total\"><th scope=\"row\">", out);
    report_put_html(out, _("Total"));
    if (sum_ok) {
        size_format_kib(sum, human, sizeof(human));
        fprintf(out, "</th><td class=\"n\">%s</td><td class=\"n\">%" PRIu64 "</td><td>", human,
                sum);
    } else {
        fputs("</th><td class=\"n\">?</td><td class=\"n\">?</td><td>", out);
    }
    report_put_html(out, sum_ok && limit_kib && sum == limit_kib
                             ? _("the limit: the terms added up")
                             : _("the terms added up"));
    fputs("</td></tr>\n", out);
    html_table_close(out);
}

static void phbs(FILE *out, const struct memlock_result *r)
{
    const char *heads[] = { _("PHB"), _("Origin"), _("Hostdevs"), _("Why") };
    html_table_open(out, "phbs", _("PHBs (PCI host bridges) the guest gets"), heads, 4);
    for (size_t i = 0; i < r->nphbs; i++) {
        const struct phb_info *p = &r->phbs[i];
        fprintf(out, "<tr><th scope=\"row\" class=\"n\">%u</th><td>%s</td><td class=\"n\">%zu"
                     "</td><td class=\"w\">", p->index, phb_origin_id(p->origin), p->nhostdevs);
        report_put_html(out, p->why.local);
        fputs("</td></tr>\n", out);
    }
    html_table_close(out);
}

/* Under hard_limit or locked: the sentence every format says, then the
 * terms libvirt's next rule would give (memlock_computed_sentence). */
static void computed(FILE *out, const struct memlock_result *r)
{
    char sentence[320];
    if (!memlock_computed_sentence(r, sentence, sizeof(sentence)))
        return;
    fputs("<p class=\"computed\">", out);
    report_put_html(out, sentence);
    fputs("</p>\n", out);
    if (r->ncomputed_terms)
        table(out, _("Terms the guest needs, without its hard_limit or <locked/>"),
              r->computed_terms, r->ncomputed_terms, 0);
}

void report_html_terms(FILE *out, const struct memlock_result *r)
{
    if (r->nterms) {
        chart(out, r);
        table(out, _("Terms of the limit and why each is there"), r->terms, r->nterms,
              r->kind == MEMLOCK_BYTES ? r->limit_kib : 0);
    }
    computed(out, r);
    if (r->nterms && r->nphbs)
        phbs(out, r);
}
