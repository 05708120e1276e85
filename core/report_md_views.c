/* The views of a guest in Markdown: the comparison, the address map and the
 * capacity as tables, every cell escaped like the rest of the report. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_views.h"
#include "size.h"
#include "xalloc.h"

/* A sentence from a printf-style msgid: one line, escaped. */
static void sentence(FILE *out, char *s)
{
    s[strcspn(s, "\n")] = '\0';
    report_put_md(out, s);
    free(s);
}

static void compare(FILE *out, const struct report *rep, const struct profile_compare *c)
{
    size_t own = report_compare_own(c, rep->profile);
    fprintf(out, "| %s |", _("Term"));
    for (size_t p = 0; p < c->nprofiles; p++)
        fprintf(out, " %s |", c->results[p].profile->id);
    fputs("\n|---|", out);
    for (size_t p = 0; p < c->nprofiles; p++)
        fputs("---:|", out);
    fputc('\n', out);
    bool any = false;
    char cell[40];
    for (size_t row = 0; row <= c->nrows; row++) {
        fputs("| ", out);
        report_put_md(out, row < c->nrows ? _(c->rows[row].label) : _("Limit"));
        fputs(" |", out);
        for (size_t p = 0; p < c->nprofiles; p++) {
            report_compare_cell(c, row, p, cell, sizeof(cell));
            bool differs = report_compare_differs(c, row, p, own);
            any |= differs;
            fprintf(out, differs ? " **%s** |" : " %s |", cell);
        }
        fputc('\n', out);
    }
    fputc('\n', out);
    if (any) {
        fprintf(out, _("Cells in bold differ from profile %s, the one this report uses."),
                c->results[own].profile->id);
        fputs("\n\n", out);
    }
    if (!c->limit_differs)
        fprintf(out, "%s\n\n", _("Every profile gives the same limit for this guest."));
    for (size_t p = 0; p < c->nprofiles; p++)
        if (c->results[p].profile->approx) {
            fputs("- ", out);
            sentence(out, xasprintf(_("Note on %s: %s\n"), c->results[p].profile->id,
                                    _(c->results[p].profile->approx)));
            fputc('\n', out);
        }
    fputc('\n', out);
}

static void region_cells(FILE *out, const struct addr_region *a)
{
    char s[32], e[32];
    size_format_kib(a->start_kib, s, sizeof(s));
    size_format_kib(a->end_kib, e, sizeof(e));
    report_put_md(out, _(a->label));
    fprintf(out, " | %s | %s | ", s, e);
}

static void address_map(FILE *out, const struct address_map *m)
{
    fprintf(out, "%s\n\n| %s | %s | %s | %s |\n|---|---:|---:|---|\n",
            _("Guest physical address space:"), _("Region"), _("Start"), _("End"), _("Why"));
    size_t ndma = 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        if (a->space != ADDR_GUEST_PHYSICAL) {
            ndma++;
            continue;
        }
        fputs("| ", out);
        region_cells(out, a);
        report_put_md(out, a->why.local);
        fputs(" |\n", out);
    }
    fputc('\n', out);
    if (!ndma)
        return;
    fprintf(out, "%s\n\n| %s | %s | %s | %s | %s | %s |\n|---:|---|---:|---:|---:|---|\n",
            _("DMA windows (bus addresses, mapped by TCE tables):"), _("PHB"), _("Window"),
            _("Start"), _("End"), _("TCE table"), _("Why"));
    char t[32];
    for (size_t i = 0; i < m->n; i++) {
        const struct addr_region *a = &m->regions[i];
        if (a->space != ADDR_DMA_WINDOW)
            continue;
        fprintf(out, "| %u | ", a->phb);
        region_cells(out, a);
        size_format_kib(a->tce_kib, t, sizeof(t));
        fprintf(out, "%s | ", t);
        report_put_md(out, a->why.local);
        fputs(" |\n", out);
    }
    fputc('\n', out);
}

static void capacity(FILE *out, const struct capacity *c)
{
    if (!c->known) {
        sentence(out, capacity_sentence(c));
        fputs("\n\n", out);
    } else {
        sentence(out, capacity_sentence(c));
        fprintf(out, "\n\n| %s | %s | %s | %s |\n|---|---:|---:|---:|\n", _("Resource"),
                _("Available"), _("Per guest"), _("Fits"));
        char have[32], need[32];
        for (size_t i = 0; i < c->n; i++) {
            const struct capacity_resource *res = &c->resources[i];
            const char *em = i == c->limiting ? "**" : "";
            capacity_format_amount(res, res->available, have, sizeof(have));
            capacity_format_amount(res, res->per_guest, need, sizeof(need));
            fprintf(out, "| %s", em);
            report_put_md(out, res->label.local);
            fprintf(out, "%s | %s | %s | %s%" PRIu64 "%s |\n", em, have, need, em, res->fits, em);
        }
        fputc('\n', out);
    }
    if (c->worst_case_known) {
        sentence(out, capacity_worst_case_text(c));
        fputs("\n\n", out);
    }
    for (size_t i = 0; i < c->notes.n; i++) {
        fputs("- ", out);
        report_put_md(out, c->notes.items[i].local);
        fputc('\n', out);
    }
    if (c->notes.n)
        fputc('\n', out);
}

void report_md_views(FILE *out, const struct report *rep, const struct report_guest *rg)
{
    struct report_views v;
    report_views_compute(rep, rg, &v);
    fprintf(out, "### %s\n\n", _("Under every libvirt profile"));
    if (v.has_compare)
        compare(out, rep, &v.compare);
    else {
        report_put_md(out, v.compare_error);
        fputs("\n\n", out);
    }
    fprintf(out, "### %s\n\n", _("Address map"));
    if (v.has_map)
        address_map(out, &v.map);
    else {
        report_put_md(out, v.map_error ? v.map_error
                                       : _("Does not apply: the map is drawn for ppc64 (pseries) "
                                           "guests only."));
        fputs("\n\n", out);
    }
    fprintf(out, "### %s\n\n", _("Capacity"));
    if (v.capacity_skipped)
        fprintf(out, "%s\n\n", _(REPORT_CAPACITY_SKIPPED));
    else
        capacity(out, &v.capacity);
    report_views_free(&v);
}
