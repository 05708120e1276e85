# tests/probe.mk: tests for the probe area (owned by that area; keeps merges apart).
