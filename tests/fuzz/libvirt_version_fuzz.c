/* libFuzzer target: libvirt release numbers (--libvirt, a snapshot's
 * <libvirt>, a daemon's --version line), the step they select, and the
 * release a program's ELF file needs (probe/libvirt_elf.c). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libvirt_elf.h"
#include "probe_libvirt.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    struct libvirt_version v;
    if (profile_parse_version(buf, &v)) {
        /* What parses formats back to itself and selects a step, or none
         * (older than the oldest), never out of the table. */
        char again[32];
        profile_version_format(&v, again, sizeof(again));
        struct libvirt_version w;
        if (!profile_parse_version(again, &w) || w.major != v.major || w.minor != v.minor
            || w.micro != v.micro)
            abort();
        bool beyond;
        const struct profile *p = profile_select(&v, &beyond);
        if (p && (p < profiles || p >= profiles + nprofiles))
            abort();
    }
    char release[24];
    if (probe_libvirt_parse_version_line(buf, release, sizeof(release))
        && strlen(release) >= sizeof(release))
        abort();
    if (libvirt_elf_release(data, size, release, sizeof(release))
        && (strlen(release) >= sizeof(release) || !strchr(release, '.')))
        abort();
    struct profile_choice c;
    profile_choose(buf, "fuzz", &c, NULL);
    free(buf);
    return 0;
}
