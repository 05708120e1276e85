/* Files written whole or not at all: a temporary file in the target's folder,
 * flushed to disk, then renamed over the target. A failure at any step
 * removes the temporary file and leaves the old target as it was.
 *
 * The one way the program writes a file the user named (report, apply and
 * record -o, the planner's w and x):
 * - The folder is opened once; everything after happens relative to it
 *   (openat, renameat), so a folder renamed meanwhile changes nothing.
 * - The temporary file ".NAME.XXXXXX" has a random suffix and is created
 *   with O_EXCL|O_NOFOLLOW: a planted name or a file left by a killed run is
 *   never opened, only skipped.
 * - A replaced file's owner, group, mode, ACLs and extended attributes
 *   (SELinux label included) are copied onto the new one (the owner where
 *   the system allows it: as root always; setuid/setgid bits are dropped
 *   when it does not).
 * - A symbolic link is followed only where the kernel's protected_symlinks
 *   rule (fs.protected_symlinks, may_follow_link()) would follow it: the
 *   link belongs to the caller, or its folder is not sticky and
 *   world-writable, or the link's owner owns that folder. The same holds
 *   for every component of the folder's name. Otherwise: refused.
 *   A link to a file that does not exist is refused (the link is never
 *   replaced by a file, nor its target created). Another user's file, FIFO
 *   or device in such a folder is refused too (as protected_regular and
 *   protected_fifos), and a FIFO nobody reads is refused at once rather
 *   than waited on.
 * - Names longer than PATH_MAX, or whose temporary name would pass
 *   NAME_MAX, are refused before anything is written.
 * - TERM, HUP, INT, PIPE or QUIT during the write remove the temporary file
 *   (core/signal_cleanup.h) and end the program with that signal. */
#ifndef MP_ATOMIC_FILE_H
#define MP_ATOMIC_FILE_H

#include <stdio.h>

#include "error.h"

/* Writes the file's content to `out`; returns 0, or -1 with `err` set (a
 * write error on `out` is found afterwards, so it need not be checked). */
typedef int (*atomic_fill_fn)(FILE *out, void *ctx, struct mp_error *err);

/* Replaces `path` with what `fill` writes. A new file gets 0666 less the
 * umask (or the folder's default ACL). A character device or FIFO
 * (/dev/null) is written in place; /dev/stdout, /dev/stderr, /dev/fd/N and
 * /proc/self/fd/N are written through that descriptor; a folder, block
 * device or socket is refused. Returns 0, or -1 with `err` set (MP_ERR_INTERNAL for
 * the system's errors, MP_ERR_INPUT for a refused target; the message names
 * `path`, made safe for a terminal). */
int atomic_file_write(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err);

/* Writes a memory buffer the same way. */
int atomic_file_write_buf(const char *path, const void *buf, size_t len, struct mp_error *err);

#endif
