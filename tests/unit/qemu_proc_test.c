/* One row formatter for running guests: what `memlock-planner guests` and
 * the planner's guests view show for each process. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "qemu_proc.h"
#include "test_util.h"

static struct qemu_process proc(enum host_limit_kind kind, uint64_t limit, bool lck, uint64_t lck_kib)
{
    struct qemu_process p = { .pid = 4242, .exe = (char *)"qemu-system-ppc64",
                              .name = (char *)"guest\x1b[31m", .readable = true,
                              .limit_kind = kind, .limit_bytes = limit,
                              .has_vmlck = lck, .vmlck_kib = lck_kib };
    return p;
}

static void test_row(void **state)
{
    (void)state;
    struct qemu_proc_row r;
    struct qemu_process p = proc(HOST_LIMIT_BYTES, 64ull << 30, true, 1024);
    qemu_proc_format_row(&p, &r);
    assert_string_equal(r.pid, "4242");
    assert_string_equal(r.name, "guest?[31m");              /* safe for a terminal */
    assert_string_equal(r.limit, "64 GiB");
    assert_string_equal(r.vmlck, "1 MiB");
    assert_string_equal(r.vmpin, "?");
    assert_false(r.near_limit);
    assert_string_not_equal(r.headroom, "-");

    /* A limit that could not be read is unknown, not 0 bytes. */
    p = proc(HOST_LIMIT_UNKNOWN, 0, true, 1024);
    qemu_proc_format_row(&p, &r);
    assert_string_equal(r.limit, "?");
    assert_string_equal(r.headroom, "-");

    p = proc(HOST_LIMIT_UNLIMITED, 0, true, 1024);
    qemu_proc_format_row(&p, &r);
    assert_string_equal(r.limit, "unlimited");
    assert_string_equal(r.headroom, "-");

    p = proc(HOST_LIMIT_BYTES, 1ull << 20, true, 2048);      /* locked more than allowed */
    qemu_proc_format_row(&p, &r);
    assert_string_equal(r.headroom, "over");
    assert_true(r.near_limit);

    p = proc(HOST_LIMIT_BYTES, 1ull << 20, true, 2048);
    p.readable = false;
    p.name = NULL;
    qemu_proc_format_row(&p, &r);
    assert_string_equal(r.name, "qemu-system-ppc64");
    assert_string_equal(r.limit, "?");
    assert_false(r.near_limit);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
