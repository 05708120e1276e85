#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_views.h"
#include "size.h"
#include "xalloc.h"

void report_views_compute(const struct report *rep, const struct report_guest *rg,
                          struct report_views *v)
{
    memset(v, 0, sizeof(*v));
    struct mp_error err = { 0 };
    if (profile_compare_run_with(rg->guest, rep->host, &rg->result, &v->compare, &err) == 0)
        v->has_compare = true;
    else
        v->compare_error = xasprintf(_("No comparison: %s"), err.text);
    v->map_applies = guest_is_ppc64(rg->guest);
    if (v->map_applies && rg->result.rule == RULE_PPC64) {
        address_map_from_result(&rg->result, &v->map);
        v->has_map = true;
    } else if (v->map_applies) {
        if (address_map_build(rg->guest, rep->host, rep->profile, &v->map, &err) == 0)
            v->has_map = true;
        else
            v->map_error = xasprintf(_("No map: %s"), err.text);
    }
    if (rg->arch_mismatch)
        v->capacity_skipped = true;
    else
        capacity_compute_on(rg->guest, &rep->caps, &rg->result, &v->capacity);
}

void report_views_free(struct report_views *v)
{
    if (v->has_compare)
        profile_compare_free(&v->compare);
    if (v->has_map)
        address_map_free(&v->map);
    free(v->compare_error);
    free(v->map_error);
    capacity_free(&v->capacity);
    memset(v, 0, sizeof(*v));
}

size_t report_compare_own(const struct profile_compare *c, const struct profile *p)
{
    for (size_t i = 0; i < c->nprofiles; i++)
        if (c->results[i].profile == p)
            return i;
    return c->nprofiles ? c->nprofiles - 1 : 0;
}

void report_compare_cell(const struct profile_compare *c, size_t row, size_t col, char *buf,
                         size_t len)
{
    if (row == c->nrows)
        profile_compare_format_limit(&c->results[col], buf, len);
    else if (c->rows[row].present[col])
        size_format_kib(c->rows[row].kib[col], buf, len);
    else
        snprintf(buf, len, "-");
}

bool report_compare_differs(const struct profile_compare *c, size_t row, size_t col, size_t own)
{
    if (row == c->nrows) {
        const struct memlock_result *a = &c->results[col], *b = &c->results[own];
        return a->kind != b->kind || a->limit_bytes != b->limit_bytes;
    }
    const struct profile_compare_row *r = &c->rows[row];
    return r->present[col] != r->present[own] || r->kib[col] != r->kib[own];
}
