/* Unit tests: the screen model — what text lands on which row at 80x24 and
 * 40x12, with routines and plans built by hand and the engine at a chosen
 * time. VIEW_DUMP=1 prints every screen built. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigdigits.h"
#include "engine.h"
#include "plan.h"
#include "view.h"

static const char *lr[] = { "left", "right" };
static const char *book_how[] = {
	"Lie on your side, knees bent, arms straight out in front.",
	"Open the top arm like a book and follow the hand with your eyes.",
	"Close slowly.",
};
static const char *book_fig[] = {
	"  o__\n /|  \n / \\ \n",
	"  o  \n /|\\_\n / \\ \n",
};
static const char *roll_how[] = { "Roller across the upper back.", "Roll slowly." };
static struct phase open_close[] = { { "Open", 3000 }, { "Close", 3000 } };
static struct phase squeeze[] = { { "Squeeze", 10000 }, { "Release", 2000 } };

static const struct exercise roll = {
	.name = "Foam roll upper back", .how = { roll_how, 2 } };
static const struct exercise book = {
	.name = "Open book", .how = { book_how, 3 }, .figure = { book_fig, 2 },
	.phases = open_close, .n_phases = 2 };
static const struct exercise scap = {
	.name = "Scapular squeeze", .phases = squeeze, .n_phases = 2 };
static const struct exercise tuck = { .name = "Chin tucks" };

static const char *tags[] = { "upper-back", "desk" };
static const char *gear[] = { "foam roller", "wall" };

struct fixture {
	struct step steps[5];
	struct routine r;
	struct plan p;
	struct engine *e;
	struct engine_state st;
	struct view v;
};

static struct step fx_step(enum step_kind kind, const struct exercise *x)
{
	return (struct step){ .kind = kind, .exercise = x, .sets = 1,
			      .get_ready_ms = 5000, .switch_ms = 5000,
			      .set_rest_ms = 15000 };
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->steps[0] = fx_step(STEP_HOLD, &roll);
	f->steps[0].hold_ms = 90000;
	f->steps[1] = fx_step(STEP_REPS, &book);
	f->steps[1].reps = 8;
	f->steps[1].sides = (struct strlist){ lr, 2 };
	f->steps[2] = (struct step){ .kind = STEP_REST, .rest_ms = 30000, .sets = 1 };
	f->steps[3] = fx_step(STEP_REPS, &scap);
	f->steps[3].reps = 10;
	f->steps[3].sets = 2;
	f->steps[4] = fx_step(STEP_REPS, &tuck);
	f->steps[4].reps = 10;
	f->steps[4].self_paced = true;
	f->steps[4].tempo_ms = 3000;
	routine_init(&f->r);
	f->r.path = "hand.yaml";
	f->r.id = "upper-back";
	f->r.name = "Upper back relief";
	f->r.summary = "Foam roll, open up the chest, wake up the upper back";
	f->r.tags = (struct strlist){ tags, 2 };
	f->r.equipment = (struct strlist){ gear, 2 };
	f->r.steps = f->steps;
	f->r.n_steps = 5;
	assert_int_equal(plan_build(&f->r, &f->p), PLAN_OK);
	f->e = engine_start(&f->p, 0);
	assert_non_null(f->e);
	view_begin(&f->v, 24, 80, true);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	engine_free(f->e);
	plan_free(&f->p);
	free(f);
	return 0;
}

static void dump(const struct view *v, const char *what)
{
	char buf[4096];
	if (!getenv("VIEW_DUMP"))
		return;
	printf("---- %s (%dx%d)\n", what, v->cols, v->rows);
	for (int r = 0; r < v->rows; r++)
		printf("%2d|%s\n", r, view_row_text(v, r, buf, sizeof buf));
}

static const char *row(const struct view *v, int r)
{
	static char buf[4096];
	return view_row_text(v, r, buf, sizeof buf);
}

static void assert_row_has(const struct view *v, int r, const char *text)
{
	const char *got = row(v, r);
	if (!strstr(got, text))
		fail_msg("row %d is '%s', expected it to contain '%s'", r, got, text);
}

/* Rows [first, first + rows of size) hold text in the block font. */
static void assert_digits(const struct view *v, int first, const char *text,
			  enum bigdigits_size size)
{
	char buf[512];
	for (int r = 0; r < bigdigits_rows(size); r++) {
		bigdigits_row(text, size, v->utf8, r, buf, sizeof buf);
		size_t n = strlen(buf);
		while (n > 0 && buf[n - 1] == ' ')
			buf[--n] = '\0';
		assert_row_has(v, first + r, buf);
	}
}

/* Plays to session time t (no pauses) and builds the player at rows x cols. */
static void player_at(struct fixture *f, int64_t t, int rows, int cols, bool utf8)
{
	const struct engine_event *ev;
	engine_update(f->e, t, &ev);
	engine_state(f->e, t, &f->st);
	struct view_player_in in = { &f->p, &f->st, false };
	view_begin(&f->v, rows, cols, utf8);
	view_player(&f->v, &in);
}

/* Every span stays on the screen. */
static void assert_inside(const struct view *v)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct view_span *s = &v->span[i];
		assert_true(s->row >= 0 && s->row < v->rows);
		assert_true(s->col >= 0 && s->col + s->width <= v->cols);
		assert_int_equal(view_width(v->text + s->off), s->width);
	}
}

/* ---- building blocks ---------------------------------------------------------- */

static void test_put_clips_with_ellipsis(void **state)
{
	struct view *v = &((struct fixture *)*state)->v;
	view_begin(v, 3, 10, true);
	assert_int_equal(view_put(v, 0, 0, 10, VIEW_NORMAL, "short"), 5);
	assert_int_equal(view_put(v, 1, 2, 20, VIEW_NORMAL, "much too long"), 8);
	assert_int_equal(view_put(v, 5, 0, 10, VIEW_NORMAL, "off screen"), 0);
	assert_string_equal(row(v, 0), "short");
	assert_string_equal(row(v, 1), "  much to\xe2\x80\xa6");
	view_begin(v, 3, 10, false);
	view_put(v, 0, 0, 6, VIEW_NORMAL, "abcdefgh");
	assert_string_equal(row(v, 0), "abcde~");
	assert_inside(v);
}

static void test_width_utf8(void **state)
{
	(void)state;
	assert_int_equal(view_width("abc"), 3);
	assert_int_equal(view_width("\xe2\x96\x88\xe2\x96\x88"), 2);
	assert_int_equal(view_width("caf\xc3\xa9"), 4);
	assert_int_equal(view_width("\xff"), 4);       /* shown as \xff */
}

/* Outside text in a span never carries a control, a bidi override or an
 * invalid byte to the terminal: each is shown escaped. */
static void test_put_escapes_outside_text(void **state)
{
	struct view *v = &((struct fixture *)*state)->v;
	view_begin(v, 4, 60, true);
	assert_int_equal(view_put(v, 0, 0, 60, VIEW_BOLD, "evil\x1b]0;PWNED\a\x1b[2J"),
			 27);
	view_put(v, 1, 0, 60, VIEW_NORMAL, "Ex\xe2\x80\xaeone\nline2\t\xc2\x9b\xff");
	view_putf(v, 2, 0, 60, VIEW_NORMAL, "Rest: %s", "a\x1b[2Jb");
	assert_int_equal(view_put(v, 3, 0, 8, VIEW_NORMAL, "ab\x1b[2J"), 8);
	assert_string_equal(row(v, 0), "evil\\x1b]0;PWNED\\x07\\x1b[2J");
	assert_string_equal(row(v, 1), "Ex\\u202eone\\nline2\\t\\u009b\\xff");
	assert_string_equal(row(v, 2), "Rest: a\\x1b[2Jb");
	assert_string_equal(row(v, 3), "ab\\x1b[\xe2\x80\xa6");
	for (size_t i = 0; i < v->used; i++) {
		unsigned char c = (unsigned char)v->text[i];
		assert_true((c >= 0x20 && c != 0x7f && c != 0xff) || c == 0);
		assert_false(i + 2 < v->used && memcmp(v->text + i, "\xe2\x80\xae", 3) == 0);
		assert_false(i + 1 < v->used && memcmp(v->text + i, "\xc2\x9b", 2) == 0);
	}
	assert_inside(v);
}

static void test_wrap_keeps_indent(void **state)
{
	(void)state;
	struct view_wrap w;
	const char *s;
	size_t len;
	int indent;
	view_wrap_init(&w, "one two three\n  - four five six\n\nseven", 10);
	const char *want[] = { "one two", "three", "- four", "five", "six", "", "seven" };
	int want_indent[] = { 0, 0, 2, 4, 4, 0, 0 };
	for (size_t i = 0; i < 7; i++) {
		assert_true(view_wrap_next(&w, &indent, &s, &len));
		assert_int_equal(len, strlen(want[i]));
		assert_memory_equal(s, want[i], len);
		assert_int_equal(indent, want_indent[i]);
	}
	assert_false(view_wrap_next(&w, &indent, &s, &len));
}

static void test_reflow(void **state)
{
	(void)state;
	char out[256];
	const char *in = "Title\n\nOne two\nthree.\nWhile\n  - a b\n    c d\n  - e\nend\n";
	assert_int_equal(view_reflow(in, out, sizeof out), strlen(in) - 4);
	assert_string_equal(out, "Title\n\nOne two three. While\n  - a b c d\n  - e\nend\n");
	assert_int_equal(view_reflow("a\nb", out, 2), 3);
	assert_string_equal(out, "a");
}

static void test_bigdigits(void **state)
{
	(void)state;
	char buf[256];
	assert_int_equal(bigdigits_rows(BIGDIGITS_LARGE), 5);
	assert_int_equal(bigdigits_width("45", BIGDIGITS_LARGE), 14);
	assert_int_equal(bigdigits_width("1:30", BIGDIGITS_LARGE), 26);
	assert_string_equal(bigdigits_row("8", BIGDIGITS_LARGE, false, 1, buf, sizeof buf),
			    "##  ##");
	assert_string_equal(bigdigits_row("1:0", BIGDIGITS_LARGE, false, 1, buf, sizeof buf),
			    "####    ##  ##  ##");
	assert_string_equal(bigdigits_row("7", BIGDIGITS_SMALL, true, 0, buf, sizeof buf),
			    "\xe2\x96\x80\xe2\x96\x80\xe2\x96\x88");
	assert_string_equal(bigdigits_row("42", BIGDIGITS_SMALL, false, 1, buf, sizeof buf),
			    "|_|  _|");
	assert_int_equal(view_width(bigdigits_row("59:59", BIGDIGITS_LARGE, true, 0,
						  buf, sizeof buf)),
			 bigdigits_width("59:59", BIGDIGITS_LARGE));
}

/* ---- player ------------------------------------------------------------------------ */

static void test_layout_rows(void **state)
{
	(void)state;
	struct view_player_layout l;
	view_player_layout(24, true, &l);
	assert_int_equal(l.label, 3);
	assert_int_equal(l.digits, 5);
	assert_int_equal(l.digits_rows, 5);
	assert_int_equal(l.reps, 11);
	assert_int_equal(l.cue, 12);
	assert_int_equal(l.body_top, 14);
	assert_int_equal(l.next, 22);
	assert_int_equal(l.footer, 23);
	view_player_layout(12, true, &l);
	assert_int_equal(l.label, 2);
	assert_int_equal(l.digits, 3);
	assert_int_equal(l.digits_rows, 3);
	assert_int_equal(l.reps, 6);
	assert_int_equal(l.cue, -1);
	assert_int_equal(l.body_top, 7);
	assert_int_equal(l.body_end, 10);
	view_player_layout(12, false, &l);
	assert_int_equal(l.body_top, 6);
}

/* The header shows the engine's shown clocks as-is: after a skip at 1.4 s
 * they move with the countdown, not at 2.0 s of play. */
static void test_session_clock_in_step(void **state)
{
	struct fixture *f = *state;
	const struct engine_event *ev;
	char h[4096];
	engine_skip(f->e, 1400);
	engine_update(f->e, 1400, &ev);
	player_at(f, 1400, 24, 80, true);
	assert_int_equal(f->st.shown_elapsed_s, 1);
	assert_row_has(&f->v, 0, "00:01 elapsed");
	assert_digits(&f->v, 5, "5", BIGDIGITS_LARGE);
	int64_t left = f->st.shown_remaining_s;
	snprintf(h, sizeof h, "%s", row(&f->v, 0));
	player_at(f, 2000, 24, 80, true);            /* elapsed 2.0 s: no change */
	assert_string_equal(row(&f->v, 0), h);
	player_at(f, 2399, 24, 80, true);
	assert_string_equal(row(&f->v, 0), h);
	assert_digits(&f->v, 5, "5", BIGDIGITS_LARGE);
	player_at(f, 2400, 24, 80, true);            /* the countdown turns */
	assert_digits(&f->v, 5, "4", BIGDIGITS_LARGE);
	assert_row_has(&f->v, 0, "00:02 elapsed");
	assert_int_equal(f->st.shown_remaining_s, left - 1);
	char want[32];
	snprintf(want, sizeof want, "%02lld:%02lld left",
		 (long long)((left - 1) / 60), (long long)((left - 1) % 60));
	assert_row_has(&f->v, 0, want);
}

static void test_player_hold_80x24(void **state)
{
	struct fixture *f = *state;
	player_at(f, 5000 + 15500, 24, 80, true);   /* 15.5 s into the hold */
	dump(&f->v, "hold");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "Upper back relief");
	assert_row_has(&f->v, 0, "Step 1 of 5");
	assert_row_has(&f->v, 0, "00:20 elapsed");
	assert_row_has(&f->v, 1, "\xe2\x96\x88");
	assert_row_has(&f->v, 3, " WORK ");
	assert_row_has(&f->v, 3, "Foam roll upper back");
	/* 74.5 s left reads 1:15 */
	assert_digits(&f->v, 5, "1:15", BIGDIGITS_LARGE);
	assert_row_has(&f->v, 11, "Roller across the upper back.");
	assert_row_has(&f->v, 22, "Next: Open book (8 reps, left/right)");
	assert_row_has(&f->v, 23, "space pause");
	assert_row_has(&f->v, 23, "q quit");
	assert_row_has(&f->v, 23, "? help");
}

static void test_player_prepare_says_what_comes(void **state)
{
	struct fixture *f = *state;
	player_at(f, 2000, 24, 80, true);
	dump(&f->v, "prepare");
	assert_row_has(&f->v, 3, " GET READY ");
	assert_row_has(&f->v, 3, "GET READY   Foam roll upper back");
	assert_digits(&f->v, 5, "3", BIGDIGITS_LARGE);
}

static void test_player_reps_80x24(void **state)
{
	struct fixture *f = *state;
	/* open book: prepare at 95 s, left side reps from 100 s; rep 3 open. */
	player_at(f, 100000 + 2 * 6000 + 1000, 24, 80, true);
	dump(&f->v, "reps");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "Step 2 of 5");
	assert_row_has(&f->v, 3, "Open book \xc2\xb7 LEFT side");
	assert_row_has(&f->v, 11, "Rep 3 of 8");
	assert_row_has(&f->v, 11, "\xe2\x97\x8f \xe2\x97\x8f \xe2\x97\x8f \xe2\x97\x8b");
	assert_row_has(&f->v, 12, "Open");
	assert_row_has(&f->v, 14, "Lie on your side");
	assert_row_has(&f->v, 14, "o__");             /* the figure's first frame */
	assert_row_has(&f->v, 22, "Next: Rest 0:30");
	/* the close phase shows the second frame */
	player_at(f, 100000 + 2 * 6000 + 4000, 24, 80, true);
	assert_row_has(&f->v, 12, "Close");
	assert_row_has(&f->v, 15, "/|\\_");
}

static void test_player_switch_and_rest(void **state)
{
	struct fixture *f = *state;
	player_at(f, 100000 + 48000 + 1000, 24, 80, true);
	dump(&f->v, "switch");
	assert_row_has(&f->v, 3, " SWITCH SIDES ");
	assert_row_has(&f->v, 3, "Up next: RIGHT side");
	player_at(f, 100000 + 48000 + 5000 + 48000 + 1000, 24, 80, true);
	dump(&f->v, "rest step");
	assert_row_has(&f->v, 3, " REST ");
	assert_row_has(&f->v, 3, "Up next: Scapular squeeze");
	assert_row_has(&f->v, 0, "Step 3 of 5");
}

static void test_player_40x12(void **state)
{
	struct fixture *f = *state;
	player_at(f, 100000 + 2 * 6000 + 1000, 12, 40, true);
	dump(&f->v, "reps small");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "Upper back");
	assert_row_has(&f->v, 0, "2/5");
	assert_row_has(&f->v, 2, " WORK ");
	assert_digits(&f->v, 3, "2", BIGDIGITS_SMALL);
	assert_row_has(&f->v, 6, "Rep 3/8");
	assert_row_has(&f->v, 6, "Open");
	assert_row_has(&f->v, 7, "Lie on your side");
	assert_row_has(&f->v, 10, "Next:");
	assert_row_has(&f->v, 11, "space pause");
	assert_row_has(&f->v, 11, "q quit");
	/* without UTF-8: ASCII only */
	player_at(f, 100000 + 2 * 6000 + 1000, 12, 40, false);
	dump(&f->v, "reps small ascii");
	for (size_t i = 0; i < f->v.used; i++)
		assert_true((unsigned char)f->v.text[i] < 0x80);
}

static const struct exercise banded = { .name = "Banded shoulder distraction" };

/* The fixture again with one step: a 90 s hold of a long-named exercise
 * on both sides, in `sets` sets. */
static void fx_long_name(struct fixture *f, int sets)
{
	engine_free(f->e);
	plan_free(&f->p);
	f->steps[0] = fx_step(STEP_HOLD, &banded);
	f->steps[0].hold_ms = 90000;
	f->steps[0].sides = (struct strlist){ lr, 2 };
	f->steps[0].sets = sets;
	f->r.n_steps = 1;
	assert_int_equal(plan_build(&f->r, &f->p), PLAN_OK);
	f->e = engine_start(&f->p, 0);
	assert_non_null(f->e);
}

/* The side and set stay whole at 40x12; the name gives way (…). */
static void test_player_side_label_40x12(void **state)
{
	struct fixture *f = *state;
	fx_long_name(f, 2);
	player_at(f, 6000, 12, 40, true);
	dump(&f->v, "long name, running");
	assert_inside(&f->v);
	assert_row_has(&f->v, 2, "LEFT");
	assert_row_has(&f->v, 2, "set 1/2");
	assert_row_has(&f->v, 2, "Banded shoul\xe2\x80\xa6");
	engine_pause(f->e, 7000);
	player_at(f, 8000, 12, 40, true);
	dump(&f->v, "long name, paused");
	assert_inside(&f->v);
	assert_row_has(&f->v, 2, " PAUSED ");
	assert_row_has(&f->v, 2, "LEFT \xc2\xb7 set 1/2");
	engine_resume(f->e, 9000);
	player_at(f, 9500, 12, 40, false);
	dump(&f->v, "long name, resuming");
	assert_inside(&f->v);
	assert_row_has(&f->v, 2, " RESUMING ");
	assert_row_has(&f->v, 2, "LEFT - set 1/2");
}

/* One set: the long side label, and the name shortened to the rest. */
static void test_player_side_label_one_set(void **state)
{
	struct fixture *f = *state;
	fx_long_name(f, 1);
	player_at(f, 6000, 12, 40, true);
	dump(&f->v, "long name, one set");
	assert_row_has(&f->v, 2, "Banded shoulder d\xe2\x80\xa6 \xc2\xb7 LEFT side");
	engine_pause(f->e, 7000);
	player_at(f, 8000, 12, 40, true);
	assert_row_has(&f->v, 2, "Banded should\xe2\x80\xa6 \xc2\xb7 LEFT");
	player_at(f, 8000, 24, 80, true);
	assert_row_has(&f->v, 3, "Banded shoulder distraction \xc2\xb7 LEFT side");
}

static void test_player_paused_and_extended(void **state)
{
	struct fixture *f = *state;
	engine_extend(f->e, 20000);
	engine_pause(f->e, 20000);
	player_at(f, 60000, 24, 80, true);
	dump(&f->v, "paused");
	assert_row_has(&f->v, 3, " PAUSED ");
	assert_row_has(&f->v, 3, " WORK ");
	assert_row_has(&f->v, 3, "+0:10");
	assert_row_has(&f->v, 23, "space resume");
	engine_resume(f->e, 60000);
	player_at(f, 60500, 24, 80, true);
	assert_row_has(&f->v, 3, " RESUMING ");
	assert_digits(&f->v, 5, "3", BIGDIGITS_LARGE);
}

static void test_player_self_paced(void **state)
{
	struct fixture *f = *state;
	const struct engine_event *ev;
	for (size_t i = 0; i < 3; i++)
		engine_skip(f->e, 0), engine_update(f->e, 0, &ev);
	player_at(f, 6000, 24, 80, true);
	dump(&f->v, "self-paced");
	assert_row_has(&f->v, 3, "Chin tucks");
	assert_row_has(&f->v, 11, "Rep 1 of 10");
	assert_row_has(&f->v, 12, "press Enter after each rep");
	assert_row_has(&f->v, 23, "Enter rep");
	assert_row_has(&f->v, 22, "Next: finish");
}

static void test_player_confirm_quit(void **state)
{
	struct fixture *f = *state;
	player_at(f, 1000, 24, 80, true);
	struct view_player_in in = { &f->p, &f->st, true };
	view_player(&f->v, &in);
	assert_row_has(&f->v, 23, "Quit this session?");
	assert_row_has(&f->v, 23, "y = yes");
}

static void test_too_small(void **state)
{
	struct fixture *f = *state;
	assert_true(view_too_small(11, 80));
	assert_true(view_too_small(24, 39));
	assert_false(view_too_small(12, 40));
	player_at(f, 1000, 10, 30, true);
	dump(&f->v, "small");
	assert_inside(&f->v);
	assert_row_has(&f->v, 4, "Please enlarge");
	assert_row_has(&f->v, 5, "the terminal");
	player_at(f, 1000, 1, 5, false);
	assert_inside(&f->v);
	player_at(f, 1000, 0, 0, false);
	assert_int_equal(f->v.n, 0);
}

static void test_help_overlay(void **state)
{
	struct fixture *f = *state;
	const char *safety = "Stop at once if you feel sharp pain.\n  - Breathe normally.";
	player_at(f, 1000, 24, 80, true);
	int scroll = view_help(&f->v, safety, 0);
	dump(&f->v, "help");
	assert_int_equal(scroll, 0);
	assert_inside(&f->v);
	char all[24 * 300] = "";
	for (int r = 0; r < 24; r++)
		strcat(strcat(all, row(&f->v, r)), "\n");
	const char *keys[] = { "space", "n  \xe2\x86\x92", "b  \xe2\x86\x90", "+", "Enter",
			       "?", "q", "Ctrl-Z", "Safety", "Breathe normally" };
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
		assert_non_null(strstr(all, keys[i]));
	/* at 40x12 it scrolls */
	player_at(f, 1000, 12, 40, true);
	scroll = view_help(&f->v, safety, 100);
	dump(&f->v, "help small");
	assert_inside(&f->v);
	assert_true(scroll > 0);
	assert_row_has(&f->v, 10, "Breathe normally");
}

static void test_finish(void **state)
{
	struct fixture *f = *state;
	struct engine_summary s = { .planned_ms = 900000, .done_ms = 910000,
				    .extended_ms = 10000, .exercises_total = 4,
				    .exercises_done = 3, .exercises_skipped = 1,
				    .completed = true };
	struct view_finish_in in = { "Upper back relief", &s, true };
	view_begin(&f->v, 24, 80, true);
	view_finish(&f->v, &in);
	dump(&f->v, "finish");
	assert_inside(&f->v);
	assert_row_has(&f->v, 3, "Session complete");
	assert_row_has(&f->v, 5, "Upper back relief");
	assert_digits(&f->v, 7, "15:10", BIGDIGITS_LARGE);
	assert_row_has(&f->v, 13, "15:10 of 15:00");
	assert_row_has(&f->v, 14, "3 of 4 done, 1 skipped");
	assert_row_has(&f->v, 15, "+00:10");
	assert_row_has(&f->v, 18, "Enter menu");
	view_begin(&f->v, 12, 40, false);
	view_finish(&f->v, &in);
	dump(&f->v, "finish small");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "Session complete");
	assert_row_has(&f->v, 9, "q quit");
}

/* ---- menu ---------------------------------------------------------------------------- */

static void menu_at(struct fixture *f, int rows, int cols, const char *filter,
		    bool editing, size_t sel)
{
	static struct view_menu_item items[3];
	static size_t shown[3], top;
	static struct routine other;
	static struct step other_steps[1];
	routine_init(&other);
	other.id = "neck";
	other.name = "Neck release";
	other_steps[0] = fx_step(STEP_HOLD, &roll);
	other.steps = other_steps;
	other.n_steps = 1;
	items[0] = (struct view_menu_item){ .r = &other, .id = "neck",
					    .path = "r/neck.yaml", .total_ms = 300000 };
	items[1] = (struct view_menu_item){ .id = "broken", .path = "r/broken.yaml" };
	items[2] = (struct view_menu_item){ .r = &f->r, .id = "upper-back",
					    .path = "r/upper-back.yaml",
					    .total_ms = f->p.total_ms };
	size_t n = 0;
	for (size_t i = 0; i < 3; i++)
		if (view_menu_match(&items[i], filter))
			shown[n++] = i;
	top = 0;
	struct view_menu_in in = { items, shown, n, 3, sel, &top, filter, editing };
	view_begin(&f->v, rows, cols, true);
	view_menu(&f->v, &in);
}

static void test_menu_80x24(void **state)
{
	struct fixture *f = *state;
	char total[16];
	menu_at(f, 24, 80, "", false, 2);
	dump(&f->v, "menu");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "3 routines");
	assert_row_has(&f->v, 1, "NAME");
	assert_row_has(&f->v, 1, "EQUIPMENT");
	assert_row_has(&f->v, 2, "Neck release");
	assert_row_has(&f->v, 2, "05:00");
	assert_row_has(&f->v, 3, "broken");
	assert_row_has(&f->v, 3, "(has errors)");
	assert_row_has(&f->v, 4, "> Upper back relief");
	assert_row_has(&f->v, 4, view_mmss(f->p.total_ms / 1000, total, sizeof total));
	assert_row_has(&f->v, 4, "upper-back, desk");
	assert_row_has(&f->v, 4, "foam roller, wall");
	assert_row_has(&f->v, 6, "Upper back relief");
	assert_row_has(&f->v, 7, "Foam roll, open up the chest");
	assert_row_has(&f->v, 9, "Steps (5)");
	assert_row_has(&f->v, 10, "1. Foam roll upper back");
	assert_row_has(&f->v, 10, "hold 01:30");
	assert_row_has(&f->v, 11, "8 reps, left/right");
	assert_row_has(&f->v, 12, "Rest");
	assert_row_has(&f->v, 13, "10 reps, 2 sets");
	assert_row_has(&f->v, 14, "10 reps at your pace");
	assert_row_has(&f->v, 23, "Enter start");
	assert_row_has(&f->v, 23, "/ filter");
}

static void test_menu_filter_40x12(void **state)
{
	struct fixture *f = *state;
	menu_at(f, 12, 40, "DESK", true, 0);
	dump(&f->v, "menu filter");
	assert_inside(&f->v);
	assert_row_has(&f->v, 2, "> Upper back relief");
	assert_row_has(&f->v, 3, "\xe2\x94\x80\xe2\x94\x80");
	assert_row_has(&f->v, 11, "/DESK");
	assert_true(f->v.cursor);
	assert_int_equal(f->v.cursor_row, 11);
	assert_int_equal(f->v.cursor_col, 5);
	menu_at(f, 12, 40, "zzz", false, 0);
	assert_row_has(&f->v, 2, "No routine matches 'zzz'");
	assert_row_has(&f->v, 0, "filter: zzz");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_clips_with_ellipsis, setup, teardown),
		cmocka_unit_test(test_width_utf8),
		cmocka_unit_test_setup_teardown(test_put_escapes_outside_text, setup, teardown),
		cmocka_unit_test(test_wrap_keeps_indent),
		cmocka_unit_test(test_reflow),
		cmocka_unit_test(test_bigdigits),
		cmocka_unit_test(test_layout_rows),
		cmocka_unit_test_setup_teardown(test_session_clock_in_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_hold_80x24, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_prepare_says_what_comes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_reps_80x24, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_switch_and_rest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_40x12, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_side_label_40x12, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_side_label_one_set, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_paused_and_extended, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_self_paced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_confirm_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_small, setup, teardown),
		cmocka_unit_test_setup_teardown(test_help_overlay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finish, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_80x24, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_filter_40x12, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
