#include "config.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "complete.h"
#include "pciaddr.h"

/* Shortens `common` to its shared prefix with `s` (case-insensitive for
 * addresses: `fold`). */
static void share(char *common, const char *s, bool fold)
{
    size_t i = 0;
    while (common[i] && s[i] &&
           (fold ? (common[i] | 0x20) == (s[i] | 0x20) : common[i] == s[i]))
        i++;
    common[i] = '\0';
}

size_t complete_path(char *buf, size_t cap)
{
    char dir[4096];
    const char *slash = strrchr(buf, '/');
    const char *base = slash ? slash + 1 : buf;
    if (slash)
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - buf + 1), buf);
    else
        snprintf(dir, sizeof(dir), "./");
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t n = 0, blen = strlen(base);
    char common[1024] = "";
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, base, blen) || !strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (e->d_name[0] == '.' && base[0] != '.')
            continue;
        if (!n++)
            snprintf(common, sizeof(common), "%s", e->d_name);
        else
            share(common, e->d_name, false);
    }
    closedir(d);
    if (!n)
        return 0;
    size_t keep = (size_t)(base - buf);
    snprintf(buf + keep, cap - keep, "%s", common);
    if (n == 1) {
        /* A folder: its '/', so the next Tab looks inside. */
        struct stat st;
        if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode) && strlen(buf) + 1 < cap)
            strcat(buf, "/");
    }
    return n;
}

size_t complete_pci(const struct host *h, char *buf, size_t cap)
{
    size_t n = 0, blen = strlen(buf);
    char common[PCI_ADDR_STRLEN] = "";
    for (size_t i = 0; h && i < h->ndevices; i++) {
        char a[PCI_ADDR_STRLEN];
        pci_addr_format(&h->devices[i].addr, a);
        if (strncasecmp(a, buf, blen))
            continue;
        if (!n++)
            snprintf(common, sizeof(common), "%s", a);
        else
            share(common, a, true);
    }
    if (n && strlen(common) >= blen)
        snprintf(buf, cap, "%s", common);
    return n;
}
