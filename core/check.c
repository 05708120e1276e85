/* The reasons a guest, or a set of guests, cannot start as defined. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
#include "json.h"
#include "size.h"
#include "xalloc.h"

const char *check_code_id(enum check_code code)
{
    switch (code) {
    case CHECK_HARD_LIMIT_BELOW_NEED: return "hard_limit_below_need";
    case CHECK_INHERITED_BELOW_NEED: return "inherited_below_need";
    case CHECK_INHERITED_UNKNOWN: return "inherited_unknown";
    case CHECK_MEMORY_ABOVE_HOST: return "memory_above_host_ram";
    case CHECK_QEMU_MLOCK_BELOW_MEMORY: return "qemu_mlock_below_memory";
    case CHECK_DEVICE_SHARED: return "device_shared";
    case CHECK_GROUP_SHARED: return "iommu_group_shared";
    case CHECK_NVLINK2_SPLIT: return "nvlink2_split";
    case CHECK_FLEET_MEMORY_ABOVE_HOST: return "fleet_memory_above_host_ram";
    }
    return "?";
}

static struct check_reason *add(struct check_list *l, enum check_code code, uint64_t have,
                                bool have_known, uint64_t need)
{
    XGROW(l->items, l->cap, l->n + 1);
    struct check_reason *c = &l->items[l->n++];
    memset(c, 0, sizeof(*c));
    c->code = code;
    c->have_kib = have;
    c->have_known = have_known;
    c->need_kib = need;
    return c;
}

static bool host_has_facts(const struct host *h)
{
    return h && strcmp(h->source, "none") != 0;
}

size_t check_guest(const struct guest *g, const struct host *h, const struct memlock_result *r,
                   struct check_list *out)
{
    size_t before = out->n;
    uint64_t need = memlock_need_kib(r);
    char a[32], b[32];
    size_format_kib(need, b, sizeof(b));
    /* qemuDomainGetMemLockLimitBytes: a hard_limit is the limit whatever the need. */
    if (r->rule == RULE_HARD_LIMIT && r->kind == MEMLOCK_BYTES && r->limit_kib < need) {
        size_format_kib(r->limit_kib, a, sizeof(a));
        add(out, CHECK_HARD_LIMIT_BELOW_NEED, r->limit_kib, true, need)->text =
            msg_format(N_("hard_limit %s (%llu KiB) is below the %s (%llu KiB) the guest needs: "
                          "DMA mapping fails at start with \"Cannot allocate memory\""),
                       a, (unsigned long long)r->limit_kib, b, (unsigned long long)need);
    }
    /* A limit of 0: libvirt (qemuProcessLaunch) leaves QEMU the inherited one. */
    if (r->kind == MEMLOCK_NONE && need) {
        if (host_has_facts(h) && h->memlock_kind == HOST_LIMIT_BYTES) {
            uint64_t have = h->memlock_bytes >> 10;
            if (have < need) {
                size_format_kib(have, a, sizeof(a));
                add(out, CHECK_INHERITED_BELOW_NEED, have, true, need)->text =
                    msg_format(N_("libvirt sets no limit (hard_limit 0), so QEMU keeps the "
                                  "inherited RLIMIT_MEMLOCK of %s (%llu KiB), below the %s "
                                  "(%llu KiB) the guest needs"),
                               a, (unsigned long long)have, b, (unsigned long long)need);
            }
        } else if (!host_has_facts(h) || h->memlock_kind == HOST_LIMIT_UNKNOWN) {
            add(out, CHECK_INHERITED_UNKNOWN, 0, false, need)->text =
                msg_format(N_("libvirt sets no limit (hard_limit 0), so QEMU keeps the "
                              "RLIMIT_MEMLOCK it inherits, unknown without a live host; the "
                              "guest needs %s (%llu KiB)"), b, (unsigned long long)need);
        }
    }
    /* QEMU's mlockall: the limit must hold all guest RAM from the start. */
    uint64_t have = r->limit_kib;
    bool known = r->kind == MEMLOCK_BYTES;
    if (r->kind == MEMLOCK_NONE && host_has_facts(h) && h->memlock_kind == HOST_LIMIT_BYTES) {
        have = h->memlock_bytes >> 10;
        known = true;
    }
    if ((g->qemu_mlock || g->locked) && known && have < r->memory_kib) {
        size_format_kib(have, a, sizeof(a));
        size_format_kib(r->memory_kib, b, sizeof(b));
        /* qemuBuildMemCommandLine: <locked/> is -overcommit mem-lock=on. */
        add(out, CHECK_QEMU_MLOCK_BELOW_MEMORY, have, true, r->memory_kib)->text = msg_format(
            g->qemu_mlock ? N_("<qemu:commandline> makes QEMU lock all guest RAM, but the limit "
                               "%s (%llu KiB) is below the guest's memory %s (%llu KiB): QEMU "
                               "fails to start")
                          : N_("<locked/> makes QEMU lock all guest RAM (libvirt passes "
                               "-overcommit mem-lock=on), but the limit %s (%llu KiB) is below "
                               "the guest's memory %s (%llu KiB): QEMU fails to start"),
            a, (unsigned long long)have, b, (unsigned long long)r->memory_kib);
    }
    if (host_has_facts(h) && h->memory_known && r->memory_kib > h->memory_kib) {
        size_format_kib(r->memory_kib, a, sizeof(a));
        size_format_kib(h->memory_kib, b, sizeof(b));
        add(out, CHECK_MEMORY_ABOVE_HOST, h->memory_kib, true, r->memory_kib)->text =
            msg_format(N_("the guest's memory %s (%llu KiB) is above the host's RAM %s "
                          "(%llu KiB)"), a, (unsigned long long)r->memory_kib, b,
                       (unsigned long long)h->memory_kib);
    }
    return out->n - before;
}

bool check_pins_memory(const struct guest *g, const struct memlock_result *r)
{
    return g->locked || r->uses_vfio || r->nvdpa;
}

static int group_of(const struct host *h, const struct pci_addr *a)
{
    const struct host_device *d = host_has_facts(h) ? host_find(h, a) : NULL;
    return d ? d->iommu_group : HOST_UNKNOWN;
}

/* One PCI hostdev of one guest; sorted by group, then address, then guest,
 * so that every claim on a device or group is in one run: a fleet of 10,000
 * guests is checked in O(n log n), and each device or group is said once. */
struct claim {
    int group;                /* host IOMMU group, HOST_UNKNOWN */
    struct pci_addr addr;
    uint32_t guest;           /* 16 bytes a claim: a fleet has tens of thousands */
};

static int cmp_claim(const void *pa, const void *pb)
{
    const struct claim *a = pa, *b = pb;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    int c = pci_addr_cmp(&a->addr, &b->addr);
    if (c)
        return c;
    return a->guest < b->guest ? -1 : a->guest > b->guest;
}

/* Heapsort in place: qsort's merge sort would take as much memory again. */
static void sift_down(struct claim *c, size_t root, size_t n)
{
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && cmp_claim(&c[child], &c[child + 1]) < 0)
            child++;
        if (cmp_claim(&c[root], &c[child]) >= 0)
            return;
        struct claim t = c[root];
        c[root] = c[child];
        c[child] = t;
    }
}

static void sort_claims(struct claim *c, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(c, i, n);
    while (n > 1) {
        n--;
        struct claim t = c[0];
        c[0] = c[n];
        c[n] = t;
        sift_down(c, 0, n);
    }
}

static struct claim *claims_of(const struct check_fleet_guest *guests, size_t n,
                               const struct host *h, size_t *nclaims)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += guests[i].npci;
    struct claim *c = xreallocarray(NULL, total ? total : 1, sizeof(*c));
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t d = 0; d < guests[i].npci; d++)
            c[k++] = (struct claim){ group_of(h, &guests[i].pci[d]), guests[i].pci[d], (uint32_t)i };
    sort_claims(c, k);
    *nclaims = k;
    return c;
}

/* The first claim not below `key` (by group, then address). */
static size_t lower_bound(const struct claim *c, size_t nc, const struct claim *key)
{
    size_t lo = 0, hi = nc;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = c[mid].group != key->group ? (c[mid].group < key->group ? -1 : 1)
                                             : pci_addr_cmp(&c[mid].addr, &key->addr);
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A sentence naming two guests, or two and how many more: English in `c`,
 * translated (with the plural the count asks for) in `local`. */
static struct msg with_more(const char *two, const char *one_more, const char *more_plural,
                            const char *what, const char *a, const char *b, size_t more)
{
    if (!more)
        return msg_format(two, what, a, b);
    return (struct msg){ xasprintf(more == 1 ? one_more : more_plural, what, a, b, more),
                         xasprintf(P_(one_more, more_plural, more), what, a, b, more) };
}

static struct msg device_text(const char *addr, const char *a, const char *b, size_t more)
{
    return with_more(N_("host device %s is assigned to both %s and %s: only one guest can "
                        "hold it"),
                     N_("host device %s is assigned to %s, %s and %zu more guest: only one "
                        "guest can hold it"),
                     N_("host device %s is assigned to %s, %s and %zu more guests: only one "
                        "guest can hold it"), addr, a, b, more);
}

static struct msg group_text(bool nv2, int grp, const char *a, const char *b, size_t more)
{
    char what[24];
    snprintf(what, sizeof(what), "%d", grp);
    if (nv2)
        return with_more(N_("the NVLink2 GPUs and bridges of IOMMU group %s are split between "
                            "%s and %s: the whole group goes to one guest"),
                         N_("the NVLink2 GPUs and bridges of IOMMU group %s are split between "
                            "%s, %s and %zu more guest: the whole group goes to one guest"),
                         N_("the NVLink2 GPUs and bridges of IOMMU group %s are split between "
                            "%s, %s and %zu more guests: the whole group goes to one guest"),
                         what, a, b, more);
    return with_more(N_("IOMMU group %s is split between %s and %s: VFIO gives a whole group "
                        "to one guest"),
                     N_("IOMMU group %s is split between %s, %s and %zu more guest: VFIO gives "
                        "a whole group to one guest"),
                     N_("IOMMU group %s is split between %s, %s and %zu more guests: VFIO gives "
                        "a whole group to one guest"), what, a, b, more);
}

/* The first two distinct guests of claims [from, to), and how many distinct
 * guests there are in all (claims of one device are sorted by guest). */
static size_t distinct_guests(const struct claim *c, size_t from, size_t to, size_t n, size_t *g0,
                              size_t *g1)
{
    unsigned char *seen = xcalloc(n ? n : 1, 1);
    size_t count = 0;
    *g0 = *g1 = n;
    for (size_t i = from; i < to; i++) {
        if (seen[c[i].guest])
            continue;
        seen[c[i].guest] = 1;
        if (!count)
            *g0 = c[i].guest;
        else if (count == 1)
            *g1 = c[i].guest;
        count++;
    }
    free(seen);
    if (*g0 > *g1) {
        size_t t = *g0;
        *g0 = *g1;
        *g1 = t;
    }
    return count;
}

/* An IOMMU group holding NVLink2 bridges: on an AC922 a socket's GPUs and
 * their bridges form one such group. */
static bool nv2_group(const struct host *h, int grp, unsigned files)
{
    for (size_t i = 0; i < h->ndevices; i++)
        if (h->devices[i].iommu_group == grp && host_device_is_nv2_bridge(&h->devices[i], files))
            return true;
    return false;
}

static void shared_devices(const struct claim *c, size_t nc, const struct check_fleet_guest *g,
                           size_t n, const struct host *h, unsigned files, struct check_list *out)
{
    for (size_t i = 0; i < nc;) {
        /* A device: claims with the same address. */
        size_t j = i;
        while (j < nc && !pci_addr_cmp(&c[j].addr, &c[i].addr))
            j++;
        size_t g0, g1, ng = distinct_guests(c, i, j, n, &g0, &g1);
        if (ng > 1) {
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&c[i].addr, addr);
            struct check_reason *r = add(out, CHECK_DEVICE_SHARED, 0, false, 0);
            r->guest[0] = g0;
            r->guest[1] = g1;
            r->text = device_text(addr, g[g0].name, g[g1].name, ng - 2);
        }
        i = j;
    }
    /* Groups: split when two guests hold two different devices of one group. */
    for (size_t i = 0; i < nc;) {
        size_t j = i;
        bool several_addrs = false;
        while (j < nc && c[j].group == c[i].group) {
            several_addrs |= pci_addr_cmp(&c[j].addr, &c[i].addr) != 0;
            j++;
        }
        int grp = c[i].group;
        size_t g0, g1, ng = grp >= 0 && several_addrs ? distinct_guests(c, i, j, n, &g0, &g1) : 0;
        if (ng > 1) {
            bool nv2 = nv2_group(h, grp, files);
            struct check_reason *r = add(out, nv2 ? CHECK_NVLINK2_SPLIT : CHECK_GROUP_SHARED, 0,
                                         false, 0);
            r->guest[0] = g0;
            r->guest[1] = g1;
            r->text = group_text(nv2, grp, g[g0].name, g[g1].name, ng - 2);
        }
        i = j;
    }
}

static void split_nvlink2(const struct claim *c, size_t nc, const struct check_fleet_guest *g,
                          size_t n, const struct host *h, unsigned files, struct check_list *out)
{
    if (!host_has_facts(h) || !n)
        return;
    for (size_t b = 0; b < h->ndevices; b++) {
        const struct host_device *br = &h->devices[b];
        if (!host_device_is_nv2_bridge(br, files) || !br->has_gpu_link)
            continue;
        int grp = group_of(h, &br->addr);
        if (grp >= 0 && grp == group_of(h, &br->gpu))
            continue;   /* said as the group's split */
        struct claim kb = { grp, br->addr, 0 }, kg = { group_of(h, &br->gpu), br->gpu, 0 };
        size_t ib = lower_bound(c, nc, &kb), ig = lower_bound(c, nc, &kg);
        if (ib == nc || pci_addr_cmp(&c[ib].addr, &br->addr) || ig == nc ||
            pci_addr_cmp(&c[ig].addr, &br->gpu))
            continue;
        /* The bridge's first holder, and a holder of its GPU that is not it. */
        size_t i = c[ib].guest, k = n;
        for (size_t x = ig; x < nc && !pci_addr_cmp(&c[x].addr, &br->gpu) && k == n; x++)
            if (c[x].guest != i)
                k = c[x].guest;
        bool together = false;
        for (size_t x = ig; x < nc && !pci_addr_cmp(&c[x].addr, &br->gpu); x++)
            together |= c[x].guest == i;
        if (k == n || together)
            continue;
        char ba[PCI_ADDR_STRLEN], ga[PCI_ADDR_STRLEN];
        pci_addr_format(&br->addr, ba);
        pci_addr_format(&br->gpu, ga);
        struct check_reason *r = add(out, CHECK_NVLINK2_SPLIT, 0, false, 0);
        r->guest[0] = i;
        r->guest[1] = k;
        r->text = msg_format(N_("NVLink2 bridge %s is in %s but its GPU %s is in %s: a GPU and "
                                "its bridges go to one guest"), ba, g[i].name, ga, g[k].name);
    }
}

size_t check_fleet(const struct check_fleet_guest *guests, size_t n, const struct host *h,
                   unsigned files, struct check_list *out)
{
    size_t before = out->n;
    size_t nc;
    struct claim *c = claims_of(guests, n, h, &nc);
    shared_devices(c, nc, guests, n, h, files, out);
    split_nvlink2(c, nc, guests, n, h, files, out);
    free(c);
    if (host_has_facts(h) && h->memory_known && n > 1) {
        uint64_t sum = 0;
        bool overflow = false;
        size_t npinned = 0;
        for (size_t i = 0; i < n; i++) {
            if (!guests[i].pins_memory)
                continue;
            npinned++;
            overflow |= !size_add(sum, guests[i].memory_kib, &sum);
        }
        if (npinned > 1 && (overflow || sum > h->memory_kib)) {
            char a[32], b[32];
            size_format_kib(sum, a, sizeof(a));
            size_format_kib(h->memory_kib, b, sizeof(b));
            add(out, CHECK_FLEET_MEMORY_ABOVE_HOST, h->memory_kib, true, sum)->text =
                msg_format_plural(NP_("the %zu guest that pins its memory (VFIO, vDPA or "
                                      "<locked/>) needs %s (%llu KiB), above the host's RAM %s "
                                      "(%llu KiB)",
                                      "the %zu guests that pin their memory (VFIO, vDPA or "
                                      "<locked/>) need %s (%llu KiB) together, above the host's "
                                      "RAM %s (%llu KiB)"),
                                  (unsigned long)npinned, npinned, overflow ? "?" : a,
                                  (unsigned long long)sum, b, (unsigned long long)h->memory_kib);
        }
    }
    return out->n - before;
}

void check_reason_write_json(struct json *j, const struct check_reason *reason)
{
    json_begin_object(j);
    json_key_lit(j, "code");
    json_string(j, check_code_id(reason->code));
    json_key_lit(j, "text");
    json_string(j, reason->text.c);
    json_key_lit(j, "guests");
    json_begin_array(j);
    if (reason->code != CHECK_FLEET_MEMORY_ABOVE_HOST) {
        json_uint(j, reason->guest[0]);
        json_uint(j, reason->guest[1]);
    }
    json_end_array(j);
    json_end_object(j);
}

void check_list_free(struct check_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        msg_free(&l->items[i].text);
    free(l->items);
    memset(l, 0, sizeof(*l));
}
