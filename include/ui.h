/* ui — the ncurses front end: menu, player, overlays, finish screen.
 * The only module (with its ui_*.c parts) that includes curses. */
#ifndef STRETCHTUI_UI_H
#define STRETCHTUI_UI_H

#include <stdbool.h>

#include "catalog.h"
#include "cli.h"

/* Whether the terminal on standard output can run the full-screen UI:
 * its TERM is known and can address the cursor (not `dumb`, not a
 * hardcopy terminal). Allocates nothing that outlives the call. */
bool ui_term_usable(void);

/* ui_run's status when the terminal could not be set up after all (no
 * keyboard to read, say): nothing was shown, plain mode can take over. */
#define UI_UNUSABLE (-2)

/* Plays routine_arg (an id or a path), or shows the menu when it is NULL.
 * Returns the exit status (128+signal when a signal ended it). */
int ui_run(const struct cli_options *o, struct catalog *c,
	   const char *routine_arg);

#endif
