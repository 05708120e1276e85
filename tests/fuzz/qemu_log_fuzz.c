/* libFuzzer target: the log reader (core/qemu_log.h), the QEMU command-line
 * reader (core/qemu_cmdline.h) and the option parser (core/qemu_opts.h) over
 * the same bytes. The first byte splits the input into two feeds, as a read
 * boundary would. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "qemu_cmdline.h"
#include "qemu_log.h"
#include "qemu_opts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    size_t split = data[0] % size;
    struct qemu_log *log = qemu_log_new();
    qemu_log_feed(log, (const char *)data + 1, split ? split - 1 : 0);
    qemu_log_feed(log, (const char *)data + (split ? split : 1), size - (split ? split : 1));
    qemu_log_finish(log);
    const struct log_start *s = qemu_log_chosen(log);
    if (s && s->failure.cause != LOG_CAUSE_NONE && !s->failure.line && !s->shutdown_failed)
        abort(); /* a classified failure always quotes its line */
    struct explain e;
    struct mp_error err = { 0 };
    if (explain_build(log, NULL, NULL, NULL, NULL, &e, &err) == 0)
        explain_free(&e);
    else
        explain_free(&e);
    qemu_log_free(log);

    /* The same bytes as one option argument. */
    char *arg = malloc(size);
    memcpy(arg, data + 1, size - 1);
    arg[size - 1] = '\0';
    struct qemu_opts o = { 0 };
    qemu_opts_parse(arg, "driver", &o);
    for (size_t i = 0; i < o.n; i++)
        if (!o.items[i].key || !o.items[i].value)
            abort();
    qemu_opts_free(&o);
    free(arg);
    return 0;
}
