/* Unit tests: what the history adds to the screens — the finish screen's
 * streak and check-in, the menu's header (today's time, the streak) and
 * each routine's "Last done", and the words they are told in. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "routine.h"
#include "utf8.h"
#include "view.h"

static struct view v;

static const char *row(int r)
{
	static char buf[4096];
	return view_row_text(&v, r, buf, sizeof buf);
}

static void dump(const char *what)
{
	if (!getenv("VIEW_DUMP"))
		return;
	printf("---- %s (%dx%d)\n", what, v.cols, v.rows);
	for (int r = 0; r < v.rows; r++)
		printf("%2d|%s\n", r, row(r));
}

/* The first row holding text, -1 when none. */
static int row_of(const char *text)
{
	for (int r = 0; r < v.rows; r++)
		if (strstr(row(r), text))
			return r;
	return -1;
}

static bool on_screen(const char *text)
{
	return row_of(text) >= 0;
}

/* Every span on the screen, none over another. */
static void assert_tidy(void)
{
	for (size_t i = 0; i < v.n; i++) {
		const struct view_span *s = &v.span[i];
		assert_true(s->row >= 0 && s->row < v.rows);
		assert_true(s->col >= 0 && s->col + s->width <= v.cols);
		for (size_t k = 0; k < i; k++) {
			const struct view_span *t = &v.span[k];
			if (t->row == s->row && s->col < t->col + t->width &&
			    t->col < s->col + s->width && s->style != VIEW_SELECTED &&
			    t->style != VIEW_SELECTED)
				fail_msg("row %d: spans at %d and %d overlap", s->row, t->col,
					 s->col);
		}
	}
}

static bool ascii_only(void)
{
	for (size_t i = 0; i < v.used; i++)
		if ((unsigned char)v.text[i] >= 0x80)
			return false;
	return true;
}

/* ---- the words ------------------------------------------------------------ */

static void test_words(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(view_ago(20000, 20000, b, sizeof b), "today");
	assert_string_equal(view_ago(20000, 19999, b, sizeof b), "yesterday");
	assert_string_equal(view_ago(20000, 19998, b, sizeof b), "2 days ago");
	assert_string_equal(view_ago(20000, 19635, b, sizeof b), "365 days ago");
	assert_string_equal(view_ago(20000, VIEW_NEVER, b, sizeof b), "never");
	assert_string_equal(view_ago(20000, 20003, b, sizeof b), "today");  /* clock moved */
	assert_string_equal(view_streak(3, b, sizeof b), "3 days in a row");
	assert_string_equal(view_streak(1, b, sizeof b), "1 day in a row");
	assert_string_equal(view_streak(0, b, sizeof b), "no streak");
	assert_string_equal(view_minutes(0, b, sizeof b), "0 min");
	assert_string_equal(view_minutes(17, b, sizeof b), "<1 min");
	assert_string_equal(view_minutes(29, b, sizeof b), "<1 min");
	assert_string_equal(view_minutes(30, b, sizeof b), "1 min");
	assert_string_equal(view_minutes(12 * 60 + 10, b, sizeof b), "12 min");
	assert_string_equal(view_minutes(59 * 60 + 40, b, sizeof b), "1 h 0 min");
	assert_string_equal(view_minutes(125 * 60, b, sizeof b), "2 h 5 min");
	assert_string_equal(view_ago(20000, 19998, b, 4), "2 d");     /* cut, ended */
}

/* ---- the finish screen ------------------------------------------------------ */

static const struct engine_summary done = {
	.planned_ms = 900000, .done_ms = 900000, .paused_ms = 12000,
	.exercises_total = 5, .exercises_done = 5, .completed = true,
};

static void finish_at(int rows, int cols, bool utf8, int64_t streak, bool asking,
		      const char *feel)
{
	struct view_finish_in in = { "Upper back relief", &done, true, streak, asking, feel };
	view_begin(&v, rows, cols, utf8);
	view_finish(&v, &in);
}

/* The streak is a line of the table; the question and its answers one
 * row under it at 80 columns, each key in the key style; the keys of
 * the finish screen under them. */
static void test_finish_checkin_80x24(void **state)
{
	(void)state;
	finish_at(24, 80, true, 3, true, NULL);
	dump("finish, check-in");
	assert_tidy();
	int streak = row_of("Streak");
	assert_true(streak > 0);
	assert_non_null(strstr(row(streak), "3 days in a row"));
	assert_int_equal(row_of("Paused"), streak - 1);
	int q = row_of("How does your back feel?");
	assert_int_equal(q, streak + 2);
	assert_non_null(strstr(row(q), "How does your back feel?  1 worse \xc2\xb7 2 same "
				      "\xc2\xb7 3 better \xc2\xb7 any other key to skip"));
	assert_int_equal(row_of("Enter menu"), q + 2);
	assert_int_equal(row_of("0 h"), -1);
	size_t keys = 0;
	for (size_t i = 0; i < v.n; i++) {
		const struct view_span *s = &v.span[i];
		if (s->row == q && s->style == VIEW_KEY)
			keys++;
	}
	assert_int_equal(keys, 4);   /* 1, 2, 3, any other key */
	/* the big digits are still there */
	assert_true(row_of("\xe2\x96\x88") > 0);
}

/* Answered: the answer on one row, no question; skipped: nothing. */
static void test_finish_answered(void **state)
{
	(void)state;
	finish_at(24, 80, true, 1, false, "better");
	dump("finish, answered");
	assert_tidy();
	assert_false(on_screen("How does your back feel?"));
	assert_true(on_screen("Check-in: better"));
	assert_true(on_screen("1 day in a row"));
	finish_at(24, 80, true, 1, false, NULL);
	assert_false(on_screen("How does your back feel?"));
	assert_false(on_screen("Check-in"));
	assert_true(on_screen("Enter menu"));
	/* no streak known: no Streak line */
	finish_at(24, 80, true, 0, false, NULL);
	assert_false(on_screen("Streak"));
}

/* At the smallest size, in ASCII: the question above its answers,
 * which wrap between answers; every part still there. */
static void test_finish_checkin_40x12(void **state)
{
	(void)state;
	finish_at(12, 40, false, 12, true, NULL);
	dump("finish, check-in, 40x12");
	assert_tidy();
	assert_true(ascii_only());
	int q = row_of("How does your back feel?");
	assert_true(q > 0);
	assert_non_null(strstr(row(q + 1), "1 worse, 2 same, 3 better"));
	assert_non_null(strstr(row(q + 2), "any other key to skip"));
	assert_true(on_screen("Session complete"));
	assert_true(on_screen("Upper back relief"));
	assert_true(on_screen("15:00 of 15:00 planned"));
	assert_true(on_screen("12 days in a row"));
	assert_true(row_of("q quit") > q + 2);
}

/* ---- the menu ------------------------------------------------------------------ */

static const struct exercise roll = { .name = "Foam roll" };

static void menu_at(int rows, int cols, const char *filter, size_t sel,
		    const struct view_menu_history *h)
{
	static struct routine r[2];
	static struct step steps[2];
	static struct view_menu_item items[3];
	static size_t shown[3], top;
	static int scroll;
	for (size_t i = 0; i < 2; i++) {
		routine_init(&r[i]);
		steps[i] = (struct step){ .kind = STEP_HOLD, .exercise = &roll,
					  .hold_ms = 60000, .sets = 1 };
		r[i].steps = &steps[i];
		r[i].n_steps = 1;
	}
	r[0].id = "neck";
	r[0].name = "Neck release";
	r[1].id = "back";
	r[1].name = "Upper back";
	items[0] = (struct view_menu_item){ .r = &r[0], .id = "neck", .total_ms = 60000,
					    .last_day = 19998 };
	items[1] = (struct view_menu_item){ .r = &r[1], .id = "back", .total_ms = 60000,
					    .last_day = VIEW_NEVER };
	items[2] = (struct view_menu_item){ .id = "broken", .path = "r/broken.yaml",
					    .last_day = 20000 };
	size_t n = 0;
	for (size_t i = 0; i < 3; i++)
		if (view_menu_match(&items[i], filter))
			shown[n++] = i;
	top = 0;
	scroll = 0;
	struct view_menu_in in = { items, shown, n, 3, sel, &top, filter, false, &scroll,
				   NULL, false, 0, h };
	view_begin(&v, rows, cols, true);
	view_menu(&v, &in);
}

static const struct view_menu_history hist = { 20000, 12 * 60 + 5, 3 };

/* The header tells today's time and the streak; the detail pane when the
 * selected routine was last done. */
static void test_menu_header_and_last_done(void **state)
{
	(void)state;
	menu_at(24, 80, "", 0, &hist);
	dump("menu, history");
	assert_tidy();
	assert_non_null(strstr(row(0), "stretchtui \xc2\xb7 3 routines \xc2\xb7 today 12 min "
				       "\xc2\xb7 3 days in a row"));
	assert_true(on_screen("Last done: 2 days ago"));
	int title = row_of("Neck release  01:00");
	assert_true(title > 0);
	assert_int_equal(row_of("Last done"), title + 1);
	menu_at(24, 80, "", 1, &hist);
	assert_true(on_screen("Last done: never"));
	/* a routine that did not load has no such line */
	menu_at(24, 80, "", 2, &hist);
	assert_false(on_screen("Last done"));
	/* nothing done yet, no history at all */
	struct view_menu_history none = { 20000, 0, 0 };
	menu_at(24, 80, "", 0, &none);
	assert_non_null(strstr(row(0), "today 0 min \xc2\xb7 no streak"));
	menu_at(24, 80, "", 0, NULL);
	assert_null(strstr(row(0), "today"));
	assert_false(on_screen("Last done"));
}

/* With the filter on the right of the header, the history's words give
 * way (cut) rather than run into it; at 40 columns they are cut too. */
static void test_menu_header_narrow(void **state)
{
	(void)state;
	menu_at(24, 80, "back", 0, &hist);
	dump("menu, history, filter");
	assert_tidy();
	assert_non_null(strstr(row(0), "filter: back"));
	assert_non_null(strstr(row(0), "today 12 min"));
	menu_at(12, 40, "e", 0, &hist);
	dump("menu, history, filter, 40x12");
	assert_tidy();
	assert_non_null(strstr(row(0), "filter: e"));
	menu_at(12, 40, "", 0, &hist);
	assert_tidy();
	assert_non_null(strstr(row(0), "today"));
	assert_true(utf8_width(row(0)) <= 40);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_finish_checkin_80x24),
		cmocka_unit_test(test_finish_answered),
		cmocka_unit_test(test_finish_checkin_40x12),
		cmocka_unit_test(test_menu_header_and_last_done),
		cmocka_unit_test(test_menu_header_narrow),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
