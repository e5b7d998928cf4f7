/* ui — the full-screen front end's flow: the menu, then (the first-run
 * notice,) the player and the finish screen, back to the menu. Its
 * terminal is ui_term's; its screens are ui_*.c (see ui_priv.h). */
#ifndef STRETCHTUI_UI_H
#define STRETCHTUI_UI_H

#include "catalog.h"
#include "plan.h"
#include "session.h"

/* ui_run's status when the terminal could not be set up after all (no
 * keyboard to read, say): nothing was shown, plain mode can take over. */
#define UI_UNUSABLE (-2)
/* The same when the terminal has no full screen to offer (ui_term_open):
 * plain mode takes over without a word. */
#define UI_NO_SCREEN (-3)

/* Plays p, or shows the menu when it is NULL (and plays what is chosen
 * there, as often as the person likes). Returns the exit status
 * (SESSION_OK, 128+signal when a signal ended it), UI_UNUSABLE or
 * UI_NO_SCREEN. */
int ui_run(const struct session_options *o, struct catalog *c,
	   const struct plan *p);

/* Break reminders (remind.h) that play p when a break is taken, until
 * the person quits or a signal ends it; the same statuses. */
struct remind_options;
int ui_remind(const struct session_options *o, const struct remind_options *ro,
	      struct catalog *c, const struct plan *p);

#endif
