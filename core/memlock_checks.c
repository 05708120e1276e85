#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock_checks.h"
#include "size.h"

static bool host_has_facts(const struct host *h)
{
    return h && strcmp(h->source, "none") != 0;
}

static bool assigned(const struct guest *g, const struct pci_addr *a)
{
    return guest_find_pci_hostdev(g, a) >= 0;
}

static void check_missing(const struct guest *g, const struct host *h, struct memlock_result *r)
{
    size_t npci = 0;
    for (size_t i = 0; i < g->nhostdevs; i++)
        npci += g->hostdevs[i].kind == GUEST_HOSTDEV_PCI;
    if (!npci)
        return;
    if (!host_has_facts(h)) {
        msg_list_add(&r->warnings, N_("no host facts (--host none): every hostdev is taken as "
                                      "alone in its IOMMU group and not an NVLink2 bridge"));
        return;
    }
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *hd = &g->hostdevs[i];
        if (hd->kind != GUEST_HOSTDEV_PCI)
            continue;
        const struct host_device *d = host_find(h, &hd->host);
        if (d && d->iommu_group >= 0)
            continue;
        char addr[PCI_ADDR_STRLEN];
        pci_addr_format(&hd->host, addr);
        if (!d)
            msg_list_add(&r->warnings, N_("hostdev %s is not on this host: taken as alone in its "
                                          "IOMMU group and not an NVLink2 bridge"), addr);
        else if (d->iommu_group < 0)
            msg_list_add(&r->warnings, N_("hostdev %s has no IOMMU group on this host: VFIO cannot "
                                          "use it; taken as alone in its group"), addr);
    }
}

static void check_groups(const struct guest *g, const struct host *h, struct memlock_result *r)
{
    if (!host_has_facts(h))
        return;
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *hd = &g->hostdevs[i];
        if (hd->kind != GUEST_HOSTDEV_PCI)
            continue;
        const struct host_device *d = host_find(h, &hd->host);
        if (!d || d->iommu_group < 0)
            continue;
        /* Report each group once: at its first assigned member. */
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            const struct host_device *e = g->hostdevs[k].kind == GUEST_HOSTDEV_PCI
                                              ? host_find(h, &g->hostdevs[k].host) : NULL;
            seen = e && e->iommu_group == d->iommu_group;
        }
        if (seen)
            continue;
        size_t n, missing = 0;
        size_t *members = host_group_members(h, d->iommu_group, &n);
        char first[PCI_ADDR_STRLEN] = "";
        for (size_t k = 0; k < n; k++) {
            const struct host_device *m = &h->devices[members[k]];
            if (!assigned(g, &m->addr)) {
                if (!missing++)
                    pci_addr_format(&m->addr, first);
            }
        }
        free(members);
        if (missing)
            msg_list_add_plural(&r->warnings,
                                NP_("IOMMU group %d is only partly assigned (%zu of %zu device "
                                    "missing, e.g. %s): VFIO needs every member bound to "
                                    "vfio-pci and in one guest",
                                    "IOMMU group %d is only partly assigned (%zu of %zu devices "
                                    "missing, e.g. %s): VFIO needs every member bound to "
                                    "vfio-pci and in one guest"),
                                (unsigned long)n, d->iommu_group, missing, n, first);
    }
}

static void check_nvlink2(const struct guest *g, const struct host *h, struct memlock_result *r)
{
    if (!host_has_facts(h))
        return;
    unsigned files = r->profile->nv2_files;
    bool any_nv2 = false;
    for (size_t i = 0; i < h->ndevices; i++) {
        const struct host_device *br = &h->devices[i];
        if (!host_device_is_nv2_bridge(br, files) || !br->has_gpu_link)
            continue;
        bool br_in = assigned(g, &br->addr), gpu_in = assigned(g, &br->gpu);
        any_nv2 |= br_in;
        if (br_in == gpu_in)
            continue;
        /* Formatted only for a warning: this runs for every guest of a batch. */
        char ba[PCI_ADDR_STRLEN], ga[PCI_ADDR_STRLEN];
        pci_addr_format(&br->addr, ba);
        pci_addr_format(&br->gpu, ga);
        if (br_in)
            msg_list_add(&r->warnings, N_("NVLink2 bridge %s is assigned without its GPU %s"), ba, ga);
        else
            msg_list_add(&r->warnings, N_("GPU %s is assigned without its NVLink2 bridge %s: "
                                          "the plain VFIO formula applies and NVLink is lost"), ga, ba);
    }
    if (any_nv2 && host_kernel_at_least(h->kernel, 5, 13))
        msg_list_add(&r->warnings, N_("NVLink2 passthrough on Linux %s: Linux 5.13 removed VFIO "
                                      "NVLink2 support (and QEMU 8.2 removed its side); libvirt "
                                      "still applies the NVLink2 formula"), h->kernel);
}

void memlock_checks(const struct guest *g, const struct host *h, struct memlock_result *r)
{
    check_missing(g, h, r);
    check_groups(g, h, r);
    check_nvlink2(g, h, r);
    if (g->nhostdevs && g->virt == GUEST_VIRT_QEMU)
        msg_list_add(&r->warnings, N_("a TCG guest (domain type 'qemu') cannot use VFIO devices"));
    if (g->qemu_mlock) {
        char mem[32];
        size_format_kib(r->memory_kib, mem, sizeof(mem));
        msg_list_add(&r->warnings, N_("<qemu:commandline> passes %s: QEMU locks all guest RAM "
                                      "(%s) and its own memory, so the limit must cover them, not "
                                      "only what VFIO maps"),
                     g->qemu_mlock & GUEST_QEMU_OVERCOMMIT_MEMLOCK ? "-overcommit mem-lock=on"
                                                                   : "-realtime mlock=on", mem);
    }
    if (g->locked && r->kind == MEMLOCK_BYTES && r->limit_kib < r->memory_kib) {
        char mem[32], lim[32];
        size_format_kib(r->memory_kib, mem, sizeof(mem));
        size_format_kib(r->limit_kib, lim, sizeof(lim));
        msg_list_add(&r->warnings, N_("<locked/> makes QEMU lock all guest RAM (%s) and its own "
                                      "memory (libvirt passes -overcommit mem-lock=on), but the "
                                      "limit is %s: QEMU fails to start"), mem, lim);
    }
    if (g->locked && !g->has_hard_limit)
        msg_list_add(&r->warnings, N_("<locked/> without <hard_limit> removes the limit "
                                      "altogether; libvirt recommends setting hard_limit too"));
    if (host_has_facts(h) && h->memory_known && r->kind == MEMLOCK_BYTES &&
        r->limit_kib > h->memory_kib) {
        char a[32], b[32];
        size_format_kib(r->limit_kib, a, sizeof(a));
        size_format_kib(h->memory_kib, b, sizeof(b));
        msg_list_add(&r->warnings, N_("the limit (%s) is above the host's RAM (%s); it is a "
                                      "ceiling, not an allocation, but check the guest's size"), a, b);
    }
}
