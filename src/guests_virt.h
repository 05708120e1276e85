/* memlock-planner guests --connect URI: each domain of the connection beside
 * its QEMU process (by the -name QEMU was started with), and the limit libvirt
 * computes from the running definition against the one the process has, and
 * the same verdict guests gives without a connection (core/running_check.h):
 * as expected, below need, differs or unknown. */
#ifndef MP_GUESTS_VIRT_H
#define MP_GUESTS_VIRT_H

#include <stdbool.h>
#include <stddef.h>

#include "cli_virt.h"
#include "qemu_proc.h"

/* Prints the pairing as text or JSON; `host_src`, `version`: --host and
 * --libvirt. Returns the exit status. */
int guests_virt(struct cli_virt *v, const char *host_src, const char *version, bool json,
                const struct qemu_process *ps, size_t n);

#endif
