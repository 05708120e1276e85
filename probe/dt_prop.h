/* Device-tree property values as the kernel exposes them under
 * /sys/firmware/devicetree: raw big-endian 32-bit cells, or NUL-terminated
 * strings. These functions parse bytes only (no files), so that a fuzzer can
 * feed them anything; probe_udev.c and probe_live.c read the files. */
#ifndef MP_DT_PROP_H
#define MP_DT_PROP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The most bytes read of any property we use: longer ones are cut here,
 * which leaves them malformed for every parser below that cares. */
#define DT_PROP_MAX 256

/* Decodes up to `max` cells of `raw` into `cells`. Returns the number
 * decoded, or -1 when `len` is not a multiple of 4 (not a cell property). */
int dt_prop_cells(const void *raw, size_t len, uint32_t *cells, size_t max);

/* A phandle or a reference to one (phandle, ibm,gpu, memory-region):
 * exactly one cell. */
bool dt_prop_phandle(const void *raw, size_t len, uint32_t *out);

/* The primary NUMA reference point from ibm,associativity-reference-points
 * (its first cell); 4, the POWER9 value, when absent or malformed. */
uint32_t dt_prop_ref_point(const void *raw, size_t len);

/* The NUMA node of a node, as Linux's of_node_to_nid finds it:
 * ibm,associativity at reference point `ref` (cell 0 counts the cells after
 * it), else ibm,chip-id. HOST_UNKNOWN (-1) when neither gives a node up to
 * INT_MAX. */
int dt_prop_numa(const void *assoc, size_t alen, const void *chip, size_t clen, uint32_t ref);

enum dt_reg {
    DT_REG_OK,
    DT_REG_SHAPE,   /* not one (base, size) pair of two-cell numbers */
    DT_REG_RANGE,   /* size 0, or base + size wraps past 2^64 */
};
/* A memory node's reg: one 64-bit base and one 64-bit size. */
enum dt_reg dt_prop_reg(const void *raw, size_t len, uint64_t *base, uint64_t *size);

/* A string property (model): the bytes up to the first NUL (at most
 * DT_PROP_MAX), control characters neutralised, into `out` (always
 * terminated). Returns false for an empty value. */
bool dt_prop_string(const void *raw, size_t len, char *out, size_t outlen);

#endif
