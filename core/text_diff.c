#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text_diff.h"
#include "xalloc.h"

/* Above this many cells the comparison gives up on finding common lines. */
#define DIFF_MAX_CELLS (4u * 1024 * 1024)

struct line {
    const char *s;
    size_t n;            /* without the line end */
};

static struct line *split(const char *t, size_t len, size_t *n)
{
    struct line *l = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t i = 0; i < len;) {
        const char *e = memchr(t + i, '\n', len - i);
        size_t end = e ? (size_t)(e - t) : len;
        XGROW(l, cap, *n + 1);
        size_t ln = end - i;
        if (ln && t[i + ln - 1] == '\r')
            ln--;
        l[(*n)++] = (struct line){ t + i, ln };
        i = end + 1;
    }
    return l;
}

static bool same(const struct line *a, const struct line *b)
{
    return a->n == b->n && !memcmp(a->s, b->s, a->n);
}

/* One diff line: a mark and the text. */
struct op {
    char mark;           /* ' ', '-', '+' */
    const struct line *l;
};

static void add_op(struct op **ops, size_t *n, size_t *cap, char mark, const struct line *l)
{
    XGROW(*ops, *cap, *n + 1);
    (*ops)[(*n)++] = (struct op){ mark, l };
}

void text_diff(const char *a, size_t alen, const char *b, size_t blen, size_t context,
               struct text_diff *out)
{
    memset(out, 0, sizeof(*out));
    size_t na, nb;
    struct line *la = split(a, alen, &na), *lb = split(b, blen, &nb);
    size_t pre = 0, suf = 0;
    while (pre < na && pre < nb && same(&la[pre], &lb[pre]))
        pre++;
    while (suf < na - pre && suf < nb - pre && same(&la[na - 1 - suf], &lb[nb - 1 - suf]))
        suf++;
    size_t ma = na - pre - suf, mb = nb - pre - suf;
    struct op *ops = NULL;
    size_t nops = 0, cap = 0;
    for (size_t i = 0; i < pre; i++)
        add_op(&ops, &nops, &cap, ' ', &la[i]);
    if ((uint64_t)(ma + 1) * (mb + 1) <= DIFF_MAX_CELLS) {
        /* Longest common subsequence of the middles, from the end. */
        uint32_t *t = xcalloc((ma + 1) * (mb + 1), sizeof(*t));
#define T(i, j) t[(i) * (mb + 1) + (j)]
        for (size_t i = ma; i-- > 0;)
            for (size_t j = mb; j-- > 0;)
                T(i, j) = same(&la[pre + i], &lb[pre + j]) ? T(i + 1, j + 1) + 1
                          : T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
        size_t i = 0, j = 0;
        while (i < ma || j < mb) {
            if (i < ma && j < mb && same(&la[pre + i], &lb[pre + j])) {
                add_op(&ops, &nops, &cap, ' ', &la[pre + i]);
                i++, j++;
            } else if (i < ma && (j == mb || T(i + 1, j) >= T(i, j + 1))) {
                add_op(&ops, &nops, &cap, '-', &la[pre + i++]);
            } else {
                add_op(&ops, &nops, &cap, '+', &lb[pre + j++]);
            }
        }
#undef T
        free(t);
    } else {
        for (size_t i = 0; i < ma; i++)
            add_op(&ops, &nops, &cap, '-', &la[pre + i]);
        for (size_t j = 0; j < mb; j++)
            add_op(&ops, &nops, &cap, '+', &lb[pre + j]);
    }
    for (size_t i = na - suf; i < na; i++)
        add_op(&ops, &nops, &cap, ' ', &la[i]);

    /* Keep the changes and `context` lines around them. */
    size_t lcap = 0;
    bool gap = false;
    for (size_t k = 0; k < nops; k++) {
        bool keep = ops[k].mark != ' ';
        for (size_t d = 1; !keep && d <= context; d++)
            keep = (k >= d && ops[k - d].mark != ' ') || (k + d < nops && ops[k + d].mark != ' ');
        if (!keep) {
            gap = out->n > 0;
            continue;
        }
        XGROW(out->lines, lcap, out->n + 2);
        if (gap)
            out->lines[out->n++] = xstrdup("\u2026");
        gap = false;
        out->lines[out->n++] = xasprintf("%c %.*s", ops[k].mark, (int)ops[k].l->n, ops[k].l->s);
        out->removed += ops[k].mark == '-';
        out->added += ops[k].mark == '+';
    }
    free(ops);
    free(la);
    free(lb);
}

void text_diff_free(struct text_diff *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->lines[i]);
    free(d->lines);
    memset(d, 0, sizeof(*d));
}

void text_diff_counts(const struct text_diff *d, char *buf, size_t len)
{
    char removed[64], added[64];
    snprintf(removed, sizeof(removed), P_("%zu line removed", "%zu lines removed", d->removed),
             d->removed);
    snprintf(added, sizeof(added), P_("%zu line added", "%zu lines added", d->added), d->added);
    /* TRANSLATORS: "3 lines removed, 1 line added" */
    snprintf(buf, len, _("%s, %s"), removed, added);
}
