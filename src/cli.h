/* Shared command-line helpers. */
#ifndef MP_CLI_H
#define MP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "error.h"
#include "host.h"
#include "memlock.h"
#include "msg.h"
#include "profile.h"

#define EXIT_INPUT 2
#define EXIT_INTERNAL 1
#define EXIT_CHECK 3      /* --check: the guest cannot start as defined */

struct cli_run;

/* Prints "memlock-planner: MESSAGE" on stderr and returns the exit status for `err`. */
int cli_fail(const struct mp_error *err);
/* Prints "memlock-planner: <formatted>" on stderr and returns `status`. */
int cli_failf(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A failed calculation on the file `path`: its message, named by the file
 * (the calculation's messages speak of sizes only). */
int cli_fail_file(const char *path, const struct mp_error *err);

/* Which profile: --libvirt VERSION when given; else the host's libvirt (`h`
 * live: that of virtqemud, libvirtd, then virsh, probe/probe_libvirt.h; a
 * snapshot: as recorded);
 * else the newest profile. Returns 0, or -1 with `err` for a bad VERSION.
 * The version logic itself is core's (profile_choose). */
int cli_choose(const char *version, const struct host *h, struct profile_choice *c,
               struct mp_error *err);
/* Records in `res` the release the run's profile stands for, with the warning
 * when it is newer than every profile. */
void cli_note_choice(const struct cli_run *r, struct memlock_result *res);
/* --host list: prints the demo hosts. */
int cli_list_demo_hosts(FILE *out);
struct check_list;
/* --check: one stderr line per reason, "memlock-planner: NAME: REASON" (NAME
 * made safe; NULL: no name). Returns EXIT_CHECK when there is one, else 0. */
int cli_check_report(const struct check_list *l, const char *name);

/* Flushes stdout; an error becomes exit status 1 with a message. */
int cli_finish_output(void);

#endif
