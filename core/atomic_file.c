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

static int check_target(const char *path, mode_t *mode, struct mp_error *err)
{
    struct stat st;
    size_t len = strlen(path);
    if (!len || path[len - 1] == '/')
        return mp_error_set(err, MP_ERR_INPUT, _("%s: not a file name"), path);
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return mp_error_set(err, MP_ERR_INPUT, _("%s: is a folder, not a file"), path);
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

int atomic_file_write(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err)
{
    mode_t mode = 0600;
    if (check_target(path, &mode, err) < 0)
        return -1;
    char *tmp = temp_template(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fail_errno(err, path, _("cannot create a temporary file in its folder"), errno);
        free(tmp);
        return -1;
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        fail_errno(err, path, "fdopen", errno);
        close(fd);
        goto fail;
    }
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
    if (rename(tmp, path) != 0) {
        fail_errno(err, path, "rename", errno);
        goto fail;
    }
    free(tmp);
    return 0;
fail:
    unlink(tmp);
    free(tmp);
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
