#include "config.h"

#include "i18n.h"
#include "probe_derive.h"

void probe_derive(struct host *h)
{
    size_t nbridges = 0;
    for (size_t i = 0; i < h->ndevices; i++) {
        const struct host_device *br = &h->devices[i];
        if (!host_device_is_nv2_bridge(br, NV2_FILES_SEED))
            continue;
        nbridges++;
        if (!br->has_gpu_link || !br->gpu_ram_size)
            continue;
        struct host_device *gpu = (struct host_device *)host_find(h, &br->gpu);
        if (gpu && !gpu->gpu_ram_size) {
            gpu->gpu_ram_base = br->gpu_ram_base;
            gpu->gpu_ram_size = br->gpu_ram_size;
            gpu->gpu_ram_numa_node = br->gpu_ram_numa_node;
        }
    }
    if (nbridges && host_kernel_at_least(h->kernel, 5, 13))
        msg_list_add(&h->warnings,
                     N_("kernel %s: Linux 5.13 removed NVLink2 passthrough (and QEMU 8.2 its side); "
                        "libvirt still applies the NVLink2 formula because the bridges' device-tree "
                        "files exist"),
                     h->kernel);
}
