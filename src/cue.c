/* cue — the policy: engine events to the bell, spoken text and hook runs
 * (see cue.h). Reads no clock, starts nothing: the sink does. */
#include "cue.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "duration.h"
#include "utf8.h"

struct cue {
	const struct plan *p;
	struct cue_sink sink;
	struct cue_front front;       /* cue_open's */
	struct cue_kids *kids;        /* cue_open's, or NULL */
	bool started;                 /* the "start" hook is on its way */
	const char *pending;          /* a hook waiting for its segment start */
	size_t pending_seg;
	int64_t pending_at;
	size_t half_done;             /* 1 + the segment whose half-way is past */
};

#define CUE_TEXT 512
#define CUE_HALFWAY_LATE_MS 2000      /* a half-way noticed later is not said */

/* ---- what a segment is ------------------------------------------------------ */

static bool cue_is_hold(const struct segment *g)
{
	return g->kind == SEG_WORK && g->rep_n == 0 && !g->self_paced;
}

/* A hold or a rest long enough for its 3-2-1. */
static bool cue_counts_down(const struct segment *g)
{
	return (cue_is_hold(g) || g->kind == SEG_REST) && g->len_ms >= CUE_TICK_MIN_MS;
}

bool cue_rings(const struct plan *p, const struct engine_event *ev, bool quit)
{
	if (ev->kind == ENGINE_FINISHED)
		return !quit;
	if (ev->seg >= p->n)
		return false;
	const struct segment *g = &p->seg[ev->seg];
	if (ev->kind == ENGINE_TICK)
		return cue_counts_down(g);
	if (ev->kind != ENGINE_SEGMENT_START)
		return false;
	if (g->kind == SEG_SWITCH || (g->exercise && plan_step_start(p, ev->seg) == ev->seg))
		return true;
	return ev->seg > 0 && p->seg[ev->seg - 1].kind != SEG_WORK;
}

/* ---- spoken text -------------------------------------------------------------- */

static void cue_cat(char *buf, size_t size, const char *fmt, ...) DIAG_PRINTF(3, 4);

/* Appends to the text in buf (cut at size). */
static void cue_cat(char *buf, size_t size, const char *fmt, ...)
{
	size_t used = strnlen(buf, size);
	va_list ap;
	va_start(ap, fmt);
	if (used + 1 < size)
		vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
}

static bool cue_left_right(const char *side)
{
	static const char *const lr[] = { "left", "right" };
	for (size_t k = 0; k < 2; k++) {
		size_t i = 0;
		while (lr[k][i] && (side[i] | 0x20) == lr[k][i])
			i++;
		if (!lr[k][i] && !side[i])
			return true;
	}
	return false;
}

/* ", left side, set 2 of 3" */
static void cue_where(const struct segment *w, char *buf, size_t size)
{
	if (w->side)
		cue_cat(buf, size, cue_left_right(w->side) ? ", %s side" : ", %s", w->side);
	if (w->set_n > 1) {
		cue_cat(buf, size, ", set %d of %d", w->set_i, w->set_n);
	}
}

/* "30 seconds", "2 minutes", "2 minutes 30 seconds" (seconds rounded). */
static void cue_duration(int64_t ms, char *buf, size_t size)
{
	long s = (long)((ms + 500) / 1000);
	s = s < 1 ? 1 : s;
	if (s < 120) {
		cue_cat(buf, size, "%ld second%s", s, s == 1 ? "" : "s");
		return;
	}
	cue_cat(buf, size, "%ld minutes", s / 60);
	if (s % 60)
		cue_cat(buf, size, " %ld second%s", s % 60, s % 60 == 1 ? "" : "s");
}

/* "Open book, left side, 8 reps": the work of the step segment i is in. */
static void cue_what(const struct plan *p, size_t i, char *buf, size_t size)
{
	const struct segment *w = plan_next_work(p, i);
	cue_cat(buf, size, "%s", w->exercise ? w->exercise->name : "");
	cue_where(w, buf, size);
	if (w->rep_n > 0) {
		cue_cat(buf, size, ", %d %s%s", w->rep_n,
			routine_rep_word(w->exercise, w->rep_n),
			w->self_paced ? " at your own pace" : "");
	} else {
		cue_cat(buf, size, ", ");
		cue_duration(w->len_ms, buf, size);
	}
}

/* "Rest, 30 seconds. Next: Wall angels" (a set rest: the next set). */
static void cue_rest_text(const struct plan *p, size_t i, char *buf, size_t size)
{
	const struct segment *g = &p->seg[i];
	cue_cat(buf, size, "Rest, ");
	cue_duration(g->len_ms, buf, size);
	if (g->exercise) {
		const struct segment *w = plan_next_work(p, i);
		cue_cat(buf, size, ". Next: %s", g->exercise->name);
		cue_where(w, buf, size);
		return;
	}
	for (size_t j = i + 1; j < p->n; j++)
		if (p->seg[j].exercise) {
			cue_cat(buf, size, ". Next: %s", p->seg[j].exercise->name);
			return;
		}
}

/* What is said when segment i starts ("" for nothing). */
static void cue_segment_text(const struct plan *p, size_t i, char *buf, size_t size)
{
	const struct segment *g = &p->seg[i];
	buf[0] = '\0';
	if (g->kind == SEG_PREPARE) {
		cue_cat(buf, size, "Get ready: ");
		cue_what(p, i, buf, size);
	} else if (g->kind == SEG_SWITCH) {
		cue_cat(buf, size, "%s", plan_switch_text(p, g, 0));
	} else if (g->kind == SEG_REST) {
		cue_rest_text(p, i, buf, size);
	} else if (g->rep_n > 0 && !g->self_paced && g->cue &&
		   g->len_ms >= CUE_PHASE_MIN_MS) {
		cue_cat(buf, size, "%s", g->cue);
	}
}

/* Text from files for a speech program: controls, bidi overrides and
 * bytes that are not UTF-8 become spaces. */
static void cue_clean(char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || utf8_is_unsafe(cp)) {
			len = len ? len : 1;
			memset(s + i, ' ', len);
		}
		i += len;
	}
}

static void cue_say(struct cue *c, char *text)
{
	if (!text[0] || !c->sink.say)
		return;
	cue_clean(text);
	c->sink.say(c->sink.ctx, text);
}

/* What ev makes said, into buf ("" for nothing). */
static void cue_event_text(const struct cue *c, const struct engine_event *ev,
			   bool quit, char *buf, size_t size)
{
	const struct plan *p = c->p;
	buf[0] = '\0';
	if (ev->kind == ENGINE_FINISHED && !quit)
		snprintf(buf, size, "Done. Well done.");
	else if (ev->seg >= p->n)
		return;
	else if (ev->kind == ENGINE_SEGMENT_START)
		cue_segment_text(p, ev->seg, buf, size);
	else if (ev->kind == ENGINE_TICK && cue_counts_down(&p->seg[ev->seg]))
		snprintf(buf, size, "%d", ev->value);
}

/* ---- half-way --------------------------------------------------------------- */

/* Session ms until the current hold's half-way, when it is to be said
 * and not yet past; -1 otherwise. */
static int64_t cue_halfway_in(const struct cue *c, const struct engine_state *st)
{
	if (!st->seg || !cue_is_hold(st->seg) || st->seg_len_ms < CUE_HALFWAY_MIN_MS ||
	    st->paused || st->resume_in_ms > 0 || c->half_done == st->seg_index + 1)
		return -1;
	int64_t left = st->seg_len_ms / 2 - st->seg_elapsed_ms;
	return left > 0 ? left : 0;
}

static void cue_halfway(struct cue *c, const struct engine_state *st)
{
	if (cue_halfway_in(c, st) != 0)
		return;
	c->half_done = st->seg_index + 1;
	char text[] = "Halfway";
	if (st->seg_elapsed_ms - st->seg_len_ms / 2 < CUE_HALFWAY_LATE_MS)
		cue_say(c, text);
}

int64_t cue_timeout(const struct cue *c, const struct engine_state *st,
		    int64_t engine_ms)
{
	int64_t half = c && c->sink.say ? cue_halfway_in(c, st) : -1;
	if (half < 0)
		return engine_ms;
	half = half > 0 ? half : 1;
	return engine_ms < 0 || half < engine_ms ? half : engine_ms;
}

/* ---- hooks ------------------------------------------------------------------ */

/* One hook per moment: a segment start is named for its kind; "start"
 * and "skip" take the place of the segment start that comes with them
 * (and tell what is on from then). NULL: no hook. */
static const char *cue_hook_name(const struct plan *p, const struct engine_event *ev,
				 bool quit)
{
	switch (ev->kind) {
	case ENGINE_SEGMENT_START:
		if (ev->seg >= p->n)
			return NULL;
		return p->seg[ev->seg].kind == SEG_SWITCH ? "switch"
		       : p->seg[ev->seg].kind == SEG_REST ? "rest" : "segment";
	case ENGINE_TICK: return "tick";
	case ENGINE_PAUSED: return "pause";
	case ENGINE_RESUMED: return "resume";
	case ENGINE_SKIPPED: return "skip";
	case ENGINE_FINISHED: return quit ? "quit" : "finish";
	default: return NULL;
	}
}

static void cue_hook_fill(const struct cue *c, struct cue_hook *h, size_t seg,
			  int64_t at, const struct engine_state *st)
{
	const struct plan *p = c->p;
	const struct segment *g = seg < p->n ? &p->seg[seg] : NULL;
	h->routine = p->routine && p->routine->id ? p->routine->id : "";
	h->exercise = g && g->exercise ? g->exercise->name : "";
	h->side = g && g->side ? g->side : "";
	h->kind = g ? plan_kind_name(g->kind) : "";
	h->set[0] = h->rep[0] = '\0';
	if (g && g->exercise)
		snprintf(h->set, sizeof h->set, "%d/%d", g->set_i, g->set_n);
	if (g && g->rep_n)
		snprintf(h->rep, sizeof h->rep, "%d/%d", g->rep_i, g->rep_n);
	int64_t left = g ? st->remaining_ms + st->elapsed_ms - at : 0;
	h->remaining_s = duration_ceil_seconds(left);
	h->elapsed_s = at > 0 ? at / 1000 : 0;
}

static void cue_run_hook(struct cue *c, const char *event, size_t seg,
			 int64_t at, const struct engine_state *st)
{
	struct cue_hook h = { .event = event };
	if (!c->sink.hook)
		return;
	cue_hook_fill(c, &h, seg, at, st);
	c->sink.hook(c->sink.ctx, &h);
}

static void cue_flush_hook(struct cue *c, const struct engine_state *st)
{
	if (c->pending)
		cue_run_hook(c, c->pending, c->pending_seg, c->pending_at, st);
	c->pending = NULL;
}

static void cue_event_hooks(struct cue *c, const struct engine_event *ev,
			    const struct engine_state *st)
{
	const char *name = cue_hook_name(c->p, ev, st->quit);
	if (!name)
		return;
	if (c->pending && ev->kind == ENGINE_SEGMENT_START && ev->at_ms == c->pending_at) {
		c->pending_seg = ev->seg;
		cue_flush_hook(c, st);
		return;
	}
	cue_flush_hook(c, st);
	if (ev->kind == ENGINE_SKIPPED) {
		c->pending = name;
		c->pending_seg = ev->seg;
		c->pending_at = ev->at_ms;
		return;
	}
	cue_run_hook(c, name, ev->seg, ev->at_ms, st);
}

/* ---- the session ------------------------------------------------------------ */

void cue_update(struct cue *c, const struct engine_event *ev, size_t n,
		const struct engine_state *st)
{
	char text[CUE_TEXT];
	bool ring = false;
	if (!c)
		return;
	if (!c->started) {
		c->started = true;
		c->pending = "start";
		c->pending_seg = 0;
		c->pending_at = 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (ev[i].kind == ENGINE_SEGMENT_START)
			c->half_done = 0;
		cue_event_text(c, &ev[i], st->quit, text, sizeof text);
		cue_say(c, text);
		cue_event_hooks(c, &ev[i], st);
		ring |= cue_rings(c->p, &ev[i], st->quit);
	}
	cue_flush_hook(c, st);
	cue_halfway(c, st);
	if (ring && c->sink.bell)
		c->sink.bell(c->sink.ctx);
}

struct cue *cue_new(const struct plan *p, const struct cue_sink *sink)
{
	struct cue *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->p = p;
	if (sink)
		c->sink = *sink;
	return c;
}

static void cue_front_bell(void *ctx)
{
	struct cue *c = ctx;
	if (c->front.bell)
		c->front.bell(c->front.ctx);
}

static void cue_kid_say(void *ctx, const char *text)
{
	cue_kids_say(((struct cue *)ctx)->kids, text);
}

static void cue_kid_hook(void *ctx, const struct cue_hook *h)
{
	cue_kids_hook(((struct cue *)ctx)->kids, h);
}

struct cue *cue_open(const struct plan *p, const struct cue_config *cfg,
		     const struct cue_front *front)
{
	struct cue_sink sink = { 0 };
	struct cue *c = cue_new(p, &sink);
	if (!c)
		return NULL;
	c->front = *front;
	c->sink.ctx = c;
	c->sink.bell = cfg->bell ? cue_front_bell : NULL;
	if (cfg->speak || cfg->on_event) {
		c->kids = cue_kids_open(cfg, front);
		c->sink.say = c->kids && cfg->speak ? cue_kid_say : NULL;
		c->sink.hook = c->kids && cfg->on_event ? cue_kid_hook : NULL;
	}
	return c;
}

void cue_reap(struct cue *c)
{
	if (c)
		cue_kids_reap(c->kids);
}

size_t cue_note(const struct cue *c, char *buf, size_t size)
{
	int n = c && c->kids ? cue_kids_dropped(c->kids) : 0;
	if (size)
		buf[0] = '\0';
	if (n <= 0 || !size)
		return 0;
	int len = snprintf(buf, size, "%d event hook%s dropped: too many still running.",
			   n, n == 1 ? " was" : "s were");
	return len < 0 ? 0 : strnlen(buf, size);
}

void cue_end(struct cue *c, struct engine *e, int64_t now)
{
	struct engine_state st = { .finished = true, .quit = true };
	if (!c)
		return;
	if (e) {
		const struct engine_event *ev;
		size_t n = engine_update(e, now, &ev);
		engine_state(e, now, &st);
		cue_update(c, ev, n, &st);
	}
	bool done = st.finished && !st.quit;
	cue_kids_close(c->kids, done ? CUE_END_SPEECH_MS : 0, CUE_END_HOOK_MS);
	free(c);
}

void cue_free(struct cue *c)
{
	if (!c)
		return;
	cue_kids_close(c->kids, 0, 0);
	free(c);
}
