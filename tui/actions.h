/* What the planner does outside the screen: reports, guest files and host
 * sources (writing the guest: write.h). */
#ifndef MP_TUI_ACTIONS_H
#define MP_TUI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "plan.h"

/* Exports a report of the plan to `path`, the format from its extension
 * (.txt, .md, .json, .html; text otherwise). Returns 0 and a message for the
 * status line, or -1 with `err`. */
int tui_action_export(const struct plan *p, const char *path, char *msg, size_t len,
                      struct mp_error *err);
/* Loads a guest XML file; NULL with `err` set on failure. */
struct guest *tui_action_open(const char *path, struct mp_error *err);
/* Explains the failed start in the log `path` on the plan's host: the text
 * to show (caller frees), the guest rebuilt from its command line (NULL when
 * the log has none; caller owns) and the libvirt profile the log names.
 * Returns 0, or -1 with `err` set (unreadable log). */
int tui_action_explain(const struct plan *p, const char *path, char **text, struct guest **guest,
                       const struct profile **profile, struct mp_error *err);
/* The plan's guest against its file on disk (core/limit_diff.h) as text for
 * a view (caller frees); *same when nothing differs. Returns 0, or -1 with
 * `err` set (no file yet, unreadable, refused). */
int tui_action_diff(const struct plan *p, char **text, bool *same, struct mp_error *err);
/* Loads a host source ("demo:ac922", "live", ...); NULL with `err` set. */
struct host *tui_action_load_host(const char *source, struct mp_error *err);

#endif
