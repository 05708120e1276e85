/* Device names from pciutils' pci.ids through libpci (pci_lookup_name), for
 * devices udev's hardware database does not name. Without libpci (configure
 * --with-libpci=no) every lookup finds nothing. */
#ifndef MP_PCI_NAMES_H
#define MP_PCI_NAMES_H

#include <stdbool.h>
#include <stdint.h>

struct pci_names;

/* The pci.ids at `path` (NULL: libpci's own default). Returns NULL when
 * libpci is not built in. The file is read at the first lookup. */
struct pci_names *pci_names_open(const char *path);
void pci_names_close(struct pci_names *n);

/* Vendor and device names (malloc'd, either may come back NULL when the
 * file lacks it). Returns false when neither is known. */
bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name);

#endif
