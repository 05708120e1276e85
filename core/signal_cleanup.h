/* Signals that end the program (TERM, HUP, INT, PIPE, QUIT) while a file is
 * being written: the temporary file is removed, the terminal restored, and
 * the program dies of the same signal (its exit status tells which).
 *
 * Use (core/atomic_file.c does):
 *     signal_cleanup_enter();            handlers in place, the signals blocked
 *     fd = openat(dirfd, name, O_CREAT | O_EXCL ...);
 *     signal_cleanup_watch(dirfd, name); remembered, the signals let through
 *     ... write ...
 *     signal_cleanup_leave();            renamed or removed: forgotten, the
 *                                        previous handlers back
 * A signal the program ignored when signal_cleanup_enter() ran stays ignored. */
#ifndef MP_SIGNAL_CLEANUP_H
#define MP_SIGNAL_CLEANUP_H

/* The terminal's restore (tui/crt.c registers one while the planner is on
 * screen; NULL when it leaves). Called from a signal handler: it must only
 * put the terminal back, not free memory. */
void signal_cleanup_set_restore(void (*restore)(void));

void signal_cleanup_enter(void);
/* `name` is relative to `dirfd`; at most NAME_MAX bytes (longer is not watched). */
void signal_cleanup_watch(int dirfd, const char *name);
void signal_cleanup_leave(void);

#endif
