/* Sizes: libvirt's units and rounding, checked arithmetic, formatting. */
#include "config.h"

#include <string.h>

#include "size.h"
#include "test_util.h"

static uint64_t kib_of(const char *value, const char *unit)
{
    uint64_t kib = 0;
    enum size_parse_status st = size_parse_libvirt(value, unit, &kib);
    if (st != SIZE_OK)
        fail_msg("%s %s: status %d", value, unit ? unit : "(none)", st);
    return kib;
}

static void test_units(void **state)
{
    (void)state;
    assert_int_equal(kib_of("1048576", NULL), 1048576);
    assert_int_equal(kib_of("1048576", ""), 1048576);
    assert_int_equal(kib_of("2048", "b"), 2);
    assert_int_equal(kib_of("2048", "bytes"), 2);
    assert_int_equal(kib_of("2048", "BYTE"), 2);
    assert_int_equal(kib_of("1", "KB"), 1);        /* 1000 bytes, rounded up */
    assert_int_equal(kib_of("1024", "KB"), 1000);
    assert_int_equal(kib_of("7", "k"), 7);
    assert_int_equal(kib_of("7", "KiB"), 7);
    assert_int_equal(kib_of("7", "kib"), 7);
    assert_int_equal(kib_of("1", "MB"), 977);      /* 1000000 / 1024 = 976.56 */
    assert_int_equal(kib_of("3", "M"), 3072);
    assert_int_equal(kib_of("3", "MiB"), 3072);
    assert_int_equal(kib_of("1", "GB"), 976563);
    assert_int_equal(kib_of("1", "G"), KIB_PER_GIB);
    assert_int_equal(kib_of("1", "gib"), KIB_PER_GIB);
    assert_int_equal(kib_of("1", "TB"), UINT64_C(976562500));
    assert_int_equal(kib_of("1", "T"), KIB_PER_TIB);
    assert_int_equal(kib_of("1", "TiB"), KIB_PER_TIB);
    assert_int_equal(kib_of("1", "PB"), UINT64_C(976562500000));
    assert_int_equal(kib_of("1", "P"), KIB_PER_TIB * 1024);
    assert_int_equal(kib_of("1", "PiB"), KIB_PER_TIB * 1024);
    assert_int_equal(kib_of("1", "EB"), UINT64_C(976562500000000));
    assert_int_equal(kib_of("1", "E"), KIB_PER_TIB * 1024 * 1024);
    assert_int_equal(kib_of("7", "EiB"), KIB_PER_TIB * 1024 * 1024 * 7);
    assert_int_equal(kib_of("1025", "b"), 2);      /* round up */
    assert_int_equal(kib_of("0", "GiB"), 0);
    assert_int_equal(kib_of("  42 ", "KiB"), 42);
}

static void test_parse_errors(void **state)
{
    (void)state;
    uint64_t kib = 12345;
    assert_int_equal(size_parse_libvirt("-1", NULL, &kib), SIZE_NEGATIVE);
    assert_int_equal(size_parse_libvirt("12abc", NULL, &kib), SIZE_NOT_NUMBER);
    assert_int_equal(size_parse_libvirt("1.5", "GiB", &kib), SIZE_NOT_NUMBER);
    assert_int_equal(size_parse_libvirt("0x10", NULL, &kib), SIZE_NOT_NUMBER);
    assert_int_equal(size_parse_libvirt("+5", NULL, &kib), SIZE_NOT_NUMBER);
    assert_int_equal(size_parse_libvirt("", NULL, &kib), SIZE_EMPTY);
    assert_int_equal(size_parse_libvirt("  ", NULL, &kib), SIZE_EMPTY);
    assert_int_equal(size_parse_libvirt("1", "GX", &kib), SIZE_BAD_UNIT);
    assert_int_equal(size_parse_libvirt("1", "Gi", &kib), SIZE_BAD_UNIT);
    assert_int_equal(size_parse_libvirt("1", "ZiB", &kib), SIZE_BAD_UNIT);
    assert_int_equal(size_parse_libvirt("8", "EiB", &kib), SIZE_TOO_LARGE);
    assert_int_equal(size_parse_libvirt("99999999999999999999999", NULL, &kib), SIZE_TOO_LARGE);
    assert_int_equal(size_parse_libvirt("9007199254740992", "KiB", &kib), SIZE_TOO_LARGE);
    assert_int_equal(kib, 12345); /* untouched on error */
    /* The largest accepted: LLONG_MAX bytes. */
    assert_int_equal(size_parse_libvirt("9223372036854775807", "b", &kib), SIZE_OK);
    assert_int_equal(kib, UINT64_C(9007199254740992));
    assert_int_equal(size_parse_libvirt("9223372036854775808", "b", &kib), SIZE_TOO_LARGE);
}

static void test_user_sizes(void **state)
{
    (void)state;
    uint64_t kib;
    assert_int_equal(size_parse_user("96G", 1024, &kib), SIZE_OK);
    assert_int_equal(kib, 96 * KIB_PER_GIB);
    assert_int_equal(size_parse_user("512MiB", 1024, &kib), SIZE_OK);
    assert_int_equal(kib, 512 * KIB_PER_MIB);
    assert_int_equal(size_parse_user("1.5 GiB", 1024, &kib), SIZE_OK);
    assert_int_equal(kib, 1572864);
    assert_int_equal(size_parse_user("2048", 1024 * 1024, &kib), SIZE_OK);
    assert_int_equal(kib, 2 * KIB_PER_GIB);
    assert_int_equal(size_parse_user("0.1k", 1024, &kib), SIZE_OK);
    assert_int_equal(kib, 1); /* 102.4 bytes, rounded up */
    assert_int_equal(size_parse_user("12 parsecs", 1024, &kib), SIZE_BAD_UNIT);
    assert_int_equal(size_parse_user("1.", 1024, &kib), SIZE_NOT_NUMBER);
    assert_int_equal(size_parse_user("-3G", 1024, &kib), SIZE_NEGATIVE);
    assert_int_equal(size_parse_user("9E", 1024, &kib), SIZE_TOO_LARGE);
}

static void test_checked_arithmetic(void **state)
{
    (void)state;
    uint64_t v = 7;
    assert_false(size_add(UINT64_MAX, 1, &v));
    assert_int_equal(v, 7);
    assert_true(size_add(UINT64_MAX - 1, 1, &v));
    assert_int_equal(v, UINT64_MAX);
    assert_false(size_mul(UINT64_C(1) << 32, UINT64_C(1) << 32, &v));
    assert_true(size_align_up(1000, 1024, &v));
    assert_int_equal(v, 1024);
    assert_true(size_align_up(2048, 1024, &v));
    assert_int_equal(v, 2048);
    assert_false(size_align_up(UINT64_MAX - 5, 1024, &v));
    assert_false(size_kib_to_bytes(UINT64_C(1) << 54, &v));
    assert_true(size_kib_to_bytes(UINT64_C(1) << 53, &v));
    assert_int_equal(v, UINT64_C(1) << 63);
}

static void test_formatting(void **state)
{
    (void)state;
    char buf[64];
    size_format_bytes(4320133120u, buf, sizeof(buf));
    assert_string_equal(buf, "4.02 GiB");
    size_format_bytes(20971520, buf, sizeof(buf));
    assert_string_equal(buf, "20 MiB");
    size_format_bytes(512, buf, sizeof(buf));
    assert_string_equal(buf, "512 B");
    size_format_kib(1572864, buf, sizeof(buf));
    assert_string_equal(buf, "1.5 GiB");
    size_format_kib(UINT64_MAX, buf, sizeof(buf)); /* 2^64 KiB: beyond 64-bit bytes */
    assert_string_equal(buf, "16 ZiB");
    size_format_kib(268435456, buf, sizeof(buf));
    assert_string_equal(buf, "256 GiB");
    size_format_bytes(UINT64_C(1023) * 1024 * 1024 * 1024 + 1000 * 1024 * 1024, buf, sizeof(buf));
    assert_string_equal(buf, "1023.98 GiB");
    size_format_bytes(UINT64_C(1024) * 1024 * 1024 * 1024 - 1, buf, sizeof(buf));
    assert_string_equal(buf, "1 TiB"); /* rounding carries into the next unit */
    size_format_bytes(1535, buf, sizeof(buf));
    assert_string_equal(buf, "1.5 KiB");
    size_format_grouped(4320133120u, ",", buf, sizeof(buf));
    assert_string_equal(buf, "4,320,133,120");
    size_format_grouped(999, ",", buf, sizeof(buf));
    assert_string_equal(buf, "999");
    size_format_grouped(1000, "\xe2\x80\x89", buf, sizeof(buf));
    assert_string_equal(buf, "1\xe2\x80\x89" "000");
    size_format_grouped(UINT64_MAX, ",", buf, 8); /* truncated, still terminated */
    assert_int_equal(strlen(buf), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_user_sizes),
        cmocka_unit_test(test_checked_arithmetic),
        cmocka_unit_test(test_formatting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
