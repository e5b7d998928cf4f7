/* Tests for history: records one line each way, the reader's tolerance
 * of damage, appending (also from 8 processes at once and from writers
 * killed with SIGKILL), streaks and totals on local calendar days across
 * month and year ends, DST changes and time-zone changes. Files live in a
 * temporary directory that each test removes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "history.h"

/* ---- helpers ------------------------------------------------------------- */

static struct history_record rec_at(const char *when, enum history_outcome o,
				    int64_t done_s)
{
	struct history_record r;
	int64_t t;
	int off;
	assert_int_equal(history_parse_time(when, strlen(when), &t, &off), 0);
	struct engine_summary s = { .planned_ms = 900000, .done_ms = done_s * 1000,
				    .exercises_total = 9, .exercises_done = 9,
				    .completed = o == HISTORY_COMPLETED };
	history_session(&r, &s, "upper-back-15", "Upper back relief", t, off, o,
			HISTORY_FEEL_NONE);
	return r;
}

static int64_t day_of(const char *date)
{
	char buf[40];
	int64_t t;
	int off;
	snprintf(buf, sizeof buf, "%sT12:00:00Z", date);
	assert_int_equal(history_parse_time(buf, strlen(buf), &t, &off), 0);
	return clock_local_day(t, 0);
}

/* A summary of n records as of the local day `today`. */
static void summarise(struct history_summary *s, const struct history_record *r,
		      size_t n, const char *today)
{
	history_summary_init(s, day_of(today));
	for (size_t i = 0; i < n; i++)
		history_summary_add(s, &r[i]);
	history_summary_end(s);
}

static char *make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char tmpl[512];
	snprintf(tmpl, sizeof tmpl, "%s/stretchtui-history.XXXXXX",
		 base && *base ? base : "/tmp");
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

/* Each file test gets a temporary directory, removed (with whatever the
 * test changed in the environment put back) even when the test fails. */
static int tmp_setup(void **state)
{
	*state = make_tmpdir();
	return 0;
}

static void rm_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			char sub[1024];
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			rm_tree(sub);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

static int tmp_teardown(void **state)
{
	rm_tree(*state);
	free(*state);
	unsetenv("XDG_STATE_HOME");
	return 0;
}

static void write_file(const char *path, const char *text, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
}

/* What a read saw. */
struct seen {
	struct history_record r[64];
	long line[64];
	int n;
	long warn_line[64];
	char warn[64][HISTORY_WHY_MAX];
	int warns;
	long total;                 /* records, also past the first 64 */
};

static int on_rec(void *ctx, const struct history_record *r, long line)
{
	struct seen *s = ctx;
	if (s->n < 64) {
		s->r[s->n] = *r;
		s->line[s->n++] = line;
	}
	s->total++;
	return 0;
}

static void on_warn(void *ctx, long line, const char *msg)
{
	struct seen *s = ctx;
	if (s->warns < 64) {
		s->warn_line[s->warns] = line;
		snprintf(s->warn[s->warns], HISTORY_WHY_MAX, "%s", msg);
	}
	s->warns++;
}

static struct seen *read_path(const char *path)
{
	struct seen *s = calloc(1, sizeof *s);
	struct history_reader rd = { on_rec, on_warn, s };
	char why[HISTORY_WHY_MAX];
	assert_int_equal(history_read_file(path, &rd, why, sizeof why), 0);
	return s;
}

static struct seen *read_text(const char *dir, const char *text)
{
	char path[600];
	snprintf(path, sizeof path, "%s/h.tsv", dir);
	write_file(path, text, strlen(text));
	return read_path(path);
}

/* ---- records ----------------------------------------------------------- */

static const char full_line[] =
	"2026-12-01T09:30:05+01:00\tsession\tupper-back-15\tquit\t900\t612\t45\t20"
	"\t300\t5\t9\tbetter\tUpper back relief\n";

static void test_format_every_column(void **state)
{
	(void)state;
	struct history_record r = { 0 };
	char buf[HISTORY_LINE_MAX + 1];
	assert_int_equal(history_parse_time("2026-12-01T09:30:05+01:00", 25, &r.start_s,
					    &r.offset_s), 0);
	r.kind = HISTORY_SESSION;
	r.outcome = HISTORY_QUIT;
	r.planned_s = 900;
	r.done_s = 612;
	r.paused_s = 45;
	r.extended_s = 20;
	r.skipped_s = 300;
	r.exercises_done = 5;
	r.exercises_total = 9;
	r.feel = HISTORY_BETTER;
	strcpy(r.routine, "upper-back-15");
	strcpy(r.name, "Upper back relief");
	size_t n = history_format(&r, buf, sizeof buf);
	assert_int_equal(n, strlen(full_line));
	assert_string_equal(buf, full_line);
	assert_int_equal(history_format(&r, buf, HISTORY_LINE_MAX), 0);
}

static void test_parse_every_column(void **state)
{
	(void)state;
	struct history_record r;
	char why[HISTORY_WHY_MAX], back[HISTORY_LINE_MAX + 1];
	assert_int_equal(history_parse(full_line, strlen(full_line) - 1, NULL, &r, why,
				       sizeof why), 0);
	assert_int_equal(r.start_s, 1796113805);   /* 2026-12-01T08:30:05Z */
	assert_int_equal(r.offset_s, 3600);
	assert_int_equal(r.kind, HISTORY_SESSION);
	assert_string_equal(r.routine, "upper-back-15");
	assert_int_equal(r.outcome, HISTORY_QUIT);
	assert_int_equal(r.planned_s, 900);
	assert_int_equal(r.done_s, 612);
	assert_int_equal(r.paused_s, 45);
	assert_int_equal(r.extended_s, 20);
	assert_int_equal(r.skipped_s, 300);
	assert_int_equal(r.exercises_done, 5);
	assert_int_equal(r.exercises_total, 9);
	assert_int_equal(r.feel, HISTORY_BETTER);
	assert_string_equal(r.name, "Upper back relief");
	assert_int_equal(history_day(&r), day_of("2026-12-01"));
	history_format(&r, back, sizeof back);
	assert_string_equal(back, full_line);
}

static void test_prompts_and_words(void **state)
{
	(void)state;
	const char *ok[] = {
		"2026-12-01T09:30:05Z\tprompt\tdesk-break-5\tsnoozed\t0\t0\t0\t0\t0\t0\t0\t\tDesk break",
		"2026-12-01T09:30:05-03:30\tsession\tx\tsignal\t1\t0\t0\t0\t0\t0\t1\tworse\t",
		"2026-12-01T09:30:05+00:00\tsession\tx\tcompleted\t1\t1\t0\t0\t0\t1\t1\tsame\tX",
	};
	const char *bad[] = {
		"2026-12-01T09:30:05Z\tprompt\tx\tcompleted\t0\t0\t0\t0\t0\t0\t0\t\tX",
		"2026-12-01T09:30:05Z\tsession\tx\tsnoozed\t0\t0\t0\t0\t0\t0\t0\t\tX",
		"2026-12-01T09:30:05Z\tbreak\tx\tquit\t0\t0\t0\t0\t0\t0\t0\t\tX",
		"2026-12-01T09:30:05Z\tsession\tx\tquit\t0\t0\t0\t0\t0\t0\t0\tgreat\tX",
	};
	struct history_record r;
	char why[HISTORY_WHY_MAX];
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		assert_int_equal(history_parse(ok[i], strlen(ok[i]), NULL, &r, why,
					       sizeof why), 0);
	assert_int_equal(r.feel, HISTORY_SAME);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(history_parse(bad[i], strlen(bad[i]), NULL, &r, why,
					       sizeof why), -1);
	assert_non_null(strstr(why, "column 12 (feel)"));
	assert_non_null(strstr(why, "'great'"));
	history_prompt(&r, "desk-break-5", "Desk break", 0, -10800, HISTORY_MISSED);
	char line[HISTORY_LINE_MAX + 1];
	history_format(&r, line, sizeof line);
	assert_string_equal(line, "1969-12-31T21:00:00-03:00\tprompt\tdesk-break-5\tmissed"
			    "\t0\t0\t0\t0\t0\t0\t0\t\tDesk break\n");
}

static void test_json(void **state)
{
	(void)state;
	struct history_record r;
	char why[HISTORY_WHY_MAX], buf[HISTORY_JSON_MAX];
	assert_int_equal(history_parse(full_line, strlen(full_line) - 1, NULL, &r, why,
				       sizeof why), 0);
	size_t n = history_format_json(&r, false, buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	assert_string_equal(buf, "{\"start\":\"2026-12-01T09:30:05+01:00\",\"kind\":\"session\","
			    "\"routine\":\"upper-back-15\",\"outcome\":\"quit\",\"planned_s\":900,"
			    "\"done_s\":612,\"paused_s\":45,\"extended_s\":20,\"skipped_s\":300,"
			    "\"exercises_done\":5,\"exercises_total\":9,\"feel\":\"better\","
			    "\"name\":\"Upper back relief\"}\n");
	r.feel = HISTORY_FEEL_NONE;
	strcpy(r.name, "\"Q\" \\x1b \xc3\xa9 \xf0\x9f\x99\x82");
	history_format_json(&r, false, buf, sizeof buf);
	assert_non_null(strstr(buf, "\"feel\":null,\"name\":\"\\\"Q\\\" \\\\x1b \xc3\xa9 \xf0\x9f\x99\x82\"}\n"));
	history_format_json(&r, true, buf, sizeof buf);
	assert_non_null(strstr(buf, "\"name\":\"\\\"Q\\\" \\\\x1b \\u00e9 \\ud83d\\ude42\"}\n"));
	assert_int_equal(history_format_json(&r, true, buf, 100), 0);
}

static void test_session_from_summary(void **state)
{
	(void)state;
	struct engine_summary s = { .planned_ms = 899001, .done_ms = 612499,
				    .paused_ms = 45500, .extended_ms = 20000,
				    .skipped_ms = 299999, .exercises_total = 9,
				    .exercises_done = 5, .exercises_skipped = 2 };
	struct history_record r;
	history_session(&r, &s, "id", "Name", 1000, 7200 + 59, HISTORY_QUIT,
			HISTORY_WORSE);
	assert_int_equal(r.planned_s, 900);     /* rounded up, as shown */
	assert_int_equal(r.done_s, 612);
	assert_int_equal(r.paused_s, 46);
	assert_int_equal(r.extended_s, 20);
	assert_int_equal(r.skipped_s, 300);
	assert_int_equal(r.exercises_done, 5);
	assert_int_equal(r.exercises_total, 9);
	assert_int_equal(r.offset_s, 7200);     /* whole minutes */
	assert_int_equal(r.kind, HISTORY_SESSION);
	assert_int_equal(r.outcome, HISTORY_QUIT);
	assert_int_equal(r.feel, HISTORY_WORSE);
}

/* Counts c in s. */
static int count_of(const char *s, char c)
{
	int n = 0;
	for (; *s; s++)
		n += *s == c;
	return n;
}

static void test_unsafe_names(void **state)
{
	(void)state;
	struct engine_summary s = { .planned_ms = 1000, .done_ms = 1000, .completed = true };
	struct history_record r, back;
	char line[HISTORY_LINE_MAX + 1], why[HISTORY_WHY_MAX];
	history_session(&r, &s, "a\tb\nc", "Tab\there\nnew\x1b[2Jline\xe2\x80\xae!\xff", 0,
			0, HISTORY_COMPLETED, HISTORY_FEEL_NONE);
	size_t n = history_format(&r, line, sizeof line);
	assert_int_equal(count_of(line, '\t'), HISTORY_N_COLS - 1);
	assert_int_equal(count_of(line, '\n'), 1);
	assert_int_equal(line[n - 1], '\n');
	assert_null(strchr(line, '\x1b'));
	assert_non_null(strstr(line, "\ta\\tb\\nc\t"));
	assert_non_null(strstr(line, "\tTab\\there\\nnew\\x1b[2Jline\\u202e!\\xff\n"));
	assert_int_equal(history_parse(line, n - 1, NULL, &back, why, sizeof why), 0);
	assert_string_equal(back.name, "Tab\\there\\nnew\\x1b[2Jline\\u202e!\\xff");
	assert_string_equal(back.routine, "a\\tb\\nc");
	/* A hand-edited line with raw controls in the name: made safe. */
	const char *hand = "2026-01-01T10:00:00Z\tsession\tx\x1b\tquit\t1\t0\t0\t0\t0\t0\t1\t\tA\x07" "B";
	assert_int_equal(history_parse(hand, strlen(hand), NULL, &back, why, sizeof why), 0);
	assert_string_equal(back.routine, "x\\x1b");
	assert_string_equal(back.name, "A\\x07B");
	/* No field starts with a double quote (CSV readers would open a
	 * quoted field there); one inside is fine. */
	history_session(&r, &s, "\"id", "\"Open quote", 0, 0, HISTORY_COMPLETED,
			HISTORY_FEEL_NONE);
	assert_string_equal(r.name, "\\x22Open quote");
	assert_string_equal(r.routine, "\\x22id");
	history_session(&r, &s, "id", "Say \"hi\"", 0, 0, HISTORY_COMPLETED,
			HISTORY_FEEL_NONE);
	assert_string_equal(r.name, "Say \"hi\"");
}

static void test_line_of_the_maximum_length(void **state)
{
	(void)state;
	struct history_record r, back;
	char line[HISTORY_LINE_MAX + 1], why[HISTORY_WHY_MAX], name[HISTORY_LINE_MAX * 2];
	struct engine_summary s = { 0 };
	history_session(&r, &s, "id", "", 0, 0, HISTORY_QUIT, HISTORY_FEEL_NONE);
	size_t base = history_format(&r, line, sizeof line);   /* with an empty name */
	size_t room = HISTORY_LINE_MAX - base;
	memset(name, 'n', room);
	name[room] = '\0';
	history_session(&r, &s, "id", name, 0, 0, HISTORY_QUIT, HISTORY_FEEL_NONE);
	assert_int_equal(history_format(&r, line, sizeof line), HISTORY_LINE_MAX);
	assert_int_equal(history_parse(line, HISTORY_LINE_MAX - 1, NULL, &back, why,
				       sizeof why), 0);
	assert_string_equal(back.name, name);             /* whole, not cut */
	/* One byte more: cut, with an ellipsis, still at most the maximum. */
	memset(name, 'n', room + 1);
	name[room + 1] = '\0';
	history_session(&r, &s, "id", name, 0, 0, HISTORY_QUIT, HISTORY_FEEL_NONE);
	assert_int_equal(history_format(&r, line, sizeof line), HISTORY_LINE_MAX);
	assert_non_null(strstr(line, "n\xe2\x80\xa6\n"));
	/* Multi-byte characters are cut whole; ids are cut too. */
	for (size_t i = 0; i + 2 < sizeof name; i += 2)
		memcpy(name + i, "\xc3\xa9", 2);
	name[sizeof name - 2] = '\0';
	char id[400];
	memset(id, 'i', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	history_session(&r, &s, id, name, 0, 0, HISTORY_QUIT, HISTORY_FEEL_NONE);
	size_t n = history_format(&r, line, sizeof line);
	assert_true(n <= HISTORY_LINE_MAX && n > HISTORY_LINE_MAX - 3);
	assert_int_equal(history_parse(line, n - 1, NULL, &back, why, sizeof why), 0);
	assert_true(strlen(back.routine) <= HISTORY_ID_MAX);
	assert_non_null(strstr(line, "\xc3\xa9\xe2\x80\xa6\n"));
}

static void test_times(void **state)
{
	(void)state;
	int64_t t;
	int off;
	char buf[HISTORY_TIME_BUF];
	assert_int_equal(history_parse_time("1970-01-01T00:00:00Z", 20, &t, &off), 0);
	assert_int_equal(t, 0);
	assert_int_equal(history_parse_time("2024-02-29T23:59:59-03:30", 25, &t, &off), 0);
	assert_int_equal(off, -12600);
	history_format_time(t, off, buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29T23:59:59-03:30");
	history_format_time(t, off - 45, buf, sizeof buf);    /* seconds dropped */
	assert_string_equal(buf, "2024-02-29T23:59:59-03:30");
	const char *bad[] = {
		"2023-02-29T10:00:00Z", "2026-13-01T10:00:00Z", "2026-04-31T10:00:00Z",
		"2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:00+19:00",
		"2026-01-01T10:00:00", "2026-01-01 10:00:00Z", "2026-01-01T10:00:00+0100",
		"2026-1-01T10:00:00Z", "2026-01-01T10:00:00+01:00x", "",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(history_parse_time(bad[i], strlen(bad[i]), &t, &off), -1);
}

static void test_garbage_lines(void **state)
{
	(void)state;
	struct { const char *line, *why; } cases[] = {
		{ "hello", "1 column, not 13" },
		{ "2026-12-01T09:30:05+01:00\tsession\tx\tquit\t900", "5 columns, not 13" },
		{ "2026-12-01\tsession\tx\tquit\t1\t1\t0\t0\t0\t0\t1\t\tX", "column 1 (start)" },
		{ "2026-12-01T09:30:05Z\tsession\tx\tquit\t-1\t1\t0\t0\t0\t0\t1\t\tX",
		  "column 5 (planned_s) is '-1', not whole seconds" },
		{ "2026-12-01T09:30:05Z\tsession\tx\tquit\t1\t1x\t0\t0\t0\t0\t1\t\tX",
		  "column 6 (done_s)" },
		{ "2026-12-01T09:30:05Z\tsession\tx\tquit\t1\t1\t0\t0\t0\t0\t\t\tX",
		  "column 11 (exercises_total) is '', not a count" },
		{ "2026-12-01T09:30:05Z\tsession\tx\tquit\t99999999999999\t1\t0\t0\t0\t0\t1\t\tX",
		  "column 5" },
	};
	struct history_record r;
	char why[HISTORY_WHY_MAX];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(history_parse(cases[i].line, strlen(cases[i].line), NULL,
					       &r, why, sizeof why), -1);
		if (!strstr(why, cases[i].why))
			fail_msg("'%s': '%s' lacks '%s'", cases[i].line, why, cases[i].why);
	}
}

static void test_newer_columns(void **state)
{
	(void)state;
	struct history_cols c;
	struct history_record r;
	char why[HISTORY_WHY_MAX];
	/* Extra columns past the name, by position. */
	const char *tail = "2026-12-01T09:30:05Z\tsession\tx\tquit\t1\t1\t0\t0\t0\t0\t1\t\tX\tmore\t7";
	assert_int_equal(history_parse(tail, strlen(tail), NULL, &r, why, sizeof why), 0);
	assert_string_equal(r.name, "X");
	/* A newer header with a column in the middle: read by the names. */
	const char *head = "start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\t"
			   "extended_s\tskipped_s\texercises_done\texercises_total\t"
			   "heart_rate\tfeel\tname";
	assert_int_equal(history_cols_parse(&c, head, strlen(head), why, sizeof why), 0);
	const char *mid = "2026-12-01T09:30:05Z\tsession\tx\tcompleted\t1\t1\t0\t0\t0\t1\t1\t88\tbetter\tX";
	assert_int_equal(history_parse(mid, strlen(mid), &c, &r, why, sizeof why), 0);
	assert_int_equal(r.feel, HISTORY_BETTER);
	assert_string_equal(r.name, "X");
	assert_int_equal(history_cols_parse(&c, "start\tkind", 10, why, sizeof why), -1);
	assert_non_null(strstr(why, "lack 'routine'"));
	assert_int_equal(c.at[12], 12);                 /* back to the default */
}

/* ---- the reader ------------------------------------------------------------ */

static void test_read_damage(void **state)
{
	char *dir = *state;
	char *text = malloc(HISTORY_READ_MAX + 4096);
	char longl[HISTORY_READ_MAX + 2];
	memset(longl, 'x', sizeof longl - 1);
	longl[sizeof longl - 1] = '\0';
	snprintf(text, HISTORY_READ_MAX + 4096, "%s%s\r\n\n# a note\n%s%s\ngarbage\n"
		 "%s%.30s", history_header(), "2026-12-01T09:30:05Z\tsession\tx\tquit"
		 "\t1\t1\t0\t0\t0\t0\t1\t\tCRLF", full_line, longl, full_line, full_line);
	struct seen *s = read_text(dir, text);
	assert_int_equal(s->n, 3);
	assert_int_equal(s->line[0], 3);
	assert_string_equal(s->r[0].name, "CRLF");
	assert_int_equal(s->line[1], 6);
	assert_int_equal(s->line[2], 9);
	assert_int_equal(s->warns, 3);
	assert_int_equal(s->warn_line[0], 7);
	assert_non_null(strstr(s->warn[0], "longer than 4096 bytes"));
	assert_int_equal(s->warn_line[1], 8);
	assert_non_null(strstr(s->warn[1], "1 column, not 13; skipped"));
	assert_int_equal(s->warn_line[2], 10);          /* the torn tail */
	assert_non_null(strstr(s->warn[2], "incomplete"));
	free(s);
	free(text);
}

static void test_read_newer_version(void **state)
{
	char *dir = *state, text[2048];
	snprintf(text, sizeof text, "#stretchtui-history 2\nstart\tkind\troutine\t"
		 "outcome\tplanned_s\tdone_s\tpaused_s\textended_s\tskipped_s\t"
		 "exercises_done\texercises_total\tfeel\tmood\tname\n"
		 "2026-12-01T09:30:05Z\tsession\tx\tquit\t1\t1\t0\t0\t0\t0\t1\tsame\tcalm\tX\n"
		 "#stretchtui-history 2\n%s", full_line);
	struct seen *s = read_text(dir, text);
	assert_int_equal(s->n, 1);                      /* full_line lacks "mood" */
	assert_string_equal(s->r[0].name, "X");
	assert_int_equal(s->warns, 2);
	assert_int_equal(s->warn_line[0], 1);
	assert_non_null(strstr(s->warn[0], "newer version (format 2)"));
	assert_int_equal(s->warn_line[1], 5);
	assert_non_null(strstr(s->warn[1], "13 columns, not 14"));
	free(s);
}

/* Lines across the read buffer's edges, one longer than the buffer. */
static void test_read_big(void **state)
{
	char *dir = *state;
	size_t ll = strlen(full_line), n = 3000, huge = 70000;
	char *text = malloc((n + 1) * ll + huge + 64), *p = text;
	for (size_t i = 0; i < n; i++, p += ll)
		memcpy(p, full_line, ll);
	memset(p, 'y', huge);
	p += huge;
	*p++ = '\n';
	memcpy(p, full_line, ll + 1);
	char path[600];
	snprintf(path, sizeof path, "%s/h.tsv", dir);
	write_file(path, text, strlen(text));
	struct seen *s = read_path(path);
	assert_int_equal(s->total, (long)n + 1);
	assert_int_equal(s->warns, 1);
	assert_int_equal(s->warn_line[0], (long)n + 1);
	free(s);
	free(text);
}

static void test_read_missing_and_not_regular(void **state)
{
	char *dir = *state;
	char path[600], why[HISTORY_WHY_MAX];
	struct seen s = { 0 };
	struct history_reader rd = { on_rec, on_warn, &s };
	snprintf(path, sizeof path, "%s/none.tsv", dir);
	assert_int_equal(history_read_file(path, &rd, why, sizeof why), HISTORY_NONE);
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(history_read_file(path, &rd, why, sizeof why), -1);
	assert_non_null(strstr(why, "not a regular file"));
	assert_int_equal(history_read_file(dir, &rd, why, sizeof why), -1);
}

/* ---- appending -------------------------------------------------------------- */

static void test_append_creates_and_heads(void **state)
{
	char *dir = *state;
	char xdg[600], path[700], why[HISTORY_WHY_MAX];
	snprintf(xdg, sizeof xdg, "%s/deep/state", dir);
	setenv("XDG_STATE_HOME", xdg, 1);
	struct history_record r = rec_at("2026-12-01T09:30:05+01:00", HISTORY_COMPLETED, 900);
	assert_int_equal(history_append(&r, why, sizeof why), 0);
	assert_int_equal(history_append(&r, why, sizeof why), 0);
	snprintf(path, sizeof path, "%s/stretchtui/history.tsv", xdg);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char buf[2048] = "";
	int fd = open(path, O_RDONLY);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	assert_true(n > 0);
	char line[HISTORY_LINE_MAX + 1], want[2048];
	history_format(&r, line, sizeof line);
	snprintf(want, sizeof want, "%s%s%s", history_header(), line, line);
	assert_string_equal(buf, want);
	assert_int_equal(strncmp(buf, "#stretchtui-history 1\nstart\tkind\troutine\t"
				 "outcome\tplanned_s\tdone_s\tpaused_s\textended_s\t"
				 "skipped_s\texercises_done\texercises_total\tfeel\tname\n",
				 strlen(history_header())), 0);
	unsetenv("XDG_STATE_HOME");
}

static void test_append_after_torn_tail(void **state)
{
	char *dir = *state;
	char path[600], why[HISTORY_WHY_MAX], text[1024];
	snprintf(path, sizeof path, "%s/h.tsv", dir);
	snprintf(text, sizeof text, "%s%s2026-12-01T09:30", history_header(), full_line);
	write_file(path, text, strlen(text));
	struct history_record r = rec_at("2026-12-02T09:30:05+01:00", HISTORY_COMPLETED, 900);
	assert_int_equal(history_append_file(path, &r, why, sizeof why), 0);
	struct seen *s = read_path(path);
	assert_int_equal(s->n, 2);                      /* the new one is whole */
	assert_int_equal(s->line[1], 5);
	assert_int_equal(s->warns, 1);
	assert_int_equal(s->warn_line[0], 4);
	free(s);
}

static void test_append_errors(void **state)
{
	char *dir = *state;
	char path[600], why[HISTORY_WHY_MAX];
	struct history_record r = rec_at("2026-12-02T09:30:05+01:00", HISTORY_COMPLETED, 900);
	/* A directory where the file should be. */
	assert_int_equal(history_append_file(dir, &r, why, sizeof why), -1);
	assert_non_null(strstr(why, "cannot save the session in the history ("));
	assert_non_null(strstr(why, dir));
	/* A FIFO is refused at once, not waited on. */
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(history_append_file(path, &r, why, sizeof why), -1);
	/* A file where the state directory should be. */
	snprintf(path, sizeof path, "%s/state", dir);
	write_file(path, "x", 1);
	setenv("XDG_STATE_HOME", path, 1);
	assert_int_equal(history_append(&r, why, sizeof why), -1);
	assert_non_null(strstr(why, "Not a directory"));
	/* No usable HOME at all. */
	setenv("XDG_STATE_HOME", "relative", 1);
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	unsetenv("HOME");
	assert_int_equal(history_append(&r, why, sizeof why), -1);
	assert_non_null(strstr(why, "$HOME"));
	if (home)
		setenv("HOME", home, 1);
	free(home);
	unsetenv("XDG_STATE_HOME");
	/* A name with a newline in the path is told safely. */
	snprintf(path, sizeof path, "%s/a\nb/h.tsv", dir);
	assert_int_equal(history_append_file(path, &r, why, sizeof why), -1);
	assert_null(strchr(why, '\n'));
	assert_non_null(strstr(why, "a\\nb"));
}

#define WRITERS 8
#define PER_WRITER 500

static void writer(const char *path, int w, int count)
{
	char id[32], why[HISTORY_WHY_MAX];
	struct history_record r = rec_at("2026-12-02T09:30:05+01:00", HISTORY_QUIT, 10);
	snprintf(id, sizeof id, "writer-%d", w);
	strcpy(r.routine, id);
	for (int i = 0; count < 0 || i < count; i++) {
		r.exercises_done = i;
		if (history_append_file(path, &r, why, sizeof why) != 0)
			_exit(1);
	}
	_exit(0);
}

/* Per writer, which sequence numbers were read. */
struct tally {
	unsigned char got[WRITERS][PER_WRITER];
	long records, bad;
};

static int on_tally(void *ctx, const struct history_record *r, long line)
{
	struct tally *t = ctx;
	int w;
	(void)line;
	t->records++;
	if (sscanf(r->routine, "writer-%d", &w) != 1 || w < 0 || w >= WRITERS ||
	    r->exercises_done >= PER_WRITER || strcmp(r->name, "Upper back relief") != 0)
		t->bad++;
	else
		t->got[w][r->exercises_done]++;
	return 0;
}

static void on_tally_warn(void *ctx, long line, const char *msg)
{
	struct tally *t = ctx;
	fprintf(stderr, "line %ld: %s\n", line, msg);
	t->bad++;
}

static void test_concurrent_appends(void **state)
{
	char *dir = *state;
	char path[600], why[HISTORY_WHY_MAX];
	snprintf(path, sizeof path, "%s/h.tsv", dir);
	pid_t pid[WRITERS];
	for (int w = 0; w < WRITERS; w++) {
		pid[w] = fork();
		assert_true(pid[w] >= 0);
		if (pid[w] == 0)
			writer(path, w, PER_WRITER);
	}
	for (int w = 0; w < WRITERS; w++) {
		int st;
		assert_int_equal(waitpid(pid[w], &st, 0), pid[w]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	struct tally *t = calloc(1, sizeof *t);
	struct history_reader rd = { on_tally, on_tally_warn, t };
	assert_int_equal(history_read_file(path, &rd, why, sizeof why), 0);
	assert_int_equal(t->records, WRITERS * PER_WRITER);
	assert_int_equal(t->bad, 0);
	for (int w = 0; w < WRITERS; w++)
		for (int i = 0; i < PER_WRITER; i++)
			assert_int_equal(t->got[w][i], 1);
	free(t);
}

static off_t file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size : 0;
}

/* Cuts the file's last line in half: what a crash in the middle of a
 * write leaves. */
static void tear_last_line(const char *path)
{
	off_t size = file_size(path);
	char buf[HISTORY_LINE_MAX + 2];
	off_t from = size > (off_t)sizeof buf - 1 ? size - (off_t)sizeof buf + 1 : 0;
	int fd = open(path, O_RDWR);
	ssize_t n = pread(fd, buf, sizeof buf - 1, from);
	assert_true(n > 1);
	off_t start = from;
	for (ssize_t i = n - 2; i >= 0; i--)
		if (buf[i] == '\n') {
			start = from + i + 1;
			break;
		}
	assert_int_equal(ftruncate(fd, start + (size - start) / 2), 0);
	close(fd);
}

struct crash {
	long records, warnings;
	long next[64];              /* per round, the next sequence number */
	long gaps;
};

static int on_crash(void *ctx, const struct history_record *r, long line)
{
	struct crash *c = ctx;
	int round;
	(void)line;
	c->records++;
	if (sscanf(r->routine, "writer-%d", &round) != 1 || round < 0 || round >= 64 ||
	    r->exercises_done != c->next[round])
		c->gaps++;
	else
		c->next[round]++;
	return 0;
}

static void on_crash_warn(void *ctx, long line, const char *msg)
{
	struct crash *c = ctx;
	(void)line;
	(void)msg;
	c->warnings++;
}

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (nanosleep(&ts, &ts) != 0)
		;
}

#define ROUNDS 40

static void test_killed_writers(void **state)
{
	char *dir = *state;
	char path[600], why[HISTORY_WHY_MAX];
	snprintf(path, sizeof path, "%s/h.tsv", dir);
	long torn = 0;
	srand(7);
	for (int round = 0; round < ROUNDS; round++) {
		off_t before = file_size(path);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0)
			writer(path, round, -1);
		for (int i = 0; i < 5000 && file_size(path) == before; i++)
			sleep_us(1000);
		sleep_us(rand() % 20000);
		kill(pid, SIGKILL);
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_true(WIFSIGNALED(st));
		if (round % 3 == 0) {
			tear_last_line(path);
			torn++;
		}
	}
	struct crash c = { 0 };
	struct history_reader rd = { on_crash, on_crash_warn, &c };
	assert_int_equal(history_read_file(path, &rd, why, sizeof why), 0);
	assert_int_equal(c.gaps, 0);                 /* nothing lost in between */
	assert_int_equal(c.warnings, torn);          /* each torn line, once */
	for (int round = 0; round < ROUNDS; round++)
		assert_true(c.next[round] >= (round % 3 == 0 ? 0 : 1));
}

/* ---- streaks and totals ---------------------------------------------------------- */

static void test_streak_month_and_year_ends(void **state)
{
	(void)state;
	struct history_summary s;
	struct history_record r[] = {
		rec_at("2025-12-30T08:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_at("2025-12-31T23:59:59+01:00", HISTORY_COMPLETED, 300),
		rec_at("2026-01-01T00:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_at("2026-01-02T12:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_at("2026-01-30T12:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_at("2026-01-31T12:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_at("2026-02-01T12:00:00+01:00", HISTORY_COMPLETED, 300),
	};
	summarise(&s, r, 7, "2026-02-01");
	assert_int_equal(s.streak, 3);
	assert_int_equal(s.longest, 4);
	history_summary_free(&s);
	summarise(&s, r, 4, "2026-01-02");
	assert_int_equal(s.streak, 4);
	history_summary_free(&s);
	summarise(&s, r, 4, "2026-01-03");             /* today not yet done */
	assert_int_equal(s.streak, 4);
	history_summary_free(&s);
	summarise(&s, r, 4, "2026-01-04");             /* yesterday missed */
	assert_int_equal(s.streak, 0);
	assert_int_equal(s.longest, 4);
	history_summary_free(&s);
	struct history_record leap[] = {
		rec_at("2024-02-28T12:00:00Z", HISTORY_COMPLETED, 60),
		rec_at("2024-02-29T12:00:00Z", HISTORY_COMPLETED, 60),
		rec_at("2024-03-01T12:00:00Z", HISTORY_COMPLETED, 60),
	};
	summarise(&s, leap, 3, "2024-03-01");
	assert_int_equal(s.streak, 3);
	history_summary_free(&s);
}

static void test_streak_two_a_day_and_quit_only(void **state)
{
	(void)state;
	struct history_summary s;
	struct history_record r[] = {
		rec_at("2026-03-10T08:00:00+01:00", HISTORY_COMPLETED, 600),
		rec_at("2026-03-11T08:00:00+01:00", HISTORY_COMPLETED, 600),
		rec_at("2026-03-11T18:00:00+01:00", HISTORY_COMPLETED, 600),
		rec_at("2026-03-12T08:00:00+01:00", HISTORY_QUIT, 100),     /* quit only */
		rec_at("2026-03-12T09:00:00+01:00", HISTORY_SIGNAL, 100),
		rec_at("2026-03-13T08:00:00+01:00", HISTORY_COMPLETED, 600),
		rec_at("2026-03-14T08:00:00+01:00", HISTORY_QUIT, 100),
	};
	summarise(&s, r, 7, "2026-03-14");
	assert_int_equal(s.streak, 1);                 /* 13th; 14th quit only */
	assert_int_equal(s.longest, 2);                /* 10th-11th, two on the 11th */
	assert_int_equal(s.all.sessions, 7);
	assert_int_equal(s.all.completed, 4);
	assert_int_equal(s.all.done_s, 4 * 600 + 3 * 100);
	int64_t c = day_of("2026-03-11") - s.cal_first;
	assert_int_equal(s.cal_s[c], 1200);
	assert_int_equal(history_cal_level(s.cal_s[c]), 3);   /* 20 minutes */
	assert_int_equal(history_cal_level(s.cal_s[c + 1]), 1);   /* 200 s, quit */
	history_summary_free(&s);
	summarise(&s, r, 4, "2026-03-12");             /* yesterday's streak holds */
	assert_int_equal(s.streak, 2);
	history_summary_free(&s);
}

/* TZ for a test: the named zone when the system has it, else the same
 * rules as a POSIX TZ string; checked on a known instant. */
static void use_zone(const char *name, const char *rule, int64_t probe, int want)
{
	setenv("TZ", name, 1);
	tzset();
	if (clock_utc_offset(probe) != want) {
		setenv("TZ", rule, 1);
		tzset();
	}
	assert_int_equal(clock_utc_offset(probe), want);
}

static void end_zone(void)
{
	setenv("TZ", "UTC0", 1);
	tzset();
}

/* A record at UTC time `utc` with the offset the zone had then. */
static struct history_record rec_utc(const char *utc, enum history_outcome o)
{
	struct history_record r = rec_at(utc, o, 600);
	int64_t t = r.start_s;
	r.offset_s = clock_utc_offset(t);
	return r;
}

static void test_streak_dst_berlin(void **state)
{
	(void)state;
	struct history_summary s;
	use_zone("Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3", 1782900000, 7200);
	/* Spring forward on 2026-03-29: 23:30 on the 28th (+01:00), 23:30
	 * on the 29th (+02:00), 00:15 on the 30th (+02:00). */
	struct history_record r[] = {
		rec_utc("2026-03-28T22:30:00Z", HISTORY_COMPLETED),
		rec_utc("2026-03-29T21:30:00Z", HISTORY_COMPLETED),
		rec_utc("2026-03-29T22:15:00Z", HISTORY_COMPLETED),
	};
	assert_int_equal(r[0].offset_s, 3600);
	assert_int_equal(r[2].offset_s, 7200);
	summarise(&s, r, 3, "2026-03-30");
	assert_int_equal(s.streak, 3);
	history_summary_free(&s);
	/* Fall back on 2026-10-25: 00:30 (+02:00) and 23:50 (+01:00) that day
	 * are one day; 00:10 the next day (+01:00) is the next. */
	struct history_record f[] = {
		rec_utc("2026-10-24T22:30:00Z", HISTORY_COMPLETED),
		rec_utc("2026-10-25T22:50:00Z", HISTORY_COMPLETED),
		rec_utc("2026-10-25T23:10:00Z", HISTORY_COMPLETED),
	};
	assert_int_equal(history_day(&f[0]), day_of("2026-10-25"));
	assert_int_equal(history_day(&f[1]), day_of("2026-10-25"));
	assert_int_equal(history_day(&f[2]), day_of("2026-10-26"));
	summarise(&s, f, 3, "2026-10-26");
	assert_int_equal(s.streak, 2);
	assert_int_equal(s.cal_s[day_of("2026-10-25") - s.cal_first], 1200);
	history_summary_free(&s);
	end_zone();
}

static void test_streak_dst_sao_paulo(void **state)
{
	(void)state;
	struct history_summary s;
	/* Brazil's last DST: 2018-11-04 began at 00:00 (the day started at
	 * 01:00), 2019-02-17 ended at 00:00 (23:00 on the 16th twice). */
	use_zone("America/Sao_Paulo", "<-03>3<-02>,M11.1.0/0,M2.3.0/0", 1545000000,
		 -7200);
	struct history_record r[] = {
		rec_utc("2018-11-04T02:30:00Z", HISTORY_COMPLETED),  /* 3rd 23:30 -03 */
		rec_utc("2018-11-04T03:10:00Z", HISTORY_COMPLETED),  /* 4th 01:10 -02 */
		rec_utc("2018-11-05T02:10:00Z", HISTORY_COMPLETED),  /* 5th 00:10 -02 */
	};
	assert_int_equal(r[0].offset_s, -10800);
	assert_int_equal(r[1].offset_s, -7200);
	summarise(&s, r, 3, "2018-11-05");
	assert_int_equal(s.streak, 3);
	history_summary_free(&s);
	struct history_record f[] = {
		rec_utc("2019-02-17T01:30:00Z", HISTORY_COMPLETED),  /* 16th 23:30 -02 */
		rec_utc("2019-02-17T02:30:00Z", HISTORY_COMPLETED),  /* 16th 23:30 -03 */
		rec_utc("2019-02-18T02:00:00Z", HISTORY_COMPLETED),  /* 17th 23:00 -03 */
	};
	assert_int_equal(history_day(&f[0]), day_of("2019-02-16"));
	assert_int_equal(history_day(&f[1]), day_of("2019-02-16"));
	assert_int_equal(history_day(&f[2]), day_of("2019-02-17"));
	summarise(&s, f, 3, "2019-02-18");
	assert_int_equal(s.streak, 2);                 /* today not yet done */
	assert_int_equal(s.longest, 2);
	history_summary_free(&s);
	end_zone();
}

static void test_streak_zone_change(void **state)
{
	(void)state;
	struct history_summary s;
	/* Berlin, then a flight to New York: by UTC these days would be the
	 * 10th, 12th and 13th; by the clocks on the wall, 10th to 12th. */
	struct history_record r[] = {
		rec_at("2026-06-10T23:00:00+02:00", HISTORY_COMPLETED, 600),
		rec_at("2026-06-11T20:00:00-04:00", HISTORY_COMPLETED, 600),
		rec_at("2026-06-12T21:00:00-04:00", HISTORY_COMPLETED, 600),
	};
	summarise(&s, r, 3, "2026-06-12");
	assert_int_equal(s.streak, 3);
	assert_int_equal(s.longest, 3);
	history_summary_free(&s);
	/* Out of order in the file (east, then back west): still one run. */
	struct history_record back[] = { r[2], r[0], r[1] };
	summarise(&s, back, 3, "2026-06-13");
	assert_int_equal(s.streak, 3);
	history_summary_free(&s);
}

static void test_totals_and_calendar(void **state)
{
	(void)state;
	struct history_summary s;
	/* 2026-12-09 is a Wednesday: the week is Mon 7th to Sun 13th. */
	struct history_record r[] = {
		rec_at("2026-11-30T10:00:00+01:00", HISTORY_COMPLETED, 100),
		rec_at("2026-12-06T10:00:00+01:00", HISTORY_COMPLETED, 200),
		rec_at("2026-12-07T10:00:00+01:00", HISTORY_QUIT, 400),
		rec_at("2026-12-09T10:00:00+01:00", HISTORY_COMPLETED, 800),
		rec_at("2025-12-09T10:00:00+01:00", HISTORY_COMPLETED, 1600),
	};
	struct history_record p;
	history_prompt(&p, "x", "X", r[3].start_s, 3600, HISTORY_TAKEN);
	summarise(&s, r, 5, "2026-12-09");
	history_summary_add(&s, &p);
	assert_int_equal(s.week.sessions, 2);
	assert_int_equal(s.week.completed, 1);
	assert_int_equal(s.week.done_s, 1200);
	assert_int_equal(s.month.sessions, 3);
	assert_int_equal(s.month.done_s, 1400);
	assert_int_equal(s.all.sessions, 5);
	assert_int_equal(s.all.done_s, 3100);
	assert_int_equal(s.prompts, 1);
	assert_int_equal(clock_weekday(s.cal_first), 0);
	assert_int_equal(s.cal_first, day_of("2026-12-07") - 11 * 7);
	assert_int_equal(s.cal_s[day_of("2026-12-09") - s.cal_first], 800);
	assert_int_equal(s.cal_s[day_of("2026-11-30") - s.cal_first], 100);
	int64_t sum = 0;
	for (int i = 0; i < HISTORY_CAL_DAYS; i++)
		sum += s.cal_s[i];
	assert_int_equal(sum, 1500);                   /* a year ago is not in it */
	assert_int_equal(s.streak, 1);
	history_summary_free(&s);
}

static void test_levels_and_days(void **state)
{
	(void)state;
	assert_int_equal(history_cal_level(0), 0);
	assert_int_equal(history_cal_level(1), 1);
	assert_int_equal(history_cal_level(299), 1);
	assert_int_equal(history_cal_level(300), 2);
	assert_int_equal(history_cal_level(899), 2);
	assert_int_equal(history_cal_level(900), 3);
	assert_int_equal(history_cal_level(1800), 4);
	struct history_days d = { 0 };
	int64_t days[] = { 20000, 20001, 19000, 19001, 19002, -5, -4, 30000, 20002, 19999 };
	for (size_t i = 0; i < sizeof days / sizeof *days; i++)
		assert_int_equal(history_days_add(&d, days[i]), 0);
	for (size_t i = 0; i < sizeof days / sizeof *days; i++)
		assert_true(history_days_has(&d, days[i]));
	assert_false(history_days_has(&d, 19003));
	assert_false(history_days_has(&d, -6));
	assert_false(history_days_has(&d, 30001));
	assert_int_equal(history_days_longest(&d), 4);  /* 19999 to 20002 */
	assert_int_equal(history_days_streak(&d, 20003), 4);
	assert_int_equal(history_days_streak(&d, 19003), 3);
	assert_int_equal(history_days_streak(&d, -3), 2);
	history_days_free(&d);
	assert_int_equal(history_days_longest(&d), 0);
	assert_int_equal(history_days_streak(&d, 5), 0);
}

static void test_calendar_arithmetic(void **state)
{
	(void)state;
	int64_t y;
	int m, d;
	assert_int_equal(clock_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(clock_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(clock_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(clock_weekday(0), 3);          /* a Thursday */
	assert_int_equal(clock_weekday(clock_days_from_civil(2026, 12, 7)), 0);
	assert_int_equal(clock_weekday(-1), 2);
	for (int64_t day = -800000; day < 800000; day += 997) {
		clock_civil_from_days(day, &y, &m, &d);
		assert_int_equal(clock_days_from_civil(y, m, d), day);
	}
	assert_int_equal(clock_local_day(-1, 0), -1);
	assert_int_equal(clock_local_day(86399, 1), 1);
}

/* ---- the glance (the menu's and the finish screen's figures) ---------------- */

static struct history_record rec_for(const char *id, const char *when,
				     enum history_outcome o, int64_t done_s)
{
	struct history_record r = rec_at(when, o, done_s);
	snprintf(r.routine, sizeof r.routine, "%s", id);
	return r;
}

/* Today's time counts every session (a quit one too); a routine's last
 * day and the streak only completed ones; prompts and routines nobody
 * asked about count for nothing but the streak. */
static void test_glance_adds_up(void **state)
{
	(void)state;
	const char *ids[] = { "upper-back-15", "neck", "hips", "neck" };
	struct history_glance g;
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), ids, 4), 0);
	struct history_record r[] = {
		rec_for("neck", "2026-12-03T09:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_for("upper-back-15", "2026-12-08T09:00:00+01:00", HISTORY_COMPLETED, 900),
		rec_for("neck", "2026-12-01T09:00:00+01:00", HISTORY_COMPLETED, 300),
		rec_for("other", "2026-12-09T23:30:00+01:00", HISTORY_COMPLETED, 600),
		rec_for("hips", "2026-12-10T08:00:00+01:00", HISTORY_QUIT, 125),
		rec_for("upper-back-15", "2026-12-10T09:00:00+01:00", HISTORY_COMPLETED, 900),
	};
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		history_glance_add(&g, &r[i]);
	struct history_record p;
	history_prompt(&p, "neck", "Neck", r[5].start_s, r[5].offset_s, HISTORY_TAKEN);
	history_glance_add(&g, &p);
	assert_int_equal(g.last[0], day_of("2026-12-10"));
	assert_int_equal(g.last[1], day_of("2026-12-03"));   /* the latest, not the last read */
	assert_int_equal(g.last[2], HISTORY_NEVER);          /* quit only */
	assert_int_equal(g.last[3], day_of("2026-12-03"));   /* the same id twice */
	assert_int_equal(g.today_s, 125 + 900);
	assert_int_equal(g.streak, 3);                       /* 8, 9, 10 December */
	assert_int_equal(history_glance_streak_with(&g, g.today), 3);
	history_glance_free(&g);
	/* today not done yet: yesterday's streak still counts; today's
	 * session would add one to it */
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), NULL, 0), 0);
	history_glance_add(&g, &r[1]);
	history_glance_add(&g, &r[3]);
	assert_int_equal(g.streak, 2);
	assert_int_equal(g.today_s, 0);
	assert_int_equal(history_glance_streak_with(&g, g.today), 3);
	assert_int_equal(history_glance_streak_with(&g, day_of("2026-12-01")), 2);
	history_glance_free(&g);
	/* nothing at all: the first session is a streak of one */
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), NULL, 0), 0);
	assert_int_equal(g.streak, 0);
	assert_int_equal(history_glance_streak_with(&g, g.today), 1);
	history_glance_free(&g);
}

/* The file is streamed into the glance: damage passed over, no file is
 * no record, a file that cannot be read is an error naming it. */
static void test_glance_read(void **state)
{
	char *dir = *state;
	char xdg[600], sub[700], path[800], why[HISTORY_WHY_MAX], text[4096];
	snprintf(xdg, sizeof xdg, "%s/state", dir);
	setenv("XDG_STATE_HOME", xdg, 1);
	const char *ids[] = { "neck", "upper-back-15" };
	struct history_glance g;
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), ids, 2), 0);
	assert_int_equal(history_glance_read(&g, why, sizeof why), 0);   /* no file */
	assert_int_equal(g.streak, 0);
	assert_int_equal(g.last[0], HISTORY_NEVER);
	history_glance_free(&g);
	snprintf(sub, sizeof sub, "%s/stretchtui", xdg);
	assert_int_equal(mkdir(xdg, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	struct history_record a = rec_for("neck", "2026-12-09T10:00:00+01:00",
					  HISTORY_COMPLETED, 300);
	struct history_record b = rec_for("upper-back-15", "2026-12-10T07:00:00+01:00",
					  HISTORY_QUIT, 61);
	char la[HISTORY_LINE_MAX + 1], lb[HISTORY_LINE_MAX + 1];
	history_format(&a, la, sizeof la);
	history_format(&b, lb, sizeof lb);
	int n = snprintf(text, sizeof text, "%sgarbage\n%s%s2026-12-10T08:00", history_header(),
			 la, lb);
	snprintf(path, sizeof path, "%s/history.tsv", sub);
	write_file(path, text, (size_t)n);
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), ids, 2), 0);
	assert_int_equal(history_glance_read(&g, why, sizeof why), 0);
	assert_int_equal(g.last[0], day_of("2026-12-09"));
	assert_int_equal(g.last[1], HISTORY_NEVER);
	assert_int_equal(g.today_s, 61);
	assert_int_equal(g.streak, 1);
	history_glance_free(&g);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(history_glance_init(&g, day_of("2026-12-10"), ids, 2), 0);
	assert_int_equal(history_glance_read(&g, why, sizeof why), -1);
	assert_non_null(strstr(why, "history.tsv: not a regular file"));
	history_glance_free(&g);
	unsetenv("XDG_STATE_HOME");
}

int main(void)
{
	setenv("TZ", "UTC0", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_every_column),
		cmocka_unit_test(test_parse_every_column),
		cmocka_unit_test(test_prompts_and_words),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_session_from_summary),
		cmocka_unit_test(test_unsafe_names),
		cmocka_unit_test(test_line_of_the_maximum_length),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_garbage_lines),
		cmocka_unit_test(test_newer_columns),
		cmocka_unit_test_setup_teardown(test_read_damage, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_read_newer_version, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_read_big, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_read_missing_and_not_regular, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_glance_adds_up),
		cmocka_unit_test_setup_teardown(test_glance_read, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_append_creates_and_heads, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_append_after_torn_tail, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_append_errors, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_appends, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_killed_writers, tmp_setup, tmp_teardown),
		cmocka_unit_test(test_streak_month_and_year_ends),
		cmocka_unit_test(test_streak_two_a_day_and_quit_only),
		cmocka_unit_test(test_streak_dst_berlin),
		cmocka_unit_test(test_streak_dst_sao_paulo),
		cmocka_unit_test(test_streak_zone_change),
		cmocka_unit_test(test_totals_and_calendar),
		cmocka_unit_test(test_levels_and_days),
		cmocka_unit_test(test_calendar_arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
