/* The PCI devices of the live host through libudev (umockdev in tests). */
#ifndef MP_PROBE_UDEV_H
#define MP_PROBE_UDEV_H

#include "host.h"

/* Adds every PCI device to `h` (not finished) with its ids, driver, IOMMU
 * group, NUMA node, device-tree facts and hardware-database names. What
 * cannot be read becomes unknown with a warning. Returns 0, or -1 if libudev
 * itself cannot be used (also a warning). */
int probe_udev_scan(struct host *h);

#endif
