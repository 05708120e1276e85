/* Atomic writes: the new content whole, or the old file untouched and no
 * temporary file left behind. */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic_file.h"
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

/* Files in the test folder other than the named ones: leftovers. */
static int leftovers(void)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
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
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
