#include "config.h"

#include <string.h>

#include "explain.h"
#include "i18n.h"
#include "qemu_cmdline.h"
#include "size.h"
#include "xalloc.h"

bool explain_is_memlock(const struct explain *e)
{
    return e->cause == LOG_CAUSE_LIMIT_TOO_LOW || e->cause == LOG_CAUSE_CANNOT_SET_LIMIT;
}

/* --libvirt, else the release the log names, else the default profile; the
 * version rules are profile_choose's, as for every other command. */
static void pick_profile(const struct log_start *s, const char *version, struct explain *e,
                         struct mp_error *err, int *rc)
{
    struct profile_choice c;
    if (version) {
        *rc = profile_choose(version, N_("--libvirt"), &c, err);
        if (*rc < 0)
            return;
        e->profile_source = EXPLAIN_PROFILE_OPTION;
    } else if (s && s->libvirt_version && profile_choose(s->libvirt_version, NULL, &c, NULL) == 0) {
        e->profile_source = EXPLAIN_PROFILE_LOG;
    } else {
        if (s && s->libvirt_version)
            msg_list_add(&e->notes,
                         N_("the log's libvirt %s is older than every profile: the default "
                            "profile is used"), s->libvirt_version);
        c = (struct profile_choice){ .profile = profile_default() };
        e->profile_source = EXPLAIN_PROFILE_DEFAULT;
    }
    e->profile = c.profile;
    e->profile_beyond = c.beyond;
}

/* Where the limit runs out: the first term whose running sum passes it. */
static void find_short_term(struct explain *e)
{
    e->short_term = -1;
    uint64_t sum = 0;
    for (size_t i = 0; i < e->need.nterms; i++) {
        uint64_t next, bytes;
        if (!size_kib_to_bytes(e->need.terms[i].kib, &bytes) || !size_add(sum, bytes, &next))
            next = UINT64_MAX;
        if (next > e->limit_bytes) {
            e->short_term = (long)i;
            e->covered_bytes = sum;
            return;
        }
        sum = next;
    }
}

static void compare_limit(struct explain *e)
{
    const struct log_failure *f = &e->start->failure;
    if (f->has_limit) {
        e->limit_source = EXPLAIN_LIMIT_MESSAGE;
        e->limit_bytes = f->limit_bytes;
    } else if (e->guest && e->guest->has_hard_limit
               && size_kib_to_bytes(e->guest->hard_limit_kib, &e->limit_bytes)) {
        e->limit_source = EXPLAIN_LIMIT_HARD_LIMIT;
    }
    if (!e->has_need || e->limit_source == EXPLAIN_LIMIT_UNKNOWN
        || e->need.kind != MEMLOCK_BYTES)
        return;
    /* libvirt's failed attempt states the limit it wanted, not one QEMU had. */
    if (e->cause == LOG_CAUSE_CANNOT_SET_LIMIT)
        return;
    if (e->limit_bytes < e->need.limit_bytes) {
        e->short_known = true;
        e->short_bytes = e->need.limit_bytes - e->limit_bytes;
        find_short_term(e);
    }
}

int explain_build(const struct qemu_log *log, const struct guest *def, const char *version,
                  const struct host *h, const struct headroom *hr, struct explain *out,
                  struct mp_error *err)
{
    memset(out, 0, sizeof(*out));
    out->short_term = -1;
    const struct log_start *s = qemu_log_chosen(log);
    out->start = s;
    out->cause = s ? s->failure.cause : LOG_CAUSE_NONE;
    out->layer = s ? s->failure.layer : LOG_LAYER_NONE;
    int rc = 0;
    pick_profile(s, version, out, err, &rc);
    if (rc < 0)
        return rc;

    struct qemu_cmdline cl = { 0 };
    if (def) {
        out->guest = guest_dup(def);
        out->guest_source = EXPLAIN_GUEST_DEFINITION;
    } else if (s && s->cmdline) {
        struct mp_error cerr = { 0 };
        if (qemu_cmdline_parse(s->cmdline, &cl, &cerr) == 0) {
            out->guest = cl.guest;
            cl.guest = NULL;
            out->guest_source = EXPLAIN_GUEST_CMDLINE;
            out->mem_lock_option = cl.mem_lock;
            out->mem_lock_spelling = cl.mem_lock_option;
            for (size_t i = 0; i < cl.notes.n; i++) {
                msg_list_add_msg(&out->notes, cl.notes.items[i]);
                memset(&cl.notes.items[i], 0, sizeof(cl.notes.items[i]));
            }
            if (s->cmdline_cut)
                msg_list_add(&out->notes, N_("the QEMU command line was cut at %u MiB: "
                                             "what follows is not counted"),
                             QEMU_LOG_MAX_LINE >> 20);
        } else {
            msg_list_add(&out->notes, N_("the logged command line has no QEMU binary: the "
                                         "guest cannot be rebuilt"));
        }
        qemu_cmdline_free(&cl);
    }
    if (out->guest && out->guest_source == EXPLAIN_GUEST_CMDLINE && guest_is_ppc64(out->guest)
        && out->guest->nhostdevs && !h)
        msg_list_add(&out->notes,
                     N_("NVLink2 bridges cannot be told from a command line: give --host (the "
                        "failing host or its snapshot) to count their GPU RAM windows"));
    if (out->guest && out->guest->name == NULL)
        out->guest->name = xstrdup("guest");

    if (out->guest) {
        struct mp_error cerr = { 0 };
        struct mp_error *e = out->guest_source == EXPLAIN_GUEST_DEFINITION ? err : &cerr;
        struct guest *bare = guest_dup(out->guest);
        bare->has_hard_limit = false;
        bare->hard_limit_kib = 0;
        rc = memlock_compute(bare, h, out->profile, &out->need, e);
        guest_free(bare);
        /* Fails only when the figure plus the headroom does not fit. */
        if (rc == 0 && memlock_recommend_from(out->guest, &out->need, hr, &out->rec, e) < 0) {
            memlock_result_free(&out->need);
            rc = -1;
        }
        if (rc == 0) {
            out->has_need = true;
        } else if (out->guest_source == EXPLAIN_GUEST_DEFINITION) {
            return -1;
        } else {
            /* A command line that libvirt would not have written: say so,
             * and explain the failure without a need. */
            msg_list_add(&out->notes, N_("the guest rebuilt from the command line cannot be "
                                         "computed: %s"), cerr.text);
            rc = 0;
        }
    }
    if (s)
        compare_limit(out);
    return 0;
}

void explain_free(struct explain *e)
{
    if (e->guest)
        guest_free(e->guest);
    if (e->has_need) {
        memlock_result_free(&e->need);
        memlock_rec_free(&e->rec);
    }
    msg_list_free(&e->notes);
    memset(e, 0, sizeof(*e));
}
