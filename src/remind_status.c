/* remind_status — `stretchtui status` (see remind.h): one line for a
 * status bar from the running reminder's state file and the history.
 * Reads two files, writes nothing, says nothing on a bad history line:
 * it runs every few seconds in a tmux status line. */
#include "remind.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "clock.h"
#include "diag.h"
#include "history.h"
#include "paths.h"
#include "utf8.h"


const char remind_status_usage[] =
	"  status [--format FMT]\n"
	"                    one line for a status bar (tmux: #(stretchtui status)):\n"
	"                    %n next break in, %s streak, %t minutes today,\n"
	"                    %r routine (default: 'stretch', %n and %s)\n";

static const char *const state_words[] = { "waiting", "prompt", "playing" };

int remind_state_parse(const char *line, struct remind_state_line *s)
{
	int version, at = 0;
	long long due;
	char state[16];
	memset(s, 0, sizeof *s);
	if (sscanf(line, "%d %ld %lld %15s %n", &version, &s->pid, &due, state, &at) < 4 ||
	    version != REMIND_STATE_VERSION || s->pid <= 0 || due < 0 || at == 0)
		return -1;
	s->due_ms = due;
	for (int i = 0;; i++) {
		if (i == 3)
			return -1;
		if (strcmp(state, state_words[i]) == 0) {
			s->state = (enum remind_state)i;
			break;
		}
	}
	snprintf(s->routine, sizeof s->routine, "%s", line + at);
	return s->routine[0] ? 0 : -1;
}

/* ---- the line --------------------------------------------------------------- */

/* The time to the next break as a status bar shows it. */
static void rs_next(const struct remind_status *s, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!s->running)
		return;
	if (s->st.state != REMIND_WAITING) {
		snprintf(buf, size, "%s", s->st.state == REMIND_PROMPT ? "now" : "on");
		return;
	}
	if (s->st.due_ms == 0)
		return;
	int64_t left = s->st.due_ms - s->now_ms;
	left = left < 0 ? 0 : left;
	long long min = (left + 59999) / 60000;
	if (left < 60000)
		snprintf(buf, size, "%llds", (long long)((left + 999) / 1000));
	else if (min < 60)
		snprintf(buf, size, "%lldm", min);
	else
		snprintf(buf, size, "%lldh%02lldm", min / 60, min % 60);
}

/* The value of field c, or -1 when there is no such field. */
static int rs_field(const struct remind_status *s, char c, char *buf, size_t size)
{
	buf[0] = '\0';
	switch (c) {
	case 'n': rs_next(s, buf, size); return 0;
	case 's':
		if (s->history)
			snprintf(buf, size, "%lldd", (long long)s->streak);
		return 0;
	case 't':
		if (s->history)
			snprintf(buf, size, "%lldm", (long long)((s->today_s + 30) / 60));
		return 0;
	case 'r':
		if (s->running)
			snprintf(buf, size, "%s", s->st.routine);
		return 0;
	case '%': snprintf(buf, size, "%%"); return 0;
	default: return -1;
	}
}

static int rs_default(const struct remind_status *s, char *buf, size_t size)
{
	char n[32], k[32];
	rs_field(s, 'n', n, sizeof n);
	rs_field(s, 's', k, sizeof k);
	if (!*n && !*k)
		return snprintf(buf, size, "%s", "");
	return snprintf(buf, size, "stretch%s%s%s%s", *n ? " " : "", n,
			*n && *k ? (s->utf8 ? " \xc2\xb7 " : " - ") : *k ? " " : "", k);
}

int remind_status_format(const char *fmt, const struct remind_status *s, char *buf,
			 size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	if (!fmt)
		return s->running || s->history ? rs_default(s, buf, size) : 0;
	for (const char *p = fmt; *p; p++) {
		char v[160];
		if (*p == '%' && rs_field(s, p[1] ? p[1] : '?', v, sizeof v) != 0)
			return -1;
		if (*p == '%')
			p++;
		else
			v[0] = *p, v[1] = '\0';
		size_t k = strlen(v);
		if (used + k < size) {
			memcpy(buf + used, v, k + 1);
			used += k;
		}
	}
	if (!s->running && !s->history)
		buf[used = 0] = '\0';
	return (int)used;
}

/* ---- what it reads ---------------------------------------------------------------- */

/* The state of a reminder that is still running (a dead pid's is stale). */
static bool rs_running(struct remind_state_line *st)
{
	char line[512];
	if (paths_state_read(REMIND_STATE_FILE, line, sizeof line) != 0 ||
	    remind_state_parse(line, st) != 0)
		return false;
	return kill((pid_t)st->pid, 0) == 0 || errno == EPERM;
}

struct rs_hist {
	struct history_summary sum;
	long records;
};

static int rs_on_record(void *ctx, const struct history_record *r, long line)
{
	struct rs_hist *h = ctx;
	(void)line;
	h->records++;
	history_summary_add(&h->sum, r);
	return 0;
}

static void rs_history(struct remind_status *s, int64_t now_s)
{
	char why[HISTORY_WHY_MAX];
	int64_t today = clock_local_day(now_s, clock_utc_offset(now_s));
	struct rs_hist h = { .records = 0 };
	struct history_reader rd = { rs_on_record, NULL, &h };
	history_summary_init(&h.sum, today);
	if (history_read(&rd, why, sizeof why) == 0 && h.records > 0) {
		history_summary_end(&h.sum);
		s->history = true;
		s->streak = h.sum.streak;
		s->today_s = h.sum.cal_s[today - h.sum.cal_first];
	}
	history_summary_free(&h.sum);
}

static int rs_usage(const char *msg, const char *arg)
{
	diag_usage("status", msg, arg);
	return 2;
}

/* --format FMT (or --format=FMT), --help: 0, 1 (help printed) or 2. */
static int rs_args(int n, char **args, const char **fmt)
{
	for (int i = 0; i < n; i++) {
		const char *a = args[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs("Usage: stretchtui status [--format FMT]\n", stdout);
			fputs(remind_status_usage, stdout);
			return 1;
		}
		if (strncmp(a, "--format=", 9) == 0)
			*fmt = a + 9;
		else if (strcmp(a, "--format") == 0 && i + 1 < n)
			*fmt = args[++i];
		else if (strcmp(a, "--format") == 0)
			return rs_usage("--format needs a format, like '%n %s'", NULL);
		else
			return rs_usage(a[0] == '-' ? "unknown option" : "takes no operand; unexpected", a);
	}
	return 0;
}

int remind_status_run(int n, char **args)
{
	const char *fmt = NULL;
	char line[1024];
	int rc = rs_args(n, args, &fmt);
	if (rc != 0)
		return rc == 1 ? 0 : rc;
	int64_t now = clock_wall_ms();
	struct remind_status s = { .now_ms = now, .utf8 = utf8_locale() };
	s.running = rs_running(&s.st);
	rs_history(&s, now / 1000);
	int len = remind_status_format(fmt, &s, line, sizeof line);
	if (len < 0)
		return rs_usage("--format takes %n, %s, %t, %r and %%, not", fmt);
	utf8_fput(line, (size_t)len, utf8_out_flags(), stdout);
	putchar('\n');
	return 0;
}
