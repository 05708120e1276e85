#include "config.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "guestview.h"
#include "i18n.h"
#include "text_safe.h"

static int row_attr(const struct app *a, enum pane p, size_t row, int base)
{
    if (a->sel[p] != row)
        return base;
    return crt_attr(&a->crt, a->focus == p ? ROLE_SELECTED : ROLE_SELECTED_DIM);
}

static void host_empty(struct app *a, const struct rect *in)
{
    const struct host *h = a->plan.host;
    const char *text;
    if (!h || !h->ndevices)
        text = h && h->source && !strcmp(h->source, "none")
                   ? _("No host facts (--host none). Press D to open a demo host.")
                   : _("No PCI devices known on this host. Press D to open a demo host.");
    else
        text = _("No passthrough hardware here (no device is in an IOMMU group). "
                 "Press D to open a demo host.");
    size_t st[8], ln[8];
    size_t n = layout_wrap(text, in->w, st, ln, 8);
    for (size_t i = 0; i < n && i < 8 && (int)i < in->h; i++) {
        char line[256];
        snprintf(line, sizeof(line), "%.*s", (int)ln[i], text + st[i]);
        draw_text(a, in->y + (int)i, in->x, in->w, line, crt_attr(&a->crt, ROLE_DIM));
    }
}

void draw_host(struct app *a)
{
    const struct rect *r = &a->lay.host;
    const struct plan *p = &a->plan;
    char title[160], src[96];
    text_safe_copy(src, sizeof(src), p->host && p->host->source ? p->host->source : "none");
    snprintf(title, sizeof(title), _("Host %s"), src);
    draw_box(a, r, title, a->focus == PANE_HOST);
    struct rect in = { r->y + 1, r->x + 1, r->h - 2, r->w - 2 };
    if (!a->hv.n || !hostview_has_passthrough(p->host)) {
        host_empty(a, &in);
        if (!a->hv.n)
            return;
        in.y += 3;
        in.h -= 3;
    }
    size_t visible = app_pane_visible(a, PANE_HOST);
    a->top[PANE_HOST] = layout_scroll(a->sel[PANE_HOST], a->top[PANE_HOST], visible, a->hv.n);
    unsigned nv2 = p->profile->nv2_files;
    for (size_t i = 0; i < visible && a->top[PANE_HOST] + i < a->hv.n; i++) {
        size_t row = a->top[PANE_HOST] + i;
        const struct hrow *hr = &a->hv.rows[row];
        char text[256], line[768];
        if (hr->kind == HROW_PHB) {
            hostview_phb_text(p->host, hr->domain, nv2, text, sizeof(text));
            draw_text(a, in.y + (int)i, in.x, in.w, text,
                      row_attr(a, PANE_HOST, row, crt_attr(&a->crt, ROLE_HEADING)));
            if (row == a->sel[PANE_HOST] && a->focus == PANE_HOST)
                app_cursor(a, in.y + (int)i, in.x);
            continue;
        }
        const struct host_device *d = &p->host->devices[hr->dev];
        bool on = plan_device_assigned(p, hr->dev);
        hostview_device_text(d, nv2, text, sizeof(text));
        char tree[128];
        hostview_tree_prefix(hr, a->crt.g.tree_cont, a->crt.g.tree_mid, a->crt.g.tree_last, tree,
                             sizeof(tree));
        /* A search match: highlighted, with the device's name (the word
         * searched for is often in it: "V100"). */
        bool match = a->search[0] && hostview_matches(&a->hv, p->host, nv2, a->search, row);
        char name[200] = "";
        if (match) {
            char full[256];
            host_device_name(d, full, sizeof(full));
            text_safe_copy(name, sizeof(name), full);
        }
        snprintf(line, sizeof(line), "%s %s%s%s%s", on ? a->crt.g.mark : " ", tree, text,
                 match ? " " : "", name);
        int attr = on ? crt_attr(&a->crt, ROLE_ASSIGNED) : ATTR_NONE;
        if (match)
            attr |= A_UNDERLINE;
        draw_text(a, in.y + (int)i, in.x, in.w, line, row_attr(a, PANE_HOST, row, attr));
        if (row == a->sel[PANE_HOST] && a->focus == PANE_HOST)
            app_cursor(a, in.y + (int)i, in.x);
    }
    /* The selected device in full on the last rows. */
    int nd = app_host_detail_rows(a);
    if (nd && a->sel[PANE_HOST] < a->hv.n) {
        const struct hrow *hr = &a->hv.rows[a->sel[PANE_HOST]];
        char detail[768];
        if (hr->kind == HROW_DEVICE)
            hostview_device_detail(p->host, &p->host->devices[hr->dev], nv2, detail, sizeof(detail));
        else
            hostview_phb_text(p->host, hr->domain, nv2, detail, sizeof(detail));
        size_t st[4], ln[4];
        size_t n = layout_wrap(detail, in.w, st, ln, 4);
        for (int i = 0; i < nd; i++) {
            char line[800];
            if ((size_t)i >= n)
                line[0] = '\0';
            else if (i == nd - 1)
                snprintf(line, sizeof(line), "%s", detail + st[i]); /* the rest, cut by draw_text */
            else
                snprintf(line, sizeof(line), "%.*s", (int)ln[i], detail + st[i]);
            draw_text(a, in.y + in.h - nd + i, in.x, in.w, line, crt_attr(&a->crt, ROLE_DIM));
        }
    }
}

void draw_guest(struct app *a)
{
    const struct rect *r = &a->lay.guest;
    const struct plan *p = &a->plan;
    if (r->h < 3)
        return; /* the host pane is zoomed */
    char title[160], name[96];
    text_safe_copy(name, sizeof(name), p->guest->name ? p->guest->name : "?");
    snprintf(title, sizeof(title), _("Guest %s"), name);
    draw_box(a, r, title, a->focus == PANE_GUEST);
    struct rect in = { r->y + 1, r->x + 1, r->h - 2, r->w - 2 };
    size_t n = guestview_rows(p, NULL, 0);
    struct grow rows[n ? n : 1];
    guestview_rows(p, rows, n);
    size_t visible = app_pane_visible(a, PANE_GUEST);
    a->top[PANE_GUEST] = layout_scroll(a->sel[PANE_GUEST], a->top[PANE_GUEST], visible, n);
    /* Labels such as "hard_limit [H]" need 15 columns; values get the rest. */
    int lw = in.w * 2 / 5;
    if (lw < 15)
        lw = in.w >= 30 ? 15 : lw;
    if (lw > 17)
        lw = 17;
    for (size_t i = 0; i < visible && a->top[PANE_GUEST] + i < n; i++) {
        size_t row = a->top[PANE_GUEST] + i;
        char label[96], value[320], fl[160], line[512];
        guestview_text(p, &rows[row], label, sizeof(label), value, sizeof(value));
        layout_fit(label, lw - 1, a->crt.g.ellipsis, fl, sizeof(fl));
        int pad = lw - layout_text_width(fl);
        snprintf(line, sizeof(line), "%s%*s%s", fl, pad > 0 ? pad : 0, "", value);
        int base = rows[row].field == GF_DEVHEADER ? crt_attr(&a->crt, ROLE_HEADING)
                 : rows[row].field == GF_HOSTDEV ? crt_attr(&a->crt, ROLE_ASSIGNED) : ATTR_NONE;
        draw_text(a, in.y + (int)i, in.x, in.w, line, row_attr(a, PANE_GUEST, row, base));
        if (row == a->sel[PANE_GUEST] && a->focus == PANE_GUEST)
            app_cursor(a, in.y + (int)i, in.x);
    }
}
