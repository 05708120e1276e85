/* PCI host bridges (PHBs) of a pseries guest, as libvirt will have them:
 * listed pci-root controllers, the implicit default one, and those libvirt
 * adds to keep hostdevs of different host IOMMU groups apart. */
#ifndef MP_MEMLOCK_PHB_H
#define MP_MEMLOCK_PHB_H

#include <stdbool.h>
#include <stddef.h>

#include "guest.h"
#include "host.h"
#include "memlock.h"

/* Fills *phbs (caller frees each why and the array); without `explain` the
 * whys stay empty ({NULL, NULL}). */
void memlock_phbs(const struct guest *g, const struct host *h, bool explain,
                  struct phb_info **phbs, size_t *nphbs, struct msg_list *warnings);

#endif
