/* A calculation result for people (text) and programs (JSON). */
#ifndef MP_MEMLOCK_OUTPUT_H
#define MP_MEMLOCK_OUTPUT_H

#include <stdio.h>

#include "json.h"
#include "memlock.h"

/* First line: the limit in bytes ("unlimited", or "0" when libvirt sets none);
 * then the terms with human sizes; then the warnings. Translated. */
void memlock_print_text(FILE *out, const struct memlock_result *r);
/* The `calc --format json` object. Never translated. */
void memlock_write_json(struct json *j, const struct memlock_result *r);

/* Stable names for machine formats. */
const char *memlock_rule_id(enum memlock_rule rule);
/* One translated sentence saying what the rule is. */
const char *memlock_rule_text(enum memlock_rule rule);
const char *phb_origin_id(enum phb_origin origin);

#endif
