#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "host_conf.h"

/* Calls `fn` with each line of text (NUL-terminated copy, at most 1023 bytes
 * of it: longer lines are cut). */
static void each_line(const char *text, size_t len, void (*fn)(const char *line, void *ctx),
                      void *ctx)
{
    const char *end = text + len;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        char line[1024];
        size_t n = (size_t)(stop - p) < sizeof(line) - 1 ? (size_t)(stop - p) : sizeof(line) - 1;
        memcpy(line, p, n);
        line[n] = '\0';
        fn(line, ctx);
        p = nl ? nl + 1 : end;
    }
}

struct user_ctx { char *out; size_t len; bool found; };

static void user_line(const char *line, void *vctx)
{
    struct user_ctx *c = vctx;
    while (isspace((unsigned char)*line))
        line++;
    if (strncmp(line, "user", 4))
        return;
    const char *p = line + 4;
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p++ != '=')
        return;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *q1 = *p == '"' ? p : NULL, *q2 = q1 ? strchr(q1 + 1, '"') : NULL;
    if (q1 && q2 && q2 > q1 + 1 && (size_t)(q2 - q1 - 1) < c->len) {
        memcpy(c->out, q1 + 1, (size_t)(q2 - q1 - 1));
        c->out[q2 - q1 - 1] = '\0';
        c->found = true;
    }
}

bool host_conf_qemu_user(const char *text, size_t len, char *out, size_t outlen)
{
    if (!outlen)
        return false;
    out[0] = '\0';
    struct user_ctx c = { out, outlen, false };
    each_line(text, len, user_line, &c);
    return c.found;
}

struct limits_ctx {
    const char *user;
    void (*fn)(const struct host_conf_limit *l, void *ctx);
    void *ctx;
};

static void limits_line(const char *line, void *vctx)
{
    struct limits_ctx *c = vctx;
    struct host_conf_limit l;
    char item[32];
    if (sscanf(line, " %63s %15s %31s %31s", l.domain, l.type, item, l.value) != 4 ||
        l.domain[0] == '#' || strcmp(item, "memlock") ||
        (strcmp(l.domain, c->user) && strcmp(l.domain, "*")))
        return;
    c->fn(&l, c->ctx);
}

void host_conf_limits(const char *text, size_t len, const char *user,
                      void (*fn)(const struct host_conf_limit *l, void *ctx), void *ctx)
{
    struct limits_ctx c = { user, fn, ctx };
    each_line(text, len, limits_line, &c);
}

struct unit_ctx {
    void (*fn)(const char *value, void *ctx);
    void *ctx;
};

static void unit_line(const char *line, void *vctx)
{
    struct unit_ctx *c = vctx;
    while (*line == ' ' || *line == '\t')
        line++;
    if (!strncmp(line, "LimitMEMLOCK=", 13))
        c->fn(line + 13, c->ctx);
}

void host_conf_unit_memlock(const char *text, size_t len,
                            void (*fn)(const char *value, void *ctx), void *ctx)
{
    struct unit_ctx c = { fn, ctx };
    each_line(text, len, unit_line, &c);
}
