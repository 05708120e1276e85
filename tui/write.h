/* The planner's w and W: the guest written to its XML file as the screen
 * shows it (core/guest_xml_write.h). The steps, each a question the user
 * can cancel: a file name when the guest has none; the recommended
 * hard_limit when none is set; the file changed on disk since it was
 * opened (or save-as over another file); the diff, then writing. The
 * written file is parsed again and must give the limit on screen, or
 * nothing is written. */
#ifndef MP_TUI_WRITE_H
#define MP_TUI_WRITE_H

#include <stdbool.h>

#include "keys.h"

struct app;

/* w (`save_as` false: to the guest's own file) and W (asks for a file). */
void write_start(struct app *a, bool save_as);
/* The file name prompt of w/W was answered. */
void write_to(struct app *a, const char *path);
/* An answer to one of write's questions (MODE_CONFIRM). */
void write_answer(struct app *a, enum action act);
/* The diff over the panes while write asks to go ahead. */
void write_draw(struct app *a);
/* Remembers the guest file's state on disk (after opening or writing it). */
void write_remember_file(struct app *a);
void write_free(struct app *a);

#endif
