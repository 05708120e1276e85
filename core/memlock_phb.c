#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock_phb.h"
#include "xalloc.h"

/* A PHB's bus has 32 slots; slot 0 is not used for devices. */
#define PHB_SLOTS 31

struct phb_list {
    struct phb_info *items;
    size_t n, cap;
};

static struct phb_info *phb_add(struct phb_list *l, unsigned index, enum phb_origin origin)
{
    XGROW(l->items, l->cap, l->n + 1);
    struct phb_info *p = &l->items[l->n++];
    memset(p, 0, sizeof(*p));
    p->index = index;
    p->origin = origin;
    p->isolation_group = -1;
    return p;
}

static struct phb_info *phb_by_index(struct phb_list *l, unsigned index)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].index == index)
            return &l->items[i];
    return NULL;
}

static const struct guest_pci_controller *controller_by_index(const struct guest *g, unsigned index)
{
    for (size_t i = 0; i < g->ncontrollers; i++)
        if (g->controllers[i].index == index)
            return &g->controllers[i];
    return NULL;
}

/* The PHB a guest bus number ends up under: follow bridges to their root. */
static struct phb_info *phb_for_bus(const struct guest *g, struct phb_list *l, unsigned bus)
{
    for (size_t hops = 0; hops <= g->ncontrollers; hops++) {
        struct phb_info *p = phb_by_index(l, bus);
        if (p)
            return p;
        const struct guest_pci_controller *c = controller_by_index(g, bus);
        if (!c || !c->has_bus)
            return NULL;
        bus = c->bus;
    }
    return NULL; /* a loop in the controller chain */
}

/* Isolation group of a PCI hostdev: host IOMMU group + 1, as libvirt sets it. */
static long isolation_group(const struct host *h, const struct guest_hostdev *hd, size_t i,
                            int *iommu_group)
{
    const struct host_device *d = host_find(h, &hd->host);
    if (d && d->iommu_group >= 0) {
        *iommu_group = d->iommu_group;
        return (long)d->iommu_group + 1;
    }
    *iommu_group = -1;
    return PHB_GROUP_UNKNOWN_BASE + (long)i;
}

/* A PHB's explanation, formatted only when asked for (arguments unevaluated otherwise). */
#define PHB_WHY(explain, ...) ((explain) ? msg_format(__VA_ARGS__) : (struct msg){ NULL, NULL })

static void set_why_added(struct phb_info *p, const struct guest_hostdev *hd, int iommu_group)
{
    char addr[PCI_ADDR_STRLEN];
    pci_addr_format(&hd->host, addr);
    if (iommu_group >= 0)
        p->why = msg_format(N_("added by libvirt to keep host IOMMU group %d (%s) apart from "
                               "other devices"), iommu_group, addr);
    else
        p->why = msg_format(N_("added by libvirt for %s, taken as alone in its IOMMU group"), addr);
}

void memlock_phbs(const struct guest *g, const struct host *h, bool explain,
                  struct phb_info **phbs, size_t *nphbs, struct msg_list *warnings)
{
    struct phb_list l = { 0 };

    if (g->phb_override) {
        for (unsigned i = 0; i < g->phb_override; i++) {
            struct phb_info *p = phb_add(&l, i, PHB_MANUAL);
            p->why = PHB_WHY(explain, N_("counted by hand in the planner, not derived from the "
                                         "guest"));
        }
        *phbs = l.items;
        *nphbs = l.n;
        return;
    }

    /* Listed pci-root controllers; the default PHB (index 0) always exists. */
    if (!controller_by_index(g, 0) || controller_by_index(g, 0)->model != GUEST_PCI_ROOT) {
        struct phb_info *p = phb_add(&l, 0, PHB_DEFAULT_IMPLICIT);
        p->why = PHB_WHY(explain, N_("the default PHB: libvirt always adds it; emulated devices "
                                     "go here, hostdevs only with an explicit address"));
    }
    for (size_t i = 0; i < g->ncontrollers; i++) {
        const struct guest_pci_controller *c = &g->controllers[i];
        if (c->model != GUEST_PCI_ROOT || phb_by_index(&l, c->index))
            continue;
        struct phb_info *p = phb_add(&l, c->index, PHB_LISTED);
        p->why = c->index == 0
                     ? PHB_WHY(explain, N_("the default PHB, listed in the XML; emulated devices "
                                           "go here"))
                     : PHB_WHY(explain, N_("listed in the XML as pci-root controller %u"), c->index);
    }
    /* The default PHB is locked to isolation group 0 (emulated devices). */
    phb_by_index(&l, 0)->isolation_group = 0;
    unsigned next_index = 0;
    for (size_t i = 0; i < l.n; i++)
        if (l.items[i].index >= next_index)
            next_index = l.items[i].index + 1;
    for (size_t i = 0; i < g->ncontrollers; i++)
        if (g->controllers[i].index >= next_index)
            next_index = g->controllers[i].index + 1;

    /* Pass 1: hostdevs the XML places itself claim their PHB first. */
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *hd = &g->hostdevs[i];
        if (!hd->has_guest_addr)
            continue;
        struct phb_info *p = phb_for_bus(g, &l, hd->guest_bus);
        if (!p) {
            if (warnings)
                msg_list_add(warnings, N_("a hostdev is placed on guest bus %u, which no listed "
                                          "controller leads to a PHB from; libvirt adds a "
                                          "controller for it, which this planner does not count"),
                             hd->guest_bus);
            continue;
        }
        int grp;
        long iso = hd->kind == GUEST_HOSTDEV_PCI ? isolation_group(h, hd, i, &grp) : 0;
        if (p->isolation_group < 0)
            p->isolation_group = iso;
        p->nhostdevs++;
    }

    /* Pass 2: the others go to a PHB of their isolation group, an empty one,
     * or a new one. mdev hostdevs are not isolated: they share the default PHB. */
    for (size_t i = 0; i < g->nhostdevs; i++) {
        const struct guest_hostdev *hd = &g->hostdevs[i];
        if (hd->has_guest_addr)
            continue;
        if (hd->kind != GUEST_HOSTDEV_PCI) {
            phb_by_index(&l, 0)->nhostdevs++;
            continue;
        }
        int grp;
        long iso = isolation_group(h, hd, i, &grp);
        struct phb_info *target = NULL;
        for (size_t k = 0; k < l.n && !target; k++)
            if (l.items[k].isolation_group == iso && l.items[k].nhostdevs < PHB_SLOTS)
                target = &l.items[k];
        for (size_t k = 0; k < l.n && !target; k++)
            if (l.items[k].isolation_group < 0 && !l.items[k].nhostdevs)
                target = &l.items[k];
        if (!target) {
            target = phb_add(&l, next_index++, PHB_ADDED_ISOLATION);
            if (explain)
                set_why_added(target, hd, grp);
        }
        target->isolation_group = iso;
        target->nhostdevs++;
    }
    *phbs = l.items;
    *nphbs = l.n;
}
