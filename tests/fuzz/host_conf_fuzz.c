/* libFuzzer target: the host configuration parsers (probe/host_conf.h:
 * qemu.conf's user, pam_limits memlock lines, systemd LimitMEMLOCK=), the
 * pci.ids excerpt (probe/pci_names.h) and a report's format from a file
 * name (core/report_path.h), over the same bytes. The input sits in an
 * exact-size allocation so that any read past it is caught. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_conf.h"
#include "pci_names.h"
#include "report_path.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void limit(const struct host_conf_limit *l, void *ctx)
{
    (void)ctx;
    if (strnlen(l->domain, sizeof(l->domain)) == sizeof(l->domain) ||
        strnlen(l->value, sizeof(l->value)) == sizeof(l->value))
        abort(); /* always terminated */
    if (strcmp(l->domain, "qemu") && strcmp(l->domain, "*"))
        abort(); /* only the asked user's lines */
}

static void unit(const char *value, void *ctx)
{
    (void)ctx;
    if (strlen(value) >= 1024)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    if (!buf)
        abort();
    memcpy(buf, data, size);
    char user[32];
    if (host_conf_qemu_user(buf, size, user, sizeof(user)) && (!*user || strchr(user, '"')))
        abort();
    host_conf_limits(buf, size, "qemu", limit, NULL);
    host_conf_unit_memlock(buf, size, unit, NULL);

    static const uint32_t ids[] = { 0x10de1db1, 0x15b3101d, 0x80861593, 0x8086ffff };
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    if (!f)
        abort();
    pci_ids_excerpt(buf, size, ids, 4, f);
    fclose(f);
    if (outlen > size)
        abort(); /* an excerpt, never more */
    free(out);

    char *path = malloc(size + 1);
    if (!path)
        abort();
    memcpy(path, data, size);
    path[size] = '\0';
    enum report_format fmt = REPORT_TEXT;
    if (report_format_for_path(path, &fmt) == REPORT_PATH_KNOWN && fmt > REPORT_HTML)
        abort();
    free(path);
    free(buf);
    return 0;
}
