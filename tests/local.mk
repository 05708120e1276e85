# tests/: unit tests (cmocka, TAP) and command-line tests (sh, TAP).
