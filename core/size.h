/* Sizes: checked 64-bit arithmetic, libvirt's units, human formatting.
 * Sizes are KiB (uint64_t) unless a name says bytes. */
#ifndef MP_SIZE_H
#define MP_SIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KIB_PER_MIB UINT64_C(1024)
#define KIB_PER_GIB UINT64_C(1048576)
#define KIB_PER_TIB UINT64_C(1073741824)

/* The largest byte value libvirt accepts for a memory size (LLONG_MAX). */
#define SIZE_MAX_BYTES UINT64_C(9223372036854775807)

/* Checked arithmetic: false on overflow, *out untouched then. */
bool size_add(uint64_t a, uint64_t b, uint64_t *out);
bool size_mul(uint64_t a, uint64_t b, uint64_t *out);
/* Rounds `v` up to a multiple of `align` (> 0). */
bool size_align_up(uint64_t v, uint64_t align, uint64_t *out);
/* KiB to bytes (<< 10). */
bool size_kib_to_bytes(uint64_t kib, uint64_t *bytes);

/* Bytes per unit for a libvirt `unit=` string, case-insensitive, as libvirt
 * scales it: b/byte/bytes, k/KiB = 1024, KB = 1000, up to E/EiB/EB.
 * NULL or "" gives `default_scale`. Returns false for an unknown unit. */
bool size_unit_scale(const char *unit, uint64_t default_scale, uint64_t *scale);

enum size_parse_status {
    SIZE_OK = 0,
    SIZE_EMPTY,        /* no digits */
    SIZE_NEGATIVE,     /* a minus sign */
    SIZE_NOT_NUMBER,   /* anything else that is not a whole number */
    SIZE_BAD_UNIT,     /* unit not known */
    SIZE_TOO_LARGE,    /* more than SIZE_MAX_BYTES bytes */
};

/* Parses a libvirt memory element: whole decimal `value`, `unit` (NULL = KiB),
 * rounded up to whole KiB as libvirt does. */
enum size_parse_status size_parse_libvirt(const char *value, const char *unit, uint64_t *kib);

/* Parses what a person types: "96G", "512MiB", "1.5 GiB", "2048" (in
 * `default_scale` bytes per unit). Fractions allowed; rounded up to KiB. */
enum size_parse_status size_parse_user(const char *text, uint64_t default_scale, uint64_t *kib);

/* A translated sentence for a parse status. */
const char *size_parse_strerror(enum size_parse_status st);

/* "4 GiB", "1.5 GiB", "14 MiB", "512 B": binary units, at most two decimals. */
void size_format_bytes(uint64_t bytes, char *buf, size_t len);
/* Same from KiB; sizes beyond 16 EiB are shown in KiB-based units correctly. */
void size_format_kib(uint64_t kib, char *buf, size_t len);
/* "4,320,133,120" with `sep` between groups of three digits. */
void size_format_grouped(uint64_t v, const char *sep, char *buf, size_t len);
/* The locale's digit group separator for people ("," in English and C, "." in
 * German); machine formats never group digits. */
const char *size_group_separator(void);
/* Sizes for people carry the locale's decimal separator ("576,52 GiB" in de
 * and pt_BR); machine formats keep '.'. Puts '.' back into the sizes of
 * `text` (in place), for the English text of messages that go to JSON and
 * snapshots. Returns true if it changed anything. */
bool size_delocalize(char *text);
/* Whether size_delocalize can change anything: the locale's decimal
 * separator is not '.'. */
bool size_radix_localized(void);

#endif
