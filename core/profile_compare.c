#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "profile_compare.h"
#include "size.h"
#include "xalloc.h"
#include "text_width.h"

static struct profile_compare_row *row_for(struct profile_compare *c, size_t *cap,
                                           const struct memlock_term *t)
{
    for (size_t i = 0; i < c->nrows; i++)   /* ids are literals: the same one is mostly the same pointer */
        if (c->rows[i].id == t->id || !strcmp(c->rows[i].id, t->id))
            return &c->rows[i];
    XGROW(c->rows, *cap, c->nrows + 1);   /* zeroed: absent everywhere, not differing */
    struct profile_compare_row *row = &c->rows[c->nrows++];
    row->id = t->id;
    row->label = t->label;
    return row;
}

static bool same_limit(const struct memlock_result *a, const struct memlock_result *b)
{
    return !a->refusal == !b->refusal && a->kind == b->kind && a->limit_bytes == b->limit_bytes;
}

int profile_compare_run(const struct guest *g, const struct host *h, struct profile_compare *out,
                        struct mp_error *err)
{
    return profile_compare_run_with(g, h, NULL, out, err);
}

int profile_compare_run_with(const struct guest *g, const struct host *h,
                             const struct memlock_result *known, struct profile_compare *out,
                             struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    out->nprofiles = nprofiles;
    out->borrowed = SIZE_MAX;
    size_t nrefused = 0;
    char *first_refusal = NULL;
    for (size_t p = 0; p < nprofiles; p++) {
        if (known && known->profile == &profiles[p]) {
            out->results[p] = *known;   /* the caller's: not freed here */
            out->borrowed = p;
            continue;
        }
        /* Sizes only: the comparison shows no explanations or warnings. A
         * release that cannot take the definition (a device it does not know)
         * shows why instead of a limit. */
        struct mp_error e = { 0 };
        if (memlock_release_refuses(g, &profiles[p], &e) < 0) {
            out->results[p].profile = &profiles[p];
            out->results[p].refusal = xstrdup(e.text);
            nrefused++;
            if (!first_refusal)
                first_refusal = xstrdup(e.text);
        } else if (memlock_compute_detail(g, h, &profiles[p], MEMLOCK_TERMS, &out->results[p],
                                          err) < 0) {
            free(first_refusal);
            out->nprofiles = p;  /* free only what was computed */
            profile_compare_free(out);
            return -1;
        }
    }
    if (nrefused == nprofiles) {
        /* Every release refuses it (cannot happen with today's steps). */
        mp_error_set(err, MP_ERR_INPUT, "%s", first_refusal);
        free(first_refusal);
        profile_compare_free(out);
        return -1;
    }
    free(first_refusal);
    size_t cap = 0;
    for (size_t p = 0; p < nprofiles; p++) {
        const struct memlock_result *r = &out->results[p];
        for (size_t t = 0; t < r->nterms; t++) {
            struct profile_compare_row *row = row_for(out, &cap, &r->terms[t]);
            row->present[p] = true;
            row->kib[p] = r->terms[t].kib;
        }
        if (!same_limit(r, &out->results[0]))
            out->limit_differs = true;
    }
    for (size_t i = 0; i < out->nrows; i++) {
        struct profile_compare_row *row = &out->rows[i];
        for (size_t p = 1; p < nprofiles; p++)
            if (row->present[p] != row->present[0] || row->kib[p] != row->kib[0])
                row->differs = true;
    }
    return 0;
}

void profile_compare_free(struct profile_compare *c)
{
    for (size_t p = 0; p < c->nprofiles; p++)
        if (p != c->borrowed)
            memlock_result_free(&c->results[p]);
    free(c->rows);
    memset(c, 0, sizeof(*c));
}

void profile_compare_format_limit(const struct memlock_result *r, char *buf, size_t len)
{
    if (r->refusal) {
        snprintf(buf, len, "%s", _("refused"));
        return;
    }
    switch (r->kind) {
    case MEMLOCK_UNLIMITED: snprintf(buf, len, "%s", _("unlimited")); break;
    case MEMLOCK_NONE: snprintf(buf, len, "%s", _("none")); break;
    case MEMLOCK_BYTES: size_format_bytes(r->limit_bytes, buf, len); break;
    }
}

void profile_compare_print_text(FILE *out, const struct profile_compare *c)
{
    char cell[40];
    fputs("  ", out);
    fput_ljust(out, _("Term"), 28);
    for (size_t p = 0; p < c->nprofiles; p++)
        fprintf(out, " %14s", c->results[p].profile->id);
    fputc('\n', out);
    for (size_t i = 0; i < c->nrows; i++) {
        const struct profile_compare_row *row = &c->rows[i];
        fprintf(out, "%c ", row->differs ? '*' : ' ');
        fput_ljust(out, _(row->label), 28);
        for (size_t p = 0; p < c->nprofiles; p++) {
            if (row->present[p])
                size_format_kib(row->kib[p], cell, sizeof(cell));
            else
                snprintf(cell, sizeof(cell), "-");
            fputc(' ', out);
            fput_rjust(out, cell, 14);
        }
        fputc('\n', out);
    }
    fprintf(out, "%c ", c->limit_differs ? '*' : ' ');
    fput_ljust(out, _("Limit"), 28);
    for (size_t p = 0; p < c->nprofiles; p++) {
        profile_compare_format_limit(&c->results[p], cell, sizeof(cell));
        fputc(' ', out);
        fput_rjust(out, cell, 14);
    }
    fputc('\n', out);
    if (c->nprofiles && c->results[0].has_computed) {
        /* hard_limit and locked are not profile-dependent: the first says which. */
        bool differs = false;
        for (size_t p = 1; p < c->nprofiles; p++)
            differs |= c->results[p].computed_kib != c->results[0].computed_kib;
        fprintf(out, "%c ", differs ? '*' : ' ');
        fput_ljust(out, c->results[0].rule == RULE_LOCKED ? _("Computed without <locked/>")
                                                         : _("Computed without <hard_limit>"), 28);
        for (size_t p = 0; p < c->nprofiles; p++) {
            const struct memlock_result *r = &c->results[p];
            if (!r->has_computed)
                snprintf(cell, sizeof(cell), "?");
            else if (r->computed_kind == MEMLOCK_NONE)
                snprintf(cell, sizeof(cell), "%s", _("none"));
            else
                size_format_kib(r->computed_kib, cell, sizeof(cell));
            fputc(' ', out);
            fput_rjust(out, cell, 14);
        }
        fputc('\n', out);
    }
    fputs(c->limit_differs || c->nrows == 0
              ? _("* marks what differs between libvirt versions.\n")
              : _("Every profile gives the same limit for this guest.\n"),
          out);
    for (size_t p = 0; p < c->nprofiles; p++)
        if (c->results[p].refusal)
            fprintf(out, _("Refused by %s: %s\n"), c->results[p].profile->id,
                    c->results[p].refusal);
    for (size_t p = 0; p < c->nprofiles; p++)
        if (c->results[p].profile->approx)
            fprintf(out, _("Note on %s: %s\n"), c->results[p].profile->id,
                    _(c->results[p].profile->approx));
}

void profile_compare_step_change(const struct profile_compare *c, size_t p, char *buf, size_t len)
{
    char b[40], before[40];
    const struct memlock_result *r = &c->results[p];
    profile_compare_format_limit(r, b, sizeof(b));
    if (p == 0) {
        snprintf(buf, len, "%s", b);
    } else if (same_limit(r, &c->results[p - 1])) {
        snprintf(buf, len, "%s", _("no change"));
    } else {
        profile_compare_format_limit(&c->results[p - 1], before, sizeof(before));
        snprintf(buf, len, "%s -> %s", before, b);
    }
}

void profile_compare_print_steps(FILE *out, const struct profile_compare *c)
{
    char a[96];
    fputs(_("Steps (first release: what changed; its difference for this guest):\n"), out);
    for (size_t p = 0; p < c->nprofiles; p++) {
        const struct memlock_result *r = &c->results[p];
        profile_compare_step_change(c, p, a, sizeof(a));
        fprintf(out, "  %-5s %s%s: %s\n", r->profile->id, r->profile->pinned ? "" : "~",
                _(r->profile->label), a);
    }
    fputs(_("(~: the first release is bracketed, not pinned.)\n"), out);
}

static void json_limit_of(struct json *j, const struct memlock_result *r)
{
    if (r->refusal)
        json_string(j, "refused");
    else if (r->kind == MEMLOCK_UNLIMITED)
        json_string(j, "unlimited");
    else
        json_uint(j, r->limit_bytes);
}

void profile_compare_write_json(struct json *j, const struct profile_compare *c)
{
    json_begin_object(j);
    json_key_lit(j, "profiles");
    json_begin_array(j);
    for (size_t p = 0; p < c->nprofiles; p++)
        json_string_static(j, c->results[p].profile->id);
    json_end_array(j);
    json_key_lit(j, "limit_bytes");
    json_begin_array(j);
    for (size_t p = 0; p < c->nprofiles; p++)
        json_limit_of(j, &c->results[p]);
    json_end_array(j);
    json_key_lit(j, "limit_differs");
    json_bool(j, c->limit_differs);
    /* Under hard_limit or locked: what the terms give without them, per profile. */
    json_key_lit(j, "computed_bytes");
    json_begin_array(j);
    for (size_t p = 0; p < c->nprofiles; p++) {
        if (c->results[p].has_computed)
            json_uint(j, c->results[p].computed_kib << 10);
        else
            json_null(j);
    }
    json_end_array(j);
    json_key_lit(j, "steps");
    json_begin_array(j);
    for (size_t p = 0; p < c->nprofiles; p++) {
        const struct memlock_result *r = &c->results[p];
        json_begin_object(j);
        profile_write_json_fields(j, r->profile);
        json_key_lit(j, "changes_limit");
        json_bool(j, p > 0 && !same_limit(r, &c->results[p - 1]));
        json_key_lit(j, "refused");
        json_string(j, r->refusal);
        json_end_object(j);
    }
    json_end_array(j);
    json_key_lit(j, "terms");
    json_begin_array(j);
    for (size_t i = 0; i < c->nrows; i++) {
        const struct profile_compare_row *row = &c->rows[i];
        json_begin_object(j);
        json_key_lit(j, "id");
        json_string_static(j, row->id);   /* a term's: literals */
        json_key_lit(j, "label");
        json_string_static(j, row->label);
        json_key_lit(j, "differs");
        json_bool(j, row->differs);
        json_key_lit(j, "kib");
        json_begin_array(j);
        for (size_t p = 0; p < c->nprofiles; p++) {
            if (row->present[p])
                json_uint(j, row->kib[p]);
            else
                json_null(j);
        }
        json_end_array(j);
        json_end_object(j);
    }
    json_end_array(j);
    json_end_object(j);
}
