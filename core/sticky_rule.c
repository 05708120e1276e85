#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int sticky_open(const char *path, int flags, bool *refused)
{
    *refused = false;
    int fd = open(path, flags | O_NOFOLLOW);
    if (fd >= 0 || (errno != ELOOP && errno != ENOTDIR))
        return fd;
    int e = errno;
    const char *slash = strrchr(path, '/');
    char *parent = slash ? (slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path)))
                         : xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    int pfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(parent);
    if (pfd < 0)
        return -1;
    struct stat st;
    if (!*name || fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISLNK(st.st_mode)) {
        close(pfd);
        errno = e;  /* not a link after all: the first answer stands */
        return -1;
    }
    if (!sticky_may_use(pfd, &st)) {
        close(pfd);
        *refused = true;
        errno = EPERM;
        return -1;
    }
    fd = openat(pfd, name, flags);
    e = errno;
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
