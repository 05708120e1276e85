# tests/report.mk: tests for the report area (owned by that area; keeps merges apart).
