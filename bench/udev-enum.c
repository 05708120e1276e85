/* libudev's enumerator alone over the pci subsystem, as a libudev-based
 * probe would list devices before reading a single attribute. probe-bench.sh
 * times it next to the probe and lspci: the figure behind listing
 * /sys/bus/pci/devices directly (probe/probe_udev.c). Prints the count. */
#include "config.h"

#include <libudev.h>
#include <stdio.h>

int main(void)
{
    struct udev *udev = udev_new();
    struct udev_enumerate *e = udev ? udev_enumerate_new(udev) : NULL;
    if (!e || udev_enumerate_add_match_subsystem(e, "pci") < 0 ||
        udev_enumerate_scan_devices(e) < 0) {
        fputs("udev-enum: cannot enumerate the pci subsystem\n", stderr);
        return 1;
    }
    unsigned n = 0;
    struct udev_list_entry *l;
    udev_list_entry_foreach(l, udev_enumerate_get_list_entry(e))
        n++;
    printf("%u\n", n);
    udev_enumerate_unref(e);
    udev_unref(udev);
    return 0;
}
