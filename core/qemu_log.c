#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qemu_cmdline.h"
#include "qemu_log.h"
#include "xalloc.h"

struct qemu_log {
    /* The line being gathered. */
    char *line;
    size_t len, cap;
    bool line_cut;
    unsigned long lineno, lines_cut;

    struct log_start cur;      /* the start being read, whole */
    bool have_cur;
    bool in_cmdline;           /* gathering " \"-continued command line lines */

    struct log_start best;     /* the start to explain so far, whole */
    bool have_best;

    struct log_start *list;    /* summaries of every start */
    size_t nlist, listcap;
    unsigned long unlisted;
};

const char *log_cause_id(enum log_cause c)
{
    switch (c) {
    case LOG_CAUSE_LIMIT_TOO_LOW: return "limit_too_low";
    case LOG_CAUSE_CANNOT_SET_LIMIT: return "cannot_set_limit";
    case LOG_CAUSE_NOT_MEMLOCK: return "not_memlock";
    case LOG_CAUSE_NONE: break;
    }
    return "none";
}

const char *log_layer_id(enum log_layer l)
{
    switch (l) {
    case LOG_LAYER_SPAPR_WINDOW: return "spapr_window";
    case LOG_LAYER_SPAPR_PREREG: return "spapr_preregistration";
    case LOG_LAYER_VFIO_TYPE1: return "vfio_type1";
    case LOG_LAYER_IOMMUFD: return "iommufd";
    case LOG_LAYER_KERNEL_RLIMIT: return "kernel_rlimit";
    case LOG_LAYER_QEMU_MLOCK: return "qemu_mlock";
    case LOG_LAYER_LIBVIRT_SETLIMIT: return "libvirt_setlimit";
    case LOG_LAYER_OTHER: return "other";
    case LOG_LAYER_NONE: break;
    }
    return "none";
}

const char *log_other_id(enum log_other o)
{
    switch (o) {
    case LOG_OTHER_FILE_MISSING: return "file_missing";
    case LOG_OTHER_VFIO_PERMISSION: return "vfio_permission";
    case LOG_OTHER_DEVICE_BUSY: return "device_busy";
    case LOG_OTHER_GROUP_NOT_VIABLE: return "group_not_viable";
    case LOG_OTHER_WINDOW_REFUSED: return "window_refused";
    case LOG_OTHER_MAP_REFUSED: return "dma_map_refused";
    case LOG_OTHER_ERROR: return "error";
    case LOG_OTHER_NONE: break;
    }
    return "none";
}

const char *log_layer_text(enum log_layer l)
{
    switch (l) {
    case LOG_LAYER_SPAPR_WINDOW:
        return _("QEMU creating a sPAPR DMA window for VFIO (VFIO_IOMMU_SPAPR_TCE_CREATE)");
    case LOG_LAYER_SPAPR_PREREG:
        return _("QEMU pre-registering guest RAM for sPAPR VFIO "
                 "(VFIO_IOMMU_SPAPR_REGISTER_MEMORY)");
    case LOG_LAYER_VFIO_TYPE1:
        return _("QEMU mapping guest RAM for VFIO type1 DMA (VFIO_IOMMU_MAP_DMA)");
    case LOG_LAYER_IOMMUFD:
        return _("QEMU mapping guest RAM through iommufd (IOMMU_IOAS_MAP)");
    case LOG_LAYER_KERNEL_RLIMIT:
        return _("the kernel's RLIMIT_MEMLOCK check while pinning guest pages for VFIO");
    case LOG_LAYER_QEMU_MLOCK:
        return _("QEMU locking all of its memory (mlockall, -overcommit mem-lock=on)");
    case LOG_LAYER_LIBVIRT_SETLIMIT:
        return _("libvirt setting RLIMIT_MEMLOCK on the QEMU process (virProcessSetMaxMemLock)");
    case LOG_LAYER_OTHER:
        return _("not a memory-locking failure");
    case LOG_LAYER_NONE: break;
    }
    return _("nothing failed");
}

const char *log_other_text(enum log_other o)
{
    switch (o) {
    case LOG_OTHER_FILE_MISSING: return _("a disk image or other file is missing");
    case LOG_OTHER_VFIO_PERMISSION:
        return _("QEMU may not open the VFIO group device /dev/vfio/N (permissions, "
                 "cgroup device list or SELinux/AppArmor label)");
    case LOG_OTHER_DEVICE_BUSY:
        return _("a device is in use (by a host driver or another guest)");
    case LOG_OTHER_GROUP_NOT_VIABLE:
        return _("an IOMMU group is not viable: some of its devices are not bound to vfio-pci");
    case LOG_OTHER_WINDOW_REFUSED:
        return _("the host refused a DMA window for a reason other than memory "
                 "(page size or window size)");
    case LOG_OTHER_MAP_REFUSED:
        return _("the host refused a DMA mapping for a reason other than memory (an address "
                 "range its IOMMU cannot map, such as a reserved region)");
    case LOG_OTHER_ERROR: return _("another error");
    case LOG_OTHER_NONE: break;
    }
    return "";
}

static bool has(const char *line, const char *s)
{
    return strstr(line, s) != NULL;
}

static bool enomem(const char *line)
{
    return has(line, "Cannot allocate memory") || has(line, "= -12") || has(line, "ret = -12")
           || has(line, "-ENOMEM") || has(line, ": -12");
}

/* The decimal number right after `after` (first occurrence from the end). */
static bool number_after(const char *line, const char *after, uint64_t *v)
{
    const char *p = NULL;
    for (const char *q = strstr(line, after); q; q = strstr(q + 1, after))
        p = q;
    if (!p)
        return false;
    p += strlen(after);
    if (!isdigit((unsigned char)*p))
        return false;
    uint64_t n = 0;
    for (; isdigit((unsigned char)*p); p++) {
        if (n > (UINT64_MAX - 9) / 10)
            return false;
        n = n * 10 + (uint64_t)(*p - '0');
    }
    *v = n;
    return true;
}

/* Every pattern below holds one of these: a line without any is no failure.
 * Most log lines are skipped after these few searches. */
static bool may_be_failure(const char *line)
{
    static const char *const anchors[] = {
        "emory", "MEMLOCK", "ailed", "rror", "viable", "busy", "VFIO_MAP_DMA", "/dev/vfio/",
        "Could not",
    };
    for (size_t i = 0; i < sizeof(anchors) / sizeof(anchors[0]); i++)
        if (strstr(line, anchors[i]))
            return true;
    return false;
}

void qemu_log_classify_line(const char *line, struct log_failure *out)
{
    memset(out, 0, sizeof(*out));
    if (!may_be_failure(line))
        return;
    uint64_t v;
    if (has(line, "cannot limit locked memory")) {
        /* virProcessSetMaxMemLock: "cannot limit locked memory of process PID
         * to BYTES" (older: "... to BYTES" without the process). */
        out->cause = LOG_CAUSE_CANNOT_SET_LIMIT;
        out->layer = LOG_LAYER_LIBVIRT_SETLIMIT;
        out->has_limit = number_after(line, " to ", &out->limit_bytes);
        out->errno_eperm = has(line, "Operation not permitted");
        return;
    }
    if (has(line, "RLIMIT_MEMLOCK (") && has(line, "exceeded")) {
        /* vfio_pin_pages_remote: "RLIMIT_MEMLOCK (%ld) exceeded", in bytes. */
        out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
        out->layer = LOG_LAYER_KERNEL_RLIMIT;
        out->has_limit = number_after(line, "RLIMIT_MEMLOCK (", &v);
        out->limit_bytes = v;
        return;
    }
    if (has(line, "Memory registering failed")) {
        out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
        out->layer = LOG_LAYER_SPAPR_PREREG;
        return;
    }
    if (has(line, "Failed to create a window") || has(line, "Failed to create SPAPR window")
        || has(line, "Failed to create a DMA window")) {
        if (enomem(line)) {
            out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
            out->layer = LOG_LAYER_SPAPR_WINDOW;
        } else {
            out->cause = LOG_CAUSE_NOT_MEMLOCK;
            out->layer = LOG_LAYER_OTHER;
            out->other = LOG_OTHER_WINDOW_REFUSED;
        }
        return;
    }
    if (has(line, "IOMMU_IOAS_MAP") && enomem(line)) {
        out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
        out->layer = LOG_LAYER_IOMMUFD;
        return;
    }
    if (has(line, "vfio_dma_map") || has(line, "vfio_container_dma_map")
        || has(line, "VFIO_MAP_DMA") || has(line, "failed to setup container")) {
        if (enomem(line)) {
            out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
            out->layer = LOG_LAYER_VFIO_TYPE1;
            return;
        }
        if (has(line, "= -") || has(line, ": -")) {
            /* -22 (Invalid argument) and the like: refused, not out of memory. */
            out->cause = LOG_CAUSE_NOT_MEMLOCK;
            out->layer = LOG_LAYER_OTHER;
            out->other = LOG_OTHER_MAP_REFUSED;
            return;
        }
    }
    if ((has(line, "mlockall") || has(line, "locking memory failed")) && !has(line, "munlock")) {
        out->cause = LOG_CAUSE_LIMIT_TOO_LOW;
        out->layer = LOG_LAYER_QEMU_MLOCK;
        return;
    }
    /* Other failures that stop a start. */
    enum log_other o = LOG_OTHER_NONE;
    if (has(line, "group") && has(line, "is not viable"))
        o = LOG_OTHER_GROUP_NOT_VIABLE;
    else if (has(line, "/dev/vfio/") && (has(line, "Permission denied")
                                         || has(line, "Operation not permitted")))
        o = LOG_OTHER_VFIO_PERMISSION;
    else if (has(line, "Device or resource busy"))
        o = LOG_OTHER_DEVICE_BUSY;
    else if (has(line, "Could not open") && has(line, "No such file or directory"))
        o = LOG_OTHER_FILE_MISSING;
    else if (has(line, "error: ") || has(line, "internal error")
             || (has(line, "qemu-system-") && has(line, ": ") && !has(line, " -")
                 && (has(line, "failed") || has(line, "Failed") || has(line, "error"))))
        o = LOG_OTHER_ERROR;
    if (o != LOG_OTHER_NONE) {
        out->cause = LOG_CAUSE_NOT_MEMLOCK;
        out->layer = LOG_LAYER_OTHER;
        out->other = o;
    }
}

static bool is_memlock(enum log_cause c)
{
    return c == LOG_CAUSE_LIMIT_TOO_LOW || c == LOG_CAUSE_CANNOT_SET_LIMIT;
}

static void start_clear(struct log_start *s)
{
    free(s->libvirt_version);
    free(s->qemu_version);
    free(s->kernel);
    free(s->cmdline);
    free(s->failure.line);
    memset(s, 0, sizeof(*s));
}

static char *dup_str(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* A copy without the command line (the list keeps summaries). */
static struct log_start start_summary(const struct log_start *s)
{
    struct log_start c = *s;
    c.libvirt_version = dup_str(s->libvirt_version);
    c.qemu_version = dup_str(s->qemu_version);
    c.kernel = dup_str(s->kernel);
    c.cmdline = NULL;
    c.cmdline_len = 0;
    c.failure.line = dup_str(s->failure.line);
    return c;
}

/* The start just ended: listed, and kept whole when it is the better one to
 * explain (a memory-locking failure beats another failure beats none; the
 * later beats the earlier). */
static void close_start(struct qemu_log *log)
{
    if (!log->have_cur)
        return;
    struct log_start *s = &log->cur;
    if (s->shutdown_failed && s->failure.cause == LOG_CAUSE_NONE)
        s->failure.cause = LOG_CAUSE_NOT_MEMLOCK, s->failure.layer = LOG_LAYER_OTHER,
        s->failure.other = LOG_OTHER_ERROR;
    if (log->nlist < QEMU_LOG_MAX_STARTS) {
        XGROW(log->list, log->listcap, log->nlist + 1);
        log->list[log->nlist++] = start_summary(s);
    } else {
        log->unlisted++;
    }
    int rank = is_memlock(s->failure.cause) ? 2 : s->failure.cause != LOG_CAUSE_NONE ? 1 : 0;
    int best = !log->have_best                           ? -1
               : is_memlock(log->best.failure.cause)     ? 2
               : log->best.failure.cause != LOG_CAUSE_NONE ? 1
                                                         : 0;
    if (rank >= best) {
        start_clear(&log->best);
        log->best = *s;
        log->have_best = true;
    } else {
        start_clear(s);
    }
    memset(&log->cur, 0, sizeof(log->cur));
    log->have_cur = false;
    log->in_cmdline = false;
}

static void open_start(struct qemu_log *log, bool banner)
{
    close_start(log);
    log->have_cur = true;
    log->cur.lineno = log->lineno;
    log->cur.has_banner = banner;
}

/* "libvirt version: 9.0.0, package: ..." -> "9.0.0" */
static char *field_after(const char *line, const char *key)
{
    const char *p = strstr(line, key);
    if (!p)
        return NULL;
    p += strlen(key);
    size_t n = 0;
    while (p[n] && p[n] != ',' && p[n] != ' ' && n < 64)
        n++;
    return n ? xstrndup(p, n) : NULL;
}

static void cmdline_append(struct qemu_log *log, const char *line, size_t len)
{
    struct log_start *s = &log->cur;
    if (s->cmdline_len + len + 1 > QEMU_LOG_MAX_LINE) {
        s->cmdline_cut = true;
        return;
    }
    s->cmdline = xreallocarray(s->cmdline, s->cmdline_len + len + 2, 1);
    memcpy(s->cmdline + s->cmdline_len, line, len);
    s->cmdline_len += len;
    s->cmdline[s->cmdline_len++] = '\n';
    s->cmdline[s->cmdline_len] = '\0';
}

static bool ends_with_backslash(const char *line, size_t len)
{
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    return len && line[len - 1] == '\\';
}

static bool starts_with_env_or_binary(const char *line)
{
    while (*line == ' ')
        line++;
    if (qemu_cmdline_starts(line))
        return true;
    /* libvirt 5.x and later: "LC_ALL=C \" alone on the first line. */
    const char *eq = strchr(line, '=');
    const char *sp = strchr(line, ' ');
    if (!eq || (sp && sp < eq) || !(isupper((unsigned char)*line) || *line == '_'))
        return false;
    for (const char *p = line; p < eq; p++)
        if (!isupper((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_')
            return false;
    return ends_with_backslash(line, strlen(line));
}

static void take_line(struct qemu_log *log, char *line, size_t len)
{
    log->lineno++;
    if (len && line[len - 1] == '\r')
        line[--len] = '\0';
    /* NUL bytes inside a line would end it early for the string functions. */
    for (char *z = memchr(line, '\0', len); z; z = memchr(z, '\0', len - (size_t)(z - line)))
        *z = '?';
    if (log->line_cut) {
        log->lines_cut++;
        log->line_cut = false;
    }
    if (strstr(line, "starting up")
        && (strstr(line, "libvirt version:") || strstr(line, "starting up libvirt"))) {
        open_start(log, true);
        log->cur.libvirt_version = field_after(line, "libvirt version: ");
        log->cur.qemu_version = field_after(line, "qemu version: ");
        log->cur.kernel = field_after(line, "kernel: ");
        return;
    }
    if (!log->have_cur)
        open_start(log, false);
    struct log_start *s = &log->cur;
    if (log->in_cmdline) {
        cmdline_append(log, line, len);
        log->in_cmdline = ends_with_backslash(line, len);
        return;
    }
    if (!s->cmdline && starts_with_env_or_binary(line)) {
        s->cmdline_lineno = log->lineno;
        cmdline_append(log, line, len);
        log->in_cmdline = ends_with_backslash(line, len);
        return;
    }
    if (strstr(line, "shutting down, reason=failed")) {
        s->shutdown_failed = true;
        return;
    }
    struct log_failure f;
    qemu_log_classify_line(line, &f);
    if (f.cause == LOG_CAUSE_NONE)
        return;
    /* The first memory-locking line is the cause; a later line that states
     * the limit lends it its number. Another failure is kept only until a
     * memory-locking one shows up. */
    bool have = s->failure.cause != LOG_CAUSE_NONE;
    if (!have || (!is_memlock(s->failure.cause) && is_memlock(f.cause))) {
        free(s->failure.line);
        s->failure = f;
        s->failure.line = xstrndup(line, len);
        s->failure.lineno = log->lineno;
    } else if (is_memlock(s->failure.cause) && is_memlock(f.cause) && f.has_limit
               && !s->failure.has_limit) {
        s->failure.has_limit = true;
        s->failure.limit_bytes = f.limit_bytes;
    }
}

struct qemu_log *qemu_log_new(void)
{
    return xcalloc(1, sizeof(struct qemu_log));
}

void qemu_log_feed(struct qemu_log *log, const char *buf, size_t len)
{
    while (len) {
        const char *nl = memchr(buf, '\n', len);
        size_t n = nl ? (size_t)(nl - buf) : len;
        size_t room = QEMU_LOG_MAX_LINE - log->len;
        size_t keep = n < room ? n : room;
        if (keep < n)
            log->line_cut = true;
        if (keep) {
            XGROW(log->line, log->cap, log->len + keep + 1);
            memcpy(log->line + log->len, buf, keep);
            log->len += keep;
        }
        if (!nl)
            return;
        XGROW(log->line, log->cap, log->len + 1);
        log->line[log->len] = '\0';
        take_line(log, log->line, log->len);
        log->len = 0;
        buf += n + 1;
        len -= n + 1;
    }
}

void qemu_log_finish(struct qemu_log *log)
{
    if (log->len || log->line_cut) {
        XGROW(log->line, log->cap, log->len + 1);
        log->line[log->len] = '\0';
        take_line(log, log->line, log->len);
        log->len = 0;
    }
    close_start(log);
    free(log->line);
    log->line = NULL;
    log->cap = 0;
}

void qemu_log_free(struct qemu_log *log)
{
    if (!log)
        return;
    free(log->line);
    start_clear(&log->cur);
    start_clear(&log->best);
    for (size_t i = 0; i < log->nlist; i++)
        start_clear(&log->list[i]);
    free(log->list);
    free(log);
}

const struct log_start *qemu_log_chosen(const struct qemu_log *log)
{
    return log->have_best ? &log->best : NULL;
}

size_t qemu_log_nstarts(const struct qemu_log *log)
{
    return log->nlist;
}

const struct log_start *qemu_log_start(const struct qemu_log *log, size_t i)
{
    return i < log->nlist ? &log->list[i] : NULL;
}

unsigned long qemu_log_starts_unlisted(const struct qemu_log *log)
{
    return log->unlisted;
}

unsigned long qemu_log_lines(const struct qemu_log *log)
{
    return log->lineno;
}

unsigned long qemu_log_lines_cut(const struct qemu_log *log)
{
    return log->lines_cut;
}
