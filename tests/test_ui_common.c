/* Unit tests: the player's keys as both front ends share them — what a key
 * means, and what an action does to the engine (the quit question). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "engine.h"
#include "plan.h"
#include "ui_common.h"

static void test_keys(void **state)
{
	(void)state;
	assert_int_equal(ui_key_action(' ', false), UI_ACT_PAUSE);
	assert_int_equal(ui_key_action('n', false), UI_ACT_SKIP);
	assert_int_equal(ui_key_action(UI_K_RIGHT, false), UI_ACT_SKIP);
	assert_int_equal(ui_key_action(UI_K_LEFT, false), UI_ACT_BACK);
	assert_int_equal(ui_key_action('=', false), UI_ACT_EXTEND);
	assert_int_equal(ui_key_action('+', false), UI_ACT_EXTEND);
	assert_int_equal(ui_key_action('-', false), UI_ACT_UNEXTEND);
	assert_int_equal(ui_key_action('\r', false), UI_ACT_REP);
	assert_int_equal(ui_key_action(UI_K_ENTER, false), UI_ACT_REP);
	assert_int_equal(ui_key_action('q', false), UI_ACT_ASK_QUIT);
	assert_int_equal(ui_key_action('y', false), UI_ACT_NONE);
	assert_int_equal(ui_key_action(UI_K_RESIZE, false), UI_ACT_RESIZE);
	assert_int_equal(ui_key_action(UI_K_OTHER, false), UI_ACT_NONE);
}

/* While the quit question is open only its answers count; a resize or a
 * function key is no answer. */
static void test_answers(void **state)
{
	(void)state;
	assert_int_equal(ui_key_action('y', true), UI_ACT_YES);
	assert_int_equal(ui_key_action('Y', true), UI_ACT_YES);
	assert_int_equal(ui_key_action('n', true), UI_ACT_NO);
	assert_int_equal(ui_key_action('q', true), UI_ACT_NO);
	assert_int_equal(ui_key_action(27, true), UI_ACT_NO);
	assert_int_equal(ui_key_action(UI_K_RESIZE, true), UI_ACT_RESIZE);
	assert_int_equal(ui_key_action(UI_K_OTHER, true), UI_ACT_NONE);
	assert_int_equal(ui_key_action(UI_K_RIGHT, true), UI_ACT_NONE);
	assert_int_equal(ui_key_action(' ', true), UI_ACT_NONE);
}

static const struct exercise ex = { .name = "Neck tilt" };

static void test_quit_question(void **state)
{
	(void)state;
	struct step st = { .kind = STEP_HOLD, .exercise = &ex, .hold_ms = 60000,
			   .sets = 1 };
	struct routine r;
	struct plan p;
	struct engine_state s;
	struct ui_ask ask = { 0 };
	routine_init(&r);
	r.name = "t";
	r.steps = &st;
	r.n_steps = 1;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	struct engine *e = engine_start(&p, 0);
	assert_false(ui_apply(e, &ask, UI_ACT_ASK_QUIT, 1000));
	engine_state(e, 1000, &s);
	assert_true(ask.open && ask.resume && s.paused);
	assert_false(ui_apply(e, &ask, ui_key_action(UI_K_RESIZE, ask.open), 1500));
	assert_true(ask.open);
	assert_false(ui_apply(e, &ask, ui_key_action('n', ask.open), 2000));
	engine_state(e, 2000, &s);
	assert_false(ask.open);
	assert_true(s.resume_in_ms > 0);
	ui_apply(e, &ask, UI_ACT_PAUSE, 3000);       /* paused before asking */
	ui_apply(e, &ask, UI_ACT_ASK_QUIT, 3000);
	assert_false(ask.resume);
	ui_apply(e, &ask, UI_ACT_NO, 3500);
	engine_state(e, 3500, &s);
	assert_true(s.paused);
	ui_apply(e, &ask, UI_ACT_ASK_QUIT, 4000);
	assert_true(ui_apply(e, &ask, ui_key_action('y', ask.open), 4000));
	engine_state(e, 4000, &s);
	assert_true(s.finished && s.quit);
	engine_free(e);
	/* + and - on the engine */
	e = engine_start(&p, 0);
	ui_apply(e, &ask, UI_ACT_EXTEND, 1000);
	ui_apply(e, &ask, UI_ACT_EXTEND, 1000);
	ui_apply(e, &ask, UI_ACT_UNEXTEND, 2000);
	engine_state(e, 2000, &s);
	assert_int_equal(s.seg_len_ms, p.seg[0].len_ms + ENGINE_EXTEND_MS);
	engine_free(e);
	plan_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_answers),
		cmocka_unit_test(test_quit_question),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
