/* Will the guest start as defined? The reasons `calc --check` and
 * `report --check` give, each with a stable code, one sentence and the
 * numbers behind it, for every command and view that wants to say why.
 *
 * A reason means the guest (or, for the fleet codes, the set of guests)
 * cannot start, or not all together, as defined: `--check` prints one line
 * per reason on stderr and exits 3 (doc/memlock-planner.1). Pure: no
 * terminal, no /sys; the host facts come in as `struct host`.
 *
 * Use:
 *     struct check_list l = { 0 };
 *     check_guest(g, h, &result, &l);          // after memlock_compute
 *     for (size_t i = 0; i < l.n; i++)
 *         puts(l.items[i].text.local);
 *     check_list_free(&l);
 */
#ifndef MP_CHECK_H
#define MP_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "guest.h"
#include "host.h"
#include "memlock.h"
#include "msg.h"

enum check_code {
    /* One guest. */
    CHECK_HARD_LIMIT_BELOW_NEED,  /* "hard_limit_below_need": have = hard_limit,
                                   * need = the computed figure (memlock_need_kib) */
    CHECK_INHERITED_BELOW_NEED,   /* "inherited_below_need": libvirt sets no limit
                                   * (hard_limit 0), so QEMU keeps the RLIMIT_MEMLOCK it
                                   * inherits: have = that limit (the host's), need as above */
    CHECK_INHERITED_UNKNOWN,      /* "inherited_unknown": as above, but the inherited
                                   * limit is not known (no live host): have_known false */
    CHECK_MEMORY_ABOVE_HOST,      /* "memory_above_host_ram": have = host RAM,
                                   * need = the guest's memory after alignment */
    CHECK_QEMU_MLOCK_BELOW_MEMORY,/* "qemu_mlock_below_memory": <locked/> (libvirt passes
                                   * -overcommit mem-lock=on) or <qemu:commandline> passing
                                   * that or -realtime mlock=on, so QEMU locks all guest RAM,
                                   * and the limit (have) is below the guest's memory (need) */
    /* Several guests (check_fleet). */
    CHECK_DEVICE_SHARED,          /* "device_shared": one host PCI device in two guests */
    CHECK_GROUP_SHARED,           /* "iommu_group_shared": devices of one IOMMU group
                                   * in two guests (VFIO gives a group to one user) */
    CHECK_NVLINK2_SPLIT,          /* "nvlink2_split": an IOMMU group with NVLink2 GPUs
                                   * and bridges in two guests, or a bridge in one guest
                                   * and its GPU in another */
    CHECK_FLEET_MEMORY_ABOVE_HOST,/* "fleet_memory_above_host_ram": the guests that lock
                                   * their RAM (VFIO, locked) add up to more than host RAM:
                                   * have = host RAM, need = their memory added up */
};

struct check_reason {
    enum check_code code;
    struct msg text;          /* one sentence, no trailing period; names the guests */
    bool have_known;          /* false: `have_kib` is unknown */
    uint64_t have_kib;        /* what there is (the limit, the host's RAM) */
    uint64_t need_kib;        /* what is needed; 0 for the sharing codes */
    size_t guest[2];          /* check_fleet: indexes of the guests involved */
};

struct check_list {
    struct check_reason *items;
    size_t n, cap;
};

/* Stable id of a code (the strings above), for JSON and tests. */
const char *check_code_id(enum check_code code);

/* Appends the reasons `g` (computed into `r` on `h`, which may be NULL) cannot
 * start. The inherited limit is the host's memlock (struct host: this
 * process's RLIMIT_MEMLOCK on a live host). Returns how many it added. */
size_t check_guest(const struct guest *g, const struct host *h, const struct memlock_result *r,
                   struct check_list *out);

/* What check_fleet needs of one guest: a few dozen bytes, so that a report
 * keeps it for each of thousands of guests it does not keep whole. */
struct check_fleet_guest {
    const char *name;             /* names it in the sentences (made safe by the output) */
    uint64_t memory_kib;          /* memlock_result's memory_kib */
    bool pins_memory;             /* check_pins_memory */
    uint32_t npci;
    const struct pci_addr *pci;   /* the host addresses of its PCI hostdevs */
};

/* Appends the reasons `n` guests cannot all run at once on `h`: a device or
 * IOMMU group claimed twice, an NVLink2 bridge and its GPU apart, the memory
 * of the guests that pin it above host RAM. `nv2_files` is the profile's
 * (struct profile), to know NVLink2 bridges. At most UINT32_MAX guests.
 * Returns how many it added. */
size_t check_fleet(const struct check_fleet_guest *guests, size_t n, const struct host *h,
                   unsigned nv2_files, struct check_list *out);

/* A guest's RAM is pinned when it uses VFIO (or vDPA) or is <locked/>: that
 * memory counts against host RAM whatever the limit says. */
bool check_pins_memory(const struct guest *g, const struct memlock_result *r);

/* `reason` as the JSON object the report and capacity write: {code, text,
 * guests: [i, j]} (guests empty for the memory code). */
struct json;
void check_reason_write_json(struct json *j, const struct check_reason *reason);

void check_list_free(struct check_list *l);

#endif
