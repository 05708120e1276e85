#include "config.h"

#include <string.h>

#include "i18n.h"
#include "probe.h"

/* Placeholder until the probe layer lands: only "none" is known. */
struct host *probe_load(const char *source, struct mp_error *err)
{
    if (!source || !strcmp(source, "none"))
        return host_new("none");
    mp_error_set(err, MP_ERR_INPUT, _("host source '%s' is not available yet"), source);
    return NULL;
}

const struct demo_host_info *probe_demo_list(size_t *n)
{
    *n = 0;
    return NULL;
}
