# tests/files.mk: files read and written (core/atomic_file.c, core/input_file.c,
# core/signal_cleanup.c, core/close_stdout.c) against hostile users and exits.
FILES_UNIT_TESTS = tests/unit/file_safety_test
check_PROGRAMS += $(FILES_UNIT_TESTS)
TESTS += $(FILES_UNIT_TESTS)
tests_unit_file_safety_test_SOURCES = tests/unit/file_safety_test.c
tests_unit_file_safety_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_file_safety_test_LDADD = $(UNIT_LDADD)

FILES_CLI_TESTS = \
	tests/files/links.sh \
	tests/files/signals.sh \
	tests/files/inputs.sh \
	tests/files/stdout.sh \
	tests/files/escapes.sh
TESTS += $(FILES_CLI_TESTS)
EXTRA_DIST += $(FILES_CLI_TESTS)
