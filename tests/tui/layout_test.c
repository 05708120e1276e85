/* The planner's layout as pure functions: rectangles for every size, text
 * fitting in columns (UTF-8), wrapping, bars, scrolling, the footer. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "test_util.h"

static bool inside(const struct rect *r, int rows, int cols)
{
    return r->y >= 0 && r->x >= 0 && r->h > 0 && r->w > 0 && r->y + r->h <= rows &&
           r->x + r->w <= cols;
}

static bool overlap(const struct rect *a, const struct rect *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static void test_too_small(void **state)
{
    (void)state;
    struct layout l;
    layout_compute(23, 200, 0, 0, &l);
    assert_true(l.too_small);
    layout_compute(100, 79, 0, 0, &l);
    assert_true(l.too_small);
    layout_compute(20, 60, 0, 0, &l);
    assert_true(l.too_small);
    layout_compute(24, 80, 0, 0, &l);
    assert_false(l.too_small);
}

/* Every size from the minimum up: rectangles inside the screen, apart, and
 * covering every row (title, panes, warnings, status, footer). */
static void test_sweep(void **state)
{
    (void)state;
    for (int rows = 24; rows <= 70; rows++)
        for (int cols = 80; cols <= 260; cols += 3)
            for (size_t nw = 0; nw <= 5; nw++)
            for (size_t gr = 0; gr <= 40; gr += 7) {
                struct layout l;
                layout_compute(rows, cols, nw, gr, &l);
                assert_false(l.too_small);
                const struct rect *all[] = { &l.title, &l.host, &l.guest, &l.result,
                                             &l.warn, &l.status, &l.footer };
                for (size_t i = 0; i < 7; i++) {
                    if (!inside(all[i], rows, cols))
                        fail_msg("%dx%d rect %zu outside", cols, rows, i);
                    for (size_t j = i + 1; j < 7; j++)
                        if (overlap(all[i], all[j]))
                            fail_msg("%dx%d rects %zu and %zu overlap", cols, rows, i, j);
                }
                assert_int_equal(l.title.y, 0);
                assert_int_equal(l.footer.y, rows - 1);
                assert_int_equal(l.status.y, rows - 2);
                assert_int_equal(l.warn.y + l.warn.h, l.status.y);
                assert_int_equal(l.host.y + l.host.h, l.guest.y);
                assert_int_equal(l.guest.y + l.guest.h, l.warn.y);
                assert_int_equal(l.result.h, l.host.h + l.guest.h);
                assert_int_equal(l.host.w + l.result.w, cols);
                /* The result pane keeps room for label, bar and value. */
                assert_true(l.result.w >= 44);
                /* Boxes need at least a row of content plus borders. */
                assert_true(l.host.h >= LAYOUT_MIN_PANE && l.guest.h >= LAYOUT_MIN_PANE);
                /* The guest gets what it asks for when the host keeps its minimum. */
                int panes = l.host.h + l.guest.h;
                int host_min = panes * 2 / 5 > LAYOUT_MIN_PANE ? panes * 2 / 5 : LAYOUT_MIN_PANE;
                if (gr && (int)gr + 2 + host_min <= panes && gr + 2 >= LAYOUT_MIN_PANE)
                    assert_int_equal(l.guest.h, (int)gr + 2);
                if (gr && (int)gr + 2 > panes - host_min)
                    assert_int_equal(l.host.h, host_min);
                /* One warning row always; more on taller screens, as many as there are. */
                int maxw = rows >= 34 ? 3 : rows >= 28 ? 2 : 1;
                int want = nw < 1 ? 1 : (int)nw > maxw ? maxw : (int)nw;
                assert_int_equal(l.warn.h, want);
            }
}

static void test_80x24(void **state)
{
    (void)state;
    struct layout l;
    layout_compute(24, 80, 1, 0, &l);
    assert_int_equal(l.host.x, 0);
    assert_int_equal(l.host.w, 36);
    assert_int_equal(l.result.x, 36);
    assert_int_equal(l.result.w, 44);
    assert_int_equal(l.result.h, 20);
    assert_int_equal(l.warn.y, 21);
    assert_int_equal(l.host.h, 10);
    assert_int_equal(l.guest.h, 10);
    assert_true(layout_contains(&l.guest, l.guest.y, 0));
    /* A guest with 13 rows at 100x30: all of them, the host keeps 11. */
    layout_compute(30, 100, 1, 13, &l);
    assert_int_equal(l.guest.h, 15);
    assert_int_equal(l.host.h, 11);
    /* 40 rows wanted: the host keeps two fifths of the column. */
    layout_compute(30, 100, 1, 40, &l);
    assert_int_equal(l.host.h, 10);
    assert_int_equal(l.guest.h, 16);
    assert_false(layout_contains(&l.guest, l.guest.y - 1, 0));
}

static void fit(const char *src, int width, const char *want, int want_cols)
{
    char buf[128];
    int cols = layout_fit(src, width, "\u2026", buf, sizeof(buf));
    assert_string_equal(buf, want);
    assert_int_equal(cols, want_cols);
}

static void test_fit(void **state)
{
    (void)state;
    fit("hello", 10, "hello", 5);
    fit("hello", 5, "hello", 5);
    fit("hello world", 5, "hell\u2026", 5);
    fit("hello", 1, "\u2026", 1);
    fit("hello", 0, "", 0);
    /* Multibyte: columns, not bytes; never half a character. */
    fit("\u0394 limit", 7, "\u0394 limit", 7);
    fit("\u0394\u0394\u0394\u0394", 3, "\u0394\u0394\u2026", 3);
    /* Wide characters take two columns. */
    fit("\u65e5\u672c\u8a9e", 4, "\u65e5\u2026", 3);
    assert_int_equal(layout_text_width("\u65e5\u672c"), 4);
    assert_int_equal(layout_text_width("\u2500\u2500x"), 3);
    /* An ASCII ellipsis, and a buffer too small for the text. */
    char small[4];
    layout_fit("abcdef", 10, "~", small, sizeof(small));
    assert_string_equal(small, "abc");
    char b[16];
    layout_fit("abcdef", 4, "~", b, sizeof(b));
    assert_string_equal(b, "abc~");
}

static void test_fit_left(void **state)
{
    (void)state;
    char b[64];
    assert_int_equal(layout_fit_left("/a/guests/x.xml", 40, "\u2026", b, sizeof(b)), 15);
    assert_string_equal(b, "/a/guests/x.xml");
    assert_int_equal(layout_fit_left("/very/long/path/guests/x.xml", 12, "\u2026", b, sizeof(b)), 12);
    assert_string_equal(b, "\u2026uests/x.xml");
    layout_fit_left("\u0394\u0394\u0394\u0394x", 3, "~", b, sizeof(b));
    assert_string_equal(b, "~\u0394x");
    layout_fit_left("abc", 0, "~", b, sizeof(b));
    assert_string_equal(b, "");
}

static void test_wrap(void **state)
{
    (void)state;
    const char *t = "The guest's hash page table: max memory 1 GiB / 128.";
    size_t st[8], ln[8];
    size_t n = layout_wrap(t, 20, st, ln, 8);
    assert_int_equal(n, 3);
    char line[64];
    snprintf(line, sizeof(line), "%.*s", (int)ln[0], t + st[0]);
    assert_string_equal(line, "The guest's hash");
    snprintf(line, sizeof(line), "%.*s", (int)ln[1], t + st[1]);
    assert_string_equal(line, "page table: max");
    snprintf(line, sizeof(line), "%.*s", (int)ln[2], t + st[2]);
    assert_string_equal(line, "memory 1 GiB / 128.");
    for (size_t i = 0; i < n; i++)
        assert_true(ln[i] <= 20);
    /* A word longer than the width is cut, not lost. */
    n = layout_wrap("abcdefghij", 4, st, ln, 8);
    assert_int_equal(n, 3);
    assert_int_equal(ln[0] + ln[1] + ln[2], 10);
    /* More lines than room: the count still says how many are needed. */
    assert_int_equal(layout_wrap("a b c d e f", 1, st, ln, 2), 6);
    assert_int_equal(layout_wrap("", 10, st, ln, 2), 0);
}

static void test_bar(void **state)
{
    (void)state;
    assert_int_equal(layout_bar_cells(0, 100, 10), 0);
    assert_int_equal(layout_bar_cells(1, 1000000, 10), 1);  /* visible, however small */
    assert_int_equal(layout_bar_cells(50, 100, 10), 5);
    assert_int_equal(layout_bar_cells(100, 100, 10), 10);
    assert_int_equal(layout_bar_cells(200, 100, 10), 10);
    assert_int_equal(layout_bar_cells(5, 0, 10), 0);
    assert_int_equal(layout_bar_cells(5, 10, 0), 0);
    /* Huge values do not overflow: 2^63 of 2^64-1. */
    assert_int_equal(layout_bar_cells(UINT64_C(1) << 63, UINT64_MAX, 20), 10);
}

static void test_glyph_run(void **state)
{
    (void)state;
    char b[8];
    assert_int_equal(layout_glyph_run(b, sizeof(b), "#", 3), 3);
    assert_string_equal(b, "###");
    /* "\u2588" is three bytes: two fit in 8 with the NUL, never half a glyph. */
    assert_int_equal(layout_glyph_run(b, sizeof(b), "\u2588", 5), 6);
    assert_string_equal(b, "\u2588\u2588");
    assert_int_equal(layout_glyph_run(b, sizeof(b), "#", 0), 0);
    assert_string_equal(b, "");
    assert_int_equal(layout_glyph_run(b, sizeof(b), "#", -2), 0);
    assert_string_equal(b, "");
    assert_int_equal(layout_glyph_run(b, 1, "#", 4), 0);
    assert_string_equal(b, "");
}

static void test_scroll(void **state)
{
    (void)state;
    assert_int_equal(layout_scroll(0, 0, 10, 5), 0);    /* all fit */
    assert_int_equal(layout_scroll(9, 0, 10, 30), 0);
    assert_int_equal(layout_scroll(10, 0, 10, 30), 1);  /* one step down */
    assert_int_equal(layout_scroll(29, 0, 10, 30), 20);
    assert_int_equal(layout_scroll(3, 15, 10, 30), 3);  /* back up */
    assert_int_equal(layout_scroll(12, 25, 10, 30), 12);
    assert_int_equal(layout_scroll(29, 25, 10, 30), 20); /* never past the end */
    assert_int_equal(layout_scroll(5, 0, 0, 30), 0);
}

static void test_term_columns(void **state)
{
    (void)state;
    for (int w = 20; w <= 200; w++) {
        struct term_columns c;
        layout_term_columns(w, &c);
        assert_true(c.label >= 0 && c.bar >= 0 && c.value == 11);
        /* label, space, bar, space, value: never wider than the pane. */
        assert_true(c.label + 1 + c.bar + (c.bar ? 1 : 0) + c.value <= w);
        if (w >= 42) {
            assert_true(c.label >= 12);
            assert_true(c.bar >= 4);
        }
    }
    assert_true(layout_terms_with_why(18, 6, 6));
    assert_false(layout_terms_with_why(17, 6, 6));
    assert_true(layout_terms_with_why(8, 6, 1));
}

static void test_footer(void **state)
{
    (void)state;
    const char *keys[] = { "F1/?", "q", "Tab", "Space" };
    const char *labels[] = { "Help", "Quit", "Pane", "Assign" };
    char buf[128];
    assert_int_equal(layout_footer(keys, labels, 4, 80, buf, sizeof(buf)), 4);
    assert_string_equal(buf, "F1/? Help  q Quit  Tab Pane  Space Assign");
    /* Only whole items, in order. */
    assert_int_equal(layout_footer(keys, labels, 4, 17, buf, sizeof(buf)), 2);
    assert_string_equal(buf, "F1/? Help  q Quit");
    assert_int_equal(layout_footer(keys, labels, 4, 8, buf, sizeof(buf)), 0);
    assert_string_equal(buf, "");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_too_small),
        cmocka_unit_test(test_sweep),
        cmocka_unit_test(test_80x24),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_fit_left),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_bar),
        cmocka_unit_test(test_glyph_run),
        cmocka_unit_test(test_scroll),
        cmocka_unit_test(test_term_columns),
        cmocka_unit_test(test_footer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
