#include "config.h"

#include <string.h>

#include "hex.h"
#include "pci_uevent.h"

/* 1..`maxd` hex digits, the whole of [s, s+n), into *out. */
static bool hex_n(const char *s, size_t n, size_t maxd, uint32_t *out)
{
    uint64_t v;
    if (!hex_parse_n(s, n, (int)maxd, &v))
        return false;
    *out = (uint32_t)v;
    return true;
}

/* "VVVV:DDDD" as the kernel prints it (%04X:%04X). */
static bool id_pair(const char *v, size_t n, uint16_t *a, uint16_t *b)
{
    const char *colon = memchr(v, ':', n);
    uint32_t x, y;
    if (!colon || !hex_n(v, (size_t)(colon - v), 4, &x) ||
        !hex_n(colon + 1, n - (size_t)(colon - v) - 1, 4, &y))
        return false;
    *a = (uint16_t)x;
    *b = (uint16_t)y;
    return true;
}

static bool plain_name(const char *v, size_t n)
{
    if (n == 0 || n > PCI_UEVENT_DRIVER_MAX)
        return false;
    if ((n == 1 && v[0] == '.') || (n == 2 && v[0] == '.' && v[1] == '.'))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)v[i] <= 0x20 || (unsigned char)v[i] >= 0x7f || v[i] == '/')
            return false;
    return true;
}

static bool key_is(const char *k, size_t kn, const char *want)
{
    return kn == strlen(want) && !memcmp(k, want, kn);
}

static void line(const char *s, size_t n, struct pci_uevent *u)
{
    const char *eq = memchr(s, '=', n);
    if (!eq)
        return;
    size_t kn = (size_t)(eq - s), vn = n - kn - 1;
    const char *v = eq + 1;
    if (key_is(s, kn, "PCI_ID")) {
        u->has_id = id_pair(v, vn, &u->vendor, &u->device);
    } else if (key_is(s, kn, "PCI_SUBSYS_ID")) {
        u->has_subsys = id_pair(v, vn, &u->subsystem_vendor, &u->subsystem_device);
    } else if (key_is(s, kn, "PCI_CLASS")) {
        uint32_t c;
        u->has_class = hex_n(v, vn, 6, &c);
        if (u->has_class)
            u->class_code = c;
    } else if (key_is(s, kn, "DRIVER")) {
        if (plain_name(v, vn)) {
            memcpy(u->driver, v, vn);
            u->driver[vn] = '\0';
            u->driver_state = PCI_UEVENT_DRIVER;
        } else {
            u->driver[0] = '\0';
            u->driver_state = PCI_UEVENT_BAD_DRIVER;
        }
    }
}

void pci_uevent_parse(const char *buf, size_t len, struct pci_uevent *out)
{
    memset(out, 0, sizeof(*out));
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
        /* A NUL inside a line makes it something other than a uevent line. */
        if (!memchr(buf + i, '\0', n))
            line(buf + i, n, out);
        i += n + 1;
    }
}

bool pci_uevent_complete(const struct pci_uevent *u)
{
    return u->has_id && u->has_subsys && u->has_class;
}
