/* Tests for cue: what is rung, said and run, and when, for hand-built
 * plans played on a fake clock with a sink that records; the bell per
 * session for the shipped routines, before (the old rule) and after; and
 * the children: speech ended by a newer utterance, hooks capped, all
 * gone at the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clock.h"
#include "cue.h"
#include "diag.h"
#include "engine.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"

#define T0 7000000      /* wall ms the sessions start at */

static const struct exercise EX_BOOK = { .name = "Open book" };
static const struct exercise EX_NECK = { .name = "Neck hold" };
static const struct exercise EX_WALL = { .name = "Wall angels" };
static const struct exercise EX_SLIDE = { .name = "Wall slide" };
static const struct exercise EX_ROLL = { .name = "Foam roll" };
static const struct exercise EX_BAD = { .name = "Evil\x1b[2J\nname\xff" };

/* ---- plan builder (the blueprint's layout, independent of plan.c) ----- */

struct tb {
	struct plan p;
	size_t cap, step;
};

struct tphase {
	const char *cue;
	int64_t ms;
};

struct tstep {
	const struct exercise *ex;   /* NULL: a rest step of `rest` */
	int64_t get_ready, hold, sw, set_rest, rest, tempo;
	const struct tphase *phase;
	size_t n_phase;
	int reps, sides, sets;
	bool self_paced;
};

static struct segment *tb_push(struct tb *b, enum segment_kind kind, int64_t len,
			       const struct exercise *ex)
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

static void tb_place(struct segment *s, const struct tstep *t, int set, int side)
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
			int64_t len = t->self_paced ? t->tempo : t->phase[k].ms;
			struct segment *s = tb_push(b, SEG_WORK, len, t->ex);
			tb_place(s, t, set, side);
			s->rep_i = (short)(rep + 1);
			s->rep_n = (short)t->reps;
			s->self_paced = t->self_paced;
			s->cue = t->self_paced ? NULL : t->phase[k].cue;
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
		tb_place(tb_push(b, SEG_PREPARE, t->get_ready, t->ex), t, 0, 0);
	for (int set = 0; set < sets; set++) {
		for (int side = 0; side < sides; side++) {
			if (side && t->sw)
				tb_place(tb_push(b, SEG_SWITCH, t->sw, t->ex), t, set, side);
			tb_work(b, t, set, side);
		}
		if (set + 1 < sets)
			tb_place(tb_push(b, SEG_REST, t->set_rest, t->ex), t, set + 1, 0);
	}
	b->step++;
}

static const struct tphase PH_BOOK[] = { { "Open", 3000 }, { "Close", 1500 } };
static const struct tphase PH_LONG[] = { { "Reach", 20000 }, { "Down", 2000 } };

/* ---- the recording sink --------------------------------------------------- */

enum rec_kind { REC_BELL, REC_SAY, REC_HOOK };

struct rec {
	enum rec_kind kind;
	int64_t t, wall;               /* session and wall ms (from T0) */
	char text[200];                /* said, or the hook's event */
	struct cue_hook h;
};

struct log {
	struct rec v[4000];
	size_t n;
	int64_t t, wall;               /* of the update under way */
};

static struct rec *log_add(struct log *l, enum rec_kind k)
{
	assert_true(l->n < sizeof l->v / sizeof *l->v);
	struct rec *r = &l->v[l->n++];
	memset(r, 0, sizeof *r);
	r->kind = k;
	r->t = l->t;
	r->wall = l->wall;
	return r;
}

static void rec_bell(void *ctx)
{
	log_add(ctx, REC_BELL);
}

static void rec_say(void *ctx, const char *text)
{
	snprintf(log_add(ctx, REC_SAY)->text, sizeof ((struct rec *)0)->text, "%s", text);
}

static void rec_hook(void *ctx, const struct cue_hook *h)
{
	struct rec *r = log_add(ctx, REC_HOOK);
	r->h = *h;
	snprintf(r->text, sizeof r->text, "%s", h->event);
}

/* ---- playing on a fake clock ---------------------------------------------- */

struct play {
	const struct plan *p;
	struct engine *e;
	struct cue *c;
	struct log *l;
	int64_t now;
	struct engine_state st;
	int64_t rep_ms;                /* a self-paced rep is done this long in */
};

static void play_update(struct play *pl)
{
	const struct engine_event *ev;
	size_t n = engine_update(pl->e, pl->now, &ev);
	engine_state(pl->e, pl->now, &pl->st);
	pl->l->t = pl->st.elapsed_ms;
	pl->l->wall = pl->now - T0;
	cue_update(pl->c, ev, n, &pl->st);
}

static void play_start(struct play *pl, const struct plan *p, struct log *l)
{
	static const struct cue_sink sink0 = { NULL, rec_bell, rec_say, rec_hook };
	struct cue_sink sink = sink0;
	sink.ctx = l;
	memset(l, 0, sizeof *l);
	*pl = (struct play){ .p = p, .l = l, .now = T0, .rep_ms = 2000 };
	pl->e = engine_start(p, T0);
	pl->c = cue_new(p, &sink);
	assert_non_null(pl->e);
	assert_non_null(pl->c);
	play_update(pl);
}

/* Wakes as a front end does (at each change the engine or the cue asks
 * for) until wall time `until` (from T0) or the end; a self-paced rep is
 * done after rep_ms. */
static void play_until(struct play *pl, int64_t until)
{
	play_update(pl);      /* what a command just did comes out at once */
	while (!pl->st.finished && pl->now < T0 + until) {
		int64_t ms = cue_timeout(pl->c, &pl->st, engine_ms_until_change(pl->e, pl->now));
		if ((pl->st.seg && pl->st.seg->self_paced) && !pl->st.paused && pl->st.resume_in_ms == 0) {
			int64_t rep = pl->rep_ms - pl->st.seg_elapsed_ms;
			if (rep <= 0) {
				engine_rep_done(pl->e, pl->now);
				play_update(pl);
				continue;
			}
			ms = ms < 0 || rep < ms ? rep : ms;
		}
		pl->now = ms < 0 || pl->now + ms > T0 + until ? T0 + until : pl->now + ms;
		play_update(pl);
	}
}

static void play_end(struct play *pl)
{
	cue_free(pl->c);
	engine_free(pl->e);
}

/* Plays p to its end; the records in *l. */
static void play_all(const struct plan *p, struct log *l)
{
	struct play pl;
	play_start(&pl, p, l);
	play_until(&pl, INT64_C(1) << 40);
	assert_true(pl.st.finished);
	play_end(&pl);
}

/* The records of one kind as "SESSION_MS text" lines, compared with want. */
static void expect(const struct log *l, enum rec_kind k, const char *const *want,
		   size_t n_want)
{
	size_t got = 0;
	char line[256];
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].kind != k)
			continue;
		snprintf(line, sizeof line, "%lld %s", (long long)l->v[i].t, l->v[i].text);
		if (got < n_want)
			assert_string_equal(line, want[got]);
		else
			fail_msg("more than expected: %s", line);
		got++;
	}
	if (got != n_want)
		fail_msg("%zu records, expected %zu (next: %s)", got, n_want, want[got]);
}

#define EXPECT(l, k, ...) do { \
		static const char *const w_[] = { __VA_ARGS__ }; \
		expect(l, k, w_, sizeof w_ / sizeof *w_); \
	} while (0)

static size_t count(const struct log *l, enum rec_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += l->v[i].kind == k;
	return n;
}

static struct log *new_log(void)
{
	struct log *l = calloc(1, sizeof *l);
	assert_non_null(l);
	return l;
}

/* ---- what is said ----------------------------------------------------------- */

/* A hold with sides and sets: get ready (once), 3-2-1 in each hold of
 * 10 s or more, "Switch sides", the set rest with what comes next. */
static void test_hold_sides_sets(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .get_ready = 5000, .hold = 12000,
				     .sides = 2, .sets = 2, .sw = 5000, .set_rest = 15000 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_SAY,
	       "0 Get ready: Neck hold, left side, set 1 of 2, 12 seconds",
	       "14000 3", "15000 2", "16000 1",
	       "17000 Switch sides",
	       "31000 3", "32000 2", "33000 1",
	       "34000 Rest, 15 seconds. Next: Neck hold, left side, set 2 of 2",
	       "46000 3", "47000 2", "48000 1",
	       "58000 3", "59000 2", "60000 1",
	       "61000 Switch sides",
	       "75000 3", "76000 2", "77000 1",
	       "78000 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* Rep phases of 2 s or more say their cue word, shorter ones nothing;
 * a long rep phase has no 3-2-1 (it is not a hold). */
static void test_reps_phases(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_BOOK, .get_ready = 5000, .phase = PH_BOOK,
				     .n_phase = 2, .reps = 2, .sides = 2, .sw = 5000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_WALL, .get_ready = 5000, .phase = PH_LONG,
				     .n_phase = 2, .reps = 1 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_SAY,
	       "0 Get ready: Open book, left side, 2 reps",
	       "5000 Open", "9500 Open",
	       "14000 Switch sides",
	       "19000 Open", "23500 Open",
	       "28000 Get ready: Wall angels, 1 rep",
	       "33000 Reach", "53000 Down",
	       "55000 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* A rest step says what comes next and counts down its end; a last
 * rest has nothing next; long times are said in minutes. */
static void test_rests(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .get_ready = 2000, .hold = 5000 });
	tb_step(&b, &(struct tstep){ .rest = 30000 });
	tb_step(&b, &(struct tstep){ .rest = 9000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_WALL, .get_ready = 5000, .hold = 150000 });
	tb_step(&b, &(struct tstep){ .rest = 1000 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_SAY,
	       "0 Get ready: Neck hold, 5 seconds",
	       "7000 Rest, 30 seconds. Next: Wall angels",
	       "34000 3", "35000 2", "36000 1",
	       "37000 Rest, 9 seconds. Next: Wall angels",
	       "46000 Get ready: Wall angels, 2 minutes 30 seconds",
	       "126000 Halfway",
	       "198000 3", "199000 2", "200000 1",
	       "201000 Rest, 1 second",
	       "202000 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* "Halfway" in holds of 60 s or more, at the half even when it falls
 * between two seconds (the cue asks to be woken for it), not in a 59 s
 * hold; after an extension, at the half of the longer hold. */
static void test_halfway(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_ROLL, .hold = 61500 });
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .hold = 59000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_WALL, .hold = 60000 });
	struct log *l = new_log();
	struct play pl;
	play_start(&pl, &b.p, l);
	play_until(&pl, 61500 + 59000 + 10000);
	engine_extend(pl.e, pl.now);          /* the 60 s hold is 70 s now */
	play_until(&pl, INT64_C(1) << 40);
	play_end(&pl);
	EXPECT(l, REC_SAY,
	       "30750 Halfway", "58500 3", "59500 2", "60500 1",
	       "117500 3", "118500 2", "119500 1",
	       "155500 Halfway", "187500 3", "188500 2", "189500 1",
	       "190500 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* Self-paced reps: told as such at the get ready, nothing per rep. */
static void test_self_paced(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_SLIDE, .get_ready = 5000, .reps = 3,
				     .self_paced = true, .tempo = 4000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_SLIDE, .get_ready = 5000, .reps = 1,
				     .self_paced = true, .tempo = 4000 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_SAY,
	       "0 Get ready: Wall slide, 3 reps at your own pace",
	       "11000 Get ready: Wall slide, 1 rep at your own pace",
	       "18000 Done. Well done.");
	EXPECT(l, REC_BELL, "0 ", "5000 ", "11000 ", "16000 ", "18000 ");
	free(l);
	free(b.p.seg);
}

/* Pause, skip, back and extend move what is said with the session:
 * times here are session times (pauses and lead-ins left out). */
static void test_commands(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .get_ready = 5000, .hold = 20000 });
	tb_step(&b, &(struct tstep){ .rest = 30000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_WALL, .get_ready = 5000, .hold = 12000 });
	struct log *l = new_log();
	struct play pl;
	play_start(&pl, &b.p, l);
	play_until(&pl, 8000);
	engine_pause(pl.e, pl.now);
	play_until(&pl, 20000);                /* 12 s paused: nothing said */
	engine_resume(pl.e, pl.now);           /* 3 s lead-in */
	play_until(&pl, 30000);                /* session 15 s */
	engine_extend(pl.e, pl.now);           /* the hold ends at 35 s */
	play_until(&pl, 50000);                /* session 35 s: the rest starts */
	engine_skip(pl.e, pl.now);             /* to Wall angels */
	play_until(&pl, 52500);
	engine_back(pl.e, pl.now);             /* within 3 s: back to Neck hold */
	play_until(&pl, 54000);
	engine_skip(pl.e, pl.now);
	play_until(&pl, INT64_C(1) << 40);
	play_end(&pl);
	EXPECT(l, REC_SAY,
	       "0 Get ready: Neck hold, 20 seconds",
	       "32000 3", "33000 2", "34000 1",
	       "35000 Rest, 30 seconds. Next: Wall angels",
	       "35000 Get ready: Wall angels, 12 seconds",
	       "37500 Get ready: Neck hold, 20 seconds",
	       "39000 Get ready: Wall angels, 12 seconds",
	       "53000 3", "54000 2", "55000 1",
	       "56000 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* A name from a file cannot drive the terminal through a speech
 * program: controls and bad bytes are said as spaces. */
static void test_text_made_safe(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_BAD, .get_ready = 1000, .hold = 1000 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_SAY, "0 Get ready: Evil [2J name , 1 second", "2000 Done. Well done.");
	free(l);
	free(b.p.seg);
}

/* Quitting is not finishing: nothing said, no bell, a "quit" hook. */
static void test_quit(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .get_ready = 5000, .hold = 20000 });
	struct log *l = new_log();
	struct play pl;
	play_start(&pl, &b.p, l);
	play_until(&pl, 7500);
	engine_quit(pl.e, pl.now);
	play_until(&pl, 9000);
	play_end(&pl);
	EXPECT(l, REC_SAY, "0 Get ready: Neck hold, 20 seconds");
	EXPECT(l, REC_BELL, "0 ", "5000 ");
	EXPECT(l, REC_HOOK, "0 start", "2000 tick", "3000 tick", "4000 tick",
	       "5000 segment", "7500 quit");
	free(l);
	free(b.p.seg);
}

/* ---- the bell --------------------------------------------------------------- */

/* Rings at a new exercise, a switch, the end of a get ready, switch or
 * rest, the 3-2-1 of holds and rests of 10 s or more, the finish; once
 * per wake-up; never at a rep phase. */
static void test_bell_policy(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_BOOK, .get_ready = 5000, .phase = PH_BOOK,
				     .n_phase = 2, .reps = 2, .sides = 2, .sw = 5000,
				     .sets = 2, .set_rest = 10000 });
	tb_step(&b, &(struct tstep){ .rest = 9500 });
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .hold = 10000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_WALL, .hold = 9000 });
	struct log *l = new_log();
	play_all(&b.p, l);
	EXPECT(l, REC_BELL,
	       "0 ", "5000 ",                     /* new exercise, work begins */
	       "14000 ", "19000 ",                /* switch, its end */
	       "35000 ", "36000 ", "37000 ", "38000 ",  /* set rest: 3-2-1, end */
	       "47000 ", "52000 ",                /* switch, its end */
	       /* 61000: a rest step starts: no bell (9.5 s: no 3-2-1) */
	       "70500 ",                          /* its end and the hold: a new
	                                           * exercise (once) */
	       "77500 ", "78500 ", "79500 ",      /* the 10 s hold's 3-2-1 */
	       "80500 ",                          /* a new exercise (9 s: no 3-2-1) */
	       "89500 ");                         /* the finish */
	free(l);
	free(b.p.seg);
}

/* The rule this module replaced (ui_event_rings): every segment start,
 * the end, and the 3-2-1 of all but rep phases under 5 s. */
static bool old_rings(const struct plan *p, const struct engine_event *ev)
{
	if (ev->kind == ENGINE_SEGMENT_START || ev->kind == ENGINE_FINISHED)
		return true;
	if (ev->kind != ENGINE_TICK || ev->seg >= p->n)
		return false;
	const struct segment *g = &p->seg[ev->seg];
	return !(g->rep_n > 0 && g->len_ms < 5000);
}

/* Bells in one session of p, a front end's wake-up at a time (one bell
 * per wake-up that has any), under the old rule and the new one. */
static void bells_per_session(const struct plan *p, int *before, int *after)
{
	struct log *l = new_log();
	struct play pl;
	play_start(&pl, p, l);
	*before = 0;
	while (!pl.st.finished) {
		int64_t ms = cue_timeout(pl.c, &pl.st, engine_ms_until_change(pl.e, pl.now));
		if ((pl.st.seg && pl.st.seg->self_paced)) {
			engine_rep_done(pl.e, pl.now + pl.st.seg_len_ms - pl.st.seg_elapsed_ms);
			ms = 0;
		}
		pl.now += ms > 0 ? ms : 0;
		const struct engine_event *ev;
		size_t n = engine_update(pl.e, pl.now, &ev);
		bool ring = false;
		for (size_t i = 0; i < n; i++)
			ring |= old_rings(p, &ev[i]);
		*before += ring;
		engine_state(pl.e, pl.now, &pl.st);
		cue_update(pl.c, ev, n, &pl.st);
	}
	*before += 1;   /* the first segment's start, cued by play_start */
	*after = (int)count(l, REC_BELL);
	play_end(&pl);
	free(l);
}

static bool is_routine_file(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0 &&
	       strcmp(name, "exercises.yaml") != 0;
}

static void load_plan(const char *path, const char *library, struct routine *r,
		      struct plan *p, struct library *lib)
{
	struct diags d = { 0 };
	int rc = loader_load_library(library, lib, &d);
	struct library *libs[] = { lib };
	rc |= loader_load_routine(path, libs, 1, r, &d);
	if (rc)
		diag_print(&d, stderr);
	diag_free(&d);
	assert_int_equal(rc, 0);
	assert_int_equal(plan_build(r, p), PLAN_OK);
}

/* The table for the issue: bells per session, before and after, for each
 * shipped routine; the blueprint's example pinned. */
static void test_bells_shipped(void **state)
{
	(void)state;
	char names[16][256];
	size_t n = 0;
	DIR *dir = opendir("routines");
	assert_non_null(dir);
	for (struct dirent *de; (de = readdir(dir)) && n < 16;)
		if (is_routine_file(de->d_name))
			snprintf(names[n++], sizeof names[0], "%s", de->d_name);
	closedir(dir);
	qsort(names, n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
	assert_true(n >= 6);
	print_message("%-28s %6s %6s\n", "bells per session", "before", "after");
	for (size_t i = 0; i < n; i++) {
		char path[600];
		struct routine r;
		struct plan p;
		struct library lib;
		int before, after;
		snprintf(path, sizeof path, "routines/%.255s", names[i]);
		load_plan(path, "routines/exercises.yaml", &r, &p, &lib);
		bells_per_session(&p, &before, &after);
		print_message("%-28s %6d %6d\n", names[i], before, after);
		assert_true(after < before);
		assert_true(2 * after < before);   /* rep phases no longer ring */
		plan_free(&p);
		routine_free(&r);
		library_free(&lib);
	}
}

/* How many spoken texts are exactly text. */
static size_t said(const struct log *l, const char *text)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += l->v[i].kind == REC_SAY && strcmp(l->v[i].text, text) == 0;
	return n;
}

/* Shipped routines: directions change, they do not switch sides
 * (side_word: direction); breathing is counted in breaths. */
static void test_direction_and_breaths_shipped(void **state)
{
	(void)state;
	struct routine r;
	struct plan p;
	struct library lib;
	struct log *l = new_log();
	load_plan("routines/morning-10.yaml", "routines/exercises.yaml", &r, &p, &lib);
	play_all(&p, l);
	assert_int_equal(said(l, "Change direction"), 2);   /* hips, shoulders */
	assert_int_equal(said(l, "Switch sides"), 3);   /* book, needle, hip flexor */
	assert_int_equal(said(l, "Get ready: Hip circles, clockwise, 5 reps"), 1);
	plan_free(&p);
	routine_free(&r);
	library_free(&lib);
	load_plan("routines/evening-unwind-8.yaml", "routines/exercises.yaml", &r, &p,
		  &lib);
	play_all(&p, l);
	assert_int_equal(said(l, "Get ready: Diaphragmatic breathing, 9 breaths"), 1);
	plan_free(&p);
	routine_free(&r);
	library_free(&lib);
	free(l);
}

/* ---- hooks ------------------------------------------------------------------ */

static const struct rec *hook_at(const struct log *l, size_t k)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == REC_HOOK && k-- == 0)
			return &l->v[i];
	fail_msg("no hook %zu", k);
	return NULL;
}

static void check_hook_fields(const struct log *l);

/* One hook per moment, named for it, with what is on then. */
static void test_hooks(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_BOOK, .get_ready = 2000, .phase = PH_BOOK,
				     .n_phase = 2, .reps = 1, .sides = 2, .sw = 1000,
				     .sets = 2, .set_rest = 3000 });
	tb_step(&b, &(struct tstep){ .rest = 4000 });
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .hold = 5000 });
	static struct routine r = { .id = "hooks", .name = "Hooks" };
	b.p.routine = &r;
	struct log *l = new_log();
	struct play pl;
	play_start(&pl, &b.p, l);
	play_until(&pl, 3000);
	engine_pause(pl.e, pl.now);
	play_until(&pl, 4000);
	engine_resume(pl.e, pl.now);
	play_until(&pl, 30000);
	engine_skip(pl.e, pl.now);     /* session 26 s, in the rest step */
	play_until(&pl, INT64_C(1) << 40);
	play_end(&pl);
	EXPECT(l, REC_HOOK, "0 start", "1000 tick", "2000 segment", "3000 tick",
	       "3000 pause", "3000 resume", "4000 tick", "5000 segment", "5500 tick",
	       "6500 switch", "7500 segment", "8500 tick", "9500 tick", "10500 segment",
	       "11000 tick", "12000 rest", "13000 tick", "14000 tick", "15000 segment",
	       "16000 tick", "17000 tick", "18000 segment", "18500 tick", "19500 switch",
	       "20500 segment", "21500 tick", "22500 tick", "23500 segment", "24000 tick",
	       "25000 rest", "26000 tick", "26000 skip", "28000 tick", "29000 tick",
	       "30000 tick", "31000 finish");
	check_hook_fields(l);
	free(l);
	free(b.p.seg);
}

/* test_hooks' variables at a few of its runs. */
static void check_hook_fields(const struct log *l)
{
	const struct rec *h = hook_at(l, 0);
	assert_string_equal(h->h.routine, "hooks");
	assert_string_equal(h->h.exercise, "Open book");
	assert_string_equal(h->h.side, "left");
	assert_string_equal(h->h.kind, "prepare");
	assert_string_equal(h->h.set, "1/2");
	assert_string_equal(h->h.rep, "");
	assert_int_equal(h->h.remaining_s, 34);
	assert_int_equal(h->h.elapsed_s, 0);
	h = hook_at(l, 18);            /* set 2, left side, rep 1, phase 1 */
	assert_string_equal(h->h.side, "left");
	assert_string_equal(h->h.set, "2/2");
	assert_string_equal(h->h.rep, "1/1");
	assert_string_equal(h->h.kind, "work");
	assert_int_equal(h->h.remaining_s, 19);
	assert_int_equal(h->h.elapsed_s, 15);
	h = hook_at(l, 29);            /* the rest step */
	assert_string_equal(h->h.exercise, "");
	assert_string_equal(h->h.set, "");
	assert_string_equal(h->h.kind, "rest");
	h = hook_at(l, 31);            /* the skip: from the rest to the hold */
	assert_string_equal(h->h.exercise, "Neck hold");
	assert_string_equal(h->h.kind, "work");
	assert_int_equal(h->h.remaining_s, 5);
	assert_int_equal(h->h.elapsed_s, 26);
	h = hook_at(l, 35);
	assert_string_equal(h->h.event, "finish");
	assert_string_equal(h->h.kind, "");
	assert_string_equal(h->h.exercise, "");
	assert_int_equal(h->h.remaining_s, 0);
	assert_int_equal(h->h.elapsed_s, 31);
}

/* ---- words ------------------------------------------------------------------ */

static void test_words(void **state)
{
	(void)state;
	char **w = cue_words("  espeak-ng -v 'en us' -s\t\"1\\\"50\" a\\ b '' x");
	assert_non_null(w);
	const char *want[] = { "espeak-ng", "-v", "en us", "-s", "1\"50", "a b", "", "x" };
	for (size_t i = 0; i < 8; i++)
		assert_string_equal(w[i], want[i]);
	assert_null(w[8]);
	free(w);
	assert_null(cue_words(""));
	assert_null(cue_words(" \t "));
	assert_null(cue_words("say 'open"));
	assert_null(cue_words("say \"open"));
	w = cue_words("say");
	assert_non_null(w);
	assert_string_equal(w[0], "say");
	assert_null(w[1]);
	free(w);
}

/* ---- the children ----------------------------------------------------------- */

struct warns {
	int n;
	char last[512];
};

static void rec_warn(void *ctx, const char *msg)
{
	struct warns *w = ctx;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

/* Children of this process right now (from /proc; -1 without it). */
static int children(void)
{
	char path[320], buf[512];
	int n = 0;
	DIR *d = opendir("/proc");
	if (!d)
		return -1;
	for (struct dirent *de; (de = readdir(d));) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", de->d_name);
		FILE *f = fopen(path, "r");
		if (!f)
			continue;
		size_t len = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[len] = '\0';
		const char *p = strrchr(buf, ')');
		int ppid = 0;
		char st;
		if (p && sscanf(p + 1, " %c %d", &st, &ppid) == 2 && ppid == getpid())
			n++;
	}
	closedir(d);
	return n;
}

static void nap(int ms)
{
	poll(NULL, 0, ms);
}

/* A newer utterance ends (SIGTERM) an older one still speaking; the end
 * leaves no child. */
static void test_kids_speech(void **state)
{
	(void)state;
	struct warns w = { 0 };
	struct cue_front front = { &w, NULL, rec_warn };
	struct cue_config cfg = { false, true, "sh -c 'exec sleep 30' speaker", NULL };
	struct cue_kids *k = cue_kids_open(&cfg, &front);
	assert_non_null(k);
	assert_int_equal(w.n, 0);
	cue_kids_say(k, "one");
	cue_kids_say(k, "two");
	for (int i = 0; i < 100 && cue_kids_alive(k) > 1; i++) {
		nap(10);
		cue_kids_reap(k);
	}
	assert_int_equal(cue_kids_alive(k), 1);
	cue_kids_say(k, "three");
	int64_t t = clock_now_ms();
	cue_kids_close(k, 0, 0);
	assert_true(clock_now_ms() - t < 1000);
	if (children() >= 0)
		assert_int_equal(children(), 0);
	assert_int_equal(w.n, 0);
}

/* At most CUE_HOOKS_MAX hooks in flight, the rest dropped and counted;
 * a hanging hook (and what it started) is ended with the session; a
 * hook sees its STRETCHTUI_* variables, and not inherited ones. */
static void test_kids_hooks(void **state)
{
	(void)state;
	char dir[] = "/tmp/stretchtui-cue.XXXXXX", cmd[512], path[600], buf[512] = "";
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "printf '%%s\\n' \"$STRETCHTUI_EVENT|$STRETCHTUI_EXERCISE|$STRETCHTUI_SET"
		 "|$STRETCHTUI_REMAINING_S|$STRETCHTUI_SIDE\" > %s/out; sleep 30 & wait", dir);
	setenv("STRETCHTUI_SIDE", "inherited", 1);
	struct warns w = { 0 };
	struct cue_front front = { &w, NULL, rec_warn };
	struct cue_config cfg = { false, false, NULL, cmd };
	struct cue_kids *k = cue_kids_open(&cfg, &front);
	assert_non_null(k);
	struct cue_hook h = { .event = "segment", .routine = "r", .exercise = "Neck\nhold",
			      .side = "", .kind = "work", .set = "1/2", .remaining_s = 42 };
	for (int i = 0; i < CUE_HOOKS_MAX + 2; i++)
		cue_kids_hook(k, &h);
	assert_int_equal(cue_kids_alive(k), CUE_HOOKS_MAX);
	assert_int_equal(cue_kids_dropped(k), 2);
	snprintf(path, sizeof path, "%s/out", dir);
	for (int i = 0; i < 200 && !buf[0]; i++) {
		FILE *f = fopen(path, "r");
		if (f && !fgets(buf, sizeof buf, f))
			buf[0] = '\0';
		if (f)
			fclose(f);
		if (!buf[0])
			nap(10);
	}
	assert_string_equal(buf, "segment|Neck\\nhold|1/2|42|\n");
	int64_t t = clock_now_ms();
	cue_kids_close(k, CUE_END_SPEECH_MS, CUE_END_HOOK_MS);
	assert_true(clock_now_ms() - t < 1000);
	if (children() >= 0)
		assert_int_equal(children(), 0);
	unsetenv("STRETCHTUI_SIDE");
	unlink(path);
	rmdir(dir);
	assert_int_equal(w.n, 0);
}

/* No speech program: one warning, then silence; a command that is not
 * found is said the same way. */
static void test_kids_no_speech(void **state)
{
	(void)state;
	struct warns w = { 0 };
	struct cue_front front = { &w, NULL, rec_warn };
	char *old = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "/nonexistent", 1);
	struct cue_config cfg = { false, true, NULL, NULL };
	struct cue_kids *k = cue_kids_open(&cfg, &front);
	assert_non_null(k);
	cue_kids_say(k, "anyone?");
	assert_int_equal(cue_kids_alive(k), 0);
	cue_kids_close(k, 0, 0);
	assert_int_equal(w.n, 1);
	assert_string_equal(w.last, "no speech program: 'espeak-ng' (or spd-say) is not "
			    "installed; going on without speech");
	cfg.speech_command = "nosuch-speaker -v en";
	k = cue_kids_open(&cfg, &front);
	cue_kids_say(k, "anyone?");
	assert_int_equal(cue_kids_alive(k), 0);
	cue_kids_close(k, 0, 0);
	assert_int_equal(w.n, 2);
	assert_string_equal(w.last, "speech program 'nosuch-speaker' not found; going on "
			    "without speech");
	if (old)
		setenv("PATH", old, 1);
	free(old);
}

/* cue_open and cue_end together: the end lets "Done. Well done." finish
 * (but not past CUE_END_SPEECH_MS), the summary note counts the drops. */
static void test_open_end(void **state)
{
	(void)state;
	struct tb b = { 0 };
	tb_step(&b, &(struct tstep){ .ex = &EX_NECK, .get_ready = 3000, .hold = 1000 });
	struct warns w = { 0 };
	struct cue_front front = { &w, NULL, rec_warn };
	struct cue_config cfg = { false, true, "sh -c 'sleep 0.2' x", "exec sleep 30" };
	struct cue *c = cue_open(&b.p, &cfg, &front);
	struct engine *e = engine_start(&b.p, T0);
	const struct engine_event *ev;
	struct engine_state st;
	for (int64_t now = T0; now <= T0 + 4000; now += 500) {
		size_t n = engine_update(e, now, &ev);
		engine_state(e, now, &st);
		cue_update(c, ev, n, &st);
	}
	char note[128];
	size_t len = cue_note(c, note, sizeof note);
	assert_int_equal(len, strlen(note));
	/* start, 2 ticks, segment, finish: 5 hooks of 30 s, one too many */
	assert_string_equal(note, "1 event hook was dropped: too many still running.");
	int64_t t = clock_now_ms();
	cue_end(c, e, T0 + 4000);
	int64_t took = clock_now_ms() - t;
	assert_true(took >= CUE_END_HOOK_MS);   /* the hooks had their grace */
	assert_true(took < 1000);
	if (children() >= 0)
		assert_int_equal(children(), 0);
	assert_int_equal(w.n, 0);
	engine_free(e);
	free(b.p.seg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hold_sides_sets),
		cmocka_unit_test(test_reps_phases),
		cmocka_unit_test(test_rests),
		cmocka_unit_test(test_halfway),
		cmocka_unit_test(test_self_paced),
		cmocka_unit_test(test_commands),
		cmocka_unit_test(test_text_made_safe),
		cmocka_unit_test(test_quit),
		cmocka_unit_test(test_bell_policy),
		cmocka_unit_test(test_bells_shipped),
		cmocka_unit_test(test_direction_and_breaths_shipped),
		cmocka_unit_test(test_hooks),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_kids_speech),
		cmocka_unit_test(test_kids_hooks),
		cmocka_unit_test(test_kids_no_speech),
		cmocka_unit_test(test_open_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
