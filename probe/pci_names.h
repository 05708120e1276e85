/* Device names from pciutils' pci.ids through libpci (pci_lookup_name), for
 * devices udev's hardware database does not name. Without libpci (configure
 * --with-libpci=no) every lookup finds nothing. */
#ifndef MP_PCI_NAMES_H
#define MP_PCI_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct pci_names;

/* The pci.ids at `path` (NULL: libpci's own default), for the devices
 * `ids[0..n)` (vendor << 16 | device): libpci reads only their lines of the
 * file (lspci has it parse all of it, tens of thousands of entries, for a
 * host's few dozen models). Returns NULL when libpci is not built in. */
struct pci_names *pci_names_open(const char *path, const uint32_t *ids, size_t n);
void pci_names_close(struct pci_names *n);

/* Vendor and device names (malloc'd, either may come back NULL when the
 * file lacks it). Returns false when neither is known. */
bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name);

/* The lines of pci.ids text (len bytes) that name `ids` (vendor << 16 |
 * device): each wanted vendor's line and the lines of its wanted devices, in
 * one pass; written to `out`. */
void pci_ids_excerpt(const char *text, size_t len, const uint32_t *ids, size_t n, FILE *out);

#endif
