/* memlock-planner tui: the interactive planner (also the default on a terminal). */
#include "config.h"

#include "cli.h"
#include "commands.h"
#include "tui.h"

int cmd_tui(struct cli_run *r)
{
    struct crt_options co = { .ascii = r->ascii, .no_color = r->no_color,
                              .no_mouse = r->no_mouse };
    const char *path = r->nargs ? r->args[0] : NULL;
    struct guest *g = r->guest ? r->guest : guest_new_for_arch(r->host->arch);
    struct mp_error err = { 0 };
    /* tui_run owns host and guest from here on. */
    int rc = tui_run(r->host, g, r->profile, path, &co, &err);
    r->host = NULL;
    r->guest = NULL;
    return rc < 0 ? cli_fail(&err) : 0;
}
