#include "config.h"

#include <inttypes.h>
#include <stddef.h>
#include <string.h>

#include "json.h"
#include "utf8.h"
#include "xalloc.h"

void json_init(struct json *j, FILE *out, bool pretty)
{
    memset(j, 0, offsetof(struct json, buf));
    j->out = out;
    j->pretty = pretty;
    j->first[0] = true;
}

void json_flush(struct json *j)
{
    if (j->len)
        fwrite(j->buf, 1, j->len, j->out);
    j->len = 0;
    j->flushes++;
}

/* Inlined: a report makes millions of these calls. */
#define HOT static inline __attribute__((always_inline))

HOT void put(struct json *j, const void *s, size_t n)
{
    if (j->len + n > sizeof(j->buf)) {
        json_flush(j);
        if (n > sizeof(j->buf)) {
            fwrite(s, 1, n, j->out);
            return;
        }
    }
    memcpy(j->buf + j->len, s, n);
    j->len += n;
}

HOT void put_char(struct json *j, char c)
{
    if (j->len == sizeof(j->buf))
        json_flush(j);
    j->buf[j->len++] = c;
}

HOT void indent(struct json *j)
{
    static const char spaces[] = "\n                                                                ";
    if (!j->pretty)
        return;
    size_t n = 1 + 2 * (size_t)j->depth;
    if (n > sizeof(spaces) - 1)
        n = sizeof(spaces) - 1;
    if (j->len + sizeof(spaces) <= sizeof(j->buf)) {
        /* A copy of constant size (a few vector moves); only n bytes count. */
        memcpy(j->buf + j->len, spaces, sizeof(spaces));
        j->len += n;
        return;
    }
    put(j, spaces, n);
}

/* Separator and indentation before a value or a key. */
HOT void before_item(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (!j->first[j->depth])
            put_char(j, ',');
        indent(j);
    }
    j->first[j->depth] = false;
}

static void open(struct json *j, char c)
{
    before_item(j);
    put_char(j, c);
    if (j->depth < JSON_MAX_DEPTH - 1)
        j->depth++;
    j->first[j->depth] = true;
}

static void close_(struct json *j, char c)
{
    bool empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        indent(j);
    put_char(j, c);
}

void json_begin_object(struct json *j) { open(j, '{'); }
void json_end_object(struct json *j) { close_(j, '}'); }
void json_begin_array(struct json *j) { open(j, '['); }
void json_end_array(struct json *j) { close_(j, ']'); }

/* Length of a valid UTF-8 sequence at s (1..4), 0 if invalid, or minus
 * the code point of a C1 control (escaped like C0 ones). */
static int utf8_len(const unsigned char *s)
{
    uint32_t cp;
    int n = (int)utf8_decode((const char *)s, &cp);
    if (n && cp >= 0x80 && cp <= 0x9f)
        return -(int)cp;
    return n;
}

/* Bytes that stand for themselves in a JSON string: printable ASCII but the
 * quote and the backslash. A table: the scan runs over every byte written. */
#define P4 1, 1, 1, 1
#define P16 P4, P4, P4, P4
static const unsigned char plain_byte[256] = {
    [0x20] = 1, 1, 0, P4, P4, P4, 1,    /* ' ' '!' '"' ... '/' */
    [0x30] = P16, P16,                  /* '0' ... 'O' */
    [0x50] = P4, P4, P4, 0, 1, 1, 1,    /* 'P' ... '[', not the backslash, ']' '^' '_' */
    [0x60] = P16, P4, P4, P4, 1, 1, 1,  /* '`' ... '~', not DEL */
};
#undef P4
#undef P16

static bool plain(unsigned char c)
{
    return plain_byte[c];
}

static void put_u_escape(struct json *j, unsigned cp)
{
    static const char hex[] = "0123456789abcdef";
    char e[6] = { '\\', 'u', '0', '0', hex[(cp >> 4) & 0xf], hex[cp & 0xf] };
    put(j, e, sizeof(e));
}

/* Sixteen bytes at a time (GCC's vector extension: SSE2 on x86-64, VSX on
 * ppc64le, plain code elsewhere): is any of them not plain? Signed, a byte
 * of 0x80 or more is below 0x20 too. */
typedef signed char bytes16 __attribute__((vector_size(16)));
typedef uint64_t words16 __attribute__((vector_size(16)));

static bool all_plain16(const unsigned char *p)
{
    bytes16 v;
    memcpy(&v, p, sizeof(v));
    bytes16 bad = (v < 0x20) | (v == '"') | (v == '\\') | (v == 0x7f);
    words16 w = (words16)bad;
    return !(w[0] | w[1]);
}

/* The end of the run of plain bytes at `p`; `end` is the terminating NUL
 * (not plain), so the byte scan stops there by itself. Blocks are read only
 * whole before `end`. */
static const unsigned char *plain_run(const unsigned char *p, const unsigned char *end)
{
    while (end - p >= 16 && all_plain16(p))
        p += 16;
    while (plain(*p))
        p++;
    return p;
}

/* `s` as a JSON string literal, with its quotes. */
static void put_string(struct json *j, const char *s)
{
    put_char(j, '"');
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + strlen(s);
    while (*p) {
        const unsigned char *run = p;
        p = plain_run(p, end);
        if (p > run)
            put(j, run, (size_t)(p - run));
        unsigned char c = *p;
        if (!c)
            break;
        if (c == '"' || c == '\\') {
            put_char(j, '\\');
            put_char(j, (char)c);
            p++;
        } else if (c == '\n') {
            put(j, "\\n", 2);
            p++;
        } else if (c == '\t') {
            put(j, "\\t", 2);
            p++;
        } else if (c < 0x20 || c == 0x7f) {
            put_u_escape(j, c);
            p++;
        } else {
            int n = utf8_len(p);
            if (n > 0) {
                put(j, p, (size_t)n);
                p += n;
            } else if (n < 0) {
                put_u_escape(j, (unsigned)-n);
                p += 2;
            } else {
                put(j, "\\ufffd", 6);
                p++;
            }
        }
    }
    put_char(j, '"');
}

void json_key(struct json *j, const char *key)
{
    before_item(j);
    put_string(j, key);
    put(j, ": ", j->pretty ? 2 : 1);
    j->after_key = true;
}

void json_key_token(struct json *j, const char *token, size_t len)
{
    before_item(j);
    put(j, token, j->pretty ? len : len - 1);
    j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
    before_item(j);
    if (s)
        put_string(j, s);
    else
        put(j, "null", 4);
}

/* The escaped literals of json_string_static, by address (open addressing;
 * the program has a few hundred such strings, each written thousands of
 * times in a batch report). Single-threaded, as the writers are. */
#define STATIC_SLOTS 1024
static struct static_lit {
    const char *key;
    char *lit;
    size_t len;
} static_lits[STATIC_SLOTS];

void json_string_static(struct json *j, const char *s)
{
    if (!s) {
        json_string(j, s);
        return;
    }
    size_t h = (size_t)(((uint64_t)(uintptr_t)s * UINT64_C(0x9e3779b97f4a7c15)) >> 54);
    struct static_lit *slot = NULL;
    for (size_t i = 0; i < 16; i++) {
        struct static_lit *c = &static_lits[(h + i) % STATIC_SLOTS];
        if (c->key == s) {
            before_item(j);
            put(j, c->lit, c->len);
            return;
        }
        if (!c->key) {
            slot = c;
            break;
        }
    }
    size_t n = strlen(s);
    if (!slot || n > (sizeof(j->buf) - 2) / 6) {
        json_string(j, s);   /* no room to keep it: escaped every time */
        return;
    }
    before_item(j);
    if (j->len + 6 * n + 2 > sizeof(j->buf))
        json_flush(j);   /* the literal is then whole in the buffer, to keep */
    size_t start = j->len;
    put_string(j, s);
    slot->len = j->len - start;
    slot->lit = xmalloc(slot->len);
    memcpy(slot->lit, j->buf + start, slot->len);
    slot->key = s;
}

/* The kept output of json_members_cached, by key and the writer's state
 * (depth, first member or not, pretty): few entries, a short list. */
#define MEMBER_CACHE 64
static struct member_run {
    const void *key;
    int depth;
    bool first, pretty;
    char *bytes;
    size_t len;
} member_runs[MEMBER_CACHE];
static size_t nmember_runs;

void json_members_cached(struct json *j, const void *key,
                         void (*write)(struct json *j, const void *key))
{
    bool first = j->first[j->depth];
    for (size_t i = 0; i < nmember_runs; i++) {
        const struct member_run *m = &member_runs[i];
        if (m->key == key && m->depth == j->depth && m->first == first &&
            m->pretty == j->pretty && !j->after_key) {
            put(j, m->bytes, m->len);
            if (m->len)
                j->first[j->depth] = false;
            return;
        }
    }
    /* Written in the buffer, to keep when it stayed there whole. */
    if (j->after_key || nmember_runs == MEMBER_CACHE || sizeof(j->buf) - j->len < 4096)
        json_flush(j);
    size_t start = j->len;
    unsigned long flushes = j->flushes;
    int depth = j->depth;
    write(j, key);
    if (nmember_runs < MEMBER_CACHE && !j->after_key && j->depth == depth &&
        j->flushes == flushes) {
        struct member_run *m = &member_runs[nmember_runs++];
        *m = (struct member_run){ key, depth, first, j->pretty, NULL, j->len - start };
        m->bytes = xmalloc(m->len ? m->len : 1);
        memcpy(m->bytes, j->buf + start, m->len);
    }
}

/* "00" to "99": decimal numbers two digits at a time. */
static const char two_digits[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

void json_uint(struct json *j, uint64_t v)
{
    before_item(j);
    char buf[20], *p = buf + sizeof(buf);
    while (v >= 100) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        p -= 2;
        memcpy(p, two_digits + 2 * r, 2);
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, two_digits + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    put(j, p, (size_t)(buf + sizeof(buf) - p));
}

void json_uint_or_null(struct json *j, bool known, uint64_t v)
{
    if (known)
        json_uint(j, v);
    else
        json_null(j);
}

void json_int(struct json *j, int64_t v)
{
    if (v >= 0) {
        json_uint(j, (uint64_t)v);
        return;
    }
    before_item(j);
    uint64_t m = (uint64_t)0 - (uint64_t)v;   /* INT64_MIN too */
    char buf[21], *p = buf + sizeof(buf);
    do
        *--p = (char)('0' + m % 10);
    while (m /= 10);
    *--p = '-';
    put(j, p, (size_t)(buf + sizeof(buf) - p));
}

void json_bool(struct json *j, bool v)
{
    before_item(j);
    if (v)
        put(j, "true", 4);
    else
        put(j, "false", 5);
}

void json_null(struct json *j)
{
    before_item(j);
    put(j, "null", 4);
}

void json_finish(struct json *j)
{
    put_char(j, '\n');
    json_flush(j);
}
