/* memlock-planner apply --connect URI DOMAIN: the computed hard_limit set
 * through libvirt (virDomainSetMemoryParameters), read back and checked. */
#ifndef MP_APPLY_VIRT_H
#define MP_APPLY_VIRT_H

#include "command.h"
#include "headroom.h"

/* `r` has the connection open (r->virt), the profile and the host; `hr` the
 * headroom above libvirt's figure (--headroom); --live also changes the
 * running domain, --dry-run nothing. Returns the exit status. */
int apply_virt(struct cli_run *r, const char *domain, const struct headroom *hr);

#endif
