/* Device-tree property parsers: cells, phandles, reg windows, NUMA nodes
 * and strings, from the bytes the kernel exposes. */
#include "config.h"

#include <string.h>

#include "dt_prop.h"
#include "test_util.h"

static void test_cells(void **state)
{
    (void)state;
    const unsigned char raw[] = { 0, 0, 0, 4, 0xde, 0xad, 0xbe, 0xef, 0, 0, 1, 0 };
    uint32_t c[3] = { 0 };
    assert_int_equal(dt_prop_cells(raw, sizeof(raw), c, 3), 3);
    assert_int_equal(c[0], 4);
    assert_int_equal(c[1], 0xdeadbeef);
    assert_int_equal(c[2], 0x100);
    uint32_t two[2] = { 0 };
    assert_int_equal(dt_prop_cells(raw, sizeof(raw), two, 2), 2); /* the rest ignored */
    assert_int_equal(dt_prop_cells(raw, 7, c, 3), -1);
    assert_int_equal(dt_prop_cells(raw, 0, c, 3), 0);
}

static void test_phandle(void **state)
{
    (void)state;
    const unsigned char raw[] = { 0, 0, 7, 1, 0, 0, 0, 0 };
    uint32_t ph = 0;
    assert_true(dt_prop_phandle(raw, 4, &ph));
    assert_int_equal(ph, 0x701);
    assert_false(dt_prop_phandle(raw, 8, &ph)); /* two cells: a list, not one phandle */
    assert_false(dt_prop_phandle(raw, 3, &ph));
    assert_false(dt_prop_phandle(raw, 0, &ph));
}

static void test_reg(void **state)
{
    (void)state;
    /* AC922 GPU RAM: 128 GiB window at 4 TiB. */
    const unsigned char ok[] = { 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0, 0 };
    uint64_t base = 0, size = 0;
    assert_int_equal(dt_prop_reg(ok, sizeof(ok), &base, &size), DT_REG_OK);
    assert_true(base == UINT64_C(0x40000000000));
    assert_true(size == UINT64_C(0x2000000000));
    assert_int_equal(dt_prop_reg(ok, 12, &base, &size), DT_REG_SHAPE);
    unsigned char two[32];
    memcpy(two, ok, 16);
    memcpy(two + 16, ok, 16);
    assert_int_equal(dt_prop_reg(two, 32, &base, &size), DT_REG_SHAPE);
    const unsigned char zero[16] = { 0, 0, 4 };
    assert_int_equal(dt_prop_reg(zero, 16, &base, &size), DT_REG_RANGE);
    unsigned char wrap[16];
    memset(wrap, 0xff, 8);
    memset(wrap + 8, 0, 8);
    wrap[15] = 2;
    assert_int_equal(dt_prop_reg(wrap, 16, &base, &size), DT_REG_RANGE);
    wrap[15] = 1; /* the last byte of the address space, exactly */
    assert_int_equal(dt_prop_reg(wrap, 16, &base, &size), DT_REG_OK);
    assert_true(base == UINT64_MAX && size == 1);
}

static void test_numa(void **state)
{
    (void)state;
    const unsigned char assoc[] = { 0, 0, 0, 4, 0, 0, 0, 0xff, 0, 0, 0, 0xfe, 0, 0, 0, 0xfd,
                                    0, 0, 0, 0xfc };
    const unsigned char chip[] = { 0, 0, 0, 8 };
    const unsigned char refs[] = { 0, 0, 0, 4, 0, 0, 0, 2 };
    assert_int_equal(dt_prop_ref_point(refs, sizeof(refs)), 4);
    assert_int_equal(dt_prop_ref_point(refs, 3), 4);      /* malformed: the default */
    assert_int_equal(dt_prop_ref_point(refs + 4, 4), 2);
    assert_int_equal(dt_prop_numa(assoc, sizeof(assoc), chip, 4, 4), 0xfc);
    assert_int_equal(dt_prop_numa(assoc, sizeof(assoc), chip, 4, 1), 0xff);
    /* Past the cells, or past the count in cell 0: ibm,chip-id instead. */
    assert_int_equal(dt_prop_numa(assoc, sizeof(assoc), chip, 4, 5), 8);
    assert_int_equal(dt_prop_numa(assoc, 12, chip, 4, 3), 8);
    assert_int_equal(dt_prop_numa(assoc, sizeof(assoc), chip, 4, 0), 8);
    assert_int_equal(dt_prop_numa(assoc, sizeof(assoc), chip, 3, 9), HOST_UNKNOWN);
    const unsigned char big[] = { 0, 0, 0, 1, 0x80, 0, 0, 0 };
    assert_int_equal(dt_prop_numa(big, 8, NULL, 0, 1), HOST_UNKNOWN);
    assert_int_equal(dt_prop_numa(NULL, 0, big + 4, 4, 1), HOST_UNKNOWN);
}

static void test_string(void **state)
{
    (void)state;
    char out[16];
    assert_true(dt_prop_string("8335-GTH\0junk", 13, out, sizeof(out)));
    assert_string_equal(out, "8335-GTH");
    assert_true(dt_prop_string("\x1b[2Jx", 5, out, sizeof(out)));
    assert_null(strchr(out, '\x1b'));
    assert_false(dt_prop_string("\0abc", 4, out, sizeof(out)));
    assert_string_equal(out, "");
    assert_true(dt_prop_string("abcdefghijklmnopqrstuvwxyz", 26, out, sizeof(out)));
    assert_int_equal(strlen(out), sizeof(out) - 1); /* cut, still terminated */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_phandle),
        cmocka_unit_test(test_reg),
        cmocka_unit_test(test_numa),
        cmocka_unit_test(test_string),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
