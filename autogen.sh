#!/bin/sh
# Regenerates the build system from configure.ac and Makefile.am (a plain
# autoreconf; nothing is patched afterwards).
set -e
cd "$(dirname "$0")"
autoreconf --force --install -Wall
