/* The libvirt release a libvirt program (virtqemud, libvirtd, virsh) is
 * built for, read from its ELF file without running it. Every libvirt
 * program uses libvirt.so's private symbols, whose version node libvirt's
 * build names LIBVIRT_PRIVATE_<release> (src/libvirt_private.syms): the
 * dynamic linker runs the program only with the library of exactly that
 * release ("version `LIBVIRT_PRIVATE_9.0.0' not found" otherwise), the
 * release its --version prints. */
#ifndef MP_LIBVIRT_ELF_H
#define MP_LIBVIRT_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The release ("9.0.0") of the first LIBVIRT_PRIVATE_ version the ELF image
 * buf[0..len) needs from libvirt.so.N, into out (outlen bytes). False when it
 * is no ELF file, has no section headers or needs no such version. */
bool libvirt_elf_release(const void *buf, size_t len, char *out, size_t outlen);
/* The same for the file at `path`. */
bool libvirt_elf_release_file(const char *path, char *out, size_t outlen);

#endif
