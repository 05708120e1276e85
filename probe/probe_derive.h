/* Facts worked out from what a live probe or a demo table gave. */
#ifndef MP_PROBE_DERIVE_H
#define MP_PROBE_DERIVE_H

#include <stdbool.h>

#include "host.h"

/* Gives each GPU the RAM window of the bridges that link to it, and warns
 * when the kernel no longer supports NVLink2 passthrough. Call after
 * host_finish. */
void probe_derive(struct host *h);

#endif
