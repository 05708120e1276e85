/* The shared front of the planning views (compare, map, capacity): parse
 * --host/--libvirt/--format and one guest XML, load guest, host and profile. */
#ifndef MP_CLI_PLAN_H
#define MP_CLI_PLAN_H

#include <stdbool.h>
#include <stdio.h>

#include "cli_virt.h"
#include "guest.h"
#include "host.h"
#include "profile.h"

struct cli_plan {
    const char *format;           /* "text" or "json" */
    const char *path;             /* the guest XML, or the domain's name */
    struct guest *guest;
    struct host *host;
    const struct profile *profile;
    bool beyond;                  /* --libvirt newer than the newest profile */
    struct cli_virt virt;         /* --connect URI and its connection */
    char *label;                  /* owns `path` */
};

/* Parses the arguments and loads everything. Returns -1 when the caller
 * should go on, else the exit status to return (0 after --help/--host list). */
int cli_plan_load(int argc, char **argv, void (*usage)(FILE *out), struct cli_plan *plan);
void cli_plan_free(struct cli_plan *plan);
/* Usage lines for the options cli_plan_load takes. */
void cli_plan_usage_options(FILE *out);
/* Flushes stdout; an error becomes exit status 1 with a message. */
int cli_finish_output(void);

#endif
