/* Finding elements in a domain XML's bytes, for edits that splice into the
 * original text (xml_edit.h, xml_splice.h): libxml2 checks the document
 * safely (no network, no DTD, no entities, bounded size), then a scan of the
 * bytes records where each shallow element starts and ends. */
#ifndef MP_XML_SCAN_H
#define MP_XML_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "error.h"

/* Elements deeper than this (the root is 0) are not recorded. */
#define XML_SCAN_DEPTH 5

struct xml_el {
    char name[32];           /* truncated names never match what we look for */
    int depth;
    long parent;             /* index, -1 for the root */
    size_t start;            /* offset of '<' */
    size_t stag_end;         /* just after the start tag's '>' */
    size_t etag_start;       /* offset of "</" (== stag_end for <x/>) */
    size_t end;              /* just after the element */
    bool empty;              /* <x/> */
};

struct xml_scan {
    struct xml_el *els;      /* in document order */
    size_t n, cap;
};

/* Parses `buf` safely; NULL with `err` set (the message names `name`). A
 * DOCTYPE that declares anything is refused. */
xmlDocPtr xml_parse_safe(const char *buf, size_t len, const char *name, struct mp_error *err);
/* Refuses input the byte splice cannot handle (too large, NUL bytes). */
int xml_check_input(const char *buf, size_t len, const char *name, struct mp_error *err);
/* Scans a document libxml2 found well-formed. 0, or -1. */
int xml_scan_doc(const char *buf, size_t len, struct xml_scan *sc);
/* The whitespace that indents the element starting at `at`, or NULL when
 * something other than blanks precedes it on its line. */
char *xml_indent_of(const char *buf, size_t at);
/* The one element child of `parent` named `name`; -1 none, -2 several. */
long xml_child(const struct xml_scan *sc, long parent, const char *name);
/* The first / last element child of `parent`, or -1. */
long xml_first_child(const struct xml_scan *sc, long parent);
long xml_last_child(const struct xml_scan *sc, long parent);

/* A growing output buffer, NUL-terminated (the splices build one). */
struct xml_out {
    char *buf;
    size_t len, cap;
};
void xml_put(struct xml_out *o, const char *s, size_t n);
void xml_puts(struct xml_out *o, const char *s);

#endif
