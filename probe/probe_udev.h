/* The PCI devices of the live host: the pci bus in sysfs (umockdev in
 * tests), names from libudev's hardware database. */
#ifndef MP_PROBE_UDEV_H
#define MP_PROBE_UDEV_H

#include "host.h"

/* Adds every PCI device to `h` (not finished) with its ids, driver, IOMMU
 * group, NUMA node, device-tree facts and hardware-database names. What
 * cannot be read becomes unknown with a warning. Returns 0, or -1 if the
 * pci bus cannot be listed (also a warning). */
int probe_udev_scan(struct host *h);

#endif
