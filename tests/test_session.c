/* Unit tests: what both front ends share about playing — an action of the
 * player's keys on the engine (the quit question), holding a session, the
 * bell rule and the summary line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "engine.h"
#include "keys.h"
#include "plan.h"
#include "session.h"

static const struct exercise ex = { .name = "Neck tilt" };
static struct step one_hold = { .kind = STEP_HOLD, .exercise = &ex, .hold_ms = 60000,
				.sets = 1 };

static void hold_plan(struct routine *r, struct plan *p)
{
	routine_init(r);
	r->name = "t";
	r->steps = &one_hold;
	r->n_steps = 1;
	assert_int_equal(plan_build(r, p), PLAN_OK);
}

/* What a key does while asking, through the table the front ends use. */
static enum keys_action answer(const struct session_ask *ask, int key)
{
	return keys_action(ask->open ? &keys_quit : &keys_player, key);
}

static void test_quit_question(void **state)
{
	(void)state;
	struct routine r;
	struct plan p;
	struct engine_state s;
	struct session_ask ask = { 0 };
	hold_plan(&r, &p);
	struct engine *e = engine_start(&p, 0);
	assert_false(session_apply(e, &ask, answer(&ask, 'q'), 1000));
	engine_state(e, 1000, &s);
	assert_true(ask.open && ask.resume && s.paused);
	assert_false(session_apply(e, &ask, answer(&ask, KEYS_RIGHT), 1500));
	assert_false(session_apply(e, &ask, answer(&ask, ' '), 1500));
	assert_true(ask.open);               /* no answer */
	assert_false(session_apply(e, &ask, answer(&ask, 'n'), 2000));
	engine_state(e, 2000, &s);
	assert_false(ask.open);
	assert_true(s.resume_in_ms > 0);
	session_apply(e, &ask, KEYS_ACT_PAUSE, 3000);       /* paused before asking */
	session_apply(e, &ask, KEYS_ACT_ASK_QUIT, 3000);
	assert_false(ask.resume);
	session_apply(e, &ask, answer(&ask, KEYS_ESC), 3500);
	engine_state(e, 3500, &s);
	assert_true(s.paused);
	session_apply(e, &ask, KEYS_ACT_ASK_QUIT, 4000);
	assert_true(session_apply(e, &ask, answer(&ask, 'y'), 4000));
	engine_state(e, 4000, &s);
	assert_true(s.finished && s.quit);
	engine_free(e);
	plan_free(&p);
}

static void test_extend_and_hold(void **state)
{
	(void)state;
	struct routine r;
	struct plan p;
	struct engine_state s;
	struct session_ask ask = { 0 };
	hold_plan(&r, &p);
	struct engine *e = engine_start(&p, 0);
	session_apply(e, &ask, KEYS_ACT_EXTEND, 1000);
	session_apply(e, &ask, KEYS_ACT_EXTEND, 1000);
	session_apply(e, &ask, KEYS_ACT_UNEXTEND, 2000);
	engine_state(e, 2000, &s);
	assert_int_equal(s.seg_len_ms, p.seg[0].len_ms + ENGINE_EXTEND_MS);
	/* holding pauses a running session once; the second time it was held */
	assert_true(session_hold(e, 3000));
	assert_false(session_hold(e, 3500));
	engine_state(e, 3500, &s);
	assert_true(s.paused);
	/* what is the front end's does nothing to the engine */
	assert_false(session_apply(e, &ask, KEYS_ACT_HELP, 4000));
	assert_false(session_apply(e, &ask, KEYS_ACT_REDRAW, 4000));
	engine_state(e, 4000, &s);
	assert_true(s.paused && !s.finished);
	engine_free(e);
	plan_free(&p);
}

static void test_clock_timeout(void **state)
{
	(void)state;
	struct session_clock c = { 0, 2.0 };
	assert_int_equal(session_clock_timeout(&c, -1), -1);
	assert_int_equal(session_clock_timeout(&c, 1000), 500);
	assert_int_equal(session_clock_timeout(&c, 1001), 501);   /* rounded up */
	assert_int_equal(session_clock_timeout(&c, 0), 1);        /* never 0 */
	c.speed = 0.5;
	assert_int_equal(session_clock_timeout(&c, 1000), 2000);
}

static void test_summary(void **state)
{
	(void)state;
	char buf[256];
	struct engine_summary s = { .planned_ms = 900000, .done_ms = 192000,
				    .exercises_total = 9, .exercises_done = 2,
				    .exercises_skipped = 1 };
	session_summary_line("Upper back", &s, buf, sizeof buf);
	assert_string_equal(buf, "Upper back: stopped at 03:12 of 15:00; "
				 "2 of 9 exercises done, 1 skipped.");
	/* started at 00:29 (--from, --resume): where in the plan it stopped */
	s.began_ms = 29000;
	s.stopped_ms = 46000;
	s.done_ms = 17000;
	session_summary_line("Upper back", &s, buf, sizeof buf);
	assert_string_equal(buf, "Upper back: stopped at 00:46 of 15:00; "
				 "2 of 9 exercises done, 1 skipped.");
}

/* The record a front end saves, and the check-in's answers as feels. */
static void test_record_and_feel(void **state)
{
	(void)state;
	struct routine r;
	struct history_record h;
	routine_init(&r);
	r.id = "neck";
	r.name = "Neck\trelease";
	struct engine_summary s = { .planned_ms = 60000, .done_ms = 59600,
				    .exercises_total = 1, .exercises_done = 1,
				    .completed = true };
	session_record(&h, &r, &s, 1796000000, false);
	assert_int_equal(h.outcome, HISTORY_COMPLETED);
	assert_int_equal(h.feel, HISTORY_FEEL_NONE);
	assert_int_equal(h.done_s, 60);
	assert_string_equal(h.routine, "neck");
	assert_null(strchr(h.name, '\t'));
	assert_int_equal(h.start_s, 1796000000);
	session_record(&h, &r, &s, 1796000000, true);
	assert_int_equal(h.outcome, HISTORY_SIGNAL);
	s.completed = false;
	session_record(&h, &r, &s, 1796000000, false);
	assert_int_equal(h.outcome, HISTORY_QUIT);
	assert_int_equal(session_feel(keys_action(&keys_checkin, '1')), HISTORY_WORSE);
	assert_int_equal(session_feel(keys_action(&keys_checkin, '2')), HISTORY_SAME);
	assert_int_equal(session_feel(keys_action(&keys_checkin, '3')), HISTORY_BETTER);
	assert_int_equal(session_feel(keys_action(&keys_checkin, '\r')), HISTORY_FEEL_NONE);
	assert_int_equal(session_feel(keys_action(&keys_checkin, 'q')), HISTORY_FEEL_NONE);
	assert_int_equal(session_feel(KEYS_ACT_SKIP), HISTORY_FEEL_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quit_question),
		cmocka_unit_test(test_extend_and_hold),
		cmocka_unit_test(test_clock_timeout),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_record_and_feel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
