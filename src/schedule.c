/* schedule — the next break's time (see schedule.h). Reads no clock. */
#include "schedule.h"

#include "clock.h"

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* ---- local time ------------------------------------------------------------ */

int schedule_offset(const struct schedule_rules *r, int64_t t_s)
{
	return r->offset ? r->offset(r->ctx, t_s) : clock_utc_offset(t_s);
}

/* The wall clock reading (local seconds) at t. */
static int64_t local_of(const struct schedule_rules *r, int64_t t_s)
{
	return t_s + schedule_offset(r, t_s);
}

int64_t schedule_utc(const struct schedule_rules *r, int64_t local_s)
{
	/* The offsets around it: an offset is under a day, and zones change
	 * it at most once in two days. */
	int64_t probe[3] = { local_s - 86400, local_s, local_s + 86400 };
	int64_t exact = SCHEDULE_NEVER, after = SCHEDULE_NEVER;
	for (int i = 0; i < 3; i++) {
		int64_t c = local_s - schedule_offset(r, probe[i]);
		int64_t shown = local_of(r, c);
		if (shown == local_s && c < exact)
			exact = c;
		else if (shown > local_s && c < after)
			after = c;
	}
	return exact != SCHEDULE_NEVER ? exact : after;
}

/* t's local day and minute of the day. */
static void local_parts(const struct schedule_rules *r, int64_t t_ms, int64_t *day,
			int *minute)
{
	int64_t local = local_of(r, floor_div(t_ms, 1000));
	*day = floor_div(local, 86400);
	*minute = (int)((local - *day * 86400) / 60);
}

static bool all_day(const struct schedule_rules *r)
{
	return r->from_min == 0 && r->to_min == 0;
}

static bool day_allowed(const struct schedule_rules *r, int64_t day)
{
	return (r->days >> clock_weekday(day)) & 1u;
}

bool schedule_allowed(const struct schedule_rules *r, int64_t t_ms)
{
	int64_t day;
	int minute;
	local_parts(r, t_ms, &day, &minute);
	if (!all_day(r) && (minute < r->from_min || minute >= r->to_min))
		return false;
	return day_allowed(r, day);
}

/* The first start of a window at or after t; NEVER when none is near. */
static int64_t window_after(const struct schedule_rules *r, int64_t t_ms)
{
	int64_t day;
	int minute;
	local_parts(r, t_ms, &day, &minute);
	for (int64_t d = day; d <= day + SCHEDULE_DAYS_AHEAD; d++) {
		int64_t start = schedule_utc(r, d * 86400 + r->from_min * 60) * 1000;
		if (start >= t_ms && day_allowed(r, d))
			return start;
	}
	return SCHEDULE_NEVER;
}

int64_t schedule_next(const struct schedule_rules *r, int64_t from_ms, int64_t len_ms)
{
	int64_t t = from_ms + len_ms;
	if (r->every_ms <= 0 || r->days == 0)
		return SCHEDULE_NEVER;
	if (schedule_allowed(r, t))
		return t;
	for (int k = 0; k <= SCHEDULE_DAYS_AHEAD; k++) {
		int64_t w = window_after(r, t);
		if (w == SCHEDULE_NEVER)
			break;
		if (schedule_allowed(r, w + r->every_ms))
			return w + r->every_ms;
		t = w + 1000;          /* the window is too short: the next one */
	}
	return SCHEDULE_NEVER;
}

/* ---- the state ----------------------------------------------------------------- */

void schedule_init(struct schedule *s, const struct schedule_rules *r,
		   const struct schedule_clock *now)
{
	*s = (struct schedule){ .r = *r, .last = *now };
	s->due_ms = schedule_next(r, now->wall_ms, r->every_ms);
}

void schedule_restart(struct schedule *s, const struct schedule_clock *now)
{
	s->paused = s->prompting = false;
	s->last = *now;
	s->due_ms = schedule_next(&s->r, now->wall_ms, s->r.every_ms);
}

void schedule_pause(struct schedule *s)
{
	s->paused = true;
	s->prompting = false;
}

void schedule_snooze(struct schedule *s, const struct schedule_clock *now)
{
	s->prompting = false;
	s->last = *now;
	s->due_ms = schedule_next(&s->r, now->wall_ms, s->r.snooze_ms);
}

void schedule_skip(struct schedule *s, const struct schedule_clock *now)
{
	if (s->prompting || s->due_ms == SCHEDULE_NEVER) {
		schedule_restart(s, now);
		return;
	}
	s->last = *now;
	s->due_ms = schedule_next(&s->r, s->due_ms, s->r.every_ms);
}

/* The time asleep between two readings (0 for none), and a step of the
 * wall clock that is no sleep moved into the due time. */
static int64_t schedule_away(struct schedule *s, const struct schedule_clock *now)
{
	int64_t d_mono = now->mono_ms - s->last.mono_ms;
	int64_t d_boot = now->boot_ms - s->last.boot_ms;
	int64_t jump = (now->wall_ms - s->last.wall_ms) - d_boot;
	int64_t slept = d_boot - d_mono;
	int64_t away = slept >= SCHEDULE_STEP_MS ? slept : 0;
	if (jump >= SCHEDULE_SLEEP_MS) {
		away += jump;              /* ahead: a sleep no boot clock saw */
	} else if ((jump >= SCHEDULE_STEP_MS || jump <= -SCHEDULE_STEP_MS) &&
		   s->due_ms != SCHEDULE_NEVER && !s->prompting) {
		/* a step: the time left stays; a break in the hours still */
		s->due_ms += jump;
		if (!schedule_allowed(&s->r, s->due_ms))
			s->due_ms = schedule_next(&s->r, s->due_ms, 0);
	}
	return away;
}

enum schedule_event schedule_update(struct schedule *s, const struct schedule_clock *now)
{
	int64_t away = schedule_away(s, now);
	s->last = *now;
	if (s->paused)
		return SCHEDULE_NONE;
	bool through = away > 0 && s->due_ms != SCHEDULE_NEVER && now->wall_ms >= s->due_ms;
	if (away >= SCHEDULE_SLEEP_MS || through || (away > 0 && s->prompting)) {
		bool was = s->prompting;
		s->away_ms = away;
		schedule_restart(s, now);
		return was ? SCHEDULE_MISSED : SCHEDULE_SLEPT;
	}
	if (s->prompting) {
		if (now->mono_ms - s->prompt_mono < SCHEDULE_MISSED_MS)
			return SCHEDULE_NONE;
		s->away_ms = 0;
		schedule_restart(s, now);
		return SCHEDULE_MISSED;
	}
	if (s->due_ms == SCHEDULE_NEVER || now->wall_ms < s->due_ms)
		return SCHEDULE_NONE;
	s->prompting = true;
	s->prompt_mono = now->mono_ms;
	return SCHEDULE_DUE;
}

/* ---- what to show, and when to look again ------------------------------------ */

int64_t schedule_left_ms(const struct schedule *s, const struct schedule_clock *now)
{
	if (s->due_ms == SCHEDULE_NEVER)
		return SCHEDULE_NEVER;
	int64_t left = s->due_ms - now->wall_ms;
	return left > 0 ? left : 0;
}

int64_t schedule_countdown(int64_t left_ms, bool *seconds)
{
	*seconds = left_ms <= 60000;
	int64_t unit = *seconds ? 1000 : 60000;
	return left_ms <= 0 ? 0 : (left_ms + unit - 1) / unit;
}

/* ms until the countdown's text for left_ms changes. */
static int64_t countdown_change(int64_t left_ms)
{
	bool seconds;
	int64_t shown = schedule_countdown(left_ms, &seconds);
	int64_t unit = seconds ? 1000 : 60000;
	return left_ms - (shown - 1) * unit;
}

int64_t schedule_wake_ms(const struct schedule *s, const struct schedule_clock *now,
			 bool countdown)
{
	int64_t ms;
	if (s->paused)
		return -1;
	if (s->prompting)
		ms = SCHEDULE_MISSED_MS - (now->mono_ms - s->prompt_mono);
	else if (s->due_ms == SCHEDULE_NEVER)
		ms = SCHEDULE_WAKE_MAX_MS;
	else
		ms = countdown ? countdown_change(schedule_left_ms(s, now))
			       : schedule_left_ms(s, now);
	if (ms > SCHEDULE_WAKE_MAX_MS)
		ms = SCHEDULE_WAKE_MAX_MS;
	return ms < 1 ? 1 : ms;
}
