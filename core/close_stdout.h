/* Standard output checked at exit, as gnulib's close_stdout: output lost to
 * a full disk, a closed descriptor or a broken pipe is an error (exit 1, one
 * message on standard error), never a silent success. */
#ifndef MP_CLOSE_STDOUT_H
#define MP_CLOSE_STDOUT_H

/* Call first thing in main(): a closed descriptor 0, 1 or 2 is reopened on
 * /dev/null the wrong way round (stdout read-only), so that a file the
 * program opens never becomes standard output and writes to a closed
 * stdout still fail; then close_stdout() is registered with atexit(). */
void close_stdout_init(void);

/* An error was already reported (src/cli.c's cli_fail does this): a failing
 * stdout then adds no second message and the exit status stays. */
void close_stdout_error_reported(void);

/* Flushes and closes standard output (and flushes standard error); on
 * failure prints "memlock-planner: write error: REASON" and _exit(1). */
void close_stdout(void);

#endif
