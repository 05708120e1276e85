/* memlock-planner report: the plan for one or more guests, as text,
 * Markdown, JSON or HTML; several guests form a fleet view. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "cli.h"
#include "cli_fleet.h"
#include "commands.h"
#include "guest_xml.h"
#include "i18n.h"
#include "report.h"
#include "report_path.h"

/* Refuses what surely is a slip: -o naming one of the guests, stdin twice. */
static int check_files(const struct cli_run *r)
{
    size_t nstdin = 0;
    struct stat out_st;
    bool out_exists = r->output && strcmp(r->output, "-") && stat(r->output, &out_st) == 0 &&
                      S_ISREG(out_st.st_mode);
    for (int i = 0; i < r->nargs; i++) {
        nstdin += !strcmp(r->args[i], "-");
        struct stat in_st;
        if (out_exists && stat(r->args[i], &in_st) == 0 && in_st.st_dev == out_st.st_dev &&
            in_st.st_ino == out_st.st_ino)
            return cli_failf(EXIT_INPUT, _("-o %s names an input file"), r->output);
    }
    if (nstdin > 1)
        return cli_failf(EXIT_INPUT, _("standard input (-) can be read only once"));
    return -1;
}

/* --check: each guest's reasons under its name, then the fleet's. */
static int report_check(const struct report *rep)
{
    int status = 0;
    for (size_t i = 0; i < rep->nguest_checks; i++) {
        const struct report_guest_checks *c = &rep->guest_checks[i];
        if (cli_check_report(&c->checks, report_member_name(rep, c->guest)))
            status = EXIT_CHECK;
    }
    if (cli_check_report(&rep->fleet.checks, NULL))
        status = EXIT_CHECK;
    return status;
}

int cmd_report(struct cli_run *r)
{
    enum report_format fmt;
    if (!report_format_parse(r->format, &fmt))
        return cli_failf(EXIT_INPUT, _("--format %s: expected text, md, json or html"), r->format);
    int rc = check_files(r);
    if (rc >= 0)
        return rc;
    /* -o's extension picks the format, as the planner's x does; --format wins
     * over a name without one, and the two must not disagree. */
    enum report_format by_name;
    switch (r->output && strcmp(r->output, "-") ? report_format_for_path(r->output, &by_name)
                                                : REPORT_PATH_NONE) {
    case REPORT_PATH_KNOWN:
        if (r->format_given && by_name != fmt)
            return cli_failf(EXIT_INPUT, _("-o %s: the extension says another format than "
                                           "--format %s"), r->output, r->format);
        fmt = by_name;
        break;
    case REPORT_PATH_UNKNOWN:
        if (!r->format_given)
            return cli_failf(EXIT_INPUT, _("-o %s: not a report extension (%s); name one, or "
                                           "give --format"), r->output, REPORT_PATH_EXTENSIONS);
        break;
    case REPORT_PATH_NONE:
        break;
    }
    struct mp_error err = { 0 };
    struct headroom hr = headroom_default();
    if (r->headroom && headroom_parse(r->headroom, &hr, &err) < 0)
        return cli_fail(&err);
    struct report rep;
    report_init(&rep, r->host, r->profile);
    rep.headroom = hr;
    rep.check = r->check;
    /* JSON is written as the guests come (report_stream_json): a batch of
     * thousands keeps a few dozen bytes of each. */
    if (fmt == REPORT_JSON && report_stream_json(&rep, &err) < 0) {
        report_free(&rep);
        return cli_fail(&err);
    }
    /* A guest that cannot be read is listed in the report with its error and
     * the others are reported in full; the exit status still says 2. */
    bool usable;
    rc = cli_fleet_load(r, &rep, true, &usable);
    if (usable && report_write_file(&rep, fmt, r->output, &err) < 0)
        rc = cli_fail(&err);
    if (!rc && r->check)
        rc = report_check(&rep);
    report_free(&rep);
    return rc;
}
