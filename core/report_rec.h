/* What to configure so that a guest gets the memory-locking limit it needs:
 * a <memtune><hard_limit>, the virsh command that sets it, and the
 * LimitMEMLOCK= / limits.conf lines for QEMU run outside libvirt. */
#ifndef MP_REPORT_REC_H
#define MP_REPORT_REC_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "headroom.h"
#include "guest.h"
#include "host.h"
#include "memlock.h"
#include "msg.h"
#include "profile.h"

enum rec_kind {
    REC_HARD_LIMIT,    /* write hard_limit = kib */
    REC_UNLIMITED,     /* <locked/>: libvirt lifts the limit; nothing to write */
    REC_NOT_NEEDED,    /* libvirt sets no limit: nothing is locked */
    REC_BELOW_MEMORY,  /* libvirt's own limit is below the guest's memory: a
                        * hard_limit that low would also cap its memory (cgroup) */
};

struct memlock_rec {
    enum rec_kind kind;
    uint64_t kib;            /* REC_HARD_LIMIT: the hard_limit to write, base_kib +
                              * headroom_kib; otherwise base_kib */
    uint64_t bytes;
    uint64_t base_kib;       /* libvirt's limit without the guest's hard_limit (0: none);
                              * for a <locked/> guest, at least its max memory */
    uint64_t base_bytes;     /* for QEMU outside libvirt (no cgroup: no headroom) */
    uint64_t headroom_kib;   /* REC_HARD_LIMIT: the headroom added; else 0 */
    struct headroom headroom;
    bool locked;             /* <locked/>: outside libvirt QEMU needs no limit at all */
    bool has_current;        /* the guest already has a hard_limit */
    uint64_t current_kib;
    struct msg_list notes;   /* why, and what to watch */
};

/* Computes libvirt's limit for `g` as if it had no hard_limit and says what
 * to configure, with `hr` (NULL: headroom_default()) above libvirt's figure.
 * A <locked/> guest gets a hard_limit too: libvirt lifts the limit for it,
 * and a hard_limit covering max memory plus QEMU's own memory is what keeps
 * it bounded. Returns 0, or -1 with `err` set (as memlock_compute; also when
 * the figure plus the headroom does not fit). */
int memlock_recommend(const struct guest *g, const struct host *h, const struct profile *p,
                      const struct headroom *hr, struct memlock_rec *out, struct mp_error *err);
/* The same from `bare`: `g` computed without its hard_limit (for a guest with
 * none, its own result). */
int memlock_recommend_from(const struct guest *g, const struct memlock_result *bare,
                           const struct headroom *hr, struct memlock_rec *out,
                           struct mp_error *err);
void memlock_rec_free(struct memlock_rec *r);
/* `g`'s result `r` as it would be without its hard_limit, from r's computed
 * figure (a shallow copy: terms and warnings stay r's). True when `g` has no
 * hard_limit (then *bare is r) or r has the computed figure; false when it
 * must be computed again (the terms overflowed). */
bool memlock_bare_of(const struct guest *g, const struct memlock_result *r,
                     struct memlock_result *bare);

const char *rec_kind_id(enum rec_kind k);

/* Lines to copy, each a new string the caller frees; NULL when `r` has none.
 * `domain` is quoted for a POSIX shell. */
char *rec_hard_limit_xml(const struct memlock_rec *r);
char *rec_virsh_command(const struct memlock_rec *r, const char *domain);
char *rec_systemd_line(const struct memlock_rec *r);
/* Two lines (soft and hard) for /etc/security/limits.conf, memlock in KiB,
 * for the user `user`. */
char *rec_limits_conf(const struct memlock_rec *r, const char *user);

/* 'text' with ' written as '\'' : safe in a POSIX shell. */
char *shell_quote(const char *text);

#endif
