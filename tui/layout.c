#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "layout.h"
#include "text_width.h"

void layout_compute(int rows, int cols, size_t nwarnings, size_t guest_rows, struct layout *out)
{
    memset(out, 0, sizeof(*out));
    if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
        out->too_small = true;
        return;
    }
    /* Warning rows: one always (it says "no warnings" too), more on tall screens. */
    int max_warn = rows >= 34 ? 3 : rows >= 28 ? 2 : 1;
    int nwarn = nwarnings < 1 ? 1 : nwarnings > (size_t)max_warn ? max_warn : (int)nwarnings;

    out->title = (struct rect){ 0, 0, 1, cols };
    out->footer = (struct rect){ rows - 1, 0, 1, cols };
    out->status = (struct rect){ rows - 2, 0, 1, cols };
    out->warn = (struct rect){ rows - 2 - nwarn, 0, nwarn, cols };

    int top = 1, panes_h = out->warn.y - top;
    /* The left column holds two lists; the right one the result, which
     * needs about 44 columns for label, bar and value. */
    int left_w = cols * 9 / 20;
    if (cols - left_w < 44)
        left_w = cols - 44;
    int guest_h = panes_h - panes_h / 2;
    if (guest_rows) {
        /* Borders take two rows; the host list scrolls, so it gives way. */
        guest_h = guest_rows > (size_t)panes_h ? panes_h : (int)guest_rows + 2;
        int host_min = panes_h * 2 / 5;
        if (host_min < LAYOUT_MIN_PANE)
            host_min = LAYOUT_MIN_PANE;
        if (guest_h > panes_h - host_min)
            guest_h = panes_h - host_min;
        if (guest_h < LAYOUT_MIN_PANE)
            guest_h = LAYOUT_MIN_PANE;
    }
    int host_h = panes_h - guest_h;
    out->host = (struct rect){ top, 0, host_h, left_w };
    out->guest = (struct rect){ top + host_h, 0, panes_h - host_h, left_w };
    out->result = (struct rect){ top, left_w, panes_h, cols - left_w };
}

bool layout_contains(const struct rect *r, int y, int x)
{
    return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

int layout_text_width(const char *s)
{
    return (int)text_width(s);
}

int layout_fit(const char *src, int width, const char *ellipsis, char *dst, size_t len)
{
    if (!len)
        return 0;
    dst[0] = '\0';
    if (width <= 0)
        return 0;
    int ew = layout_text_width(ellipsis);
    size_t elen = strlen(ellipsis);
    if (ew > width) {
        ellipsis = "";
        ew = 0;
        elen = 0;
    }
    /* One pass that stops once the text is known not to fit; `cut` is where
     * it stops when the ellipsis is needed. */
    int used = 0, cut_used = -1;
    size_t o = 0, cut = 0;
    while (src[o]) {
        int w;
        size_t c = text_char(src + o, &w);
        if (cut_used < 0 && (used + w > width - ew || o + c + elen >= len)) {
            cut = o;
            cut_used = used;
        }
        if (used + w > width) {
            /* Too wide (cut_used is set: ew >= 0). */
            memcpy(dst, src, cut);
            memcpy(dst + cut, ellipsis, elen);
            dst[cut + elen] = '\0';
            return cut_used + ew;
        }
        used += w;
        o += c;
    }
    if (o < len) {
        memcpy(dst, src, o + 1);
        return used;
    }
    /* Fits in columns; only the too small buffer cuts it (at a char boundary). */
    size_t n = len - 1, k = 0;
    used = 0;
    while (k < n) {
        int w;
        size_t c = text_char(src + k, &w);
        if (k + c > n)
            break;
        k += c;
        used += w;
    }
    memcpy(dst, src, k);
    dst[k] = '\0';
    return used;
}

int layout_fit_left(const char *src, int width, const char *ellipsis, char *dst, size_t len)
{
    if (layout_text_width(src) <= width || width <= 0)
        return layout_fit(src, width, ellipsis, dst, len);
    int ew = layout_text_width(ellipsis);
    if (ew > width)
        ew = 0, ellipsis = "";
    /* Drop characters from the front until the rest fits after the ellipsis. */
    const char *s = src;
    while (*s && layout_text_width(s) > width - ew) {
        int w;
        s += text_char(s, &w);
    }
    if (!len)
        return 0;
    int n = snprintf(dst, len, "%s%s", ellipsis, s);
    (void)n;
    return layout_text_width(dst);
}

size_t layout_wrap(const char *src, int width, size_t *starts, size_t *lens, size_t max)
{
    size_t nlines = 0, pos = 0, total = strlen(src);
    if (width < 1)
        width = 1;
    while (pos < total) {
        while (src[pos] == ' ')
            pos++;
        if (pos >= total)
            break;
        /* Take characters while they fit; remember the last space. */
        size_t o = pos, last_space = 0;
        int used = 0;
        while (o < total) {
            int w;
            size_t c = text_char(src + o, &w);
            if (used + w > width)
                break;
            if (src[o] == ' ')
                last_space = o;
            used += w;
            o += c;
        }
        size_t end = o;
        if (o < total && src[o] != ' ' && last_space > pos)
            end = last_space;
        size_t l = end;
        while (l > pos && src[l - 1] == ' ')
            l--;
        if (nlines < max) {
            starts[nlines] = pos;
            lens[nlines] = l - pos;
        }
        nlines++;
        pos = end;
    }
    return nlines;
}

int layout_bar_cells(uint64_t value, uint64_t total, int width)
{
    if (width <= 0 || value == 0 || total == 0)
        return 0;
    if (value >= total)
        return width;
    /* value < total, so value * width fits in 128 bits without loss. */
    unsigned __int128 cells = ((unsigned __int128)value * (unsigned)width + total / 2) / total;
    if (cells < 1)
        cells = 1;
    return (int)cells;
}

size_t layout_glyph_run(char *dst, size_t len, const char *glyph, int n)
{
    size_t g = strlen(glyph), o = 0;
    if (!len)
        return 0;
    for (int i = 0; i < n && o + g < len; i++, o += g)
        memcpy(dst + o, glyph, g);
    dst[o] = '\0';
    return o;
}

size_t layout_scroll(size_t sel, size_t top, size_t visible, size_t n)
{
    if (visible == 0 || n <= visible)
        return 0;
    if (sel >= n)
        sel = n - 1;
    if (sel < top)
        top = sel;
    else if (sel >= top + visible)
        top = sel - visible + 1;
    if (top > n - visible)
        top = n - visible;
    return top;
}

void layout_term_columns(int width, struct term_columns *out)
{
    /* value: "1023.99 GiB" is 11 columns; label gets what the bar leaves. */
    out->value = 11;
    int rest = width - out->value - 2;
    out->label = rest * 75 / 100;
    if (out->label > 28)
        out->label = 28;
    if (out->label < 12)
        out->label = rest < 12 ? (rest > 0 ? rest : 0) : 12;
    out->bar = rest - out->label - 1;
    if (out->bar < 4) {
        out->label += out->bar > 0 ? out->bar : 0;
        out->bar = 0;
    }
}

bool layout_terms_with_why(int content_rows, int header_rows, size_t nterms)
{
    return (size_t)(content_rows - header_rows) >= 2 * nterms;
}

size_t layout_footer(const char *const *keys, const char *const *labels, size_t n, int width,
                     char *dst, size_t len)
{
    size_t o = 0, placed = 0;
    int used = 0;
    if (len)
        dst[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        int w = layout_text_width(keys[i]) + 1 + layout_text_width(labels[i]) + (placed ? 2 : 0);
        size_t b = strlen(keys[i]) + 1 + strlen(labels[i]) + (placed ? 2 : 0);
        if (used + w > width || o + b >= len)
            break;
        o += (size_t)snprintf(dst + o, len - o, "%s%s %s", placed ? "  " : "", keys[i], labels[i]);
        used += w;
        placed++;
    }
    return placed;
}
