# tests/tui.mk: tests for the tui area (owned by that area; keeps merges apart).
# Pure parts (layout, planner model, host and guest rows) under cmocka.
TUI_UNIT_TESTS = tests/tui/layout_test tests/tui/plan_test tests/tui/views_test \
	tests/tui/keys_test
CMOCKA_TESTS += $(TUI_UNIT_TESTS)
TUI_UNIT_LDADD = tui/libtui.a $(UNIT_LDADD) $(NCURSESW_LIBS)
tests_tui_layout_test_SOURCES = tests/tui/layout_test.c
tests_tui_layout_test_CFLAGS = $(UNIT_CFLAGS)
tests_tui_layout_test_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_tui_layout_test_LDADD = $(TUI_UNIT_LDADD)
tests_tui_plan_test_SOURCES = tests/tui/plan_test.c
tests_tui_plan_test_CFLAGS = $(UNIT_CFLAGS)
tests_tui_plan_test_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_tui_plan_test_LDADD = $(TUI_UNIT_LDADD)
tests_tui_views_test_SOURCES = tests/tui/views_test.c
tests_tui_views_test_CFLAGS = $(UNIT_CFLAGS)
tests_tui_views_test_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_tui_views_test_LDADD = $(TUI_UNIT_LDADD)
tests_tui_keys_test_SOURCES = tests/tui/keys_test.c
tests_tui_keys_test_CFLAGS = $(UNIT_CFLAGS)
tests_tui_keys_test_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests/unit
tests_tui_keys_test_LDADD = $(TUI_UNIT_LDADD)

# Screen tests: the real binary in tmux (skipped when tmux is missing).
TUI_SCREEN_TESTS = \
	tests/tui/start.sh \
	tests/tui/assign.sh \
	tests/tui/edit.sh \
	tests/tui/resize.sh \
	tests/tui/quit.sh \
	tests/tui/tour.sh \
	tests/tui/umockdev.sh \
	tests/tui/valgrind.sh \
	tests/tui/views.sh \
	tests/tui/ctrl_keys.sh \
	tests/tui/resize_stress.sh \
	tests/tui/vanish.sh \
	tests/tui/export_name.sh \
	tests/tui/monkey.sh \
	tests/tui/attrs.sh
TESTS += $(TUI_SCREEN_TESTS)
# Golden screens: the planner headless, whole screens against expected files.
TESTS += tests/tui/screens.sh tests/tui/write.sh tests/tui/explain.sh tests/tui/diff.sh
EXTRA_DIST += tests/tui/screens.sh tests/tui/screens tests/tui/write.sh tests/tui/headless_lib.sh \
	tests/tui/explain.sh tests/tui/diff.sh
EXTRA_DIST += $(TUI_SCREEN_TESTS) tests/tui/tmux_lib.sh tests/tui/data/pseries-64g.xml \
	tests/tui/data/wide-name.xml \
	tests/tui/monkey-keys.awk

# The guest writer behind the planner's w (core/guest_xml_write.c).
check_PROGRAMS += tests/unit/guest_xml_write_test
TESTS += tests/unit/guest_xml_write_test
tests_unit_guest_xml_write_test_SOURCES = tests/unit/guest_xml_write_test.c
tests_unit_guest_xml_write_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_guest_xml_write_test_LDADD = $(UNIT_LDADD)
