/* core/json.c's string escaping, which scans sixteen bytes at a time: every
 * kind of byte that needs escaping, at every offset of strings up to 70 bytes
 * (across and at the ends of the blocks), and strings longer than the
 * writer's buffer, against a byte-by-byte escaper written here from the
 * rules in core/json.h. */
#include "config.h"

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

/* What json_string writes for `s`, compact, as one value of an array. */
static char *written(const char *s)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    struct json *j = xmalloc(sizeof(*j));
    json_init(j, f, false);
    json_string(j, s);
    json_flush(j);
    free(j);
    assert_int_equal(fclose(f), 0);
    return buf;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_offset),
        cmocka_unit_test(test_longer_than_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
