/* The report model: recommendations, fleet totals, and escaping of hostile
 * names in every format for people. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "guest_xml_write.h"
#include "report.h"
#include "size.h"
#include "test_util.h"
#include "xalloc.h"


static const char hostile[] = "<script>alert(1)</script> & \"q\" 'a' |x| \x1b[31mred\x07 `tick`";

static char *render(const struct report *rep, enum report_format f)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    report_write(out, rep, f);
    assert_int_equal(fclose(out), 0);
    return buf;
}

static struct guest *named(struct guest *g, const char *name)
{
    free(g->name);
    g->name = xstrdup(name);
    return g;
}

/* Markdown without its fenced code blocks (whose text is shown literally). */
static char *outside_code(const char *md)
{
    char *out = xstrdup(md), *o = out;
    bool in_code = false;
    for (const char *line = md; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        if (!strncmp(line, "```", 3))
            in_code = !in_code;
        else if (!in_code) {
            memcpy(o, line, len);
            o += len;
        }
        line += len;
    }
    *o = '\0';
    return out;
}

/* vfio: x86 4 GiB + VFIO; small: pseries 1 GiB; locked; plain x86. With
 * `more`, an error and an unnamed guest sharing vfio's device, with a
 * hard_limit too small; with `stream`, written as JSON as the guests come
 * (report_stream_json). */
static void build_as(struct report *rep, struct host *h, bool more, bool stream)
{
    struct mp_error err = { 0 };
    report_init(rep, h, NULL);
    rep->check = true;
    if (stream)
        assert_int_equal(report_stream_json(rep, &err), 0);
    struct guest *g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB), hostile);
    test_add_pci(g, "0003:01:00.0", -1);
    assert_int_equal(report_add_guest(rep, g, "vfio.xml", &err), 0);
    g = named(test_guest("ppc64le", "pseries", GUEST_VIRT_KVM, KIB_PER_GIB), "small");
    assert_int_equal(report_add_guest(rep, g, "small.xml", &err), 0);
    g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, KIB_PER_GIB), "locked");
    g->locked = true;
    assert_int_equal(report_add_guest(rep, g, NULL, &err), 0);
    g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, KIB_PER_GIB), "plain");
    assert_int_equal(report_add_guest(rep, g, "plain.xml", &err), 0);
    if (!more) {
        report_finish(rep);
        return;
    }
    report_add_error(rep, "bad.xml", "bad.xml:1: not well-formed");
    /* The same device as the first: a fleet check naming both. */
    g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, 2 * KIB_PER_GIB), "");
    test_add_pci(g, "0003:01:00.0", -1);
    g->has_hard_limit = true;
    g->hard_limit_kib = KIB_PER_GIB;
    assert_int_equal(report_add_guest(rep, g, "unnamed.xml", &err), 0);
    report_finish(rep);
}

static void build(struct report *rep, struct host *h)
{
    build_as(rep, h, false, false);
}

static void test_recommendations(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct report rep;
    build(&rep, h);
    assert_int_equal(rep.n, 4);
    const struct memlock_rec *r = &rep.guests[0].rec;
    assert_int_equal(r->kind, REC_HARD_LIMIT);
    assert_int_equal(r->base_kib, 5 * KIB_PER_GIB);
    assert_int_equal(r->headroom_kib, KIB_PER_GIB);   /* the default headroom */
    assert_int_equal(r->kib, 6 * KIB_PER_GIB);
    char *s = rec_hard_limit_xml(r);
    assert_string_equal(s, "<memtune><hard_limit unit='KiB'>6291456</hard_limit></memtune>");
    free(s);
    s = rec_virsh_command(r, "it's");
    assert_string_equal(s, "virsh memtune 'it'\\''s' --hard-limit 6291456 --config");
    free(s);
    s = rec_systemd_line(r);
    assert_string_equal(s, "LimitMEMLOCK=5368709120");
    free(s);
    s = rec_limits_conf(r, "qemu");
    assert_string_equal(s, "qemu soft memlock 5242880\nqemu hard memlock 5242880");
    free(s);

    r = &rep.guests[1].rec;   /* 20 MiB for a 1 GiB pseries guest: no hard_limit */
    assert_int_equal(r->kind, REC_BELOW_MEMORY);
    assert_int_equal(r->kib, 20480);
    assert_null(rec_hard_limit_xml(r));
    s = rec_systemd_line(r);
    assert_string_equal(s, "LimitMEMLOCK=20971520");
    free(s);
    /* <locked/>: a hard_limit for libvirt, no limit for QEMU outside it. */
    assert_int_equal(rep.guests[2].rec.kind, REC_HARD_LIMIT);
    assert_true(rep.guests[2].rec.locked);
    s = rec_systemd_line(&rep.guests[2].rec);
    assert_string_equal(s, "LimitMEMLOCK=infinity");
    free(s);
    assert_int_equal(rep.guests[3].rec.kind, REC_NOT_NEEDED);
    assert_null(rec_systemd_line(&rep.guests[3].rec));

    /* Fleet: numbers added up, the others counted. */
    assert_int_equal(rep.fleet.limit_kib, 5 * KIB_PER_GIB + 20480);
    assert_int_equal(rep.fleet.nunlimited, 1);
    assert_int_equal(rep.fleet.nnone, 1);
    assert_int_equal(rep.fleet.memory_kib, 7 * KIB_PER_GIB);
    assert_int_equal(report_fleet_percent(&rep), 1);
    assert_int_equal(rep.hs.nnv2, 12);
    assert_int_equal(rep.hs.ngpus, 4);
    report_free(&rep);
    host_free(h);
}

static void test_current_hard_limit(void **state)
{
    (void)state;
    struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB);
    test_add_pci(g, "0003:01:00.0", -1);
    g->has_hard_limit = true;
    g->hard_limit_kib = 2 * KIB_PER_GIB;
    struct memlock_rec r;
    struct mp_error err = { 0 };
    assert_int_equal(memlock_recommend(g, NULL, NULL, NULL, &r, &err), 0);
    assert_int_equal(r.kind, REC_HARD_LIMIT);
    assert_int_equal(r.base_kib, 5 * KIB_PER_GIB);   /* libvirt's own, not the guest's */
    assert_int_equal(r.kib, 6 * KIB_PER_GIB);        /* with the default 1 GiB headroom */
    assert_true(r.has_current);
    bool said = false;
    for (size_t i = 0; i < r.notes.n; i++)
        said |= strstr(r.notes.items[i].c, "is below what libvirt would compute") != NULL;
    assert_true(said);
    memlock_rec_free(&r);
    guest_free(g);
}

/* The verdict each guest's section opens with, and the arch check. */
static void test_verdicts(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct report rep;
    build(&rep, h);
    assert_int_equal(report_verdict(&rep.guests[0]), VERDICT_SET);
    char *s = report_verdict_sentence(&rep.guests[0]);
    assert_string_equal(s, "Set hard_limit to 6291456 KiB (6 GiB): paste one of the lines below.");
    free(s);
    assert_int_equal(report_verdict(&rep.guests[1]), VERDICT_OWN);
    /* <locked/>: a hard_limit keeps it bounded (report_rec.c). */
    assert_int_equal(report_verdict(&rep.guests[2]), VERDICT_SET);
    assert_int_equal(report_verdict(&rep.guests[3]), VERDICT_NONE);
    /* x86 guests on the ppc64le AC922: warned, no capacity; the pseries one is at home. */
    assert_true(rep.guests[0].arch_mismatch);
    assert_int_equal(rep.guests[0].warnings.n, 1);
    assert_false(rep.guests[1].arch_mismatch);
    assert_int_equal(rep.guests[1].warnings.n, 0);
    char *subject = report_subject(&rep);
    assert_string_equal(subject, "4 guests");
    free(subject);
    assert_string_equal(report_host_label(&rep), "test:ac922");   /* no host name: its source */

    /* A hard_limit below what libvirt needs, and one above it. */
    struct mp_error err = { 0 };
    struct guest *g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB), "low");
    test_add_pci(g, "0003:01:00.0", -1);
    g->has_hard_limit = true;
    g->hard_limit_kib = 2 * KIB_PER_GIB;
    assert_int_equal(report_add_guest(&rep, g, NULL, &err), 0);
    assert_int_equal(report_verdict(&rep.guests[4]), VERDICT_TOO_SMALL);
    s = report_verdict_sentence(&rep.guests[4]);
    /* It needs libvirt's figure; the line to paste adds the headroom. */
    assert_string_equal(s, "hard_limit 2 GiB is too small: libvirt needs 5 GiB; set 6291456 KiB "
                           "(6 GiB): paste one of the lines below.");
    free(s);
    g = named(test_guest("x86_64", "q35", GUEST_VIRT_KVM, 4 * KIB_PER_GIB), "high");
    test_add_pci(g, "0003:01:00.0", -1);
    g->has_hard_limit = true;
    g->hard_limit_kib = 8 * KIB_PER_GIB;
    assert_int_equal(report_add_guest(&rep, g, NULL, &err), 0);
    assert_int_equal(report_verdict(&rep.guests[5]), VERDICT_KEEP);
    report_free(&rep);
    host_free(h);
}

/* Unreadable guests keep their place among the others, in every format. */
static void test_errors(void **state)
{
    (void)state;
    struct report rep;
    build(&rep, NULL);
    report_add_error(&rep, "bad<1>.xml", "bad<1>.xml:1: not well-formed");
    assert_int_equal(rep.nerrors, 1);
    assert_int_equal(rep.errors[0].before, 4);
    char *html = render(&rep, REPORT_HTML);
    assert_non_null(strstr(html, "<tr class=\"err\"><th scope=\"row\">bad&lt;1&gt;.xml</th>"));
    assert_null(strstr(html, "bad<1>"));
    free(html);
    char *json = render(&rep, REPORT_JSON);
    assert_non_null(strstr(json, "\"errors\": [\n    {\n      \"source\": \"bad<1>.xml\""));
    free(json);
    char *text = render(&rep, REPORT_TEXT);
    assert_non_null(strstr(text, "! bad<1>.xml:1: not well-formed"));
    free(text);
    /* SOURCE_DATE_EPOCH fixes the date. */
    rep.when = 1800000000;
    char date[40];
    report_date(&rep, date, sizeof(date));
    assert_string_equal(date, "2027-01-15 08:00 UTC");
    report_free(&rep);
}

/* The stream writes the document byte for byte as the report held whole,
 * keeps no guest, and keeps what the fleet and --check need. */
static void test_stream(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct report whole, stream;
    build_as(&whole, h, true, false);
    build_as(&stream, h, true, true);
    assert_int_equal(whole.n, 5);
    assert_int_equal(stream.n, 0);
    assert_int_equal(stream.nmembers, 5);
    char *a = render(&whole, REPORT_JSON), *b = render(&stream, REPORT_JSON);
    assert_string_equal(a, b);
    assert_non_null(strstr(b, "\"guests\": 5,"));
    assert_non_null(strstr(b, "\"code\": \"device_shared\""));
    /* The unnamed guest is named by its file in the fleet's sentences. */
    assert_non_null(strstr(b, "assigned to both"));
    assert_non_null(strstr(b, "and unnamed.xml"));
    /* A second rendering gives the same bytes. */
    char *c = render(&stream, REPORT_JSON);
    assert_string_equal(b, c);
    free(a);
    free(b);
    free(c);
    assert_int_equal(stream.nguest_checks, whole.nguest_checks);
    assert_true(stream.nguest_checks >= 1);   /* the 1 GiB hard_limit is below the need */
    for (size_t i = 0; i < stream.nguest_checks; i++) {
        assert_int_equal(stream.guest_checks[i].guest, whole.guest_checks[i].guest);
        assert_int_equal(stream.guest_checks[i].checks.n, whole.guest_checks[i].checks.n);
    }
    assert_string_equal(report_member_name(&stream, 4), "unnamed.xml");
    assert_int_equal(stream.fleet.checks.n, whole.fleet.checks.n);
    report_free(&whole);
    report_free(&stream);
    host_free(h);
}

static void test_fleet_over_ram(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct report rep;
    struct mp_error err = { 0 };
    report_init(&rep, h, NULL);
    for (int i = 0; i < 3; i++) {
        struct guest *g = test_guest("x86_64", "q35", GUEST_VIRT_KVM, 200 * KIB_PER_GIB);
        test_add_pci(g, "0003:01:00.0", -1);
        assert_int_equal(report_add_guest(&rep, g, NULL, &err), 0);
    }
    report_finish(&rep);
    assert_int_equal(rep.fleet.limit_kib, 603 * KIB_PER_GIB);
    assert_int_equal(report_fleet_percent(&rep), 118);
    /* The same device in all three guests (said once), then memory and limits above RAM. */
    assert_int_equal(rep.fleet.checks.n, 2);     /* device_shared + pinned memory */
    assert_int_equal(rep.fleet.checks.items[0].code, CHECK_DEVICE_SHARED);
    assert_non_null(strstr(rep.fleet.checks.items[0].text.c, "and 1 more guest:"));
    assert_int_equal(rep.fleet.checks.items[1].code, CHECK_FLEET_MEMORY_ABOVE_HOST);
    assert_int_equal(rep.fleet.warnings.n, 1 + 2);
    char *md = render(&rep, REPORT_MD);
    assert_non_null(strstr(md, "118%"));
    free(md);
    report_free(&rep);
    host_free(h);
}

static void test_escaping(void **state)
{
    (void)state;
    struct host *h = test_ac922();
    struct report rep;
    build(&rep, h);

    char *html = render(&rep, REPORT_HTML);
    assert_null(strstr(html, "<script"));
    assert_null(strstr(html, "\x1b"));
    assert_null(strstr(html, "\x07"));
    assert_null(strstr(html, "http"));
    assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; "
                                 "&#39;a&#39; |x| ?[31mred? `tick`"));
    assert_non_null(strstr(html, "<svg "));
    assert_non_null(strstr(html, "5 GiB"));
    free(html);

    char *md = render(&rep, REPORT_MD);
    char *prose = outside_code(md);
    assert_null(strstr(prose, "<script"));
    free(prose);
    assert_null(strstr(md, "\x1b"));
    assert_non_null(strstr(md, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\" 'a' "
                               "\\|x\\| ?\\[31mred? \\`tick\\`"));
    /* The virsh line sits in a code block; its fence outlasts the backticks. */
    assert_non_null(strstr(md, "virsh memtune '<script>"));
    free(md);

    char *text = render(&rep, REPORT_TEXT);
    assert_null(strstr(text, "\x1b"));
    assert_null(strstr(text, "\x07"));
    assert_non_null(strstr(text, "?[31mred?"));
    assert_non_null(strstr(text, "virsh memtune"));
    free(text);

    char *json = render(&rep, REPORT_JSON);
    assert_null(strstr(json, "\x1b"));
    assert_non_null(strstr(json, "\\u001b[31mred"));
    free(json);
    report_free(&rep);
    host_free(h);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = xcalloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* The TUI's w and x: an edited guest written into its own XML, and a report file. */
static void test_tui_entry_points(void **state)
{
    (void)state;
    const char *srcdir = getenv("srcdir") ? getenv("srcdir") : ".";
    char *src = xasprintf("%s/tests/report/data/odd.xml", srcdir);
    struct mp_error err = { 0 };
    struct guest *g = guest_xml_load_file(src, &err);
    if (!g)
        fail_msg("%s", err.text);
    g->memory_kib = 8 * KIB_PER_GIB;   /* edited in the TUI: 8 GiB instead of 4 */
    char dir[] = "/tmp/mp-report-test.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *out = xasprintf("%s/new.xml", dir);
    /* w writes the edit itself (core/guest_xml_write.c). */
    size_t blen = 0, olen = 0;
    char *base = guest_xml_read(src, &blen, &err);
    assert_non_null(base);
    char *text = guest_xml_update(base, blen, src, g, &olen, &err);
    if (!text)
        fail_msg("%s", err.text);
    assert_non_null(strstr(text, "  <memory unit='KiB'>8388608</memory>\n"));
    free(text);
    free(base);

    char *rep = xasprintf("%s/plan.md", dir);
    const struct guest *gs[] = { g, g };
    const char *srcs[] = { src, NULL };
    assert_int_equal(report_write_guests(NULL, NULL, gs, srcs, 2, REPORT_MD, rep, &err), 0);
    text = slurp(rep);
    assert_non_null(strstr(text, "## Fleet"));
    assert_non_null(strstr(text, "<hard_limit unit='KiB'>10485760</hard_limit>"));
    free(text);
    /* A failing write (folder missing) leaves no file and says where. */
    char *bad = xasprintf("%s/missing/plan.md", dir);
    assert_int_equal(report_write_guests(NULL, NULL, gs, srcs, 1, REPORT_HTML, bad, &err), -1);
    assert_non_null(strstr(err.text, bad));

    unlink(out);
    unlink(rep);
    rmdir(dir);
    free(bad);
    free(rep);
    free(out);
    free(src);
    guest_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recommendations),
        cmocka_unit_test(test_current_hard_limit),
        cmocka_unit_test(test_fleet_over_ram),
        cmocka_unit_test(test_verdicts),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_stream),
        cmocka_unit_test(test_escaping),
        cmocka_unit_test(test_tui_entry_points),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
