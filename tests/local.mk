# tests/: unit tests (cmocka, TAP) and command-line tests (sh, TAP).
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
UNIT_LDADD = tests/unit/libtestutil.a probe/libprobe.a core/libcore.a $(CMOCKA_LIBS) \
	$(LIBXML_LIBS) $(UDEV_LIBS) $(LIBINTL)

check_LIBRARIES = tests/unit/libtestutil.a
tests_unit_libtestutil_a_SOURCES = tests/unit/test_util.c tests/unit/test_util.h
tests_unit_libtestutil_a_CFLAGS = $(UNIT_CFLAGS)

UNIT_TESTS = \
	tests/unit/size_test \
	tests/unit/profile_test \
	tests/unit/memlock_libvirt_test \
	tests/unit/memlock_rules_test \
	tests/unit/memlock_phb_test
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)

tests_unit_size_test_SOURCES = tests/unit/size_test.c
tests_unit_size_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_size_test_LDADD = $(UNIT_LDADD)
tests_unit_profile_test_SOURCES = tests/unit/profile_test.c
tests_unit_profile_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_profile_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_libvirt_test_SOURCES = tests/unit/memlock_libvirt_test.c
tests_unit_memlock_libvirt_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_libvirt_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_rules_test_SOURCES = tests/unit/memlock_rules_test.c
tests_unit_memlock_rules_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_rules_test_LDADD = $(UNIT_LDADD)
tests_unit_memlock_phb_test_SOURCES = tests/unit/memlock_phb_test.c
tests_unit_memlock_phb_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_memlock_phb_test_LDADD = $(UNIT_LDADD)
