/* Reading the guests of a fleet for report and capacity. */
#ifndef MP_CLI_FLEET_H
#define MP_CLI_FLEET_H

#include <stdbool.h>

#include "command.h"
#include "report.h"

/* Reads r's guests (files, domains, or --all's) into `rep` (report_init'ed).
 * A guest that cannot be read is said on stderr and listed in `rep`; with
 * `keep_going` the others are still read, unless the failure is more than bad
 * input. Two guests with one name are bad input. Returns 0 or the exit status
 * of the first failure; `*usable` says whether `rep` was finished
 * (report_finish) and may be written. */
int cli_fleet_load(struct cli_run *r, struct report *rep, bool keep_going, bool *usable);

#endif
