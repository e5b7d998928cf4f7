/* plain — the line-oriented front end, for non-terminals and screen
 * readers: no cursor addressing, one line per segment start. */
#ifndef STRETCHTUI_PLAIN_H
#define STRETCHTUI_PLAIN_H

#include <stdbool.h>
#include <termios.h>

#include "catalog.h"
#include "plan.h"
#include "session.h"

/* Plays p. The menu has no plain form: with p NULL it lists the routines
 * and asks for one on standard input when it is a terminal, and loads
 * it. Returns the exit status (see session.h). */
int plain_run(const struct session_options *o, struct catalog *c,
	      const struct plan *p);

/* Standard input a key at a time, without echo, and back as it was (both
 * plain front ends; nothing when it is not a terminal). */
struct plain_tty {
	bool raw;                    /* its modes are changed (saved) */
	bool resume;                 /* raw when a suspend took it back */
	struct termios saved;
};
void plain_tty_raw(struct plain_tty *t);
void plain_tty_cooked(struct plain_tty *t);
/* sig_suspend's leave and back for a struct plain_tty: the modes as they
 * were before the stop, and again after it. */
void plain_tty_leave(void *tty);
void plain_tty_back(void *tty);

/* A cue_front's warn for both plain front ends: at once, on stderr. */
void plain_warn(void *ctx, const char *msg);

/* `remind --plain` (plain_remind.c): break reminders told one line per
 * event, the keys read when stdin is a terminal, p played by plain_run
 * when a break is taken. Returns the exit status. */
struct remind_options;
int plain_remind(const struct session_options *o, const struct remind_options *ro,
		 struct catalog *c, const struct plan *p);

#endif
