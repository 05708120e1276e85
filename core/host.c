#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "xalloc.h"

struct host *host_new(const char *source)
{
    struct host *h = xcalloc(1, sizeof(*h));
    h->source = xstrdup(source ? source : "none");
    h->memlock_kind = HOST_LIMIT_UNKNOWN;
    h->has_kvm = HOST_UNKNOWN;
    return h;
}

void host_free(struct host *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->ndevices; i++) {
        struct host_device *d = &h->devices[i];
        free(d->driver);
        free(d->vendor_name);
        free(d->device_name);
        free(d->of_node);
    }
    free(h->devices);
    free(h->source);
    free(h->description);
    free(h->hostname);
    free(h->arch);
    free(h->kernel);
    free(h->libvirt);
    free(h->model);
    msg_list_free(&h->warnings);
    free(h);
}

struct host_device *host_add_device(struct host *h, const struct pci_addr *addr)
{
    XGROW(h->devices, h->cap, h->ndevices + 1);
    struct host_device *d = &h->devices[h->ndevices++];
    memset(d, 0, sizeof(*d));
    d->addr = *addr;
    d->iommu_group = HOST_UNKNOWN;
    d->numa_node = HOST_UNKNOWN;
    d->gpu_ram_numa_node = HOST_UNKNOWN;
    return d;
}

static int cmp_device(const void *a, const void *b)
{
    return pci_addr_cmp(&((const struct host_device *)a)->addr,
                        &((const struct host_device *)b)->addr);
}

void host_finish(struct host *h)
{
    if (h->ndevices > 1)
        qsort(h->devices, h->ndevices, sizeof(*h->devices), cmp_device);
}

const struct host_device *host_find(const struct host *h, const struct pci_addr *addr)
{
    if (!h || !h->ndevices)
        return NULL;
    struct host_device key;
    key.addr = *addr;
    return bsearch(&key, h->devices, h->ndevices, sizeof(*h->devices), cmp_device);
}

bool host_device_is_bridge(const struct host_device *d)
{
    /* Class 06 subclass 00 host bridge, 04 PCI-to-PCI (PCIe ports), 07
     * CardBus, 09 semi-transparent: not endpoints. "Other" bridges (0680,
     * e.g. POWER9's NVLink2 bridges) are endpoints VFIO takes. */
    if (!d->ids_known || (d->class_code >> 16) != 0x06)
        return false;
    unsigned sub = (d->class_code >> 8) & 0xff;
    return sub == 0x00 || sub == 0x04 || sub == 0x07 || sub == 0x09;
}

bool host_device_is_nv2_bridge(const struct host_device *d, unsigned required)
{
    return required && (d->nv2_files & required) == required;
}

const char *host_device_name(const struct host_device *d, char *buf, size_t len)
{
    if (d->vendor_name && d->device_name)
        snprintf(buf, len, "%s %s", d->vendor_name, d->device_name);
    else if (d->ids_known)
        snprintf(buf, len, "%s%s%04x:%04x", d->vendor_name ? d->vendor_name : "",
                 d->vendor_name ? " " : "", d->vendor, d->device);
    else
        snprintf(buf, len, "?");
    return buf;
}

uint32_t *host_domains(const struct host *h, size_t *n)
{
    uint32_t *out = xcalloc(h->ndevices ? h->ndevices : 1, sizeof(*out));
    size_t k = 0;
    /* devices are sorted by address, so domains arrive in order */
    for (size_t i = 0; i < h->ndevices; i++)
        if (!k || out[k - 1] != h->devices[i].addr.domain)
            out[k++] = h->devices[i].addr.domain;
    *n = k;
    return out;
}

size_t *host_group_members(const struct host *h, int group, size_t *n)
{
    size_t *out = xcalloc(h->ndevices ? h->ndevices : 1, sizeof(*out));
    size_t k = 0;
    if (group != HOST_UNKNOWN)
        for (size_t i = 0; i < h->ndevices; i++)
            if (h->devices[i].iommu_group == group)
                out[k++] = i;
    *n = k;
    return out;
}

const char *host_name_source_str(enum host_name_source s)
{
    switch (s) {
    case HOST_NAMES_HWDB: return "hwdb";
    case HOST_NAMES_PCI_IDS: return "pci.ids";
    default: return NULL;
    }
}

bool host_name_source_parse(const char *s, enum host_name_source *out)
{
    if (!strcmp(s, "hwdb"))
        *out = HOST_NAMES_HWDB;
    else if (!strcmp(s, "pci.ids"))
        *out = HOST_NAMES_PCI_IDS;
    else if (!strcmp(s, "none"))
        *out = HOST_NAMES_NONE;
    else
        return false;
    return true;
}

bool host_kernel_at_least(const char *release, unsigned major, unsigned minor)
{
    if (!release)
        return false;
    char *end;
    unsigned long ma = strtoul(release, &end, 10);
    if (end == release || *end != '.')
        return false;
    const char *p = end + 1;
    unsigned long mi = strtoul(p, &end, 10);
    if (end == p)
        return false;
    return ma > major || (ma == major && mi >= minor);
}
