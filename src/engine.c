/* engine — the session state machine over a plan.
 *
 * Time. Session time t ("play time") is derived, never accumulated:
 *     t = now - start - paused
 * where paused is the sum of finished pauses plus the running one (a 3-2-1
 * lead-in after a resume counts as paused). Nothing adds up tick intervals.
 *
 * Position. The engine keeps the current segment, the session time it
 * started (seg_t0) and the extensions granted to it (seg_ext). The segment
 * ends at seg_t0 + len + seg_ext, and the next one starts at exactly that
 * time, whenever the update that notices it comes. A self-paced WORK segment
 * has no end in time: it ends at the session time of the rep_done that ends
 * it. Skip and back start their target segment at the session time of the
 * command. So every segment start is the plan's start time shifted by the
 * pauses, extensions, self-paced over/underruns, skips and backs before it,
 * exactly, to the millisecond.
 *
 * The const queries (engine_state, engine_ms_until_change, engine_summary)
 * walk forward from the last processed position to `now` without changing
 * anything, so they are right even when no update came in between.
 *
 * Ticks. ENGINE_TICK k (3, 2, 1) fires when the countdown
 * ceil(remaining / 1000) turns to k, i.e. at remaining == k * 1000 exactly,
 * for timed segments longer than k seconds (a 3 s segment shows 3 from its
 * start and ticks 2 and 1). An extension that pushes the countdown back
 * above 3 lets the ticks fire again.
 *
 * Display. The countdown is the one clock a front end wakes for: the shown
 * session clocks are sampled at its last turn (engine_shown_at), so they
 * change with it and engine_ms_until_change only has to find its next
 * turn. A self-paced rep has no countdown: its whole seconds since the
 * rep started take that place. */
#include "engine.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { ENGINE_RUN_DONE = 1, ENGINE_RUN_SKIPPED = 2 };

/* Events an update hands over before the array grows: a few per segment
 * it crosses (start, switch, exercise done, ticks). */
#define ENGINE_EVENTS_FIRST 16

_Static_assert(ROUTINE_MAX_STEPS <= UINT16_MAX && ROUTINE_MAX_PLAN_MS <= INT32_MAX,
	       "engine: run_of and suffix are too narrow for the routine's limits");

/* One routine step: its contiguous segments. */
struct engine_run {
	size_t first, end;
	bool exercise;
	unsigned char flags;
};

struct engine {
	const struct plan *plan;
	struct engine_run *runs;
	size_t n_runs;
	uint16_t *run_of;           /* run of each segment (a run is a step:
	                             * at most ROUTINE_MAX_STEPS) */
	int32_t *suffix;            /* planned ms from segment i on; n + 1
	                             * (a plan is within ROUTINE_MAX_PLAN_MS) */
	size_t step_count;

	int64_t start_ms, now_ms;   /* wall: start, latest now seen */
	int64_t paused_ms;          /* wall ms of finished pauses */
	int64_t pause_since, resume_at;
	bool pausing, leading_in;   /* leading_in: resumed, lead-in running */

	size_t seg;                 /* plan->n once finished */
	int64_t seg_t0, seg_ext;    /* session ms the segment started; extensions */
	int64_t step_t0;            /* session ms the current step was entered */
	int64_t t_done;             /* session ms processed up to */

	bool finished, quit;
	int64_t t_end;
	int64_t origin;             /* plan ms the session started at */
	int64_t stop_pos;           /* plan ms it ended at (engine_plan_pos) */

	int64_t extended_ms, skipped_ms;

	struct engine_event *ev;
	size_t ev_n, ev_cap, ev_handed;
};

/* A position: segment, the session ms it starts at, its length. */
struct engine_pos {
	size_t seg;
	int64_t t0, len;
};

/* ---- plan helpers ---------------------------------------------------- */

static int64_t engine_seg_len(const struct engine *e, size_t i)
{
	int64_t len = e->plan->seg[i].len_ms;
	return len > 0 ? len : 0;
}

static bool engine_self_paced(const struct engine *e, size_t i)
{
	return i < e->plan->n && e->plan->seg[i].self_paced &&
	       e->plan->seg[i].kind == SEG_WORK;
}

static size_t engine_count_runs(const struct plan *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->n; i = plan_step_end(p, i))
		n++;
	return n;
}

/* One run per routine step, with the step bounds the plan defines. */
static void engine_fill_runs(struct engine *e)
{
	const struct plan *p = e->plan;
	for (size_t i = 0, r = 0; i < p->n; r++) {
		size_t end = plan_step_end(p, i);
		/* A rest step's segment has no exercise. */
		e->runs[r] = (struct engine_run){ i, end, p->seg[i].exercise != NULL, 0 };
		for (; i < end; i++)
			e->run_of[i] = (uint16_t)r;
	}
	e->step_count = p->routine ? p->routine->n_steps
		      : p->n ? (size_t)p->seg[p->n - 1].step + 1 : 0;
	e->suffix[p->n] = 0;
	for (size_t i = p->n; i-- > 0;)
		e->suffix[i] = (int32_t)(e->suffix[i + 1] + engine_seg_len(e, i));
}

/* Whether the indices' narrow types hold e's plan: its runs and its
 * total (what engine_fill_runs sums into suffix). */
static bool engine_fits(const struct engine *e)
{
	int64_t total = 0;
	for (size_t i = 0; i < e->plan->n; i++)
		total += engine_seg_len(e, i);
	return e->n_runs <= UINT16_MAX && total <= INT32_MAX;
}

static int engine_index(struct engine *e)
{
	size_t n = e->plan->n;
	e->n_runs = engine_count_runs(e->plan);
	if (!engine_fits(e))
		return -1;
	e->runs = calloc(e->n_runs + 1, sizeof *e->runs);
	e->run_of = calloc(n + 1, sizeof *e->run_of);
	e->suffix = calloc(n + 1, sizeof *e->suffix);
	if (!e->runs || !e->run_of || !e->suffix)
		return -1;
	engine_fill_runs(e);
	return 0;
}

/* The next (or previous) exercise run from r; n_runs when none. */
static size_t engine_next_exercise_run(const struct engine *e, size_t r)
{
	for (size_t k = r + 1; k < e->n_runs; k++)
		if (e->runs[k].exercise)
			return k;
	return e->n_runs;
}

static size_t engine_prev_exercise_run(const struct engine *e, size_t r)
{
	for (size_t k = r; k-- > 0;)
		if (e->runs[k].exercise)
			return k;
	return e->n_runs;
}

/* ---- time and position ---------------------------------------------- */

static int64_t engine_clamp(const struct engine *e, int64_t now)
{
	return now < e->now_ms ? e->now_ms : now;
}

/* Wall ms spent paused up to now (lead-ins included). */
static int64_t engine_paused_at(const struct engine *e, int64_t now)
{
	int64_t p = e->paused_ms;
	if (e->pausing && !e->finished) {
		int64_t end = now;
		if (e->leading_in && end > e->resume_at)
			end = e->resume_at;
		p += end - e->pause_since;
	}
	return p;
}

static int64_t engine_time(const struct engine *e, int64_t now)
{
	if (e->finished)
		return e->t_end;
	now = engine_clamp(e, now);
	return now - e->start_ms - engine_paused_at(e, now);
}

static struct engine_pos engine_current(const struct engine *e)
{
	if (e->finished)
		return (struct engine_pos){ e->plan->n, e->t_end, 0 };
	return (struct engine_pos){ e->seg, e->seg_t0,
				    engine_seg_len(e, e->seg) + e->seg_ext };
}

/* Where session time t falls, walking on from the processed position. */
static struct engine_pos engine_locate(const struct engine *e, int64_t t)
{
	struct engine_pos p = engine_current(e);
	while (p.seg < e->plan->n && !engine_self_paced(e, p.seg) &&
	       t >= p.t0 + p.len) {
		p.t0 += p.len;
		p.seg++;
		p.len = p.seg < e->plan->n ? engine_seg_len(e, p.seg) : 0;
	}
	return p;
}

/* Planned ms left at t: the rest of p's segment (0 once a self-paced rep
 * overruns its tempo) and every later segment. */
static int64_t engine_remaining(const struct engine *e, struct engine_pos p,
				int64_t t)
{
	if (p.seg >= e->plan->n)
		return 0;
	int64_t cur = p.t0 + p.len - t;
	return (cur > 0 ? cur : 0) + e->suffix[p.seg + 1];
}

/* The plan's time at session time t in p: the segment's planned start
 * and the time into it, at most its planned length. */
static int64_t engine_plan_pos(const struct engine *e, struct engine_pos p,
			       int64_t t)
{
	if (p.seg >= e->plan->n)
		return e->suffix[0];
	int64_t in = t - p.t0, len = engine_seg_len(e, p.seg);
	return e->plan->seg[p.seg].start_ms + (in < 0 ? 0 : in > len ? len : in);
}

/* ---- events ---------------------------------------------------------- */

static bool engine_grow(struct engine *e)
{
	size_t cap = e->ev_cap ? e->ev_cap * 2 : ENGINE_EVENTS_FIRST;
	struct engine_event *v = realloc(e->ev, cap * sizeof *v);
	if (!v)
		return false;
	e->ev = v;
	e->ev_cap = cap;
	return true;
}

/* Out of memory drops the event: the position stays right regardless. */
static void engine_push(struct engine *e, enum engine_event_kind kind,
			size_t seg, int value, int64_t at)
{
	if (e->ev_n == e->ev_cap && !engine_grow(e))
		return;
	e->ev[e->ev_n++] = (struct engine_event){ kind, seg, value, at };
}

static void engine_drop_handed(struct engine *e)
{
	size_t keep = e->ev_n - e->ev_handed;
	if (e->ev_handed && keep)
		memmove(e->ev, e->ev + e->ev_handed, keep * sizeof *e->ev);
	e->ev_n = keep;
	e->ev_handed = 0;
}

/* ---- moving ---------------------------------------------------------- */

static void engine_finish(struct engine *e, int64_t at, bool quit)
{
	e->stop_pos = quit ? engine_plan_pos(e, engine_current(e), at) : e->suffix[0];
	if (e->pausing)
		e->paused_ms = engine_paused_at(e, e->now_ms);
	e->pausing = e->leading_in = false;
	e->finished = true;
	e->quit = quit;
	e->t_end = e->t_done = at;
	e->seg = e->plan->n;
	e->seg_ext = 0;
	engine_push(e, ENGINE_FINISHED, e->plan->n, 0, at);
}

static void engine_enter(struct engine *e, size_t i, int64_t at, bool new_step)
{
	const struct segment *s = &e->plan->seg[i];
	e->seg = i;
	e->seg_t0 = e->t_done = at;
	e->seg_ext = 0;
	if (new_step)
		e->step_t0 = at;
	engine_push(e, ENGINE_SEGMENT_START, i, 0, at);
	if (s->kind == SEG_SWITCH)
		engine_push(e, ENGINE_SIDE_SWITCH, i, 0, at);
	else if (s->kind == SEG_REST && e->runs[e->run_of[i]].exercise)
		engine_push(e, ENGINE_SET_REST, i, 0, at);
}

/* The current segment ended at session time at: on to the next one. */
static void engine_seg_end(struct engine *e, int64_t at)
{
	size_t i = e->seg;
	struct engine_run *r = &e->runs[e->run_of[i]];
	if (i + 1 == r->end && r->exercise) {
		r->flags |= ENGINE_RUN_DONE;
		engine_push(e, ENGINE_EXERCISE_DONE, i, 0, at);
	}
	if (i + 1 == e->plan->n)
		engine_finish(e, at, false);
	else
		engine_enter(e, i + 1, at,
			     e->run_of[i + 1] != e->run_of[i]);
}

static void engine_ticks(struct engine *e, int64_t end, int64_t upto)
{
	for (int k = 3; k >= 1; k--) {
		int64_t at = end - (int64_t)k * 1000;
		if (at > e->t_done && at <= upto)
			engine_push(e, ENGINE_TICK, e->seg, k, at);
	}
}

/* Processes every segment boundary and tick up to session time t. */
static void engine_advance(struct engine *e, int64_t t)
{
	while (!e->finished && !engine_self_paced(e, e->seg)) {
		int64_t end = e->seg_t0 + engine_seg_len(e, e->seg) + e->seg_ext;
		engine_ticks(e, end, t < end ? t : end);
		if (t < end)
			break;
		engine_seg_end(e, end);
	}
	if (!e->finished && t > e->t_done)
		e->t_done = t;
}

static void engine_end_lead_in(struct engine *e)
{
	e->paused_ms += e->resume_at - e->pause_since;
	e->pausing = e->leading_in = false;
	engine_push(e, ENGINE_RESUMED, e->seg, 0,
		    e->resume_at - e->start_ms - e->paused_ms);
}

/* Brings the engine up to now: every command starts here. */
static void engine_sync(struct engine *e, int64_t now)
{
	if (now > e->now_ms)
		e->now_ms = now;
	if (e->finished)
		return;
	if (e->leading_in && e->now_ms >= e->resume_at)
		engine_end_lead_in(e);
	engine_advance(e, engine_time(e, e->now_ms));
}

/* ---- life cycle ------------------------------------------------------ */

void engine_free(struct engine *e)
{
	if (!e)
		return;
	free(e->runs);
	free(e->run_of);
	free(e->suffix);
	free(e->ev);
	free(e);
}

struct engine *engine_start(const struct plan *plan, int64_t now_ms)
{
	return engine_start_at(plan, now_ms, 0);
}

struct engine *engine_start_at(const struct plan *plan, int64_t now_ms,
			       int64_t at_ms)
{
	struct engine *e = calloc(1, sizeof *e);
	if (!e)
		return NULL;
	e->plan = plan;
	if (engine_index(e) != 0 || !engine_grow(e)) {
		engine_free(e);
		return NULL;
	}
	size_t i = plan_seg_at(plan, at_ms < 0 ? 0 : at_ms);
	e->origin = i < plan->n && at_ms > 0 ? at_ms : 0;
	e->start_ms = now_ms - e->origin;   /* session time starts at origin */
	e->now_ms = now_ms;
	if (i >= plan->n) {
		engine_finish(e, 0, false);
		return e;
	}
	engine_enter(e, i, plan->seg[i].start_ms, true);
	e->step_t0 = plan->seg[e->runs[e->run_of[i]].first].start_ms;
	e->t_done = e->origin;
	if (e->origin > plan->seg[i].start_ms) {   /* inside it: lead in */
		e->pausing = e->leading_in = true;
		e->pause_since = now_ms;
		e->resume_at = now_ms + ENGINE_RESUME_MS;
	}
	return e;
}

size_t engine_update(struct engine *e, int64_t now_ms,
		     const struct engine_event **events)
{
	engine_drop_handed(e);
	engine_sync(e, now_ms);
	e->ev_handed = e->ev_n;
	*events = e->ev;
	return e->ev_n;
}

/* ---- queries --------------------------------------------------------- */

static int64_t engine_ceil_s(int64_t ms)
{
	return ms <= 0 ? 0 : (ms + 999) / 1000;
}

/* Session time the display last changed at on its own (see engine.h): the
 * start of p, or the last whole-second turn of its countdown at t; on a
 * self-paced rep, the last whole second since the rep started. */
static int64_t engine_shown_at(const struct engine *e, struct engine_pos p,
			       int64_t t)
{
	if (engine_self_paced(e, p.seg))
		return p.t0 + (t - p.t0) / 1000 * 1000;
	int64_t end = p.t0 + p.len;
	int64_t at = end - engine_ceil_s(end - t) * 1000;
	return at > p.t0 ? at : p.t0;
}

static void engine_state_done(const struct engine *e, struct engine_pos p,
			      struct engine_state *out)
{
	out->seg_index = e->plan->n;
	out->step_index = e->step_count;
	out->elapsed_ms = out->total_ms = p.t0;
	out->shown_elapsed_s = p.t0 / 1000;
	out->finished = true;
	out->quit = e->quit;
}

static void engine_state_pause(const struct engine *e, int64_t now,
			       struct engine_state *out)
{
	bool lead = e->leading_in && now < e->resume_at;
	out->paused = e->pausing && !e->leading_in;
	out->resume_in_ms = lead ? e->resume_at - now : 0;
}

void engine_state(const struct engine *e, int64_t now_ms,
		  struct engine_state *out)
{
	memset(out, 0, sizeof *out);
	int64_t now = engine_clamp(e, now_ms);
	int64_t t = engine_time(e, now);
	struct engine_pos p = engine_locate(e, t);
	out->step_count = e->step_count;
	if (p.seg >= e->plan->n) {
		engine_state_done(e, p, out);
		return;
	}
	const struct segment *s = &e->plan->seg[p.seg];
	out->seg = s;
	out->seg_index = p.seg;
	out->seg_len_ms = p.len;
	out->seg_elapsed_ms = t - p.t0;
	out->seg_remaining_ms = p.len > t - p.t0 ? p.len - (t - p.t0) : 0;
	out->step_index = s->step;
	out->elapsed_ms = t;
	out->remaining_ms = engine_remaining(e, p, t);
	out->total_ms = t + out->remaining_ms;
	int64_t at = engine_shown_at(e, p, t);
	out->shown_elapsed_s = at / 1000;
	out->shown_remaining_s = engine_ceil_s(engine_remaining(e, p, at));
	engine_state_pause(e, now, out);
}

/* ms until a display of ms counting down in whole seconds (ceil) changes. */
static int64_t engine_to_next_second(int64_t ms)
{
	return (ms - 1) % 1000 + 1;
}

int64_t engine_ms_until_change(const struct engine *e, int64_t now_ms)
{
	if (e->finished)
		return -1;
	int64_t now = engine_clamp(e, now_ms);
	if (e->pausing && !e->leading_in)
		return -1;
	if (e->leading_in && now < e->resume_at)
		return engine_to_next_second(e->resume_at - now);
	int64_t t = engine_time(e, now);
	struct engine_pos p = engine_locate(e, t);
	if (p.seg != e->seg || e->leading_in)
		return 1;     /* a change is already due: update now */
	if (engine_self_paced(e, p.seg))   /* the clocks' next second */
		return 1000 - (t - p.t0) % 1000;
	/* The countdown's next turn; its last one is the segment's end. */
	return engine_to_next_second(p.t0 + p.len - t);
}

static void engine_summary_steps(const struct engine *e, struct engine_pos p,
				 struct engine_summary *out)
{
	for (size_t r = 0; r < e->n_runs; r++) {
		const struct engine_run *run = &e->runs[r];
		if (!run->exercise)
			continue;
		/* Steps a late query walked past, not yet processed. */
		bool passed = run->end > e->seg && run->end <= p.seg;
		bool done = (run->flags & ENGINE_RUN_DONE) || passed;
		out->exercises_total++;
		out->exercises_done += done;
		out->exercises_skipped +=
			!done && (run->flags & ENGINE_RUN_SKIPPED);
	}
}

void engine_summary(const struct engine *e, int64_t now_ms,
		    struct engine_summary *out)
{
	memset(out, 0, sizeof *out);
	int64_t now = engine_clamp(e, now_ms);
	int64_t t = engine_time(e, now);
	struct engine_pos p = engine_locate(e, t);
	bool end = p.seg >= e->plan->n;
	out->planned_ms = e->suffix[0];
	out->done_ms = (end ? p.t0 : t) - e->origin;
	out->began_ms = e->origin;
	out->stopped_ms = e->finished ? e->stop_pos : engine_plan_pos(e, p, t);
	out->paused_ms = engine_paused_at(e, now);
	out->extended_ms = e->extended_ms;
	out->skipped_ms = e->skipped_ms;
	engine_summary_steps(e, p, out);
	out->completed = end && !e->quit;
}

/* ---- commands -------------------------------------------------------- */

void engine_pause(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished || (e->pausing && !e->leading_in))
		return;
	if (!e->pausing) {
		e->pausing = true;
		e->pause_since = e->now_ms;
	}
	e->leading_in = false;   /* pause during the lead-in: paused again */
	engine_push(e, ENGINE_PAUSED, e->seg, 0, engine_time(e, e->now_ms));
}

void engine_resume(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished || !e->pausing || e->leading_in)
		return;
	e->leading_in = true;
	e->resume_at = e->now_ms + ENGINE_RESUME_MS;
}

void engine_toggle_pause(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->pausing && !e->leading_in)
		engine_resume(e, now_ms);
	else
		engine_pause(e, now_ms);
}

void engine_skip(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished)
		return;
	int64_t t = engine_time(e, e->now_ms);
	int64_t before = engine_remaining(e, engine_current(e), t);
	size_t r = e->run_of[e->seg];
	if (e->runs[r].exercise && !(e->runs[r].flags & ENGINE_RUN_DONE))
		e->runs[r].flags |= ENGINE_RUN_SKIPPED;
	engine_push(e, ENGINE_SKIPPED, e->seg, 0, t);
	size_t to = engine_next_exercise_run(e, r);
	if (to == e->n_runs) {
		e->skipped_ms += before;
		engine_finish(e, t, false);
		return;
	}
	engine_enter(e, e->runs[to].first, t, true);
	e->skipped_ms += before - engine_remaining(e, engine_current(e), t);
	engine_advance(e, t);
}

void engine_back(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished)
		return;
	int64_t t = engine_time(e, e->now_ms);
	size_t r = e->run_of[e->seg], to = r;
	if (!e->runs[r].exercise || t - e->step_t0 < ENGINE_BACK_GRACE_MS) {
		size_t prev = engine_prev_exercise_run(e, r);
		if (prev < e->n_runs)
			to = prev;
	}
	engine_enter(e, e->runs[to].first, t, true);
	engine_advance(e, t);
}

/* Changes the current segment's extension by d (see engine.h). */
static void engine_add_ext(struct engine *e, int64_t d)
{
	e->seg_ext += d;
	e->extended_ms += d;
}

void engine_extend(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished || engine_self_paced(e, e->seg))
		return;
	int64_t room = ENGINE_EXTEND_MAX_MS - e->seg_ext;
	if (room > 0)
		engine_add_ext(e, room < ENGINE_EXTEND_MS ? room : ENGINE_EXTEND_MS);
}

void engine_unextend(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished || engine_self_paced(e, e->seg) || e->seg_ext <= 0)
		return;
	/* The least extension that still leaves ENGINE_UNEXTEND_LEFT_MS to
	 * go, in whole seconds. */
	int64_t t = engine_time(e, e->now_ms);
	int64_t need = t + ENGINE_UNEXTEND_LEFT_MS - e->seg_t0 - engine_seg_len(e, e->seg);
	need = engine_ceil_s(need) * 1000;
	int64_t ext = e->seg_ext - ENGINE_EXTEND_MS;
	if (ext < need)
		ext = need;
	if (ext < e->seg_ext)
		engine_add_ext(e, ext - e->seg_ext);
}

void engine_rep_done(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished || e->pausing || !engine_self_paced(e, e->seg))
		return;
	int64_t t = engine_time(e, e->now_ms);
	engine_seg_end(e, t);
	engine_advance(e, t);
}

void engine_quit(struct engine *e, int64_t now_ms)
{
	engine_sync(e, now_ms);
	if (e->finished)
		return;
	engine_finish(e, engine_time(e, e->now_ms), true);
}
