/* Shared command-line helpers. */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"
#include "host.h"
#include "profile.h"

#define EXIT_INPUT 2
#define EXIT_INTERNAL 1

/* Prints "memlock-planner: MESSAGE" on stderr and returns the exit status for `err`. */
int cli_fail(const struct mp_error *err);
/* Prints "memlock-planner: <formatted>" on stderr and returns `status`. */
int cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Which profile: --libvirt VERSION when given; else the host's libvirt (`h`
 * live: asked of virtqemud, libvirtd, then virsh; a snapshot: as recorded);
 * else the newest profile. Returns 0, or -1 with `err` for a bad VERSION. */
int cli_choose(const char *version, const struct host *h, struct profile_choice *c,
               struct mp_error *err);
/* Resolves --libvirt VERSION (NULL: default). *beyond: newer than the newest profile. */
const struct profile *cli_profile(const char *version, bool *beyond, struct mp_error *err);
/* --host list: prints the demo hosts. */
int cli_list_demo_hosts(FILE *out);

/* Options every planning command takes. */
struct cli_common {
    const char *host;      /* --host SOURCE (default "live") */
    const char *libvirt;   /* --libvirt VERSION */
    const char *format;    /* --format */
    const char *output;    /* -o FILE */
};

#endif
