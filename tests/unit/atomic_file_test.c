/* Atomic writes: the new content whole, or the old file untouched and no
 * temporary file left behind. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "atomic_file.h"
#include "signal_cleanup.h"
#include "test_util.h"
#include "xalloc.h"

static char dir[] = "/tmp/mp-atomic.XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char *cmd = xasprintf("rm -rf '%s'", dir);
    int rc = system(cmd);
    free(cmd);
    return rc;
}

static char *path_in(const char *name)
{
    return xasprintf("%s/%s", dir, name);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = xcalloc(1, 1 << 20);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* Dot files in `sub`: temporary files left behind. */
static int leftovers_in(const char *sub)
{
    DIR *d = opendir(sub);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static int leftovers(void)
{
    return leftovers_in(dir);
}

static void assert_content(const char *path, const char *want)
{
    char *got = slurp(path);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_new_file(void **state)
{
    (void)state;
    char *p = path_in("new.txt");
    struct mp_error err = { 0 };
    mode_t mask = umask(022);
    assert_int_equal(atomic_file_write_buf(p, "hello\n", 6, &err), 0);
    umask(mask);
    char *got = slurp(p);
    assert_string_equal(got, "hello\n");
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(leftovers(), 0);
    free(got);
    free(p);
}

static void test_replace_keeps_mode(void **state)
{
    (void)state;
    char *p = path_in("keep.txt");
    put_file(p, "old content\n");
    assert_int_equal(chmod(p, 0640), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(p, "new\n", 4, &err), 0);
    char *got = slurp(p);
    assert_string_equal(got, "new\n");
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    free(got);
    free(p);
}

static int fill_half_then_fail(FILE *out, void *ctx, struct mp_error *err)
{
    (void)ctx;
    fputs("partial", out);
    return mp_error_set(err, MP_ERR_INPUT, "%s", "the content could not be made");
}

static void test_fill_fails(void **state)
{
    (void)state;
    char *p = path_in("fill.txt");
    put_file(p, "old content\n");
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write(p, fill_half_then_fail, NULL, &err), -1);
    assert_string_equal(err.text, "the content could not be made");
    char *got = slurp(p);
    assert_string_equal(got, "old content\n");
    assert_int_equal(leftovers(), 0);
    free(got);
    free(p);
}

/* A write that fails halfway (file size limit: EFBIG, even for root). */
static void test_write_error(void **state)
{
    (void)state;
    char *p = path_in("big.txt");
    put_file(p, "old content\n");
    size_t len = 256 * 1024;
    char *big = xmalloc(len);
    memset(big, 'x', len);
    struct rlimit old, small = { 4096, 0 };
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small.rlim_max = old.rlim_max;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    struct mp_error err = { 0 };
    int rc = atomic_file_write_buf(p, big, len, &err);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, prev);
    assert_int_equal(rc, -1);
    assert_int_equal(err.kind, MP_ERR_INTERNAL);
    assert_non_null(strstr(err.text, p));
    char *got = slurp(p);
    assert_string_equal(got, "old content\n");
    assert_int_equal(leftovers(), 0);
    free(got);
    free(big);
    free(p);
}

static void test_refused_targets(void **state)
{
    (void)state;
    struct mp_error err = { 0 };
    /* A folder. */
    assert_int_equal(atomic_file_write_buf(dir, "x", 1, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "folder"));
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    /* Devices are written in place, never renamed over (root could). */
    memset(&err, 0, sizeof(err));
    assert_int_equal(atomic_file_write_buf("/dev/null", "x", 1, &err), 0);
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_int_equal(atomic_file_write_buf("/dev/full", "x", 1, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INTERNAL);
    assert_non_null(strstr(err.text, "/dev/full"));
    assert_int_equal(stat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    /* A missing folder. */
    char *p = path_in("missing/out.txt");
    memset(&err, 0, sizeof(err));
    assert_int_equal(atomic_file_write_buf(p, "x", 1, &err), -1);
    assert_non_null(strstr(err.text, p));
    free(p);
    /* A trailing slash. */
    memset(&err, 0, sizeof(err));
    assert_int_equal(atomic_file_write_buf("out/", "x", 1, &err), -1);
    assert_int_equal(leftovers(), 0);
}

/* A folder the writer may not write to. Root may write anywhere, so the
 * attempt runs in a child that has become nobody. */
static void test_read_only_folder(void **state)
{
    (void)state;
    char *sub = path_in("ro");
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(chmod(dir, 0755), 0);
    char *p = xasprintf("%s/out.txt", sub);
    put_file(p, "old\n");
    assert_int_equal(chmod(p, 0666), 0);
    assert_int_equal(chmod(sub, 0555), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(3);
        struct mp_error err = { 0 };
        int rc = atomic_file_write_buf(p, "new\n", 4, &err);
        _exit(rc == -1 && err.kind == MP_ERR_INTERNAL && strstr(err.text, "temporary") ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    chmod(sub, 0755);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    char *got = slurp(p);
    assert_string_equal(got, "old\n");
    assert_int_equal(leftovers(), 0);
    free(got);
    free(p);
    free(sub);
}

/* A link to a file stays a link; the file behind it gets the content. */
static void test_symlink(void **state)
{
    (void)state;
    char *p = path_in("real.txt"), *l = path_in("link.txt");
    put_file(p, "old\n");
    assert_int_equal(symlink("real.txt", l), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(l, "new\n", 4, &err), 0);
    struct stat st;
    assert_int_equal(lstat(l, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    char *got = slurp(p);
    assert_string_equal(got, "new\n");
    free(got);
    free(p);
    free(l);
}

/* A bare file name: the temporary file goes into the current folder. */
static void test_relative_name(void **state)
{
    (void)state;
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(dir), 0);
    struct mp_error err = { 0 };
    int rc = atomic_file_write_buf("rel.txt", "rel\n", 4, &err);
    assert_int_equal(chdir(cwd), 0);
    assert_int_equal(rc, 0);
    char *p = path_in("rel.txt");
    char *got = slurp(p);
    assert_string_equal(got, "rel\n");
    free(got);
    free(p);
}

/* The writer against a hostile local user and hostile exits: links planted in
 * sticky folders, dangling links, other users' files, ACLs and extended
 * attributes, over-long names, signals and SIGKILL in the middle of a write. */

#define NOBODY 65534

/* `path` is still a symbolic link; its lstat in `st`. */
static void assert_is_link(const char *path, struct stat *st)
{
    assert_int_equal(lstat(path, st), 0);
    assert_true(S_ISLNK(st->st_mode));
}

/* Runs `fn(arg)` in a child that became nobody; returns its exit status. */
static int as_nobody(void (*fn)(const char *, const char *), const char *a, const char *b)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0)
            _exit(3);
        fn(a, b);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void plant_link(const char *target, const char *link)
{
    if (symlink(target, link) != 0)
        _exit(4);
}

/* A sticky world-writable folder (/tmp's kind) inside the test folder. */
static char *sticky_dir(const char *name)
{
    char *s = path_in(name);
    assert_int_equal(mkdir(s, 0777), 0);
    assert_int_equal(chmod(s, 01777), 0);
    return s;
}

/* Another user's link in a sticky folder: root does not follow it (the
 * kernel's protected_symlinks rule), the file it names stays as it was and
 * the link stays a link. */
static void test_planted_link(void **state)
{
    (void)state;
    if (geteuid() != 0) {
        skip();
        return;
    }
    assert_int_equal(chmod(dir, 0755), 0);  /* nobody plants inside */
    char *victim = path_in("victim.conf");
    put_file(victim, "precious\n");
    char *s = sticky_dir("sticky1");
    char *link = xasprintf("%s/report.txt", s);
    assert_int_equal(as_nobody(plant_link, victim, link), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(link, "owned\n", 6, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "symbolic link"));
    assert_non_null(strstr(err.text, link));
    assert_content(victim, "precious\n");
    struct stat st;
    assert_is_link(link, &st);
    assert_int_equal(st.st_uid, NOBODY);
    assert_int_equal(leftovers_in(s), 0);
    /* A planted link to a folder, used as the folder of the name. */
    char *dlink = xasprintf("%s/d", s);
    assert_int_equal(as_nobody(plant_link, dir, dlink), 0);
    char *through = xasprintf("%s/victim.conf", dlink);
    memset(&err, 0, sizeof(err));
    assert_int_equal(atomic_file_write_buf(through, "owned\n", 6, &err), -1);
    assert_non_null(strstr(err.text, "symbolic link"));
    assert_content(victim, "precious\n");
    free(through);
    free(dlink);
    free(link);
    free(s);
    free(victim);
}

/* The caller's own link in a sticky folder, and a link in an ordinary
 * folder, are followed: the file they name gets the content. */
static void test_own_link_followed(void **state)
{
    (void)state;
    char *real = path_in("mine.txt");
    put_file(real, "old\n");
    char *s = sticky_dir("sticky2");
    char *link = xasprintf("%s/mine-link.txt", s);
    assert_int_equal(symlink(real, link), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(link, "new\n", 4, &err), 0);
    assert_content(real, "new\n");
    struct stat st;
    assert_is_link(link, &st);
    /* A chain: link -> link -> file, relative texts. */
    char *l2 = path_in("chain2");
    char *l1 = path_in("chain1");
    assert_int_equal(symlink("mine.txt", l2), 0);
    assert_int_equal(symlink("chain2", l1), 0);
    assert_int_equal(atomic_file_write_buf(l1, "chained\n", 8, &err), 0);
    assert_content(real, "chained\n");
    assert_is_link(l1, &st);
    assert_is_link(l2, &st);
    free(l1);
    free(l2);
    free(link);
    free(s);
    free(real);
}

/* A dangling link is refused: neither replaced by a file nor its target created. */
static void test_dangling_link(void **state)
{
    (void)state;
    char *link = path_in("dangling.txt");
    char *target = path_in("nowhere.txt");
    assert_int_equal(symlink("nowhere.txt", link), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(link, "x\n", 2, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "does not exist"));
    struct stat st;
    assert_is_link(link, &st);
    assert_int_equal(lstat(target, &st), -1);
    assert_int_equal(errno, ENOENT);
    free(target);
    free(link);
}

/* Root replacing another user's file keeps its owner, group and mode. */
static void test_owner_kept(void **state)
{
    (void)state;
    if (geteuid() != 0) {
        skip();
        return;
    }
    char *p = path_in("theirs.txt");
    put_file(p, "old\n");
    assert_int_equal(chown(p, NOBODY, NOBODY), 0);
    assert_int_equal(chmod(p, 0604), 0);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(p, "new\n", 4, &err), 0);
    assert_content(p, "new\n");
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_uid, NOBODY);
    assert_int_equal(st.st_gid, NOBODY);
    assert_int_equal(st.st_mode & 07777, 0604);
    free(p);
}

/* Extended attributes and a POSIX ACL survive the replacement. */
static void test_xattrs_kept(void **state)
{
    (void)state;
    char *p = path_in("labelled.txt");
    put_file(p, "old\n");
    if (setxattr(p, "user.mp-test", "kept", 4, 0) != 0) {
        skip();  /* no user xattrs on this file system */
        free(p);
        return;
    }
    /* An ACL entry for nobody, as setfacl -m u:nobody:r writes it. */
    char *cmd = xasprintf("setfacl -m u:nobody:r '%s' 2>/dev/null", p);
    int acl = system(cmd) == 0;
    free(cmd);
    char before[256] = "";
    ssize_t nb = acl ? getxattr(p, "system.posix_acl_access", before, sizeof(before)) : -1;
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(p, "new\n", 4, &err), 0);
    assert_content(p, "new\n");
    char val[16] = "";
    assert_int_equal(getxattr(p, "user.mp-test", val, sizeof(val)), 4);
    assert_memory_equal(val, "kept", 4);
    if (acl) {
        char after[256] = "";
        assert_true(nb > 0);
        assert_int_equal(getxattr(p, "system.posix_acl_access", after, sizeof(after)), nb);
        assert_memory_equal(after, before, (size_t)nb);
    }
    free(p);
}

/* Names too long for the folder or for the temporary name: refused before
 * anything is created. */
static void test_long_names(void **state)
{
    (void)state;
    char *sub = path_in("long");
    assert_int_equal(mkdir(sub, 0755), 0);
    /* Fits NAME_MAX itself but not with ".NAME.XXXXXX". */
    char base[NAME_MAX + 1];
    memset(base, 'a', NAME_MAX - 4);
    base[NAME_MAX - 4] = '\0';
    char *p = xasprintf("%s/%s", sub, base);
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(p, "x", 1, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "longer than"));
    assert_int_equal(leftovers_in(sub), 0);
    free(p);
    /* Longer than PATH_MAX. */
    char *huge = xmalloc(PATH_MAX + 16);
    memset(huge, 'b', PATH_MAX + 15);
    huge[PATH_MAX + 15] = '\0';
    memset(&err, 0, sizeof(err));
    assert_int_equal(atomic_file_write_buf(huge, "x", 1, &err), -1);
    assert_int_equal(err.kind, MP_ERR_INPUT);
    assert_non_null(strstr(err.text, "longer than"));
    /* Not echoed whole: the message stays one sentence of bounded size. */
    assert_true(strlen(err.text) < sizeof(err.text));
    free(huge);
    DIR *d = opendir(sub);
    int n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    assert_int_equal(n, 2);
    free(sub);
}

static volatile int fill_signal;

/* Writes half a megabyte, then the signal arrives in the middle. */
static int fill_then_signal(FILE *out, void *ctx, struct mp_error *err)
{
    (void)ctx;
    (void)err;
    for (int i = 0; i < 4096; i++) {
        fputs("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
              "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", out);
        if (i == 2048)
            raise(fill_signal);
    }
    return 0;
}

static char restored_marker[256];

/* The planner's terminal restore, as tui/crt.c registers it: here it leaves
 * a file behind (open and close are async-signal-safe). */
static void mark_restored(void)
{
    int fd = open(restored_marker, O_WRONLY | O_CREAT, 0600);
    if (fd >= 0)
        close(fd);
}

/* TERM, HUP, INT, PIPE, QUIT in the middle of a write: the program dies of
 * that signal, the temporary file is gone, the old file is whole and the
 * terminal restore ran. */
static void test_signals_remove_temp(void **state)
{
    (void)state;
    static const int sigs[] = { SIGTERM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT };
    char *sub = path_in("signals");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *p = xasprintf("%s/report.txt", sub);
    put_file(p, "old\n");
    snprintf(restored_marker, sizeof(restored_marker), "%s/restored", dir);
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            struct rlimit none = { 0, 0 };
            setrlimit(RLIMIT_CORE, &none);  /* QUIT dumps no core here */
            signal(sigs[i], SIG_DFL);
            signal_cleanup_set_restore(mark_restored);
            fill_signal = sigs[i];
            struct mp_error err = { 0 };
            atomic_file_write(p, fill_then_signal, NULL, &err);
            _exit(0);
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[i]);
        assert_int_equal(leftovers_in(sub), 0);
        assert_int_equal(unlink(restored_marker), 0);  /* the restore ran */
        assert_content(p, "old\n");
    }
    /* An ignored signal stays ignored: the write completes. */
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN);
        fill_signal = SIGPIPE;
        struct mp_error err = { 0 };
        _exit(atomic_file_write(p, fill_then_signal, NULL, &err) == 0 ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(leftovers_in(sub), 0);
    free(p);
    free(sub);
}

/* SIGKILL cannot be caught: one temporary file stays, and the next write
 * into the folder neither trips over it nor touches it. */
static void test_sigkill_leftover(void **state)
{
    (void)state;
    char *sub = path_in("killed");
    assert_int_equal(mkdir(sub, 0755), 0);
    char *p = xasprintf("%s/report.txt", sub);
    put_file(p, "old\n");
    for (int round = 0; round < 3; round++) {
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            fill_signal = SIGKILL;
            struct mp_error err = { 0 };
            atomic_file_write(p, fill_then_signal, NULL, &err);
            _exit(0);
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(leftovers_in(sub), round + 1);
    }
    struct mp_error err = { 0 };
    assert_int_equal(atomic_file_write_buf(p, "new\n", 4, &err), 0);
    assert_content(p, "new\n");
    assert_int_equal(leftovers_in(sub), 3);
    free(p);
    free(sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_file),
        cmocka_unit_test(test_replace_keeps_mode),
        cmocka_unit_test(test_fill_fails),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_refused_targets),
        cmocka_unit_test(test_read_only_folder),
        cmocka_unit_test(test_symlink),
        cmocka_unit_test(test_relative_name),
        cmocka_unit_test(test_planted_link),
        cmocka_unit_test(test_own_link_followed),
        cmocka_unit_test(test_dangling_link),
        cmocka_unit_test(test_owner_kept),
        cmocka_unit_test(test_xattrs_kept),
        cmocka_unit_test(test_long_names),
        cmocka_unit_test(test_signals_remove_temp),
        cmocka_unit_test(test_sigkill_leftover),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
