/* libFuzzer target: the libvirt domain XML loader and the calculation behind it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "guest_xml.h"
#include "memlock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mp_error err = { 0 };
    struct guest *g = guest_xml_load_memory((const char *)data, size, "fuzz.xml", &err);
    if (!g) {
        if (err.kind == MP_ERR_NONE)
            abort(); /* a failure must say why */
        return 0;
    }
    struct memlock_result r;
    if (memlock_compute(g, NULL, NULL, &r, &err) == 0) {
        uint64_t sum = 0;
        for (size_t i = 0; i < r.nterms; i++)
            sum += r.terms[i].kib;
        if (r.kind == MEMLOCK_BYTES && sum != r.limit_kib)
            abort(); /* the terms add up to the limit */
        memlock_result_free(&r);
    }
    guest_free(g);
    return 0;
}
