# tests/files.mk: files read and written (core/atomic_file.c, core/input_file.c,
# core/signal_cleanup.c, core/close_stdout.c) against hostile users and exits.
# The writer's unit tests are in tests/unit/atomic_file_test.c (tests/report.mk).
FILES_UNIT_TESTS = tests/unit/text_safe_test
check_PROGRAMS += $(FILES_UNIT_TESTS)
TESTS += $(FILES_UNIT_TESTS)
tests_unit_text_safe_test_SOURCES = tests/unit/text_safe_test.c
tests_unit_text_safe_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_text_safe_test_LDADD = $(UNIT_LDADD)

FILES_CLI_TESTS = \
	tests/files/links.sh \
	tests/files/signals.sh \
	tests/files/inputs.sh \
	tests/files/stdout.sh \
	tests/files/escapes.sh \
	tests/files/snapshot_scale.sh \
	tests/files/guests_churn.sh \
	tests/files/many_phbs.sh \
	tests/files/planner_links.sh \
	tests/files/planner_storm.sh
TESTS += $(FILES_CLI_TESTS)
EXTRA_DIST += $(FILES_CLI_TESTS)
