/* probe/libvirt_elf.c: the libvirt release a program's ELF file needs, from
 * images built here byte by byte (both classes, both byte orders) and, when
 * installed, from libvirt's own programs against their --version. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libvirt_elf.h"
#include "probe_libvirt.h"
#include "test_util.h"

struct img {
    unsigned char b[1024];
    bool wide, be;
};

static void put(struct img *m, size_t off, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        m->b[off + (m->be ? n - 1 - i : i)] = (unsigned char)(v >> (8 * i));
}

/* An ELF image with a string table at 0x100 and a version-needed section at
 * 0x200 naming `file` and its versions `names` (NULL-terminated), chained as
 * the GNU linker writes them; section headers at 0x300. */
static size_t build(struct img *m, bool wide, bool be, const char *file, const char *const *names)
{
    memset(m->b, 0, sizeof(m->b));
    m->wide = wide;
    m->be = be;
    memcpy(m->b, "\177ELF", 4);
    m->b[4] = wide ? 2 : 1;
    m->b[5] = be ? 2 : 1;
    m->b[6] = 1;
    /* Strings: "\0" file "\0" name... */
    size_t s = 1, file_at = s;
    strcpy((char *)m->b + 0x100 + s, file);
    s += strlen(file) + 1;
    size_t at[8], n = 0;
    for (; names[n]; n++) {
        at[n] = s;
        strcpy((char *)m->b + 0x100 + s, names[n]);
        s += strlen(names[n]) + 1;
    }
    /* Verneed: one entry, its Vernaux right after. */
    put(m, 0x200, 1, 2);
    put(m, 0x202, n, 2);
    put(m, 0x204, file_at, 4);
    put(m, 0x208, 16, 4);
    put(m, 0x20c, 0, 4);
    for (size_t i = 0; i < n; i++) {
        size_t a = 0x210 + 16 * i;
        put(m, a + 8, at[i], 4);
        put(m, a + 12, i + 1 < n ? 16 : 0, 4);
    }
    size_t esz = wide ? 64 : 40, sh = 0x300;
    put(m, wide ? 0x28 : 0x20, sh, wide ? 8 : 4);
    put(m, wide ? 0x3a : 0x2e, esz, 2);
    put(m, wide ? 0x3c : 0x30, 3, 2);
    /* [0] null, [1] the strings, [2] version needed (link 1, one entry). */
    for (int k = 1; k <= 2; k++) {
        size_t h = sh + esz * (size_t)k;
        put(m, h + 4, k == 1 ? 3 : 0x6ffffffe, 4);
        put(m, h + (wide ? 24 : 16), k == 1 ? 0x100 : 0x200, wide ? 8 : 4);
        put(m, h + (wide ? 32 : 20), k == 1 ? s : 16 + 16 * n, wide ? 8 : 4);
        put(m, h + (wide ? 40 : 24), k == 2 ? 1 : 0, 4);
        put(m, h + (wide ? 44 : 28), k == 2 ? 1 : 0, 4);
    }
    return sh + 3 * esz;
}

static void test_images(void **state)
{
    (void)state;
    static const char *const names[] = { "LIBVIRT_0.0.3", "LIBVIRT_PRIVATE_10.0.0",
                                         "LIBVIRT_4.5.0", NULL };
    struct img m;
    char out[24];
    for (int wide = 0; wide < 2; wide++)
        for (int be = 0; be < 2; be++) {
            size_t len = build(&m, wide, be, "libvirt.so.0", names);
            memset(out, 0, sizeof(out));
            assert_true(libvirt_elf_release(m.b, len, out, sizeof(out)));
            assert_string_equal(out, "10.0.0");
            /* Cut anywhere: no release, nothing read past the end. */
            for (size_t cut = 0; cut < len; cut++) {
                unsigned char *copy = malloc(cut ? cut : 1);
                memcpy(copy, m.b, cut);
                assert_false(libvirt_elf_release(copy, cut, out, sizeof(out)));
                free(copy);
            }
        }
    /* Too small an output buffer: refused, not cut. */
    size_t len = build(&m, true, false, "libvirt.so.0", names);
    assert_false(libvirt_elf_release(m.b, len, out, 6));
    assert_true(libvirt_elf_release(m.b, len, out, 7));
    /* The private node of another library, or only public nodes: none. */
    len = build(&m, true, false, "libvirt-qemu.so.0", names);
    assert_false(libvirt_elf_release(m.b, len, out, sizeof(out)));
    static const char *const public[] = { "LIBVIRT_0.0.3", "LIBVIRT_PRIVATE_", NULL };
    len = build(&m, true, false, "libvirt.so.0", public);
    assert_false(libvirt_elf_release(m.b, len, out, sizeof(out)));
    static const char *const odd[] = { "LIBVIRT_PRIVATE_9.0.0-rc1", NULL };
    len = build(&m, true, false, "libvirt.so.0", odd);
    assert_false(libvirt_elf_release(m.b, len, out, sizeof(out)));
    /* More names claimed than the section holds, a chain pointing past it:
     * the walk stops at the section's end. */
    len = build(&m, true, false, "libvirt.so.0", public);
    put(&m, 0x202, 65535, 2);
    put(&m, 0x210 + 16 + 12, 16, 4);
    assert_false(libvirt_elf_release(m.b, len, out, sizeof(out)));
    put(&m, 0x210 + 12, 0xfffffff0u, 4);
    assert_false(libvirt_elf_release(m.b, len, out, sizeof(out)));
    /* Not ELF at all: a script. */
    static const char script[] = "#!/bin/sh\necho 'virtqemud (libvirt) 10.0.0'\n";
    assert_false(libvirt_elf_release(script, sizeof(script), out, sizeof(out)));
}

/* libvirt's own programs, when installed: the release their file needs is
 * the one they print. */
static void test_installed(void **state)
{
    (void)state;
    static const char *const progs[] = { "/usr/sbin/libvirtd", "/usr/sbin/virtqemud",
                                         "/usr/bin/virsh" };
    int seen = 0;
    for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
        char cmd[128], line[256] = "", want[24], got[24];
        snprintf(cmd, sizeof(cmd), "%s --version 2>/dev/null", progs[i]);
        FILE *p = popen(cmd, "r");
        if (!p)
            continue;
        bool answered = fgets(line, sizeof(line), p) != NULL;
        pclose(p);
        if (!answered || !probe_libvirt_parse_version_line(line, want, sizeof(want)))
            continue;
        assert_true(libvirt_elf_release_file(progs[i], got, sizeof(got)));
        assert_string_equal(got, want);
        seen++;
    }
    if (!seen)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_images),
        cmocka_unit_test(test_installed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
