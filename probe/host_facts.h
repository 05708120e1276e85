/* Host facts that decide whether a VFIO guest can start at all, added to
 * h->warnings by a live probe: IOMMU groups (and the kernel parameter or
 * firmware switch that turns them on), /dev/kvm, vfio-pci, iommufd and its
 * accounting, this user's RLIMIT_MEMLOCK, pam_limits' memlock for the QEMU
 * user (libvirt's qemu.conf user) and systemd's LimitMEMLOCK for the libvirt
 * daemon. Files outside /sys are read under MEMLOCK_PLANNER_ROOT (host_root.h). */
#ifndef MP_HOST_FACTS_H
#define MP_HOST_FACTS_H

#include "host.h"

/* Sets h->has_kvm and adds the warnings. Call after the PCI scan. */
void probe_host_facts(struct host *h);

#endif
