#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "memlock_output.h"
#include "size.h"
#include "text_width.h"


const char *memlock_kind_id(enum memlock_kind kind)
{
    switch (kind) {
    case MEMLOCK_NONE: return "none";
    case MEMLOCK_BYTES: return "bytes";
    case MEMLOCK_UNLIMITED: return "unlimited";
    }
    return "?";
}

const char *memlock_rule_id(enum memlock_rule rule)
{
    switch (rule) {
    case RULE_HARD_LIMIT: return "hard_limit";
    case RULE_LOCKED: return "locked";
    case RULE_PPC64: return "ppc64";
    case RULE_GENERIC: return "generic";
    }
    return "?";
}

const char *memlock_rule_text(enum memlock_rule rule)
{
    switch (rule) {
    case RULE_HARD_LIMIT: return _("<memtune><hard_limit> is set: it is the limit");
    case RULE_LOCKED: return _("<memoryBacking><locked/>: libvirt removes the limit");
    case RULE_PPC64: return _("ppc64 KVM guest: hash page table, DMA windows and passthrough");
    case RULE_GENERIC: return _("generic rule: guest RAM per VFIO/vDPA mapping plus 1 GiB");
    }
    return "?";
}

const char *phb_origin_id(enum phb_origin origin)
{
    switch (origin) {
    case PHB_DEFAULT_IMPLICIT: return "default-implicit";
    case PHB_LISTED: return "listed";
    case PHB_ADDED_ISOLATION: return "added-isolation";
    case PHB_MANUAL: return "manual";
    }
    return "?";
}

bool memlock_computed_sentence(const struct memlock_result *r, char *buf, size_t len)
{
    buf[0] = '\0';
    uint64_t gap;
    enum memlock_gap how = memlock_gap(r, &gap);
    if (how == GAP_NONE)
        return false;
    char x[32], y[32], z[32];
    if (r->kind == MEMLOCK_BYTES)
        size_format_kib(r->limit_kib, x, sizeof(x));
    else if (r->kind == MEMLOCK_NONE)
        snprintf(x, sizeof(x), "%s", _("no limit (0)"));
    else
        snprintf(x, sizeof(x), "%s", _("unlimited"));
    if (r->computed_kind == MEMLOCK_BYTES)
        size_format_kib(r->computed_kib, y, sizeof(y));
    else
        snprintf(y, sizeof(y), "%s", _("no limit (0)"));
    size_format_kib(gap, z, sizeof(z));
    const char *cause = r->rule == RULE_LOCKED ? "<locked/>" : "<hard_limit>";
    switch (how) {
    case GAP_UNLIMITED:
        snprintf(buf, len, _("libvirt sets %s because of %s; without it the terms would give %s "
                             "(no ceiling at all instead)"), x, cause, y);
        break;
    case GAP_EQUAL:
        snprintf(buf, len, _("libvirt sets %s because of %s; without it the terms would give %s "
                             "(the same)"), x, cause, y);
        break;
    case GAP_ABOVE:
        snprintf(buf, len, _("libvirt sets %s because of %s; without it the terms would give %s "
                             "(%s more)"), x, cause, y, z);
        break;
    case GAP_BELOW:
        snprintf(buf, len, _("libvirt sets %s because of %s; without it the terms would give %s "
                             "(%s less: below the need)"), x, cause, y, z);
        break;
    case GAP_NONE:
        break;
    }
    return true;
}

static void print_terms(FILE *out, const struct memlock_term *terms, size_t n)
{
    char human[32];
    for (size_t i = 0; i < n; i++) {
        const struct memlock_term *t = &terms[i];
        size_format_kib(t->kib, human, sizeof(human));
        fputs("  ", out);
        fput_ljust(out, memlock_term_label(t), 28);
        fprintf(out, " %12s  %s\n", human, t->why.local ? t->why.local : "");
    }
}

void memlock_print_computed_terms(FILE *out, const struct memlock_result *r)
{
    print_terms(out, r->computed_terms, r->ncomputed_terms);
}

static void print_limit_line(FILE *out, const struct memlock_result *r)
{
    switch (r->kind) {
    case MEMLOCK_UNLIMITED: fputs("unlimited\n", out); break;
    case MEMLOCK_NONE: fputs("0\n", out); break;
    case MEMLOCK_BYTES: fprintf(out, "%" PRIu64 "\n", r->limit_bytes); break;
    }
}

void memlock_print_text(FILE *out, const struct memlock_result *r)
{
    print_limit_line(out, r);
    char human[32], grouped[40];
    switch (r->kind) {
    case MEMLOCK_UNLIMITED:
        fprintf(out, _("Limit: unlimited (%s)\n"), memlock_rule_text(r->rule));
        break;
    case MEMLOCK_NONE:
        fprintf(out, _("Limit: none set: QEMU keeps the limit it inherits from libvirtd (%s)\n"),
                memlock_rule_text(r->rule));
        break;
    case MEMLOCK_BYTES:
        size_format_bytes(r->limit_bytes, human, sizeof(human));
        size_format_grouped(r->limit_bytes, size_group_separator(), grouped, sizeof(grouped));
        fprintf(out, _("Limit: %s (%s bytes)\n"), human, grouped);
        fprintf(out, _("Rule: %s\n"), memlock_rule_text(r->rule));
        break;
    }
    fprintf(out, _("Profile: %s (%s): %s\n"), r->profile->id, _(r->profile->span),
            _(r->profile->label));
    if (r->release[0])
        fprintf(out, _("libvirt release: %s (%s); the formula depends on the release\n"),
                r->release, r->release_source ? _(r->release_source) : "");
    char mem[32], maxmem[32];
    size_format_kib(r->memory_kib, mem, sizeof(mem));
    size_format_kib(r->max_memory_kib, maxmem, sizeof(maxmem));
    fprintf(out, _("Memory: %s, max memory: %s\n"), mem, maxmem);

    if (r->nterms) {
        fputs(_("Terms:\n"), out);
        print_terms(out, r->terms, r->nterms);
    }
    char sentence[320];
    if (memlock_computed_sentence(r, sentence, sizeof(sentence))) {
        fprintf(out, _("Computed: %s\n"), sentence);
        if (r->ncomputed_terms) {
            fprintf(out, _("Terms without %s (%s):\n"),
                    r->rule == RULE_LOCKED ? "<locked/>" : "<hard_limit>",
                    memlock_rule_text(r->computed_rule));
            print_terms(out, r->computed_terms, r->ncomputed_terms);
        }
    }
    if (r->has_phbs) {
        fprintf(out, _("PHBs: %zu\n"), r->nphbs);
        for (size_t i = 0; i < r->nphbs; i++)
            fprintf(out, "  %3u  %s\n", r->phbs[i].index, r->phbs[i].why.local);
    }
    if (r->warnings.n) {
        fputs(_("Warnings:\n"), out);
        for (size_t i = 0; i < r->warnings.n; i++)
            fprintf(out, "  - %s\n", r->warnings.items[i].local);
    }
}

static void json_limit(struct json *j, enum memlock_kind kind, uint64_t v)
{
    if (kind == MEMLOCK_UNLIMITED)
        json_string(j, "unlimited");
    else
        json_uint(j, v);
}

static void json_terms(struct json *j, const struct memlock_term *terms, size_t n)
{
    json_begin_array(j);
    for (size_t i = 0; i < n; i++) {
        const struct memlock_term *t = &terms[i];
        json_begin_object(j);
        json_key_lit(j, "id");
        json_string_static(j, t->id);   /* memlock.c add_term: literals */
        json_key_lit(j, "label");
        json_string_static(j, t->label);
        json_key_lit(j, "kib");
        json_uint(j, t->kib);
        json_key_lit(j, "why");
        json_string(j, t->why.c);
        json_end_object(j);
    }
    json_end_array(j);
}

void memlock_write_json_computed(struct json *j, const struct memlock_result *r)
{
    json_key_lit(j, "computed");
    if (!r->has_computed) {
        json_null(j);
    } else {
        json_begin_object(j);
        json_key_lit(j, "rule");
        json_string_static(j, memlock_rule_id(r->computed_rule));
        json_key_lit(j, "kind");
        json_string_static(j, memlock_kind_id(r->computed_kind));
        json_key_lit(j, "limit_kib");
        json_uint(j, r->computed_kib);
        json_key_lit(j, "limit_bytes");
        json_uint(j, r->computed_kib << 10);   /* fits: memlock_compute checked the sum */
        json_key_lit(j, "terms");
        json_terms(j, r->computed_terms, r->ncomputed_terms);
        json_end_object(j);
    }
    json_key_lit(j, "difference_kib");
    uint64_t gap;
    switch (memlock_gap(r, &gap)) {
    case GAP_EQUAL: json_int(j, 0); break;
    case GAP_ABOVE: json_int(j, (int64_t)gap); break;
    case GAP_BELOW: json_int(j, -(int64_t)gap); break;
    case GAP_NONE: case GAP_UNLIMITED: json_null(j); break;
    }
}

void memlock_write_json(struct json *j, const struct memlock_result *r)
{
    json_begin_object(j);
    json_key_lit(j, "limit_bytes");
    json_limit(j, r->kind, r->limit_bytes);
    json_key_lit(j, "limit_kib");
    json_limit(j, r->kind, r->limit_kib);
    json_key_lit(j, "kind");
    json_string_static(j, memlock_kind_id(r->kind));
    json_key_lit(j, "rule");
    json_string_static(j, memlock_rule_id(r->rule));
    json_key_lit(j, "profile");
    json_string_static(j, r->profile->id);
    json_key_lit(j, "profile_label");
    json_string_static(j, r->profile->label);
    json_key_lit(j, "profile_step");
    json_begin_object(j);
    profile_write_json_fields(j, r->profile);
    json_end_object(j);
    json_key_lit(j, "libvirt_release");
    json_string(j, r->release[0] ? r->release : NULL);
    json_key_lit(j, "libvirt_release_source");
    json_string(j, r->release_source);
    json_key_lit(j, "memory_kib");
    json_uint(j, r->memory_kib);
    json_key_lit(j, "max_memory_kib");
    json_uint(j, r->max_memory_kib);
    json_key_lit(j, "uses_vfio");
    json_bool(j, r->uses_vfio);
    json_key_lit(j, "nvlink2");
    json_bool(j, r->nvlink2);

    json_key_lit(j, "phbs");
    json_begin_object(j);
    json_key_lit(j, "count");
    json_uint(j, r->nphbs);
    json_key_lit(j, "list");
    json_begin_array(j);
    for (size_t i = 0; i < r->nphbs; i++) {
        const struct phb_info *p = &r->phbs[i];
        json_begin_object(j);
        json_key_lit(j, "index");
        json_uint(j, p->index);
        json_key_lit(j, "origin");
        json_string_static(j, phb_origin_id(p->origin));
        json_key_lit(j, "implicit");
        json_bool(j, p->origin == PHB_DEFAULT_IMPLICIT || p->origin == PHB_ADDED_ISOLATION);
        json_key_lit(j, "isolation_group");
        if (p->isolation_group < 0 || p->isolation_group >= PHB_GROUP_UNKNOWN_BASE)
            json_null(j);
        else
            json_int(j, p->isolation_group);
        json_key_lit(j, "hostdevs");
        json_uint(j, p->nhostdevs);
        json_key_lit(j, "why");
        json_string(j, p->why.c);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);

    json_key_lit(j, "terms");
    json_terms(j, r->terms, r->nterms);
    memlock_write_json_computed(j, r);

    json_key_lit(j, "warnings");
    json_begin_array(j);
    for (size_t i = 0; i < r->warnings.n; i++)
        json_string(j, r->warnings.items[i].c);
    json_end_array(j);
    json_end_object(j);
}
