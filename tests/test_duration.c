/* Unit tests: duration parsing and formatting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "duration.h"

static int64_t parsed(const char *s)
{
	int64_t ms = -1;
	assert_int_equal(duration_parse(s, &ms), DURATION_OK);
	return ms;
}

static void test_accepted_forms(void **state)
{
	(void)state;
	assert_int_equal(parsed("45s"), 45000);
	assert_int_equal(parsed("1m30s"), 90000);
	assert_int_equal(parsed("2m"), 120000);
	assert_int_equal(parsed("1.5s"), 1500);
	assert_int_equal(parsed("90"), 90000);
	assert_int_equal(parsed("1.5"), 1500);
	assert_int_equal(parsed("0.5s"), 500);
	assert_int_equal(parsed("1.5m"), 90000);
	assert_int_equal(parsed("0s"), 0);
	assert_int_equal(parsed("60m"), 3600000);
	assert_int_equal(parsed("1m0.25s"), 60250);
	assert_int_equal(parsed("007s"), 7000);
	assert_int_equal(parsed("1.500000000000s"), 1500);
}

static void expect(const char *s, enum duration_status want)
{
	int64_t ms = 12345;
	assert_int_equal(duration_parse(s, &ms), want);
	assert_int_equal(ms, 12345);   /* untouched on failure */
}

static void test_rejected_forms(void **state)
{
	(void)state;
	const char *bad[] = { "", "s", "m", "1m30", "30s1m", "1h", "1 s", " 1s",
			      "1s ", "-5s", "+5s", "1.s", ".5s", "1..5s", "1ms",
			      "1m1m", "1s1s", "1.5m30s", "abc", "1e3", "0x10",
			      "1,5s", "5S", "5sec" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect(bad[i], DURATION_SYNTAX);
	expect(NULL, DURATION_SYNTAX);
}

static void test_overflow_and_precision(void **state)
{
	(void)state;
	expect("99999999999999999999s", DURATION_OVERFLOW);
	expect("18446744073709551617", DURATION_OVERFLOW);
	expect("1000000000001m", DURATION_OVERFLOW);
	expect("1.0005s", DURATION_PRECISION);
	expect("0.00001m", DURATION_PRECISION);
	expect("1.0000000001s", DURATION_PRECISION);
	assert_int_equal(parsed("1000000000000m"), 60000000000000000LL);
}

/* Found by fuzzing: past the ninth fractional digit the denominator must
 * stop growing (it once wrapped to 0 and divided by it). */
static void test_long_fractions(void **state)
{
	(void)state;
	char s[128] = "0.";
	for (int i = 0; i < 80; i++)
		strcat(s, "0");
	assert_int_equal(parsed(s), 0);
	strcat(s, "s");
	assert_int_equal(parsed(s), 0);
	strcpy(s + strlen(s) - 1, "1s");
	expect(s, DURATION_PRECISION);
	assert_int_equal(parsed("2.50000000000000000000000000000m"), 150000);
}

static void test_format(void **state)
{
	(void)state;
	char b[DURATION_BUF];
	assert_string_equal(duration_format(0, b, sizeof b), "00:00");
	assert_string_equal(duration_format(900000, b, sizeof b), "15:00");
	assert_string_equal(duration_format(65000, b, sizeof b), "01:05");
	assert_string_equal(duration_format(1500, b, sizeof b), "00:01.5");
	assert_string_equal(duration_format(61250, b, sizeof b), "01:01.25");
	assert_string_equal(duration_format(999, b, sizeof b), "00:00.999");
	assert_string_equal(duration_format(3599000, b, sizeof b), "59:59");
	assert_string_equal(duration_format(-5, b, sizeof b), "00:00");
	char tiny[4];
	duration_format(900000, tiny, sizeof tiny);
	assert_string_equal(tiny, "15:");   /* truncated, still terminated */
}

/* From one hour on: H:MM:SS, never "240:00". */
static void test_format_hours(void **state)
{
	(void)state;
	char b[DURATION_BUF];
	assert_string_equal(duration_format(3600000, b, sizeof b), "1:00:00");
	assert_string_equal(duration_format(3900000, b, sizeof b), "1:05:00");
	assert_string_equal(duration_format(3900500, b, sizeof b), "1:05:00.5");
	assert_string_equal(duration_format(14400000, b, sizeof b), "4:00:00");
	assert_string_equal(duration_format_s(14400, b, sizeof b), "4:00:00");
}

/* The clocks: whole seconds in the same style; deltas signed. */
static void test_format_seconds_and_delta(void **state)
{
	(void)state;
	char b[DURATION_BUF];
	assert_string_equal(duration_format_s(0, b, sizeof b), "00:00");
	assert_string_equal(duration_format_s(5, b, sizeof b), "00:05");
	assert_string_equal(duration_format_s(900, b, sizeof b), "15:00");
	assert_string_equal(duration_format_s(-3, b, sizeof b), "00:00");
	assert_string_equal(duration_format_delta(10000, b, sizeof b), "+00:10");
	assert_string_equal(duration_format_delta(300000, b, sizeof b), "+05:00");
	assert_string_equal(duration_format_delta(-10000, b, sizeof b), "-00:10");
	assert_string_equal(duration_format_delta(0, b, sizeof b), "+00:00");
	char tiny[3];
	assert_string_equal(duration_format_delta(10000, tiny, sizeof tiny), "+0");
}

static void test_ceil_seconds(void **state)
{
	(void)state;
	assert_int_equal(duration_ceil_seconds(2100), 3);
	assert_int_equal(duration_ceil_seconds(3000), 3);
	assert_int_equal(duration_ceil_seconds(3001), 4);
	assert_int_equal(duration_ceil_seconds(1), 1);
	assert_int_equal(duration_ceil_seconds(0), 0);
	assert_int_equal(duration_ceil_seconds(-7), 0);
}

static void test_round_seconds(void **state)
{
	(void)state;
	assert_int_equal(duration_round_seconds(4499), 4);
	assert_int_equal(duration_round_seconds(4500), 5);
	assert_int_equal(duration_round_seconds(499), 0);
	assert_int_equal(duration_round_seconds(-700), 0);
}

/* A time left rounds up, a time spent to the nearest second. */
static void test_format_left_and_round(void **state)
{
	(void)state;
	char b[DURATION_BUF];
	assert_string_equal(duration_format_left(4200, b, sizeof b), "00:05");
	assert_string_equal(duration_format_left(60000, b, sizeof b), "01:00");
	assert_string_equal(duration_format_left(0, b, sizeof b), "00:00");
	assert_string_equal(duration_format_round(4400, b, sizeof b), "00:04");
	assert_string_equal(duration_format_round(4500, b, sizeof b), "00:05");
	assert_string_equal(duration_format_round(3599500, b, sizeof b), "1:00:00");
}

/* The big countdown: clock style from a minute on, bare seconds below. */
static void test_format_count(void **state)
{
	(void)state;
	char b[DURATION_BUF];
	assert_string_equal(duration_format_count(44100, 45000, b, sizeof b), "45");
	assert_string_equal(duration_format_count(2100, 3000, b, sizeof b), "3");
	assert_string_equal(duration_format_count(0, 30000, b, sizeof b), "0");
	assert_string_equal(duration_format_count(59000, 90000, b, sizeof b), "00:59");
	assert_string_equal(duration_format_count(90000, 90000, b, sizeof b), "01:30");
	assert_string_equal(duration_format_count(59001, 59001, b, sizeof b), "01:00");
	char tiny[2];
	assert_string_equal(duration_format_count(45000, 45000, tiny, sizeof tiny), "4");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_rejected_forms),
		cmocka_unit_test(test_overflow_and_precision),
		cmocka_unit_test(test_long_fractions),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_hours),
		cmocka_unit_test(test_format_seconds_and_delta),
		cmocka_unit_test(test_ceil_seconds),
		cmocka_unit_test(test_round_seconds),
		cmocka_unit_test(test_format_left_and_round),
		cmocka_unit_test(test_format_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
