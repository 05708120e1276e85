#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pci_names.h"
#include "text_safe.h"
#include "xalloc.h"

/* ---- the excerpt: plain text work, with or without libpci ---- */

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The vendor id of a vendor line "vvvv  Name", or -1. */
static long vendor_of(const char *line, const char *end)
{
    if (end - line < 7 || line[4] != ' ' || line[5] != ' ')
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(line[i]);
        if (h < 0)
            return -1;
        v = v << 4 | h;
    }
    return v;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The device id of a device line "\tdddd  Name", or -1. */
static long device_of(const char *line, const char *end)
{
    return end - line > 1 && line[0] == '\t' && line[1] != '\t' ? vendor_of(line + 1, end) : -1;
}

void pci_ids_excerpt(const char *text, size_t len, const uint32_t *ids, size_t n, FILE *out)
{
    /* ids sorted for bsearch; vendors in a bitmap for the vendor lines. */
    uint32_t *sorted = xcalloc(n ? n : 1, sizeof(*sorted));
    memcpy(sorted, ids, n * sizeof(*ids));
    qsort(sorted, n, sizeof(*sorted), cmp_u32);
    unsigned char want[65536 / 8] = { 0 };
    for (size_t k = 0; k < n; k++)
        want[sorted[k] >> 19] |= (unsigned char)(1u << (sorted[k] >> 16 & 7));
    const char *end = text + len;
    long vendor = -1;
    for (const char *p = text; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *next = nl ? nl + 1 : end;
        if (*p != '\t' && *p != '#' && *p != '\n') {
            if (end - p >= 2 && p[0] == 'C' && p[1] == ' ')
                break;                  /* the class list: no vendor past it */
            long v = vendor_of(p, end);
            vendor = v >= 0 && (want[v >> 3] >> (v & 7) & 1) ? v : -1;
            if (vendor >= 0)
                fwrite(p, 1, (size_t)(next - p), out);
        } else if (vendor >= 0) {
            long d = device_of(p, end);
            uint32_t key = (uint32_t)vendor << 16 | (uint32_t)d;
            if (d >= 0 && bsearch(&key, sorted, n, sizeof(*sorted), cmp_u32))
                fwrite(p, 1, (size_t)(next - p), out);
        }
        p = next;
    }
    free(sorted);
}

#ifdef HAVE_LIBPCI
#include <pci/pci.h>

struct pci_names {
    struct pci_access *pa;
    int fd;                 /* the excerpt handed to libpci, or -1 */
};

/* libpci reports an unreadable pci.ids through a->warning; a missing file
 * just leaves the names numeric, which the caller says by the name source. */
static void quiet(char *msg, ...)
{
    (void)msg;
}

/* An excerpt of `path` for `ids` in an anonymous file; -1 when the file
 * cannot be read as plain text (libpci then reads it itself). */
static int excerpt_fd(const char *path, const uint32_t *ids, size_t n)
{
    int in = open(path, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    struct stat st;
    int fd = -1;
    if (fstat(in, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, in, 0);
        const unsigned char *m = map;
        /* gzip (pci.ids.gz): left to libpci, which inflates it. */
        if (map != MAP_FAILED && !(st.st_size > 2 && m[0] == 0x1f && m[1] == 0x8b)) {
            fd = memfd_create("pci.ids", MFD_CLOEXEC);
            FILE *out = fd >= 0 ? fdopen(dup(fd), "w") : NULL;
            if (out) {
                pci_ids_excerpt(map, (size_t)st.st_size, ids, n, out);
                if (fclose(out) != 0) {
                    close(fd);
                    fd = -1;
                }
            } else if (fd >= 0) {
                close(fd);
                fd = -1;
            }
        }
        if (map != MAP_FAILED)
            munmap(map, (size_t)st.st_size);
    }
    close(in);
    return fd;
}

struct pci_names *pci_names_open(const char *path, const uint32_t *ids, size_t nids)
{
    struct pci_names *n = xcalloc(1, sizeof(*n));
    n->pa = pci_alloc();
    n->pa->warning = quiet;
    /* pci.ids only: udev's hardware database was asked first, and never the
     * network (nor its cache in the home directory). */
    n->pa->id_lookup_mode = PCI_LOOKUP_NO_HWDB;
    const char *file = path ? path : n->pa->id_file_name;
    n->fd = file ? excerpt_fd(file, ids, nids) : -1;
    size_t flen = file ? strlen(file) : 0;
    if (n->fd < 0 && flen > 3 && !strcmp(file + flen - 3, ".gz")) {
        /* libpci's default names pci.ids.gz and falls back to pci.ids. */
        char *plain = xstrdup(file);
        plain[flen - 3] = '\0';
        n->fd = excerpt_fd(plain, ids, nids);
        free(plain);
    }
    if (n->fd >= 0)
        pci_set_name_list_path(n->pa, xasprintf("/proc/self/fd/%d", n->fd), 1);
    else if (path)
        pci_set_name_list_path(n->pa, xstrdup(path), 1);
    return n;
}

void pci_names_close(struct pci_names *n)
{
    if (!n)
        return;
    pci_cleanup(n->pa);
    if (n->fd >= 0)
        close(n->fd);
    free(n);
}

static char *lookup(struct pci_names *n, int flags, uint16_t vendor, uint16_t device)
{
    char buf[256];
    const char *s = pci_lookup_name(n->pa, buf, sizeof(buf), flags | PCI_LOOKUP_NO_NUMBERS,
                                    (int)vendor, (int)device);
    return s ? text_safe_dup(s) : NULL;
}

bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name)
{
    *vendor_name = *device_name = NULL;
    if (!n)
        return false;
    *vendor_name = lookup(n, PCI_LOOKUP_VENDOR, vendor, 0);
    if (*vendor_name)
        *device_name = lookup(n, PCI_LOOKUP_DEVICE, vendor, device);
    return *vendor_name != NULL;
}

#else

struct pci_names *pci_names_open(const char *path, const uint32_t *ids, size_t n)
{
    (void)path;
    (void)ids;
    (void)n;
    return NULL;
}

void pci_names_close(struct pci_names *n)
{
    (void)n;
}

bool pci_names_lookup(struct pci_names *n, uint16_t vendor, uint16_t device, char **vendor_name,
                      char **device_name)
{
    (void)n;
    (void)vendor;
    (void)device;
    *vendor_name = *device_name = NULL;
    return false;
}

#endif
