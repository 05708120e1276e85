/* The report in Markdown: tables for the summaries, terms and fleet; code
 * blocks for what to copy. Cells are escaped so that names with | < & etc.
 * cannot break a table or inject HTML. */
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

static void kv_table(FILE *out, struct report_kv *kv, size_t n)
{
    fprintf(out, "| %s | %s |\n|---|---|\n", _("Field"), _("Value"));
    for (size_t i = 0; i < n; i++) {
        fputs("| ", out);
        report_put_md(out, kv[i].label);
        fputs(" | ", out);
        report_put_md(out, kv[i].value);
        fputs(" |\n", out);
    }
    fputc('\n', out);
    report_rows_free(kv, n);
}

static void bullets(FILE *out, const struct msg_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        fputs("- ", out);
        report_put_md(out, l->items[i].local);
        fputc('\n', out);
    }
    if (l->n)
        fputc('\n', out);
}

/* A fenced block longer than any run of backticks inside. */
static void code(FILE *out, const char *label, char *text)
{
    if (!text)
        return;
    char *safe = report_safe_lines(text);
    free(text);
    size_t run = 0, longest = 0;
    for (const char *c = safe; *c; c++) {
        run = *c == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    size_t fence = longest >= 3 ? longest + 1 : 3;
    fprintf(out, "%s\n\n", label);
    for (size_t i = 0; i < fence; i++)
        fputc('`', out);
    fprintf(out, "\n%s\n", safe);
    for (size_t i = 0; i < fence; i++)
        fputc('`', out);
    fputs("\n\n", out);
    free(safe);
}

static void limit_line(FILE *out, const struct memlock_result *r)
{
    char human[32], grouped[40];
    report_limit_human(r, human, sizeof(human));
    fprintf(out, "**%s** %s", _("Limit:"), human);
    if (r->kind == MEMLOCK_BYTES) {
        size_format_grouped(r->limit_bytes, size_group_separator(), grouped, sizeof(grouped));
        fprintf(out, _(" (%s bytes, %" PRIu64 " KiB)"), grouped, r->limit_kib);
    }
    fputs("  \n", out);
    fprintf(out, "**%s** ", _("Rule:"));
    report_put_md(out, memlock_rule_text(r->rule));
    fputs("  \n", out);
    fprintf(out, "**%s** %s (", _("Profile:"), r->profile->id);
    report_put_md(out, _(r->profile->span));
    fputs(")", out);
    if (r->release[0]) {
        fprintf(out, "  \n**%s** %s (", _("libvirt release:"), r->release);
        report_put_md(out, r->release_source ? _(r->release_source) : "");
        fputs(")", out);
    }
    fputs("\n\n", out);
}

/* `limit_kib`: the limit these terms make (0 when they are not the limit). */
static void term_table(FILE *out, const struct memlock_term *list, size_t n, uint64_t limit_kib)
{
    fprintf(out, "| %s | %s | %s | %s |\n|---|---:|---:|---|\n", _("Term"), _("Size"), "KiB",
            _("Why"));
    char human[32];
    for (size_t i = 0; i < n; i++) {
        const struct memlock_term *t = &list[i];
        size_format_kib(t->kib, human, sizeof(human));
        fputs("| ", out);
        report_put_md(out, memlock_term_label(t));
        fprintf(out, " | %s | %" PRIu64 " | ", human, t->kib);
        report_put_md(out, t->why.local);
        fputs(" |\n", out);
    }
    uint64_t sum = 0;
    bool sum_ok = true;
    for (size_t i = 0; i < n; i++)
        sum_ok = sum_ok && size_add(sum, list[i].kib, &sum);
    size_format_kib(sum, human, sizeof(human));
    if (sum_ok)
        fprintf(out, "| **%s** | **%s** | **%" PRIu64 "** | %s |\n", _("Total"), human, sum,
                limit_kib && sum == limit_kib
                    ? _("the limit: the terms added up") : _("the terms added up"));
    fputc('\n', out);
}

static void terms(FILE *out, const struct memlock_result *r)
{
    if (r->nterms)
        term_table(out, r->terms, r->nterms, r->kind == MEMLOCK_BYTES ? r->limit_kib : 0);
    char sentence[320];
    if (memlock_computed_sentence(r, sentence, sizeof(sentence))) {
        report_put_md(out, sentence);
        fputs(".\n\n", out);
        if (r->ncomputed_terms)
            term_table(out, r->computed_terms, r->ncomputed_terms, 0);
    }
    if (r->nphbs) {
        fprintf(out, "| %s | %s | %s | %s |\n|---:|---|---:|---|\n", _("PHB"), _("Origin"),
                _("Hostdevs"), _("Why"));
        for (size_t i = 0; i < r->nphbs; i++) {
            const struct phb_info *p = &r->phbs[i];
            fprintf(out, "| %u | %s | %zu | ", p->index, phb_origin_id(p->origin), p->nhostdevs);
            report_put_md(out, p->why.local);
            fputs(" |\n", out);
        }
        fputc('\n', out);
    }
}

/* The summary first: what to do about each guest, linked to its section
 * (a forge makes each heading an anchor; an explicit one is stable). */
static void summary(FILE *out, const struct report *rep)
{
    fprintf(out, "## %s\n\n", _("Summary"));
    fprintf(out, "| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|\n", _("Guest"),
            _("Verdict"), _("Limit"), _("hard_limit to set"), _("Warnings"));
    char human[32], name[64];
    size_t e = 0;
    for (size_t i = 0; i <= rep->n; i++) {
        for (; e < rep->nerrors && rep->errors[e].before == i; e++) {
            fputs("| ", out);
            report_put_md(out, rep->errors[e].source);
            fputs(" | **", out);
            report_put_md(out, _("could not be read"));
            fputs("** | ", out);
            report_put_md(out, rep->errors[e].message);
            fputs(" | | |\n", out);
        }
        if (i == rep->n)
            break;
        const struct report_guest *rg = &rep->guests[i];
        enum report_verdict v = report_verdict(rg);
        report_limit_human(&rg->result, human, sizeof(human));
        fputs("| [", out);
        report_put_md(out, report_guest_name(rg, name, sizeof(name)));
        fprintf(out, "](#g%zu) | %s", i + 1, v == VERDICT_TOO_SMALL ? "**" : "");
        report_put_md(out, report_verdict_label(v));
        fprintf(out, "%s | %s | ", v == VERDICT_TOO_SMALL ? "**" : "", human);
        if (v == VERDICT_SET || v == VERDICT_TOO_SMALL)
            fprintf(out, "%" PRIu64 " KiB", rg->rec.kib);
        else
            fputs("\xe2\x80\x94", out);
        fprintf(out, " | %zu |\n", rg->result.warnings.n + rg->warnings.n);
    }
    size_format_kib(rep->fleet.limit_kib, human, sizeof(human));
    fprintf(out, "| **%s** | | **%s** | | |\n\n", _("Total"),
            rep->fleet.limit_overflow ? "?" : human);
    if (rep->fleet.nunlimited) {
        fprintf(out, P_("The total leaves out %zu unlimited guest: it may lock all it likes.",
                        "The total leaves out %zu unlimited guests: they may lock all they like.",
                        rep->fleet.nunlimited), rep->fleet.nunlimited);
        fputs("\n\n", out);
    }
}

static void fleet(FILE *out, const struct report *rep)
{
    fprintf(out, "## %s\n\n", _("Fleet"));
    fprintf(out, "| %s | %s | %s | %s | %s | %s |\n|---|---|---:|---:|---|---:|\n", _("Guest"),
            _("File"), _("Limit"), _("Limit (KiB)"), _("Rule"), _("Memory"));
    char human[32], mem[32], name[64];
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        const struct memlock_result *r = &rg->result;
        report_limit_human(r, human, sizeof(human));
        size_format_kib(r->memory_kib, mem, sizeof(mem));
        fputs("| ", out);
        report_put_md(out, report_guest_name(rg, name, sizeof(name)));
        fputs(" | ", out);
        report_put_md(out, rg->source ? rg->source : "");
        fprintf(out, " | %s | ", human);
        if (r->kind == MEMLOCK_UNLIMITED)
            fputs(_("unlimited"), out);
        else
            fprintf(out, "%" PRIu64, r->limit_kib);
        fprintf(out, " | %s | %s |\n", memlock_rule_id(r->rule), mem);
    }
    size_format_kib(rep->fleet.limit_kib, human, sizeof(human));
    size_format_kib(rep->fleet.memory_kib, mem, sizeof(mem));
    fprintf(out, "| **%s** | | %s | %" PRIu64 " | | %s |\n\n", _("Total"),
            rep->fleet.limit_overflow ? "?" : human, rep->fleet.limit_kib, mem);
    if (rep->host && rep->host->memory_known) {
        char ram[32];
        size_format_kib(rep->host->memory_kib, ram, sizeof(ram));
        int pct = report_fleet_percent(rep);
        if (pct >= 0)
            fprintf(out, _("Host RAM: %s; the limits add up to %d%% of it.\n\n"), ram, pct);
        else
            fprintf(out, _("Host RAM: %s.\n\n"), ram);
    }
    bullets(out, &rep->fleet.warnings);
}

/* The answer first: the verdict, then the lines to paste. */
static void verdict(FILE *out, const struct report_guest *rg, const char *gname)
{
    char *s = report_verdict_sentence(rg);
    fputs("**", out);
    report_put_md(out, s);
    fputs("**\n\n", out);
    free(s);
    code(out, _("With virsh (sizes in KiB):"), rec_virsh_command(&rg->rec, gname));
    code(out, _("In the domain XML:"), rec_hard_limit_xml(&rg->rec));
}

void report_render_md(FILE *out, const struct report *rep)
{
    struct report_kv kv[REPORT_MAX_ROWS];
    char date[40];
    report_date(rep, date, sizeof(date));
    char *subject = report_subject(rep);
    char *heading = xasprintf(_("%s on %s"), subject, report_host_label(rep));
    fputs("# ", out);
    report_put_md(out, heading);
    char *meta = xasprintf(_("%s; %s; libvirt profile %s (%s)"), date, PACKAGE_STRING,
                           rep->profile->id, _(rep->profile->span));
    fputs("\n\n", out);
    report_put_md(out, meta);
    fputs("\n\n", out);
    free(meta);
    free(heading);
    free(subject);
    if (rep->n + rep->nerrors > 1)
        summary(out, rep);
    if (rep->n > 1)
        fleet(out, rep);
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        char name[64];
        const char *gname = report_guest_name(rg, name, sizeof(name));
        fprintf(out, "<a id=\"g%zu\"></a>\n\n## %s ", i + 1, _("Guest"));
        report_put_md(out, gname);
        fputs("\n\n", out);
        verdict(out, rg, gname);
        limit_line(out, &rg->result);
        if (rg->result.warnings.n || rg->warnings.n) {
            fprintf(out, "### %s\n\n", _("Warnings"));
            bullets(out, &rg->warnings);
            bullets(out, &rg->result.warnings);
        }
        terms(out, &rg->result);
        kv_table(out, kv, report_guest_rows(rg, kv));
        fprintf(out, "### %s\n\n", _("Recommendations"));
        bullets(out, &rg->rec.notes);
        code(out, _("QEMU outside libvirt, in its systemd unit:"), rec_systemd_line(&rg->rec));
        code(out, _("QEMU outside libvirt, in /etc/security/limits.conf (KiB):"),
             rec_limits_conf(&rg->rec, REPORT_QEMU_USER));
        report_md_views(out, rep, rg);
    }
    fprintf(out, "## %s\n\n", _("Host"));
    kv_table(out, kv, report_host_rows(rep, kv));
    if (rep->host)
        bullets(out, &rep->host->warnings);
}
