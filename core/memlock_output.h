/* A calculation result for people (text) and programs (JSON). */
#ifndef MP_MEMLOCK_OUTPUT_H
#define MP_MEMLOCK_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "json.h"
#include "memlock.h"

/* First line: the limit in bytes ("unlimited", or "0" when libvirt sets none);
 * then the terms with human sizes; then the warnings. Translated. */
void memlock_print_text(FILE *out, const struct memlock_result *r);
/* The `calc --format json` object. Never translated. */
void memlock_write_json(struct json *j, const struct memlock_result *r);

/* Under hard_limit or locked, one translated sentence setting the effective
 * limit beside the computed one: "libvirt sets X because of <hard_limit>;
 * without it the terms would give Y (X is Z below that)". Every format for
 * people uses it. False (buf empty) when the result has no computed figure. */
bool memlock_computed_sentence(const struct memlock_result *r, char *buf, size_t len);
/* The computed figure's terms, indented as the result's own ("  label size why"). */
void memlock_print_computed_terms(FILE *out, const struct memlock_result *r);
/* The JSON members "computed" (object or null) and "difference_kib" (the
 * effective limit minus the computed one, signed; null when either is not a
 * number); written inside an open object. Format: doc/report-format.md. */
void memlock_write_json_computed(struct json *j, const struct memlock_result *r);

/* Stable names for machine formats. */
const char *memlock_kind_id(enum memlock_kind kind);   /* "none", "bytes", "unlimited" */
const char *memlock_rule_id(enum memlock_rule rule);
/* One translated sentence saying what the rule is. */
const char *memlock_rule_text(enum memlock_rule rule);
const char *phb_origin_id(enum phb_origin origin);

#endif
