/* <hostdev> (PCI through VFIO, mdev) and <interface type='hostdev'>: the
 * devices libvirt passes through and counts for the memory-locking limit. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "guest_xml.h"
#include "guest_xml_priv.h"
#include "i18n.h"
#include "xalloc.h"

/* A PCI address element: domain, bus, slot, function as libvirt bounds them. */
static int pci_address(struct gx *x, const xmlNode *a, struct pci_addr *out)
{
    unsigned long d = 0, b = 0, s = 0, f = 0;
    if (gx_uint(x, a, "domain", 0, 0xffffffffUL, false, NULL, &d) < 0
        || gx_uint(x, a, "bus", 0, 0xff, false, NULL, &b) < 0
        || gx_uint(x, a, "slot", 0, 0x1f, false, NULL, &s) < 0
        || gx_uint(x, a, "function", 0, 7, false, NULL, &f) < 0)
        return -1;
    out->domain = (uint32_t)d;
    out->bus = (uint8_t)b;
    out->slot = (uint8_t)s;
    out->function = (uint8_t)f;
    return 0;
}

/* The device's own guest placement: <address type='pci' .../> directly under it. */
static int guest_address(struct gx *x, const xmlNode *dev, struct guest_hostdev *h)
{
    const xmlNode *a = gx_child(dev, "address");
    if (!a)
        return 0;
    char *type = gx_attr(a, "type");
    bool pci = type && !strcmp(type, "pci");
    free(type);
    if (!pci)
        return 0;
    struct pci_addr ga;
    if (pci_address(x, a, &ga) < 0)
        return -1;
    h->has_guest_addr = true;
    h->guest_bus = ga.bus;
    return 0;
}

/* VFIO is the only PCI backend libvirt's QEMU driver still has; no <driver>
 * element means VFIO too (qemuHostdevPreparePCIDevicesCheckSupport picks it when
 * the guest starts, before the limit is set). */
static int pci_driver(struct gx *x, const xmlNode *dev, bool *given)
{
    const xmlNode *d = gx_child(dev, "driver");
    char *name = d ? gx_attr(d, "name") : NULL;
    int rc = 0;
    *given = name && !strcmp(name, "vfio");
    if (name && strcmp(name, "vfio") && strcmp(name, "default")) {
        char q[64];
        gx_quote(name, q, sizeof(q));
        rc = gx_fail(x, d, _("<driver name='%s'>: PCI passthrough uses vfio (legacy KVM device "
                             "assignment was removed from libvirt)"), q);
    }
    free(name);
    return rc;
}

static bool uuid_valid(const char *s)
{
    /* 8-4-4-4-12 hex digits, as libvirt writes them. */
    static const int groups[] = { 8, 4, 4, 4, 12 };
    for (size_t g = 0; g < 5; g++) {
        for (int i = 0; i < groups[g]; i++, s++)
            if (!isxdigit((unsigned char)*s))
                return false;
        if (g < 4 && *s++ != '-')
            return false;
    }
    return *s == '\0';
}

static int hostdev_pci(struct gx *x, const xmlNode *n, bool from_interface)
{
    bool driver = false;
    if (pci_driver(x, n, &driver) < 0)
        return -1;
    const xmlNode *src = gx_child(n, "source");
    const xmlNode *a = gx_child(src, "address");
    if (!a)
        return gx_fail(x, src ? src : n, _("a PCI hostdev needs <source><address domain= bus= "
                                           "slot= function=/></source>"));
    struct pci_addr host;
    if (pci_address(x, a, &host) < 0)
        return -1;
    struct guest_hostdev *h = guest_add_hostdev(x->g, GUEST_HOSTDEV_PCI);
    h->host = host;
    h->from_interface = from_interface;
    h->has_driver = driver;
    return guest_address(x, n, h);
}

static int hostdev_mdev(struct gx *x, const xmlNode *n)
{
    const xmlNode *src = gx_child(n, "source");
    const xmlNode *a = gx_child(src, "address");
    char *uuid = a ? gx_attr(a, "uuid") : NULL;
    if (!uuid)
        return gx_fail(x, src ? src : n, _("an mdev hostdev needs <source><address "
                                           "uuid=.../></source>"));
    if (!uuid_valid(uuid)) {
        char q[64];
        gx_quote(uuid, q, sizeof(q));
        free(uuid);
        return gx_fail(x, a, _("mdev uuid '%s' is not a UUID"), q);
    }
    struct guest_hostdev *h = guest_add_hostdev(x->g, GUEST_HOSTDEV_MDEV);
    h->mdev_uuid = uuid;
    return guest_address(x, n, h);
}

int gx_hostdev(struct gx *x, const xmlNode *n, bool from_interface)
{
    bool managed = false;
    if (gx_count_ok(x, n, x->g->nhostdevs, _("hostdevs")) < 0
        || gx_yesno(x, n, "managed", &managed) < 0)
        return -1;
    if (from_interface)
        return hostdev_pci(x, n, true);

    char *mode = gx_attr(n, "mode"), *type = gx_attr(n, "type");
    int rc = 0;
    char q[64];
    if (mode && strcmp(mode, "subsystem")) {
        gx_quote(mode, q, sizeof(q));
        rc = gx_fail(x, n, _("<hostdev mode='%s'>: QEMU guests take only mode='subsystem'"), q);
    } else if (!type) {
        rc = gx_fail(x, n, _("<hostdev> needs a type attribute (pci, mdev, usb, scsi, ...)"));
    } else if (!strcmp(type, "pci")) {
        rc = hostdev_pci(x, n, false);
    } else if (!strcmp(type, "mdev")) {
        rc = hostdev_mdev(x, n);
    } else if (strcmp(type, "usb") && strcmp(type, "scsi") && strcmp(type, "scsi_host")) {
        gx_quote(type, q, sizeof(q));
        rc = gx_fail(x, n, _("<hostdev type='%s'>: unknown type (pci, mdev, usb, scsi, "
                             "scsi_host)"), q);
    }
    /* usb and scsi hostdevs lock no memory: nothing to record. */
    free(mode);
    free(type);
    return rc;
}
