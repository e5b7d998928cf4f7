/* remind — break reminders (DESIGN.md, "Reminders"): what the two front
 * ends share. The options (struct remind_options, from the command line
 * or the config's remind: mapping), and a running reminder: the clocks
 * read into the schedule at each wake, the outputs when a break is due
 * (the bell through the front end; a desktop notification and speech
 * through cue's children, reaped by the same machinery as a session's),
 * a `prompt` record in the history for every answer, today's counts, and
 * the state file `stretchtui status` reads. The screens (ui_remind.c,
 * plain_remind.c) show it and hand it the answers; `status` is
 * remind_status.c.
 *
 * A front end's part:
 *     r = remind_open(&opts, &session_opts, plan, &front);
 *     ev = remind_update(r);            at each wake (reads the clocks)
 *     remind_info(r, &info);            what to show
 *     timeout = remind_wake(r, countdown);
 *     remind_answer(r, REMIND_SNOOZE);  a key
 *     remind_answer(r, REMIND_START);   ... play the routine ...
 *     remind_played(r);                 the interval starts again
 *     remind_close(r);
 *
 * A test hook: with STRETCHTUI_TEST_CLOCK=FILE in the environment, the
 * reminder adds to its clock readings the seconds FILE holds, "WALL BOOT
 * MONO" (integers, missing ones 0), read again at every wake: "7200 7200
 * 0" is a two-hour suspend, "-3600 0 0" the wall clock set back an hour,
 * "300 300 300" five minutes gone by. */
#ifndef STRETCHTUI_REMIND_H
#define STRETCHTUI_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "routine.h"    /* struct strlist */
#include "schedule.h"   /* SCHEDULE_ALL_DAYS */

struct cue_front;
struct plan;
struct session_options;

#define REMIND_STATE_FILE "remind.state"
#define REMIND_STATE_VERSION 1
#define REMIND_EVERY_MS (30 * 60000)       /* the defaults */
#define REMIND_SNOOZE_MS (5 * 60000)
#define REMIND_ROUTINE "desk-break-5"
#define REMIND_MIN_MS 1000                 /* --every, --snooze: 1 s ... */
#define REMIND_MAX_MS (24 * 3600000)       /* ... to 24 h */
#define REMIND_TEST_CLOCK "STRETCHTUI_TEST_CLOCK"

/* The settings of `remind`. remind_options_init gives the defaults; the
 * config's remind: mapping goes over them, the command line over that. */
struct remind_options {
	int64_t every_ms;
	int64_t snooze_ms;
	const char *routine;          /* an id, name or path, as for play */
	int hours_from, hours_to;     /* minutes after local midnight, from <
	                               * to; both 0: all day */
	unsigned days_mask;           /* bit 0 Monday ... bit 6 Sunday */
	bool notify;                  /* a desktop notification when one can
	                               * be sent (false: none at all) */
	/* The notification command, the title and the body appended; it
	 * always runs (display or not). NULL and no words: notify-send -a
	 * stretchtui, when it is installed and DISPLAY, WAYLAND_DISPLAY or
	 * DBUS_SESSION_BUS_ADDRESS is set. */
	const char *notify_command;   /* words as sh splits them (--notify-command) */
	struct strlist notify_words;  /* or the words themselves (the config) */
	const char *set_by;           /* the first remind option given, or NULL */
	unsigned given;               /* bits 1 << REMIND_OPT_*: given on the
	                               * command line (they win over the config) */
};

/* The options of remind, as bits of remind_options.given. */
enum { REMIND_OPT_EVERY, REMIND_OPT_SNOOZE, REMIND_OPT_ROUTINE, REMIND_OPT_HOURS,
       REMIND_OPT_DAYS, REMIND_OPT_NOTIFY_COMMAND, REMIND_OPT_NO_NOTIFY };

/* Inline: every command sets the defaults before its options are read,
 * and this way a play runs nothing of remind.c (whose constants are then
 * not mapped: Makefile, COLD_DATA). */
static inline void remind_options_init(struct remind_options *o)
{
	*o = (struct remind_options){ .every_ms = REMIND_EVERY_MS,
				      .snooze_ms = REMIND_SNOOZE_MS,
				      .routine = REMIND_ROUTINE,
				      .days_mask = SCHEDULE_ALL_DAYS,
				      .notify = true };
}

/* The options' lines for --help. */
extern const char remind_usage[];

/* One option of remind at argv[*i] (--every D, --every=D, ...; *i moves
 * past its value): 1 when taken, 0 when it is none of remind's, -1 when
 * its value is wrong (said on stderr, with the hint to --help). */
int remind_option(int argc, char **argv, int *i, struct remind_options *o);

/* Whether o leaves room for a break (hours longer than the interval):
 * 0, or -1 said on stderr. */
int remind_check(const struct remind_options *o);

/* "09:00-17:30" into minutes after midnight (from < to): 0 or -1. */
int remind_parse_hours(const char *s, int *from, int *to);
/* "mon-fri", "mon,wed,fri", "sat-sun,wed", "weekdays", "weekend",
 * "all" into days_mask bits: 0 or -1. */
int remind_parse_days(const char *s, unsigned *mask);
/* A duration as --every takes it: duration.h's forms and "1h", "1h30m". */
int remind_parse_duration(const char *s, int64_t *ms);

/* "30 min", "1 h 05 min", "45 s" (rounded up to what is shown). */
char *remind_span(int64_t ms, char *buf, size_t size);
/* "mon-fri" -> "Mon-Fri", "every day", "Mon, Wed, Fri". */
char *remind_days_text(unsigned mask, char *buf, size_t size);

/* ---- a running reminder ---------------------------------------------------- */

enum remind_answer {
	REMIND_START,     /* the routine plays now (the prompt's Enter, or
	                   * the waiting screen's: a break taken early) */
	REMIND_SNOOZE,
	REMIND_SKIP,
	REMIND_QUIT,      /* the reminder stops (an open prompt: skipped) */
	REMIND_GONE,      /* it is stopped (a signal): an open prompt is missed */
};

enum remind_state { REMIND_WAITING, REMIND_PROMPT, REMIND_PLAYING };

/* What the screens show. */
struct remind_info {
	enum remind_state state;
	const char *routine;          /* its name (outside text) */
	int64_t routine_ms;           /* its length */
	int64_t left_ms;              /* until the next break; SCHEDULE_NEVER */
	bool later;                   /* the next break is not today, or it is
	                               * outside the hours now: no countdown */
	char when[48];                /* "10:30", "tomorrow 09:30", "Monday
	                               * 09:30"; "" when none can come */
	char rules[96];               /* "every 30 min, 09:00-17:30, Mon-Fri" */
	char tally[96];               /* "Today: 2 taken, 1 skipped, 0 snoozed" */
	int64_t snooze_ms;
	int64_t missed_in_ms;         /* a prompt: until it is missed */
	int64_t away_ms;              /* the sleep the last event counted */
	int taken, skipped, snoozed, missed;   /* today's */
};

struct remind;

/* Starts a reminder for p (which must outlive it) with so's speech and
 * bell, and front for the bell and warnings (a history record that
 * cannot be written, no speech program). NULL when out of memory. */
struct remind *remind_open(const struct remind_options *o, const struct session_options *so,
			   const struct plan *p, const struct cue_front *front);
/* Stops: an open prompt counts as missed; the state file is removed;
 * children are ended. NULL: nothing. */
void remind_close(struct remind *r);

/* Reads the clocks and brings the schedule to now (a new day resets
 * today's counts; children that ended are reaped). SCHEDULE_DUE: the
 * bell, the notification and speech have gone out, the prompt is open.
 * SCHEDULE_MISSED: recorded; SCHEDULE_SLEPT: the interval restarted. */
int remind_update(struct remind *r);
/* ms to wait before the next remind_update: -1 while a routine plays;
 * countdown: until the countdown's text changes too. */
int remind_wake(const struct remind *r, bool countdown);
/* An answer: recorded (REMIND_QUIT and REMIND_GONE only when a prompt
 * is open) and applied. */
void remind_answer(struct remind *r, enum remind_answer a);
/* The routine started with REMIND_START is over: the interval restarts. */
void remind_played(struct remind *r);
void remind_info(const struct remind *r, struct remind_info *i);

/* The notification's title and body, the speech ("Time for Desk break,
 * five minutes"), for a routine of this name and length. */
void remind_texts(const char *name, int64_t ms, char *title, char *body, char *say,
		  size_t size);

/* ---- status --------------------------------------------------------------- */

/* The state file's line: "1 PID DUE_MS STATE ROUTINE" (STATE waiting,
 * prompt or playing; DUE_MS 0 when none can come). */
struct remind_state_line {
	long pid;
	int64_t due_ms;
	enum remind_state state;
	char routine[128];
};
int remind_state_parse(const char *line, struct remind_state_line *s);

/* What `status` knows. */
struct remind_status {
	bool running;                 /* a live reminder's state was read ... */
	struct remind_state_line st;  /* ... this one */
	int64_t now_ms;               /* the wall clock */
	bool history;                 /* the history has records */
	int64_t streak;               /* days */
	int64_t today_s;              /* seconds of sessions done today */
	bool utf8;                    /* the output takes UTF-8 */
};

/* The status command's lines for --help. */
extern const char remind_status_usage[];
/* `stretchtui status [--format FMT]` with its n arguments: the exit
 * status. */
int remind_status_run(int n, char **args);
/* FMT expanded into buf: %n the next break in ("12m", "45s", "now" at
 * a prompt, "on" while the routine plays), %s the streak ("3d"), %t
 * today's minutes ("12m"), %r the routine, %% a %; a field without a
 * value is empty. NULL, the default: "stretch %n · %s" without the
 * parts that have no value. Nothing at all when no reminder runs and
 * there is no history. Returns the length, or -1 for a bad FMT. */
int remind_status_format(const char *fmt, const struct remind_status *s, char *buf,
			 size_t size);

#endif
