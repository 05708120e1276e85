/* o and w of the planner on a libvirt connection: the domain list (name,
 * state, memory, the persistent definition's hard_limit) besides files, and
 * redefining a domain as the screen shows it (virDomainDefineXML) after
 * showing the change, or writing that definition to a file. */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "atomic_file.h"
#include "domains.h"
#include "guest_xml.h"
#include "guest_xml_write.h"
#include "i18n.h"
#include "keys.h"
#include "report_rec.h"
#include "size.h"
#include "text_diff.h"
#include "text_safe.h"
#include "text_width.h"
#include "tui_domains.h"
#include "xalloc.h"
#include "xml_edit.h"

struct row {
    char *name;
    bool running;
    uint64_t memory_kib, hard_kib;
};

static struct {
    struct virt_conn *conn;
    struct row *rows;
    size_t n, sel;
    bool asking;          /* w: the change is shown, the question open */
    char *current;        /* the domain the planner's guest came from */
    char *xml;            /* its persistent definition, as opened */
    size_t len;
    char *new_xml;        /* ... as the screen shows the guest */
    size_t new_len;
    struct text_diff diff;
} S;

static void free_rows(void)
{
    for (size_t i = 0; i < S.n; i++)
        free(S.rows[i].name);
    free(S.rows);
    S.rows = NULL;
    S.n = 0;
}

static void free_change(void)
{
    text_diff_free(&S.diff);
    free(S.new_xml);
    S.new_xml = NULL;
    S.asking = false;
}

/* The guest is the domain's while no file was opened since. */
static bool guest_is_domain(const struct app *a)
{
    return S.current && !a->plan.path;
}

/* The persistent definition of `name` into S.current/S.xml, and the guest. */
static struct guest *load_domain(const char *name, struct mp_error *err)
{
    struct virt_domain *d = virt_domain_open(S.conn, name, err);
    if (!d)
        return NULL;
    size_t len;
    char *xml = virt_domain_xml(d, VIRT_CONFIG, &len, err);
    struct guest *g = xml ? guest_xml_load_memory(xml, len, virt_domain_name(d), err) : NULL;
    if (g) {
        free(S.current);
        free(S.xml);
        S.current = xstrdup(virt_domain_name(d));
        S.xml = xml;
        S.len = len;
    } else {
        free(xml);
    }
    virt_domain_close(d);
    return g;
}

static int list_domains(struct mp_error *err)
{
    struct virt_domain **doms;
    int n = virt_domain_list(S.conn, &doms, err);
    if (n < 0)
        return -1;
    free_rows();
    S.rows = xcalloc((size_t)n + 1, sizeof(*S.rows));
    int rc = 0;
    for (int i = 0; i < n && !rc; i++) {
        struct row *r = &S.rows[S.n];
        if (virt_domain_memory(doms[i], &r->memory_kib, err) < 0 ||
            virt_hard_limit_get(doms[i], false, &r->hard_kib, err) < 0) {
            rc = -1;
            break;
        }
        r->name = xstrdup(virt_domain_name(doms[i]));
        r->running = virt_domain_running(doms[i]);
        S.n++;
    }
    virt_domain_list_free(doms, n);
    return rc;
}

static bool domains_open(struct app *a)
{
    struct mp_error err = { 0 };
    if (list_domains(&err) < 0) {
        app_status(a, true, "%s", err.text);
        return true;
    }
    S.sel = 0;
    S.asking = false;
    a->mode = MODE_DOMAINS;
    return true;
}

static void open_selected(struct app *a)
{
    a->mode = MODE_NORMAL;
    if (S.sel >= S.n) {  /* the last row: a file, as o without a connection */
        app_start_prompt(a, PROMPT_OPEN, _("Open guest XML:"), a->plan.path ? a->plan.path : "");
        return;
    }
    struct mp_error err = { 0 };
    struct guest *g = load_domain(S.rows[S.sel].name, &err);
    if (!g) {
        app_status(a, true, "%s", err.text);
        return;
    }
    plan_replace_guest(&a->plan, g, NULL);
    a->sel[PANE_GUEST] = a->top[PANE_GUEST] = 0;
    a->sel[PANE_RESULT] = 0;
    app_relayout(a);
    app_status(a, false, _("Opened domain %s of %s (its persistent definition)."), S.current,
               virt_uri(S.conn));
}

/* The domain's definition as the screen shows the guest (as w writes a
 * file, core/guest_xml_write.h). */
static char *definition(const struct app *a, size_t *len, struct mp_error *err)
{
    return guest_xml_update(S.xml, S.len, S.current, a->plan.guest, len, err);
}

/* No hard_limit set: the recommended one becomes an edit on screen first
 * (undo takes it back), as w offers it for a file. */
static int add_recommended(struct app *a, struct mp_error *err)
{
    if (a->plan.guest->has_hard_limit)
        return 0;
    struct memlock_rec rec = { 0 };
    if (memlock_recommend(a->plan.guest, a->plan.host, a->plan.profile, NULL, &rec, err) < 0)
        return -1;
    int rc = rec.kind == REC_HARD_LIMIT ? plan_set_hard_limit(&a->plan, true, rec.kib, err) : 0;
    memlock_rec_free(&rec);
    if (!rc)
        app_relayout(a);
    return rc;
}

static bool domains_write(struct app *a)
{
    if (!guest_is_domain(a))
        return false;
    struct mp_error err = { 0 };
    free_change();
    if (add_recommended(a, &err) < 0 || !(S.new_xml = definition(a, &S.new_len, &err))) {
        app_status(a, true, "%s", err.text);
        return true;
    }
    text_diff(S.xml, S.len, S.new_xml, S.new_len, 1, &S.diff);
    if (!S.diff.added && !S.diff.removed) {
        free_change();
        app_status(a, false, _("Domain %s already says this: nothing to redefine."), S.current);
        return true;
    }
    S.asking = true;
    a->mode = MODE_DOMAINS;
    return true;
}

static bool domains_write_file(struct app *a, const char *path)
{
    if (!guest_is_domain(a))
        return false;
    struct mp_error err = { 0 };
    size_t len;
    char *buf = *path ? definition(a, &len, &err) : NULL;
    if (!*path)
        mp_error_set(&err, MP_ERR_INPUT, "%s", _("No file name given."));
    if (!buf || atomic_file_write_buf(path, buf, len, &err) < 0) {
        free(buf);
        app_status(a, true, "%s", err.text);
        return true;
    }
    free(buf);
    char safe[200];
    text_safe_copy(safe, sizeof(safe), path);
    app_status(a, false, _("Wrote domain %s's definition, as the screen shows it, to %s."),
               S.current, safe);
    return true;
}

static void redefine(struct app *a)
{
    struct mp_error err = { 0 };
    a->mode = MODE_NORMAL;
    if (virt_define_xml(S.conn, S.new_xml, &err) < 0) {
        free_change();
        app_status(a, true, "%s", err.text);
        return;
    }
    free_change();
    /* What libvirt now holds: its read-back, and the base of the next w. */
    struct virt_domain *d = virt_domain_open(S.conn, S.current, &err);
    uint64_t kib = 0;
    size_t len;
    char *xml = d ? virt_domain_xml(d, VIRT_CONFIG, &len, &err) : NULL;
    if (!xml || virt_hard_limit_get(d, false, &kib, &err) < 0) {
        free(xml);
        virt_domain_close(d);
        app_status(a, true, "%s", err.text);
        return;
    }
    virt_domain_close(d);
    free(S.xml);
    S.xml = xml;
    S.len = len;
    a->plan.dirty = false;
    app_status(a, false, _("Redefined %s (virDomainDefineXML); libvirt reads back hard_limit "
                           "%" PRIu64 " KiB."), S.current, kib);
}

static void domains_key(struct app *a, int key)
{
    if (S.asking) {
        switch (keys_lookup(KM_CONFIRM, key)) {
        case ACT_YES: redefine(a); break;
        case ACT_NO: {
            free_change();
            a->mode = MODE_NORMAL;
            char name[200];
            snprintf(name, sizeof(name), "%s.xml", S.current);
            for (char *c = name; *c; c++)  /* stays in the current directory */
                if (*c == '/')
                    *c = '_';
            app_start_prompt(a, PROMPT_WRITE, _("Write the XML with hard_limit to:"), name);
            break;
        }
        case ACT_CANCEL:
            free_change();
            a->mode = MODE_NORMAL;
            app_status(a, false, "%s", _("Cancelled."));
            break;
        default: break;
        }
        return;
    }
    switch (keys_lookup(KM_MENU, key)) {
    case ACT_UP: if (S.sel > 0) S.sel--; break;
    case ACT_DOWN: if (S.sel < S.n) S.sel++; break;
    case ACT_CLOSE: a->mode = MODE_NORMAL; break;
    case ACT_ACCEPT: open_selected(a); break;
    default: break;
    }
}

static unsigned domains_mask(const struct app *a)
{
    (void)a;
    return S.asking ? KM_CONFIRM : KM_MENU;
}

static void limit_text(uint64_t kib, char *buf, size_t len)
{
    if (kib >= VIRT_UNLIMITED_KIB)
        snprintf(buf, len, "%s", _("none"));
    else
        size_format_kib(kib, buf, len);
}

static void draw_lines(struct app *a, const char *title, const char *const *lines,
                       const int *attrs, size_t n, size_t sel_line)
{
    int w = a->cols - 4 < 100 ? a->cols - 4 : 100;
    int h = (int)n + 2 < a->rows - 4 ? (int)n + 2 : a->rows - 4;
    struct rect r = { 2, (a->cols - w) / 2, h, w };
    for (int y = r.y; y < r.y + r.h; y++)
        draw_text(a, y, r.x, r.w, "", ATTR_NONE);
    draw_box(a, &r, title, true);
    /* Keep the selected line in view. */
    size_t visible = (size_t)(h - 2);
    size_t top = sel_line < n && sel_line >= visible ? sel_line - visible + 1 : 0;
    for (size_t i = top; i < n && i - top < visible; i++)
        draw_text(a, r.y + 1 + (int)(i - top), r.x + 2, r.w - 4, lines[i],
                  i == sel_line ? crt_attr(&a->crt, ROLE_SELECTED) : attrs[i]);
}

/* One row of the domain list, its columns lined up by terminal width (a
 * translated heading or a domain name may hold non-ASCII letters). */
static char *domain_row(const char *name, const char *state, const char *mem, const char *hard)
{
    char *row = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&row, &len);
    if (!f)
        return xstrdup(name);
    fput_ljust(f, name, 28);
    fputc(' ', f);
    fput_ljust(f, state, 9);
    fputc(' ', f);
    fput_rjust(f, mem, 12);
    fputc(' ', f);
    fput_rjust(f, hard, 14);
    fclose(f);
    return row;
}

static void domains_draw(struct app *a)
{
    char title[256];
    if (S.asking) {
        size_t n = S.diff.n + 2;
        char **text = xcalloc(n, sizeof(*text));
        int *attrs = xcalloc(n, sizeof(*attrs));
        for (size_t i = 0; i < S.diff.n; i++) {
            text[i] = text_safe_dup(S.diff.lines[i]);
            char c = S.diff.lines[i][0];
            attrs[i] = c == '-' ? crt_attr(&a->crt, ROLE_ERROR)
                     : c == '+' ? crt_attr(&a->crt, ROLE_ASSIGNED) : ATTR_NONE;
        }
        text[S.diff.n] = xstrdup("");
        text[S.diff.n + 1] =
            xstrdup(_("y: redefine it through libvirt   n: write a file instead   Esc: cancel"));
        char counts[160];
        text_diff_counts(&S.diff, counts, sizeof(counts));
        snprintf(title, sizeof(title), _("Redefine %s (virDomainDefineXML)? %s"), S.current,
                 counts);
        draw_lines(a, title, (const char *const *)text, attrs, n, SIZE_MAX);
        for (size_t i = 0; i < n; i++)
            free(text[i]);
        free(text);
        free(attrs);
        return;
    }
    size_t n = S.n + 2;
    char **text = xcalloc(n, sizeof(*text));
    int *attrs = xcalloc(n, sizeof(*attrs));
    text[0] = domain_row(_("DOMAIN"), _("STATE"), _("MEMORY"), _("HARD_LIMIT"));
    attrs[0] = crt_attr(&a->crt, ROLE_DIM);
    for (size_t i = 0; i < S.n; i++) {
        char mem[32], hard[32];
        size_format_kib(S.rows[i].memory_kib, mem, sizeof(mem));
        limit_text(S.rows[i].hard_kib, hard, sizeof(hard));
        text[i + 1] = domain_row(S.rows[i].name, S.rows[i].running ? _("running") : _("shut off"),
                                 mem, hard);
    }
    text[S.n + 1] = xstrdup(_("a guest XML file..."));
    snprintf(title, sizeof(title), _("Open a domain of %s (Enter opens, Esc cancels)"),
             virt_uri(S.conn));
    draw_lines(a, title, (const char *const *)text, attrs, n, S.sel + 1);
    for (size_t i = 0; i < n; i++)
        free(text[i]);
    free(text);
    free(attrs);
}

static const char *domains_title(const struct app *a)
{
    static char title[300];
    if (!guest_is_domain(a))
        return NULL;
    snprintf(title, sizeof(title), _("domain %s"), S.current);
    return title;
}

static const struct tui_domain_ops ops = {
    .title = domains_title,
    .open = domains_open,
    .write = domains_write,
    .write_file = domains_write_file,
    .key = domains_key,
    .draw = domains_draw,
    .mask = domains_mask,
};

int tui_domains_attach(struct virt_conn *c, const char *domain, struct mp_error *err)
{
    S.conn = c;
    if (domain) {
        struct guest *g = load_domain(domain, err);
        if (!g)
            return -1;
        guest_free(g);  /* the planner has the front's; only the definition is kept */
    }
    tui_domains = &ops;
    return 0;
}

void tui_domains_detach(void)
{
    tui_domains = NULL;
    free_change();
    free_rows();
    free(S.current);
    free(S.xml);
    memset(&S, 0, sizeof(S));
}
