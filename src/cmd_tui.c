/* memlock-planner tui: the interactive planner (also the default on a terminal). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "tui.h"
#include "tui_domains.h"

int cmd_tui(struct cli_run *r)
{
    struct crt_options co = { .ascii = r->ascii, .no_color = r->no_color,
                              .no_mouse = r->no_mouse };
    const char *path = r->nargs ? r->args[0] : NULL;
    struct mp_error err = { 0 };
    /* On a connection o lists its domains and w redefines one (the
     * connection stays open in r->virt until the planner is done). */
    if (r->virt.conn) {
        bool domain = path && cli_virt_is_domain(&r->virt, path);
        if (tui_domains_attach(r->virt.conn, domain ? path : NULL, &err) < 0)
            return cli_fail(&err);
        if (domain)
            path = NULL;  /* not a file to write back */
    }
    /* No file, or one that does not exist yet (LOAD_GUEST_OR_NEW): a new
     * guest, written there by w. */
    struct guest *g = r->guest ? r->guest : tui_new_guest(r->host, path);
    /* tui_run owns host and guest from here on. */
    int rc = tui_run(r->host, g, r->profile, path, &co, &err);
    r->host = NULL;
    r->guest = NULL;
    tui_domains_detach();
    return rc < 0 ? cli_fail(&err) : 0;
}
