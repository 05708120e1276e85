/* Two definitions of a guest side by side: their limits term by term, and
 * what in the definitions (or the libvirt profile) caused each change. The
 * `diff` command's model. Pure: guests, host and profiles in, result out. */
#ifndef MP_LIMIT_DIFF_H
#define MP_LIMIT_DIFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "json.h"
#include "memlock.h"
#include "msg.h"

/* What a cause can move; a term lists the causes whose bits it depends on. */
enum diff_input {
    DIFF_MEMORY = 1u << 0,    /* total memory after alignment */
    DIFF_MAXMEM = 1u << 1,    /* max memory after alignment */
    DIFF_PHBS = 1u << 2,      /* the pseries guest's PHBs */
    DIFF_DEVICES = 1u << 3,   /* VFIO/mdev hostdevs, NVMe disks, vDPA, vIOMMU, NVLink2 */
    DIFF_RULE = 1u << 4,      /* hard_limit, locked, arch, domain type */
    DIFF_PROFILE = 1u << 5,   /* the libvirt profile */
};

struct diff_cause {
    const char *id;           /* stable: "hostdev_added", "phb_added", "memory", ... */
    unsigned affects;         /* enum diff_input bits */
    struct msg text;          /* one line */
};

struct diff_term {
    const char *id;           /* the term id ("hpt", "dma32", ...) */
    const char *label;        /* msgid */
    bool in_old, in_new;
    uint64_t old_kib, new_kib;
    bool changed;
    size_t *causes;           /* indexes into causes[] that explain the change */
    size_t ncauses;
};

struct limit_diff {
    struct memlock_result old, new;   /* MEMLOCK_FULL results */
    struct diff_term *terms;  /* the need's terms (computed ones under hard_limit or
                               * locked), union by id, old order first */
    size_t nterms, terms_cap;
    struct diff_cause *causes;
    size_t ncauses, causes_cap;
};

/* Computes both on `h`, `old_g` under `old_p` and `new_g` under `new_p`.
 * 0, or -1 with `err` set when either calculation fails, its message led by
 * that guest's `paths` entry (the file it came from). */
int limit_diff_run(const struct guest *old_g, const struct profile *old_p,
                   const struct guest *new_g, const struct profile *new_p,
                   const struct host *h, const char *const paths[2], struct limit_diff *out,
                   struct mp_error *err);
void limit_diff_free(struct limit_diff *d);

/* True when nothing differs: limits, terms and causes. */
bool limit_diff_same(const struct limit_diff *d);

void limit_diff_print_text(FILE *out, const struct limit_diff *d);
/* {"old": {...}, "new": {...}, "limit_difference_kib", "need_difference_kib",
 *  "terms": [...], "causes": [...]}; doc/report-format.md. */
void limit_diff_write_json(struct json *j, const struct limit_diff *d);

#endif
