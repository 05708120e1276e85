# tests/files.mk: files read and written (core/atomic_file.c, core/input_file.c,
# core/signal_cleanup.c, core/close_stdout.c) against hostile users and exits.
# The writer's unit tests are in tests/unit/atomic_file_test.c (tests/report.mk).
FILES_CLI_TESTS = \
	tests/files/links.sh \
	tests/files/signals.sh \
	tests/files/inputs.sh \
	tests/files/stdout.sh \
	tests/files/escapes.sh \
	tests/files/snapshot_scale.sh \
	tests/files/guests_churn.sh \
	tests/files/many_phbs.sh
TESTS += $(FILES_CLI_TESTS)
EXTRA_DIST += $(FILES_CLI_TESTS)
