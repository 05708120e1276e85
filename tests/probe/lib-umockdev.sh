# Shared by the umockdev probe tests: source after tests/lib.sh.
# umock_json HOSTTAB [DT]: probe --format json of that fake host into $OUT/$RC.
# Skips the whole script (TAP) when umockdev-run is not there.
: "${UMOCKDEV_RUN:=$(command -v umockdev-run || true)}"
if [ -z "$UMOCKDEV_RUN" ] || [ ! -x "$UMOCKDEV_RUN" ]; then
    echo "1..0 # SKIP umockdev-run not installed"
    exit 0
fi
command -v jq >/dev/null || { echo "1..0 # SKIP jq not installed"; exit 0; }
HOSTGEN="$srcdir/tests/probe/umockdev-host.sh"
# Host files outside /sys come from a stub root (umockdev provides /sys):
# /dev/kvm there, no pci.ids (names stay numeric whatever this machine has),
# no libvirt or pam configuration. Tests add files under $HOSTROOT.
HOSTROOT="$TMPDIR_TEST/root"
mkdir -p "$HOSTROOT/dev" "$HOSTROOT/proc"
: > "$HOSTROOT/dev/kvm"
MEMLOCK_PLANNER_ROOT=$HOSTROOT
export MEMLOCK_PLANNER_ROOT

# umock_exec RECORD SETUP-SHELL-CODE ARGS...: the planner under umockdev with
# the devices of RECORD, after SETUP ran ($UMOCKDEV_DIR set; $HOSTGEN
# available); sets OUT, ERR and RC.
umock_exec() {
    rec=$1 setup=$2; shift 2
    HOSTGEN=$HOSTGEN "$UMOCKDEV_RUN" -d "$rec" -- sh -c '
        eval "$0" || exit 99
        exec "$@"' "$setup" "$MP" "$@" >"$TMPDIR_TEST/out" 2>"$TMPDIR_TEST/err"
    RC=$?
    OUT=$(cat "$TMPDIR_TEST/out")
    ERR=$(cat "$TMPDIR_TEST/err")
}
# umock_run HOSTTAB DT|- SETUP ARGS...: the same for a host table (and its
# device tree), populated before SETUP.
umock_run() {
    tab=$1 dt=$2 setup=$3; shift 3
    sh "$HOSTGEN" record "$tab" > "$TMPDIR_TEST/host.umockdev"
    [ "$dt" = - ] && dt=""
    umock_exec "$TMPDIR_TEST/host.umockdev" \
        "sh \"\$HOSTGEN\" populate '$tab' ${dt:+"'$dt'"} && $setup" "$@"
}
# jqo FILTER: applies FILTER to $OUT (raw output).
jqo() { printf '%s\n' "$OUT" | jq -r "$1"; }
