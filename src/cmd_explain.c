/* memlock-planner explain: why a start failed, from its log. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "explain.h"
#include "explain_output.h"
#include "guest_xml.h"
#include "i18n.h"
#include "text_safe.h"

/* Exit status when the log holds no memory-locking failure. */
#define EXIT_NOT_MEMLOCK 3

/* Reads the log in blocks: memory stays bounded whatever its length. */
static int read_log(const char *path, struct qemu_log *log)
{
    bool is_stdin = !path || !strcmp(path, "-");
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    char name[256];
    text_safe_copy(name, sizeof(name), is_stdin ? "<stdin>" : path);
    if (fd < 0)
        return cli_failf(EXIT_INPUT, _("%s: %s"), name, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0 || S_ISDIR(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)
        || S_ISSOCK(st.st_mode)) {
        int e = errno;
        if (!is_stdin)
            close(fd);
        return cli_failf(EXIT_INPUT, _("%s: %s, expected a log"), name,
                         S_ISDIR(st.st_mode) ? _("is a directory")
                         : e && !st.st_mode  ? strerror(e)
                                             : _("is a device or socket"));
    }
    /* Opened without blocking (a FIFO with no writer), read blocking. */
    if (!is_stdin)
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    static char buf[1 << 16];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            if (!is_stdin)
                close(fd);
            return cli_failf(EXIT_INPUT, _("%s: %s"), name, strerror(e));
        }
        if (n == 0)
            break;
        qemu_log_feed(log, buf, (size_t)n);
    }
    if (!is_stdin)
        close(fd);
    qemu_log_finish(log);
    return -1;
}

int cmd_explain(struct cli_run *r)
{
    struct mp_error err = { 0 };
    struct guest *def = NULL;
    if (r->xml) {
        def = guest_xml_load_file(r->xml, &err);
        if (!def)
            return cli_fail(&err);
    }
    struct qemu_log *log = qemu_log_new();
    int rc = read_log(r->nargs ? r->args[0] : NULL, log);
    if (rc >= 0) {
        qemu_log_free(log);
        guest_free(def);
        return rc;
    }
    if (qemu_log_lines(log) == 0) {
        qemu_log_free(log);
        guest_free(def);
        return cli_failf(EXIT_INPUT, _("the log is empty"));
    }
    struct explain e;
    bool has_host_facts = r->host_src && strcmp(r->host_src, "none");
    if (explain_build(log, def, r->libvirt, has_host_facts ? r->host : NULL, &e, &err) < 0) {
        explain_free(&e);
        qemu_log_free(log);
        guest_free(def);
        return cli_fail(&err);
    }
    if (!strcmp(r->format, "json"))
        explain_write_json(stdout, log, &e);
    else
        explain_print_text(stdout, log, &e);
    rc = explain_is_memlock(&e) ? 0 : EXIT_NOT_MEMLOCK;
    explain_free(&e);
    qemu_log_free(log);
    guest_free(def);
    int out = cli_finish_output();
    return out ? out : rc;
}
