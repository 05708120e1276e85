#include "config.h"

#include <ctype.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "size.h"

bool size_add(uint64_t a, uint64_t b, uint64_t *out)
{
    uint64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

bool size_mul(uint64_t a, uint64_t b, uint64_t *out)
{
    uint64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

bool size_align_up(uint64_t v, uint64_t align, uint64_t *out)
{
    uint64_t rem = v % align;
    if (rem == 0) {
        *out = v;
        return true;
    }
    return size_add(v, align - rem, out);
}

bool size_kib_to_bytes(uint64_t kib, uint64_t *bytes)
{
    return size_mul(kib, 1024, bytes);
}

bool size_unit_scale(const char *unit, uint64_t default_scale, uint64_t *scale)
{
    if (!unit || !*unit) {
        *scale = default_scale;
        return true;
    }
    if (!strcasecmp(unit, "b") || !strcasecmp(unit, "byte") || !strcasecmp(unit, "bytes")) {
        *scale = 1;
        return true;
    }
    uint64_t base;
    if (!unit[1] || !strcasecmp(unit + 1, "iB"))
        base = 1024;
    else if (tolower((unsigned char)unit[1]) == 'b' && !unit[2])
        base = 1000;
    else
        return false;
    int power;
    switch (tolower((unsigned char)unit[0])) {
    case 'k': power = 1; break;
    case 'm': power = 2; break;
    case 'g': power = 3; break;
    case 't': power = 4; break;
    case 'p': power = 5; break;
    case 'e': power = 6; break;
    default: return false;
    }
    uint64_t s = 1;
    while (power--)
        s *= base;
    *scale = s;
    return true;
}

/* Parses whole digits (surrounding blanks allowed) into *v; -1 on overflow. */
static enum size_parse_status parse_whole(const char *s, const char **end, uint64_t *v)
{
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '-')
        return SIZE_NEGATIVE;
    if (*s == '+')
        return SIZE_NOT_NUMBER;
    if (!isdigit((unsigned char)*s))
        return *s ? SIZE_NOT_NUMBER : SIZE_EMPTY;
    uint64_t r = 0;
    bool overflow = false;
    for (; isdigit((unsigned char)*s); s++) {
        if (!size_mul(r, 10, &r) || !size_add(r, (uint64_t)(*s - '0'), &r))
            overflow = true;
    }
    *end = s;
    *v = r;
    return overflow ? SIZE_TOO_LARGE : SIZE_OK;
}

static const char *skip_blanks(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

static enum size_parse_status bytes_to_kib(unsigned __int128 bytes, uint64_t *kib)
{
    if (bytes > SIZE_MAX_BYTES)
        return SIZE_TOO_LARGE;
    *kib = (uint64_t)((bytes + 1023) / 1024);
    return SIZE_OK;
}

enum size_parse_status size_parse_libvirt(const char *value, const char *unit, uint64_t *kib)
{
    uint64_t scale;
    if (!size_unit_scale(unit, 1024, &scale))
        return SIZE_BAD_UNIT;
    if (!value)
        return SIZE_EMPTY;
    const char *end = NULL;
    uint64_t v;
    enum size_parse_status st = parse_whole(value, &end, &v);
    if (st == SIZE_TOO_LARGE) {
        /* Still reject trailing junk first: that is the clearer message. */
        if (*skip_blanks(end))
            return SIZE_NOT_NUMBER;
        return st;
    }
    if (st != SIZE_OK)
        return st;
    if (*skip_blanks(end))
        return SIZE_NOT_NUMBER;
    return bytes_to_kib((unsigned __int128)v * scale, kib);
}

enum size_parse_status size_parse_user(const char *text, uint64_t default_scale, uint64_t *kib)
{
    if (!text)
        return SIZE_EMPTY;
    const char *end = NULL;
    uint64_t whole;
    enum size_parse_status st = parse_whole(text, &end, &whole);
    if (st != SIZE_OK)
        return st;
    /* Fraction digits, kept exactly as numerator / 10^n. */
    uint64_t frac = 0, denom = 1;
    if (*end == '.' || *end == ',') {
        end++;
        if (!isdigit((unsigned char)*end))
            return SIZE_NOT_NUMBER;
        for (; isdigit((unsigned char)*end); end++) {
            if (denom >= UINT64_C(1000000000000000000))
                continue; /* further digits cannot matter at KiB precision */
            frac = frac * 10 + (uint64_t)(*end - '0');
            denom *= 10;
        }
    }
    end = skip_blanks(end);
    char unit[8];
    size_t n = 0;
    while (isalpha((unsigned char)*end) && n < sizeof(unit) - 1)
        unit[n++] = *end++;
    unit[n] = '\0';
    if (isalpha((unsigned char)*end))
        return SIZE_BAD_UNIT;
    if (*skip_blanks(end))
        return SIZE_NOT_NUMBER;
    uint64_t scale;
    if (!size_unit_scale(unit, default_scale, &scale))
        return SIZE_BAD_UNIT;
    unsigned __int128 bytes = (unsigned __int128)whole * scale;
    if (frac) {
        unsigned __int128 f = (unsigned __int128)frac * scale;
        bytes += (f + denom - 1) / denom;
    }
    return bytes_to_kib(bytes, kib);
}

const char *size_parse_strerror(enum size_parse_status st)
{
    switch (st) {
    case SIZE_OK: return _("no error");
    case SIZE_EMPTY: return _("a size is missing");
    case SIZE_NEGATIVE: return _("a size cannot be negative");
    case SIZE_NOT_NUMBER: return _("not a whole number");
    case SIZE_BAD_UNIT: return _("unknown unit (use b, KiB, MiB, GiB, TiB, PiB, EiB, KB, MB, GB, ...)");
    case SIZE_TOO_LARGE: return _("size too large (over 8 EiB)");
    }
    return "?";
}

/* Decimal digits of v at *o (no terminator). */
static void put_digits(char **o, unsigned long long v)
{
    char d[20];
    int n = 0;
    do
        d[n++] = (char)('0' + v % 10);
    while (v /= 10);
    while (n)
        *(*o)++ = d[--n];
}

/* The locale's decimal separator when it is one byte ("," in de and pt_BR),
 * else '.'. */
static char radix(void)
{
    const char *r = nl_langinfo(RADIXCHAR);
    return r && r[0] && !r[1] ? r[0] : '.';
}

/* "WHOLE[.F[F]] UNIT" (the locale's decimal separator), as snprintf would cut
 * it to `len`. By hand: reports and explanations format thousands of sizes. */
static void format_scaled(unsigned __int128 bytes, char *buf, size_t len)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB" };
    int u = 0;
    unsigned __int128 div = 1;
    while (u < 7 && bytes >= div * 1024) {
        div *= 1024;
        u++;
    }
    unsigned __int128 whole = bytes / div, rem = bytes % div;
    unsigned hundredths = 0;
    if (rem) {
        /* Two decimals, rounded half up; carry into the whole part if needed. */
        hundredths = (unsigned)((rem * 100 + div / 2) / div);
        if (hundredths >= 100) {
            whole++;
            hundredths -= 100;
        }
        if (whole == 1024 && u < 7) { /* 1023.999 GiB shows as 1 TiB, not 1024 GiB */
            whole = 1;
            u++;
        }
    }
    char tmp[48], *o = tmp;
    put_digits(&o, (unsigned long long)whole);
    if (hundredths) {
        *o++ = radix();
        *o++ = (char)('0' + hundredths / 10);
        if (hundredths % 10)
            *o++ = (char)('0' + hundredths % 10);
    }
    *o++ = ' ';
    for (const char *c = units[u]; *c; c++)
        *o++ = *c;
    if (!len)
        return;
    size_t n = (size_t)(o - tmp);
    if (n >= len)
        n = len - 1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
}

void size_format_bytes(uint64_t bytes, char *buf, size_t len)
{
    format_scaled(bytes, buf, len);
}

void size_format_kib(uint64_t kib, char *buf, size_t len)
{
    format_scaled((unsigned __int128)kib * 1024, buf, len);
}

void size_format_grouped(uint64_t v, const char *sep, char *buf, size_t len)
{
    char digits[32];
    int nd = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)v);
    size_t seplen = strlen(sep), o = 0;
    for (int i = 0; i < nd; i++) {
        if (i > 0 && (nd - i) % 3 == 0) {
            for (size_t k = 0; k < seplen && o + 1 < len; k++)
                buf[o++] = sep[k];
        }
        if (o + 1 < len)
            buf[o++] = digits[i];
    }
    if (len)
        buf[o < len ? o : len - 1] = '\0';
}

static bool is_unit_at(const char *p)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB" };
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
        size_t n = strlen(units[i]);
        if (!strncmp(p, units[i], n) && !isalnum((unsigned char)p[n]))
            return true;
    }
    return false;
}

bool size_radix_localized(void)
{
    return radix() != '.';
}

bool size_delocalize(char *text)
{
    char r = radix();
    if (r == '.')
        return false;
    bool changed = false;
    /* DIGIT r DIGIT [DIGIT] ' ' UNIT: the shape format_scaled writes. */
    for (char *p = strchr(text, r); p; p = strchr(p + 1, r)) {
        if (p == text || !isdigit((unsigned char)p[-1]) || !isdigit((unsigned char)p[1]))
            continue;
        const char *q = p + 2;
        if (isdigit((unsigned char)*q))
            q++;
        if (*q == ' ' && is_unit_at(q + 1)) {
            *p = '.';
            changed = true;
        }
    }
    return changed;
}

const char *size_group_separator(void)
{
    const char *sep = nl_langinfo(THOUSEP);
    /* C and POSIX have none; a separator longer than a character or two is odd. */
    return sep && *sep && strlen(sep) <= 4 ? sep : ",";
}
