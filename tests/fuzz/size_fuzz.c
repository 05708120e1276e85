/* libFuzzer target: the size and unit parsers and --headroom. Input: "VALUE\0UNIT". */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "headroom.h"
#include "size.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 2);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = buf[size + 1] = '\0';
    const char *value = buf, *unit = buf + strlen(buf) + 1;
    if (unit > buf + size)
        unit = NULL;
    uint64_t kib = 0;
    if (size_parse_libvirt(value, unit, &kib) == SIZE_OK) {
        /* Whatever parses fits: at most LLONG_MAX bytes, rounded up to KiB. */
        uint64_t bytes;
        if (!size_kib_to_bytes(kib, &bytes) || bytes > SIZE_MAX_BYTES + 1)
            abort();
    }
    if (size_parse_user(value, 1024, &kib) == SIZE_OK) {
        char out[64];
        size_format_kib(kib, out, sizeof(out));
        size_format_grouped(kib, ",", out, sizeof(out));
    }
    /* --headroom: whatever parses adds to any figure without wrapping. */
    struct headroom hr;
    if (headroom_parse(value, &hr, NULL) == 0) {
        uint64_t room, total;
        if (hr.percent && hr.pct > HEADROOM_MAX_PERCENT)
            abort();
        if (headroom_apply(&hr, kib, &room, &total) && total < kib)
            abort();
    }
    free(buf);
    return 0;
}
