/* The host model for people (a PHB -> device tree like lspci -tv) and for
 * programs (JSON). */
#ifndef MP_PROBE_OUTPUT_H
#define MP_PROBE_OUTPUT_H

#include <stdio.h>

#include "host.h"
#include "json.h"

/* The device-tree files libvirt 9.0 tests; "is_nvlink2_bridge" in the JSON. */
#define PROBE_NV2_REQUIRED NV2_FILES_ALL

void probe_write_json(struct json *j, const struct host *h);
void probe_print_text(FILE *out, const struct host *h);

/* Names of the nv2_file bits, in bit order: "ibm,gpu", ... */
extern const char *const probe_nv2_file_names[4];

#endif
