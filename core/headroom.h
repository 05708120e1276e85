/* --headroom SIZE|N%: room above libvirt's figure in a recommended
 * <memtune><hard_limit>. The hard_limit is also the guest's memory cgroup
 * cap (libvirt writes it to memory.max), so libvirt's figure alone leaves
 * QEMU's own memory no room; the headroom trades that against how much more
 * host memory the guest may take. */
#ifndef MP_HEADROOM_H
#define MP_HEADROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "size.h"

/* The default: 1 GiB. */
#define HEADROOM_DEFAULT_KIB KIB_PER_GIB
/* A percentage is of libvirt's figure, 0 to 100. */
#define HEADROOM_MAX_PERCENT 100u

struct headroom {
    bool percent;        /* true: `pct` % of libvirt's figure; false: `kib` */
    unsigned pct;
    uint64_t kib;
};

/* The default headroom (HEADROOM_DEFAULT_KIB). */
struct headroom headroom_default(void);

/* "1G", "512MiB", "1.5 GiB", "0", "2048" (KiB), "10%" (whole percents).
 * Refused, with one sentence in `err` (MP_ERR_INPUT): negative values,
 * percentages above 100 or with a fraction, sizes above 8 EiB, anything that
 * is not a number with a unit. */
int headroom_parse(const char *text, struct headroom *out, struct mp_error *err);

/* The headroom for libvirt's figure `base_kib`: a size as is, a percentage
 * rounded up to whole KiB (exact: ceil(base * pct / 100)). *total = base +
 * headroom. False when the total, in bytes, does not fit in 64 bits. */
bool headroom_apply(const struct headroom *h, uint64_t base_kib, uint64_t *headroom_kib,
                    uint64_t *total_kib);

/* "1 GiB" or "10%". */
void headroom_describe(const struct headroom *h, char *buf, size_t len);

/* The one sentence on the memory cgroup trade-off that the report, apply and
 * the man page all say (a msgid: translate with _()). */
const char *headroom_cgroup_note(void);

#endif
