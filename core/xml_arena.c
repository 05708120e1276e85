#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "xml_arena.h"

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define REDZONE 16
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#define REDZONE 0
#endif

/* Each block: a 16-byte header with its size (realloc copies that much),
 * then the block, 16-byte aligned as malloc's. */
#define HDR 16
#define ALIGN(n) (((n) + 15) & ~(size_t)15)
#define FIRST_CHUNK ((size_t)1 << 20)
#define MAX_CHUNKS 48

struct chunk {
    unsigned char *base;
    size_t size;
};

/* Written by the thread in an arena section, read by any thread's free():
 * the count is published after its chunk. */
static struct chunk chunks[MAX_CHUNKS];
static size_t nchunks;
static size_t cur;                /* the chunk being filled */
static unsigned char *next, *limit;   /* its free part */
static __thread bool active;      /* this thread allocates from the arena */
static bool installed;

static struct chunk *owner(const void *p)
{
    size_t n = __atomic_load_n(&nchunks, __ATOMIC_ACQUIRE);
    uintptr_t b = (uintptr_t)p;   /* addresses compared as numbers: p may be anyone's */
    for (size_t i = 0; i < n; i++)
        if (b - (uintptr_t)chunks[i].base < chunks[i].size)
            return &chunks[i];
    return NULL;
}

static size_t block_size(const void *p)
{
    size_t n;
    memcpy(&n, (const unsigned char *)p - HDR, sizeof(n));
    return n;
}

/* The next chunk with room for `need` bytes, a new one when none is left;
 * false when there can be no more. */
static bool next_chunk(size_t need)
{
    while (cur + 1 < nchunks) {
        cur++;
        next = chunks[cur].base;
        limit = next + chunks[cur].size;
        if ((size_t)(limit - next) >= need)
            return true;
    }
    if (nchunks == MAX_CHUNKS)
        return false;   /* libxml2 reports "out of memory" */
    size_t total = 0;
    for (size_t i = 0; i < nchunks; i++)
        total += chunks[i].size;
    size_t sz = total ? total : FIRST_CHUNK;
    if (sz < need)
        sz = need;
    unsigned char *b = malloc(sz);
    if (!b)
        return false;
    POISON(b, sz);
    chunks[nchunks].base = b;
    chunks[nchunks].size = sz;
    __atomic_store_n(&nchunks, nchunks + 1, __ATOMIC_RELEASE);
    cur = nchunks - 1;
    next = b;
    limit = b + sz;
    return true;
}

static void *arena_alloc(size_t size)
{
    size_t need = HDR + ALIGN(size ? size : 1) + REDZONE;
    if (need < size)
        return NULL;
    if ((!next || (size_t)(limit - next) < need) && !next_chunk(need))
        return NULL;
    unsigned char *h = next;
    next += need;
    UNPOISON(h, HDR + size);
    memcpy(h, &size, sizeof(size));
    return h + HDR;
}

static void *hook_malloc(size_t size)
{
    return active ? arena_alloc(size) : malloc(size);
}

static void hook_free(void *p)
{
    if (p && !owner(p))
        free(p);
}

static void *hook_realloc(void *p, size_t size)
{
    if (!p)
        return hook_malloc(size);
    if (!owner(p))
        return realloc(p, size);   /* a block from before the section stays malloc's */
    size_t old = block_size(p);
    void *n = hook_malloc(size);
    if (n)
        memcpy(n, p, old < size ? old : size);
    return n;
}

static char *hook_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = hook_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

bool xml_arena_begin(void)
{
    if (!installed) {
        /* libxml2's own one-time set-up (dictionary lock, encodings) with
         * malloc, before any of it could land in the arena. */
        xmlInitParser();
        xmlParserCtxtPtr warm = xmlNewParserCtxt();
        if (!warm)
            return false;
        xmlFreeParserCtxt(warm);
        if (xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup) != 0)
            return false;
        installed = true;
    }
    active = true;
    return true;
}

void xml_arena_end(void)
{
    xmlResetLastError();   /* its message may be an arena block */
    active = false;
    /* Keep the first chunk for the next document; give the rest back. */
    size_t n = nchunks;
    if (n > 1) {
        __atomic_store_n(&nchunks, 1, __ATOMIC_RELEASE);
        for (size_t i = 1; i < n; i++) {
            UNPOISON(chunks[i].base, chunks[i].size);
            free(chunks[i].base);
        }
    }
    if (nchunks)
        POISON(chunks[0].base, chunks[0].size);
    cur = 0;
    next = nchunks ? chunks[0].base : NULL;
    limit = nchunks ? chunks[0].base + chunks[0].size : NULL;
}
