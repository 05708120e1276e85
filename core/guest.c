#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "size.h"
#include "xalloc.h"

struct guest *guest_new(void)
{
    struct guest *g = xcalloc(1, sizeof(*g));
    g->virt = GUEST_VIRT_KVM;
    return g;
}

struct guest *guest_new_for_arch(const char *arch)
{
    struct guest *g = guest_new();
    g->name = xstrdup("new-guest");
    g->virt_name = xstrdup("kvm");
    g->arch = xstrdup(arch ? arch : "x86_64");
    g->machine = xstrdup(guest_is_ppc64(g) ? "pseries" : "q35");
    g->memory_kib = 4 * KIB_PER_GIB;
    return g;
}

bool guest_is_ppc64(const struct guest *g)
{
    const char *a = g->arch;   /* "ppc64" or "ppc64le", spelled out: called for every term */
    return a && a[0] == 'p' && a[1] == 'p' && a[2] == 'c' && a[3] == '6' && a[4] == '4' &&
           (a[5] == '\0' || (a[5] == 'l' && a[6] == 'e' && a[7] == '\0'));
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

struct guest *guest_dup(const struct guest *g)
{
    struct guest *c = xmalloc(sizeof(*c));
    *c = *g;
    c->name = dup_or_null(g->name);
    c->virt_name = dup_or_null(g->virt_name);
    c->arch = dup_or_null(g->arch);
    c->machine = dup_or_null(g->machine);
    c->iommu_model = dup_or_null(g->iommu_model);
    c->numa_cells_kib = xreallocarray(NULL, g->nnuma, sizeof(*g->numa_cells_kib));
    if (g->nnuma)
        memcpy(c->numa_cells_kib, g->numa_cells_kib, g->nnuma * sizeof(*g->numa_cells_kib));
    c->memdevs = xreallocarray(NULL, g->nmemdevs, sizeof(*g->memdevs));
    for (size_t i = 0; i < g->nmemdevs; i++) {
        c->memdevs[i] = g->memdevs[i];
        c->memdevs[i].model = dup_or_null(g->memdevs[i].model);
    }
    c->hostdevs_cap = g->nhostdevs;
    c->hostdevs = xreallocarray(NULL, g->nhostdevs, sizeof(*g->hostdevs));
    for (size_t i = 0; i < g->nhostdevs; i++) {
        c->hostdevs[i] = g->hostdevs[i];
        c->hostdevs[i].mdev_uuid = dup_or_null(g->hostdevs[i].mdev_uuid);
    }
    c->controllers = xreallocarray(NULL, g->ncontrollers, sizeof(*g->controllers));
    for (size_t i = 0; i < g->ncontrollers; i++) {
        c->controllers[i] = g->controllers[i];
        c->controllers[i].model_name = dup_or_null(g->controllers[i].model_name);
    }
    return c;
}

void guest_free(struct guest *g)
{
    if (!g)
        return;
    free(g->name);
    free(g->virt_name);
    free(g->arch);
    free(g->machine);
    free(g->iommu_model);
    free(g->numa_cells_kib);
    for (size_t i = 0; i < g->nmemdevs; i++)
        free(g->memdevs[i].model);
    free(g->memdevs);
    for (size_t i = 0; i < g->nhostdevs; i++)
        free(g->hostdevs[i].mdev_uuid);
    free(g->hostdevs);
    for (size_t i = 0; i < g->ncontrollers; i++)
        free(g->controllers[i].model_name);
    free(g->controllers);
    free(g);
}

struct guest_hostdev *guest_add_hostdev(struct guest *g, enum guest_hostdev_kind kind)
{
    XGROW(g->hostdevs, g->hostdevs_cap, g->nhostdevs + 1);
    struct guest_hostdev *h = &g->hostdevs[g->nhostdevs++];
    memset(h, 0, sizeof(*h));
    h->kind = kind;
    return h;
}

long guest_find_pci_hostdev(const struct guest *g, const struct pci_addr *host)
{
    for (size_t i = 0; i < g->nhostdevs; i++)
        if (g->hostdevs[i].kind == GUEST_HOSTDEV_PCI && pci_addr_eq(&g->hostdevs[i].host, host))
            return (long)i;
    return -1;
}

void guest_remove_hostdev(struct guest *g, size_t index)
{
    if (index >= g->nhostdevs)
        return;
    free(g->hostdevs[index].mdev_uuid);
    memmove(&g->hostdevs[index], &g->hostdevs[index + 1],
            (g->nhostdevs - index - 1) * sizeof(*g->hostdevs));
    g->nhostdevs--;
}
