#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "hex.h"
#include "qemu_opts.h"
#include "size.h"
#include "xalloc.h"

static void opts_add(struct qemu_opts *o, const char *key, size_t klen, const char *val,
                     size_t vlen)
{
    if (o->n >= QEMU_OPTS_MAX)
        return;
    XGROW(o->items, o->cap, o->n + 1);
    o->items[o->n].key = xstrndup(key, klen);
    o->items[o->n].value = xstrndup(val, vlen);
    o->n++;
}

/* ---- JSON: one flat object, nested values skipped ---- */

struct jcur {
    const char *p;
    int depth;
};

static void skip_ws(struct jcur *c)
{
    while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
        c->p++;
}

/* A string at c->p (on its opening quote) decoded into a new buffer; \uXXXX
 * outside ASCII becomes '?': no name or address we read needs more. */
static char *json_string_dup(struct jcur *c, size_t *len)
{
    const char *s = ++c->p;
    size_t n = 0;
    while (s[n] && s[n] != '"')
        n += (s[n] == '\\' && s[n + 1]) ? 2 : 1;
    if (s[n] != '"')
        return NULL;
    char *out = xmalloc(n + 1), *w = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\') {
            *w++ = s[i];
            continue;
        }
        char e = s[++i];
        switch (e) {
        case 'n': *w++ = '\n'; break;
        case 't': *w++ = '\t'; break;
        case 'r': *w++ = '\r'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'u': {
            uint64_t v = 0, d;
            bool four = hex_parse_n(s + i + 1, 4, 4, &v);
            size_t k = 0; /* the escape takes the hex digits there, at most 4 */
            while (k < 4 && hex_parse_n(s + i + 1 + k, 1, 1, &d))
                k++;
            i += k;
            *w++ = (four && v && v < 0x80) ? (char)v : '?';
            break;
        }
        default: *w++ = e; break;
        }
    }
    *w = '\0';
    c->p = s + n + 1;
    *len = (size_t)(w - out);
    return out;
}

/* Skips one value of any kind; false on malformed input. */
static bool json_skip_value(struct jcur *c)
{
    skip_ws(c);
    if (*c->p == '"') {
        size_t len;
        char *s = json_string_dup(c, &len);
        free(s);
        return s != NULL;
    }
    if (*c->p == '{' || *c->p == '[') {
        if (++c->depth > 64)
            return false;
        char close = *c->p == '{' ? '}' : ']';
        c->p++;
        skip_ws(c);
        if (*c->p == close) {
            c->p++;
            c->depth--;
            return true;
        }
        for (;;) {
            if (close == '}') {
                skip_ws(c);
                if (*c->p != '"' || !json_skip_value(c))
                    return false;
                skip_ws(c);
                if (*c->p++ != ':')
                    return false;
            }
            if (!json_skip_value(c))
                return false;
            skip_ws(c);
            if (*c->p == ',') {
                c->p++;
                continue;
            }
            if (*c->p != close)
                return false;
            c->p++;
            c->depth--;
            return true;
        }
    }
    const char *start = c->p;
    while (*c->p && (isalnum((unsigned char)*c->p) || strchr("+-.", *c->p)))
        c->p++;
    return c->p != start;
}

static bool parse_json(const char *arg, struct qemu_opts *out)
{
    struct jcur c = { arg, 0 };
    skip_ws(&c);
    if (*c.p++ != '{')
        return false;
    skip_ws(&c);
    if (*c.p == '}')
        return true;
    for (;;) {
        skip_ws(&c);
        if (*c.p != '"')
            return false;
        size_t klen;
        char *key = json_string_dup(&c, &klen);
        if (!key)
            return false;
        skip_ws(&c);
        if (*c.p++ != ':') {
            free(key);
            return false;
        }
        skip_ws(&c);
        bool ok = true;
        if (*c.p == '"') {
            size_t vlen;
            char *val = json_string_dup(&c, &vlen);
            if (val)
                opts_add(out, key, klen, val, vlen);
            ok = val != NULL;
            free(val);
        } else if (*c.p == '{' || *c.p == '[') {
            ok = json_skip_value(&c);
        } else {
            const char *start = c.p;
            ok = json_skip_value(&c);
            if (ok)
                opts_add(out, key, klen, start, (size_t)(c.p - start));
        }
        free(key);
        if (!ok)
            return false;
        skip_ws(&c);
        if (*c.p == ',') {
            c.p++;
            continue;
        }
        return *c.p == '}';
    }
}

/* ---- key=value,key=value (",," is a literal comma) ---- */

static void parse_keyval(const char *arg, const char *implied_key, struct qemu_opts *out)
{
    const char *p = arg;
    bool first = true;
    char *buf = xmalloc(strlen(arg) + 1);
    while (*p) {
        /* One item up to an unescaped comma, ",," unescaped into buf. */
        size_t n = 0, eq = (size_t)-1;
        while (*p) {
            if (*p == ',') {
                if (p[1] != ',')
                    break;
                p++;
            } else if (*p == '=' && eq == (size_t)-1) {
                eq = n;
            }
            buf[n++] = *p++;
        }
        if (*p == ',')
            p++;
        if (eq != (size_t)-1)
            opts_add(out, buf, eq, buf + eq + 1, n - eq - 1);
        else if (first && implied_key && n)
            opts_add(out, implied_key, strlen(implied_key), buf, n);
        else if (n)
            opts_add(out, buf, n, "on", 2); /* a bare flag: QEMU's "key" = key=on */
        first = false;
    }
    free(buf);
}

bool qemu_opts_parse(const char *arg, const char *implied_key, struct qemu_opts *out)
{
    const char *p = arg;
    while (*p == ' ')
        p++;
    if (*p == '{')
        return parse_json(p, out);
    parse_keyval(arg, implied_key, out);
    return true;
}

void qemu_opts_free(struct qemu_opts *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->items[i].key);
        free(o->items[i].value);
    }
    free(o->items);
    o->items = NULL;
    o->n = o->cap = 0;
}

const char *qemu_opts_get(const struct qemu_opts *o, const char *key)
{
    /* The last one wins, as in QEMU. */
    for (size_t i = o->n; i-- > 0;)
        if (!strcmp(o->items[i].key, key))
            return o->items[i].value;
    return NULL;
}

bool qemu_size_to_kib(const char *text, uint64_t default_scale, uint64_t *kib)
{
    const char *p = text;
    uint64_t v = 0;
    if (!isdigit((unsigned char)*p))
        return false;
    for (; isdigit((unsigned char)*p); p++)
        if (!size_mul(v, 10, &v) || !size_add(v, (uint64_t)(*p - '0'), &v))
            return false;
    uint64_t scale = default_scale;
    if (*p) {
        static const char suffixes[] = "KMGTPE";
        const char *s = strchr(suffixes, toupper((unsigned char)*p));
        if (!s || p[1])
            return false;
        scale = UINT64_C(1) << (10 * (unsigned)(s - suffixes + 1));
    }
    uint64_t bytes;
    if (!size_mul(v, scale, &bytes))
        return false;
    *kib = bytes / 1024 + (bytes % 1024 != 0);
    return true;
}

bool qemu_opt_is_true(const char *value)
{
    return value && (!strcmp(value, "on") || !strcmp(value, "true") || !strcmp(value, "yes"));
}
