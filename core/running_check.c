/* A running QEMU's memory-locking limit against its definition. */
#include "config.h"

#include <string.h>

#include "i18n.h"
#include "running_check.h"
#include "size.h"

const char *running_verdict_id(enum running_verdict v)
{
    switch (v) {
    case RUN_AS_EXPECTED: return "as_expected";
    case RUN_BELOW_NEED: return "below_need";
    case RUN_DIFFERS: return "differs";
    case RUN_UNKNOWN: return "unknown";
    }
    return "?";
}

static const char *bytes_text(uint64_t b, char *buf, size_t len)
{
    size_format_bytes(b, buf, len);
    return buf;
}

void running_check(const struct qemu_process *p, const struct guest *g,
                   const struct memlock_result *r, struct running_check *out)
{
    memset(out, 0, sizeof(*out));
    out->verdict = RUN_UNKNOWN;
    if (!g || !r) {
        out->text = msg_format(N_("unknown: no definition found for this guest"));
        return;
    }
    out->need_bytes = memlock_need_kib(r) << 10;   /* memlock_compute checked it fits */
    out->has_expected = r->kind != MEMLOCK_NONE;
    out->expected_unlimited = r->kind == MEMLOCK_UNLIMITED;
    out->expected_bytes = r->limit_bytes;
    if (!p->readable) {
        out->text = msg_format(N_("unknown: the process's limits cannot be read"));
        return;
    }
    char have[32], want[32], need[32];
    bool unlimited = p->limit_kind == HOST_LIMIT_UNLIMITED;
    if (p->limit_kind == HOST_LIMIT_UNKNOWN) {
        out->text = msg_format(N_("unknown: /proc gives no memory-locking limit"));
        return;
    }
    if (!unlimited && p->limit_bytes < out->need_bytes) {
        out->verdict = RUN_BELOW_NEED;
        out->text = msg_format(N_("below need: the limit %s is below the %s the definition "
                                  "needs"), bytes_text(p->limit_bytes, have, sizeof(have)),
                               bytes_text(out->need_bytes, need, sizeof(need)));
        return;
    }
    if (!out->has_expected) {
        /* qemuProcessLaunch leaves a limit of 0 alone: QEMU inherits libvirtd's. */
        out->text = msg_format(N_("unknown: libvirt sets no limit for this definition; QEMU "
                                  "keeps the one it inherited"));
        return;
    }
    bool same = unlimited ? out->expected_unlimited
                          : !out->expected_unlimited && p->limit_bytes == out->expected_bytes;
    if (same) {
        out->verdict = RUN_AS_EXPECTED;
        out->text = msg_format(N_("limit as expected: %s, as libvirt computes from the running "
                                  "definition"), unlimited ? "unlimited"
                                                           : bytes_text(p->limit_bytes, have,
                                                                        sizeof(have)));
        return;
    }
    out->verdict = RUN_DIFFERS;
    out->text = msg_format(N_("differs: the limit is %s where libvirt computes %s from the "
                              "running definition (a hotplug or prlimit changed it); it covers "
                              "the need"),
                           unlimited ? "unlimited" : bytes_text(p->limit_bytes, have, sizeof(have)),
                           out->expected_unlimited
                               ? "unlimited"
                               : bytes_text(out->expected_bytes, want, sizeof(want)));
}

void running_check_free(struct running_check *c)
{
    msg_free(&c->text);
}
