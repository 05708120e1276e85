/* The planner's state: a host, the guest being shaped, the libvirt profile,
 * the computed result and an undo history. Every edit goes through here and
 * is recomputed by core/ at once; an edit core refuses is not applied. */
#ifndef MP_TUI_PLAN_H
#define MP_TUI_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "guest.h"
#include "host.h"
#include "memlock.h"
#include "profile.h"

/* Undo keeps this many edits: memory stays bounded however long the
 * session (each step holds a copy of the guest). */
#define PLAN_UNDO_MAX 1000
/* Memory slots a new <maxMemory> gets. */
#define PLAN_DEFAULT_SLOTS 16

struct plan_snapshot {
    struct guest *guest;
    const struct profile *profile;
    char *what;                   /* the edit this snapshot precedes, for "undid ..." */
};

struct plan {
    struct host *host;            /* owned */
    struct guest *guest;          /* owned */
    const struct profile *profile;
    char *path;                   /* guest XML file, or NULL for a new guest */

    bool have_result;             /* false: core refused the guest (see error) */
    struct memlock_result result;
    bool below_need;              /* the guest's hard_limit is below libvirt's own limit */
    uint64_t need_kib;            /* that limit, when below_need */
    struct mp_error error;

    /* What the last edit changed, for the result pane. */
    bool have_delta;
    enum memlock_kind prev_kind;
    uint64_t prev_bytes;
    char *last_edit;

    struct plan_snapshot *undo;
    size_t nundo, undo_cap;
    struct plan_snapshot *redo;   /* what undo took back, newest last (at most PLAN_UNDO_MAX) */
    size_t nredo, redo_cap;
    bool undo_dropped;            /* edits fell off the bounded history */
    bool dirty;                   /* edits since load or save */
};

/* Takes ownership of host and guest. `profile` NULL: the default. */
void plan_init(struct plan *p, struct host *h, struct guest *g, const struct profile *profile,
               const char *path);
void plan_free(struct plan *p);

/* Applies `edited` (a modified copy of p->guest, owned by the plan from now)
 * with `profile`, described by `what`. If core refuses it, nothing changes,
 * `err` explains and -1 is returned. */
int plan_apply(struct plan *p, struct guest *edited, const struct profile *profile,
               const char *what, struct mp_error *err);
/* Goes back one edit (at most PLAN_UNDO_MAX). Returns false when there is nothing to undo; copies
 * the undone edit's description into `what`. */
bool plan_undo(struct plan *p, char *what, size_t len);
/* Does again what the last undo took back; false when nothing was undone
 * since the last edit. */
bool plan_redo(struct plan *p, char *what, size_t len);


/* Edits. Each returns 0, or -1 with `err` set and nothing changed. */
int plan_set_memory(struct plan *p, uint64_t kib, struct mp_error *err);
int plan_set_max_memory(struct plan *p, uint64_t kib, struct mp_error *err); /* 0: none */
int plan_set_hard_limit(struct plan *p, bool set, uint64_t kib, struct mp_error *err);
int plan_set_phbs(struct plan *p, unsigned count, struct mp_error *err);  /* 0: automatic */
int plan_toggle_locked(struct plan *p, struct mp_error *err);
int plan_toggle_viommu(struct plan *p, struct mp_error *err);
int plan_toggle_virt(struct plan *p, struct mp_error *err);
int plan_toggle_force_vfio(struct plan *p, struct mp_error *err);
int plan_cycle_arch(struct plan *p, struct mp_error *err);
int plan_next_profile(struct plan *p, struct mp_error *err);
int plan_set_name(struct plan *p, const char *name, struct mp_error *err);
/* Replaces the whole guest (a file was opened). Clears undo and dirty. */
void plan_replace_guest(struct plan *p, struct guest *g, const char *path);
/* Replaces the whole guest with one rebuilt from a log, under `profile`: no
 * file, and unsaved (leaving asks). Clears undo. */
void plan_load_rebuilt(struct plan *p, struct guest *g, const struct profile *profile);
/* The guest was written to `path`: it is the plan's file now, nothing unsaved. */
void plan_saved(struct plan *p, const char *path);
/* Replaces the host (a demo host was chosen); the guest stays. */
void plan_replace_host(struct plan *p, struct host *h);

/* Device assignment by index into p->host->devices. */
bool plan_device_assigned(const struct plan *p, size_t dev);
/* Other members of the device's IOMMU group that are in the opposite state
 * (unassigned when `dev` is unassigned...): how many a whole-group toggle adds. */
size_t plan_group_others(const struct plan *p, size_t dev);
/* Assigns or unassigns `dev`, and with `whole_group` every member of its IOMMU group. */
int plan_toggle_device(struct plan *p, size_t dev, bool whole_group, struct mp_error *err);
/* Adds a VFIO hostdev for host address `addr` (also one the host lacks). */
int plan_add_hostdev(struct plan *p, const struct pci_addr *addr, struct mp_error *err);
/* Removes the guest's hostdev number `index` (also those the host lacks). */
int plan_remove_hostdev(struct plan *p, size_t index, struct mp_error *err);

#endif
