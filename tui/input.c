#include "config.h"

#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>
#include <wchar.h>

#include "actions.h"
#include "app.h"
#include "domains.h"
#include "i18n.h"
#include "complete.h"
#include "keys.h"
#include "probe.h"
#include "size.h"
#include "text_safe.h"
#include "utf8.h"
#include "xalloc.h"
#include "views.h"
#include "write.h"

void app_start_prompt(struct app *a, enum prompt_kind kind, const char *label, const char *initial)
{
    a->mode = MODE_PROMPT;
    a->status[0] = '\0';
    a->prompt = kind;
    snprintf(a->prompt_label, sizeof(a->prompt_label), "%s", label);
    text_safe_copy(a->input, sizeof(a->input), initial);
    a->cursor = strlen(a->input);
    a->offer = a->input[0] != '\0';
}

/* The byte offset of the UTF-8 character before / after offset i. */
static size_t char_before(const char *s, size_t i)
{
    return i ? utf8_char_start(s, i - 1) : 0;
}

static size_t char_after(const char *s, size_t i)
{
    if (!s[i])
        return i;
    while (s[++i] && ((unsigned char)s[i] & 0xc0) == 0x80)
        ;
    return i;
}

/* Removes bytes [from, to) of the input. */
static void cut(struct app *a, size_t from, size_t to)
{
    memmove(a->input + from, a->input + to, strlen(a->input + to) + 1);
    a->cursor = from;
}

/* Inserts a character at the cursor. */
static void insert(struct app *a, wint_t wc)
{
    char mb[MB_LEN_MAX + 1];
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    size_t n = wcrtomb(mb, (wchar_t)wc, &st);
    size_t len = strlen(a->input);
    if (n == (size_t)-1 || len + n + 1 > sizeof(a->input))
        return;
    memmove(a->input + a->cursor + n, a->input + a->cursor, len - a->cursor + 1);
    memcpy(a->input + a->cursor, mb, n);
    a->cursor += n;
}

static bool is_none(const char *s)
{
    return !*s || !strcasecmp(s, "none") || !strcmp(s, "-");
}

/* Parses a size the person typed; a bare number is GiB. Reports junk. */
static bool parse_size(struct app *a, const char *what, const char *text, uint64_t *kib)
{
    enum size_parse_status st = size_parse_user(text, 1024 * 1024 * 1024, kib);
    if (st == SIZE_OK)
        return true;
    char safe[64];
    text_safe_copy(safe, sizeof(safe), text);
    app_status(a, true, _("%s: '%s' is not a size: %s (examples: 96G, 512MiB, 1.5TiB)"), what,
               safe, size_parse_strerror(st));
    return false;
}

static void accept_phbs(struct app *a, const char *text)
{
    struct mp_error err = { 0 };
    if (!strcasecmp(text, "auto") || !strcmp(text, "0") || !*text) {
        app_edited(a, plan_set_phbs(&a->plan, 0, &err), &err);
        return;
    }
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, 10);
    if (errno || *end || text[0] == '-' || text[0] == '+' || v < 1 || v > MEMLOCK_MAX_PHBS) {
        char safe[64];
        text_safe_copy(safe, sizeof(safe), text);
        app_status(a, true, _("PHBs: '%s' is not auto or a count from 1 to %u"), safe,
                   MEMLOCK_MAX_PHBS);
        return;
    }
    app_edited(a, plan_set_phbs(&a->plan, (unsigned)v, &err), &err);
}

static void accept_open(struct app *a, const char *path)
{
    struct mp_error err = { 0 };
    if (!*path) {
        app_status(a, true, "%s", _("No file name given."));
        return;
    }
    struct guest *g = tui_action_open(path, &err);
    if (!g) {
        app_status(a, true, "%s", err.text);
        return;
    }
    plan_replace_guest(&a->plan, g, path);
    write_remember_file(a);
    a->sel[PANE_GUEST] = a->top[PANE_GUEST] = 0;
    a->sel[PANE_RESULT] = 0;
    app_relayout(a);
    char safe[200];
    text_safe_copy(safe, sizeof(safe), path);
    app_status(a, false, _("Opened %s."), safe);
}

/* E: the explanation opens over the planner; the guest rebuilt from the log
 * replaces the planner's, so its terms can be edited at once. */
static void accept_explain(struct app *a, const char *path)
{
    struct mp_error err = { 0 };
    if (!*path) {
        app_status(a, true, "%s", _("No file name given."));
        return;
    }
    char *text;
    struct guest *g;
    const struct profile *profile;
    if (tui_action_explain(&a->plan, path, &text, &g, &profile, &err) < 0) {
        app_status(a, true, "%s", err.text);
        return;
    }
    if (g) {
        plan_load_rebuilt(&a->plan, g, profile);
        a->sel[PANE_GUEST] = a->top[PANE_GUEST] = 0;
        a->sel[PANE_RESULT] = 0;
        app_relayout(a);
        app_status(a, false, "%s", _("The guest rebuilt from the log is loaded: edit it, w "
                                     "writes it."));
    } else {
        app_status(a, false, "%s", _("The log has no QEMU command line: the guest is unchanged."));
    }
    views_open_text(a, VIEW_EXPLAIN, text);
}

static void accept_add(struct app *a, const char *text)
{
    struct pci_addr addr;
    char safe[64];
    text_safe_copy(safe, sizeof(safe), text);
    if (!pci_addr_parse(text, &addr)) {
        app_status(a, true, _("'%s' is not a PCI address (domain:bus:slot.function, e.g. "
                              "0004:04:00.0)."), safe);
        return;
    }
    const struct host_device *d = a->plan.host ? host_find(a->plan.host, &addr) : NULL;
    if (d) {
        size_t dev = (size_t)(d - a->plan.host->devices);
        if (plan_device_assigned(&a->plan, dev))
            app_status(a, false, _("%s is assigned already."), safe);
        else
            app_toggle_host_device(a, dev);
        return;
    }
    struct mp_error err = { 0 };
    app_edited(a, plan_add_hostdev(&a->plan, &addr, &err), &err);
}

/* x: the report written to `path`, and how it went. */
static void export_to(struct app *a, const char *path)
{
    struct mp_error err = { 0 };
    char msg[512];
    if (tui_action_export(&a->plan, path, msg, sizeof(msg), &err) < 0)
        app_status(a, true, "%s", err.text);
    else
        app_status(a, false, "%s", msg);
}

static void accept_prompt(struct app *a)
{
    struct mp_error err = { 0 };
    char text[256];
    /* Spaces around the input mean nothing. */
    const char *s = a->input;
    while (*s == ' ')
        s++;
    snprintf(text, sizeof(text), "%s", s);
    for (size_t n = strlen(text); n && text[n - 1] == ' ';)
        text[--n] = '\0';
    uint64_t kib;
    a->mode = MODE_NORMAL;
    switch (a->prompt) {
    case PROMPT_MEMORY:
        if (parse_size(a, _("Memory"), text, &kib))
            app_edited(a, plan_set_memory(&a->plan, kib, &err), &err);
        break;
    case PROMPT_MAXMEM:
        if (is_none(text) || !strcmp(text, "0"))
            app_edited(a, plan_set_max_memory(&a->plan, 0, &err), &err);
        else if (parse_size(a, _("Max memory"), text, &kib))
            app_edited(a, plan_set_max_memory(&a->plan, kib, &err), &err);
        break;
    case PROMPT_HARD:
        if (is_none(text))
            app_edited(a, plan_set_hard_limit(&a->plan, false, 0, &err), &err);
        else if (parse_size(a, "hard_limit", text, &kib))
            app_edited(a, plan_set_hard_limit(&a->plan, true, kib, &err), &err);
        break;
    case PROMPT_PHBS: accept_phbs(a, text); break;
    case PROMPT_NAME: app_edited(a, plan_set_name(&a->plan, text, &err), &err); break;
    case PROMPT_SEARCH:
        /* Empty: the last search again. */
        if (*text)
            snprintf(a->search, sizeof(a->search), "%s", text);
        if (a->search[0])
            app_search_next(a);
        break;
    case PROMPT_OPEN: accept_open(a, text); break;
    case PROMPT_WRITE:
        /* A domain's definition to a file (domains.h), else the guest's. */
        if (!(tui_domains && tui_domains->write_file(a, text)))
            write_to(a, text);
        break;
    case PROMPT_ADD: accept_add(a, text); break;
    case PROMPT_EXPLAIN: accept_explain(a, text); break;
    case PROMPT_EXPORT: {
        struct stat st;
        if (strcmp(text, "-") && stat(text, &st) == 0 && S_ISREG(st.st_mode)) {
            /* An existing file is replaced only when the user says so. */
            char safe[200];
            text_safe_copy(safe, sizeof(safe), text);
            snprintf(a->input, sizeof(a->input), "%s", text);   /* the name, trimmed */
            a->mode = MODE_CONFIRM;
            a->confirm = CONFIRM_EXPORT;
            snprintf(a->question, sizeof(a->question), _("%s exists. Replace it? (y/n)"), safe);
            break;
        }
        export_to(a, text);
        break;
    }
    }
}

static bool names_file(enum prompt_kind k)
{
    return k == PROMPT_OPEN || k == PROMPT_WRITE || k == PROMPT_EXPORT || k == PROMPT_EXPLAIN;
}

bool app_prompt_completes(const struct app *a)
{
    return names_file(a->prompt) || a->prompt == PROMPT_ADD;
}

/* Tab: file prompts complete paths, the add prompt host addresses. */
static void complete(struct app *a)
{
    size_t n;
    if (names_file(a->prompt))
        n = complete_path(a->input, sizeof(a->input));
    else if (a->prompt == PROMPT_ADD)
        n = complete_pci(a->plan.host, a->input, sizeof(a->input));
    else
        return;
    a->cursor = strlen(a->input);
    if (!n)
        app_status(a, true, "%s", _("Nothing matches."));
    else if (n > 1)
        app_status(a, false, P_("%zu entry matches; type more.", "%zu entries match; type more.", n), n);
    else
        a->status[0] = '\0';
}

static void prompt_key(struct app *a, int key)
{
    switch (keys_lookup(KM_PROMPT, key)) {
    case ACT_CANCEL:
        a->mode = MODE_NORMAL;
        a->pending = PENDING_NONE;
        app_status(a, false, "%s", _("Cancelled."));
        break;
    case ACT_ACCEPT: accept_prompt(a); break;
    case ACT_BACKSPACE:
        if (a->offer)
            cut(a, 0, strlen(a->input));
        else
            cut(a, char_before(a->input, a->cursor), a->cursor);
        break;
    case ACT_DELETE:
        if (a->offer)
            cut(a, 0, strlen(a->input));
        else
            cut(a, a->cursor, char_after(a->input, a->cursor));
        break;
    case ACT_KILL_LINE: cut(a, 0, strlen(a->input)); break;
    case ACT_COMPLETE: complete(a); break;
    case ACT_LINE_START: a->cursor = 0; break;
    case ACT_LINE_END: a->cursor = strlen(a->input); break;
    case ACT_CURSOR_LEFT: a->cursor = char_before(a->input, a->cursor); break;
    case ACT_CURSOR_RIGHT: a->cursor = char_after(a->input, a->cursor); break;
    default:
        if (!(key & (KEYS_FN | KEYS_ALT)) && key >= 0x20 && key != 127) {
            /* The offered text is selected: what one types replaces it. */
            if (a->offer)
                cut(a, 0, strlen(a->input));
            insert(a, (wint_t)key);
        } else {
            return; /* unbound: the offer stays as it is */
        }
        break;
    }
    a->offer = false;
}

void app_toggle_device(struct app *a)
{
    if (a->sel[PANE_HOST] >= a->hv.n || a->hv.rows[a->sel[PANE_HOST]].kind != HROW_DEVICE) {
        app_status(a, true, "%s", _("Select a device (not a PHB) to assign it."));
        return;
    }
    app_toggle_host_device(a, a->hv.rows[a->sel[PANE_HOST]].dev);
}

/* Why VFIO cannot take host device `d`, or NULL. */
static const char *not_assignable(const struct host_device *d)
{
    if (host_device_is_bridge(d))
        return _("it is a bridge or PCIe port: vfio-pci binds only endpoint devices (PCI header "
                 "type 0), so libvirt cannot pass it through");
    if (d->iommu_group < 0)
        return _("it is in no IOMMU group: VFIO needs the host's IOMMU to isolate it (is the "
                 "IOMMU on, e.g. intel_iommu=on?)");
    return NULL;
}

void app_toggle_host_device(struct app *a, size_t dev)
{
    struct mp_error err = { 0 };
    const char *why = not_assignable(&a->plan.host->devices[dev]);
    if (why && !plan_device_assigned(&a->plan, dev)) {
        char addr[PCI_ADDR_STRLEN];
        pci_addr_format(&a->plan.host->devices[dev].addr, addr);
        app_status(a, true, _("%s cannot be assigned: %s."), addr, why);
        return;
    }
    size_t others = plan_group_others(&a->plan, dev);
    if (!others) {
        app_edited(a, plan_toggle_device(&a->plan, dev, false, &err), &err);
        return;
    }
    int group = a->plan.host->devices[dev].iommu_group;
    a->mode = MODE_CONFIRM;
    a->confirm = CONFIRM_GROUP;
    a->confirm_dev = dev;
    if (plan_device_assigned(&a->plan, dev))
        snprintf(a->question, sizeof(a->question),
                 P_("Also unassign the %zu other assigned device of IOMMU group %d? "
                    "y: whole group  n: just this one  Esc: cancel",
                    "Also unassign the %zu other assigned devices of IOMMU group %d? "
                    "y: whole group  n: just this one  Esc: cancel", others),
                 others, group);
    else
        snprintf(a->question, sizeof(a->question),
                 P_("IOMMU group %d has %zu more device; VFIO needs them all. Assign the whole "
                    "group? y: yes  n: just this one  Esc: cancel",
                    "IOMMU group %d has %zu more devices; VFIO needs them all. Assign the whole "
                    "group? y: yes  n: just this one  Esc: cancel", others),
                 group, others);
}

/* Discard: the guest as it was opened (its file, or a new guest), for what
 * goes on with it (the tour, another host); quitting and opening need not. */
static void discard(struct app *a)
{
    if (a->pending == PENDING_DEMO || a->pending == PENDING_TOUR) {
        struct mp_error err = { 0 };
        struct guest *g = a->plan.path && access(a->plan.path, F_OK) == 0
                              ? tui_action_open(a->plan.path, &err)
                              : guest_new_for_arch(a->plan.host ? a->plan.host->arch : NULL);
        if (!g) {
            a->pending = PENDING_NONE;
            app_status(a, true, "%s", err.text);
            return;
        }
        char *path = a->plan.path ? xstrdup(a->plan.path) : NULL;
        plan_replace_guest(&a->plan, g, path);
        free(path);
        app_relayout(a);
    }
    a->plan.dirty = false;
    app_status(a, false, "%s", _("Changes discarded."));
    app_resume_pending(a);
}

static void confirm_key(struct app *a, int key)
{
    struct mp_error err = { 0 };
    if (a->confirm == CONFIRM_UNSAVED) {
        switch (keys_lookup(KM_SAVE, key)) {
        case ACT_SAVE: a->mode = MODE_NORMAL; write_start(a, false); break;
        case ACT_DISCARD: a->mode = MODE_NORMAL; discard(a); break;
        case ACT_CANCEL:
            a->mode = MODE_NORMAL;
            a->pending = PENDING_NONE;
            app_status(a, false, "%s", _("Cancelled."));
            break;
        default: break;
        }
        return;
    }
    enum action act = keys_lookup(KM_CONFIRM, key);
    if (a->confirm == CONFIRM_EXPORT) {
        if (act == ACT_YES || act == ACT_NO || act == ACT_CANCEL)
            a->mode = MODE_NORMAL;
        if (act == ACT_YES)
            export_to(a, a->input);
        else if (act == ACT_NO || act == ACT_CANCEL)
            app_status(a, false, "%s", _("Not written."));
        return;
    }
    if (a->confirm != CONFIRM_GROUP) {
        write_answer(a, act);
        return;
    }
    if (act == ACT_YES || act == ACT_NO) {
        a->mode = MODE_NORMAL;
        app_edited(a, plan_toggle_device(&a->plan, a->confirm_dev, act == ACT_YES, &err), &err);
    } else if (act == ACT_CANCEL) {
        a->mode = MODE_NORMAL;
        app_status(a, false, "%s", _("Cancelled."));
    }
}

static void menu_key(struct app *a, int key)
{
    size_t n;
    const struct demo_host_info *d = probe_demo_list(&n);
    enum action act = keys_lookup(KM_MENU, key);
    if (act == ACT_UP && a->menu_sel > 0)
        a->menu_sel--;
    else if (act == ACT_DOWN && a->menu_sel < n)
        a->menu_sel++;
    else if (act == ACT_CLOSE)
        a->mode = MODE_NORMAL;
    else if (act == ACT_ACCEPT) {
        char src[128];
        if (a->menu_sel < n)
            snprintf(src, sizeof(src), "demo:%s", d[a->menu_sel].name);
        else
            snprintf(src, sizeof(src), "live");
        a->mode = MODE_NORMAL;
        struct mp_error err = { 0 };
        struct host *h = tui_action_load_host(src, &err);
        if (!h) {
            app_status(a, true, "%s", err.text);
            return;
        }
        /* An untouched new guest follows the host's architecture. */
        if (!a->plan.path && !a->plan.nundo)
            plan_replace_guest(&a->plan, guest_new_for_arch(h->arch), NULL);
        plan_replace_host(&a->plan, h);
        app_host_changed(a);
        app_relayout(a);
        app_status(a, false, _("Host %s opened."), src);
    }
}

static void overlay_key(struct app *a, int key)
{
    enum action act = keys_lookup(KM_OVERLAY, key);
    if (act == ACT_UP) {
        if (a->overlay_top)
            a->overlay_top--;
    } else if (act == ACT_DOWN) {
        a->overlay_top++;
    } else if (act == ACT_PAGE_DOWN) {
        a->overlay_top += 10;
    } else if (act == ACT_PAGE_UP) {
        a->overlay_top = a->overlay_top > 10 ? a->overlay_top - 10 : 0;
    } else if (key != (KEYS_FN | KEY_MOUSE)) {
        a->mode = MODE_NORMAL;
    }
}

void app_modal_key(struct app *a, int key)
{
    switch (a->mode) {
    case MODE_PROMPT: prompt_key(a, key); break;
    case MODE_CONFIRM: confirm_key(a, key); break;
    case MODE_MENU: menu_key(a, key); break;
    case MODE_DOMAINS:
        if (tui_domains)
            tui_domains->key(a, key);
        break;
    case MODE_HELP: case MODE_WARNINGS: overlay_key(a, key); break;
    case MODE_VIEW: views_key(a, key); break;
    case MODE_TOUR: tour_key(a, key); break;
    case MODE_NORMAL: break;
    }
}

/* Row of the list under (y) in a pane's inner area, or -1. */
static long row_at(const struct app *a, enum pane p, int y)
{
    const struct rect *r = p == PANE_HOST ? &a->lay.host : &a->lay.guest;
    int first = r->y + 1;
    if (p == PANE_HOST && a->hv.n && !hostview_has_passthrough(a->plan.host))
        first += 3;
    long i = y - first;
    if (i < 0 || (size_t)i >= app_pane_visible(a, p))
        return -1;
    size_t row = a->top[p] + (size_t)i;
    return row < app_pane_rows(a, p) ? (long)row : -1;
}

void app_mouse(struct app *a, int y, int x, bool dbl, int wheel)
{
    if (a->lay.too_small)
        return;
    if (a->mode == MODE_HELP || a->mode == MODE_WARNINGS) {
        if (wheel)
            app_modal_key(a, wheel < 0 ? (KEYS_FN | KEY_UP) : (KEYS_FN | KEY_DOWN));
        else
            a->mode = MODE_NORMAL;
        return;
    }
    if (a->mode == MODE_VIEW) {
        if (wheel)
            views_wheel(a, wheel);
        return;
    }
    if (a->mode != MODE_NORMAL)
        return;
    enum pane p;
    if (layout_contains(&a->lay.host, y, x))
        p = PANE_HOST;
    else if (layout_contains(&a->lay.guest, y, x))
        p = PANE_GUEST;
    else if (layout_contains(&a->lay.result, y, x))
        p = PANE_RESULT;
    else
        return;
    a->focus = p;
    if (wheel) {
        app_key(a, wheel < 0 ? (KEYS_FN | KEY_UP) : (KEYS_FN | KEY_DOWN));
        return;
    }
    if (p == PANE_RESULT)
        return;
    long row = row_at(a, p, y);
    if (row < 0)
        return;
    a->sel[p] = (size_t)row;
    if (dbl)
        app_key(a, '\n');
}
