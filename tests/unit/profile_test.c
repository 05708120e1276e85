/* Profiles: version look-up and what each one counts. */
#include "config.h"

#include <string.h>

#include "probe_libvirt.h"
#include "profile.h"
#include "test_util.h"

static void test_lookup(void **state)
{
    (void)state;
    bool beyond;
    /* Each step at its first release and the release before it. */
    static const struct { const char *v, *id; } cases[] = {
        { "5.3", "5.3" }, { "5.3.0", "5.3" }, { "5.10.0", "5.3" }, { "seed", "5.3" },
        { "6.0", "6.0" }, { "6.8.0", "6.0" }, { "6.9", "6.9" }, { "6.10", "6.9" },
        { "7.0.0", "7.0" }, { "7.1", "7.0" }, { "7.2", "7.2" }, { "8.0.0", "7.2" },
        { "8.6", "7.2" }, { "8.7.0", "8.7" }, { "9.0.0", "8.7" }, { "9.2", "8.7" },
        { "9.3", "9.3" }, { "9.7.0", "9.3" }, { "9.8", "9.8" }, { "10.0.0", "9.8" },
        { "11.2", "9.8" }, { "11.3", "11.3" }, { "11.3.0", "11.3" }, { "11.3.5", "11.3" },
        { "latest", "11.3" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct profile *p = profile_for_version(cases[i].v, &beyond);
        if (!p || strcmp(p->id, cases[i].id))
            fail_msg("%s: got %s, want %s", cases[i].v, p ? p->id : "NULL", cases[i].id);
        assert_false(beyond);
    }
    assert_string_equal(profile_for_version("11.4", &beyond)->id, "11.3");
    assert_true(beyond);
    assert_string_equal(profile_for_version("12.2.0", &beyond)->id, "11.3");
    assert_true(beyond);
    assert_null(profile_for_version("5.2", &beyond));
    assert_null(profile_for_version("4.9", &beyond));
    assert_null(profile_for_version("4.5.0", &beyond));
    assert_null(profile_for_version("abc", &beyond));
    assert_null(profile_for_version("9.999999999999", &beyond));
    assert_null(profile_for_version("9.", &beyond));
    assert_null(profile_for_version(".9", &beyond));
    assert_null(profile_for_version("9.0.0.1", &beyond));
    assert_null(profile_for_version("9.1000", &beyond));
    assert_null(profile_for_version("-9.0", &beyond));
    assert_null(profile_for_version("9.0 ", &beyond));
    assert_null(profile_for_version("", &beyond));
    assert_null(profile_for_version(NULL, &beyond));
    assert_string_equal(profile_default()->id, "11.3");

    struct libvirt_version v;
    char buf[32];
    assert_true(profile_parse_version("10.0", &v));
    profile_version_format(&v, buf, sizeof(buf));
    assert_string_equal(buf, "10.0.0");
}

static void test_cycle(void **state)
{
    (void)state;
    const struct profile *p = profile_default();
    for (size_t i = 0; i < nprofiles; i++)
        p = profile_next(p);
    assert_ptr_equal(p, profile_default());
    assert_ptr_equal(profile_next(profile_default()), &profiles[0]);
}

/* The release in a program's --version line, as the live host is asked. */
static void test_version_lines(void **state)
{
    (void)state;
    char buf[24];
    assert_true(probe_libvirt_parse_version_line("libvirtd (libvirt) 9.0.0", buf, sizeof(buf)));
    assert_string_equal(buf, "9.0.0");
    assert_true(probe_libvirt_parse_version_line("virtqemud (libvirt) 11.3.0", buf, sizeof(buf)));
    assert_string_equal(buf, "11.3.0");
    assert_true(probe_libvirt_parse_version_line("10.0.0", buf, sizeof(buf)));   /* virsh */
    assert_string_equal(buf, "10.0.0");
    assert_false(probe_libvirt_parse_version_line("libvirtd (libvirt)", buf, sizeof(buf)));
    assert_false(probe_libvirt_parse_version_line("", buf, sizeof(buf)));
    assert_false(probe_libvirt_parse_version_line("9", buf, sizeof(buf)));
    assert_false(probe_libvirt_parse_version_line("1.2.3.4.5.6.7.8.9.10.11.12.13", buf, 8));
}

static void test_steps(void **state)
{
    (void)state;
    /* Oldest first, strictly increasing, each id its first release. */
    for (size_t i = 0; i < nprofiles; i++) {
        assert_int_equal(profiles[i].nv2_files, NV2_FILES_ALL);
        struct libvirt_version v;
        assert_true(profile_parse_version(profiles[i].id, &v));
        assert_int_equal(v.major * 1000 + v.minor, profiles[i].since);
        if (i)
            assert_true(profiles[i].since > profiles[i - 1].since);
        /* A bracketed first release says so. */
        if (!profiles[i].pinned)
            assert_non_null(profiles[i].approx);
    }
    assert_false(profile_default()->force_vfio_arg);
    assert_false(profiles[0].force_vfio_arg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_cycle),
        cmocka_unit_test(test_steps),
        cmocka_unit_test(test_version_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
