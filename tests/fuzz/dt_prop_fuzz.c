/* libFuzzer target: the device-tree property parsers (probe/dt_prop.h).
 * Input: records of [kind byte][length byte][length bytes] giving the raw
 * values of one node's properties (the last record of a kind wins; a short
 * last record takes what is left). Each value sits in its own exact-size
 * allocation so that any read past it is caught. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dt_prop.h"
#include "host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { P_PHANDLE, P_GPU, P_MEMREGION, P_REG, P_ASSOC, P_CHIPID, P_REFPOINTS, P_MODEL, NPROPS };

struct prop { unsigned char *raw; size_t len; };

static void check_phandle(const struct prop *p)
{
    uint32_t ph = 0;
    bool ok = dt_prop_phandle(p->raw, p->len, &ph);
    if (ok != (p->len == 4))
        abort(); /* exactly one cell, nothing else */
    if (ok && ph != ((uint32_t)p->raw[0] << 24 | (uint32_t)p->raw[1] << 16 |
                     (uint32_t)p->raw[2] << 8 | p->raw[3]))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct prop props[NPROPS] = { { 0 } };
    size_t off = 0;
    while (off + 1 < size) {
        unsigned kind = data[off] % NPROPS;
        size_t len = data[off + 1];
        off += 2;
        if (len > size - off)
            len = size - off;
        free(props[kind].raw);
        /* malloc(0) may return NULL; the parsers must not touch it then. */
        props[kind].raw = malloc(len ? len : 1);
        if (!props[kind].raw)
            abort();
        memcpy(props[kind].raw, data + off, len);
        props[kind].len = len;
        off += len;
    }

    check_phandle(&props[P_PHANDLE]);
    check_phandle(&props[P_GPU]);
    check_phandle(&props[P_MEMREGION]);

    uint32_t cells[DT_PROP_MAX / 4];
    const struct prop *a = &props[P_ASSOC];
    int n = dt_prop_cells(a->raw, a->len, cells, DT_PROP_MAX / 4);
    if (n != (a->len % 4 ? -1 : (int)(a->len / 4 < DT_PROP_MAX / 4 ? a->len / 4 : DT_PROP_MAX / 4)))
        abort();

    const struct prop *rp = &props[P_REFPOINTS];
    uint32_t ref = dt_prop_ref_point(rp->raw, rp->len);
    const struct prop *c = &props[P_CHIPID];
    int numa = dt_prop_numa(a->raw, a->len, c->raw, c->len, ref);
    if (numa < HOST_UNKNOWN)
        abort();
    /* Any reference point, not just the parsed one: indexes come from input. */
    for (uint32_t r = 0; r < 70; r++)
        if (dt_prop_numa(a->raw, a->len, c->raw, c->len, r) < HOST_UNKNOWN)
            abort();
    dt_prop_numa(a->raw, a->len, c->raw, c->len, UINT32_MAX);

    uint64_t base = 0, sz = 0;
    const struct prop *reg = &props[P_REG];
    enum dt_reg rr = dt_prop_reg(reg->raw, reg->len, &base, &sz);
    if (rr == DT_REG_OK && (!sz || base > UINT64_MAX - (sz - 1)))
        abort(); /* a window that wraps must never come back */
    if (rr != DT_REG_SHAPE && reg->len != 16)
        abort();

    char out[DT_PROP_MAX + 1];
    const struct prop *m = &props[P_MODEL];
    bool got = dt_prop_string(m->raw, m->len, out, sizeof(out));
    if (got != (m->len > 0 && m->raw[0] != '\0') || strlen(out) >= sizeof(out))
        abort();
    for (const unsigned char *q = (const unsigned char *)out; *q; q++)
        if (*q < 0x20 || *q == 0x7f || (q[0] == 0xc2 && q[1] >= 0x80 && q[1] <= 0x9f))
            abort(); /* no C0 or C1 control characters reach a terminal */
    char tiny[4];
    dt_prop_string(m->raw, m->len, tiny, sizeof(tiny));
    if (strlen(tiny) >= sizeof(tiny))
        abort();

    for (int i = 0; i < NPROPS; i++)
        free(props[i].raw);
    return 0;
}
