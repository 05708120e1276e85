# tests/diagnosis.mk: the computed breakdown, --check, diff, headroom, fleet
# and guests cross-checks (owned by that area; keeps merges apart).
DIAGNOSIS_CLI_TESTS = \
	tests/diagnosis/computed.sh \
	tests/diagnosis/check.sh \
	tests/diagnosis/diff.sh \
	tests/diagnosis/headroom.sh \
	tests/diagnosis/guests_check.sh \
	tests/diagnosis/tui_computed.sh \
	tests/diagnosis/capacity_fleet.sh
TESTS += $(DIAGNOSIS_CLI_TESTS)
EXTRA_DIST += $(DIAGNOSIS_CLI_TESTS) tests/diagnosis/x86_guest.sh
