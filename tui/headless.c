#include "config.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "headless.h"
#include "i18n.h"
#include "keys.h"
#include "xalloc.h"

struct hl_item {
    enum headless_item kind;
    int key, rows, cols;
    char *text;              /* HL_SHELL */
};

struct headless {
    struct hl_item *items;
    size_t n, cap, next;
};

static void push(struct headless *h, enum headless_item kind, int key, int rows, int cols)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? 2 * h->cap : 64;
        h->items = xreallocarray(h->items, h->cap, sizeof(*h->items));
    }
    h->items[h->n++] = (struct hl_item){ kind, key, rows, cols, NULL };
}

/* Types the characters of `text` (UTF-8). */
static int push_text(struct headless *h, const char *text)
{
    mbstate_t st;
    memset(&st, 0, sizeof(st));
    for (const char *s = text; *s;) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, s, strlen(s), &st);
        if (r == 0 || r >= (size_t)-2)
            return -1;
        push(h, HL_KEY, (int)wc, 0, 0);
        s += r;
    }
    return 0;
}

static int parse_line(struct headless *h, char *line)
{
    char *save = NULL;
    for (char *w = strtok_r(line, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (!strcmp(w, ":dump")) {
            push(h, HL_DUMP, 0, 0, 0);
        } else if (!strcmp(w, ":resize")) {
            int cols, rows;
            char *size = strtok_r(NULL, " \t", &save);
            if (!size || sscanf(size, "%dx%d", &cols, &rows) != 2 || cols < 1 || rows < 1)
                return -1;
            push(h, HL_RESIZE, 0, rows, cols);
        } else if (!strcmp(w, ":sh")) {
            /* The rest of the line, run by the shell when its turn comes. */
            push(h, HL_SHELL, 0, 0, 0);
            h->items[h->n - 1].text = xstrdup(save ? save : "");
            return 0;
        } else if (!strcmp(w, ":type")) {
            /* The rest of the line, after one blank. */
            return save ? push_text(h, save) : 0;
        } else {
            int key = keys_parse(w);
            if (!key)
                return -1;
            push(h, HL_KEY, key, 0, 0);
        }
    }
    return 0;
}

struct headless *headless_open(const char *path, struct mp_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        mp_error_set(err, MP_ERR_INPUT, _("cannot read the key script %s"), path);
        return NULL;
    }
    struct headless *h = xcalloc(1, sizeof(*h));
    char line[1024];
    unsigned no = 0;
    while (fgets(line, sizeof(line), f)) {
        no++;
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#')
            continue;
        if (parse_line(h, line) < 0) {
            mp_error_set(err, MP_ERR_INPUT, _("key script %s, line %u: unknown key or command"),
                         path, no);
            fclose(f);
            headless_free(h);
            return NULL;
        }
    }
    fclose(f);
    return h;
}

enum headless_item headless_next(struct headless *h, int *key, int *rows, int *cols)
{
    if (h->next >= h->n)
        return HL_END;
    const struct hl_item *it = &h->items[h->next++];
    *key = it->key;
    *rows = it->rows;
    *cols = it->cols;
    if (it->kind == HL_SHELL && system(it->text) != 0)
        fprintf(stderr, "key script: ':sh %s' failed\n", it->text);
    return it->kind;
}

void headless_free(struct headless *h)
{
    if (!h)
        return;
    for (size_t i = 0; i < h->n; i++)
        free(h->items[i].text);
    free(h->items);
    free(h);
}

void headless_dump(FILE *out)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    char *line = xmalloc((size_t)cols * MB_LEN_MAX + 1);
    for (int y = 0; y < rows; y++) {
        size_t o = 0, end = 0;
        for (int x = 0; x < cols; x++) {
            cchar_t cc;
            wchar_t wch[CCHARW_MAX + 1];
            attr_t attrs;
            short pair;
            if (mvwin_wch(stdscr, y, x, &cc) == ERR ||
                getcchar(&cc, wch, &attrs, &pair, NULL) == ERR)
                continue;
            int w = wcwidth(wch[0]);
            if (w == 0 && x > 0)
                continue; /* the second column of a wide character */
            mbstate_t st;
            memset(&st, 0, sizeof(st));
            size_t r = wcrtomb(line + o, wch[0], &st);
            if (r == (size_t)-1)
                line[o] = '?', r = 1;
            o += r;
            if (wch[0] != L' ')
                end = o;
            if (w == 2)
                x++;
        }
        line[end] = '\0';
        fprintf(out, "%s\n", line);
    }
    fputs("--\n", out);
    free(line);
}
