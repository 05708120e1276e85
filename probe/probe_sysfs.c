#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hex.h"
#include "probe_sysfs.h"

static int join(char *out, size_t len, const char *dir, const char *name)
{
    int n = name ? snprintf(out, len, "%s/%s", dir, name) : snprintf(out, len, "%s", dir);
    if (n < 0 || (size_t)n >= len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

ssize_t sysfs_read_raw_at(int dirfd, const char *name, void *buf, size_t max)
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < max) {
        ssize_t r = read(fd, (char *)buf + got, max - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        got += (size_t)r;
        if (r == 0 || got < max)
            break;          /* a short read is the end (see the header) */
    }
    close(fd);
    return (ssize_t)got;
}

ssize_t sysfs_read_raw(const char *dir, const char *name, void *buf, size_t max)
{
    char path[PATH_MAX];
    if (join(path, sizeof(path), dir, name) < 0)
        return -1;
    return sysfs_read_raw_at(AT_FDCWD, path, buf, max);
}

int sysfs_read_line_at(int dirfd, const char *name, char *buf, size_t len)
{
    ssize_t n = sysfs_read_raw_at(dirfd, name, buf, len - 1);
    if (n < 0)
        return -1;
    buf[n] = '\0';
    /* A value with a NUL inside is not text. */
    if (strlen(buf) != (size_t)n) {
        errno = EILSEQ;
        return -1;
    }
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        buf[--n] = '\0';
    return 0;
}

int sysfs_read_line(const char *dir, const char *name, char *buf, size_t len)
{
    char path[PATH_MAX];
    if (join(path, sizeof(path), dir, name) < 0)
        return -1;
    return sysfs_read_line_at(AT_FDCWD, path, buf, len);
}

int sysfs_link_base_at(int dirfd, const char *name, char *buf, size_t len,
                       char *target, size_t tlen)
{
    char link[PATH_MAX];
    ssize_t n = readlinkat(dirfd, name, link, sizeof(link) - 1);
    if (n < 0)
        return -1;
    link[n] = '\0';
    while (n > 1 && link[n - 1] == '/')
        link[--n] = '\0';
    const char *base = strrchr(link, '/');
    base = base ? base + 1 : link;
    if (!*base || strlen(base) >= len || (target && (size_t)n >= tlen)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(buf, base);
    if (target)
        strcpy(target, link);
    return 0;
}

bool sysfs_parse_hex(const char *s, uint32_t max, uint32_t *out)
{
    uint64_t v;
    if (!hex_parse(s, 0, max, &v))
        return false;
    *out = (uint32_t)v;
    return true;
}

bool sysfs_parse_int(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < INT_MIN || v > INT_MAX)
        return false;
    *out = (int)v;
    return true;
}
