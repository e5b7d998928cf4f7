/* plan — lay a routine out as a timeline of segments (see plan.h). */
#include "plan.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"

/* One rep of a reps step, in ms. */
static int64_t rep_ms(const struct step *s)
{
	const struct exercise *x = s->exercise;
	if (s->self_paced || !x || x->n_phases == 0)
		return s->tempo_ms;
	int64_t ms = 0;
	for (size_t i = 0; i < x->n_phases; i++)
		ms += x->phases[i].ms;
	return ms;
}

static int64_t work_ms(const struct step *s)
{
	return s->kind == STEP_HOLD ? s->hold_ms : s->reps * rep_ms(s);
}

static int64_t step_ms(const struct step *s)
{
	if (s->kind == STEP_REST)
		return s->rest_ms;
	int64_t sides = s->sides.n ? (int64_t)s->sides.n : 1;
	int64_t set = sides * work_ms(s) + (sides - 1) * s->switch_ms;
	return s->get_ready_ms + s->sets * set + (s->sets - 1) * s->set_rest_ms;
}

/* Upper bound on the segments of a step, for one allocation. */
static size_t step_segments(const struct step *s)
{
	if (s->kind == STEP_REST)
		return 1;
	size_t sides = s->sides.n ? s->sides.n : 1;
	size_t per_side = 1;
	if (s->kind == STEP_REPS) {
		size_t phases = s->self_paced || !s->exercise->n_phases
					? 1 : s->exercise->n_phases;
		per_side = (size_t)s->reps * phases;
	}
	return 1 + (size_t)s->sets * (sides * (per_side + 1));
}

struct builder {
	struct plan *p;
	int64_t t;
};

_Static_assert(ROUTINE_MAX_REPS <= SHRT_MAX && ROUTINE_MAX_SETS <= SHRT_MAX &&
	       ROUTINE_MAX_SIDES <= SHRT_MAX && ROUTINE_MAX_PHASES <= SHRT_MAX,
	       "a segment's counts are shorts");
_Static_assert(ROUTINE_MAX_PLAN_MS <= INT32_MAX && ROUTINE_MAX_STEPS <= UINT16_MAX,
	       "a segment's times are int32_t, its step a uint16_t");
_Static_assert(sizeof(struct segment) <= 56, "struct segment grew");

static struct segment *emit(struct builder *b, enum segment_kind kind,
			    int64_t len, size_t step, const struct step *s)
{
	struct segment *g = &b->p->seg[b->p->n++];
	memset(g, 0, sizeof *g);
	g->kind = kind;
	g->start_ms = (int32_t)b->t;   /* plan_build: within ROUTINE_MAX_PLAN_MS */
	g->len_ms = (int32_t)len;
	g->step = (uint16_t)step;      /* < n_steps <= ROUTINE_MAX_STEPS */
	g->exercise = s->exercise;
	g->side_n = 1;
	g->set_i = g->set_n = 1;
	b->t += len;
	return g;
}

static void place(struct segment *g, const struct step *s, int set, int side)
{
	g->set_i = (short)set;
	g->set_n = (short)s->sets;
	g->side_n = s->sides.n ? (short)s->sides.n : 1;
	g->side_i = (short)side;
	g->side = s->sides.n ? s->sides.v[side - 1] : NULL;
}

static void emit_work(struct builder *b, size_t step, const struct step *s,
		      int set, int side)
{
	if (s->kind == STEP_HOLD) {
		place(emit(b, SEG_WORK, s->hold_ms, step, s), s, set, side);
		return;
	}
	const struct exercise *x = s->exercise;
	int phased = !s->self_paced && x->n_phases > 0;
	int n_phases = phased ? (int)x->n_phases : 1;
	for (int rep = 1; rep <= s->reps; rep++) {
		for (int ph = 1; ph <= n_phases; ph++) {
			int64_t len = phased ? x->phases[ph - 1].ms : s->tempo_ms;
			struct segment *g = emit(b, SEG_WORK, len, step, s);
			place(g, s, set, side);
			g->rep_i = (short)rep;
			g->rep_n = (short)s->reps;
			g->phase_i = (short)(phased ? ph : 0);
			g->phase_n = (short)(phased ? n_phases : 0);
			g->cue = phased ? x->phases[ph - 1].cue : NULL;
			g->self_paced = s->self_paced;
		}
	}
}

static void emit_step(struct builder *b, size_t step, const struct step *s)
{
	if (s->kind == STEP_REST) {
		emit(b, SEG_REST, s->rest_ms, step, s);
		return;
	}
	int sides = s->sides.n ? (int)s->sides.n : 1;
	if (s->get_ready_ms > 0)
		place(emit(b, SEG_PREPARE, s->get_ready_ms, step, s), s, 1, 1);
	for (int set = 1; set <= s->sets; set++) {
		if (set > 1 && s->set_rest_ms > 0)
			place(emit(b, SEG_REST, s->set_rest_ms, step, s), s, set, 1);
		for (int side = 1; side <= sides; side++) {
			if (side > 1 && s->switch_ms > 0)
				place(emit(b, SEG_SWITCH, s->switch_ms, step, s),
				      s, set, side);
			emit_work(b, step, s, set, side);
		}
	}
}

enum plan_status plan_build(const struct routine *r, struct plan *p)
{
	memset(p, 0, sizeof *p);
	p->routine = r;
	if (r->n_steps == 0)
		return PLAN_EMPTY;
	size_t cap = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		p->total_ms += step_ms(&r->steps[i]);
		if (p->total_ms > ROUTINE_MAX_PLAN_MS)
			break;
	}
	if (p->total_ms > ROUTINE_MAX_PLAN_MS)
		return PLAN_TOO_LONG;  /* bounded before anything is allocated */
	for (size_t i = 0; i < r->n_steps; i++)
		cap += step_segments(&r->steps[i]);
	p->seg = malloc(cap * sizeof *p->seg);
	if (!p->seg)
		return PLAN_NOMEM;
	struct builder b = { p, 0 };
	for (size_t i = 0; i < r->n_steps; i++)
		emit_step(&b, i, &r->steps[i]);
	return p->n ? PLAN_OK : PLAN_EMPTY;
}

void plan_free(struct plan *p)
{
	free(p->seg);
	memset(p, 0, sizeof *p);
}

const char *plan_kind_name(enum segment_kind k)
{
	switch (k) {
	case SEG_PREPARE: return "prepare";
	case SEG_WORK:    return "work";
	case SEG_SWITCH:  return "switch";
	case SEG_REST:    return "rest";
	}
	return "?";
}

size_t plan_step_start(const struct plan *p, size_t i)
{
	while (i > 0 && p->seg[i - 1].step == p->seg[i].step)
		i--;
	return i;
}

size_t plan_step_end(const struct plan *p, size_t i)
{
	size_t step = p->seg[i].step;
	while (i < p->n && p->seg[i].step == step)
		i++;
	return i;
}

size_t plan_seg_at(const struct plan *p, int64_t ms)
{
	size_t lo = 0, hi = p->n;   /* the first segment that ends after ms */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->seg[mid].start_ms + p->seg[mid].len_ms <= ms)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct segment *plan_next_work(const struct plan *p, size_t i)
{
	for (size_t j = i; j < p->n && p->seg[j].step == p->seg[i].step; j++)
		if (p->seg[j].kind == SEG_WORK)
			return &p->seg[j];
	return &p->seg[i];
}

static bool plan_left_right(const char *side)
{
	return strcmp(side, "left") == 0 || strcmp(side, "right") == 0;
}

char *plan_where(const struct segment *g, int flags, const char *sep,
		 char *buf, size_t size)
{
	size_t n = 0;
	bool caps = flags & PLAN_WHERE_CAPS, brief = flags & PLAN_WHERE_SHORT;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	if (g->side) {
		for (const char *p = g->side; *p && n + 1 < size; p++)
			buf[n++] = caps && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		buf[n] = '\0';
		if (!brief && plan_left_right(g->side))
			snprintf(buf + n, size - n, " side");
		n = strlen(buf);
	}
	if (g->set_n > 1)
		snprintf(buf + n, size - n, brief ? "%sset %d/%d" : "%sset %d of %d",
			 n ? sep : "", g->set_i, g->set_n);
	return buf;
}

const char *plan_switch_text(const struct plan *p, const struct segment *g,
			     int flags)
{
	bool turn = p->routine && g->step < p->routine->n_steps &&
		    p->routine->steps[g->step].side_word == ROUTINE_DIRECTIONS;
	if (flags & PLAN_WHERE_CAPS)
		return turn ? "CHANGE DIRECTION" : "SWITCH SIDES";
	return turn ? "Change direction" : "Switch sides";
}

char *plan_rep_text(const struct segment *g, int flags, char *buf,
		    size_t size)
{
	char word[ROUTINE_MAX_REP_WORD + 8];
	routine_rep_word_cap(g->exercise, 1, word, sizeof word);
	snprintf(buf, size, flags & PLAN_WHERE_SHORT ? "%s %d/%d" : "%s %d of %d",
		 word, g->rep_i, g->rep_n);
	return buf;
}

char *plan_reps_text(const struct exercise *x, int n, char *buf, size_t size)
{
	snprintf(buf, size, "%d %s", n, routine_rep_word(x, n));
	return buf;
}

int plan_check(const struct routine *r, struct plan *p, struct diags *d)
{
	char a[DURATION_BUF], b[DURATION_BUF];
	enum plan_status st = plan_build(r, p);
	const struct srcpos *at = &r->steps_pos;
	if (st == PLAN_TOO_LONG)
		diag_error(d, r->path, at->line, at->col,
			   "the plan is %s long; the limit is 240:00 (4 h)",
			   duration_format(p->total_ms, a, sizeof a));
	else if (st == PLAN_EMPTY)
		diag_error(d, r->path, at->line, at->col, "the routine has no steps");
	else if (st == PLAN_NOMEM)
		diag_error(d, r->path, 0, 0, "out of memory");
	if (st != PLAN_OK) {
		plan_free(p);
		return -1;
	}
	int64_t off = p->total_ms - r->duration_ms;
	if (r->duration_ms > 0 && (off > ROUTINE_DURATION_SLACK_MS ||
				   off < -ROUTINE_DURATION_SLACK_MS)) {
		at = &r->duration_pos;
		diag_error(d, r->path, at->line, at->col,
			   "declared duration %s but the steps add up to %s "
			   "(more than 5s apart)",
			   duration_format(r->duration_ms, a, sizeof a),
			   duration_format(p->total_ms, b, sizeof b));
		plan_free(p);
		return -1;
	}
	return 0;
}
