/* core/json.c's string escaping, which scans sixteen bytes at a time: every
 * kind of byte that needs escaping, at every offset of strings up to 70 bytes
 * (across and at the ends of the blocks), and strings longer than the
 * writer's buffer, against a byte-by-byte escaper written here from the
 * rules in core/json.h. */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "test_util.h"
#include "xalloc.h"

/* The expected literal: quote and backslash escaped, \n and \t, other C0
 * controls, DEL and C1 controls as \u00XX, valid UTF-8 as it is, any other
 * byte as \ufffd. */
static void expect_append(char **out, size_t *len, const char *s)
{
    size_t n = strlen(s);
    memcpy(*out + *len, s, n);
    *len += n;
}

static char *expected(const char *s)
{
    char *out = xmalloc(strlen(s) * 6 + 3);
    size_t len = 0;
    char e[8];
    expect_append(&out, &len, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            snprintf(e, sizeof(e), "\\%c", c);
            expect_append(&out, &len, e);
            p++;
        } else if (c == '\n') {
            expect_append(&out, &len, "\\n");
            p++;
        } else if (c == '\t') {
            expect_append(&out, &len, "\\t");
            p++;
        } else if (c < 0x20 || c == 0x7f) {
            snprintf(e, sizeof(e), "\\u%04x", c);
            expect_append(&out, &len, e);
            p++;
        } else if (c < 0x80) {
            out[len++] = (char)c;
            p++;
        } else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {  /* C1 */
            snprintf(e, sizeof(e), "\\u%04x", p[1]);
            expect_append(&out, &len, e);
            p += 2;
        } else if (c >= 0xc3 && c <= 0xdf && (p[1] & 0xc0) == 0x80) {  /* the test's 2-byte chars */
            out[len++] = (char)p[0];
            out[len++] = (char)p[1];
            p += 2;
        } else {
            expect_append(&out, &len, "\\ufffd");
            p++;
        }
    }
    expect_append(&out, &len, "\"");
    out[len] = '\0';
    return out;
}

/* A writer into memory: json_open, write, json_close for the text. */
struct mem_json {
    char *buf;
    size_t size;
    FILE *f;
    struct json *j;
};

static struct json *json_open(struct mem_json *m, bool pretty)
{
    m->buf = NULL;
    m->size = 0;
    m->f = open_memstream(&m->buf, &m->size);
    assert_non_null(m->f);
    m->j = xmalloc(sizeof(*m->j));
    json_init(m->j, m->f, pretty);
    return m->j;
}

static char *json_close(struct mem_json *m)
{
    json_flush(m->j);
    free(m->j);
    assert_int_equal(fclose(m->f), 0);
    return m->buf;
}

/* What json_string writes for `s`, compact, as one value of an array. */
static char *written(const char *s)
{
    struct mem_json m;
    json_string(json_open(&m, false), s);
    return json_close(&m);
}

static void check(const char *s)
{
    char *want = expected(s), *got = written(s);
    assert_string_equal(got, want);
    free(want);
    free(got);
}

static void test_every_offset(void **state)
{
    (void)state;
    static const char *const specials[] = {
        "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "\xc2\x80", "\xc2\x9f",
        "\xc3\xa9", "\xff", "\x80", "\xc3",
    };
    char s[96];
    for (size_t len = 0; len <= 70; len++) {
        for (size_t sp = 0; sp < sizeof(specials) / sizeof(specials[0]); sp++) {
            for (size_t at = 0; at <= len; at++) {
                memset(s, 'a', len);
                size_t n = strlen(specials[sp]);
                memcpy(s + at, specials[sp], n);
                memset(s + at + n, 'b', len - at);
                s[len + n] = '\0';
                check(s);
            }
        }
        memset(s, 'x', len); /* all plain: the blocks and the tail */
        s[len] = '\0';
        check(s);
    }
    check("~ }{|` !#$%&'()*+,-./09:;<=>?@AZ[]^_az");  /* the plain edges of ASCII */
}

static void test_longer_than_buffer(void **state)
{
    (void)state;
    size_t n = 3 * JSON_BUF + 7;
    char *s = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)(i % 97 == 0 ? '"' : i % 89 == 0 ? '\n' : 'a' + (char)(i % 26));
    s[n] = '\0';
    check(s);
    free(s);
}

/* json_uint and json_int against printf, around every power of ten. */
static void test_numbers(void **state)
{
    (void)state;
    struct mem_json m;
    struct json *j = json_open(&m, false);
    json_begin_array(j);
    char *want = xmalloc(64 * 1024);
    size_t len = 0;
    want[len++] = '[';
    uint64_t p = 1;
    for (int e = 0; e <= 20; e++) {
        for (int d = -2; d <= 2; d++) {
            uint64_t v = p + (uint64_t)(int64_t)d;   /* wraps at 0 and past 10^19 */
            json_uint(j, v);
            json_int(j, -(int64_t)(v >> 1));
            len += (size_t)sprintf(want + len, "%s%" PRIu64 ",%" PRId64, len > 1 ? "," : "", v,
                                   -(int64_t)(v >> 1));
        }
        p = e < 19 ? p * 10 : UINT64_MAX;
    }
    json_uint(j, 0);
    json_int(j, INT64_MIN);
    len += (size_t)sprintf(want + len, ",0,%" PRId64 "]", INT64_MIN);
    json_end_array(j);
    char *buf = json_close(&m);
    assert_string_equal(buf, want);
    free(buf);
    free(want);
}

static const char member_key[] = "k";

static void members(struct json *j, const void *key)
{
    json_key(j, "name");
    json_string(j, key);
    json_key(j, "list");
    json_begin_array(j);
    json_uint(j, 1);
    json_begin_object(j);
    json_end_object(j);
    json_end_array(j);
}

/* The same document with json_members_cached and with the members written
 * directly: at several depths, first in their object or not, pretty or
 * compact, and across the writer's buffer. */
static char *document(bool cached, bool pretty, size_t pad)
{
    struct mem_json m;
    struct json *j = json_open(&m, pretty);
    json_begin_array(j);
    char *filler = xmalloc(pad + 1);
    memset(filler, 'x', pad);
    filler[pad] = '\0';
    for (int round = 0; round < 40; round++) {
        json_string(j, filler);   /* moves the members across the buffer's end */
        json_begin_object(j);
        for (int depth = 0; depth < round % 4; depth++) {
            json_key(j, "in");
            json_begin_object(j);
        }
        if ((round / 4) % 2)
            json_key(j, "before"), json_null(j);
        if (cached)
            json_members_cached(j, member_key, members);
        else
            members(j, member_key);
        json_key(j, "after");
        json_bool(j, true);
        for (int depth = 0; depth < round % 4; depth++)
            json_end_object(j);
        json_end_object(j);
    }
    json_end_array(j);
    json_finish(j);
    free(filler);
    return json_close(&m);
}

static void test_members_cached(void **state)
{
    (void)state;
    for (int pretty = 0; pretty <= 1; pretty++) {
        for (size_t pad = 0; pad < 3 * JSON_BUF; pad += JSON_BUF / 3 + 17) {
            char *a = document(true, pretty, pad), *b = document(false, pretty, pad);
            assert_string_equal(a, b);
            free(a);
            free(b);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_offset),
        cmocka_unit_test(test_longer_than_buffer),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_members_cached),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
