/* Text on its way to a terminal: control characters, C1 (CSI), DEL and
 * invalid UTF-8 become '?'; names longer than TEXT_SAFE_NAME_MAX are
 * shortened without cutting a character. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test_util.h"
#include "text_safe.h"
#include "xalloc.h"

static void test_controls(void **state)
{
    (void)state;
    char *s = text_safe_dup("a\033]0;t\007b\x7f" "c\xc2\x9b" "d\xff" "e");
    assert_string_equal(s, "a?]0;t?b?c??d?e");
    free(s);
    s = text_safe_dup("Gr\xc3\xbc\xc3\x9f \xe2\x86\x92 ok");  /* valid UTF-8 stays */
    assert_string_equal(s, "Gr\xc3\xbc\xc3\x9f \xe2\x86\x92 ok");
    free(s);
    char small[4];
    text_safe_copy(small, sizeof(small), "ab\xc3\xbc");  /* no half character */
    assert_string_equal(small, "ab");
}

static void test_name_short(void **state)
{
    (void)state;
    char *s = text_safe_name("/tmp/x\033[2J.xml");
    assert_string_equal(s, "/tmp/x?[2J.xml");
    free(s);
}

static void test_name_long(void **state)
{
    (void)state;
    /* 300 two-byte characters then a file name: shortened, both ends kept. */
    size_t n = 300;
    char *long_name = xmalloc(2 * n + 16);
    for (size_t i = 0; i < n; i++)
        memcpy(long_name + 2 * i, "\xc3\xbc", 2);
    strcpy(long_name + 2 * n, "/report.md");
    char *s = text_safe_name(long_name);
    assert_true(strlen(s) <= TEXT_SAFE_NAME_MAX + 3);
    assert_non_null(strstr(s, "..."));
    assert_true(strlen(s) > 10 && !strcmp(s + strlen(s) - 10, "/report.md"));
    assert_memory_equal(s, "\xc3\xbc", 2);
    /* Whole characters only: the text is still valid UTF-8. */
    char *again = text_safe_dup(s);
    assert_string_equal(again, s);
    free(again);
    free(s);
    free(long_name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_controls),
        cmocka_unit_test(test_name_short),
        cmocka_unit_test(test_name_long),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
