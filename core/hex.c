#include "config.h"

#include <string.h>

#include "hex.h"

static int digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool hex_scan(const char **p, int maxdigits, uint64_t *v)
{
    const char *s = *p;
    uint64_t r = 0;
    int n = 0, d;
    if (maxdigits > 16)
        maxdigits = 16;
    for (; (d = digit(*s)) >= 0; s++) {
        if (++n > maxdigits)
            return false;
        r = r << 4 | (uint64_t)d;
    }
    if (!n)
        return false;
    *p = s;
    *v = r;
    return true;
}

bool hex_parse_n(const char *s, size_t n, int maxdigits, uint64_t *out)
{
    if (maxdigits > 16)
        maxdigits = 16;
    if (n == 0 || n > (size_t)maxdigits)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = digit(s[i]);
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

bool hex_parse(const char *s, int digits, uint64_t max, uint64_t *out)
{
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    size_t n = strlen(s);
    uint64_t v;
    if ((digits && n != (size_t)digits) || !hex_parse_n(s, n, 16, &v) || v > max)
        return false;
    *out = v;
    return true;
}

char *hex_put(char *p, uint64_t v, int mindigits)
{
    int n = 1;
    while (n < 16 && v >> (4 * n))
        n++;
    if (n < mindigits)
        n = mindigits > 16 ? 16 : mindigits;
    for (int i = n - 1; i >= 0; i--, v >>= 4)
        p[i] = "0123456789abcdef"[v & 15];
    return p + n;
}
