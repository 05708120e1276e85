/* Host files outside /sys (/etc, /dev, /proc/cmdline, pci.ids) under a
 * root prefix: MEMLOCK_PLANNER_ROOT, unset on a real host. Tests point it
 * at a directory of stub files (umockdev provides /sys). */
#ifndef MP_HOST_ROOT_H
#define MP_HOST_ROOT_H

#include <stdbool.h>
#include <stddef.h>

/* True when MEMLOCK_PLANNER_ROOT is set and not empty. */
bool host_root_set(void);

/* `path` (absolute) under the prefix into `buf`. Returns buf, or NULL when
 * it does not fit. */
const char *host_root_path(const char *path, char *buf, size_t len);

#endif
