#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "atomic_file.h"
#include "guest_xml.h"
#include "guest_xml_apply.h"
#include "guest_xml_write.h"
#include "i18n.h"
#include "report_rec.h"
#include "size.h"
#include "text_diff.h"
#include "text_safe.h"
#include "vtext.h"
#include "views.h"
#include "write.h"
#include "xalloc.h"

struct file_state {
    bool exists;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
};

struct tui_write {
    struct file_state opened;  /* the guest's file when opened or last written */
    char *target;              /* the write under way */
    char *buf;                 /* what would be written */
    size_t len;
    struct text_diff diff;
    uint64_t rec_kib;          /* the recommended hard_limit offered */
    size_t top;
};

static struct tui_write *state(struct app *a)
{
    if (!a->write)
        a->write = xcalloc(1, sizeof(*a->write));
    return a->write;
}

static struct file_state file_state_of(const char *path)
{
    struct file_state f = { 0 };
    struct stat st;
    if (path && stat(path, &st) == 0) {
        f.exists = true;
        f.dev = st.st_dev;
        f.ino = st.st_ino;
        f.size = st.st_size;
        f.mtime = st.st_mtim;
    }
    return f;
}

static bool same_state(const struct file_state *x, const struct file_state *y)
{
    return x->exists == y->exists && (!x->exists || (x->dev == y->dev && x->ino == y->ino &&
                                                     x->size == y->size &&
                                                     x->mtime.tv_sec == y->mtime.tv_sec &&
                                                     x->mtime.tv_nsec == y->mtime.tv_nsec));
}

void write_remember_file(struct app *a)
{
    state(a)->opened = file_state_of(a->plan.path);
}

static void reset(struct tui_write *w)
{
    free(w->target);
    free(w->buf);
    text_diff_free(&w->diff);
    w->target = w->buf = NULL;
    w->len = 0;
    w->top = 0;
}

void write_free(struct app *a)
{
    if (!a->write)
        return;
    reset(a->write);
    free(a->write);
    a->write = NULL;
}

static void ask(struct app *a, enum confirm_kind kind, const char *question)
{
    a->mode = MODE_CONFIRM;
    a->confirm = kind;
    snprintf(a->question, sizeof(a->question), "%s", question);
}

/* Stops the write (and what was waiting for it) with a message. */
static void give_up(struct app *a, bool error, const char *msg)
{
    reset(state(a));
    a->mode = MODE_NORMAL;
    a->pending = PENDING_NONE;
    app_status(a, error, "%s", msg);
}

/* A file name for a guest that has none: its name, in the current folder. */
static char *offered_name(const struct app *a)
{
    const char *n = a->plan.guest->name && *a->plan.guest->name ? a->plan.guest->name : "guest";
    char *s = xasprintf("%s.xml", n);
    for (char *c = s; *c; c++)
        if (*c == '/')
            *c = '_';
    return s;
}

void write_start(struct app *a, bool save_as)
{
    reset(state(a));
    if (save_as || !a->plan.path) {
        char *offer = a->plan.path ? xstrdup(a->plan.path) : offered_name(a);
        app_start_prompt(a, PROMPT_WRITE,
                         save_as ? _("Save the guest as:") : _("Write the new guest to:"), offer);
        free(offer);
        return;
    }
    write_to(a, a->plan.path);
}

static void step_build(struct app *a);

void write_to(struct app *a, const char *path)
{
    struct tui_write *w = state(a);
    if (!*path) {
        give_up(a, true, _("No file name given."));
        return;
    }
    if (!a->plan.have_result) {
        give_up(a, true, _("libvirt would refuse this guest (the limit pane says why): nothing "
                           "written."));
        return;
    }
    free(w->target);
    w->target = xstrdup(path);
    /* A new guest still called new-guest takes the file's name. */
    const char *g = a->plan.guest->name;
    if (!a->plan.path && (!g || !strcmp(g, "new-guest"))) {
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        size_t n = strlen(base);
        if (n > 4 && !strcmp(base + n - 4, ".xml"))
            n -= 4;
        char *name = xstrndup(base, n);
        struct mp_error err = { 0 };
        if (*name)
            plan_set_name(&a->plan, name, &err);
        free(name);
    }
    /* No hard_limit set: offer the one libvirt's own limit needs. */
    if (!a->plan.guest->has_hard_limit) {
        struct memlock_rec rec;
        struct mp_error err = { 0 };
        if (memlock_recommend(a->plan.guest, a->plan.host, a->plan.profile, NULL, &rec, &err) == 0) {
            bool offer = rec.kind == REC_HARD_LIMIT;
            w->rec_kib = rec.kib;
            memlock_rec_free(&rec);
            if (offer) {
                char size[32], q[256];
                size_format_kib(w->rec_kib, size, sizeof(size));
                snprintf(q, sizeof(q),
                         _("No hard_limit is set. Add the recommended %s? y: add  n: write "
                           "without  Esc: cancel"), size);
                ask(a, CONFIRM_HARD, q);
                return;
            }
        }
    }
    step_build(a);
}

/* The limit of the written bytes, computed as the screen's: the planner's
 * own knobs (PHB count, hot-plug) are not in the XML and carry over. */
static int check_written(struct app *a, const char *buf, size_t len, struct mp_error *err)
{
    struct guest *back = guest_xml_load_memory(buf, len, state(a)->target, err);
    if (!back)
        return -1;
    back->phb_override = a->plan.guest->phb_override;
    back->force_vfio = a->plan.guest->force_vfio;
    struct memlock_result r;
    int rc = memlock_compute(back, a->plan.host, a->plan.profile, &r, err);
    guest_free(back);
    if (rc < 0)
        return -1;
    bool same = a->plan.have_result && r.kind == a->plan.result.kind &&
                r.limit_bytes == a->plan.result.limit_bytes;
    if (!same)
        rc = mp_error_set(err, MP_ERR_INTERNAL,
                          _("the written file would give a limit of %" PRIu64 " bytes, the "
                            "screen shows %" PRIu64 ": nothing written"),
                          r.limit_bytes, a->plan.have_result ? a->plan.result.limit_bytes : 0);
    memlock_result_free(&r);
    return rc;
}

static void step_diff(struct app *a);

static void step_build(struct app *a)
{
    struct tui_write *w = state(a);
    struct mp_error err = { 0 };
    char *base = NULL;
    size_t blen = 0;
    /* The guest's own file, as it is on disk now; a new guest: a skeleton. */
    struct file_state now = file_state_of(a->plan.path);
    if (a->plan.path && now.exists) {
        base = guest_xml_read(a->plan.path, &blen, &err);
        if (!base) {
            give_up(a, true, err.text);
            return;
        }
        w->buf = guest_xml_update(base, blen, a->plan.path, a->plan.guest, &w->len, &err);
    } else {
        w->buf = guest_xml_create(a->plan.guest, &w->len, &err);
    }
    if (!w->buf || check_written(a, w->buf, w->len, &err) < 0) {
        free(base);
        give_up(a, true, err.text);
        return;
    }
    /* The diff against what the target holds now (nothing for a new file). */
    char *old = NULL;
    size_t olen = 0;
    if (!strcmp(w->target, a->plan.path ? a->plan.path : "")) {
        old = base;
        olen = blen;
        base = NULL;
    } else if (file_state_of(w->target).exists) {
        old = guest_xml_read(w->target, &olen, &err);
    }
    text_diff(old ? old : "", olen, w->buf, w->len, 1, &w->diff);
    free(old);
    free(base);

    char safe[200], q[512];
    text_safe_copy(safe, sizeof(safe), w->target);
    bool own = a->plan.path && !strcmp(w->target, a->plan.path);
    if (own && !same_state(&w->opened, &now)) {
        snprintf(q, sizeof(q),
                 _("%s changed on disk since it was opened. Write over it? y: yes  n, Esc: no"),
                 safe);
        ask(a, CONFIRM_CHANGED, q);
    } else if (!own && file_state_of(w->target).exists) {
        snprintf(q, sizeof(q), _("%s exists. Replace it? y: yes  n, Esc: no"), safe);
        ask(a, CONFIRM_CHANGED, q);
    } else {
        step_diff(a);
    }
}

static void step_diff(struct app *a)
{
    struct tui_write *w = state(a);
    char safe[200], q[512];
    text_safe_copy(safe, sizeof(safe), w->target);
    if (!w->diff.added && !w->diff.removed) {
        snprintf(q, sizeof(q), _("%s already says this: nothing to write."), safe);
        plan_saved(&a->plan, w->target);
        give_up(a, false, q);
        app_resume_pending(a);
        return;
    }
    snprintf(q, sizeof(q), _("Write these changes to %s? y: write  n, Esc: cancel"), safe);
    w->top = 0;
    ask(a, CONFIRM_WRITE, q);
}

static void do_write(struct app *a)
{
    struct tui_write *w = state(a);
    struct mp_error err = { 0 };
    if (atomic_file_write_buf(w->target, w->buf, w->len, &err) < 0) {
        give_up(a, true, err.text);
        return;
    }
    plan_saved(&a->plan, w->target);
    write_remember_file(a);
    char safe[200], msg[512];
    text_safe_copy(safe, sizeof(safe), w->target);
    if (a->plan.result.kind == MEMLOCK_BYTES)
        snprintf(msg, sizeof(msg),
                 P_("Wrote %s: its limit is the %" PRIu64 " byte shown.",
                    "Wrote %s: its limit is the %" PRIu64 " bytes shown.",
                    (unsigned long)a->plan.result.limit_bytes),
                 safe, a->plan.result.limit_bytes);
    else
        snprintf(msg, sizeof(msg), _("Wrote %s: its limit is as shown."), safe);
    reset(w);
    a->mode = MODE_NORMAL;
    app_status(a, false, "%s", msg);
    app_resume_pending(a);
}

void write_answer(struct app *a, enum action act)
{
    struct tui_write *w = state(a);
    if (act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN) {
        long d = act == ACT_UP ? -1 : act == ACT_DOWN ? 1 : act == ACT_PAGE_UP ? -10 : 10;
        long t = (long)w->top + d;
        w->top = t < 0 ? 0 : (size_t)t;
        return;
    }
    if (act != ACT_YES && act != ACT_NO && act != ACT_CANCEL)
        return;
    if (act == ACT_CANCEL || (act == ACT_NO && a->confirm != CONFIRM_HARD)) {
        give_up(a, false, _("Nothing written."));
        return;
    }
    a->mode = MODE_NORMAL;
    switch (a->confirm) {
    case CONFIRM_HARD:
        if (act == ACT_YES) {
            struct mp_error err = { 0 };
            if (plan_set_hard_limit(&a->plan, true, w->rec_kib, &err) < 0) {
                give_up(a, true, err.text);
                return;
            }
            app_relayout(a);
        }
        step_build(a);
        break;
    case CONFIRM_CHANGED: step_diff(a); break;
    case CONFIRM_WRITE: do_write(a); break;
    default: break;
    }
}

void write_draw(struct app *a)
{
    struct tui_write *w = state(a);
    struct rect box = { a->lay.host.y, 0, a->lay.status.y - a->lay.host.y, a->cols };
    if (box.h < 3)
        return;
    struct rect in = { box.y + 1, box.x + 2, box.h - 2, box.w - 4 };
    char title[256];
    char counts[160];
    text_diff_counts(&w->diff, counts, sizeof(counts));
    snprintf(title, sizeof(title), _("Changes to the file: %s"), counts);
    for (int y = 0; y < box.h; y++)
        draw_text(a, box.y + y, box.x, box.w, "", ATTR_NONE);
    draw_box(a, &box, title, true);
    struct vtext t = { 0 };
    for (size_t i = 0; i < w->diff.n; i++) {
        const char *l = w->diff.lines[i];
        char safe[1024];
        text_safe_copy(safe, sizeof(safe), l);
        vtext_line(&t);
        vtext_add(&t, l[0] == '-' ? ROLE_ERROR : l[0] == '+' ? ROLE_ASSIGNED : ROLE_NORMAL, safe);
    }
    size_t visible = in.h > 0 ? (size_t)in.h : 0;
    if (w->top + visible > t.n)
        w->top = t.n > visible ? t.n - visible : 0;
    views_render(a, &in, &t, w->top);
    views_scroll_mark(a, &box, w->top, visible, t.n);
    vtext_free(&t);
}
