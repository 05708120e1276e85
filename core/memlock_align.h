/* Memory sizes as libvirt has them when it starts a new guest: aligned, and
 * totalled from NUMA cells and memory devices. */
#ifndef MP_MEMLOCK_ALIGN_H
#define MP_MEMLOCK_ALIGN_H

#include <stdint.h>

#include "error.h"
#include "guest.h"
#include "msg.h"
#include "profile.h"

struct aligned_memory {
    uint64_t initial_kib;       /* boot memory: NUMA cells or <memory> less modules */
    uint64_t modules_kib;       /* memory devices */
    uint64_t total_kib;         /* initial + modules */
    uint64_t max_kib;           /* <maxMemory>, or total when absent */
    uint64_t align_kib;         /* initial memory alignment */
    uint64_t module_align_kib;  /* memory device and maxMemory alignment */
};

/* In libvirt's order: the post-parse checks on the sizes as written
 * (virDomainDefPostParseMemory, after the ppc64 module alignment `p` has at
 * parse time), then the start-time alignment (qemuDomainAlignMemorySizes).
 * `p` NULL: the default profile. Returns 0, or -1 with `err` for sizes libvirt
 * refuses or that overflow. */
int memlock_align(const struct guest *g, const struct profile *p, struct aligned_memory *out,
                  struct msg_list *warnings, struct mp_error *err);

#endif
