#!/bin/sh
# Stands in for the unit tests when configure found no cmocka.
echo "1..0 # SKIP cmocka is not installed (libcmocka-dev): the unit tests were not built"
