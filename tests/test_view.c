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
#include "duration.h"
#include "engine.h"
#include "plan.h"
#include "utf8.h"
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
			  int size)
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
		assert_int_equal(utf8_width(v->text + s->off), s->width);
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
	struct view *v = &((struct fixture *)*state)->v;
	view_begin(v, 3, 10, true);
	assert_int_equal(view_cells(v, "abc"), 3);
	assert_int_equal(view_cells(v, "\xe2\x96\x88\xe2\x96\x88"), 2);
	assert_int_equal(view_cells(v, "caf\xc3\xa9"), 4);
	assert_int_equal(view_cells(v, "\xff"), 4);       /* shown as \xff */
}

/* A terminal that is not UTF-8 gets ASCII: what is not is escaped, and
 * widths and cuts are those of the escapes, whatever the locale says. */
static void test_ascii_terminal(void **state)
{
	struct view *v = &((struct fixture *)*state)->v;
	view_begin(v, 3, 12, false);
	assert_int_equal(view_cells(v, "caf\xc3\xa9"), 9);
	assert_int_equal(view_put(v, 0, 0, 12, VIEW_NORMAL, "caf\xc3\xa9!"), 10);
	assert_string_equal(row(v, 0), "caf\\u00e9!");
	/* a cut falls before an escape, not inside it */
	assert_int_equal(view_put(v, 1, 0, 12, VIEW_NORMAL, "\xe4\xb8\xad\xe6\x96\x87 text"), 7);
	assert_string_equal(row(v, 1), "\\u4e2d~");
	assert_inside(v);
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
	view_wrap_init(&w, "one two three\n  - four five six\n\nseven", 10, 0);
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
	assert_int_equal(utf8_width(bigdigits_row("59:59", BIGDIGITS_LARGE, true, 0,
						  buf, sizeof buf)),
			 bigdigits_width("59:59", BIGDIGITS_LARGE));
}

/* ---- player ------------------------------------------------------------------------ */

static void test_layout_rows(void **state)
{
	(void)state;
	struct view_player_layout l;
	struct view_player_need reps = { .reps = true, .body = 4, .widest = "48" };
	struct view_player_need hold = { .body = 2, .widest = "01:30" };
	view_player_layout(24, 80, true, &reps, &l);
	assert_int_equal(l.label, 3);
	assert_int_equal(l.digits, 5);
	assert_int_equal(l.digits_rows, 5);
	assert_int_equal(l.scale, BIGDIGITS_LARGE);
	assert_int_equal(l.reps, 11);
	assert_int_equal(l.cue, 12);
	assert_int_equal(l.body_top, 14);
	assert_int_equal(l.next, 22);
	assert_int_equal(l.footer, 23);
	view_player_layout(12, 40, true, &reps, &l);
	assert_int_equal(l.label, 2);
	assert_int_equal(l.digits, 3);
	assert_int_equal(l.digits_rows, 3);
	assert_int_equal(l.reps, 6);
	assert_int_equal(l.cue, -1);
	assert_int_equal(l.body_top, 7);
	assert_int_equal(l.body_end, 10);
	view_player_layout(12, 40, true, &hold, &l);
	assert_int_equal(l.body_top, 6);
	view_player_layout(24, 80, true, &hold, &l);
	assert_int_equal(l.label, 3);
	assert_int_equal(l.digits, 5);
	assert_int_equal(l.body_top, 11);
}

/* The issue: at 80x24 an 8-row figure (I-Y-T raises) showed in the get
 * ready but not in the reps, with rows to spare. The layout is the
 * step's: the figure gets its 8 rows, with the rep and cue rows. */
static void test_layout_tall_figure(void **state)
{
	(void)state;
	struct view_player_layout l;
	struct view_player_need iyt = { .reps = true, .figure = 8, .body = 8,
					.widest = "15" };
	view_player_layout(24, 80, true, &iyt, &l);
	assert_true(l.figure);
	assert_true(l.body_end - l.body_top >= 8);
	assert_int_equal(l.digits_rows, 5);
	assert_true(l.reps > 0);
	assert_true(l.cue > 0);
	assert_true(l.body_end <= l.next);
	/* no room at 40x12: the figure gives way, the digits keep theirs */
	view_player_layout(12, 40, true, &iyt, &l);
	assert_false(l.figure);
	assert_int_equal(l.digits_rows, 3);
	/* 80x20: LARGE digits rather than the figure */
	view_player_layout(20, 80, true, &iyt, &l);
	assert_int_equal(l.digits_rows, 5);
	assert_true(!l.figure || l.body_end - l.body_top >= 8);
}

/* The issue: the countdown stayed 5 rows high however large the
 * terminal. It scales: 5 rows at 80x24, 10 at 120x40, 20 (a third) at
 * 200x60, and stays within the width. */
static void test_layout_digits_scale(void **state)
{
	(void)state;
	struct view_player_layout l;
	struct view_player_need hold = { .body = 4, .widest = "01:30" };
	struct view_player_need reps = { .reps = true, .figure = 8, .body = 8,
					 .widest = "01:30" };
	int sizes[][3] = { { 24, 80, 5 }, { 40, 120, 10 }, { 60, 200, 20 } };
	for (size_t i = 0; i < 3; i++) {
		int rows = sizes[i][0], cols = sizes[i][1];
		for (int k = 0; k < 2; k++) {
			view_player_layout(rows, cols, true, k ? &reps : &hold, &l);
			assert_int_equal(l.digits_rows, sizes[i][2]);
			assert_true(bigdigits_width("01:30", l.scale) <= cols - 2);
			assert_true(l.body_end <= l.next);
			assert_true(l.digits + l.digits_rows <= l.body_top);
		}
	}
	assert_true(3 * 20 >= 60);
	/* ASCII: even scales only */
	view_player_layout(40, 120, false, &hold, &l);
	assert_int_equal(l.scale % 2, 0);
	/* a narrow terminal keeps the digits inside */
	view_player_layout(60, 40, true, &hold, &l);
	assert_true(bigdigits_width("01:30", l.scale) <= 38);
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
	assert_row_has(&f->v, 22, "Next: Rest 00:30");
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
	assert_row_has(&f->v, 3, "+00:10");
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

static const char *iyt_how[] = {
	"Lie face down, forehead on a folded towel.",
	"Lift straight arms overhead as an I, thumbs up.",
	"Then wide as a Y, then out to the sides as a T.",
	"Squeeze the blades each time; the neck stays long.",
};
static const char *iyt_fig[] = {
	":   | |   :\n:   | |   :\n:   | |   :\n:   |O|   :\n"
	":    |    :\n:    |    :\n:   / \\   :\n:  /   \\  :\n",
	":\\       /:\n: \\     / :\n:  \\   /  :\n:   \\O/   :\n"
	":    |    :\n:    |    :\n:   / \\   :\n:  /   \\  :\n",
	":         :\n:         :\n:         :\n:    O    :\n"
	":----|----:\n:    |    :\n:   / \\   :\n:  /   \\  :\n",
};
static struct phase iyt_ph[] = { { "I shape", 3000 }, { "Y shape", 3000 },
				  { "T shape", 3000 } };
static const struct exercise iyt = {
	.name = "I-Y-T raises", .how = { iyt_how, 4 }, .figure = { iyt_fig, 3 },
	.phases = iyt_ph, .n_phases = 3 };

/* The fixture again with one step: 5 reps of I-Y-T raises in 2 sets. */
static void fx_iyt(struct fixture *f)
{
	engine_free(f->e);
	plan_free(&f->p);
	f->steps[0] = fx_step(STEP_REPS, &iyt);
	f->steps[0].reps = 5;
	f->steps[0].sets = 2;
	f->r.n_steps = 1;
	assert_int_equal(plan_build(&f->r, &f->p), PLAN_OK);
	f->e = engine_start(&f->p, 0);
	assert_non_null(f->e);
}

/* Whether every line of figure frame fig is on the screen, in order. */
static bool figure_shown(const struct view *v, const char *fig)
{
	char line[64];
	int r = 0;
	while (*fig) {
		const char *nl = strchr(fig, '\n');
		size_t n = (size_t)(nl - fig);
		memcpy(line, fig, n);
		while (n > 0 && line[n - 1] == ' ')
			n--;
		line[n] = '\0';
		while (r < v->rows && !strstr(row(v, r), line))
			r++;
		if (r == v->rows)
			return false;
		r++;
		fig = nl + 1;
	}
	return true;
}

/* The issue: at 80x24 the 8-row figure showed in the get ready, not in
 * the reps (nor the set rest). Now in every segment of the step, and at
 * the same place. */
static void test_player_tall_figure_every_segment(void **state)
{
	struct fixture *f = *state;
	fx_iyt(f);
	int64_t at[] = { 1000, 5000 + 1000, 5000 + 4000, 5000 + 7000,
			 5000 + 45000 + 5000, 5000 + 45000 + 15000 + 4000 };
	/* (The engine is past 1000 ms by then: rep 1.) The set rest shows
	 * the last frame: where a rep starts. */
	const char *frame[] = { iyt_fig[0], iyt_fig[0], iyt_fig[1], iyt_fig[2],
				iyt_fig[2], iyt_fig[1] };
	int first = -1;
	player_at(f, 1000, 24, 80, true);             /* get ready: what comes */
	assert_row_has(&f->v, 11, "5 reps");
	player_at(f, 1000, 12, 40, false);
	assert_inside(&f->v);
	assert_row_has(&f->v, 6, "5 reps");
	player_at(f, 5000 + 1000, 24, 80, true);
	assert_row_has(&f->v, 11, "Rep 1 of 5");
	assert_row_has(&f->v, 12, "I shape");
	assert_row_has(&f->v, 14, "Lie face down");
	for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
		player_at(f, at[i], 24, 80, true);
		dump(&f->v, "I-Y-T");
		assert_inside(&f->v);
		if (!figure_shown(&f->v, frame[i]))
			fail_msg("no figure at %lld ms", (long long)at[i]);
		int r = 0;
		while (!strstr(row(&f->v, r), ":  /   \\  :"))
			r++;
		if (first < 0)
			first = r;
		assert_int_equal(r, first);
		assert_row_has(&f->v, 22, "Next:");
		player_at(f, at[i], 12, 40, true);      /* no room: how lines only */
		assert_inside(&f->v);
		assert_row_has(&f->v, 7, "Lie face down");
		assert_row_has(&f->v, 10, "Next:");
	}
}

/* Column of the rightmost block cell on the digit rows (first..+rows). */
static int digits_right(const struct view *v, int first, int rows)
{
	int right = -1;
	for (int r = first; r < first + rows; r++) {
		const char *t = row(v, r);
		int col = 0, last = -1;
		for (const char *p = t; *p; col++) {
			size_t b = (*p & 0x80) ? ((*p & 0xe0) == 0xc0 ? 2 : 3) : 1;
			if (*p != ' ')
				last = col;
			p += b;
		}
		right = last > right ? last : right;
	}
	return right;
}

/* The issue: the digits jumped sideways when 1:00 became 59. They sit in
 * a box as wide as the segment's longest value: "01:00" -> "00:59"
 * keeps every column, and "10" -> "9" keeps the ones. */
static void test_player_digits_steady(void **state)
{
	struct fixture *f = *state;
	player_at(f, 5000 + 30000, 24, 80, true);      /* 60 s left of 90 */
	assert_digits(&f->v, 5, "01:00", BIGDIGITS_LARGE);
	int right = digits_right(&f->v, 5, 5);
	player_at(f, 5000 + 31000, 24, 80, true);
	assert_digits(&f->v, 5, "00:59", BIGDIGITS_LARGE);
	assert_int_equal(digits_right(&f->v, 5, 5), right);
	/* a 15 s rest between sets: 10 -> 9 keeps the ones column */
	engine_free(f->e);
	f->e = engine_start(&f->p, 0);
	for (size_t i = 0; i < 2; i++) {
		const struct engine_event *ev;
		engine_skip(f->e, 0);
		engine_update(f->e, 0, &ev);
	}
	int64_t rest = 5000 + 10 * 12000;                /* the set rest */
	player_at(f, rest + 5000, 24, 80, true);
	assert_row_has(&f->v, 3, " REST ");
	assert_digits(&f->v, 5, "10", BIGDIGITS_LARGE);
	right = digits_right(&f->v, 5, 5);
	player_at(f, rest + 6000, 24, 80, true);
	assert_digits(&f->v, 5, "9", BIGDIGITS_LARGE);
	assert_int_equal(digits_right(&f->v, 5, 5), right);
	/* and at 40x12 */
	player_at(f, rest + 5000, 12, 40, true);
	right = digits_right(&f->v, 3, 3);
	player_at(f, rest + 6000, 12, 40, true);
	assert_int_equal(digits_right(&f->v, 3, 3), right);
}

/* Rows holding block characters below the bar. */
static int block_rows(const struct view *v)
{
	int n = 0;
	for (int r = 2; r < v->rows; r++) {
		const char *t = row(v, r);
		n += strstr(t, "\xe2\x96\x88") || strstr(t, "\xe2\x96\x80") ||
		     strstr(t, "\xe2\x96\x84");
	}
	return n;
}

static void test_player_digits_grow(void **state)
{
	struct fixture *f = *state;
	int sizes[][3] = { { 24, 80, 5 }, { 40, 120, 10 }, { 60, 200, 20 } };
	for (size_t i = 0; i < 3; i++) {
		player_at(f, 5000 + 15500, sizes[i][0], sizes[i][1], true);
		dump(&f->v, "hold, large");
		assert_inside(&f->v);
		assert_int_equal(block_rows(&f->v), sizes[i][2]);
		assert_row_has(&f->v, sizes[i][0] - 2, "Next: Open book");
	}
	assert_true(3 * sizes[2][2] >= sizes[2][0]);
	/* the reps of open book with their figure, at 200x60 */
	player_at(f, 100000 + 2 * 6000 + 1000, 60, 200, true);
	dump(&f->v, "reps, 200x60");
	assert_inside(&f->v);
	assert_true(figure_shown(&f->v, book_fig[0]));
}

/* The issue: b did not take the bar back. It shows the place in the
 * plan: after back it is where the step starts. */
static void test_player_bar_moves_back(void **state)
{
	struct fixture *f = *state;
	char before[4096], fresh[4096];
	player_at(f, 95000, 24, 80, true);               /* open book starts */
	snprintf(fresh, sizeof fresh, "%s", row(&f->v, 1));
	player_at(f, 100000 + 40000, 24, 80, true);
	snprintf(before, sizeof before, "%s", row(&f->v, 1));
	assert_string_not_equal(before, fresh);
	engine_back(f->e, 140000);
	player_at(f, 140000, 24, 80, true);
	assert_string_equal(row(&f->v, 1), fresh);
	/* and skip takes it ahead */
	engine_skip(f->e, 140000);
	player_at(f, 140000, 24, 80, true);
	int done = 0;
	for (const char *p = row(&f->v, 1); (p = strstr(p, "\xe2\x96\x88")); p += 3)
		done++;
	assert_true(done > 73 * (95 + 106 + 30) / 531);
}

/* The issue: "00:08/14:52" at 40x12 read as one time over another. */
static void test_player_header_narrow(void **state)
{
	struct fixture *f = *state;
	player_at(f, 8000, 12, 40, true);
	assert_row_has(&f->v, 0, "1/5 \xc2\xb7 ");
	assert_row_has(&f->v, 0, " left");
	assert_null(strstr(row(&f->v, 0), "00:08/"));
	player_at(f, 8000, 20, 60, false);
	assert_row_has(&f->v, 0, "1/5  00:08 - ");
	assert_row_has(&f->v, 0, " left");
	player_at(f, 8000, 24, 80, true);
	assert_row_has(&f->v, 0, "00:08 elapsed");
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
	const char *keys[] = { "space", "n  \xe2\x86\x92", "b  \xe2\x86\x90", "+", "-  ", "Enter",
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

/* The whole screen as text, one row a line. */
static const char *screen(const struct view *v)
{
	static char all[64 * 1024];
	all[0] = '\0';
	for (int r = 0; r < v->rows; r++)
		strcat(strcat(all, row(v, r)), "\n");
	return all;
}

/* Row of the first line holding text, -1 when none. */
static int row_of(const struct view *v, const char *text)
{
	for (int r = 0; r < v->rows; r++)
		if (strstr(row(v, r), text))
			return r;
	return -1;
}

/* The issue: the finish screen listed "Extended +00:00" and little else
 * worth a look. It has a title, the routine, the time in big digits, the
 * figures in a table (the extension only when there was one), the keys;
 * centred at every size. */
static void test_finish(void **state)
{
	struct fixture *f = *state;
	struct engine_summary s = { .planned_ms = 900000, .done_ms = 910000,
				    .extended_ms = 10000, .paused_ms = 42000,
				    .exercises_total = 4, .exercises_done = 3,
				    .exercises_skipped = 1, .completed = true };
	struct view_finish_in in = { "Upper back relief", &s, true, 0, false, NULL };
	view_begin(&f->v, 24, 80, true);
	view_finish(&f->v, &in);
	dump(&f->v, "finish");
	assert_inside(&f->v);
	int title = row_of(&f->v, "Session complete");
	assert_true(title >= 2);
	assert_row_has(&f->v, title, "well done");
	assert_row_has(&f->v, title + 2, "Upper back relief");
	assert_digits(&f->v, title + 4, "15:10", BIGDIGITS_LARGE);
	int t = row_of(&f->v, "Time");
	assert_true(t > title + 4 + 5);
	assert_row_has(&f->v, t, "15:10 of 15:00 planned");
	assert_row_has(&f->v, t + 1, "Exercises");
	assert_row_has(&f->v, t + 1, "3 of 4 done, 1 skipped");
	assert_row_has(&f->v, t + 2, "Extended");
	assert_row_has(&f->v, t + 2, "+00:10");
	assert_row_has(&f->v, t + 3, "Paused");
	assert_row_has(&f->v, t + 3, "00:42");
	assert_row_has(&f->v, t + 5, "Enter menu");
	assert_row_has(&f->v, t + 5, "q quit");
	/* centred: as much room above the title as below the keys (+-1) */
	int below = 24 - 1 - (t + 5);
	assert_true(title - below <= 1 && below - title <= 1);
	/* no extension, stopped: no Extended line */
	s.extended_ms = 0;
	s.completed = false;
	view_finish(&f->v, &in);
	assert_non_null(strstr(screen(&f->v), "Session stopped"));
	assert_null(strstr(screen(&f->v), "Extended"));
	assert_null(strstr(screen(&f->v), "well done"));
	view_begin(&f->v, 12, 40, false);
	view_finish(&f->v, &in);
	dump(&f->v, "finish small");
	assert_inside(&f->v);
	assert_non_null(strstr(screen(&f->v), "Session stopped"));
	assert_non_null(strstr(screen(&f->v), "15:10 of 15:00 planned"));
	assert_non_null(strstr(screen(&f->v), "Paused"));
	assert_non_null(strstr(screen(&f->v), "q quit"));
	for (size_t i = 0; i < f->v.used; i++)
		assert_true((unsigned char)f->v.text[i] < 0x80);
	/* large: the time grows */
	view_begin(&f->v, 60, 200, true);
	view_finish(&f->v, &in);
	dump(&f->v, "finish large");
	assert_inside(&f->v);
	assert_true(block_rows(&f->v) >= 15);
}

/* ---- mirrored figures, start frames, summaries, side and rep words ---------- */

static int col_of(const struct view *v, int r, const char *text);

static const char *fb[] = { "forward", "backward" };
static const char *twist_how[] = { "Sit tall, hands crossed on the chest.",
				   "Turn from the ribs; the hips stay still." };
/* Frames of different widths: a flip pads every row to the widest (5). */
static const char *twist_fig[] = { "o-/\n|\n", "o---<\n|\n" };
static const struct exercise twist = {
	.name = "Seated twist", .summary = "Turn the chest, hips still",
	.how = { twist_how, 2 }, .figure = { twist_fig, 2 }, .mirror = true,
	.phases = open_close, .n_phases = 2 };
static const struct exercise rolls = {
	.name = "Shoulder rolls", .how = { roll_how, 2 },
	.phases = open_close, .n_phases = 2 };
static const struct exercise breathe = {
	.name = "Breathe", .how = { roll_how, 2 }, .phases = open_close,
	.n_phases = 2, .rep_word = { "breath", "breaths" } };

/* Twist: 0 get ready, 5000 left, 17000 switch, 22000 right; rolls: 34000
 * get ready, 39000 forward, 45000 change, 50000 backward; breathe: 56000
 * get ready, 61000 three breaths. */
static void fx_words(struct fixture *f)
{
	engine_free(f->e);
	plan_free(&f->p);
	f->steps[0] = fx_step(STEP_REPS, &twist);
	f->steps[0].reps = 2;
	f->steps[0].sides = (struct strlist){ lr, 2 };
	f->steps[1] = fx_step(STEP_REPS, &rolls);
	f->steps[1].reps = 1;
	f->steps[1].sides = (struct strlist){ fb, 2 };
	f->steps[1].side_word = ROUTINE_DIRECTIONS;
	f->steps[2] = fx_step(STEP_REPS, &breathe);
	f->steps[2].reps = 3;
	f->r.n_steps = 3;
	assert_int_equal(plan_build(&f->r, &f->p), PLAN_OK);
	f->e = engine_start(&f->p, 0);
	assert_non_null(f->e);
}

/* The row that holds text, -1 when none does. */
static int row_with(const struct view *v, const char *text)
{
	for (int r = 0; r < v->rows; r++)
		if (strstr(row(v, r), text))
			return r;
	return -1;
}

/* The get ready and the switch show the last frame (where a rep starts);
 * the second side shows every frame flipped, padded to the widest frame,
 * in the same place. */
static void test_player_mirror_and_start_frame(void **state)
{
	struct fixture *f = *state;
	fx_words(f);
	player_at(f, 1000, 24, 80, true);
	dump(&f->v, "twist get ready");
	int r = row_with(&f->v, "o---<");
	assert_true(r > 0);
	int c = col_of(&f->v, r, "o---<");
	assert_int_equal(col_of(&f->v, r + 1, "|"), c);
	player_at(f, 6000, 24, 80, true);            /* left, rep 1: frame 1 */
	assert_int_equal(col_of(&f->v, r, "o-/"), c);
	assert_int_equal(row_with(&f->v, "o---<"), -1);
	player_at(f, 18000, 24, 80, true);           /* the switch: flipped */
	dump(&f->v, "twist switch");
	assert_row_has(&f->v, row_with(&f->v, "SWITCH SIDES"), "RIGHT side");
	assert_int_equal(col_of(&f->v, r, ">---o"), c);
	assert_int_equal(col_of(&f->v, r + 1, "|"), c + 4);
	player_at(f, 23000, 24, 80, true);           /* right, rep 1 */
	dump(&f->v, "twist right");
	assert_int_equal(col_of(&f->v, r, "\\-o"), c + 2);
	assert_int_equal(row_with(&f->v, "o-/"), -1);
	player_at(f, 23000, 12, 40, false);          /* small, ASCII: flipped too */
	assert_inside(&f->v);
	r = row_with(&f->v, "\\-o");
	assert_true(r > 0);
	assert_int_equal(col_of(&f->v, r + 1, "|"), col_of(&f->v, r, "\\-o") + 2);
	assert_int_equal(row_with(&f->v, "o-/"), -1);
}

/* The summary under the name when there is room, in every segment of
 * the step; not at 40x12. */
static void test_player_summary(void **state)
{
	struct fixture *f = *state;
	fx_words(f);
	player_at(f, 1000, 24, 80, true);
	int label = row_with(&f->v, "GET READY");
	assert_true(label > 0);
	assert_row_has(&f->v, label + 1, "Turn the chest, hips still");
	assert_int_equal(col_of(&f->v, label + 1, "Turn"),
			 col_of(&f->v, label, "Seated twist"));
	player_at(f, 6000, 24, 80, true);
	assert_row_has(&f->v, row_with(&f->v, " WORK ") + 1, "Turn the chest");
	player_at(f, 6000, 12, 40, true);
	assert_inside(&f->v);
	assert_int_equal(row_with(&f->v, "Turn the chest"), -1);
	player_at(f, 35000, 24, 80, true);           /* no summary: no row */
	assert_row_has(&f->v, 3, "GET READY");
	assert_int_equal(row_with(&f->v, "Turn the chest"), -1);
}

/* Directions change; breaths are counted as breaths. */
static void test_player_side_and_rep_words(void **state)
{
	struct fixture *f = *state;
	fx_words(f);
	player_at(f, 40000, 24, 80, true);
	assert_row_has(&f->v, row_with(&f->v, "Next:"), "Breathe (3 breaths)");
	player_at(f, 46000, 24, 80, true);
	dump(&f->v, "change direction");
	assert_true(row_with(&f->v, "CHANGE DIRECTION") > 0);
	assert_int_equal(row_with(&f->v, "SWITCH"), -1);
	assert_row_has(&f->v, row_with(&f->v, "CHANGE DIRECTION"), "BACKWARD");
	player_at(f, 57000, 24, 80, true);
	assert_true(row_with(&f->v, "3 breaths") > 0);
	player_at(f, 62000, 24, 80, true);
	assert_true(row_with(&f->v, "Breath 1 of 3") > 0);
	player_at(f, 62000, 12, 40, true);
	assert_inside(&f->v);
	assert_true(row_with(&f->v, "Breath 1/3") > 0);
}

/* ---- menu ---------------------------------------------------------------------------- */

static const char *long_tags[] = { "upper-back", "mobility", "foam-roller",
				    "full", "desk", "morning", "evening" };
static const char *long_gear[] = { "foam roller", "lacrosse ball", "wall",
				    "chair", "light resistance band", "mat" };

static int menu_scroll;                   /* the detail pane's, in/out */
static size_t menu_step;                  /* the marked step, 0: none */
static bool menu_loading;                 /* "broken" not read yet */

static void menu_at(struct fixture *f, int rows, int cols, const char *filter,
		    bool editing, size_t sel)
{
	static struct view_menu_item items[4];
	static size_t shown[4], top;
	static struct routine other, wide;
	static struct step other_steps[1], wide_steps[12];
	routine_init(&other);
	other.id = "neck";
	other.name = "Neck release";
	other_steps[0] = fx_step(STEP_HOLD, &roll);
	other.steps = other_steps;
	other.n_steps = 1;
	routine_init(&wide);
	wide.id = "everything";
	wide.name = "Everything at once";
	wide.tags = (struct strlist){ long_tags, 7 };
	wide.equipment = (struct strlist){ long_gear, 6 };
	for (size_t i = 0; i < 12; i++) {
		wide_steps[i] = fx_step(STEP_HOLD, i % 2 ? &roll : &banded);
		wide_steps[i].hold_ms = 30000;
	}
	wide.steps = wide_steps;
	wide.n_steps = 12;
	items[0] = (struct view_menu_item){ .r = &other, .id = "neck",
					    .path = "r/neck.yaml", .total_ms = 300000 };
	items[1] = (struct view_menu_item){ .id = "broken", .path = "r/broken.yaml",
					    .loading = menu_loading };
	items[2] = (struct view_menu_item){ .r = &f->r, .id = "upper-back",
					    .path = "r/upper-back.yaml",
					    .total_ms = f->p.total_ms };
	items[3] = (struct view_menu_item){ .r = &wide, .id = "everything",
					    .path = "r/everything.yaml",
					    .total_ms = 12 * 35000 };
	size_t n = 0;
	for (size_t i = 0; i < 4; i++)
		if (view_menu_match(&items[i], filter))
			shown[n++] = i;
	top = 0;
	struct view_menu_in in = { items, shown, n, 4, sel, &top, filter, editing,
				   &menu_scroll, NULL, false, menu_step, NULL };
	view_begin(&f->v, rows, cols, true);
	view_menu(&f->v, &in);
}

/* A routine not read yet: its id alone, no error, "Loading..." in the
 * pane, and the filter matches its id. */
static void test_menu_loading(void **state)
{
	struct fixture *f = *state;
	menu_scroll = 0;
	menu_loading = true;
	menu_at(f, 24, 80, "brok", false, 0);
	menu_loading = false;
	dump(&f->v, "menu, one loading");
	assert_row_has(&f->v, 2, "> broken");
	bool loading = false;
	for (int r = 0; r < f->v.rows; r++) {
		assert_null(strstr(row(&f->v, r), "(has errors)"));
		assert_null(strstr(row(&f->v, r), "did not load"));
		loading = loading || strstr(row(&f->v, r), "Loading...");
	}
	assert_true(loading);
}

/* A marked step: its row has the mark, and the pane scrolls to it. */
static void test_menu_marked_step(void **state)
{
	struct fixture *f = *state;
	menu_scroll = 0;
	menu_step = 12;                      /* the last of "everything"'s 12 */
	menu_at(f, 24, 80, "", false, 3);
	menu_step = 0;
	dump(&f->v, "menu, step 12 marked");
	int marked = -1, count = 0;
	for (int r = 0; r < f->v.rows; r++) {
		if (strstr(row(&f->v, r), "\xe2\x96\xb6")) {
			marked = r;
			count++;
		}
	}
	assert_int_equal(count, 1);
	assert_non_null(strstr(row(&f->v, marked), " 12. "));
	assert_true(menu_scroll > 0);
	menu_scroll = 0;
	menu_at(f, 24, 80, "", false, 3);   /* none marked: no mark */
	for (int r = 0; r < f->v.rows; r++)
		assert_null(strstr(row(&f->v, r), "\xe2\x96\xb6"));
}

static const char *chest_areas[] = { "upper back", "chest" };
static const char *back_areas[] = { "upper back" };
static const char *wrist_areas[] = { "wrists", "forearms" };

/* The detail pane lists the body areas of the routine's exercises, each
 * once; the filter finds a routine by one. */
static void test_menu_areas(void **state)
{
	struct fixture *f = *state;
	static const struct exercise opener = { .name = "Opener",
						.area = { chest_areas, 2 } };
	static const struct exercise roller = { .name = "Roller",
						.area = { back_areas, 1 } };
	static const struct exercise wrist = { .name = "Wrist stretch",
					       .area = { wrist_areas, 2 } };
	struct step a_steps[] = { fx_step(STEP_HOLD, &roller),
				  (struct step){ .kind = STEP_REST, .rest_ms = 5000 },
				  fx_step(STEP_HOLD, &opener) };
	struct step b_steps[] = { fx_step(STEP_HOLD, &wrist) };
	struct routine a, b;
	routine_init(&a);
	a.name = "Back";
	a.id = "back";
	a.steps = a_steps;
	a.n_steps = 3;
	routine_init(&b);
	b.name = "Desk";
	b.id = "desk";
	b.steps = b_steps;
	b.n_steps = 1;
	struct view_menu_item items[] = { { .r = &a, .id = "back", .total_ms = 60000 },
					  { .r = &b, .id = "desk", .total_ms = 30000 } };
	assert_true(view_menu_match(&items[0], "CHEST"));
	assert_false(view_menu_match(&items[1], "chest"));
	assert_true(view_menu_match(&items[1], "fore"));
	assert_false(view_menu_match(&items[0], "wrist"));
	size_t shown[] = { 0, 1 }, top = 0;
	int scroll = 0;
	struct view_menu_in in = { items, shown, 2, 2, 0, &top, "", false, &scroll,
				   NULL, false, 0, NULL };
	view_begin(&f->v, 24, 80, true);
	view_menu(&f->v, &in);
	dump(&f->v, "menu areas");
	assert_inside(&f->v);
	assert_true(row_with(&f->v, "Areas  upper back, chest") > 0);
	assert_int_equal(row_with(&f->v, "back, chest, upper"), -1);
	in.sel = 1;
	view_menu(&f->v, &in);
	assert_true(row_with(&f->v, "Areas  wrists, forearms") > 0);
}

static void test_menu_80x24(void **state)
{
	struct fixture *f = *state;
	char total[16];
	menu_scroll = 0;
	menu_at(f, 24, 80, "", false, 2);
	dump(&f->v, "menu");
	assert_inside(&f->v);
	assert_row_has(&f->v, 0, "4 routines");
	assert_row_has(&f->v, 1, "NAME");
	assert_row_has(&f->v, 1, "TAGS");
	assert_row_has(&f->v, 2, "Neck release");
	assert_row_has(&f->v, 2, "05:00");
	assert_row_has(&f->v, 3, "broken");
	assert_row_has(&f->v, 3, "(has errors)");
	assert_row_has(&f->v, 4, "> Upper back relief");
	assert_row_has(&f->v, 4, duration_format(f->p.total_ms, total, sizeof total));
	assert_row_has(&f->v, 4, "upper-back, desk");
	assert_row_has(&f->v, 7, "Upper back relief");
	assert_row_has(&f->v, 8, "Foam roll, open up the chest");
	assert_row_has(&f->v, 10, "Tags   upper-back, desk");
	assert_row_has(&f->v, 11, "Needs  foam roller, wall");
	assert_row_has(&f->v, 13, "Steps (5)");
	assert_row_has(&f->v, 14, "1. Foam roll upper back");
	assert_row_has(&f->v, 14, "hold 01:30");
	assert_row_has(&f->v, 15, "8 reps, left/right");
	assert_row_has(&f->v, 16, "Rest");
	assert_row_has(&f->v, 17, "10 reps, 2 sets");
	assert_row_has(&f->v, 18, "10 reps at your pace");
	assert_row_has(&f->v, 23, "Enter start");
	assert_row_has(&f->v, 23, "/ filter");
}

static void test_menu_filter_40x12(void **state)
{
	struct fixture *f = *state;
	menu_scroll = 0;
	menu_at(f, 12, 40, "DESK", true, 0);
	dump(&f->v, "menu filter");
	assert_inside(&f->v);
	assert_row_has(&f->v, 2, "> Upper back relief");
	assert_row_has(&f->v, 4, "\xe2\x94\x80\xe2\x94\x80");
	assert_row_has(&f->v, 11, "/DESK");
	assert_true(f->v.cursor);
	assert_int_equal(f->v.cursor_row, 11);
	assert_int_equal(f->v.cursor_col, 5);
	menu_at(f, 12, 40, "zzz", false, 0);
	assert_row_has(&f->v, 2, "No routine matches 'zzz'");
	assert_row_has(&f->v, 0, "filter: zzz");
}

/* The issue: the title said "6 routines" under a filter that showed 3. */
static void test_menu_count_follows_filter(void **state)
{
	struct fixture *f = *state;
	menu_at(f, 24, 80, "desk", false, 0);
	assert_row_has(&f->v, 0, "2 of 4 routines");
	menu_at(f, 24, 80, "", false, 0);
	assert_row_has(&f->v, 0, "4 routines");
	assert_null(strstr(row(&f->v, 0), " of "));
}

/* Column of text in row r, -1 when it is not there (cells, not bytes). */
static int col_of(const struct view *v, int r, const char *text)
{
	const char *t = row(v, r), *at = strstr(t, text);
	if (!at)
		return -1;
	char head[4096];
	memcpy(head, t, (size_t)(at - t));
	head[at - t] = '\0';
	return utf8_width(head);
}

/* The issue: the columns moved while filtering (measured over the shown
 * routines). They are measured over all. */
static void test_menu_columns_steady(void **state)
{
	struct fixture *f = *state;
	menu_at(f, 24, 80, "", false, 2);
	int tcol = col_of(&f->v, 4, "upper-back, desk");
	int time = col_of(&f->v, 1, "TIME");
	assert_true(tcol > 0 && time > 0);
	menu_at(f, 24, 80, "relief", false, 0);
	assert_int_equal(col_of(&f->v, 2, "upper-back, desk"), tcol);
	assert_int_equal(col_of(&f->v, 1, "TIME"), time);
	menu_at(f, 24, 120, "", false, 2);
	tcol = col_of(&f->v, 4, "upper-back, desk");
	menu_at(f, 24, 120, "relief", false, 0);
	assert_int_equal(col_of(&f->v, 2, "upper-back, desk"), tcol);
}

/* The issue: tags and equipment were cut mid-word in the list and at
 * 40 columns. The list cuts between tags ("+N"); the detail pane has
 * them whole, wrapped. */
static void test_menu_tags_wrap(void **state)
{
	struct fixture *f = *state;
	for (int cols = 40; cols <= 80; cols += 40) {
		menu_scroll = 0;
		menu_at(f, 24, cols, "", false, 3);
		dump(&f->v, "menu, long tags");
		assert_inside(&f->v);
		const char *all = screen(&f->v);
		for (size_t i = 0; i < 7; i++)
			assert_non_null(strstr(all, long_tags[i]));
		for (size_t i = 0; i < 6; i++)
			assert_non_null(strstr(all, long_gear[i]));
	}
	menu_at(f, 24, 80, "", false, 3);
	assert_row_has(&f->v, 5, "> Everything at once");
	assert_row_has(&f->v, 5, " +");
	assert_null(strstr(row(&f->v, 5), "\xe2\x80\xa6"));   /* not mid-word */
}

/* The issue: the detail pane cut the steps ("... and 4 more"); it
 * scrolls: every step can be read, the scroll is clamped and kept. */
static void test_menu_detail_scroll(void **state)
{
	struct fixture *f = *state;
	menu_scroll = 0;
	menu_at(f, 24, 80, "", false, 3);
	assert_row_has(&f->v, 6, "more: PgUp/PgDn");
	assert_null(strstr(screen(&f->v), "12. "));
	menu_scroll = 1000;
	menu_at(f, 24, 80, "", false, 3);
	dump(&f->v, "menu, scrolled");
	assert_true(menu_scroll > 0 && menu_scroll < 1000);
	assert_row_has(&f->v, 22, "12. Foam roll upper back");
	assert_row_has(&f->v, 6, "\xe2\x86\x91");
	int at_end = menu_scroll;
	for (int k = 1; k <= 12; k++) {
		char want[16];
		snprintf(want, sizeof want, "%d. ", k);
		menu_scroll = k <= 6 ? 0 : at_end;
		menu_at(f, 24, 80, "", false, 3);
		assert_non_null(strstr(screen(&f->v), want));
	}
	menu_scroll = -5;
	menu_at(f, 24, 80, "", false, 3);
	assert_int_equal(menu_scroll, 0);
	/* a routine that fits has nothing to scroll */
	menu_scroll = 7;
	menu_at(f, 24, 80, "", false, 0);
	assert_int_equal(menu_scroll, 0);
	assert_null(strstr(screen(&f->v), "more: PgUp"));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_put_clips_with_ellipsis, setup, teardown),
		cmocka_unit_test_setup_teardown(test_width_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ascii_terminal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_put_escapes_outside_text, setup, teardown),
		cmocka_unit_test(test_wrap_keeps_indent),
		cmocka_unit_test(test_reflow),
		cmocka_unit_test(test_bigdigits),
		cmocka_unit_test(test_layout_rows),
		cmocka_unit_test(test_layout_tall_figure),
		cmocka_unit_test(test_layout_digits_scale),
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
		cmocka_unit_test_setup_teardown(test_player_tall_figure_every_segment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_mirror_and_start_frame, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_side_and_rep_words, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_areas, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_digits_steady, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_digits_grow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_bar_moves_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_header_narrow, setup, teardown),
		cmocka_unit_test_setup_teardown(test_player_confirm_quit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_small, setup, teardown),
		cmocka_unit_test_setup_teardown(test_help_overlay, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finish, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_80x24, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_loading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_marked_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_filter_40x12, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_count_follows_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_columns_steady, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_tags_wrap, setup, teardown),
		cmocka_unit_test_setup_teardown(test_menu_detail_scroll, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
