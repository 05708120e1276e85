#!/bin/sh
. "$srcdir/tests/lib.sh"
plan_done
