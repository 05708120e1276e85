/* The reasons a guest, or a set of guests, cannot start as defined. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "i18n.h"
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
    if (g->qemu_mlock && known && have < r->memory_kib) {
        size_format_kib(have, a, sizeof(a));
        size_format_kib(r->memory_kib, b, sizeof(b));
        add(out, CHECK_QEMU_MLOCK_BELOW_MEMORY, have, true, r->memory_kib)->text =
            msg_format(N_("<qemu:commandline> makes QEMU lock all guest RAM, but the limit %s "
                          "(%llu KiB) is below the guest's memory %s (%llu KiB): QEMU fails to "
                          "start"), a, (unsigned long long)have, b,
                       (unsigned long long)r->memory_kib);
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

/* A guest's RAM is pinned when it uses VFIO (or vDPA) or is <locked/>. */
static bool pins_memory(const struct guest *g, const struct memlock_result *r)
{
    return g->locked || r->uses_vfio || r->nvdpa;
}

static int group_of(const struct host *h, const struct pci_addr *a)
{
    const struct host_device *d = host_has_facts(h) ? host_find(h, a) : NULL;
    return d ? d->iommu_group : HOST_UNKNOWN;
}

/* Guest index (other than `not`) holding PCI hostdev `a`, or n. */
static size_t holder(const struct guest *const *guests, size_t n, size_t not,
                     const struct pci_addr *a)
{
    for (size_t k = 0; k < n; k++)
        if (k != not && guest_find_pci_hostdev(guests[k], a) >= 0)
            return k;
    return n;
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

static void shared_devices(const struct guest *const *guests, const char *const *names, size_t n,
                           const struct host *h, unsigned files, struct check_list *out)
{
    for (size_t i = 0; i < n; i++) {
        const struct guest *g = guests[i];
        for (size_t d = 0; d < g->nhostdevs; d++) {
            const struct guest_hostdev *hd = &g->hostdevs[d];
            if (hd->kind != GUEST_HOSTDEV_PCI)
                continue;
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&hd->host, addr);
            /* Each pair once: at the first guest, against later ones. */
            for (size_t k = i + 1; k < n; k++) {
                if (guest_find_pci_hostdev(guests[k], &hd->host) >= 0) {
                    struct check_reason *c = add(out, CHECK_DEVICE_SHARED, 0, false, 0);
                    c->guest[0] = i;
                    c->guest[1] = k;
                    c->text = msg_format(N_("host device %s is assigned to both %s and %s: "
                                            "only one guest can hold it"), addr, names[i],
                                         names[k]);
                    continue;
                }
                int grp = group_of(h, &hd->host);
                if (grp < 0)
                    continue;
                /* Another device of the same group in guest k, reported once per
                 * group and pair: at the lowest such hostdev of guest i. */
                bool other = false, earlier = false;
                for (size_t e = 0; e < guests[k]->nhostdevs && !other; e++)
                    other = guests[k]->hostdevs[e].kind == GUEST_HOSTDEV_PCI &&
                            group_of(h, &guests[k]->hostdevs[e].host) == grp &&
                            guest_find_pci_hostdev(g, &guests[k]->hostdevs[e].host) < 0;
                for (size_t e = 0; e < d && !earlier; e++)
                    earlier = g->hostdevs[e].kind == GUEST_HOSTDEV_PCI &&
                              group_of(h, &g->hostdevs[e].host) == grp;
                if (!other || earlier)
                    continue;
                bool nv2 = nv2_group(h, grp, files);
                struct check_reason *c = add(out, nv2 ? CHECK_NVLINK2_SPLIT : CHECK_GROUP_SHARED,
                                             0, false, 0);
                c->guest[0] = i;
                c->guest[1] = k;
                c->text = nv2 ? msg_format(N_("the NVLink2 GPUs and bridges of IOMMU group %d "
                                              "are split between %s and %s: the whole group "
                                              "goes to one guest"), grp, names[i], names[k])
                              : msg_format(N_("IOMMU group %d is split between %s and %s: VFIO "
                                              "gives a whole group to one guest"), grp, names[i],
                                           names[k]);
            }
        }
    }
}

static void split_nvlink2(const struct guest *const *guests,
                          const struct memlock_result *const *results, const char *const *names,
                          size_t n, const struct host *h, struct check_list *out)
{
    if (!host_has_facts(h) || !n)
        return;
    unsigned files = results[0]->profile->nv2_files;
    for (size_t b = 0; b < h->ndevices; b++) {
        const struct host_device *br = &h->devices[b];
        if (!host_device_is_nv2_bridge(br, files) || !br->has_gpu_link)
            continue;
        size_t i = holder(guests, n, n, &br->addr);
        if (i == n)
            continue;
        size_t k = holder(guests, n, i, &br->gpu);
        if (k == n || guest_find_pci_hostdev(guests[i], &br->gpu) >= 0)
            continue;
        int grp = group_of(h, &br->addr);
        if (grp >= 0 && grp == group_of(h, &br->gpu))
            continue;   /* said as the group's split */
        char ba[PCI_ADDR_STRLEN], ga[PCI_ADDR_STRLEN];
        pci_addr_format(&br->addr, ba);
        pci_addr_format(&br->gpu, ga);
        struct check_reason *c = add(out, CHECK_NVLINK2_SPLIT, 0, false, 0);
        c->guest[0] = i;
        c->guest[1] = k;
        c->text = msg_format(N_("NVLink2 bridge %s is in %s but its GPU %s is in %s: a GPU and "
                                "its bridges go to one guest"), ba, names[i], ga, names[k]);
    }
}

size_t check_fleet(const struct guest *const *guests, const struct memlock_result *const *results,
                   const char *const *names, size_t n, const struct host *h,
                   struct check_list *out)
{
    size_t before = out->n;
    unsigned files = n ? results[0]->profile->nv2_files : 0;
    shared_devices(guests, names, n, h, files, out);
    split_nvlink2(guests, results, names, n, h, out);
    if (host_has_facts(h) && h->memory_known && n > 1) {
        uint64_t sum = 0;
        bool overflow = false;
        size_t npinned = 0;
        for (size_t i = 0; i < n; i++) {
            if (!pins_memory(guests[i], results[i]))
                continue;
            npinned++;
            overflow |= !size_add(sum, results[i]->memory_kib, &sum);
        }
        if (npinned > 1 && (overflow || sum > h->memory_kib)) {
            char a[32], b[32];
            size_format_kib(sum, a, sizeof(a));
            size_format_kib(h->memory_kib, b, sizeof(b));
            add(out, CHECK_FLEET_MEMORY_ABOVE_HOST, h->memory_kib, true, sum)->text =
                msg_format(N_("the %zu guests that pin their memory (VFIO, vDPA or <locked/>) "
                              "need %s (%llu KiB) together, above the host's RAM %s (%llu KiB)"),
                           npinned, overflow ? "?" : a, (unsigned long long)sum, b,
                           (unsigned long long)h->memory_kib);
        }
    }
    return out->n - before;
}

void check_list_free(struct check_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        msg_free(&l->items[i].text);
    free(l->items);
    memset(l, 0, sizeof(*l));
}
