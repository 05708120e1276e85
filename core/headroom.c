/* --headroom: parsing and exact KiB arithmetic. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "headroom.h"
#include "i18n.h"
#include "text_safe.h"

struct headroom headroom_default(void)
{
    return (struct headroom){ false, 0, HEADROOM_DEFAULT_KIB };
}

static int refuse(struct mp_error *err, const char *text, const char *why)
{
    char *safe = text_safe_dup(text);
    mp_error_set(err, MP_ERR_INPUT, _("--headroom %s: %s"), safe, why);
    free(safe);
    return -1;
}

int headroom_parse(const char *text, struct headroom *out, struct mp_error *err)
{
    size_t len = text ? strlen(text) : 0;
    if (!len)
        return refuse(err, "''", _("expected a size (1G, 512MiB) or a percentage (10%)"));
    if (text[len - 1] == '%') {
        unsigned long v = 0;
        size_t i = 0;
        while (i < len - 1 && text[i] == ' ')
            i++;
        if (text[i] == '-')
            return refuse(err, text, _("a headroom cannot be negative"));
        size_t digits = 0;
        for (; i < len - 1 && isdigit((unsigned char)text[i]); i++, digits++) {
            v = v * 10 + (unsigned long)(text[i] - '0');
            if (v > HEADROOM_MAX_PERCENT)
                break;
        }
        if (v > HEADROOM_MAX_PERCENT)
            return refuse(err, text, _("a percentage is of libvirt's figure, from 0% to 100%"));
        if (!digits || i != len - 1)
            return refuse(err, text, _("expected a whole percentage from 0% to 100%"));
        *out = (struct headroom){ true, (unsigned)v, 0 };
        return 0;
    }
    uint64_t kib;
    enum size_parse_status st = size_parse_user(text, 1024, &kib);
    if (st != SIZE_OK)
        return refuse(err, text, size_parse_strerror(st));
    *out = (struct headroom){ false, 0, kib };
    return 0;
}

bool headroom_apply(const struct headroom *h, uint64_t base_kib, uint64_t *headroom_kib,
                    uint64_t *total_kib)
{
    uint64_t room = h->kib;
    if (h->percent) {
        /* ceil(base * pct / 100) without overflow: base < 2^64, pct <= 100. */
        unsigned __int128 p = (unsigned __int128)base_kib * h->pct;
        room = (uint64_t)((p + 99) / 100);
    }
    uint64_t total, bytes;
    if (!size_add(base_kib, room, &total) || !size_kib_to_bytes(total, &bytes))
        return false;
    *headroom_kib = room;
    *total_kib = total;
    return true;
}

void headroom_describe(const struct headroom *h, char *buf, size_t len)
{
    if (h->percent)
        snprintf(buf, len, "%u%%", h->pct);
    else
        size_format_kib(h->kib, buf, len);
}

const char *headroom_cgroup_note(void)
{
    return N_("hard_limit is also the guest's memory cgroup cap: the headroom above libvirt's "
              "figure is room for QEMU's own memory, so that the guest is not killed when QEMU "
              "grows; the price is that the guest may take that much more host memory");
}
