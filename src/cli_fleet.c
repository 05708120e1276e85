/* The guests of report and capacity: files or domains (--connect, --all),
 * read into a report model. */
#include "config.h"

#include <stdlib.h>

#include "cli.h"
#include "cli_fleet.h"

int cli_fleet_load(struct cli_run *r, struct report *rep, bool keep_going, bool *usable)
{
    *usable = false;
    struct mp_error err = { 0 };
    /* --all: the connection's domains by name, as the guest arguments. */
    char **names = r->args;
    int n = r->all ? cli_virt_domain_names(&r->virt, &names, &err) : r->nargs;
    if (n < 0)
        return cli_fail(&err);
    int rc = 0;
    bool stop = false;
    rep->choice = &r->choice;
    report_reserve(rep, (size_t)n);   /* as calc says it, so that the JSON objects match */
    for (int i = 0; i < n && !stop; i++) {
        char *label = NULL;
        struct guest *g = cli_virt_load(&r->virt, names[i], &label, &err);
        if (g)
            g->force_vfio = r->force_vfio;
        if (!g || report_add_guest(rep, g, label, &err) < 0) {
            rc = cli_fail(&err);
            stop = !keep_going || rc != EXIT_INPUT;
            report_add_error(rep, names[i], err.text);
            free(label);
            continue;
        }
        free(label);
    }
    if (r->all)
        cli_virt_names_free(names, n);
    /* Two guests with one name: bad input, nothing written. */
    if (!stop && report_check_names(rep, &err) < 0)
        return cli_fail(&err);
    if (!stop && rep->nmembers) {
        report_finish(rep);
        *usable = true;
    }
    return rc;
}
