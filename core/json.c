#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "json.h"

void json_init(struct json *j, FILE *out, bool pretty)
{
    memset(j, 0, sizeof(*j));
    j->out = out;
    j->pretty = pretty;
    j->first[0] = true;
}

/* Output goes through the unlocked stdio calls: a batch report writes tens of
 * megabytes, and one writer owns the stream while it writes. */
static void put(struct json *j, const char *s, size_t n)
{
    fwrite_unlocked(s, 1, n, j->out);
}

static void indent(struct json *j)
{
    static const char spaces[] = "\n                                                                ";
    if (!j->pretty)
        return;
    size_t n = 1 + 2 * (size_t)j->depth;
    if (n > sizeof(spaces) - 1)
        n = sizeof(spaces) - 1;
    put(j, spaces, n);
}

/* Separator and indentation before a value or a key. */
static void before_item(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (!j->first[j->depth])
            fputc_unlocked(',', j->out);
        indent(j);
    }
    j->first[j->depth] = false;
}

static void open(struct json *j, char c)
{
    before_item(j);
    fputc_unlocked(c, j->out);
    if (j->depth < JSON_MAX_DEPTH - 1)
        j->depth++;
    j->first[j->depth] = true;
}

static void close_(struct json *j, char c)
{
    bool empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        indent(j);
    fputc_unlocked(c, j->out);
}

void json_begin_object(struct json *j) { open(j, '{'); }
void json_end_object(struct json *j) { close_(j, '}'); }
void json_begin_array(struct json *j) { open(j, '['); }
void json_end_array(struct json *j) { close_(j, ']'); }

void json_key(struct json *j, const char *key)
{
    before_item(j);
    json_write_string(j->out, key);
    put(j, ": ", j->pretty ? 2 : 1);
    j->after_key = true;
}

/* Length of a valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    int n;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) { n = 2; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { n = 3; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { n = 4; cp = c & 0x07; }
    else return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    /* C1 controls (U+0080..U+009F) are escaped like C0 ones. */
    if (cp >= 0x80 && cp <= 0x9f)
        return -(int)cp;
    return n;
}

/* Bytes that stand for themselves in a JSON string. */
static bool plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

void json_write_string(FILE *out, const char *s)
{
    fputc_unlocked('"', out);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (plain(*p))
            p++;
        if (p > run)
            fwrite_unlocked(run, 1, (size_t)(p - run), out);
        unsigned char c = *p;
        if (!c)
            break;
        if (c == '"' || c == '\\') {
            fputc_unlocked('\\', out);
            fputc_unlocked(c, out);
            p++;
        } else if (c == '\n') {
            fwrite_unlocked("\\n", 1, 2, out);
            p++;
        } else if (c == '\t') {
            fwrite_unlocked("\\t", 1, 2, out);
            p++;
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(out, "\\u%04x", c);
            p++;
        } else {
            int n = utf8_len(p);
            if (n > 0) {
                fwrite_unlocked(p, 1, (size_t)n, out);
                p += n;
            } else if (n < 0) {
                fprintf(out, "\\u%04x", (unsigned)-n);
                p += 2;
            } else {
                fwrite_unlocked("\\ufffd", 1, 6, out);
                p++;
            }
        }
    }
    fputc_unlocked('"', out);
}

void json_string(struct json *j, const char *s)
{
    before_item(j);
    if (s)
        json_write_string(j->out, s);
    else
        put(j, "null", 4);
}

void json_uint(struct json *j, uint64_t v)
{
    before_item(j);
    char buf[20], *p = buf + sizeof(buf);
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    put(j, p, (size_t)(buf + sizeof(buf) - p));
}

void json_int(struct json *j, int64_t v)
{
    before_item(j);
    fprintf(j->out, "%" PRId64, v);
}

void json_bool(struct json *j, bool v)
{
    before_item(j);
    if (v)
        put(j, "true", 4);
    else
        put(j, "false", 5);
}

void json_null(struct json *j)
{
    before_item(j);
    put(j, "null", 4);
}

void json_finish(struct json *j)
{
    fputc('\n', j->out);
}
