/* clock — CLOCK_MONOTONIC in milliseconds, and a fake clock for tests. */
#include "clock.h"

#include <time.h>

int64_t clock_now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + (int64_t)(ts.tv_nsec / 1000000);
}

static int64_t clock_monotonic_now(struct clock *c)
{
	(void)c;
	return clock_now_ms();
}

static int64_t clock_fake_now(struct clock *c)
{
	return c->fake_ms;
}

struct clock clock_monotonic(void)
{
	return (struct clock){ .now = clock_monotonic_now, .fake_ms = 0 };
}

struct clock clock_fake(int64_t start_ms)
{
	return (struct clock){ .now = clock_fake_now, .fake_ms = start_ms };
}

void clock_fake_advance(struct clock *c, int64_t ms)
{
	c->fake_ms += ms;
}
