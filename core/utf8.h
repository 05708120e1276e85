/* UTF-8 read byte by byte, whatever the locale: the one decoder, for text
 * that must be checked before it reaches JSON, XML or a terminal. */
#ifndef MP_UTF8_H
#define MP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length (1 to 4) of the well-formed UTF-8 character at `s`, with its code
 * point in *cp; 0 at the terminating NUL and where the bytes are no
 * character (a stray continuation byte, a truncated or overlong sequence, a
 * surrogate, beyond U+10FFFF). Never reads past a NUL. */
size_t utf8_decode(const char *s, uint32_t *cp);
/* The start of the character that byte `i` of `s` belongs to (backs up over
 * continuation bytes): where to cut without halving a character. */
size_t utf8_char_start(const char *s, size_t i);

#endif
