/* The subcommands: one declarative entry each (see src/command.h). The order
 * is the order of memlock-planner --help. */
#include "config.h"

#include <string.h>

#include "command.h"
#include "commands.h"
#include "i18n.h"

const struct command commands[] = {
    {
        .name = "calc", .run = cmd_calc,
        .summary = N_("compute the limit for a guest XML and explain every term"),
        .usage = N_("Usage: memlock-planner calc [OPTIONS] GUEST.xml|-|DOMAIN\n"),
        .help = N_("Compute the memory-locking limit libvirt gives the guest, with every term.\n\n"),
        .options = OPTS_PLAN | OPT(O_FORCE_VFIO) | OPT(O_CHECK) | OPTS_CONNECT,
        .formats = FORMATS("text", "json"),
        .args = ARGS_ONE,
        .flags = LOAD_PROFILE | LOAD_GUEST | LOAD_HOST,
    },
    {
        .name = "guests", .run = cmd_guests,
        .summary = N_("list running QEMU guests with their limits and locked memory"),
        .usage = N_("Usage: memlock-planner guests [OPTIONS]\n"
                    "       memlock-planner guests --connect URI [--host SOURCE] [--libvirt VERSION]\n"),
        .help = N_("List the QEMU processes on this host with their memory-locking limit and the\n"
                   "memory they have locked (VmLck) and pinned (VmPin), and check each limit\n"
                   "against what libvirt computes from the guest's running definition. With\n"
                   "--connect: each domain of the connection beside its QEMU process instead.\n\n"),
        .options = OPT(O_FORMAT) | OPT(O_HOST) | OPT(O_LIBVIRT) | OPT(O_XML) | OPT(O_CONNECT),
        .formats = FORMATS("text", "json"),
        .opt_help = { [O_XML] = N_("  --xml PATH         the running definitions: a domain or status XML, or a folder\n"
                                   "                     of NAME.xml files (default: /run/libvirt/qemu)\n"),
                      [O_CONNECT] = N_("  --connect URI      the domains of this libvirt connection beside their processes\n") },
        .args = ARGS_NONE,
        .flags = LOAD_PROFILE,
    },
    {
        .name = "report", .run = cmd_report,
        .summary = N_("write the plan for guests as text, Markdown, JSON or HTML"),
        .usage = N_("Usage: memlock-planner report [OPTIONS] GUEST.xml|DOMAIN...\n"
                    "       memlock-planner report --connect URI [OPTIONS] --all\n"),
        .help = N_("Write the plan for one or more guests: host and guest summary, the limit with\n"
                   "every term, warnings and what to configure. Several guests add a fleet view.\n\n"),
        .options = OPTS_PLAN | OPT(O_OUTPUT) | OPT(O_FORCE_VFIO) | OPT(O_CHECK) | OPT(O_HEADROOM)
                   | OPTS_CONNECT | OPT(O_ALL),
        .formats = FORMATS("text", "md", "json", "html"),
        .opt_help = { [O_FORMAT] = N_("  --format FORMAT    text (default), md, json or html\n") },
        .args = ARGS_SOME,
        .flags = LOAD_PROFILE | LOAD_HOST,
    },
    {
        .name = "apply", .run = cmd_apply,
        .summary = N_("write a guest XML with the computed <memtune><hard_limit>"),
        .usage = N_("Usage: memlock-planner apply [OPTIONS] GUEST.xml -o NEW.xml\n"
                    "       memlock-planner apply --connect URI [OPTIONS] DOMAIN\n"),
        .help = N_("Write the guest XML with the computed <memtune><hard_limit unit='KiB'>; nothing\n"
                   "else in the file changes. NEW.xml is replaced atomically; - writes to standard\n"
                   "output. With --connect the domain's persistent definition gets the hard_limit\n"
                   "through libvirt (virDomainSetMemoryParameters; --live: the running domain too),\n"
                   "which is then read back; no file is written.\n\n"),
        .options = OPT(O_HOST) | OPT(O_LIBVIRT) | OPT(O_OUTPUT) | OPT(O_FORCE_VFIO) | OPT(O_HEADROOM)
                   | OPTS_CONNECT | OPT(O_DRY_RUN),
        .opt_help = { [O_OUTPUT] = N_("  -o, --output FILE  where to write (required; may name GUEST.xml itself)\n") },
        .args = ARGS_ONE,
        .flags = LOAD_PROFILE | LOAD_HOST | NEED_OUTPUT | VIRT_WRITE,
    },
    {
        .name = "probe", .run = cmd_probe,
        .summary = N_("show the host: PCI tree, drivers, IOMMU groups, NVLink2 bridges"),
        .usage = N_("Usage: memlock-planner probe [OPTIONS]\n"),
        .help = N_("Show the host: PCI host bridges and their devices, drivers, IOMMU groups, NUMA\n"
                   "nodes, NVLink2 bridges and the GPUs they serve.\n\n"),
        .options = OPT(O_HOST) | OPT(O_FORMAT),
        .formats = FORMATS("text", "json", "xml"),
        .opt_help = { [O_FORMAT] = N_("  --format FORMAT    text (default), json or xml (a host snapshot)\n") },
        .args = ARGS_NONE,
        .flags = LOAD_HOST,
    },
    {
        .name = "record", .run = cmd_record,
        .summary = N_("save the live host as a snapshot file for planning elsewhere"),
        .usage = N_("Usage: memlock-planner record [OPTIONS]\n"),
        .help = N_("Save the host as a snapshot file (XML) that --host FILE loads elsewhere.\n\n"),
        .options = OPT(O_HOST) | OPT(O_OUTPUT),
        .opt_help = { [O_OUTPUT] = N_("  -o, --output FILE  write to FILE (replaced atomically); default: standard output\n") },
        .args = ARGS_NONE,
        .flags = LOAD_HOST,
    },
    {
        .name = "compare", .run = cmd_compare,
        .summary = N_("the same guest under every libvirt version's formula"),
        .usage = N_("Usage: memlock-planner compare [OPTIONS] GUEST.xml|-|DOMAIN\n"),
        .help = N_("Compute the guest's limit under every libvirt profile and mark what differs.\n\n"),
        .options = OPTS_PLAN | OPTS_CONNECT,
        .formats = FORMATS("text", "json"),
        .args = ARGS_ONE,
        .flags = LOAD_PROFILE | LOAD_GUEST | LOAD_HOST,
    },
    {
        .name = "diff", .run = cmd_diff,
        .summary = N_("two definitions of a guest: the limits term by term and what changed"),
        .usage = N_("Usage: memlock-planner diff [OPTIONS] OLD.xml NEW.xml\n"),
        .help = N_("Compare the limits of two definitions of a guest term by term and name what in\n"
                   "the definitions caused each change. Either file may be - (standard input).\n\n"),
        .options = OPTS_PLAN | OPT(O_OLD_LIBVIRT) | OPTS_CONNECT,
        .formats = FORMATS("text", "json"),
        .args = ARGS_TWO,
        .flags = LOAD_PROFILE | LOAD_HOST,
    },
    {
        .name = "map", .run = cmd_map,
        .summary = N_("a pseries guest's address space and DMA windows, drawn"),
        .usage = N_("Usage: memlock-planner map [OPTIONS] GUEST.xml|-|DOMAIN\n"),
        .help = N_("Draw the pseries guest's address space on a log scale: RAM, the MMIO window,\n"
                   "NVLink2 GPU RAM, and each PHB's DMA windows with their TCE tables.\n\n"),
        .options = OPTS_PLAN | OPTS_CONNECT,
        .formats = FORMATS("text", "json"),
        .args = ARGS_ONE,
        .flags = LOAD_PROFILE | LOAD_GUEST | LOAD_HOST,
    },
    {
        .name = "capacity", .run = cmd_capacity,
        .summary = N_("how many guests of this shape fit, or whether these guests fit together"),
        .usage = N_("Usage: memlock-planner capacity [OPTIONS] GUEST.xml|-|DOMAIN...\n"
                    "       memlock-planner capacity --connect URI [OPTIONS] --all\n"),
        .help = N_("Count how many guests of this shape fit on the host and what runs out first:\n"
                   "host RAM or the IOMMU groups their devices need. With several guests (or\n"
                   "--all): whether they can all run at once (no device or IOMMU group in two\n"
                   "guests, NVLink2 groups whole, the memory they pin within host RAM), what they\n"
                   "leave, and each one's own count.\n\n"),
        .options = OPTS_PLAN | OPTS_CONNECT | OPT(O_ALL) | OPT(O_CHECK),
        .opt_help = { [O_CHECK] = N_("  --check            exit 3 when the guests cannot all run at once on the host,\n"
                                     "                     one line per reason on stderr\n") },
        .formats = FORMATS("text", "json"),
        .args = ARGS_SOME,
        .flags = LOAD_PROFILE | LOAD_HOST,
    },
    {
        .name = "tour", .run = cmd_tour,
        .summary = N_("a guided walk through the limit on the AC922 demo host"),
        .usage = N_("Usage: memlock-planner tour [--step N] [--format text|json|xml]\n"),
        .help = N_("Walk through the limit on the AC922 demo host, one change at a time.\n"
                   "In the planner (memlock-planner tui) press T for the same tour with Next/Back.\n\n"),
        .options = OPT(O_STEP) | OPT(O_FORMAT),
        .formats = FORMATS("text", "json", "xml"),
        .args = ARGS_NONE,
        .opt_help = { [O_FORMAT] = N_("  --format FORMAT    text (default), json, or xml: the guest of --step N as\n"
                                      "                     libvirt domain XML\n") },
    },
    {
        .name = "explain", .run = cmd_explain,
        .summary = N_("explain a failed start from its QEMU log, libvirt error or journal"),
        .usage = N_("Usage: memlock-planner explain [OPTIONS] [LOG|-]\n"
                    "       memlock-planner explain --connect URI [OPTIONS] DOMAIN [LOG|-]\n"),
        .help = N_("Read a QEMU domain log (/var/log/libvirt/qemu/NAME.log), a virsh error or a\n"
                   "journal excerpt and say what failed and at which layer, the guest (from --xml\n"
                   "or rebuilt from the logged QEMU command line), the limit the process had,\n"
                   "what the guest needs term by term, by how much the limit fell short, and what\n"
                   "to set. Exit status 0: a memory-locking failure explained; 3: the log holds\n"
                   "none; 2: bad input.\n\n"),
        .options = OPT(O_HOST) | OPT(O_LIBVIRT) | OPT(O_FORMAT) | OPT(O_XML) | OPT(O_HEADROOM)
                   | OPTS_CONNECT,
        .formats = FORMATS("text", "json"),
        .opt_help = { [O_HOST] = N_("  --host SOURCE      the failing host's facts (NVLink2 bridges): none (default),\n"
                                    "                     live, demo:NAME, a snapshot file\n"),
                      [O_LIBVIRT] = N_("  --libvirt VERSION  formula of that libvirt version (default: the log's, else\n"
                                       "                     the newest known)\n") },
        .args = ARGS_STREAM,
        .flags = LOAD_HOST,
        .host_default = "none",
    },
    {
        .name = "tui", .run = cmd_tui,
        .summary = N_("the interactive planner (the default on a terminal)"),
        .usage = N_("Usage: memlock-planner [tui] [OPTIONS] [GUEST.xml|DOMAIN]\n"),
        .help = N_("Shape a guest and watch its memory-locking limit, every term explained.\n"
                   "Without GUEST.xml, or when it does not exist yet, the planner starts a new\n"
                   "guest for the host's architecture; w writes it.\n\n"),
        .options = OPT(O_HOST) | OPT(O_LIBVIRT) | OPT(O_ASCII) | OPT(O_NO_COLOR) | OPT(O_NO_MOUSE)
                   | OPT(O_LIST_KEYS) | OPTS_CONNECT,
        .args = ARGS_OPTIONAL,
        .flags = LOAD_PROFILE | LOAD_GUEST | LOAD_HOST | NEW_GUEST_OK | VIRT_WRITE,
    },
};
const size_t n_commands = sizeof(commands) / sizeof(commands[0]);

const struct command *command_find(const char *name)
{
    for (size_t i = 0; i < n_commands; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}
