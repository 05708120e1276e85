#!/bin/sh
# Installs what memlock-planner needs to build, run and test on Debian 12.
# Safe to run again: apt-get skips what is already there.
set -eu
PKGS="autoconf automake libtool autopoint gettext pkg-config make gcc
      libncurses-dev libxml2-dev libxml2-utils libudev-dev
      umockdev libumockdev-dev libcmocka-dev
      tmux jq pciutils valgrind clang libclang-rt-14-dev locales
      libvirt-dev libvirt-clients libvirt-daemon libpci-dev pci.ids
      chromium tidy poppler-utils stress-ng
      acl attr"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ -n "$missing" ]; then
    echo "installing:$missing" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# The translation tests run under these locales.
need_locales=""
for l in pt_BR de_DE; do
    locale -a 2>/dev/null | grep -qi "^$l\.utf-\?8$" || need_locales="$need_locales $l"
done
if [ -n "$need_locales" ]; then
    for l in $need_locales; do
        $SUDO sed -i "s/^# *\($l\.UTF-8 UTF-8\)/\1/" /etc/locale.gen
        grep -q "^$l.UTF-8 UTF-8" /etc/locale.gen || echo "$l.UTF-8 UTF-8" | $SUDO tee -a /etc/locale.gen >/dev/null
    done
    $SUDO locale-gen >/dev/null
fi
