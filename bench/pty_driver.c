/* pty_driver: runs a full-screen program on a pseudo-terminal and measures
 * it, for bench/tui-bench.sh (built by `make bench` only).
 *
 *   pty_driver [-s COLSxROWS] [-m MARKER] [-k KEYFILE] [-n KEYS] [-S N]...
 *              [-q QUITKEYS] -- PROGRAM ARGS...
 *
 * First frame: the time from the fork to the last byte of the program's
 * first burst of output that contains MARKER (the burst ends when the
 * output has been quiet for 50 ms, which is not counted).
 * Keys: KEYS keys taken in turn from KEYFILE (one key a line, with \e \t \r
 * \n \\ \xNN escapes), each sent when the program is idle again: its input
 * read, the program asleep and its output drained. So every key is drawn
 * (curses skips output while typeahead is pending) and the CPU time per key
 * is the program's own (from /proc/PID/schedstat).
 * -S N samples the program's VmRSS after N keys (repeatable); VmHWM (its
 * peak RSS) is read before QUITKEYS (default "q") are sent and the program
 * is reaped with wait4(): its total CPU time and ru_maxrss.
 * Prints key=value lines. Exit 0, or 1 with a message on stderr. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 50
#define MAX_KEYS 4096
#define MAX_SAMPLES 16

static pid_t child;
static int master = -1, slave = -1;
static char seen[8192];      /* the tail of the output, for the marker */
static size_t nseen;

static void die(const char *what)
{
    fprintf(stderr, "pty_driver: %s: %s\n", what, strerror(errno));
    if (child > 0)
        kill(child, SIGKILL);
    exit(1);
}

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* The child's CPU time in microseconds (schedstat: nanoseconds on a CPU). */
static int64_t child_cpu_us(void)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)child);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    unsigned long long ns = 0;
    int ok = fscanf(f, "%llu", &ns) == 1;
    fclose(f);
    return ok ? (int64_t)(ns / 1000) : -1;
}

/* A line of /proc/PID/status in KiB: "VmRSS" now, "VmHWM" the peak. */
static long child_status_kib(const char *field)
{
    char path[64], line[256], fmt[32];
    snprintf(path, sizeof(path), "/proc/%d/status", (int)child);
    snprintf(fmt, sizeof(fmt), "%s: %%ld kB", field);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kib = -1;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, fmt, &kib) == 1)
            break;
    fclose(f);
    return kib;
}

static long child_rss_kib(void)
{
    return child_status_kib("VmRSS");
}

/* The child's scheduler state letter: 'R' running, 'S' asleep... */
static char child_state(void)
{
    char path[64], buf[512];
    snprintf(path, sizeof(path), "/proc/%d/stat", (int)child);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return '?';
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return '?';
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');
    return p && p[1] == ' ' ? p[2] : '?';
}

/* Reads what the child wrote; returns bytes read (0: nothing waiting). */
static ssize_t drain(int wait_ms)
{
    struct pollfd pfd = { master, POLLIN, 0 };
    if (poll(&pfd, 1, wait_ms) <= 0)
        return 0;
    char buf[65536];
    ssize_t n = read(master, buf, sizeof(buf));
    if (n <= 0)
        return 0;
    /* Keep the last bytes for the marker search. */
    if ((size_t)n >= sizeof(seen)) {
        memcpy(seen, buf + n - (sizeof(seen) - 1), sizeof(seen) - 1);
        nseen = sizeof(seen) - 1;
    } else {
        if (nseen + (size_t)n >= sizeof(seen)) {
            size_t drop = nseen + (size_t)n - (sizeof(seen) - 1);
            memmove(seen, seen + drop, nseen - drop);
            nseen -= drop;
        }
        memcpy(seen + nseen, buf, (size_t)n);
        nseen += (size_t)n;
    }
    seen[nseen] = '\0';
    return n;
}

static bool seen_marker(const char *m)
{
    return memmem(seen, nseen, m, strlen(m)) != NULL;
}

/* Waits until the child has read its input, sleeps and has nothing more
 * to say (twice in a row, 100 us apart). Fails after 10 s. */
static void wait_idle(void)
{
    int64_t deadline = now_us() + 10000000;
    int calm = 0;
    while (calm < 2) {
        if (now_us() > deadline) {
            errno = ETIMEDOUT;
            die("the program did not become idle");
        }
        int pending = 0;
        if (ioctl(slave, FIONREAD, &pending) < 0)
            die("FIONREAD");
        bool out = drain(0) > 0;
        if (!pending && !out && child_state() == 'S')
            calm++;
        else
            calm = 0;
        if (calm < 2) {
            struct timespec ts = { 0, 100000 };
            nanosleep(&ts, NULL);
        }
    }
}

/* One key a line; escapes \e \t \r \n \\ \xNN. */
static size_t load_keys(const char *path, char **keys, size_t *lens)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die(path);
    char line[256];
    size_t n = 0;
    while (n < MAX_KEYS && fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *k = malloc(strlen(line) + 1);
        size_t o = 0;
        for (const char *s = line; *s; s++) {
            if (*s != '\\' || !s[1]) {
                k[o++] = *s;
                continue;
            }
            s++;
            switch (*s) {
            case 'e': k[o++] = 27; break;
            case 't': k[o++] = '\t'; break;
            case 'r': k[o++] = '\r'; break;
            case 'n': k[o++] = '\n'; break;
            case 'x': {
                char hex[3] = { s[1], s[1] ? s[2] : 0, 0 };
                k[o++] = (char)strtol(hex, NULL, 16);
                s += 2;
                break;
            }
            default: k[o++] = *s; break;
            }
        }
        keys[n] = k;
        lens[n++] = o;
    }
    fclose(f);
    return n;
}

static void send_bytes(const char *b, size_t n)
{
    while (n) {
        ssize_t w = write(master, b, n);
        if (w < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                drain(1);
                continue;
            }
            die("write to the program");
        }
        b += w;
        n -= (size_t)w;
    }
}

int main(int argc, char **argv)
{
    struct winsize ws = { .ws_row = 30, .ws_col = 100 };
    const char *marker = NULL, *keyfile = NULL, *quit = "q";
    long nkeys = 0, samples[MAX_SAMPLES];
    size_t nsamples = 0;
    int c;
    while ((c = getopt(argc, argv, "s:m:k:n:S:q:")) != -1) {
        switch (c) {
        case 's': {
            unsigned cols, rows;
            if (sscanf(optarg, "%ux%u", &cols, &rows) != 2)
                return fprintf(stderr, "pty_driver: -s COLSxROWS\n"), 1;
            ws.ws_col = (unsigned short)cols;
            ws.ws_row = (unsigned short)rows;
            break;
        }
        case 'm': marker = optarg; break;
        case 'k': keyfile = optarg; break;
        case 'n': nkeys = atol(optarg); break;
        case 'S':
            if (nsamples < MAX_SAMPLES)
                samples[nsamples++] = atol(optarg);
            break;
        case 'q': quit = optarg; break;
        default: return 1;
        }
    }
    if (optind >= argc)
        return fprintf(stderr, "usage: pty_driver [OPTIONS] -- PROGRAM ARGS...\n"), 1;
    static char *keys[MAX_KEYS];
    static size_t lens[MAX_KEYS];
    size_t ncycle = keyfile ? load_keys(keyfile, keys, lens) : 0;
    if (nkeys && !ncycle)
        return fprintf(stderr, "pty_driver: -n needs keys (-k FILE)\n"), 1;

    int64_t t0 = now_us();
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0)
        die("forkpty");
    if (child == 0) {
        execvp(argv[optind], argv + optind);
        _exit(127);
    }
    /* The slave side stays open here only to see how much input is unread. */
    slave = open(ptsname(master), O_RDWR | O_NOCTTY);
    if (slave < 0)
        die("open the pty's slave");

    /* First frame: output containing the marker, then quiet. */
    int64_t last = 0, deadline = t0 + 10000000;
    while (!marker || !seen_marker(marker)) {
        if (now_us() > deadline) {
            fprintf(stderr, "pty_driver: no first frame (marker '%s') within 10 s\n",
                    marker ? marker : "");
            kill(child, SIGKILL);
            return 1;
        }
        if (drain(100) > 0) {
            last = now_us();
            if (!marker)
                break;
        }
    }
    while (drain(QUIET_MS) > 0)
        last = now_us();
    printf("first_frame_us=%lld\n", (long long)(last - t0));
    printf("first_frame_cpu_us=%lld\n", (long long)child_cpu_us());
    printf("rss_kib_at_0=%ld\n", child_rss_kib());

    /* Keys, one at a time, each when the program is idle. */
    wait_idle();
    int64_t cpu0 = child_cpu_us(), k0 = now_us();
    for (long i = 0; i < nkeys; i++) {
        size_t k = (size_t)i % ncycle;
        send_bytes(keys[k], lens[k]);
        wait_idle();
        for (size_t s = 0; s < nsamples; s++)
            if (samples[s] == i + 1) {
                printf("rss_kib_at_%ld=%ld\n", i + 1, child_rss_kib());
            }
    }
    if (nkeys) {
        int64_t cpu1 = child_cpu_us(), k1 = now_us();
        printf("keys=%ld\nkeys_wall_us=%lld\nkeys_cpu_us=%lld\n", nkeys, (long long)(k1 - k0),
               (long long)(cpu1 - cpu0));
    }

    /* The peak as the kernel saw it (wait4's ru_maxrss is the same figure). */
    printf("vmhwm_kib=%ld\n", child_status_kib("VmHWM"));

    /* Quit and reap. */
    send_bytes(quit, strlen(quit));
    int status = 0;
    struct rusage ru;
    int64_t end = now_us() + 5000000;
    pid_t r;
    while ((r = wait4(child, &status, WNOHANG, &ru)) == 0) {
        drain(10);
        if (now_us() > end) {
            kill(child, SIGTERM);
            end = now_us() + 5000000;
        }
    }
    if (r < 0)
        die("wait4");
    printf("exit_status=%d\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    printf("cpu_total_us=%lld\n", (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 +
                                      ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
    printf("maxrss_kib=%ld\n", ru.ru_maxrss);
    return 0;
}
