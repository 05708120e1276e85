#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hostview.h"
#include "i18n.h"
#include "text_safe.h"
#include "xalloc.h"

static int depth_of(const struct host *h, const struct host_device *d)
{
    int depth = 0;
    /* Follow upstream bridges the host knows; bounded against loops. */
    while (d->has_parent && depth < 3) {
        const struct host_device *up = host_find(h, &d->parent);
        if (!up || up == d)
            break;
        d = up;
        depth++;
    }
    return depth;
}

static void push(struct hostview *v, struct hrow r)
{
    XGROW(v->rows, v->cap, v->n + 1);
    v->rows[v->n++] = r;
}

void hostview_build(const struct host *h, struct hostview *out)
{
    memset(out, 0, sizeof(*out));
    if (!h)
        return;
    for (size_t i = 0; i < h->ndevices; i++) {
        const struct host_device *d = &h->devices[i];
        if (i == 0 || d->addr.domain != h->devices[i - 1].addr.domain)
            push(out, (struct hrow){ HROW_PHB, d->addr.domain, 0, 0, false });
        bool last = i + 1 == h->ndevices || h->devices[i + 1].addr.domain != d->addr.domain;
        push(out, (struct hrow){ HROW_DEVICE, d->addr.domain, i, depth_of(h, d), last });
    }
}

void hostview_free(struct hostview *v)
{
    free(v->rows);
    memset(v, 0, sizeof(*v));
}

long hostview_row_of(const struct hostview *v, size_t dev)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->rows[i].kind == HROW_DEVICE && v->rows[i].dev == dev)
            return (long)i;
    return -1;
}

const char *hostview_tag(const struct host_device *d, unsigned nv2_files)
{
    if (host_device_is_nv2_bridge(d, nv2_files))
        return "NV2";
    if (host_device_is_gpu(d))
        return "GPU";
    if (host_device_is_display(d))
        return "VGA";   /* a BMC's or emulated display: not a GPU to plan */
    if (!d->ids_known)
        return "dev";
    switch (d->class_code >> 16) {
    case 0x01: return "storage";
    case 0x02: return "net";
    case 0x06: return "bridge";
    case 0x0c: return "serial";
    default: return "dev";
    }
}

void hostview_phb_text(const struct host *h, uint32_t domain, unsigned nv2_files, char *buf,
                       size_t len)
{
    bool npu = false;
    size_t n = 0;
    for (size_t i = 0; i < h->ndevices; i++)
        if (h->devices[i].addr.domain == domain) {
            n++;
            npu = npu || host_device_is_nv2_bridge(&h->devices[i], nv2_files);
        }
    if (npu)
        snprintf(buf, len, P_("PHB %04x  NVLink2 (NPU), %zu device",
                              "PHB %04x  NVLink2 (NPU), %zu devices", n), (unsigned)domain, n);
    else
        snprintf(buf, len, P_("PHB %04x  %zu device", "PHB %04x  %zu devices", n), (unsigned)domain, n);
}

void hostview_device_text(const struct host_device *d, unsigned nv2_files, char *buf, size_t len)
{
    char drv[24], grp[16], numa[16];
    text_safe_copy(drv, sizeof(drv), d->driver ? d->driver : (d->driver_known ? "-" : "?"));
    if (d->iommu_group >= 0)
        snprintf(grp, sizeof(grp), "g%d", d->iommu_group);
    else
        snprintf(grp, sizeof(grp), "g-");
    if (d->numa_node >= 0)
        snprintf(numa, sizeof(numa), " n%d", d->numa_node);
    else
        numa[0] = '\0';
    snprintf(buf, len, "%02x:%02x.%x %-3s %s %s%s", d->addr.bus, d->addr.slot, d->addr.function,
             hostview_tag(d, nv2_files), drv, grp, numa);
}

/* Appends printf-style text at buf[*o], never past `len`. */
__attribute__((format(printf, 4, 5)))
static void add(char *buf, size_t len, size_t *o, const char *fmt, ...)
{
    if (*o >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *o, len - *o, fmt, ap);
    va_end(ap);
    if (n > 0)
        *o += (size_t)n;
}

void hostview_device_detail(const struct host *h, const struct host_device *d, unsigned nv2_files,
                            char *buf, size_t len)
{
    char addr[PCI_ADDR_STRLEN], name[256], safe[256], drv[64];
    size_t o = 0;
    if (!len)
        return;
    buf[0] = '\0';
    pci_addr_format(&d->addr, addr);
    add(buf, len, &o, "%s", addr);
    /* What matters for the limit first: NVLink2 links, the IOMMU group. */
    if (host_device_is_nv2_bridge(d, nv2_files) && d->has_gpu_link) {
        char gpu[PCI_ADDR_STRLEN];
        pci_addr_format(&d->gpu, gpu);
        add(buf, len, &o, _(" NVLink2 bridge of GPU %s;"), gpu);
    } else if (host_device_is_nv2_bridge(d, nv2_files)) {
        add(buf, len, &o, "%s", _(" NVLink2 bridge;"));
    } else if (d->nv2_files) {
        add(buf, len, &o, "%s", _(" some NVLink2 device-tree files, not all this libvirt checks;"));
    }
    if (host_device_is_gpu(d)) {
        size_t nb = 0;
        for (size_t i = 0; i < h->ndevices; i++)
            if (h->devices[i].has_gpu_link && pci_addr_eq(&h->devices[i].gpu, &d->addr))
                nb++;
        if (nb)
            add(buf, len, &o, P_(" GPU with %zu NVLink2 bridge;", " GPU with %zu NVLink2 bridges;", nb),
                nb);
    }
    if (d->iommu_group >= 0)
        add(buf, len, &o, _(" IOMMU group %d;"), d->iommu_group);
    else
        add(buf, len, &o, "%s", _(" no IOMMU group;"));
    text_safe_copy(drv, sizeof(drv), d->driver ? d->driver : _("none"));
    add(buf, len, &o, _(" driver %s;"), drv);
    if (d->numa_node >= 0)
        add(buf, len, &o, _(" NUMA node %d;"), d->numa_node);
    host_device_name(d, name, sizeof(name));
    text_safe_copy(safe, sizeof(safe), name);
    add(buf, len, &o, " %s", safe);
}

static bool contains(const char *hay, const char *needle)
{
    if (!hay)
        return false;
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, n))
            return true;
    return false;
}

long hostview_search(const struct hostview *v, const struct host *h, unsigned nv2_files,
                     const char *needle, size_t from)
{
    if (!needle[0] || !v->n)
        return -1;
    for (size_t k = 1; k <= v->n; k++) {
        size_t i = (from + k) % v->n;
        if (v->rows[i].kind != HROW_DEVICE)
            continue;
        const struct host_device *d = &h->devices[v->rows[i].dev];
        char addr[PCI_ADDR_STRLEN], name[256];
        pci_addr_format(&d->addr, addr);
        host_device_name(d, name, sizeof(name));
        if (contains(addr, needle) || contains(name, needle) || contains(d->driver, needle) ||
            contains(hostview_tag(d, nv2_files), needle))
            return (long)i;
    }
    return -1;
}

bool hostview_has_passthrough(const struct host *h)
{
    for (size_t i = 0; h && i < h->ndevices; i++)
        if (h->devices[i].iommu_group >= 0)
            return true;
    return false;
}
