/* A stand-in for a QEMU process in tests: copied to a name like
 * qemu-system-ppc64, it sets its memlock limit, locks some memory, and waits.
 * Options: --limit BYTES, --lock KIB; everything else (-name ...) is ignored. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    unsigned long long limit = 0, lock_kib = 0;
    for (int i = 1; i + 1 < argc; i++) {
        if (!strcmp(argv[i], "--limit"))
            limit = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--lock"))
            lock_kib = strtoull(argv[++i], NULL, 10);
    }
    if (limit) {
        struct rlimit rl = { limit, limit };
        if (setrlimit(RLIMIT_MEMLOCK, &rl) != 0) {
            perror("setrlimit");
            return 1;
        }
    }
    if (lock_kib) {
        size_t len = (size_t)lock_kib * 1024;
        void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        /* The raw system call: ASan intercepts mlock() and makes it a no-op. */
        if (p == MAP_FAILED || syscall(SYS_mlock, p, len) != 0) {
            perror("mlock");
            return 1;
        }
    }
    /* Ready: the test waits for this line. */
    puts("ready");
    fflush(stdout);
    alarm(120); /* never outlive a stuck test */
    for (;;)
        pause();
}
