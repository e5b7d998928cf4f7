/* clock — CLOCK_MONOTONIC in milliseconds. */
#include "clock.h"

#include <time.h>

int64_t clock_now_ms(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (int64_t)ts.tv_sec * 1000 + (int64_t)(ts.tv_nsec / 1000000);
}
