/* duration — the time strings of the routine format, and mm:ss.
 * Accepted: "45s", "1m30s", "2m", "1.5s", "1.5m", and a bare number of
 * seconds ("90", "1.5"). Times are integer milliseconds. Never allocates. */
#ifndef STRETCHTUI_DURATION_H
#define STRETCHTUI_DURATION_H

#include <stddef.h>
#include <stdint.h>

enum duration_status {
	DURATION_OK,
	DURATION_SYNTAX,    /* not a duration at all */
	DURATION_PRECISION, /* finer than a millisecond */
	DURATION_OVERFLOW,  /* too large to represent */
};

enum duration_status duration_parse(const char *s, int64_t *ms);

/* "MM:SS" (minutes zero-padded to two digits, and past 99 as needed),
 * followed by ".5"-style fractions only when ms is not whole seconds.
 * Negative values are formatted as 00:00. Returns buf. */
char *duration_format(int64_t ms, char *buf, size_t size);

/* Seconds left on a countdown as shown: rounded up, so 2.1 s reads "3". */
int64_t duration_ceil_seconds(int64_t ms);

#define DURATION_BUF 24

#endif
