/* Profiles: version look-up and what each one counts. */
#include "config.h"

#include "profile.h"
#include "test_util.h"

static void test_lookup(void **state)
{
    (void)state;
    bool beyond;
    assert_string_equal(profile_for_version("9.0.0", &beyond)->id, "9.0");
    assert_false(beyond);
    assert_string_equal(profile_for_version("9.10", &beyond)->id, "9.0");
    assert_string_equal(profile_for_version("5.3", &beyond)->id, "5.3");
    assert_string_equal(profile_for_version("5.10.0", &beyond)->id, "5.3");
    assert_string_equal(profile_for_version("seed", &beyond)->id, "5.3");
    assert_string_equal(profile_for_version("6.0", &beyond)->id, "6.0");
    assert_string_equal(profile_for_version("7.10", &beyond)->id, "6.0");
    assert_string_equal(profile_for_version("8.5.0", &beyond)->id, "8.0");
    assert_string_equal(profile_for_version("10.2", &beyond)->id, "9.0");
    assert_true(beyond);
    assert_string_equal(profile_for_version("latest", &beyond)->id, "9.0");
    assert_null(profile_for_version("5.2", &beyond));
    assert_null(profile_for_version("4.5.0", &beyond));
    assert_null(profile_for_version("nine", &beyond));
    assert_null(profile_for_version("9.", &beyond));
    assert_null(profile_for_version("9.0.0.1", &beyond));
    assert_null(profile_for_version("", &beyond));
    assert_null(profile_for_version(NULL, &beyond));
    assert_string_equal(profile_default()->id, "9.0");
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

static void test_nv2_files(void **state)
{
    (void)state;
    assert_int_equal(profiles[0].nv2_files, NV2_FILES_SEED);
    assert_int_equal(profile_default()->nv2_files, NV2_FILES_ALL);
    assert_null(profiles[0].approx);
    assert_null(profile_default()->approx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_cycle),
        cmocka_unit_test(test_nv2_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
