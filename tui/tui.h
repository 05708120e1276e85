/* The interactive planner's entry point. */
#ifndef MP_TUI_H
#define MP_TUI_H

#include "crt.h"
#include "error.h"
#include "guest.h"
#include "host.h"
#include "profile.h"

/* Runs the planner on `h` and `g` (both owned from here on) until the user
 * quits. `path` is the guest's XML file or NULL. Returns 0, or -1 with
 * `err` set when the terminal cannot be used (nothing was drawn then). */
int tui_run(struct host *h, struct guest *g, const struct profile *p, const char *path,
            const struct crt_options *o, struct mp_error *err);

/* A new guest for host `h`'s architecture, named after the file `path`
 * would be written to ("db1.xml": db1), or new-guest without one. */
struct guest *tui_new_guest(const struct host *h, const char *path);

#endif
