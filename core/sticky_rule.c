#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#if defined(SYS_openat2) && __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#define HAVE_OPENAT2 1
#endif

#include "i18n.h"
#include "sticky_rule.h"
#include "xalloc.h"

bool sticky_may_use(int parent_fd, const struct stat *st)
{
    if (st->st_uid == geteuid())
        return true;
    struct stat d;
    if (fstat(parent_fd, &d) < 0)
        return false;
    if ((d.st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH))
        return true;
    return d.st_uid == st->st_uid;
}

/* One component `name` under `dirfd`: opened with `flags` without following
 * a link, or, when it is a link sticky_may_use() allows, following it. */
static int open_component(int dirfd, const char *name, int flags, bool *refused)
{
    int fd = openat(dirfd, name, flags | O_NOFOLLOW);
    if (fd >= 0 || (errno != ELOOP && errno != ENOTDIR))
        return fd;
    int e = errno;
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISLNK(st.st_mode)) {
        errno = e;  /* not a link after all: the first answer stands */
        return -1;
    }
    if (!sticky_may_use(dirfd, &st)) {
        *refused = true;
        errno = EPERM;
        return -1;
    }
    return openat(dirfd, name, flags);
}

/* The folder `dir` walked one component at a time (O_PATH: search
 * permission is enough), each link checked on the way. */
static int walk_dir(const char *dir, bool *refused)
{
    int fd = open(dir[0] == '/' ? "/" : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    char *copy = xstrdup(dir), *save = NULL;
    for (char *c = strtok_r(copy, "/", &save); c && fd >= 0; c = strtok_r(NULL, "/", &save)) {
        int next = open_component(fd, c, O_PATH | O_DIRECTORY | O_CLOEXEC, refused);
        int e = errno;
        close(fd);
        errno = e;
        fd = next;
    }
    free(copy);
    return fd;
}

/* open(path, flags) when no component of `path` is a symbolic link (Linux
 * 5.6's openat2 with RESOLVE_NO_SYMLINKS): then there is no link the rule
 * could refuse, and the walk below would open the same file with five times
 * the system calls (a batch report opens thousands of files). -1 on any
 * failure: the walk decides then, with its own errno. */
static int open_linkless(const char *path, int flags)
{
#ifdef HAVE_OPENAT2
    struct open_how how = { .flags = (unsigned)flags, .resolve = RESOLVE_NO_SYMLINKS };
    return (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof(how));
#else
    (void)path;
    (void)flags;
    return -1;
#endif
}

int sticky_open(const char *path, int flags, bool *refused)
{
    *refused = false;
    int direct = open_linkless(path, flags);
    if (direct >= 0)
        return direct;
    const char *slash = strrchr(path, '/');
    char *parent = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
                         : xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    int pfd = walk_dir(parent, refused);
    free(parent);
    if (pfd < 0)
        return -1;
    int fd = *name ? open_component(pfd, name, flags, refused)
                   : openat(pfd, ".", flags);
    int e = errno;
    close(pfd);
    errno = e;
    return fd;
}

int sticky_refuse_link(struct mp_error *err, const char *shown)
{
    return mp_error_set(err, MP_ERR_INPUT,
                        _("%s: a symbolic link another user owns in a sticky world-writable "
                          "folder; not following it (as the kernel's protected_symlinks rule)"),
                        shown);
}
