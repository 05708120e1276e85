#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "qemu_proc.h"
#include "size.h"
#include "text_safe.h"
#include "xalloc.h"

bool qemu_proc_is_qemu(const char *exe)
{
    return exe && (!strncmp(exe, "qemu-system-", 12) || !strncmp(exe, "qemu-kvm", 8));
}

size_t qemu_proc_split_cmdline(char *buf, size_t len, char **argv, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        argv[n++] = buf + i;
        while (i < len && buf[i])
            i++;
        i++;
    }
    return n;
}

/* The first element of a QEMU option value, with ",," unescaped. */
static char *first_element(const char *v)
{
    char *out = xmalloc(strlen(v) + 1), *o = out;
    for (const char *p = v; *p; p++) {
        if (*p == ',') {
            if (p[1] != ',')
                break;
            p++;
        }
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

char *qemu_proc_guest_name(char *const *argv, size_t argc)
{
    for (size_t i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "-name") && strcmp(argv[i], "--name"))
            continue;
        const char *v = argv[i + 1];
        /* "guest=" may be any element; the first element is the name when it has no key. */
        for (const char *p = v; p; ) {
            if (!strncmp(p, "guest=", 6))
                return first_element(p + 6);
            const char *c = p;
            while ((c = strchr(c, ',')) && c[1] == ',')
                c += 2;
            p = c ? c + 1 : NULL;
        }
        char *first = first_element(v);
        if (!strchr(first, '=') && *first)
            return first;
        free(first);
        return NULL;
    }
    return NULL;
}

bool qemu_proc_parse_limits(const char *text, enum host_limit_kind *kind, uint64_t *bytes)
{
    const char *line = strstr(text, "Max locked memory");
    if (!line)
        return false;
    const char *p = line + strlen("Max locked memory");
    while (*p == ' ' || *p == '\t')
        p++;
    if (!strncmp(p, "unlimited", 9)) {
        *kind = HOST_LIMIT_UNLIMITED;
        *bytes = 0;
        return true;
    }
    if (!isdigit((unsigned char)*p))
        return false;
    char *end;
    unsigned long long v = strtoull(p, &end, 10);
    if (end == p)
        return false;
    *kind = HOST_LIMIT_BYTES;
    *bytes = v;
    return true;
}

static bool status_field(const char *text, const char *key, uint64_t *kib)
{
    size_t klen = strlen(key);
    for (const char *line = text; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (strncmp(line, key, klen) || line[klen] != ':')
            continue;
        const char *p = line + klen + 1;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!isdigit((unsigned char)*p))
            return false;
        *kib = strtoull(p, NULL, 10);
        return true;
    }
    return false;
}

void qemu_proc_parse_status(const char *text, struct qemu_process *p)
{
    p->has_vmlck = status_field(text, "VmLck", &p->vmlck_kib);
    p->has_vmpin = status_field(text, "VmPin", &p->vmpin_kib);
}

bool qemu_proc_near_limit(const struct qemu_process *p)
{
    if (!p->readable || p->limit_kind != HOST_LIMIT_BYTES || !p->has_vmlck)
        return false;
    /* Compare in KiB: 10 * locked >= 9 * limit, without overflow for real values. */
    unsigned __int128 locked = (unsigned __int128)p->vmlck_kib * 1024 * 10;
    return locked >= (unsigned __int128)p->limit_bytes * 9;
}

/* Bytes the process may still lock: false when that is not known (not
 * readable, unlimited, no VmLck); *over is set when it locked more than the
 * limit (then *bytes is 0). */
static bool headroom(const struct qemu_process *p, uint64_t *bytes, bool *over)
{
    if (!p->readable || p->limit_kind != HOST_LIMIT_BYTES || !p->has_vmlck)
        return false;
    unsigned __int128 locked = (unsigned __int128)p->vmlck_kib * 1024;
    *over = locked > p->limit_bytes;
    *bytes = *over ? 0 : p->limit_bytes - (uint64_t)locked;
    return true;
}

void qemu_process_free(struct qemu_process *p)
{
    free(p->exe);
    free(p->name);
    p->exe = p->name = NULL;
}

void qemu_proc_format_row(const struct qemu_process *p, struct qemu_proc_row *row)
{
    snprintf(row->pid, sizeof(row->pid), "%ld", (long)p->pid);
    /* The name comes from the process's command line: anyone's text. */
    text_safe_copy(row->name, sizeof(row->name), p->name ? p->name : p->exe ? p->exe : "?");
    snprintf(row->limit, sizeof(row->limit), "?");
    snprintf(row->vmlck, sizeof(row->vmlck), "?");
    snprintf(row->vmpin, sizeof(row->vmpin), "?");
    snprintf(row->headroom, sizeof(row->headroom), "-");
    row->near_limit = false;
    if (!p->readable)
        return;
    if (p->limit_kind == HOST_LIMIT_UNLIMITED)
        snprintf(row->limit, sizeof(row->limit), "%s", _("unlimited"));
    else if (p->limit_kind == HOST_LIMIT_BYTES)
        size_format_bytes(p->limit_bytes, row->limit, sizeof(row->limit));
    if (p->has_vmlck)
        size_format_kib(p->vmlck_kib, row->vmlck, sizeof(row->vmlck));
    if (p->has_vmpin)
        size_format_kib(p->vmpin_kib, row->vmpin, sizeof(row->vmpin));
    uint64_t room;
    bool over;
    if (headroom(p, &room, &over)) {
        if (over)
            snprintf(row->headroom, sizeof(row->headroom), "%s", _("over"));
        else
            size_format_bytes(room, row->headroom, sizeof(row->headroom));
    }
    row->near_limit = qemu_proc_near_limit(p);
}
