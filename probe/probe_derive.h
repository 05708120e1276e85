/* Facts worked out from what a live probe or a demo table gave. */
#ifndef MP_PROBE_DERIVE_H
#define MP_PROBE_DERIVE_H

#include <stdbool.h>

#include "host.h"

/* Gives each GPU the RAM window of the bridges that link to it, and warns
 * when the kernel no longer supports NVLink2 passthrough. Call after
 * host_finish. */
void probe_derive(struct host *h);

/* True if `release` ("5.13.0-rc1", "6.1.0-18-amd64") is at least major.minor. */
bool probe_kernel_at_least(const char *release, unsigned major, unsigned minor);

#endif
