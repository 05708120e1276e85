/* Capacity of a fleet: can these guests all run at once on the host, and
 * what do they leave? The guests come as a report model (report.h: read,
 * computed, their names checked, check_fleet run by report_finish); this adds
 * each guest's own capacity, what the fleet pins and claims, and a verdict.
 * `capacity` with several guests (or --connect --all) prints it. */
#ifndef MP_CAPACITY_FLEET_H
#define MP_CAPACITY_FLEET_H

#include <stdbool.h>
#include <stdio.h>

#include "capacity.h"
#include "json.h"
#include "msg.h"
#include "report.h"

struct capacity_fleet {
    const struct report *rep;   /* the guests, their results and the fleet checks */
    struct capacity *each;      /* each guest alone on the host: rep->n of them */
    struct msg_list blocked;    /* "NAME: not even one fits on this host: WHY", one per
                                 * guest the host cannot run at all */
    size_t *blocked_guest;      /* the index of each blocked guest */
    size_t blocked_cap;
    size_t npinned;             /* guests that pin their RAM (check_pins_memory) */
    uint64_t pinned_kib;        /* their memory, added up */
    bool pinned_overflow;
    bool groups_known;          /* the host's IOMMU groups are known */
    size_t groups_claimed;      /* distinct host IOMMU groups the guests' PCI hostdevs are in */
    size_t groups_total;        /* the host's */
    size_t nreasons;            /* blocked guests + fleet checks (rep->fleet.checks) */
};

void capacity_fleet_compute(const struct report *rep, struct capacity_fleet *out);
void capacity_fleet_free(struct capacity_fleet *f);

/* --check: each reason, one line on stderr; EXIT_CHECK's 3 when there is one. */
void capacity_fleet_print_reasons(FILE *out, const struct capacity_fleet *f);
void capacity_fleet_print_text(FILE *out, const struct capacity_fleet *f);
void capacity_fleet_write_json(struct json *j, const struct capacity_fleet *f);

#endif
