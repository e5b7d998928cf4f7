/* ui — the ncurses front end: menu, player, overlays, finish screen.
 * The only module (with its ui_*.c parts) that includes curses. */
#ifndef STRETCHTUI_UI_H
#define STRETCHTUI_UI_H

#include "catalog.h"
#include "cli.h"

/* Plays routine_arg (an id or a path), or shows the menu when it is NULL.
 * Returns the exit status (128+signal when a signal ended it). */
int ui_run(const struct cli_options *o, struct catalog *c,
	   const char *routine_arg);

#endif
