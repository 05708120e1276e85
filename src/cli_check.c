/* --check's output: the reasons of core/check.h, one line each on stderr. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "cli.h"
#include "text_safe.h"

int cli_check_report(const struct check_list *l, const char *name)
{
    char *safe = name ? text_safe_dup(name) : NULL;
    for (size_t i = 0; i < l->n; i++) {
        char *text = text_safe_dup(l->items[i].text.local);
        if (safe)
            fprintf(stderr, "memlock-planner: %s: %s\n", safe, text);
        else
            fprintf(stderr, "memlock-planner: %s\n", text);
        free(text);
    }
    free(safe);
    return l->n ? EXIT_CHECK : 0;
}
