/* Files written whole or not at all: a temporary file in the target's folder,
 * flushed to disk, then renamed over the target. A failure at any step
 * removes the temporary file and leaves the old target as it was. */
#ifndef MP_ATOMIC_FILE_H
#define MP_ATOMIC_FILE_H

#include <stdio.h>

#include "error.h"

/* Writes the file's content to `out`; returns 0, or -1 with `err` set (a
 * write error on `out` is found afterwards, so it need not be checked). */
typedef int (*atomic_fill_fn)(FILE *out, void *ctx, struct mp_error *err);

/* Replaces `path` with what `fill` writes. An existing file's mode is kept, a
 * new one gets 0666 less the umask; a symbolic link keeps pointing at the
 * (replaced) file. A character device or FIFO (/dev/null, /dev/stdout) is
 * written in place; a folder or block device is refused. Returns 0, or -1
 * with `err` set (MP_ERR_INTERNAL for the system's errors, MP_ERR_INPUT for a
 * refused target; the message names `path`). */
int atomic_file_write(const char *path, atomic_fill_fn fill, void *ctx, struct mp_error *err);

/* Writes a memory buffer the same way. */
int atomic_file_write_buf(const char *path, const void *buf, size_t len, struct mp_error *err);

#endif
