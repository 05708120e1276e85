#include "config.h"

#include <string.h>
#include <wchar.h>

#include "text_width.h"

size_t text_width(const char *s)
{
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    size_t cols = 0, left = strlen(s);
    while (left > 0) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, s, left, &st);
        if (n == (size_t)-1 || n == (size_t)-2) {
            /* Not a character here: count the byte and start afresh. */
            memset(&st, 0, sizeof(st));
            cols++;
            s++;
            left--;
            continue;
        }
        if (n == 0)
            break;
        int w = wcwidth(wc);
        cols += w > 0 ? (size_t)w : 0;
        s += n;
        left -= n;
    }
    return cols;
}

static void spaces(FILE *out, size_t n)
{
    while (n--)
        fputc(' ', out);
}

void fput_ljust(FILE *out, const char *s, size_t width)
{
    size_t w = text_width(s);
    fputs(s, out);
    if (w < width)
        spaces(out, width - w);
}

void fput_rjust(FILE *out, const char *s, size_t width)
{
    size_t w = text_width(s);
    if (w < width)
        spaces(out, width - w);
    fputs(s, out);
}
