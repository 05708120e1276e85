#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "headroom.h"
#include "i18n.h"
#include "size.h"
#include "tour.h"
#include "xalloc.h"
#include "text_width.h"

enum tour_action {
    ACT_NONE, ACT_ASSIGN, ACT_MAX_MEMORY, ACT_LOCKED, ACT_HARD_LIMIT_INSTEAD_OF_LOCKED
};

#define TOUR_MAX_DEVICES 8

struct tour_step_data {
    struct tour_step_info info;
    enum tour_action action;
    const char *devices[TOUR_MAX_DEVICES + 1]; /* ACT_ASSIGN: host addresses, whole groups */
    uint64_t kib;             /* ACT_MAX_MEMORY, ACT_HARD_LIMIT_INSTEAD_OF_LOCKED */
};

/* The recommended hard_limit of the tour's full guest on demo:ac922:
 * libvirt's own limit (1,344,307,200 KiB, about 1282.03 GiB) and 1 GiB of
 * headroom (tour_recommended_kib); the tour's tests check it against the
 * calculation. */
#define TOUR_HARD_LIMIT_KIB (UINT64_C(1344307200) + KIB_PER_GIB)

/* The AC922 demo host: CX-5 NIC on PHB 0003 (IOMMU group 3), socket 0's
 * GPUs 0004:04:00.0 and 0004:05:00.0 with their six NVLink2 bridges
 * 0006:00:0x.y (compound group 5), socket 1's GPUs and bridges in group 10.
 * VFIO assigns whole groups, so every step assigns whole groups. */
static const struct tour_step_data steps[] = {
    { { "start", N_("A pseries guest with 64 GiB and no devices"),
        N_("Without passthrough the limit covers the hash page table (1/128 of max memory), "
           "one 32-bit DMA window on the default PHB and the TCE index. The formula depends "
           "on the libvirt release: L picks another, C compares them all.") },
      ACT_NONE, { NULL }, 0 },
    { { "nic", N_("Assign a VFIO NIC (ConnectX-5, both functions)"),
        N_("VFIO pins all guest RAM and gives the PHB a 64-bit DMA window mapping it; libvirt "
           "adds a PHB to keep the NIC's IOMMU group apart from emulated devices.") },
      ACT_ASSIGN, { "0003:01:00.0", "0003:01:00.1", NULL }, 0 },
    { { "socket0", N_("Assign socket 0's group 5: GPUs and NVLink2 bridges"),
        N_("VFIO assigns whole IOMMU groups: a socket's GPUs and bridges share one. NVLink2 "
           "puts GPU RAM at 64-128 TiB, so each PHB's 64-bit window costs 256 GiB of TCE "
           "table.") },
      ACT_ASSIGN,
      { "0004:04:00.0", "0004:05:00.0", "0006:00:00.0", "0006:00:00.1", "0006:00:00.2",
        "0006:00:01.0", "0006:00:01.1", "0006:00:01.2", NULL },
      0 },
    { { "socket1", N_("Add socket 1's IOMMU group 10: two more GPUs and their bridges"),
        N_("Another IOMMU group means another PHB: another 32-bit window and another 256 GiB "
           "of TCE table.") },
      ACT_ASSIGN,
      { "0035:03:00.0", "0035:04:00.0", "0007:00:00.0", "0007:00:00.1", "0007:00:00.2",
        "0007:00:01.0", "0007:00:01.1", "0007:00:01.2", NULL },
      0 },
    { { "maxmem", N_("Raise max memory to 256 GiB"),
        N_("The hash page table and the pre-registered RAM follow max memory, not the memory "
           "the guest boots with.") },
      ACT_MAX_MEMORY, { NULL }, 256 * KIB_PER_GIB },
    { { "locked", N_("Lock all guest memory (<memoryBacking><locked/>)"),
        N_("With locked memory libvirt lifts the limit altogether: QEMU may lock all it wants, "
           "and the terms below no longer apply. libvirt recommends a hard_limit with it.") },
      ACT_LOCKED, { NULL }, 0 },
    { { "hard_limit", N_("Instead of locked: the recommended <memtune><hard_limit>"),
        N_("A hard_limit wins over everything: libvirt uses it as the memlock limit, and it is "
           "also the guest's memory cgroup limit. The recommendation is libvirt's own limit "
           "plus 1 GiB of headroom for QEMU's own memory, as the hard_limit is also the "
           "guest's memory cgroup cap; below libvirt's value it "
           "fails with \"Cannot allocate memory\". In the planner H sets it and w writes the "
           "guest's XML.") },
      ACT_HARD_LIMIT_INSTEAD_OF_LOCKED, { NULL }, TOUR_HARD_LIMIT_KIB },
    { { "your_turn", N_("Your turn"),
        N_("In the planner (press T there for this tour), leave the tour with Esc and try it "
           "on your own guest: Space on a GPU assigns its whole IOMMU group, the limit pane "
           "shows every term, H sets a hard_limit (type the one with headroom), and w writes "
           "the guest's XML. "
           "This guest is the one of the step before: it starts, its hard_limit covers what "
           "libvirt needs.") },
      ACT_NONE, { NULL }, 0 },
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
        for (size_t k = 0; k < TOUR_MAX_DEVICES && s->devices[k]; k++) {
            struct guest_hostdev *hd = guest_add_hostdev(g, GUEST_HOSTDEV_PCI);
            pci_addr_parse(s->devices[k], &hd->host);
        }
        break;
    case ACT_MAX_MEMORY: g->max_memory_kib = s->kib; g->max_memory_slots = 16; break;
    case ACT_LOCKED: g->locked = true; break;
    case ACT_HARD_LIMIT_INSTEAD_OF_LOCKED:
        g->locked = false;
        g->has_hard_limit = true;
        g->hard_limit_kib = s->kib;
        break;
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

uint64_t tour_recommended_kib(uint64_t limit_kib)
{
    /* The project's recommendation: libvirt's figure plus the default
     * headroom (core/headroom.h), as the planner's w and apply write it. */
    struct headroom hr = headroom_default();
    uint64_t room, total;
    return headroom_apply(&hr, limit_kib, &room, &total) ? total : limit_kib;
}

static void push_delta(struct tour_delta **d, size_t *n, const struct memlock_term *t,
                       uint64_t before, uint64_t after, const char *gone)
{
    *d = xreallocarray(*d, *n + 1, sizeof(**d));
    (*d)[(*n)++] = (struct tour_delta){ t->id, t->label, before, after, gone };
}

struct tour_delta *tour_diff(const struct memlock_result *before, const struct memlock_result *after,
                             size_t *n)
{
    struct tour_delta *d = NULL;
    *n = 0;
    for (size_t i = 0; i < after->nterms; i++) {
        const struct memlock_term *t = &after->terms[i], *old = find_term(before, t->id);
        if (!old || old->kib != t->kib)
            push_delta(&d, n, t, old ? old->kib : 0, t->kib, NULL);
    }
    const char *gone = after->kind == MEMLOCK_UNLIMITED
                           ? N_("does not apply: locked memory lifts the limit")
                           : N_("no longer applies");
    for (size_t i = 0; i < before->nterms; i++)
        if (!find_term(after, before->terms[i].id))
            push_delta(&d, n, &before->terms[i], before->terms[i].kib, 0, gone);
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

/* The host's devices the guest of step i holds, under their PHBs, those
 * this step added marked '+'. */
static void print_assigned(FILE *out, size_t i, const struct host *h)
{
    struct guest *g = tour_guest(i);
    const struct tour_step_data *s = &steps[i];
    bool any = false;
    long domain = -1;
    for (size_t k = 0; k < h->ndevices; k++) {
        const struct host_device *d = &h->devices[k];
        if (guest_find_pci_hostdev(g, &d->addr) < 0)
            continue;
        if (!any)
            fputs(_("  Host devices in the guest (+ this step):\n"), out);
        any = true;
        if ((long)d->addr.domain != domain) {
            domain = (long)d->addr.domain;
            fprintf(out, _("    PHB %04x\n"), (unsigned)domain);
        }
        bool added = false;
        char addr[PCI_ADDR_STRLEN];
        pci_addr_format(&d->addr, addr);
        for (size_t m = 0; s->action == ACT_ASSIGN && m < TOUR_MAX_DEVICES && s->devices[m]; m++)
            added |= !strcmp(s->devices[m], addr);
        const char *cls = host_device_class_name(d);
        const char *kind = host_device_is_nv2_bridge(d, NV2_FILES_ALL) ? N_("NVLink2 bridge")
                           : host_device_is_gpu(d)                      ? N_("GPU")
                           : cls                                        ? cls
                                                                        : N_("device");
        fprintf(out, _("      %c %s %s, IOMMU group %d\n"), added ? '+' : ' ', addr, _(kind),
                d->iommu_group);
    }
    guest_free(g);
}

/* "hpt 1 GiB + dma32 8 MiB + ... = 512 GiB": libvirt's limit, term by term. */
static void print_formula(FILE *out, const struct memlock_result *r)
{
    fputs(_("  libvirt's limit for this guest, written out:\n    "), out);
    char size[32];
    for (size_t k = 0; k < r->nterms; k++) {
        size_format_kib(r->terms[k].kib, size, sizeof(size));
        fprintf(out, "%s%s %s", k ? "\n    + " : "", _(r->terms[k].label), size);
    }
    size_format_kib(r->limit_kib, size, sizeof(size));
    fprintf(out, _("\n    = %s (%" PRIu64 " KiB)\n"), size, r->limit_kib);
}

/* The guest of step i without its hard_limit: libvirt's own limit. */
static int compute_bare(size_t i, const struct host *h, struct memlock_result *out,
                        struct mp_error *err)
{
    struct guest *g = tour_guest(i);
    g->has_hard_limit = false;
    g->hard_limit_kib = 0;
    int rc = memlock_compute(g, h, NULL, out, err);
    guest_free(g);
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
        fprintf(out, " %12s -> %s\n", tb, d[k].gone ? _(d[k].gone) : ta);
    }
    if (steps[i].action == ACT_ASSIGN)
        print_assigned(out, i, h);
    int rc = 0;
    if (steps[i].action == ACT_HARD_LIMIT_INSTEAD_OF_LOCKED) {
        struct memlock_result bare;
        rc = compute_bare(i, h, &bare, err);
        if (rc == 0) {
            print_formula(out, &bare);
            uint64_t rec = tour_recommended_kib(bare.limit_kib);
            size_format_kib(rec, ta, sizeof(ta));
            fprintf(out, _("  Recommended hard_limit: %s (%" PRIu64 " KiB: libvirt's limit plus "
                           "1 GiB of headroom): <hard_limit unit='KiB'>%" PRIu64
                           "</hard_limit>\n"), ta, rec, rec);
            memlock_result_free(&bare);
        }
    }
    for (size_t k = 0; k < after.warnings.n; k++)
        fprintf(out, "  ! %s\n", after.warnings.items[k].local);
    free(d);
    memlock_result_free(&before);
    memlock_result_free(&after);
    return rc;
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
        json_key(j, "assigned");
        json_begin_array(j);
        struct guest *g = tour_guest(i);
        for (size_t k = 0; k < g->nhostdevs; k++) {
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&g->hostdevs[k].host, addr);
            json_string(j, addr);
        }
        json_end_array(j);
        json_key(j, "hard_limit_bytes");
        if (g->has_hard_limit)
            json_uint(j, g->hard_limit_kib * 1024);
        else
            json_null(j);
        guest_free(g);
        json_key(j, "warnings");
        json_begin_array(j);
        for (size_t k = 0; k < after.warnings.n; k++)
            json_string(j, after.warnings.items[k].c);
        json_end_array(j);
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
            json_key(j, "applies");
            json_bool(j, !d[k].gone);
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

/* The guest of step i as libvirt domain XML: what the calculation reads of
 * it (memory, max memory, arch, machine, locked, hard_limit, hostdevs). */
void tour_write_guest_xml(FILE *out, size_t i)
{
    struct guest *g = tour_guest(i);
    fprintf(out, "<domain type='kvm'>\n  <name>tour-step-%zu</name>\n", i + 1);
    if (g->max_memory_kib)
        fprintf(out, "  <maxMemory slots='%u' unit='KiB'>%" PRIu64 "</maxMemory>\n",
                g->max_memory_slots, g->max_memory_kib);
    fprintf(out, "  <memory unit='KiB'>%" PRIu64 "</memory>\n", g->memory_kib);
    fprintf(out, "  <currentMemory unit='KiB'>%" PRIu64 "</currentMemory>\n",
            g->current_memory_kib ? g->current_memory_kib : g->memory_kib);
    if (g->has_hard_limit)
        fprintf(out, "  <memtune>\n    <hard_limit unit='KiB'>%" PRIu64 "</hard_limit>\n"
                     "  </memtune>\n", g->hard_limit_kib);
    if (g->locked)
        fputs("  <memoryBacking>\n    <locked/>\n  </memoryBacking>\n", out);
    fputs("  <vcpu placement='static'>4</vcpu>\n", out);
    fprintf(out, "  <os>\n    <type arch='%s' machine='%s'>hvm</type>\n  </os>\n", g->arch,
            g->machine);
    fputs("  <devices>\n    <emulator>/usr/bin/qemu-system-ppc64</emulator>\n", out);
    for (size_t k = 0; k < g->nhostdevs; k++) {
        const struct pci_addr *a = &g->hostdevs[k].host;
        fprintf(out, "    <hostdev mode='subsystem' type='pci' managed='yes'>\n"
                     "      <source>\n"
                     "        <address domain='0x%04x' bus='0x%02x' slot='0x%02x' "
                     "function='0x%x'/>\n"
                     "      </source>\n"
                     "    </hostdev>\n",
                (unsigned)a->domain, (unsigned)a->bus, (unsigned)a->slot, (unsigned)a->function);
    }
    fputs("  </devices>\n</domain>\n", out);
    guest_free(g);
}
