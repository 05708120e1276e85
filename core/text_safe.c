#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text_safe.h"
#include "utf8.h"
#include "xalloc.h"

/* Length of the valid, printable UTF-8 character at s, or 0. */
static size_t printable_utf8(const char *s)
{
    uint32_t cp;
    size_t n = utf8_decode(s, &cp);
    if (!n || cp < 0x20 || cp == 0x7f)
        return 0;
    if (cp >= 0x80 && cp <= 0x9f) /* C1 controls, e.g. CSI */
        return 0;
    return n;
}

void text_safe_copy(char *dst, size_t len, const char *src)
{
    if (!len)
        return;
    const char *s = src ? src : "";
    size_t o = 0;
    while (*s && o + 1 < len) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c < 0x7f) {   /* printable ASCII: itself, no decoding */
            dst[o++] = *s++;
            continue;
        }
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

char *text_safe_name(const char *src)
{
    char *d = text_safe_dup(src);
    size_t n = strlen(d);
    if (n <= TEXT_SAFE_NAME_MAX)
        return d;
    /* The head and the tail (the file name) with "..." between. */
    size_t head = utf8_char_start(d, TEXT_SAFE_NAME_MAX / 2);
    size_t tail = utf8_char_start(d, n - TEXT_SAFE_NAME_MAX / 2 + 3);
    char *r = xasprintf("%.*s...%s", (int)head, d, d + tail);
    free(d);
    return r;
}
