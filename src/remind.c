/* remind — the reminder's options and the words it uses (see remind.h).
 * The running reminder is remind_run.c; `status` is remind_status.c. */
#include "remind.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "cue.h"
#include "diag.h"
#include "duration.h"
#include "schedule.h"

const char remind_usage[] =
	"  remind [OPTION]   break reminders: waits, and at each break offers the\n"
	"                    routine (Enter plays it, z snoozes, x skips)\n"
	"    --every D       a break every D (30m; 1s to 24h: 90s, 1h30m)\n"
	"    --routine ID    the routine of a break (desk-break-5), as for play\n"
	"    --hours A-B     breaks only from A to B, like 09:00-17:30\n"
	"    --days LIST     only on these days: mon-fri, or a list: mon,wed,fri\n"
	"    --snooze D      z puts a break off by D (5m)\n"
	"    --notify-command CMD\n"
	"                    run CMD at each break, the title and body appended\n"
	"                    (default: notify-send, when there is a desktop)\n"
	"    --no-notify     no desktop notification\n";

/* ---- parsing ---------------------------------------------------------------- */

int remind_parse_duration(const char *s, int64_t *ms)
{
	char *end;
	int64_t h = 0, rest = 0;
	const char *p = s;
	if (isdigit((unsigned char)s[0])) {
		long v = strtol(s, &end, 10);
		if (*end == 'h' && v >= 0 && v <= 1000) {
			h = v;
			p = end + 1;
		}
	}
	if (*p && duration_parse(p, &rest) != DURATION_OK)
		return -1;
	if (p == s && !*p)
		return -1;
	*ms = h * 3600000 + rest;
	return 0;
}

/* "9:05" or "09:05" (and 24:00 for the end of the day) at *s; -1 or the
 * minutes, *s moved past it. */
static int parse_clock(const char **s)
{
	const char *p = *s;
	int h = 0, m = 0, n = 0;
	while (isdigit((unsigned char)*p) && n < 2)
		h = h * 10 + (*p++ - '0'), n++;
	if (n == 0 || *p++ != ':' || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]))
		return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	*s = p + 2;
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

int remind_parse_hours(const char *s, int *from, int *to)
{
	int a = parse_clock(&s);
	if (a < 0 || *s++ != '-')
		return -1;
	int b = parse_clock(&s);
	if (b < 0 || *s || a >= b)
		return -1;
	*from = a;
	*to = b;
	return 0;
}

/* Words in place, not pointers to them: constants the dynamic loader
 * does not relocate (here and below). */
static const char day_names[][4] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char day_full[][10] = { "monday", "tuesday", "wednesday", "thursday",
				     "friday", "saturday", "sunday" };

/* The day (0 Monday) named by n bytes at s (any case), or -1. */
static int day_of(const char *s, size_t n)
{
	char w[12];
	if (n == 0 || n >= sizeof w)
		return -1;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)tolower((unsigned char)s[i]);
	w[n] = '\0';
	for (int d = 0; d < 7; d++)
		if (strcmp(w, day_names[d]) == 0 || strcmp(w, day_full[d]) == 0)
			return d;
	return -1;
}

/* One item of a days list: a day, a range (wrapping: fri-mon), or a word. */
static int days_item(const char *s, size_t n, unsigned *mask)
{
	static const struct { char word[9]; unsigned mask; } words[] = {
		{ "weekdays", 0x1f }, { "weekend", 0x60 }, { "all", 0x7f }, { "daily", 0x7f },
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i].word) == n && strncmp(s, words[i].word, n) == 0) {
			*mask |= words[i].mask;
			return 0;
		}
	const char *dash = memchr(s, '-', n);
	int a = day_of(s, dash ? (size_t)(dash - s) : n);
	int b = dash ? day_of(dash + 1, n - (size_t)(dash - s) - 1) : a;
	if (a < 0 || b < 0)
		return -1;
	for (int d = a;; d = (d + 1) % 7) {
		*mask |= 1u << d;
		if (d == b)
			return 0;
	}
}

int remind_parse_days(const char *s, unsigned *mask)
{
	unsigned m = 0;
	for (s += strspn(s, " ");;) {
		size_t n = strcspn(s, ", ");
		if (n == 0 || days_item(s, n, &m) != 0)
			return -1;
		s += n;
		s += strspn(s, " ");
		if (!*s)
			break;
		if (*s == ',')             /* one comma between two days */
			s++;
		s += strspn(s, " ");
	}
	*mask = m;
	return 0;
}

/* ---- the command line ------------------------------------------------------------ */

static int remind_bad(const char *msg, const char *arg)
{
	diag_usage(NULL, msg, arg);
	return -1;
}

/* A duration from REMIND_MIN_MS to REMIND_MAX_MS. */
static int remind_span_option(const char *name, const char *v, int64_t *ms)
{
	char msg[96];
	int64_t t;
	if (remind_parse_duration(v, &t) != 0 || t < REMIND_MIN_MS || t > REMIND_MAX_MS) {
		snprintf(msg, sizeof msg, "%s takes a time from 1s to 24h (like 30m, 90s, 1h30m), not",
			 name);
		return remind_bad(msg, v);
	}
	*ms = t;
	return 1;
}

static int remind_value(const char *name, const char *v, struct remind_options *o)
{
	if (strcmp(name, "--every") == 0)
		return remind_span_option(name, v, &o->every_ms);
	if (strcmp(name, "--snooze") == 0)
		return remind_span_option(name, v, &o->snooze_ms);
	if (strcmp(name, "--hours") == 0)
		return remind_parse_hours(v, &o->hours_from, &o->hours_to) == 0 ? 1 :
			remind_bad("--hours takes a range of the day like 09:00-17:30, not", v);
	if (strcmp(name, "--days") == 0)
		return remind_parse_days(v, &o->days_mask) == 0 ? 1 :
			remind_bad("--days takes days like mon-fri or mon,wed,fri, not", v);
	if (!v[strspn(v, " \t\n")])
		return remind_bad(strcmp(name, "--routine") == 0 ? "--routine needs a routine, not"
					   : "--notify-command needs a command, not", v);
	if (strcmp(name, "--routine") == 0) {
		o->routine = v;
		return 1;
	}
	char **w = cue_words(v);
	if (!w)
		return remind_bad("--notify-command needs a command (words, quotes closed), not", v);
	free(w);
	o->notify_command = v;
	o->notify = true;
	return 1;
}

int remind_option(int argc, char **argv, int *i, struct remind_options *o)
{
	static const char names[][17] = { "--every", "--snooze", "--routine", "--hours",
					  "--days", "--notify-command" };   /* REMIND_OPT_* */
	const char *arg = argv[*i];
	if (strcmp(arg, "--no-notify") == 0) {
		o->notify = false;
		o->given |= 1u << REMIND_OPT_NO_NOTIFY;
		o->set_by = o->set_by ? o->set_by : arg;
		return 1;
	}
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		size_t n = strlen(names[k]);
		if (strncmp(arg, names[k], n) != 0 || (arg[n] && arg[n] != '='))
			continue;
		const char *v = arg[n] == '=' ? arg + n + 1 : *i + 1 < argc ? argv[++*i] : NULL;
		o->set_by = o->set_by ? o->set_by : names[k];
		o->given |= 1u << k;
		if (!v) {
			diag_msg(DIAG_ERROR, "%s needs a value", names[k]);
			diag_try_help();
			return -1;
		}
		return remind_value(names[k], v, o);
	}
	return 0;
}

int remind_check(const struct remind_options *o)
{
	char every[32];
	int64_t window = (int64_t)(o->hours_to - o->hours_from) * 60000;
	if (!(o->hours_from || o->hours_to) || window > o->every_ms)
		return 0;
	diag_msg(DIAG_ERROR, "--hours %02d:%02d-%02d:%02d leaves no room for a break every %s",
		 o->hours_from / 60, o->hours_from % 60, o->hours_to / 60, o->hours_to % 60,
		 remind_span(o->every_ms, every, sizeof every));
	diag_try_help();
	return -1;
}

/* ---- words --------------------------------------------------------------------- */

char *remind_span(int64_t ms, char *buf, size_t size)
{
	if (ms <= 60000) {
		snprintf(buf, size, "%lld s", (long long)((ms + 999) / 1000));
		return buf;
	}
	long long min = (long long)((ms + 59999) / 60000);
	if (min < 60)
		snprintf(buf, size, "%lld min", min);
	else if (min % 60 == 0)
		snprintf(buf, size, "%lld h", min / 60);
	else
		snprintf(buf, size, "%lld h %02lld min", min / 60, min % 60);
	return buf;
}

char *remind_days_text(unsigned mask, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	if ((mask & 0x7f) == 0x7f) {
		snprintf(buf, size, "every day");
		return buf;
	}
	for (int d = 0; d < 7; d++) {
		if (!((mask >> d) & 1u))
			continue;
		int e = d;
		while (e < 6 && ((mask >> (e + 1)) & 1u))
			e++;
		int n = snprintf(buf + used, used < size ? size - used : 0, "%s%s%s%s",
				 used ? ", " : "", clock_weekday_name(d, false), e > d ? "-" : "",
				 e > d ? clock_weekday_name(e, false) : "");
		used += n > 0 ? (size_t)n : 0;
		if (used >= size)
			break;
		d = e;
	}
	return buf;
}

/* A number in words up to twenty, else in digits. */
static const char *remind_number(long n, char *buf, size_t size)
{
	static const char words[][10] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty",
	};
	if (n >= 0 && n <= 20)
		return words[n];
	snprintf(buf, size, "%ld", n);
	return buf;
}

void remind_texts(const char *name, int64_t ms, char *title, char *body, char *say,
		  size_t size)
{
	char len[DURATION_BUF], num[24];
	bool minutes = ms >= 60000;
	long n = minutes ? (long)((ms + 30000) / 60000) : (long)((ms + 999) / 1000);
	snprintf(title, size, "Time for a break");
	snprintf(body, size, "%s (%s)", name, duration_format_left(ms, len, sizeof len));
	snprintf(say, size, "Time for %s, %s %s%s", name, remind_number(n, num, sizeof num),
		 minutes ? "minute" : "second", n == 1 ? "" : "s");
}
