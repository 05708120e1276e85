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
                      struct memlock_rec *out, struct mp_error *err)
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
    memlock_recommend_from(g, &r, out);
    memlock_result_free(&r);
    return 0;
}

void memlock_recommend_from(const struct guest *g, const struct memlock_result *bare,
                            struct memlock_rec *out)
{
    memset(out, 0, sizeof(*out));
    out->has_current = g->has_hard_limit;
    out->current_kib = g->hard_limit_kib;
    const struct memlock_result r = *bare;   /* read only */

    char size[32], mem[32];
    switch (r.kind) {
    case MEMLOCK_UNLIMITED:
        out->kind = REC_UNLIMITED;
        msg_list_add(&out->notes, N_("<memoryBacking><locked/> makes libvirt remove the "
                                           "limit: no hard_limit is needed; outside libvirt use "
                                           "LimitMEMLOCK=infinity"));
        break;
    case MEMLOCK_NONE:
        out->kind = REC_NOT_NEEDED;
        msg_list_add(&out->notes, N_("libvirt sets no limit for this guest (nothing "
                                           "passed through): no hard_limit is needed"));
        break;
    case MEMLOCK_BYTES:
        out->kib = r.limit_kib;
        out->bytes = r.limit_bytes;
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
            msg_list_add(&out->notes,
                         N_("hard_limit is also the guest's memory cgroup limit: %s covers "
                            "its memory (%s) and what it locks"), size, mem);
        }
        break;
    }
    if (out->has_current && r.kind == MEMLOCK_BYTES) {
        char cur[32];
        size_format_kib(out->current_kib, cur, sizeof(cur));
        if (out->current_kib < r.limit_kib)
            msg_list_add(&out->notes,
                         N_("the guest's hard_limit (%s) is below what libvirt would compute "
                            "(%s): DMA mapping may fail when the guest starts"), cur, size);
        else if (out->current_kib == r.limit_kib)
            msg_list_add(&out->notes, N_("the guest's hard_limit already has this value"));
        else
            msg_list_add(&out->notes,
                         N_("the guest's hard_limit (%s) is above what libvirt would compute "
                            "(%s)"), cur, size);
    }
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
    case REC_BELOW_MEMORY: return xasprintf("LimitMEMLOCK=%" PRIu64, r->bytes);
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
    case REC_BELOW_MEMORY:
        return xasprintf("%s soft memlock %" PRIu64 "\n%s hard memlock %" PRIu64, user, r->kib,
                         user, r->kib);
    case REC_NOT_NEEDED: break;
    }
    return NULL;
}
