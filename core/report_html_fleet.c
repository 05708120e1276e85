/* A fleet's summary in HTML, first in the report: what to do about each
 * guest with a link to its section, the guests that could not be read with
 * their error, the totals, the fleet's warnings, and a chart of the limits
 * against host RAM coloured by verdict. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_html.h"
#include "size.h"
#include "xalloc.h"

static const char *verdict_class(enum report_verdict v)
{
    switch (v) {
    case VERDICT_SET: return "v-set";
    case VERDICT_TOO_SMALL: return "v-small";
    case VERDICT_KEEP: return "v-keep";
    case VERDICT_OWN: return "v-own";
    case VERDICT_UNLIMITED: return "v-unl";
    case VERDICT_NONE: return "v-none";
    }
    return "v-none";
}

static void error_row(FILE *out, const struct report_error *e)
{
    fputs("<tr class=\"err\"><th scope=\"row\">", out);
    report_put_html(out, e->source);
    fputs("</th><td>", out);
    report_put_html(out, _("could not be read"));
    fputs("</td><td colspan=\"3\">", out);
    report_put_html(out, e->message);
    fputs("</td></tr>\n", out);
}

/* A cell that names its column, for the narrow layout where rows are cards. */
static void cell(FILE *out, const char *cls, const char *column)
{
    fprintf(out, "</td><td class=\"%s\" data-l=\"", cls);
    report_put_html(out, column);
    fputs("\">", out);
}

static void guest_row(FILE *out, const struct report_guest *rg, size_t i)
{
    char name[64], human[32];
    enum report_verdict v = report_verdict(rg);
    fprintf(out, "<tr><th scope=\"row\">%zu. <a href=\"#" HTML_GUEST_ID "\">", i + 1, i + 1);
    report_put_html(out, report_guest_name(rg, name, sizeof(name)));
    fprintf(out, "</a></th><td class=\"%s\">", verdict_class(v));
    report_put_html(out, report_verdict_label(v));
    report_limit_human(&rg->result, human, sizeof(human));
    cell(out, "n", _("Limit"));
    report_put_html(out, human);
    cell(out, "n", _("hard_limit to set"));
    if (v == VERDICT_SET || v == VERDICT_TOO_SMALL)
        fprintf(out, "%" PRIu64 " KiB", rg->rec.kib);
    else
        fputs("\xe2\x80\x94", out);   /* an em dash: nothing to set */
    size_t nw = rg->result.warnings.n + rg->warnings.n;
    cell(out, "n", _("Warnings"));
    if (nw) {
        fprintf(out, "<a href=\"#" HTML_GUEST_ID "w\">", i + 1);
        fprintf(out, P_("%zu warning", "%zu warnings", nw), nw);
        fputs("</a>", out);
    }
    fputs("</td></tr>\n", out);
}

static void table(FILE *out, const struct report *rep)
{
    const char *heads[] = { _("Guest"), _("Verdict"), _("Limit"), _("hard_limit to set"),
                            _("Warnings") };
    html_table_open(out, "summary", _("What to set for each guest"), heads, 5);
    size_t e = 0;
    for (size_t i = 0; i <= rep->n; i++) {
        for (; e < rep->nerrors && rep->errors[e].before == i; e++)
            error_row(out, &rep->errors[e]);
        if (i < rep->n)
            guest_row(out, &rep->guests[i], i);
    }
    const struct report_fleet *f = &rep->fleet;
    char human[32];
    size_format_kib(f->limit_kib, human, sizeof(human));
    fputs("<tr class=\"total\"><th scope=\"row\">", out);
    report_put_html(out, _("Total"));
    fputs("</th><td></td><td class=\"n\" data-l=\"", out);
    report_put_html(out, _("Limit"));
    fputs("\">", out);
    report_put_html(out, f->limit_overflow ? "?" : human);
    fputs("</td><td></td><td></td></tr>\n", out);
    html_table_close(out);
    if (f->nunlimited) {
        fputs("<p>", out);
        fprintf(out, P_("The total leaves out %zu unlimited guest: it may lock all it likes.",
                        "The total leaves out %zu unlimited guests: they may lock all they like.",
                        f->nunlimited), f->nunlimited);
        fputs("</p>\n", out);
    }
}

enum { F_W = 720, F_LABEL_COLS = 27, F_X0 = 215, F_BAR = 380, F_LEGEND = 18 };

/* The limits on a linear axis from 0 with host RAM as a named line; an
 * unlimited guest has no bar (no length is true for it) but a mark that says
 * so, and it is left out of the total. */
static void chart(FILE *out, const struct report *rep)
{
    const struct host *h = rep->host;
    bool ram = h && h->memory_known && h->memory_kib;
    uint64_t max = ram ? h->memory_kib : 0;
    bool present[VERDICT_NONE + 1] = { false };
    size_t nkinds = 0;
    for (size_t i = 0; i < rep->n; i++) {
        const struct memlock_result *r = &rep->guests[i].result;
        if (r->kind == MEMLOCK_BYTES && r->limit_kib > max)
            max = r->limit_kib;
        enum report_verdict v = report_verdict(&rep->guests[i]);
        nkinds += !present[v];
        present[v] = true;
    }
    struct html_axis ax;
    html_axis_init(&ax, max);
    unsigned top = SVG_ROW + 4;
    unsigned y1 = top + (unsigned)rep->n * SVG_ROW + 2;
    unsigned h_svg = y1 + HTML_AXIS_H + (unsigned)(nkinds + ram) * F_LEGEND + 4;
    html_svg_open(out, "chart", F_W, h_svg, _("Limit per guest against host RAM, linear scale "
                                              "from 0"));
    html_axis_draw(out, &ax, F_X0, F_BAR, top, y1);
    char human[32], name[64];
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        const struct memlock_result *r = &rg->result;
        enum report_verdict v = report_verdict(rg);
        unsigned y = top + (unsigned)i * SVG_ROW;
        /* Numbered as in the summary: names cut short may look alike. */
        char *label = xasprintf("%zu. %s", i + 1, report_guest_name(rg, name, sizeof(name)));
        html_svg_text(out, 2, y + 15, NULL, label, F_LABEL_COLS);
        free(label);
        unsigned w = 0;
        if (r->kind == MEMLOCK_BYTES) {
            w = html_axis_x(&ax, r->limit_kib, F_X0, F_BAR) - F_X0;
            if (!w)
                w = 1;
            fprintf(out, "<rect class=\"%s\" x=\"%u\" y=\"%u\" width=\"%u\" height=\"14\"/>",
                    verdict_class(v), F_X0, y + 3, w);
        }
        report_limit_human(r, human, sizeof(human));
        if (r->kind == MEMLOCK_UNLIMITED) {
            char *t = xasprintf(_("%s: no bar, not in the total"), human);
            html_svg_text(out, F_X0 + 6, y + 15, "unl", t, 60);
            free(t);
        } else {
            html_svg_text(out, F_X0 + w + 6, y + 15, "val", human, 20);
        }
        fputc('\n', out);
    }
    if (ram) {
        unsigned x = html_axis_x(&ax, h->memory_kib, F_X0, F_BAR);
        size_format_kib(h->memory_kib, human, sizeof(human));
        char *label = xasprintf(_("host RAM %s"), human);
        fprintf(out, "<line class=\"ram\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>", x, SVG_ROW - 2,
                x, y1);
        /* Its name on the line, above the bars: to its left when the line is
         * near the right end. */
        html_svg_text(out, x > F_X0 + F_BAR / 2 ? x - 4 : x + 4, SVG_ROW - 8,
                      x > F_X0 + F_BAR / 2 ? "ramlabel end" : "ramlabel", label,
                      40);
        fputc('\n', out);
        free(label);
    }
    unsigned y = y1 + HTML_AXIS_H + 14;
    for (int v = VERDICT_SET; v <= VERDICT_NONE; v++) {
        if (!present[v] || v == VERDICT_UNLIMITED || v == VERDICT_NONE)
            continue;
        html_svg_legend(out, F_X0, y, verdict_class(v), report_verdict_label(v));
        y += F_LEGEND;
    }
    if (ram) {
        fprintf(out, "<line class=\"ram\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>", F_X0 + 7,
                y - 12, F_X0 + 7, y + 1);
        html_svg_text(out, F_X0 + 20, y, NULL, _("host RAM"), 40);
        fputc('\n', out);
    }
    html_svg_close(out);
}

void report_html_summary(FILE *out, const struct report *rep)
{
    fputs("<section id=\"summary\">\n<h2>", out);
    report_put_html(out, _("Summary"));
    fputs("</h2>\n", out);
    table(out, rep);
    int pct = report_fleet_percent(rep);
    if (pct >= 0) {
        char ram[32];
        size_format_kib(rep->host->memory_kib, ram, sizeof(ram));
        fputs("<p>", out);
        char *s = xasprintf(_("Host RAM: %s; the limits add up to %d%% of it."), ram, pct);
        report_put_html_nowrap(out, s);
        free(s);
        fputs("</p>\n", out);
    }
    if (rep->fleet.warnings.n) {
        fputs("<ul class=\"warn\">\n", out);
        for (size_t i = 0; i < rep->fleet.warnings.n; i++) {
            fputs("<li>", out);
            report_put_html_nowrap(out, rep->fleet.warnings.items[i].local);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    if (rep->n)
        chart(out, rep);
    fputs("</section>\n", out);
}
