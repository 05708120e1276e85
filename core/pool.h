/* A pool of small allocations freed all at once: what a report keeps of
 * each of thousands of guests (names, sources, device addresses) without a
 * malloc header per piece. Pointers stay valid until pool_free. */
#ifndef MP_POOL_H
#define MP_POOL_H

#include <stddef.h>

struct pool_block;
struct pool {
    struct pool_block *head;  /* the block being filled, then the older ones */
};

/* `n` bytes aligned for any type; n may be 0. */
void *pool_alloc(struct pool *p, size_t n);
/* A copy of `s` in the pool; NULL for NULL. */
char *pool_strdup(struct pool *p, const char *s);
/* A copy of the first `n` bytes of `s` (no NUL among them), terminated. */
char *pool_strndup(struct pool *p, const char *s, size_t n);
void pool_free(struct pool *p);

#endif
