/* history — records: their words, one line each way, and the file (see
 * history.h). The sums are in history_sum.c. */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "diag.h"
#include "duration.h"
#include "paths.h"
#include "utf8.h"


#define HISTORY_MAX_FIELDS 64        /* more are not looked at */
#define HISTORY_COUNT_MAX 9999999    /* exercises_done, exercises_total */
#define HISTORY_READ_BUF 65536

static const char header_text[] =
	HISTORY_MAGIC " 1\n"
	"start\tkind\troutine\toutcome\tplanned_s\tdone_s\tpaused_s\textended_s\t"
	"skipped_s\texercises_done\texercises_total\tfeel\tname\n";

/* The first write of a new file holds the header and a record. */
#if defined(PIPE_BUF)
_Static_assert(sizeof header_text + HISTORY_LINE_MAX < PIPE_BUF,
	       "a history write must stay below PIPE_BUF");
#endif

const char *const history_columns[HISTORY_N_COLS] = {
	"start", "kind", "routine", "outcome", "planned_s", "done_s", "paused_s",
	"extended_s", "skipped_s", "exercises_done", "exercises_total", "feel",
	"name",
};

enum { C_START, C_KIND, C_ROUTINE, C_OUTCOME, C_PLANNED, C_DONE, C_PAUSED,
       C_EXTENDED, C_SKIPPED, C_EX_DONE, C_EX_TOTAL, C_FEEL, C_NAME };

static const char *const kind_names[] = { "session", "prompt" };
static const char *const outcome_names[] = {
	"completed", "quit", "signal", "taken", "snoozed", "skipped", "missed",
};
static const char *const feel_names[] = { "", "worse", "same", "better" };

#define N_OF(a) (sizeof (a) / sizeof *(a))

const char *history_kind_name(enum history_kind k)
{
	return (size_t)k < N_OF(kind_names) ? kind_names[k] : "?";
}

const char *history_outcome_name(enum history_outcome o)
{
	return (size_t)o < N_OF(outcome_names) ? outcome_names[o] : "?";
}

const char *history_feel_name(enum history_feel f)
{
	return (size_t)f < N_OF(feel_names) ? feel_names[f] : "";
}

const char *history_header(void)
{
	return header_text;
}

/* ---- records ------------------------------------------------------------- */

/* n bytes of s as safe text into out (size bytes), cut to fit. */
static void safe_text(char *out, size_t size, const char *s, size_t n)
{
	if (n < size && utf8_is_safe(s, n, 0)) {
		memcpy(out, s, n);
		out[n] = '\0';
		return;
	}
	utf8_safe_cut(s, n, -1, 0, out, size);
}

void history_text(char *out, size_t size, const char *s, size_t n)
{
	size_t at = 0;
	if (n > 0 && s[0] == '"' && size > 4) {
		memcpy(out, "\\x22", 4);
		at = 4;
		s++;
		n--;
	}
	safe_text(out + at, size - at, s, n);
}

static int64_t clamp_num(int64_t v)
{
	return v < 0 ? 0 : v > HISTORY_NUM_MAX ? HISTORY_NUM_MAX : v;
}

static int64_t round_s(int64_t ms)
{
	return clamp_num((ms + 500) / 1000);
}

static int64_t clamp_count(int v)
{
	return v < 0 ? 0 : v > HISTORY_COUNT_MAX ? HISTORY_COUNT_MAX : v;
}

static void set_head(struct history_record *r, const char *id, const char *name,
		     int64_t start_s, int offset_s)
{
	memset(r, 0, sizeof *r);
	r->start_s = start_s;
	r->offset_s = offset_s / 60 * 60;
	history_text(r->routine, sizeof r->routine, id ? id : "", id ? strlen(id) : 0);
	history_text(r->name, sizeof r->name, name ? name : "", name ? strlen(name) : 0);
}

void history_session(struct history_record *r, const struct engine_summary *s,
		     const char *id, const char *name, int64_t start_s,
		     int offset_s, enum history_outcome outcome,
		     enum history_feel feel)
{
	set_head(r, id, name, start_s, offset_s);
	r->kind = HISTORY_SESSION;
	r->outcome = outcome;
	r->feel = feel;
	r->planned_s = clamp_num(duration_ceil_seconds(s->planned_ms));
	r->done_s = round_s(s->done_ms);
	r->paused_s = round_s(s->paused_ms);
	r->extended_s = round_s(s->extended_ms);
	r->skipped_s = round_s(s->skipped_ms);
	r->exercises_done = clamp_count(s->exercises_done);
	r->exercises_total = clamp_count(s->exercises_total);
}

void history_prompt(struct history_record *r, const char *id, const char *name,
		    int64_t at_s, int offset_s, enum history_outcome outcome)
{
	set_head(r, id, name, at_s, offset_s);
	r->kind = HISTORY_PROMPT;
	r->outcome = outcome;
}

int64_t history_day(const struct history_record *r)
{
	return clock_local_day(r->start_s, r->offset_s);
}

/* ---- time stamps ---------------------------------------------------------- */

/* Text appended at buf + *n; the caller has made room. */
static void put_s(char *buf, size_t *n, const char *s)
{
	size_t k = strlen(s);
	memcpy(buf + *n, s, k);
	*n += k;
}

static void put_num(char *buf, size_t *n, int64_t v, int width)
{
	char d[24];
	int k = 0;
	uint64_t u = v < 0 ? 0 : (uint64_t)v;
	uint32_t w = (uint32_t)u;
	if (u > UINT32_MAX) {
		do
			d[k++] = (char)('0' + u % 10);
		while ((u /= 10) != 0);
	} else {
		do                           /* the usual case, with cheaper division */
			d[k++] = (char)('0' + w % 10);
		while ((w /= 10) != 0);
	}
	while (k < width)
		d[k++] = '0';
	while (k > 0)
		buf[(*n)++] = d[--k];
}

/* The time stamp at buf + *n (at most 26 bytes). */
static void put_time(char *buf, size_t *n, int64_t t, int offset_s)
{
	int off = offset_s / 60;                 /* minutes */
	int64_t local = t + (int64_t)off * 60;
	int64_t day = clock_local_day(local, 0), y;
	int64_t sec = local - day * 86400;
	int m, d, a = off < 0 ? -off : off;
	clock_civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	const int64_t part[] = { y, m, d, sec / 3600, sec / 60 % 60, sec % 60, a / 60, a % 60 };
	static const char sep[] = "--T::\0:";
	for (int i = 0; i < 8; i++) {
		if (i == 6)
			buf[(*n)++] = off < 0 ? '-' : '+';
		else if (i > 0)
			buf[(*n)++] = sep[i - 1];
		put_num(buf, n, part[i], i == 0 ? 4 : 2);
	}
}

void history_format_time(int64_t t, int offset_s, char *buf, size_t size)
{
	char tmp[HISTORY_TIME_BUF];
	size_t n = 0;
	put_time(tmp, &n, t, offset_s);
	tmp[n] = '\0';
	snprintf(buf, size, "%s", tmp);
}

/* n digits at s as a number; -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int days_in_month(int64_t y, int m)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : len[m - 1];
}

/* "+01:00", "-03:30" or "Z" into minutes east. */
static int parse_offset(const char *s, size_t n, int *minutes)
{
	if (n == 1 && s[0] == 'Z') {
		*minutes = 0;
		return 0;
	}
	if (n != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':')
		return -1;
	int h = digits(s + 1, 2), m = digits(s + 4, 2);
	if (h < 0 || m < 0 || h > 18 || m > 59)
		return -1;
	*minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
	return 0;
}

int history_parse_time(const char *s, size_t n, int64_t *t, int *offset_s)
{
	if (n < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
	    s[16] != ':')
		return -1;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	int off;
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
	    h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 ||
	    parse_offset(s + 19, n - 19, &off) != 0)
		return -1;
	int64_t local = clock_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	*t = local - (int64_t)off * 60;
	*offset_s = off * 60;
	return 0;
}

/* ---- one line ------------------------------------------------------------- */

size_t history_format(const struct history_record *r, char *buf, size_t size)
{
	const int64_t num[] = { r->planned_s, r->done_s, r->paused_s, r->extended_s,
				r->skipped_s, r->exercises_done, r->exercises_total };
	size_t n = 0;
	if (size <= HISTORY_LINE_MAX)
		return 0;
	put_time(buf, &n, r->start_s, r->offset_s);
	buf[n++] = '\t';
	put_s(buf, &n, history_kind_name(r->kind));
	buf[n++] = '\t';
	history_text(buf + n, HISTORY_ID_MAX + 1, r->routine, strlen(r->routine));
	n += strlen(buf + n);
	buf[n++] = '\t';
	put_s(buf, &n, history_outcome_name(r->outcome));
	for (size_t i = 0; i < sizeof num / sizeof *num; i++) {
		buf[n++] = '\t';
		put_num(buf, &n, clamp_num(num[i]), 1);
	}
	buf[n++] = '\t';
	put_s(buf, &n, history_feel_name(r->feel));
	buf[n++] = '\t';
	/* The name in what is left, the newline kept back. */
	history_text(buf + n, HISTORY_LINE_MAX - n, r->name, strlen(r->name));
	n += strlen(buf + n);
	buf[n++] = '\n';
	buf[n] = '\0';
	return n;
}

/* A JSON string of safe text at buf + *n (at most 12 bytes a byte of s). */
static void put_json_str(char *buf, size_t *n, const char *s, bool ascii)
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strlen(s);
	buf[(*n)++] = '"';
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t k = 1;
		if (c == '"' || c == '\\') {
			buf[(*n)++] = '\\';
			buf[(*n)++] = (char)c;
		} else if (c >= 0x20 && c != 0x7f && (c < 0x80 || !ascii)) {
			buf[(*n)++] = (char)c;
		} else {
			if (c >= 0x80 && (k = utf8_decode(s + i, len - i, &cp)) == 0) {
				k = 1;
				cp = 0xfffd;
			}
			uint32_t unit[2] = { cp, 0 };
			int units = 1;
			if (cp >= 0x10000) {
				unit[0] = 0xd800 + ((cp - 0x10000) >> 10);
				unit[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
				units = 2;
			}
			for (int u = 0; u < units; u++) {
				put_s(buf, n, "\\u");
				for (int sh = 12; sh >= 0; sh -= 4)
					buf[(*n)++] = hex[(unit[u] >> sh) & 0xf];
			}
		}
		i += k;
	}
	buf[(*n)++] = '"';
}

size_t history_format_json(const struct history_record *r, bool ascii, char *buf,
			   size_t size)
{
	const int64_t num[] = { r->planned_s, r->done_s, r->paused_s, r->extended_s,
				r->skipped_s, r->exercises_done, r->exercises_total };
	size_t n = 0;
	if (size < HISTORY_JSON_MAX)
		return 0;
	put_s(buf, &n, "{\"start\":\"");
	put_time(buf, &n, r->start_s, r->offset_s);
	put_s(buf, &n, "\",\"kind\":\"");
	put_s(buf, &n, history_kind_name(r->kind));
	put_s(buf, &n, "\",\"routine\":");
	put_json_str(buf, &n, r->routine, ascii);
	put_s(buf, &n, ",\"outcome\":\"");
	put_s(buf, &n, history_outcome_name(r->outcome));
	buf[n++] = '"';
	for (size_t i = 0; i < sizeof num / sizeof *num; i++) {
		put_s(buf, &n, ",\"");
		put_s(buf, &n, history_columns[C_PLANNED + i]);
		put_s(buf, &n, "\":");
		put_num(buf, &n, clamp_num(num[i]), 1);
	}
	put_s(buf, &n, ",\"feel\":");
	if (r->feel == HISTORY_FEEL_NONE) {
		put_s(buf, &n, "null");
	} else {
		buf[n++] = '"';
		put_s(buf, &n, history_feel_name(r->feel));
		buf[n++] = '"';
	}
	put_s(buf, &n, ",\"name\":");
	put_json_str(buf, &n, r->name, ascii);
	put_s(buf, &n, "}\n");
	buf[n] = '\0';
	return n;
}

void history_cols_default(struct history_cols *c)
{
	for (int i = 0; i < HISTORY_N_COLS; i++)
		c->at[i] = i;
	c->fields = HISTORY_N_COLS;
}

struct fields {
	const char *s[HISTORY_MAX_FIELDS];
	size_t n[HISTORY_MAX_FIELDS];
	int count;                   /* HISTORY_MAX_FIELDS + 1: more */
};

static void split(const char *line, size_t len, struct fields *f)
{
	size_t at = 0;
	f->count = 0;
	for (;;) {
		const char *tab = memchr(line + at, '\t', len - at);
		size_t end = tab ? (size_t)(tab - line) : len;
		if (f->count == HISTORY_MAX_FIELDS) {
			f->count++;
			return;
		}
		f->s[f->count] = line + at;
		f->n[f->count++] = end - at;
		if (!tab)
			return;
		at = end + 1;
	}
}

int history_cols_parse(struct history_cols *c, const char *line, size_t n,
		       char *why, size_t size)
{
	struct fields f;
	split(line, n, &f);
	int count = f.count > HISTORY_MAX_FIELDS ? HISTORY_MAX_FIELDS : f.count;
	c->fields = 0;
	for (int i = 0; i < HISTORY_N_COLS; i++) {
		const char *want = history_columns[i];
		c->at[i] = -1;
		for (int k = 0; k < count && c->at[i] < 0; k++)
			if (f.n[k] == strlen(want) && memcmp(f.s[k], want, f.n[k]) == 0)
				c->at[i] = k;
		if (c->at[i] < 0) {
			snprintf(why, size, "the column names lack '%s'; columns are "
				 "read in the order of version %d", want, HISTORY_VERSION);
			history_cols_default(c);
			return -1;
		}
		if (c->at[i] + 1 > c->fields)
			c->fields = c->at[i] + 1;
	}
	return 0;
}

static int bad_field(const struct fields *f, int field, int col, const char *what,
		     char *why, size_t size)
{
	char q[DIAG_QUOTE_BUF];
	diag_quote(f->s[field], f->n[field], q, sizeof q);
	snprintf(why, size, "column %d (%s) is %s, not %s", field + 1,
		 history_columns[col], q, what);
	return -1;
}

static int parse_num(const char *s, size_t n, int64_t max, int64_t *v)
{
	if (n == 0 || n > 13)
		return -1;
	int64_t x = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	if (x > max)
		return -1;
	*v = x;
	return 0;
}

/* The word at s among names (count of them): its index, or -1. */
static int word(const char *s, size_t n, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return (int)i;
	return -1;
}

static int parse_words(const struct fields *f, const int *at,
		       struct history_record *r, char *why, size_t size)
{
	int k = word(f->s[at[C_KIND]], f->n[at[C_KIND]], kind_names, N_OF(kind_names));
	if (k < 0)
		return bad_field(f, at[C_KIND], C_KIND, "session or prompt", why, size);
	r->kind = (enum history_kind)k;
	int o = word(f->s[at[C_OUTCOME]], f->n[at[C_OUTCOME]], outcome_names,
		     N_OF(outcome_names));
	if (k == HISTORY_SESSION && (o < 0 || o > HISTORY_SIGNAL))
		return bad_field(f, at[C_OUTCOME], C_OUTCOME,
				 "completed, quit or signal", why, size);
	if (k == HISTORY_PROMPT && o < HISTORY_TAKEN)
		return bad_field(f, at[C_OUTCOME], C_OUTCOME,
				 "taken, snoozed, skipped or missed", why, size);
	r->outcome = (enum history_outcome)o;
	int fe = word(f->s[at[C_FEEL]], f->n[at[C_FEEL]], feel_names, N_OF(feel_names));
	if (fe < 0)
		return bad_field(f, at[C_FEEL], C_FEEL, "better, same, worse or empty",
				 why, size);
	r->feel = (enum history_feel)fe;
	return 0;
}

static int parse_nums(const struct fields *f, const int *at,
		      struct history_record *r, char *why, size_t size)
{
	int64_t *v[] = { &r->planned_s, &r->done_s, &r->paused_s, &r->extended_s,
			 &r->skipped_s, &r->exercises_done, &r->exercises_total };
	for (int c = C_PLANNED; c <= C_EX_TOTAL; c++) {
		int64_t max = c >= C_EX_DONE ? HISTORY_COUNT_MAX : HISTORY_NUM_MAX;
		int i = at[c];
		if (parse_num(f->s[i], f->n[i], max, v[c - C_PLANNED]) != 0)
			return bad_field(f, i, c, c >= C_EX_DONE ? "a count" :
					 "whole seconds", why, size);
	}
	return 0;
}

int history_parse(const char *line, size_t n, const struct history_cols *cols,
		  struct history_record *r, char *why, size_t size)
{
	struct history_cols def;
	struct fields f;
	if (!cols) {
		history_cols_default(&def);
		cols = &def;
	}
	split(line, n, &f);
	if (f.count < cols->fields) {
		snprintf(why, size, "%d column%s, not %d", f.count,
			 f.count == 1 ? "" : "s", cols->fields);
		return -1;
	}
	const int *at = cols->at;
	memset(r, 0, sizeof *r);
	if (history_parse_time(f.s[at[C_START]], f.n[at[C_START]], &r->start_s,
			       &r->offset_s) != 0)
		return bad_field(&f, at[C_START], C_START,
				 "a time like 2026-12-01T09:30:05+01:00", why, size);
	if (parse_words(&f, at, r, why, size) != 0 || parse_nums(&f, at, r, why, size) != 0)
		return -1;
	history_text(r->routine, sizeof r->routine, f.s[at[C_ROUTINE]], f.n[at[C_ROUTINE]]);
	history_text(r->name, sizeof r->name, f.s[at[C_NAME]], f.n[at[C_NAME]]);
	return 0;
}

/* ---- the file -------------------------------------------------------------- */

/* "cannot save the session in the history (PATH: REASON)", path made safe. */
static int fail(char *why, size_t size, const char *path, int err)
{
	char safe[PATHS_MAX];
	utf8_safe(path, safe, sizeof safe);
	snprintf(why, size, "cannot save the session in the history (%s: %s)", safe,
		 strerror(err));
	return -1;
}

int history_path(char *dir, char *path, size_t size, char *why, size_t why_size)
{
	if (paths_state_file(HISTORY_FILE, dir, path, size) == 0)
		return 0;
	snprintf(why, why_size, "no place for the history: neither $XDG_STATE_HOME "
		 "nor $HOME is an absolute path");
	return -1;
}

/* The header for an empty file; a newline when a torn line ends it. */
static size_t lead(int fd, char *buf, bool *fresh)
{
	struct stat st;
	char last = '\n';
	*fresh = false;
	if (fstat(fd, &st) != 0)
		return 0;
	if (st.st_size == 0) {
		*fresh = true;
		memcpy(buf, header_text, sizeof header_text - 1);
		return sizeof header_text - 1;
	}
	if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n') {
		buf[0] = '\n';
		return 1;
	}
	return 0;
}

/* A new file's directory entry, flushed too (best effort). */
static void sync_dir(const char *path)
{
	char dir[PATHS_MAX];
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;
	if (n == 0 || n >= sizeof dir)
		return;
	memcpy(dir, path, n);
	dir[n] = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int write_once(int fd, const char *buf, size_t n)
{
	ssize_t w;
	do
		w = write(fd, buf, n);
	while (w < 0 && errno == EINTR);
	if (w >= 0 && (size_t)w != n)
		errno = w == 0 ? ENOSPC : EIO;   /* a short write: a torn line */
	return w >= 0 && (size_t)w == n ? 0 : -1;
}

int history_append_file(const char *path, const struct history_record *r,
			char *why, size_t size)
{
	char buf[sizeof header_text + HISTORY_LINE_MAX + 1];
	/* a regular file only (a FIFO would block), opened read-write so
	 * that the last byte can be looked at */
	int fd = paths_open_regular_as(path, O_RDWR | O_APPEND | O_CREAT, 0600);
	if (fd < 0)
		return fail(why, size, path, errno);
	bool fresh;
	size_t n = lead(fd, buf, &fresh);
	n += history_format(r, buf + n, sizeof buf - n);
	int rc = write_once(fd, buf, n) == 0 && fdatasync(fd) == 0 ? 0 : -1;
	int err = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		err = errno;
	}
	if (rc != 0)
		return fail(why, size, path, err);
	if (fresh)
		sync_dir(path);
	return 0;
}

int history_append(const struct history_record *r, char *why, size_t size)
{
	char dir[PATHS_MAX], path[PATHS_MAX];
	if (history_path(dir, path, sizeof path, why, size) != 0)
		return -1;
	if (paths_mkdir_p(dir) != 0)
		return fail(why, size, dir, errno);
	return history_append_file(path, r, why, size);
}

/* ---- reading --------------------------------------------------------------- */

struct reading {
	const struct history_reader *rd;
	struct history_cols cols;
	struct history_record rec;
	long line;
	bool told_version;
	int stop;
};

static void warn(struct reading *g, long line, const char *fmt, ...)
	DIAG_PRINTF(3, 4);
static void warn(struct reading *g, long line, const char *fmt, ...)
{
	char msg[HISTORY_WHY_MAX + 64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (g->rd->warn)
		g->rd->warn(g->rd->ctx, line, msg);
}

/* "#stretchtui-history N": a newer N is told once. */
static void magic_line(struct reading *g, const char *s, size_t n)
{
	size_t m = strlen(HISTORY_MAGIC);
	char num[16] = "";
	if (n <= m + 1 || memcmp(s, HISTORY_MAGIC, m) != 0 || s[m] != ' ')
		return;
	size_t k = n - m - 1 < sizeof num - 1 ? n - m - 1 : sizeof num - 1;
	memcpy(num, s + m + 1, k);
	if (atoi(num) > HISTORY_VERSION && !g->told_version) {
		g->told_version = true;
		warn(g, g->line, "written by a newer version (format %s); what this "
		     "version does not know is passed over", num);
	}
}

static void one_line(struct reading *g, const char *s, size_t n)
{
	char why[HISTORY_WHY_MAX];
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (n == 0)
		return;
	if (s[0] == '#') {
		magic_line(g, s, n);
	} else if (n >= 5 && memcmp(s, "start", 5) == 0 && (n == 5 || s[5] == '\t')) {
		if (history_cols_parse(&g->cols, s, n, why, sizeof why) != 0)
			warn(g, g->line, "%s", why);
	} else if (n > HISTORY_READ_MAX) {
		warn(g, g->line, "longer than %d bytes, skipped", HISTORY_READ_MAX);
	} else if (history_parse(s, n, &g->cols, &g->rec, why, sizeof why) != 0) {
		warn(g, g->line, "%s; skipped", why);
	} else {
		g->stop = g->rd->record(g->rd->ctx, &g->rec, g->line);
	}
}

/* The lines in buf[0..*have): each whole one handled, the rest kept at the
 * start. *skipping: inside a line too long for the buffer. */
static void lines(struct reading *g, char *buf, size_t *have, bool *skipping)
{
	size_t at = 0;
	char *nl;
	while (!g->stop && (nl = memchr(buf + at, '\n', *have - at))) {
		size_t end = (size_t)(nl - buf);
		g->line++;
		if (*skipping)
			warn(g, g->line, "longer than %d bytes, skipped", HISTORY_READ_MAX);
		else
			one_line(g, buf + at, end - at);
		*skipping = false;
		at = end + 1;
	}
	if (at == 0 && *have == HISTORY_READ_BUF) {
		*skipping = true;            /* no newline in the whole buffer */
		*have = 0;
		return;
	}
	memmove(buf, buf + at, *have - at);
	*have -= at;
}

int history_read_fd(int fd, const struct history_reader *rd, char *why, size_t size)
{
	struct reading g = { .rd = rd };
	char *buf = malloc(HISTORY_READ_BUF);
	size_t have = 0;
	bool skipping = false;
	if (!buf) {
		snprintf(why, size, "out of memory");
		return -1;
	}
	history_cols_default(&g.cols);
	while (!g.stop) {
		ssize_t n = read(fd, buf + have, HISTORY_READ_BUF - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(why, size, "%s", strerror(errno));
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		have += (size_t)n;
		lines(&g, buf, &have, &skipping);
	}
	if (!g.stop && (have > 0 || skipping))
		warn(&g, g.line + 1, "%s", "the last line is incomplete (cut short "
		     "while it was written?); skipped");
	free(buf);
	return 0;
}

int history_read_file(const char *path, const struct history_reader *rd,
		      char *why, size_t size)
{
	char safe[PATHS_MAX], err[HISTORY_WHY_MAX];
	utf8_safe(path, safe, sizeof safe);
	int fd = paths_open_regular(path);
	if (fd < 0 && errno == ENOENT)
		return HISTORY_NONE;
	if (fd < 0) {
		snprintf(why, size, "%s: %s", safe,
			 fd == PATHS_NOT_REGULAR ? "not a regular file" : strerror(errno));
		return -1;
	}
	int rc = history_read_fd(fd, rd, err, sizeof err);
	close(fd);
	if (rc != 0)
		snprintf(why, size, "%s: %s", safe, err);
	return rc;
}

int history_read(const struct history_reader *rd, char *why, size_t size)
{
	char dir[PATHS_MAX], path[PATHS_MAX];
	if (history_path(dir, path, sizeof path, why, size) != 0)
		return -1;
	return history_read_file(path, rd, why, size);
}
