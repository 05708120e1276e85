# tests/xml.mk: tests for the xml area (owned by that area; keeps merges apart).
