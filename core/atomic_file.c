#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "atomic_file.h"
#include "i18n.h"
#include "signal_cleanup.h"
#include "sticky_rule.h"
#include "text_safe.h"
#include "xalloc.h"

/* ".NAME." before and six random characters after. */
#define TEMP_EXTRA 8
#define TEMP_TRIES 100
/* As the kernel's path walk (MAXSYMLINKS). */
#define MAX_LINKS 40

struct target {
    const char *shown;      /* the user's name for it, safe for a terminal */
    int dirfd;
    const char *base;
};

static int fail_errno(struct mp_error *err, const char *shown, const char *what, int e)
{
    return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write %s: %s: %s"), shown, what,
                        strerror(e));
}

/* Opens the folder `dir` (no trailing slash) for the *at calls, every link
 * on the way checked (core/sticky_rule.h). */
static int open_dir(const char *dir, const char *shown, struct mp_error *err)
{
    bool refused;
    int fd = sticky_open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, &refused);
    if (fd < 0 && refused)
        sticky_refuse_link(err, shown);
    else if (fd < 0)
        fail_errno(err, shown, _("cannot open its folder"), errno);
    return fd;
}

/* Six characters for the temporary name: random, so that no one can guess
 * it, and a file left by a killed run is only a name to skip. */
static void random_suffix(char out[7])
{
    static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static unsigned long counter;
    unsigned char r[6];
    if (getrandom(r, sizeof(r), GRND_NONBLOCK) != (ssize_t)sizeof(r)) {
        struct timeval tv;
        gettimeofday(&tv, NULL);
        unsigned long v = (unsigned long)tv.tv_usec * 2654435761u ^ (unsigned long)getpid() ^
                          (unsigned long)tv.tv_sec ^ ++counter * 40503u;
        for (size_t i = 0; i < sizeof(r); i++, v >>= 5)
            r[i] = (unsigned char)v;
    }
    for (size_t i = 0; i < 6; i++)
        out[i] = set[r[i] % (sizeof(set) - 1)];
    out[6] = '\0';
}

/* Copies the extended attributes (ACLs and SELinux labels are ones) of `src`
 * onto `dst`. Labels the caller may not set (security.*, trusted.* without
 * the privilege) are left as the system gives them. */
static int copy_xattrs(int src, int dst, const char *shown, struct mp_error *err)
{
    /* The folder's default ACL gave the new file an ACL the old one did not
     * have: not ours to add. (Labels the system set, security.*, stay.) */
    if (fgetxattr(src, "system.posix_acl_access", NULL, 0) < 0 && errno == ENODATA)
        (void)fremovexattr(dst, "system.posix_acl_access");
    ssize_t n = flistxattr(src, NULL, 0);
    if (n <= 0)
        return 0;  /* none, or not supported here */
    char *names = xmalloc((size_t)n);
    n = flistxattr(src, names, (size_t)n);
    int rc = 0;
    for (ssize_t i = 0; rc == 0 && n > 0 && i < n; i += (ssize_t)strlen(names + i) + 1) {
        const char *name = names + i;
        ssize_t vn = fgetxattr(src, name, NULL, 0);
        if (vn < 0)
            continue;
        char *val = xmalloc(vn ? (size_t)vn : 1);
        vn = fgetxattr(src, name, val, (size_t)vn);
        if (vn >= 0 && fsetxattr(dst, name, val, (size_t)vn, 0) < 0) {
            bool optional = !strncmp(name, "security.", 9) || !strncmp(name, "trusted.", 8);
            if (!(optional && (errno == EPERM || errno == EACCES || errno == ENOTSUP))) {
                char *safe = text_safe_dup(name);
                rc = mp_error_set(err, MP_ERR_INTERNAL,
                                  _("cannot write %s: cannot copy the attribute %s: %s"), shown,
                                  safe, strerror(errno));
                free(safe);
            }
        }
        free(val);
    }
    free(names);
    return rc;
}

/* Owner, group, attributes and mode of the replaced file (`old`, read from
 * `src`, which may be -1 when it could not be opened) onto `dst`. */
static int copy_identity(int src, const struct stat *old, int dst, const char *shown,
                         struct mp_error *err)
{
    mode_t mode = old->st_mode & 07777;
    struct stat now;
    if (fstat(dst, &now) < 0)
        return fail_errno(err, shown, "fstat", errno);
    if (now.st_uid != old->st_uid || now.st_gid != old->st_gid) {
        if (fchown(dst, old->st_uid, old->st_gid) < 0) {
            /* Not ours to give away: keep the group if we may, and no
             * setuid/setgid bits for a file whose owner changed. */
            if (errno != EPERM)
                return fail_errno(err, shown, "fchown", errno);
            (void)!fchown(dst, (uid_t)-1, old->st_gid);
            mode &= ~(mode_t)(S_ISUID | S_ISGID);
        }
    }
    if (src >= 0 && copy_xattrs(src, dst, shown, err) < 0)
        return -1;
    if (fchmod(dst, mode) < 0)
        return fail_errno(err, shown, "fchmod", errno);
    return 0;
}

/* Writes through `fd` (taken over) and closes it. */
static int write_fd(int fd, const char *shown, atomic_fill_fn fill, void *ctx,
                    struct mp_error *err)
{
    FILE *out = fdopen(fd, "w");
    if (!out) {
        close(fd);
        return fail_errno(err, shown, "fdopen", errno);
    }
    errno = 0;
    int rc = fill(out, ctx, err);
    if (rc == 0 && (fflush(out) != 0 || ferror(out)))
        rc = fail_errno(err, shown, _("write"), errno ? errno : EIO);
    if (fclose(out) != 0 && rc == 0)
        rc = fail_errno(err, shown, _("write"), errno);
    return rc;
}

/* A character device or FIFO: written in place, no temporary file. */
static int write_stream(const struct target *t, int flags, atomic_fill_fn fill, void *ctx,
                        struct mp_error *err)
{
    /* Non-blocking open: a FIFO nobody reads refuses at once (ENXIO)
     * instead of hanging; then written blocking. */
    int fd = openat(t->dirfd, t->base, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK | flags);
    if (fd < 0 && errno == ENXIO)
        return mp_error_set(err, MP_ERR_INPUT, _("%s: a FIFO nobody reads; not waiting for one"),
                            t->shown);
    if (fd < 0)
        return fail_errno(err, t->shown, _("open"), errno);
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return write_fd(fd, t->shown, fill, ctx, err);
}

/* /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: the descriptor
 * itself (reopening a pipe through /proc fails for another user's pipe, and
 * a file behind it must be written at its offset, not replaced); else -1. */
static int named_descriptor(const char *path)
{
    if (!strcmp(path, "/dev/stdout"))
        return STDOUT_FILENO;
    if (!strcmp(path, "/dev/stderr"))
        return STDERR_FILENO;
    const char *num = !strncmp(path, "/dev/fd/", 8)          ? path + 8
                      : !strncmp(path, "/proc/self/fd/", 14) ? path + 14
                                                             : NULL;
    if (!num || *num < '0' || *num > '9')
        return -1;
    char *end;
    long n = strtol(num, &end, 10);
    return *end || n > INT_MAX ? -1 : (int)n;
}

/* Creates the temporary file beside the target; the signal handlers know
 * its name before it exists. */
static int create_temp(const struct target *t, mode_t mode, char *name, size_t len)
{
    int fd = -1;
    signal_cleanup_enter();
    for (int i = 0; i < TEMP_TRIES && fd < 0; i++) {
        char suffix[7];
        random_suffix(suffix);
        snprintf(name, len, ".%s.%s", t->base, suffix);
        fd = openat(t->dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    int e = errno;
    if (fd >= 0)
        signal_cleanup_watch(t->dirfd, name);
    else
        signal_cleanup_leave();
    errno = e;
    return fd;
}

static int replace(const struct target *t, int src, const struct stat *old, atomic_fill_fn fill,
                   void *ctx, struct mp_error *err)
{
    char name[NAME_MAX + 1];
    /* A new file: 0666 less the umask, or the folder's default ACL. */
    int fd = create_temp(t, old ? 0600 : 0666, name, sizeof(name));
    if (fd < 0)
        return fail_errno(err, t->shown, _("cannot create a temporary file in its folder"), errno);
    FILE *out = fdopen(fd, "w");
    if (!out) {
        fail_errno(err, t->shown, "fdopen", errno);
        close(fd);
        goto fail;
    }
    errno = 0;
    if (fill(out, ctx, err) < 0) {
        fclose(out);
        goto fail;
    }
    if (fflush(out) != 0 || ferror(out)) {
        fail_errno(err, t->shown, _("write"), errno ? errno : EIO);
        fclose(out);
        goto fail;
    }
    if (old && copy_identity(src, old, fd, t->shown, err) < 0) {
        fclose(out);
        goto fail;
    }
    if (fsync(fd) != 0) {
        fail_errno(err, t->shown, "fsync", errno);
        fclose(out);
        goto fail;
    }
    if (fclose(out) != 0) {
        fail_errno(err, t->shown, _("write"), errno);
        goto fail;
    }
    if (renameat(t->dirfd, name, t->dirfd, t->base) != 0) {
        fail_errno(err, t->shown, "rename", errno);
        goto fail;
    }
    signal_cleanup_leave();
    /* The rename itself on disk. */
    if (fsync(t->dirfd) != 0 && errno != EINVAL)
        return fail_errno(err, t->shown, _("fsync of its folder"), errno);
    return 0;
fail:
    unlinkat(t->dirfd, name, 0);
    signal_cleanup_leave();
    return -1;
}

static int write_path(const char *shown, const char *path, int links, atomic_fill_fn fill,
                      void *ctx, struct mp_error *err);

/* `t->base` is a symbolic link that may be followed: write what it names. */
static int follow(const struct target *t, const char *dir, int links, atomic_fill_fn fill,
                  void *ctx, struct mp_error *err)
{
    struct stat st;
    if (fstatat(t->dirfd, t->base, &st, 0) < 0) {
        if (errno == ENOENT)
            return mp_error_set(err, MP_ERR_INPUT,
                                _("%s: a symbolic link to a file that does not exist; "
                                  "name the file itself"), t->shown);
        if (errno == ELOOP)
            return mp_error_set(err, MP_ERR_INPUT, _("%s: %s"), t->shown, strerror(errno));
        return fail_errno(err, t->shown, "stat", errno);
    }
    /* /dev/stdout and /proc/self/fd/N name pipes and terminals by links
     * whose text is no path: write through the link. */
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
        return write_stream(t, 0, fill, ctx, err);
    if (S_ISDIR(st.st_mode))
        return mp_error_set(err, MP_ERR_INPUT, _("%s: is a folder, not a file"), t->shown);
    if (!S_ISREG(st.st_mode))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("%s: not a regular file; only regular files are replaced"), t->shown);
    char text[PATH_MAX];
    ssize_t n = readlinkat(t->dirfd, t->base, text, sizeof(text));
    if (n < 0)
        return fail_errno(err, t->shown, "readlink", errno);
    if ((size_t)n >= sizeof(text))
        return mp_error_set(err, MP_ERR_INPUT, _("%s: %s"), t->shown, strerror(ENAMETOOLONG));
    text[n] = '\0';
    char *next = text[0] == '/' ? xstrdup(text) : xasprintf("%s/%s", dir, text);
    int rc = write_path(t->shown, next, links + 1, fill, ctx, err);
    free(next);
    return rc;
}

static int write_at(const struct target *t, const char *dir, int links, atomic_fill_fn fill,
                    void *ctx, struct mp_error *err)
{
    struct stat st;
    if (fstatat(t->dirfd, t->base, &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno != ENOENT)
            return fail_errno(err, t->shown, "stat", errno);
        return replace(t, -1, NULL, fill, ctx, err);
    }
    if (S_ISLNK(st.st_mode)) {
        if (!sticky_may_use(t->dirfd, &st))
            return sticky_refuse_link(err, t->shown);
        return follow(t, dir, links, fill, ctx, err);
    }
    if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
        /* As the kernel's protected_fifos: another user's FIFO or device in
         * a sticky world-writable folder is not written into. */
        if (!sticky_may_use(t->dirfd, &st))
            return mp_error_set(err, MP_ERR_INPUT,
                                _("%s: a FIFO or device another user owns in a sticky "
                                  "world-writable folder; not writing into it"), t->shown);
        return write_stream(t, O_NOFOLLOW, fill, ctx, err);
    }
    if (S_ISDIR(st.st_mode))
        return mp_error_set(err, MP_ERR_INPUT, _("%s: is a folder, not a file"), t->shown);
    if (!S_ISREG(st.st_mode))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("%s: not a regular file; only regular files are replaced"), t->shown);
    /* As the kernel's protected_regular: another user's file in a sticky
     * world-writable folder is not taken over (root would hand it our
     * content under their name). */
    if (!sticky_may_use(t->dirfd, &st))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("%s: a file another user owns in a sticky world-writable folder; "
                              "not replacing it"), t->shown);
    /* Read for its attributes; a file we may not read keeps owner and mode only. */
    int src = openat(t->dirfd, t->base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat now;
    if (src >= 0 && fstat(src, &now) == 0 && S_ISREG(now.st_mode))
        st = now;
    int rc = replace(t, src, &st, fill, ctx, err);
    if (src >= 0)
        close(src);
    return rc;
}

static int write_path(const char *shown, const char *path, int links, atomic_fill_fn fill,
                      void *ctx, struct mp_error *err)
{
    if (links > MAX_LINKS)
        return mp_error_set(err, MP_ERR_INPUT, _("%s: %s"), shown, strerror(ELOOP));
    size_t len = strlen(path);
    if (!len || path[len - 1] == '/')
        return mp_error_set(err, MP_ERR_INPUT, _("%s: not a file name"), shown);
    if (len >= PATH_MAX)
        return mp_error_set(err, MP_ERR_INPUT, _("%s: the name is longer than %d bytes"), shown,
                            PATH_MAX - 1);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!strcmp(base, ".") || !strcmp(base, ".."))
        return mp_error_set(err, MP_ERR_INPUT, _("%s: not a file name"), shown);
    if (strlen(base) + TEMP_EXTRA > NAME_MAX)
        return mp_error_set(err, MP_ERR_INPUT,
                            _("%s: the file name is longer than %d bytes (%d with the temporary "
                              "file's dot and suffix)"), shown, NAME_MAX - TEMP_EXTRA, NAME_MAX);
    char *dir;
    if (!slash) {
        dir = xstrdup(".");
    } else {
        size_t dlen = (size_t)(slash - path);
        while (dlen > 1 && path[dlen - 1] == '/')
            dlen--;
        dir = dlen ? xstrndup(path, dlen) : xstrdup("/");
    }
    int rc = -1;
    struct target t = { shown, open_dir(dir, shown, err), base };
    if (t.dirfd >= 0) {
        rc = write_at(&t, dir, links, fill, ctx, err);
        close(t.dirfd);
    }
    free(dir);
    return rc;
}

int atomic_file_write(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err)
{
    char *shown = text_safe_name(path);
    int rc, fd = named_descriptor(path);
    if (fd >= 0) {
        /* What stdio holds for it goes first. */
        if (fd == STDOUT_FILENO)
            fflush(stdout);
        else if (fd == STDERR_FILENO)
            fflush(stderr);
        int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
        rc = copy < 0 ? fail_errno(err, shown, _("open"), errno)
                      : write_fd(copy, shown, fill, ctx, err);
        free(shown);
        return rc;
    }
    rc = write_path(shown, path, 0, fill, ctx, err);
    free(shown);
    return rc;
}

struct buf_ctx {
    const void *buf;
    size_t len;
};

static int fill_buf(FILE *out, void *ctx, struct mp_error *err)
{
    (void)err;
    const struct buf_ctx *b = ctx;
    if (b->len)
        fwrite(b->buf, 1, b->len, out);
    return 0;
}

int atomic_file_write_buf(const char *path, const void *buf, size_t len, struct mp_error *err)
{
    struct buf_ctx b = { buf, len };
    return atomic_file_write(path, fill_buf, &b, err);
}
