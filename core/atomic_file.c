#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "i18n.h"
#include "xalloc.h"

/* "DIR/.NAME.XXXXXX" next to `path`, so that rename stays on one file system. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xasprintf(".%s.XXXXXX", path);
    return xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
}

enum target { TARGET_FILE, TARGET_STREAM };

/* What `path` is: a regular file or nothing yet (replaced atomically), or a
 * character device or FIFO such as /dev/null (written in place: renaming
 * over it would be wrong). Folders and block devices are refused. */
static int check_target(const char *path, mode_t *mode, enum target *kind, struct mp_error *err)
{
    struct stat st;
    size_t len = strlen(path);
    *kind = TARGET_FILE;
    if (!len || path[len - 1] == '/')
        return mp_error_set(err, MP_ERR_INPUT, _("%s: not a file name"), path);
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return mp_error_set(err, MP_ERR_INPUT, _("%s: is a folder, not a file"), path);
        if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
            *kind = TARGET_STREAM;
            return 0;
        }
        if (!S_ISREG(st.st_mode))
            return mp_error_set(err, MP_ERR_INPUT,
                                _("%s: not a regular file; only regular files are replaced"),
                                path);
        *mode = st.st_mode & 07777;
        return 0;
    }
    if (errno != ENOENT)
        return mp_error_set(err, MP_ERR_INTERNAL, _("%s: %s"), path, strerror(errno));
    mode_t mask = umask(0);
    umask(mask);
    *mode = 0666 & ~mask;
    return 0;
}

static int fail_errno(struct mp_error *err, const char *path, const char *what, int e)
{
    return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write %s: %s: %s"), path, what,
                        strerror(e));
}

static int write_stream(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err)
{
    FILE *out = fopen(path, "w");
    if (!out)
        return fail_errno(err, path, _("open"), errno);
    errno = 0;
    int rc = fill(out, ctx, err);
    if (rc == 0 && (fflush(out) != 0 || ferror(out)))
        rc = fail_errno(err, path, _("write"), errno ? errno : EIO);
    if (fclose(out) != 0 && rc == 0)
        rc = fail_errno(err, path, _("write"), errno);
    return rc;
}

/* A link to a regular file stays a link: the file it names is replaced. */
static char *resolve(const char *path)
{
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (real)
            return real;
    }
    return xstrdup(path);
}

int atomic_file_write(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err)
{
    mode_t mode = 0600;
    enum target kind;
    if (check_target(path, &mode, &kind, err) < 0)
        return -1;
    if (kind == TARGET_STREAM)
        return write_stream(path, fill, ctx, err);
    char *target = resolve(path);
    char *tmp = temp_template(target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fail_errno(err, path, _("cannot create a temporary file in its folder"), errno);
        free(tmp);
        free(target);
        return -1;
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        fail_errno(err, path, "fdopen", errno);
        close(fd);
        goto fail;
    }
    errno = 0;
    if (fill(out, ctx, err) < 0) {
        fclose(out);
        goto fail;
    }
    if (fflush(out) != 0 || ferror(out)) {
        fail_errno(err, path, _("write"), errno ? errno : EIO);
        fclose(out);
        goto fail;
    }
    if (fchmod(fd, mode) != 0 || fsync(fd) != 0) {
        fail_errno(err, path, "fsync", errno);
        fclose(out);
        goto fail;
    }
    if (fclose(out) != 0) {
        fail_errno(err, path, _("write"), errno);
        goto fail;
    }
    if (rename(tmp, target) != 0) {
        fail_errno(err, path, "rename", errno);
        goto fail;
    }
    free(tmp);
    free(target);
    return 0;
fail:
    unlink(tmp);
    free(tmp);
    free(target);
    return -1;
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
