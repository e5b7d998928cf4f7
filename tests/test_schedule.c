/* Unit tests: the reminder's schedule on fake clocks and fake time zones —
 * the hours' and days' edges, DST, snooze, skip, an unanswered prompt,
 * sleeps longer and shorter than the interval, wall clock steps, and
 * the wake rule (how often a wait looks at the clock). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clock.h"
#include "schedule.h"

#define MIN 60000
#define HOUR (60 * MIN)

/* A fixed zone (ctx: seconds east) and one with DST like central Europe
 * in 2026: +1 until 2026-03-29 01:00 UTC, +2 until 2026-10-25 01:00 UTC. */
static int zone_fixed(void *ctx, int64_t t)
{
	(void)t;
	return *(const int *)ctx;
}

static int64_t utc_s(int64_t y, int m, int d, int hh, int mm, int off_h)
{
	return clock_days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 - off_h * 3600;
}

static int zone_dst(void *ctx, int64_t t)
{
	(void)ctx;
	return t >= utc_s(2026, 3, 29, 1, 0, 0) && t < utc_s(2026, 10, 25, 1, 0, 0) ? 7200
										       : 3600;
}

/* Wall time in ms of a local time in the DST zone (not one in its gap). */
static int64_t at(int m, int d, int hh, int mm)
{
	int64_t local = clock_days_from_civil(2026, m, d) * 86400 + hh * 3600 + mm * 60;
	int64_t t = local - 7200;
	if (zone_dst(NULL, t) != 7200)
		t = local - 3600;
	return t * 1000;
}

static int one_hour = 3600;

static struct schedule_rules rules(int from_min, int to_min, unsigned days)
{
	return (struct schedule_rules){ 30 * MIN, 5 * MIN, from_min, to_min, days,
					zone_dst, NULL };
}

#define WORKDAY (9 * 60), (17 * 60 + 30)
#define MON_FRI 0x1fu

/* Three clocks: a machine that is awake moves all three. */
struct sim {
	struct schedule_clock c;
};

static struct sim sim_at(int64_t wall_ms)
{
	return (struct sim){ { wall_ms, 1000000, 1000000 } };
}

static const struct schedule_clock *awake(struct sim *s, int64_t ms)
{
	s->c.wall_ms += ms;
	s->c.boot_ms += ms;
	s->c.mono_ms += ms;
	return &s->c;
}

static const struct schedule_clock *asleep(struct sim *s, int64_t ms)
{
	s->c.wall_ms += ms;
	s->c.boot_ms += ms;
	return &s->c;
}

static const struct schedule_clock *step(struct sim *s, int64_t ms)
{
	s->c.wall_ms += ms;
	return &s->c;
}

/* ---- the calendar ---------------------------------------------------------- */

static void test_local_time(void **state)
{
	(void)state;
	struct schedule_rules r = rules(0, 0, SCHEDULE_ALL_DAYS);
	/* 2026-03-27 is a Friday; 10:00 local is 09:00 UTC */
	assert_int_equal(at(3, 27, 10, 0) / 1000, utc_s(2026, 3, 27, 9, 0, 0));
	assert_int_equal(at(7, 1, 10, 0) / 1000, utc_s(2026, 7, 1, 8, 0, 0));
	int64_t L = clock_days_from_civil(2026, 3, 29) * 86400;
	/* 02:30 on the day DST starts is never shown: the instant past the gap */
	assert_int_equal(schedule_utc(&r, L + 2 * 3600 + 1800), utc_s(2026, 3, 29, 1, 30, 0));
	assert_int_equal(schedule_utc(&r, L + 9 * 3600), utc_s(2026, 3, 29, 7, 0, 0));
	/* 02:30 on the day it ends is shown twice: the first */
	L = clock_days_from_civil(2026, 10, 25) * 86400;
	assert_int_equal(schedule_utc(&r, L + 2 * 3600 + 1800), utc_s(2026, 10, 25, 0, 30, 0));
	struct schedule_rules f = r;
	f.offset = zone_fixed;
	f.ctx = &one_hour;
	assert_int_equal(schedule_utc(&f, 3600), 0);
}

/* A break due at 17:29 with the hours ending at 17:30 comes; one due at
 * 17:30 moves to the next morning, every after the hours start. */
static void test_hours_edge(void **state)
{
	(void)state;
	struct schedule_rules r = rules(WORKDAY, SCHEDULE_ALL_DAYS);
	assert_true(schedule_allowed(&r, at(3, 26, 17, 29) + 59999));
	assert_false(schedule_allowed(&r, at(3, 26, 17, 30)));
	assert_false(schedule_allowed(&r, at(3, 26, 8, 59)));
	assert_true(schedule_allowed(&r, at(3, 26, 9, 0)));
	assert_int_equal(schedule_next(&r, at(3, 26, 16, 59), 30 * MIN), at(3, 26, 17, 29));
	assert_int_equal(schedule_next(&r, at(3, 26, 17, 0), 30 * MIN), at(3, 27, 9, 30));

	struct sim s = sim_at(at(3, 26, 16, 59));
	struct schedule sc;
	schedule_init(&sc, &r, &s.c);
	assert_int_equal(sc.due_ms, at(3, 26, 17, 29));
	assert_int_equal(schedule_update(&sc, awake(&s, 29 * MIN + 59999)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, awake(&s, 1)), SCHEDULE_DUE);
	schedule_pause(&sc);                          /* the routine plays */
	assert_int_equal(schedule_update(&sc, awake(&s, 5 * MIN)), SCHEDULE_NONE);
	schedule_restart(&sc, &s.c);                  /* 17:34: after hours */
	assert_int_equal(sc.due_ms, at(3, 27, 9, 30));
	/* started after the hours: tomorrow, every after they start */
	schedule_init(&sc, &r, &(struct schedule_clock){ at(3, 26, 20, 0), 0, 0 });
	assert_int_equal(sc.due_ms, at(3, 27, 9, 30));
	/* and before them: every after the start when that is inside */
	schedule_init(&sc, &r, &(struct schedule_clock){ at(3, 26, 8, 50), 0, 0 });
	assert_int_equal(sc.due_ms, at(3, 26, 9, 20));
}

/* Friday evening to Monday morning; a weekend start waits for Monday. */
static void test_days_weekend(void **state)
{
	(void)state;
	struct schedule_rules r = rules(WORKDAY, MON_FRI);
	assert_int_equal(clock_weekday(clock_days_from_civil(2026, 3, 27)), 4);
	assert_int_equal(schedule_next(&r, at(3, 27, 17, 10), 30 * MIN), at(3, 30, 9, 30));
	assert_int_equal(schedule_next(&r, at(3, 28, 12, 0), 30 * MIN), at(3, 30, 9, 30));
	assert_false(schedule_allowed(&r, at(3, 28, 12, 0)));
	/* days without hours: the whole day, from midnight */
	r = rules(0, 0, MON_FRI);
	assert_int_equal(schedule_next(&r, at(3, 27, 23, 50), 30 * MIN), at(3, 30, 0, 30));
	assert_int_equal(schedule_next(&r, at(3, 27, 22, 0), 30 * MIN), at(3, 27, 22, 30));
	/* one day a week */
	r = rules(WORKDAY, 1u << 2);                  /* Wednesdays */
	assert_int_equal(schedule_next(&r, at(3, 27, 10, 0), 30 * MIN), at(4, 1, 9, 30));
}

/* No break can come: no day, or hours shorter than the interval. */
static void test_never(void **state)
{
	(void)state;
	struct schedule_rules r = rules(9 * 60, 9 * 60 + 20, SCHEDULE_ALL_DAYS);
	assert_int_equal(schedule_next(&r, at(3, 26, 10, 0), 30 * MIN), SCHEDULE_NEVER);
	r = rules(WORKDAY, 0);
	assert_int_equal(schedule_next(&r, at(3, 26, 10, 0), 30 * MIN), SCHEDULE_NEVER);
	struct schedule sc;
	struct sim s = sim_at(at(3, 26, 10, 0));
	schedule_init(&sc, &r, &s.c);
	assert_int_equal(schedule_left_ms(&sc, &s.c), SCHEDULE_NEVER);
	assert_int_equal(schedule_update(&sc, awake(&s, 10 * HOUR)), SCHEDULE_NONE);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, true), SCHEDULE_WAKE_MAX_MS);
}

/* Across DST changes: the next morning is 09:30 on the wall clock, and
 * an interval is real time. */
static void test_dst(void **state)
{
	(void)state;
	struct schedule_rules r = rules(WORKDAY, SCHEDULE_ALL_DAYS);
	/* Saturday evening at +1, Sunday morning at +2 */
	int64_t sun = schedule_next(&r, at(3, 28, 20, 0), 30 * MIN);
	assert_int_equal(sun / 1000, utc_s(2026, 3, 29, 7, 30, 0));
	assert_int_equal(sun, at(3, 29, 9, 30));
	/* and back in October: 09:30 at +1 */
	int64_t oct = schedule_next(&r, at(10, 24, 20, 0), 30 * MIN);
	assert_int_equal(oct / 1000, utc_s(2026, 10, 25, 8, 30, 0));
	/* all day: 01:50 + 30 minutes of real time reads 03:20 */
	r = rules(0, 0, SCHEDULE_ALL_DAYS);
	int64_t t = schedule_next(&r, at(3, 29, 1, 50), 30 * MIN);
	assert_int_equal(t - at(3, 29, 1, 50), 30 * MIN);
	assert_int_equal(t, at(3, 29, 3, 20));
	/* hours that start in the gap: the instant past it */
	r = rules(2 * 60 + 30, 5 * 60, SCHEDULE_ALL_DAYS);
	int64_t g = schedule_next(&r, at(3, 28, 20, 0), 30 * MIN);
	assert_int_equal(g / 1000, utc_s(2026, 3, 29, 2, 0, 0));   /* 04:00 at +2 */
	/* a fixed zone far east: its own midnight */
	int east = 14 * 3600;
	r = rules(WORKDAY, SCHEDULE_ALL_DAYS);
	r.offset = zone_fixed;
	r.ctx = &east;
	t = schedule_next(&r, utc_s(2026, 3, 26, 20, 0, 14) * 1000, 30 * MIN);
	assert_int_equal(t / 1000, utc_s(2026, 3, 27, 9, 30, 14));
}

/* ---- answers ------------------------------------------------------------------ */

static void start(struct schedule *sc, struct sim *s, int64_t wall)
{
	struct schedule_rules r = rules(WORKDAY, SCHEDULE_ALL_DAYS);
	*s = sim_at(wall);
	schedule_init(sc, &r, &s->c);
}

static void test_snooze(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 10, 0));
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN)), SCHEDULE_DUE);
	assert_true(sc.prompting);
	assert_int_equal(schedule_update(&sc, awake(&s, 1000)), SCHEDULE_NONE);
	schedule_snooze(&sc, awake(&s, 1000));
	assert_false(sc.prompting);
	assert_int_equal(schedule_left_ms(&sc, &s.c), 5 * MIN);
	assert_int_equal(schedule_update(&sc, awake(&s, 5 * MIN - 1)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, awake(&s, 1)), SCHEDULE_DUE);
	/* while waiting: the coming break put off */
	schedule_restart(&sc, &s.c);
	schedule_snooze(&sc, awake(&s, 10 * MIN));
	assert_int_equal(schedule_left_ms(&sc, &s.c), 5 * MIN);
	/* a snooze past the hours: the next morning */
	start(&sc, &s, at(3, 26, 16, 57));
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN)), SCHEDULE_DUE);
	schedule_snooze(&sc, &s.c);                   /* 17:27 + 5 */
	assert_int_equal(sc.due_ms, at(3, 27, 9, 30));
}

static void test_skip(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 10, 0));
	/* while waiting: the coming one passed over, the next is every later */
	schedule_skip(&sc, awake(&s, 10 * MIN));
	assert_int_equal(sc.due_ms, at(3, 26, 11, 0));
	assert_int_equal(schedule_update(&sc, awake(&s, 20 * MIN)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN)), SCHEDULE_DUE);
	/* at a prompt: every from now */
	schedule_skip(&sc, awake(&s, 2 * MIN));
	assert_false(sc.prompting);
	assert_int_equal(sc.due_ms, at(3, 26, 11, 32));
	/* skipping the last one of a day */
	start(&sc, &s, at(3, 26, 16, 40));
	schedule_skip(&sc, &s.c);
	assert_int_equal(sc.due_ms, at(3, 27, 9, 30));
}

static void test_missed(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 10, 0));
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN)), SCHEDULE_DUE);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, true), SCHEDULE_WAKE_MAX_MS);
	assert_int_equal(schedule_update(&sc, awake(&s, 4 * MIN)), SCHEDULE_NONE);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, true), MIN);
	assert_int_equal(schedule_update(&sc, awake(&s, MIN - 1)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, awake(&s, 1)), SCHEDULE_MISSED);
	assert_false(sc.prompting);
	assert_int_equal(sc.due_ms, at(3, 26, 11, 5));
	/* a routine that plays keeps anything from being due */
	schedule_pause(&sc);
	assert_int_equal(schedule_update(&sc, awake(&s, 3 * HOUR)), SCHEDULE_NONE);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, true), -1);
}

/* ---- sleep and clock steps ------------------------------------------------------- */

/* Asleep longer than the interval, through the due time: no prompt on
 * wake, the interval starts again. */
static void test_sleep_longer(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 10, 0));
	assert_int_equal(schedule_update(&sc, awake(&s, 20 * MIN)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, asleep(&s, 2 * HOUR)), SCHEDULE_SLEPT);
	assert_int_equal(sc.away_ms, 2 * HOUR);
	assert_false(sc.prompting);
	assert_int_equal(sc.due_ms, at(3, 26, 12, 50));
	assert_int_equal(schedule_update(&sc, awake(&s, 1000)), SCHEDULE_NONE);
	/* asleep through the night: the morning's first break */
	start(&sc, &s, at(3, 26, 17, 0));
	assert_int_equal(schedule_update(&sc, asleep(&s, 16 * HOUR)), SCHEDULE_SLEPT);
	assert_int_equal(sc.due_ms, at(3, 27, 9, 30));
}

/* Shorter than the interval: a break all the same (the interval starts
 * again at the wake, not at the old due time); a nap under a minute that
 * does not cross the due time changes nothing, one that does is a break. */
static void test_sleep_shorter(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 10, 0));
	assert_int_equal(schedule_update(&sc, awake(&s, 10 * MIN)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, asleep(&s, 10 * MIN)), SCHEDULE_SLEPT);
	assert_int_equal(sc.due_ms, at(3, 26, 10, 50));
	assert_int_equal(schedule_update(&sc, asleep(&s, 20000)), SCHEDULE_NONE);
	assert_int_equal(sc.due_ms, at(3, 26, 10, 50));
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN - 25000)), SCHEDULE_NONE);
	assert_int_equal(schedule_update(&sc, asleep(&s, 10000)), SCHEDULE_SLEPT);
	assert_int_equal(sc.due_ms, s.c.wall_ms + 30 * MIN);
	/* clock jitter is no sleep */
	assert_int_equal(schedule_update(&sc, asleep(&s, 3)), SCHEDULE_NONE);
	/* a sleep while the prompt is open: it is missed */
	assert_int_equal(schedule_update(&sc, awake(&s, 30 * MIN)), SCHEDULE_DUE);
	assert_int_equal(schedule_update(&sc, asleep(&s, 3000)), SCHEDULE_MISSED);
	assert_int_equal(sc.due_ms, s.c.wall_ms + 30 * MIN);
}

/* The wall clock set back: the time left stays; set ahead by a lot with
 * no boot clock to tell (boot = monotonic): taken for a sleep. */
static void test_wall_steps(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	start(&sc, &s, at(3, 26, 11, 0));
	awake(&s, 10 * MIN);
	assert_int_equal(schedule_update(&sc, step(&s, -HOUR)), SCHEDULE_NONE);
	assert_int_equal(schedule_left_ms(&sc, &s.c), 20 * MIN);
	assert_int_equal(sc.due_ms, at(3, 26, 10, 30));
	assert_int_equal(schedule_update(&sc, awake(&s, 20 * MIN)), SCHEDULE_DUE);
	schedule_restart(&sc, &s.c);
	/* a small step ahead (a time sync): the time left stays too */
	assert_int_equal(schedule_update(&sc, step(&s, 5000)), SCHEDULE_NONE);
	assert_int_equal(schedule_left_ms(&sc, &s.c), 30 * MIN);
	assert_int_equal(schedule_update(&sc, step(&s, 2 * HOUR)), SCHEDULE_SLEPT);
	assert_int_equal(sc.away_ms, 2 * HOUR);
	assert_int_equal(schedule_left_ms(&sc, &s.c), 30 * MIN);
	/* set back to before the hours: the morning's first break */
	start(&sc, &s, at(3, 26, 9, 10));
	assert_int_equal(schedule_update(&sc, step(&s, -2 * HOUR)), SCHEDULE_NONE);
	assert_int_equal(sc.due_ms, at(3, 26, 9, 30));
}

/* ---- waking ------------------------------------------------------------------------ */

static void test_countdown(void **state)
{
	(void)state;
	bool sec;
	assert_int_equal(schedule_countdown(30 * MIN, &sec), 30);
	assert_false(sec);
	assert_int_equal(schedule_countdown(29 * MIN + 1, &sec), 30);
	assert_int_equal(schedule_countdown(MIN + 1, &sec), 2);
	assert_int_equal(schedule_countdown(MIN, &sec), 60);
	assert_true(sec);
	assert_int_equal(schedule_countdown(1, &sec), 1);
	assert_int_equal(schedule_countdown(0, &sec), 0);
}

/* A ten-minute wait with minutes shown looks at the clock about once a
 * minute; the last minute once a second; a wait with nothing shown only
 * at the cap. */
static void test_wakes(void **state)
{
	(void)state;
	struct schedule sc;
	struct sim s;
	struct schedule_rules r = rules(0, 0, SCHEDULE_ALL_DAYS);
	r.every_ms = 11 * MIN + 500;
	s = sim_at(at(3, 26, 10, 0));
	schedule_init(&sc, &r, &s.c);
	int wakes = 0, last_minute = 0;
	enum schedule_event ev = SCHEDULE_NONE;
	while (ev != SCHEDULE_DUE && wakes < 1000) {
		int64_t ms = schedule_wake_ms(&sc, &s.c, true);
		bool in_last = schedule_left_ms(&sc, &s.c) <= MIN;
		assert_true(ms >= 1 && ms <= SCHEDULE_WAKE_MAX_MS);
		ev = schedule_update(&sc, awake(&s, ms));
		wakes++;
		last_minute += in_last;
	}
	assert_int_equal(ev, SCHEDULE_DUE);
	assert_int_equal(s.c.wall_ms, at(3, 26, 10, 11) + 500);
	assert_int_equal(last_minute, 60);
	assert_int_equal(wakes - last_minute, 11);   /* 0.5 s, then 10 minutes */
	/* no countdown: only the cap */
	schedule_init(&sc, &r, &s.c);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, false), SCHEDULE_WAKE_MAX_MS);
	awake(&s, 11 * MIN);
	assert_int_equal(schedule_wake_ms(&sc, &s.c, false), 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_hours_edge),
		cmocka_unit_test(test_days_weekend),
		cmocka_unit_test(test_never),
		cmocka_unit_test(test_dst),
		cmocka_unit_test(test_snooze),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_missed),
		cmocka_unit_test(test_sleep_longer),
		cmocka_unit_test(test_sleep_shorter),
		cmocka_unit_test(test_wall_steps),
		cmocka_unit_test(test_countdown),
		cmocka_unit_test(test_wakes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
