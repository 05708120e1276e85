/* memlock-planner probe: the host as the planner sees it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "host_snapshot.h"
#include "commands.h"
#include "json.h"
#include "probe.h"
#include "probe_output.h"

int cmd_probe(struct cli_run *r)
{
    struct mp_error err = { 0 };
    int rc = 0;
    if (!strcmp(r->format, "json")) {
        struct json j;
        json_init(&j, stdout, true);
        probe_write_json(&j, r->host);
        json_finish(&j);
    } else if (!strcmp(r->format, "xml")) {
        rc = host_snapshot_write(stdout, r->host, &err);
    } else {
        probe_print_text(stdout, r->host);
    }
    if (rc < 0)
        return cli_fail(&err);
    return cli_finish_output();
}
