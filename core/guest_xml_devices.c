/* <devices>: everything in it that changes the memory-locking limit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "guest_xml.h"
#include "guest_xml_priv.h"
#include "i18n.h"
#include "xalloc.h"

/* Largest controller index libvirt takes (it stores an int). */
#define CONTROLLER_INDEX_MAX 0x7fffffffUL

static bool attr_is(const xmlNode *n, const char *attr, const char *value)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)attr);   /* read and dropped: no copy */
    bool r = v && !strcmp((const char *)v, value);
    xmlFree(v);
    return r;
}

/* <memory model=...><target><size unit=...>N</size></target></memory> */
static int memory_device(struct gx *x, const xmlNode *n, size_t *cap)
{
    struct guest *g = x->g;
    if (gx_count_ok(x, n, g->nmemdevs, _("memory devices")) < 0)
        return -1;
    char *model = gx_attr(n, "model");
    if (!model)
        return gx_fail(x, n, _("a memory device needs a model (dimm, nvdimm, virtio-mem, ...)"));
    const xmlNode *size = gx_child(gx_child(n, "target"), "size");
    uint64_t kib;
    if (!size) {
        free(model);
        return gx_fail(x, n, _("a memory device needs <target><size>"));
    }
    if (gx_size_element(x, size, &kib) < 0) {
        free(model);
        return -1;
    }
    XGROW(g->memdevs, *cap, g->nmemdevs + 1);
    g->memdevs[g->nmemdevs].model = model;
    g->memdevs[g->nmemdevs].size_kib = kib;
    g->nmemdevs++;
    return 0;
}

/* A PCI controller: pci-root is a PHB on pseries; bridges say where they plug in. */
static int controller(struct gx *x, const xmlNode *n, size_t *cap, size_t *seen)
{
    struct guest *g = x->g;
    if (gx_count_ok(x, n, (*seen)++, _("controllers")) < 0)
        return -1;
    char *type = gx_attr(n, "type");
    bool pci = type && !strcmp(type, "pci");
    free(type);
    unsigned long index = 0, target_index = 0, dummy;
    if (gx_uint(x, n, "index", 10, CONTROLLER_INDEX_MAX, false, NULL, &index) < 0)
        return -1;
    if (!pci)
        return 0;
    const xmlNode *target = gx_child(n, "target");
    if (target && gx_uint(x, target, "index", 10, CONTROLLER_INDEX_MAX, false, NULL,
                          &target_index) < 0)
        return -1;
    (void)target_index; /* the PHB's own number; libvirt checks it, the limit does not need it */
    for (size_t i = 0; i < g->ncontrollers; i++)
        if (g->controllers[i].index == index)
            return gx_fail(x, n, _("two PCI controllers have index %lu"), index);

    char *model = gx_attr(n, "model");
    struct guest_pci_controller c = { .index = (unsigned)index, .model_name = model };
    if (model)
        c.model = !strcmp(model, "pci-root") ? GUEST_PCI_ROOT : GUEST_PCI_OTHER;
    else
        /* libvirt fills in pci-root for index 0 except on q35 (pcie-root). */
        c.model = index == 0 && !(g->machine && strstr(g->machine, "q35")) ? GUEST_PCI_ROOT
                                                                           : GUEST_PCI_OTHER;
    const xmlNode *a = gx_child(n, "address");
    if (a && attr_is(a, "type", "pci")) {
        unsigned long bus = 0;
        if (gx_uint(x, a, "bus", 0, 0xff, false, NULL, &bus) < 0
            || gx_uint(x, a, "domain", 0, 0xffffffffUL, false, NULL, &dummy) < 0
            || gx_uint(x, a, "slot", 0, 0x1f, false, NULL, &dummy) < 0
            || gx_uint(x, a, "function", 0, 7, false, NULL, &dummy) < 0) {
            free(model);
            return -1;
        }
        c.has_bus = true;
        c.bus = (unsigned)bus;
    }
    XGROW(g->controllers, *cap, g->ncontrollers + 1);
    g->controllers[g->ncontrollers++] = c;
    return 0;
}

/* A disk counts when its source chain has an NVMe disk (the disk itself or
 * a <backingStore type='nvme'> under it): virStorageSourceChainHasNVMe. */
static bool disk_has_nvme(const xmlNode *n)
{
    for (; n; n = gx_child(n, "backingStore"))
        if (attr_is(n, "type", "nvme"))
            return true;
    return false;
}

/* Every vhost-vDPA source in the chain counts (qemuDomainGetNumVDPADevices
 * walks src->backingStore and counts each VIR_STORAGE_TYPE_VHOST_VDPA). */
static size_t disk_vdpa_sources(const xmlNode *n)
{
    size_t k = 0;
    for (; n; n = gx_child(n, "backingStore"))
        if (attr_is(n, "type", "vhostvdpa"))
            k++;
    return k;
}

static int iommu(struct gx *x, const xmlNode *n)
{
    struct guest *g = x->g;
    char *model = gx_attr(n, "model");
    if (!model)
        return gx_fail(x, n, _("<iommu> needs a model (intel, smmuv3, virtio)"));
    /* virDomainIOMMUDefParseXML knows intel, smmuv3 (5.5), virtio (8.3), amd (11.5);
     * which release knows which model is not checked. */
    static const char *const models[] = { "intel", "smmuv3", "virtio", "amd" };
    size_t k = 0;
    while (k < sizeof(models) / sizeof(models[0]) && strcmp(models[k], model))
        k++;
    if (k == sizeof(models) / sizeof(models[0])) {
        char q[64];
        gx_quote(model, q, sizeof(q));
        free(model);
        return gx_fail(x, n, _("<iommu model='%s'>: unknown IOMMU model "
                               "(virDomainIOMMUDefParseXML: intel, smmuv3, virtio, amd)"), q);
    }
    if (g->has_iommu) {
        free(model);
        return gx_fail(x, n, _("only one <iommu> is allowed"));
    }
    g->has_iommu = true;
    g->iommu_model = model;
    return 0;
}

int gx_devices(struct gx *x, const xmlNode *devices)
{
    struct guest *g = x->g;
    size_t memdev_cap = 0, ctrl_cap = 0, nctrl = 0, ndisks = 0, nifaces = 0;
    for (const xmlNode *n = devices->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        int rc = 0;
        if (gx_is(n, "hostdev")) {
            rc = gx_hostdev(x, n, false);
        } else if (gx_is(n, "interface")) {
            rc = gx_count_ok(x, n, nifaces++, _("interfaces"));
            if (rc == 0 && attr_is(n, "type", "hostdev"))
                rc = gx_hostdev(x, n, true);
            else if (rc == 0 && attr_is(n, "type", "vdpa"))
                g->vdpa_interfaces++;
        } else if (gx_is(n, "disk")) {
            rc = gx_count_ok(x, n, ndisks++, _("disks"));
            if (rc == 0 && disk_has_nvme(n))
                g->nvme_disks++;
            if (rc == 0)
                g->vdpa_disks += disk_vdpa_sources(n);
        } else if (gx_is(n, "memory")) {
            rc = memory_device(x, n, &memdev_cap);
        } else if (gx_is(n, "controller")) {
            rc = controller(x, n, &ctrl_cap, &nctrl);
        } else if (gx_is(n, "iommu")) {
            rc = iommu(x, n);
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}
