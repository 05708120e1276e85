#include "config.h"

#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
#include "libvirt_elf.h"
#include "probe_libvirt.h"

extern char **environ;

bool probe_libvirt_parse_version_line(const char *line, char *buf, size_t len)
{
    /* The last word made of digits and dots with at least one dot. */
    const char *best = NULL;
    size_t best_len = 0;
    for (const char *p = line; *p; ) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *w = p;
        bool digits = true, dot = false;
        while (*p && !isspace((unsigned char)*p)) {
            if (*p == '.')
                dot = true;
            else if (!isdigit((unsigned char)*p))
                digits = false;
            p++;
        }
        if (p > w && digits && dot && isdigit((unsigned char)*w)) {
            best = w;
            best_len = (size_t)(p - w);
        }
    }
    if (!best || best_len >= len)
        return false;
    memcpy(buf, best, best_len);
    buf[best_len] = '\0';
    return true;
}

/* The first line `argv` writes on stdout (at most len - 1 bytes). */
static bool run_first_line(char *const argv[], char *out, size_t len)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return false;
    }
    size_t n = 0;
    ssize_t got;
    while (n + 1 < len && (got = read(fds[0], out + n, len - 1 - n)) != 0) {
        if (got < 0)
            break;
        n += (size_t)got;
    }
    out[n] = '\0';
    close(fds[0]);   /* a command that goes on writing gets SIGPIPE */
    int status;
    while (waitpid(pid, &status, 0) < 0)
        ;
    out[strcspn(out, "\n")] = '\0';
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 && n > 0;
}

/* The executable `cmd` on PATH as execvp finds it (PATH unset: confstr's
 * default), into path; false when there is none. */
static bool on_path(const char *cmd, char *path, size_t len)
{
    const char *dirs = getenv("PATH");
    char def[256];
    if (!dirs) {
        size_t n = confstr(_CS_PATH, def, sizeof(def));
        dirs = n > 0 && n <= sizeof(def) ? def : "/bin:/usr/bin";
    }
    for (const char *p = dirs;; p++) {
        size_t n = strcspn(p, ":");
        int w = n ? snprintf(path, len, "%.*s/%s", (int)n, p, cmd) : snprintf(path, len, "%s", cmd);
        struct stat st;
        if (w > 0 && (size_t)w < len && stat(path, &st) == 0 && S_ISREG(st.st_mode)
            && access(path, X_OK) == 0)
            return true;
        p += n;
        if (!*p)
            return false;
    }
}

bool probe_libvirt_version(char *buf, size_t len, const char **source)
{
    static const struct { const char *cmd, *linked, *asked; } tries[] = {
        { "virtqemud", N_("virtqemud's LIBVIRT_PRIVATE_ symbol version: the QEMU driver daemon"),
          N_("virtqemud --version: the QEMU driver daemon") },
        { "libvirtd", N_("libvirtd's LIBVIRT_PRIVATE_ symbol version: the libvirt daemon"),
          N_("libvirtd --version: the libvirt daemon") },
        { "virsh", N_("virsh's LIBVIRT_PRIVATE_ symbol version: the client library (no daemon "
                      "found)"),
          N_("virsh --version: the client library (no daemon found)") },
    };
    for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
        char path[4096];
        if (!on_path(tries[i].cmd, path, sizeof(path)))
            continue;
        /* Read from the program's file, as the dynamic linker will match it,
         * rather than started: a daemon's start-up (tens of libraries) costs
         * more than the rest of a probe. A program that is no such ELF file
         * (a wrapper script, a static build) is asked instead. */
        if (libvirt_elf_release_file(path, buf, len)) {
            *source = tries[i].linked;
            return true;
        }
        char line[256];
        char *argv[] = { (char *)tries[i].cmd, (char *)"--version", NULL };
        if (run_first_line(argv, line, sizeof(line))
            && probe_libvirt_parse_version_line(line, buf, len)) {
            *source = tries[i].asked;
            return true;
        }
    }
    return false;
}
