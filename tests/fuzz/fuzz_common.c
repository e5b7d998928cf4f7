/* fuzz_common — see fuzz_common.h. */
#include "fuzz_common.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_lib.h"   /* generated: fuzz_lib_text */
#include "ydoc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	(void)ydoc_hold();   /* never released: the run's end closes it */
	return 0;
}

void fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
	fflush(stderr);
	abort();
}

void fuzz_check_diags(int rc, const struct diags *d, size_t max)
{
	FUZZ_ASSERT((rc == 0) == (d->errors == 0));
	FUZZ_ASSERT(rc == 0 || rc == -1);
	FUZZ_ASSERT(d->errors <= d->n && d->n <= max);
	for (size_t i = 0; i < d->n; i++) {
		FUZZ_ASSERT(d->v[i].file != NULL && d->v[i].msg != NULL);
		FUZZ_ASSERT(d->v[i].line >= 0 && d->v[i].col >= 0);
	}
}

static void fuzz_check_segment(const struct routine *r,
			       const struct segment *s)
{
	FUZZ_ASSERT(s->len_ms > 0 && s->step < r->n_steps);
	FUZZ_ASSERT((s->exercise == NULL) ==
		    (r->steps[s->step].kind == STEP_REST));
	/* A rest step's segment has no side: side_i 0 (side_n 1). */
	bool rest = r->steps[s->step].kind == STEP_REST;
	FUZZ_ASSERT(s->side_i >= (rest ? 0 : 1) && s->side_i <= s->side_n);
	FUZZ_ASSERT(s->side_n <= ROUTINE_MAX_SIDES);
	FUZZ_ASSERT(s->set_i >= 1 && s->set_i <= s->set_n);
	FUZZ_ASSERT(s->rep_i >= 0 && s->rep_i <= s->rep_n);
	FUZZ_ASSERT(s->phase_i >= 0 && s->phase_i <= s->phase_n);
	FUZZ_ASSERT(!s->self_paced || s->kind == SEG_WORK);
}

void fuzz_check_plan(const struct routine *r, const struct plan *p)
{
	FUZZ_ASSERT(p->routine == r && p->n > 0);
	int64_t t = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct segment *s = &p->seg[i];
		FUZZ_ASSERT(s->start_ms == t);
		FUZZ_ASSERT(i == 0 || s->step >= p->seg[i - 1].step);
		fuzz_check_segment(r, s);
		t += s->len_ms;
	}
	FUZZ_ASSERT(t == p->total_ms && t <= ROUTINE_MAX_PLAN_MS);
}

void fuzz_library(struct library *lib)
{
	struct diags d = { 0 };
	int rc = loader_parse_library("exercises.yaml", fuzz_lib_text,
				      sizeof fuzz_lib_text - 1, lib, &d);
	FUZZ_ASSERT(rc == 0 && d.n == 0);
	diag_free(&d);
}

int fuzz_routine(const char *buf, size_t len, struct library *lib,
		 struct routine *r, struct plan *p)
{
	struct library *libs[] = { lib };
	struct diags d = { 0 };
	int rc = loader_parse_routine("fuzz.yaml", buf, len, libs, 1, r, &d);
	fuzz_check_diags(rc, &d, FUZZ_MAX_LOAD_DIAGS);
	if (rc == 0) {
		FUZZ_ASSERT(r->name != NULL && r->n_steps > 0);
		rc = plan_check(r, p, &d);
		fuzz_check_diags(rc, &d, 1);
		if (rc == 0)
			fuzz_check_plan(r, p);
	}
	diag_free(&d);
	return rc;
}
