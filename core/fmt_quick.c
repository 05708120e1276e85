#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "fmt_quick.h"

struct out {
    char *p, *end;   /* end: the last byte, kept for the NUL */
};

static bool put(struct out *o, const char *s, size_t n)
{
    if ((size_t)(o->end - o->p) < n)
        return false;
    memcpy(o->p, s, n);
    o->p += n;
    return true;
}

static bool put_unsigned(struct out *o, uintmax_t v, unsigned base)
{
    char d[3 * sizeof(v)], *q = d + sizeof(d);
    do
        *--q = "0123456789abcdef"[v % base];
    while (v /= base);
    return put(o, q, (size_t)(d + sizeof(d) - q));
}

static bool put_signed(struct out *o, intmax_t v)
{
    if (v < 0) {
        if (!put(o, "-", 1))
            return false;
        return put_unsigned(o, (uintmax_t)0 - (uintmax_t)v, 10);
    }
    return put_unsigned(o, (uintmax_t)v, 10);
}

enum size { SZ_INT, SZ_LONG, SZ_LLONG, SZ_SIZE, SZ_MAX };

int fmt_quick(char *buf, size_t cap, const char *fmt, va_list ap)
{
    if (cap == 0)
        return -1;
    struct out o = { buf, buf + cap - 1 };
    for (const char *f = fmt; *f;) {
        const char *pct = strchr(f, '%');
        size_t lit = pct ? (size_t)(pct - f) : strlen(f);
        if (!put(&o, f, lit))
            return -1;
        if (!pct)
            break;
        f = pct + 1;
        enum size sz = SZ_INT;
        if (*f == 'l' && f[1] == 'l') {
            sz = SZ_LLONG;
            f += 2;
        } else if (*f == 'l') {
            sz = SZ_LONG;
            f++;
        } else if (*f == 'z') {
            sz = SZ_SIZE;
            f++;
        } else if (*f == 'j') {
            sz = SZ_MAX;
            f++;
        }
        char c = *f++;
        bool ok;
        switch (c) {
        case '%':
        case 's':
        case 'c':
            if (sz != SZ_INT)
                return -1;   /* %ls, %lc: wide characters */
            if (c == '%') {
                ok = put(&o, "%", 1);
            } else if (c == 'c') {
                char ch = (char)va_arg(ap, int);
                ok = put(&o, &ch, 1);
            } else {
                const char *s = va_arg(ap, const char *);
                if (!s)
                    return -1;   /* glibc's "(null)" */
                ok = put(&o, s, strlen(s));
            }
            break;
        case 'd':
        case 'i':
            switch (sz) {
            case SZ_INT: ok = put_signed(&o, va_arg(ap, int)); break;
            case SZ_LONG: ok = put_signed(&o, va_arg(ap, long)); break;
            case SZ_LLONG: ok = put_signed(&o, va_arg(ap, long long)); break;
            case SZ_SIZE: ok = put_signed(&o, va_arg(ap, ssize_t)); break;
            default: ok = put_signed(&o, va_arg(ap, intmax_t)); break;
            }
            break;
        case 'u':
        case 'x':
            switch (sz) {
            case SZ_INT: ok = put_unsigned(&o, va_arg(ap, unsigned), c == 'x' ? 16 : 10); break;
            case SZ_LONG:
                ok = put_unsigned(&o, va_arg(ap, unsigned long), c == 'x' ? 16 : 10);
                break;
            case SZ_LLONG:
                ok = put_unsigned(&o, va_arg(ap, unsigned long long), c == 'x' ? 16 : 10);
                break;
            case SZ_SIZE: ok = put_unsigned(&o, va_arg(ap, size_t), c == 'x' ? 16 : 10); break;
            default: ok = put_unsigned(&o, va_arg(ap, uintmax_t), c == 'x' ? 16 : 10); break;
            }
            break;
        default:
            return -1;   /* a flag, a width, a precision, '$', another conversion */
        }
        if (!ok)
            return -1;
    }
    *o.p = '\0';
    return (int)(o.p - buf);
}
