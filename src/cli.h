/* Shared command-line helpers. */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"
#include "msg.h"
#include "profile.h"

#define EXIT_INPUT 2
#define EXIT_INTERNAL 1

struct cli_run;

/* Prints "memlock-planner: MESSAGE" on stderr and returns the exit status for `err`. */
int cli_fail(const struct mp_error *err);
/* Prints "memlock-planner: <formatted>" on stderr and returns `status`. */
int cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A failed calculation on the file `path`: its message, named by the file
 * (the calculation's messages speak of sizes only). */
int cli_fail_file(const char *path, const struct mp_error *err);

/* Resolves --libvirt VERSION (NULL: default). *beyond: newer than the newest profile. */
const struct profile *cli_profile(const char *version, bool *beyond, struct mp_error *err);
/* Adds the warning that --libvirt is newer than every profile, if it is, and
 * says when the connection's libvirt version chose the profile. */
void cli_warn_beyond(const struct cli_run *r, struct msg_list *warnings);
/* --host list: prints the demo hosts. */
int cli_list_demo_hosts(FILE *out);
/* Flushes stdout; an error becomes exit status 1 with a message. */
int cli_finish_output(void);

#endif
