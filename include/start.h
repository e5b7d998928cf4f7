/* start — where a session begins: `--from STEP` resolved against a plan,
 * and the mark a stopped session leaves for `--resume` (the state file
 * "resume": the routine file and its identity, the plan time it stopped
 * at, the wall time). No terminal, no curses; the wall clock is handed in. */
#ifndef STRETCHTUI_START_H
#define STRETCHTUI_START_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "diag.h"
#include "engine.h"
#include "plan.h"

#define START_RESUME_WINDOW_S 3600    /* a session stopped this long ago resumes */
#define START_STATE "resume"          /* in $XDG_STATE_HOME/stretchtui */
#define START_PATH_MAX 4096

/* The plan time at which step `arg` starts: a step number (1 to the
 * number of steps), or an exercise's name or id, or the start of one (any
 * case; the first step that does it). 0, or -1 with a diagnostic about
 * the routine's file in d (no such step, no such exercise, ambiguous). */
int start_from(const struct plan *p, const char *arg, int64_t *at_ms,
	       struct diags *d);

/* The plan time at which step k (0-based) starts; -1 when it has none. */
int64_t start_step_at(const struct plan *p, size_t k);

/* Where a stopped session stood, and which file it played. */
struct start_mark {
	int64_t at_ms;                 /* plan time it stopped at */
	int64_t wall_s;                /* when, in seconds since the epoch */
	unsigned long long dev, ino;   /* the file's identity when it stopped */
	long long size, mtime_s, mtime_ns;
	char path[START_PATH_MAX];     /* the routine's file, its real path */
};

/* The state file's one line and back ("1\tAT\tWALL\tDEV\tINO\tSIZE\t
 * MTIME_S\tMTIME_NS\tPATH"). 0, or -1 (too long; not a mark). */
int start_mark_format(const struct start_mark *m, char *buf, size_t size);
int start_mark_parse(const char *line, struct start_mark *m);

/* m's path (made real) and identity from the file at path. 0 or -1. */
int start_mark_identify(struct start_mark *m, const char *path);

/* After a session of the routine in file `path`: stopped (quit or a
 * signal) before the end, it leaves a mark at s->stopped_ms; completed,
 * it clears the mark when the mark is for the same file. A failure to
 * write the mark is not reported: resuming is a convenience. */
void start_session_ended(const char *path, const struct engine_summary *s,
			 int64_t wall_s);

/* `play --resume [ROUTINE]`: the mark left within START_RESUME_WINDOW_S
 * of now, for a file that has not changed since (and, with arg, for the
 * routine arg names). 0, or -1 with a diagnostic in d. */
int start_resume(struct catalog *c, const char *arg, int64_t now_wall_s,
		 struct start_mark *m, struct diags *d);

#endif
