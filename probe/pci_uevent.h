/* A PCI device's uevent file in sysfs: the KEY=VALUE lines the kernel
 * writes (pci_uevent, dev_uevent) from the same fields as the vendor,
 * device, subsystem_*, class attribute files and the driver link, in one
 * file instead of six. Pure: parses bytes, so it can be fuzzed. */
#ifndef MP_PCI_UEVENT_H
#define MP_PCI_UEVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A driver name: one sysfs directory name under /sys/bus/pci/drivers. */
#define PCI_UEVENT_DRIVER_MAX 255

enum pci_uevent_driver {
    PCI_UEVENT_NO_DRIVER,   /* no DRIVER= line: none bound */
    PCI_UEVENT_DRIVER,      /* `driver` holds the name */
    PCI_UEVENT_BAD_DRIVER,  /* a DRIVER= line that is not a plain name */
};

struct pci_uevent {
    bool has_id, has_subsys, has_class;
    uint16_t vendor, device;                /* PCI_ID=VVVV:DDDD */
    uint16_t subsystem_vendor, subsystem_device; /* PCI_SUBSYS_ID=VVVV:DDDD */
    uint32_t class_code;                    /* PCI_CLASS=CCCCCC (24 bits) */
    enum pci_uevent_driver driver_state;
    char driver[PCI_UEVENT_DRIVER_MAX + 1];
};

/* Parses `len` bytes of a uevent file. Unknown keys are skipped; a key
 * whose value is malformed counts as absent. Never fails. */
void pci_uevent_parse(const char *buf, size_t len, struct pci_uevent *out);

/* All of PCI_ID, PCI_SUBSYS_ID and PCI_CLASS were there and well formed:
 * the file can stand in for the attribute files. */
bool pci_uevent_complete(const struct pci_uevent *u);

#endif
