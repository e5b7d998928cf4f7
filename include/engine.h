/* engine — a session: a position in a plan, moved by time and commands.
 * Never reads a clock (every call is handed `now`, monotonic ms) and never
 * draws. Positions are derived from the start time, the pauses and the
 * extensions, never by summing ticks, so a session cannot drift.
 *
 * Events are queued as they happen (on engine_update and on commands) and
 * handed out in order by engine_update; a late update still yields every
 * event it passed, in order. */
#ifndef STRETCHTUI_ENGINE_H
#define STRETCHTUI_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

#define ENGINE_EXTEND_MS     10000  /* '+' adds this to the current segment, */
#define ENGINE_EXTEND_MAX_MS 300000 /* up to this much per segment; '-' takes */
#define ENGINE_UNEXTEND_LEFT_MS 1000 /* ENGINE_EXTEND_MS back, keeping this to go */
#define ENGINE_BACK_GRACE_MS 3000   /* back within this goes to the previous exercise */
#define ENGINE_RESUME_MS     3000   /* 3-2-1 lead-in after a resume */

enum engine_event_kind {
	ENGINE_SEGMENT_START,   /* seg started */
	ENGINE_TICK,            /* one of the last 3 whole seconds of seg: value 3, 2, 1;
	                         * fires when ceil(remaining / 1000) turns to k (remaining
	                         * == k000 ms), so only in timed segments longer than k s */
	ENGINE_SIDE_SWITCH,     /* a SWITCH segment started */
	ENGINE_SET_REST,        /* a rest between sets started */
	ENGINE_EXERCISE_DONE,   /* the last segment of an exercise step ended */
	ENGINE_PAUSED,
	ENGINE_RESUMED,         /* the clock runs again (after the lead-in) */
	ENGINE_SKIPPED,         /* the rest of an exercise step was skipped */
	ENGINE_FINISHED,        /* the plan's end was reached (or quit) */
};

struct engine_event {
	enum engine_event_kind kind;
	size_t seg;             /* segment index (plan->n for FINISHED) */
	int value;              /* TICK: seconds left (3, 2, 1) */
	int64_t at_ms;          /* session time (ms of play, pauses excluded) */
};

struct engine_state {
	const struct segment *seg;   /* current segment; NULL once finished;
	                              * a seg->self_paced one waits for
	                              * engine_rep_done (the clocks still run,
	                              * see below) */
	size_t seg_index;
	int64_t seg_len_ms;          /* with extensions */
	int64_t seg_remaining_ms;    /* 0 once a self-paced rep passes its tempo */
	int64_t seg_elapsed_ms;      /* time into the segment (counts up; a
	                              * self-paced rep may pass seg_len_ms) */
	size_t step_index;           /* routine step of seg (0-based) */
	size_t step_count;
	int64_t elapsed_ms;          /* session time played, pauses excluded */
	int64_t remaining_ms;        /* planned time left, with extensions */
	int64_t total_ms;            /* elapsed + remaining */
	bool paused;                 /* false during the lead-in */
	int64_t resume_in_ms;        /* > 0 during the 3-2-1 lead-in */
	bool finished;
	bool quit;
	int64_t shown_elapsed_s;     /* the session clocks as shown, whole */
	int64_t shown_remaining_s;   /* seconds (the rule below) */
};

/* What a front end shows, and when it changes.
 *
 * The big countdown is ceil(seg_remaining_ms / 1000). The session clocks
 * are shown as they stood at the last time the display changed on its
 * own: session time
 *     at = max(segment start, segment end - countdown * 1000)
 * i.e. the segment's start or the countdown's last whole-second turn; on
 * a self-paced rep, which has no countdown, the last whole second since
 * the rep started (start + floor((t - start) / 1000) * 1000); and
 *     shown_elapsed_s   = floor(at / 1000)
 *     shown_remaining_s = ceil(planned time left at `at` / 1000)
 * (at a countdown turn: the countdown plus ceil(planned ms of the later
 * segments / 1000)). So, on their own, they move once a second, when the
 * countdown (or a waiting rep's second) turns or a segment starts,
 * however fractional the session time is after a skip, back or extend;
 * never while paused or in the lead-in. While a self-paced rep waits,
 * elapsed keeps counting and remaining counts down through the rep's
 * tempo, then holds at the planned time of the later segments (a slow
 * rep makes the session longer, not the rest of it shorter). A command
 * moves them at once (skip, back, rep_done: `at` is the new segment's
 * start; extend: the same `at`, 10 s more to go). Once finished:
 * floor(elapsed) and 0. */

struct engine_summary {
	int64_t planned_ms;          /* the plan's total */
	int64_t done_ms;             /* time played (pauses excluded) */
	int64_t began_ms;            /* the plan time it started at (engine_start_at) */
	int64_t stopped_ms;          /* the plan time it stopped at (the plan's total
	                              * once completed): where a resume goes on */
	int64_t paused_ms;           /* paused, lead-ins included */
	int64_t extended_ms;
	int64_t skipped_ms;          /* planned time that was skipped */
	int exercises_total;         /* exercise steps in the plan */
	int exercises_done;          /* reached their end */
	int exercises_skipped;
	bool completed;              /* reached the end without quitting */
};

struct engine;                   /* opaque */

/* NULL when out of memory. plan must outlive the engine. */
struct engine *engine_start(const struct plan *plan, int64_t now_ms);
/* The same, from plan time at_ms on (--from, a resume): the segment it
 * falls in starts the session (its SEGMENT_START comes first), already
 * at_ms - its start into it. Session time (elapsed_ms) begins at at_ms,
 * so the clocks show the place in the plan; the summary's done_ms counts
 * only what this session played, and the steps before are neither done
 * nor skipped. Inside a segment (not at its start) it begins with the
 * ENGINE_RESUME_MS lead-in, as after a pause (ENGINE_RESUMED at its end).
 * An at_ms at or past the end starts a finished session. */
struct engine *engine_start_at(const struct plan *plan, int64_t now_ms,
			       int64_t at_ms);
void engine_free(struct engine *e);

/* Advances to now_ms; *events gets the events since the last call, in
 * order (valid until the next call on e). Returns their number. */
size_t engine_update(struct engine *e, int64_t now_ms,
		     const struct engine_event **events);

void engine_state(const struct engine *e, int64_t now_ms,
		  struct engine_state *out);

/* How long a front end may sleep before something it shows changes: the
 * next whole-second turn of the segment countdown (ceil), the segment's
 * end being its last one (the shown session clocks move with them, see
 * above); while a self-paced rep waits, the next whole second since it
 * started; during the lead-in, its next whole second. In 1..1000 while
 * running (1 when an update is already due); -1 when paused or done:
 * nothing in engine_state that a front end shows moves then. */
int64_t engine_ms_until_change(const struct engine *e, int64_t now_ms);

/* Commands. Each takes effect at now_ms; the events they cause come out of
 * the next engine_update. Nothing after the session finished or quit.
 * pause: also during the lead-in (paused again). resume: starts the
 *   ENGINE_RESUME_MS lead-in; ENGINE_RESUMED fires when it ends.
 * skip: the rest of this step and any rest steps after it, to the first
 *   segment of the next exercise step (the end when none); ENGINE_SKIPPED,
 *   the planned time left out goes into skipped_ms.
 * back: to this step's first segment (its prepare); within
 *   ENGINE_BACK_GRACE_MS of the step's start, or in a rest step, to the
 *   previous exercise step's first segment.
 * extend: +ENGINE_EXTEND_MS to the current timed segment (not to a
 *   self-paced rep), at most ENGINE_EXTEND_MAX_MS in all per segment (the
 *   last press may add less; at the cap, nothing).
 * unextend: takes back up to ENGINE_EXTEND_MS of the current segment's
 *   extension: never below its planned length (only what was added comes
 *   off), and never so much that less than ENGINE_UNEXTEND_LEFT_MS is left
 *   to go (the extension stays whole seconds, so the countdown keeps its
 *   rhythm; a segment with less than that left keeps its extension).
 *   extended_ms counts what is added, net.
 * rep_done: ends the current self-paced WORK segment (ignored elsewhere
 *   and while paused). */
void engine_pause(struct engine *e, int64_t now_ms);
void engine_resume(struct engine *e, int64_t now_ms);   /* with the lead-in */
void engine_toggle_pause(struct engine *e, int64_t now_ms);
void engine_skip(struct engine *e, int64_t now_ms);     /* to the next exercise step */
void engine_back(struct engine *e, int64_t now_ms);
void engine_extend(struct engine *e, int64_t now_ms);   /* +ENGINE_EXTEND_MS */
void engine_unextend(struct engine *e, int64_t now_ms); /* -ENGINE_EXTEND_MS */
void engine_rep_done(struct engine *e, int64_t now_ms);
void engine_quit(struct engine *e, int64_t now_ms);

void engine_summary(const struct engine *e, int64_t now_ms,
		    struct engine_summary *out);

#endif
