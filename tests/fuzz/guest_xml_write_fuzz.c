/* libFuzzer target: the guest writer (core/guest_xml_write.c). Every guest
 * that loads is edited the ways the planner edits it and written back into
 * its own bytes; the result must read back with exactly those edits. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "guest_xml.h"
#include "guest_xml_write.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct mp_error err = { 0 };
    const char *buf = (const char *)data;
    struct guest *g = guest_xml_load_memory(buf, size, "fuzz.xml", &err);
    if (!g)
        return 0;
    /* The planner's edits, chosen by the input's length. */
    if (g->memory_kib && g->memory_kib < UINT64_MAX / 4)
        g->memory_kib *= 2;
    g->locked = !g->locked;
    g->has_hard_limit = size & 1;
    g->hard_limit_kib = g->has_hard_limit ? 1048576 + size : 0;
    if (size & 2) {
        g->max_memory_kib = g->memory_kib ? g->memory_kib * 2 : 8388608;
        g->max_memory_slots = 16;
    }
    if (g->nhostdevs && (size & 4))
        guest_remove_hostdev(g, 0);
    struct pci_addr add = { (uint32_t)(size & 0xffff), 1, 2, 3 };
    if (guest_find_pci_hostdev(g, &add) < 0)
        guest_add_hostdev(g, GUEST_HOSTDEV_PCI)->host = add;
    size_t len = 0;
    char *out = guest_xml_update(buf, size, "fuzz.xml", g, &len, &err);
    if (!out) {
        if (err.kind == MP_ERR_NONE)
            abort(); /* a refusal must say why */
        guest_free(g);
        return 0;
    }
    struct guest *back = guest_xml_load_memory(out, len, "fuzz.xml", &err);
    if (!back || back->locked != g->locked || back->has_hard_limit != g->has_hard_limit ||
        back->hard_limit_kib != g->hard_limit_kib || back->memory_kib != g->memory_kib ||
        back->max_memory_kib != g->max_memory_kib ||
        guest_find_pci_hostdev(back, &add) < 0 || back->nhostdevs != g->nhostdevs)
        abort(); /* written, but not what the planner showed */
    guest_free(back);
    free(out);
    guest_free(g);
    return 0;
}
