/* The full-screen views: state, keys and drawing. What they show comes from
 * the builders (view_*.c), which read core's models. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "proc_scan.h"
#include "text_safe.h"
#include "views.h"
#include "xalloc.h"

struct tui_views {
    enum view_kind kind;
    size_t top, visible;
    struct qemu_process *procs;   /* the guests view's last scan */
    size_t nprocs;
    char *text;                   /* VIEW_EXPLAIN's text */
};

static struct tui_views *state(struct app *a)
{
    if (!a->views)
        a->views = xcalloc(1, sizeof(*a->views));
    return a->views;
}

static void free_procs(struct tui_views *v)
{
    for (size_t i = 0; i < v->nprocs; i++)
        qemu_process_free(&v->procs[i]);
    free(v->procs);
    v->procs = NULL;
    v->nprocs = 0;
}

static void scan(struct app *a)
{
    struct tui_views *v = state(a);
    free_procs(v);
    v->procs = proc_scan_qemu(&v->nprocs);
}

void views_open(struct app *a, enum view_kind k)
{
    struct tui_views *v = state(a);
    v->kind = k;
    v->top = 0;
    if (k == VIEW_GUESTS)
        scan(a);
    a->mode = MODE_VIEW;
}

void views_open_text(struct app *a, enum view_kind k, char *text)
{
    struct tui_views *v = state(a);
    free(v->text);
    v->text = text;
    views_open(a, k);
}

void view_text_build(const char *text, int width, struct vtext *out)
{
    memset(out, 0, sizeof(*out));
    char *copy = xstrdup(text ? text : "");
    char *save = NULL;
    /* Lines first: making the text safe turns its newlines into '?'. */
    for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        size_t indent = strspn(l, " ");
        char *line = text_safe_dup(l + indent);
        vtext_para(out, ROLE_NORMAL, width, (int)indent, line);
        free(line);
    }
    free(copy);
}

static void scroll_by(struct tui_views *v, long delta)
{
    long t = (long)v->top + delta;
    v->top = t < 0 ? 0 : (size_t)t; /* the drawing keeps it above the end */
}

void views_wheel(struct app *a, int wheel)
{
    scroll_by(state(a), wheel * 3);
}

/* The key modes of the open view. */
static unsigned views_mask(const struct app *a)
{
    return KM_VIEW | (a->views && a->views->kind == VIEW_GUESTS ? KM_GUESTS : 0);
}

void views_key(struct app *a, int key)
{
    struct tui_views *v = state(a);
    long page = v->visible > 1 ? (long)v->visible - 1 : 1;
    enum action act = keys_lookup(views_mask(a), key);
    if (act == ACT_CLOSE) {
        a->mode = MODE_NORMAL;
        return;
    }
    if (act == ACT_REFRESH) {
        {
            scan(a);
            app_status(a, false,
                       P_("Refreshed: %zu QEMU process.", "Refreshed: %zu QEMU processes.",
                          v->nprocs),
                       v->nprocs);
        }
        return;
    }
    switch (act) {
    case ACT_UP: scroll_by(v, -1); break;
    case ACT_DOWN: scroll_by(v, 1); break;
    case ACT_PAGE_UP: scroll_by(v, -page); break;
    case ACT_PAGE_DOWN: scroll_by(v, page); break;
    case ACT_HOME: v->top = 0; break;
    case ACT_END: v->top = SIZE_MAX / 2; break;
    case ACT_MAP: views_open(a, VIEW_MAP); break;
    case ACT_COMPARE: views_open(a, VIEW_COMPARE); break;
    case ACT_CAPACITY: views_open(a, VIEW_CAPACITY); break;
    case ACT_GUESTS: views_open(a, VIEW_GUESTS); break;
    case ACT_TOUR: a->mode = MODE_NORMAL; tour_start(a); break;
    default: break;
    }
}

/* Draws lines top.. of `t` into the inner rectangle `in`. */
void views_render(struct app *a, const struct rect *in, const struct vtext *t, size_t top)
{
    for (int row = 0; row < in->h; row++) {
        size_t i = top + (size_t)row;
        int used = 0;
        move(in->y + row, in->x);
        if (i < t->n) {
            const struct vline *l = &t->lines[i];
            for (size_t k = 0; k < l->n && used < in->w; k++) {
                char fitted[2048];
                used += layout_fit(l->spans[k].text, in->w - used, a->crt.g.ellipsis, fitted,
                                   sizeof(fitted));
                attrset(crt_attr(&a->crt, l->spans[k].role));
                addstr(fitted);
                attrset(ATTR_NONE);
            }
        }
        for (; used < in->w; used++)
            addch(' ');
    }
}

/* " 5-22/40 " on the bottom border when the text is longer than the box. */
void views_scroll_mark(struct app *a, const struct rect *box, size_t top, size_t visible,
                       size_t n)
{
    if (n <= visible || box->w < 20)
        return;
    char m[64];
    size_t last = top + visible < n ? top + visible : n;
    snprintf(m, sizeof(m), " %zu-%zu/%zu ", top + 1, last, n);
    int w = layout_text_width(m);
    attrset(crt_attr(&a->crt, ROLE_FOCUS_BORDER));
    mvaddstr(box->y + box->h - 1, box->x + box->w - 2 - w, m);
    attrset(ATTR_NONE);
}

static void view_title(const struct app *a, enum view_kind k, char *buf, size_t len)
{
    char name[96], src[96];
    text_safe_copy(name, sizeof(name), a->plan.guest->name ? a->plan.guest->name : "?");
    text_safe_copy(src, sizeof(src),
                   a->plan.host && a->plan.host->source ? a->plan.host->source : "none");
    switch (k) {
    case VIEW_MAP: snprintf(buf, len, _("Address map of guest %s"), name); break;
    case VIEW_COMPARE: snprintf(buf, len, _("Guest %s under every libvirt profile"), name); break;
    case VIEW_CAPACITY: snprintf(buf, len, _("Capacity: guests like %s on host %s"), name, src); break;
    case VIEW_GUESTS: snprintf(buf, len, "%s", _("QEMU processes running on this machine")); break;
    case VIEW_TERM: snprintf(buf, len, _("A term of guest %s's limit"), name); break;
    case VIEW_EXPLAIN: snprintf(buf, len, "%s", _("Why the start failed")); break;
    case VIEW_DIFF: snprintf(buf, len, _("Guest %s against its file on disk"), name); break;
    }
}

void views_draw(struct app *a)
{
    struct tui_views *v = state(a);
    struct rect box = { 1, 0, a->lay.warn.y - 1, a->cols };
    struct rect in = { box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
    char title[256];
    view_title(a, v->kind, title, sizeof(title));
    for (int y = 0; y < box.h; y++)
        draw_text(a, box.y + y, box.x, box.w, "", ATTR_NONE);
    draw_box(a, &box, title, true);
    struct vtext t = { 0 };
    switch (v->kind) {
    case VIEW_MAP: view_map_build(&a->plan, &a->crt, in.w, &t); break;
    case VIEW_COMPARE: view_compare_build(&a->plan, &a->crt, in.w, &t); break;
    case VIEW_CAPACITY: view_capacity_build(&a->plan, &a->crt, in.w, &t); break;
    case VIEW_GUESTS: view_guests_build(v->procs, v->nprocs, &a->crt, in.w, &t); break;
    case VIEW_TERM: view_term_build(&a->plan, a->sel[PANE_RESULT], &a->crt, in.w, &t); break;
    case VIEW_EXPLAIN: case VIEW_DIFF: view_text_build(v->text, in.w, &t); break;
    }
    v->visible = in.h > 0 ? (size_t)in.h : 0;
    if (v->top + v->visible > t.n)
        v->top = t.n > v->visible ? t.n - v->visible : 0;
    views_render(a, &in, &t, v->top);
    views_scroll_mark(a, &box, v->top, v->visible, t.n);
    vtext_free(&t);
}

size_t views_footer(const struct app *a, struct key_foot *out, size_t max)
{
    if (a->mode == MODE_VIEW)
        return keys_footer(views_mask(a), out, max);
    if (a->mode == MODE_TOUR)
        return tour_footer(a, out, max);
    return 0;
}

void views_free(struct app *a)
{
    if (a->views) {
        free_procs(a->views);
        free(a->views->text);
        free(a->views);
        a->views = NULL;
    }
    tour_free(a);
}
