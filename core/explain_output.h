/* An explanation for people (one screen of text) and programs (JSON; the
 * fields are listed under explain in the man page). */
#ifndef MP_EXPLAIN_OUTPUT_H
#define MP_EXPLAIN_OUTPUT_H

#include <stdio.h>

#include "explain.h"
#include "qemu_log.h"

void explain_print_text(FILE *out, const struct qemu_log *log, const struct explain *e);
void explain_write_json(FILE *out, const struct qemu_log *log, const struct explain *e);
/* The text of explain_print_text as a new string (the planner shows it). */
char *explain_text(const struct qemu_log *log, const struct explain *e);

#endif
