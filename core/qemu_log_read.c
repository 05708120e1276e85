/* Reading a log the user named into a qemu_log, in blocks, through the one
 * input reader (core/input_file.h): explain and the planner's E share it. */
#include "config.h"

#include "i18n.h"
#include "input_file.h"
#include "qemu_log.h"

int qemu_log_read_file(const char *path, struct qemu_log *log, struct mp_error *err)
{
    struct input_stream in;
    if (input_stream_open(path, _("a log"), &in, err) < 0)
        return -1;
    static char buf[1 << 16];
    long n;
    unsigned long long total = 0;
    while ((n = input_stream_read(&in, buf, sizeof(buf), err)) > 0) {
        qemu_log_feed(log, buf, (size_t)n);
        total += (unsigned long long)n;
    }
    if (n == 0 && in.fifo && total == 0)
        mp_error_set(err, MP_ERR_INPUT,
                     _("%s: a FIFO with no writer (nothing to read), expected %s"), in.name,
                     _("a log"));
    else if (n == 0 && total == 0)
        mp_error_set(err, MP_ERR_INPUT, _("%s: empty, expected %s"), in.name, _("a log"));
    input_stream_close(&in);
    if (err->kind)
        return -1;
    qemu_log_finish(log);
    return 0;
}
