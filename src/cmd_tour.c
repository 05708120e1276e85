/* memlock-planner tour: the guided walk on the AC922 demo host, printed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "i18n.h"
#include "probe.h"
#include "tour.h"

int cmd_tour(struct cli_run *r)
{
    long step = 0;
    if (r->step) {
        char *end;
        step = strtol(r->step, &end, 10);
        if (!*r->step || *end || step < 1 || (size_t)step > tour_nsteps())
            return cli_failf(EXIT_INPUT, _("--step %s: expected a number from 1 to %zu"),
                             r->step, tour_nsteps());
    }
    if (!strcmp(r->format, "xml")) {
        if (!step)
            return cli_failf(EXIT_INPUT, _("--format xml needs --step N (the guest of one step)"));
        tour_write_guest_xml(stdout, (size_t)step - 1);
        return cli_finish_output();
    }
    struct mp_error err = { 0 };
    struct host *h = probe_load(TOUR_HOST, &err);
    if (!h)
        return cli_fail(&err);
    int rc = 0;
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        rc = tour_write_json(&j, h, &err);
        json_finish(&j);
    } else {
        for (size_t i = step ? (size_t)step - 1 : 0; rc == 0 && i < tour_nsteps(); i++) {
            rc = tour_print_step(stdout, i, h, &err);
            if (step)
                break;
            fputc('\n', stdout);
        }
    }
    host_free(h);
    if (rc < 0)
        return cli_fail(&err);
    return cli_finish_output();
}
