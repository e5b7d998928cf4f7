/* duration — the time strings of the routine format, and the one format
 * the program writes times in.
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

/* The one way the program writes a time, everywhere (list, show, check,
 * the menu, the player, plain, summaries): "MM:SS" with two-digit minutes
 * ("00:05", "15:00"), and from one hour on "H:MM:SS" ("1:05:00").
 * Negative values are written as 00:00. Each returns buf (truncated to
 * size, always terminated when size > 0). */

/* Exact: a time that is not whole seconds gets a ".5"-style fraction
 * ("00:01.5"); plan times (totals, starts, lengths). */
char *duration_format(int64_t ms, char *buf, size_t size);

/* Whole seconds: the clocks (elapsed, left, a summary's times). */
char *duration_format_s(int64_t seconds, char *buf, size_t size);

/* A time left, rounded up to whole seconds: 4.2 s reads "00:05" (what a
 * countdown shows). */
char *duration_format_left(int64_t ms, char *buf, size_t size);

/* A time spent, rounded to the nearest whole second: 4.4 s reads "00:04",
 * 4.5 s "00:05" (summaries: time done, paused, extended). */
char *duration_format_round(int64_t ms, char *buf, size_t size);

/* A change of a time, signed: "+00:10", "-00:10" (duration_format of the
 * magnitude). */
char *duration_format_delta(int64_t ms, char *buf, size_t size);

/* The big countdown of a part len_ms long at left_ms to go, rounded up:
 * "01:30", "00:59" when the part lasts a minute or more (so that every
 * value is as wide), bare seconds ("45", "3") when it is shorter. */
char *duration_format_count(int64_t left_ms, int64_t len_ms, char *buf,
			    size_t size);

/* Seconds left on a countdown as shown: rounded up, so 2.1 s reads "3". */
int64_t duration_ceil_seconds(int64_t ms);
/* A time in seconds to the nearest one, halves up: 2.5 s is 3. */
int64_t duration_round_seconds(int64_t ms);

#define DURATION_BUF 24

#endif
