/* The argument of a QEMU option (-device, -object, -blockdev, -netdev, -m,
 * -machine, ...) as libvirt writes it: a JSON object ('{"driver":"vfio-pci",
 * "host":"0004:04:00.0"}', libvirt 7.x and later for most options) or QEMU's
 * older key=value list ('vfio-pci,host=0004:04:00.0', commas doubled inside a
 * value). Only the top level is kept; nested objects and arrays are skipped.
 * Pure: no I/O. */
#ifndef MP_QEMU_OPTS_H
#define MP_QEMU_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct qemu_opt {
    char *key;
    char *value;   /* strings unquoted, numbers and booleans as written */
};

struct qemu_opts {
    struct qemu_opt *items;
    size_t n, cap;
};

/* More properties than any real option has: the rest is ignored. */
#define QEMU_OPTS_MAX 256

/* Parses `arg`. In key=value form a first item without '=' is stored under
 * `implied_key` ("driver" for -device, "qom-type" for -object, "type" for
 * -machine and -netdev, "size" for -m); NULL drops it. Returns false when the
 * JSON is malformed (what was read before the fault is kept). */
bool qemu_opts_parse(const char *arg, const char *implied_key, struct qemu_opts *out);
void qemu_opts_free(struct qemu_opts *o);

/* The value of `key`, or NULL. */
const char *qemu_opts_get(const struct qemu_opts *o, const char *key);

/* A QEMU size: bytes, or with a suffix k/K, M, G, T, P, E (powers of 1024);
 * `default_scale` multiplies a bare number (1 for bytes, 1 MiB for -m).
 * Rounded up to KiB. False for anything else or an overflow. */
bool qemu_size_to_kib(const char *text, uint64_t default_scale, uint64_t *kib);

/* "on", "true", "yes" (QEMU's boolean spellings). */
bool qemu_opt_is_true(const char *value);

#endif
