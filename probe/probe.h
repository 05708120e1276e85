/* Where host facts come from: --host SOURCE. */
#ifndef MP_PROBE_H
#define MP_PROBE_H

#include <stddef.h>

#include "error.h"
#include "host.h"

/* SOURCE is "live" (this machine through libudev), "none" (no host facts),
 * "demo:NAME" (a built-in demo host) or the path of a host snapshot file.
 * Returns a finished host (host_finish done), or NULL with `err` set. */
struct host *probe_load(const char *source, struct mp_error *err);

struct demo_host_info {
    const char *name;          /* "ac922" */
    const char *description;   /* msgid */
};
/* The built-in demo hosts, for --host list. */
const struct demo_host_info *probe_demo_list(size_t *n);

#endif
