/* clock — monotonic milliseconds for the real front ends, and a fake clock
 * that tests move by hand. Nothing below the front end reads a clock: the
 * engine is handed `now` on every call. */
#ifndef STRETCHTUI_CLOCK_H
#define STRETCHTUI_CLOCK_H

#include <stdint.h>

/* CLOCK_MONOTONIC in milliseconds. */
int64_t clock_now_ms(void);

/* A clock as a value, so a loop can run on real or fake time. */
struct clock {
	int64_t (*now)(struct clock *c);
	int64_t fake_ms;        /* the fake clock's time */
};

struct clock clock_monotonic(void);
struct clock clock_fake(int64_t start_ms);
void clock_fake_advance(struct clock *c, int64_t ms);

static inline int64_t clock_now(struct clock *c)
{
	return c->now(c);
}

#endif
