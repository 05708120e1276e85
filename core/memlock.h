/* The memory-locking limit libvirt gives a QEMU guest, with every term named
 * and explained. Pure: guest + host facts + profile in, result out. */
#ifndef MP_MEMLOCK_H
#define MP_MEMLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "guest.h"
#include "host.h"
#include "msg.h"
#include "profile.h"

enum memlock_kind {
    MEMLOCK_NONE,        /* 0: libvirt sets no limit, QEMU inherits libvirtd's */
    MEMLOCK_BYTES,       /* a limit in bytes */
    MEMLOCK_UNLIMITED,   /* RLIM_INFINITY */
};

enum memlock_rule {
    RULE_HARD_LIMIT,     /* <memtune><hard_limit> */
    RULE_LOCKED,         /* <memoryBacking><locked/> */
    RULE_PPC64,          /* ppc64 + KVM */
    RULE_GENERIC,        /* everything else */
};

struct memlock_term {
    const char *id;      /* stable: "hpt", "dma32", ... */
    const char *label;   /* msgid; translate with _() for people */
    uint64_t kib;
    struct msg why;      /* one sentence */
};

enum phb_origin {
    PHB_DEFAULT_IMPLICIT,   /* index 0, not in the XML: libvirt adds it */
    PHB_LISTED,             /* a pci-root controller in the XML */
    PHB_ADDED_ISOLATION,    /* libvirt adds it to keep an IOMMU group apart */
    PHB_MANUAL,             /* the planner's manual count */
};

/* Sanity bound on a manual PHB count (pseries guests have a few dozen at most). */
#define MEMLOCK_MAX_PHBS 256u

/* Isolation groups from here up stand for "alone; host IOMMU group unknown". */
#define PHB_GROUP_UNKNOWN_BASE (1L << 40)

struct phb_info {
    unsigned index;         /* controller index */
    enum phb_origin origin;
    long isolation_group;   /* host IOMMU group + 1; 0 = emulated devices; -1 = none yet */
    size_t nhostdevs;       /* hostdevs placed on it */
    struct msg why;
};

struct memlock_result {
    enum memlock_kind kind;
    uint64_t limit_kib;     /* MEMLOCK_BYTES: the limit; else 0 */
    uint64_t limit_bytes;
    enum memlock_rule rule;
    const struct profile *profile;
    char release[24];           /* the libvirt release it stands for ("" unknown) */
    const char *release_source; /* msgid: where that release came from, or NULL */
    char *refusal;              /* set by comparisons only: why this release refuses
                                 * the definition (no limit then) */

    /* Sizes after libvirt's start-time alignment. */
    uint64_t memory_kib;        /* total: initial + memory devices */
    uint64_t max_memory_kib;    /* <maxMemory>, or memory */
    uint64_t align_kib;         /* what initial memory was rounded to */

    /* ppc64 facts (also filled for ppc64 guests under other rules). */
    bool has_phbs;
    struct phb_info *phbs;
    size_t nphbs;
    bool uses_vfio;
    bool nvlink2;               /* an NVLink2 bridge is assigned */
    size_t nvfio, nvdpa;        /* generic rule counts */
    size_t nnvme;               /* NVMe disks counted on their own (9.3 and later) */
    uint64_t factor;

    struct memlock_term *terms; /* add up to limit_kib */
    size_t nterms, terms_cap;
    struct msg_list warnings;

    /* Under RULE_HARD_LIMIT and RULE_LOCKED: what libvirt's next rule (ppc64 or
     * generic) gives for the same guest, term by term: the guest's need. The
     * effective limit (kind, limit_kib) stays the hard_limit or unlimited.
     * has_computed is false under the other rules, or when the terms overflow. */
    bool has_computed;
    enum memlock_rule computed_rule;
    enum memlock_kind computed_kind;   /* MEMLOCK_NONE or MEMLOCK_BYTES */
    uint64_t computed_kib;
    struct memlock_term *computed_terms;  /* add up to computed_kib */
    size_t ncomputed_terms;
};

/* How the effective limit stands against the computed one ("diff" in the
 * formats): MEMLOCK_BYTES against MEMLOCK_BYTES gives a signed difference. */
enum memlock_gap {
    GAP_NONE,        /* no computed figure: the rule is ppc64 or generic */
    GAP_EQUAL,       /* the hard_limit equals the computed figure */
    GAP_ABOVE,       /* effective limit above the computed one by gap_kib */
    GAP_BELOW,       /* effective limit below the computed one by gap_kib */
    GAP_UNLIMITED,   /* <locked/>: no limit at all, whatever the terms give */
};
enum memlock_gap memlock_gap(const struct memlock_result *r, uint64_t *gap_kib);
/* The need the guest's devices and memory give: computed_kib under hard_limit
 * and locked, else the limit itself (0 when none). */
uint64_t memlock_need_kib(const struct memlock_result *r);

/* Computes the limit for `g` on host `h` (NULL: no host facts) under profile
 * `p` (NULL: the default). Returns 0, or -1 with `err` set for impossible
 * sizes (overflow) and definitions libvirt would refuse. */
int memlock_compute(const struct guest *g, const struct host *h, const struct profile *p,
                    struct memlock_result *out, struct mp_error *err);
/* How much a calculation says besides the limit and its terms. */
enum memlock_detail {
    MEMLOCK_FULL,    /* every term's why, the PHBs' and the warnings */
    MEMLOCK_TERMS,   /* terms and sizes; the terms' and PHBs' why empty ({NULL,
                      * NULL}), no warnings: for comparisons that show only sizes */
};
int memlock_compute_detail(const struct guest *g, const struct host *h, const struct profile *p,
                           enum memlock_detail detail, struct memlock_result *out,
                           struct mp_error *err);
void memlock_result_free(struct memlock_result *r);
/* -1 with `err` when release `p` cannot parse the definition (a device type it
 * does not know yet), as virDomainDefParseXML refuses it; else 0. */
int memlock_release_refuses(const struct guest *g, const struct profile *p, struct mp_error *err);
/* Records which release the result stands for; warns when it is newer than
 * the newest profile. */
void memlock_note_choice(struct memlock_result *r, const struct profile_choice *c);

const char *memlock_term_label(const struct memlock_term *t); /* translated */

#endif
