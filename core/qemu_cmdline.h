/* A guest rebuilt from the QEMU command line libvirt writes into the domain's
 * log before each start (qemuProcessLaunch logs virCommandToString's text):
 * environment assignments, the binary, then the options, one per line ending
 * in " \" (libvirt 5.x and later) or all on one line (older). Only what
 * decides the memory-locking limit is read. Pure: no I/O. */
#ifndef MP_QEMU_CMDLINE_H
#define MP_QEMU_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "guest.h"
#include "msg.h"

/* Options beyond this many are not read (a real command line has a few hundred). */
#define QEMU_CMDLINE_MAX_ARGS 100000

struct qemu_cmdline {
    char *binary;              /* /usr/bin/qemu-system-ppc64 */
    struct guest *guest;       /* what the options say */
    bool mem_lock;             /* -overcommit mem-lock=on or -realtime mlock=on */
    const char *mem_lock_option; /* the option as it was spelled (static text) */
    struct msg_list notes;     /* what was assumed or could not be read */
};

/* Splits `text` as a POSIX shell would split libvirt's quoting (single and
 * double quotes, backslash escapes, backslash-newline removed) and reads the
 * options. Returns 0, or -1 with `err` set when no QEMU binary is found.
 * `out` is filled either way and freed with qemu_cmdline_free. */
int qemu_cmdline_parse(const char *text, struct qemu_cmdline *out, struct mp_error *err);
void qemu_cmdline_free(struct qemu_cmdline *c);

/* Whether `line` looks like the start of a QEMU command line as libvirt
 * logs it (environment assignments, then a qemu binary). */
bool qemu_cmdline_starts(const char *line);

#endif
