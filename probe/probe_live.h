/* --host live: this machine, as a non-root user may see it. */
#ifndef MP_PROBE_LIVE_H
#define MP_PROBE_LIVE_H

#include "error.h"
#include "host.h"

/* Never fails for lack of access: gaps become unknown plus a warning. */
struct host *probe_live(struct mp_error *err);

#endif
