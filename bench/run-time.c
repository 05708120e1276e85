/* Runs a command with its output thrown away and prints its wall-clock and
 * CPU (user + system, from wait4) time in nanoseconds: the benchmarks need
 * finer than GNU time's 10 ms, and CPU time holds still on a busy machine
 * where wall time does not. With --rss first, a third number: the command's
 * peak resident set size in KiB (wait4's ru_maxrss of this small process's
 * child, so no large parent's pages count). Exit status: the command's. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long ns(const struct timespec *t)
{
    return (long long)t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(int argc, char **argv)
{
    int rss = argc > 1 && !strcmp(argv[1], "--rss");
    if (rss) {
        argv++;
        argc--;
    }
    if (argc < 2) {
        fputs("usage: run-time [--rss] COMMAND [ARG...]\n", stderr);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("run-time: fork");
        return 1;
    }
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int st;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0) {
        perror("run-time: wait4");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long cpu = ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
                    ((long long)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
    if (rss)
        printf("%lld %lld %ld\n", ns(&t1) - ns(&t0), cpu, ru.ru_maxrss);
    else
        printf("%lld %lld\n", ns(&t1) - ns(&t0), cpu);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
