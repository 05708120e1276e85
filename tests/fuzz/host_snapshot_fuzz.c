/* libFuzzer target: the host snapshot loader. Whatever loads must write
 * back as a snapshot that loads again, and writing that second host gives
 * the same bytes (the writer's output is the reader's fixpoint). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host_snapshot.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *write_mem(const struct host *h, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    struct mp_error err = { 0 };
    if (!f || host_snapshot_write(f, h, &err) != 0)
        abort();
    fclose(f);
    return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mp_error err = { 0 };
    struct host *h = host_snapshot_load_memory((const char *)data, size, "fuzz.xml", &err);
    if (!h) {
        if (err.kind == MP_ERR_NONE)
            abort(); /* a failure must say why */
        return 0;
    }
    size_t len1, len2;
    char *out1 = write_mem(h, &len1);
    struct mp_error err2 = { 0 };
    struct host *h2 = host_snapshot_load_memory(out1, len1, "fuzz.xml", &err2);
    if (!h2 || h2->ndevices != h->ndevices)
        abort(); /* what we write, we read */
    char *out2 = write_mem(h2, &len2);
    if (len1 != len2 || memcmp(out1, out2, len1))
        abort();
    free(out1);
    free(out2);
    host_free(h2);
    host_free(h);
    return 0;
}
