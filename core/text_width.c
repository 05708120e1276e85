#include "config.h"

#include <limits.h>
#include <string.h>
#include <wchar.h>

#include "text_width.h"

size_t text_char(const char *s, int *cols)
{
    *cols = 1;
    if ((unsigned char)*s < 0x80)  /* ASCII takes no conversion */
        return *s ? 1 : 0;
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    wchar_t wc;
    size_t n = mbrtowc(&wc, s, strnlen(s, MB_LEN_MAX), &st);
    if (n == (size_t)-1 || n == (size_t)-2 || n == 0)
        return 1;  /* not a character here: the byte, one column */
    int w = wcwidth(wc);
    *cols = w < 0 ? 1 : w;
    return n;
}

size_t text_width(const char *s)
{
    size_t cols = 0;
    int w;
    while (*s) {
        s += text_char(s, &w);
        cols += (size_t)w;
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
