#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "explain_output.h"
#include "i18n.h"
#include "json.h"
#include "memlock_output.h"
#include "report.h"
#include "size.h"
#include "text_safe.h"
#include "text_width.h"
#include "xalloc.h"

/* Longest quoted log line shown to people; JSON keeps it whole. */
#define QUOTE_MAX 400

static void put_quote(FILE *out, const char *line)
{
    char *cut = xstrndup(line, QUOTE_MAX);
    report_put_safe(out, cut);
    if (strlen(line) > QUOTE_MAX)
        fputs("…", out);
    free(cut);
}

static void human_bytes(uint64_t bytes, char *buf, size_t len)
{
    char h[32], g[40];
    size_format_bytes(bytes, h, sizeof(h));
    size_format_grouped(bytes, size_group_separator(), g, sizeof(g));
    snprintf(buf, len, _("%s (%s bytes)"), h, g);
}

static const char *guest_source_text(enum explain_guest_source s)
{
    switch (s) {
    case EXPLAIN_GUEST_DEFINITION: return _("from the domain definition");
    case EXPLAIN_GUEST_CMDLINE: return _("rebuilt from the QEMU command line in the log");
    case EXPLAIN_GUEST_NONE: break;
    }
    return _("unknown: no definition given and no command line in the log");
}

static void print_guest(FILE *out, const struct explain *e)
{
    const struct guest *g = e->guest;
    fprintf(out, "%-10s ", _("Guest"));
    if (!g) {
        fprintf(out, "%s\n", guest_source_text(e->guest_source));
        return;
    }
    char mem[32], maxmem[32];
    size_format_kib(g->memory_kib, mem, sizeof(mem));
    report_put_safe(out, g->name);
    fprintf(out, " (%s)\n", guest_source_text(e->guest_source));
    fputs("           ", out);
    report_put_safe(out, g->arch ? g->arch : "?");
    fputs(" / ", out);
    report_put_safe(out, g->machine ? g->machine : "?");
    fprintf(out, " / %s, ", g->virt == GUEST_VIRT_KVM ? "kvm" : "tcg");
    fprintf(out, _("memory %s"), mem);
    if (g->max_memory_kib) {
        size_format_kib(g->max_memory_kib, maxmem, sizeof(maxmem));
        fprintf(out, _(", max memory %s"), maxmem);
    }
    fputc('\n', out);
    fputs("           ", out);
    fprintf(out, P_("%zu passed-through device", "%zu passed-through devices", g->nhostdevs),
            g->nhostdevs);
    if (g->nvme_disks)
        fprintf(out, P_(", %zu NVMe disk", ", %zu NVMe disks", g->nvme_disks), g->nvme_disks);
    if (g->vdpa_interfaces)
        fprintf(out, P_(", %zu vDPA device", ", %zu vDPA devices", g->vdpa_interfaces),
                g->vdpa_interfaces);
    if (g->has_iommu)
        fputs(_(", a vIOMMU"), out);
    if (e->has_need && e->need.has_phbs)
        fprintf(out, P_(", %zu PHB", ", %zu PHBs", e->need.nphbs), e->need.nphbs);
    if (e->has_need && e->need.nvlink2)
        fputs(_(", NVLink2"), out);
    if (g->locked)
        fputs(_(", memory locked"), out);
    fputc('\n', out);
}

static void print_profile(FILE *out, const struct explain *e)
{
    fprintf(out, "%-10s %s (%s)", _("Profile"), e->profile->id, _(e->profile->label));
    switch (e->profile_source) {
    case EXPLAIN_PROFILE_OPTION: fprintf(out, _(", from --libvirt")); break;
    case EXPLAIN_PROFILE_LOG:
        fputs(_(", from the log: libvirt "), out);
        report_put_safe(out, e->start->libvirt_version);
        if (e->start->qemu_version) {
            fputs(_(", QEMU "), out);
            report_put_safe(out, e->start->qemu_version);
        }
        break;
    case EXPLAIN_PROFILE_DEFAULT:
        fputs(_(", the default: the log names no libvirt release"), out);
        break;
    }
    fputc('\n', out);
    if (e->profile_beyond)
        fprintf(out, "           %s\n",
                _("the log's libvirt is newer than the newest profile: its formula is assumed "
                  "unchanged"));
}

static void print_limit(FILE *out, const struct explain *e)
{
    char buf[96];
    fprintf(out, "%-10s ", _("Limit"));
    if (e->cause == LOG_CAUSE_CANNOT_SET_LIMIT) {
        if (e->limit_source == EXPLAIN_LIMIT_MESSAGE && e->limit_bytes >= EXPLAIN_UNLIMITED_BYTES) {
            fputs(_("libvirt tried to remove the limit (unlimited, as for <memoryBacking><locked/>) "
                    "and was refused"), out);
        } else if (e->limit_source == EXPLAIN_LIMIT_MESSAGE) {
            human_bytes(e->limit_bytes, buf, sizeof(buf));
            fprintf(out, _("libvirt tried to set %s and was refused"), buf);
        } else {
            fputs(_("libvirt could not set the limit (the message does not say which)"), out);
        }
        fputc('\n', out);
        return;
    }
    switch (e->limit_source) {
    case EXPLAIN_LIMIT_MESSAGE:
        human_bytes(e->limit_bytes, buf, sizeof(buf));
        fprintf(out, _("%s, as the message says"), buf);
        break;
    case EXPLAIN_LIMIT_HARD_LIMIT:
        human_bytes(e->limit_bytes, buf, sizeof(buf));
        fprintf(out, _("%s, the definition's <hard_limit>"), buf);
        break;
    case EXPLAIN_LIMIT_UNKNOWN:
        fputs(_("unknown: the log does not state it; libvirt sets the need below unless the "
                "domain has a <hard_limit> (give --xml to know)"), out);
        break;
    }
    fputc('\n', out);
}

static void print_need(FILE *out, const struct explain *e)
{
    char buf[96], h[32];
    fprintf(out, "%-10s ", _("Needs"));
    if (!e->has_need) {
        fputs(_("unknown: no guest to compute it from\n"), out);
        return;
    }
    switch (e->need.kind) {
    case MEMLOCK_UNLIMITED: fputs(_("unlimited: all guest memory is locked\n"), out); break;
    case MEMLOCK_NONE:
        fputs(_("nothing: libvirt sets no limit for this guest (nothing passed through)\n"),
              out);
        break;
    case MEMLOCK_BYTES:
        human_bytes(e->need.limit_bytes, buf, sizeof(buf));
        fprintf(out, "%s, %s\n", buf, memlock_rule_text(e->need.rule));
        break;
    }
    if (e->short_known) {
        human_bytes(e->short_bytes, buf, sizeof(buf));
        fprintf(out, "%-10s %s", _("Short by"), buf);
        if (e->short_term > 0) {
            size_format_bytes(e->covered_bytes, h, sizeof(h));
            fprintf(out, _("; the limit runs out in \"%s\" (the terms before it add up to %s)"),
                    memlock_term_label(&e->need.terms[e->short_term]), h);
        } else if (e->short_term == 0) {
            fprintf(out, _("; the limit runs out in \"%s\", the first term"),
                    memlock_term_label(&e->need.terms[0]));
        }
        fputc('\n', out);
    }
    for (size_t i = 0; i < e->need.nterms; i++) {
        const struct memlock_term *t = &e->need.terms[i];
        size_format_kib(t->kib, h, sizeof(h));
        fputs((long)i == e->short_term ? "         > " : "           ", out);
        fput_ljust(out, memlock_term_label(t), 30);
        fprintf(out, " %12s\n", h);
    }
}

static void print_lines(FILE *out, const char *label, char *text)
{
    report_put_lines(out, label, text, "    ");
}

static void print_fix(FILE *out, const struct explain *e)
{
    fprintf(out, "%s\n", _("Fix"));
    if (e->cause == LOG_CAUSE_CANNOT_SET_LIMIT && e->start->failure.errno_eperm) {
        fprintf(out, "  %s\n",
                _("libvirt lacks CAP_SYS_RESOURCE, which it needs to raise the QEMU process's "
                  "RLIMIT_MEMLOCK (prlimit): run libvirtd/virtqemud with that capability "
                  "(in a container: add SYS_RESOURCE), or start it with a limit at least the "
                  "need (LimitMEMLOCK= in its unit)."));
    }
    if (e->mem_lock_option && e->cause == LOG_CAUSE_LIMIT_TOO_LOW
        && e->layer == LOG_LAYER_QEMU_MLOCK)
        fprintf(out, "  %s\n",
                _("QEMU was told to lock all of its memory; libvirt lifts the limit only "
                  "for <memoryBacking><locked/>, not for the option passed through "
                  "<qemu:commandline>: use <locked/> instead."));
    if (!e->has_need)
        return;
    const struct memlock_rec *rec = &e->rec;
    const char *name = e->guest ? e->guest->name : NULL;
    if (rec->kind == REC_HARD_LIMIT && e->cause == LOG_CAUSE_LIMIT_TOO_LOW)
        fprintf(out, "  %s\n", _("Set the limit libvirt computes (or remove a smaller "
                                 "<hard_limit>):"));
    print_lines(out, _("In the domain XML:"), rec_hard_limit_xml(rec));
    print_lines(out, _("With virsh (KiB):"), rec_virsh_command(rec, name));
    print_lines(out, _("QEMU outside libvirt, systemd unit:"), rec_systemd_line(rec));
    print_lines(out, _("QEMU outside libvirt, /etc/security/limits.conf (KiB):"),
                rec_limits_conf(rec, REPORT_QEMU_USER));
    for (size_t i = 0; i < rec->notes.n; i++) {
        fputs("  - ", out);
        report_put_safe(out, rec->notes.items[i].local);
        fputc('\n', out);
    }
}

static const char *start_outcome(const struct log_start *s)
{
    switch (s->failure.cause) {
    case LOG_CAUSE_LIMIT_TOO_LOW: return _("failed: memory locking");
    case LOG_CAUSE_CANNOT_SET_LIMIT: return _("failed: libvirt could not set the limit");
    case LOG_CAUSE_NOT_MEMLOCK: return _("failed: not memory locking");
    case LOG_CAUSE_NONE: break;
    }
    return _("no failure logged");
}

static void print_other_starts(FILE *out, const struct qemu_log *log, const struct explain *e)
{
    size_t n = qemu_log_nstarts(log);
    if (n < 2)
        return;
    fprintf(out, P_("This log holds %zu start:\n", "This log holds %zu starts:\n", n), n);
    /* Long histories: the first few and the last ones. */
    for (size_t i = 0; i < n; i++) {
        if (n > 12 && i == 3) {
            fprintf(out, _("  ... %zu more ...\n"), n - 9);
            i = n - 7;
        }
        const struct log_start *s = qemu_log_start(log, i);
        fprintf(out, _("  line %lu: "), s->lineno);
        if (s->libvirt_version) {
            fputs("libvirt ", out);
            report_put_safe(out, s->libvirt_version);
            fputs(", ", out);
        }
        fputs(start_outcome(s), out);
        if (s->lineno == e->start->lineno)
            fputs(_(" (explained above)"), out);
        fputc('\n', out);
    }
    unsigned long more = qemu_log_starts_unlisted(log);
    if (more)
        fprintf(out, P_("  and %lu later start not listed\n", "  and %lu later starts not listed\n",
                        more),
                more);
}

void explain_print_text(FILE *out, const struct qemu_log *log, const struct explain *e)
{
    const struct log_start *s = e->start;
    fprintf(out, "%-10s ", _("Failed"));
    if (!s || e->cause == LOG_CAUSE_NONE) {
        fputs(_("no failure found in the log\n"), out);
    } else if (e->cause == LOG_CAUSE_NOT_MEMLOCK) {
        fprintf(out, "%s: %s\n", log_layer_text(e->layer), log_other_text(s->failure.other));
    } else {
        fprintf(out, "%s\n", log_layer_text(e->layer));
    }
    if (s && s->failure.line) {
        fprintf(out, _("  line %lu: "), s->failure.lineno);
        put_quote(out, s->failure.line);
        fputc('\n', out);
    }
    if (!explain_is_memlock(e)) {
        print_other_starts(out, log, e);
        return;
    }
    print_guest(out, e);
    print_profile(out, e);
    print_limit(out, e);
    print_need(out, e);
    print_fix(out, e);
    for (size_t i = 0; i < e->notes.n; i++) {
        fputs(_("Note: "), out);
        report_put_safe(out, e->notes.items[i].local);
        fputc('\n', out);
    }
    print_other_starts(out, log, e);
}

char *explain_text(const struct qemu_log *log, const struct explain *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return xstrdup("");
    explain_print_text(f, log, e);
    fclose(f);
    return buf;
}

/* ---- JSON ---- */

static void json_str_or_null(struct json *j, const char *s)
{
    if (s)
        json_string(j, s);
    else
        json_null(j);
}

static void json_fix(struct json *j, const struct explain *e)
{
    json_begin_object(j);
    json_key_lit(j, "capability");
    json_str_or_null(j, e->cause == LOG_CAUSE_CANNOT_SET_LIMIT && e->start->failure.errno_eperm
                            ? "CAP_SYS_RESOURCE"
                            : NULL);
    json_key_lit(j, "recommendation");
    json_str_or_null(j, e->has_need ? rec_kind_id(e->rec.kind) : NULL);
    json_key_lit(j, "hard_limit_kib");
    if (e->has_need && e->rec.kind == REC_HARD_LIMIT)
        json_uint(j, e->rec.kib);
    else
        json_null(j);
    char *lines[4] = { NULL, NULL, NULL, NULL };
    if (e->has_need) {
        lines[0] = rec_hard_limit_xml(&e->rec);
        lines[1] = rec_virsh_command(&e->rec, e->guest ? e->guest->name : NULL);
        lines[2] = rec_systemd_line(&e->rec);
        lines[3] = rec_limits_conf(&e->rec, REPORT_QEMU_USER);
    }
    static const char *const keys[4] = { "memtune_xml", "virsh", "systemd", "limits_conf" };
    for (int i = 0; i < 4; i++) {
        json_key(j, keys[i]);
        json_str_or_null(j, lines[i]);
        free(lines[i]);
    }
    json_end_object(j);
}

static void json_start(struct json *j, const struct log_start *s)
{
    json_begin_object(j);
    json_key_lit(j, "line_number");
    json_uint(j, s->lineno);
    json_key_lit(j, "libvirt_version");
    json_str_or_null(j, s->libvirt_version);
    json_key_lit(j, "qemu_version");
    json_str_or_null(j, s->qemu_version);
    json_key_lit(j, "cause");
    json_string(j, log_cause_id(s->failure.cause));
    json_key_lit(j, "layer");
    json_string(j, log_layer_id(s->failure.layer));
    json_end_object(j);
}

void explain_write_json(FILE *out, const struct qemu_log *log, const struct explain *e)
{
    static const char *const guest_src[] = { "none", "definition", "command_line" };
    static const char *const profile_src[] = { "option", "log", "default" };
    struct json j;
    json_init(&j, out, true);
    const struct log_start *s = e->start;
    json_begin_object(&j);
    json_key_lit(&j, "cause");
    json_string(&j, e->cause == LOG_CAUSE_NONE ? "not_memlock" : log_cause_id(e->cause));
    json_key_lit(&j, "layer");
    json_string(&j, log_layer_id(e->layer));
    json_key_lit(&j, "other");
    json_str_or_null(&j, e->cause == LOG_CAUSE_NOT_MEMLOCK && s ? log_other_id(s->failure.other)
                                                                : NULL);
    json_key_lit(&j, "line");
    json_str_or_null(&j, s ? s->failure.line : NULL);
    json_key_lit(&j, "line_number");
    if (s && s->failure.line)
        json_uint(&j, s->failure.lineno);
    else
        json_null(&j);
    json_key_lit(&j, "limit_bytes");
    if (e->limit_source != EXPLAIN_LIMIT_UNKNOWN)
        json_uint(&j, e->limit_bytes);
    else
        json_null(&j);
    json_key_lit(&j, "limit_source");
    static const char *const limit_src[] = { "unknown", "message", "hard_limit" };
    json_string(&j, limit_src[e->limit_source]);
    json_key_lit(&j, "need_bytes");
    if (e->has_need && e->need.kind == MEMLOCK_BYTES)
        json_uint(&j, e->need.limit_bytes);
    else if (e->has_need && e->need.kind == MEMLOCK_UNLIMITED)
        json_string(&j, "unlimited");
    else if (e->has_need)
        json_uint(&j, 0);
    else
        json_null(&j);
    json_key_lit(&j, "short_bytes");
    if (e->short_known)
        json_uint(&j, e->short_bytes);
    else
        json_null(&j);
    json_key_lit(&j, "short_term");
    json_str_or_null(&j, e->short_term >= 0 ? e->need.terms[e->short_term].id : NULL);
    json_key_lit(&j, "terms");
    json_begin_array(&j);
    for (size_t i = 0; e->has_need && i < e->need.nterms; i++) {
        const struct memlock_term *t = &e->need.terms[i];
        uint64_t b = 0;
        size_kib_to_bytes(t->kib, &b);
        json_begin_object(&j);
        json_key_lit(&j, "id");
        json_string(&j, t->id);
        json_key_lit(&j, "label");
        json_string(&j, t->label);
        json_key_lit(&j, "bytes");
        json_uint(&j, b);
        json_end_object(&j);
    }
    json_end_array(&j);
    json_key_lit(&j, "fix");
    json_fix(&j, e);
    json_key_lit(&j, "guest_source");
    json_string(&j, guest_src[e->guest_source]);
    json_key_lit(&j, "guest");
    if (e->has_need) {
        json_begin_object(&j);
        json_key_lit(&j, "name");
        json_str_or_null(&j, e->guest->name);
        json_key_lit(&j, "calculation");
        memlock_write_json(&j, &e->need);
        json_end_object(&j);
    } else {
        json_null(&j);
    }
    json_key_lit(&j, "profile");
    json_string(&j, e->profile->id);
    json_key_lit(&j, "profile_source");
    json_string(&j, profile_src[e->profile_source]);
    json_key_lit(&j, "notes");
    json_begin_array(&j);
    for (size_t i = 0; i < e->notes.n; i++)
        json_string(&j, e->notes.items[i].c);
    json_end_array(&j);
    json_key_lit(&j, "starts");
    json_begin_array(&j);
    for (size_t i = 0; i < qemu_log_nstarts(log); i++)
        json_start(&j, qemu_log_start(log, i));
    json_end_array(&j);
    json_key_lit(&j, "starts_unlisted");
    json_uint(&j, qemu_log_starts_unlisted(log));
    json_key_lit(&j, "lines");
    json_uint(&j, qemu_log_lines(log));
    json_end_object(&j);
    json_finish(&j);
}
