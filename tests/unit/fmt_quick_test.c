/* core/fmt_quick.c against the C library's vsnprintf: the same text and
 * length for every conversion it takes, at the limits of each type; -1 for
 * what it leaves to vsnprintf and for text that does not fit. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "fmt_quick.h"
#include "test_util.h"

/* fmt_quick and vsnprintf on the same arguments; -2 when they disagree. */
static int both(size_t cap, char *got, const char *fmt, ...)
{
    char want[512];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = fmt_quick(got, cap, fmt, ap);
    int m = vsnprintf(want, sizeof(want), fmt, ap2);
    va_end(ap2);
    va_end(ap);
    if (n < 0)
        return n;
    if (n != m || strcmp(got, want)) {
        print_error("fmt %s: quick \"%s\" (%d), vsnprintf \"%s\" (%d)\n", fmt, got, n, want, m);
        return -2;
    }
    return n;
}

static void test_same_as_vsnprintf(void **state)
{
    (void)state;
    char b[256];
    assert_int_equal(both(sizeof(b), b, ""), 0);
    assert_int_equal(both(sizeof(b), b, "plain text, 100%% sure"), 21);
    assert_true(both(sizeof(b), b, "%s / %s = %c%c", "4 GiB", "", 'x', '\xe2') >= 0);
    assert_true(both(sizeof(b), b, "%d %i %d %d", 0, -1, INT_MIN, INT_MAX) >= 0);
    assert_true(both(sizeof(b), b, "%u %u %x %x", 0u, UINT_MAX, 0xabcdefu, UINT_MAX) >= 0);
    assert_true(both(sizeof(b), b, "%ld %ld %lu %lx", LONG_MIN, LONG_MAX, ULONG_MAX, 255ul) >= 0);
    assert_true(both(sizeof(b), b, "%lld|%llu|%llx", LLONG_MIN, ULLONG_MAX, 0x1234567890ull) >= 0);
    assert_true(both(sizeof(b), b, "%zu %zd %zx", SIZE_MAX, (ssize_t)-5, (size_t)4096) >= 0);
    assert_true(both(sizeof(b), b, "%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, (uintmax_t)16) >= 0);
    assert_true(both(sizeof(b), b, "%s%%%s", "a", "b") >= 0);
    assert_true(both(sizeof(b), b, "IOMMU group %u (%s): %zu of %zu devices", 5u, "0004:04:00.0",
                     (size_t)4, (size_t)8) >= 0);
    /* Exactly filling the buffer (the NUL in the last byte) still fits. */
    char small[6];
    assert_int_equal(both(sizeof(small), small, "%s", "12345"), 5);
}

static void test_left_to_vsnprintf(void **state)
{
    (void)state;
    char b[64];
    assert_int_equal(both(sizeof(b), b, "%5d", 1), -1);
    assert_int_equal(both(sizeof(b), b, "%-3s|", "a"), -1);
    assert_int_equal(both(sizeof(b), b, "%.2s", "abc"), -1);
    assert_int_equal(both(sizeof(b), b, "%04x", 1u), -1);
    assert_int_equal(both(sizeof(b), b, "%1$s", "a"), -1);
    assert_int_equal(both(sizeof(b), b, "%*d", 3, 1), -1);
    assert_int_equal(both(sizeof(b), b, "%.1f", 1.5), -1);
    assert_int_equal(both(sizeof(b), b, "%X", 10u), -1);
    assert_int_equal(both(sizeof(b), b, "%hd", 1), -1);
    assert_int_equal(both(sizeof(b), b, "%s", (char *)NULL), -1);
    assert_int_equal(both(sizeof(b), b, "trailing %"), -1);
    char small[6];
    assert_int_equal(both(sizeof(small), small, "%s", "123456"), -1);   /* does not fit */
    assert_int_equal(both(sizeof(small), small, "%d", 123456), -1);
    assert_int_equal(both(0, small, "x"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_vsnprintf),
        cmocka_unit_test(test_left_to_vsnprintf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
