#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "input_file.h"
#include "sticky_rule.h"
#include "text_safe.h"
#include "xalloc.h"

static int refuse(struct input_file *in, struct mp_error *err, const char *fmt, const char *what)
{
    mp_error_set(err, MP_ERR_INPUT, fmt, in->name, what);
    return -1;
}

/* Refuses what is not read as a file's content. */
static int check_kind(const struct stat *st, bool is_stdin, const char *what,
                      struct input_file *in, struct mp_error *err)
{
    if (S_ISDIR(st->st_mode))
        return refuse(in, err, _("%s: is a directory, expected %s"), what);
    if (is_stdin || S_ISREG(st->st_mode) || S_ISFIFO(st->st_mode))
        return 0;
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return refuse(in, err, _("%s: is a device, expected %s"), what);
    return refuse(in, err, _("%s: not a regular file, expected %s"), what);
}

static int too_large(struct input_file *in, size_t max, const char *what, struct mp_error *err)
{
    if (max >= 1u << 20 && max % (1u << 20) == 0)
        mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %zu MiB, expected %s"), in->name,
                     max >> 20, what);
    else
        mp_error_set(err, MP_ERR_INPUT, _("%s: larger than %zu bytes, expected %s"), in->name,
                     max, what);
    return -1;
}

/* One read: interrupted reads retried, standard input handed over
 * non-blocking waited for. */
static ssize_t read_block(int fd, char *buf, size_t len)
{
    for (;;) {
        ssize_t r = read(fd, buf, len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct pollfd p = { .fd = fd, .events = POLLIN };
            if (poll(&p, 1, -1) >= 0 || errno == EINTR)
                continue;
        }
        return r;
    }
}

/* Reads to the end, at most max + 1 bytes (one more tells "too large"). */
static int read_all(int fd, size_t hint, size_t max, struct input_file *in)
{
    size_t cap = hint ? hint + 1 : 65536, n = 0;
    if (cap > max + 1)
        cap = max + 1;
    char *b = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > max)
                break;
            cap = cap > max / 2 ? max + 1 : cap * 2;
            b = xreallocarray(b, cap + 1, 1);
        }
        ssize_t r = read_block(fd, b + n, cap - n);
        if (r < 0) {
            int e = errno;
            free(b);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    b[n] = '\0';
    in->data = b;
    in->len = n;
    return 0;
}

/* Opens a named input (not "-"): non-blocking, so that a FIFO nobody writes
 * to does not hang the open; a link planted in a sticky folder is refused
 * (core/sticky_rule.h). -1 with `err` set, and in->open_errno when the
 * system refused the open. */
static int open_named(const char *path, struct input_file *in, struct mp_error *err)
{
    bool refused;
    int fd = sticky_open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, &refused);
    if (fd < 0 && refused) {
        sticky_refuse_link(err, in->name);
    } else if (fd < 0) {
        in->open_errno = errno;
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot open: %s"), in->name, strerror(errno));
    }
    return fd;
}

int input_file_read(const char *path, size_t max, const char *what, struct input_file *in,
                    struct mp_error *err)
{
    bool is_stdin = !strcmp(path, "-");
    memset(in, 0, sizeof(*in));
    in->name = is_stdin ? xstrdup(_("<stdin>")) : text_safe_name(path);
    int fd = STDIN_FILENO;
    struct stat st;
    if (!is_stdin && (fd = open_named(path, in, err)) < 0)
        goto fail;
    if (fstat(fd, &st) < 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot read: %s"), in->name, strerror(errno));
        goto fail;
    }
    if (check_kind(&st, is_stdin, what, in, err) < 0)
        goto fail;
    bool regular = S_ISREG(st.st_mode);
    if (regular && (uintmax_t)st.st_size > max) {
        too_large(in, max, what, err);
        goto fail;
    }
    /* O_NONBLOCK does nothing to a regular file's reads (and read_block
     * waits on EAGAIN anyway): two system calls saved per file of a batch. */
    if (!is_stdin && !regular) {
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0)
            (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    if (read_all(fd, regular ? (size_t)st.st_size : 0, max, in) < 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot read: %s"), in->name, strerror(errno));
        goto fail;
    }
    if (in->len > max) {
        too_large(in, max, what, err);
        goto fail;
    }
    if (!is_stdin && S_ISFIFO(st.st_mode) && in->len == 0) {
        refuse(in, err, _("%s: a FIFO with no writer (nothing to read), expected %s"), what);
        goto fail;
    }
    if (!is_stdin)
        close(fd);
    return 0;
fail:
    if (!is_stdin && fd >= 0)
        close(fd);
    input_file_free(in);
    return -1;
}

void input_file_free(struct input_file *in)
{
    free(in->data);
    free(in->name);
    in->data = in->name = NULL;
    in->len = 0;
}

int input_stream_open(const char *path, const char *what, struct input_stream *s,
                      struct mp_error *err)
{
    struct input_file in;
    memset(&in, 0, sizeof(in));
    memset(s, 0, sizeof(*s));
    s->is_stdin = !strcmp(path, "-");
    in.name = s->is_stdin ? xstrdup(_("<stdin>")) : text_safe_name(path);
    s->fd = STDIN_FILENO;
    struct stat st;
    if (!s->is_stdin && (s->fd = open_named(path, &in, err)) < 0) {
        free(in.name);
        return -1;
    }
    if (fstat(s->fd, &st) < 0) {
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot read: %s"), in.name, strerror(errno));
        goto fail;
    }
    if (check_kind(&st, s->is_stdin, what, &in, err) < 0)
        goto fail;
    if (!s->is_stdin) {
        int fl = fcntl(s->fd, F_GETFL);
        if (fl >= 0)
            (void)fcntl(s->fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    s->fifo = !s->is_stdin && S_ISFIFO(st.st_mode);
    s->name = in.name;
    return 0;
fail:
    if (!s->is_stdin)
        close(s->fd);
    free(in.name);
    return -1;
}

long input_stream_read(struct input_stream *s, char *buf, size_t len, struct mp_error *err)
{
    ssize_t r = read_block(s->fd, buf, len);
    if (r < 0)
        mp_error_set(err, MP_ERR_INPUT, _("%s: cannot read: %s"), s->name, strerror(errno));
    return (long)r;
}

void input_stream_close(struct input_stream *s)
{
    if (!s->is_stdin && s->fd >= 0)
        close(s->fd);
    free(s->name);
    s->name = NULL;
    s->fd = -1;
}
