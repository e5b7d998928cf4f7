/* cue — what a session sounds like: the terminal bell, spoken cues and
 * event hooks, all made from the engine's events (DESIGN.md, "Cues: bell,
 * speech, hooks"), the same for both front ends.
 *
 * Two parts. The policy (cue.c) decides what is rung, said and run, and
 * when, and hands it to a sink; it reads no clock and starts nothing, so
 * a test plays a whole routine on a fake clock with a sink that records.
 * The children (cue_spawn.c) are the real sink for speech and hooks:
 * posix_spawn, never waited for in the loop, reaped when the front end
 * sees SIGCHLD on the signal pipe (sig.h's SIG_SET_CHLD), all gone within
 * a second of the session's end.
 *
 * A front end's part, in full:
 *     c = cue_open(plan, &config, &front);        after engine_start
 *     n = engine_update(e, now, &ev);
 *     engine_state(e, now, &st);
 *     cue_update(c, ev, n, &st);                  after every engine_update
 *     ms = cue_timeout(c, &st, engine_ms_until_change(e, now));
 *     cue_reap(c);                                when the pipe says SIGCHLD
 *     cue_note(c, buf, size);                     for the summary line
 *     cue_end(c, e, now);                         the session is over
 * The bell comes back through front.bell (at most once per cue_update). */
#ifndef STRETCHTUI_CUE_H
#define STRETCHTUI_CUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"
#include "plan.h"

#define CUE_TICK_MIN_MS    10000  /* holds and rests this long: 3-2-1 */
#define CUE_HALFWAY_MIN_MS 60000  /* holds this long: "Halfway" */
#define CUE_PHASE_MIN_MS   2000   /* rep phases this long: their cue word */
#define CUE_HOOKS_MAX      4      /* hooks in flight; more are dropped */
#define CUE_SPEECH_MAX     3      /* utterances alive (ending ones included) */
#define CUE_END_SPEECH_MS  850    /* after a finish, speech may go on this long */
#define CUE_END_HOOK_MS    150    /* after the end, a hook may go on this long */
#define CUE_TERM_MS        100    /* then SIGTERM; this later, SIGKILL */

/* What the front end configures (from the command line). */
struct cue_config {
	bool bell;                   /* ring (not --quiet, a terminal) */
	bool speak;                  /* --speak */
	const char *speech_command;  /* --speech-command: words, quotes as in
	                              * sh (no expansion); NULL: espeak-ng,
	                              * else spd-say. The text comes last. */
	const char *on_event;        /* --on-event: run by /bin/sh -c; NULL: none */
};

/* What the front end does for the cue: ring, and show a warning (one
 * line, already safe, without the "stretchtui: warning: " prefix). */
struct cue_front {
	void *ctx;
	void (*bell)(void *ctx);
	void (*warn)(void *ctx, const char *msg);
};

/* One hook run: the values of its STRETCHTUI_* variables ("" when none).
 * One run per moment: a segment start is "segment" (a get ready or a
 * work part), "switch" or "rest" (a set rest or a rest step); "start"
 * (the session's first segment) and "skip" (the segment skipped to)
 * stand for the segment start that comes with them; "tick" is each
 * 3-2-1 second the engine counts; "pause", "resume", "finish", "quit". */
struct cue_hook {
	const char *event;      /* start segment switch rest tick pause resume
	                         * skip finish quit */
	const char *routine;    /* the routine's id */
	const char *exercise;   /* the segment's exercise (the coming one in a
	                         * get ready, a switch or a set rest) */
	const char *side;       /* its side's label */
	const char *kind;       /* prepare work switch rest */
	char set[24], rep[24];  /* "2/3" */
	int64_t remaining_s;    /* session time left at the event, whole s (ceil) */
	int64_t elapsed_s;      /* session time played at the event (floor) */
};

/* Where the policy's outputs go: the front end and the children in a
 * real session, a recorder in the tests. Any member may be NULL. */
struct cue_sink {
	void *ctx;
	void (*bell)(void *ctx);
	void (*say)(void *ctx, const char *text);
	void (*hook)(void *ctx, const struct cue_hook *h);
};

struct cue;   /* opaque */

/* A session's cues with children for speech and hooks as cfg asks; a
 * speech program that cannot be found is one warning, then silence.
 * NULL when out of memory (the session goes on without cues). p must
 * outlive it. */
struct cue *cue_open(const struct plan *p, const struct cue_config *cfg,
		     const struct cue_front *front);
/* The policy alone, on any sink (tests). */
struct cue *cue_new(const struct plan *p, const struct cue_sink *sink);

/* Hands the events of one engine_update (in order) and the state right
 * after it; the first call also runs the "start" hook. NULL c: nothing. */
void cue_update(struct cue *c, const struct engine_event *ev, size_t n,
		const struct engine_state *st);

/* engine_ms (-1: none) lowered to the session ms until the next cue the
 * engine has no event for (a hold's half-way). */
int64_t cue_timeout(const struct cue *c, const struct engine_state *st,
		    int64_t engine_ms);

/* Reaps the children that have ended (never waits). */
void cue_reap(struct cue *c);

/* What the session summary adds ("3 event hooks were dropped: too many
 * still running."), or "" ; returns its length. */
size_t cue_note(const struct cue *c, char *buf, size_t size);

/* The session is over: the events e still holds are cued, then every
 * child is ended (speech may finish "Done. Well done." for
 * CUE_END_SPEECH_MS after a finish; hooks get CUE_END_HOOK_MS; then
 * SIGTERM, then SIGKILL), all within a second; then c is freed. e may
 * be NULL; NULL c: nothing. */
void cue_end(struct cue *c, struct engine *e, int64_t now);
/* Frees c; its children are ended at once (no grace). */
void cue_free(struct cue *c);

/* The bell policy (DESIGN.md): whether ev needs the person. Rings: a new
 * exercise (the first segment of an exercise step), a side switch, the
 * end of a get ready, switch or rest (the segment after one starts), the
 * 3-2-1 of a hold or rest of CUE_TICK_MIN_MS or more, the finish; never a
 * rep phase by itself. */
bool cue_rings(const struct plan *p, const struct engine_event *ev,
	       bool quit);

/* ---- the children: the real sink for speech and hooks ------------------ */

struct cue_kids;

/* speak / on_event as in cue_config; NULL when out of memory. A missing
 * speech program is said through front->warn and speech stays off. */
struct cue_kids *cue_kids_open(const struct cue_config *cfg,
			       const struct cue_front *front);
/* Says text: ends (SIGTERM) the utterance still running, starts this one. */
void cue_kids_say(struct cue_kids *k, const char *text);
/* Runs the hook command with h's environment, unless CUE_HOOKS_MAX are
 * still running: then it is dropped (and counted). */
void cue_kids_hook(struct cue_kids *k, const struct cue_hook *h);
/* Runs argv (its first word searched in $PATH) like a hook: beside the
 * session, counted with the hooks, ended with them. 0, or an errno
 * (EAGAIN: CUE_HOOKS_MAX still running, dropped). */
int cue_kids_run(struct cue_kids *k, char *const argv[]);
void cue_kids_reap(struct cue_kids *k);
/* Children alive (not yet reaped), hooks dropped. */
size_t cue_kids_alive(const struct cue_kids *k);
int cue_kids_dropped(const struct cue_kids *k);
/* Ends every child: speech_ms and hook_ms of grace for those still
 * running, then SIGTERM to each one's process group, CUE_TERM_MS later
 * SIGKILL; reaps them all; frees k. */
void cue_kids_close(struct cue_kids *k, int64_t speech_ms, int64_t hook_ms);

/* Whether prog can be run: a path to an executable file, or a name found
 * so in $PATH. */
bool cue_findable(const char *prog);

/* Splits a command like sh does words (blanks; '...', "...", \ quote; no
 * expansion) into a NULL-terminated vector in one allocation (free it).
 * NULL when empty, unbalanced or out of memory. */
char **cue_words(const char *cmd);

#endif
