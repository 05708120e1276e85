/* The guided tour: a walk on the AC922 demo host in which each step changes
 * one thing in the guest and explains why the limit moved. Steps are data;
 * the CLI prints them and the TUI steps through them with Next and Back. */
#ifndef MP_TOUR_H
#define MP_TOUR_H

#include <stdio.h>

#include "json.h"
#include "memlock.h"

/* The host the tour's device addresses belong to. */
#define TOUR_HOST "demo:ac922"

struct tour_step_info {
    const char *id;        /* stable: "start", "nic", "gpu", ... */
    const char *title;     /* msgid */
    const char *explain;   /* msgid: why the limit moves */
};

/* Number of steps, the start included. */
size_t tour_nsteps(void);
const struct tour_step_info *tour_step(size_t i);
/* The guest as it stands after steps 0..i. */
struct guest *tour_guest(size_t i);

struct tour_delta {
    const char *id, *label;   /* term */
    uint64_t before_kib, after_kib;
    const char *gone;         /* msgid when the term no longer applies (after_kib 0):
                               * under <locked/> it says so; NULL while it applies */
};
/* Terms that changed between two results (added, removed or resized). Caller frees. */
struct tour_delta *tour_diff(const struct memlock_result *before, const struct memlock_result *after,
                             size_t *n);

/* The recommended hard_limit for libvirt's limit `limit_kib`: the default
 * headroom above it (headroom.h: room for QEMU's own memory under the
 * cgroup cap). */
uint64_t tour_recommended_kib(uint64_t limit_kib);

/* Step `i` computed on `h`: title, explanation, limit before and after, the
 * terms that moved. Returns -1 with `err` set if a calculation fails. */
int tour_print_step(FILE *out, size_t i, const struct host *h, struct mp_error *err);
int tour_write_json(struct json *j, const struct host *h, struct mp_error *err);
/* The guest of step `i` as libvirt domain XML (for calc, apply, virsh). */
void tour_write_guest_xml(FILE *out, size_t i);

#endif
