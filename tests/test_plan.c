/* Unit tests: plan layout, with routines built by hand (no loader) and
 * totals computed by hand from the blueprint's rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "plan.h"

static const char *lr[] = { "left", "right" };

static struct phase open_close[] = { { "Open", 3000 }, { "Close", 3000 } };
static struct phase squeeze[] = { { "Squeeze", 10000 }, { "Release", 2000 } };

static const struct exercise roll = { .id = "foam-roll-upper-back", .name = "Foam roll" };
static const struct exercise book = { .id = "open-book", .name = "Open book",
				      .phases = open_close, .n_phases = 2 };
static const struct exercise scap = { .name = "Scapular squeeze",
				      .phases = squeeze, .n_phases = 2 };
static const struct exercise tap = { .name = "Tap" };

static struct step ex_step(enum step_kind kind, const struct exercise *x)
{
	return (struct step){ .kind = kind, .exercise = x, .sets = 1,
			      .get_ready_ms = 5000, .switch_ms = 5000,
			      .set_rest_ms = 15000 };
}

static struct step hold(const struct exercise *x, int64_t ms)
{
	struct step s = ex_step(STEP_HOLD, x);
	s.hold_ms = ms;
	return s;
}

static struct step reps(const struct exercise *x, int n)
{
	struct step s = ex_step(STEP_REPS, x);
	s.reps = n;
	return s;
}

static struct step rest(int64_t ms)
{
	return (struct step){ .kind = STEP_REST, .rest_ms = ms, .sets = 1 };
}

static struct routine routine_of(struct step *steps, size_t n)
{
	struct routine r;
	routine_init(&r);
	r.path = "hand.yaml";
	r.steps = steps;
	r.n_steps = n;
	return r;
}

/* Every plan is a gapless timeline that adds up to its total. */
static void assert_contiguous(const struct plan *p)
{
	int64_t t = 0;
	for (size_t i = 0; i < p->n; i++) {
		assert_int_equal(p->seg[i].start_ms, t);
		assert_true(p->seg[i].len_ms > 0);
		t += p->seg[i].len_ms;
	}
	assert_int_equal(t, p->total_ms);
}

static void assert_seg(const struct segment *g, enum segment_kind kind,
		       int64_t start, int64_t len)
{
	assert_int_equal(g->kind, kind);
	assert_int_equal(g->start_ms, start);
	assert_int_equal(g->len_ms, len);
}

static void test_single_hold(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 90000) };
	struct routine r = routine_of(s, 1);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.n, 2);
	assert_seg(&p.seg[0], SEG_PREPARE, 0, 5000);
	assert_seg(&p.seg[1], SEG_WORK, 5000, 90000);
	assert_ptr_equal(p.seg[0].exercise, &roll);
	assert_int_equal(p.seg[1].rep_n, 0);
	assert_null(p.seg[1].side);
	assert_int_equal(p.total_ms, 95000);
	plan_free(&p);
}

/* The blueprint's example: 95 + 106 + 30 + 125 = 356 s. */
static void test_blueprint_example(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 90000), reps(&book, 8), rest(30000),
			    reps(&scap, 10) };
	s[1].sides = (struct strlist){ lr, 2 };
	struct routine r = routine_of(s, 4);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.total_ms, 356000);
	/* 2 + (1 + 16 + 1 + 16) + 1 + (1 + 20) */
	assert_int_equal(p.n, 2 + 34 + 1 + 21);
	assert_contiguous(&p);
	const struct segment *g = &p.seg[4];           /* open book: prepare, L1 open, L1 close */
	assert_seg(g, SEG_WORK, 95000 + 5000 + 3000, 3000);
	assert_string_equal(g->cue, "Close");
	assert_string_equal(g->side, "left");
	assert_int_equal(g->rep_i, 1);
	assert_int_equal(g->rep_n, 8);
	assert_int_equal(g->phase_i, 2);
	assert_int_equal(g->phase_n, 2);
	g = &p.seg[2 + 17];                            /* the switch */
	assert_seg(g, SEG_SWITCH, 95000 + 5000 + 48000, 5000);
	assert_string_equal(g->side, "right");
	assert_int_equal(g->side_i, 2);
	g = &p.seg[36];                                /* the rest step */
	assert_seg(g, SEG_REST, 201000, 30000);
	assert_null(g->exercise);
	assert_int_equal(g->step, 2);
	plan_free(&p);
}

/* sets outer, sides inner: P L sw R rest L sw R = 5+30+5+30+15+30+5+30. */
static void test_sets_and_sides(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 30000) };
	s[0].sides = (struct strlist){ lr, 2 };
	s[0].sets = 2;
	struct routine r = routine_of(s, 1);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.total_ms, 150000);
	enum segment_kind kinds[] = { SEG_PREPARE, SEG_WORK, SEG_SWITCH, SEG_WORK,
				      SEG_REST, SEG_WORK, SEG_SWITCH, SEG_WORK };
	int sets[] = { 1, 1, 1, 1, 2, 2, 2, 2 };
	const char *sides[] = { "left", "left", "right", "right", "left",
				"left", "right", "right" };
	assert_int_equal(p.n, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_int_equal(p.seg[i].kind, kinds[i]);
		assert_int_equal(p.seg[i].set_i, sets[i]);
		assert_int_equal(p.seg[i].set_n, 2);
		assert_string_equal(p.seg[i].side, sides[i]);
	}
	assert_seg(&p.seg[4], SEG_REST, 70000, 15000);
	assert_ptr_equal(p.seg[4].exercise, &roll);    /* a set rest knows what comes */
	assert_contiguous(&p);
	plan_free(&p);
}

static void test_zero_transitions_are_left_out(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 20000), reps(&tap, 3) };
	s[0].get_ready_ms = 0;
	s[0].switch_ms = 0;
	s[0].set_rest_ms = 0;
	s[0].sets = 3;
	s[0].sides = (struct strlist){ lr, 2 };
	s[1].tempo_ms = 2500;          /* a rep with no phases lasts its tempo */
	s[1].get_ready_ms = 0;
	struct routine r = routine_of(s, 2);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.n, 6 + 3);
	for (size_t i = 0; i < p.n; i++)
		assert_int_equal(p.seg[i].kind, SEG_WORK);
	assert_int_equal(p.total_ms, 6 * 20000 + 3 * 2500);
	assert_contiguous(&p);
	plan_free(&p);
}

static void test_self_paced_uses_tempo(void **state)
{
	(void)state;
	struct step s[] = { reps(&book, 5) };
	s[0].self_paced = true;
	s[0].tempo_ms = 4000;
	struct routine r = routine_of(s, 1);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.n, 6);
	assert_int_equal(p.total_ms, 5000 + 5 * 4000);
	for (size_t i = 1; i < p.n; i++) {
		assert_true(p.seg[i].self_paced);
		assert_int_equal(p.seg[i].rep_i, (int)i);
		assert_int_equal(p.seg[i].phase_n, 0);
		assert_null(p.seg[i].cue);
	}
	assert_false(p.seg[0].self_paced);
	plan_free(&p);
}

static void test_limits(void **state)
{
	(void)state;
	struct step s[4];
	for (size_t i = 0; i < 4; i++)
		s[i] = hold(&roll, 3600000);
	s[3].hold_ms = 3600000 - 4 * 5000;          /* 4 gets ready: exactly 4 h */
	struct routine r = routine_of(s, 4);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.total_ms, ROUTINE_MAX_PLAN_MS);
	/* a segment's int32_t times hold the whole of the longest plan */
	const struct segment *last = &p.seg[p.n - 1];
	assert_int_equal((int64_t)last->start_ms + last->len_ms, ROUTINE_MAX_PLAN_MS);
	assert_int_equal(last->len_ms, 3600000 - 4 * 5000);
	assert_int_equal(last->step, 3);
	plan_free(&p);
	s[3].hold_ms += 1;
	assert_int_equal(plan_build(&r, &p), PLAN_TOO_LONG);
	assert_null(p.seg);
	assert_int_equal(p.total_ms, ROUTINE_MAX_PLAN_MS + 1);
	r.n_steps = 0;
	assert_int_equal(plan_build(&r, &p), PLAN_EMPTY);
}

/* The most steps a routine has: a segment's uint16_t step holds them. */
static void test_most_steps(void **state)
{
	(void)state;
	static struct step s[ROUTINE_MAX_STEPS];
	for (size_t i = 0; i < ROUTINE_MAX_STEPS; i++)
		s[i] = (struct step){ .kind = STEP_REST, .rest_ms = 1000, .sets = 1 };
	struct routine r = routine_of(s, ROUTINE_MAX_STEPS);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_int_equal(p.n, ROUTINE_MAX_STEPS);
	assert_int_equal(p.seg[p.n - 1].step, ROUTINE_MAX_STEPS - 1);
	assert_int_equal(p.seg[p.n - 1].start_ms, (ROUTINE_MAX_STEPS - 1) * 1000);
	assert_int_equal(plan_step_start(&p, p.n - 1), p.n - 1);
	plan_free(&p);
}

/* 500 reps x 16 phases x 4 sides x 20 sets would be 640,000 segments:
 * refused from arithmetic alone, before any allocation. */
static void test_huge_plan_refused_cheaply(void **state)
{
	(void)state;
	static struct phase many[16];
	for (size_t i = 0; i < 16; i++)
		many[i] = (struct phase){ "x", 500 };
	const struct exercise x = { .name = "X", .phases = many, .n_phases = 16 };
	static const char *four[] = { "a", "b", "c", "d" };
	struct step s[] = { reps(&x, 500) };
	s[0].sides = (struct strlist){ four, 4 };
	s[0].sets = 20;
	struct routine r = routine_of(s, 1);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_TOO_LONG);
	assert_null(p.seg);
}

static void test_plan_check_duration(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 90000) };     /* 95 s */
	struct routine r = routine_of(s, 1);
	struct diags d = { 0 };
	struct plan p;
	r.duration_ms = 100000;                       /* 5 s off: fine */
	assert_int_equal(plan_check(&r, &p, &d), 0);
	assert_int_equal(d.n, 0);
	plan_free(&p);
	r.duration_ms = 100001;
	r.duration_pos = (struct srcpos){ 4, 11 };
	assert_int_equal(plan_check(&r, &p, &d), -1);
	assert_int_equal(d.errors, 1);
	char buf[256];
	diag_format(&d.v[0], buf, sizeof buf);
	assert_string_equal(buf, "hand.yaml:4:11: error: declared duration "
			    "01:40.001 but the steps add up to 01:35 (more than 5s apart)");
	diag_free(&d);
}

static void test_step_bounds(void **state)
{
	(void)state;
	struct step s[] = { hold(&roll, 1000), rest(2000), reps(&book, 2) };
	struct routine r = routine_of(s, 3);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	/* P W | R | P o c o c */
	assert_int_equal(p.n, 8);
	assert_int_equal(plan_step_end(&p, 0), 2);
	assert_int_equal(plan_step_end(&p, 2), 3);
	assert_int_equal(plan_step_end(&p, 5), 8);
	assert_int_equal(plan_step_start(&p, 1), 0);
	assert_int_equal(plan_step_start(&p, 2), 2);
	assert_int_equal(plan_step_start(&p, 7), 3);
	assert_int_equal(plan_step_start(&p, 3), 3);
	assert_string_equal(plan_kind_name(SEG_SWITCH), "switch");
	/* what a prepare leads to; a rest step and a WORK segment are their own */
	assert_ptr_equal(plan_next_work(&p, 0), &p.seg[1]);
	assert_ptr_equal(plan_next_work(&p, 2), &p.seg[2]);
	assert_ptr_equal(plan_next_work(&p, 3), &p.seg[4]);
	assert_ptr_equal(plan_next_work(&p, 6), &p.seg[6]);
	plan_free(&p);
}

/* A segment's place in its step, in the three ways front ends write it. */
static void test_where(void **state)
{
	(void)state;
	static const char *odd[] = { "front", "back" };
	struct step s[] = { hold(&roll, 30000), hold(&tap, 1000), hold(&tap, 1000) };
	s[0].sides = (struct strlist){ lr, 2 };
	s[0].sets = 2;
	s[1].sides = (struct strlist){ odd, 2 };
	struct routine r = routine_of(s, 3);
	struct plan p;
	char buf[64];
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	const struct segment *g = &p.seg[3];           /* set 1, right */
	assert_string_equal(plan_where(g, 0, ", ", buf, sizeof buf),
			    "right side, set 1 of 2");
	assert_string_equal(plan_where(g, PLAN_WHERE_CAPS, " - ", buf, sizeof buf),
			    "RIGHT side - set 1 of 2");
	assert_string_equal(plan_where(g, PLAN_WHERE_CAPS | PLAN_WHERE_SHORT, " - ",
				       buf, sizeof buf), "RIGHT - set 1/2");
	g = &p.seg[8 + 1];                             /* "front": no "side" */
	assert_string_equal(plan_where(g, 0, ", ", buf, sizeof buf), "front");
	g = &p.seg[p.n - 1];                           /* neither */
	assert_string_equal(plan_where(g, 0, ", ", buf, sizeof buf), "");
	char tiny[4];
	assert_string_equal(plan_where(&p.seg[3], 0, ", ", tiny, sizeof tiny), "rig");
	plan_free(&p);
}

/* A switch between directions says so; reps are counted in the
 * exercise's word. */
static void test_switch_and_rep_words(void **state)
{
	(void)state;
	static const char *fb[] = { "forward", "backward" };
	static const struct exercise breathe = {
		.name = "Breathe", .phases = open_close, .n_phases = 2,
		.rep_word = { "breath", "breaths" } };
	struct step steps[] = { reps(&book, 2), reps(&book, 1), reps(&breathe, 10) };
	steps[0].sides = (struct strlist){ lr, 2 };
	steps[1].sides = (struct strlist){ fb, 2 };
	steps[1].side_word = ROUTINE_DIRECTIONS;
	struct routine r = routine_of(steps, 3);
	struct plan p;
	char buf[64];
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	const struct segment *sw[2] = { NULL, NULL };
	for (size_t i = 0; i < p.n; i++)
		if (p.seg[i].kind == SEG_SWITCH)
			sw[p.seg[i].step] = &p.seg[i];
	assert_non_null(sw[0]);
	assert_non_null(sw[1]);
	assert_string_equal(plan_switch_text(&p, sw[0], 0), "Switch sides");
	assert_string_equal(plan_switch_text(&p, sw[0], PLAN_WHERE_CAPS), "SWITCH SIDES");
	assert_string_equal(plan_switch_text(&p, sw[1], 0), "Change direction");
	assert_string_equal(plan_switch_text(&p, sw[1], PLAN_WHERE_CAPS),
			    "CHANGE DIRECTION");
	const struct segment *last = &p.seg[p.n - 1];
	assert_string_equal(plan_rep_text(last, 0, buf, sizeof buf), "Breath 10 of 10");
	assert_string_equal(plan_rep_text(last, PLAN_WHERE_SHORT, buf, sizeof buf),
			    "Breath 10/10");
	assert_string_equal(plan_rep_text(&p.seg[1], 0, buf, sizeof buf), "Rep 1 of 2");
	assert_string_equal(plan_reps_text(&breathe, 10, buf, sizeof buf), "10 breaths");
	assert_string_equal(plan_reps_text(&breathe, 1, buf, sizeof buf), "1 breath");
	assert_string_equal(plan_reps_text(&book, 8, buf, sizeof buf), "8 reps");
	assert_string_equal(plan_reps_text(NULL, 1, buf, sizeof buf), "1 rep");
	plan_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_single_hold),
		cmocka_unit_test(test_blueprint_example),
		cmocka_unit_test(test_sets_and_sides),
		cmocka_unit_test(test_zero_transitions_are_left_out),
		cmocka_unit_test(test_self_paced_uses_tempo),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_most_steps),
		cmocka_unit_test(test_huge_plan_refused_cheaply),
		cmocka_unit_test(test_plan_check_duration),
		cmocka_unit_test(test_step_bounds),
		cmocka_unit_test(test_where),
		cmocka_unit_test(test_switch_and_rep_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
