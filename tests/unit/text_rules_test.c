/* The one home of each text rule: the UTF-8 decoder, the display width the
 * CLI and the planner share, the hex parser, a diff's counts. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hex.h"
#include "text_diff.h"
#include "test_util.h"
#include "text_width.h"
#include "utf8.h"

static void test_utf8_decode(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_int_equal(utf8_decode("A", &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(utf8_decode("\xc3\xa4", &cp), 2);       /* ä */
    assert_int_equal(cp, 0xe4);
    assert_int_equal(utf8_decode("\xe6\xbc\xa2", &cp), 3);   /* 漢 */
    assert_int_equal(cp, 0x6f22);
    assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", &cp), 4);
    assert_int_equal(cp, 0x1f600);
    assert_int_equal(utf8_decode("\xc2\x9b", &cp), 2);       /* C1 CSI: a character */
    assert_int_equal(cp, 0x9b);
    assert_int_equal(utf8_decode("", &cp), 0);
    assert_int_equal(utf8_decode("\x80", &cp), 0);           /* stray continuation */
    assert_int_equal(utf8_decode("\xc0\xaf", &cp), 0);       /* overlong '/' */
    assert_int_equal(utf8_decode("\xed\xa0\x80", &cp), 0);   /* surrogate */
    assert_int_equal(utf8_decode("\xf4\x90\x80\x80", &cp), 0); /* beyond U+10FFFF */
    assert_int_equal(utf8_decode("\xe6\xbc", &cp), 0);       /* cut short by the NUL */
    assert_int_equal(utf8_char_start("a\xe6\xbc\xa2", 3), 1);
    assert_int_equal(utf8_char_start("a\xe6\xbc\xa2", 1), 1);
    assert_int_equal(utf8_char_start("ab", 1), 1);
}

static void test_width_rule(void **state)
{
    (void)state;
    int cols = -1;
    assert_int_equal(text_char("a", &cols), 1);
    assert_int_equal(cols, 1);
    assert_int_equal(text_char("\xe6\xbc\xa2", &cols), 3);
    assert_int_equal(cols, 2);
    assert_int_equal(text_char("\xcc\x81", &cols), 2);       /* a combining accent */
    assert_int_equal(cols, 0);
    /* What cannot be printed takes the one column of the '?' that replaces it. */
    assert_int_equal(text_char("\x01", &cols), 1);
    assert_int_equal(cols, 1);
    assert_int_equal(text_char("\xc2\x9b", &cols), 2);
    assert_int_equal(cols, 1);
    assert_int_equal(text_char("\xff", &cols), 1);
    assert_int_equal(cols, 1);
    assert_int_equal(text_width("a\tb\x1b[0m"), 7);
    assert_int_equal(text_width("e\xcc\x81"), 1);
}

static void test_hex(void **state)
{
    (void)state;
    uint64_t v = 0;
    const char *p = "0004:04";
    assert_true(hex_scan(&p, 8, &v));
    assert_int_equal(v, 4);
    assert_string_equal(p, ":04");
    p = "123456789";
    assert_false(hex_scan(&p, 8, &v));                       /* too many digits */
    assert_string_equal(p, "123456789");
    p = ":";
    assert_false(hex_scan(&p, 8, &v));
    assert_true(hex_parse("0x10DE", 0, 0xffff, &v));
    assert_int_equal(v, 0x10de);
    assert_true(hex_parse("10de", 4, 0xffff, &v));
    assert_true(hex_parse("0X030200", 6, 0xffffff, &v));
    assert_int_equal(v, 0x030200);
    assert_false(hex_parse("10de", 6, 0xffffff, &v));        /* not exactly 6 digits */
    assert_false(hex_parse("10000", 0, 0xffff, &v));         /* over max */
    assert_false(hex_parse("0x", 0, 0xffff, &v));
    assert_false(hex_parse("", 0, 0xffff, &v));
    assert_false(hex_parse("12g4", 0, 0xffff, &v));
    assert_false(hex_parse(" 12", 0, 0xffff, &v));
    assert_true(hex_parse_n("10DE:1DB1", 4, 4, &v));         /* a field of a longer line */
    assert_int_equal(v, 0x10de);
    assert_false(hex_parse_n("10DE:1DB1", 5, 8, &v));
    assert_false(hex_parse_n("10DE", 0, 4, &v));
    assert_true(hex_parse("ffffffffffffffff", 0, UINT64_MAX, &v));
    assert_true(v == UINT64_MAX);
    assert_false(hex_parse("1ffffffffffffffff", 0, UINT64_MAX, &v));
    /* hex_put writes what printf's %0*llx writes. */
    static const struct { uint64_t v; int min; } put[] = {
        { 0, 0 }, { 0, 1 }, { 0, 4 }, { 0x10de, 4 }, { 0x10de, 2 }, { 0xabcdef, 6 },
        { 0x7, 1 }, { 0x1ffff, 4 }, { UINT64_MAX, 16 }, { UINT64_MAX, 1 }, { 0x30200, 6 },
    };
    for (size_t i = 0; i < sizeof(put) / sizeof(put[0]); i++) {
        char got[24], want[24];
        *hex_put(got, put[i].v, put[i].min) = '\0';
        snprintf(want, sizeof(want), "%0*llx", put[i].min, (unsigned long long)put[i].v);
        assert_string_equal(got, want);
    }
}

/* The counts of a diff, with their plural forms. */
static void test_diff_counts(void **state)
{
    (void)state;
    struct text_diff d;
    char buf[128];
    text_diff("a\nb\n", 4, "a\nc\nd\n", 6, 1, &d);
    text_diff_counts(&d, buf, sizeof(buf));
    assert_string_equal(buf, "1 line removed, 2 lines added");
    text_diff_free(&d);
    text_diff("a\nb\nc\n", 6, "x\n", 2, 1, &d);
    text_diff_counts(&d, buf, sizeof(buf));
    assert_string_equal(buf, "3 lines removed, 1 line added");
    text_diff_free(&d);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decode),
        cmocka_unit_test(test_width_rule),
        cmocka_unit_test(test_hex),
        cmocka_unit_test(test_diff_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
