/* ui_common — what the two front ends (ui, plain) share, without curses:
 * the signal self-pipe, the session clock scaled by --speed, loading a
 * routine to play, bells and the one-line summary.
 *
 * The self-pipe's write end is the only global state: signal handlers do
 * nothing but write the signal number to it. */
#ifndef STRETCHTUI_UI_COMMON_H
#define STRETCHTUI_UI_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "engine.h"
#include "plan.h"
#include "routine.h"

enum ui_sigset {
	UI_SIG_FATAL = 1,      /* INT, TERM, HUP, QUIT */
	UI_SIG_TSTP = 2,       /* Ctrl-Z */
	UI_SIG_WINCH = 4,      /* terminal resized */
};

/* Creates the self-pipe and installs handlers for the signals in `which`.
 * Returns the pipe's read end (non-blocking), or -1. */
int ui_signals_install(int which);
/* Installs the handler for one signal again (after a SIG_DFL stop). */
void ui_signal_reinstall(int sig);
/* Puts every handled signal back to SIG_DFL and closes the pipe. */
void ui_signals_restore(int fd);
/* Reads what is in the pipe: a fatal signal's number (first one wins) in
 * *fatal, and whether a TSTP or WINCH came. */
void ui_signals_drain(int fd, int *fatal, bool *tstp, bool *winch);

/* Session time for the engine: t0 + (real - t0) * speed, in ms. */
struct ui_clock {
	int64_t t0_us;
	double speed;
};

void ui_clock_init(struct ui_clock *c, double speed);
int64_t ui_clock_now(const struct ui_clock *c);
/* A poll() timeout for an engine wait (-1 stays -1): ms / speed, rounded
 * up, never 0. */
int ui_clock_timeout(const struct ui_clock *c, int64_t engine_ms);

/* Loads routine `arg` and its plan; diagnostics go to stderr. CLI_OK or
 * CLI_INVALID (r is freed then). */
int ui_load(struct catalog *c, const char *arg, struct routine *r,
	    struct plan *p);

/* Whether an event rings the bell: a segment's start, the session's end,
 * and the 3-2-1 of a segment that is not a short rep phase. */
bool ui_event_rings(const struct plan *p, const struct engine_event *ev);

/* "Stopped at 03:12 of 15:00: 2 of 9 exercises done, 1 skipped." */
void ui_summary_line(const char *name, const struct engine_summary *s,
		     char *buf, size_t size);

/* True when the locale's character set is UTF-8. */
bool ui_locale_utf8(void);

#endif
