/* The report as one self-contained HTML file: inline CSS, inline SVG
 * charts, no scripts, no links but to its own sections. Every string is
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
#include "xalloc.h"
#include "report_html.h"

/* Screen: the answer first, numbers kept with their units, tables and code
 * that scroll in their own box, charts scaled to the window on a background
 * of their own ("only light": forced dark mode leaves the page alone).
 * Paper: table heads repeat, rows and labels stay with what they label, each
 * guest of a fleet starts a page. */
static const char css[] =
    ":root{color-scheme:only light}"
    "body{font-family:sans-serif;max-width:62em;margin:1em auto;padding:0 1em;color:#222;"
    "background:#fff;line-height:1.35;overflow-wrap:anywhere}"
    "h1{font-size:1.5em;margin:.3em 0}.meta{color:#555;margin-top:0}"
    ".scroll{overflow-x:auto;max-width:100%;margin:.5em 0 1em}"
    "table{border-collapse:collapse}caption{text-align:left;font-weight:bold;padding:.2em 0}"
    "th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;vertical-align:top;"
    "overflow-wrap:normal}"
    "td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    "td.w{min-width:16em}tr.total th,tr.total td{border-top:2px solid #444;font-weight:bold}"
    "tr.err th,tr.err td{background:#fde2e2}"
    "pre{background:#f4f4f4;padding:.5em;overflow-x:auto}"
    "pre.cmd{white-space:pre-wrap;overflow-wrap:anywhere;border-left:4px solid #0072b2;"
    "font-size:1.05em}"
    ".verdict{border:2px solid #0072b2;padding:.2em .8em;margin:.5em 0 1em;background:#f3f8fc}"
    ".verdict.v-small{border-color:#d55e00;background:#fdf1ea}"
    ".answer{font-size:1.25em;font-weight:bold;margin:.4em 0}"
    ".warn{color:#8a4b00}.limit{font-size:1.1em;font-weight:bold}.note{color:#555}"
    "svg{display:block;max-width:100%;height:auto;margin:.5em 0}"
    "svg .bg{fill:#fff;stroke:#ddd}svg text{font-size:12px;fill:#222}"
    "svg text.tick,svg text.atitle{text-anchor:middle}svg text.end{text-anchor:end}svg text.start{text-anchor:start}"
    "svg .clip{fill:#fff;stroke:#222}svg .grid{stroke:#ddd}svg .axis{stroke:#444}svg text.unl{font-style:italic}"
    "svg .ram{stroke:#222;stroke-width:2;stroke-dasharray:6 3}svg text.ramlabel{font-weight:bold}"
    ".k-ram,.r-ram{fill:#0072b2}.k-dma,.r-dma{fill:#e69f00}.k-tbl{fill:#009e73}"
    ".k-io,.r-mmio{fill:#cc79a7}.k-hl,.k-other{fill:#999}.r-hotplug{fill:#56b4e9}"
    ".r-gpu{fill:#009e73}"
    ".v-set{fill:#0072b2}.v-small{fill:#d55e00}.v-keep{fill:#009e73}.v-own{fill:#999}"
    "td.v-small{color:#a33b00;font-weight:bold}"
    "td.diff{background:#ffe08a;font-weight:bold}th.own{background:#dde6f4}table.cmp tbody th{min-width:11em}"
    "tr.first td{font-weight:bold}"
    /* A phone: the summary's rows become cards, each value named. */
    "@media screen and (max-width:40em){table.summary thead{position:absolute;left:-9999px}"
    "table.summary,table.summary tbody,table.summary tr,table.summary th,table.summary td"
    "{display:block}table.summary tr{border:1px solid #bbb;margin:0 0 .5em}"
    "table.summary th,table.summary td{border:0}table.summary td.n{text-align:left}"
    "table.summary td:empty{display:none}table.summary caption{display:block}"
    "table.summary td[data-l]::before{content:attr(data-l) \": \";font-weight:normal;"
    "color:#555}}"
    "@media print{body{max-width:none;margin:0;padding:0;font-size:9pt}svg{max-width:75%}"
    ".scroll{overflow:visible}pre,pre.cmd{white-space:pre-wrap}"
    "thead{display:table-header-group}table,tr,svg,pre,.verdict,li{break-inside:avoid}"
    "h2,h3,caption,p.lbl{break-after:avoid}section.guest,section.host{break-before:page}"
    "a{color:inherit;text-decoration:none}}";

static void kv_table(FILE *out, const char *caption, struct report_kv *kv, size_t n)
{
    const char *heads[] = { _("Field"), _("Value") };
    html_table_open(out, "kv", caption, heads, 2);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><th scope=\"row\">", out);
        report_put_html(out, kv[i].label);
        fputs("</th><td>", out);
        report_put_html_nowrap(out, kv[i].value);
        fputs("</td></tr>\n", out);
    }
    html_table_close(out);
    report_rows_free(kv, n);
}

static void list(FILE *out, const struct msg_list *l, const char *cls)
{
    if (!l->n)
        return;
    fprintf(out, "<ul class=\"%s\">\n", cls);
    for (size_t i = 0; i < l->n; i++) {
        fputs("<li>", out);
        report_put_html_nowrap(out, l->items[i].local);
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

/* A label and what to copy, kept together on paper. */
static void pre(FILE *out, const char *label, char *text, const char *cls)
{
    if (!text)
        return;
    fputs("<p class=\"lbl\">", out);
    report_put_html(out, label);
    fprintf(out, "</p>\n<pre class=\"%s\">", cls);
    report_put_html(out, text);
    fputs("</pre>\n", out);
    free(text);
}

/* The answer: what to do, the value and the lines to paste. */
static void verdict(FILE *out, const struct report_guest *rg, const char *gname)
{
    enum report_verdict v = report_verdict(rg);
    fprintf(out, "<div class=\"verdict%s\">\n<p class=\"answer\">",
            v == VERDICT_TOO_SMALL ? " v-small" : "");
    char *s = report_verdict_sentence(rg);
    report_put_html_nowrap(out, s);
    free(s);
    fputs("</p>\n", out);
    pre(out, _("With virsh (sizes in KiB):"), rec_virsh_command(&rg->rec, gname), "cmd virsh");
    pre(out, _("In the domain XML:"), rec_hard_limit_xml(&rg->rec), "cmd xml");
    fputs("</div>\n", out);
}

static void guest(FILE *out, const struct report *rep, const struct report_guest *rg, size_t i)
{
    struct report_kv kv[REPORT_MAX_ROWS];
    const struct memlock_result *r = &rg->result;
    char name[64], human[32], grouped[40];
    const char *gname = report_guest_name(rg, name, sizeof(name));
    fprintf(out, "<section class=\"guest\" id=\"" HTML_GUEST_ID "\">\n<h2>", i + 1);
    report_put_html(out, _("Guest"));
    fputc(' ', out);
    report_put_html(out, gname);
    fputs("</h2>\n", out);
    verdict(out, rg, gname);
    report_limit_human(r, human, sizeof(human));
    fputs("<p class=\"limit\">", out);
    report_put_html(out, _("Limit:"));
    fputc(' ', out);
    report_put_html_nowrap(out, human);
    if (r->kind == MEMLOCK_BYTES) {
        size_format_grouped(r->limit_bytes, size_group_separator(), grouped, sizeof(grouped));
        char *t = xasprintf(_(" (%s bytes, %" PRIu64 " KiB)"), grouped, r->limit_kib);
        report_put_html_nowrap(out, t);
        free(t);
    }
    fputs("</p>\n<p>", out);
    report_put_html(out, memlock_rule_text(r->rule));
    fprintf(out, "<br/>%s %s (", _("Profile:"), r->profile->id);
    report_put_html(out, _(r->profile->span));
    fputs(")", out);
    if (r->release[0]) {
        fprintf(out, "<br/>%s %s (", _("libvirt release:"), r->release);
        report_put_html(out, r->release_source ? _(r->release_source) : "");
        fputs(")", out);
    }
    fputs("</p>\n", out);
    if (r->warnings.n || rg->warnings.n) {
        fprintf(out, "<h3 id=\"" HTML_GUEST_ID "w\">", i + 1);
        report_put_html(out, _("Warnings"));
        fputs("</h3>\n", out);
        list(out, &rg->warnings, "warn");
        list(out, &r->warnings, "warn");
    }
    report_html_terms(out, r);
    kv_table(out, _("The guest"), kv, report_guest_rows(rg, kv));
    fprintf(out, "<h3>%s</h3>\n", _("Recommendations"));
    list(out, &rg->rec.notes, "rec");
    pre(out, _("QEMU outside libvirt, in its systemd unit:"), rec_systemd_line(&rg->rec), "");
    pre(out, _("QEMU outside libvirt, in /etc/security/limits.conf (KiB):"),
        rec_limits_conf(&rg->rec, REPORT_QEMU_USER), "");
    report_html_views(out, rep, rg);
    fputs("</section>\n", out);
}

void report_render_html(FILE *out, const struct report *rep)
{
    struct report_kv kv[REPORT_MAX_ROWS];
    char lang[16], date[40];
    report_lang(lang, sizeof(lang));
    report_date(rep, date, sizeof(date));
    char *subject = report_subject(rep);
    char *heading = xasprintf(_("%s on %s"), subject, report_host_label(rep));
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                 "<meta name=\"color-scheme\" content=\"only light\"/>\n<title>", lang);
    report_put_html(out, heading);
    fprintf(out, ", %s \xe2\x80\x94 memlock-planner</title>\n<style>%s</style>\n</head>\n"
                 "<body>\n<header>\n<h1>", date, css);
    report_put_html(out, heading);
    fputs("</h1>\n<p class=\"meta\">", out);
    char *meta = xasprintf(_("%s; %s; libvirt profile %s (%s)"), date, PACKAGE_STRING,
                           rep->profile->id, _(rep->profile->span));
    report_put_html(out, meta);
    fputs("</p>\n</header>\n", out);
    free(meta);
    free(heading);
    free(subject);
    if (rep->n + rep->nerrors > 1)
        report_html_summary(out, rep);
    for (size_t i = 0; i < rep->n; i++)
        guest(out, rep, &rep->guests[i], i);
    fprintf(out, "<section class=\"host\">\n<h2>%s</h2>\n", _("Host"));
    kv_table(out, _("The host the limits are computed for"), kv, report_host_rows(rep, kv));
    if (rep->host)
        list(out, &rep->host->warnings, "warn");
    fputs("</section>\n</body>\n</html>\n", out);
}
