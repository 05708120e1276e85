/* Warnings about a guest on a host that do not change the limit but explain
 * why a guest may still fail: devices the host lacks, half-assigned IOMMU
 * groups, GPUs without their NVLink2 bridges, a limit above host RAM. */
#ifndef MP_MEMLOCK_CHECKS_H
#define MP_MEMLOCK_CHECKS_H

#include "memlock.h"

void memlock_checks(const struct guest *g, const struct host *h, struct memlock_result *r);

#endif
