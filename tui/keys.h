/* The key registry: one table of every key in every mode of the planner,
 * with what it does, its help text and its footer label. Dispatch (app.c,
 * input.c, views.c, tourpanel.c), the help screen, every footer and
 * `memlock-planner --list-keys` (which the man page test reads) all come
 * from it, so they cannot drift apart. HACKING.md, "Adding a key". */
#ifndef MP_TUI_KEYS_H
#define MP_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum action {
    ACT_NONE,
    /* normal mode */
    ACT_HELP, ACT_QUIT, ACT_NEXT_PANE, ACT_PREV_PANE,
    ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
    ACT_TOGGLE, ACT_EDIT, ACT_MEM_UP, ACT_MEM_DOWN,
    ACT_MEMORY, ACT_MAXMEM, ACT_PHBS, ACT_LOCKED, ACT_HARD, ACT_VIOMMU, ACT_PROFILE,
    ACT_HOTPLUG, ACT_UNDO, ACT_OPEN, ACT_WRITE, ACT_EXPORT, ACT_SEARCH, ACT_SEARCH_NEXT,
    ACT_WARNINGS, ACT_DEMO, ACT_REDRAW,
    ACT_TOUR, ACT_MAP, ACT_COMPARE, ACT_CAPACITY, ACT_GUESTS,
    /* prompts, questions, views, the tour */
    ACT_ACCEPT, ACT_CANCEL, ACT_CLOSE, ACT_BACKSPACE, ACT_KILL_LINE, ACT_LINE_START,
    ACT_LINE_END, ACT_CURSOR_LEFT, ACT_CURSOR_RIGHT, ACT_DELETE, ACT_YES, ACT_NO, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_REFRESH, ACT_SAVE, ACT_DISCARD, ACT_SAVE_AS, ACT_REDO, ACT_SUSPEND, ACT_SEARCH_PREV, ACT_COMPLETE, ACT_ADD_HOSTDEV, ACT_ZOOM, ACT_EXPLAIN, ACT_DIFF,
    ACT_COUNT
};

/* Modes, as bits: an entry is bound in every mode of its mask. */
enum key_mode {
    KM_NORMAL = 1 << 0,   /* the three panes */
    KM_PROMPT = 1 << 1,   /* the input line (printable keys are text) */
    KM_CONFIRM = 1 << 2,  /* a yes/no question on the status line */
    KM_TOUR = 1 << 3,     /* the guided tour's panel */
    KM_TOUR_ASK = 1 << 4, /* "open demo:ac922 for the tour?" */
    KM_VIEW = 1 << 5,     /* the full-screen views */
    KM_GUESTS = 1 << 6,   /* the running-guests view (besides KM_VIEW) */
    KM_OVERLAY = 1 << 7,  /* help and warnings: other keys close them */
    KM_MENU = 1 << 8,     /* the host menu */
    KM_SAVE = 1 << 9,     /* unsaved changes: save, discard or cancel */
};
#define KM_ALL_MODES 0x3ff

/* Function keys (curses KEY_*) are stored with this bit so they never clash
 * with characters; Alt with a character (ESC then the character) with
 * KEYS_ALT (crt_get_key). */
#define KEYS_FN 0x40000000
#define KEYS_ALT 0x20000000
#define KEYS_MAX 6

struct key_entry {
    enum action action;
    unsigned modes;           /* enum key_mode bits where the keys work */
    int keys[KEYS_MAX];       /* codes, 0-terminated */
    const char *tkeys;        /* msgid: answer letters, bound as translated
                                 (the English ones too when free) */
    const char *names;        /* shown instead of the keys' names (mouse) */
    const char *help;         /* msgid; NULL: no line of its own */
    unsigned foot_modes;      /* modes whose footer shows it */
    const char *foot;         /* the footer's key text; NULL: the first key */
    const char *label;        /* msgid: the footer's word */
};

/* The action of `key` (a character, or a curses code with KEYS_FN) in the
 * modes `mask`; ACT_NONE when nothing is bound. */
enum action keys_lookup(unsigned mask, int key);
/* The table, in help (and footer) order. */
const struct key_entry *keys_table(size_t *n);
/* A key's name as the help shows it: "F1", "Ctrl-U", "Space", "Alt-U". */
void keys_name(int key, char *buf, size_t len);
/* The key named `name` (as keys_name writes it), or 0. */
int keys_parse(const char *name);
/* An entry's keys, space-separated (translated answer letters included). */
void keys_names(const struct key_entry *e, char *buf, size_t len);

struct key_foot {
    char keys[32];
    const char *label;        /* translated */
    enum action action;       /* what the keys do (a mode may leave one out) */
};
/* The footer of the modes `mask`, at most `max` items; returns the count. */
size_t keys_footer(unsigned mask, struct key_foot *out, size_t max);

/* The help sections: one per mode, its title (msgid) and its name for
 * --list-keys. An entry belongs to the section of its lowest mode bit. */
struct key_section {
    unsigned mode;
    const char *name;
    const char *title;
};
const struct key_section *keys_sections(size_t *n);
unsigned keys_section_of(const struct key_entry *e);

/* `memlock-planner --list-keys`: "MODE<TAB>KEYS<TAB>HELP" per line. */
void keys_print(FILE *out);

#endif
