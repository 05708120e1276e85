/* Host warnings from a probe: what could not be read, and why. */
#ifndef MP_PROBE_WARN_H
#define MP_PROBE_WARN_H

#include "host.h"

/* At most this many; a broken host of thousands of devices stays readable. */
#define PROBE_WARN_MAX 100

/* Adds a warning (msgid, printf arguments) to h->warnings, up to the cap. */
void probe_warn(struct host *h, const char *fmt_msgid, ...) __attribute__((format(printf, 2, 3)));

#endif
