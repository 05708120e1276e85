/* Shared pieces of the unit tests: cmocka, and guests and hosts built in code. */
#ifndef MP_TEST_UTIL_H
#define MP_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "guest.h"
#include "host.h"
#include "memlock.h"

/* A guest like libvirt's memlock tests: one vCPU, `mem_kib`, no controllers. */
struct guest *test_guest(const char *arch, const char *machine, enum guest_virt virt, uint64_t mem_kib);
/* Adds a VFIO PCI hostdev; `guest_bus` < 0 leaves placement to libvirt. */
void test_add_pci(struct guest *g, const char *host_addr, int guest_bus);
/* Adds a host device with an IOMMU group; nv2_files marks an NVLink2 bridge. */
struct host_device *test_host_dev(struct host *h, const char *addr, uint16_t vendor,
                                  uint16_t device, uint32_t class_code, int group, unsigned nv2_files);
/* The AC922 facts the calculation reads: GPUs, NVLink2 bridges, compound groups. */
struct host *test_ac922(void);
/* Computes with `p` (NULL: default) and fails the test on error. */
void test_compute(const struct guest *g, const struct host *h, const struct profile *p,
                  struct memlock_result *r);
bool test_has_warning(const struct memlock_result *r, const char *needle);

#endif
