#include "config.h"

#include <ctype.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "i18n.h"
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

bool probe_libvirt_version(char *buf, size_t len, const char **source)
{
    static const struct { const char *cmd; const char *source; } tries[] = {
        { "virtqemud", N_("virtqemud --version: the QEMU driver daemon") },
        { "libvirtd", N_("libvirtd --version: the libvirt daemon") },
        { "virsh", N_("virsh --version: the client library (no daemon found)") },
    };
    for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
        char line[256];
        char *argv[] = { (char *)tries[i].cmd, (char *)"--version", NULL };
        if (run_first_line(argv, line, sizeof(line))
            && probe_libvirt_parse_version_line(line, buf, len)) {
            *source = tries[i].source;
            return true;
        }
    }
    return false;
}
