#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "headless.h"
#include "i18n.h"
#include "text_safe.h"
#include "tui.h"
#include "views.h"
#include "write.h"
#include "xalloc.h"

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
    write_remember_file(a);
    a->focus = a->hv.n && hostview_has_passthrough(h) ? PANE_HOST : PANE_GUEST;
    app_status(a, false, "%s", _("F1 or ? for help. Space assigns the selected device."));
    app_loop(a);
    crt_done();
    headless_free(a->script);
    write_free(a);
    views_free(a);
    hostview_free(&a->hv);
    plan_free(&a->plan);
    free(a);
    return 0;
}

struct guest *tui_new_guest(const struct host *h, const char *path)
{
    struct guest *g = guest_new_for_arch(h ? h->arch : NULL);
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    size_t n = base ? strlen(base) : 0;
    if (n > 4 && !strcmp(base + n - 4, ".xml"))
        n -= 4;
    if (n) {
        char *name = xstrndup(base, n);
        free(g->name);
        g->name = text_safe_dup(name);
        free(name);
    }
    return g;
}
