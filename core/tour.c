#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "size.h"
#include "tour.h"
#include "xalloc.h"
#include "text_width.h"

enum tour_action { ACT_NONE, ACT_ASSIGN, ACT_MAX_MEMORY, ACT_LOCKED, ACT_HARD_LIMIT };

struct tour_step_data {
    struct tour_step_info info;
    enum tour_action action;
    const char *devices[4];   /* ACT_ASSIGN: host addresses */
    uint64_t kib;             /* ACT_MAX_MEMORY */
};

/* The AC922 demo host (probe/demo_ac922.c): CX-5 NIC on PHB 0003, GPUs 0004:04:00.0
 * (socket 0, bridges 0006:00:00.x) and 0035:03:00.0 (socket 1, bridges
 * 0007:00:00.x). */
static const struct tour_step_data steps[] = {
    { { "start", N_("A pseries guest with 64 GiB and no devices"),
        N_("Without passthrough the limit covers the hash page table (1/128 of max memory), "
           "one 32-bit DMA window on the default PHB and the TCE index.") },
      ACT_NONE, { NULL }, 0 },
    { { "nic", N_("Assign a VFIO NIC (ConnectX-5, both functions)"),
        N_("VFIO pins all guest RAM and gives the PHB a 64-bit DMA window mapping it; libvirt "
           "adds a PHB to keep the NIC's IOMMU group apart from emulated devices.") },
      ACT_ASSIGN, { "0003:01:00.0", "0003:01:00.1", NULL }, 0 },
    { { "gpu", N_("Assign a V100 GPU without its NVLink2 bridges"),
        N_("Another IOMMU group means another PHB, so another 32-bit and 64-bit window. The "
           "GPU's group also holds its bridges: a partly assigned group will not start.") },
      ACT_ASSIGN, { "0004:04:00.0", NULL }, 0 },
    { { "bridges", N_("Assign the GPU's three NVLink2 bridges"),
        N_("An NVLink2 bridge switches the formula: GPU RAM sits at 64-128 TiB, so every PHB's "
           "64-bit window spans 128 TiB and costs 256 GiB of TCE table.") },
      ACT_ASSIGN, { "0006:00:00.0", "0006:00:00.1", "0006:00:00.2", NULL }, 0 },
    { { "socket1", N_("Add a GPU and its bridges from the other socket"),
        N_("The second socket's GPU is in another IOMMU group, so libvirt adds a PHB: another "
           "256 GiB of TCE table.") },
      ACT_ASSIGN, { "0035:03:00.0", "0007:00:00.0", "0007:00:00.1", "0007:00:00.2" }, 0 },
    { { "maxmem", N_("Raise max memory to 256 GiB"),
        N_("The hash page table and the pre-registered RAM follow max memory, not the memory "
           "the guest boots with.") },
      ACT_MAX_MEMORY, { NULL }, 256 * KIB_PER_GIB },
    { { "locked", N_("Lock all guest memory (<memoryBacking><locked/>)"),
        N_("With locked memory libvirt lifts the limit altogether: QEMU may lock all it wants.") },
      ACT_LOCKED, { NULL }, 0 },
    { { "hard_limit", N_("Set <memtune><hard_limit> to 1 TiB"),
        N_("A hard_limit wins over everything: libvirt uses it as the memlock limit. Below the "
           "computed value the guest fails with \"Cannot allocate memory\".") },
      ACT_HARD_LIMIT, { NULL }, KIB_PER_TIB },
};

size_t tour_nsteps(void)
{
    return sizeof(steps) / sizeof(steps[0]);
}

const struct tour_step_info *tour_step(size_t i)
{
    return i < tour_nsteps() ? &steps[i].info : NULL;
}

static void apply(struct guest *g, const struct tour_step_data *s)
{
    switch (s->action) {
    case ACT_NONE: break;
    case ACT_ASSIGN:
        for (size_t k = 0; k < 4 && s->devices[k]; k++) {
            struct guest_hostdev *hd = guest_add_hostdev(g, GUEST_HOSTDEV_PCI);
            pci_addr_parse(s->devices[k], &hd->host);
        }
        break;
    case ACT_MAX_MEMORY: g->max_memory_kib = s->kib; g->max_memory_slots = 16; break;
    case ACT_LOCKED: g->locked = true; break;
    case ACT_HARD_LIMIT: g->has_hard_limit = true; g->hard_limit_kib = s->kib; break;
    }
}

struct guest *tour_guest(size_t i)
{
    struct guest *g = guest_new_for_arch("ppc64le");
    free(g->name);
    g->name = xstrdup("tour");
    g->memory_kib = g->current_memory_kib = 64 * KIB_PER_GIB;
    for (size_t k = 0; k <= i && k < tour_nsteps(); k++)
        apply(g, &steps[k]);
    return g;
}

static const struct memlock_term *find_term(const struct memlock_result *r, const char *id)
{
    for (size_t i = 0; i < r->nterms; i++)
        if (!strcmp(r->terms[i].id, id))
            return &r->terms[i];
    return NULL;
}

static void push_delta(struct tour_delta **d, size_t *n, const struct memlock_term *t,
                       uint64_t before, uint64_t after)
{
    *d = xreallocarray(*d, *n + 1, sizeof(**d));
    (*d)[(*n)++] = (struct tour_delta){ t->id, t->label, before, after };
}

struct tour_delta *tour_diff(const struct memlock_result *before, const struct memlock_result *after,
                             size_t *n)
{
    struct tour_delta *d = NULL;
    *n = 0;
    for (size_t i = 0; i < after->nterms; i++) {
        const struct memlock_term *t = &after->terms[i], *old = find_term(before, t->id);
        if (!old || old->kib != t->kib)
            push_delta(&d, n, t, old ? old->kib : 0, t->kib);
    }
    for (size_t i = 0; i < before->nterms; i++)
        if (!find_term(after, before->terms[i].id))
            push_delta(&d, n, &before->terms[i], before->terms[i].kib, 0);
    return d;
}

static void format_limit(const struct memlock_result *r, char *buf, size_t len)
{
    if (r->kind == MEMLOCK_UNLIMITED)
        snprintf(buf, len, "%s", _("unlimited"));
    else
        size_format_bytes(r->limit_bytes, buf, len);
}

/* Results before and after step i (before = after for the start). */
static int compute_pair(size_t i, const struct host *h, struct memlock_result *before,
                        struct memlock_result *after, struct mp_error *err)
{
    struct guest *ga = tour_guest(i), *gb = tour_guest(i ? i - 1 : 0);
    int rc = memlock_compute(gb, h, NULL, before, err);
    if (rc == 0 && memlock_compute(ga, h, NULL, after, err) < 0) {
        memlock_result_free(before);
        rc = -1;
    }
    guest_free(ga);
    guest_free(gb);
    return rc;
}

int tour_print_step(FILE *out, size_t i, const struct host *h, struct mp_error *err)
{
    struct memlock_result before, after;
    if (compute_pair(i, h, &before, &after, err) < 0)
        return -1;
    char lb[32], la[32], tb[32], ta[32];
    format_limit(&before, lb, sizeof(lb));
    format_limit(&after, la, sizeof(la));
    fprintf(out, _("Step %zu of %zu: %s\n"), i + 1, tour_nsteps(), _(steps[i].info.title));
    fprintf(out, "  %s\n", _(steps[i].info.explain));
    if (i == 0)
        fprintf(out, _("  Limit: %s\n"), la);
    else
        fprintf(out, _("  Limit: %s -> %s\n"), lb, la);
    size_t n;
    struct tour_delta *d = tour_diff(&before, &after, &n);
    for (size_t k = 0; i && k < n; k++) {
        size_format_kib(d[k].before_kib, tb, sizeof(tb));
        size_format_kib(d[k].after_kib, ta, sizeof(ta));
        fputs("    ", out);
        fput_ljust(out, _(d[k].label), 28);
        fprintf(out, " %12s -> %s\n", tb, ta);
    }
    for (size_t k = 0; k < after.warnings.n; k++)
        fprintf(out, "  ! %s\n", after.warnings.items[k].local);
    free(d);
    memlock_result_free(&before);
    memlock_result_free(&after);
    return 0;
}

int tour_write_json(struct json *j, const struct host *h, struct mp_error *err)
{
    json_begin_array(j);
    for (size_t i = 0; i < tour_nsteps(); i++) {
        struct memlock_result before, after;
        if (compute_pair(i, h, &before, &after, err) < 0)
            return -1;
        json_begin_object(j);
        json_key(j, "id");
        json_string(j, steps[i].info.id);
        json_key(j, "title");
        json_string(j, steps[i].info.title);
        json_key(j, "explanation");
        json_string(j, steps[i].info.explain);
        json_key(j, "limit_bytes");
        if (after.kind == MEMLOCK_UNLIMITED)
            json_string(j, "unlimited");
        else
            json_uint(j, after.limit_bytes);
        json_key(j, "changed_terms");
        json_begin_array(j);
        size_t n;
        struct tour_delta *d = tour_diff(&before, &after, &n);
        for (size_t k = 0; i && k < n; k++) {
            json_begin_object(j);
            json_key(j, "id");
            json_string(j, d[k].id);
            json_key(j, "before_kib");
            json_uint(j, d[k].before_kib);
            json_key(j, "after_kib");
            json_uint(j, d[k].after_kib);
            json_end_object(j);
        }
        json_end_array(j);
        free(d);
        memlock_result_free(&before);
        memlock_result_free(&after);
        json_end_object(j);
    }
    json_end_array(j);
    return 0;
}
