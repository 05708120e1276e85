#include "config.h"

#include <limits.h>
#include <string.h>

#include "dt_prop.h"
#include "host.h"
#include "text_safe.h"

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int dt_prop_cells(const void *raw, size_t len, uint32_t *cells, size_t max)
{
    if (len % 4)
        return -1;
    size_t n = len / 4 < max ? len / 4 : max;
    if (n > INT_MAX)
        n = INT_MAX;
    for (size_t i = 0; i < n; i++)
        cells[i] = be32((const unsigned char *)raw + 4 * i);
    return (int)n;
}

bool dt_prop_phandle(const void *raw, size_t len, uint32_t *out)
{
    if (len != 4)
        return false;
    *out = be32(raw);
    return true;
}

uint32_t dt_prop_ref_point(const void *raw, size_t len)
{
    uint32_t cell;
    return dt_prop_cells(raw, len, &cell, 1) == 1 ? cell : 4;
}

int dt_prop_numa(const void *assoc, size_t alen, const void *chip, size_t clen, uint32_t ref)
{
    uint32_t cells[DT_PROP_MAX / 4];
    int n = dt_prop_cells(assoc, alen, cells, DT_PROP_MAX / 4);
    /* cells[0] counts the domains after it; the reference point indexes them. */
    if (n > 0 && ref >= 1 && ref < (uint32_t)n && ref <= cells[0])
        return cells[ref] <= INT_MAX ? (int)cells[ref] : HOST_UNKNOWN;
    uint32_t id;
    if (dt_prop_phandle(chip, clen, &id) && id <= INT_MAX)
        return (int)id;
    return HOST_UNKNOWN;
}

enum dt_reg dt_prop_reg(const void *raw, size_t len, uint64_t *base, uint64_t *size)
{
    uint32_t c[4];
    if (len != 16 || dt_prop_cells(raw, len, c, 4) != 4)
        return DT_REG_SHAPE;
    uint64_t b = (uint64_t)c[0] << 32 | c[1], s = (uint64_t)c[2] << 32 | c[3];
    if (!s || b > UINT64_MAX - (s - 1))
        return DT_REG_RANGE;
    *base = b;
    *size = s;
    return DT_REG_OK;
}

bool dt_prop_string(const void *raw, size_t len, char *out, size_t outlen)
{
    if (!outlen)
        return false;
    const char *nul = len ? memchr(raw, '\0', len) : NULL;
    size_t n = nul ? (size_t)(nul - (const char *)raw) : len;
    char tmp[DT_PROP_MAX + 1];
    if (n > DT_PROP_MAX)
        n = DT_PROP_MAX;
    if (n)
        memcpy(tmp, raw, n);
    tmp[n] = '\0';
    text_safe_copy(out, outlen, tmp);
    return n > 0;
}
