#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "i18n.h"
#include "keys.h"

#define FN(k) ((k) | KEYS_FN)
#define CTRL(c) ((c) & 0x1f)
#define ESC 27
#define ENTER_KEYS '\n', '\r', FN(KEY_ENTER)
#define BACKSPACE_KEYS FN(KEY_BACKSPACE), 127, 8

/* Modes where moving up and down scrolls or moves a selection. */
#define KM_MOVES (KM_NORMAL | KM_VIEW | KM_TOUR | KM_OVERLAY | KM_MENU)

/* Order matters twice: footers list their entries in table order, and the
 * first entry bound to a key in a mode wins. */
static const struct key_entry table[] = {
    /* The tour, the views and questions first: their footers lead with them. */
    { ACT_NEXT_STEP, KM_TOUR, { 'n', FN(KEY_RIGHT), ENTER_KEYS, ' ' }, NULL, NULL,
      N_("next step"), KM_TOUR, "n/Right", N_("Next") },
    { ACT_PREV_STEP, KM_TOUR, { 'b', FN(KEY_LEFT), BACKSPACE_KEYS }, NULL, NULL,
      N_("step back"), KM_TOUR, "b/Left", N_("Back") },
    { ACT_CLOSE, KM_TOUR, { ESC, 'q' }, NULL, NULL,
      N_("leave the tour: the guest and host come back"), KM_TOUR, "Esc/q", N_("Leave tour") },
    { ACT_YES, KM_TOUR_ASK, { ENTER_KEYS }, N_("y"), NULL,
      N_("open demo:ac922 and start the tour"), KM_TOUR_ASK, NULL,
      N_("Open demo:ac922, start the tour") },
    { ACT_NO, KM_TOUR_ASK, { ESC, 'q' }, N_("n"), NULL, N_("no tour"), KM_TOUR_ASK, "n/Esc",
      N_("No tour") },
    { ACT_CLOSE, KM_VIEW | KM_MENU, { ESC, 'q' }, NULL, NULL, N_("close"), KM_VIEW, NULL,
      N_("Close") },
    { ACT_YES, KM_CONFIRM, { 0 }, N_("y"), NULL, N_("yes"), KM_CONFIRM, NULL, N_("Yes") },
    { ACT_NO, KM_CONFIRM, { 0 }, N_("n"), NULL, N_("no"), KM_CONFIRM, NULL, N_("No") },
    { ACT_CANCEL, KM_CONFIRM | KM_PROMPT, { ESC, CTRL('g') }, NULL, NULL, N_("cancel"),
      KM_CONFIRM | KM_PROMPT, NULL, N_("Cancel") },
    /* Only arrows in questions: a translated answer may be any letter. */
    { ACT_UP, KM_CONFIRM, { FN(KEY_UP), FN(KEY_PPAGE) }, NULL, NULL,
      N_("scroll the changes shown before writing"), 0, NULL, NULL },
    { ACT_DOWN, KM_CONFIRM, { FN(KEY_DOWN), FN(KEY_NPAGE) }, NULL, NULL,
      N_("scroll the changes shown before writing"), 0, NULL, NULL },
    { ACT_SAVE, KM_SAVE, { 0 }, N_("s"), NULL, N_("save the guest, then go on"), KM_SAVE, NULL,
      N_("Save") },
    { ACT_DISCARD, KM_SAVE, { 0 }, N_("d"), NULL, N_("discard the unsaved changes and go on"),
      KM_SAVE, NULL, N_("Discard") },
    { ACT_CANCEL, KM_SAVE, { ESC, CTRL('g') }, N_("c"), NULL, N_("stay with the guest"),
      KM_SAVE, NULL, N_("Cancel") },
    { ACT_ACCEPT, KM_PROMPT | KM_MENU, { ENTER_KEYS }, NULL, NULL, N_("accept"), KM_PROMPT,
      NULL, N_("OK") },
    { ACT_BACKSPACE, KM_PROMPT, { BACKSPACE_KEYS }, NULL, NULL,
      N_("delete the character before the cursor (the offered text: all of it)"), 0, NULL,
      NULL },
    { ACT_KILL_LINE, KM_PROMPT, { CTRL('u') }, NULL, NULL,
      N_("clear the input (typing replaces the offered text too)"), KM_PROMPT, NULL,
      N_("Clear") },
    { ACT_LINE_START, KM_PROMPT, { FN(KEY_HOME), CTRL('a') }, NULL, NULL,
      N_("cursor to the start"), 0, NULL, NULL },
    { ACT_LINE_END, KM_PROMPT, { FN(KEY_END), CTRL('e') }, NULL, NULL, N_("cursor to the end"),
      0, NULL, NULL },
    { ACT_COMPLETE, KM_PROMPT, { '\t' }, NULL, NULL,
      N_("complete a file name, or a host device's address"), KM_PROMPT, NULL, N_("Complete") },
    { ACT_CURSOR_LEFT, KM_PROMPT, { FN(KEY_LEFT) }, NULL, NULL, N_("cursor left"), 0, NULL,
      NULL },
    { ACT_CURSOR_RIGHT, KM_PROMPT, { FN(KEY_RIGHT) }, NULL, NULL, N_("cursor right"), 0, NULL,
      NULL },
    { ACT_DELETE, KM_PROMPT, { FN(KEY_DC), CTRL('d') }, NULL, NULL,
      N_("delete the character under the cursor"), 0, NULL, NULL },

    /* The planner. */
    { ACT_HELP, KM_NORMAL, { FN(KEY_F(1)), '?' }, NULL, NULL,
      N_("this help (any key closes it)"), KM_NORMAL, "F1/?", N_("Help") },
    { ACT_QUIT, KM_NORMAL, { 'q', FN(KEY_F(10)) }, NULL, NULL,
      N_("quit (unsaved changes: save, discard or cancel first)"), KM_NORMAL, NULL, N_("Quit") },
    { ACT_NEXT_PANE, KM_NORMAL, { '\t' }, NULL, NULL,
      N_("next pane: host, guest, result"), KM_NORMAL, NULL, N_("Pane") },
    { ACT_UP, KM_MOVES, { FN(KEY_UP), 'k' }, NULL, NULL, N_("move the selection up; scroll"),
      KM_VIEW | KM_TOUR, "Up/Down", N_("Scroll") },
    { ACT_DOWN, KM_MOVES, { FN(KEY_DOWN), 'j' }, NULL, NULL,
      N_("move the selection down; scroll"), 0, NULL, NULL },
    { ACT_REFRESH, KM_GUESTS, { 'r' }, NULL, NULL, N_("look at the processes again"), KM_GUESTS,
      NULL, N_("Refresh") },
    { ACT_TOGGLE, KM_NORMAL, { ' ' }, NULL, NULL,
      N_("host: assign or unassign the device (offers its whole IOMMU group); "
         "guest: remove the selected device"), KM_NORMAL, NULL, N_("Assign") },
    { ACT_EDIT, KM_NORMAL, { 'e', ENTER_KEYS }, NULL, NULL,
      N_("edit or toggle the selected field (sizes take units: 96G, 512MiB, 1.5TiB); in the "
         "limit pane: the selected term in full, with this guest's numbers"), 0, NULL, NULL },
    { ACT_ADD_HOSTDEV, KM_NORMAL, { 'a' }, NULL, NULL,
      N_("add a hostdev by its host address (Tab completes from the host's devices; an "
         "address the host lacks is added, marked)"), 0, NULL, NULL },
    { ACT_MEM_UP, KM_NORMAL, { '+', '=' }, NULL, NULL, N_("memory up by 1 GiB"), 0, NULL, NULL },
    { ACT_MEM_DOWN, KM_NORMAL, { '-' }, NULL, NULL, N_("memory down by 1 GiB"), 0, NULL, NULL },
    { ACT_MEMORY, KM_NORMAL, { 'm' }, NULL, NULL, N_("set memory"), KM_NORMAL, NULL, N_("Mem") },
    { ACT_MAXMEM, KM_NORMAL, { 'M' }, NULL, NULL, N_("set max memory (0 or none drops it)"),
      KM_NORMAL, NULL, N_("MaxMem") },
    { ACT_PHBS, KM_NORMAL, { 'p' }, NULL, NULL,
      N_("PHB count: auto (as libvirt places them) or a manual number"), KM_NORMAL, NULL,
      N_("PHBs") },
    { ACT_LOCKED, KM_NORMAL, { 'l' }, NULL, NULL, N_("toggle <memoryBacking><locked/>"),
      KM_NORMAL, NULL, N_("Locked") },
    { ACT_HARD, KM_NORMAL, { 'H' }, NULL, NULL, N_("set <memtune><hard_limit> (none drops it)"),
      KM_NORMAL, NULL, N_("Hard") },
    { ACT_VIOMMU, KM_NORMAL, { 'v' }, NULL, NULL, N_("toggle a vIOMMU (<devices><iommu>)"),
      KM_NORMAL, NULL, N_("vIOMMU") },
    { ACT_HOTPLUG, KM_NORMAL, { 'f' }, NULL, NULL, N_("toggle planning for a VFIO hot-plug"), 0,
      NULL, NULL },
    { ACT_PROFILE, KM_NORMAL, { 'L' }, NULL, NULL,
      N_("cycle the libvirt profile (formula of each libvirt version)"), KM_NORMAL, NULL,
      N_("libvirt") },
    { ACT_UNDO, KM_NORMAL, { 'u' }, NULL, NULL, N_("undo the last edit (the last 1,000)"),
      KM_NORMAL, NULL, N_("Undo") },
    { ACT_REDO, KM_NORMAL, { CTRL('y'), KEYS_ALT | 'u' }, NULL, NULL,
      N_("redo what undo took back"), 0, NULL, NULL },
    { ACT_SUSPEND, KM_NORMAL, { CTRL('z') }, NULL, NULL,
      N_("suspend to the shell (fg comes back)"), 0, NULL, NULL },
    { ACT_SEARCH, KM_NORMAL, { '/' }, NULL, NULL,
      N_("search host devices by address, name, driver or kind (empty: the last search)"),
      KM_NORMAL, NULL, N_("Find") },
    { ACT_SEARCH_NEXT, KM_NORMAL, { 'n' }, NULL, NULL, N_("next match"), 0, NULL, NULL },
    { ACT_SEARCH_PREV, KM_NORMAL, { 'N' }, NULL, NULL, N_("previous match"), 0, NULL, NULL },
    { ACT_WARNINGS, KM_NORMAL, { '!' }, NULL, NULL, N_("show every warning"), 0, NULL, NULL },
    { ACT_DEMO, KM_NORMAL, { 'D' }, NULL, NULL, N_("open a demo host"), 0, NULL, NULL },
    { ACT_OPEN, KM_NORMAL, { 'o' }, NULL, NULL, N_("open a guest XML file"), 0, NULL, NULL },
    { ACT_WRITE, KM_NORMAL, { 'w', CTRL('s') }, NULL, NULL,
      N_("write the guest to its XML file as shown (the diff first; a new guest asks for a "
         "file)"), KM_NORMAL, NULL, N_("Write") },
    { ACT_SAVE_AS, KM_NORMAL, { 'W' }, NULL, NULL, N_("save the guest as another XML file"), 0,
      NULL, NULL },
    { ACT_EXPORT, KM_NORMAL, { 'x' }, NULL, NULL,
      N_("export a report: text, Markdown, JSON or HTML by the file's extension"), KM_NORMAL,
      NULL, N_("Export") },
    { ACT_TOUR, KM_NORMAL | KM_VIEW, { 'T' }, NULL, NULL,
      N_("guided tour on the AC922 demo host; leaving it restores the guest"),
      KM_NORMAL | KM_VIEW, NULL, N_("Tour") },
    { ACT_MAP, KM_NORMAL | KM_VIEW, { 'A' }, NULL, NULL,
      N_("address map of the pseries guest: RAM, MMIO, GPU RAM, DMA windows per PHB"),
      KM_NORMAL | KM_VIEW, NULL, N_("Map") },
    { ACT_COMPARE, KM_NORMAL | KM_VIEW, { 'C' }, NULL, NULL,
      N_("compare the guest under every libvirt profile"), KM_NORMAL | KM_VIEW, NULL,
      N_("Compare") },
    { ACT_CAPACITY, KM_NORMAL | KM_VIEW, { 'K' }, NULL, NULL,
      N_("capacity: how many guests of this shape fit, what runs out first"),
      KM_NORMAL | KM_VIEW, NULL, N_("Capacity") },
    { ACT_GUESTS, KM_NORMAL | KM_VIEW, { 'G' }, NULL, NULL,
      N_("running QEMU guests: limit, locked and pinned memory"), KM_NORMAL | KM_VIEW, NULL,
      N_("Guests") },
    { ACT_DIFF, KM_NORMAL, { 'd' }, NULL, NULL,
      N_("the limit against the guest's file on disk, term by term, with what changed"), 0,
      NULL, NULL },
    { ACT_EXPLAIN, KM_NORMAL, { 'E' }, NULL, NULL,
      N_("explain a failed start from its QEMU log; the guest rebuilt from it is loaded"), 0,
      NULL, NULL },
    { ACT_ZOOM, KM_NORMAL, { 'z' }, NULL, NULL,
      N_("zoom the host pane to the whole left column, for big host trees (z again: back)"), 0,
      NULL, NULL },
    { ACT_REDRAW, KM_NORMAL, { CTRL('l') }, NULL, NULL, N_("redraw the screen"), 0, NULL, NULL },
    /* Moving about, after what one looks for first in the help. */
    { ACT_PREV_PANE, KM_NORMAL, { FN(KEY_BTAB) }, NULL, NULL, N_("previous pane"), 0, NULL,
      NULL },
    { ACT_LEFT, KM_NORMAL, { FN(KEY_LEFT), 'h' }, NULL, NULL, N_("previous pane"), 0, NULL,
      NULL },
    { ACT_RIGHT, KM_NORMAL, { FN(KEY_RIGHT) }, NULL, NULL, N_("next pane"), 0, NULL, NULL },
    { ACT_PAGE_UP, KM_MOVES, { FN(KEY_PPAGE) }, NULL, NULL, N_("page up"), 0, NULL, NULL },
    { ACT_PAGE_DOWN, KM_MOVES, { FN(KEY_NPAGE) }, NULL, NULL, N_("page down"), 0, NULL, NULL },
    { ACT_HOME, KM_NORMAL | KM_VIEW, { FN(KEY_HOME), 'g' }, NULL, NULL, N_("first row"), 0, NULL,
      NULL },
    { ACT_END, KM_NORMAL | KM_VIEW, { FN(KEY_END) }, NULL, NULL, N_("last row"), 0, NULL, NULL },
    { ACT_NONE, KM_NORMAL, { 0 }, NULL, N_("mouse"), N_("click selects; double-click toggles or edits"),
      0, NULL, NULL },
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

const struct key_entry *keys_table(size_t *n)
{
    *n = NTABLE;
    return table;
}

/* Whether the answer letters `letters` hold `key` (either case). */
static bool letters_have(const char *letters, int key)
{
    if (!letters || key <= 0 || (key & (KEYS_FN | KEYS_ALT)))
        return false;
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    wchar_t wc;
    size_t r;
    for (const char *s = letters; *s && (r = mbrtowc(&wc, s, strlen(s), &st)) > 0 &&
                                  r < (size_t)-2;
         s += r)
        if ((wint_t)wc == (wint_t)key || towlower((wint_t)wc) == towlower((wint_t)key))
            return true;
    return false;
}

static bool codes_have(const struct key_entry *e, int key)
{
    for (int i = 0; i < KEYS_MAX && e->keys[i]; i++)
        if (e->keys[i] == key)
            return true;
    return false;
}

enum action keys_lookup(unsigned mask, int key)
{
    /* Codes and translated answer letters first; the English letters only
     * when no entry of these modes has taken the key. */
    for (size_t i = 0; i < NTABLE; i++)
        if ((table[i].modes & mask) &&
            (codes_have(&table[i], key) || (table[i].tkeys && letters_have(_(table[i].tkeys), key))))
            return table[i].action;
    for (size_t i = 0; i < NTABLE; i++)
        if ((table[i].modes & mask) && letters_have(table[i].tkeys, key))
            return table[i].action;
    return ACT_NONE;
}

static const struct { int key; const char *name; } named[] = {
        { ' ', "Space" }, { '\t', "Tab" }, { '\n', "Enter" }, { '\r', "Enter" },
        { ESC, "Esc" }, { 127, "Backspace" },
        { FN(KEY_ENTER), "Enter" }, { FN(KEY_BACKSPACE), "Backspace" }, { FN(KEY_UP), "Up" },
        { FN(KEY_DOWN), "Down" }, { FN(KEY_LEFT), "Left" }, { FN(KEY_RIGHT), "Right" },
        { FN(KEY_PPAGE), "PgUp" }, { FN(KEY_NPAGE), "PgDn" }, { FN(KEY_HOME), "Home" },
        { FN(KEY_END), "End" }, { FN(KEY_BTAB), "Shift-Tab" }, { FN(KEY_DC), "Delete" },
        { FN(KEY_RESIZE), "Resize" },
};

void keys_name(int key, char *buf, size_t len)
{
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (named[i].key == key) {
            snprintf(buf, len, "%s", named[i].name);
            return;
        }
    if ((key & KEYS_FN) && (key & ~KEYS_FN) >= KEY_F(1) && (key & ~KEYS_FN) <= KEY_F(63))
        snprintf(buf, len, "F%d", (key & ~KEYS_FN) - KEY_F0);
    else if (key & KEYS_FN)
        snprintf(buf, len, "Key-%d", key & ~KEYS_FN);
    else if (key & KEYS_ALT)
        snprintf(buf, len, "Alt-%c", (char)towupper((wint_t)(key & ~KEYS_ALT)));
    else if (key > 0 && key < 0x20)
        snprintf(buf, len, "Ctrl-%c", '@' + key);
    else {
        char mb[MB_LEN_MAX + 1];
        mbstate_t st;
        memset(&st, 0, sizeof(st));
        size_t n = wcrtomb(mb, (wchar_t)key, &st);
        if (n == (size_t)-1)
            n = 0;
        mb[n] = '\0';
        snprintf(buf, len, "%s", mb);
    }
}

int keys_parse(const char *name)
{
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (!strcmp(named[i].name, name))
            return named[i].key;
    int n;
    char end;
    if (sscanf(name, "F%d%c", &n, &end) == 1 && n >= 1 && n <= 63)
        return FN(KEY_F(n));
    if (!strncmp(name, "Ctrl-", 5) && name[5] && !name[6])
        return (int)(towupper((wint_t)(unsigned char)name[5]) & 0x1f);
    if (!strncmp(name, "Alt-", 4) && name[4] && !name[5])
        return KEYS_ALT | (int)towlower((wint_t)(unsigned char)name[4]);
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    wchar_t wc;
    size_t r = mbrtowc(&wc, name, strlen(name), &st);
    if (r > 0 && r < (size_t)-2 && !name[r])
        return (int)wc;
    return 0;
}

/* Appends `name` to the space-separated list in buf unless it is there. */
static void add_name(char *buf, size_t len, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = buf; (p = strstr(p, name)); p += nl)
        if ((p == buf || p[-1] == ' ') && (p[nl] == ' ' || !p[nl]))
            return;
    size_t o = strlen(buf);
    snprintf(buf + o, len - o, "%s%s", o ? " " : "", name);
}

void keys_names(const struct key_entry *e, char *buf, size_t len)
{
    buf[0] = '\0';
    if (e->names) {
        snprintf(buf, len, "%s", _(e->names));
        return;
    }
    if (e->tkeys) {
        const char *t = _(e->tkeys);
        mbstate_t st;
        memset(&st, 0, sizeof(st));
        size_t r;
        for (const char *s = t; *s && (r = mbrlen(s, strlen(s), &st)) > 0 && r < (size_t)-2;
             s += r) {
            char one[MB_LEN_MAX + 1];
            memcpy(one, s, r);
            one[r] = '\0';
            add_name(buf, len, one);
        }
    }
    for (int i = 0; i < KEYS_MAX && e->keys[i]; i++) {
        char name[32];
        keys_name(e->keys[i], name, sizeof(name));
        add_name(buf, len, name);
    }
}

size_t keys_footer(unsigned mask, struct key_foot *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < NTABLE && n < max; i++) {
        const struct key_entry *e = &table[i];
        if (!(e->foot_modes & mask) || !e->label)
            continue;
        if (e->foot) {
            snprintf(out[n].keys, sizeof(out[n].keys), "%s", e->foot);
        } else {
            char all[128];
            keys_names(e, all, sizeof(all));
            /* The first key. */
            size_t k = strcspn(all, " ");
            all[k] = '\0';
            snprintf(out[n].keys, sizeof(out[n].keys), "%.*s", (int)sizeof(out[n].keys) - 1, all);
        }
        out[n].label = _(e->label);
        out[n].action = e->action;
        n++;
    }
    return n;
}

static const struct key_section sections[] = {
    { KM_NORMAL, "normal", N_("In the planner") },
    { KM_PROMPT, "prompt", N_("In an input line") },
    { KM_CONFIRM, "question", N_("In a question") },
    { KM_TOUR, "tour", N_("In the guided tour") },
    { KM_TOUR_ASK, "tour-question", N_("When the tour asks to open its host") },
    { KM_VIEW, "view", N_("In the views (A, C, K, G)") },
    { KM_GUESTS, "guests", N_("In the running-guests view") },
    { KM_OVERLAY, "overlay", N_("In the help and warnings (other keys close them)") },
    { KM_MENU, "menu", N_("In the host menu") },
    { KM_SAVE, "save", N_("When leaving a guest with unsaved changes") },
};

const struct key_section *keys_sections(size_t *n)
{
    *n = sizeof(sections) / sizeof(sections[0]);
    return sections;
}

unsigned keys_section_of(const struct key_entry *e)
{
    return e->modes & -e->modes;
}

void keys_print(FILE *out)
{
    for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++)
        for (size_t i = 0; i < NTABLE; i++) {
            const struct key_entry *e = &table[i];
            if (keys_section_of(e) != sections[s].mode || !e->help)
                continue;
            char names[128];
            keys_names(e, names, sizeof(names));
            fprintf(out, "%s\t%s\t%s\n", sections[s].name, names, _(e->help));
        }
}
