/* Subcommands: each takes the arguments after its name and returns the exit
 * status (0 success, 1 internal error, 2 bad input). */
#ifndef MP_COMMANDS_H
#define MP_COMMANDS_H

int cmd_calc(int argc, char **argv);
int cmd_guests(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_probe(int argc, char **argv);
int cmd_record(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_capacity(int argc, char **argv);
int cmd_tour(int argc, char **argv);
int cmd_tui(int argc, char **argv);
int cmd_diff(int argc, char **argv);

#endif
