/* A line diff of two texts, short enough for a screen: the changed lines
 * with `context` unchanged lines around each change (as diff -U does). */
#ifndef MP_TEXT_DIFF_H
#define MP_TEXT_DIFF_H

#include <stddef.h>

struct text_diff {
    char **lines;       /* "- old", "+ new", "  same", or "…" between hunks */
    size_t n;
    size_t removed, added;
};

/* Compares `a` and `b` line by line. Texts too long for the quadratic
 * comparison (after their common start and end are set aside) show as all
 * of the middle removed and added. */
void text_diff(const char *a, size_t alen, const char *b, size_t blen, size_t context,
               struct text_diff *out);
void text_diff_free(struct text_diff *d);
/* "3 lines removed, 1 line added", translated with the language's plural
 * forms, into `buf`. */
void text_diff_counts(const struct text_diff *d, char *buf, size_t len);

#endif
