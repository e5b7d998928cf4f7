/* Unit tests: the reminder's words — its options' values, the texts of a
 * break, the state file's line, the status line's fields — and its
 * screens as the view builds them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "remind.h"
#include "schedule.h"
#include "view.h"

static void test_hours(void **state)
{
	(void)state;
	int a, b;
	assert_int_equal(remind_parse_hours("09:00-17:30", &a, &b), 0);
	assert_int_equal(a, 540);
	assert_int_equal(b, 1050);
	assert_int_equal(remind_parse_hours("9:05-24:00", &a, &b), 0);
	assert_int_equal(a, 545);
	assert_int_equal(b, 1440);
	const char *bad[] = { "17:00-09:00", "09:00-09:00", "9-17", "09:00", "09:60-10:00",
			      "25:00-26:00", "09:00-17:30x", "", "24:30-24:40", "09:0-10:00" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (remind_parse_hours(bad[i], &a, &b) == 0)
			fail_msg("'%s' taken for hours", bad[i]);
}

static void test_days(void **state)
{
	(void)state;
	unsigned m = 0;
	assert_int_equal(remind_parse_days("mon-fri", &m), 0);
	assert_int_equal(m, 0x1f);
	assert_int_equal(remind_parse_days("Mon,Wed, fri", &m), 0);
	assert_int_equal(m, 0x15);
	assert_int_equal(remind_parse_days("fri-mon", &m), 0);   /* wraps */
	assert_int_equal(m, 0x71);
	assert_int_equal(remind_parse_days("weekend,wednesday", &m), 0);
	assert_int_equal(m, 0x64);
	assert_int_equal(remind_parse_days("all", &m), 0);
	assert_int_equal(m, 0x7f);
	const char *bad[] = { "", "xyz", "mon-", "-fri", "mon,,", "monday-funday", "," };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (remind_parse_days(bad[i], &m) == 0)
			fail_msg("'%s' taken for days", bad[i]);
	char buf[64];
	assert_string_equal(remind_days_text(0x1f, buf, sizeof buf), "Mon-Fri");
	assert_string_equal(remind_days_text(0x15, buf, sizeof buf), "Mon, Wed, Fri");
	assert_string_equal(remind_days_text(0x7f, buf, sizeof buf), "every day");
	assert_string_equal(remind_days_text(0x63, buf, sizeof buf), "Mon-Tue, Sat-Sun");
}

static void test_durations(void **state)
{
	(void)state;
	int64_t ms;
	assert_int_equal(remind_parse_duration("30m", &ms), 0);
	assert_int_equal(ms, 1800000);
	assert_int_equal(remind_parse_duration("1h30m", &ms), 0);
	assert_int_equal(ms, 5400000);
	assert_int_equal(remind_parse_duration("2h", &ms), 0);
	assert_int_equal(ms, 7200000);
	assert_int_equal(remind_parse_duration("90", &ms), 0);
	assert_int_equal(ms, 90000);
	assert_int_not_equal(remind_parse_duration("h", &ms), 0);
	assert_int_not_equal(remind_parse_duration("1h30x", &ms), 0);
	assert_int_not_equal(remind_parse_duration("", &ms), 0);
	char buf[32];
	assert_string_equal(remind_span(30 * 60000, buf, sizeof buf), "30 min");
	assert_string_equal(remind_span(29 * 60000 + 1, buf, sizeof buf), "30 min");
	assert_string_equal(remind_span(65 * 60000, buf, sizeof buf), "1 h 05 min");
	assert_string_equal(remind_span(120 * 60000, buf, sizeof buf), "2 h");
	assert_string_equal(remind_span(45000, buf, sizeof buf), "45 s");
	assert_string_equal(remind_span(60000, buf, sizeof buf), "60 s");
}

/* The command line's remind options: taken, refused, or not remind's. */
static void test_options(void **state)
{
	(void)state;
	struct remind_options o;
	remind_options_init(&o);
	assert_int_equal(o.every_ms, 30 * 60000);
	assert_int_equal(o.snooze_ms, 5 * 60000);
	assert_string_equal(o.routine, "desk-break-5");
	assert_int_equal(o.days_mask, SCHEDULE_ALL_DAYS);
	assert_true(o.notify);
	char *argv[] = { (char *)"x", (char *)"--every", (char *)"1s",
			 (char *)"--hours=09:00-17:30", (char *)"--days", (char *)"mon-fri",
			 (char *)"--no-notify", (char *)"--speed", (char *)"--every", (char *)"0s",
			 NULL };
	int i = 1;
	assert_int_equal(remind_option(10, argv, &i, &o), 1);
	assert_int_equal(i, 2);
	assert_int_equal(o.every_ms, 1000);
	assert_string_equal(o.set_by, "--every");
	i = 3;
	assert_int_equal(remind_option(10, argv, &i, &o), 1);
	assert_int_equal(o.hours_from, 540);
	i = 4;
	assert_int_equal(remind_option(10, argv, &i, &o), 1);
	assert_int_equal(o.days_mask, 0x1f);
	i = 6;
	assert_int_equal(remind_option(10, argv, &i, &o), 1);
	assert_false(o.notify);
	i = 7;
	assert_int_equal(remind_option(10, argv, &i, &o), 0);   /* not remind's */
	i = 8;
	assert_int_equal(remind_option(10, argv, &i, &o), -1);  /* 0s */
	assert_int_equal(o.every_ms, 1000);
	assert_int_equal(remind_check(&o), 0);
	o.every_ms = 9 * 3600000;
	assert_int_equal(remind_check(&o), -1);
}

static void test_texts(void **state)
{
	(void)state;
	char title[128], body[128], say[128];
	remind_texts("Desk break", 300000, title, body, say, sizeof title);
	assert_string_equal(title, "Time for a break");
	assert_string_equal(body, "Desk break (05:00)");
	assert_string_equal(say, "Time for Desk break, five minutes");
	remind_texts("Micro", 60000, title, body, say, sizeof title);
	assert_string_equal(say, "Time for Micro, one minute");
	remind_texts("Long", 25 * 60000 + 20000, title, body, say, sizeof title);
	assert_string_equal(say, "Time for Long, 25 minutes");
	remind_texts("Quick test", 17000, title, body, say, sizeof title);
	assert_string_equal(say, "Time for Quick test, seventeen seconds");
}

static void test_state_line(void **state)
{
	(void)state;
	struct remind_state_line st;
	assert_int_equal(remind_state_parse("1 4242 1796176863719 waiting desk break 5", &st), 0);
	assert_int_equal(st.pid, 4242);
	assert_int_equal(st.due_ms, 1796176863719);
	assert_int_equal(st.state, REMIND_WAITING);
	assert_string_equal(st.routine, "desk break 5");
	assert_int_equal(remind_state_parse("1 7 0 prompt x", &st), 0);
	assert_int_equal(st.state, REMIND_PROMPT);
	const char *bad[] = { "", "2 7 0 waiting x", "1 0 0 waiting x", "1 7 0 asleep x",
			      "1 7 -5 waiting x", "1 7 0 waiting", "garbage" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (remind_state_parse(bad[i], &st) == 0)
			fail_msg("'%s' taken for a state line", bad[i]);
}

static const char *line(const char *fmt, const struct remind_status *s)
{
	static char buf[256];
	return remind_status_format(fmt, s, buf, sizeof buf) < 0 ? "(bad)" : buf;
}

static void test_status_line(void **state)
{
	(void)state;
	struct remind_status s = { .now_ms = 1000000, .utf8 = true };
	assert_string_equal(line(NULL, &s), "");
	assert_string_equal(line("%n %s %t %r", &s), "");
	s.running = true;
	s.st = (struct remind_state_line){ 1, 1000000 + 12 * 60000 - 1, REMIND_WAITING, "desk" };
	assert_string_equal(line(NULL, &s), "stretch 12m");
	s.history = true;
	s.streak = 3;
	s.today_s = 750;
	assert_string_equal(line(NULL, &s), "stretch 12m \xc2\xb7 3d");
	s.utf8 = false;
	assert_string_equal(line(NULL, &s), "stretch 12m - 3d");
	assert_string_equal(line("%r: %n, %t (%s) 100%%", &s), "desk: 12m, 13m (3d) 100%");
	s.st.due_ms = 1000000 + 45000;
	assert_string_equal(line("%n", &s), "45s");
	s.st.due_ms = 1000000 + 61 * 60000;
	assert_string_equal(line("%n", &s), "1h01m");
	s.st.due_ms = 0;                            /* none can come */
	assert_string_equal(line(NULL, &s), "stretch 3d");
	s.st.state = REMIND_PROMPT;
	assert_string_equal(line("%n", &s), "now");
	s.st.state = REMIND_PLAYING;
	assert_string_equal(line("%n", &s), "on");
	s.running = false;
	assert_string_equal(line("%n|%r|%s", &s), "||3d");
	assert_string_equal(line("%x", &s), "(bad)");
	assert_string_equal(line("50%", &s), "(bad)");
}

/* ---- the screens ------------------------------------------------------------- */

static struct view v;

static bool shows(const char *text)
{
	char buf[1024];
	for (int r = 0; r < v.rows; r++)
		if (strstr(view_row_text(&v, r, buf, sizeof buf), text))
			return true;
	return false;
}

static struct remind_info info(void)
{
	struct remind_info i = { .state = REMIND_WAITING, .routine = "Desk break",
				 .routine_ms = 300000, .left_ms = 12 * 60000 - 500,
				 .snooze_ms = 300000 };
	strcpy(i.when, "10:30");
	strcpy(i.rules, "every 30 min, 09:00-17:30, Mon-Fri");
	strcpy(i.tally, "Today: 2 taken, 1 skipped, 0 snoozed");
	return i;
}

static void test_waiting_screen(void **state)
{
	(void)state;
	struct remind_info i = info();
	struct view_remind_in in = { &i, "Snoozed: the break comes at 10:30.", false };
	view_begin(&v, 24, 80, true);
	view_remind(&v, &in);
	assert_true(shows("Break reminders"));
	assert_true(shows("every 30 min, 09:00-17:30, Mon-Fri"));
	assert_true(shows("Next break at 10:30"));
	assert_true(shows("in 12 min"));
	assert_true(shows("\xe2\x96\x88"));        /* the digits in blocks */
	assert_true(shows("Desk break \xc2\xb7 05:00"));
	assert_true(shows("Today: 2 taken, 1 skipped, 0 snoozed"));
	assert_true(shows("Snoozed: the break comes at 10:30."));
	assert_true(shows("Enter start now   z snooze   x skip next   q quit"));
	/* tomorrow: no countdown */
	i.later = true;
	strcpy(i.when, "tomorrow 09:30");
	view_begin(&v, 24, 80, false);
	view_remind(&v, &in);
	assert_true(shows("Next break tomorrow 09:30"));
	assert_false(shows("in 12 min"));
	assert_false(shows("#"));
	/* the smallest screen keeps the essentials; below it, enlarge */
	i.later = false;
	strcpy(i.when, "10:30");
	view_begin(&v, VIEW_MIN_ROWS, VIEW_MIN_COLS, true);
	view_remind(&v, &in);
	assert_true(shows("Next break at 10:30"));
	assert_true(shows("q quit"));
	view_begin(&v, VIEW_MIN_ROWS - 1, 80, true);
	view_remind(&v, &in);
	assert_true(shows("Please enlarge"));
}

static void test_prompt_screen(void **state)
{
	(void)state;
	struct remind_info i = info();
	i.state = REMIND_PROMPT;
	i.missed_in_ms = 4 * 60000 + 10;
	struct view_remind_in in = { &i, NULL, false };
	view_begin(&v, 24, 80, true);
	view_remind(&v, &in);
	assert_true(shows("Time for a break"));
	assert_true(shows("Desk break \xc2\xb7 05:00"));
	assert_true(shows("Snooze: 5 min. Unanswered, it counts as missed in 5 min."));
	assert_true(shows("Enter start   z snooze   x skip   q quit"));
	assert_false(shows("Next break"));
	/* a hostile routine name is shown escaped */
	i.routine = "Bad\x1b[31m";
	view_begin(&v, 24, 80, true);
	view_remind(&v, &in);
	assert_true(shows("Bad\\x1b[31m"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_durations),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_state_line),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_waiting_screen),
		cmocka_unit_test(test_prompt_screen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
