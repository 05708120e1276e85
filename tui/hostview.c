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

static void push(struct hostview *v, struct hrow r)
{
    XGROW(v->rows, v->cap, v->n + 1);
    v->rows[v->n++] = r;
}

/* The device's upstream bridge on this host, in its own PCI domain, or -1. */
static long parent_of(const struct host *h, size_t i)
{
    const struct host_device *d = &h->devices[i];
    if (!d->has_parent)
        return -1;
    const struct host_device *up = host_find(h, &d->parent);
    if (!up || up == d || up->addr.domain != d->addr.domain)
        return -1;
    return up - h->devices;
}

struct tree {
    const struct host *h;
    long *parent;
    bool *seen;
    struct hostview *out;
};

/* Device i and its subtree, depth first; children in address order. */
static void walk(struct tree *t, size_t i, int depth, bool last, uint32_t cont)
{
    t->seen[i] = true;
    int d = depth < HOSTVIEW_MAX_DEPTH ? depth : HOSTVIEW_MAX_DEPTH;
    push(t->out, (struct hrow){ HROW_DEVICE, t->h->devices[i].addr.domain, i, d, last, cont });
    uint32_t child_cont = cont | (!last && d < 32 ? 1u << d : 0);
    long prev = -1;
    for (size_t c = 0; c < t->h->ndevices; c++) {
        if (t->parent[c] != (long)i || t->seen[c])
            continue;
        if (prev >= 0)
            walk(t, (size_t)prev, depth + 1, false, child_cont);
        prev = (long)c;
    }
    if (prev >= 0)
        walk(t, (size_t)prev, depth + 1, true, child_cont);
}

void hostview_build(const struct host *h, struct hostview *out)
{
    memset(out, 0, sizeof(*out));
    if (!h || !h->ndevices)
        return;
    struct tree t = { h, xcalloc(h->ndevices, sizeof(long)), xcalloc(h->ndevices, sizeof(bool)),
                      out };
    for (size_t i = 0; i < h->ndevices; i++)
        t.parent[i] = parent_of(h, i);
    for (size_t i = 0; i < h->ndevices; i++) {
        uint32_t dom = h->devices[i].addr.domain;
        if (i > 0 && dom == h->devices[i - 1].addr.domain)
            continue;
        push(out, (struct hrow){ HROW_PHB, dom, 0, 0, false, 0 });
        /* The PHB's top-level devices, then whatever a parent loop hid. */
        for (int pass = 0; pass < 2; pass++) {
            long prev = -1;
            for (size_t c = i; c < h->ndevices && h->devices[c].addr.domain == dom; c++) {
                if (t.seen[c] || (pass == 0 && t.parent[c] >= 0))
                    continue;
                if (pass == 1)
                    t.parent[c] = -1; /* in a loop: shown at the top */
                if (prev >= 0 && !t.seen[prev])
                    walk(&t, (size_t)prev, 0, false, 0);
                prev = (long)c;
            }
            if (prev >= 0 && !t.seen[prev])
                walk(&t, (size_t)prev, 0, true, 0);
        }
    }
    free(t.parent);
    free(t.seen);
}

void hostview_tree_prefix(const struct hrow *r, const char *cont_glyph, const char *mid,
                          const char *last, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int k = 0; k < r->depth && o < len; k++)
        o += (size_t)snprintf(buf + o, len - o, "%s", (r->cont >> k) & 1 ? cont_glyph : "  ");
    if (o < len)
        snprintf(buf + o, len - o, "%s", r->last ? last : mid);
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

bool hostview_matches(const struct hostview *v, const struct host *h, unsigned nv2_files,
                      const char *needle, size_t row)
{
    if (!needle[0] || row >= v->n || v->rows[row].kind != HROW_DEVICE)
        return false;
    const struct host_device *d = &h->devices[v->rows[row].dev];
    char addr[PCI_ADDR_STRLEN], name[256];
    pci_addr_format(&d->addr, addr);
    host_device_name(d, name, sizeof(name));
    return contains(addr, needle) || contains(name, needle) || contains(d->driver, needle) ||
           contains(hostview_tag(d, nv2_files), needle);
}

long hostview_search(const struct hostview *v, const struct host *h, unsigned nv2_files,
                     const char *needle, size_t from, int dir)
{
    if (!needle[0] || !v->n)
        return -1;
    for (size_t k = 1; k <= v->n; k++) {
        size_t i = dir < 0 ? (from + v->n - k % v->n) % v->n : (from + k) % v->n;
        if (hostview_matches(v, h, nv2_files, needle, i))
            return (long)i;
    }
    return -1;
}

size_t hostview_match_count(const struct hostview *v, const struct host *h, unsigned nv2_files,
                            const char *needle, size_t row, size_t *index)
{
    size_t n = 0;
    *index = 0;
    for (size_t i = 0; i < v->n; i++)
        if (hostview_matches(v, h, nv2_files, needle, i)) {
            n++;
            if (i == row)
                *index = n;
        }
    return n;
}

bool hostview_has_passthrough(const struct host *h)
{
    for (size_t i = 0; h && i < h->ndevices; i++)
        if (h->devices[i].iommu_group >= 0)
            return true;
    return false;
}
