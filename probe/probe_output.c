#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "i18n.h"
#include "probe_output.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

const char *const probe_nv2_file_names[4] = { "ibm,gpu", "ibm,nvlink", "ibm,nvlink-speed",
                                               "memory-region" };

static void hex_string(struct json *j, unsigned v, int width)
{
    char buf[20];
    *hex_put(buf, v, width) = '\0';
    json_string(j, buf);
}

static void addr_string(struct json *j, const struct pci_addr *a)
{
    char buf[PCI_ADDR_STRLEN];
    pci_addr_format(a, buf);
    json_string(j, buf);
}

static void nonneg_or_null(struct json *j, int v)
{
    if (v < 0)
        json_null(j);
    else
        json_int(j, v);
}

static void write_device(struct json *j, const struct host_device *d)
{
    char name[512];
    json_begin_object(j);
    json_key_lit(j, "address");
    addr_string(j, &d->addr);
    json_key_lit(j, "vendor");
    if (d->ids_known) hex_string(j, d->vendor, 4); else json_null(j);
    json_key_lit(j, "device");
    if (d->ids_known) hex_string(j, d->device, 4); else json_null(j);
    json_key_lit(j, "subsystem_vendor");
    if (d->ids_known) hex_string(j, d->subsystem_vendor, 4); else json_null(j);
    json_key_lit(j, "subsystem_device");
    if (d->ids_known) hex_string(j, d->subsystem_device, 4); else json_null(j);
    json_key_lit(j, "class");
    if (d->ids_known) hex_string(j, d->class_code, 6); else json_null(j);
    json_key_lit(j, "revision");
    if (d->ids_known) hex_string(j, d->revision, 2); else json_null(j);
    json_key_lit(j, "driver");
    json_string(j, d->driver_known ? d->driver : NULL);
    json_key_lit(j, "driver_known");
    json_bool(j, d->driver_known);
    json_key_lit(j, "iommu_group");
    nonneg_or_null(j, d->iommu_group);
    json_key_lit(j, "numa_node");
    nonneg_or_null(j, d->numa_node);
    json_key_lit(j, "name");
    json_string(j, host_device_name(d, name, sizeof(name)));
    json_key_lit(j, "vendor_name");
    json_string(j, d->vendor_name);
    json_key_lit(j, "device_name");
    json_string(j, d->device_name);
    json_key_lit(j, "name_source");
    json_string(j, host_name_source_str(d->name_source));
    json_key_lit(j, "class_name");
    json_string(j, host_device_class_name(d));
    json_key_lit(j, "parent");
    if (d->has_parent) addr_string(j, &d->parent); else json_null(j);
    json_key_lit(j, "of_node");
    json_string(j, d->of_node);
    json_key_lit(j, "is_display");
    json_bool(j, host_device_is_display(d));
    json_key_lit(j, "is_gpu");
    json_bool(j, host_device_is_gpu(d));
    json_key_lit(j, "gpu_ram_bytes");     /* fitted: from the device id or name */
    uint64_t fitted = host_gpu_ram_bytes(d);
    if (fitted) json_uint(j, fitted); else json_null(j);
    json_key_lit(j, "is_nvlink2_bridge");
    json_bool(j, host_device_is_nv2_bridge(d, PROBE_NV2_REQUIRED));
    json_key_lit(j, "nv2_files");
    json_begin_array(j);
    for (unsigned b = 0; b < 4; b++)
        if (d->nv2_files & (1u << b))
            json_string(j, probe_nv2_file_names[b]);
    json_end_array(j);
    json_key_lit(j, "gpu");
    if (d->has_gpu_link) addr_string(j, &d->gpu); else json_null(j);
    json_key_lit(j, "gpu_ram_window");  /* the device tree's memory-region */
    if (d->gpu_ram_size) {
        json_begin_object(j);
        json_key_lit(j, "base_bytes");
        json_uint(j, d->gpu_ram_base);
        json_key_lit(j, "size_bytes");
        json_uint(j, d->gpu_ram_size);
        json_key_lit(j, "numa_node");
        nonneg_or_null(j, d->gpu_ram_numa_node);
        json_end_object(j);
    } else {
        json_null(j);
    }
    json_end_object(j);
}

/* Device indexes ordered by (IOMMU group, address); devices without a group left out. */
static const struct host *sort_host;
static int cmp_by_group(const void *a, const void *b)
{
    const struct host_device *x = &sort_host->devices[*(const size_t *)a];
    const struct host_device *y = &sort_host->devices[*(const size_t *)b];
    if (x->iommu_group != y->iommu_group)
        return x->iommu_group < y->iommu_group ? -1 : 1;
    return pci_addr_cmp(&x->addr, &y->addr);
}

static size_t *grouped(const struct host *h, size_t *n)
{
    size_t *idx = xcalloc(h->ndevices ? h->ndevices : 1, sizeof(*idx));
    size_t k = 0;
    for (size_t i = 0; i < h->ndevices; i++)
        if (h->devices[i].iommu_group >= 0)
            idx[k++] = i;
    sort_host = h;
    qsort(idx, k, sizeof(*idx), cmp_by_group);
    *n = k;
    return idx;
}

void probe_write_json(struct json *j, const struct host *h)
{
    json_begin_object(j);
    json_key_lit(j, "source");
    json_string(j, h->source);
    json_key_lit(j, "description");
    json_string(j, h->description);
    json_key_lit(j, "hostname");
    json_string(j, h->hostname);
    json_key_lit(j, "arch");
    json_string(j, h->arch);
    json_key_lit(j, "kernel");
    json_string(j, h->kernel);
    json_key_lit(j, "model");
    json_string(j, h->model);
    json_key_lit(j, "memory_kib");
    if (h->memory_known) json_uint(j, h->memory_kib); else json_null(j);
    json_key_lit(j, "memlock_limit_bytes");
    switch (h->memlock_kind) {
    case HOST_LIMIT_BYTES: json_uint(j, h->memlock_bytes); break;
    case HOST_LIMIT_UNLIMITED: json_string(j, "unlimited"); break;
    default: json_null(j); break;
    }
    json_key_lit(j, "has_kvm");
    if (h->has_kvm == HOST_UNKNOWN) json_null(j); else json_bool(j, h->has_kvm);

    json_key_lit(j, "phbs");
    json_begin_array(j);
    for (size_t i = 0; i < h->ndevices;) {
        uint32_t dom = h->devices[i].addr.domain;
        json_begin_object(j);
        json_key_lit(j, "domain");
        hex_string(j, dom, 4);
        json_key_lit(j, "devices");
        json_begin_array(j);
        for (; i < h->ndevices && h->devices[i].addr.domain == dom; i++)
            addr_string(j, &h->devices[i].addr);
        json_end_array(j);
        json_end_object(j);
    }
    json_end_array(j);

    json_key_lit(j, "devices");
    json_begin_array(j);
    for (size_t i = 0; i < h->ndevices; i++)
        write_device(j, &h->devices[i]);
    json_end_array(j);

    json_key_lit(j, "iommu_groups");
    json_begin_object(j);
    size_t n;
    size_t *idx = grouped(h, &n);
    for (size_t i = 0; i < n;) {
        int g = h->devices[idx[i]].iommu_group;
        char key[16];
        snprintf(key, sizeof(key), "%d", g);
        json_key(j, key);
        json_begin_array(j);
        for (; i < n && h->devices[idx[i]].iommu_group == g; i++)
            addr_string(j, &h->devices[idx[i]].addr);
        json_end_array(j);
    }
    free(idx);
    json_end_object(j);

    json_key_lit(j, "warnings");
    json_begin_array(j);
    for (size_t i = 0; i < h->warnings.n; i++)
        json_string(j, h->warnings.items[i].c);
    json_end_array(j);
    json_end_object(j);
}

/* ---- text tree ---- */

struct tree {
    const struct host *h;
    size_t *first_child, *next_sibling;  /* SIZE_MAX: none */
    char prefix[256];
};

static void print_device_line(FILE *out, const struct host_device *d)
{
    char name[512], safe[512], addr[PCI_ADDR_STRLEN];
    pci_addr_format(&d->addr, addr);
    text_safe_copy(safe, sizeof(safe), host_device_name(d, name, sizeof(name)));
    /* As lspci -nn: "class: name [vendor:device]". */
    const char *cls = host_device_class_name(d);
    if (cls)
        fprintf(out, "%s %s: %s", addr, _(cls), safe);
    else
        fprintf(out, "%s %s", addr, safe);
    if (d->ids_known && d->device_name)
        fprintf(out, " [%04x:%04x]", d->vendor, d->device);
    if (!d->driver_known) {
        fprintf(out, _(", driver unknown"));
    } else if (d->driver) {
        text_safe_copy(safe, sizeof(safe), d->driver);
        fprintf(out, _(", driver %s"), safe);
    }
    if (d->iommu_group >= 0)
        fprintf(out, _(", group %d"), d->iommu_group);
    if (d->numa_node >= 0)
        fprintf(out, _(", NUMA %d"), d->numa_node);
    if (host_device_is_nv2_bridge(d, PROBE_NV2_REQUIRED)) {
        fprintf(out, _(" <NVLink2 bridge"));
        if (d->has_gpu_link) {
            char gpu[PCI_ADDR_STRLEN];
            pci_addr_format(&d->gpu, gpu);
            fprintf(out, _(" -> GPU %s"), gpu);
        }
        fputc('>', out);
    } else if (d->nv2_files) {
        fprintf(out, _(" <partial NVLink2 files>"));
    }
    if (host_device_is_gpu(d)) {
        char size[32], win[32];
        uint64_t fitted = host_gpu_ram_bytes(d);
        if (fitted)
            size_format_bytes(fitted, size, sizeof(size));
        if (d->gpu_ram_size) {
            size_format_bytes(d->gpu_ram_size, win, sizeof(win));
            if (d->gpu_ram_numa_node >= 0)
                fprintf(out, _(" <GPU RAM %s in a %s window at 0x%llx, NUMA %d>"),
                        fitted ? size : _("unknown"), win, (unsigned long long)d->gpu_ram_base,
                        d->gpu_ram_numa_node);
            else
                fprintf(out, _(" <GPU RAM %s in a %s window at 0x%llx>"),
                        fitted ? size : _("unknown"), win, (unsigned long long)d->gpu_ram_base);
        } else {
            fprintf(out, _(" <GPU RAM %s>"), fitted ? size : _("unknown"));
        }
    } else if (host_device_is_display(d)) {
        fputs(_(" <display only, not a GPU to plan>"), out);
    } else if (d->gpu_ram_size) {
        char win[32];
        size_format_bytes(d->gpu_ram_size, win, sizeof(win));
        fprintf(out, _(" <GPU RAM window %s at 0x%llx>"), win, (unsigned long long)d->gpu_ram_base);
    }
    fputc('\n', out);
}

static void print_children(FILE *out, struct tree *t, size_t first)
{
    size_t plen = strlen(t->prefix);
    for (size_t c = first; c != SIZE_MAX; c = t->next_sibling[c]) {
        bool last = t->next_sibling[c] == SIZE_MAX;
        fprintf(out, "%s%s", t->prefix, last ? "\\-" : "+-");
        print_device_line(out, &t->h->devices[c]);
        if (t->first_child[c] == SIZE_MAX)
            continue;
        /* Past the prefix's room, deeper levels share one indentation. */
        if (plen + 3 < sizeof(t->prefix))
            strcpy(t->prefix + plen, last ? "  " : "| ");
        print_children(out, t, t->first_child[c]);
        t->prefix[plen] = '\0';
    }
}

static void print_header(FILE *out, const struct host *h)
{
    char safe[512], size[32];
    text_safe_copy(safe, sizeof(safe), h->source);
    fprintf(out, _("Host: %s"), safe);
    if (h->hostname) {
        text_safe_copy(safe, sizeof(safe), h->hostname);
        fprintf(out, " (%s)", safe);
    }
    fputc('\n', out);
    if (h->description) {
        text_safe_copy(safe, sizeof(safe), *h->description ? _(h->description) : "");
        fprintf(out, "  %s\n", safe);
    }
    fprintf(out, _("  arch %s, kernel %s"), h->arch ? h->arch : _("unknown"),
            h->kernel ? h->kernel : _("unknown"));
    if (h->model) {
        text_safe_copy(safe, sizeof(safe), h->model);
        fprintf(out, _(", model %s"), safe);
    }
    fputc('\n', out);
    if (h->memory_known)
        size_format_kib(h->memory_kib, size, sizeof(size));
    fprintf(out, _("  RAM %s"), h->memory_known ? size : _("unknown"));
    if (h->memlock_kind == HOST_LIMIT_BYTES) {
        size_format_bytes(h->memlock_bytes, size, sizeof(size));
        fprintf(out, _(", memlock limit %s"), size);
    } else {
        fprintf(out, _(", memlock limit %s"),
                h->memlock_kind == HOST_LIMIT_UNLIMITED ? _("unlimited") : _("unknown"));
    }
    fprintf(out, _(", /dev/kvm %s\n"),
            h->has_kvm == HOST_UNKNOWN ? _("unknown") : h->has_kvm ? _("present") : _("absent"));
}

void probe_print_text(FILE *out, const struct host *h)
{
    print_header(out, h);
    size_t n = h->ndevices;
    struct tree t = { .h = h };
    t.first_child = xcalloc(n ? n : 1, sizeof(size_t));
    t.next_sibling = xcalloc(n ? n : 1, sizeof(size_t));
    size_t *last_child = xcalloc(n ? n : 1, sizeof(size_t));
    for (size_t i = 0; i < n; i++)
        t.first_child[i] = t.next_sibling[i] = last_child[i] = SIZE_MAX;
    /* Roots (no known parent) per domain are chained through next_sibling too. */
    size_t root_last = SIZE_MAX;
    size_t *root_first = xcalloc(n ? n : 1, sizeof(size_t));
    size_t nroots = 0;
    for (size_t i = 0; i < n; i++) {
        const struct host_device *d = &h->devices[i];
        const struct host_device *p = d->has_parent ? host_find(h, &d->parent) : NULL;
        if (p && p != d) {
            size_t pi = (size_t)(p - h->devices);
            if (last_child[pi] == SIZE_MAX)
                t.first_child[pi] = i;
            else
                t.next_sibling[last_child[pi]] = i;
            last_child[pi] = i;
        } else {
            if (root_last != SIZE_MAX && h->devices[root_last].addr.domain == d->addr.domain) {
                t.next_sibling[root_last] = i;
            } else {
                root_first[nroots++] = i;
            }
            root_last = i;
        }
    }
    for (size_t r = 0; r < nroots; r++) {
        const struct host_device *d = &h->devices[root_first[r]];
        /* devices whose parent sits in the same domain: still drawn under it */
        fprintf(out, _("PHB %04x\n"), (unsigned)d->addr.domain);
        strcpy(t.prefix, " ");
        print_children(out, &t, root_first[r]);
    }
    if (!n)
        fputs(_("No PCI devices.\n"), out);

    size_t ng;
    size_t *idx = grouped(h, &ng);
    if (ng)
        fputs(_("IOMMU groups:\n"), out);
    for (size_t i = 0; i < ng;) {
        int g = h->devices[idx[i]].iommu_group;
        fprintf(out, "  %d:", g);
        for (; i < ng && h->devices[idx[i]].iommu_group == g; i++) {
            char addr[PCI_ADDR_STRLEN];
            pci_addr_format(&h->devices[idx[i]].addr, addr);
            fprintf(out, " %s", addr);
        }
        fputc('\n', out);
    }
    free(idx);
    for (size_t i = 0; i < h->warnings.n; i++) {
        char safe[1024];
        text_safe_copy(safe, sizeof(safe), h->warnings.items[i].local);
        fprintf(out, _("warning: %s\n"), safe);
    }
    free(root_first);
    free(last_child);
    free(t.first_child);
    free(t.next_sibling);
}
