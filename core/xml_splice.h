/* Edits spliced into a domain XML's bytes: every byte outside the element
 * an edit touches stays as it was (comments, quoting, attribute order,
 * whitespace, elements we don't know), as xml_edit.h does for hard_limit.
 *
 * An element is named by a path of element names from the root's children
 * down, separated by '/', each optionally with an index among the children
 * of that name: "memtune/hard_limit", "cpu/numa/cell[1]", "os/type"; "" is
 * the root. A name without an index must be unique among its siblings.
 *
 * Each function returns a new NUL-terminated buffer (*out_len its length),
 * or NULL with `err` set (the message names `name`). */
#ifndef MP_XML_SPLICE_H
#define MP_XML_SPLICE_H

#include <stddef.h>

#include "error.h"

/* For `after`: the element goes last among its siblings. */
extern const char *const XML_SPLICE_LAST[];

/* Inserts `text` as a child of the element at `parent`: after the last
 * child whose name is in `after` (NULL-terminated), else first; with
 * XML_SPLICE_LAST, last. In `text`, '\n' starts a line indented as the new
 * element is and '\t' is one indentation step of the document. */
char *xml_splice_insert(const char *buf, size_t len, const char *name, const char *parent,
                        const char *text, const char *const *after, size_t *out_len,
                        struct mp_error *err);
/* Replaces the element at `path` with `text`, inserts it (as
 * xml_splice_insert, into the parent of `path`) when it is not there, or,
 * with `text` NULL, removes it with the line it stood on. */
char *xml_splice_set(const char *buf, size_t len, const char *name, const char *path,
                     const char *text, const char *const *after, size_t *out_len,
                     struct mp_error *err);
/* Removes the `nth` (0-based) element child of `parent`, counting every
 * element child whatever its name. */
char *xml_splice_remove_nth(const char *buf, size_t len, const char *name, const char *parent,
                            size_t nth, size_t *out_len, struct mp_error *err);
/* Sets attribute `attr` of the element at `path` to `value` (written as it
 * is: the caller escapes it), keeping its quote character, or adds it last
 * in the start tag. */
char *xml_splice_set_attr(const char *buf, size_t len, const char *name, const char *path,
                          const char *attr, const char *value, size_t *out_len,
                          struct mp_error *err);
/* Whether the element at `path` exists / has element children. */
bool xml_splice_has(const char *buf, size_t len, const char *path);
bool xml_splice_has_children(const char *buf, size_t len, const char *path);
/* `text` with &, <, >, ' and " as entities; a new string. */
char *xml_escape(const char *text);

#endif
