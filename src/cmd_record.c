/* memlock-planner record: the host as a snapshot file, to plan elsewhere. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "commands.h"
#include "host_snapshot.h"

static int fill(FILE *out, void *ctx, struct mp_error *err)
{
    return host_snapshot_write(out, ctx, err);
}

int cmd_record(struct cli_run *r)
{
    struct mp_error err = { 0 };
    /* Replaced whole or not at all: readers never see half a snapshot. */
    int rc = r->output && strcmp(r->output, "-")
                 ? atomic_file_write(r->output, fill, r->host, &err)
                 : host_snapshot_write(stdout, r->host, &err);
    return rc < 0 ? cli_fail(&err) : 0;
}
