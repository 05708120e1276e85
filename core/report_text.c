/* The report for a terminal or an email: plain lines, no escape sequences. */
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
#include "text_width.h"
#include "xalloc.h"

static void heading(FILE *out, const char *title)
{
    fprintf(out, "\n%s\n", title);
    for (size_t i = text_width(title); i > 0; i--)
        fputc('=', out);
    fputc('\n', out);
}

static void rows(FILE *out, struct report_kv *kv, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputs("  ", out);
        fput_ljust(out, kv[i].label, 26);
        fputc(' ', out);
        report_put_safe(out, kv[i].value);
        fputc('\n', out);
    }
    report_rows_free(kv, n);
}

/* What a command prints, indented and made safe line by line. */
static void indented(FILE *out, char *buf, const char *indent, bool skip_first)
{
    char *save = NULL;
    bool first = true;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (first && skip_first) {
            first = false;
            continue;
        }
        first = false;
        fputs(indent, out);
        report_put_safe(out, line);
        fputc('\n', out);
    }
    free(buf);
}

/* calc's own text without the bare byte count (that is for scripts). */
static void calc_text(FILE *out, const struct memlock_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        return;
    memlock_print_text(mem, r);
    fclose(mem);
    indented(out, buf, "  ", true);
}

/* A capture of what a command prints. */
static FILE *capture(char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    return open_memstream(buf, len);
}

/* The compare, map and capacity commands' text for the guest, each under a
 * title, indented like calc's. */
static void views(FILE *out, const struct report *rep, const struct report_guest *rg)
{
    struct report_views v;
    report_views_compute(rep, rg, &v);
    char *buf;
    size_t len;
    FILE *mem;
    fprintf(out, "\n  %s\n", _("Under every libvirt profile:"));
    if ((mem = capture(&buf, &len))) {
        if (v.has_compare) {
            profile_compare_print_text(mem, &v.compare);
            profile_compare_print_steps(mem, &v.compare);
        } else
            fprintf(mem, "%s\n", v.compare_error);
        fclose(mem);
        indented(out, buf, "    ", false);
    }
    fprintf(out, "\n  %s\n", _("Address map:"));
    if ((mem = capture(&buf, &len))) {
        if (v.has_map)
            address_map_print_text(mem, &v.map, REPORT_MAP_TEXT_WIDTH);
        else if (v.map_error)
            fprintf(mem, "%s\n", v.map_error);
        else
            fprintf(mem, "%s\n", _("Does not apply: the map is drawn for ppc64 (pseries) "
                                    "guests only."));
        fclose(mem);
        indented(out, buf, "    ", false);
    }
    fputc('\n', out);
    if (v.capacity_skipped)
        fprintf(out, "  %s\n", _(REPORT_CAPACITY_SKIPPED));
    else if ((mem = capture(&buf, &len))) {
        capacity_print_text(mem, &v.capacity);
        fclose(mem);
        indented(out, buf, "  ", false);
    }
    report_views_free(&v);
}

static void lines(FILE *out, const char *label, char *text)
{
    report_put_lines(out, label, text, "      ");
}

static void recommendations(FILE *out, const struct report_guest *rg, const char *name)
{
    const struct memlock_rec *rec = &rg->rec;
    fprintf(out, "  %s\n", _("Recommendations:"));
    for (size_t i = 0; i < rec->notes.n; i++) {
        fputs("    - ", out);
        report_put_safe(out, rec->notes.items[i].local);
        fputc('\n', out);
    }
    lines(out, _("  In the domain XML:"), rec_hard_limit_xml(rec));
    lines(out, _("  With virsh (KiB):"), rec_virsh_command(rec, name));
    lines(out, _("  QEMU outside libvirt, systemd unit:"), rec_systemd_line(rec));
    lines(out, _("  QEMU outside libvirt, /etc/security/limits.conf (KiB):"),
          rec_limits_conf(rec, REPORT_QEMU_USER));
}

static void fleet(FILE *out, const struct report *rep)
{
    heading(out, _("Fleet"));
    char buf[32], name[64];
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        report_limit_human(&rg->result, buf, sizeof(buf));
        char *safe = text_safe_dup(report_guest_name(rg, name, sizeof(name)));
        fputs("  ", out);
        fput_ljust(out, safe, 24);
        fputc(' ', out);
        fput_rjust(out, buf, 14);
        fprintf(out, "  %s\n", memlock_rule_id(rg->result.rule));
        free(safe);
    }
    size_format_kib(rep->fleet.limit_kib, buf, sizeof(buf));
    fprintf(out, _("  Total of the limits: %s"), rep->fleet.limit_overflow ? "?" : buf);
    if (rep->host && rep->host->memory_known) {
        char ram[32];
        size_format_kib(rep->host->memory_kib, ram, sizeof(ram));
        int pct = report_fleet_percent(rep);
        if (pct >= 0)
            fprintf(out, _(" of %s host RAM (%d%%)"), ram, pct);
        else
            fprintf(out, _(" of %s host RAM"), ram);
    }
    fputc('\n', out);
    if (rep->fleet.nunlimited)
        fprintf(out, P_("  Unlimited: %zu guest\n", "  Unlimited: %zu guests\n", rep->fleet.nunlimited),
                rep->fleet.nunlimited);
    for (size_t i = 0; i < rep->fleet.warnings.n; i++) {
        fputs("  ! ", out);
        report_put_safe(out, rep->fleet.warnings.items[i].local);
        fputc('\n', out);
    }
}

void report_render_text(FILE *out, const struct report *rep)
{
    struct report_kv kv[REPORT_MAX_ROWS];
    char date[40];
    report_date(rep, date, sizeof(date));
    char *subject = report_subject(rep);
    char *heading_text = xasprintf(_("%s on %s"), subject, report_host_label(rep));
    char *meta = xasprintf(_("%s; %s; libvirt profile %s (%s)"), date, PACKAGE_STRING,
                           rep->profile->id, _(rep->profile->span));
    report_put_safe(out, heading_text);
    fputc('\n', out);
    report_put_safe(out, meta);
    fputc('\n', out);
    free(meta);
    free(heading_text);
    free(subject);
    heading(out, _("Host"));
    rows(out, kv, report_host_rows(rep, kv));
    if (rep->host)
        for (size_t i = 0; i < rep->host->warnings.n; i++) {
            fputs("  ! ", out);
            report_put_safe(out, rep->host->warnings.items[i].local);
            fputc('\n', out);
        }
    for (size_t i = 0; i < rep->nerrors; i++) {
        fputs("  ! ", out);
        report_put_safe(out, rep->errors[i].message);
        fputc('\n', out);
    }
    if (rep->n > 1)
        fleet(out, rep);
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        char name[64], *title;
        char *safe = text_safe_dup(report_guest_name(rg, name, sizeof(name)));
        if (asprintf(&title, _("Guest %s"), safe) < 0)
            title = NULL;
        heading(out, title ? title : safe);
        free(title);
        free(safe);
        char *verdict = report_verdict_sentence(rg);
        fputs("  ", out);
        report_put_safe(out, verdict);
        fputs("\n\n", out);
        free(verdict);
        for (size_t k = 0; k < rg->warnings.n; k++) {
            fputs("  ! ", out);
            report_put_safe(out, rg->warnings.items[k].local);
            fputc('\n', out);
        }
        rows(out, kv, report_guest_rows(rg, kv));
        fputc('\n', out);
        calc_text(out, &rg->result);
        fputc('\n', out);
        recommendations(out, rg, report_guest_name(rg, name, sizeof(name)));
        views(out, rep, rg);
    }
}
