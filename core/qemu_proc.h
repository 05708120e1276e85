/* Running QEMU guests: parsing what /proc says of a process. Pure: the
 * reading is in probe/proc_scan.c. */
#ifndef MP_QEMU_PROC_H
#define MP_QEMU_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "host.h"

struct qemu_process {
    pid_t pid;
    char *exe;                       /* executable name (basename) */
    char *name;                      /* guest name from -name, or NULL */
    bool readable;                   /* limits and status could be read */
    enum host_limit_kind limit_kind; /* "Max locked memory", soft limit */
    uint64_t limit_bytes;
    bool has_vmlck, has_vmpin;
    uint64_t vmlck_kib, vmpin_kib;
};

/* A QEMU executable: qemu-system-* or qemu-kvm*. */
bool qemu_proc_is_qemu(const char *exe_basename);
/* The guest name of a QEMU command line: -name guest=NAME,... or -name NAME
 * (",," stands for a comma). NULL when there is none. Caller frees. */
char *qemu_proc_guest_name(char *const *argv, size_t argc);
/* Splits /proc/PID/cmdline (NUL-separated) into argv (pointers into buf). */
size_t qemu_proc_split_cmdline(char *buf, size_t len, char **argv, size_t max);
/* The soft "Max locked memory" of /proc/PID/limits. False if absent. */
bool qemu_proc_parse_limits(const char *text, enum host_limit_kind *kind, uint64_t *bytes);
/* VmLck and VmPin (kB) of /proc/PID/status. */
void qemu_proc_parse_status(const char *text, struct qemu_process *p);
/* Locked memory is near the limit: at least 90 % of it. */
bool qemu_proc_near_limit(const struct qemu_process *p);

/* One process as `memlock-planner guests` and the planner's guests view show
 * it: every cell formatted in one place. */
struct qemu_proc_row {
    char pid[24];
    char name[256];      /* the guest name (else the executable), safe for a terminal */
    char limit[32];      /* "unlimited", a size, or "?" when not known */
    char vmlck[32];      /* a size, or "?" */
    char vmpin[32];      /* a size, or "?" */
    char headroom[32];   /* a size, "over", or "-" when not known */
    bool near_limit;     /* qemu_proc_near_limit() */
};
void qemu_proc_format_row(const struct qemu_process *p, struct qemu_proc_row *row);

void qemu_process_free(struct qemu_process *p);

#endif
