#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "i18n.h"
#include "size.h"
#include "xalloc.h"
#include "text_width.h"

static struct capacity_resource *add_resource(struct capacity *c, char *id, struct msg label,
                                              uint64_t available, uint64_t per_guest)
{
    c->resources = xreallocarray(c->resources, c->n + 1, sizeof(*c->resources));
    struct capacity_resource *res = &c->resources[c->n++];
    *res = (struct capacity_resource){ id, label, available, per_guest,
                                       per_guest ? available / per_guest : UINT64_MAX, false };
    return res;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "1014:04ea x6 + 10de:1db1 x2": the models in a group, counted, sorted. */
static char *group_signature(const struct host *h, int group)
{
    size_t n;
    size_t *members = host_group_members(h, group, &n);
    char **ids = xcalloc(n ? n : 1, sizeof(*ids));
    for (size_t i = 0; i < n; i++) {
        const struct host_device *d = &h->devices[members[i]];
        ids[i] = d->ids_known ? xasprintf("%04x:%04x", d->vendor, d->device) : xstrdup("?");
    }
    qsort(ids, n, sizeof(*ids), cmp_str);
    char *sig = xstrdup("");
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && !strcmp(ids[j], ids[i]))
            j++;
        char *next = xasprintf("%s%s%s x%zu", sig, *sig ? " + " : "", ids[i], j - i);
        free(sig);
        sig = next;
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    free(members);
    return sig;
}

static void add_blocker(struct capacity *c, char *id, struct msg label)
{
    add_resource(c, id, label, 0, 1)->blocker = true;
}

/* x86_64 runs i686 guests and ppc64le runs big-endian ppc64 ones under KVM. */
static const char *arch_family(const char *arch)
{
    if (!strcmp(arch, "x86_64") || !strcmp(arch, "i686") || !strcmp(arch, "i386"))
        return "x86";
    if (!strncmp(arch, "ppc64", 5))
        return "ppc64";
    return arch;
}

/* What stops the guest from starting on this host at all. */
static void add_blockers(struct capacity *c, const struct guest *g, const struct host *h)
{
    if (g->virt != GUEST_VIRT_KVM)
        return;
    if (h->has_kvm == 0)
        add_blocker(c, xstrdup("kvm"),
                    msg_format(N_("/dev/kvm (absent: a kvm guest cannot start)")));
    if (h->arch && g->arch && strcmp(arch_family(h->arch), arch_family(g->arch)))
        add_blocker(c, xstrdup("arch"),
                    msg_format(N_("the host's architecture (%s; KVM runs no %s guest)"), h->arch,
                               g->arch));
}

/* Distinct IOMMU groups the guest's PCI hostdevs touch. Caller frees. */
static int *guest_groups(const struct guest *g, const struct host *h, size_t *n,
                         struct capacity *c)
{
    struct msg_list *notes = &c->notes;
    int *groups = xcalloc(g->nhostdevs ? g->nhostdevs : 1, sizeof(*groups));
    *n = 0;
    bool mdev_noted = false;
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *hd = &g->hostdevs[i];
        if (hd->kind != GUEST_HOSTDEV_PCI) {
            if (!mdev_noted)
                msg_list_add(notes, N_("mediated devices are not counted: their capacity depends on "
                                   "the parent device's driver"));
            mdev_noted = true;
            continue;
        }
        const struct host_device *d = host_find(h, &hd->host);
        char addr[PCI_ADDR_STRLEN];
        pci_addr_format(&hd->host, addr);
        if (!h->ndevices) {
            /* No PCI facts at all ("none", an empty snapshot): unknown, not absent. */
            msg_list_add(notes, N_("%s: the host's devices are unknown; not counted"), addr);
            continue;
        }
        if (!d) {
            add_blocker(c, xasprintf("hostdev:%s", addr),
                        msg_format(N_("hostdev %s (not on this host)"), addr));
            continue;
        }
        if (d->iommu_group == HOST_UNKNOWN) {
            add_blocker(c, xasprintf("iommu_group:%s", addr),
                        msg_format(N_("hostdev %s (in no IOMMU group: VFIO cannot assign it)"),
                                   addr));
            continue;
        }
        bool seen = false;
        for (size_t k = 0; k < *n; k++)
            seen |= groups[k] == d->iommu_group;
        if (!seen)
            groups[(*n)++] = d->iommu_group;
    }
    return groups;
}

/* Every IOMMU group of the host, once. */
static int *host_groups(const struct host *h, size_t *n)
{
    int *groups = xcalloc(h->ndevices ? h->ndevices : 1, sizeof(*groups));
    *n = 0;
    for (size_t i = 0; i < h->ndevices; i++) {
        int grp = h->devices[i].iommu_group;
        if (grp == HOST_UNKNOWN)
            continue;
        bool seen = false;
        for (size_t k = 0; k < *n && !seen; k++)
            seen = groups[k] == grp;
        if (!seen)
            groups[(*n)++] = grp;
    }
    return groups;
}

void capacity_host_init(struct capacity_host *ch, const struct host *h)
{
    memset(ch, 0, sizeof(*ch));
    ch->host = h;
    if (!h)
        return;
    ch->groups = host_groups(h, &ch->n);
    ch->sigs = xcalloc(ch->n ? ch->n : 1, sizeof(*ch->sigs));
    for (size_t i = 0; i < ch->n; i++)
        ch->sigs[i] = group_signature(h, ch->groups[i]);
}

void capacity_host_free(struct capacity_host *ch)
{
    for (size_t i = 0; i < ch->n; i++)
        free(ch->sigs[i]);
    free(ch->sigs);
    free(ch->groups);
    memset(ch, 0, sizeof(*ch));
}

static const char *signature_of(const struct capacity_host *ch, int group)
{
    for (size_t i = 0; i < ch->n; i++)
        if (ch->groups[i] == group)
            return ch->sigs[i];
    return "?";   /* not reached: the guest's groups come from the same host */
}

static void add_group_resources(struct capacity *c, const struct guest *g,
                                const struct capacity_host *ch)
{
    size_t nused;
    int *used = guest_groups(g, ch->host, &nused, c);
    bool *done = xcalloc(nused ? nused : 1, sizeof(*done));
    for (size_t i = 0; i < nused; i++) {
        if (done[i])
            continue;
        const char *sig = signature_of(ch, used[i]);
        uint64_t need = 0, have = 0;
        for (size_t k = i; k < nused; k++)
            if (!strcmp(signature_of(ch, used[k]), sig)) {
                need++;
                done[k] = true;
            }
        for (size_t k = 0; k < ch->n; k++)
            have += !strcmp(ch->sigs[k], sig);
        add_resource(c, xasprintf("groups:%s", sig),
                     msg_format(N_("IOMMU groups like group %d (%s)"), used[i], sig), have, need);
    }
    free(done);
    free(used);
}

int capacity_compute_on(const struct guest *g, const struct capacity_host *ch,
                        const struct memlock_result *r, struct capacity *out)
{
    const struct host *h = ch->host;
    memset(out, 0, sizeof(*out));
    if (!h || !h->memory_known) {
        msg_list_add(&out->notes, N_("host RAM is unknown: RAM is not counted"));
    } else if (r->memory_kib) {
        add_resource(out, xstrdup("ram"), msg_format(N_("Host RAM")), h->memory_kib, r->memory_kib);
        if (r->kind == MEMLOCK_BYTES && r->uses_vfio) {
            out->worst_case_known = true;
            out->fits_at_limit = h->memory_kib / r->limit_kib;
        }
    }
    if (h) {
        add_blockers(out, g, h);
        add_group_resources(out, g, ch);
    }
    else if (g->nhostdevs)
        msg_list_add(&out->notes, N_("no host facts: devices are not counted"));
    for (size_t i = 0; i < out->n; i++) {
        if (!out->known || out->resources[i].fits < out->fits) {
            out->fits = out->resources[i].fits;
            out->limiting = i;
        }
        out->known = true;
    }
    return 0;
}

int capacity_compute(const struct guest *g, const struct host *h, const struct memlock_result *r,
                     struct capacity *out)
{
    struct capacity_host ch;
    capacity_host_init(&ch, h);
    int rc = capacity_compute_on(g, &ch, r, out);
    capacity_host_free(&ch);
    return rc;
}

void capacity_free(struct capacity *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->resources[i].id);
        msg_free(&c->resources[i].label);
    }
    free(c->resources);
    msg_list_free(&c->notes);
    memset(c, 0, sizeof(*c));
}

void capacity_format_amount(const struct capacity_resource *res, uint64_t v, char *buf,
                            size_t len)
{
    if (!strcmp(res->id, "ram"))
        size_format_kib(v, buf, len);
    else
        snprintf(buf, len, "%" PRIu64, v);
}

char *capacity_sentence(const struct capacity *c)
{
    if (!c->known)
        return xstrdup(_("Capacity: unknown (no host facts to count).\n"));
    const struct capacity_resource *lim = &c->resources[c->limiting];
    if (lim->blocker)
        return xasprintf(_("Capacity: 0 guests: this host cannot run this guest: %s.\n"),
                         lim->label.local);
    return xasprintf(P_("Capacity: %" PRIu64 " guest of this shape fits; %s runs out first.\n",
                        "Capacity: %" PRIu64 " guests of this shape fit; %s runs out first.\n",
                        (unsigned long)c->fits),
                     c->fits, lim->label.local);
}

char *capacity_worst_case_text(const struct capacity *c)
{
    return xasprintf(P_("If every guest locked memory up to its limit, %" PRIu64 " guest would fit.",
                        "If every guest locked memory up to its limit, %" PRIu64 " guests would fit.",
                        (unsigned long)c->fits_at_limit),
                     c->fits_at_limit);
}

void capacity_print_text(FILE *out, const struct capacity *c)
{
    char *sentence = capacity_sentence(c);
    fputs(sentence, out);
    free(sentence);
    if (c->known) {
        char have[32], need[32];
        /* The labels' column as wide as the widest (a group's label is long). */
        size_t label_w = 0;
        for (size_t i = 0; i < c->n; i++) {
            size_t w = text_width(c->resources[i].label.local);
            label_w = w > label_w ? w : label_w;
        }
        for (size_t i = 0; i < c->n; i++) {
            const struct capacity_resource *res = &c->resources[i];
            capacity_format_amount(res, res->available, have, sizeof(have));
            capacity_format_amount(res, res->per_guest, need, sizeof(need));
            fprintf(out, "  %c ", i == c->limiting || res->blocker ? '>' : ' ');
            fput_ljust(out, res->label.local, label_w);
            fprintf(out, _(" %10s available, %10s per guest: %" PRIu64 "\n"), have, need, res->fits);
        }
    }
    if (c->worst_case_known) {
        char *s = capacity_worst_case_text(c);
        fprintf(out, "%s\n", s);
        free(s);
    }
    for (size_t i = 0; i < c->notes.n; i++)
        fprintf(out, "  - %s\n", c->notes.items[i].local);
}

void capacity_write_json(struct json *j, const struct capacity *c)
{
    json_begin_object(j);
    json_key_lit(j, "fits");
    if (c->known)
        json_uint(j, c->fits);
    else
        json_null(j);
    json_key_lit(j, "limited_by");
    json_string(j, c->known ? c->resources[c->limiting].id : NULL);
    json_key_lit(j, "blocked_by");
    json_begin_array(j);
    for (size_t i = 0; i < c->n; i++)
        if (c->resources[i].blocker)
            json_string(j, c->resources[i].label.c);
    json_end_array(j);
    json_key_lit(j, "fits_at_limit");
    if (c->worst_case_known)
        json_uint(j, c->fits_at_limit);
    else
        json_null(j);
    json_key_lit(j, "resources");
    json_begin_array(j);
    for (size_t i = 0; i < c->n; i++) {
        const struct capacity_resource *res = &c->resources[i];
        json_begin_object(j);
        json_key_lit(j, "id");
        json_string(j, res->id);
        json_key_lit(j, "label");
        json_string(j, res->label.c);
        json_key_lit(j, "available");
        json_uint(j, res->available);
        json_key_lit(j, "per_guest");
        json_uint(j, res->per_guest);
        json_key_lit(j, "fits");
        json_uint(j, res->fits);
        json_key_lit(j, "blocker");
        json_bool(j, res->blocker);
        json_end_object(j);
    }
    json_end_array(j);
    json_key_lit(j, "notes");
    json_begin_array(j);
    for (size_t i = 0; i < c->notes.n; i++)
        json_string(j, c->notes.items[i].c);
    json_end_array(j);
    json_end_object(j);
}
