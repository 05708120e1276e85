/* A running QEMU against its definition: does the RLIMIT_MEMLOCK it has
 * (/proc/PID/limits) match what libvirt computes from the running definition
 * (libvirt's status XML, or a file), and does it cover the need? Pure: the
 * process facts come from probe/proc_scan.c, the result from memlock_compute. */
#ifndef MP_RUNNING_CHECK_H
#define MP_RUNNING_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "guest.h"
#include "memlock.h"
#include "msg.h"
#include "qemu_proc.h"

enum running_verdict {
    RUN_AS_EXPECTED,   /* "as_expected": the limit libvirt computes, and it covers the need */
    RUN_BELOW_NEED,    /* "below_need": the limit is below what the guest needs */
    RUN_DIFFERS,       /* "differs": not what libvirt computes, but it covers the need
                        * (raised by a hotplug or by hand) */
    RUN_UNKNOWN,       /* "unknown": no definition, an unreadable process, or a limit
                        * libvirt leaves to inheritance */
};

struct running_check {
    enum running_verdict verdict;
    bool has_expected;            /* libvirt sets a number or unlimited */
    bool expected_unlimited;
    uint64_t expected_bytes;
    uint64_t need_bytes;          /* what the terms give (memlock_need_kib) */
    struct msg text;              /* one sentence for people */
};

/* `r` is the running definition `g` computed (NULL when none was found). */
void running_check(const struct qemu_process *p, const struct guest *g,
                   const struct memlock_result *r, struct running_check *out);
void running_check_free(struct running_check *c);
const char *running_verdict_id(enum running_verdict v);

#endif
