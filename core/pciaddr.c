#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hex.h"
#include "pciaddr.h"

static bool hex_field(const char **p, int maxdigits, unsigned long *v)
{
    uint64_t r;
    if (!hex_scan(p, maxdigits, &r))
        return false;
    *v = (unsigned long)r;
    return true;
}

bool pci_addr_parse(const char *s, struct pci_addr *out)
{
    unsigned long a, b, c, f;
    const char *p = s;
    if (!hex_field(&p, 8, &a) || *p++ != ':' || !hex_field(&p, 2, &b))
        return false;
    unsigned long domain = 0, bus, slot;
    if (*p == ':') {
        p++;
        if (!hex_field(&p, 2, &c))
            return false;
        domain = a;
        bus = b;
        slot = c;
    } else {
        if (a > 0xff)
            return false;
        bus = a;
        slot = b;
    }
    if (*p++ != '.' || !hex_field(&p, 1, &f) || *p)
        return false;
    if (domain > 0xffffffffUL || slot > 31 || f > 7)
        return false;
    out->domain = (uint32_t)domain;
    out->bus = (uint8_t)bus;
    out->slot = (uint8_t)slot;
    out->function = (uint8_t)f;
    return true;
}

/* "%04x:%02x:%02x.%x" by hand (a batch report formats thousands, a probe a
 * few per device): at most 8 + 1 + 2 + 1 + 2 + 1 + 2 characters and the NUL. */
void pci_addr_format(const struct pci_addr *a, char buf[PCI_ADDR_STRLEN])
{
    char *p = hex_put(buf, a->domain, 4);
    *p++ = ':';
    p = hex_put(p, a->bus, 2);
    *p++ = ':';
    p = hex_put(p, a->slot, 2);
    *p++ = '.';
    p = hex_put(p, a->function, 1);
    *p = '\0';
}

int pci_addr_cmp(const struct pci_addr *a, const struct pci_addr *b)
{
    if (a->domain != b->domain)
        return a->domain < b->domain ? -1 : 1;
    if (a->bus != b->bus)
        return a->bus < b->bus ? -1 : 1;
    if (a->slot != b->slot)
        return a->slot < b->slot ? -1 : 1;
    if (a->function != b->function)
        return a->function < b->function ? -1 : 1;
    return 0;
}

bool pci_addr_eq(const struct pci_addr *a, const struct pci_addr *b)
{
    return pci_addr_cmp(a, b) == 0;
}
