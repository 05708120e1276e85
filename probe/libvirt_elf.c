#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "libvirt_elf.h"

/* ELF as the System V ABI and its GNU symbol versioning define it: the
 * version-needed section (SHT_GNU_verneed) holds, per library, the version
 * nodes the program needs, their names in the section its sh_link names.
 * Elf32_Verneed/Elf64_Verneed and their Vernaux are 16 bytes either way. */
#define SHT_VERNEED 0x6ffffffeu
#define PRIVATE_NODE "LIBVIRT_PRIVATE_"
#define LIBRARY "libvirt.so."

struct elf {
    const unsigned char *p;
    size_t len;
    bool be, wide;          /* big-endian; ELFCLASS64 */
};

static bool in(const struct elf *e, uint64_t off, uint64_t n)
{
    return off <= e->len && n <= e->len - off;
}

static uint64_t rd(const struct elf *e, uint64_t off, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v |= (uint64_t)e->p[off + (e->be ? n - 1 - i : i)] << (8 * i);
    return v;
}

/* The NUL-terminated string at `off` of the string table [base, base+size). */
static const char *str(const struct elf *e, uint64_t base, uint64_t size, uint64_t off)
{
    if (off >= size || !in(e, base, size))
        return NULL;
    const char *s = (const char *)e->p + base + off;
    return memchr(s, '\0', (size_t)(size - off)) ? s : NULL;
}

/* A section header's type, file offset, size, link and info. */
struct shdr {
    uint32_t type, link, info;
    uint64_t off, size;
};

static bool section(const struct elf *e, uint64_t shoff, uint64_t entsize, uint64_t i,
                    struct shdr *s)
{
    uint64_t at = shoff + i * entsize;
    if (!in(e, at, e->wide ? 64 : 40))
        return false;
    s->type = (uint32_t)rd(e, at + 4, 4);
    s->off = e->wide ? rd(e, at + 24, 8) : rd(e, at + 16, 4);
    s->size = e->wide ? rd(e, at + 32, 8) : rd(e, at + 20, 4);
    s->link = (uint32_t)rd(e, at + (e->wide ? 40 : 24), 4);
    s->info = (uint32_t)rd(e, at + (e->wide ? 44 : 28), 4);
    return true;
}

static bool release_text(const char *s, char *out, size_t outlen)
{
    size_t n = strspn(s, "0123456789.");
    if (n == 0 || s[n] || s[0] == '.' || !strchr(s, '.') || n >= outlen)
        return false;
    memcpy(out, s, n + 1);
    return true;
}

bool libvirt_elf_release(const void *buf, size_t len, char *out, size_t outlen)
{
    struct elf e = { buf, len, false, false };
    if (!in(&e, 0, 52) || memcmp(e.p, "\177ELF", 4) || (e.p[4] != 1 && e.p[4] != 2)
        || (e.p[5] != 1 && e.p[5] != 2))
        return false;
    e.wide = e.p[4] == 2;
    e.be = e.p[5] == 2;
    if (e.wide && !in(&e, 0, 64))
        return false;
    uint64_t shoff = e.wide ? rd(&e, 0x28, 8) : rd(&e, 0x20, 4);
    uint64_t entsize = rd(&e, e.wide ? 0x3a : 0x2e, 2);
    uint64_t shnum = rd(&e, e.wide ? 0x3c : 0x30, 2);
    if (entsize < (e.wide ? 64u : 40u) || !in(&e, shoff, shnum * entsize))
        return false;
    for (uint64_t i = 0; i < shnum; i++) {
        struct shdr vn, strtab;
        if (!section(&e, shoff, entsize, i, &vn) || vn.type != SHT_VERNEED
            || vn.link >= shnum || !section(&e, shoff, entsize, vn.link, &strtab)
            || !in(&e, vn.off, vn.size))
            continue;
        /* vn.info entries chained by vn_next, each with vn_cnt names chained
         * by vna_next; all 16 bytes, so the section holds at most size / 16
         * of them (a budget that ends chains which loop). */
        uint64_t at = vn.off, budget = vn.size / 16;
        for (uint32_t k = 0; k < vn.info && budget && at + 16 <= vn.off + vn.size; k++) {
            budget--;
            const char *file = str(&e, strtab.off, strtab.size, rd(&e, at + 4, 4));
            uint64_t cnt = rd(&e, at + 2, 2), aux = at + rd(&e, at + 8, 4);
            for (uint64_t a = 0; a < cnt && budget && aux >= vn.off && aux + 16 <= vn.off + vn.size;
                 a++) {
                budget--;
                const char *name = str(&e, strtab.off, strtab.size, rd(&e, aux + 8, 4));
                if (file && name && !strncmp(file, LIBRARY, strlen(LIBRARY))
                    && !strncmp(name, PRIVATE_NODE, strlen(PRIVATE_NODE))
                    && release_text(name + strlen(PRIVATE_NODE), out, outlen))
                    return true;
                uint64_t next = rd(&e, aux + 12, 4);
                if (next == 0)
                    break;
                aux += next;
            }
            uint64_t next = rd(&e, at + 12, 4);
            if (next == 0)
                break;
            at += next;
        }
    }
    return false;
}

bool libvirt_elf_release_file(const char *path, char *out, size_t outlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool found = false;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            found = libvirt_elf_release(map, (size_t)st.st_size, out, outlen);
            munmap(map, (size_t)st.st_size);
        }
    }
    close(fd);
    return found;
}
