/* Reports: the plan for one guest or a fleet, for people (text, Markdown,
 * HTML) and programs (JSON). The model is built once (report.c) and each
 * format renders it (report_text.c, report_md.c, report_json.c,
 * report_html.c). Strings from XML and sysfs are made safe by each format. */
#ifndef MP_REPORT_H
#define MP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "capacity.h"
#include "check.h"
#include "error.h"
#include "headroom.h"
#include "guest.h"
#include "host.h"
#include "memlock.h"
#include "msg.h"
#include "pool.h"
#include "profile.h"
#include "report_rec.h"

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_JSON, REPORT_HTML };

/* "text", "md", "json", "html" (also "markdown"); false if unknown. */
bool report_format_parse(const char *name, enum report_format *f);

/* The user QEMU runs as in the limits.conf lines. */
#define REPORT_QEMU_USER "qemu"

struct report_host {
    size_t nphbs;             /* PCI domains */
    size_t ngpus;
    size_t nnv2;              /* NVLink2 bridges, as the profile recognises them */
    size_t ngroups;           /* distinct IOMMU groups */
};

struct report_guest {
    char *source;             /* the file it came from, or NULL */
    struct guest *guest;      /* owned */
    struct memlock_result result;
    struct memlock_rec rec;
    size_t npci, nmdev;       /* hostdevs by kind */
    bool arch_mismatch;       /* the guest's architecture is not the host's: no capacity */
    struct msg_list warnings; /* the report's own, beside the calculation's */
};

/* A guest that could not be read or computed: listed, not reported. */
struct report_error {
    char *source;
    char *message;            /* one line, in the user's language */
    size_t before;            /* how many guests came before it in the input */
};

/* What a report keeps of every guest, also of one it no longer holds (a
 * JSON stream, report_stream_json): its names, for the duplicate check.
 * The strings live in the report's pool. */
struct report_member {
    const char *name;         /* its <name>, or NULL */
    const char *dir;          /* its file's folder with the last '/', or NULL: the */
    const char *file;         /* guests of a batch share it, kept once; file NULL: no file */
};

/* check_guest's reasons for a guest that has some (report --check). */
struct report_guest_checks {
    size_t guest;             /* its index among the report's guests */
    struct check_list checks;
};

struct report_fleet {
    uint64_t limit_kib;       /* limits that are numbers, added up */
    bool limit_overflow;      /* the sum does not fit */
    size_t nunlimited;        /* guests with no limit at all */
    size_t nnone;             /* guests libvirt gives no limit (0) */
    uint64_t memory_kib;      /* guest memory, added up */
    bool memory_overflow;
    struct msg_list warnings;
    struct check_list checks; /* check_fleet: devices, IOMMU groups and NVLink2 GPUs
                               * claimed by two guests, pinned memory above host RAM */
};

struct report_stream;

struct report {
    const struct host *host;  /* may be NULL: no host facts */
    const struct profile *profile;
    const struct profile_choice *choice; /* noted in every result (memlock_note_choice), or NULL */
    bool check;               /* keep check_guest's reasons (report --check) */
    struct report_host hs;
    struct capacity_host caps; /* the host's IOMMU groups, for every guest's capacity */
    struct report_guest *guests;  /* all of them, but in a stream: none once added */
    size_t n, cap;
    /* Every guest added, also those a stream no longer holds: */
    struct report_member *members;
    struct check_fleet_guest *fleet_guests;  /* what check_fleet needs of each */
    size_t nmembers, members_cap, fleet_cap;
    unsigned nv2_files;       /* the first result's profile's (check_fleet) */
    struct report_guest_checks *guest_checks;  /* when `check`: guests with reasons */
    size_t nguest_checks, guest_checks_cap;
    struct pool pool;         /* the members' strings and addresses */
    const char *last_dir;     /* the last member's dir */
    struct report_stream *stream; /* report_stream_json */
    struct report_fleet fleet;
    struct headroom headroom;  /* above libvirt's figure in recommended hard_limits;
                                * report_init sets headroom_default() */
    struct report_error *errors;
    size_t nerrors, errors_cap;
    time_t when;              /* the report's date: SOURCE_DATE_EPOCH, else now */
};

void report_init(struct report *rep, const struct host *h, const struct profile *p);
/* JSON written as the guests come, so that memory stays flat in their
 * count: report_add_guest renders each guest's four objects (guests,
 * guest_info, recommendations, views) to anonymous temporary files and frees
 * the guest; report_write then writes the document from them, byte for byte
 * as without a stream. Call before the first add; the report can then be
 * written only as JSON. -1 with `err` set when no temporary file can be made. */
int report_stream_json(struct report *rep, struct mp_error *err);
/* Room for what the report keeps of `n` guests, when their count is known
 * before they are added: no array grown by doubling. */
void report_reserve(struct report *rep, size_t n);
/* Computes `g` (ownership passes to the report, also on error) and adds it.
 * 0, or -1 with `err` set; the message names `source`. */
int report_add_guest(struct report *rep, struct guest *g, const char *source,
                     struct mp_error *err);
/* -1 with `err` set (MP_ERR_INPUT) when two guests of `rep` have the same
 * <name>: a fleet of files is one host's domains, one per name. */
int report_check_names(const struct report *rep, struct mp_error *err);
/* Records a guest that could not be read (`message` is err->text). */
void report_add_error(struct report *rep, const char *source, const char *message);
/* Fleet warnings and checks; call after the last add. */
void report_finish(struct report *rep);
void report_free(struct report *rep);

/* Renders the report; write errors show in ferror(out), a stream's read
 * errors in report_stream_failed. */
void report_write(FILE *out, const struct report *rep, enum report_format f);
/* To `path` atomically, or standard output when `path` is NULL or "-". */
int report_write_file(const struct report *rep, enum report_format f, const char *path,
                      struct mp_error *err);

/* The TUI's x: a report of `n` guests (copied; `sources[i]` may be NULL) on
 * `h` under `p`, written to `path` as above. */
int report_write_guests(const struct host *h, const struct profile *p,
                        const struct guest *const *guests, const char *const *sources,
                        size_t n, enum report_format f, const char *path,
                        struct mp_error *err);

/* Shared by the renderers. */
void report_render_text(FILE *out, const struct report *rep);
void report_render_md(FILE *out, const struct report *rep);
void report_render_json(FILE *out, const struct report *rep);
/* The stream's part of report_add_guest: renders the last guest added to the
 * temporary files (report_json.c). */
void report_stream_guest(struct report *rep, const struct report_guest *rg);
/* The stream's temporary files could not be written or read back: errno. */
int report_stream_failed(const struct report *rep);
void report_stream_free(struct report_stream *s);
/* A member's display name, as report_guest_name; after report_finish. */
const char *report_member_name(const struct report *rep, size_t i);
void report_render_html(FILE *out, const struct report *rep);
/* "4 GiB" or "unlimited" / "none" for a result. */
void report_limit_human(const struct memlock_result *r, char *buf, size_t len);
/* The guest's display name: its <name>, else the file, else "guest N". */
const char *report_guest_name(const struct report_guest *rg, char *buf, size_t len);
/* Label and value pairs for the host and guest summaries, shared by the
 * formats for people. Values may hold text from XML or sysfs: escape them. */
struct report_kv {
    const char *label;        /* translated */
    char *value;
};
#define REPORT_MAX_ROWS 24
size_t report_host_rows(const struct report *rep, struct report_kv *rows);
size_t report_guest_rows(const struct report_guest *rg, struct report_kv *rows);
void report_rows_free(struct report_kv *rows, size_t n);

/* Escapers: text_safe first, then what the format needs. */
void report_put_safe(FILE *out, const char *s);   /* text: control characters out */
/* "  LABEL" on its own line, then each line of `text` after `indent`, made
 * safe; frees `text`. Nothing when `text` is NULL (a line to paste that does
 * not apply). */
void report_put_lines(FILE *out, const char *label, char *text, const char *indent);
void report_put_md(FILE *out, const char *s);     /* a Markdown table cell or line */
void report_put_html(FILE *out, const char *s);   /* HTML text and attribute values; keeps \n */
/* The same with the space between a number and its unit ("4.02 GiB") a
 * no-break space. */
void report_put_html_nowrap(FILE *out, const char *s);
/* A copy with every line made safe (text_safe) and the line breaks kept. */
char *report_safe_lines(const char *s);

/* What to do about a guest, the report's first line for it. */
enum report_verdict {
    VERDICT_SET,          /* set hard_limit to the limit */
    VERDICT_TOO_SMALL,    /* its hard_limit is below what libvirt needs */
    VERDICT_KEEP,         /* its hard_limit is already enough */
    VERDICT_OWN,          /* libvirt's own limit is enough: set nothing */
    VERDICT_UNLIMITED,    /* <locked/>: no limit at all */
    VERDICT_NONE,         /* nothing is locked: set nothing */
};
enum report_verdict report_verdict(const struct report_guest *rg);
/* A short label for the summary table ("set hard_limit", ...), translated. */
const char *report_verdict_label(enum report_verdict v);
/* The verdict as a sentence, translated, e.g. "Set hard_limit to 4218880 KiB
 * (4.02 GiB)". A new string. */
char *report_verdict_sentence(const struct report_guest *rg);
/* The language of the message catalogue in use ("de", "pt-BR"), else "en". */
void report_lang(char *buf, size_t len);
/* The report's date as "2026-12-07 03:30 UTC". */
void report_date(const struct report *rep, char *buf, size_t len);
/* What the report is about: the guest's name, or "N guests". A new string. */
char *report_subject(const struct report *rep);
/* The host's name for headings: its host name, else its source. */
const char *report_host_label(const struct report *rep);

/* Host RAM share of the fleet's added-up limits, in percent; -1 unknown. */
int report_fleet_percent(const struct report *rep);

#endif
