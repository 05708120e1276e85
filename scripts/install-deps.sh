#!/bin/sh
# Installs what memlock-planner needs to build, run and test on Debian 12.
# Safe to run again: apt-get skips what is already there.
set -eu
PKGS="autoconf automake libtool autopoint gettext pkg-config make gcc
      libncurses-dev libxml2-dev libxml2-utils libudev-dev
      umockdev libumockdev-dev libcmocka-dev
      tmux jq pciutils valgrind clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
