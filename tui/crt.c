#include "config.h"

#include <curses.h>
#include <langinfo.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "crt.h"
#include "i18n.h"
#include "keys.h"
#include "signal_cleanup.h"

/* getch() wakes up this often so a signal's flag is seen without a key. */
#define TICK_MS 200

volatile sig_atomic_t crt_quit_signal;
static bool active;
static SCREEN *screen;
static FILE *null_out, *null_in;   /* headless: the terminal is /dev/null */

static const struct crt_glyphs utf8_glyphs = {
    "\u251c\u2500", "\u2514\u2500", "\u2588", "\u2591", "\u25cf", "\u2026", "\u26a0", "\u0394", "\u2502 ",
};
static const struct crt_glyphs ascii_glyphs = { "|-", "`-", "#", ".", "*", "~", "!", "d", "| " };

static void on_quit_signal(int sig)
{
    crt_quit_signal = sig;
}

/* Puts the terminal back from a signal handler (a crash here, a signal
 * during a file write in core/signal_cleanup.c). */
static void restore_terminal(void)
{
    if (active)
        endwin();
}

/* A crash must not leave the terminal in raw mode: restore it, then die as
 * the signal would have killed us. */
static void on_fatal_signal(int sig)
{
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void at_exit(void)
{
    crt_done();
}

/* Ctrl-S, Ctrl-Q and Ctrl-Z are keys here: with the terminal's flow control
 * Ctrl-S would freeze the screen (and block the planner once the output
 * buffer fills), and Ctrl-Z suspends through crt_suspend, where the screen
 * is put away first. endwin() restores the shell's modes; def_prog_mode()
 * keeps these for a return from endwin(). */
static void keys_not_signals(void)
{
    struct termios t;
    if (tcgetattr(STDIN_FILENO, &t) < 0)
        return;
    t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
    t.c_cc[VSUSP] = _POSIX_VDISABLE;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
        def_prog_mode();
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
    c->headless = o->headless;
    if (!c->headless && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
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
    sigaction(SIGQUIT, &sa, NULL);  /* Ctrl-\ leaves cleanly too, no core dump in raw mode */
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);

    if (c->headless) {
        /* Size from LINES and COLUMNS (curses reads them when the output
         * is no terminal); what it draws is read back with headless_dump. */
        null_out = fopen("/dev/null", "w");
        null_in = fopen("/dev/null", "r");
        if (!null_out || !null_in)
            return mp_error_set(err, MP_ERR_INTERNAL, _("cannot open /dev/null"));
        screen = newterm(NULL, null_out, null_in);
    } else {
        screen = newterm(NULL, stdout, stdin);
    }
    if (!screen)
        return mp_error_set(err, MP_ERR_INPUT, _("cannot use terminal type '%s'"), term);
    set_term(screen);
    active = true;
    signal_cleanup_set_restore(restore_terminal);
    atexit(at_exit);
    cbreak();
    keys_not_signals();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    timeout(TICK_MS);

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
    /* ncurses (6.4) writes out its buffer at every cursor move until the
     * screen first comes back from endwin(): one round trip now, and each
     * frame is one write instead of one a line. */
    def_prog_mode();
    endwin();
    refresh();
    return 0;
}

void crt_done(void)
{
    if (!active)
        return;
    active = false;
    signal_cleanup_set_restore(NULL);
    curs_set(1);
    endwin();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    if (null_out)
        fclose(null_out);
    if (null_in)
        fclose(null_in);
    null_out = null_in = NULL;
    fflush(stdout);
}

void crt_suspend(void)
{
    if (!active || !isatty(STDOUT_FILENO))
        return;
    /* The shell's terminal while stopped; ours again after fg. */
    endwin();
    fflush(stdout);
    raise(SIGSTOP);
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
}

/* A byte that is already waiting, or ERR. */
static int pending_byte(void)
{
    timeout(0);
    int c = getch();
    timeout(TICK_MS);
    return c;
}

/* After ESC and `intro` ('[' or 'O') that curses did not know as a key:
 * drops the rest of the sequence, so its final byte is not taken for a key
 * (ESC [ 2 4 ; 6 q would quit). CSI: parameters and intermediates 0x20-0x3f,
 * then a final byte 0x40-0x7e; SS3: one byte. */
static void skip_sequence(int intro)
{
    for (;;) {
        int c = pending_byte();
        if (c == ERR)
            return;
        if (c >= 0x40 && c <= 0x7e)
            return;
        if (intro == 'O' || c < 0x20 || c > 0x3f) {
            ungetch(c);            /* not part of it: a key of its own */
            return;
        }
    }
}

int crt_get_key(wint_t *wc)
{
    char buf[MB_LEN_MAX];
    size_t n = 0;
    for (;;) {
        int c = getch();
        if (c == ERR)
            return ERR;            /* timeout; a partial character is dropped */
        if (c == 27 && !n) {
            /* Bytes right behind ESC came with it: a sequence, not Esc then a key. */
            int next = pending_byte();
            if (next == '[' || next == 'O') {
                skip_sequence(next);
                return ERR;
            }
            if (next > 0x20 && next < 0x7f) {
                /* Alt with a character; app_key makes it Esc and the
                 * character again where Alt means nothing. */
                *wc = (wint_t)(next | KEYS_ALT);
                return OK;
            }
            if (next != ERR)
                ungetch(next);
            *wc = 27;
            return OK;
        }
        if (c >= KEY_MIN) {
            if (n)
                ungetch(c);        /* a function key cut a character short */
            *wc = (wint_t)c;
            return n ? ERR : KEY_CODE_YES;
        }
        buf[n++] = (char)c;
        mbstate_t st;
        memset(&st, 0, sizeof(st));
        wchar_t w;
        size_t r = mbrtowc(&w, buf, n, &st);
        if (r == (size_t)-2 && n < sizeof(buf))
            continue;              /* incomplete: read on */
        if (r == (size_t)-1 || r == (size_t)-2) {
            /* Invalid: drop what came before, and give the last byte its
             * own chance when it may start a character. */
            if (n > 1)
                ungetch(c);
            return ERR;
        }
        *wc = (wint_t)w;
        return OK;
    }
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
