#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "i18n.h"
#include "tui.h"
#include "views.h"

int tui_run(struct host *h, struct guest *g, const struct profile *p, const char *path,
            const struct crt_options *o, struct mp_error *err)
{
    struct app *a = calloc(1, sizeof(*a));
    if (!a) {
        host_free(h);
        guest_free(g);
        return mp_error_set(err, MP_ERR_INTERNAL, _("out of memory"));
    }
    plan_init(&a->plan, h, g, p, path);
    if (crt_init(&a->crt, o, err) < 0) {
        plan_free(&a->plan);
        free(a);
        return -1;
    }
    app_host_changed(a);
    a->focus = a->hv.n && hostview_has_passthrough(h) ? PANE_HOST : PANE_GUEST;
    app_status(a, false, "%s", _("F1 or ? for help. Space assigns the selected device."));
    app_loop(a);
    crt_done();
    views_free(a);
    hostview_free(&a->hv);
    plan_free(&a->plan);
    free(a);
    return 0;
}
