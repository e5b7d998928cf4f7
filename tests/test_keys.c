/* Unit tests: the key tables — each row says what it does, no key does
 * two things on one screen, lookups, and the texts built from them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "keys.h"

/* Every row of every table has an action, a help line and a name, and a
 * footer hint only with a label; each action has one row. */
static void test_rows_described(void **state)
{
	(void)state;
	assert_true(keys_n_tables >= 8);
	for (size_t t = 0; t < keys_n_tables; t++) {
		const struct keys_table *k = keys_tables[t];
		assert_true(k->screen[0] != '\0');
		assert_non_null(keys_next(k, NULL));
		size_t i = 0;
		for (const struct keys_row *r = keys_next(k, NULL); r; r = keys_next(k, r), i++) {
			if (!keys_word(r, KEYS_HELP) || !keys_word(r, KEYS_NAME))
				fail_msg("%s: row %zu has no help line or no name", k->screen, i);
			assert_true(r->action > KEYS_ACT_NONE && r->action < KEYS_N_ACTIONS);
			assert_true(!keys_word(r, KEYS_HINT) || keys_word(r, KEYS_LABEL));
			assert_ptr_equal(keys_row(k, r->action), r);
		}
	}
}

/* No key is bound twice on one screen. */
static void test_no_key_twice(void **state)
{
	(void)state;
	for (size_t t = 0; t < keys_n_tables; t++) {
		const struct keys_table *k = keys_tables[t];
		for (const struct keys_row *r = keys_next(k, NULL); r; r = keys_next(k, r)) {
			for (size_t a = 0; a < KEYS_MAX_CODES && r->code[a]; a++) {
				int code = r->code[a];
				if (keys_action(k, code) != r->action)
					fail_msg("%s: key %d is bound twice", k->screen, code);
				for (size_t b = a + 1; b < KEYS_MAX_CODES; b++)
					assert_int_not_equal(r->code[b], code);
			}
		}
	}
}

static void test_player_keys(void **state)
{
	(void)state;
	const struct keys_table *p = &keys_player;
	assert_int_equal(keys_action(p, ' '), KEYS_ACT_PAUSE);
	assert_int_equal(keys_action(p, 'n'), KEYS_ACT_SKIP);
	assert_int_equal(keys_action(p, KEYS_RIGHT), KEYS_ACT_SKIP);
	assert_int_equal(keys_action(p, KEYS_LEFT), KEYS_ACT_BACK);
	assert_int_equal(keys_action(p, '='), KEYS_ACT_EXTEND);
	assert_int_equal(keys_action(p, '+'), KEYS_ACT_EXTEND);
	assert_int_equal(keys_action(p, '-'), KEYS_ACT_UNEXTEND);
	assert_int_equal(keys_action(p, '\r'), KEYS_ACT_REP);
	assert_int_equal(keys_action(p, KEYS_ENTER), KEYS_ACT_REP);
	assert_int_equal(keys_action(p, 'q'), KEYS_ACT_ASK_QUIT);
	assert_int_equal(keys_action(p, KEYS_CTRL('l')), KEYS_ACT_REDRAW);
	assert_int_equal(keys_action(p, 'y'), KEYS_ACT_NONE);
	assert_int_equal(keys_action(p, KEYS_OTHER), KEYS_ACT_NONE);
	assert_int_equal(keys_action(p, 0), KEYS_ACT_NONE);   /* a row's end */
	assert_non_null(keys_row(p, KEYS_ACT_SUSPEND));      /* told, not typed */
	assert_null(keys_row(p, KEYS_ACT_YES));
}

/* While the quit question is open only its answers count. */
static void test_answers_and_overlays(void **state)
{
	(void)state;
	assert_int_equal(keys_action(&keys_quit, 'y'), KEYS_ACT_YES);
	assert_int_equal(keys_action(&keys_quit, 'Y'), KEYS_ACT_YES);
	assert_int_equal(keys_action(&keys_quit, 'n'), KEYS_ACT_NO);
	assert_int_equal(keys_action(&keys_quit, 'q'), KEYS_ACT_NO);
	assert_int_equal(keys_action(&keys_quit, KEYS_ESC), KEYS_ACT_NO);
	assert_int_equal(keys_action(&keys_quit, KEYS_RIGHT), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_quit, ' '), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_help, KEYS_ESC), KEYS_ACT_CLOSE);
	assert_int_equal(keys_action(&keys_help, 'j'), KEYS_ACT_DOWN);
	assert_int_equal(keys_action(&keys_help, 'n'), KEYS_ACT_NONE);  /* to the player */
	assert_int_equal(keys_action(&keys_notice, ' '), KEYS_ACT_PAGE_DOWN);
	assert_int_equal(keys_action(&keys_notice, KEYS_ESC), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_finish, 'm'), KEYS_ACT_MENU);
	assert_int_equal(keys_action(&keys_finish, KEYS_ESC), KEYS_ACT_QUIT);
}

/* The filter line takes the characters no row takes; the menu does not. */
static void test_typing(void **state)
{
	(void)state;
	assert_int_equal(keys_action(&keys_filter, 'a'), KEYS_ACT_TYPE);
	assert_int_equal(keys_action(&keys_filter, 'j'), KEYS_ACT_TYPE);
	assert_int_equal(keys_action(&keys_filter, 0x263a), KEYS_ACT_TYPE);
	assert_int_equal(keys_action(&keys_filter, 127), KEYS_ACT_ERASE);
	assert_int_equal(keys_action(&keys_filter, KEYS_BACKSPACE), KEYS_ACT_ERASE);
	assert_int_equal(keys_action(&keys_filter, KEYS_CTRL('u')), KEYS_ACT_ERASE_ALL);
	assert_int_equal(keys_action(&keys_filter, KEYS_CTRL('a')), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_filter, KEYS_OTHER), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_filter, KEYS_UP), KEYS_ACT_UP);
	assert_int_equal(keys_action(&keys_menu, 'a'), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_menu, 'j'), KEYS_ACT_DOWN);
}

static void test_texts(void **state)
{
	(void)state;
	char buf[128];
	const struct keys_row *skip = keys_row(&keys_player, KEYS_ACT_SKIP);
	assert_string_equal(keys_names(skip, "  ", true, buf, sizeof buf),
			    "n  \xe2\x86\x92");
	assert_string_equal(keys_names(skip, " or ", false, buf, sizeof buf), "n or Right");
	assert_string_equal(keys_names(skip, " or ", false, buf, 4), "n o");  /* cut */
	assert_string_equal(keys_hint(skip, true), "n/\xe2\x86\x92");
	assert_string_equal(keys_hint(skip, false), "n");
	assert_null(keys_hint(keys_row(&keys_player, KEYS_ACT_UNEXTEND), true));
	assert_string_equal(keys_name(&keys_player, KEYS_ACT_REP), "Enter");
	assert_string_equal(keys_name(&keys_player, KEYS_ACT_PAUSE), "space");
	assert_string_equal(keys_name(&keys_player, KEYS_ACT_MENU), "?");
	assert_string_equal(keys_hint_text(&keys_notice, true, ": ", "   ", false, buf,
					   sizeof buf), "Enter: I have read this   q: quit");
	assert_string_equal(keys_hint_text(&keys_quit, true, " = ", "   ", true, buf,
					   sizeof buf), "y = yes, quit   n = no, go on");
	assert_string_equal(keys_hint_text(&keys_quit, false, NULL, "/", false, buf,
					   sizeof buf), "y/n");
	assert_string_equal(keys_hint_text(&keys_filter, false, " ", "  ", false, buf,
					   sizeof buf), "Enter done  Esc clear");
	assert_string_equal(keys_hint_text(&keys_player, false, " ", ", ", false, buf,
					   sizeof buf),
			    "space pause, n skip, b back, +/- 10s, Enter rep, ? help, q quit");
}

/* A row's seven words, none where it has none; rows hold no pointer
 * and stay small. */
static void test_words(void **state)
{
	(void)state;
	const struct keys_row *r = keys_row(&keys_player, KEYS_ACT_PAUSE);
	assert_string_equal(keys_word(r, KEYS_NAME), "space");
	assert_null(keys_word(r, KEYS_NAME2));
	assert_string_equal(keys_word(r, KEYS_HINT), "space");
	assert_null(keys_word(r, KEYS_HINT_ASCII));
	assert_string_equal(keys_word(r, KEYS_LABEL), "pause");
	assert_string_equal(keys_word(r, KEYS_LABEL_ON), "resume");
	assert_string_equal(keys_word(r, KEYS_HELP),
			    "pause / resume (3-2-1 before the clock runs)");
	r = keys_row(&keys_menu, KEYS_ACT_RESUME);   /* the other file's */
	assert_string_equal(keys_word(r, KEYS_NAME), "r");
	assert_null(keys_word(r, KEYS_LABEL));
	assert_string_equal(keys_word(r, KEYS_HELP), "go on with the session stopped last "
			    "(within the hour), where it stopped");
	assert_int_equal(sizeof(struct keys_row), 24);
	size_t n = 0;
	for (r = keys_next(&keys_player, NULL); r; r = keys_next(&keys_player, r))
		n++;
	assert_int_equal(n, 10);
}

/* The check-in on the finish screen: 1 2 3 answer; every other key is
 * not its own (it skips the question) and is then the finish screen's. */
static void test_checkin_keys(void **state)
{
	(void)state;
	char buf[256];
	assert_int_equal(keys_action(&keys_checkin, '1'), KEYS_ACT_WORSE);
	assert_int_equal(keys_action(&keys_checkin, '2'), KEYS_ACT_SAME);
	assert_int_equal(keys_action(&keys_checkin, '3'), KEYS_ACT_BETTER);
	/* the other keys are not the check-in's: they skip it */
	assert_int_equal(keys_action(&keys_checkin, '4'), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_checkin, 'q'), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_checkin, '\r'), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_checkin, KEYS_OTHER), KEYS_ACT_NONE);
	assert_int_equal(keys_action(&keys_checkin, KEYS_CTRL('l')), KEYS_ACT_REDRAW);
	/* ... and are then the finish screen's */
	assert_int_equal(keys_action(&keys_finish, '\r'), KEYS_ACT_MENU);
	assert_int_equal(keys_action(&keys_finish, 'q'), KEYS_ACT_QUIT);
	assert_string_equal(keys_checkin.prompt, "How does your back feel?");
	assert_string_equal(keys_hint_text(&keys_checkin, false, " ", ", ", false, buf,
					   sizeof buf),
			    "1 worse, 2 same, 3 better, any other key to skip");
	bool listed = false;
	for (size_t i = 0; i < keys_n_tables; i++)
		listed = listed || keys_tables[i] == &keys_checkin;
	assert_true(listed);
}

/* The reminder's screens: Enter starts, z snoozes, x skips, q quits;
 * the prompt asks its question; nothing of the player's leaks in. */
static void test_remind_keys(void **state)
{
	(void)state;
	char buf[128];
	const struct keys_table *t[] = { &keys_remind, &keys_prompt };
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(keys_action(t[i], '\r'), KEYS_ACT_START);
		assert_int_equal(keys_action(t[i], KEYS_ENTER), KEYS_ACT_START);
		assert_int_equal(keys_action(t[i], 'z'), KEYS_ACT_SNOOZE);
		assert_int_equal(keys_action(t[i], 'x'), KEYS_ACT_SKIP);
		assert_int_equal(keys_action(t[i], 'q'), KEYS_ACT_QUIT);
		assert_int_equal(keys_action(t[i], ' '), KEYS_ACT_NONE);
		assert_int_equal(keys_action(t[i], 'n'), KEYS_ACT_NONE);
	}
	assert_string_equal(keys_prompt.prompt, "Time for a break");
	assert_string_equal(keys_remind.prompt, "");
	assert_string_equal(keys_hint_text(&keys_remind, false, " ", ", ", false, buf,
					   sizeof buf),
			    "Enter start now, z snooze, x skip next, q quit");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_described),
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_player_keys),
		cmocka_unit_test(test_answers_and_overlays),
		cmocka_unit_test(test_typing),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_checkin_keys),
		cmocka_unit_test(test_remind_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
