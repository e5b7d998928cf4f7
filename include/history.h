/* history — the log of sessions and reminder prompts (DESIGN.md,
 * "History"): $XDG_STATE_HOME/stretchtui/history.tsv, UTF-8, one record
 * per tab-separated line under two header lines:
 *
 *     #stretchtui-history 1
 *     start kind routine outcome planned_s done_s paused_s extended_s
 *     skipped_s exercises_done exercises_total feel name     (tabs between)
 *
 * Each record is appended by one write(2) on an O_APPEND descriptor and
 * flushed with fdatasync, so concurrent writers never interleave and a
 * crash loses at most the record being written. Reading is a stream (one
 * record at a time, nothing kept): a line that does not parse is skipped
 * with a warning naming it, never an error.
 *
 * Nothing here reads a clock: times are handed in (clock_wall_s and
 * clock_utc_offset give them). A record's local calendar day is the date
 * its own timestamp shows, so a DST change or a trip to another time zone
 * between records moves no session to another day. */
#ifndef STRETCHTUI_HISTORY_H
#define STRETCHTUI_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define HISTORY_FILE "history.tsv"
#define HISTORY_MAGIC "#stretchtui-history"
#define HISTORY_VERSION 1
#define HISTORY_LINE_MAX 512    /* bytes of a record's line, newline included */
#define HISTORY_READ_MAX 4096   /* longer lines are skipped when read */
#define HISTORY_ID_MAX 128      /* bytes of a routine id kept (safe form) */
#define HISTORY_NUM_MAX INT64_C(999999999999)  /* the largest number written */
#define HISTORY_WHY_MAX 1024    /* room for any message below */
#define HISTORY_N_COLS 13

enum history_kind { HISTORY_SESSION, HISTORY_PROMPT };

enum history_outcome {
	HISTORY_COMPLETED, HISTORY_QUIT, HISTORY_SIGNAL,   /* sessions */
	HISTORY_TAKEN, HISTORY_SNOOZED, HISTORY_SKIPPED, HISTORY_MISSED, /* prompts */
};

enum history_feel { HISTORY_FEEL_NONE, HISTORY_WORSE, HISTORY_SAME, HISTORY_BETTER };

/* One record. The text fields are as history_text makes them: safe text
 * (utf8.h: no tab, newline or other control character, valid UTF-8) that
 * does not start with a double quote; history_session and history_parse
 * make them so. */
struct history_record {
	int64_t start_s;             /* seconds since the epoch (UTC) */
	int offset_s;                /* the local offset from UTC at start */
	enum history_kind kind;
	enum history_outcome outcome;
	int64_t planned_s, done_s, paused_s, extended_s, skipped_s;
	int64_t exercises_done, exercises_total;
	enum history_feel feel;
	char routine[HISTORY_ID_MAX + 1];
	char name[HISTORY_LINE_MAX];
};

/* n bytes of s as a record's text field into out (size bytes): its safe
 * form, a leading double quote written \x22 (CSV readers would take it
 * for the start of a quoted field), cut to fit (ending in "…"). */
void history_text(char *out, size_t size, const char *s, size_t n);

/* The words of the file ("session", "completed", "better"; "" for no feel). */
const char *history_kind_name(enum history_kind k);
const char *history_outcome_name(enum history_outcome o);
const char *history_feel_name(enum history_feel f);
/* The column names, in the file's order. */
extern const char *const history_columns[HISTORY_N_COLS];

/* A session's record from its engine summary: id and name as given (made
 * safe and cut to fit), started at start_s (wall time) in a zone offset_s
 * east of UTC. Times are whole seconds: planned rounded up (as the
 * summary shows it), the others to the nearest. */
void history_session(struct history_record *r, const struct engine_summary *s,
		     const char *id, const char *name, int64_t start_s,
		     int offset_s, enum history_outcome outcome,
		     enum history_feel feel);
/* A reminder prompt's record (the times and counts are 0). */
void history_prompt(struct history_record *r, const char *id, const char *name,
		    int64_t at_s, int offset_s, enum history_outcome outcome);

/* The local calendar day of a record (clock.h's day numbers). */
int64_t history_day(const struct history_record *r);

/* "2026-12-01T09:30:05+01:00" into buf (26 bytes do). Offsets are
 * written in whole minutes (any seconds are dropped). */
#define HISTORY_TIME_BUF 32
void history_format_time(int64_t t, int offset_s, char *buf, size_t size);
/* Parses that form (or with "Z" for +00:00): 0, or -1. */
int history_parse_time(const char *s, size_t n, int64_t *t, int *offset_s);

/* The two header lines, each with its newline. */
const char *history_header(void);

/* The record as one line with its newline, at most HISTORY_LINE_MAX
 * bytes (the name is cut to fit, ending in "…"). size must be more than
 * HISTORY_LINE_MAX. Returns the line's length, 0 when size is too small. */
size_t history_format(const struct history_record *r, char *buf, size_t size);

/* The record as one JSON object on a line of its own: the columns as
 * keys, in order, the numbers as numbers, no feel as null. ascii: every
 * non-ASCII character as \uXXXX (for output that is not UTF-8). size must
 * be at least HISTORY_JSON_MAX. Returns the length. */
#define HISTORY_JSON_MAX (12 * (HISTORY_ID_MAX + HISTORY_LINE_MAX) + 512)
size_t history_format_json(const struct history_record *r, bool ascii, char *buf,
			   size_t size);

/* Which field of a line holds each column: by position, or as the column
 * names line says (so a newer version's columns, wherever they are, are
 * passed over). */
struct history_cols {
	int at[HISTORY_N_COLS];
	int fields;                  /* the fewest fields a record may have */
};
void history_cols_default(struct history_cols *c);
/* From a column names line (without its newline): 0, or -1 with why (c
 * is then the default). */
int history_cols_parse(struct history_cols *c, const char *line, size_t n,
		       char *why, size_t size);

/* One record line (without its newline): 0, or -1 with why ("column 6
 * (done_s): ... "; quoted text made safe). Fields past the known columns
 * are ignored. cols NULL: by position. */
int history_parse(const char *line, size_t n, const struct history_cols *cols,
		  struct history_record *r, char *why, size_t size);

/* ---- the file ------------------------------------------------------------ */

/* $XDG_STATE_HOME/stretchtui/history.tsv (and its directory). 0, or -1
 * with why. */
int history_path(char *dir, char *path, size_t size, char *why,
		 size_t why_size);

/* Appends r to path (created 0600 with the header lines when missing or
 * empty; a torn last line left by a crash is ended first, so the record
 * starts a line of its own): one write(2), then fdatasync. 0, or -1 with
 * why, a safe message naming the file and the reason. */
int history_append_file(const char *path, const struct history_record *r,
			char *why, size_t size);
/* The same to history_path(), creating the directories. */
int history_append(const struct history_record *r, char *why, size_t size);

/* A stream of records: record() gets each one in file order (nonzero
 * stops the read); warn() each line skipped ("line 7: ..." is the caller's
 * to write: it gets the line number and the reason, safe text) and a note
 * about the file itself (line 0). Memory does not grow with the file. */
struct history_reader {
	int (*record)(void *ctx, const struct history_record *r, long line);
	void (*warn)(void *ctx, long line, const char *msg);
	void *ctx;
};

/* Reads fd to its end. 0, or -1 on a read error (why says it). */
int history_read_fd(int fd, const struct history_reader *rd, char *why,
		    size_t size);
/* Opens path (without blocking on a FIFO) and reads it. 0; HISTORY_NONE
 * when there is no such file; -1 with why ("PATH: REASON"). */
#define HISTORY_NONE 1
/* The same for the history of history_path. */
int history_read(const struct history_reader *rd, char *why, size_t size);
int history_read_file(const char *path, const struct history_reader *rd,
		      char *why, size_t size);

/* ---- what the records add up to ---------------------------------------- */

#define HISTORY_CAL_WEEKS 12
#define HISTORY_CAL_DAYS (HISTORY_CAL_WEEKS * 7)
#define HISTORY_CAL_LEVELS 5         /* shades 0 (nothing) to 4 */

struct history_total {
	int64_t sessions, completed, done_s;
};

/* A set of days (a bitmap from its lowest day on). */
struct history_days {
	int64_t lo;
	size_t bytes;
	unsigned char *bits;
};

/* Sessions only (prompts are counted, nothing more). Totals: the local
 * week from Monday, the calendar month, all time; time is done_s of every
 * session, a quit one too. A streak counts days with at least one
 * completed session. The calendar: HISTORY_CAL_WEEKS weeks from Monday,
 * the last one today's; seconds done per day. */
struct history_summary {
	int64_t today;               /* the local day it is computed for */
	int64_t week_first, month_first, month_last;
	struct history_total week, month, all;
	int64_t prompts;
	int64_t cal_first;           /* the calendar's first day, a Monday */
	int64_t cal_s[HISTORY_CAL_DAYS];
	struct history_days done;    /* days with a completed session */
	bool oom;                    /* the streaks could not be kept */
	int64_t streak;              /* after history_summary_end: ending */
	int64_t longest;             /* today or yesterday; the longest run */
};

void history_summary_init(struct history_summary *s, int64_t today);
void history_summary_add(struct history_summary *s, const struct history_record *r);
void history_summary_end(struct history_summary *s);
void history_summary_free(struct history_summary *s);

/* The shade of a day with this many seconds done: 0 none, 1 under 5
 * minutes, 2 under 15, 3 under 30, 4 30 or more. */
int history_cal_level(int64_t seconds);
/* The lower bound of each shade in seconds (shade 1 starts at 1 s). */
extern const int64_t history_cal_from[HISTORY_CAL_LEVELS];

/* The set of days, for the streaks (exposed for tests). -1 when out of
 * memory. */
int history_days_add(struct history_days *d, int64_t day);
bool history_days_has(const struct history_days *d, int64_t day);
void history_days_free(struct history_days *d);
/* The current streak (ending today or yesterday) and the longest run. */
int64_t history_days_streak(const struct history_days *d, int64_t today);
int64_t history_days_longest(const struct history_days *d);


/* ---- a glance: the few figures the menu and the finish screen show ------ */

#define HISTORY_NEVER INT64_MIN       /* a routine never completed */

struct history_glance_id {
	const char *id;
	size_t i;
};

/* Today's time, the streak and the day each of n routines was last
 * completed (sessions only; a quit session adds to today's time, not to
 * the streak or a routine's last day, like the summary). Memory is n
 * days and the set of days with a completed session: nothing of the
 * records is kept. */
struct history_glance {
	int64_t today;               /* the local day it is for */
	int64_t today_s;             /* seconds done today, every session */
	int64_t streak;              /* ending today or yesterday */
	size_t n;
	int64_t *last;               /* [n]: last day completed, or HISTORY_NEVER */
	struct history_glance_id *by_id;   /* the ids, sorted, for lookups */
	struct history_days done;    /* days with a completed session */
	bool oom;                    /* the streak could not be kept */
};

/* Ready for the n routines of ids (kept, not copied: they must outlive
 * g; n may be 0). 0, or -1 when out of memory (g is then empty). */
int history_glance_init(struct history_glance *g, int64_t today,
			const char *const *ids, size_t n);
/* A record more (the session just saved). */
void history_glance_add(struct history_glance *g, const struct history_record *r);
/* The streak there would be with a completed session on day as well. */
int64_t history_glance_streak_with(const struct history_glance *g, int64_t day);
void history_glance_free(struct history_glance *g);
/* The history (history_path) streamed into g, which history_glance_init
 * made ready: 0 (no file is no record), or -1 with why ("PATH:
 * REASON"). Lines that do not parse are passed over without a word:
 * `stretchtui history` names them. */
int history_glance_read(struct history_glance *g, char *why, size_t size);

#endif
