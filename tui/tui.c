#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "headless.h"
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
    /* Tests run the planner from a key script, without a terminal. */
    struct crt_options co = *o;
    const char *script = getenv("MEMLOCK_PLANNER_SCRIPT");
    if (script && *script) {
        co.headless = true;
        a->script = headless_open(script, err);
    }
    if ((co.headless && !a->script) || crt_init(&a->crt, &co, err) < 0) {
        headless_free(a->script);
        plan_free(&a->plan);
        free(a);
        return -1;
    }
    app_host_changed(a);
    a->focus = a->hv.n && hostview_has_passthrough(h) ? PANE_HOST : PANE_GUEST;
    app_status(a, false, "%s", _("F1 or ? for help. Space assigns the selected device."));
    app_loop(a);
    crt_done();
    headless_free(a->script);
    views_free(a);
    hostview_free(&a->hv);
    plan_free(&a->plan);
    free(a);
    return 0;
}
