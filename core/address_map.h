/* A pseries guest's address space as a picture: RAM, the 64-bit MMIO window,
 * NVLink2 GPU RAM, and per PHB the DMA windows whose TCE tables the limit pays
 * for. For training: it shows why NVLink2 costs 256 GiB of TCE table per PHB. */
#ifndef MP_ADDRESS_MAP_H
#define MP_ADDRESS_MAP_H

#include <stdio.h>

#include "json.h"
#include "memlock.h"

enum addr_space {
    ADDR_GUEST_PHYSICAL,   /* what the guest's CPUs address */
    ADDR_DMA_WINDOW,       /* what a PHB's devices address (IOVA), mapped by TCEs */
};

struct addr_region {
    const char *id;        /* "ram", "hotplug", "mmio64", "nv2_ram", "dma32", "dma64" */
    const char *label;     /* msgid */
    enum addr_space space;
    unsigned phb;          /* DMA windows: the PHB's controller index */
    uint64_t start_kib, end_kib;   /* [start, end) */
    uint64_t tce_kib;      /* DMA windows: TCE table the window needs (4 KiB pages) */
    struct msg why;
};

struct address_map {
    struct addr_region *regions;
    size_t n;
};

/* Builds the map for `g` on `h` under profile `p` (the ppc64 formula's view,
 * even when hard_limit or locked decide the limit). Returns -1 with `err` set
 * when the guest is not a ppc64 guest (the picture is pseries-only). */
int address_map_build(const struct guest *g, const struct host *h, const struct profile *p,
                      struct address_map *out, struct mp_error *err);
/* The same from a result that already is the formula's view: a ppc64 guest
 * computed under RULE_PPC64 (a report has it at hand). */
void address_map_from_result(const struct memlock_result *r, struct address_map *out);
void address_map_free(struct address_map *m);

/* Column (0..width-1) of `kib` on the log scale from 1 GiB to 128 TiB. */
unsigned address_map_column(uint64_t kib, unsigned width);

/* The picture as text, `width` columns for the bars (ASCII). */
void address_map_print_text(FILE *out, const struct address_map *m, unsigned width);
void address_map_write_json(struct json *j, const struct address_map *m);

#endif
