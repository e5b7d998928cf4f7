/* schedule — when the next break of a reminder is due (DESIGN.md,
 * "Reminders"): an interval, the hours and days breaks may come in,
 * snoozes, skips, an unanswered prompt, and the time the machine spent
 * asleep. Pure: it reads no clock. The caller reads three clocks at every
 * wake and hands them in (struct schedule_clock); local time comes from a
 * zone function (clock_utc_offset unless the rules give another), so a
 * test runs a week through DST changes, suspends and clock steps in
 * microseconds.
 *
 * The rules, in full:
 *   - a break is due `every` after the last one ended (taken, skipped,
 *     missed), or after the start;
 *   - breaks come only inside the hours (from <= local time < to) on the
 *     days; one that would fall outside moves to `every` after the start
 *     of the next window ("tomorrow 09:30" for 09:00-17:30, every 30m);
 *   - a snooze moves the prompt `snooze` on (or to the next window);
 *   - a prompt unanswered for SCHEDULE_MISSED_MS of awake time is missed;
 *   - the time asleep counts as a break: when the boot clock (which runs
 *     through a suspend) got ahead of the monotonic one by
 *     SCHEDULE_SLEEP_MS or more, or by any time at all across the due
 *     moment, or the wall clock leapt ahead that far (a sleep where there
 *     is no boot clock), the interval starts again at the wake: no stale
 *     prompt fires the moment the lid opens;
 *   - any other step of the wall clock (backwards, or a small one ahead)
 *     leaves the time to the next break as it was.
 * Times are in milliseconds: wall time since the epoch (UTC). */
#ifndef STRETCHTUI_SCHEDULE_H
#define STRETCHTUI_SCHEDULE_H

#include <stdbool.h>
#include <stdint.h>

#define SCHEDULE_NEVER INT64_MAX
#define SCHEDULE_MISSED_MS (5 * 60000)   /* an unanswered prompt is missed */
#define SCHEDULE_SLEEP_MS 60000          /* asleep this long: a break */
#define SCHEDULE_STEP_MS 2000            /* clock differences below: noise */
#define SCHEDULE_WAKE_MAX_MS 60000       /* the longest wait (a suspend or a
                                          * clock step is seen this soon) */
#define SCHEDULE_DAYS_AHEAD 8            /* how far a break is looked for */
#define SCHEDULE_ALL_DAYS 0x7fu

/* One reading of the clocks. */
struct schedule_clock {
	int64_t wall_ms;    /* CLOCK_REALTIME */
	int64_t boot_ms;    /* CLOCK_BOOTTIME (counts a suspend); the
	                     * monotonic clock where there is none */
	int64_t mono_ms;    /* CLOCK_MONOTONIC (stops in a suspend) */
};

struct schedule_rules {
	int64_t every_ms;   /* > 0 */
	int64_t snooze_ms;  /* > 0 */
	int from_min, to_min; /* the hours, minutes after local midnight,
	                     * from < to; both 0: all day */
	unsigned days;      /* bit 0 Monday ... bit 6 Sunday */
	/* The local offset from UTC at t (seconds east); NULL:
	 * clock_utc_offset. */
	int (*offset)(void *ctx, int64_t t_s);
	void *ctx;
};

enum schedule_event {
	SCHEDULE_NONE,
	SCHEDULE_DUE,       /* a break is due: the prompt opens */
	SCHEDULE_MISSED,    /* the prompt went unanswered (for
	                     * SCHEDULE_MISSED_MS, or the machine slept
	                     * meanwhile); the interval started again */
	SCHEDULE_SLEPT,     /* a sleep while waiting counted as a break;
	                     * the interval started again */
};

struct schedule {
	struct schedule_rules r;
	struct schedule_clock last;   /* the reading of the last call */
	int64_t due_ms;               /* the next break (wall), or NEVER */
	bool prompting;               /* a prompt is open ... */
	int64_t prompt_mono;          /* ... since then (monotonic) */
	bool paused;                  /* a routine plays: nothing is due */
	int64_t away_ms;              /* the sleep of the last SLEPT/MISSED */
};

/* Starts: the first break is `every` from now (or in the next window). */
void schedule_init(struct schedule *s, const struct schedule_rules *r,
		   const struct schedule_clock *now);
/* Brings s to now; what happened. */
enum schedule_event schedule_update(struct schedule *s, const struct schedule_clock *now);

/* The answers. Snooze: the prompt (or, while waiting, the coming break)
 * comes again `snooze` from now. Skip: at a prompt, the interval starts
 * again now; while waiting, the coming break is passed over (the next is
 * `every` after it). Pause: a routine starts (nothing is due until
 * schedule_restart). Restart: the interval starts again now. */
void schedule_snooze(struct schedule *s, const struct schedule_clock *now);
void schedule_skip(struct schedule *s, const struct schedule_clock *now);
void schedule_pause(struct schedule *s);
void schedule_restart(struct schedule *s, const struct schedule_clock *now);

/* ms until the next break (0 when due), or SCHEDULE_NEVER. */
int64_t schedule_left_ms(const struct schedule *s, const struct schedule_clock *now);
/* ms until the caller must look again: until the prompt is missed, the
 * break is due, or (countdown) the countdown's text changes: whole
 * minutes while more than a minute is left (schedule_countdown), then
 * whole seconds; never more than SCHEDULE_WAKE_MAX_MS, at least 1. -1
 * while paused. */
int64_t schedule_wake_ms(const struct schedule *s, const struct schedule_clock *now,
			 bool countdown);
/* The countdown as shown for left_ms: minutes (rounded up) while more
 * than a minute is left, *seconds false; else seconds (rounded up). */
int64_t schedule_countdown(int64_t left_ms, bool *seconds);

/* ---- the calendar (exposed for the tests and for what is shown) ------- */

/* Whether a break may come at t. */
bool schedule_allowed(const struct schedule_rules *r, int64_t t_ms);
/* When a break is due that was started len_ms after from: from + len when
 * allowed, else `every` after the start of a later window; NEVER when
 * none comes in SCHEDULE_DAYS_AHEAD days. */
int64_t schedule_next(const struct schedule_rules *r, int64_t from_ms, int64_t len_ms);
/* The local offset at t, by the rules' zone. */
int schedule_offset(const struct schedule_rules *r, int64_t t_s);
/* The instant a wall clock shows local_s (seconds since 1970-01-01 in
 * local time): the earlier one when it shows it twice (DST ends), the
 * instant as far past the gap when it never does (DST starts). */
int64_t schedule_utc(const struct schedule_rules *r, int64_t local_s);

#endif
