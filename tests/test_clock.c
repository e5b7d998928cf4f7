/* Tests for clock: the monotonic clock and the fake one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>

#include "clock.h"

static void sleep_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000L };
	while (nanosleep(&ts, &ts) != 0)
		;
}

static void test_monotonic_moves_forward(void **state)
{
	(void)state;
	int64_t a = clock_now_ms();
	sleep_ms(20);
	int64_t b = clock_now_ms();
	assert_true(a > 0);
	assert_true(b - a >= 20);
	assert_true(b - a < 5000);
}

static void test_monotonic_as_value(void **state)
{
	(void)state;
	struct clock c = clock_monotonic();
	int64_t a = clock_now_ms();
	int64_t b = clock_now(&c);
	int64_t d = clock_now_ms();
	assert_true(a <= b && b <= d);
}

static void test_fake_is_moved_by_hand(void **state)
{
	(void)state;
	struct clock c = clock_fake(1000);
	assert_int_equal(clock_now(&c), 1000);
	sleep_ms(5);
	assert_int_equal(clock_now(&c), 1000);
	clock_fake_advance(&c, 250);
	assert_int_equal(clock_now(&c), 1250);
	clock_fake_advance(&c, 14400000);
	assert_int_equal(clock_now(&c), 14401250);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_monotonic_moves_forward),
		cmocka_unit_test(test_monotonic_as_value),
		cmocka_unit_test(test_fake_is_moved_by_hand),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
