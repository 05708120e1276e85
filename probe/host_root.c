#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "host_root.h"

static const char *root(void)
{
    const char *r = getenv("MEMLOCK_PLANNER_ROOT");
    return r && *r ? r : NULL;
}

bool host_root_set(void)
{
    return root() != NULL;
}

const char *host_root_path(const char *path, char *buf, size_t len)
{
    const char *r = root();
    int n = snprintf(buf, len, "%s%s", r ? r : "", path);
    return n >= 0 && (size_t)n < len ? buf : NULL;
}
