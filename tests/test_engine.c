/* Tests for engine: a session over hand-built plans on a fake clock.
 * Plans are laid out here the way the blueprint says (prepare, sets outer,
 * sides inner, switch / set rest between), independently of plan.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>

#include "diag.h"
#include "engine.h"
#include "loader.h"
#include "plan.h"

#define T0 5000000      /* wall ms the sessions start at */

static const struct exercise EX_A = { .name = "Foam roll" };
static const struct exercise EX_B = { .name = "Open book" };
static const struct exercise EX_C = { .name = "Squeeze" };
static const struct exercise EX_D = { .name = "Odd timings" };
static const struct exercise EX_E = { .name = "Neck hold" };

/* ---- a tiny PRNG (xorshift64*), state passed around ------------------ */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ULL;
}

static int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* ---- plan builder ---------------------------------------------------- */

struct tb {
	struct plan p;
	size_t cap, step;
};

struct tstep {
	const struct exercise *ex;  /* NULL: a rest step of `rest` */
	int64_t get_ready, hold, sw, set_rest, rest, tempo;
	const int64_t *phase;
	size_t n_phase;
	int reps, sides, sets;
	bool self_paced;
};

static struct segment *tb_push(struct tb *b, enum segment_kind kind,
			       int64_t len, const struct exercise *ex)
{
	if (b->p.n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->p.seg = realloc(b->p.seg, b->cap * sizeof *b->p.seg);
		assert_non_null(b->p.seg);
	}
	struct segment *s = &b->p.seg[b->p.n++];
	*s = (struct segment){ .kind = kind, .start_ms = (int32_t)b->p.total_ms,
			       .len_ms = (int32_t)len, .step = (uint16_t)b->step,
			       .exercise = ex, .side_i = 1, .side_n = 1, .set_i = 1,
			       .set_n = 1 };
	b->p.total_ms += len;
	return s;
}

static void tb_place(struct segment *s, const struct tstep *t, int set,
		     int side)
{
	s->set_i = (short)(set + 1);
	s->set_n = (short)(t->sets ? t->sets : 1);
	s->side_i = (short)(side + 1);
	s->side_n = (short)(t->sides ? t->sides : 1);
	s->side = t->sides ? (side ? "right" : "left") : NULL;
}

static void tb_work(struct tb *b, const struct tstep *t, int set, int side)
{
	if (t->hold) {
		tb_place(tb_push(b, SEG_WORK, t->hold, t->ex), t, set, side);
		return;
	}
	for (int rep = 0; rep < t->reps; rep++) {
		size_t n = t->self_paced ? 1 : t->n_phase;
		for (size_t k = 0; k < n; k++) {
			int64_t len = t->self_paced ? t->tempo : t->phase[k];
			struct segment *s = tb_push(b, SEG_WORK, len, t->ex);
			tb_place(s, t, set, side);
			s->rep_i = (short)(rep + 1);
			s->rep_n = (short)t->reps;
			s->self_paced = t->self_paced;
			s->phase_i = (short)(t->self_paced ? 0 : (int)k + 1);
			s->phase_n = (short)(t->self_paced ? 0 : (int)n);
		}
	}
}

static void tb_step(struct tb *b, const struct tstep *t)
{
	if (!t->ex) {
		tb_push(b, SEG_REST, t->rest, NULL);
		b->step++;
		return;
	}
	int sets = t->sets ? t->sets : 1, sides = t->sides ? t->sides : 1;
	if (t->get_ready)
		tb_push(b, SEG_PREPARE, t->get_ready, t->ex);
	for (int set = 0; set < sets; set++) {
		for (int side = 0; side < sides; side++) {
			if (side)
				tb_place(tb_push(b, SEG_SWITCH, t->sw, t->ex), t,
					 set, side);
			tb_work(b, t, set, side);
		}
		if (set + 1 < sets)
			tb_place(tb_push(b, SEG_REST, t->set_rest, t->ex), t,
				 set + 1, 0);
	}
	b->step++;
}

static const int64_t PH_OPEN[] = { 3000, 3000 };
static const int64_t PH_SQUEEZE[] = { 10000, 2000 };
static const int64_t PH_ODD[] = { 1500, 500 };
static const int64_t PH_ONE[] = { 500 };

/* A realistic routine (about 17 minutes) with sides, sets, a rest step,
 * no-prepare steps and half-second timings. */
static struct plan routine_full(void)
{
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .get_ready = 5000,
				     .hold = 90000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .get_ready = 5000,
				     .phase = PH_OPEN, .n_phase = 2, .reps = 8,
				     .sides = 2, .sw = 5000 });
	tb_step(&b, &(struct tstep){ .rest = 30000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_C, .get_ready = 5000,
				     .phase = PH_SQUEEZE, .n_phase = 2,
				     .reps = 10, .sets = 2, .set_rest = 15000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_D, .get_ready = 2500,
				     .phase = PH_ODD, .n_phase = 2, .reps = 3,
				     .sides = 2, .sw = 3500 });
	tb_step(&b, &(struct tstep){ .ex = &EX_E, .hold = 45000, .sides = 2,
				     .sets = 2, .sw = 5000, .set_rest = 15000 });
	return b.p;
}

/* Timed steps around a self-paced one. */
static struct plan routine_self_paced(void)
{
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .get_ready = 5000,
				     .hold = 20000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .get_ready = 5000,
				     .reps = 4, .self_paced = true,
				     .tempo = 4000, .sides = 2, .sw = 5000 });
	tb_step(&b, &(struct tstep){ .rest = 10000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_C, .hold = 15000 });
	return b.p;
}

/* The commands' plan:
 *  seg  0 prepare A  [0, 5000)        step 0
 *  seg  1 hold A     [5000, 35000)
 *  seg  2 rest step  [35000, 65000)   step 1
 *  seg  3 prepare B  [65000, 70000)   step 2
 *  seg  4 B left     [70000, 90000)
 *  seg  5 switch     [90000, 95000)
 *  seg  6 B right    [95000, 115000)
 *  seg  7 set rest   [115000, 130000)
 *  seg  8 B left     [130000, 150000)
 *  seg  9 switch     [150000, 155000)
 *  seg 10 B right    [155000, 175000)
 *  seg 11 prepare C  [175000, 180000) step 3
 *  seg 12 hold C     [180000, 190000) */
static struct plan routine_small(void)
{
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .get_ready = 5000,
				     .hold = 30000 });
	tb_step(&b, &(struct tstep){ .rest = 30000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .get_ready = 5000,
				     .hold = 20000, .sides = 2, .sets = 2,
				     .sw = 5000, .set_rest = 15000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_C, .get_ready = 5000,
				     .hold = 10000 });
	return b.p;
}

/* A prepare, three self-paced reps of 4 s tempo, then a 10 s hold:
 *  seg 0 prepare [0, 5000); seg 1..3 reps [5000, 17000); seg 4 hold
 *  [17000, 27000). */
static struct plan routine_reps(void)
{
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .get_ready = 5000,
				     .reps = 3, .self_paced = true,
				     .tempo = 4000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .hold = 10000 });
	return b.p;
}

static void plan_release(struct plan *p)
{
	free(p->seg);
	p->seg = NULL;
}

/* ---- event log ------------------------------------------------------- */

struct evlog {
	struct engine_event *v;
	size_t n, cap;
};

static void log_add(struct evlog *l, struct engine_event ev)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = realloc(l->v, l->cap * sizeof *l->v);
		assert_non_null(l->v);
	}
	l->v[l->n++] = ev;
}

static void log_free(struct evlog *l)
{
	free(l->v);
	*l = (struct evlog){ 0 };
}

/* engine_update, appending what came out to l (when given). */
static size_t upd(struct engine *e, int64_t now, struct evlog *l)
{
	const struct engine_event *ev;
	size_t n = engine_update(e, now, &ev);
	for (size_t i = 0; l && i < n; i++)
		log_add(l, ev[i]);
	return n;
}

static struct engine_event ev_of(enum engine_event_kind k, size_t seg,
				 int value, int64_t at)
{
	return (struct engine_event){ k, seg, value, at };
}

static void assert_event(struct engine_event got, struct engine_event want,
			 size_t i)
{
	if (got.kind != want.kind || got.seg != want.seg ||
	    got.value != want.value || got.at_ms != want.at_ms)
		print_message("event %zu: got kind %d seg %zu value %d at %lld, "
			      "want kind %d seg %zu value %d at %lld\n", i,
			      (int)got.kind, got.seg, got.value,
			      (long long)got.at_ms, (int)want.kind, want.seg,
			      want.value, (long long)want.at_ms);
	assert_int_equal(got.kind, want.kind);
	assert_int_equal(got.seg, want.seg);
	assert_int_equal(got.value, want.value);
	assert_int_equal(got.at_ms, want.at_ms);
}

/* The events a plan's segments produce when they last len[i] each
 * (plan length plus extensions; a self-paced rep's actual time), played
 * from session time 0 to upto, without pauses, skips or backs. */
static void expect_events(const struct plan *p, const int64_t *len,
			  int64_t upto, struct evlog *out)
{
	int64_t t0 = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct segment *s = &p->seg[i];
		log_add(out, ev_of(ENGINE_SEGMENT_START, i, 0, t0));
		if (s->kind == SEG_SWITCH)
			log_add(out, ev_of(ENGINE_SIDE_SWITCH, i, 0, t0));
		if (s->kind == SEG_REST && s->exercise)
			log_add(out, ev_of(ENGINE_SET_REST, i, 0, t0));
		int64_t end = t0 + len[i];
		for (int k = 3; k >= 1 && !s->self_paced; k--)
			if (len[i] > k * 1000 && end - k * 1000 <= upto)
				log_add(out, ev_of(ENGINE_TICK, i, k,
						   end - k * 1000));
		if (end > upto)
			return;
		bool last = i + 1 == p->n || p->seg[i + 1].step != s->step;
		if (last && s->exercise)
			log_add(out, ev_of(ENGINE_EXERCISE_DONE, i, 0, end));
		t0 = end;
	}
	log_add(out, ev_of(ENGINE_FINISHED, p->n, 0, t0));
}

/* l without PAUSED and RESUMED. */
static struct evlog log_timed(const struct evlog *l)
{
	struct evlog out = { 0 };
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind != ENGINE_PAUSED &&
		    l->v[i].kind != ENGINE_RESUMED)
			log_add(&out, l->v[i]);
	return out;
}

static void assert_log_equal(const struct evlog *got, const struct evlog *want)
{
	size_t n = got->n < want->n ? got->n : want->n;
	for (size_t i = 0; i < n; i++)
		assert_event(got->v[i], want->v[i], i);
	assert_int_equal(got->n, want->n);
}

static int64_t *plan_lens(const struct plan *p)
{
	int64_t *len = calloc(p->n + 1, sizeof *len);
	assert_non_null(len);
	for (size_t i = 0; i < p->n; i++)
		len[i] = p->seg[i].len_ms;
	return len;
}

static int count_exercise_steps(const struct plan *p)
{
	int n = 0;
	for (size_t i = 0; i < p->n; i++)
		if ((i == 0 || p->seg[i].step != p->seg[i - 1].step) &&
		    p->seg[i].exercise)
			n++;
	return n;
}

/* ---- an independent model of where a session should be -------------- */

struct model {
	const struct plan *p;
	int64_t *len;           /* plan + extensions; self-paced: actual or -1 */
	int64_t *after;         /* planned ms of the segments after i */
	int64_t start, paused, ext;
	bool pausing, resumed;
	int64_t pause_at, resume_at;
	size_t cur;             /* cursor: segment, and its start */
	int64_t cur_t0;
	size_t pre_i;           /* model_seg_start's running sum */
	int64_t pre_t;
	int pauses;
};

static struct model model_new(const struct plan *p, int64_t start)
{
	struct model m = { .p = p, .start = start };
	m.len = plan_lens(p);
	m.after = calloc(p->n + 1, sizeof *m.after);
	assert_non_null(m.after);
	for (size_t i = p->n; i-- > 0;) {
		m.after[i] = i + 1 < p->n ? m.after[i + 1] + p->seg[i + 1].len_ms
					  : 0;
		if (p->seg[i].self_paced)
			m.len[i] = -1;
	}
	return m;
}

static void model_free(struct model *m)
{
	free(m->len);
	free(m->after);
}

static void model_fold(struct model *m, int64_t now)
{
	if (m->pausing && m->resumed && now >= m->resume_at + ENGINE_RESUME_MS) {
		m->paused += m->resume_at + ENGINE_RESUME_MS - m->pause_at;
		m->pausing = m->resumed = false;
	}
}

static int64_t model_time(const struct model *m, int64_t now)
{
	int64_t p = m->paused;
	if (m->pausing) {
		int64_t end = now;
		if (m->resumed && end > m->resume_at + ENGINE_RESUME_MS)
			end = m->resume_at + ENGINE_RESUME_MS;
		p += end - m->pause_at;
	}
	return now - m->start - p;
}

/* Moves the cursor to session time t (t never goes back). */
static void model_seek(struct model *m, int64_t t)
{
	while (m->cur < m->p->n && m->len[m->cur] >= 0 &&
	       t >= m->cur_t0 + m->len[m->cur]) {
		m->cur_t0 += m->len[m->cur];
		m->cur++;
	}
}

static int64_t ceil_s(int64_t ms)
{
	return ms <= 0 ? 0 : (ms + 999) / 1000;
}

/* The shown session clocks by the rule in engine.h, from the model's own
 * position: sampled at the segment's start or the countdown's last turn;
 * on a self-paced rep at its last whole second, the rep's tempo counting
 * down to 0 and then holding. */
static void model_shown(const struct model *m, int64_t t, int64_t *el,
			int64_t *rem)
{
	const struct segment *s = &m->p->seg[m->cur];
	int64_t at = m->cur_t0, len = s->self_paced ? s->len_ms : m->len[m->cur];
	if (s->self_paced) {
		at += (t - m->cur_t0) / 1000 * 1000;
	} else {
		int64_t turn = m->cur_t0 + len - ceil_s(m->cur_t0 + len - t) * 1000;
		if (turn > at)
			at = turn;
	}
	int64_t cur = m->cur_t0 + len - at;
	*el = at / 1000;
	*rem = ceil_s((cur > 0 ? cur : 0) + m->after[m->cur]);
}

static void model_check(struct model *m, const struct engine *e, int64_t now)
{
	struct engine_state st;
	int64_t t = model_time(m, now);
	model_seek(m, t);
	engine_state(e, now, &st);
	if (m->cur == m->p->n) {
		assert_true(st.finished);
		assert_null(st.seg);
		assert_int_equal(st.elapsed_ms, m->cur_t0);
		assert_int_equal(st.shown_elapsed_s, m->cur_t0 / 1000);
		assert_int_equal(st.shown_remaining_s, 0);
		assert_int_equal(engine_ms_until_change(e, now), -1);
		return;
	}
	const struct segment *s = &m->p->seg[m->cur];
	int64_t in = t - m->cur_t0;
	int64_t rem = s->self_paced ? (s->len_ms > in ? s->len_ms - in : 0)
				    : m->len[m->cur] - in;
	assert_false(st.finished);
	assert_int_equal(st.seg_index, m->cur);
	assert_ptr_equal(st.seg, s);
	assert_int_equal(st.elapsed_ms, t);
	assert_int_equal(st.seg_elapsed_ms, in);
	assert_int_equal(st.seg_remaining_ms, rem);
	assert_int_equal(st.remaining_ms, rem + m->after[m->cur]);
	assert_int_equal(st.total_ms, t + rem + m->after[m->cur]);
	int64_t el, left;
	model_shown(m, t, &el, &left);
	assert_int_equal(st.shown_elapsed_s, el);
	assert_int_equal(st.shown_remaining_s, left);
	bool lead = m->pausing && m->resumed;
	assert_int_equal(st.paused, m->pausing && !lead);
	assert_int_equal(st.resume_in_ms,
			 lead ? m->resume_at + ENGINE_RESUME_MS - now : 0);
	int64_t d = engine_ms_until_change(e, now);
	if (lead)       /* the 3-2-1 counts down, even on a self-paced rep */
		assert_int_equal(d, (st.resume_in_ms - 1) % 1000 + 1);
	else if (m->pausing)
		assert_int_equal(d, -1);
	else if (s->self_paced)   /* the waiting rep's next whole second */
		assert_int_equal(d, 1000 - in % 1000);
	else            /* the countdown's next turn, nothing else */
		assert_int_equal(d, (rem - 1) % 1000 + 1);
}

/* Session time of segment i's start, by the model's lengths; i must not
 * go back and the segments before it must be over. */
static int64_t model_seg_start(struct model *m, size_t i)
{
	assert_true(i >= m->pre_i);
	for (; m->pre_i < i; m->pre_i++) {
		assert_true(m->len[m->pre_i] >= 0);
		m->pre_t += m->len[m->pre_i];
	}
	return m->pre_t;
}

/* Checks every SEGMENT_START and RESUMED in l from index from on. */
static void model_check_events(struct model *m, const struct evlog *l,
			       size_t from, size_t *next_seg)
{
	for (size_t i = from; i < l->n; i++) {
		const struct engine_event *ev = &l->v[i];
		if (ev->kind == ENGINE_SEGMENT_START) {
			assert_int_equal(ev->seg, *next_seg);
			assert_int_equal(ev->at_ms, model_seg_start(m, ev->seg));
			++*next_seg;
		}
	}
}

/* ---- the whole-routine run with irregular updates -------------------- */

struct run_opts {
	uint64_t seed;
	bool pauses, extends;
	int64_t max_step;
};

/* One player action; returns true when it moved the clock itself. */
static bool run_act(struct model *m, struct engine *e, struct rng *r,
		    const struct run_opts *o, int64_t *now)
{
	int64_t roll = rng_range(r, 0, 99);
	int64_t t = model_time(m, *now);
	const struct segment *s = &m->p->seg[m->cur];
	if (m->pausing && !m->resumed) {
		*now += rng_range(r, 1, 20000);
		engine_resume(e, *now);
		m->resumed = true;
		m->resume_at = *now;
		return true;
	}
	if (o->pauses && !m->pausing && roll < 2) {
		engine_pause(e, *now);
		m->pausing = true;
		m->pause_at = *now;
		m->pauses++;
	} else if (o->extends && roll < 5 && !s->self_paced &&
		   m->cur_t0 + m->len[m->cur] - t > 3000) {
		/* up to the cap per segment */
		int64_t room = ENGINE_EXTEND_MAX_MS - (m->len[m->cur] - s->len_ms);
		int64_t add = room < ENGINE_EXTEND_MS ? room : ENGINE_EXTEND_MS;
		engine_extend(e, *now);
		m->len[m->cur] += add;
		m->ext += add;
	} else if (s->self_paced && !m->pausing && roll < 25) {
		engine_rep_done(e, *now);
		m->len[m->cur] = t - m->cur_t0;
	}
	return false;
}

/* The next clock step: irregular, or exactly onto the next boundary. */
static int64_t run_step(const struct model *m, struct rng *r,
			const struct run_opts *o, int64_t now, bool *on_edge)
{
	int64_t step = rng_range(r, 1, o->max_step);
	*on_edge = false;
	if (m->pausing || m->len[m->cur] < 0 || rng_range(r, 0, 2) != 0)
		return step;
	int64_t edge = m->cur_t0 + m->len[m->cur] - model_time(m, now);
	if (edge > 0 && edge <= o->max_step) {
		*on_edge = true;
		return edge;
	}
	return step;
}

static void run_finish_checks(struct model *m, struct engine *e,
			      const struct evlog *l, int64_t now)
{
	struct evlog timed = log_timed(l), want = { 0 };
	expect_events(m->p, m->len, INT64_MAX, &want);
	assert_log_equal(&timed, &want);
	int64_t played = model_seg_start(m, m->p->n);
	assert_int_equal(l->v[l->n - 1].kind, ENGINE_FINISHED);
	assert_int_equal(l->v[l->n - 1].at_ms, played);
	size_t paused = 0, resumed = 0;
	for (size_t i = 0; i < l->n; i++) {
		paused += l->v[i].kind == ENGINE_PAUSED;
		resumed += l->v[i].kind == ENGINE_RESUMED;
	}
	assert_int_equal(paused, (size_t)m->pauses);
	assert_int_equal(resumed, (size_t)m->pauses);
	struct engine_summary sum;
	engine_summary(e, now + 99999, &sum);
	assert_int_equal(sum.planned_ms, m->p->total_ms);
	assert_int_equal(sum.done_ms, played);
	assert_int_equal(sum.paused_ms, m->paused);
	assert_int_equal(sum.extended_ms, m->ext);
	assert_int_equal(sum.skipped_ms, 0);
	assert_int_equal(sum.exercises_total, count_exercise_steps(m->p));
	assert_int_equal(sum.exercises_done, sum.exercises_total);
	assert_int_equal(sum.exercises_skipped, 0);
	assert_true(sum.completed);
	assert_int_equal(upd(e, now + 100000, NULL), 0);
	log_free(&timed);
	log_free(&want);
}

/* Plays p to its end; returns the model (for the caller's own checks). */
static struct model run_irregular(const struct plan *p,
				  const struct run_opts *o, int *edges)
{
	struct rng r = { o->seed };
	struct model m = model_new(p, T0);
	struct engine *e = engine_start(p, T0);
	assert_non_null(e);
	struct evlog l = { 0 };
	size_t next_seg = 0;
	int64_t now = T0;
	bool on_edge = false;
	for (;;) {
		size_t from = l.n;
		upd(e, now, &l);
		model_fold(&m, now);
		model_check(&m, e, now);
		model_check_events(&m, &l, from, &next_seg);
		if (on_edge) {
			struct engine_state st;
			engine_state(e, now, &st);
			assert_int_equal(st.seg_elapsed_ms, 0);
			++*edges;
		}
		if (m.cur == p->n)
			break;
		if (run_act(&m, e, &r, o, &now))
			continue;
		now += run_step(&m, &r, o, now, &on_edge);
	}
	assert_int_equal(next_seg, p->n);
	run_finish_checks(&m, e, &l, now);
	log_free(&l);
	engine_free(e);
	return m;
}

static void test_irregular_full_routine(void **state)
{
	(void)state;
	struct plan p = routine_full();
	for (uint64_t seed = 1; seed <= 6; seed++) {
		int edges = 0;
		struct run_opts o = { seed * 0x9e3779b97f4a7c15ULL, true,
				      true, 1500 };
		struct model m = run_irregular(&p, &o, &edges);
		/* Ends exactly at the plan's total plus the extensions. */
		assert_int_equal(model_seg_start(&m, p.n), p.total_ms + m.ext);
		assert_true(m.pauses > 0);
		assert_true(m.ext > 0);
		assert_true(edges > 20);
		model_free(&m);
	}
	plan_release(&p);
}

static void test_irregular_no_pauses_ends_at_total(void **state)
{
	(void)state;
	struct plan p = routine_full();
	int edges = 0;
	struct run_opts o = { 42, false, false, 1500 };
	struct model m = run_irregular(&p, &o, &edges);
	assert_int_equal(model_seg_start(&m, p.n), p.total_ms);
	model_free(&m);
	plan_release(&p);
}

static void test_irregular_self_paced(void **state)
{
	(void)state;
	struct plan p = routine_self_paced();
	for (uint64_t seed = 7; seed <= 12; seed++) {
		int edges = 0;
		struct run_opts o = { seed * 0x2545f4914f6cdd1dULL, true, true,
				      1500 };
		struct model m = run_irregular(&p, &o, &edges);
		int64_t actual = 0, planned = 0;
		for (size_t i = 0; i < p.n; i++)
			if (p.seg[i].self_paced) {
				actual += m.len[i];
				planned += p.seg[i].len_ms;
			}
		assert_int_equal(model_seg_start(&m, p.n),
				 p.total_ms + m.ext + actual - planned);
		model_free(&m);
	}
	plan_release(&p);
}

/* ---- late updates ---------------------------------------------------- */

static void test_late_update_emits_everything(void **state)
{
	(void)state;
	struct plan p = routine_full();
	int64_t *len = plan_lens(&p);
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 }, want = { 0 };
	upd(e, T0 + 1234, &l);
	/* The laptop slept for 10 minutes. */
	upd(e, T0 + 1234 + 600000, &l);
	expect_events(&p, len, 601234, &want);
	assert_log_equal(&l, &want);
	assert_int_equal(l.n, want.n);
	assert_true(l.n > 250);

	struct model m = model_new(&p, T0);
	model_check(&m, e, T0 + 601234);
	/* And once more, past the end. */
	upd(e, T0 + 10000000, &l);
	log_free(&want);
	expect_events(&p, len, INT64_MAX, &want);
	assert_log_equal(&l, &want);
	struct engine_state st;
	engine_state(e, T0 + 10000000, &st);
	assert_true(st.finished);
	assert_int_equal(st.elapsed_ms, p.total_ms);
	model_free(&m);
	log_free(&l);
	log_free(&want);
	free(len);
	engine_free(e);
	plan_release(&p);
}

static void test_late_update_after_lead_in(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + 10000, &l);
	engine_pause(e, T0 + 10000);
	engine_resume(e, T0 + 50000);
	l.n = 0;
	/* Lead-in ends at +53000; 10 minutes go by before the next update. */
	upd(e, T0 + 50000 + 600000, &l);
	assert_true(l.n > 5);
	assert_event(l.v[0], ev_of(ENGINE_PAUSED, 1, 0, 10000), 0);
	assert_event(l.v[1], ev_of(ENGINE_RESUMED, 1, 0, 10000), 1);
	assert_event(l.v[2], ev_of(ENGINE_TICK, 1, 3, 32000), 2);
	assert_event(l.v[5], ev_of(ENGINE_EXERCISE_DONE, 1, 0, 35000), 5);
	assert_event(l.v[6], ev_of(ENGINE_SEGMENT_START, 2, 0, 35000), 6);
	struct engine_state st;
	engine_state(e, T0 + 650000, &st);
	assert_true(st.finished);
	assert_int_equal(st.elapsed_ms, 190000);
	struct engine_summary sum;
	engine_summary(e, T0 + 650000, &sum);
	assert_int_equal(sum.paused_ms, 43000);
	assert_int_equal(sum.done_ms, 190000);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

/* State and summary are derived at `now` even without an update. */
static void test_state_without_update(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct engine_state st;
	engine_state(e, T0 + 96500, &st);
	assert_int_equal(st.seg_index, 6);
	assert_int_equal(st.seg_remaining_ms, 18500);
	assert_int_equal(st.remaining_ms, 190000 - 96500);
	assert_string_equal(st.seg->side, "right");
	assert_int_equal(st.step_index, 2);
	assert_int_equal(st.step_count, 4);
	assert_int_equal(engine_ms_until_change(e, T0 + 96500), 1);
	struct engine_summary sum;
	engine_summary(e, T0 + 400000, &sum);
	assert_true(sum.completed);
	assert_int_equal(sum.done_ms, 190000);
	assert_int_equal(sum.exercises_done, 3);
	engine_free(e);
	plan_release(&p);
}

/* ---- commands -------------------------------------------------------- */

static void test_skip(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + 12000, &l);
	l.n = 0;
	engine_skip(e, T0 + 12000);
	upd(e, T0 + 12000, &l);
	assert_int_equal(l.n, 2);
	assert_event(l.v[0], ev_of(ENGINE_SKIPPED, 1, 0, 12000), 0);
	/* Past the rest step, to the next exercise's prepare. */
	assert_event(l.v[1], ev_of(ENGINE_SEGMENT_START, 3, 0, 12000), 1);
	struct engine_state st;
	engine_state(e, T0 + 12000, &st);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.seg_remaining_ms, 5000);
	assert_int_equal(st.elapsed_ms, 12000);
	assert_int_equal(st.remaining_ms, 125000);
	assert_int_equal(st.total_ms, 137000);
	struct engine_summary sum;
	engine_summary(e, T0 + 12000, &sum);
	assert_int_equal(sum.skipped_ms, 23000 + 30000);
	assert_int_equal(sum.exercises_skipped, 1);
	/* The rest plays from there, exactly. */
	engine_state(e, T0 + 12000 + 5000, &st);
	assert_int_equal(st.seg_index, 4);
	assert_int_equal(st.seg_remaining_ms, 20000);
	l.n = 0;
	upd(e, T0 + 200000, &l);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_FINISHED, 13, 0, 137000), 0);
	engine_summary(e, T0 + 200000, &sum);
	assert_int_equal(sum.planned_ms, 190000);
	assert_int_equal(sum.done_ms, 137000);
	assert_int_equal(sum.done_ms, sum.planned_ms - sum.skipped_ms);
	assert_int_equal(sum.exercises_total, 3);
	assert_int_equal(sum.exercises_done, 2);
	assert_int_equal(sum.exercises_skipped, 1);
	assert_true(sum.completed);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_skip_from_rest_step_and_last(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	engine_skip(e, T0 + 40000);   /* in the rest step */
	struct engine_state st;
	engine_state(e, T0 + 40000, &st);
	assert_int_equal(st.seg_index, 3);
	struct engine_summary sum;
	engine_summary(e, T0 + 40000, &sum);
	assert_int_equal(sum.skipped_ms, 25000);
	assert_int_equal(sum.exercises_skipped, 0);
	assert_int_equal(sum.exercises_done, 1);
	/* Skip B at its set rest, then C: the end. */
	engine_skip(e, T0 + 40000 + 55000);
	engine_state(e, T0 + 95000, &st);
	assert_int_equal(st.seg_index, 11);
	engine_skip(e, T0 + 96000);
	l.n = 0;
	upd(e, T0 + 96000, &l);
	assert_event(l.v[l.n - 2], ev_of(ENGINE_SKIPPED, 11, 0, 96000), 0);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_FINISHED, 13, 0, 96000), 1);
	engine_summary(e, T0 + 96000, &sum);
	assert_int_equal(sum.done_ms, 96000);
	assert_int_equal(sum.skipped_ms, 25000 + 55000 + 14000);
	assert_int_equal(sum.done_ms + sum.skipped_ms, sum.planned_ms);
	assert_int_equal(sum.exercises_done, 1);
	assert_int_equal(sum.exercises_skipped, 2);
	assert_true(sum.completed);
	engine_state(e, T0 + 99000, &st);
	assert_true(st.finished);
	assert_false(st.quit);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_skip_while_paused_stays_paused(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	engine_pause(e, T0 + 8000);
	engine_skip(e, T0 + 20000);
	struct engine_state st;
	engine_state(e, T0 + 30000, &st);
	assert_true(st.paused);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.elapsed_ms, 8000);
	assert_int_equal(st.seg_remaining_ms, 5000);
	assert_int_equal(engine_ms_until_change(e, T0 + 30000), -1);
	engine_free(e);
	plan_release(&p);
}

static void test_back(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + 80000, &l);
	l.n = 0;
	/* 15 s into step 2: to its prepare. */
	engine_back(e, T0 + 80000);
	upd(e, T0 + 80000, &l);
	assert_int_equal(l.n, 1);
	assert_event(l.v[0], ev_of(ENGINE_SEGMENT_START, 3, 0, 80000), 0);
	struct engine_state st;
	engine_state(e, T0 + 80000, &st);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.seg_remaining_ms, 5000);
	assert_int_equal(st.elapsed_ms, 80000);
	assert_int_equal(st.remaining_ms, 125000);
	assert_int_equal(st.total_ms, 205000);
	/* Again within 3 s: to the previous exercise (over the rest step). */
	engine_back(e, T0 + 82999);
	engine_state(e, T0 + 82999, &st);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.remaining_ms, 190000);
	assert_int_equal(st.total_ms, 82999 + 190000);
	/* In the first exercise within 3 s: nothing before, restart it. */
	engine_back(e, T0 + 84000);
	engine_state(e, T0 + 84000, &st);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.seg_remaining_ms, 5000);
	l.n = 0;
	upd(e, T0 + 1000000, &l);
	assert_event(l.v[l.n - 1],
		     ev_of(ENGINE_FINISHED, 13, 0, 84000 + 190000), 0);
	struct engine_summary sum;
	engine_summary(e, T0 + 1000000, &sum);
	assert_int_equal(sum.done_ms, 274000);
	assert_int_equal(sum.skipped_ms, 0);
	assert_int_equal(sum.exercises_done, 3);
	assert_int_equal(sum.exercises_skipped, 0);
	assert_true(sum.completed);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_back_at_grace_and_in_rest_step(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct engine_state st;
	/* In the rest step: back to the exercise before it. */
	engine_back(e, T0 + 50000);
	engine_state(e, T0 + 50000, &st);
	assert_int_equal(st.seg_index, 0);
	/* Exactly 3 s after the step (re)started: this step, not the one
	 * before. */
	engine_skip(e, T0 + 51000);          /* to step 2 at 51000 */
	engine_back(e, T0 + 51000 + ENGINE_BACK_GRACE_MS);
	engine_state(e, T0 + 54000, &st);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.seg_elapsed_ms, 0);
	/* Grace counts from the step's start, not the segment's: 2 s into
	 * the step's hold after a 5 s prepare is 7 s. */
	engine_back(e, T0 + 54000 + 7000);
	engine_state(e, T0 + 61000, &st);
	assert_int_equal(st.seg_index, 3);
	engine_free(e);
	plan_release(&p);
}

static void test_extend(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + 33500, &l);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_TICK, 1, 2, 33000), 0);
	engine_extend(e, T0 + 33500);
	struct engine_state st;
	engine_state(e, T0 + 33500, &st);
	assert_int_equal(st.seg_index, 1);
	assert_int_equal(st.seg_len_ms, 40000);
	assert_int_equal(st.seg_remaining_ms, 11500);
	assert_int_equal(st.remaining_ms, 190000 - 33500 + 10000);
	assert_int_equal(st.total_ms, 200000);
	l.n = 0;
	upd(e, T0 + 45000, &l);
	/* The countdown passes 3, 2, 1 again, then the rest step starts
	 * 10 s later than planned. */
	assert_int_equal(l.n, 5);
	assert_event(l.v[0], ev_of(ENGINE_TICK, 1, 3, 42000), 0);
	assert_event(l.v[1], ev_of(ENGINE_TICK, 1, 2, 43000), 1);
	assert_event(l.v[2], ev_of(ENGINE_TICK, 1, 1, 44000), 2);
	assert_event(l.v[3], ev_of(ENGINE_EXERCISE_DONE, 1, 0, 45000), 3);
	assert_event(l.v[4], ev_of(ENGINE_SEGMENT_START, 2, 0, 45000), 4);
	/* Extend twice while paused. */
	engine_pause(e, T0 + 50000);
	engine_extend(e, T0 + 51000);
	engine_extend(e, T0 + 52000);
	engine_state(e, T0 + 52000, &st);
	assert_int_equal(st.seg_len_ms, 50000);
	assert_int_equal(st.seg_remaining_ms, 45000);
	engine_resume(e, T0 + 60000);
	l.n = 0;
	upd(e, T0 + 900000, &l);
	/* paused 13 s; 30 s of extensions */
	assert_event(l.v[l.n - 1], ev_of(ENGINE_FINISHED, 13, 0, 220000), 0);
	struct engine_summary sum;
	engine_summary(e, T0 + 900000, &sum);
	assert_int_equal(sum.extended_ms, 30000);
	assert_int_equal(sum.done_ms, 220000);
	assert_int_equal(sum.done_ms, sum.planned_ms + sum.extended_ms);
	assert_int_equal(sum.paused_ms, 13000);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

/* The issue: 40 presses of + made a 6:44 get-ready. An extension is
 * capped per segment; the next segment may be extended again. */
static void test_extend_cap(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct engine_state st;
	for (int i = 0; i < 40; i++)
		engine_extend(e, T0 + 1000);
	engine_state(e, T0 + 1000, &st);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.seg_len_ms, 5000 + ENGINE_EXTEND_MAX_MS);
	assert_int_equal(ENGINE_EXTEND_MAX_MS, 300000);
	/* a press that would pass the cap adds only what is left */
	engine_unextend(e, T0 + 1000);
	engine_unextend(e, T0 + 1000);       /* 280 s */
	engine_state(e, T0 + 1000, &st);
	assert_int_equal(st.seg_len_ms, 5000 + 280000);
	struct engine_summary sum;
	engine_summary(e, T0 + 1000, &sum);
	assert_int_equal(sum.extended_ms, 280000);
	engine_skip(e, T0 + 2000);           /* a new segment: a new cap */
	for (int i = 0; i < 31; i++)
		engine_extend(e, T0 + 2000);
	engine_state(e, T0 + 2000, &st);
	assert_int_equal(st.seg_len_ms, 5000 + ENGINE_EXTEND_MAX_MS);
	engine_summary(e, T0 + 2000, &sum);
	assert_int_equal(sum.extended_ms, 280000 + ENGINE_EXTEND_MAX_MS);
	engine_free(e);
	plan_release(&p);
}

/* - takes back 10 s of this segment's extension: never below the plan,
 * never to less than ENGINE_UNEXTEND_LEFT_MS to go (in whole seconds). */
static void test_unextend(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	struct engine_summary sum;
	engine_unextend(e, T0 + 10000);      /* nothing added: nothing taken */
	engine_state(e, T0 + 10000, &st);
	assert_int_equal(st.seg_index, 1);
	assert_int_equal(st.seg_len_ms, 30000);
	engine_extend(e, T0 + 10000);
	engine_extend(e, T0 + 10000);
	engine_extend(e, T0 + 10000);
	engine_unextend(e, T0 + 11000);
	engine_state(e, T0 + 11000, &st);
	assert_int_equal(st.seg_len_ms, 50000);
	assert_int_equal(st.remaining_ms, 190000 - 11000 + 20000);
	for (int i = 0; i < 5; i++)
		engine_unextend(e, T0 + 12000);
	engine_state(e, T0 + 12000, &st);
	assert_int_equal(st.seg_len_ms, 30000);
	engine_summary(e, T0 + 12000, &sum);
	assert_int_equal(sum.extended_ms, 0);
	/* Close to the end: 20 s added at 20 s, 6.3 s left at 48.7 s; - keeps
	 * 1.3 s (the extension 15 s), and a second - takes nothing. */
	engine_extend(e, T0 + 20000);
	engine_extend(e, T0 + 20000);
	upd(e, T0 + 48700, &l);
	engine_unextend(e, T0 + 48700);
	engine_state(e, T0 + 48700, &st);
	assert_int_equal(st.seg_len_ms, 45000);
	assert_int_equal(st.seg_remaining_ms, 1300);
	engine_unextend(e, T0 + 48700);
	engine_state(e, T0 + 48700, &st);
	assert_int_equal(st.seg_remaining_ms, 1300);
	engine_summary(e, T0 + 48700, &sum);
	assert_int_equal(sum.extended_ms, 15000);
	l.n = 0;
	upd(e, T0 + 50000, &l);
	assert_int_equal(l.n, 3);
	assert_event(l.v[0], ev_of(ENGINE_TICK, 1, 1, 49000), 0);
	assert_event(l.v[1], ev_of(ENGINE_EXERCISE_DONE, 1, 0, 50000), 1);
	assert_event(l.v[2], ev_of(ENGINE_SEGMENT_START, 2, 0, 50000), 2);
	/* not on a self-paced rep, nor once finished */
	engine_quit(e, T0 + 51000);
	engine_unextend(e, T0 + 52000);
	engine_summary(e, T0 + 52000, &sum);
	assert_int_equal(sum.extended_ms, 15000);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_pause_resume_lead_in(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	upd(e, T0 + 10000, &l);
	l.n = 0;
	engine_pause(e, T0 + 10000);
	assert_int_equal(upd(e, T0 + 40000, &l), 1);
	assert_event(l.v[0], ev_of(ENGINE_PAUSED, 1, 0, 10000), 0);
	assert_int_equal(upd(e, T0 + 70000, &l), 0);
	engine_state(e, T0 + 70000, &st);
	assert_true(st.paused);
	assert_int_equal(st.elapsed_ms, 10000);
	assert_int_equal(st.seg_remaining_ms, 25000);
	assert_int_equal(engine_ms_until_change(e, T0 + 70000), -1);
	engine_pause(e, T0 + 70000);         /* already paused: nothing */
	assert_int_equal(upd(e, T0 + 70000, &l), 0);

	engine_resume(e, T0 + 70000);
	engine_state(e, T0 + 70000, &st);
	assert_false(st.paused);
	assert_int_equal(st.resume_in_ms, 3000);
	assert_int_equal(engine_ms_until_change(e, T0 + 70000), 1000);
	engine_state(e, T0 + 71500, &st);
	assert_int_equal(st.resume_in_ms, 1500);
	assert_int_equal(st.elapsed_ms, 10000);
	assert_int_equal(engine_ms_until_change(e, T0 + 71500), 500);
	assert_int_equal(upd(e, T0 + 72999, &l), 0);
	l.n = 0;
	assert_int_equal(upd(e, T0 + 73000, &l), 1);
	assert_event(l.v[0], ev_of(ENGINE_RESUMED, 1, 0, 10000), 0);
	engine_state(e, T0 + 74000, &st);
	assert_int_equal(st.elapsed_ms, 11000);
	assert_int_equal(st.resume_in_ms, 0);
	assert_false(st.paused);
	struct engine_summary sum;
	engine_summary(e, T0 + 74000, &sum);
	assert_int_equal(sum.paused_ms, 63000);
	l.n = 0;
	upd(e, T0 + 35000 + 63000, &l);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_SEGMENT_START, 2, 0, 35000), 0);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_pause_during_lead_in(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	engine_toggle_pause(e, T0 + 10000);  /* pause */
	engine_toggle_pause(e, T0 + 20000);  /* resume: lead-in */
	engine_state(e, T0 + 21000, &st);
	assert_int_equal(st.resume_in_ms, 2000);
	engine_toggle_pause(e, T0 + 21000);  /* paused again */
	engine_state(e, T0 + 25000, &st);
	assert_true(st.paused);
	assert_int_equal(st.resume_in_ms, 0);
	assert_int_equal(st.elapsed_ms, 10000);
	assert_int_equal(engine_ms_until_change(e, T0 + 25000), -1);
	upd(e, T0 + 25000, &l);
	assert_int_equal(l.n, 7);
	assert_event(l.v[4], ev_of(ENGINE_SEGMENT_START, 1, 0, 5000), 4);
	assert_event(l.v[5], ev_of(ENGINE_PAUSED, 1, 0, 10000), 5);
	assert_event(l.v[6], ev_of(ENGINE_PAUSED, 1, 0, 10000), 6);
	engine_resume(e, T0 + 30000);
	engine_resume(e, T0 + 31000);        /* during the lead-in: nothing */
	engine_state(e, T0 + 31000, &st);
	assert_int_equal(st.resume_in_ms, 2000);
	engine_state(e, T0 + 33000, &st);
	assert_int_equal(st.elapsed_ms, 10000);
	engine_state(e, T0 + 33001, &st);
	assert_int_equal(st.elapsed_ms, 10001);
	struct engine_summary sum;
	engine_summary(e, T0 + 40000, &sum);
	assert_int_equal(sum.paused_ms, 23000);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_rep_done(void **state)
{
	(void)state;
	struct plan p = routine_reps();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	upd(e, T0 + 5000, &l);
	engine_state(e, T0 + 5000, &st);
	assert_int_equal(st.seg_index, 1);
	assert_true(st.seg->self_paced);
	assert_int_equal(engine_ms_until_change(e, T0 + 5000), 1000);
	engine_extend(e, T0 + 6000);         /* not on a self-paced rep */
	/* A minute goes by: the rep does not end on its own. */
	l.n = 0;
	assert_int_equal(upd(e, T0 + 65000, &l), 0);
	engine_state(e, T0 + 65000, &st);
	assert_int_equal(st.seg_index, 1);
	assert_int_equal(st.seg_elapsed_ms, 60000);
	assert_int_equal(st.seg_remaining_ms, 0);
	assert_int_equal(st.remaining_ms, 8000 + 10000);
	assert_int_equal(st.total_ms, 83000);
	assert_int_equal(st.seg->rep_i, 1);

	engine_rep_done(e, T0 + 65000);
	engine_state(e, T0 + 65000, &st);
	assert_int_equal(st.seg_index, 2);
	assert_int_equal(st.seg->rep_i, 2);
	assert_int_equal(st.remaining_ms, 4000 + 4000 + 10000);
	engine_rep_done(e, T0 + 66000);      /* faster than the tempo */
	engine_state(e, T0 + 66000, &st);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.seg->rep_i, 3);
	assert_int_equal(st.total_ms, 66000 + 14000);
	engine_pause(e, T0 + 66200);
	engine_rep_done(e, T0 + 66300);      /* paused: ignored */
	engine_resume(e, T0 + 66400);
	engine_state(e, T0 + 69400, &st);
	assert_int_equal(st.seg_index, 3);
	assert_int_equal(st.elapsed_ms, 66200);
	engine_rep_done(e, T0 + 69700);      /* t = 66500: the last rep */
	l.n = 0;
	upd(e, T0 + 69700, &l);
	assert_int_equal(l.n, 6);
	assert_event(l.v[0], ev_of(ENGINE_SEGMENT_START, 2, 0, 65000), 0);
	assert_event(l.v[1], ev_of(ENGINE_SEGMENT_START, 3, 0, 66000), 1);
	assert_event(l.v[2], ev_of(ENGINE_PAUSED, 3, 0, 66200), 2);
	assert_event(l.v[3], ev_of(ENGINE_RESUMED, 3, 0, 66200), 3);
	assert_event(l.v[4], ev_of(ENGINE_EXERCISE_DONE, 3, 0, 66500), 4);
	assert_event(l.v[5], ev_of(ENGINE_SEGMENT_START, 4, 0, 66500), 5);
	engine_state(e, T0 + 69700, &st);
	assert_int_equal(st.seg_index, 4);
	assert_false(st.seg->self_paced);
	engine_rep_done(e, T0 + 70000);      /* a timed hold: ignored */
	engine_state(e, T0 + 70000, &st);
	assert_int_equal(st.seg_index, 4);
	assert_int_equal(st.seg_remaining_ms, 9700);
	l.n = 0;
	upd(e, T0 + 100000, &l);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_FINISHED, 5, 0, 76500), 0);
	struct engine_summary sum;
	engine_summary(e, T0 + 100000, &sum);
	assert_int_equal(sum.planned_ms, 27000);
	assert_int_equal(sum.done_ms, 76500);
	assert_int_equal(sum.extended_ms, 0);
	assert_int_equal(sum.paused_ms, 3200);
	assert_int_equal(sum.exercises_done, 2);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

/* The issue: a self-paced rep froze the session clocks at 00:05 while it
 * waited, then they jumped. Now elapsed counts once a second, remaining
 * counts the tempo down and then holds; paused stays still. */
static void test_rep_wait_clocks_run(void **state)
{
	(void)state;
	struct plan p = routine_reps();
	struct engine *e = engine_start(&p, T0);
	struct engine_state st;
	upd(e, T0 + 5000, NULL);
	engine_state(e, T0 + 5000, &st);
	assert_true(st.seg->self_paced);
	assert_int_equal(st.shown_elapsed_s, 5);
	assert_int_equal(st.shown_remaining_s, 4 + 8 + 10);
	assert_int_equal(engine_ms_until_change(e, T0 + 5000), 1000);
	engine_state(e, T0 + 6999, &st);
	assert_int_equal(st.shown_elapsed_s, 6);
	assert_int_equal(st.shown_remaining_s, 21);
	assert_int_equal(engine_ms_until_change(e, T0 + 6500), 500);
	engine_state(e, T0 + 9000, &st);        /* the tempo is up */
	assert_int_equal(st.shown_elapsed_s, 9);
	assert_int_equal(st.shown_remaining_s, 8 + 10);
	engine_state(e, T0 + 15000, &st);       /* 10 s of waiting */
	assert_int_equal(st.shown_elapsed_s, 15);
	assert_int_equal(st.shown_remaining_s, 18);
	/* one wake a second, each one a change */
	int64_t now = T0 + 5000;
	int wakes = 0;
	while (now < T0 + 15000) {
		struct engine_state before;
		engine_state(e, now, &before);
		now += engine_ms_until_change(e, now);
		engine_state(e, now, &st);
		assert_int_equal(st.shown_elapsed_s, before.shown_elapsed_s + 1);
		wakes++;
	}
	assert_int_equal(wakes, 10);
	/* paused: no wakes, nothing moves */
	engine_pause(e, T0 + 15500);
	assert_int_equal(engine_ms_until_change(e, T0 + 15500), -1);
	engine_state(e, T0 + 40000, &st);
	assert_int_equal(st.shown_elapsed_s, 15);
	engine_resume(e, T0 + 40000);
	/* the rep ends at a fractional time: the next one counts from there */
	engine_rep_done(e, T0 + 43000 + 800);   /* t = 16300 */
	engine_state(e, T0 + 43800, &st);
	assert_int_equal(st.seg_index, 2);
	assert_int_equal(st.shown_elapsed_s, 16);
	assert_int_equal(engine_ms_until_change(e, T0 + 43800), 1000);
	engine_state(e, T0 + 44799, &st);
	assert_int_equal(st.shown_elapsed_s, 16);
	engine_state(e, T0 + 44800, &st);
	assert_int_equal(st.shown_elapsed_s, 17);
	assert_int_equal(st.shown_remaining_s, 3 + 4 + 10);
	engine_free(e);
	plan_release(&p);
}

static void test_quit(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + 20000, &l);
	engine_pause(e, T0 + 20000);
	engine_quit(e, T0 + 25000);
	l.n = 0;
	upd(e, T0 + 30000, &l);
	assert_int_equal(l.n, 2);
	assert_event(l.v[1], ev_of(ENGINE_FINISHED, 13, 0, 20000), 1);
	assert_int_equal(upd(e, T0 + 40000, &l), 0);
	engine_quit(e, T0 + 41000);
	engine_skip(e, T0 + 41000);
	engine_resume(e, T0 + 41000);
	engine_extend(e, T0 + 41000);
	engine_back(e, T0 + 41000);
	assert_int_equal(upd(e, T0 + 500000, &l), 0);
	struct engine_state st;
	engine_state(e, T0 + 500000, &st);
	assert_true(st.finished);
	assert_true(st.quit);
	assert_null(st.seg);
	assert_int_equal(st.elapsed_ms, 20000);
	assert_int_equal(engine_ms_until_change(e, T0 + 500000), -1);
	struct engine_summary sum;
	engine_summary(e, T0 + 500000, &sum);
	assert_false(sum.completed);
	assert_int_equal(sum.done_ms, 20000);
	assert_int_equal(sum.paused_ms, 5000);
	assert_int_equal(sum.extended_ms, 0);
	assert_int_equal(sum.exercises_done, 0);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

static void test_events_at_boundaries(void **state)
{
	(void)state;
	struct plan p = routine_small();
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0, &l);
	assert_int_equal(l.n, 1);
	assert_event(l.v[0], ev_of(ENGINE_SEGMENT_START, 0, 0, 0), 0);
	l.n = 0;
	upd(e, T0 + 90000, &l);
	assert_event(l.v[l.n - 2], ev_of(ENGINE_SEGMENT_START, 5, 0, 90000), 0);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_SIDE_SWITCH, 5, 0, 90000), 1);
	l.n = 0;
	upd(e, T0 + 115000, &l);
	assert_event(l.v[l.n - 2], ev_of(ENGINE_SEGMENT_START, 7, 0, 115000), 0);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_SET_REST, 7, 0, 115000), 1);
	/* A 5 s prepare ticks 3, 2, 1; 2999 ms before its end is after 3. */
	l.n = 0;
	upd(e, T0 + 177001, &l);
	assert_event(l.v[l.n - 1], ev_of(ENGINE_TICK, 11, 3, 177000), 0);
	l.n = 0;
	upd(e, T0 + 177999, &l);
	assert_int_equal(l.n, 0);
	upd(e, T0 + 178000, &l);
	assert_event(l.v[0], ev_of(ENGINE_TICK, 11, 2, 178000), 0);
	log_free(&l);
	engine_free(e);
	plan_release(&p);
}

/* ---- engine_ms_until_change ------------------------------------------ */

/* What a front end shows that moves on its own: the segment, its
 * countdown (a self-paced rep: its seconds counted up, which the clocks
 * follow), the shown session clocks, the lead-in's second, the end. */
enum { D_SEG, D_COUNT, D_ELAPSED, D_LEFT, D_DONE, D_LEAD, D_N };

struct display {
	int64_t v[D_N];
};

static struct display display_at(const struct engine *e, int64_t now)
{
	struct engine_state st;
	engine_state(e, now, &st);
	int64_t count = !st.seg ? -1 : st.seg->self_paced
			? st.seg_elapsed_ms / 1000 : ceil_s(st.seg_remaining_ms);
	return (struct display){ { (int64_t)st.seg_index, count,
				   st.shown_elapsed_s, st.shown_remaining_s,
				   st.finished, ceil_s(st.resume_in_ms) } };
}

static bool display_same(struct display a, struct display b)
{
	return memcmp(a.v, b.v, sizeof a.v) == 0;
}

/* Nothing shown changes in (now, until): sampled at both ends, the middle
 * and a few random points. */
static void assert_steady(const struct engine *e, struct display here,
			  int64_t now, int64_t until, struct rng *r)
{
	if (until - now < 2)
		return;
	int64_t at[] = { now + 1, until - 1, now + (until - now) / 2,
			 rng_range(r, now + 1, until - 1),
			 rng_range(r, now + 1, until - 1) };
	for (size_t i = 0; i < sizeof at / sizeof *at; i++)
		assert_true(display_same(here, display_at(e, at[i])));
}

/* A wake must be for the countdown, the segment, the lead-in or the end:
 * the shown clocks never change on their own, and they only run one way. */
static void assert_wake(struct display before, struct display after)
{
	assert_false(display_same(before, after));
	assert_true(after.v[D_SEG] != before.v[D_SEG] ||
		    after.v[D_COUNT] != before.v[D_COUNT] ||
		    after.v[D_LEAD] != before.v[D_LEAD] ||
		    after.v[D_DONE] != before.v[D_DONE]);
	if (after.v[D_DONE])
		return;
	assert_true(after.v[D_ELAPSED] >= before.v[D_ELAPSED]);
	assert_true(after.v[D_LEFT] <= before.v[D_LEFT]);
	/* within a segment, the clocks move one second per countdown turn
	 * (a waiting rep's count goes up) */
	if (after.v[D_SEG] == before.v[D_SEG] && after.v[D_COUNT] != before.v[D_COUNT] &&
	    before.v[D_LEAD] == 0) {
		int64_t step = after.v[D_COUNT] - before.v[D_COUNT];
		assert_true(step == -1 || step == 1);
		assert_true(after.v[D_ELAPSED] - before.v[D_ELAPSED] <= 1);
		assert_true(before.v[D_LEFT] - after.v[D_LEFT] <= 1);
	}
}

/* Commands a stepped run may give, at a time inside a wait. */
enum step_cmd { CMD_NONE, CMD_SKIP, CMD_BACK, CMD_EXTEND, CMD_PAUSE };

struct step_run {
	uint64_t seed;
	int cmd_per_mille;          /* chance per wait of a command inside it */
	int wakes, backs, cmds;
};

static enum step_cmd step_pick(struct step_run *o, struct rng *r)
{
	if (o->cmd_per_mille == 0 || rng_range(r, 0, 999) >= o->cmd_per_mille)
		return CMD_NONE;
	int64_t k = rng_range(r, 0, 9);
	if (k < 2)
		return CMD_SKIP;
	if (k < 4 && o->backs < 6)
		return CMD_BACK;
	return k < 7 ? CMD_EXTEND : CMD_PAUSE;
}

static void step_do(struct engine *e, enum step_cmd c, int64_t now,
		    struct step_run *o)
{
	o->cmds++;
	if (c == CMD_SKIP)
		engine_skip(e, now);
	else if (c == CMD_BACK)
		engine_back(e, now), o->backs++;
	else if (c == CMD_EXTEND)
		engine_extend(e, now);
	else if (c == CMD_PAUSE)
		engine_pause(e, now);
}

/* Steps through p by exactly what engine_ms_until_change says; self-paced
 * reps end 2.5 s in (a key, after the wakes at 1 s and 2 s), a pause
 * lasts 4 s. With o->cmd_per_mille, commands
 * land at random (fractional) times inside the waits. Between wakes
 * nothing shown may change; every wake must be for the countdown, the
 * segment, the lead-in or the end. Returns the end's session time. */
static int64_t step_run(const struct plan *p, struct step_run *o)
{
	struct rng r = { o->seed ? o->seed : 1 };
	struct engine *e = engine_start(p, T0);
	int64_t now = T0;
	struct display prev = display_at(e, now);
	bool woke = false;
	for (;;) {
		upd(e, now, NULL);
		struct display here = display_at(e, now);
		if (woke) {
			assert_wake(prev, here);
			o->wakes++;
		}
		if (here.v[D_DONE])
			break;
		int64_t d = engine_ms_until_change(e, now);
		struct engine_state st;
		engine_state(e, now, &st);
		int64_t wait = d;
		bool rep = false;
		if (d == -1) {           /* paused: nothing moves */
			assert_true(st.paused);
			wait = 4000;
		} else {
			assert_true(d >= 1 && d <= 1000);
			int64_t left = 2500 - st.seg_elapsed_ms;
			if (st.seg && st.seg->self_paced && st.resume_in_ms == 0 && left <= d) {
				assert_true(left >= 1);
				wait = left;     /* the rep's key comes first */
				rep = true;
			}
		}
		enum step_cmd c = step_pick(o, &r);
		int64_t k = c != CMD_NONE && wait > 1 ? rng_range(&r, 1, wait - 1)
						       : wait;
		assert_steady(e, here, now, now + k, &r);
		now += k;
		prev = here;
		woke = false;
		if (k < wait || d == -1 || rep) {
			/* a command, not a wake: what it changes is its own */
			if (k < wait)
				step_do(e, c, now, o);
			else if (st.paused)
				engine_resume(e, now);
			else
				engine_rep_done(e, now);
			continue;
		}
		woke = true;
	}
	int64_t end = display_at(e, now).v[D_DONE] ? now - T0 : -1;
	struct engine_summary sum;
	engine_summary(e, now, &sum);
	engine_free(e);
	return sum.done_ms + sum.paused_ms == end ? sum.done_ms : -1;
}

/* Wakes a plain run must take: each whole second of each countdown (its
 * last one the segment's end); a self-paced rep of 2.5 s wakes at 1 s and
 * 2 s, and its end is a key, not a wake. */
static int expected_wakes(const struct plan *p)
{
	int n = 0;
	for (size_t i = 0; i < p->n; i++)
		n += p->seg[i].self_paced ? 2 : (int)ceil_s(p->seg[i].len_ms);
	return n;
}

/* Steps p without commands: every countdown second and segment start is
 * visited, the run ends on the plan's time (self-paced reps at 2.5 s),
 * and there is exactly one wake per countdown second. */
static void step_by_change(const struct plan *p)
{
	int64_t total = 0;
	for (size_t i = 0; i < p->n; i++)
		total += p->seg[i].self_paced ? 2500 : p->seg[i].len_ms;
	struct step_run o = { 0 };
	assert_int_equal(step_run(p, &o), total);
	assert_int_equal(o.wakes, expected_wakes(p));
}

/* And with skips, backs, extends and pauses at fractional times; returns
 * the number of commands given. */
static int step_with_commands(const struct plan *p, uint64_t seed)
{
	struct step_run o = { seed, 30, 0, 0, 0 };
	assert_true(step_run(p, &o) >= 0);
	return o.cmds;
}

static void test_until_change_steps_full(void **state)
{
	(void)state;
	struct plan p = routine_full();
	int cmds = 0;
	step_by_change(&p);
	for (uint64_t seed = 1; seed <= 8; seed++)
		cmds += step_with_commands(&p, seed * 0x9e3779b97f4a7c15ULL);
	assert_true(cmds > 40);
	plan_release(&p);
	p = routine_self_paced();
	step_by_change(&p);
	cmds = 0;
	for (uint64_t seed = 1; seed <= 8; seed++)
		cmds += step_with_commands(&p, seed * 0x2545f4914f6cdd1dULL);
	assert_true(cmds > 8);
	plan_release(&p);
	/* Half-second boundaries and a 19.5 s total: the session clocks'
	 * own whole seconds fall between the countdown's. */
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_D, .get_ready = 2500,
				     .phase = PH_ODD, .n_phase = 2, .reps = 3,
				     .sides = 2, .sw = 3500 });
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .hold = 1500 });
	assert_int_equal(b.p.total_ms, 19500);
	step_by_change(&b.p);
	for (uint64_t seed = 1; seed <= 8; seed++)
		step_with_commands(&b.p, seed * 77);
	plan_release(&b.p);
	/* and a command in every other wait */
	p = routine_full();
	struct step_run busy = { 5, 500, 0, 0, 0 };
	assert_true(step_run(&p, &busy) >= 0);
	assert_true(busy.cmds > 10);
	plan_release(&p);
}

/* Wakes from now until the next one is -1 (the end, or a pause). */
static int count_wakes(struct engine *e, int64_t *now)
{
	int n = 0;
	for (int64_t d; (d = engine_ms_until_change(e, *now)) > 0; n++) {
		struct display here = display_at(e, *now);
		*now += d;
		upd(e, *now, NULL);
		assert_wake(here, display_at(e, *now));
	}
	return n;
}

/* The issue: a skip at 0.37 s into a segment used to put the session
 * clocks' seconds between the countdown's, and a front end woke twice a
 * second. A 60 s stretch now takes 60 wakes (<= 61 + its one start). */
static void test_until_change_after_fractional_commands(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .hold = 10000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .hold = 60000 });
	struct engine *e = engine_start(&b.p, T0);
	int64_t now = T0 + 370;
	upd(e, now, NULL);
	engine_skip(e, now);
	upd(e, now, NULL);
	struct engine_state st;
	engine_state(e, now, &st);
	assert_int_equal(st.seg_index, 1);
	assert_int_equal(st.shown_elapsed_s, 0);
	assert_int_equal(st.shown_remaining_s, 60);
	assert_int_equal(engine_ms_until_change(e, now), 1000);
	/* at 1.0 s of play the true elapsed turns; nothing shown does */
	engine_state(e, T0 + 1000, &st);
	assert_int_equal(st.shown_elapsed_s, 0);
	assert_int_equal(st.shown_remaining_s, 60);
	engine_state(e, T0 + 1370, &st);
	assert_int_equal(st.shown_elapsed_s, 1);
	assert_int_equal(st.shown_remaining_s, 59);
	int wakes = count_wakes(e, &now);
	assert_int_equal(wakes, 60);
	assert_true(wakes <= 61 + 1);
	assert_int_equal(now, T0 + 60370);
	assert_true(display_at(e, now).v[D_DONE]);
	engine_free(e);

	/* Back at 2.37 s into the 60 s hold, extend at 5.37 s more, a pause
	 * mid-second: still one wake per countdown second. */
	e = engine_start(&b.p, T0);
	now = T0 + 10000 + 2370;
	upd(e, now, NULL);
	engine_back(e, now);          /* within the grace: to step 1 */
	upd(e, now, NULL);
	engine_state(e, now, &st);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.shown_elapsed_s, 12);
	assert_int_equal(st.shown_remaining_s, 70);
	now += 5370;
	upd(e, now, NULL);
	engine_extend(e, now);        /* 4.63 s left: 14.63, the countdown 15 */
	engine_state(e, now, &st);
	assert_int_equal(ceil_s(st.seg_remaining_ms), 15);
	assert_int_equal(st.shown_elapsed_s, 17);   /* at 17.37 s, as before */
	assert_int_equal(st.shown_remaining_s, 75);
	assert_int_equal(engine_ms_until_change(e, now), 630);
	now += 200;
	upd(e, now, NULL);
	engine_pause(e, now);
	assert_int_equal(engine_ms_until_change(e, now), -1);
	struct display held = display_at(e, now);
	assert_true(display_same(held, display_at(e, now + 60000)));
	now += 60000;
	engine_resume(e, now);
	upd(e, now, NULL);
	wakes = count_wakes(e, &now);
	/* 3 lead-in seconds, then 15 + 60 countdown seconds */
	assert_int_equal(wakes, 3 + 15 + 60);
	engine_free(e);
	plan_release(&b.p);
}

static void test_until_change_irregular(void **state)
{
	(void)state;
	struct plan p = routine_full();
	struct rng r = { 99 };
	struct engine *e = engine_start(&p, T0);
	int64_t now = T0;
	int running = 0;
	while (!display_at(e, now).v[D_DONE]) {
		upd(e, now, NULL);
		int64_t d = engine_ms_until_change(e, now);
		struct engine_state st;
		engine_state(e, now, &st);
		if (st.paused) {
			assert_int_equal(d, -1);
			engine_resume(e, now += rng_range(&r, 1, 9000));
			continue;
		}
		assert_true(d >= 1 && d <= 1000);
		/* The time left to the segment's end bounds it. */
		assert_true(st.resume_in_ms > 0 || d <= st.seg_remaining_ms);
		running++;
		if (rng_range(&r, 0, 99) == 0)
			engine_pause(e, now);
		now += rng_range(&r, 1, 1500);
	}
	assert_true(running > 500);
	engine_free(e);
	plan_release(&p);
}

/* ---- edge plans ------------------------------------------------------ */

static void test_single_hold(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .hold = 30000 });
	struct engine *e = engine_start(&b.p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	engine_state(e, T0, &st);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.remaining_ms, 30000);
	assert_int_equal(engine_ms_until_change(e, T0), 1000);
	upd(e, T0 + 29999, &l);
	assert_int_equal(l.n, 4);
	upd(e, T0 + 30000, &l);
	assert_int_equal(l.n, 6);
	assert_event(l.v[0], ev_of(ENGINE_SEGMENT_START, 0, 0, 0), 0);
	assert_event(l.v[1], ev_of(ENGINE_TICK, 0, 3, 27000), 1);
	assert_event(l.v[2], ev_of(ENGINE_TICK, 0, 2, 28000), 2);
	assert_event(l.v[3], ev_of(ENGINE_TICK, 0, 1, 29000), 3);
	assert_event(l.v[4], ev_of(ENGINE_EXERCISE_DONE, 0, 0, 30000), 4);
	assert_event(l.v[5], ev_of(ENGINE_FINISHED, 1, 0, 30000), 5);
	log_free(&l);
	engine_free(e);
	plan_release(&b.p);
}

static void test_no_get_ready(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .hold = 3000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_B, .hold = 1500 });
	tb_step(&b, &(struct tstep){ .ex = &EX_C, .hold = 1000 });
	struct engine *e = engine_start(&b.p, T0);
	struct evlog l = { 0 }, want = { 0 };
	upd(e, T0 + 10000, &l);
	/* 3 s ticks 2 and 1 (it starts at 3); 1.5 s ticks 1; 1 s none. */
	struct engine_event w[] = {
		ev_of(ENGINE_SEGMENT_START, 0, 0, 0),
		ev_of(ENGINE_TICK, 0, 2, 1000),
		ev_of(ENGINE_TICK, 0, 1, 2000),
		ev_of(ENGINE_EXERCISE_DONE, 0, 0, 3000),
		ev_of(ENGINE_SEGMENT_START, 1, 0, 3000),
		ev_of(ENGINE_TICK, 1, 1, 3500),
		ev_of(ENGINE_EXERCISE_DONE, 1, 0, 4500),
		ev_of(ENGINE_SEGMENT_START, 2, 0, 4500),
		ev_of(ENGINE_EXERCISE_DONE, 2, 0, 5500),
		ev_of(ENGINE_FINISHED, 3, 0, 5500),
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		log_add(&want, w[i]);
	assert_log_equal(&l, &want);
	log_free(&l);
	log_free(&want);
	engine_free(e);
	plan_release(&b.p);
}

static void test_one_rep_one_phase(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_A, .phase = PH_ONE,
				     .n_phase = 1, .reps = 1 });
	assert_int_equal(b.p.n, 1);
	struct engine *e = engine_start(&b.p, T0);
	struct evlog l = { 0 };
	struct engine_state st;
	engine_state(e, T0 + 100, &st);
	assert_int_equal(st.seg->rep_i, 1);
	assert_int_equal(st.seg_remaining_ms, 400);
	assert_int_equal(engine_ms_until_change(e, T0 + 100), 400);
	upd(e, T0 + 499, &l);
	assert_int_equal(l.n, 1);
	upd(e, T0 + 500, &l);
	assert_int_equal(l.n, 3);
	assert_event(l.v[1], ev_of(ENGINE_EXERCISE_DONE, 0, 0, 500), 1);
	assert_event(l.v[2], ev_of(ENGINE_FINISHED, 1, 0, 500), 2);
	log_free(&l);
	engine_free(e);
	plan_release(&b.p);
}

static void test_empty_plan(void **state)
{
	(void)state;
	struct plan p = { 0 };
	struct engine *e = engine_start(&p, T0);
	assert_non_null(e);
	struct evlog l = { 0 };
	upd(e, T0 + 10, &l);
	assert_int_equal(l.n, 1);
	assert_event(l.v[0], ev_of(ENGINE_FINISHED, 0, 0, 0), 0);
	assert_int_equal(upd(e, T0 + 20, &l), 0);
	engine_skip(e, T0 + 30);
	engine_back(e, T0 + 30);
	engine_rep_done(e, T0 + 30);
	assert_int_equal(upd(e, T0 + 40, &l), 0);
	struct engine_summary sum;
	engine_summary(e, T0 + 50, &sum);
	assert_int_equal(sum.planned_ms, 0);
	assert_int_equal(sum.exercises_total, 0);
	assert_true(sum.completed);
	log_free(&l);
	engine_free(e);
}

/* 4 h of 0.5 s segments: 60 steps of 480 reps. */
static struct plan routine_max(void)
{
	struct tb b = { 0 };
	for (int s = 0; s < 60; s++)
		tb_step(&b, &(struct tstep){ .ex = s % 2 ? &EX_A : &EX_B,
					     .phase = PH_ONE, .n_phase = 1,
					     .reps = 480 });
	return b.p;
}

static void test_max_plan_late(void **state)
{
	(void)state;
	struct plan p = routine_max();
	assert_int_equal(p.n, 28800);
	assert_int_equal(p.total_ms, ROUTINE_MAX_PLAN_MS);
	int64_t *len = plan_lens(&p);
	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 }, want = { 0 };
	upd(e, T0 + ROUTINE_MAX_PLAN_MS + 600000, &l);
	assert_int_equal(l.n, 28800 + 60 + 1);
	expect_events(&p, len, INT64_MAX, &want);
	assert_log_equal(&l, &want);
	struct engine_summary sum;
	engine_summary(e, T0 + ROUTINE_MAX_PLAN_MS + 600000, &sum);
	assert_int_equal(sum.done_ms, ROUTINE_MAX_PLAN_MS);
	assert_int_equal(sum.exercises_done, 60);
	log_free(&l);
	log_free(&want);
	free(len);
	engine_free(e);
	plan_release(&p);
}

static void test_max_plan_irregular(void **state)
{
	(void)state;
	struct plan p = routine_max();
	int edges = 0;
	struct run_opts o = { 2024, true, true, 1500 };
	struct model m = run_irregular(&p, &o, &edges);
	assert_int_equal(model_seg_start(&m, p.n), p.total_ms + m.ext);
	model_free(&m);
	step_by_change(&p);
	plan_release(&p);
}

static void test_max_plan_long_holds(void **state)
{
	(void)state;
	struct tb b = { 0 };
	for (int s = 0; s < 4; s++)
		tb_step(&b, &(struct tstep){ .ex = &EX_E,
					     .hold = ROUTINE_MAX_MS });
	assert_int_equal(b.p.total_ms, ROUTINE_MAX_PLAN_MS);
	int edges = 0;
	struct run_opts o = { 77, true, true, 1500 };
	struct model m = run_irregular(&b.p, &o, &edges);
	assert_int_equal(model_seg_start(&m, b.p.n), b.p.total_ms + m.ext);
	model_free(&m);
	plan_release(&b.p);
}

/* ---- real routine files, through the loader and plan_build ----------- */

/* Loads path, plans it, and plays it: one late update that must start
 * every segment at its plan start_ms, an irregular run with pauses and
 * extensions, and a run stepped by engine_ms_until_change. */
static void play_file(const char *path, const char *library, uint64_t seed)
{
	struct library lib;
	struct diags d = { 0 };
	int rc = loader_load_library(library, &lib, &d);
	struct library *libs[] = { &lib };
	struct routine r;
	rc |= loader_load_routine(path, libs, 1, &r, &d);
	if (rc)
		diag_print(&d, stderr);
	assert_int_equal(rc, 0);
	struct plan p;
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	assert_true(p.n > 0);

	struct engine *e = engine_start(&p, T0);
	struct evlog l = { 0 };
	upd(e, T0 + p.total_ms + 600000, &l);
	size_t starts = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].kind == ENGINE_SEGMENT_START) {
			assert_int_equal(l.v[i].seg, starts);
			assert_int_equal(l.v[i].at_ms, p.seg[starts].start_ms);
			starts++;
		}
	/* A self-paced rep waits for its key, however late the update. */
	size_t first_sp = 0;
	while (first_sp < p.n && !p.seg[first_sp].self_paced)
		first_sp++;
	struct engine_state st;
	engine_state(e, T0 + p.total_ms + 600000, &st);
	assert_int_equal(st.step_count, r.n_steps);
	if (first_sp < p.n) {
		assert_int_equal(starts, first_sp + 1);
		assert_int_equal(st.seg_index, first_sp);
		assert_true(st.seg->self_paced);
	} else {
		assert_int_equal(starts, p.n);
		assert_event(l.v[l.n - 1],
			     ev_of(ENGINE_FINISHED, p.n, 0, p.total_ms), 0);
		assert_true(st.finished);
	}
	engine_free(e);
	log_free(&l);

	int edges = 0;
	struct run_opts o = { seed, true, true, 1500 };
	struct model m = run_irregular(&p, &o, &edges);
	model_free(&m);
	step_by_change(&p);
	plan_free(&p);
	routine_free(&r);
	library_free(&lib);
	diag_free(&d);
}

static bool is_routine_file(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0 &&
	       strcmp(name, "exercises.yaml") != 0;
}

static void test_shipped_routines(void **state)
{
	(void)state;
	DIR *dir = opendir("routines");
	assert_non_null(dir);
	int played = 0;
	for (struct dirent *de; (de = readdir(dir));) {
		if (!is_routine_file(de->d_name))
			continue;
		char path[512];
		snprintf(path, sizeof path, "routines/%s", de->d_name);
		print_message("playing %s\n", path);
		play_file(path, "routines/exercises.yaml", (uint64_t)played + 1);
		played++;
	}
	closedir(dir);
	assert_true(played >= 6);
}

static void test_blueprint_example(void **state)
{
	(void)state;
	play_file("tests/data/good/upper-back.yaml",
		  "tests/data/good/exercises.yaml", 314);
	/* Every step kind, self-paced reps and half-second times. */
	play_file("tests/data/good/features.yml",
		  "tests/data/good/exercises.yaml", 2718);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_irregular_full_routine),
		cmocka_unit_test(test_irregular_no_pauses_ends_at_total),
		cmocka_unit_test(test_irregular_self_paced),
		cmocka_unit_test(test_late_update_emits_everything),
		cmocka_unit_test(test_late_update_after_lead_in),
		cmocka_unit_test(test_state_without_update),
		cmocka_unit_test(test_skip),
		cmocka_unit_test(test_skip_from_rest_step_and_last),
		cmocka_unit_test(test_skip_while_paused_stays_paused),
		cmocka_unit_test(test_back),
		cmocka_unit_test(test_back_at_grace_and_in_rest_step),
		cmocka_unit_test(test_extend),
		cmocka_unit_test(test_extend_cap),
		cmocka_unit_test(test_unextend),
		cmocka_unit_test(test_pause_resume_lead_in),
		cmocka_unit_test(test_pause_during_lead_in),
		cmocka_unit_test(test_rep_done),
		cmocka_unit_test(test_rep_wait_clocks_run),
		cmocka_unit_test(test_quit),
		cmocka_unit_test(test_events_at_boundaries),
		cmocka_unit_test(test_until_change_steps_full),
		cmocka_unit_test(test_until_change_irregular),
		cmocka_unit_test(test_until_change_after_fractional_commands),
		cmocka_unit_test(test_single_hold),
		cmocka_unit_test(test_no_get_ready),
		cmocka_unit_test(test_one_rep_one_phase),
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_max_plan_late),
		cmocka_unit_test(test_max_plan_irregular),
		cmocka_unit_test(test_max_plan_long_holds),
		cmocka_unit_test(test_shipped_routines),
		cmocka_unit_test(test_blueprint_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
