#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc_scan.h"
#include "xalloc.h"

#define PROC_FILE_MAX 65536

/* Reads up to max-1 bytes of a /proc file; -1 when it cannot be read. */
static ssize_t read_proc(pid_t pid, const char *what, char *buf, size_t max)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, what);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t len = 0;
    while (len < max - 1) {
        ssize_t r = read(fd, buf + len, max - 1 - len);
        if (r < 0) {
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = '\0';
    return (ssize_t)len;
}

/* The process exited (or was reaped) since its directory was listed. */
static bool gone(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/limits", (int)pid);
    return access(path, F_OK) != 0 && errno == ENOENT;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The executable's name: the exe link (our own processes), else argv[0],
 * else comm (which the kernel cuts at 15 characters). */
static char *exe_name(pid_t pid, char **argv, size_t argc)
{
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof(link), "/proc/%d/exe", (int)pid);
    ssize_t n = readlink(link, target, sizeof(target) - 1);
    if (n > 0) {
        target[n] = '\0';
        /* A replaced binary shows as "name (deleted)". */
        char *del = strstr(target, " (deleted)");
        if (del)
            *del = '\0';
        return xstrdup(base_name(target));
    }
    if (argc > 0 && argv[0][0])
        return xstrdup(base_name(argv[0]));
    char comm[64];
    if (read_proc(pid, "comm", comm, sizeof(comm)) > 0) {
        comm[strcspn(comm, "\n")] = '\0';
        return xstrdup(comm);
    }
    return NULL;
}

static int cmp_pid(const void *a, const void *b)
{
    pid_t x = ((const struct qemu_process *)a)->pid, y = ((const struct qemu_process *)b)->pid;
    return (x > y) - (x < y);
}

struct qemu_process *proc_scan_qemu(size_t *n)
{
    struct qemu_process *out = NULL;
    size_t count = 0, cap = 0;
    DIR *d = opendir("/proc");
    char *buf = xmalloc(PROC_FILE_MAX);
    char *argv[256];
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        pid_t pid = (pid_t)strtol(e->d_name, NULL, 10);
        ssize_t len = read_proc(pid, "cmdline", buf, PROC_FILE_MAX);
        size_t argc = len > 0 ? qemu_proc_split_cmdline(buf, (size_t)len, argv, 256) : 0;
        char *exe = exe_name(pid, argv, argc);
        if (!qemu_proc_is_qemu(exe)) {
            free(exe);
            continue;
        }
        XGROW(out, cap, count + 1);
        struct qemu_process *p = &out[count++];
        memset(p, 0, sizeof(*p));
        p->pid = pid;
        p->exe = exe;
        p->name = qemu_proc_guest_name(argv, argc);
        /* limits is world-readable; status too, but either may vanish. */
        if (read_proc(pid, "limits", buf, PROC_FILE_MAX) > 0 &&
            qemu_proc_parse_limits(buf, &p->limit_kind, &p->limit_bytes) &&
            read_proc(pid, "status", buf, PROC_FILE_MAX) > 0) {
            qemu_proc_parse_status(buf, p);
            p->readable = true;
        } else if (gone(pid)) {
            /* It exited while we read it: not "another user's process". */
            free(p->exe);
            free(p->name);
            count--;
        }
    }
    if (d)
        closedir(d);
    free(buf);
    if (count > 1)
        qsort(out, count, sizeof(*out), cmp_pid);
    *n = count;
    return out;
}
