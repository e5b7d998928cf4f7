/* plan — a routine flattened into a timeline of segments, in milliseconds.
 * Pure: no clocks, no I/O. Layout (the totals depend on it):
 *   - every exercise step starts with a PREPARE of get_ready (0 leaves it out);
 *   - sets are the outer loop, sides the inner one;
 *   - SWITCH between sides, REST of set_rest between sets, nothing after the last;
 *   - a rest step is one REST segment; nothing else is inserted between steps.
 * A hold is one WORK segment; reps give one WORK segment per phase per rep
 * (a self-paced rep is one WORK segment of the step's tempo). */
#ifndef STRETCHTUI_PLAN_H
#define STRETCHTUI_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "routine.h"

enum segment_kind { SEG_PREPARE, SEG_WORK, SEG_SWITCH, SEG_REST };

/* A plan has one of these for every rep and phase (176 for upper-back-15),
 * all resident for the session: the fields are narrow, the routine's
 * limits (routine.h) keep them small (a whole plan within
 * ROUTINE_MAX_PLAN_MS, ROUTINE_MAX_STEPS steps; plan.c checks the types
 * hold them). */
struct segment {
	/* The exercise being done, or coming next for PREPARE, SWITCH and a
	 * set REST; NULL for a rest step. */
	const struct exercise *exercise;
	const char *side;                 /* label, NULL when the step has none */
	const char *cue;                  /* phase cue, or NULL */
	int32_t start_ms, len_ms;         /* plan time: within 4 h */
	uint16_t step;                    /* index into routine->steps */
	short side_i, side_n;             /* 1-based; side_n 1 when no sides */
	short set_i, set_n;               /* 1-based */
	short rep_i, rep_n;               /* 1-based; 0 for holds and transitions */
	short phase_i, phase_n;           /* 1-based; 0 when not a phase */
	bool self_paced;                  /* WORK that ends on a key, not on time */
	enum segment_kind kind;           /* last: no padding before it */
};

struct plan {
	const struct routine *routine;
	struct segment *seg;
	size_t n;
	int64_t total_ms;
};

enum plan_status { PLAN_OK, PLAN_EMPTY, PLAN_TOO_LONG, PLAN_NOMEM };

/* Builds p from r (which must outlive p). On PLAN_TOO_LONG p->total_ms still
 * holds the total that was reached. */
enum plan_status plan_build(const struct routine *r, struct plan *p);
void plan_free(struct plan *p);

/* plan_build plus the rules only a plan can check, as diagnostics against
 * the routine's file: the 4 h limit (at `steps:`) and a declared
 * `duration:` more than 5 s off the plan's total (at `duration:`).
 * 0 when p is a valid plan (free it), -1 otherwise (p is freed). */
int plan_check(const struct routine *r, struct plan *p, struct diags *d);

const char *plan_kind_name(enum segment_kind k);  /* "prepare", "work", ... */

/* The routine step segment i belongs to, as segments [start, end): the
 * index of its first segment, and of the first one of the step after it
 * (p->n when none). */
size_t plan_step_start(const struct plan *p, size_t i);
size_t plan_step_end(const struct plan *p, size_t i);

/* Index of the segment that plan time ms falls in (the one that starts
 * at it, at a boundary); p->n at or past the end. */
size_t plan_seg_at(const struct plan *p, int64_t ms);

/* The first WORK segment from i on within i's step (i's own when none):
 * what a prepare, a switch or a set rest leads to. */
const struct segment *plan_next_work(const struct plan *p, size_t i);

/* Where in its step a segment is, in words: "left side, set 1 of 2"
 * (flags 0, sep ", "), "LEFT side · set 1 of 2" (PLAN_WHERE_CAPS, sep
 * " · "), "LEFT · set 1/2" (PLAN_WHERE_CAPS | PLAN_WHERE_SHORT); "" when
 * it has neither a side nor more than one set. Returns buf. */
enum { PLAN_WHERE_CAPS = 1, PLAN_WHERE_SHORT = 2 };
char *plan_where(const struct segment *g, int flags, const char *sep,
		 char *buf, size_t size);

/* A switch segment's words: "Switch sides", or "Change direction" when
 * its step's sides are directions (side_word: direction); with
 * PLAN_WHERE_CAPS "SWITCH SIDES", "CHANGE DIRECTION". */
const char *plan_switch_text(const struct plan *p, const struct segment *g,
			     int flags);

/* Rep rep_i of rep_n of g in its exercise's word: "Rep 3 of 8",
 * "Breath 3 of 10"; PLAN_WHERE_SHORT: "Rep 3/8". Returns buf. */
char *plan_rep_text(const struct segment *g, int flags, char *buf,
		    size_t size);

/* n reps of x as a count: "8 reps", "1 rep", "10 breaths". Returns buf. */
char *plan_reps_text(const struct exercise *x, int n, char *buf, size_t size);

#endif
