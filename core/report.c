#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "atomic_file.h"
#include "i18n.h"
#include "report.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

bool report_format_parse(const char *name, enum report_format *f)
{
    static const struct { const char *name; enum report_format f; } names[] = {
        { "text", REPORT_TEXT }, { "md", REPORT_MD }, { "markdown", REPORT_MD },
        { "json", REPORT_JSON }, { "html", REPORT_HTML },
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(name, names[i].name)) {
            *f = names[i].f;
            return true;
        }
    return false;
}

static void summarise_host(struct report *rep)
{
    const struct host *h = rep->host;
    memset(&rep->hs, 0, sizeof(rep->hs));
    if (!h)
        return;
    free(host_domains(h, &rep->hs.nphbs));
    int *groups = xcalloc(h->ndevices + 1, sizeof(*groups));
    for (size_t i = 0; i < h->ndevices; i++) {
        const struct host_device *d = &h->devices[i];
        if (host_device_is_gpu(d))
            rep->hs.ngpus++;
        if (host_device_is_nv2_bridge(d, rep->profile->nv2_files))
            rep->hs.nnv2++;
        if (d->iommu_group < 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < rep->hs.ngroups && !seen; k++)
            seen = groups[k] == d->iommu_group;
        if (!seen)
            groups[rep->hs.ngroups++] = d->iommu_group;
    }
    free(groups);
}

/* SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the date, for golden
 * files and reproducible reports; else now. */
static time_t report_time(void)
{
    const char *e = getenv("SOURCE_DATE_EPOCH");
    if (e && *e) {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(e, &end, 10);
        if (!*end && !errno && *e != '-' && v <= (unsigned long long)INT32_MAX * 64)
            return (time_t)v;
    }
    return time(NULL);
}

void report_init(struct report *rep, const struct host *h, const struct profile *p)
{
    memset(rep, 0, sizeof(*rep));
    rep->when = report_time();
    rep->host = h;
    rep->profile = p ? p : profile_default();
    rep->headroom = headroom_default();
    summarise_host(rep);
    capacity_host_init(&rep->caps, h);
}

/* Arrays cut to their length: a report not streamed holds every guest
 * until it is written, and growth leaves room for 8 items where 1 to 4 is
 * usual. */
static void *fit(void *items, size_t n, size_t size)
{
    if (!n) {
        free(items);
        return NULL;
    }
    return xreallocarray(items, n, size);
}

static void fit_msgs(struct msg_list *l)
{
    l->items = fit(l->items, l->n, sizeof(*l->items));
    l->cap = l->n;
}

static void fit_guest(struct report_guest *rg)
{
    struct memlock_result *r = &rg->result;
    r->terms = fit(r->terms, r->nterms, sizeof(*r->terms));
    r->terms_cap = r->nterms;
    r->phbs = fit(r->phbs, r->nphbs, sizeof(*r->phbs));
    fit_msgs(&r->warnings);
    fit_msgs(&rg->rec.notes);
    fit_msgs(&rg->warnings);
    struct guest *g = rg->guest;
    g->hostdevs = fit(g->hostdevs, g->nhostdevs, sizeof(*g->hostdevs));
    g->hostdevs_cap = g->nhostdevs;
}

static const char *display_name(const char *name, const char *source, char *buf, size_t len);

/* The member's file, whole (a new string), or NULL. */
static char *member_source(const struct report_member *m)
{
    return m->file ? xasprintf("%s%s", m->dir ? m->dir : "", m->file) : NULL;
}

/* A member with a <name>, sorted by it; equal names in the order they were
 * given: the message names the first file first. */
struct named {
    const char *name;
    size_t i;
};

static int cmp_named(const void *pa, const void *pb)
{
    const struct named *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->i < b->i ? -1 : a->i > b->i);
}

int report_check_names(const struct report *rep, struct mp_error *err)
{
    struct named *named = xreallocarray(NULL, rep->nmembers ? rep->nmembers : 1, sizeof(*named));
    size_t n = 0;
    for (size_t i = 0; i < rep->nmembers; i++)
        if (rep->members[i].name)
            named[n++] = (struct named){ rep->members[i].name, i };
    qsort(named, n, sizeof(*named), cmp_named);
    int rc = 0;
    for (size_t i = 1; i < n && !rc; i++) {
        if (strcmp(named[i - 1].name, named[i].name))
            continue;
        char *safe = text_safe_dup(named[i].name);
        char *sa = member_source(&rep->members[named[i - 1].i]);
        char *sb = member_source(&rep->members[named[i].i]);
        rc = mp_error_set(err, MP_ERR_INPUT, _("two guests are named '%s' (%s and %s): libvirt "
                                               "keeps one domain per name"), safe,
                          sa ? sa : "?", sb ? sb : "?");
        free(sa);
        free(sb);
        free(safe);
    }
    free(named);
    return rc;
}

/* x86_64 runs i686 guests and ppc64le runs ppc64 ones: the family counts. */
static const char *arch_family(const char *arch)
{
    static const struct { const char *arch, *family; } fam[] = {
        { "x86_64", "x86" }, { "i686", "x86" }, { "i586", "x86" }, { "i386", "x86" },
        { "ppc64", "ppc64" }, { "ppc64le", "ppc64" },
    };
    for (size_t i = 0; i < sizeof(fam) / sizeof(fam[0]); i++)
        if (!strcmp(arch, fam[i].arch))
            return fam[i].family;
    return arch;
}

/* A guest of another architecture cannot run here (KVM runs the host's own):
 * its limit is still what libvirt would set, but counting how many fit
 * would answer a question nobody asked. */
static void check_arch(const struct report *rep, struct report_guest *rg)
{
    const struct host *h = rep->host;
    const char *ga = rg->guest->arch;
    if (!h || !h->arch || !*h->arch || !ga || !*ga)
        return;
    if (!strcmp(arch_family(ga), arch_family(h->arch)))
        return;
    rg->arch_mismatch = true;
    msg_list_add(&rg->warnings, N_("the guest's architecture (%s) is not the host's (%s): it "
                                   "cannot run here with KVM, so no capacity is counted"),
                 ga, h->arch);
}

void report_add_error(struct report *rep, const char *source, const char *message)
{
    XGROW(rep->errors, rep->errors_cap, rep->nerrors + 1);
    struct report_error *e = &rep->errors[rep->nerrors++];
    e->source = xstrdup(source ? source : "-");
    e->message = xstrdup(message);
    e->before = rep->nmembers;
}

void report_reserve(struct report *rep, size_t n)
{
    if (n <= rep->members_cap)
        return;
    rep->members = xreallocarray(rep->members, n, sizeof(*rep->members));
    rep->fleet_guests = xreallocarray(rep->fleet_guests, n, sizeof(*rep->fleet_guests));
    rep->members_cap = rep->fleet_cap = n;
}

/* What the report keeps of `rg` when it no longer holds it: names, fleet
 * totals, what check_fleet needs, and (report --check) its reasons. */
static void add_member(struct report *rep, const struct report_guest *rg)
{
    const struct guest *g = rg->guest;
    const struct memlock_result *r = &rg->result;
    size_t i = rep->nmembers;
    XGROW(rep->members, rep->members_cap, i + 1);
    XGROW(rep->fleet_guests, rep->fleet_cap, i + 1);
    struct report_member *m = &rep->members[i];
    *m = (struct report_member){ pool_strdup(&rep->pool, g->name), NULL, NULL };
    const char *slash = rg->source ? strrchr(rg->source, '/') : NULL;
    if (slash) {
        size_t n = (size_t)(slash - rg->source) + 1;
        if (!rep->last_dir || strncmp(rep->last_dir, rg->source, n) || rep->last_dir[n])
            rep->last_dir = pool_strndup(&rep->pool, rg->source, n);
        m->dir = rep->last_dir;
    }
    m->file = pool_strdup(&rep->pool, slash ? slash + 1 : rg->source);
    struct pci_addr *pci = rg->npci ? pool_alloc(&rep->pool, rg->npci * sizeof(*pci)) : NULL;
    size_t k = 0;
    for (size_t d = 0; d < g->nhostdevs; d++)
        if (g->hostdevs[d].kind == GUEST_HOSTDEV_PCI)
            pci[k++] = g->hostdevs[d].host;
    /* The name is set by report_finish (report_member_name). */
    rep->fleet_guests[i] = (struct check_fleet_guest){ NULL, r->memory_kib,
                                                       check_pins_memory(g, r), (uint32_t)k, pci };
    if (!i)
        rep->nv2_files = r->profile->nv2_files;
    struct report_fleet *f = &rep->fleet;
    if (r->kind == MEMLOCK_UNLIMITED)
        f->nunlimited++;
    else if (r->kind == MEMLOCK_NONE)
        f->nnone++;
    else if (!size_add(f->limit_kib, r->limit_kib, &f->limit_kib))
        f->limit_overflow = true;
    if (!size_add(f->memory_kib, r->memory_kib, &f->memory_kib))
        f->memory_overflow = true;
    if (rep->check) {
        struct check_list l = { 0 };
        if (check_guest(g, rep->host, r, &l)) {
            XGROW(rep->guest_checks, rep->guest_checks_cap, rep->nguest_checks + 1);
            rep->guest_checks[rep->nguest_checks++] = (struct report_guest_checks){ i, l };
        } else {
            check_list_free(&l);
        }
    }
    rep->nmembers++;
}

static void report_guest_free(struct report_guest *rg)
{
    memlock_result_free(&rg->result);
    memlock_rec_free(&rg->rec);
    guest_free(rg->guest);
    free(rg->source);
    msg_list_free(&rg->warnings);
}

int report_add_guest(struct report *rep, struct guest *g, const char *source,
                     struct mp_error *err)
{
    struct report_guest rg = { 0 };
    rg.guest = g;
    int rc = memlock_compute(g, rep->host, rep->profile, &rg.result, err);
    /* The bare guest (without its hard_limit) from the computed figure: no
     * second calculation, but where that figure overflowed. */
    struct memlock_result bare;
    if (rc == 0 && memlock_bare_of(g, &rg.result, &bare))
        rc = memlock_recommend_from(g, &bare, &rep->headroom, &rg.rec, err);
    else if (rc == 0)
        rc = memlock_recommend(g, rep->host, rep->profile, &rep->headroom, &rg.rec, err);
    if (rc < 0) {
        memlock_result_free(&rg.result);
        guest_free(g);
        if (source) {
            char text[sizeof(err->text)];
            snprintf(text, sizeof(text), "%s", err->text);
            mp_error_set(err, err->kind, "%s: %s", source, text);
        }
        return -1;
    }
    /* as calc says it, so that the JSON objects match */
    if (rep->choice)
        memlock_note_choice(&rg.result, rep->choice);
    rg.source = source ? xstrdup(source) : NULL;
    check_arch(rep, &rg);
    for (size_t i = 0; i < g->nhostdevs; i++) {
        if (g->hostdevs[i].kind == GUEST_HOSTDEV_PCI)
            rg.npci++;
        else
            rg.nmdev++;
    }
    add_member(rep, &rg);
    if (rep->stream) {
        report_stream_guest(rep, &rg);
        report_guest_free(&rg);
        return 0;
    }
    fit_guest(&rg);
    XGROW(rep->guests, rep->cap, rep->n + 1);
    rep->guests[rep->n++] = rg;
    return 0;
}

/* Fleet reasons (check_fleet) in the warnings too; the memory one is said
 * below in the words of the totals. */
static void fleet_checks(struct report *rep)
{
    struct report_fleet *f = &rep->fleet;
    check_list_free(&f->checks);
    if (rep->nmembers < 2)
        return;
    check_fleet(rep->fleet_guests, rep->nmembers, rep->host, rep->nv2_files, &f->checks);
    for (size_t i = 0; i < f->checks.n; i++)
        if (f->checks.items[i].code != CHECK_FLEET_MEMORY_ABOVE_HOST)
            msg_list_add_msg(&f->warnings, (struct msg){ xstrdup(f->checks.items[i].text.c),
                                                         xstrdup(f->checks.items[i].text.local) });
}

void report_finish(struct report *rep)
{
    struct report_fleet *f = &rep->fleet;
    const struct host *h = rep->host;
    /* Display names, as report_guest_name: the <name>, else the file, else "unnamed guest". */
    for (size_t i = 0; i < rep->nmembers; i++) {
        const struct report_member *m = &rep->members[i];
        char *file = m->name && *m->name ? NULL : member_source(m);
        rep->fleet_guests[i].name = display_name(m->name, pool_strdup(&rep->pool, file), NULL, 0);
        free(file);
    }
    fleet_checks(rep);
    char a[32], b[32];
    if (!h || !h->memory_known) {
        if (rep->nmembers > 1)
            msg_list_add(&f->warnings, N_("host RAM is not known: the total cannot be compared "
                                          "with it"));
        return;
    }
    size_format_kib(h->memory_kib, b, sizeof(b));
    if (f->memory_overflow || f->memory_kib > h->memory_kib) {
        size_format_kib(f->memory_kib, a, sizeof(a));
        msg_list_add(&f->warnings, N_("the guests' memory (%s) is more than the host's RAM (%s)"),
                     a, b);
    }
    if (f->limit_overflow || f->limit_kib > h->memory_kib) {
        size_format_kib(f->limit_kib, a, sizeof(a));
        msg_list_add(&f->warnings,
                     N_("the limits add up to %s, more than the host's RAM (%s): they are "
                        "ceilings, not use, but guests that lock all they may cannot all run"),
                     a, b);
    }
    if (f->nunlimited)
        msg_list_add_plural(&f->warnings, NP_("%zu guest may lock memory without limit",
                                              "%zu guests may lock memory without limit"),
                            (unsigned long)f->nunlimited, f->nunlimited);
}

enum report_verdict report_verdict(const struct report_guest *rg)
{
    const struct memlock_rec *rec = &rg->rec;
    switch (rec->kind) {
    case REC_UNLIMITED: return VERDICT_UNLIMITED;
    case REC_NOT_NEEDED: return VERDICT_NONE;
    case REC_HARD_LIMIT:
    case REC_BELOW_MEMORY:
        if (rec->has_current)
            /* Too small against libvirt's figure: the headroom is advice. */
            return rec->current_kib < rec->base_kib ? VERDICT_TOO_SMALL : VERDICT_KEEP;
        return rec->kind == REC_HARD_LIMIT ? VERDICT_SET : VERDICT_OWN;
    }
    return VERDICT_NONE;
}

const char *report_verdict_label(enum report_verdict v)
{
    switch (v) {
    case VERDICT_SET: return _("set hard_limit");
    case VERDICT_TOO_SMALL: return _("hard_limit too small");
    case VERDICT_KEEP: return _("hard_limit is enough");
    case VERDICT_OWN: return _("set nothing");
    case VERDICT_UNLIMITED: return _("unlimited (<locked/>)");
    case VERDICT_NONE: return _("set nothing (no limit)");
    }
    return "?";
}

char *report_verdict_sentence(const struct report_guest *rg)
{
    const struct memlock_rec *rec = &rg->rec;
    char need[32], cur[32], set[32];
    size_format_kib(rec->base_kib, need, sizeof(need));
    size_format_kib(rec->kib, set, sizeof(set));
    size_format_kib(rec->current_kib, cur, sizeof(cur));
    switch (report_verdict(rg)) {
    case VERDICT_SET:
        return xasprintf(_("Set hard_limit to %" PRIu64 " KiB (%s): paste one of the lines "
                           "below."), rec->kib, set);
    case VERDICT_TOO_SMALL:
        /* What it needs, and what to paste: libvirt's figure with the headroom. */
        return xasprintf(_("hard_limit %s is too small: libvirt needs %s; set %" PRIu64
                           " KiB (%s): paste one of the lines below."), cur, need, rec->kib, set);
    case VERDICT_KEEP:
        return xasprintf(_("hard_limit %s is enough (libvirt needs %s): change nothing."), cur,
                         need);
    case VERDICT_OWN:
        return xasprintf(_("libvirt's own limit (%s) is enough: set nothing."), need);
    case VERDICT_UNLIMITED:
        return xstrdup(_("<locked/>: libvirt lifts the limit: set nothing."));
    case VERDICT_NONE:
        return xstrdup(_("libvirt sets no limit (nothing is locked): set nothing."));
    }
    return xstrdup("?");
}

void report_lang(char *buf, size_t len)
{
    snprintf(buf, len, "en");
#if ENABLE_NLS
    if (!mp_i18n_active)
        return;
    /* The catalogue's header says its language: "Language: pt_BR". */
    const char *header = gettext("");
    const char *l = header ? strstr(header, "Language: ") : NULL;
    if (!l)
        return;
    l += strlen("Language: ");
    size_t n = strcspn(l, "\n@. ");
    if (!n || n >= len)
        return;
    for (size_t i = 0; i < n; i++) {
        char c = l[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
        if (!ok)
            return;
        buf[i] = c == '_' ? '-' : c;   /* BCP 47: pt-BR */
    }
    buf[n] = '\0';
#endif
}

void report_date(const struct report *rep, char *buf, size_t len)
{
    struct tm tm;
    if (!gmtime_r(&rep->when, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M UTC", &tm))
        snprintf(buf, len, "?");
}

char *report_subject(const struct report *rep)
{
    size_t n = rep->n + rep->nerrors;
    if (n == 1 && rep->n == 1) {
        char name[64];
        return xstrdup(report_guest_name(&rep->guests[0], name, sizeof(name)));
    }
    return xasprintf(P_("%zu guest", "%zu guests", n), n);
}

const char *report_host_label(const struct report *rep)
{
    const struct host *h = rep->host;
    if (!h)
        return _("no host facts");
    if (h->hostname && *h->hostname)
        return h->hostname;
    return h->source && *h->source ? h->source : _("unknown host");
}

int report_fleet_percent(const struct report *rep)
{
    const struct host *h = rep->host;
    if (!h || !h->memory_known || !h->memory_kib || rep->fleet.limit_overflow)
        return -1;
    double pct = (double)rep->fleet.limit_kib * 100.0 / (double)h->memory_kib;
    return pct > 1e6 ? 1000000 : (int)(pct + 0.5);
}

void report_free(struct report *rep)
{
    for (size_t i = 0; i < rep->n; i++)
        report_guest_free(&rep->guests[i]);
    free(rep->guests);
    for (size_t i = 0; i < rep->nerrors; i++) {
        free(rep->errors[i].source);
        free(rep->errors[i].message);
    }
    free(rep->errors);
    free(rep->members);
    free(rep->fleet_guests);
    for (size_t i = 0; i < rep->nguest_checks; i++)
        check_list_free(&rep->guest_checks[i].checks);
    free(rep->guest_checks);
    pool_free(&rep->pool);
    report_stream_free(rep->stream);
    msg_list_free(&rep->fleet.warnings);
    check_list_free(&rep->fleet.checks);
    capacity_host_free(&rep->caps);
    memset(rep, 0, sizeof(*rep));
}

void report_limit_human(const struct memlock_result *r, char *buf, size_t len)
{
    switch (r->kind) {
    case MEMLOCK_UNLIMITED: snprintf(buf, len, "%s", _("unlimited")); break;
    case MEMLOCK_NONE: snprintf(buf, len, "%s", _("none (0)")); break;
    case MEMLOCK_BYTES: size_format_kib(r->limit_kib, buf, len); break;
    }
}

/* Its <name>, else the file, else "unnamed guest". */
static const char *display_name(const char *name, const char *source, char *buf, size_t len)
{
    if (name && *name)
        return name;
    if (source)
        return source;
    if (!buf)
        return _("unnamed guest");
    snprintf(buf, len, "%s", _("unnamed guest"));
    return buf;
}

const char *report_guest_name(const struct report_guest *rg, char *buf, size_t len)
{
    return display_name(rg->guest->name, rg->source, buf, len);
}

const char *report_member_name(const struct report *rep, size_t i)
{
    return rep->fleet_guests[i].name;
}

void report_write(FILE *out, const struct report *rep, enum report_format f)
{
    switch (f) {
    case REPORT_TEXT: report_render_text(out, rep); break;
    case REPORT_MD: report_render_md(out, rep); break;
    case REPORT_JSON: report_render_json(out, rep); break;
    case REPORT_HTML: report_render_html(out, rep); break;
    }
}

struct fill_ctx {
    const struct report *rep;
    enum report_format f;
};

/* A stream whose parts could not be kept or read back: nothing (more) to write. */
static int stream_failed(const struct report *rep, struct mp_error *err)
{
    int e = report_stream_failed(rep);
    if (!e)
        return 0;
    return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write the report: %s"), strerror(e));
}

static int fill(FILE *out, void *ctx, struct mp_error *err)
{
    const struct fill_ctx *c = ctx;
    report_write(out, c->rep, c->f);
    return stream_failed(c->rep, err);
}

int report_write_file(const struct report *rep, enum report_format f, const char *path,
                      struct mp_error *err)
{
    if (stream_failed(rep, err) < 0)
        return -1;
    if (path && strcmp(path, "-")) {
        struct fill_ctx c = { rep, f };
        return atomic_file_write(path, fill, &c, err);
    }
    errno = 0;
    report_write(stdout, rep, f);
    if (stream_failed(rep, err) < 0)
        return -1;
    if (fflush(stdout) != 0 || ferror(stdout))
        return mp_error_set(err, MP_ERR_INTERNAL, _("cannot write the report: %s"),
                            strerror(errno ? errno : EIO));
    return 0;
}

int report_write_guests(const struct host *h, const struct profile *p,
                        const struct guest *const *guests, const char *const *sources,
                        size_t n, enum report_format f, const char *path,
                        struct mp_error *err)
{
    struct report rep;
    report_init(&rep, h, p);
    for (size_t i = 0; i < n; i++)
        if (report_add_guest(&rep, guest_dup(guests[i]), sources ? sources[i] : NULL, err) < 0) {
            report_free(&rep);
            return -1;
        }
    report_finish(&rep);
    int rc = report_write_file(&rep, f, path, err);
    report_free(&rep);
    return rc;
}
