/* history_report — `stretchtui history`: the last sessions, totals, the
 * streaks and a 12-week calendar from the history (history.h), or the
 * records as TSV or JSON. Streams the file: memory does not grow with it. */
#ifndef STRETCHTUI_HISTORY_REPORT_H
#define STRETCHTUI_HISTORY_REPORT_H

#include <stdint.h>
#include <stdio.h>

/* The command's own usage lines (for --help). */
extern const char history_report_usage[];

/* Runs `history` with its n arguments (the options after the command).
 * Returns the exit status: 0, 1 when the history cannot be read, 2 on a
 * usage error. */
int history_report_run(int n, char **args);

#endif
