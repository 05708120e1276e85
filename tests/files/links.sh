#!/bin/sh
# -o through links, as a hostile local user would plant them: a link another
# user planted in a sticky world-writable folder is never followed (the
# kernel's protected_symlinks rule, even where fs.protected_symlinks is 0), a
# dangling link is refused and stays a link, another user's file keeps its
# owner, ACL and extended attributes.
. "$srcdir/tests/lib.sh"
t="$TMPDIR_TEST"
chmod 0755 "$t"
g="$srcdir/tests/data/calc/pseries-hostdev.xml"
odd="$srcdir/tests/report/data/odd.xml"
root=no
[ "$(id -u)" -eq 0 ] && root=yes
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }

is_link() { # PATH NAME
    if [ -L "$1" ]; then ok "$2: still a link"; else fail "$2: still a link"; fi
}
no_temp() { # DIR NAME
    is "$(find "$1" -name '.*.??????' | wc -l)" 0 "$2: no temporary file left"
}

# A link planted by nobody in a sticky folder, naming a root-owned file.
mkdir "$t/sticky" && chmod 1777 "$t/sticky"
echo "precious" > "$t/victim"
if [ $root = yes ] && as_nobody true 2>/dev/null; then
    as_nobody ln -s "$t/victim" "$t/sticky/out"
    for cmd in "report --host none -o $t/sticky/out $g" \
               "apply --host none -o $t/sticky/out $odd" \
               "record --host demo:ac922 -o $t/sticky/out"; do
        name="planted link: ${cmd%% *}"
        run_mp $cmd
        is "$RC" 2 "$name: refused (exit 2)"
        is "$(printf '%s\n' "$ERR" | grep -c .)" 1 "$name: one message"
        like "$ERR" "symbolic link" "$name: says why"
        is "$(cat "$t/victim")" "precious" "$name: the file it names is untouched"
        is_link "$t/sticky/out" "$name"
        no_temp "$t/sticky" "$name"
    done
    # A FIFO planted by nobody: not written into (as protected_fifos), even with a reader.
    as_nobody mkfifo -m 0666 "$t/sticky/fifo"
    ( timeout 20 cat "$t/sticky/fifo" > "$t/leaked" ) &
    reader=$!
    sleep 0.2
    run_mp report --host none -o "$t/sticky/fifo" "$g"
    is "$RC" 2 "planted FIFO: refused"
    like "$ERR" "FIFO or device another user owns" "planted FIFO: says why"
    kill $reader 2>/dev/null; wait $reader 2>/dev/null
    is "$(cat "$t/leaked")" "" "planted FIFO: nothing written into it"
    # A regular file planted by nobody: not taken over (as protected_regular).
    as_nobody sh -c "echo theirs > '$t/sticky/report.md'"
    run_mp report --host none --format md -o "$t/sticky/report.md" "$g"
    is "$RC" 2 "planted file: refused"
    like "$ERR" "a file another user owns" "planted file: says why"
    is "$(cat "$t/sticky/report.md")" "theirs" "planted file: untouched, our report not handed over"
    # A planted link as an input: not followed either (it could name any
    # file root may read, and its first bytes would show in the message).
    g_abs=$(cd "$(dirname "$g")" && pwd)/$(basename "$g")
    as_nobody ln -s "$g_abs" "$t/sticky/guest.xml"
    run_mp calc --host none "$t/sticky/guest.xml"
    is "$RC" 2 "planted link as a guest XML: refused"
    like "$ERR" "symbolic link another user owns" "planted link as a guest XML: says why"
    "$MP" record --host demo:ac922 -o "$t/host.snap"
    as_nobody ln -s "$t/host.snap" "$t/sticky/host.snap"
    run_mp probe --host "$t/sticky/host.snap"
    is "$RC" 2 "planted link as a snapshot: refused"
    if "$MP" explain --help > /dev/null 2>&1; then
        log_abs=$(cd "$srcdir/tests/data/logs" && pwd)/pc-locked-mlock.log
        as_nobody ln -s "$log_abs" "$t/sticky/qemu.log"
        run_mp explain "$t/sticky/qemu.log"
        is "$RC" 2 "planted link as a log (explain): refused"
    else
        skip "explain is not built"
    fi
    ln -s "$g_abs" "$t/sticky/mine.xml"
    run_mp calc --host none "$t/sticky/mine.xml"
    is "$RC" 0 "own link as an input in a sticky folder: followed"
    # The folder of the name is the planted link.
    as_nobody ln -s "$t" "$t/sticky/dir"
    run_mp report --host none -o "$t/sticky/dir/victim" "$g"
    is "$RC" 2 "planted folder link: refused"
    is "$(cat "$t/victim")" "precious" "planted folder link: the file behind it is untouched"
    # The planted link deeper in the path: every component is checked.
    mkdir "$t/sub"
    echo precious > "$t/sub/victim2"
    as_nobody ln -s "$t" "$t/sticky/deep"
    run_mp report --host none -o "$t/sticky/deep/sub/victim2" "$g"
    is "$RC" 2 "planted link mid-path: refused"
    is "$(cat "$t/sub/victim2")" "precious" "planted link mid-path: the file behind it is untouched"
    cp "$g" "$t/sub/in.xml"
    run_mp calc --host none "$t/sticky/deep/sub/in.xml"
    is "$RC" 2 "planted link mid-path of an input: refused"
    ln -s "$t" "$t/sticky/mydeep"
    run_mp report --host none -o "$t/sticky/mydeep/sub/mine.txt" "$g"
    is "$RC" 0 "own link mid-path: followed"
    # Root's own link in the same folder is followed.
    ln -s "$t/mine.txt" "$t/sticky/mine"
    echo old > "$t/mine.txt"
    run_mp report --host none -o "$t/sticky/mine" "$g"
    is "$RC" 0 "own link in a sticky folder: followed"
    like "$(cat "$t/mine.txt")" "hard_limit" "own link: the file behind it has the report"
    is_link "$t/sticky/mine" "own link"
else
    for i in $(seq 38); do
        skip "planted link: needs root to plant as nobody"
    done
fi

# A dangling link: refused, not replaced by a file, its target not created.
ln -s "$t/nowhere.txt" "$t/dangling"
run_mp report --host none -o "$t/dangling" "$g"
is "$RC" 2 "dangling link: refused (exit 2)"
like "$ERR" "does not exist" "dangling link: says why"
is_link "$t/dangling" "dangling link"
[ -e "$t/nowhere.txt" ] && fail "dangling link: target not created" \
    || ok "dangling link: target not created"

# A FIFO nobody reads: refused at once, not waited on.
mkfifo "$t/noreader"
timeout 60 "$MP" report --host none -o "$t/noreader" "$g" > /dev/null 2> "$t/err"
is "$?" 2 "FIFO with no reader: refused (no hang)"
like "$(cat "$t/err")" "nobody reads" "FIFO with no reader: says why"

# Another user's file, replaced by root: owner, group and mode stay.
if [ $root = yes ]; then
    cp "$odd" "$t/theirs.xml"
    chown 65534:65534 "$t/theirs.xml"
    chmod 0640 "$t/theirs.xml"
    run_mp apply --host none -o "$t/theirs.xml" "$t/theirs.xml"
    is "$RC" 0 "another user's file: written"
    like "$(cat "$t/theirs.xml")" "hard_limit" "another user's file: new content"
    is "$(stat -c '%u:%g %a' "$t/theirs.xml")" "65534:65534 640" "another user's file: owner, group, mode kept"
else
    skip "owner kept: root only"; skip "owner kept: root only"; skip "owner kept: root only"
fi

# ACL and extended attributes (setfacl from acl, setfattr from attr).
echo old > "$t/acl.md"
if command -v setfacl >/dev/null && setfacl -m u:nobody:r "$t/acl.md" 2>/dev/null &&
   setfattr -n user.mp -v kept "$t/acl.md" 2>/dev/null; then
    before=$(getfacl -cp "$t/acl.md" 2>/dev/null)
    run_mp report --host none --format md -o "$t/acl.md" "$g"
    is "$RC" 0 "ACL file: written"
    is "$(getfacl -cp "$t/acl.md" 2>/dev/null)" "$before" "ACL file: ACL kept"
    is "$(getfattr --only-values -n user.mp "$t/acl.md" 2>/dev/null)" "kept" "ACL file: xattr kept"
else
    skip "ACL: no setfacl/setfattr or no support"; skip "ACL"; skip "xattr"
fi

# A folder with a default ACL: a replaced file without an ACL gets none.
mkdir "$t/dacl"
echo old > "$t/dacl/plain.md"
if command -v setfacl >/dev/null && setfacl -b "$t/dacl/plain.md" 2>/dev/null &&
   setfacl -d -m u:nobody:rw "$t/dacl" 2>/dev/null; then
    before=$(getfacl -cp "$t/dacl/plain.md" 2>/dev/null)
    run_mp report --host none --format md -o "$t/dacl/plain.md" "$g"
    is "$RC" 0 "default ACL folder: written"
    is "$(getfacl -cp "$t/dacl/plain.md" 2>/dev/null)" "$before" "default ACL folder: no ACL added to the replaced file"
    run_mp report --host none --format md -o "$t/dacl/new.md" "$g"
    like "$(getfacl -cp "$t/dacl/new.md" 2>/dev/null)" "user:nobody:rw" "default ACL folder: a new file inherits it"
else
    skip "default ACL: no setfacl or no support"; skip "default ACL"; skip "default ACL"
fi

# Names too long: refused before anything is written.
long=$(printf '%0250d' 0)
run_mp report --host none -o "$t/$long" "$g"
is "$RC" 2 "name past NAME_MAX with the temporary suffix: exit 2"
like "$ERR" "longer than" "long name: says so"
no_temp "$t" "long name"
plan_done
