/* duration — parse "1m30s"-style strings exactly, in integer arithmetic. */
#include "duration.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MS_PER_S   1000
#define MS_PER_MIN 60000
#define MAX_WHOLE  1000000000000ULL   /* keeps every product inside int64 */
#define MAX_FRAC_DIGITS 9

/* A decimal number "123" or "1.25" as whole + num/den. */
struct decimal {
	uint64_t whole, num, den;
	int has_fraction;
};

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static enum duration_status parse_decimal(const char **sp, struct decimal *d)
{
	const char *s = *sp;
	*d = (struct decimal){ 0, 0, 1, 0 };
	if (!is_digit(*s))
		return DURATION_SYNTAX;
	for (; is_digit(*s); s++) {
		d->whole = d->whole * 10 + (uint64_t)(*s - '0');
		if (d->whole > MAX_WHOLE)
			return DURATION_OVERFLOW;
	}
	if (*s == '.') {
		s++;
		if (!is_digit(*s))
			return DURATION_SYNTAX;
		d->has_fraction = 1;
		for (int n = 0; is_digit(*s); s++, n++) {
			if (n >= MAX_FRAC_DIGITS) {
				if (*s != '0')
					return DURATION_PRECISION;
				continue;
			}
			d->num = d->num * 10 + (uint64_t)(*s - '0');
			d->den *= 10;
		}
	}
	*sp = s;
	return DURATION_OK;
}

/* whole + num/den units of unit_ms, exactly, or DURATION_PRECISION. */
static enum duration_status to_ms(const struct decimal *d, uint64_t unit_ms,
				  uint64_t *ms)
{
	uint64_t frac = d->num * unit_ms;
	if (frac % d->den)
		return DURATION_PRECISION;
	*ms = d->whole * unit_ms + frac / d->den;
	return DURATION_OK;
}

enum duration_status duration_parse(const char *s, int64_t *ms)
{
	uint64_t total = 0;
	int seen_m = 0, seen_s = 0, fraction_seen = 0;
	if (!s || !*s)
		return DURATION_SYNTAX;
	while (*s) {
		struct decimal d;
		enum duration_status st = parse_decimal(&s, &d);
		if (st != DURATION_OK)
			return st;
		if (fraction_seen)       /* "1.5m30s": only the last part may be fractional */
			return DURATION_SYNTAX;
		fraction_seen = d.has_fraction;
		uint64_t unit;
		if (*s == 'm' && !seen_m && !seen_s) {
			unit = MS_PER_MIN;
			seen_m = 1;
			s++;
		} else if (*s == 's' && !seen_s) {
			unit = MS_PER_S;
			seen_s = 1;
			s++;
		} else if (*s == '\0' && !seen_m && !seen_s) {
			unit = MS_PER_S;     /* a bare number of seconds */
			seen_s = 1;
		} else {
			return DURATION_SYNTAX;
		}
		uint64_t part;
		st = to_ms(&d, unit, &part);
		if (st != DURATION_OK)
			return st;
		total += part;
	}
	*ms = (int64_t)total;
	return DURATION_OK;
}

/* "MM:SS", or "H:MM:SS" from one hour on; returns the length written
 * (as snprintf). */
static int duration_clock(int64_t s, char *buf, size_t size)
{
	if (s >= 3600)
		return snprintf(buf, size, "%" PRId64 ":%02" PRId64 ":%02" PRId64,
				s / 3600, s / 60 % 60, s % 60);
	return snprintf(buf, size, "%02" PRId64 ":%02" PRId64, s / 60, s % 60);
}

char *duration_format_s(int64_t seconds, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	duration_clock(seconds > 0 ? seconds : 0, buf, size);
	return buf;
}

char *duration_format(int64_t ms, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (ms < 0)
		ms = 0;
	int64_t frac = ms % MS_PER_S;
	int n = duration_clock(ms / MS_PER_S, buf, size);
	if (frac && n > 0 && (size_t)n < size) {
		char f[8];
		snprintf(f, sizeof f, ".%03d", (int)frac);
		for (size_t i = strlen(f) - 1; f[i] == '0'; i--)
			f[i] = '\0';
		snprintf(buf + n, size - (size_t)n, "%s", f);
	}
	return buf;
}

char *duration_format_delta(int64_t ms, char *buf, size_t size)
{
	if (size < 2) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	buf[0] = ms < 0 ? '-' : '+';
	duration_format(ms < 0 ? -ms : ms, buf + 1, size - 1);
	return buf;
}

int64_t duration_ceil_seconds(int64_t ms)
{
	return ms > 0 ? (ms + MS_PER_S - 1) / MS_PER_S : 0;
}

int64_t duration_round_seconds(int64_t ms)
{
	return ms > 0 ? (ms + MS_PER_S / 2) / MS_PER_S : 0;
}

char *duration_format_left(int64_t ms, char *buf, size_t size)
{
	return duration_format_s(duration_ceil_seconds(ms), buf, size);
}

char *duration_format_round(int64_t ms, char *buf, size_t size)
{
	return duration_format_s(duration_round_seconds(ms), buf, size);
}

char *duration_format_count(int64_t left_ms, int64_t len_ms, char *buf,
			    size_t size)
{
	if (duration_ceil_seconds(len_ms) >= 60)
		return duration_format_left(left_ms, buf, size);
	if (size)
		snprintf(buf, size, "%" PRId64, duration_ceil_seconds(left_ms));
	return buf;
}
