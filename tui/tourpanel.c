/* The guided tour in the planner: core/tour's steps on demo:ac922. The tour
 * runs on a plan of its own (the demo host and tour_guest(i)), so the limit
 * pane shows each step live; the planner's own plan waits aside, untouched,
 * and comes back when the tour ends. */
#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "i18n.h"
#include "keys.h"
#include "text_safe.h"
#include "views.h"
#include "xalloc.h"

struct tui_tour {
    bool asking;               /* "open demo:ac922 for the tour?" */
    bool running;
    size_t step, top, visible;
    struct plan saved;         /* the planner before the tour (running only) */
    enum pane focus;
    size_t sel[PANE_COUNT], top_rows[PANE_COUNT];
};

static struct tui_tour *state(struct app *a)
{
    if (!a->tour)
        a->tour = xcalloc(1, sizeof(*a->tour));
    return a->tour;
}

static void tour_status(struct app *a)
{
    app_status(a, false, _("Tour step %zu of %zu: n next, b back, Esc leaves the tour."),
               a->tour->step + 1, tour_nsteps());
}

/* Shows step i: the planner's guest becomes tour_guest(i). */
static void go(struct app *a, size_t i)
{
    struct tui_tour *t = a->tour;
    struct mp_error err = { 0 };
    if (plan_apply(&a->plan, tour_guest(i), a->plan.profile, _(tour_step(i)->title), &err) < 0) {
        app_status(a, true, "%s", err.text);
        return;
    }
    /* Quitting during the tour asks about the planner's own guest. */
    a->plan.dirty = t->saved.dirty;
    t->step = i;
    t->top = 0;
    a->sel[PANE_RESULT] = 0;
    app_relayout(a);
    tour_status(a);
}

static void begin(struct app *a)
{
    struct tui_tour *t = a->tour;
    struct mp_error err = { 0 };
    struct host *h = tui_action_load_host(TOUR_HOST, &err);
    if (!h) {
        a->mode = MODE_NORMAL;
        app_status(a, true, "%s", err.text);
        return;
    }
    t->saved = a->plan;
    t->focus = a->focus;
    memcpy(t->sel, a->sel, sizeof(t->sel));
    memcpy(t->top_rows, a->top, sizeof(t->top_rows));
    /* The tour's numbers are `memlock-planner tour`'s: the default profile. */
    plan_init(&a->plan, h, tour_guest(0), NULL, NULL);
    a->plan.dirty = t->saved.dirty;
    t->running = true;
    t->step = t->top = 0;
    app_host_changed(a);
    a->focus = PANE_RESULT;
    a->sel[PANE_RESULT] = a->top[PANE_RESULT] = a->sel[PANE_GUEST] = a->top[PANE_GUEST] = 0;
    a->mode = MODE_TOUR;
    app_relayout(a);
    tour_status(a);
}

static void leave(struct app *a)
{
    struct tui_tour *t = a->tour;
    plan_free(&a->plan);
    a->plan = t->saved;
    memset(&t->saved, 0, sizeof(t->saved));
    t->running = false;
    app_host_changed(a);
    a->focus = t->focus;
    memcpy(a->sel, t->sel, sizeof(a->sel));
    memcpy(a->top, t->top_rows, sizeof(a->top));
    a->mode = MODE_NORMAL;
    app_relayout(a);
    app_status(a, false, "%s", _("Left the tour: the guest and host are as they were."));
}

void tour_start(struct app *a)
{
    struct tui_tour *t = state(a);
    a->mode = MODE_TOUR;
    if (t->running) { /* back from a question that interrupted it */
        tour_status(a);
        return;
    }
    const char *src = a->plan.host ? a->plan.host->source : NULL;
    t->asking = !src || strcmp(src, TOUR_HOST) != 0;
    if (!t->asking)
        begin(a);
}

void tour_key(struct app *a, int key)
{
    struct tui_tour *t = state(a);
    if (t->asking) {
        enum action act = keys_lookup(KM_TOUR_ASK, key);
        if (act == ACT_YES) {
            t->asking = false;
            begin(a);
        } else if (act == ACT_NO) {
            t->asking = false;
            a->mode = MODE_NORMAL;
            app_status(a, false, "%s", _("No tour."));
        }
        return;
    }
    if (!t->running) {
        a->mode = MODE_NORMAL;
        return;
    }
    switch (keys_lookup(KM_TOUR, key)) {
    case ACT_NEXT_STEP:
        if (t->step + 1 < tour_nsteps())
            go(a, t->step + 1);
        else
            app_status(a, false, "%s", _("That was the last step: Esc leaves the tour."));
        break;
    case ACT_PREV_STEP:
        if (t->step > 0)
            go(a, t->step - 1);
        else
            app_status(a, false, "%s", _("This is the first step: n goes on."));
        break;
    case ACT_CLOSE: leave(a); break;
    case ACT_UP: case ACT_PAGE_UP:
        if (t->top)
            t->top--;
        break;
    case ACT_DOWN: case ACT_PAGE_DOWN: t->top++; break;
    default: break;
    }
}

static void draw_question(struct app *a)
{
    char src[96], *text;
    text_safe_copy(src, sizeof(src),
                   a->plan.host && a->plan.host->source ? a->plan.host->source : "none");
    text = xasprintf(_("The tour's devices belong to the AC922 demo host (%s), and this is "
                       "host %s. Open %s for the tour? Your guest and host come back when "
                       "the tour ends."), TOUR_HOST, src, TOUR_HOST);
    int w = a->cols - 8 < 64 ? a->cols - 8 : 64;
    struct vtext t = { 0 };
    vtext_para(&t, ROLE_NORMAL, w - 4, 0, text);
    vtext_line(&t);
    vtext_line(&t);
    vtext_add(&t, ROLE_HEADING, _("y: open it and start  n, Esc: no tour"));
    free(text);
    struct rect box = { 3, (a->cols - w) / 2, (int)t.n + 2, w };
    struct rect in = { box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
    for (int y = 0; y < box.h; y++)
        draw_text(a, box.y + y, box.x, box.w, "", ATTR_NONE);
    draw_box(a, &box, _("Guided tour"), true);
    views_render(a, &in, &t, 0);
    vtext_free(&t);
}

void tour_draw(struct app *a)
{
    struct tui_tour *t = state(a);
    if (t->asking) {
        draw_question(a);
        return;
    }
    if (!t->running)
        return;
    /* Over the host and guest panes; the limit pane stays in view. */
    struct rect box = { a->lay.host.y, a->lay.host.x, a->lay.host.h + a->lay.guest.h,
                        a->lay.host.w };
    struct rect in = { box.y + 1, box.x + 1, box.h - 2, box.w - 2 };
    char title[96];
    snprintf(title, sizeof(title), _("Tour: step %zu of %zu"), t->step + 1, tour_nsteps());
    for (int y = 0; y < box.h; y++)
        draw_text(a, box.y + y, box.x, box.w, "", ATTR_NONE);
    draw_box(a, &box, title, true);

    /* The terms that moved since the step before, from core's results. */
    struct tour_delta *d = NULL;
    size_t nd = 0;
    struct memlock_result before;
    struct mp_error err = { 0 };
    bool have_before = false;
    if (t->step > 0 && a->plan.have_result) {
        struct guest *g = tour_guest(t->step - 1);
        have_before = memlock_compute(g, a->plan.host, a->plan.profile, &before, &err) == 0;
        guest_free(g);
        if (have_before)
            d = tour_diff(&before, &a->plan.result, &nd);
    }
    struct vtext v = { 0 };
    view_tour_build(t->step, d, nd, &a->crt, in.w, &v);
    free(d);
    if (have_before)
        memlock_result_free(&before);
    t->visible = in.h > 0 ? (size_t)in.h : 0;
    if (t->top + t->visible > v.n)
        t->top = v.n > t->visible ? v.n - t->visible : 0;
    views_render(a, &in, &v, t->top);
    views_scroll_mark(a, &box, t->top, t->visible, v.n);
    vtext_free(&v);
}

bool tour_running(const struct app *a)
{
    return a->tour && a->tour->running;
}

size_t tour_footer(const struct app *a, struct key_foot *out, size_t max)
{
    return keys_footer(a->tour && a->tour->asking ? KM_TOUR_ASK : KM_TOUR, out, max);
}

void tour_free(struct app *a)
{
    if (!a->tour)
        return;
    if (a->tour->running)
        plan_free(&a->tour->saved);
    free(a->tour);
    a->tour = NULL;
}
