/* Reading a file the user named: the one way for every input (guest XML,
 * host snapshot, and any reader added later). Read it whole, then parse the
 * memory:
 *
 *     struct input_file in;
 *     if (input_file_read(path, GUEST_XML_MAX_BYTES, _("a domain XML file"), &in, err) < 0)
 *         return -1;      // err->text: "NAME: is a directory, expected a domain XML file"
 *     parse(in.data, in.len, in.name);
 *     input_file_free(&in);
 *
 * - "-" is standard input (read as it is, whatever it is but a directory).
 * - A symbolic link another user planted in a sticky world-writable folder
 *   is not followed (core/sticky_rule.h).
 * - A named file is opened with O_NONBLOCK, so that a FIFO without a writer
 *   does not hang the open, then read blocking. Such a FIFO reads as empty
 *   and is refused with its own message.
 * - Directories, devices and sockets are refused; regular files, FIFOs and
 *   pipes (/dev/stdin, <(...)) are read.
 * - At most `max` bytes: a regular file's size is checked before reading,
 *   anything else stops at max + 1 bytes. Refused past that.
 * - Every message names the input made safe for a terminal
 *   (core/text_safe.c), "<stdin>" for "-", and is MP_ERR_INPUT. */
#ifndef MP_INPUT_FILE_H
#define MP_INPUT_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct input_file {
    char *data;      /* the bytes, followed by a NUL that `len` does not count */
    size_t len;
    char *name;      /* the name for messages: safe for a terminal, "<stdin>" for "-" */
    int open_errno;  /* when opening failed: its errno, for a caller that words that
                      * case itself (--host lists its other forms); else 0 */
};

/* `what` names the expected content, translated, with its article: _("a host
 * snapshot"). Returns 0 with `in` filled (free it with input_file_free), or
 * -1 with `err` set and nothing to free, though `in->open_errno` is set. */
int input_file_read(const char *path, size_t max, const char *what, struct input_file *in,
                    struct mp_error *err);
void input_file_free(struct input_file *in);

/* The same rules for an input too large to hold (a log of any length):
 * opened and checked as above, then read in blocks. */
struct input_stream {
    int fd;
    bool is_stdin;
    bool fifo;       /* a named FIFO: empty means "no writer", refused */
    char *name;      /* as input_file.name */
};

/* Returns 0 with `s` open (close it with input_stream_close), or -1 with `err`
 * set and nothing to close. */
int input_stream_open(const char *path, const char *what, struct input_stream *s,
                      struct mp_error *err);
/* Up to `len` bytes: the count, 0 at the end, -1 with `err` set. */
long input_stream_read(struct input_stream *s, char *buf, size_t len, struct mp_error *err);
void input_stream_close(struct input_stream *s);

#endif
