/* One table of keys: what each does and its help text. Dispatch, the footer
 * and the help screen all read it, so they cannot drift apart. */
#ifndef MP_TUI_KEYS_H
#define MP_TUI_KEYS_H

#include <stddef.h>

enum action {
    ACT_NONE,
    ACT_HELP, ACT_QUIT, ACT_NEXT_PANE, ACT_PREV_PANE,
    ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
    ACT_TOGGLE, ACT_EDIT, ACT_MEM_UP, ACT_MEM_DOWN,
    ACT_MEMORY, ACT_MAXMEM, ACT_PHBS, ACT_LOCKED, ACT_HARD, ACT_VIOMMU, ACT_PROFILE,
    ACT_HOTPLUG, ACT_UNDO, ACT_OPEN, ACT_WRITE, ACT_EXPORT, ACT_SEARCH, ACT_SEARCH_NEXT,
    ACT_WARNINGS, ACT_DEMO, ACT_REDRAW,
    ACT_TOUR, ACT_MAP, ACT_COMPARE, ACT_CAPACITY, ACT_GUESTS,
};

/* Function keys (curses KEY_*) are stored with this bit so they never clash
 * with characters. */
#define KEYS_FN 0x40000000

struct key_help {
    const char *keys;     /* as shown: "Space", "m", "F1 ?" */
    const char *help;     /* msgid */
};

/* The action for a character, or a curses KEY_* code with KEYS_FN set. */
enum action keys_lookup(int key);
/* Help lines, in table order. */
const struct key_help *keys_help(size_t *n);
/* Footer items: key names and short labels (msgids), most important first. */
void keys_footer(const char *const **keys, const char *const **labels, size_t *n);

#endif
