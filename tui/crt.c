#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "crt.h"
#include "i18n.h"

volatile sig_atomic_t crt_quit_signal;
static bool active;
static SCREEN *screen;

static const struct crt_glyphs utf8_glyphs = {
    "\u251c\u2500", "\u2514\u2500", "\u2588", "\u2591", "\u25cf", "\u2026", "\u26a0", "\u0394",
};
static const struct crt_glyphs ascii_glyphs = { "|-", "`-", "#", ".", "*", "~", "!", "d" };

static void on_quit_signal(int sig)
{
    crt_quit_signal = sig;
}

/* A crash must not leave the terminal in raw mode: restore it, then die as
 * the signal would have killed us. */
static void on_fatal_signal(int sig)
{
    if (active)
        endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void at_exit(void)
{
    crt_done();
}

bool crt_want_ascii(const char *codeset, const char *term)
{
    if (term && !strncmp(term, "linux", 5))
        return true;
    return !codeset || (strcasecmp(codeset, "UTF-8") && strcasecmp(codeset, "utf8"));
}

int crt_init(struct crt *c, const struct crt_options *o, struct mp_error *err)
{
    memset(c, 0, sizeof(*c));
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("the planner needs a terminal; use 'memlock-planner calc' in scripts"));
    const char *term = getenv("TERM");
    if (!term || !*term || !strcmp(term, "dumb"))
        return mp_error_set(err, MP_ERR_INPUT,
                            _("TERM is unset or 'dumb': the planner needs a full-screen terminal "
                              "(try TERM=xterm-256color)"));
    c->ascii = o->ascii || crt_want_ascii(nl_langinfo(CODESET), term);
    c->g = c->ascii ? ascii_glyphs : utf8_glyphs;

    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);

    screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return mp_error_set(err, MP_ERR_INPUT, _("cannot use terminal type '%s'"), term);
    set_term(screen);
    active = true;
    atexit(at_exit);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    /* Wake up now and then so a signal's flag is seen even without a key. */
    timeout(200);

    const char *nc = getenv("NO_COLOR");
    c->color = !o->no_color && !(nc && *nc) && has_colors();
    if (c->color) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_BLACK, COLOR_CYAN);    /* title, selection */
        init_pair(2, COLOR_GREEN, -1);            /* assigned */
        init_pair(3, COLOR_YELLOW, -1);           /* warning */
        init_pair(4, COLOR_RED, -1);              /* error */
        init_pair(5, COLOR_CYAN, -1);             /* bars, headings */
        init_pair(6, COLOR_BLACK, COLOR_WHITE);   /* selection in an unfocused pane */
        init_pair(7, COLOR_MAGENTA, -1);          /* address map: MMIO */
        init_pair(8, COLOR_BLUE, -1);             /* address map: DMA windows */
    }
    c->mouse = !o->no_mouse;
    if (c->mouse) {
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                  | BUTTON5_PRESSED
#endif
                  , NULL);
        mouseinterval(200);
    }
    return 0;
}

void crt_done(void)
{
    if (!active)
        return;
    active = false;
    curs_set(1);
    endwin();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    fflush(stdout);
}

int crt_attr(const struct crt *c, enum crt_role role)
{
    if (!c->color) {
        switch (role) {
        case ROLE_TITLE: case ROLE_SELECTED: return A_REVERSE;
        case ROLE_SELECTED_DIM: return A_UNDERLINE;
        case ROLE_ASSIGNED: case ROLE_HEADING: case ROLE_FOCUS_BORDER: return A_BOLD;
        case ROLE_WARN: case ROLE_ERROR: case ROLE_LIMIT: return A_BOLD;
        case ROLE_DIM: return A_DIM;
        default: return A_NORMAL;
        }
    }
    switch (role) {
    case ROLE_TITLE: case ROLE_SELECTED: return COLOR_PAIR(1);
    case ROLE_SELECTED_DIM: return COLOR_PAIR(6);
    case ROLE_ASSIGNED: return COLOR_PAIR(2) | A_BOLD;
    case ROLE_WARN: return COLOR_PAIR(3) | A_BOLD;
    case ROLE_ERROR: return COLOR_PAIR(4) | A_BOLD;
    case ROLE_BAR: return COLOR_PAIR(5);
    case ROLE_HEADING: return COLOR_PAIR(5) | A_BOLD;
    case ROLE_LIMIT: return A_BOLD;
    case ROLE_DIM: return A_DIM;
    case ROLE_FOCUS_BORDER: return COLOR_PAIR(5) | A_BOLD;
    case ROLE_MAP_MMIO: return COLOR_PAIR(7);
    case ROLE_MAP_DMA: return COLOR_PAIR(8) | A_BOLD;
    default: return A_NORMAL;
    }
}
