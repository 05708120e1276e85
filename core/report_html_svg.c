/* The HTML report's shared pieces: tables, text kept with its units, and
 * the SVG primitives its charts are drawn with (report_html.h). */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_html.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

void html_table_open(FILE *out, const char *cls, const char *caption, const char *const *heads,
                     size_t n)
{
    fprintf(out, "<div class=\"scroll\"><table class=\"%s\">\n<caption>", cls);
    report_put_html(out, caption);
    fputs("</caption>\n<thead><tr>", out);
    for (size_t i = 0; i < n; i++) {
        fputs("<th scope=\"col\">", out);
        report_put_html(out, heads[i]);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
}

void html_table_close(FILE *out)
{
    fputs("</tbody></table></div>\n", out);
}

void html_svg_open(FILE *out, const char *cls, unsigned w, unsigned h, const char *label)
{
    fprintf(out, "<svg class=\"%s\" viewBox=\"0 0 %u %u\" width=\"%u\" role=\"img\" aria-label=\"",
            cls, w, h, w);
    report_put_html(out, label);
    fprintf(out, "\">\n<rect class=\"bg\" x=\"0\" y=\"0\" width=\"%u\" height=\"%u\"/>\n", w, h);
}

void html_svg_close(FILE *out)
{
    fputs("</svg>\n", out);
}

/* Bytes of the UTF-8 sequence that starts with `c` (1 for a stray byte). */
static size_t utf8_len(unsigned char c)
{
    return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

/* Columns a character takes in a proportional font, roughly: East Asian
 * scripts (from U+1100) as two. */
static size_t cols(const unsigned char *c, size_t len)
{
    if (len < 3)
        return 1;
    unsigned cp = len == 3 ? ((c[0] & 0x0fu) << 12) | ((c[1] & 0x3fu) << 6) : 0x10000;
    return cp >= 0x1100 ? 2 : 1;
}

void html_svg_text(FILE *out, unsigned x, unsigned y, const char *cls, const char *s,
                   size_t max)
{
    char *safe = text_safe_dup(s ? s : "");
    size_t used = 0, cut = 0, n = strlen(safe);
    bool whole = true;
    for (size_t i = 0; i < n;) {
        size_t len = utf8_len((unsigned char)safe[i]);
        if (i + len > n)
            len = n - i;
        size_t w = cols((const unsigned char *)safe + i, len);
        if (used + w > max) {
            whole = false;
            break;
        }
        used += w;
        i += len;
        /* Room for the ellipsis: remember where one column is left. */
        if (used + 1 <= max)
            cut = i;
    }
    fprintf(out, "<text x=\"%u\" y=\"%u\"", x, y);
    if (cls && *cls)
        fprintf(out, " class=\"%s\"", cls);
    fputc('>', out);
    if (whole) {
        report_put_html(out, safe);
    } else {
        fputs("<title>", out);
        report_put_html(out, safe);
        fputs("</title>", out);
        safe[cut] = '\0';
        report_put_html(out, safe);
        fputs("\xe2\x80\xa6", out);   /* U+2026 ... */
    }
    fputs("</text>", out);
    free(safe);
}

void html_svg_legend(FILE *out, unsigned x, unsigned y, const char *cls, const char *text)
{
    fprintf(out, "<rect class=\"%s\" x=\"%u\" y=\"%u\" width=\"14\" height=\"12\"/>", cls, x,
            y - 11);
    html_svg_text(out, x + 20, y, NULL, text, 90);
    fputc('\n', out);
}

void html_axis_init(struct html_axis *a, uint64_t max_kib)
{
    static const struct { uint64_t kib; const char *unit; } units[] = {
        { KIB_PER_TIB, "TiB" }, { KIB_PER_GIB, "GiB" }, { 1024, "MiB" }, { 1, "KiB" },
    };
    if (!max_kib)
        max_kib = 1;
    size_t u = 0;
    while (u + 1 < sizeof(units) / sizeof(units[0]) && max_kib < units[u].kib)
        u++;
    a->unit_kib = units[u].kib;
    a->unit = units[u].unit;
    /* Steps of 1, 2 or 5 times a power of ten of the unit: at most 5 of them. */
    uint64_t in_units = (max_kib + a->unit_kib - 1) / a->unit_kib, step = 1;
    for (uint64_t p = 1;; p *= 10) {
        if (in_units <= 5 * p) { step = p; break; }
        if (in_units <= 10 * p) { step = 2 * p; break; }
        if (in_units <= 25 * p) { step = 5 * p; break; }
    }
    a->step_kib = step * a->unit_kib;
    a->nsteps = (unsigned)((in_units + step - 1) / step);
    if (!a->nsteps)
        a->nsteps = 1;
    a->end_kib = a->nsteps * a->step_kib;
}

unsigned html_axis_x(const struct html_axis *a, uint64_t kib, unsigned x0, unsigned w)
{
    if (kib >= a->end_kib)
        return x0 + w;
    return x0 + (unsigned)((double)kib / (double)a->end_kib * w + 0.5);
}

void html_axis_draw(FILE *out, const struct html_axis *a, unsigned x0, unsigned w, unsigned y0,
                    unsigned y1)
{
    for (unsigned i = 0; i <= a->nsteps; i++) {
        unsigned x = html_axis_x(a, i * a->step_kib, x0, w);
        fprintf(out, "<line class=\"grid\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>"
                     "<text class=\"tick\" x=\"%u\" y=\"%u\">%" PRIu64 "</text>\n",
                x, y0, x, y1 + 4, x, y1 + 16, i * a->step_kib / a->unit_kib);
    }
    fprintf(out, "<line class=\"axis\" x1=\"%u\" y1=\"%u\" x2=\"%u\" y2=\"%u\"/>\n", x0, y1,
            x0 + w, y1);
    char *title = xasprintf(_("%s, linear scale from 0"), a->unit);
    fprintf(out, "<text class=\"atitle\" x=\"%u\" y=\"%u\">", x0 + w / 2, y1 + 16 + SVG_ROW);
    report_put_html(out, title);
    fputs("</text>\n", out);
    free(title);
}
