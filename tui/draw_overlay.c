#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "domains.h"
#include "i18n.h"
#include "keys.h"
#include "probe.h"
#include "text_safe.h"
#include "views.h"
#include "vtext.h"
#include "write.h"

/* The area overlays cover: everything between the title and the warnings. */
static struct rect overlay_rect(const struct app *a)
{
    return (struct rect){ 1, 0, a->lay.warn.y - 1, a->cols };
}

static void clear_rect(const struct app *a, const struct rect *r)
{
    for (int y = 0; y < r->h; y++)
        draw_text(a, r->y + y, r->x, r->w, "", ATTR_NONE);
}

/* The help from the key registry: a heading per mode, then each entry of
 * that mode, its text wrapped beside the keys. */
static void help_text(int width, struct vtext *t)
{
    size_t ns, nt;
    const struct key_section *s = keys_sections(&ns);
    const struct key_entry *e = keys_table(&nt);
    int kw = 15, hw = width - kw > 10 ? width - kw : 10;
    for (size_t k = 0; k < ns; k++) {
        bool first = true;
        for (size_t i = 0; i < nt; i++) {
            if (keys_section_of(&e[i]) != s[k].mode || !e[i].help)
                continue;
            if (first && k) {
                vtext_line(t);
                vtext_add(t, ROLE_HEADING, _(s[k].title));
            }
            first = false;
            char names[128];
            keys_names(&e[i], names, sizeof(names));
            const char *help = _(e[i].help);
            size_t st[8], ln[8];
            size_t n = layout_wrap(help, hw, st, ln, 8);
            for (size_t l = 0; l < n && l < 8; l++) {
                char line[512];
                snprintf(line, sizeof(line), "%-*s%.*s", kw, l ? "" : names, (int)ln[l],
                         help + st[l]);
                vtext_line(t);
                vtext_add(t, ROLE_NORMAL, line);
            }
        }
    }
}

static void draw_help(struct app *a)
{
    struct rect r = overlay_rect(a);
    clear_rect(a, &r);
    draw_box(a, &r, _("Keys (Up/Down scroll, any other key closes)"), true);
    struct rect in = { r.y + 1, r.x + 2, r.h - 2, r.w - 4 };
    struct vtext t = { 0 };
    help_text(in.w, &t);
    size_t visible = in.h > 0 ? (size_t)in.h : 0;
    if (a->overlay_top + visible > t.n)
        a->overlay_top = t.n > visible ? t.n - visible : 0;
    views_render(a, &in, &t, a->overlay_top);
    views_scroll_mark(a, &r, a->overlay_top, visible, t.n);
    vtext_free(&t);
}

static void draw_warning_list(struct app *a)
{
    struct rect r = overlay_rect(a);
    clear_rect(a, &r);
    draw_box(a, &r, _("Warnings (Up/Down scroll, any other key closes)"), true);
    /* The plan's warnings, then what the probe could not read (devices that
     * vanished, unreadable files): the host pane cannot show those. */
    const struct msg_list *lists[2] = {
        a->plan.have_result ? &a->plan.result.warnings : NULL,
        a->plan.host ? &a->plan.host->warnings : NULL,
    };
    int y = r.y + 1, end = r.y + r.h - 1, width = r.w - 6;
    size_t line_no = 0;
    if (!(lists[0] && lists[0]->n) && !(lists[1] && lists[1]->n)) {
        draw_text(a, y, r.x + 2, r.w - 4, _("No warnings."), ATTR_NONE);
        return;
    }
    for (int l = 0; l < 2; l++) {
        const struct msg_list *w = lists[l];
        for (size_t i = 0; w && i < w->n; i++) {
            char safe[1024];
            text_safe_copy(safe, sizeof(safe), w->items[i].local);
            char text[1100];
            if (l == 1)
                snprintf(text, sizeof(text), _("host probe: %s"), safe);
            else
                snprintf(text, sizeof(text), "%s", safe);
            size_t st[16], ln[16];
            size_t nl = layout_wrap(text, width, st, ln, 16);
            for (size_t j = 0; j < nl && j < 16; j++, line_no++) {
                if (line_no < a->overlay_top || y >= end)
                    continue;
                char line[1200];
                snprintf(line, sizeof(line), "%s %.*s", j ? " " : a->crt.g.warn, (int)ln[j],
                         text + st[j]);
                draw_text(a, y++, r.x + 2, r.w - 4, line, crt_attr(&a->crt, ROLE_WARN));
            }
        }
    }
    if (a->overlay_top >= line_no)
        a->overlay_top = line_no ? line_no - 1 : 0;
}

static void draw_menu(struct app *a)
{
    size_t n;
    const struct demo_host_info *d = probe_demo_list(&n);
    int h = (int)n + 4, w = 70 < a->cols - 4 ? 70 : a->cols - 4;
    struct rect r = { 3, (a->cols - w) / 2, h, w };
    clear_rect(a, &r);
    draw_box(a, &r, _("Open a host (Enter opens, Esc cancels)"), true);
    if (!n) {
        draw_text(a, r.y + 1, r.x + 2, r.w - 4, _("No demo hosts are built in."), ATTR_NONE);
        return;
    }
    for (size_t i = 0; i <= n; i++) {
        char line[256];
        if (i < n)
            snprintf(line, sizeof(line), "demo:%-14s %s", d[i].name, _(d[i].description));
        else
            snprintf(line, sizeof(line), "%-19s %s", "live", _("this machine"));
        draw_text(a, r.y + 1 + (int)i, r.x + 2, r.w - 4, line,
                  i == a->menu_sel ? crt_attr(&a->crt, ROLE_SELECTED) : ATTR_NONE);
    }
}

void draw_overlay(struct app *a)
{
    switch (a->mode) {
    case MODE_HELP: draw_help(a); break;
    case MODE_WARNINGS: draw_warning_list(a); break;
    case MODE_MENU: draw_menu(a); break;
    case MODE_DOMAINS:
        if (tui_domains)
            tui_domains->draw(a);
        break;
    case MODE_VIEW: views_draw(a); break;
    case MODE_TOUR: tour_draw(a); break;
    default:
        /* A question during the tour: the tour's panel stays under it. */
        if (tour_running(a))
            tour_draw(a);
        if (a->mode == MODE_CONFIRM && a->confirm == CONFIRM_WRITE)
            write_draw(a);
        break;
    }
}
