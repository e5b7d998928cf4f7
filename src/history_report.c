/* history_report — `stretchtui history` (see history_report.h). One pass
 * over the file: the summary adds up as the records stream by, the last
 * sessions are kept in a small ring, and --since, --days, --tsv and --json
 * print each record as it comes. */
#include "history_report.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "diag.h"
#include "duration.h"
#include "history.h"
#include "paths.h"
#include "utf8.h"


#define HR_LAST 10          /* sessions listed without --since or --days */
#define HR_WARN_MAX 10      /* skipped lines told one by one */
#define HR_NAME_CELLS 28
#define HR_DAYS_MAX 100000
#define HR_WEEK 7            /* days of the breaks table */

enum { HR_OK = 0, HR_INVALID = 1, HR_USAGE = 2 };
enum hr_mode { HR_TEXT, HR_TSV, HR_JSON };

const char history_report_usage[] =
	"  history [OPTION]  past sessions, totals, streaks, a 12-week calendar:\n"
	"    --since DATE    list every session from DATE (YYYY-MM-DD) on\n"
	"    --days N        list every session of the last N days (today is one)\n"
	"    --routine ID    only this routine's sessions, in every figure\n"
	"    --tsv           the records as tab-separated lines, header first\n"
	"    --json          the records as JSON, one object per line\n";

struct hr_opts {
	enum hr_mode mode;
	bool since_set;
	int64_t since;                    /* local day */
	bool routine_set;
	char routine[HISTORY_ID_MAX + 1]; /* safe form, as the records hold it */
};

/* A day of the breaks table: its sessions, and the reminder's prompts. */
struct hr_day {
	int64_t sessions, done_s, breaks, taken, snoozed;
};

struct hr {
	struct hr_opts o;
	struct hr_day day[HR_WEEK];       /* today first */
	bool prompts;                     /* any prompt record at all */
	struct history_summary sum;
	struct history_record last[HR_LAST];
	size_t n_sessions;                /* listed or in the ring */
	const char *path;
	long warnings;
	unsigned fl;                      /* utf8_out_flags() */
	bool ascii_data;                  /* --tsv, --json: escape non-ASCII */
};

/* ---- options ------------------------------------------------------------- */

static int hr_usage(const char *msg, const char *arg)
{
	diag_usage("history", msg, arg);
	return HR_USAGE;
}

static int parse_date(const char *s, int64_t *day)
{
	int64_t t;
	int off;
	char buf[HISTORY_TIME_BUF];
	if (strlen(s) != 10)
		return -1;
	snprintf(buf, sizeof buf, "%sT00:00:00Z", s);
	if (history_parse_time(buf, strlen(buf), &t, &off) != 0)
		return -1;
	*day = clock_local_day(t, 0);
	return 0;
}

static int parse_days(const char *s, int64_t today, int64_t *day)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (end == s || *end || errno || n < 1 || n > HR_DAYS_MAX)
		return -1;
	*day = today - (n - 1);
	return 0;
}

/* The since day: the later of --since and --days. */
static void set_since(struct hr_opts *o, int64_t day)
{
	if (!o->since_set || day > o->since)
		o->since = day;
	o->since_set = true;
}

/* An option with a value (--opt V or --opt=V): the value, or NULL. */
static const char *opt_value(int n, char **args, int *i, const char *name)
{
	size_t len = strlen(name);
	if (strncmp(args[*i], name, len) != 0)
		return NULL;
	if (args[*i][len] == '=')
		return args[*i] + len + 1;
	if (args[*i][len] != '\0')
		return NULL;
	return *i + 1 < n ? args[++*i] : "";
}

static int parse_value(struct hr_opts *o, int n, char **args, int *i,
		       int64_t today)
{
	const char *v;
	int64_t day;
	if ((v = opt_value(n, args, i, "--since"))) {
		if (parse_date(v, &day) != 0)
			return hr_usage("--since takes a date like 2026-12-01, not", v);
		set_since(o, day);
	} else if ((v = opt_value(n, args, i, "--days"))) {
		if (parse_days(v, today, &day) != 0)
			return hr_usage("--days takes a number of days from 1 to 100000, not", v);
		set_since(o, day);
	} else if ((v = opt_value(n, args, i, "--routine"))) {
		if (!*v)
			return hr_usage("--routine needs a routine id", NULL);
		history_text(o->routine, sizeof o->routine, v, strlen(v));
		o->routine_set = true;
	} else {
		return hr_usage("unknown option", args[*i]);
	}
	return HR_OK;
}

/* -1: --help printed. */
static int parse_args(struct hr_opts *o, int n, char **args, int64_t today)
{
	memset(o, 0, sizeof *o);
	for (int i = 0; i < n; i++) {
		const char *a = args[i];
		int rc = HR_OK;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs("Usage: stretchtui history [OPTION]...\n", stdout);
			fputs(history_report_usage, stdout);
			return -1;
		} else if (strcmp(a, "--tsv") == 0 || strcmp(a, "--json") == 0) {
			enum hr_mode m = a[2] == 't' ? HR_TSV : HR_JSON;
			if (o->mode != HR_TEXT && o->mode != m)
				return hr_usage("--tsv and --json exclude each other", NULL);
			o->mode = m;
		} else if (a[0] == '-' && a[1]) {
			rc = parse_value(o, n, args, &i, today);
		} else {
			rc = hr_usage("takes no operand; unexpected", a);
		}
		if (rc != HR_OK)
			return rc;
	}
	return HR_OK;
}

/* ---- the records as data --------------------------------------------------- */

static void put_tsv(struct hr *h, const struct history_record *r)
{
	char line[HISTORY_LINE_MAX + 1];
	size_t n = history_format(r, line, sizeof line);
	if (!h->ascii_data) {
		fwrite(line, 1, n, stdout);
		return;
	}
	for (size_t at = 0; at < n;) {        /* each field escaped, tabs kept */
		size_t k = strcspn(line + at, "\t\n");
		utf8_fput(line + at, k, UTF8_ASCII, stdout);
		if (at + k < n)
			putchar(line[at + k]);
		at += k + 1;
	}
}

static void put_json(struct hr *h, const struct history_record *r)
{
	char buf[HISTORY_JSON_MAX];
	size_t n = history_format_json(r, h->ascii_data, buf, sizeof buf);
	fwrite(buf, 1, n, stdout);
}

/* ---- the report's parts ------------------------------------------------------ */

/* "2026-12-01 09:30  Upper back relief   12:30 of 15:00  quit  better" */
static void put_session(struct hr *h, const struct history_record *r)
{
	char when[HISTORY_TIME_BUF], name[HISTORY_LINE_MAX], done[DURATION_BUF],
		planned[DURATION_BUF], times[64];
	history_format_time(r->start_s, r->offset_s, when, sizeof when);
	when[10] = ' ';
	when[16] = '\0';
	const char *n = r->name[0] ? r->name : r->routine;
	utf8_safe_cut(n, strlen(n), HR_NAME_CELLS, h->fl, name, sizeof name);
	snprintf(times, sizeof times, "%s of %s",
		 duration_format_s(r->done_s, done, sizeof done),
		 duration_format_s(r->planned_s, planned, sizeof planned));
	printf("  %s  ", when);
	utf8_fpad(name, HR_NAME_CELLS + 1, h->fl, stdout);
	const char *feel = history_feel_name(r->feel);
	printf(" %-16s %-*s%s\n", times, *feel ? 11 : 0,
	       history_outcome_name(r->outcome), feel);
}

static void put_last(struct hr *h)
{
	size_t n = h->n_sessions < HR_LAST ? h->n_sessions : HR_LAST;
	printf("Last sessions\n");
	if (n == 0)
		printf("  none yet\n");
	for (size_t i = h->n_sessions - n; i < h->n_sessions; i++)
		put_session(h, &h->last[i % HR_LAST]);
}

static void put_total(const char *label, const struct history_total *t)
{
	char time[DURATION_BUF];
	printf("  %-12s %8lld %10lld %10s\n", label, (long long)t->sessions,
	       (long long)t->completed, duration_format_s(t->done_s, time, sizeof time));
}

static void put_totals(const struct history_summary *s)
{
	printf("\n%-14s %8s %10s %10s\n", "Totals", "sessions", "completed", "time");
	put_total("this week", &s->week);
	put_total("this month", &s->month);
	put_total("all time", &s->all);
	printf("\nStreak: %lld day%s in a row; longest %lld day%s.\n",
	       (long long)s->streak, s->streak == 1 ? "" : "s",
	       (long long)s->longest, s->longest == 1 ? "" : "s");
	if (s->oom)
		printf("(out of memory: the streaks are incomplete)\n");
}

static const char *const cal_utf8[HISTORY_CAL_LEVELS] = {
	"\xc2\xb7", "\xe2\x96\x91", "\xe2\x96\x92", "\xe2\x96\x93", "\xe2\x96\x88",
};
static const char *const cal_ascii[HISTORY_CAL_LEVELS] = { ".", "-", "+", "*", "#" };
static const char *const month_abbr[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

#define HR_CAL_INDENT 6      /* "  Mon " */

/* The months over the columns: at the week holding a month's first day
 * (and the first week), when there is room. */
static void put_months(const struct history_summary *s)
{
	char line[HR_CAL_INDENT + HISTORY_CAL_WEEKS * 2 + 8];
	memset(line, ' ', sizeof line);
	int free_from = 0;
	for (int w = 0; w < HISTORY_CAL_WEEKS; w++) {
		int64_t first = s->cal_first + w * 7, y;
		int m, d, col = HR_CAL_INDENT + w * 2;
		clock_civil_from_days(first + 6, &y, &m, &d);
		if (!(w == 0 || d <= 7) || col < free_from)
			continue;
		if (w == 0 && d > 7)
			clock_civil_from_days(first, &y, &m, &d);
		memcpy(line + col, month_abbr[m - 1], 3);
		free_from = col + 4;
	}
	int end = (int)sizeof line;
	while (end > 0 && line[end - 1] == ' ')
		end--;
	printf("%.*s\n", end, line);
}

static void put_calendar(const struct history_summary *s, bool utf8)
{
	const char *const *cell = utf8 ? cal_utf8 : cal_ascii;
	printf("\nLast %d weeks (time done a day)\n", HISTORY_CAL_WEEKS);
	put_months(s);
	for (int wd = 0; wd < 7; wd++) {
		printf("  %s", clock_weekday_name(wd, false));
		for (int w = 0; w < HISTORY_CAL_WEEKS; w++) {
			int i = w * 7 + wd;
			if (s->cal_first + i > s->today)
				break;           /* the rest of this week is to come */
			printf(" %s", cell[history_cal_level(s->cal_s[i])]);
		}
		putchar('\n');
	}
	printf("      %s none  %s under 5 min  %s 5-15  %s 15-30  %s 30 min or more\n",
	       cell[0], cell[1], cell[2], cell[3], cell[4]);
}

/* Breaks prompted and taken a day, next to the sessions, when a
 * reminder ever ran. A break counts once however it ended (taken,
 * skipped, missed); its snoozes are told apart. */
static void put_breaks(const struct hr *h)
{
	char time[DURATION_BUF];
	if (!h->prompts)
		return;
	printf("\n%-16s %8s %10s   %s\n", "Last 7 days", "sessions", "time", "breaks taken");
	for (int i = HR_WEEK - 1; i >= 0; i--) {
		const struct hr_day *d = &h->day[i];
		int64_t y;
		int m, dd;
		clock_civil_from_days(h->sum.today - i, &y, &m, &dd);
		printf("  %04lld-%02d-%02d %s %8lld %10s   %lld of %lld", (long long)y, m, dd,
		       clock_weekday_name(clock_weekday(h->sum.today - i), false), (long long)d->sessions,
		       duration_format_s(d->done_s, time, sizeof time), (long long)d->taken,
		       (long long)d->breaks);
		if (d->snoozed)
			printf(" (%lld snoozed)", (long long)d->snoozed);
		putchar('\n');
	}
}

static void hr_day_add(struct hr *h, const struct history_record *r)
{
	int64_t ago = h->sum.today - history_day(r);
	h->prompts |= r->kind == HISTORY_PROMPT;
	if (ago < 0 || ago >= HR_WEEK)
		return;
	struct hr_day *d = &h->day[ago];
	if (r->kind == HISTORY_SESSION) {
		d->sessions++;
		d->done_s += r->done_s;
	} else if (r->outcome == HISTORY_SNOOZED) {
		d->snoozed++;
	} else {
		d->breaks++;
		d->taken += r->outcome == HISTORY_TAKEN;
	}
}

/* ---- the pass ----------------------------------------------------------------- */

static int on_record(void *ctx, const struct history_record *r, long line)
{
	struct hr *h = ctx;
	(void)line;
	if (h->o.routine_set && strcmp(r->routine, h->o.routine) != 0)
		return 0;
	bool listed = !h->o.since_set || history_day(r) >= h->o.since;
	if (h->o.mode == HR_TSV && listed)
		put_tsv(h, r);
	else if (h->o.mode == HR_JSON && listed)
		put_json(h, r);
	if (h->o.mode != HR_TEXT)
		return ferror(stdout) != 0;
	history_summary_add(&h->sum, r);
	hr_day_add(h, r);
	if (r->kind != HISTORY_SESSION || !listed)
		return 0;
	if (h->o.since_set)
		put_session(h, r);
	else
		h->last[h->n_sessions % HR_LAST] = *r;
	h->n_sessions++;
	return ferror(stdout) != 0;
}

static void on_warning(void *ctx, long line, const char *msg)
{
	struct hr *h = ctx;
	if (h->warnings++ >= HR_WARN_MAX)
		return;
	struct diag g = { DIAG_WARNING, (char *)h->path,
			  line > INT_MAX ? INT_MAX : (int)line, 0, (char *)msg };
	diag_print_one(&g, stderr);
}

static void put_since(const struct hr *h)
{
	int64_t y;
	int m, d;
	clock_civil_from_days(h->o.since, &y, &m, &d);
	printf("Sessions since %04lld-%02d-%02d\n", (long long)y, m, d);
}

static int hr_read(struct hr *h, const char *path)
{
	struct history_reader rd = { on_record, on_warning, h };
	char why[HISTORY_WHY_MAX];
	int rc = history_read_file(path, &rd, why, sizeof why);
	if (h->warnings > HR_WARN_MAX) {
		struct diag g = { DIAG_WARNING, (char *)path, 0, 0, NULL };
		char msg[64];
		snprintf(msg, sizeof msg, "%ld more lines skipped", h->warnings - HR_WARN_MAX);
		g.msg = msg;
		diag_print_one(&g, stderr);
	}
	if (rc < 0)
		diag_msg(DIAG_ERROR, "cannot read the history: %s", why);
	return rc;
}

static void put_report(struct hr *h, int rc, const char *path)
{
	if (rc == HISTORY_NONE) {
		char safe[PATHS_MAX];
		utf8_safe_cut(path, strlen(path), -1, h->fl, safe, sizeof safe);
		printf("No sessions recorded yet (they are kept in %s).\n", safe);
		return;
	}
	if (!h->o.since_set)
		put_last(h);
	else if (h->n_sessions == 0)
		printf("  none\n");
	history_summary_end(&h->sum);
	put_totals(&h->sum);
	put_breaks(h);
	put_calendar(&h->sum, utf8_locale());
}

int history_report_run(int n, char **args)
{
	char dir[PATHS_MAX], path[PATHS_MAX], why[HISTORY_WHY_MAX];
	int64_t now = clock_wall_s();
	int64_t today = clock_local_day(now, clock_utc_offset(now));
	struct hr *h = calloc(1, sizeof *h);
	if (!h) {
		diag_msg(DIAG_ERROR, "out of memory");
		return HR_INVALID;
	}
	int rc = parse_args(&h->o, n, args, today);
	if (rc == HR_OK && history_path(dir, path, sizeof path, why, sizeof why) != 0) {
		diag_msg(DIAG_ERROR, "%s", why);
		rc = HR_INVALID;
	}
	if (rc == HR_OK) {
		h->path = path;
		h->fl = utf8_out_flags();
		h->ascii_data = !utf8_locale() && isatty(STDOUT_FILENO);
		if (h->o.mode == HR_JSON)
			h->ascii_data = !utf8_locale();
		history_summary_init(&h->sum, today);
		if (h->o.mode == HR_TSV)
			fputs(history_header(), stdout);
		if (h->o.mode == HR_TEXT && h->o.since_set)
			put_since(h);
		int r = hr_read(h, path);
		if (r >= 0 && h->o.mode == HR_TEXT)
			put_report(h, r, path);
		rc = r < 0 ? HR_INVALID : HR_OK;
		history_summary_free(&h->sum);
	}
	free(h);
	return rc < 0 ? HR_OK : rc;
}
