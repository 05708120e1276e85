/* Every command-line option the front knows, one entry each. A command takes
 * the ones its command.options bits name. */
#include "config.h"

#include <stddef.h>

#include "command.h"
#include "i18n.h"

#define STR(field) true, offsetof(struct cli_run, field)
#define FLAG(field) false, offsetof(struct cli_run, field)

const struct cli_option cli_options[O_COUNT] = {
    [O_HOST] = { "host", NULL, 0, STR(host_src),
                 N_("  --host SOURCE      host facts: live (default), none, demo:NAME, a snapshot file;\n"
                    "                     'list' shows the demo hosts\n") },
    [O_LIBVIRT] = { "libvirt", NULL, 0, STR(libvirt),
                    N_("  --libvirt VERSION  formula of that libvirt version (default: newest known)\n") },
    [O_FORMAT] = { "format", NULL, 0, STR(format),
                   N_("  --format FORMAT    text (default) or json\n") },
    [O_OUTPUT] = { "output", NULL, 'o', STR(output),
                   N_("  -o, --output FILE  write to FILE (replaced atomically) instead of standard output\n") },
    [O_FORCE_VFIO] = { "force-vfio", NULL, 0, FLAG(force_vfio),
                       N_("  --force-vfio       plan for hot-plugging the first VFIO device\n") },
    [O_STEP] = { "step", NULL, 0, STR(step),
                 N_("  --step N           print only step N (1 is the start)\n") },
    [O_ASCII] = { "ascii", NULL, 0, FLAG(ascii),
                  N_("  --ascii            ASCII line drawing (default in non-UTF-8 locales, TERM=linux)\n") },
    [O_NO_COLOR] = { "no-color", "no-colour", 0, FLAG(no_color),
                     N_("  --no-color         no colours (also when NO_COLOR is set)\n") },
    [O_NO_MOUSE] = { "no-mouse", NULL, 0, FLAG(no_mouse),
                     N_("  --no-mouse         leave mouse reporting off\n") },
    [O_LIST_KEYS] = { "list-keys", NULL, 0, FLAG(list_keys),
                      N_("  --list-keys        print the planner's keys: mode, keys, what they do\n") },
    [O_CONNECT] = { "connect", NULL, 0, STR(connect),
                    N_("  --connect URI      guests are domains (name or UUID) of this libvirt connection;\n"
                       "                     without it LIBVIRT_DEFAULT_URI, when set, serves names that\n"
                       "                     are not files\n") },
    [O_LIVE] = { "live", NULL, 0, FLAG(live),
                 N_("  --live             the running definition (default: the live one of a running\n"
                    "                     domain, else the persistent one)\n") },
    [O_CONFIG] = { "config", NULL, 0, FLAG(config),
                   N_("  --config           the persistent definition\n") },
    [O_READONLY] = { "readonly", NULL, 0, FLAG(readonly),
                     N_("  --readonly         open the connection read-only\n") },
    [O_ALL] = { "all", NULL, 0, FLAG(all),
                N_("  --all              every domain of the connection: the host's fleet\n") },
    [O_DRY_RUN] = { "dry-run", NULL, 0, FLAG(dry_run),
                    N_("  --dry-run          say what would be written or set, change nothing\n") },
    [O_CHECK] = { "check", NULL, 0, FLAG(check),
                  N_("  --check            exit 3 when the guest cannot start as defined, one line\n"
                     "                     per reason on stderr\n") },
    [O_HEADROOM] = { "headroom", NULL, 0, STR(headroom),
                     /* xgettext:no-c-format */
                     N_("  --headroom SIZE|N% above libvirt's figure in a recommended hard_limit\n"
                        "                     (default 1 GiB; 0 for none)\n") },
    [O_OLD_LIBVIRT] = { "old-libvirt", NULL, 0, STR(old_libvirt),
                        N_("  --old-libvirt VERSION\n"
                           "                     OLD.xml under that version's formula (default: --libvirt)\n") },
    [O_XML] = { "xml", NULL, 0, STR(xml),
                N_("  --xml GUEST.xml    the failed guest's definition (default: rebuilt from the log)\n") },
};
