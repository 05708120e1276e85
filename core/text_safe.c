#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text_safe.h"
#include "xalloc.h"

/* Length of the valid, printable UTF-8 sequence at s, or 0. */
static size_t printable_utf8(const unsigned char *s)
{
    if (s[0] >= 0x20 && s[0] < 0x7f)
        return 1;
    size_t n;
    uint32_t cp;
    if ((s[0] & 0xe0) == 0xc0) { n = 2; cp = s[0] & 0x1f; }
    else if ((s[0] & 0xf0) == 0xe0) { n = 3; cp = s[0] & 0x0f; }
    else if ((s[0] & 0xf8) == 0xf0) { n = 4; cp = s[0] & 0x07; }
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    if (cp >= 0x80 && cp <= 0x9f) /* C1 controls, e.g. CSI */
        return 0;
    return n;
}

void text_safe_copy(char *dst, size_t len, const char *src)
{
    if (!len)
        return;
    const unsigned char *s = (const unsigned char *)(src ? src : "");
    size_t o = 0;
    while (*s && o + 1 < len) {
        size_t n = printable_utf8(s);
        if (!n) {
            dst[o++] = '?';
            s++;
            continue;
        }
        if (o + n >= len)
            break; /* never cut a character in half */
        memcpy(dst + o, s, n);
        o += n;
        s += n;
    }
    dst[o] = '\0';
}

char *text_safe_dup(const char *src)
{
    size_t len = strlen(src ? src : "") + 1;
    char *d = xmalloc(len);
    text_safe_copy(d, len, src);
    return d;
}

/* Start of the character that holds byte `i` of valid UTF-8 `s`. */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
        i--;
    return i;
}

char *text_safe_name(const char *src)
{
    char *d = text_safe_dup(src);
    size_t n = strlen(d);
    if (n <= TEXT_SAFE_NAME_MAX)
        return d;
    /* The head and the tail (the file name) with "..." between. */
    size_t head = char_start(d, TEXT_SAFE_NAME_MAX / 2);
    size_t tail = char_start(d, n - TEXT_SAFE_NAME_MAX / 2 + 3);
    char *r = xasprintf("%.*s...%s", (int)head, d, d + tail);
    free(d);
    return r;
}
