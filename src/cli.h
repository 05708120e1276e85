/* Shared command-line helpers. */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"
#include "profile.h"

#define EXIT_INPUT 2
#define EXIT_INTERNAL 1
#define EXIT_CHECK 3      /* --check: the guest cannot start as defined */

/* Prints "memlock-planner: MESSAGE" on stderr and returns the exit status for `err`. */
int cli_fail(const struct mp_error *err);
/* Prints "memlock-planner: <formatted>" on stderr and returns `status`. */
int cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Resolves --libvirt VERSION (NULL: default). *beyond: newer than the newest profile. */
const struct profile *cli_profile(const char *version, bool *beyond, struct mp_error *err);
/* --host list: prints the demo hosts. */
int cli_list_demo_hosts(FILE *out);

struct check_list;
/* --check: one stderr line per reason, "memlock-planner: NAME: REASON" (NAME
 * made safe; NULL: no name). Returns EXIT_CHECK when there is one, else 0. */
int cli_check_report(const struct check_list *l, const char *name);

/* Options every planning command takes. */
struct cli_common {
    const char *host;      /* --host SOURCE (default "live") */
    const char *libvirt;   /* --libvirt VERSION */
    const char *format;    /* --format */
    const char *output;    /* -o FILE */
};

#endif
