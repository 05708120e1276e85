/* A small streaming JSON writer. Strings are escaped so that control
 * characters and invalid UTF-8 never reach the output raw. */
#ifndef MP_JSON_H
#define MP_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

#define JSON_BUF 65536

/* Output is gathered in `buf` and handed to `out` in blocks: a batch report
 * writes tens of megabytes in small pieces. json_finish (or json_flush)
 * hands over the rest; write nothing else to `out` in between. */
struct json {
    FILE *out;
    bool pretty;
    int depth;
    bool first[JSON_MAX_DEPTH];
    bool after_key;
    unsigned long flushes;   /* how many times buf went out */
    size_t len;
    char buf[JSON_BUF];
};

void json_init(struct json *j, FILE *out, bool pretty);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_key(struct json *j, const char *key);
/* A key that is a string literal (the program's own name: nothing to escape),
 * written as one prepared token. For the keys of large outputs. */
#define json_key_lit(j, lit) json_key_token((j), "\"" lit "\": ", sizeof(lit) + 3)
/* `token` is "\"KEY\": " and `len` its length. */
void json_key_token(struct json *j, const char *token, size_t len);
void json_string(struct json *j, const char *s);   /* NULL writes null */
/* json_string for a string that lives, unchanged, as long as the program (a
 * literal, a msgid, a constant table's text): escaped on its first use and
 * then copied, looked up by its address. Never for text built at run time. */
void json_string_static(struct json *j, const char *s);
/* Members that `write` puts the same every time for `key` (a pointer that
 * lives as long as the program: a constant table's entry), such as the
 * profiles table's fields: written through `write` once per depth, kept,
 * then copied. `write` must write whole members (keys and their values) and
 * nothing that changes between calls. */
void json_members_cached(struct json *j, const void *key,
                         void (*write)(struct json *j, const void *key));
void json_uint(struct json *j, uint64_t v);
void json_int(struct json *j, int64_t v);
/* `v` when `known`, else null. */
void json_uint_or_null(struct json *j, bool known, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Ends the document with a newline and flushes. */
void json_finish(struct json *j);
/* Hands what is gathered to the stream (write errors show in ferror). */
void json_flush(struct json *j);


#endif
