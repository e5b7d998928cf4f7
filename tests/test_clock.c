/* Tests for clock: the monotonic clock. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_monotonic_moves_forward),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
