#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "signal_cleanup.h"

static const int watched[] = { SIGTERM, SIGHUP, SIGINT, SIGPIPE, SIGQUIT };
#define NWATCHED (sizeof(watched) / sizeof(watched[0]))

/* Read by the handler: only plain stores happen while the signals are blocked. */
static char temp_name[NAME_MAX + 1];
static volatile sig_atomic_t temp_dirfd = -1;
static void (*volatile restore_hook)(void);

static struct sigaction saved[NWATCHED];
static sigset_t saved_mask;
static int depth;

static void on_signal(int sig)
{
    if (temp_dirfd >= 0 && temp_name[0])
        unlinkat(temp_dirfd, temp_name, 0);
    void (*restore)(void) = restore_hook;
    if (restore)
        restore();
    struct sigaction dfl;
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    sigprocmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig);  /* not reached: the default action ends the program */
}

void signal_cleanup_set_restore(void (*restore)(void))
{
    restore_hook = restore;
}

static void block_all(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < NWATCHED; i++)
        sigaddset(&set, watched[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

void signal_cleanup_enter(void)
{
    sigset_t old;
    block_all(&old);
    if (depth++ > 0)
        return;
    saved_mask = old;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NWATCHED; i++)
        sigaddset(&sa.sa_mask, watched[i]);
    for (size_t i = 0; i < NWATCHED; i++) {
        sigaction(watched[i], NULL, &saved[i]);
        if (saved[i].sa_handler != SIG_IGN)
            sigaction(watched[i], &sa, NULL);
    }
}

void signal_cleanup_watch(int dirfd, const char *name)
{
    size_t n = strlen(name);
    if (n < sizeof(temp_name)) {
        memcpy(temp_name, name, n + 1);
        temp_dirfd = dirfd;
    }
    sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

void signal_cleanup_leave(void)
{
    block_all(NULL);
    if (--depth > 0)
        return;
    temp_dirfd = -1;
    temp_name[0] = '\0';
    for (size_t i = 0; i < NWATCHED; i++)
        sigaction(watched[i], &saved[i], NULL);
    sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}
