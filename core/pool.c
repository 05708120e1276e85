#include "config.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "pool.h"
#include "xalloc.h"

#define POOL_BLOCK 16384

struct pool_block {
    struct pool_block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
};

/* `n` bytes at a multiple of `a` (a power of two) from the block's start. */
static void *take(struct pool *p, size_t n, size_t a)
{
    struct pool_block *b = p->head;
    size_t at = b ? (b->used + a - 1) & ~(a - 1) : 0;
    if (!b || at > b->size || b->size - at < n) {
        size_t size = n > POOL_BLOCK / 4 ? n : POOL_BLOCK - sizeof(*b);
        b = xmalloc(sizeof(*b) + size);
        b->used = 0;
        b->size = size;
        /* A big piece gets a block of its own, behind the one being filled. */
        if (size != n || !p->head) {
            b->next = p->head;
            p->head = b;
        } else {
            b->next = p->head->next;
            p->head->next = b;
        }
        at = 0;
    }
    b->used = at + n;
    return b->data + at;
}

void *pool_alloc(struct pool *p, size_t n)
{
    return take(p, n, alignof(max_align_t));
}

char *pool_strndup(struct pool *p, const char *s, size_t n)
{
    char *d = take(p, n + 1, 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *pool_strdup(struct pool *p, const char *s)
{
    return s ? pool_strndup(p, s, strlen(s)) : NULL;
}

void pool_free(struct pool *p)
{
    while (p->head) {
        struct pool_block *b = p->head;
        p->head = b->next;
        free(b);
    }
}
