/* The views' builders as pure functions: core's models in, lines of styled
 * text out, for any width (no terminal). */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capacity.h"
#include "layout.h"
#include "plan.h"
#include "probe.h"
#include "size.h"
#include "test_util.h"
#include "tour.h"
#include "views.h"
#include "xalloc.h"

static const struct crt mono_utf8 = {
    .color = false, .ascii = false,
    .g = { "|-", "`-", "\u2588", "\u2591", "*", "\u2026", "\u26a0", "d" },
};
static const struct crt color_ascii = {
    .color = true, .ascii = true, .g = { "|-", "`-", "#", ".", "*", "~", "!", "d" },
};

/* The whole text, one line per line, for substring checks. */
static char *all_text(const struct vtext *t)
{
    char *s = xstrdup("");
    for (size_t i = 0; i < t->n; i++) {
        char *l = vtext_plain(t, i), *n = xasprintf("%s%s\n", s, l);
        free(l);
        free(s);
        s = n;
    }
    return s;
}

/* The first line containing `needle`, or NULL. Caller frees. */
static char *line_with(const struct vtext *t, const char *needle)
{
    for (size_t i = 0; i < t->n; i++) {
        char *l = vtext_plain(t, i);
        if (strstr(l, needle))
            return l;
        free(l);
    }
    return NULL;
}

static void assert_fits(const struct vtext *t, int width)
{
    for (size_t i = 0; i < t->n; i++) {
        char *l = vtext_plain(t, i);
        if (layout_text_width(l) > width)
            fail_msg("line %zu is %d columns wide, more than %d: %s", i, layout_text_width(l),
                     width, l);
        free(l);
    }
}

static void plan_on_ac922(struct plan *p, struct guest *g)
{
    struct mp_error err = { 0 };
    struct host *h = probe_load(TOUR_HOST, &err);
    assert_non_null(h);
    plan_init(p, h, g, NULL, NULL);
    assert_true(p->have_result);
}

static void test_vtext_cells(void **state)
{
    (void)state;
    struct vtext t = { 0 };
    vtext_add_cell(&t, ROLE_NORMAL, "abcdef", 4, "~");
    vtext_add_cell(&t, ROLE_NORMAL, "ab", 4, "~");
    vtext_add_right(&t, ROLE_NORMAL, "xy", 5);
    char *l = vtext_plain(&t, 0);
    assert_string_equal(l, "abc~ab     xy");
    free(l);
    vtext_para(&t, ROLE_NORMAL, 10, 2, "one two three four");
    assert_int_equal(t.n, 4);
    l = vtext_plain(&t, 1);
    assert_string_equal(l, "  one two");
    free(l);
    vtext_free(&t);
    assert_int_equal(t.n, 0);
}

/* The tour's step 3 on the AC922: socket 0's group with its NVLink2 bridges
 * brings 256 GiB of TCE table for each of the three PHBs; narrow panels put
 * sizes under labels. */
static void test_tour_panel(void **state)
{
    (void)state;
    struct mp_error err = { 0 };
    struct host *h = probe_load(TOUR_HOST, &err);
    assert_non_null(h);
    struct guest *g3 = tour_guest(1), *g4 = tour_guest(2);
    struct memlock_result before, after;
    test_compute(g3, h, NULL, &before);
    test_compute(g4, h, NULL, &after);
    size_t nd;
    struct tour_delta *d = tour_diff(&before, &after, &nd);
    assert_true(nd > 0);

    struct vtext t;
    view_tour_build(2, d, nd, &mono_utf8, 34, &t);
    assert_fits(&t, 34);
    char *s = all_text(&t);
    assert_non_null(strstr(s, "Assign socket 0's group 5"));
    assert_non_null(strstr(s, "Terms that moved:"));
    assert_non_null(strstr(s, "  NVLink2 64-bit DMA windows\n    0 B \u2192 768 GiB\n"));
    free(s);
    vtext_free(&t);

    view_tour_build(2, d, nd, &color_ascii, 70, &t);
    assert_fits(&t, 70);
    char *l = line_with(&t, "NVLink2 64-bit DMA windows");
    assert_non_null(l);
    assert_string_equal(l, "  NVLink2 64-bit DMA windows  0 B -> 768 GiB");
    free(l);
    vtext_free(&t);

    /* The start moved nothing: title and explanation only. */
    view_tour_build(0, NULL, 0, &mono_utf8, 34, &t);
    s = all_text(&t);
    assert_null(strstr(s, "Terms that moved"));
    assert_non_null(strstr(s, "A pseries guest with 64 GiB"));
    free(s);
    vtext_free(&t);
    /* Past the last step: nothing to show. */
    view_tour_build(tour_nsteps(), NULL, 0, &mono_utf8, 34, &t);
    assert_int_equal(t.n, 0);

    free(d);
    memlock_result_free(&before);
    memlock_result_free(&after);
    guest_free(g3);
    guest_free(g4);
    host_free(h);
}

/* The map keeps the 128 TiB tick at every width, and 32T beside it when
 * there is room; x86 guests get one line. */
static void test_map(void **state)
{
    (void)state;
    struct plan p;
    plan_on_ac922(&p, tour_guest(3));
    /* 76: the inner width at 80 columns; narrower only clips. */
    static const int widths[] = { 30, 40, 76, 116, 200 };
    for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
        struct vtext t;
        view_map_build(&p, &mono_utf8, widths[w], &t);
        if (widths[w] >= 76)
            assert_fits(&t, widths[w]);
        char *axis = line_with(&t, "128T");
        assert_non_null(axis);
        /* Ticks that would touch give way to 128T on narrow bars. */
        if (widths[w] >= 76) {
            assert_non_null(strstr(axis, "1G"));
            assert_non_null(strstr(axis, "32G"));
            assert_non_null(strstr(axis, "1T"));
            assert_non_null(strstr(axis, "32T "));
            assert_true(strstr(axis, "32T ") < strstr(axis, "128T"));
        }
        free(axis);
        char *s = all_text(&t);
        assert_non_null(strstr(s, "NVLink2 GPU RAM"));
        assert_non_null(strstr(s, "64 TiB - 128 TiB"));
        assert_non_null(strstr(s, "DMA windows of PHB 2"));
        assert_non_null(strstr(s, "0 B - 128 TiB, TCE table 256 GiB"));
        free(s);
        vtext_free(&t);
    }
    plan_free(&p);

    plan_init(&p, NULL, guest_new_for_arch("x86_64"), NULL, NULL);
    struct vtext t;
    view_map_build(&p, &mono_utf8, 76, &t);
    assert_int_equal(t.n, 1);
    char *l = vtext_plain(&t, 0);
    assert_string_equal(l, "The address map applies to pseries guests only.");
    free(l);
    vtext_free(&t);
    plan_free(&p);
}

/* Differing rows: a * without colour, none with it (colour shows them). */
static void test_compare(void **state)
{
    (void)state;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 16 * KIB_PER_GIB);
    g->has_iommu = true;
    test_add_pci(g, "0000:3b:00.0", -1);
    test_add_pci(g, "0000:3b:00.1", -1);
    struct plan p;
    plan_init(&p, NULL, g, NULL, NULL);
    struct vtext t;
    view_compare_build(&p, &mono_utf8, 76, &t);
    assert_fits(&t, 76);
    char *l = line_with(&t, "Limit");
    assert_non_null(l);
    assert_int_equal(l[0], '*');
    free(l);
    l = line_with(&t, "MMIO and QEMU overhead");
    assert_non_null(l);
    assert_int_equal(l[0], ' ');
    free(l);
    /* Every step is shown: a column when it changes something for this guest
     * (8.7: the vIOMMU factor), else a line below the table. */
    l = vtext_plain(&t, 0);
    assert_non_null(strstr(l, "8.7"));
    assert_non_null(strstr(l, profile_default()->id));
    free(l);
    for (size_t i = 0; i < nprofiles; i++) {
        bool seen = false;
        char want[64];
        snprintf(want, sizeof(want), "%s%s: ", profiles[i].pinned ? "" : "~", profiles[i].id);
        for (size_t k = 0; k < t.n && !seen; k++) {
            char *line = vtext_plain(&t, k);
            seen = strstr(line, want) != NULL;
            free(line);
        }
        if (!seen)
            fail_msg("no line for step %s", profiles[i].id);
    }
    vtext_free(&t);
    view_compare_build(&p, &color_ascii, 76, &t);
    l = line_with(&t, "Limit");
    assert_int_equal(l[0], ' ');
    free(l);
    vtext_free(&t);
    plan_free(&p);
}

static void test_capacity(void **state)
{
    (void)state;
    struct plan p;
    plan_on_ac922(&p, tour_guest(3));
    struct vtext t;
    view_capacity_build(&p, &mono_utf8, 76, &t);
    assert_fits(&t, 76);
    struct capacity c;
    capacity_compute(p.guest, p.host, &p.result, &c);
    char want[64];
    snprintf(want, sizeof(want), "Guests of this shape that fit: %llu", (unsigned long long)c.fits);
    char *l = vtext_plain(&t, 0);
    assert_string_equal(l, want);
    free(l);
    /* The resource that runs out first, named in full and marked in the table. */
    const char *first = c.resources[c.limiting].label.local;
    l = vtext_plain(&t, 1);
    assert_string_equal(l + strlen("Runs out first: "), first);
    free(l);
    l = line_with(&t, "> ");
    assert_non_null(l);
    assert_memory_equal(l + 2, first, 20);
    free(l);
    capacity_free(&c);
    vtext_free(&t);
    plan_free(&p);
}

static struct qemu_process proc(pid_t pid, const char *name, uint64_t limit, uint64_t lck_kib)
{
    return (struct qemu_process){ .pid = pid, .exe = (char *)"qemu-system-ppc64",
                                  .name = (char *)name, .readable = true,
                                  .limit_kind = HOST_LIMIT_BYTES, .limit_bytes = limit,
                                  .has_vmlck = true, .has_vmpin = true, .vmlck_kib = lck_kib,
                                  .vmpin_kib = 0 };
}

static void test_guests(void **state)
{
    (void)state;
    struct qemu_process ps[5] = {
        proc(100, "near", 1048576, 1000),
        proc(101, "calm", 2097152, 256),
        proc(102, "over", 1048576, 2048),
        proc(103, "bad\x1b[2Jname", 1048576, 0),
        { .pid = 104, .exe = (char *)"qemu-kvm", .readable = false },
    };
    ps[1].limit_kind = HOST_LIMIT_UNLIMITED;
    struct vtext t;
    view_guests_build(ps, 5, &mono_utf8, 76, &t);
    assert_fits(&t, 76);
    char *l = line_with(&t, "near");
    assert_non_null(strstr(l, "1000 KiB"));
    assert_non_null(strstr(l, "24 KiB \u26a0"));
    free(l);
    l = line_with(&t, "calm");
    assert_non_null(strstr(l, "unlimited"));
    assert_null(strstr(l, "\u26a0"));
    free(l);
    l = line_with(&t, "over");
    assert_non_null(strstr(l, "over \u26a0"));
    free(l);
    /* Escape sequences from a command line never reach the terminal. */
    char *s = all_text(&t);
    assert_null(strchr(s, '\x1b'));
    assert_non_null(strstr(s, "locked memory is at 90% or more"));
    free(s);
    l = line_with(&t, "104");
    assert_non_null(strstr(l, "qemu-kvm"));
    assert_non_null(strstr(l, "not readable"));
    free(l);
    vtext_free(&t);

    view_guests_build(NULL, 0, &mono_utf8, 76, &t);
    l = vtext_plain(&t, 0);
    assert_string_equal(l, "No QEMU processes are running on this host.");
    free(l);
    vtext_free(&t);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vtext_cells),
        cmocka_unit_test(test_tour_panel),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_capacity),
        cmocka_unit_test(test_guests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
