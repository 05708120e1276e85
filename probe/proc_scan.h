/* Finds the QEMU processes running on this host through /proc. */
#ifndef MP_PROC_SCAN_H
#define MP_PROC_SCAN_H

#include <stddef.h>

#include "qemu_proc.h"

/* Every process whose executable is qemu-system-* or qemu-kvm*, by pid.
 * Processes we may not read are listed with readable = false. Caller frees
 * each with qemu_process_free and the array with free. */
struct qemu_process *proc_scan_qemu(size_t *n);

#endif
