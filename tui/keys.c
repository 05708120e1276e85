#include "config.h"

#include <curses.h>

#include "i18n.h"
#include "keys.h"

#define FN(k) ((k) | KEYS_FN)
#define CTRL(c) ((c) & 0x1f)

struct binding {
    int key;
    enum action action;
};

static const struct binding bindings[] = {
    { FN(KEY_F(1)), ACT_HELP }, { '?', ACT_HELP },
    { 'q', ACT_QUIT }, { FN(KEY_F(10)), ACT_QUIT },
    { '\t', ACT_NEXT_PANE }, { FN(KEY_BTAB), ACT_PREV_PANE },
    { FN(KEY_UP), ACT_UP }, { 'k', ACT_UP },
    { FN(KEY_DOWN), ACT_DOWN }, { 'j', ACT_DOWN },
    { FN(KEY_LEFT), ACT_LEFT }, { 'h', ACT_LEFT },
    { FN(KEY_RIGHT), ACT_RIGHT },
    { FN(KEY_PPAGE), ACT_PAGE_UP }, { FN(KEY_NPAGE), ACT_PAGE_DOWN },
    { FN(KEY_HOME), ACT_HOME }, { 'g', ACT_HOME }, { FN(KEY_END), ACT_END },
    { ' ', ACT_TOGGLE },
    { 'e', ACT_EDIT }, { '\n', ACT_EDIT }, { '\r', ACT_EDIT }, { FN(KEY_ENTER), ACT_EDIT },
    { '+', ACT_MEM_UP }, { '=', ACT_MEM_UP }, { '-', ACT_MEM_DOWN },
    /* 'l' toggles locked as the issue asks, so Right arrow alone moves right. */
    { 'l', ACT_LOCKED }, { 'm', ACT_MEMORY }, { 'M', ACT_MAXMEM }, { 'p', ACT_PHBS }, { 'H', ACT_HARD },
    { 'v', ACT_VIOMMU }, { 'L', ACT_PROFILE }, { 'f', ACT_HOTPLUG },
    { 'u', ACT_UNDO }, { CTRL('z'), ACT_UNDO },
    { 'o', ACT_OPEN }, { 'w', ACT_WRITE }, { 'x', ACT_EXPORT },
    { '/', ACT_SEARCH }, { 'n', ACT_SEARCH_NEXT },
    { 'W', ACT_WARNINGS }, { 'D', ACT_DEMO }, { CTRL('l'), ACT_REDRAW },
    /* The views (views.h); G was "last row", End still is. */
    { 'T', ACT_TOUR }, { 'A', ACT_MAP }, { 'C', ACT_COMPARE }, { 'K', ACT_CAPACITY },
    { 'G', ACT_GUESTS },
};

enum action keys_lookup(int key)
{
    for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
        if (bindings[i].key == key)
            return bindings[i].action;
    return ACT_NONE;
}

static const struct key_help help[] = {
    { "F1 ?", N_("this help (any key closes it)") },
    { "q F10", N_("quit (asks first when there are unsaved changes)") },
    { "Tab S-Tab", N_("next / previous pane: host, guest, result") },
    { "Up Down j k", N_("move the selection") },
    { "Left h Right", N_("previous / next pane") },
    { "PgUp PgDn g End", N_("page up / down, first / last row") },
    { "Space", N_("host: assign or unassign the device (offers its whole IOMMU group); "
                  "guest: remove the selected device") },
    { "e Enter", N_("edit or toggle the selected field; sizes take units: 96G, 512MiB, 1.5TiB") },
    { "+ -", N_("memory up / down by 1 GiB") },
    { "m M", N_("set memory / max memory (max memory: 0 or none to drop it)") },
    { "p", N_("PHB count: auto (as libvirt places them) or a manual number") },
    { "l", N_("toggle <memoryBacking><locked/>") },
    { "H", N_("set <memtune><hard_limit> (none to drop it)") },
    { "v", N_("toggle a vIOMMU (<devices><iommu>)") },
    { "f", N_("toggle planning for a VFIO hot-plug") },
    { "L", N_("cycle the libvirt profile (formula of each libvirt version)") },
    { "u Ctrl-Z", N_("undo the last edit") },
    { "/ n", N_("search host devices by address, name, driver or kind; next match") },
    { "W", N_("show every warning") },
    { "D", N_("open a demo host") },
    { "o", N_("open a guest XML file") },
    { "w", N_("write the guest's XML file with the recommended hard_limit") },
    { "x", N_("export a report: text, Markdown, JSON or HTML by the file's extension") },
    { "T", N_("guided tour on the AC922 demo host: n next, b back, Esc leaves and restores "
              "the guest") },
    { "A", N_("address map of the pseries guest: RAM, MMIO, GPU RAM, DMA windows per PHB") },
    { "C", N_("compare the guest under every libvirt profile") },
    { "K", N_("capacity: how many guests of this shape fit, what runs out first") },
    { "G", N_("running QEMU guests: limit, locked and pinned memory (r refreshes)") },
    { "Ctrl-L", N_("redraw the screen") },
    { N_("mouse"), N_("click selects; double-click toggles or edits") },
};

const struct key_help *keys_help(size_t *n)
{
    *n = sizeof(help) / sizeof(help[0]);
    return help;
}

static const char *const footer_keys[] = {
    "F1/?", "q", "Tab", "Space", "m", "M", "p", "l", "H", "v", "L", "u", "/", "w", "x",
    "T", "A", "C", "K", "G",
};
static const char *const footer_labels[] = {
    N_("Help"), N_("Quit"), N_("Pane"), N_("Assign"), N_("Mem"), N_("MaxMem"), N_("PHBs"),
    N_("Locked"), N_("Hard"), N_("vIOMMU"), N_("libvirt"), N_("Undo"), N_("Find"),
    N_("Write"), N_("Export"), N_("Tour"), N_("Map"), N_("Compare"), N_("Capacity"),
    N_("Guests"),
};

void keys_footer(const char *const **keys, const char *const **labels, size_t *n)
{
    *keys = footer_keys;
    *labels = footer_labels;
    *n = sizeof(footer_keys) / sizeof(footer_keys[0]);
}
