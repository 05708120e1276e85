/* Two definitions of a guest: the limits term by term and what caused each
 * change. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "limit_diff.h"
#include "memlock_output.h"
#include "profile_compare.h"
#include "size.h"
#include "text_width.h"
#include "xalloc.h"

#define DIFF_ALL (DIFF_MEMORY | DIFF_MAXMEM | DIFF_PHBS | DIFF_DEVICES | DIFF_RULE | DIFF_PROFILE)

/* What each term of core/memlock.c depends on besides the profile. */
static unsigned term_inputs(const char *id)
{
    static const struct { const char *id; unsigned in; } map[] = {
        { "hpt", DIFF_MAXMEM },       { "dma32", DIFF_PHBS },
        { "tce_index", 0 },           { "nv2_ram", DIFF_MAXMEM },
        { "nv2_dma64", DIFF_PHBS },   { "ddw_overhead", 0 },
        { "pre_ddw", DIFF_PHBS },     { "ram", DIFF_MEMORY | DIFF_DEVICES },
        { "dma64", DIFF_MEMORY | DIFF_PHBS }, { "io_space", 0 },
        { "hard_limit", DIFF_RULE },
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (!strcmp(map[i].id, id))
            return map[i].in;
    return DIFF_ALL;
}

static void cause(struct limit_diff *d, const char *id, unsigned affects, struct msg text)
{
    XGROW(d->causes, d->causes_cap, d->ncauses + 1);
    d->causes[d->ncauses++] = (struct diff_cause){ id, affects, text };
}

static const char *kib_text(uint64_t kib, char *buf, size_t len)
{
    size_format_kib(kib, buf, len);
    return buf;
}

static bool has_hostdev(const struct guest *g, const struct guest_hostdev *hd)
{
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *o = &g->hostdevs[i];
        if (o->kind != hd->kind)
            continue;
        if (hd->kind == GUEST_HOSTDEV_PCI ? !pci_addr_cmp(&o->host, &hd->host)
                                          : (o->mdev_uuid && hd->mdev_uuid &&
                                             !strcmp(o->mdev_uuid, hd->mdev_uuid)))
            return true;
    }
    return false;
}

/* Hostdevs of `a` that `b` lacks: "added" (a = new) or "removed" (a = old). */
static void hostdev_causes(struct limit_diff *d, const struct guest *a, const struct guest *b,
                           const struct host *h, const struct profile *p, bool added)
{
    for (size_t i = 0; i < a->nhostdevs; i++) {
        const struct guest_hostdev *hd = &a->hostdevs[i];
        if (has_hostdev(b, hd))
            continue;
        char addr[PCI_ADDR_STRLEN];
        const char *what = hd->mdev_uuid ? hd->mdev_uuid : "?";
        bool nv2 = false;
        if (hd->kind == GUEST_HOSTDEV_PCI) {
            pci_addr_format(&hd->host, addr);
            what = addr;
            const struct host_device *dev = host_find(h, &hd->host);
            nv2 = dev && host_device_is_nv2_bridge(dev, p->nv2_files);
        }
        struct msg m;
        if (added)
            m = nv2 ? msg_format(N_("hostdev %s added (an NVLink2 bridge)"), what)
                    : msg_format(N_("hostdev %s added"), what);
        else
            m = nv2 ? msg_format(N_("hostdev %s removed (an NVLink2 bridge)"), what)
                    : msg_format(N_("hostdev %s removed"), what);
        cause(d, added ? "hostdev_added" : "hostdev_removed", DIFF_DEVICES, m);
    }
}

/* `fmt` with a PHB's index and its why, in English and translated. */
static struct msg phb_msg(const char *fmt, const struct phb_info *p)
{
    return (struct msg){ xasprintf(fmt, p->index, p->why.c ? p->why.c : ""),
                         xasprintf(_(fmt), p->index, p->why.local ? p->why.local : "") };
}

static const struct phb_info *find_phb(const struct memlock_result *r, unsigned index)
{
    for (size_t i = 0; i < r->nphbs; i++)
        if (r->phbs[i].index == index)
            return &r->phbs[i];
    return NULL;
}

static void phb_causes(struct limit_diff *d)
{
    for (size_t i = 0; i < d->new.nphbs; i++) {
        const struct phb_info *p = &d->new.phbs[i];
        if (!find_phb(&d->old, p->index))
            cause(d, "phb_added", DIFF_PHBS,
                  phb_msg(p->origin == PHB_ADDED_ISOLATION ? N_("PHB %u added: libvirt adds it (%s)")
                                                           : N_("PHB %u added (%s)"), p));
    }
    for (size_t i = 0; i < d->old.nphbs; i++) {
        const struct phb_info *p = &d->old.phbs[i];
        if (!find_phb(&d->new, p->index))
            cause(d, "phb_removed", DIFF_PHBS, phb_msg(N_("PHB %u removed (%s)"), p));
    }
}

static void count_cause(struct limit_diff *d, const char *id, const char *fmt, size_t a, size_t b)
{
    if (a != b)
        cause(d, id, DIFF_DEVICES, msg_format(fmt, a, b));
}

static bool str_differs(const char *a, const char *b)
{
    return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

static void collect_causes(struct limit_diff *d, const struct guest *o, const struct guest *n,
                           const struct host *h)
{
    char a[32], b[32];
    const struct profile *op = d->old.profile, *np = d->new.profile;
    if (op != np)
        cause(d, "profile", DIFF_ALL,
              msg_format(N_("libvirt profile %s -> %s"), op->id, np->id));
    if (o->virt != n->virt || str_differs(o->arch, n->arch) || str_differs(o->machine, n->machine))
        cause(d, "machine", DIFF_ALL,
              msg_format(N_("domain type, arch or machine %s %s %s -> %s %s %s"),
                         o->virt_name ? o->virt_name : "?", o->arch ? o->arch : "?",
                         o->machine ? o->machine : "?", n->virt_name ? n->virt_name : "?",
                         n->arch ? n->arch : "?", n->machine ? n->machine : "?"));
    if (o->has_hard_limit != n->has_hard_limit || o->hard_limit_kib != n->hard_limit_kib) {
        if (!o->has_hard_limit)
            cause(d, "hard_limit", DIFF_RULE, msg_format(N_("hard_limit %s added"),
                                                         kib_text(n->hard_limit_kib, b, sizeof(b))));
        else if (!n->has_hard_limit)
            cause(d, "hard_limit", DIFF_RULE, msg_format(N_("hard_limit %s removed"),
                                                         kib_text(o->hard_limit_kib, a, sizeof(a))));
        else
            cause(d, "hard_limit", DIFF_RULE,
                  msg_format(N_("hard_limit %s -> %s"), kib_text(o->hard_limit_kib, a, sizeof(a)),
                             kib_text(n->hard_limit_kib, b, sizeof(b))));
    }
    if (o->locked != n->locked)
        cause(d, "locked", DIFF_RULE, n->locked ? msg_format(N_("<locked/> added"))
                                                : msg_format(N_("<locked/> removed")));
    bool implicit_max = !o->max_memory_kib && !n->max_memory_kib;
    if (d->old.memory_kib != d->new.memory_kib)
        cause(d, "memory", DIFF_MEMORY | (implicit_max ? DIFF_MAXMEM : 0),
              msg_format(N_("memory %s -> %s (after libvirt's alignment)"),
                         kib_text(d->old.memory_kib, a, sizeof(a)),
                         kib_text(d->new.memory_kib, b, sizeof(b))));
    if (!implicit_max && d->old.max_memory_kib != d->new.max_memory_kib)
        cause(d, "max_memory", DIFF_MAXMEM,
              msg_format(N_("max memory %s -> %s"), kib_text(d->old.max_memory_kib, a, sizeof(a)),
                         kib_text(d->new.max_memory_kib, b, sizeof(b))));
    hostdev_causes(d, n, o, h, np, true);
    hostdev_causes(d, o, n, h, op, false);
    count_cause(d, "nvme_disks", N_("NVMe disks %zu -> %zu"), o->nvme_disks, n->nvme_disks);
    count_cause(d, "vdpa_interfaces", N_("vDPA interfaces %zu -> %zu"), o->vdpa_interfaces,
                n->vdpa_interfaces);
    if (o->has_iommu != n->has_iommu)
        cause(d, "viommu", DIFF_DEVICES, n->has_iommu ? msg_format(N_("vIOMMU added"))
                                                      : msg_format(N_("vIOMMU removed")));
    phb_causes(d);
}

static const struct memlock_term *need_terms(const struct memlock_result *r, size_t *n)
{
    if (r->has_computed) {
        *n = r->ncomputed_terms;
        return r->computed_terms;
    }
    *n = r->nterms;
    return r->terms;
}

static struct diff_term *find_term(struct limit_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nterms; i++)
        if (!strcmp(d->terms[i].id, id))
            return &d->terms[i];
    return NULL;
}

static void add_terms(struct limit_diff *d, const struct memlock_result *r, bool is_new)
{
    size_t n;
    const struct memlock_term *t = need_terms(r, &n);
    for (size_t i = 0; i < n; i++) {
        struct diff_term *row = find_term(d, t[i].id);
        if (!row) {
            XGROW(d->terms, d->terms_cap, d->nterms + 1);
            row = &d->terms[d->nterms++];
            memset(row, 0, sizeof(*row));
            row->id = t[i].id;
            row->label = t[i].label;
        }
        if (is_new) {
            row->in_new = true;
            row->new_kib = t[i].kib;
        } else {
            row->in_old = true;
            row->old_kib = t[i].kib;
        }
    }
}

static void attribute(struct limit_diff *d)
{
    for (size_t i = 0; i < d->nterms; i++) {
        struct diff_term *row = &d->terms[i];
        row->changed = row->in_old != row->in_new || row->old_kib != row->new_kib;
        if (!row->changed)
            continue;
        unsigned mask = row->in_old != row->in_new ? DIFF_ALL : term_inputs(row->id) | DIFF_PROFILE;
        row->causes = xreallocarray(NULL, d->ncauses ? d->ncauses : 1, sizeof(*row->causes));
        for (size_t c = 0; c < d->ncauses; c++)
            if (d->causes[c].affects & mask)
                row->causes[row->ncauses++] = c;
    }
}

/* The calculation's message (it speaks of sizes only), led by the file. */
static int name_failure(struct mp_error *err, const char *path)
{
    if (err) {
        char text[sizeof(err->text)];
        snprintf(text, sizeof(text), "%s", err->text);
        mp_error_set(err, err->kind, "%s: %s", path, text);
    }
    return -1;
}

int limit_diff_run(const struct guest *old_g, const struct profile *old_p,
                   const struct guest *new_g, const struct profile *new_p,
                   const struct host *h, const char *const paths[2], struct limit_diff *out,
                   struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    if (memlock_compute(old_g, h, old_p, &out->old, err) < 0)
        return name_failure(err, paths[0]);
    if (memlock_compute(new_g, h, new_p, &out->new, err) < 0) {
        memlock_result_free(&out->old);
        return name_failure(err, paths[1]);
    }
    collect_causes(out, old_g, new_g, h);
    add_terms(out, &out->old, false);
    add_terms(out, &out->new, true);
    attribute(out);
    return 0;
}

void limit_diff_free(struct limit_diff *d)
{
    memlock_result_free(&d->old);
    memlock_result_free(&d->new);
    for (size_t i = 0; i < d->nterms; i++)
        free(d->terms[i].causes);
    free(d->terms);
    for (size_t i = 0; i < d->ncauses; i++)
        msg_free(&d->causes[i].text);
    free(d->causes);
    memset(d, 0, sizeof(*d));
}

static bool limits_equal(const struct memlock_result *a, const struct memlock_result *b)
{
    return a->kind == b->kind && a->limit_kib == b->limit_kib && a->rule == b->rule;
}

bool limit_diff_same(const struct limit_diff *d)
{
    if (!limits_equal(&d->old, &d->new) || d->ncauses)
        return false;
    for (size_t i = 0; i < d->nterms; i++)
        if (d->terms[i].changed)
            return false;
    return true;
}

/* "+4 MiB", "-1 GiB", "=" */
static void delta_text(uint64_t from, uint64_t to, char *buf, size_t len)
{
    char s[32];
    if (from == to) {
        snprintf(buf, len, "=");
        return;
    }
    size_format_kib(to > from ? to - from : from - to, s, sizeof(s));
    snprintf(buf, len, "%c%s", to > from ? '+' : '-', s);
}

/* " old new change" right-aligned by terminal width (translated headings may
 * hold non-ASCII letters); no third column when `c` is NULL. */
static void columns(FILE *out, const char *a, const char *b, const char *c)
{
    fputc(' ', out);
    fput_rjust(out, a, 12);
    fputc(' ', out);
    fput_rjust(out, b, 12);
    if (c) {
        fputc(' ', out);
        fput_rjust(out, c, 12);
    }
    fputc('\n', out);
}

void limit_diff_print_text(FILE *out, const struct limit_diff *d)
{
    char a[40], b[40], c[40];
    profile_compare_format_limit(&d->old, a, sizeof(a));
    profile_compare_format_limit(&d->new, b, sizeof(b));
    if (d->old.kind != MEMLOCK_UNLIMITED && d->new.kind != MEMLOCK_UNLIMITED)
        delta_text(d->old.limit_kib, d->new.limit_kib, c, sizeof(c));
    else
        snprintf(c, sizeof(c), "%s", limits_equal(&d->old, &d->new) ? "=" : "");
    fprintf(out, _("Limit: %s (%s) -> %s (%s)  %s\n"), a, memlock_rule_id(d->old.rule), b,
            memlock_rule_id(d->new.rule), c);
    /* Under hard_limit or locked the limit moves with them, not with the terms. */
    bool tuned = d->old.rule == RULE_HARD_LIMIT || d->old.rule == RULE_LOCKED ||
                 d->new.rule == RULE_HARD_LIMIT || d->new.rule == RULE_LOCKED;
    for (size_t k = 0; tuned && !limits_equal(&d->old, &d->new) && k < d->ncauses; k++)
        if (d->causes[k].affects & DIFF_RULE)
            fprintf(out, _("      because: %s\n"), d->causes[k].text.local);
    uint64_t on = memlock_need_kib(&d->old), nn = memlock_need_kib(&d->new);
    delta_text(on, nn, c, sizeof(c));
    fprintf(out, _("Need (what the terms give): %s -> %s  %s\n"), kib_text(on, a, sizeof(a)),
            kib_text(nn, b, sizeof(b)), c);
    if (d->nterms) {
        fputs("  ", out);
        fput_ljust(out, _("Term"), 28);
        columns(out, _("old"), _("new"), _("change"));
    }
    for (size_t i = 0; i < d->nterms; i++) {
        const struct diff_term *t = &d->terms[i];
        if (t->in_old)
            size_format_kib(t->old_kib, a, sizeof(a));
        else
            snprintf(a, sizeof(a), "-");
        if (t->in_new)
            size_format_kib(t->new_kib, b, sizeof(b));
        else
            snprintf(b, sizeof(b), "-");
        delta_text(t->old_kib, t->new_kib, c, sizeof(c));
        fprintf(out, "%c ", t->changed ? '*' : ' ');
        fput_ljust(out, _(t->label), 28);
        columns(out, a, b, t->changed ? c : NULL);
        for (size_t k = 0; k < t->ncauses; k++)
            fprintf(out, _("      because: %s\n"), d->causes[t->causes[k]].text.local);
    }
    if (d->ncauses) {
        fputs(_("What changed (definitions, profile):\n"), out);
        for (size_t i = 0; i < d->ncauses; i++)
            fprintf(out, "  - %s\n", d->causes[i].text.local);
    } else if (limit_diff_same(d)) {
        fputs(_("No difference in the limits or in what they depend on.\n"), out);
    }
}

static void side_json(struct json *j, const char *key, const struct memlock_result *r)
{
    json_key(j, key);
    json_begin_object(j);
    json_key_lit(j, "profile");
    json_string(j, r->profile->id);
    json_key_lit(j, "rule");
    json_string(j, memlock_rule_id(r->rule));
    json_key_lit(j, "kind");
    json_string(j, memlock_kind_id(r->kind));
    json_key_lit(j, "limit_kib");
    if (r->kind == MEMLOCK_UNLIMITED)
        json_null(j);
    else
        json_uint(j, r->limit_kib);
    json_key_lit(j, "need_kib");
    json_uint(j, memlock_need_kib(r));
    json_key_lit(j, "memory_kib");
    json_uint(j, r->memory_kib);
    json_key_lit(j, "max_memory_kib");
    json_uint(j, r->max_memory_kib);
    json_key_lit(j, "phbs");
    json_uint(j, r->nphbs);
    json_end_object(j);
}

static void json_delta(struct json *j, uint64_t from, uint64_t to)
{
    /* Both fit in 54 bits: memlock_compute checked them. */
    json_int(j, (int64_t)to - (int64_t)from);
}

void limit_diff_write_json(struct json *j, const struct limit_diff *d)
{
    static const char *const inputs[] = { "memory", "max_memory", "phbs", "devices", "rule",
                                          "profile" };
    json_begin_object(j);
    side_json(j, "old", &d->old);
    side_json(j, "new", &d->new);
    json_key_lit(j, "limit_difference_kib");
    if (d->old.kind == MEMLOCK_UNLIMITED || d->new.kind == MEMLOCK_UNLIMITED)
        json_null(j);
    else
        json_delta(j, d->old.limit_kib, d->new.limit_kib);
    json_key_lit(j, "need_difference_kib");
    json_delta(j, memlock_need_kib(&d->old), memlock_need_kib(&d->new));
    json_key_lit(j, "same");
    json_bool(j, limit_diff_same(d));
    json_key_lit(j, "terms");
    json_begin_array(j);
    for (size_t i = 0; i < d->nterms; i++) {
        const struct diff_term *t = &d->terms[i];
        json_begin_object(j);
        json_key_lit(j, "id");
        json_string(j, t->id);
        json_key_lit(j, "label");
        json_string(j, t->label);
        json_key_lit(j, "old_kib");
        if (t->in_old)
            json_uint(j, t->old_kib);
        else
            json_null(j);
        json_key_lit(j, "new_kib");
        if (t->in_new)
            json_uint(j, t->new_kib);
        else
            json_null(j);
        json_key_lit(j, "difference_kib");
        json_delta(j, t->old_kib, t->new_kib);
        json_key_lit(j, "changed");
        json_bool(j, t->changed);
        json_key_lit(j, "causes");
        json_begin_array(j);
        for (size_t k = 0; k < t->ncauses; k++)
            json_uint(j, t->causes[k]);
        json_end_array(j);
        json_end_object(j);
    }
    json_end_array(j);
    json_key_lit(j, "causes");
    json_begin_array(j);
    for (size_t i = 0; i < d->ncauses; i++) {
        const struct diff_cause *c = &d->causes[i];
        json_begin_object(j);
        json_key_lit(j, "id");
        json_string(j, c->id);
        json_key_lit(j, "affects");
        json_begin_array(j);
        for (size_t b = 0; b < sizeof(inputs) / sizeof(inputs[0]); b++)
            if (c->affects & (1u << b))
                json_string(j, inputs[b]);
        json_end_array(j);
        json_key_lit(j, "text");
        json_string(j, c->text.c);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}
