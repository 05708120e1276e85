#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "domains.h"
#include "i18n.h"
#include "keys.h"
#include "text_safe.h"
#include "views.h"

/* Text goes into the line as cells in one copy: waddstr runs each byte
 * through its multibyte decoder and its wrapping, which was half of the
 * planner's CPU per key (bench/RESULTS.md, tui). The cells are the ones
 * waddstr would make: no window background is set, so a cell's look is its
 * character and attr; wadd_wchnstr gives a wide character its two columns.
 * A byte that is no character here, a control or a character of width 0 (a
 * combining mark joins the cell before it): false, and waddstr as before. */
#define CELLS_MAX 1024
static bool put_ascii(int y, int x, const char *s, int attr)
{
    chtype cells[CELLS_MAX];
    size_t n = 0;
    for (; s[n]; n++) {
        unsigned char c = (unsigned char)s[n];
        if (c < 0x20 || c > 0x7e || n + 1 >= CELLS_MAX)
            return false;
        cells[n] = (chtype)c | (chtype)attr;
    }
    cells[n] = 0;
    mvaddchnstr(y, x, cells, (int)n);
    return true;
}

static bool put_wide(int y, int x, const char *s, int attr)
{
    cchar_t cells[CELLS_MAX];
    size_t n = 0;
    attr_t attrs = (attr_t)attr & ~(attr_t)A_COLOR;
    short pair = (short)PAIR_NUMBER(attr);
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    while (*s) {
        wchar_t wc[2] = { 0, 0 };
        size_t len = 1;
        unsigned char c = (unsigned char)*s;
        if (n + 1 >= CELLS_MAX || c < 0x20 || c == 0x7f)
            return false;
        if (c < 0x80) {
            wc[0] = (wchar_t)c;
        } else {
            len = mbrtowc(&wc[0], s, strnlen(s, MB_LEN_MAX), &st);
            if (len == (size_t)-1 || len == (size_t)-2 || len == 0 || wcwidth(wc[0]) < 1)
                return false;
        }
        setcchar(&cells[n++], wc, attrs, pair, NULL);
        s += len;
    }
    mvadd_wchnstr(y, x, cells, (int)n);
    return true;
}

void draw_put(int y, int x, const char *text, int attr)
{
    attrset(attr);
    if (!put_ascii(y, x, text, attr) && !put_wide(y, x, text, attr))
        mvaddstr(y, x, text);
}

void draw_text(const struct app *a, int y, int x, int width, const char *text, int attr)
{
    if (width <= 0)
        return;
    char buf[1024];
    int used = layout_fit(text, width, a->crt.g.ellipsis, buf, sizeof(buf));
    draw_put(y, x, buf, attr);
    /* The rest in one call from the text's end (hline leaves the cursor
     * there, as waddstr did; blanks take attr). */
    move(y, x + used);
    if (used < width)
        hline(' ', width - used);
    attrset(ATTR_NONE);
}

void draw_box(const struct app *a, const struct rect *r, const char *title, bool focused)
{
    int attr = crt_attr(&a->crt, focused ? ROLE_FOCUS_BORDER : ROLE_BORDER);
    attrset(attr);
    int y0 = r->y, x0 = r->x, y1 = r->y + r->h - 1, x1 = r->x + r->w - 1;
    /* Box characters as text: ACS through tmux or PuTTY is unreliable. */
    bool u = !a->crt.ascii;
    mvaddstr(y0, x0, u ? "\u250c" : "+");
    mvaddstr(y0, x1, u ? "\u2510" : "+");
    mvaddstr(y1, x0, u ? "\u2514" : "+");
    mvaddstr(y1, x1, u ? "\u2518" : "+");
    /* Each side in one call (a cell at a time was a tenth of every frame);
     * the lines take the attributes set above. */
    cchar_t h, v;
    wchar_t hw[2] = { u ? L'\u2500' : L'-', 0 }, vw[2] = { u ? L'\u2502' : L'|', 0 };
    setcchar(&h, hw, A_NORMAL, 0, NULL);
    setcchar(&v, vw, A_NORMAL, 0, NULL);
    if (x1 - x0 > 1) {
        mvhline_set(y0, x0 + 1, &h, x1 - x0 - 1);
        mvhline_set(y1, x0 + 1, &h, x1 - x0 - 1);
    }
    if (y1 - y0 > 1) {
        mvvline_set(y0 + 1, x0, &v, y1 - y0 - 1);
        mvvline_set(y0 + 1, x1, &v, y1 - y0 - 1);
    }
    attrset(ATTR_NONE);
    if (title && r->w > 6) {
        char t[256], fitted[512];
        snprintf(t, sizeof(t), " %s ", title);
        layout_fit(t, r->w - 4, a->crt.g.ellipsis, fitted, sizeof(fitted));
        attrset(attr | A_BOLD);
        mvaddstr(y0, x0 + 2, fitted);
        attrset(ATTR_NONE);
    }
}

static void draw_title(struct app *a)
{
    const struct plan *p = &a->plan;
    char line[1024], src[128], guest[512], head[256], fitted[600];
    const char *mod = p->dirty ? _(" [modified]") : "";
    text_safe_copy(src, sizeof(src), p->host && p->host->source ? p->host->source : "none");
    const char *dom = tui_domains ? tui_domains->title(a) : NULL;
    text_safe_copy(guest, sizeof(guest), p->path ? p->path : dom ? dom : _("new guest"));
    snprintf(head, sizeof(head), " memlock-planner  %s %s  %s ", _("host"), src, _("guest"));
    /* A long path gives way from its start; "[modified]" always shows. */
    int room = a->lay.title.w - layout_text_width(head) - layout_text_width(mod);
    layout_fit_left(guest, room > 0 ? room : 0, a->crt.g.ellipsis, fitted, sizeof(fitted));
    snprintf(line, sizeof(line), "%s%s%s", head, fitted, mod);
    const struct rect *r = &a->lay.title;
    draw_text(a, r->y, r->x, r->w, line, crt_attr(&a->crt, ROLE_TITLE));
}

static void draw_warnings(struct app *a)
{
    const struct rect *r = &a->lay.warn;
    const struct plan *p = &a->plan;
    char line[1200];
    if (!p->have_result) {
        snprintf(line, sizeof(line), "%s %s: %s", a->crt.g.warn, _("cannot compute"), p->error.text);
        draw_text(a, r->y, r->x, r->w, line, crt_attr(&a->crt, ROLE_ERROR));
        for (int i = 1; i < r->h; i++)
            draw_text(a, r->y + i, r->x, r->w, "", ATTR_NONE);
        return;
    }
    const struct msg_list *w = &p->result.warnings;
    if (!w->n) {
        draw_text(a, r->y, r->x, r->w, _("No warnings."), crt_attr(&a->crt, ROLE_DIM));
        for (int i = 1; i < r->h; i++)
            draw_text(a, r->y + i, r->x, r->w, "", ATTR_NONE);
        return;
    }
    for (int i = 0; i < r->h; i++) {
        if ((size_t)i >= w->n) {
            draw_text(a, r->y + i, r->x, r->w, "", ATTR_NONE);
            continue;
        }
        char safe[1024];
        text_safe_copy(safe, sizeof(safe), w->items[i].local);
        bool last = i == r->h - 1 && w->n > (size_t)r->h;
        if (last) {
            char more[64];
            snprintf(more, sizeof(more), _(" (+%zu more: !)"), w->n - (size_t)i - 1);
            /* Keep the "more" note visible: cut the warning, not the note. */
            char cut[1024];
            int room = r->w - 2 - layout_text_width(more);
            layout_fit(safe, room > 0 ? room : 0, a->crt.g.ellipsis, cut, sizeof(cut));
            snprintf(line, sizeof(line), "%s %s%s", a->crt.g.warn, cut, more);
        } else {
            snprintf(line, sizeof(line), "%s %s", a->crt.g.warn, safe);
        }
        draw_text(a, r->y + i, r->x, r->w, line, crt_attr(&a->crt, ROLE_WARN));
    }
}

/* `text` on the row of `r`, wrapped over the row above it when longer. */
static void draw_wrapped_up(struct app *a, const struct rect *r, const char *text, int attr)
{
    size_t st[2], ln[2];
    size_t n = layout_wrap(text, r->w, st, ln, 2);
    if (n > 2)
        n = 2;
    for (size_t i = 0; i < n; i++) {
        char line[512];
        /* The last row takes the rest, cut by draw_text. */
        if (i == n - 1)
            snprintf(line, sizeof(line), "%s", text + st[i]);
        else
            snprintf(line, sizeof(line), "%.*s", (int)ln[i], text + st[i]);
        draw_text(a, r->y - (int)(n - 1 - i), r->x, r->w, line, attr);
    }
}

static void draw_status(struct app *a)
{
    const struct rect *r = &a->lay.status;
    if (a->mode == MODE_PROMPT) {
        /* What Tab found (or an error) above the input line. */
        if (a->status[0])
            draw_text(a, r->y - 1, r->x, r->w, a->status,
                      crt_attr(&a->crt, a->status_error ? ROLE_ERROR : ROLE_DIM));
        /* Long input scrolls: its end, where one types, stays in view. The
         * offered text shows selected: typing replaces it. */
        char input[512], head[512];
        int lw = layout_text_width(a->prompt_label) + 1;
        int room = r->w - lw - 1;
        layout_fit_left(a->input, room > 0 ? room : 0, a->crt.g.ellipsis, input, sizeof(input));
        draw_text(a, r->y, r->x, r->w, a->prompt_label, crt_attr(&a->crt, ROLE_HEADING));
        if (room <= 0)
            return;
        draw_text(a, r->y, r->x + lw, room, input,
                  a->offer ? crt_attr(&a->crt, ROLE_SELECTED) : crt_attr(&a->crt, ROLE_HEADING));
        int x = lw + layout_text_width(input);
        if (!strcmp(input, a->input)) { /* all of it fits: the cursor where it is */
            snprintf(head, sizeof(head), "%.*s", (int)a->cursor, a->input);
            x = lw + layout_text_width(head);
        }
        move(r->y, r->x + (x < r->w ? x : r->w - 1));
        return;
    }
    if (a->mode == MODE_CONFIRM) {
        /* A long question wraps upwards over the warning line: its answers
         * stay readable at 80 columns. */
        draw_wrapped_up(a, r, a->question, crt_attr(&a->crt, ROLE_WARN));
        return;
    }
    if (a->status_error) {
        /* So do error messages: the reason is the part that matters. */
        draw_wrapped_up(a, r, a->status, crt_attr(&a->crt, ROLE_ERROR));
        return;
    }
    draw_text(a, r->y, r->x, r->w, a->status,
              crt_attr(&a->crt, a->status_error ? ROLE_ERROR : ROLE_NORMAL));
}

static void draw_footer(struct app *a)
{
    const struct rect *r = &a->lay.footer;
    struct key_foot f[32];
    size_t n = views_footer(a, f, 32);
    if (!n)
        n = keys_footer(app_key_mask(a), f, 32);
    if (!n) /* help, warnings, the host menu: the planner's keys */
        n = keys_footer(KM_NORMAL, f, 32);
    /* Tab completes only in the prompts that name a file or a device. */
    if (a->mode == MODE_PROMPT && !app_prompt_completes(a)) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (f[i].action != ACT_COMPLETE)
                f[k++] = f[i];
        n = k;
    }
    const char *keys[32], *tl[32];
    for (size_t i = 0; i < n; i++) {
        keys[i] = f[i].keys;
        tl[i] = f[i].label;
    }
    char buf[512];
    size_t placed = layout_footer(keys, tl, n, r->w, buf, sizeof(buf));
    move(r->y, r->x);
    int x = 0;
    for (size_t i = 0; i < placed; i++) {
        if (i) {
            addstr("  ");
            x += 2;
        }
        attrset(crt_attr(&a->crt, ROLE_TITLE));
        addstr(keys[i]);
        attrset(ATTR_NONE);
        addch(' ');
        addstr(tl[i]);
        x += layout_text_width(keys[i]) + 1 + layout_text_width(tl[i]);
    }
    for (; x < r->w; x++)
        addch(' ');
}

static void draw_too_small(struct app *a)
{
    erase();
    char l1[128], l2[128];
    snprintf(l1, sizeof(l1), _("Terminal too small: %dx%d"), a->cols, a->rows);
    snprintf(l2, sizeof(l2), _("memlock-planner needs at least %dx%d."), LAYOUT_MIN_COLS,
             LAYOUT_MIN_ROWS);
    const char *l3 = _("Enlarge the window, or press q to quit.");
    /* A quit question must be visible here too. */
    const char *lines[] = { l1, l2, a->mode == MODE_CONFIRM ? a->question : l3 };
    int y = a->rows / 2 - 1;
    for (int i = 0; i < 3; i++) {
        int w = layout_text_width(lines[i]);
        int x = (a->cols - w) / 2;
        draw_text(a, y + i, x < 0 ? 0 : x, a->cols - (x < 0 ? 0 : x), lines[i],
                  i == 0 ? crt_attr(&a->crt, ROLE_WARN) : ATTR_NONE);
    }
}

void app_cursor(struct app *a, int y, int x)
{
    a->cur_y = y;
    a->cur_x = x;
}

void draw_all(struct app *a)
{
    curs_set(0);
    a->cur_y = a->cur_x = -1;
    if (a->lay.too_small) {
        draw_too_small(a);
        refresh();
        return;
    }
    erase();
    draw_title(a);
    draw_host(a);
    draw_guest(a);
    draw_result(a);
    draw_warnings(a);
    draw_footer(a);
    draw_overlay(a);
    draw_status(a);
    if (a->mode == MODE_PROMPT) {
        curs_set(1);
    } else if (a->mode == MODE_NORMAL && a->cur_y >= 0) {
        move(a->cur_y, a->cur_x);
        curs_set(1);
    }
    refresh();
}
