/* The subcommands' own work, one function each (src/cmd_NAME.c), run by the
 * front (src/cli_front.c) after it has parsed and loaded what the command's
 * entry in src/commands.c asks for. Each returns the exit status (0 success,
 * 1 internal error, 2 bad input). */
#ifndef MP_COMMANDS_H
#define MP_COMMANDS_H

#include "command.h"

int cmd_calc(struct cli_run *r);
int cmd_guests(struct cli_run *r);
int cmd_report(struct cli_run *r);
int cmd_apply(struct cli_run *r);
int cmd_probe(struct cli_run *r);
int cmd_record(struct cli_run *r);
int cmd_compare(struct cli_run *r);
int cmd_map(struct cli_run *r);
int cmd_capacity(struct cli_run *r);
int cmd_tour(struct cli_run *r);
int cmd_tui(struct cli_run *r);
int cmd_diff(struct cli_run *r);
int cmd_explain(struct cli_run *r);

#endif
