/* Capacity of a fleet (capacity_fleet.h). */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "capacity_fleet.h"
#include "check.h"
#include "i18n.h"
#include "size.h"
#include "text_safe.h"
#include "text_width.h"
#include "xalloc.h"

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Distinct host IOMMU groups the guests' PCI hostdevs are in. */
static size_t claimed_groups(const struct report *rep)
{
    size_t n = 0, cap = 0;
    int *groups = NULL;
    for (size_t i = 0; i < rep->n; i++) {
        const struct guest *g = rep->guests[i].guest;
        for (size_t k = 0; k < g->nhostdevs; k++) {
            if (g->hostdevs[k].kind != GUEST_HOSTDEV_PCI)
                continue;
            const struct host_device *d = host_find(rep->host, &g->hostdevs[k].host);
            if (!d || d->iommu_group == HOST_UNKNOWN)
                continue;
            XGROW(groups, cap, n + 1);
            groups[n++] = d->iommu_group;
        }
    }
    if (n)
        qsort(groups, n, sizeof(*groups), cmp_int);
    size_t distinct = 0;
    for (size_t i = 0; i < n; i++)
        distinct += !i || groups[i] != groups[i - 1];
    free(groups);
    return distinct;
}

/* Not even one guest of this shape fits: the host cannot run it. */
static bool blocked(const struct capacity *c)
{
    return c->known && c->fits == 0;
}

static const char *const blocked_fmt = N_("%s: not even one fits on this host: %s");

/* The guest `i` cannot run on the host at all: say why, in both languages. */
static void add_blocked(struct capacity_fleet *f, size_t i)
{
    const struct capacity *c = &f->each[i];
    const struct msg *why = &c->resources[c->limiting].label;
    char buf[64];
    const char *name = report_guest_name(&f->rep->guests[i], buf, sizeof(buf));
    XGROW(f->blocked_guest, f->blocked_cap, f->blocked.n + 1);
    f->blocked_guest[f->blocked.n] = i;
    msg_list_add_msg(&f->blocked, (struct msg){ xasprintf(blocked_fmt, name, why->c),
                                                xasprintf(_(blocked_fmt), name, why->local) });
}

void capacity_fleet_compute(const struct report *rep, struct capacity_fleet *out)
{
    memset(out, 0, sizeof(*out));
    out->rep = rep;
    out->each = xcalloc(rep->n ? rep->n : 1, sizeof(*out->each));
    for (size_t i = 0; i < rep->n; i++) {
        const struct report_guest *rg = &rep->guests[i];
        capacity_compute_on(rg->guest, &rep->caps, &rg->result, &out->each[i]);
        if (blocked(&out->each[i]))
            add_blocked(out, i);
        if (check_pins_memory(rg->guest, &rg->result)) {
            out->npinned++;
            out->pinned_overflow |= !size_add(out->pinned_kib, rg->result.memory_kib,
                                              &out->pinned_kib);
        }
    }
    const struct host *h = rep->host;
    out->groups_total = rep->caps.n;
    out->groups_known = h && h->ndevices && rep->caps.n;
    if (out->groups_known)
        out->groups_claimed = claimed_groups(rep);
    out->nreasons = out->blocked.n + rep->fleet.checks.n;
}

void capacity_fleet_free(struct capacity_fleet *f)
{
    for (size_t i = 0; f->each && i < f->rep->n; i++)
        capacity_free(&f->each[i]);
    free(f->each);
    msg_list_free(&f->blocked);
    free(f->blocked_guest);
    memset(f, 0, sizeof(*f));
}

/* Whether the answer is known: some guest could be counted, or the guests
 * conflict whatever the host. */
static bool verdict_known(const struct capacity_fleet *f)
{
    if (f->rep->fleet.checks.n)
        return true;
    for (size_t i = 0; i < f->rep->n; i++)
        if (f->each[i].known)
            return true;
    return false;
}

static const char *guest_name(const struct capacity_fleet *f, size_t i, char *buf, size_t len)
{
    return report_guest_name(&f->rep->guests[i], buf, len);
}

static void print_reason(FILE *out, const char *prefix, const char *text)
{
    fputs(prefix, out);
    report_put_safe(out, text);
    fputc('\n', out);
}

void capacity_fleet_print_reasons(FILE *out, const struct capacity_fleet *f)
{
    for (size_t i = 0; i < f->blocked.n; i++)
        print_reason(out, "memlock-planner: ", f->blocked.items[i].local);
    for (size_t i = 0; i < f->rep->fleet.checks.n; i++)
        print_reason(out, "memlock-planner: ", f->rep->fleet.checks.items[i].text.local);
}

static void print_together(FILE *out, const struct capacity_fleet *f)
{
    const struct report *rep = f->rep;
    const struct host *h = rep->host;
    char a[32], b[32];
    fputs(_("Together:\n"), out);
    if (h && h->memory_known) {
        size_format_kib(h->memory_kib, a, sizeof(a));
        size_format_kib(f->pinned_kib, b, sizeof(b));
        fprintf(out, _("  Host RAM %s: "), a);
        fprintf(out, P_("%zu guest pins its memory (VFIO, vDPA or <locked/>): %s",
                        "%zu guests pin their memory (VFIO, vDPA or <locked/>): %s",
                        (unsigned long)f->npinned),
                f->npinned, f->pinned_overflow ? "?" : b);
        if (!f->pinned_overflow && f->pinned_kib <= h->memory_kib) {
            size_format_kib(h->memory_kib - f->pinned_kib, b, sizeof(b));
            fprintf(out, _(", %s left"), b);
        } else {
            fputs(_(", more than the host has"), out);
        }
        fputc('\n', out);
    } else {
        fputs(_("  Host RAM: unknown\n"), out);
    }
    size_format_kib(rep->fleet.limit_kib, a, sizeof(a));
    fprintf(out, _("  Limits added up: %s"), rep->fleet.limit_overflow ? "?" : a);
    int pct = report_fleet_percent(rep);
    if (pct >= 0)
        fprintf(out, _(" (%d%% of host RAM)"), pct);
    if (rep->fleet.nunlimited)
        fprintf(out, P_(", and %zu guest without a limit", ", and %zu guests without a limit",
                        (unsigned long)rep->fleet.nunlimited),
                rep->fleet.nunlimited);
    fputc('\n', out);
    if (pct > 100)
        fputs(_("    (what the kernel would let them lock at most; only the pinned memory above "
                "must fit)\n"), out);
    if (f->groups_known)
        fprintf(out, _("  IOMMU groups: %zu of %zu claimed, %zu left\n"), f->groups_claimed, f->groups_total, f->groups_total - f->groups_claimed);
    else
        fputs(_("  IOMMU groups: unknown\n"), out);
}

static void print_each(FILE *out, const struct capacity_fleet *f)
{
    fputs(_("Each guest alone on this host:\n"), out);
    char name[64], fits[24];
    for (size_t i = 0; i < f->rep->n; i++) {
        const struct capacity *c = &f->each[i];
        char *safe = text_safe_dup(guest_name(f, i, name, sizeof(name)));
        fputs("  ", out);
        fput_ljust(out, safe, 24);
        free(safe);
        if (!c->known) {
            fprintf(out, " %s\n", _("unknown (no host facts to count)"));
            continue;
        }
        snprintf(fits, sizeof(fits), "%" PRIu64, c->fits);
        fputc(' ', out);
        fput_rjust(out, fits, 6);
        fprintf(out, "  %s\n", c->resources[c->limiting].label.local);
    }
}

void capacity_fleet_print_text(FILE *out, const struct capacity_fleet *f)
{
    const struct report *rep = f->rep;
    if (!verdict_known(f))
        fprintf(out, P_("Capacity of this %zu guest together: unknown (no host facts to count).\n",
                        "Capacity of these %zu guests together: unknown (no host facts to "
                        "count).\n", (unsigned long)rep->n),
                rep->n);
    else if (!f->nreasons)
        fprintf(out, P_("Capacity: this %zu guest can run on this host.\n",
                        "Capacity: these %zu guests can all run at once on this host.\n",
                        (unsigned long)rep->n),
                rep->n);
    else
        fprintf(out, P_("Capacity: these %zu guests cannot all run at once on this host (%zu "
                        "reason):\n",
                        "Capacity: these %zu guests cannot all run at once on this host (%zu "
                        "reasons):\n", (unsigned long)f->nreasons),
                rep->n, f->nreasons);
    for (size_t i = 0; i < f->blocked.n; i++)
        print_reason(out, "  ! ", f->blocked.items[i].local);
    for (size_t i = 0; i < rep->fleet.checks.n; i++)
        print_reason(out, "  ! ", rep->fleet.checks.items[i].text.local);
    print_together(out, f);
    print_each(out, f);
}

void capacity_fleet_write_json(struct json *j, const struct capacity_fleet *f)
{
    const struct report *rep = f->rep;
    const struct host *h = rep->host;
    json_begin_object(j);
    json_key_lit(j, "guests");
    json_uint(j, rep->n);
    json_key_lit(j, "together");
    if (verdict_known(f))
        json_bool(j, !f->nreasons);
    else
        json_null(j);
    json_key_lit(j, "blocked");
    json_begin_array(j);
    for (size_t i = 0; i < f->blocked.n; i++) {
        json_begin_object(j);
        json_key_lit(j, "guest");
        json_uint(j, f->blocked_guest[i]);
        json_key_lit(j, "text");
        json_string(j, f->blocked.items[i].c);
        json_end_object(j);
    }
    json_end_array(j);
    json_key_lit(j, "checks");
    json_begin_array(j);
    for (size_t i = 0; i < rep->fleet.checks.n; i++)
        check_reason_write_json(j, &rep->fleet.checks.items[i]);
    json_end_array(j);
    json_key_lit(j, "host_memory_kib");
    json_uint_or_null(j, h && h->memory_known, h ? h->memory_kib : 0);
    json_key_lit(j, "pinned_guests");
    json_uint(j, f->npinned);
    json_key_lit(j, "pinned_memory_kib");
    json_uint_or_null(j, !f->pinned_overflow, f->pinned_kib);
    json_key_lit(j, "limit_kib_total");
    json_uint_or_null(j, !rep->fleet.limit_overflow, rep->fleet.limit_kib);
    json_key_lit(j, "unlimited");
    json_uint(j, rep->fleet.nunlimited);
    json_key_lit(j, "percent_of_host_ram");
    int pct = report_fleet_percent(rep);
    json_uint_or_null(j, pct >= 0, (uint64_t)pct);
    json_key_lit(j, "iommu_groups_claimed");
    json_uint_or_null(j, f->groups_known, f->groups_claimed);
    json_key_lit(j, "iommu_groups_total");
    json_uint_or_null(j, f->groups_known, f->groups_total);
    json_key_lit(j, "each");
    json_begin_array(j);
    char name[64];
    for (size_t i = 0; i < rep->n; i++) {
        json_begin_object(j);
        json_key_lit(j, "name");
        json_string(j, guest_name(f, i, name, sizeof(name)));
        json_key_lit(j, "source");
        json_string(j, rep->guests[i].source);
        json_key_lit(j, "capacity");
        capacity_write_json(j, &f->each[i]);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}
