/* libFuzzer harness: an engine session driven by bytes.
 *
 * Input. With a NUL byte: the bytes before it are a routine (YAML, loaded
 * against the built-in test library), the bytes after it the commands.
 * Without: the first bytes build a small routine directly (1 to 6 steps of
 * holds, reps with 0 to 3 phases, self-paced or not, rests, 0 to 3 sides,
 * 1 to 3 sets, transitions of 0 or 0.5 s to 5.3 s, within the loader's
 * rules) and the rest are the commands. A command byte:
 *     0xff quit, 0xfe unextend; else by byte % 10: 0 pause, 1 resume, 2 toggle, 3 skip,
 *     4 back, 5 extend, 6 rep_done, 7 wait (next byte) ms, 8 wait (next
 *     byte) * 100 ms, 9 wait as a front end does (engine_ms_until_change,
 *     1 s when it says -1).
 * When the commands run out, the session is played to its end (resume,
 * rep_done, jump to the end) and must finish.
 *
 * After every command (fuzz_check), before and after engine_update:
 *   - the const queries before the update agree with those after it;
 *   - the position is within the plan (segment and step indexes, the
 *     segment's own time), elapsed + remaining == total, remaining is the
 *     rest of the segment plus the planned later ones, elapsed never goes
 *     back, done + paused == wall time since the start;
 *   - events come out in session-time order, nothing after FINISHED;
 *   - engine_ms_until_change keeps engine.h's contract: -1 when paused,
 *     waiting for a self-paced rep or done, else 1..1000, and nothing a
 *     front end shows changes before it is due.
 * A violation aborts (FUZZ_ASSERT). */
#include "fuzz_common.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

#define FZ_STEPS  6
#define FZ_PHASES 3
#define FZ_T0     1000000     /* wall ms the session starts at */

struct fz_in {
	const uint8_t *p;
	size_t n;
};

/* A routine built from bytes, in place: no arena needed. */
struct fz_routine {
	struct routine r;
	struct step steps[FZ_STEPS];
	struct exercise ex[FZ_STEPS];
	struct phase phases[FZ_STEPS][FZ_PHASES];
	const char *sides[ROUTINE_MAX_SIDES];
};

struct fz_run {
	struct engine *e;
	const struct plan *p;
	int64_t *later;             /* planned ms after segment i; n + 1 */
	int64_t now;
	int64_t last_elapsed, last_at, last_paused;
	bool finished_seen, quit_sent, skip_sent;
};

/* ---- bytes ---------------------------------------------------------- */

static unsigned fz_byte(struct fz_in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static int64_t fz_ms(struct fz_in *in)   /* a duration: 0.5 s .. 8 s */
{
	unsigned hi = fz_byte(in), lo = fz_byte(in);
	return 500 + (int64_t)((hi << 8 | lo) % 7500);
}

static int64_t fz_transition(struct fz_in *in)   /* 0 or 0.5 s .. 5.3 s */
{
	unsigned b = fz_byte(in);
	return b < 64 ? 0 : 500 + (int64_t)(b - 64) * 25;
}

/* ---- a routine from bytes ------------------------------------------- */

static void fz_reps(struct fz_in *in, struct step *s, struct exercise *x,
		    struct phase *ph, unsigned b)
{
	unsigned m = fz_byte(in);
	s->reps = 1 + (int)(b / 36 % 4);
	x->n_phases = m % (FZ_PHASES + 1);
	x->phases = ph;
	for (size_t i = 0; i < x->n_phases; i++)
		ph[i] = (struct phase){ "cue", fz_ms(in) };
	s->self_paced = (m & 4) != 0;
	if (x->n_phases == 0 || s->self_paced)
		s->tempo_ms = fz_ms(in);
}

static void fz_step(struct fz_in *in, struct fz_routine *g, size_t i)
{
	struct step *s = &g->steps[i];
	struct exercise *x = &g->ex[i];
	unsigned b = fz_byte(in);
	*x = (struct exercise){ .name = "fuzz" };
	*s = (struct step){ .sets = 1 + (int)(b / 3 % 3) };
	if (b % 3 == 2) {
		s->kind = STEP_REST;
		s->rest_ms = fz_ms(in);
		return;
	}
	s->exercise = x;
	s->sides = (struct strlist){ g->sides, b / 9 % 4 };
	s->get_ready_ms = fz_transition(in);
	s->switch_ms = fz_transition(in);
	s->set_rest_ms = fz_transition(in);
	s->kind = b % 3 == 0 ? STEP_HOLD : STEP_REPS;
	if (s->kind == STEP_HOLD)
		s->hold_ms = fz_ms(in);
	else
		fz_reps(in, s, x, g->phases[i], b);
}

static void fz_routine_build(struct fz_in *in, struct fz_routine *g)
{
	static const char *const labels[ROUTINE_MAX_SIDES] = {
		"left", "right", "third", "fourth"
	};
	memset(g, 0, sizeof *g);
	memcpy(g->sides, labels, sizeof labels);
	g->r.name = "fuzz";
	g->r.steps = g->steps;
	g->r.n_steps = 1 + fz_byte(in) % FZ_STEPS;
	for (size_t i = 0; i < g->r.n_steps; i++)
		fz_step(in, g, i);
}

/* ---- invariants ----------------------------------------------------- */

static int64_t fz_ceil_s(int64_t ms)
{
	return ms <= 0 ? 0 : (ms + 999) / 1000;
}

/* The two states agree on everything (const queries vs processed). */
static void fz_same_state(const struct engine_state *a,
			  const struct engine_state *b)
{
	FUZZ_ASSERT(a->seg == b->seg && a->seg_index == b->seg_index);
	FUZZ_ASSERT(a->seg_len_ms == b->seg_len_ms);
	FUZZ_ASSERT(a->seg_remaining_ms == b->seg_remaining_ms);
	FUZZ_ASSERT(a->seg_elapsed_ms == b->seg_elapsed_ms);
	FUZZ_ASSERT(a->step_index == b->step_index);
	FUZZ_ASSERT(a->step_count == b->step_count);
	FUZZ_ASSERT(a->elapsed_ms == b->elapsed_ms);
	FUZZ_ASSERT(a->remaining_ms == b->remaining_ms);
	FUZZ_ASSERT(a->total_ms == b->total_ms);
	FUZZ_ASSERT(a->paused == b->paused);
	FUZZ_ASSERT(a->resume_in_ms == b->resume_in_ms);
	FUZZ_ASSERT(a->finished == b->finished && a->quit == b->quit);
	FUZZ_ASSERT(a->shown_elapsed_s == b->shown_elapsed_s);
	FUZZ_ASSERT(a->shown_remaining_s == b->shown_remaining_s);
}

/* A self-paced rep waits for its key. */
static bool fz_waiting_rep(const struct engine_state *st)
{
	return st->seg && st->seg->self_paced;
}

/* What a front end shows is the same in both. */
static bool fz_same_display(const struct engine_state *a,
			    const struct engine_state *b)
{
	/* a waiting self-paced rep shows its number, not its tempo's countdown */
	bool countdown = !fz_waiting_rep(a) || !fz_waiting_rep(b);
	return a->seg_index == b->seg_index &&
	       (!countdown ||
		fz_ceil_s(a->seg_remaining_ms) == fz_ceil_s(b->seg_remaining_ms)) &&
	       a->shown_elapsed_s == b->shown_elapsed_s &&
	       a->shown_remaining_s == b->shown_remaining_s &&
	       fz_ceil_s(a->resume_in_ms) == fz_ceil_s(b->resume_in_ms) &&
	       a->paused == b->paused && fz_waiting_rep(a) == fz_waiting_rep(b) &&
	       a->finished == b->finished;
}

static void fz_check_done(const struct fz_run *run,
			  const struct engine_state *st)
{
	FUZZ_ASSERT(st->seg == NULL && st->seg_index == run->p->n);
	FUZZ_ASSERT(st->step_index == st->step_count);
	FUZZ_ASSERT(st->remaining_ms == 0 && st->total_ms == st->elapsed_ms);
	FUZZ_ASSERT(st->shown_elapsed_s == st->elapsed_ms / 1000);
	FUZZ_ASSERT(st->shown_remaining_s == 0);
	FUZZ_ASSERT(!st->paused && st->resume_in_ms == 0);
	FUZZ_ASSERT(st->quit == run->quit_sent);
}

/* The segment's own clock, and the session's against the plan. */
static void fz_check_segment(const struct fz_run *run,
			     const struct engine_state *st)
{
	const struct plan *p = run->p;
	const struct segment *s = st->seg;
	FUZZ_ASSERT(st->seg_index < p->n && s == &p->seg[st->seg_index]);
	FUZZ_ASSERT(st->step_index == s->step);
	FUZZ_ASSERT(st->step_index < st->step_count);
	int64_t ext = st->seg_len_ms - s->len_ms;
	FUZZ_ASSERT(ext >= 0 && ext % 1000 == 0 && ext <= ENGINE_EXTEND_MAX_MS);
	FUZZ_ASSERT(!s->self_paced || ext == 0);
	FUZZ_ASSERT(st->seg_elapsed_ms >= 0 && st->seg_remaining_ms >= 0);
	if (!s->self_paced)
		FUZZ_ASSERT(st->seg_elapsed_ms + st->seg_remaining_ms ==
			    st->seg_len_ms && st->seg_remaining_ms > 0);
	FUZZ_ASSERT(st->remaining_ms ==
		    st->seg_remaining_ms + run->later[st->seg_index]);
	FUZZ_ASSERT(st->shown_elapsed_s * 1000 <= st->elapsed_ms);
	FUZZ_ASSERT(st->shown_remaining_s >= fz_ceil_s(st->remaining_ms));
	FUZZ_ASSERT(s->self_paced ||
		    st->shown_elapsed_s >= (st->elapsed_ms - 999) / 1000);
	FUZZ_ASSERT(!st->paused || st->resume_in_ms == 0);
	FUZZ_ASSERT(st->resume_in_ms >= 0 &&
		    st->resume_in_ms <= ENGINE_RESUME_MS);
	FUZZ_ASSERT(!run->quit_sent);
}

static void fz_check_state(struct fz_run *run, const struct engine_state *st)
{
	FUZZ_ASSERT(st->elapsed_ms >= run->last_elapsed);
	FUZZ_ASSERT(st->total_ms == st->elapsed_ms + st->remaining_ms);
	FUZZ_ASSERT(st->step_count == run->p->routine->n_steps);
	FUZZ_ASSERT(st->finished == (st->seg == NULL));
	if (st->finished)
		fz_check_done(run, st);
	else
		fz_check_segment(run, st);
	run->last_elapsed = st->elapsed_ms;
}

static void fz_check_event(struct fz_run *run, const struct engine_event *v,
			   const struct engine_state *st)
{
	const struct plan *p = run->p;
	FUZZ_ASSERT(!run->finished_seen);
	FUZZ_ASSERT(v->at_ms >= run->last_at && v->at_ms <= st->elapsed_ms);
	run->last_at = v->at_ms;
	if (v->kind == ENGINE_FINISHED) {
		FUZZ_ASSERT(v->seg == p->n && st->finished);
		run->finished_seen = true;
		return;
	}
	FUZZ_ASSERT(v->seg < p->n);
	if (v->kind == ENGINE_TICK)
		FUZZ_ASSERT(v->value >= 1 && v->value <= 3 &&
			    !p->seg[v->seg].self_paced);
	if (v->kind == ENGINE_SIDE_SWITCH)
		FUZZ_ASSERT(p->seg[v->seg].kind == SEG_SWITCH);
	if (v->kind == ENGINE_SET_REST)
		FUZZ_ASSERT(p->seg[v->seg].kind == SEG_REST &&
			    p->seg[v->seg].exercise != NULL);
}

static void fz_check_summary(const struct fz_run *run,
			     const struct engine_state *st)
{
	struct engine_summary s;
	engine_summary(run->e, run->now, &s);
	FUZZ_ASSERT(s.planned_ms == run->p->total_ms);
	FUZZ_ASSERT(s.done_ms == st->elapsed_ms);
	FUZZ_ASSERT(s.paused_ms >= run->last_paused);
	FUZZ_ASSERT(st->finished ||
		    s.done_ms + s.paused_ms == run->now - FZ_T0);
	FUZZ_ASSERT(s.extended_ms >= 0 && s.extended_ms % 1000 == 0);
	FUZZ_ASSERT(s.skipped_ms >= 0);
	FUZZ_ASSERT(s.exercises_done + s.exercises_skipped <= s.exercises_total);
	FUZZ_ASSERT(s.completed == (st->finished && !st->quit));
	FUZZ_ASSERT(!s.completed || run->skip_sent ||
		    s.exercises_done == s.exercises_total);
}

/* engine.h's wake contract, on a processed engine. */
static void fz_check_wake(const struct fz_run *run,
			  const struct engine_state *st)
{
	int64_t ms = engine_ms_until_change(run->e, run->now);
	bool idle = st->finished || st->paused;
	if (idle) {
		FUZZ_ASSERT(ms == -1);
		return;
	}
	FUZZ_ASSERT(ms >= 1 && ms <= 1000);
	struct engine_state before, at;
	engine_state(run->e, run->now + ms - 1, &before);
	engine_state(run->e, run->now + ms, &at);
	FUZZ_ASSERT(fz_same_display(st, &before));
	FUZZ_ASSERT(!fz_same_display(st, &at));
}

static void fz_check(struct fz_run *run)
{
	struct engine_state pre, st;
	engine_state(run->e, run->now, &pre);
	int64_t ms_pre = engine_ms_until_change(run->e, run->now);
	const struct engine_event *ev;
	size_t n = engine_update(run->e, run->now, &ev);
	engine_state(run->e, run->now, &st);
	fz_same_state(&pre, &st);
	fz_check_state(run, &st);
	for (size_t i = 0; i < n; i++)
		fz_check_event(run, &ev[i], &st);
	FUZZ_ASSERT(st.finished == run->finished_seen);
	FUZZ_ASSERT(ms_pre == 1 ||
		    ms_pre == engine_ms_until_change(run->e, run->now));
	fz_check_summary(run, &st);
	fz_check_wake(run, &st);
	struct engine_summary s;
	engine_summary(run->e, run->now, &s);
	run->last_paused = s.paused_ms;
}

/* ---- commands ------------------------------------------------------- */

static void fz_wait(struct fz_run *run, int64_t ms)
{
	run->now += ms;
}

static void fz_command(struct fz_run *run, unsigned op, struct fz_in *in)
{
	struct engine *e = run->e;
	struct engine_state st;
	engine_state(e, run->now, &st);
	if (op == 0xff) {
		run->quit_sent = run->quit_sent || !st.finished;
		engine_quit(e, run->now);
		return;
	}
	if (op == 0xfe) {
		engine_unextend(e, run->now);
		return;
	}
	switch (op % 10) {
	case 0: engine_pause(e, run->now); break;
	case 1: engine_resume(e, run->now); break;
	case 2: engine_toggle_pause(e, run->now); break;
	case 3: run->skip_sent = true; engine_skip(e, run->now); break;
	case 4: engine_back(e, run->now); break;
	case 5: engine_extend(e, run->now); break;
	case 6: engine_rep_done(e, run->now); break;
	case 7: fz_wait(run, fz_byte(in)); break;
	case 8: fz_wait(run, (int64_t)fz_byte(in) * 100); break;
	default: {
		int64_t ms = engine_ms_until_change(e, run->now);
		fz_wait(run, ms > 0 ? ms : 1000);
	}
	}
}

/* Plays what is left to the end, as a patient user would: each round
 * resumes, waits out a lead-in, ends a rep or jumps to the end. */
static void fz_drive(struct fz_run *run)
{
	struct engine_state st;
	for (size_t i = 0; i < 3 * run->p->n + 16; i++) {
		engine_state(run->e, run->now, &st);
		if (st.finished)
			return;
		if (st.paused)
			engine_resume(run->e, run->now);
		else if (st.resume_in_ms > 0)
			fz_wait(run, st.resume_in_ms);
		else if (fz_waiting_rep(&st))
			engine_rep_done(run->e, run->now);
		else
			fz_wait(run, st.remaining_ms > 0 ? st.remaining_ms : 1);
		fz_check(run);
	}
	fuzz_fail("the session did not finish", __FILE__, __LINE__);
}

static void fz_session(const struct plan *p, struct fz_in *in)
{
	struct fz_run run = { .p = p, .now = FZ_T0 };
	run.later = malloc((p->n + 1) * sizeof *run.later);
	run.e = engine_start(p, FZ_T0);
	FUZZ_ASSERT(run.e != NULL && run.later != NULL);
	run.later[p->n] = 0;
	for (size_t i = p->n; i-- > 0;)
		run.later[i] = run.later[i + 1] +
			       (i + 1 < p->n ? p->seg[i + 1].len_ms : 0);
	fz_check(&run);
	while (in->n > 0) {
		fz_command(&run, fz_byte(in), in);
		fz_check(&run);
	}
	fz_drive(&run);
	engine_free(run.e);
	free(run.later);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	struct plan p;
	if (nul) {
		struct library lib;
		struct routine r;
		size_t len = (size_t)(nul - data);
		struct fz_in in = { nul + 1, size - len - 1 };
		fuzz_library(&lib);
		if (fuzz_routine((const char *)data, len, &lib, &r, &p) == 0) {
			fz_session(&p, &in);
			plan_free(&p);
		}
		routine_free(&r);
		library_free(&lib);
		return 0;
	}
	struct fz_routine g;
	struct fz_in in = { data, size };
	fz_routine_build(&in, &g);
	if (plan_build(&g.r, &p) == PLAN_OK) {
		fuzz_check_plan(&g.r, &p);
		fz_session(&p, &in);
	}
	plan_free(&p);
	return 0;
}
