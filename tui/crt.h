/* Terminal setup and teardown: curses, colours (NO_COLOR, monochrome),
 * UTF-8 or ASCII glyphs, mouse, and signals that restore the terminal. */
#ifndef MP_TUI_CRT_H
#define MP_TUI_CRT_H

#include <signal.h>
#include <stdbool.h>
#include <wchar.h>

#include "error.h"

enum crt_role {
    ROLE_NORMAL, ROLE_TITLE, ROLE_SELECTED, ROLE_SELECTED_DIM, ROLE_ASSIGNED, ROLE_WARN,
    ROLE_ERROR, ROLE_BAR, ROLE_DIM, ROLE_HEADING, ROLE_LIMIT, ROLE_BORDER, ROLE_FOCUS_BORDER,
    ROLE_MAP_MMIO, ROLE_MAP_DMA,   /* address map regions besides RAM and GPU RAM */
    ROLE_COUNT,
};

struct crt_glyphs {
    const char *tree_mid, *tree_last;   /* "├─" / "└─" or "|-" / "`-" */
    const char *bar_full, *bar_empty;   /* "█" / "░" or "#" / "." */
    const char *mark;                   /* assigned device: "●" or "*" */
    const char *ellipsis;               /* "…" or "~" */
    const char *warn;                   /* "⚠" or "!" */
    const char *delta;                  /* "Δ" or "d" */
    const char *tree_cont;              /* "│ " or "| ": an ancestor's later siblings */
};

struct crt_options {
    bool no_color;    /* --no-color (NO_COLOR is read here too) */
    bool ascii;       /* --ascii */
    bool no_mouse;    /* --no-mouse */
    bool headless;    /* no terminal: curses draws into /dev/null (headless.h) */
};

struct crt {
    bool color, ascii, mouse, headless;
    struct crt_glyphs g;
};

/* Set by SIGINT/SIGTERM/SIGHUP/SIGQUIT; the main loop quits when it sees it. */
extern volatile sig_atomic_t crt_quit_signal;

/* Starts curses on the terminal. Returns -1 with `err` set when standard
 * input/output is not a terminal or TERM is unusable. */
int crt_init(struct crt *c, const struct crt_options *o, struct mp_error *err);
/* Ctrl-Z: the terminal back to the shell, the process stopped until fg,
 * then the screen again. Nothing in headless mode. */
void crt_suspend(void);
/* Restores the terminal; safe to call twice. */
void crt_done(void);
/* The next key, as get_wch() returns it (OK, KEY_CODE_YES or ERR), but an
 * invalid UTF-8 byte costs only itself: get_wch() drops every key that
 * arrived with it. */
int crt_get_key(wint_t *wc);
/* The curses attributes for a role. */
int crt_attr(const struct crt *c, enum crt_role role);
/* Whether text should use ASCII glyphs: not a UTF-8 locale, or TERM=linux. */
bool crt_want_ascii(const char *codeset, const char *term);

#endif
