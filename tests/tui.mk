# tests/tui.mk: tests for the tui area (owned by that area; keeps merges apart).
