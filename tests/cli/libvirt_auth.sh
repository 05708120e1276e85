#!/bin/sh
# Authentication refused: a real libvirtd (session mode, as an unprivileged
# user, sockets in a temporary folder) that demands SASL; without a terminal
# nobody can answer, so every command says so in one line, exit 2, and
# prints no prompt.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/libvirt.sh"
lv_built || { plan 1; skip "built without libvirt (libvirt_connect.sh checks the refusal)"; exit 0; }
command -v libvirtd >/dev/null 2>&1 || { plan 1; skip "libvirtd is not installed (libvirt-daemon)"; exit 0; }
d="$TMPDIR_TEST/lvd"
mkdir -p "$d/cfg/libvirt" "$d/rt" "$d/cache" "$d/data"
printf 'auth_unix_ro = "sasl"\nauth_unix_rw = "sasl"\n' >"$d/cfg/libvirt/libvirtd.conf"
run_as=""
if [ "$(id -u)" -eq 0 ]; then
    # As root libvirtd would be the system daemon: run it as nobody instead.
    chmod 0711 "$TMPDIR_TEST"
    chown -R nobody "$d"
    run_as="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
fi
$run_as env HOME="$d" XDG_CONFIG_HOME="$d/cfg" XDG_RUNTIME_DIR="$d/rt" XDG_CACHE_HOME="$d/cache" \
    XDG_DATA_HOME="$d/data" libvirtd --timeout 60 >"$d/log" 2>&1 </dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$TMPDIR_TEST"' EXIT
sock="$d/rt/libvirt/libvirt-sock"
i=0
while [ ! -S "$sock" ] && [ "$i" -lt 300 ] && kill -0 "$pid" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
if [ ! -S "$sock" ]; then
    plan 1
    skip "libvirtd did not start here"
    diag "$(tail -n 5 "$d/log")"
    exit 0
fi
uri="test+unix:///default?socket=$sock"
# Sanitizer builds: a leak inside libsasl2, not ours.
LSAN_OPTIONS="suppressions=$LV_DATA/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export LSAN_OPTIONS
for cmd in calc apply; do
    run_mp "$cmd" --host none --connect "$uri" test </dev/null
    expect_one_line "$cmd: authentication refused" "$uri: authentication refused (virConnectOpenAuth: authentication failed"
done
run_mp report --host none --connect "$uri" --all </dev/null
expect_one_line "report --all: authentication refused" "authentication refused"
plan_done
