/* The report as one self-contained HTML file: inline CSS, an inline SVG
 * chart of the terms, no scripts, no links to anything. Every string is
 * escaped; the markup is also well-formed XML so that any XML tool reads it. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock_output.h"
#include "report.h"
#include "report_views.h"
#include "size.h"
#include "text_safe.h"

static const char css[] =
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1em}"
    "th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "pre{background:#f4f4f4;padding:.5em;overflow-x:auto}"
    ".warn{color:#8a4b00}.limit{font-size:1.3em;font-weight:bold}"
    "svg text{font-size:12px;fill:#222}"
    ".b0{fill:#4c72b0}.b1{fill:#dd8452}.b2{fill:#55a868}.b3{fill:#c44e52}"
    ".b4{fill:#8172b3}.b5{fill:#937860}.ram{stroke:#c44e52;stroke-width:2}"
    "td.diff{background:#ffe08a;font-weight:bold}th.own{background:#dde6f4}"
    "tr.first td{font-weight:bold}.grid{stroke:#ccc}svg text.tick{text-anchor:middle}"
    ".note{color:#555}";

static void kv_table(FILE *out, struct report_kv *kv, size_t n)
{
    fputs("<table>\n", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><th>", out);
        report_put_html(out, kv[i].label);
        fputs("</th><td>", out);
        report_put_html(out, kv[i].value);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
    report_rows_free(kv, n);
}

static void list(FILE *out, const struct msg_list *l, const char *cls)
{
    if (!l->n)
        return;
    fprintf(out, "<ul class=\"%s\">\n", cls);
    for (size_t i = 0; i < l->n; i++) {
        fputs("<li>", out);
        report_put_html(out, l->items[i].local);
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void pre(FILE *out, const char *label, char *text)
{
    if (!text)
        return;
    fputs("<p>", out);
    report_put_html(out, label);
    fputs("</p>\n<pre>", out);
    report_put_html(out, text);
    fputs("</pre>\n", out);
    free(text);
}

/* One bar per term, scaled to the largest; sizes written beside each bar. */
static void chart(FILE *out, const struct memlock_result *r)
{
    if (!r->nterms)
        return;
    uint64_t max = 1;
    for (size_t i = 0; i < r->nterms; i++)
        if (r->terms[i].kib > max)
            max = r->terms[i].kib;
    const int label_w = 210, bar_w = 360, row_h = 22;
    int h = (int)r->nterms * row_h + 8;
    fprintf(out, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                 "aria-label=\"", label_w + bar_w + 110, h, label_w + bar_w + 110, h);
    report_put_html(out, _("Terms of the limit"));
    fputs("\">\n", out);
    char human[32];
    for (size_t i = 0; i < r->nterms; i++) {
        const struct memlock_term *t = &r->terms[i];
        int y = (int)i * row_h + 4;
        int w = (int)((double)t->kib / (double)max * bar_w);
        if (t->kib && w < 1)
            w = 1;
        size_format_kib(t->kib, human, sizeof(human));
        fprintf(out, "<text x=\"0\" y=\"%d\">", y + 14);
        report_put_html(out, memlock_term_label(t));
        fprintf(out, "</text><rect class=\"b%zu\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                     "<text x=\"%d\" y=\"%d\">%s</text>\n",
                i % 6, label_w, y, w, row_h - 6, label_w + w + 6, y + 14, human);
    }
    fputs("</svg>\n", out);
}

static void term_table(FILE *out, const struct memlock_term *list, size_t n)
{
    fprintf(out, "<table>\n<tr><th>%s</th><th>%s</th><th>KiB</th><th>%s</th></tr>\n", _("Term"),
            _("Size"), _("Why"));
    char human[32];
    for (size_t i = 0; i < n; i++) {
        const struct memlock_term *t = &list[i];
        size_format_kib(t->kib, human, sizeof(human));
        fputs("<tr><td>", out);
        report_put_html(out, memlock_term_label(t));
        fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%" PRIu64 "</td><td>", human,
                t->kib);
        report_put_html(out, t->why.local);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

static void terms(FILE *out, const struct memlock_result *r)
{
    if (r->nterms) {
        chart(out, r);
        term_table(out, r->terms, r->nterms);
    }
    char sentence[320];
    if (memlock_computed_sentence(r, sentence, sizeof(sentence))) {
        fputs("<p class=\"computed\">", out);
        report_put_html(out, sentence);
        fputs("</p>\n", out);
        if (r->ncomputed_terms)
            term_table(out, r->computed_terms, r->ncomputed_terms);
    }
    if (r->nphbs) {
        fprintf(out, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", _("PHB"),
                _("Origin"), _("Hostdevs"), _("Why"));
        for (size_t i = 0; i < r->nphbs; i++) {
            const struct phb_info *p = &r->phbs[i];
            fprintf(out, "<tr><td class=\"n\">%u</td><td>%s</td><td class=\"n\">%zu</td><td>",
                    p->index, phb_origin_id(p->origin), p->nhostdevs);
            report_put_html(out, p->why.local);
            fputs("</td></tr>\n", out);
        }
        fputs("</table>\n", out);
    }
}

/* The fleet's limits side by side, with host RAM as a line when known. */
static void fleet_chart(FILE *out, const struct report *rep)
{
    uint64_t max = 1;
    for (size_t i = 0; i < rep->n; i++)
        if (rep->guests[i].result.kind == MEMLOCK_BYTES && rep->guests[i].result.limit_kib > max)
            max = rep->guests[i].result.limit_kib;
    bool ram = rep->host && rep->host->memory_known && rep->host->memory_kib;
    if (ram && rep->host->memory_kib > max)
        max = rep->host->memory_kib;
    const int label_w = 210, bar_w = 360, row_h = 22;
    int h = (int)rep->n * row_h + 8;
    fprintf(out, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" "
                 "aria-label=\"", label_w + bar_w + 110, h, label_w + bar_w + 110, h);
    report_put_html(out, _("Limit per guest"));
    fputs("\">\n", out);
    char human[32], name[64];
    for (size_t i = 0; i < rep->n; i++) {
        const struct memlock_result *r = &rep->guests[i].result;
        int y = (int)i * row_h + 4;
        int w = r->kind == MEMLOCK_UNLIMITED ? bar_w
                : (int)((double)r->limit_kib / (double)max * bar_w);
        report_limit_human(r, human, sizeof(human));
        fprintf(out, "<text x=\"0\" y=\"%d\">", y + 14);
        report_put_html(out, report_guest_name(&rep->guests[i], name, sizeof(name)));
        fprintf(out, "</text><rect class=\"b%zu\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                     "<text x=\"%d\" y=\"%d\">",
                i % 6, label_w, y, w, row_h - 6, label_w + w + 6, y + 14);
        report_put_html(out, human);
        fputs("</text>\n", out);
    }
    if (ram) {
        int x = label_w + (int)((double)rep->host->memory_kib / (double)max * bar_w);
        fprintf(out, "<line class=\"ram\" x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\"/>\n", x, x, h);
    }
    fputs("</svg>\n", out);
}

static void fleet(FILE *out, const struct report *rep)
{
    fprintf(out, "<h2>%s</h2>\n", _("Fleet"));
    fleet_chart(out, rep);
    fprintf(out, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                 "<th>%s</th></tr>\n", _("Guest"), _("File"), _("Limit"), _("Limit (KiB)"),
            _("Rule"), _("Memory"));
    char human[32], mem[32], name[64];
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        const struct memlock_result *r = &rg->result;
        report_limit_human(r, human, sizeof(human));
        size_format_kib(r->memory_kib, mem, sizeof(mem));
        fputs("<tr><td>", out);
        report_put_html(out, report_guest_name(rg, name, sizeof(name)));
        fputs("</td><td>", out);
        report_put_html(out, rg->source ? rg->source : "");
        fputs("</td><td class=\"n\">", out);
        report_put_html(out, human);
        fputs("</td><td class=\"n\">", out);
        if (r->kind == MEMLOCK_UNLIMITED)
            report_put_html(out, _("unlimited"));
        else
            fprintf(out, "%" PRIu64, r->limit_kib);
        fprintf(out, "</td><td>%s</td><td class=\"n\">%s</td></tr>\n", memlock_rule_id(r->rule),
                mem);
    }
    size_format_kib(rep->fleet.limit_kib, human, sizeof(human));
    size_format_kib(rep->fleet.memory_kib, mem, sizeof(mem));
    fprintf(out, "<tr><th>%s</th><td></td><td class=\"n\">%s</td><td class=\"n\">%" PRIu64
                 "</td><td></td><td class=\"n\">%s</td></tr>\n</table>\n", _("Total"),
            rep->fleet.limit_overflow ? "?" : human, rep->fleet.limit_kib, mem);
    int pct = report_fleet_percent(rep);
    if (pct >= 0) {
        char ram[32];
        size_format_kib(rep->host->memory_kib, ram, sizeof(ram));
        fputs("<p>", out);
        fprintf(out, _("Host RAM: %s; the limits add up to %d%% of it."), ram, pct);
        fputs("</p>\n", out);
    }
    list(out, &rep->fleet.warnings, "warn");
}

void report_render_html(FILE *out, const struct report *rep)
{
    struct report_kv kv[REPORT_MAX_ROWS];
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>", out);
    report_put_html(out, _("memlock-planner report"));
    fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", css);
    report_put_html(out, _("memlock-planner report"));
    fputs("</h1>\n<p>", out);
    report_put_html(out, PACKAGE_STRING);
    fprintf(out, ", %s %s</p>\n", _("profile"), rep->profile->id);
    fprintf(out, "<h2>%s</h2>\n", _("Host"));
    kv_table(out, kv, report_host_rows(rep, kv));
    if (rep->host)
        list(out, &rep->host->warnings, "warn");
    if (rep->n > 1)
        fleet(out, rep);
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        const struct memlock_result *r = &rg->result;
        char name[64], human[32], grouped[40];
        const char *gname = report_guest_name(rg, name, sizeof(name));
        fprintf(out, "<h2>%s ", _("Guest"));
        report_put_html(out, gname);
        fputs("</h2>\n", out);
        kv_table(out, kv, report_guest_rows(rg, kv));
        report_limit_human(r, human, sizeof(human));
        fputs("<p class=\"limit\">", out);
        report_put_html(out, _("Limit:"));
        fputc(' ', out);
        report_put_html(out, human);
        if (r->kind == MEMLOCK_BYTES) {
            size_format_grouped(r->limit_bytes, size_group_separator(), grouped, sizeof(grouped));
            fprintf(out, _(" (%s bytes, %" PRIu64 " KiB)"), grouped, r->limit_kib);
        }
        fputs("</p>\n<p>", out);
        report_put_html(out, memlock_rule_text(r->rule));
        fprintf(out, "<br/>%s %s (", _("Profile:"), r->profile->id);
        report_put_html(out, _(r->profile->label));
        fputs(")</p>\n", out);
        terms(out, r);
        list(out, &r->warnings, "warn");
        fprintf(out, "<h3>%s</h3>\n", _("Recommendations"));
        list(out, &rg->rec.notes, "rec");
        pre(out, _("In the domain XML:"), rec_hard_limit_xml(&rg->rec));
        pre(out, _("With virsh (sizes in KiB):"), rec_virsh_command(&rg->rec, gname));
        pre(out, _("QEMU outside libvirt, in its systemd unit:"), rec_systemd_line(&rg->rec));
        pre(out, _("QEMU outside libvirt, in /etc/security/limits.conf (KiB):"),
            rec_limits_conf(&rg->rec, REPORT_QEMU_USER));
        report_html_views(out, rep, rg);
    }
    fputs("</body>\n</html>\n", out);
}
