# tests/report.mk: tests for the report area (owned by that area; keeps merges apart).
REPORT_UNIT_TESTS = \
	tests/unit/atomic_file_test \
	tests/unit/xml_edit_test \
	tests/unit/report_test
CMOCKA_TESTS += $(REPORT_UNIT_TESTS)
tests_unit_atomic_file_test_SOURCES = tests/unit/atomic_file_test.c
tests_unit_atomic_file_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_atomic_file_test_LDADD = $(UNIT_LDADD)
tests_unit_xml_edit_test_SOURCES = tests/unit/xml_edit_test.c
tests_unit_xml_edit_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_xml_edit_test_LDADD = $(UNIT_LDADD)
tests_unit_report_test_SOURCES = tests/unit/report_test.c
tests_unit_report_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_report_test_LDADD = $(UNIT_LDADD)

# Command-line tests through the real binary.
REPORT_CLI_TESTS = \
	tests/report/formats.sh \
	tests/report/hostile.sh \
	tests/report/apply.sh \
	tests/report/write_errors.sh \
	tests/report/views.sh \
	tests/report/fleet.sh \
	tests/report/browser.sh \
	tests/report/md_golden.sh \
	tests/report/batch_rss.sh
TESTS += $(REPORT_CLI_TESTS)
EXTRA_DIST += $(REPORT_CLI_TESTS) \
	tests/report/data/hostile-name.xml \
	tests/report/data/odd.xml \
	tests/report/data/odd-applied.xml \
	tests/report/data/q35-huge-viommu.xml \
	tests/report/data/no-memory.xml \
	tests/report/golden/one.md tests/report/golden/fleet.md tests/report/golden/hostile.md
# JSON string escaping (core/json.c) at every offset of its block scan.
REPORT_UNIT_TESTS += tests/unit/json_test
tests_unit_json_test_SOURCES = tests/unit/json_test.c
tests_unit_json_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_json_test_LDADD = $(UNIT_LDADD)
# Messages' plain printf conversions by hand (core/fmt_quick.c) against vsnprintf.
REPORT_UNIT_TESTS += tests/unit/fmt_quick_test
tests_unit_fmt_quick_test_SOURCES = tests/unit/fmt_quick_test.c
tests_unit_fmt_quick_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_fmt_quick_test_LDADD = $(UNIT_LDADD)
