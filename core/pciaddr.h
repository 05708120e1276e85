/* PCI addresses in libvirt's and sysfs's form DDDD:BB:SS.F. */
#ifndef MP_PCIADDR_H
#define MP_PCIADDR_H

#include <stdbool.h>
#include <stdint.h>

struct pci_addr {
    uint32_t domain;   /* 0..0xffff on Linux hosts; libvirt allows up to 0xffffffff */
    uint8_t bus;
    uint8_t slot;      /* 0..31 */
    uint8_t function;  /* 0..7 */
};

#define PCI_ADDR_STRLEN 20

/* Parses "DDDD:BB:SS.F" (also "BB:SS.F" as domain 0). Hex, case-insensitive. */
bool pci_addr_parse(const char *s, struct pci_addr *out);
/* Formats as libvirt does for sysfs look-ups: lower-case, 4/2/2/1 digits. */
void pci_addr_format(const struct pci_addr *a, char buf[PCI_ADDR_STRLEN]);
int pci_addr_cmp(const struct pci_addr *a, const struct pci_addr *b);
bool pci_addr_eq(const struct pci_addr *a, const struct pci_addr *b);

#endif
