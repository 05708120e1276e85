/* memlock-planner apply --connect URI DOMAIN: the computed hard_limit set
 * through libvirt (virDomainSetMemoryParameters), read back and checked. */
#ifndef MP_APPLY_VIRT_H
#define MP_APPLY_VIRT_H

#include <stdbool.h>

#include "cli.h"
#include "cli_virt.h"

/* `o` gives --host and --libvirt; `v` the connection options (--live also
 * changes the running domain). Returns the exit status. */
int apply_virt(const struct cli_common *o, struct cli_virt *v, const char *domain,
               bool force_vfio, bool dry_run);

#endif
