/* The planner without a terminal, for tests (as tig's TIG_SCRIPT): with
 * MEMLOCK_PLANNER_SCRIPT naming a file, curses draws into /dev/null at
 * LINES x COLUMNS, keys come from the file, and the screen is written to
 * standard output as text whenever the script says so. HACKING.md,
 * "Golden screens".
 *
 * The script: words separated by blanks, lines starting with # ignored.
 * A word is a key by its name in --list-keys (m, Enter, Esc, Ctrl-U, F1,
 * Space, Up, Alt-U), or a command:
 *   :dump            the screen as text (trailing blanks cut), then a line "--"
 *   :resize COLSxROWS  the terminal takes that size
 *   :type TEXT       the rest of the line, typed character by character
 *   :sh COMMAND      the rest of the line, run by the shell at that point
 *                    (a test changes a file behind the planner's back)
 * The planner quits at the end of the script. */
#ifndef MP_TUI_HEADLESS_H
#define MP_TUI_HEADLESS_H

#include <stdio.h>

#include "error.h"

enum headless_item { HL_KEY, HL_DUMP, HL_RESIZE, HL_SHELL, HL_END };

struct headless;

/* The script in the file `path`; NULL with `err` set (a bad word names its line). */
struct headless *headless_open(const char *path, struct mp_error *err);
/* The next item: a key in *key (as app_key takes it), or a size in *rows, *cols. */
enum headless_item headless_next(struct headless *h, int *key, int *rows, int *cols);
void headless_free(struct headless *h);
/* Writes stdscr's text to `out`, one line a row, then "--". */
void headless_dump(FILE *out);

#endif
