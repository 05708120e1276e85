#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memlock.h"
#include "report_rec.h"
#include "size.h"
#include "xalloc.h"

const char *rec_kind_id(enum rec_kind k)
{
    switch (k) {
    case REC_HARD_LIMIT: return "hard_limit";
    case REC_UNLIMITED: return "unlimited";
    case REC_NOT_NEEDED: return "not_needed";
    case REC_BELOW_MEMORY: return "below_memory";
    }
    return "?";
}

int memlock_recommend(const struct guest *g, const struct host *h, const struct profile *p,
                      const struct headroom *hr, struct memlock_rec *out, struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    /* Without its hard_limit: what libvirt would need by itself. */
    struct guest *bare = guest_dup(g);
    bare->has_hard_limit = false;
    bare->hard_limit_kib = 0;
    struct memlock_result r;
    int rc = memlock_compute(bare, h, p, &r, err);
    guest_free(bare);
    if (rc < 0)
        return -1;
    rc = memlock_recommend_from(g, &r, hr, out, err);
    memlock_result_free(&r);
    return rc;
}

/* libvirt's figure plus the headroom, as a hard_limit to write. */
static int with_headroom(struct memlock_rec *out, struct mp_error *err)
{
    if (!headroom_apply(&out->headroom, out->base_kib, &out->headroom_kib, &out->kib))
        return mp_error_set(err, MP_ERR_INPUT, _("the hard_limit with its headroom does not "
                                                 "fit in 64 bits"));
    out->bytes = out->kib << 10;   /* headroom_apply checked it */
    char base[32], room[32], spec[32], total[32];
    size_format_kib(out->base_kib, base, sizeof(base));
    size_format_kib(out->headroom_kib, room, sizeof(room));
    headroom_describe(&out->headroom, spec, sizeof(spec));
    size_format_kib(out->kib, total, sizeof(total));
    msg_list_add(&out->notes, N_("recommended hard_limit %s: libvirt's figure %s plus %s of "
                                 "headroom (--headroom %s)"), total, base, room, spec);
    msg_list_add_msg(&out->notes, (struct msg){ xstrdup(headroom_cgroup_note()),
                                                xstrdup(_(headroom_cgroup_note())) });
    return 0;
}

int memlock_recommend_from(const struct guest *g, const struct memlock_result *bare,
                           const struct headroom *hr, struct memlock_rec *out,
                           struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    out->headroom = hr ? *hr : headroom_default();
    out->has_current = g->has_hard_limit;
    out->current_kib = g->hard_limit_kib;
    const struct memlock_result r = *bare;   /* read only */

    char size[32], mem[32];
    switch (r.kind) {
    case MEMLOCK_UNLIMITED:
        /* <locked/>: QEMU locks all guest memory and libvirt lifts the limit. */
        out->kind = REC_HARD_LIMIT;
        out->locked = true;
        out->base_kib = r.max_memory_kib;
        if (r.has_computed && r.computed_kib > out->base_kib)
            out->base_kib = r.computed_kib;
        size_format_kib(r.max_memory_kib, mem, sizeof(mem));
        msg_list_add(&out->notes, N_("<memoryBacking><locked/> makes QEMU lock all guest memory "
                                     "and libvirt remove the limit; a hard_limit keeps it "
                                     "bounded and must cover max memory (%s) plus QEMU's own "
                                     "memory"), mem);
        break;
    case MEMLOCK_NONE:
        out->kind = REC_NOT_NEEDED;
        msg_list_add(&out->notes, N_("libvirt sets no limit for this guest (nothing "
                                           "passed through): no hard_limit is needed"));
        break;
    case MEMLOCK_BYTES:
        out->base_kib = r.limit_kib;
        size_format_kib(r.limit_kib, size, sizeof(size));
        size_format_kib(r.max_memory_kib, mem, sizeof(mem));
        if (r.limit_kib < r.max_memory_kib) {
            out->kind = REC_BELOW_MEMORY;
            msg_list_add(&out->notes,
                         N_("libvirt sets %s by itself; a hard_limit that low would also cap "
                            "the guest's memory (%s) through its memory cgroup, so none is "
                            "recommended"), size, mem);
        } else {
            out->kind = REC_HARD_LIMIT;
        }
        break;
    }
    out->kib = out->base_kib;
    out->base_bytes = out->bytes = out->base_kib << 10;   /* memlock_compute checked the sizes */
    if (out->kind == REC_HARD_LIMIT && with_headroom(out, err) < 0) {
        memlock_rec_free(out);
        return -1;
    }
    if (out->has_current && out->kind == REC_HARD_LIMIT) {
        char cur[32];
        size_format_kib(out->current_kib, cur, sizeof(cur));
        size_format_kib(out->base_kib, size, sizeof(size));
        if (out->current_kib < out->base_kib)
            msg_list_add(&out->notes,
                         N_("the guest's hard_limit (%s) is below what libvirt would compute "
                            "(%s): DMA mapping may fail when the guest starts"), cur, size);
        else if (out->current_kib == out->kib)
            msg_list_add(&out->notes, N_("the guest's hard_limit already has this value"));
        else if (out->current_kib < out->kib)
            msg_list_add(&out->notes,
                         N_("the guest's hard_limit (%s) covers libvirt's figure (%s) with less "
                            "headroom than recommended"), cur, size);
        else
            msg_list_add(&out->notes,
                         N_("the guest's hard_limit (%s) is above what libvirt would compute "
                            "(%s) with its headroom"), cur, size);
    }
    return 0;
}

bool memlock_bare_of(const struct guest *g, const struct memlock_result *r,
                     struct memlock_result *bare)
{
    *bare = *r;
    if (!g->has_hard_limit)
        return true;
    if (!r->has_computed)
        return false;
    if (g->locked) {   /* qemuDomainGetMemLockLimitBytes: locked comes next */
        bare->rule = RULE_LOCKED;
        bare->kind = MEMLOCK_UNLIMITED;
        bare->limit_kib = bare->limit_bytes = 0;
        return true;
    }
    bare->rule = r->computed_rule;
    bare->kind = r->computed_kind;
    bare->limit_kib = r->computed_kib;
    bare->limit_bytes = r->computed_kib << 10;   /* memlock_compute checked it fits */
    bare->has_computed = false;
    return true;
}

void memlock_rec_free(struct memlock_rec *r)
{
    msg_list_free(&r->notes);
}

char *rec_hard_limit_xml(const struct memlock_rec *r)
{
    if (r->kind != REC_HARD_LIMIT)
        return NULL;
    return xasprintf("<memtune><hard_limit unit='KiB'>%" PRIu64 "</hard_limit></memtune>",
                     r->kib);
}

char *shell_quote(const char *text)
{
    size_t n = 2;
    for (const char *s = text; *s; s++)
        n += *s == '\'' ? 4 : 1;
    char *q = xmalloc(n + 1), *o = q;
    *o++ = '\'';
    for (const char *s = text; *s; s++) {
        if (*s == '\'') {
            memcpy(o, "'\\''", 4);
            o += 4;
        } else {
            *o++ = *s;
        }
    }
    *o++ = '\'';
    *o = '\0';
    return q;
}

char *rec_virsh_command(const struct memlock_rec *r, const char *domain)
{
    if (r->kind != REC_HARD_LIMIT)
        return NULL;
    char *q = shell_quote(domain && *domain ? domain : "DOMAIN");
    /* virsh memtune reads sizes in KiB. */
    char *cmd = xasprintf("virsh memtune %s --hard-limit %" PRIu64 " --config", q, r->kib);
    free(q);
    return cmd;
}

char *rec_systemd_line(const struct memlock_rec *r)
{
    switch (r->kind) {
    case REC_UNLIMITED: return xstrdup("LimitMEMLOCK=infinity");
    case REC_HARD_LIMIT:
        if (r->locked)
            return xstrdup("LimitMEMLOCK=infinity");
        return xasprintf("LimitMEMLOCK=%" PRIu64, r->base_bytes);
    case REC_BELOW_MEMORY: return xasprintf("LimitMEMLOCK=%" PRIu64, r->base_bytes);
    case REC_NOT_NEEDED: break;
    }
    return NULL;
}

char *rec_limits_conf(const struct memlock_rec *r, const char *user)
{
    switch (r->kind) {
    case REC_UNLIMITED:
        return xasprintf("%s soft memlock unlimited\n%s hard memlock unlimited", user, user);
    case REC_HARD_LIMIT:
        if (r->locked)
            return xasprintf("%s soft memlock unlimited\n%s hard memlock unlimited", user, user);
        /* fall through */
    case REC_BELOW_MEMORY:
        return xasprintf("%s soft memlock %" PRIu64 "\n%s hard memlock %" PRIu64, user,
                         r->base_kib, user, r->base_kib);
    case REC_NOT_NEEDED: break;
    }
    return NULL;
}
