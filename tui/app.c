#include "config.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "domains.h"
#include "guestview.h"
#include "headless.h"
#include "i18n.h"
#include "keys.h"
#include "size.h"
#include "text_safe.h"
#include "views.h"
#include "write.h"

void app_status(struct app *a, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->status, sizeof(a->status), fmt, ap);
    va_end(ap);
    a->status_error = error;
}

void app_relayout(struct app *a)
{
    getmaxyx(stdscr, a->rows, a->cols);
    size_t nw = a->plan.have_result ? a->plan.result.warnings.n : 1;
    layout_compute(a->rows, a->cols, nw, guestview_rows(&a->plan, NULL, 0), &a->lay);
    if (a->zoom && !a->lay.too_small) {
        a->lay.host.h += a->lay.guest.h;
        a->lay.guest.h = 0;
        if (a->focus == PANE_GUEST)
            a->focus = PANE_HOST;
    }
}

void app_host_changed(struct app *a)
{
    hostview_free(&a->hv);
    hostview_build(a->plan.host, &a->hv);
    a->sel[PANE_HOST] = 0;
    a->top[PANE_HOST] = 0;
    /* Start on the first device rather than a PHB heading. */
    if (a->hv.n > 1 && a->hv.rows[0].kind == HROW_PHB)
        a->sel[PANE_HOST] = 1;
}

size_t app_pane_rows(const struct app *a, enum pane p)
{
    switch (p) {
    case PANE_HOST: return a->hv.n;
    case PANE_GUEST: return guestview_rows(&a->plan, NULL, 0);
    case PANE_RESULT: return a->plan.have_result ? a->plan.result.nterms : 0;
    default: return 0;
    }
}

/* Inner rows of the host list before the detail rows. */
static int host_inner(const struct app *a)
{
    int h = a->lay.host.h - 2;
    if (a->hv.n && !hostview_has_passthrough(a->plan.host))
        h -= 3; /* the "no passthrough hardware" note */
    return h;
}

int app_host_detail_rows(const struct app *a)
{
    int h = host_inner(a);
    return h >= 8 ? 2 : h >= 4 ? 1 : 0;
}

size_t app_pane_visible(const struct app *a, enum pane p)
{
    int h;
    switch (p) {
    case PANE_HOST:
        h = host_inner(a) - app_host_detail_rows(a);
        break;
    case PANE_GUEST: h = a->lay.guest.h - 2; break;
    default: h = (int)app_pane_rows(a, p); break;
    }
    return h > 0 ? (size_t)h : 0;
}

static void move_sel(struct app *a, long delta)
{
    enum pane p = a->focus;
    size_t n = app_pane_rows(a, p);
    if (!n)
        return;
    long s = (long)a->sel[p] + delta;
    if (s < 0)
        s = 0;
    if ((size_t)s >= n)
        s = (long)n - 1;
    a->sel[p] = (size_t)s;
}

/* Keeps selections inside their lists after edits changed their lengths. */
static void clamp_selections(struct app *a)
{
    for (int p = 0; p < PANE_COUNT; p++) {
        size_t n = app_pane_rows(a, (enum pane)p);
        if (a->sel[p] >= n)
            a->sel[p] = n ? n - 1 : 0;
    }
}

static void report(struct app *a, int rc, const struct mp_error *err, const char *ok_fmt)
{
    if (rc < 0)
        app_status(a, true, "%s", err->text);
    else if (ok_fmt)
        app_status(a, false, ok_fmt, a->plan.last_edit ? a->plan.last_edit : "");
    clamp_selections(a);
    app_relayout(a);
}

void app_edited(struct app *a, int rc, const struct mp_error *err)
{
    report(a, rc, err, _("Done: %s"));
}


static void start_size_prompt(struct app *a, enum prompt_kind kind, const char *label, uint64_t kib)
{
    char init[64] = "";
    if (kib) {
        /* Pre-fill with an exact value the size parser takes back. */
        if (kib % KIB_PER_GIB == 0)
            snprintf(init, sizeof(init), "%lluG", (unsigned long long)(kib / KIB_PER_GIB));
        else if (kib % KIB_PER_MIB == 0)
            snprintf(init, sizeof(init), "%lluM", (unsigned long long)(kib / KIB_PER_MIB));
        else
            snprintf(init, sizeof(init), "%lluK", (unsigned long long)kib);
    }
    app_start_prompt(a, kind, label, init);
}

static void normal_key(struct app *a, enum action act);

/* e / Enter: the selected row's own action. */
static void edit_selected(struct app *a)
{
    struct mp_error err = { 0 };
    if (a->focus == PANE_HOST) {
        app_toggle_device(a);
        return;
    }
    if (a->focus == PANE_RESULT) {
        if (a->plan.have_result && a->plan.result.nterms)
            views_open(a, VIEW_TERM);
        return;
    }
    if (a->focus != PANE_GUEST)
        return;
    size_t n = guestview_rows(&a->plan, NULL, 0);
    struct grow rows[n];
    guestview_rows(&a->plan, rows, n);
    if (a->sel[PANE_GUEST] >= n)
        return;
    const struct grow *r = &rows[a->sel[PANE_GUEST]];
    const struct guest *g = a->plan.guest;
    switch (r->field) {
    case GF_NAME: app_start_prompt(a, PROMPT_NAME, _("Guest name:"), g->name ? g->name : ""); break;
    case GF_ARCH: app_edited(a, plan_cycle_arch(&a->plan, &err), &err); break;
    case GF_TYPE: app_edited(a, plan_toggle_virt(&a->plan, &err), &err); break;
    case GF_MEMORY: normal_key(a, ACT_MEMORY); break;
    case GF_MAXMEM: normal_key(a, ACT_MAXMEM); break;
    case GF_PHBS: normal_key(a, ACT_PHBS); break;
    case GF_HARD: normal_key(a, ACT_HARD); break;
    case GF_LOCKED: normal_key(a, ACT_LOCKED); break;
    case GF_VIOMMU: normal_key(a, ACT_VIOMMU); break;
    case GF_HOTPLUG: normal_key(a, ACT_HOTPLUG); break;
    case GF_PROFILE: normal_key(a, ACT_PROFILE); break;
    case GF_DEVHEADER: app_status(a, false, "%s", _("Assign devices with Space in the host pane.")); break;
    case GF_HOSTDEV: {
        /* A host device the host has: unassigned as Space in the host pane
         * does, offering its IOMMU group; others (not on this host, mdev) alone. */
        const struct guest_hostdev *h = &g->hostdevs[r->hostdev];
        const struct host_device *d =
            h->kind == GUEST_HOSTDEV_PCI && a->plan.host ? host_find(a->plan.host, &h->host) : NULL;
        if (d)
            app_toggle_host_device(a, (size_t)(d - a->plan.host->devices));
        else
            app_edited(a, plan_remove_hostdev(&a->plan, r->hostdev, &err), &err);
        break;
    }
    }
}

static void mem_step(struct app *a, bool up)
{
    struct mp_error err = { 0 };
    uint64_t cur = a->plan.have_result ? a->plan.result.memory_kib : a->plan.guest->memory_kib;
    uint64_t next;
    if (up) {
        if (!size_add(cur, KIB_PER_GIB, &next)) {
            app_status(a, true, "%s", _("memory cannot grow further"));
            return;
        }
    } else {
        if (cur <= KIB_PER_GIB) {
            app_status(a, true, "%s", _("memory is at 1 GiB or less: type a size with m"));
            return;
        }
        next = cur - KIB_PER_GIB;
    }
    app_edited(a, plan_set_memory(&a->plan, next, &err), &err);
}

static void do_undo(struct app *a, bool redo)
{
    char what[160];
    if (!(redo ? plan_redo : plan_undo)(&a->plan, what, sizeof(what))) {
        app_status(a, true, "%s", redo ? _("Nothing to redo.") : _("Nothing to undo."));
        return;
    }
    app_status(a, false, redo ? _("Redone: %s") : _("Undone: %s"), what);
    clamp_selections(a);
    app_relayout(a);
}

void app_resume_pending(struct app *a)
{
    enum pending what = a->pending;
    a->pending = PENDING_NONE;
    switch (what) {
    case PENDING_NONE: break;
    case PENDING_QUIT: a->quit = true; break;
    case PENDING_OPEN:
        if (tui_domains && tui_domains->open(a))
            break;
        app_start_prompt(a, PROMPT_OPEN, _("Open guest XML:"), a->plan.path ? a->plan.path : "");
        break;
    case PENDING_DEMO: a->mode = MODE_MENU; a->menu_sel = 0; break;
    case PENDING_EXPLAIN:
        app_start_prompt(a, PROMPT_EXPLAIN, _("Log of the failed start:"), "");
        break;
    case PENDING_TOUR: tour_start(a); break;
    }
}

void app_leave_guest(struct app *a, enum pending what)
{
    a->pending = what;
    if (!a->plan.dirty) {
        app_resume_pending(a);
        return;
    }
    a->mode = MODE_CONFIRM;
    a->confirm = CONFIRM_UNSAVED;
    snprintf(a->question, sizeof(a->question), "%s",
             _("The guest has unsaved changes: s save  d discard  c, Esc cancel"));
}

static void search_step(struct app *a, int dir)
{
    if (!a->search[0]) {
        app_start_prompt(a, PROMPT_SEARCH, _("Search host devices:"), "");
        return;
    }
    unsigned nv2 = a->plan.profile->nv2_files;
    size_t from = a->sel[PANE_HOST];
    long row = hostview_search(&a->hv, a->plan.host, nv2, a->search, from, dir);
    char safe[128];
    text_safe_copy(safe, sizeof(safe), a->search);
    if (row < 0) {
        app_status(a, true, _("No host device matches '%s'."), safe);
        return;
    }
    bool wrapped = dir > 0 ? (size_t)row <= from : (size_t)row >= from;
    a->focus = PANE_HOST;
    a->sel[PANE_HOST] = (size_t)row;
    size_t index, n = hostview_match_count(&a->hv, a->plan.host, nv2, a->search, (size_t)row,
                                           &index);
    if (wrapped)
        app_status(a, false, _("'%s': %zu of %zu, wrapped (n next, N previous)."), safe, index, n);
    else
        app_status(a, false, _("'%s': %zu of %zu (n next, N previous)."), safe, index, n);
}

static void normal_key(struct app *a, enum action act)
{
    struct mp_error err = { 0 };
    const struct guest *g = a->plan.guest;
    switch (act) {
    case ACT_NONE: break;
    case ACT_HELP: a->mode = MODE_HELP; a->overlay_top = 0; break;
    case ACT_QUIT: app_leave_guest(a, PENDING_QUIT); break;
    case ACT_NEXT_PANE: case ACT_RIGHT:
        a->focus = (enum pane)((a->focus + 1) % PANE_COUNT);
        if (a->zoom && a->focus == PANE_GUEST)
            a->focus = PANE_RESULT;
        break;
    case ACT_PREV_PANE: case ACT_LEFT:
        a->focus = (enum pane)((a->focus + PANE_COUNT - 1) % PANE_COUNT);
        if (a->zoom && a->focus == PANE_GUEST)
            a->focus = PANE_HOST;
        break;
    case ACT_UP: move_sel(a, -1); break;
    case ACT_DOWN: move_sel(a, 1); break;
    case ACT_PAGE_UP: move_sel(a, -(long)(app_pane_visible(a, a->focus) ?: 1)); break;
    case ACT_PAGE_DOWN: move_sel(a, (long)(app_pane_visible(a, a->focus) ?: 1)); break;
    case ACT_HOME: a->sel[a->focus] = 0; break;
    case ACT_END: move_sel(a, (long)app_pane_rows(a, a->focus)); break;
    case ACT_TOGGLE:
        if (a->focus == PANE_HOST)
            app_toggle_device(a);
        else if (a->focus == PANE_GUEST)
            edit_selected(a);
        break;
    case ACT_EDIT: edit_selected(a); break;
    case ACT_MEM_UP: mem_step(a, true); break;
    case ACT_MEM_DOWN: mem_step(a, false); break;
    case ACT_MEMORY:
        start_size_prompt(a, PROMPT_MEMORY, _("Memory (e.g. 96G, 512MiB):"),
                          a->plan.have_result ? a->plan.result.memory_kib : g->memory_kib);
        break;
    case ACT_MAXMEM:
        start_size_prompt(a, PROMPT_MAXMEM, _("Max memory (size, or none):"), g->max_memory_kib);
        break;
    case ACT_HARD:
        start_size_prompt(a, PROMPT_HARD, _("hard_limit (size, or none):"),
                          g->has_hard_limit ? g->hard_limit_kib : 0);
        break;
    case ACT_PHBS: {
        char init[16] = "auto";
        if (g->phb_override)
            snprintf(init, sizeof(init), "%u", g->phb_override);
        app_start_prompt(a, PROMPT_PHBS, _("PHBs (auto, or 1-256):"), init);
        break;
    }
    case ACT_LOCKED: app_edited(a, plan_toggle_locked(&a->plan, &err), &err); break;
    case ACT_VIOMMU: app_edited(a, plan_toggle_viommu(&a->plan, &err), &err); break;
    case ACT_HOTPLUG: app_edited(a, plan_toggle_force_vfio(&a->plan, &err), &err); break;
    case ACT_PROFILE: app_edited(a, plan_next_profile(&a->plan, &err), &err); break;
    case ACT_UNDO: do_undo(a, false); break;
    case ACT_REDO: do_undo(a, true); break;
    case ACT_SUSPEND:
        if (a->crt.headless)
            app_status(a, false, "%s", _("No terminal to suspend from."));
        crt_suspend();
        app_relayout(a);
        break;
    case ACT_OPEN: app_leave_guest(a, PENDING_OPEN); break;
    case ACT_EXPLAIN: app_leave_guest(a, PENDING_EXPLAIN); break;
    case ACT_DIFF: {
        char *text;
        bool same;
        if (tui_action_diff(&a->plan, &text, &same, &err) < 0) {
            app_status(a, true, "%s", err.text);
        } else if (same) {
            free(text);
            app_status(a, false, "%s", _("The guest is as its file on disk: same limit, same terms."));
        } else {
            views_open_text(a, VIEW_DIFF, text);
        }
        break;
    }
    case ACT_WRITE:
        if (!(tui_domains && tui_domains->write(a)))
            write_start(a, false);
        break;
    case ACT_SAVE_AS: write_start(a, true); break;
    case ACT_EXPORT: {
        char name[160];
        snprintf(name, sizeof(name), "%s-plan.md", g->name && *g->name ? g->name : "guest");
        /* The offered name stays in the current directory, whatever the guest's name holds. */
        for (char *c = name; *c; c++)
            if (*c == '/')
                *c = '_';
        app_start_prompt(a, PROMPT_EXPORT, _("Export report to (.txt .md .json .html):"), name);
        break;
    }
    case ACT_ADD_HOSTDEV:
        app_start_prompt(a, PROMPT_ADD, _("Add host device (domain:bus:slot.function, Tab completes):"),
                         "");
        break;
    case ACT_SEARCH: app_start_prompt(a, PROMPT_SEARCH, _("Search host devices:"), ""); break;
    case ACT_SEARCH_NEXT: search_step(a, 1); break;
    case ACT_SEARCH_PREV: search_step(a, -1); break;
    case ACT_WARNINGS: a->mode = MODE_WARNINGS; a->overlay_top = 0; break;
    case ACT_DEMO: app_leave_guest(a, PENDING_DEMO); break;
    case ACT_REDRAW: clearok(curscr, TRUE); break;
    case ACT_ZOOM:
        a->zoom = !a->zoom;
        app_relayout(a);
        app_status(a, false, "%s", a->zoom ? _("Host pane zoomed; z gives the guest pane back.")
                                           : _("Host and guest panes side by side again."));
        break;
    case ACT_MAP: views_open(a, VIEW_MAP); break;
    case ACT_COMPARE: views_open(a, VIEW_COMPARE); break;
    case ACT_CAPACITY: views_open(a, VIEW_CAPACITY); break;
    case ACT_GUESTS: views_open(a, VIEW_GUESTS); break;
    case ACT_TOUR: app_leave_guest(a, PENDING_TOUR); break;
    default: break; /* the other modes' actions */
    }
}

/* Keys that work in every mode. */
static bool global_key(struct app *a, int key)
{
    if (key == (KEYS_FN | KEY_RESIZE)) {
        app_relayout(a);
        return true;
    }
    if (a->lay.too_small) {
        /* Only quitting (and its question) makes sense until the terminal grows. */
        if (a->mode == MODE_CONFIRM && a->confirm == CONFIRM_UNSAVED)
            app_modal_key(a, key);
        else if (keys_lookup(KM_NORMAL, key) == ACT_QUIT)
            app_leave_guest(a, PENDING_QUIT);
        return true;
    }
    return false;
}

const struct tui_domain_ops *tui_domains;

unsigned app_key_mask(const struct app *a)
{
    switch (a->mode) {
    case MODE_NORMAL: return KM_NORMAL;
    case MODE_PROMPT: return KM_PROMPT;
    case MODE_CONFIRM: return a->confirm == CONFIRM_UNSAVED ? KM_SAVE : KM_CONFIRM;
    case MODE_HELP: case MODE_WARNINGS: return KM_OVERLAY;
    case MODE_MENU: return KM_MENU;
    case MODE_VIEW: return KM_VIEW;
    case MODE_TOUR: return KM_TOUR;
    case MODE_DOMAINS: return tui_domains ? tui_domains->mask(a) : KM_MENU;
    }
    return KM_NORMAL;
}

void app_search_next(struct app *a)
{
    search_step(a, 1);
}

void app_key(struct app *a, int key)
{
    /* Alt with a key bound to nothing here: Esc, then the key (fast typing). */
    if ((key & KEYS_ALT) && keys_lookup(app_key_mask(a), key) == ACT_NONE) {
        app_key(a, 27);
        app_key(a, key & ~KEYS_ALT);
        return;
    }
    if (global_key(a, key))
        return;
    if (a->mode != MODE_NORMAL) {
        app_modal_key(a, key);
        /* A question that interrupted the tour (quit?) returns to it. */
        if (a->mode == MODE_NORMAL && tour_running(a))
            a->mode = MODE_TOUR;
        return;
    }
    if (key != (KEYS_FN | KEY_MOUSE))
        a->status[0] = '\0';
    normal_key(a, keys_lookup(KM_NORMAL, key));
}

void app_loop(struct app *a)
{
    app_relayout(a);
    bool redraw = true;
    while (!a->quit) {
        /* Only after a key: the periodic wake-up (for signals) changes nothing. */
        if (redraw)
            draw_all(a);
        redraw = true;
        if (a->script) {
            int key, rows, cols;
            switch (headless_next(a->script, &key, &rows, &cols)) {
            case HL_KEY: app_key(a, key); break;
            case HL_DUMP: headless_dump(stdout); redraw = false; break;
            case HL_RESIZE:
                resizeterm(rows, cols);
                app_key(a, KEYS_FN | KEY_RESIZE);
                break;
            case HL_SHELL: redraw = false; break;
            case HL_END: a->quit = true; break;
            }
            continue;
        }
        wint_t wc;
        int rc = crt_get_key(&wc);
        if (crt_quit_signal)
            break;
        if (rc == ERR) {
            /* A resize curses took in while drawing, whose KEY_RESIZE never came. */
            int rows, cols;
            getmaxyx(stdscr, rows, cols);
            redraw = rows != a->rows || cols != a->cols;
            if (redraw)
                app_relayout(a);
            continue;
        }
        if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
            MEVENT ev;
            if (getmouse(&ev) == OK)
                app_mouse(a, ev.y, ev.x, ev.bstate & BUTTON1_DOUBLE_CLICKED,
                          (ev.bstate & BUTTON4_PRESSED) ? -1
#ifdef BUTTON5_PRESSED
                          : (ev.bstate & BUTTON5_PRESSED) ? 1
#endif
                          : 0);
            continue;
        }
        app_key(a, rc == KEY_CODE_YES ? (int)(wc | KEYS_FN) : (int)wc);
    }
}
