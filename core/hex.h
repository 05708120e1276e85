/* Hexadecimal numbers in text (PCI addresses, sysfs ids, snapshot fields):
 * the one parser. Digits are ASCII, either case, whatever the locale. */
#ifndef MP_HEX_H
#define MP_HEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Reads 1 to `maxdigits` (at most 16) hex digits at *p into *v and moves *p
 * past them; false (nothing moved) when there is no digit or more than
 * `maxdigits` of them. */
bool hex_scan(const char **p, int maxdigits, uint64_t *v);
/* All of the `n` bytes at `s` (which need not end there) as one number of 1
 * to `maxdigits` (at most 16) hex digits. */
bool hex_parse_n(const char *s, size_t n, int maxdigits, uint64_t *out);
/* All of `s` as one number: an optional 0x or 0X, then exactly `digits` hex
 * digits (any number from 1 to 16 when `digits` is 0), at most `max`. */
bool hex_parse(const char *s, int digits, uint64_t max, uint64_t *out);
/* `v` in lower-case hex digits at `p`, at least `mindigits` (zero-padded, as
 * printf's %0*x), no NUL; returns the end. At most 16 digits are written. */
char *hex_put(char *p, uint64_t v, int mindigits);

#endif
