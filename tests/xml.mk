# tests/xml.mk: tests for the xml area (owned by that area; keeps merges apart).
CMOCKA_TESTS += tests/unit/guest_xml_test
tests_unit_guest_xml_test_SOURCES = tests/unit/guest_xml_test.c
tests_unit_guest_xml_test_CFLAGS = $(UNIT_CFLAGS)
tests_unit_guest_xml_test_LDADD = $(UNIT_LDADD)

# The example guests of data/guests through the real binary.
TESTS += tests/cli/example_guests.sh
EXTRA_DIST += tests/cli/example_guests.sh
