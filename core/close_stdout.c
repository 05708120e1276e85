#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "close_stdout.h"
#include "i18n.h"

/* fd closed at start: /dev/null opened so that writes (stdout, stderr) or
 * reads (stdin) fail with EBADF, as they would have. */
static void hold(int fd, int flags)
{
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
        return;
    int got = open("/dev/null", flags | O_NOCTTY);
    if (got >= 0 && got != fd) {
        dup2(got, fd);
        close(got);
    }
}

void close_stdout_init(void)
{
    hold(STDIN_FILENO, O_WRONLY);
    hold(STDOUT_FILENO, O_RDONLY);
    hold(STDERR_FILENO, O_RDONLY);
    atexit(close_stdout);
}

static int reported;

void close_stdout_error_reported(void)
{
    reported = 1;
}

void close_stdout(void)
{
    int bad = ferror(stdout);
    int closed = fclose(stdout) == 0;
    int e = errno;
    if ((bad || !closed) && !reported) {
        /* An earlier write's errno is gone: then only "write error". */
        if (closed)
            fprintf(stderr, "memlock-planner: %s\n", _("write error"));
        else
            fprintf(stderr, "memlock-planner: %s: %s\n", _("write error"), strerror(e));
        fflush(stderr);
        _exit(1);
    }
    if (fflush(stderr) != 0 && !reported)
        _exit(1);
}
