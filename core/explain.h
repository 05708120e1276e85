/* Why a start failed, from its log: the failure and its layer, the guest
 * (from a definition or rebuilt from the logged QEMU command line), the limit
 * the process had, what libvirt computes it needs term by term, by how much
 * and in which term the limit ran out, and what to set. Pure. */
#ifndef MP_EXPLAIN_H
#define MP_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "guest.h"
#include "headroom.h"
#include "host.h"
#include "memlock.h"
#include "msg.h"
#include "profile.h"
#include "qemu_log.h"
#include "report_rec.h"

enum explain_guest_source {
    EXPLAIN_GUEST_NONE,        /* no definition and no command line: no need computed */
    EXPLAIN_GUEST_DEFINITION,  /* --xml or --connect */
    EXPLAIN_GUEST_CMDLINE,     /* rebuilt from the logged QEMU command line */
};

enum explain_profile_source {
    EXPLAIN_PROFILE_OPTION,    /* --libvirt */
    EXPLAIN_PROFILE_LOG,       /* the log's "starting up libvirt version:" */
    EXPLAIN_PROFILE_DEFAULT,   /* neither: the default profile */
};

/* libvirt asks for this many bytes (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED) when it
 * removes the limit: "cannot limit locked memory of process N to
 * 9007199254740991" is a failed "unlimited". */
#define EXPLAIN_UNLIMITED_BYTES UINT64_C(9007199254740991)

enum explain_limit_source {
    EXPLAIN_LIMIT_UNKNOWN,
    EXPLAIN_LIMIT_MESSAGE,     /* the failing line states it */
    EXPLAIN_LIMIT_HARD_LIMIT,  /* the definition's <hard_limit> */
};

struct explain {
    const struct log_start *start;      /* borrowed from the log */
    enum log_cause cause;
    enum log_layer layer;

    enum explain_guest_source guest_source;
    struct guest *guest;                /* owned; NULL with EXPLAIN_GUEST_NONE */
    bool mem_lock_option;               /* QEMU was told to lock all its memory */
    const char *mem_lock_spelling;

    const struct profile *profile;
    enum explain_profile_source profile_source;
    bool profile_beyond;                /* the log's release is newer than the newest profile */

    bool has_need;
    struct memlock_result need;         /* libvirt's limit without hard_limit */
    struct memlock_rec rec;             /* what to set */

    enum explain_limit_source limit_source;
    uint64_t limit_bytes;
    bool short_known;                   /* limit and need both known, limit below need */
    uint64_t short_bytes;
    long short_term;                    /* index in need.terms where the limit runs out, or -1 */
    uint64_t covered_bytes;             /* the terms before short_term add up to this */

    struct msg_list notes;              /* assumptions and what could not be read */
};

/* Builds the explanation of the log's chosen start. `def` (NULL: rebuild from
 * the command line) is borrowed and copied; `version` is --libvirt (NULL: the
 * log's, else the default); `h` may be NULL; `hr` is the headroom of the
 * recommended hard_limit (NULL: headroom_default()). Returns 0, or -1 with `err` set
 * for a --libvirt value that is not a release or a guest libvirt would refuse. */
int explain_build(const struct qemu_log *log, const struct guest *def, const char *version,
                  const struct host *h, const struct headroom *hr, struct explain *out,
                  struct mp_error *err);
void explain_free(struct explain *e);

/* Whether the chosen start failed because of memory locking (exit 0) or not (3). */
bool explain_is_memlock(const struct explain *e);

#endif
