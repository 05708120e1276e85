/* The same guest under every formula profile, side by side: which terms
 * differ between libvirt versions, and by how much. */
#ifndef MP_PROFILE_COMPARE_H
#define MP_PROFILE_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"
#include "memlock.h"
#include "profile.h"

struct profile_compare_row {
    const char *id;            /* term id: "hpt", "dma32", ... */
    const char *label;         /* msgid */
    bool present[PROFILES_MAX];   /* per profile: the term is in that result */
    uint64_t kib[PROFILES_MAX];   /* per profile: its size (0 when absent) */
    bool differs;              /* not the same in every profile */
};

struct profile_compare {
    size_t nprofiles;
    struct memlock_result results[PROFILES_MAX];   /* one per profile, in profiles[] order;
                                                    * sizes only (MEMLOCK_TERMS) but for a
                                                    * borrowed one */
    struct profile_compare_row *rows; /* union of term ids, in first-seen order */
    size_t nrows;
    bool limit_differs;
    size_t borrowed;                  /* results[] index the caller owns, or SIZE_MAX */
};

/* Computes `g` on `h` under every profile. Returns 0, or -1 with `err` set
 * (the first profile whose calculation fails). */
int profile_compare_run(const struct guest *g, const struct host *h, struct profile_compare *out,
                        struct mp_error *err);
/* The same, taking `known` (g on h under known->profile, owned by the caller
 * and kept alive until profile_compare_free) instead of computing it again. */
int profile_compare_run_with(const struct guest *g, const struct host *h,
                             const struct memlock_result *known, struct profile_compare *out,
                             struct mp_error *err);
void profile_compare_free(struct profile_compare *c);

/* A limit as the table shows it: "4 GiB", "unlimited", "none". */
void profile_compare_format_limit(const struct memlock_result *r, char *buf, size_t len);
/* A table for people: one column per profile, differing rows marked. */
void profile_compare_print_text(FILE *out, const struct profile_compare *c);
/* What step `p` does to this guest's limit against the step before it:
 * "no change", "5 GiB -> 13 GiB", "refused -> 21 GiB"; the first step's limit. */
void profile_compare_step_change(const struct profile_compare *c, size_t p, char *buf, size_t len);
/* Every step, oldest first: its first release, what it changed and what that
 * does to this guest's limit ("no change", "5 GiB -> 13 GiB", "refused"). */
void profile_compare_print_steps(FILE *out, const struct profile_compare *c);
/* {"profiles": [...], "limit_bytes": [...], "steps": [...], "terms": [{id,label,differs,kib:[...]}]} */
void profile_compare_write_json(struct json *j, const struct profile_compare *c);

#endif
