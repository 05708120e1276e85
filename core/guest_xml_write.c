#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "guest_xml.h"
#include "guest_xml_write.h"
#include "i18n.h"
#include "xalloc.h"
#include "xml_edit.h"
#include "xml_scan.h"
#include "xml_splice.h"

/* The order libvirt writes the domain's first children in
 * (virDomainDefFormatInternal): each list is what comes before the element. */
static const char *const before_max_memory[] = { "name", "uuid", "genid", "title",
                                                 "description", "metadata", NULL };
static const char *const before_memory[] = { "name", "uuid", "genid", "title", "description",
                                             "metadata", "maxMemory", NULL };
static const char *const before_current[] = { "name", "uuid", "genid", "title", "description",
                                              "metadata", "maxMemory", "memory", NULL };
static const char *const before_backing[] = { "name", "uuid", "genid", "title", "description",
                                              "metadata", "maxMemory", "memory",
                                              "currentMemory", "blkiotune", "memtune", NULL };
static const char *const before_locked[] = { "hugepages", "nosharepages", NULL };
static const char *const before_devices[] = { "name", "uuid", "genid", "title", "description",
                                              "metadata", "maxMemory", "memory",
                                              "currentMemory", "blkiotune", "memtune",
                                              "memoryBacking", "vcpu", "vcpus", "iothreads",
                                              "iothreadids", "defaultiothread", "cputune",
                                              "numatune", "resource", "sysinfo", "bootloader",
                                              "bootloader_args", "os", "idmap", "features",
                                              "cpu", "clock", "on_poweroff", "on_reboot",
                                              "on_crash", "pm", "perf", NULL };
static const char *const after_hostdevs[] = { "hostdev", NULL };

/* One edit step: *buf (of *len bytes, owned) becomes `next`; false when
 * `next` is NULL (the error is set). */
static bool step(char **buf, size_t *len, char *next, const size_t *next_len)
{
    if (!next)
        return false;
    free(*buf);
    *buf = next;
    *len = *next_len;
    return true;
}

static bool set_el(char **buf, size_t *len, const char *name, const char *path,
                   const char *text, const char *const *after, struct mp_error *err)
{
    size_t n = 0;
    return step(buf, len, xml_splice_set(*buf, *len, name, path, text, after, &n, err), &n);
}

static bool set_attr(char **buf, size_t *len, const char *name, const char *path,
                     const char *attr, const char *value, struct mp_error *err)
{
    size_t n = 0;
    return step(buf, len, xml_splice_set_attr(*buf, *len, name, path, attr, value, &n, err), &n);
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool write_memory(char **buf, size_t *len, const char *name, const struct guest *o,
                         const struct guest *g, struct mp_error *err)
{
    char text[128];
    if (g->memory_kib != o->memory_kib && g->memory_kib) {
        snprintf(text, sizeof(text), "<memory unit='KiB'>%" PRIu64 "</memory>", g->memory_kib);
        if (!set_el(buf, len, name, "memory", text, before_memory, err))
            return false;
    }
    if (g->current_memory_kib != o->current_memory_kib) {
        snprintf(text, sizeof(text), "<currentMemory unit='KiB'>%" PRIu64 "</currentMemory>",
                 g->current_memory_kib);
        if (!set_el(buf, len, name, "currentMemory", g->current_memory_kib ? text : NULL,
                    before_current, err))
            return false;
    }
    if (g->max_memory_kib != o->max_memory_kib || g->max_memory_slots != o->max_memory_slots) {
        snprintf(text, sizeof(text), "<maxMemory slots='%u' unit='KiB'>%" PRIu64 "</maxMemory>",
                 g->max_memory_slots, g->max_memory_kib);
        if (!set_el(buf, len, name, "maxMemory", g->max_memory_kib ? text : NULL,
                    before_max_memory, err))
            return false;
    }
    if (g->nnuma != o->nnuma)
        return mp_error_set(err, MP_ERR_INPUT, _("%s: the file has %zu NUMA cells, the guest %zu"),
                            name, o->nnuma, g->nnuma) == 0;
    for (size_t i = 0; i < g->nnuma; i++) {
        if (g->numa_cells_kib[i] == o->numa_cells_kib[i])
            continue;
        char path[64], v[32];
        snprintf(path, sizeof(path), "cpu/numa/cell[%zu]", i);
        snprintf(v, sizeof(v), "%" PRIu64, g->numa_cells_kib[i]);
        if (!set_attr(buf, len, name, path, "memory", v, err) ||
            !set_attr(buf, len, name, path, "unit", "KiB", err))
            return false;
    }
    return true;
}

static bool write_tuning(char **buf, size_t *len, const char *name, const struct guest *o,
                         const struct guest *g, struct mp_error *err)
{
    size_t n;
    if (g->has_hard_limit && (!o->has_hard_limit || g->hard_limit_kib != o->hard_limit_kib)) {
        if (!step(buf, len, xml_set_hard_limit(*buf, *len, name, g->hard_limit_kib, &n, err), &n))
            return false;
    } else if (!g->has_hard_limit && o->has_hard_limit) {
        if (!set_el(buf, len, name, "memtune/hard_limit", NULL, NULL, err))
            return false;
    }
    if (g->locked == o->locked)
        return true;
    if (g->locked) {
        if (xml_splice_has(*buf, *len, "memoryBacking"))
            return set_el(buf, len, name, "memoryBacking/locked", "<locked/>", before_locked, err);
        return set_el(buf, len, name, "memoryBacking",
                      "<memoryBacking>\n\t<locked/>\n</memoryBacking>", before_backing, err);
    }
    if (!set_el(buf, len, name, "memoryBacking/locked", NULL, NULL, err))
        return false;
    /* A memoryBacking that held only <locked/> goes with it. */
    if (!xml_splice_has_children(*buf, *len, "memoryBacking"))
        return set_el(buf, len, name, "memoryBacking", NULL, NULL, err);
    return true;
}

/* A device element that passes a host device through: its source. */
struct passthrough {
    size_t index;                 /* among <devices>' element children */
    bool mdev;
    struct pci_addr addr;
    char *uuid;
};

static unsigned long num_attr(xmlNodePtr n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST attr);
    unsigned long r = v ? strtoul((const char *)v, NULL, 0) : 0;
    xmlFree(v);
    return r;
}

static xmlNodePtr child_el(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST name))
            return c;
    return NULL;
}

/* The <hostdev> and <interface type='hostdev'> children of <devices>. */
static struct passthrough *list_passthrough(const char *buf, size_t len, const char *name,
                                            size_t *n, struct mp_error *err)
{
    xmlDocPtr doc = xml_parse_safe(buf, len, name, err);
    if (!doc)
        return NULL;
    struct passthrough *list = xcalloc(1, sizeof(*list));
    size_t cap = 1, k = 0;
    *n = 0;
    xmlNodePtr devices = child_el(xmlDocGetRootElement(doc), "devices");
    for (xmlNodePtr c = devices ? devices->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t index = k++;
        bool hostdev = !xmlStrcmp(c->name, BAD_CAST "hostdev");
        xmlChar *type = xmlGetProp(c, BAD_CAST "type");
        bool iface = !xmlStrcmp(c->name, BAD_CAST "interface") && type &&
                     !xmlStrcmp(type, BAD_CAST "hostdev");
        bool mdev = hostdev && type && !xmlStrcmp(type, BAD_CAST "mdev");
        bool pci = (hostdev && type && !xmlStrcmp(type, BAD_CAST "pci")) || iface;
        xmlFree(type);
        xmlNodePtr a = child_el(child_el(c, "source"), "address");
        if (!(pci || mdev) || !a)
            continue;
        XGROW(list, cap, *n + 1);
        struct passthrough *p = &list[(*n)++];
        memset(p, 0, sizeof(*p));
        p->index = index;
        p->mdev = mdev;
        if (mdev) {
            xmlChar *u = xmlGetProp(a, BAD_CAST "uuid");
            p->uuid = u ? xstrdup((const char *)u) : NULL;
            xmlFree(u);
        } else {
            p->addr.domain = (uint32_t)num_attr(a, "domain");
            p->addr.bus = (uint8_t)num_attr(a, "bus");
            p->addr.slot = (uint8_t)num_attr(a, "slot");
            p->addr.function = (uint8_t)num_attr(a, "function");
        }
    }
    xmlFreeDoc(doc);
    return list;
}

static bool hostdev_matches(const struct guest_hostdev *h, const struct passthrough *p)
{
    if (p->mdev)
        return h->kind == GUEST_HOSTDEV_MDEV && same_str(h->mdev_uuid, p->uuid);
    return h->kind == GUEST_HOSTDEV_PCI && !pci_addr_cmp(&h->host, &p->addr);
}

static bool write_hostdevs(char **buf, size_t *len, const char *name, const struct guest *g,
                           struct mp_error *err)
{
    size_t n;
    struct passthrough *list = list_passthrough(*buf, *len, name, &n, err);
    if (!list)
        return false;
    /* Which of the guest's hostdevs the file has; the rest are new. */
    bool *kept = xcalloc(g->nhostdevs + 1, sizeof(*kept));
    bool ok = true;
    /* Removed ones, from the last so the earlier indexes hold. */
    for (size_t i = n; ok && i-- > 0;) {
        bool wanted = false;
        for (size_t j = 0; j < g->nhostdevs && !wanted; j++)
            if (!kept[j] && hostdev_matches(&g->hostdevs[j], &list[i]))
                wanted = kept[j] = true;
        if (!wanted) {
            size_t m = 0;
            ok = step(buf, len,
                      xml_splice_remove_nth(*buf, *len, name, "devices", list[i].index, &m, err), &m);
        }
    }
    for (size_t i = 0; i < n; i++)
        free(list[i].uuid);
    free(list);
    if (ok && g->nhostdevs && !xml_splice_has(*buf, *len, "devices"))
        ok = set_el(buf, len, name, "devices", "<devices/>", before_devices, err);
    for (size_t j = 0; ok && j < g->nhostdevs; j++) {
        const struct guest_hostdev *h = &g->hostdevs[j];
        if (kept[j])
            continue;
        char text[512];
        if (h->kind == GUEST_HOSTDEV_MDEV) {
            char *u = xml_escape(h->mdev_uuid ? h->mdev_uuid : "");
            snprintf(text, sizeof(text),
                     "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n\t<source>\n\t\t"
                     "<address uuid='%s'/>\n\t</source>\n</hostdev>", u);
            free(u);
        } else {
            /* The host address only: libvirt assigns the guest address. */
            snprintf(text, sizeof(text),
                     "<hostdev mode='subsystem' type='pci' managed='yes'>\n\t<source>\n\t\t"
                     "<address domain='0x%04" PRIx32 "' bus='0x%02x' slot='0x%02x' "
                     "function='0x%x'/>\n\t</source>\n</hostdev>",
                     h->host.domain, h->host.bus, h->host.slot, h->host.function);
        }
        size_t m = 0;
        const char *const *after = xml_splice_has(*buf, *len, "devices/hostdev[0]")
                                       ? after_hostdevs : XML_SPLICE_LAST;
        ok = step(buf, len, xml_splice_insert(*buf, *len, name, "devices", text, after, &m, err), &m);
    }
    free(kept);
    return ok;
}

static bool write_identity(char **buf, size_t *len, const char *name, const struct guest *o,
                           const struct guest *g, struct mp_error *err)
{
    if (g->name && !same_str(g->name, o->name)) {
        char *e = xml_escape(g->name);
        char *text = xasprintf("<name>%s</name>", e);
        bool ok = set_el(buf, len, name, "name", text, NULL, err);
        free(text);
        free(e);
        if (!ok)
            return false;
    }
    if (g->virt_name && !same_str(g->virt_name, o->virt_name)) {
        char *e = xml_escape(g->virt_name);
        bool ok = set_attr(buf, len, name, "", "type", e, err);
        free(e);
        if (!ok)
            return false;
    }
    const char *attrs[2][3] = { { "arch", g->arch, o->arch }, { "machine", g->machine, o->machine } };
    for (int i = 0; i < 2; i++) {
        if (!attrs[i][1] || same_str(attrs[i][1], attrs[i][2]))
            continue;
        if (!xml_splice_has(*buf, *len, "os/type"))
            return mp_error_set(err, MP_ERR_INPUT, _("%s: no <os><type> to set the %s in"), name,
                                attrs[i][0]) == 0;
        char *e = xml_escape(attrs[i][1]);
        bool ok = set_attr(buf, len, name, "os/type", attrs[i][0], e, err);
        free(e);
        if (!ok)
            return false;
    }
    return true;
}

static bool write_viommu(char **buf, size_t *len, const char *name, const struct guest *o,
                         const struct guest *g, struct mp_error *err)
{
    if (g->has_iommu == o->has_iommu && same_str(g->iommu_model, o->iommu_model))
        return true;
    if (!g->has_iommu)
        return set_el(buf, len, name, "devices/iommu", NULL, NULL, err);
    if (!xml_splice_has(*buf, *len, "devices") &&
        !set_el(buf, len, name, "devices", "<devices/>", before_devices, err))
        return false;
    char *e = xml_escape(g->iommu_model ? g->iommu_model : "intel");
    char *text = xasprintf("<iommu model='%s'/>", e);
    bool ok = set_el(buf, len, name, "devices/iommu", text, XML_SPLICE_LAST, err);
    free(text);
    free(e);
    return ok;
}

char *guest_xml_update(const char *buf, size_t len, const char *name, const struct guest *g,
                       size_t *out_len, struct mp_error *err)
{
    struct guest *o = guest_xml_load_memory(buf, len, name, err);
    if (!o)
        return NULL;
    size_t n = len;
    char *cur = xstrndup(buf, len);
    bool ok = write_identity(&cur, &n, name, o, g, err) &&
              write_memory(&cur, &n, name, o, g, err) &&
              write_tuning(&cur, &n, name, o, g, err) &&
              write_viommu(&cur, &n, name, o, g, err) &&
              write_hostdevs(&cur, &n, name, g, err);
    guest_free(o);
    if (ok) {
        /* What was written must read back. */
        struct guest *back = guest_xml_load_memory(cur, n, name, err);
        ok = back != NULL;
        guest_free(back);
    }
    if (!ok) {
        free(cur);
        return NULL;
    }
    *out_len = n;
    return cur;
}

char *guest_xml_skeleton(const struct guest *g, size_t *out_len)
{
    char *name = xml_escape(g->name && *g->name ? g->name : "new-guest");
    char *type = xml_escape(g->virt_name ? g->virt_name : "kvm");
    char *arch = xml_escape(g->arch ? g->arch : "x86_64");
    char *machine = xml_escape(g->machine ? g->machine : "q35");
    char *s = xasprintf("<domain type='%s'>\n"
                        "  <name>%s</name>\n"
                        "  <memory unit='KiB'>%" PRIu64 "</memory>\n"
                        "  <vcpu>1</vcpu>\n"
                        "  <os>\n"
                        "    <type arch='%s' machine='%s'>hvm</type>\n"
                        "  </os>\n"
                        "  <devices>\n"
                        "  </devices>\n"
                        "</domain>\n",
                        type, name, g->memory_kib ? g->memory_kib : 4194304, arch, machine);
    free(name);
    free(type);
    free(arch);
    free(machine);
    *out_len = strlen(s);
    return s;
}

char *guest_xml_create(const struct guest *g, size_t *out_len, struct mp_error *err)
{
    size_t n;
    char *skel = guest_xml_skeleton(g, &n);
    char *r = guest_xml_update(skel, n, g->name ? g->name : "new-guest", g, out_len, err);
    free(skel);
    return r;
}
