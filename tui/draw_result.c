#include "config.h"

#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "memlock_output.h"
#include "size.h"
#include "text_safe.h"

/* Fixed rows above the terms: limit, bytes, rule, change, host, heading. */
#define RESULT_HEADER_ROWS 6

static const char *rule_text(enum memlock_rule rule)
{
    switch (rule) {
    case RULE_HARD_LIMIT: return _("hard_limit is set: it is the limit");
    case RULE_LOCKED: return _("locked: libvirt removes the limit");
    case RULE_PPC64: return _("ppc64 KVM: page table, DMA windows, passthrough");
    case RULE_GENERIC: return _("generic: RAM per VFIO/vDPA mapping + 1 GiB");
    }
    return "?";
}

/* "+256 GiB", "-1 GiB", "0 B", or a change of kind ("was unlimited"). */
static void delta_text(const struct plan *p, char *buf, size_t len)
{
    const struct memlock_result *r = &p->result;
    char s[32];
    if (!p->have_delta) {
        snprintf(buf, len, "%s", _("no edit yet"));
        return;
    }
    if (p->prev_kind == MEMLOCK_BYTES && r->kind == MEMLOCK_BYTES) {
        uint64_t a = p->prev_bytes, b = r->limit_bytes;
        size_format_bytes(a > b ? a - b : b - a, s, sizeof(s));
        snprintf(buf, len, "%s%s", a == b ? "" : a > b ? "-" : "+", s);
    } else if (p->prev_kind == r->kind) {
        snprintf(buf, len, "%s", _("no change"));
    } else if (p->prev_kind == MEMLOCK_BYTES) {
        size_format_bytes(p->prev_bytes, s, sizeof(s));
        snprintf(buf, len, _("was %s"), s);
    } else {
        snprintf(buf, len, "%s", p->prev_kind == MEMLOCK_UNLIMITED ? _("was unlimited")
                                                                 : _("was none"));
    }
}

/* "62% of host RAM 512 GiB; RLIMIT_MEMLOCK here 8 MiB" */
static void host_text(const struct plan *p, char *buf, size_t len)
{
    const struct memlock_result *r = &p->result;
    const struct host *h = p->host;
    char ram[32], lim[32], part[128];
    buf[0] = '\0';
    if (h && h->memory_known && h->memory_kib) {
        size_format_kib(h->memory_kib, ram, sizeof(ram));
        if (r->kind == MEMLOCK_BYTES) {
            unsigned __int128 pct = (unsigned __int128)r->limit_kib * 100 / h->memory_kib;
            snprintf(part, sizeof(part), _("%" PRIu64 "%% of RAM %s"),
                     pct > 99999 ? (uint64_t)99999 : (uint64_t)pct, ram);
        } else {
            snprintf(part, sizeof(part), _("RAM %s"), ram);
        }
    } else {
        snprintf(part, sizeof(part), "%s", _("host RAM unknown"));
    }
    size_t o = (size_t)snprintf(buf, len, "%s", part);
    if (!h || o >= len)
        return;
    if (h->memlock_kind == HOST_LIMIT_BYTES) {
        size_format_bytes(h->memlock_bytes, lim, sizeof(lim));
        snprintf(buf + o, len - o, _("; RLIMIT here %s"), lim);
    } else if (h->memlock_kind == HOST_LIMIT_UNLIMITED) {
        snprintf(buf + o, len - o, "%s", _("; RLIMIT here unlimited"));
    }
}

static void kv(struct app *a, const struct rect *in, int row, const char *key, const char *val,
               int attr)
{
    char line[768];
    int pad = 7 - layout_text_width(key);
    snprintf(line, sizeof(line), "%s%*s%s", key, pad > 0 ? pad : 1, "", val);
    draw_text(a, in->y + row, in->x, in->w, line, attr);
}

/* The bar in one string, drawn in one call (a call per cell was 6% of a frame). */
static void draw_bar(struct app *a, int y, int x, int cells, int width)
{
    char bar[512];
    size_t o = layout_glyph_run(bar, sizeof(bar), a->crt.g.bar_full, cells);
    layout_glyph_run(bar + o, sizeof(bar) - o, a->crt.g.bar_empty, width - cells);
    draw_put(y, x, bar, crt_attr(&a->crt, ROLE_BAR));
    attrset(ATTR_NONE);
}

static void draw_term(struct app *a, const struct rect *in, int y, const struct memlock_term *t,
                      uint64_t total, bool selected)
{
    struct term_columns c;
    layout_term_columns(in->w, &c);
    char label[256], value[32], vpad[48];
    layout_fit(memlock_term_label(t), c.label, a->crt.g.ellipsis, label, sizeof(label));
    size_format_kib(t->kib, value, sizeof(value));
    snprintf(vpad, sizeof(vpad), "%*s", c.value, value);
    int attr = selected ? crt_attr(&a->crt, a->focus == PANE_RESULT ? ROLE_SELECTED
                                                                    : ROLE_SELECTED_DIM)
                        : ATTR_NONE;
    draw_text(a, y, in->x, c.label + 1, label, attr);
    if (selected && a->focus == PANE_RESULT)
        app_cursor(a, y, in->x);
    draw_bar(a, y, in->x + c.label + 1, layout_bar_cells(t->kib, total, c.bar), c.bar);
    draw_text(a, y, in->x + c.label + 1 + c.bar + (c.bar ? 1 : 0),
              in->w - c.label - 1 - c.bar - (c.bar ? 1 : 0), vpad, attr);
}

static void draw_error(struct app *a, const struct rect *in)
{
    const char *text = a->plan.error.text;
    size_t st[16], ln[16];
    size_t n = layout_wrap(text, in->w, st, ln, 16);
    draw_text(a, in->y, in->x, in->w, _("No limit: the guest is not valid for libvirt:"),
              crt_attr(&a->crt, ROLE_ERROR));
    for (size_t i = 0; i < n && i < 16 && (int)i + 1 < in->h; i++) {
        char line[512];
        snprintf(line, sizeof(line), "%.*s", (int)ln[i], text + st[i]);
        draw_text(a, in->y + 1 + (int)i, in->x, in->w, line, crt_attr(&a->crt, ROLE_ERROR));
    }
}

/* Under hard_limit or locked: what the terms would give without it
 * (memlock_computed_sentence, as every output says it), wrapped from row y;
 * returns the next free row. Shown as an error when the limit is below. */
static int draw_computed(struct app *a, const struct rect *in, int y, int end)
{
    const struct memlock_result *res = &a->plan.result;
    char sentence[320], safe[320];
    if (!memlock_computed_sentence(res, sentence, sizeof(sentence)))
        return y;
    uint64_t gap;
    int attr = crt_attr(&a->crt, memlock_gap(res, &gap) == GAP_BELOW ? ROLE_ERROR : ROLE_DIM);
    text_safe_copy(safe, sizeof(safe), sentence);
    size_t st[6], ln[6];
    size_t n = layout_wrap(safe, in->w, st, ln, 6);
    for (size_t i = 0; i < n && i < 6 && y < end; i++, y++) {
        char line[330];
        snprintf(line, sizeof(line), "%.*s", (int)ln[i], safe + st[i]);
        draw_text(a, y, in->x, in->w, line, attr);
    }
    return y;
}

void draw_result(struct app *a)
{
    const struct rect *r = &a->lay.result;
    draw_box(a, r, _("Memory-locking limit"), a->focus == PANE_RESULT);
    struct rect in = { r->y + 1, r->x + 1, r->h - 2, r->w - 2 };
    const struct plan *p = &a->plan;
    if (!p->have_result) {
        draw_error(a, &in);
        return;
    }
    const struct memlock_result *res = &p->result;
    char human[32], line[512], grouped[40], with_profile[96];
    /* Below what libvirt needs: red, not only a warning line. */
    int lim = crt_attr(&a->crt, p->below_need ? ROLE_ERROR : ROLE_LIMIT);
    switch (res->kind) {
    case MEMLOCK_BYTES:
        size_format_bytes(res->limit_bytes, human, sizeof(human));
        size_format_grouped(res->limit_bytes, size_group_separator(), grouped, sizeof(grouped));
        /* The profile always in view: the number depends on it. */
        snprintf(with_profile, sizeof(with_profile), _("%s   libvirt %s"), human,
                 res->profile ? res->profile->id : "?");
        kv(a, &in, 0, _("Limit"), with_profile, lim);
        snprintf(line, sizeof(line), _("%s bytes"), grouped);
        kv(a, &in, 1, "", line, lim);
        break;
    case MEMLOCK_UNLIMITED:
        snprintf(with_profile, sizeof(with_profile), _("%s   libvirt %s"), _("unlimited"),
                 res->profile ? res->profile->id : "?");
        kv(a, &in, 0, _("Limit"), with_profile, lim);
        kv(a, &in, 1, "", _("no limit (RLIM_INFINITY)"), ATTR_NONE);
        break;
    case MEMLOCK_NONE:
        snprintf(with_profile, sizeof(with_profile), _("%s   libvirt %s"), _("none set (0)"),
                 res->profile ? res->profile->id : "?");
        kv(a, &in, 0, _("Limit"), with_profile, lim);
        kv(a, &in, 1, "", _("QEMU keeps libvirtd's limit"), ATTR_NONE);
        break;
    }
    if (p->below_need) {
        char need[32];
        size_format_kib(p->need_kib, need, sizeof(need));
        snprintf(line, sizeof(line), _("under the %s libvirt needs"), need);
        kv(a, &in, 2, _("Rule"), line, lim);
    } else {
        kv(a, &in, 2, _("Rule"), rule_text(res->rule), ATTR_NONE);
    }
    char d[64], edit[160];
    delta_text(p, d, sizeof(d));
    text_safe_copy(edit, sizeof(edit), p->last_edit ? p->last_edit : "");
    if (p->have_delta && p->last_edit)
        snprintf(line, sizeof(line), "%s  (%s)", d, edit);
    else
        snprintf(line, sizeof(line), "%s", d);
    kv(a, &in, 3, a->crt.g.delta, line, ATTR_NONE);
    host_text(p, line, sizeof(line));
    kv(a, &in, 4, _("Host"), line, ATTR_NONE);

    if (!res->nterms) {
        draw_text(a, in.y + 5, in.x, in.w, _("No terms: the rule above decides alone."),
                  crt_attr(&a->crt, ROLE_DIM));
        draw_computed(a, &in, in.y + 6, in.y + in.h);
        return;
    }
    draw_text(a, in.y + 5, in.x, in.w, _("Terms (size, and why)"),
              crt_attr(&a->crt, ROLE_HEADING));
    bool with_why = layout_terms_with_why(in.h, RESULT_HEADER_ROWS, res->nterms);
    int y = in.y + RESULT_HEADER_ROWS, end = in.y + in.h;
    size_t sel = a->sel[PANE_RESULT];
    for (size_t i = 0; i < res->nterms && y < end; i++) {
        const struct memlock_term *t = &res->terms[i];
        draw_term(a, &in, y++, t, res->limit_kib, i == sel);
        if (with_why && y < end) {
            char why[1024];
            why[0] = why[1] = ' ';
            text_safe_copy(why + 2, sizeof(why) - 2, t->why.local);
            draw_text(a, y++, in.x, in.w, why, crt_attr(&a->crt, ROLE_DIM));
        }
    }
    if (res->has_computed && y + 1 < end)
        y = draw_computed(a, &in, y + 1, end);
    /* Rows left over: the selected term's explanation in full. */
    if (y + 1 < end && sel < res->nterms) {
        char why[1024];
        text_safe_copy(why, sizeof(why), res->terms[sel].why.local);
        size_t st[12], ln[12];
        size_t n = layout_wrap(why, in.w, st, ln, 12);
        y++;
        for (size_t i = 0; i < n && i < 12 && y < end; i++, y++) {
            snprintf(line, sizeof(line), "%.*s", (int)ln[i], why + st[i]);
            draw_text(a, y, in.x, in.w, line, ATTR_NONE);
        }
    }
}
