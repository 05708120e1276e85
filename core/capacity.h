/* Capacity: how many guests of one shape a host can run, and which resource
 * runs out first — host RAM, or the IOMMU groups the guest's devices need
 * (VFIO assigns whole groups, so a GPU may take its socket's whole group). */
#ifndef MP_CAPACITY_H
#define MP_CAPACITY_H

#include <stdio.h>

#include "json.h"
#include "memlock.h"

struct capacity_resource {
    char *id;              /* "ram", "groups:10de:1db1x2+1014:04eax6" */
    struct msg label;      /* "Host RAM", "IOMMU groups like group 5 (...)" */
    uint64_t available;    /* KiB for RAM, a count for groups */
    uint64_t per_guest;
    uint64_t fits;         /* available / per_guest */
    bool blocker;          /* the host cannot run the guest at all: 0 of 1, label says why */
};

struct capacity {
    struct capacity_resource *resources;
    size_t n;
    bool known;            /* at least one resource could be measured */
    uint64_t fits;         /* the smallest fit */
    size_t limiting;       /* index of the resource that runs out first */
    /* If every guest locked memory up to its limit (the kernel's ceiling). */
    bool worst_case_known;
    uint64_t fits_at_limit;
    struct msg_list notes; /* what could not be counted, and why */
};

/* The host's IOMMU groups and what each holds, worked out once for the
 * guests of a batch (a report) instead of once per guest. */
struct capacity_host {
    const struct host *host;  /* may be NULL */
    int *groups;              /* every IOMMU group of the host, once */
    char **sigs;              /* the models in each group: "1014:04ea x6 + 10de:1db1 x2" */
    size_t n;
};
void capacity_host_init(struct capacity_host *ch, const struct host *h);
void capacity_host_free(struct capacity_host *ch);
/* capacity_compute on a host worked out by capacity_host_init. */
int capacity_compute_on(const struct guest *g, const struct capacity_host *ch,
                        const struct memlock_result *r, struct capacity *out);

/* `r` is the guest's calculation on `h`. A host that cannot run the guest at
 * all (no /dev/kvm for a kvm guest, another architecture, a hostdev not on
 * the host or in no IOMMU group) gets a blocker resource each: 0 fit. Returns 0 (never fails on missing
 * host facts: they become notes). */
int capacity_compute(const struct guest *g, const struct host *h, const struct memlock_result *r,
                     struct capacity *out);
void capacity_free(struct capacity *c);

/* An amount of `res` for people: a size for RAM, a count for groups. */
void capacity_format_amount(const struct capacity_resource *res, uint64_t v, char *buf,
                            size_t len);
/* "Capacity: 2 guests of this shape fit; Host RAM runs out first.\n", or why
 * none fit, translated; the caller frees. */
char *capacity_sentence(const struct capacity *c);
void capacity_print_text(FILE *out, const struct capacity *c);
/* "If every guest locked memory up to its limit, N guests would fit." (when
 * c->worst_case_known), for the text and the planner, HTML and Markdown
 * reports. Caller frees. */
char *capacity_worst_case_text(const struct capacity *c);
void capacity_write_json(struct json *j, const struct capacity *c);

#endif
