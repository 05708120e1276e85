/* memlock-planner capacity: how many guests of this shape the host runs;
 * with several guests (or --connect --all), whether they all run at once. */
#include "config.h"

#include <string.h>

#include "capacity.h"
#include "capacity_fleet.h"
#include "cli.h"
#include "cli_fleet.h"
#include "commands.h"

static void write_one(const struct cli_run *r, const struct report_guest *rg,
                      const struct report *rep)
{
    struct capacity c;
    capacity_compute_on(rg->guest, &rep->caps, &rg->result, &c);
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        capacity_write_json(&j, &c);
        json_finish(&j);
    } else {
        capacity_print_text(stdout, &c);
    }
    capacity_free(&c);
}

static void write_fleet(const struct cli_run *r, const struct capacity_fleet *f)
{
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        capacity_fleet_write_json(&j, f);
        json_finish(&j);
    } else {
        capacity_fleet_print_text(stdout, f);
    }
}

/* --check: the reasons, one line each on stderr, and exit status 3. */
static int check_exit(const struct capacity_fleet *f)
{
    capacity_fleet_print_reasons(stderr, f);
    return f->nreasons ? EXIT_CHECK : 0;
}

int cmd_capacity(struct cli_run *r)
{
    struct report rep;
    report_init(&rep, r->host, r->profile);
    bool usable;
    int rc = cli_fleet_load(r, &rep, false, &usable);
    if (!rc && usable) {
        if (rep.n == 1 && !r->all) {
            write_one(r, &rep.guests[0], &rep);
            if (r->check) {
                struct capacity_fleet f;
                capacity_fleet_compute(&rep, &f);
                rc = check_exit(&f);
                capacity_fleet_free(&f);
            }
        } else {
            struct capacity_fleet f;
            capacity_fleet_compute(&rep, &f);
            write_fleet(r, &f);
            if (r->check)
                rc = check_exit(&f);
            capacity_fleet_free(&f);
        }
    }
    report_free(&rep);
    int out = cli_finish_output();
    return rc ? rc : out;
}
