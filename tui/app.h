/* The planner's screen state: panes, selection, the current mode (normal,
 * prompt, question, help...), and the status line. Shared by the event loop
 * (app.c, input.c) and drawing (draw_*.c). */
#ifndef MP_TUI_APP_H
#define MP_TUI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "crt.h"
#include "hostview.h"
#include "layout.h"
#include "plan.h"

#define ATTR_NONE 0 /* curses A_NORMAL as an int */

enum pane { PANE_HOST, PANE_GUEST, PANE_RESULT, PANE_COUNT };

enum mode {
    MODE_NORMAL, MODE_PROMPT, MODE_CONFIRM, MODE_HELP, MODE_WARNINGS, MODE_MENU,
    MODE_VIEW, MODE_TOUR, /* views.h */
    MODE_DOMAINS,         /* domains.h: a connection's domains, or redefining one */
};

enum prompt_kind {
    PROMPT_MEMORY, PROMPT_MAXMEM, PROMPT_HARD, PROMPT_PHBS, PROMPT_NAME, PROMPT_SEARCH,
    PROMPT_OPEN, PROMPT_WRITE, PROMPT_EXPORT, PROMPT_ADD, PROMPT_EXPLAIN,
};

enum confirm_kind {
    CONFIRM_UNSAVED,   /* save, discard or cancel before leaving the guest */
    CONFIRM_GROUP,     /* assign the whole IOMMU group? */
    CONFIRM_HARD,      /* write.h: add the recommended hard_limit? */
    CONFIRM_CHANGED,   /* write.h: the file changed on disk / exists */
    CONFIRM_WRITE,     /* write.h: the diff is shown; write it? */
    CONFIRM_EXPORT,    /* x over an existing file: replace it? (the name in `input`) */
};

/* What Save / Discard / Cancel interrupted: done after a save or a discard. */
enum pending { PENDING_NONE, PENDING_QUIT, PENDING_OPEN, PENDING_DEMO, PENDING_TOUR, PENDING_EXPLAIN };

struct tui_views;
struct headless;
struct tui_write;
struct tui_tour;

struct app {
    struct plan plan;
    struct crt crt;
    struct hostview hv;
    struct layout lay;
    int rows, cols;

    enum pane focus;
    bool zoom;                 /* the host pane takes the whole left column */
    size_t sel[PANE_COUNT], top[PANE_COUNT];

    enum mode mode;
    /* MODE_PROMPT */
    enum prompt_kind prompt;
    char prompt_label[160];
    char input[256];
    size_t cursor;       /* byte offset into input */
    bool offer;          /* input is the offered text, selected: typing replaces it */
    /* MODE_CONFIRM */
    enum confirm_kind confirm;
    char question[512];
    size_t confirm_dev;
    /* MODE_HELP, MODE_WARNINGS: scroll offset; MODE_MENU: demo host choice */
    size_t overlay_top, menu_sel;

    /* MODE_VIEW and MODE_TOUR state (views.c, tourpanel.c); NULL until used */
    struct tui_views *views;
    struct tui_tour *tour;
    struct headless *script;   /* keys from a script instead of the terminal */
    struct tui_write *write;   /* write.h */
    enum pending pending;

    int cur_y, cur_x;          /* the selected row of the focused pane (-1: none) */
    char status[512];
    bool status_error;
    char search[128];
    bool quit;
};

/* Runs until the user quits. */
void app_loop(struct app *a);
/* Handles one key (character, or KEYS_FN | curses code). */
void app_key(struct app *a, int key);
/* The key registry's modes (keys.h) of the current mode. */
unsigned app_key_mask(const struct app *a);
/* Handles a mouse event at screen position (y, x); wheel -1 up, 1 down. */
void app_mouse(struct app *a, int y, int x, bool dbl, int wheel);
/* Keys while a prompt, question or overlay is open (input.c). */
void app_modal_key(struct app *a, int key);
/* Opens the prompt line with `label` and `initial` text. */
void app_start_prompt(struct app *a, enum prompt_kind kind, const char *label, const char *initial);
/* Whether Tab completes in the open prompt (a file name, a host device). */
bool app_prompt_completes(const struct app *a);
/* Leaving the guest (`what` PENDING_QUIT, _OPEN, _DEMO, _TOUR): at once
 * when nothing is unsaved, else after Save / Discard / Cancel. */
void app_leave_guest(struct app *a, enum pending what);
/* Does what a Save / Discard question interrupted, if anything. */
void app_resume_pending(struct app *a);
/* Space on a host device: toggles it, asking about its IOMMU group first. */
void app_toggle_device(struct app *a);
/* The same for host device `dev` (an index into the host's devices). */
void app_toggle_host_device(struct app *a, size_t dev);
/* The next host device matching the last search. */
void app_search_next(struct app *a);
/* Reports an edit's outcome on the status line and refreshes the layout. */
void app_edited(struct app *a, int rc, const struct mp_error *err);

/* Status line message (printf-style, already translated format). */
void app_status(struct app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Rows in a pane's list, and how many fit. */
size_t app_pane_rows(const struct app *a, enum pane p);
size_t app_pane_visible(const struct app *a, enum pane p);
/* Rows under the host list that describe the selected device (0 to 2). */
int app_host_detail_rows(const struct app *a);
/* Recomputes the layout for the current terminal size and warnings. */
void app_relayout(struct app *a);
/* Rebuilds the host rows after the host changed. */
void app_host_changed(struct app *a);

/* Drawing. */
void draw_all(struct app *a);
void draw_host(struct app *a);
void draw_guest(struct app *a);
void draw_result(struct app *a);
void draw_overlay(struct app *a);
/* Puts the terminal's cursor on (y, x) after drawing: the selected row of
 * the focused pane, where screen readers look. */
void app_cursor(struct app *a, int y, int x);
/* Box with a title; `focused` highlights it. */
void draw_box(const struct app *a, const struct rect *r, const char *title, bool focused);
/* Text clipped to `width` columns at (y, x), padded with spaces to `width`. */
/* Text that fits at y, x with attr (left set after), as cells in one copy
 * where it can be: draw_text's output, a bar. */
void draw_put(int y, int x, const char *text, int attr);
void draw_text(const struct app *a, int y, int x, int width, const char *text, int attr);

#endif
