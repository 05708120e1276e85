#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt_quick.h"
#include "xalloc.h"

static void oom(void)
{
    fputs("memlock-planner: out of memory\n", stderr);
    exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size)
        oom();
    size_t bytes = n * size;
    p = realloc(p, bytes ? bytes : 1);
    if (!p)
        oom();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    n = strnlen(s, n); /* like strndup: at most n bytes, never past the NUL */
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xvasprintf(const char *fmt, va_list ap)
{
    /* One pass for the usual short message; a second only when it is long. */
    char buf[256];
    va_list copy;
    va_copy(copy, ap);
    int len = fmt_quick(buf, sizeof(buf), fmt, copy);
    va_end(copy);
    if (len < 0) {
        va_copy(copy, ap);
        len = vsnprintf(buf, sizeof(buf), fmt, copy);
        va_end(copy);
    }
    if (len < 0)
        oom();
    char *s = xmalloc((size_t)len + 1);
    if ((size_t)len < sizeof(buf))
        memcpy(s, buf, (size_t)len + 1);
    else
        vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

void xgrow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > (size_t)-1 / 2)
            oom();
        ncap *= 2;
    }
    *items = xreallocarray(*items, ncap, size);
    memset((char *)*items + *cap * size, 0, (ncap - *cap) * size);
    *cap = ncap;
}
