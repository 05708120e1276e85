/* One term of the limit in full (Enter in the limit pane): its size in
 * every unit, its share of the limit, and core's explanation with this
 * guest's numbers, wrapped rather than cut. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "size.h"
#include "text_safe.h"
#include "views.h"
#include "xalloc.h"

void view_term_build(const struct plan *p, size_t i, const struct crt *c, int width,
                     struct vtext *out)
{
    (void)c;
    memset(out, 0, sizeof(*out));
    if (!p->have_result || i >= p->result.nterms) {
        vtext_add(out, ROLE_DIM, _("No term selected."));
        return;
    }
    const struct memlock_result *r = &p->result;
    const struct memlock_term *t = &r->terms[i];
    char human[32], grouped[48], why[1024];
    size_format_kib(t->kib, human, sizeof(human));
    size_format_grouped(t->kib * 1024, size_group_separator(), grouped, sizeof(grouped));
    vtext_addf(out, ROLE_HEADING, "%s", _(t->label));
    vtext_line(out);
    vtext_addf(out, ROLE_LIMIT, _("%s = %" PRIu64 " KiB = %s bytes"), human, t->kib, grouped);
    if (r->limit_kib) {
        unsigned pct = (unsigned)((unsigned __int128)t->kib * 1000 / r->limit_kib);
        vtext_line(out);
        char lim[32];
        size_format_kib(r->limit_kib, lim, sizeof(lim));
        vtext_addf(out, ROLE_NORMAL, _("%u.%u%% of the limit (%s), term %zu of %zu"), pct / 10,
                   pct % 10, lim, i + 1, r->nterms);
    }
    vtext_line(out);
    text_safe_copy(why, sizeof(why), t->why.local);
    vtext_para(out, ROLE_NORMAL, width, 0, why);
    vtext_line(out);
    char *s = xasprintf(_("Formula of %s (%s); the terms add up to the limit."), r->profile->id,
                        _(r->profile->span));
    vtext_para(out, ROLE_DIM, width, 0, s);
    free(s);
}
