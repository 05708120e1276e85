/* A report's format from the name of the file it goes to, as the planner's x
 * and `report -o` pick it: .txt (or .text), .md (or .markdown), .json, .html
 * (or .htm). */
#ifndef MP_REPORT_PATH_H
#define MP_REPORT_PATH_H

#include "report.h"

enum report_path_kind {
    REPORT_PATH_KNOWN,        /* *f set from the extension */
    REPORT_PATH_NONE,         /* no extension ("-", "/dev/null", "plan"): *f untouched */
    REPORT_PATH_UNKNOWN,      /* an extension that names no format ("plan.pdf") */
};

enum report_path_kind report_format_for_path(const char *path, enum report_format *f);

/* The extensions for people: ".txt, .md, .json or .html". */
#define REPORT_PATH_EXTENSIONS ".txt, .md, .json, .html"

#endif
