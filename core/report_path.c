#include "config.h"

#include <string.h>
#include <strings.h>

#include "report_path.h"

enum report_path_kind report_format_for_path(const char *path, enum report_format *f)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base || !dot[1])
        return REPORT_PATH_NONE;   /* "plan", ".hidden", "plan." */
    static const struct { const char *ext; enum report_format f; } aliases[] = {
        { "txt", REPORT_TEXT }, { "htm", REPORT_HTML },
    };
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (!strcasecmp(dot + 1, aliases[i].ext)) {
            *f = aliases[i].f;
            return REPORT_PATH_KNOWN;
        }
    char lower[16];
    size_t n = strlen(dot + 1);
    if (n >= sizeof(lower))
        return REPORT_PATH_UNKNOWN;
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)((dot[1 + i] >= 'A' && dot[1 + i] <= 'Z') ? dot[1 + i] + 32 : dot[1 + i]);
    return report_format_parse(lower, f) ? REPORT_PATH_KNOWN : REPORT_PATH_UNKNOWN;
}
