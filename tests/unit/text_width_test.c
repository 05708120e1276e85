/* Column widths for aligned text: letters, not bytes. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "size.h"
#include "test_util.h"
#include "text_width.h"

static char *capture(void (*put)(FILE *, const char *, size_t), const char *s, size_t w)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    put(f, s, w);
    fclose(f);
    return buf;
}

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(text_width(""), 0);
    assert_int_equal(text_width("Terms"), 5);
    assert_int_equal(text_width("Gäste"), 5);               /* 6 bytes */
    assert_int_equal(text_width("Tab. de páginas hash"), 20);
    assert_int_equal(text_width("\xe6\xbc\xa2"), 2);         /* a wide CJK character */
    assert_int_equal(text_width("a\xff" "b"), 3);             /* a stray byte counts one */
}

static void test_justify(void **state)
{
    (void)state;
    char *s = capture(fput_ljust, "Gäste", 8);
    assert_string_equal(s, "Gäste   ");
    free(s);
    s = capture(fput_rjust, "Gäste", 8);
    assert_string_equal(s, "   Gäste");
    free(s);
    s = capture(fput_ljust, "longer than the width", 4);
    assert_string_equal(s, "longer than the width");
    free(s);
}

static void test_group_separator(void **state)
{
    (void)state;
    char buf[40];
    /* C has no separator of its own: English commas. */
    size_format_grouped(619037327360u, size_group_separator(), buf, sizeof(buf));
    assert_string_equal(buf, "619,037,327,360");
    if (setlocale(LC_ALL, "de_DE.UTF-8")) {
        size_format_grouped(619037327360u, size_group_separator(), buf, sizeof(buf));
        assert_string_equal(buf, "619.037.327.360");
        setlocale(LC_ALL, "C.UTF-8");
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_justify),
        cmocka_unit_test(test_group_separator),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
