/* session — what the two front ends (ui, plain) share about playing a
 * routine, without curses: their options, the session clock scaled by
 * --speed, an action of the player's keys applied to the engine (the quit
 * question included), the one-line summary, and the
 * routine remembered for the menu. */
#ifndef STRETCHTUI_SESSION_H
#define STRETCHTUI_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "history.h"
#include "keys.h"
#include "plan.h"
#include "routine.h"

/* What the front ends are told by the command line. */
struct session_options {
	double speed;               /* --speed, 1.0 by default */
	bool color;                 /* false with --no-color or NO_COLOR */
	bool quiet;                 /* --quiet: no bell */
	bool no_safety;             /* --no-safety: skip the first-run notice */
	bool speak;                 /* --speak (or --speech-command) */
	const char *speech_command; /* --speech-command CMD, or NULL */
	const char *on_event;       /* --on-event CMD, or NULL */
	const char *menu_routine;   /* the settings' routine: the menu's first choice */
	bool no_checkin;            /* a reminder's break: no check-in after it */
	int64_t start_ms;           /* plan time the given routine starts at
	                             * (--from, --resume; start.h) */
};

/* A front end's run returns an exit status: one of these (the command
 * line's own codes for the same things), or 128 + the signal that ended
 * the session. */
enum {
	SESSION_OK = 0,
	SESSION_FAILED = 1,         /* said on stderr */
	SESSION_NO_ROUTINE = 2,     /* none given, and nobody to ask */
};

/* Session time for the engine: (real - t0) * speed, in ms (clock_now_ms). */
struct session_clock {
	int64_t t0_ms;
	double speed;
};

void session_clock_init(struct session_clock *c, double speed);
int64_t session_clock_now(const struct session_clock *c);
/* A poll() timeout for an engine wait (-1 stays -1): ms / speed, rounded
 * up, never 0. */
int session_clock_timeout(const struct session_clock *c, int64_t engine_ms);

/* The quit question: open, and whether the session ran when it was asked
 * (a "no" resumes it then). */
struct session_ask {
	bool open, resume;
};

/* Pauses the session when it runs (for the help, Ctrl-Z, the quit
 * question); true when it did. */
bool session_hold(struct engine *e, int64_t now);

/* Applies an action's part on the engine at now (pause, skip, back,
 * extend, rep, and the quit question: asking pauses, "yes" quits, "no"
 * closes it and resumes what ran); the rest (help, redraw, scrolling) is
 * the front end's. True when the session was quit. */
bool session_apply(struct engine *e, struct session_ask *ask,
		   enum keys_action a, int64_t now);

/* "Stopped at 03:12 of 15:00: 2 of 9 exercises done, 1 skipped." */
void session_summary_line(const char *name, const struct engine_summary *s,
			  char *buf, size_t size);

/* A session of p is over: stopped before its end (quit, a signal), it
 * leaves its place, to the whole second, for --resume; completed, it
 * clears the mark (start.h). */
void session_stopped(const struct plan *p, const struct engine *e,
		     int64_t now);
/* The record of a session of routine rt that started at wall second
 * start (in the local zone then): completed, quit, or ended by a signal
 * (signal true); feel none (a completed one's check-in sets it before it
 * is saved: the history is append-only). */
void session_record(struct history_record *h, const struct routine *rt,
		    const struct engine_summary *s, int64_t start, bool signal);
/* The check-in's answer for an action of keys_checkin (1 worse, 2 same,
 * 3 better); HISTORY_FEEL_NONE for any other. */
enum history_feel session_feel(enum keys_action a);

/* The routine last played, remembered in the state directory for the
 * menu to preselect (a convenience: a failure to write it is ignored). */
#define SESSION_LAST_ROUTINE "last-routine"
void session_remember(const struct routine *r);

#endif
