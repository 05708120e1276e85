/* The subcommand table and the common front that runs an entry of it.
 *
 * A subcommand is one entry in commands[] (src/commands.c) and one function
 * int cmd_NAME(struct cli_run *) in src/cmd_NAME.c. The entry says which
 * options the command takes, which --format values, how many file arguments
 * and what the front loads before the function runs (profile, guest, host).
 * The front (src/cli_front.c) parses and checks all of it, prints --help,
 * handles --host list, and reports bad input as one stderr line, exit 2;
 * the function only does the command's own work.
 *
 * An option is one entry in cli_options[] (src/cli_options.c), a field in
 * struct cli_run when it has a value, and its bit in the commands that take
 * it. HACKING.md walks through both. */
#ifndef MP_COMMAND_H
#define MP_COMMAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli_virt.h"
#include "guest.h"
#include "host.h"
#include "profile.h"

/* Every option the front knows; a command takes a set of them (OPT bits). */
enum cli_opt_id {
    O_HOST,        /* --host SOURCE; 'list' prints the demo hosts */
    O_LIBVIRT,     /* --libvirt VERSION */
    O_FORMAT,      /* --format FORMAT, checked against command.formats */
    O_OUTPUT,      /* -o, --output FILE */
    O_FORCE_VFIO,  /* --force-vfio */
    O_STEP,        /* --step N (tour) */
    O_ASCII,       /* --ascii (tui) */
    O_NO_COLOR,    /* --no-color, --no-colour (tui) */
    O_NO_MOUSE,    /* --no-mouse (tui) */
    O_LIST_KEYS,   /* --list-keys (tui): the key registry, then exit */
    O_CONNECT,     /* --connect URI: guest arguments are domains (cli_virt.h) */
    O_LIVE,        /* --live: the running definition */
    O_CONFIG,      /* --config: the persistent definition */
    O_READONLY,    /* --readonly: open the connection read-only */
    O_ALL,         /* --all (report, capacity): every domain of the connection */
    O_DRY_RUN,     /* --dry-run (apply) */
    O_CHECK,       /* --check (calc, report, capacity): exit 3 with one line per reason */
    O_HEADROOM,    /* --headroom SIZE|N% (report, apply) */
    O_OLD_LIBVIRT, /* --old-libvirt VERSION (diff) */
    O_XML,         /* --xml PATH: explain, the failed guest's definition; guests, the
                    * running definitions (a file or a folder) */
    O_COUNT
};
#define OPT(id) (1u << (id))
/* The options of the planning commands that read one guest. */
#define OPTS_PLAN (OPT(O_HOST) | OPT(O_LIBVIRT) | OPT(O_FORMAT))
/* Guests from a libvirt connection. */
#define OPTS_CONNECT (OPT(O_CONNECT) | OPT(O_LIVE) | OPT(O_CONFIG) | OPT(O_READONLY))
/* command.formats: FORMATS("text", "json") */
#define FORMATS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The file arguments after the options. */
enum cli_args {
    ARGS_NONE,      /* none */
    ARGS_ONE,       /* exactly one guest XML file, - for standard input */
    ARGS_OPTIONAL,  /* at most one guest XML file, not standard input */
    ARGS_SOME,      /* one or more guest XML files */
    ARGS_STREAM,    /* at most one input read as a stream (a log); none or - is stdin */
    ARGS_TWO,       /* exactly two guest XML files (OLD NEW), - for at most one */
};

/* What the front does before the command's function runs (command.flags). */
enum cli_flags {
    LOAD_PROFILE = 1 << 0,  /* r->profile from --libvirt (default: the host's libvirt
                             * when LOAD_HOST finds it, else the newest) */
    LOAD_GUEST = 1 << 1,    /* r->guest from the file argument (ARGS_ONE, ARGS_OPTIONAL) */
    LOAD_HOST = 1 << 2,     /* r->host from --host (default: live) */
    NEED_OUTPUT = 1 << 3,   /* -o is required */
    HIDE_IN_LIST = 1 << 4,  /* not listed by memlock-planner --help */
    VIRT_WRITE = 1 << 6,    /* changes domains: the connection is opened read-write
                             * (unless --readonly or --dry-run) */
    NEW_GUEST_OK = 1 << 5,  /* with LOAD_GUEST: a file that does not exist yet leaves
                             * r->guest NULL (the planner starts a new guest for it) */
};

struct cli_run;

struct command {
    const char *name;
    int (*run)(struct cli_run *r);  /* returns the exit status */
    const char *summary;            /* N_(): its line in memlock-planner --help */
    const char *usage;              /* N_(): the "Usage: ..." line of its --help */
    const char *help;               /* N_(): what it does, printed before the options */
    unsigned options;               /* OPT() bits */
    const char *const *formats;     /* FORMATS("text", "json"): --format values, the first is
                                     * the default */
    enum cli_args args;
    unsigned flags;                 /* enum cli_flags */
    const char *opt_help[O_COUNT];  /* N_(): this command's own --help line for an option */
    const char *host_default;       /* --host when not given (NULL: "live") */
};

/* What the front parsed and loaded for one run; the command reads it. */
struct cli_run {
    const struct command *cmd;
    /* Option values (NULL / false when not given). */
    const char *host_src; /* --host, default "live" */
    const char *libvirt;  /* --libvirt */
    const char *format;   /* --format, one of cmd->formats (default: the first) */
    bool format_given;    /* --format was on the command line */
    const char *output;   /* -o (never "") */
    bool force_vfio;      /* --force-vfio (already set in guest->force_vfio) */
    const char *step;     /* --step, unchecked */
    bool ascii, no_color, no_mouse;
    bool list_keys;       /* --list-keys */
    const char *connect;  /* --connect */
    bool live, config, readonly, all, dry_run;
    struct cli_virt virt; /* the connection, opened by the front when guests are domains */
    bool check;           /* --check */
    const char *headroom; /* --headroom, unchecked (headroom_parse) */
    const char *old_libvirt; /* --old-libvirt, unchecked (cli_profile) */
    const char *xml;      /* --xml FILE (explain) or PATH (guests) */
    /* The file arguments. */
    int nargs;
    char **args;
    /* Loaded per cmd->flags; the front frees what is still set after run. */
    const struct profile *profile;
    bool beyond;          /* the release is newer than the newest profile */
    struct profile_choice choice; /* the release the profile stands for, and its source */
    struct guest *guest;  /* args[0] (a file, or a domain of r->virt); NULL for ARGS_OPTIONAL
                           * without one */
    struct host *host;
};

struct cli_option {
    const char *name;       /* long name, without -- */
    const char *alias;      /* a second long name, or NULL */
    char short_name;        /* 0: none */
    bool has_arg;
    size_t offset;          /* of the const char * (has_arg) or bool in struct cli_run */
    const char *help;       /* N_(): the --help line (overridden by command.opt_help) */
};

extern const struct command commands[];
extern const size_t n_commands;
extern const struct cli_option cli_options[O_COUNT];

/* The entry named `name`, or NULL. */
const struct command *command_find(const char *name);
/* Parses argv (argv[0] is the command's name or the program), loads what
 * cmd->flags ask for, runs the command and frees what it loaded. */
int cli_front_run(const struct command *cmd, int argc, char **argv);

#endif
