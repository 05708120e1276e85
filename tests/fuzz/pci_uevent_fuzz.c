/* libFuzzer target: the PCI uevent parser (probe/pci_uevent.h). The input
 * sits in an exact-size allocation so that any read past it is caught. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pci_uevent.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size ? size : 1);
    if (!buf)
        abort();
    memcpy(buf, data, size);
    struct pci_uevent u;
    pci_uevent_parse(buf, size, &u);
    if (u.has_class && u.class_code > 0xffffff)
        abort();
    size_t n = strnlen(u.driver, sizeof(u.driver));
    if (n == sizeof(u.driver))
        abort(); /* always terminated */
    if (u.driver_state == PCI_UEVENT_DRIVER) {
        if (n == 0 || strchr(u.driver, '/') || !strcmp(u.driver, "..") || !strcmp(u.driver, "."))
            abort(); /* a name that stays inside /sys/bus/pci/drivers */
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)u.driver[i] <= 0x20 || (unsigned char)u.driver[i] >= 0x7f)
                abort();
    } else if (n) {
        abort();
    }
    free(buf);
    return 0;
}
