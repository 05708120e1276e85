/* Turns the demo tables into host models. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "i18n.h"
#include "probe.h"
#include "probe_derive.h"
#include "xalloc.h"

static const struct demo_def *const demos[] = { &demo_ac922, &demo_ac922_6gpu, &demo_x86_gpu,
                                                 &demo_x86_server };

static struct demo_host_info infos[DEMO_N(demos)];

const struct demo_host_info *probe_demo_list(size_t *n)
{
    for (size_t i = 0; i < DEMO_N(demos); i++) {
        infos[i].name = demos[i]->name;
        infos[i].description = demos[i]->description;
    }
    *n = DEMO_N(demos);
    return infos;
}

/* Table addresses are written by us; a typo is a programming error. */
static struct pci_addr addr_of(const char *s)
{
    struct pci_addr a;
    if (!pci_addr_parse(s, &a))
        abort();
    return a;
}

static void add_dev(struct host *h, const struct demo_dev *t)
{
    struct pci_addr a = addr_of(t->addr);
    struct host_device *d = host_add_device(h, &a);
    if (t->parent) {
        d->has_parent = true;
        d->parent = addr_of(t->parent);
    }
    d->ids_known = true;
    d->vendor = t->vendor;
    d->device = t->device;
    d->subsystem_vendor = t->subsystem_vendor;
    d->subsystem_device = t->subsystem_device;
    d->class_code = t->class_code;
    d->revision = t->revision;
    d->driver_known = true;
    d->driver = t->driver ? xstrdup(t->driver) : NULL;
    d->iommu_group = t->group;
    d->numa_node = t->numa;
    d->vendor_name = t->vendor_name ? xstrdup(t->vendor_name) : NULL;
    d->device_name = t->device_name ? xstrdup(t->device_name) : NULL;
    d->name_source = t->vendor_name ? HOST_NAMES_HWDB : HOST_NAMES_NONE;
    d->of_node = t->of_node ? xstrdup(t->of_node) : NULL;
}

static struct host *build(const struct demo_def *def)
{
    struct host *h = host_new(NULL);
    free(h->source);
    h->source = xasprintf("demo:%s", def->name);
    /* Kept in English: snapshots and JSON carry it; text output translates it. */
    h->description = xstrdup(def->description);
    h->hostname = xstrdup(def->hostname);
    h->arch = xstrdup(def->arch);
    h->kernel = xstrdup(def->kernel);
    h->model = def->model ? xstrdup(def->model) : NULL;
    h->memory_known = true;
    h->memory_kib = def->memory_kib;
    h->memlock_kind = def->memlock_bytes ? HOST_LIMIT_BYTES : HOST_LIMIT_UNLIMITED;
    h->memlock_bytes = def->memlock_bytes;
    h->has_kvm = def->has_kvm;
    for (const struct demo_table *t = def->tables; t->devs; t++)
        for (size_t i = 0; i < t->ndevs; i++)
            add_dev(h, &t->devs[i]);
    host_finish(h);
    for (size_t i = 0; i < def->nlinks; i++) {
        const struct demo_link *l = &def->links[i];
        struct pci_addr a = addr_of(l->bridge);
        struct host_device *d = (struct host_device *)host_find(h, &a);
        if (!d)
            abort();
        d->nv2_files = NV2_FILES_ALL;
        d->has_gpu_link = true;
        d->gpu = addr_of(l->gpu);
        d->gpu_ram_base = l->ram_base;
        d->gpu_ram_size = l->ram_size;
        d->gpu_ram_numa_node = l->ram_numa;
    }
    probe_derive(h);
    return h;
}

struct host *demo_load(const char *name)
{
    for (size_t i = 0; i < DEMO_N(demos); i++)
        if (!strcmp(demos[i]->name, name))
            return build(demos[i]);
    return NULL;
}
