/* PCI class names as lspci gives them: the class list of pciutils' pci.ids
 * (classes and subclasses; lspci -nn prints the subclass's name, else the
 * class's). Kept here rather than read from pci.ids so they translate. */
#include "config.h"

#include <stddef.h>

#include "host.h"
#include "i18n.h"

struct class_name {
    short cls, sub;             /* sub -1: the class itself */
    const char *name;
};

/* Sorted by (class, subclass), classes before their subclasses. */
static const struct class_name classes[] = {
    { 0x00, -1, N_("Unclassified device") },
    { 0x00, 0x00, N_("Non-VGA unclassified device") },
    { 0x00, 0x01, N_("VGA compatible unclassified device") },
    { 0x00, 0x05, N_("Image coprocessor") },
    { 0x01, -1, N_("Mass storage controller") },
    { 0x01, 0x00, N_("SCSI storage controller") },
    { 0x01, 0x01, N_("IDE interface") },
    { 0x01, 0x02, N_("Floppy disk controller") },
    { 0x01, 0x03, N_("IPI bus controller") },
    { 0x01, 0x04, N_("RAID bus controller") },
    { 0x01, 0x05, N_("ATA controller") },
    { 0x01, 0x06, N_("SATA controller") },
    { 0x01, 0x07, N_("Serial Attached SCSI controller") },
    { 0x01, 0x08, N_("Non-Volatile memory controller") },
    { 0x01, 0x09, N_("Universal Flash Storage controller") },
    { 0x01, 0x80, N_("Mass storage controller") },
    { 0x02, -1, N_("Network controller") },
    { 0x02, 0x00, N_("Ethernet controller") },
    { 0x02, 0x01, N_("Token ring network controller") },
    { 0x02, 0x02, N_("FDDI network controller") },
    { 0x02, 0x03, N_("ATM network controller") },
    { 0x02, 0x04, N_("ISDN controller") },
    { 0x02, 0x05, N_("WorldFip controller") },
    { 0x02, 0x06, N_("PICMG controller") },
    { 0x02, 0x07, N_("Infiniband controller") },
    { 0x02, 0x08, N_("Fabric controller") },
    { 0x02, 0x80, N_("Network controller") },
    { 0x03, -1, N_("Display controller") },
    { 0x03, 0x00, N_("VGA compatible controller") },
    { 0x03, 0x01, N_("XGA compatible controller") },
    { 0x03, 0x02, N_("3D controller") },
    { 0x03, 0x80, N_("Display controller") },
    { 0x04, -1, N_("Multimedia controller") },
    { 0x04, 0x00, N_("Multimedia video controller") },
    { 0x04, 0x01, N_("Multimedia audio controller") },
    { 0x04, 0x02, N_("Computer telephony device") },
    { 0x04, 0x03, N_("Audio device") },
    { 0x04, 0x80, N_("Multimedia controller") },
    { 0x05, -1, N_("Memory controller") },
    { 0x05, 0x00, N_("RAM memory") },
    { 0x05, 0x01, N_("FLASH memory") },
    { 0x05, 0x02, N_("CXL") },
    { 0x05, 0x80, N_("Memory controller") },
    { 0x06, -1, N_("Bridge") },
    { 0x06, 0x00, N_("Host bridge") },
    { 0x06, 0x01, N_("ISA bridge") },
    { 0x06, 0x02, N_("EISA bridge") },
    { 0x06, 0x03, N_("MicroChannel bridge") },
    { 0x06, 0x04, N_("PCI bridge") },
    { 0x06, 0x05, N_("PCMCIA bridge") },
    { 0x06, 0x06, N_("NuBus bridge") },
    { 0x06, 0x07, N_("CardBus bridge") },
    { 0x06, 0x08, N_("RACEway bridge") },
    { 0x06, 0x09, N_("Semi-transparent PCI-to-PCI bridge") },
    { 0x06, 0x0a, N_("InfiniBand to PCI host bridge") },
    { 0x06, 0x80, N_("Bridge") },
    { 0x07, -1, N_("Communication controller") },
    { 0x07, 0x00, N_("Serial controller") },
    { 0x07, 0x01, N_("Parallel controller") },
    { 0x07, 0x02, N_("Multiport serial controller") },
    { 0x07, 0x03, N_("Modem") },
    { 0x07, 0x04, N_("GPIB controller") },
    { 0x07, 0x05, N_("Smard Card controller") },
    { 0x07, 0x80, N_("Communication controller") },
    { 0x08, -1, N_("Generic system peripheral") },
    { 0x08, 0x00, N_("PIC") },
    { 0x08, 0x01, N_("DMA controller") },
    { 0x08, 0x02, N_("Timer") },
    { 0x08, 0x03, N_("RTC") },
    { 0x08, 0x04, N_("PCI Hot-plug controller") },
    { 0x08, 0x05, N_("SD Host controller") },
    { 0x08, 0x06, N_("IOMMU") },
    { 0x08, 0x80, N_("System peripheral") },
    { 0x08, 0x99, N_("Timing Card") },
    { 0x09, -1, N_("Input device controller") },
    { 0x09, 0x00, N_("Keyboard controller") },
    { 0x09, 0x01, N_("Digitizer Pen") },
    { 0x09, 0x02, N_("Mouse controller") },
    { 0x09, 0x03, N_("Scanner controller") },
    { 0x09, 0x04, N_("Gameport controller") },
    { 0x09, 0x80, N_("Input device controller") },
    { 0x0a, -1, N_("Docking station") },
    { 0x0a, 0x00, N_("Generic Docking Station") },
    { 0x0a, 0x80, N_("Docking Station") },
    { 0x0b, -1, N_("Processor") },
    { 0x0b, 0x00, N_("386") },
    { 0x0b, 0x01, N_("486") },
    { 0x0b, 0x02, N_("Pentium") },
    { 0x0b, 0x10, N_("Alpha") },
    { 0x0b, 0x20, N_("Power PC") },
    { 0x0b, 0x30, N_("MIPS") },
    { 0x0b, 0x40, N_("Co-processor") },
    { 0x0c, -1, N_("Serial bus controller") },
    { 0x0c, 0x00, N_("FireWire (IEEE 1394)") },
    { 0x0c, 0x01, N_("ACCESS Bus") },
    { 0x0c, 0x02, N_("SSA") },
    { 0x0c, 0x03, N_("USB controller") },
    { 0x0c, 0x04, N_("Fibre Channel") },
    { 0x0c, 0x05, N_("SMBus") },
    { 0x0c, 0x06, N_("InfiniBand") },
    { 0x0c, 0x07, N_("IPMI Interface") },
    { 0x0c, 0x08, N_("SERCOS interface") },
    { 0x0c, 0x09, N_("CANBUS") },
    { 0x0c, 0x80, N_("Serial bus controller") },
    { 0x0d, -1, N_("Wireless controller") },
    { 0x0d, 0x00, N_("IRDA controller") },
    { 0x0d, 0x01, N_("Consumer IR controller") },
    { 0x0d, 0x10, N_("RF controller") },
    { 0x0d, 0x11, N_("Bluetooth") },
    { 0x0d, 0x12, N_("Broadband") },
    { 0x0d, 0x20, N_("802.1a controller") },
    { 0x0d, 0x21, N_("802.1b controller") },
    { 0x0d, 0x80, N_("Wireless controller") },
    { 0x0e, -1, N_("Intelligent controller") },
    { 0x0e, 0x00, N_("I2O") },
    { 0x0f, -1, N_("Satellite communications controller") },
    { 0x0f, 0x01, N_("Satellite TV controller") },
    { 0x0f, 0x02, N_("Satellite audio communication controller") },
    { 0x0f, 0x03, N_("Satellite voice communication controller") },
    { 0x0f, 0x04, N_("Satellite data communication controller") },
    { 0x10, -1, N_("Encryption controller") },
    { 0x10, 0x00, N_("Network and computing encryption device") },
    { 0x10, 0x10, N_("Entertainment encryption device") },
    { 0x10, 0x80, N_("Encryption controller") },
    { 0x11, -1, N_("Signal processing controller") },
    { 0x11, 0x00, N_("DPIO module") },
    { 0x11, 0x01, N_("Performance counters") },
    { 0x11, 0x10, N_("Communication synchronizer") },
    { 0x11, 0x20, N_("Signal processing management") },
    { 0x11, 0x80, N_("Signal processing controller") },
    { 0x12, -1, N_("Processing accelerators") },
    { 0x12, 0x00, N_("Processing accelerators") },
    { 0x12, 0x01, N_("SNIA Smart Data Accelerator Interface (SDXI) controller") },
    { 0x13, -1, N_("Non-Essential Instrumentation") },
    { 0x40, -1, N_("Coprocessor") },
    { 0xff, -1, N_("Unassigned class") },
};

const char *host_device_class_name(const struct host_device *d)
{
    if (!d->ids_known)
        return NULL;
    int cls = (int)(d->class_code >> 16) & 0xff, sub = (int)(d->class_code >> 8) & 0xff;
    const char *class_only = NULL;
    for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
        if (classes[i].cls != cls)
            continue;
        if (classes[i].sub < 0)
            class_only = classes[i].name;
        else if (classes[i].sub == sub)
            return classes[i].name;
    }
    return class_only;
}
