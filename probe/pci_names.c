#include "config.h"

#include <stdlib.h>

#include "pci_names.h"
#include "text_safe.h"
#include "xalloc.h"

#ifdef HAVE_LIBPCI
#include <pci/pci.h>

struct pci_names {
    struct pci_access *pa;
};

/* libpci reports an unreadable pci.ids through a->warning; a missing file
 * just leaves the names numeric, which the caller says by the name source. */
static void quiet(char *msg, ...)
{
    (void)msg;
}

struct pci_names *pci_names_open(const char *path)
{
    struct pci_names *n = xcalloc(1, sizeof(*n));
    n->pa = pci_alloc();
    n->pa->warning = quiet;
    /* pci.ids only: udev's hardware database was asked first, and never the
     * network (nor its cache in the home directory). */
    n->pa->id_lookup_mode = PCI_LOOKUP_NO_HWDB;
    if (path)
        pci_set_name_list_path(n->pa, xstrdup(path), 1);
    return n;
}

void pci_names_close(struct pci_names *n)
{
    if (!n)
        return;
    pci_cleanup(n->pa);
    free(n);
}

static char *lookup(struct pci_names *n, int flags, uint16_t vendor, uint16_t device)
{
    char buf[256];
    const char *s = pci_lookup_name(n->pa, buf, sizeof(buf), flags | PCI_LOOKUP_NO_NUMBERS,
                                    (int)vendor, (int)device);
    return s ? text_safe_dup(s) : NULL;
}

bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name)
{
    *vendor_name = *device_name = NULL;
    if (!n)
        return false;
    *vendor_name = lookup(n, PCI_LOOKUP_VENDOR, vendor, 0);
    if (*vendor_name)
        *device_name = lookup(n, PCI_LOOKUP_DEVICE, vendor, device);
    return *vendor_name != NULL;
}

#else

struct pci_names *pci_names_open(const char *path)
{
    (void)path;
    return NULL;
}

void pci_names_close(struct pci_names *n)
{
    (void)n;
}

bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name)
{
    (void)n;
    (void)vendor;
    (void)device;
    *vendor_name = *device_name = NULL;
    return false;
}

#endif
