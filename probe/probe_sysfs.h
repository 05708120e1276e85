/* Raw reads from sysfs and the device tree. Every read is bounded; nothing
 * here writes. Paths under /sys are redirected by umockdev in tests. */
#ifndef MP_PROBE_SYSFS_H
#define MP_PROBE_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Reads at most `max` bytes of `dir`/`name` (name NULL: `dir` itself).
 * Returns the byte count, or -1 with errno set. sysfs attributes and
 * device-tree properties come whole from one read (kernfs fills the buffer
 * from one show()), and regular files read short only at their end, so a
 * short read ends the file: one read per attribute, not two. */
ssize_t sysfs_read_raw(const char *dir, const char *name, void *buf, size_t max);

/* Reads a one-line text attribute into `buf` (terminated, trailing
 * whitespace removed). Returns 0, or -1 with errno set. */
int sysfs_read_line(const char *dir, const char *name, char *buf, size_t len);

/* The same three relative to an open directory (`name` one component):
 * the probe reads about ten files per device, and looking up one name beats
 * walking the whole /sys/devices/pciDDDD:BB/... path each time. */
ssize_t sysfs_read_raw_at(int dirfd, const char *name, void *buf, size_t max);
int sysfs_read_line_at(int dirfd, const char *name, char *buf, size_t len);
int sysfs_link_base_at(int dirfd, const char *name, char *buf, size_t len,
                       char *target, size_t tlen);

/* Parses "0x1db1" or "1db1" (hex) no larger than `max`. */
bool sysfs_parse_hex(const char *s, uint32_t max, uint32_t *out);
/* Parses a decimal int ("-1", "8"). */
bool sysfs_parse_int(const char *s, int *out);

#endif
