/* --host SOURCE: picks where the host facts come from. */
#include "config.h"

#include <string.h>

#include "demo.h"
#include "host_snapshot.h"
#include "i18n.h"
#include "probe.h"
#include "probe_live.h"

struct host *probe_load(const char *source, struct mp_error *err)
{
    if (!source || !strcmp(source, "none"))
        return host_new("none");
    if (!strcmp(source, "live"))
        return probe_live(err);
    if (!strncmp(source, "demo:", 5)) {
        struct host *h = demo_load(source + 5);
        if (!h)
            mp_error_set(err, MP_ERR_INPUT,
                         _("--host %s: no such demo host (--host list shows them)"), source);
        return h;
    }
    if (!*source) {
        mp_error_set(err, MP_ERR_INPUT, _("--host: empty source"));
        return NULL;
    }
    return host_snapshot_load_file(source, err);
}
