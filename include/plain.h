/* plain — the line-oriented front end, for non-terminals and screen
 * readers: no cursor addressing, one line per segment start. */
#ifndef STRETCHTUI_PLAIN_H
#define STRETCHTUI_PLAIN_H

#include "catalog.h"
#include "cli.h"

/* Plays routine_arg (an id or a path; the menu has no plain form, so NULL
 * lists the routines and asks for one on standard input when it is a
 * terminal). Returns the exit status. */
int plain_run(const struct cli_options *o, struct catalog *c,
	      const char *routine_arg);

#endif
