/* test_start — where a session starts: --from STEP resolved against a
 * plan, engine_start_at on a fake clock (segment, clocks, lead-in,
 * summary), and the resume mark (format, parse, the one-hour window, a
 * changed file). The state directory is a temporary one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "author.h"
#include "engine.h"
#include "loader.h"
#include "plan.h"
#include "start.h"

/* 0:00 prepare 5, hold 30 (Foam roll) | 0:35 rest 20 | 0:55 prepare 5,
 * open book left 2 reps (12), switch 5, right (12) | 1:29 prepare 5, chin
 * tuck 2 x 2 s | 1:38 end. */
static const char routine_text[] =
	"name: Start test\n"
	"steps:\n"
	"  - use: foam-roll-upper-back\n"
	"    hold: 30s\n"
	"  - rest: 20s\n"
	"  - use: open-book\n"
	"    reps: 2\n"
	"  - exercise:\n"
	"      name: Chin tuck\n"
	"      phases: [{cue: Tuck, time: 1s}, {cue: Release, time: 1s}]\n"
	"    reps: 2\n";

struct fixture {
	struct library lib;
	struct routine r;
	struct plan p;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct diags d = { 0 };
	struct library *libs[1] = { &f->lib };
	assert_int_equal(loader_load_library("tests/data/good/exercises.yaml",
					     &f->lib, &d), 0);
	assert_int_equal(loader_parse_routine("start.yaml", routine_text,
					      strlen(routine_text), libs, 1,
					      &f->r, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(plan_build(&f->r, &f->p), PLAN_OK);
	assert_int_equal(f->p.total_ms, 98000);
	diag_free(&d);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	plan_free(&f->p);
	routine_free(&f->r);
	library_free(&f->lib);
	free(f);
	return 0;
}

/* start_from's answer for arg: the plan time, or -1 with the message. */
static int64_t from(struct fixture *f, const char *arg, char *msg, size_t size)
{
	struct diags d = { 0 };
	int64_t at = -2;
	int rc = start_from(&f->p, arg, &at, &d);
	msg[0] = '\0';
	if (d.n)
		diag_format(&d.v[0], msg, size);
	assert_int_equal(rc == 0, d.errors == 0);
	diag_free(&d);
	return rc == 0 ? at : -1;
}

static void test_from_number(void **state)
{
	char msg[512];
	assert_int_equal(from(*state, "1", msg, sizeof msg), 0);
	assert_int_equal(from(*state, "2", msg, sizeof msg), 35000);
	assert_int_equal(from(*state, "3", msg, sizeof msg), 55000);
	assert_int_equal(from(*state, "4", msg, sizeof msg), 89000);
	assert_int_equal(from(*state, "5", msg, sizeof msg), -1);
	assert_string_equal(msg, "start.yaml: error: --from 5: there is no step 5; "
			    "the routine has 4 steps (1 to 4)");
	assert_int_equal(from(*state, "0", msg, sizeof msg), -1);
	assert_int_equal(from(*state, "", msg, sizeof msg), -1);
	assert_string_equal(msg, "start.yaml: error: --from needs a step number "
			    "or an exercise's name");
}

static void test_from_name(void **state)
{
	char msg[512];
	assert_int_equal(from(*state, "Open book", msg, sizeof msg), 55000);
	assert_int_equal(from(*state, "open-book", msg, sizeof msg), 55000);
	assert_int_equal(from(*state, "CHIN", msg, sizeof msg), 89000);
	assert_int_equal(from(*state, "foam", msg, sizeof msg), 0);
	assert_int_equal(from(*state, "open boko", msg, sizeof msg), -1);
	assert_string_equal(msg, "start.yaml: error: --from 'open boko': no step "
			    "does an exercise of that name; did you mean 'Open book'?");
	assert_int_equal(from(*state, "banana", msg, sizeof msg), -1);
	assert_string_equal(msg, "start.yaml: error: --from 'banana': not a step "
			    "number (1 to 4) nor an exercise of this routine");
	assert_int_equal(from(*state, "o", msg, sizeof msg), 55000);
	assert_int_equal(from(*state, "foam-roll-upper", msg, sizeof msg), 0);
}

static void test_from_ambiguous(void **state)
{
	char msg[512];
	/* "f" starts Foam roll only; "" is refused; an ambiguous prefix: */
	struct fixture *f = *state;
	f->r.steps[3].exercise = f->r.steps[2].exercise;   /* same exercise twice */
	assert_int_equal(from(f, "open", msg, sizeof msg), 55000);
	const struct exercise *x = f->r.steps[0].exercise;
	struct exercise copy = *x;
	copy.name = "Open up";
	copy.id = NULL;
	f->r.steps[0].exercise = &copy;
	assert_int_equal(from(f, "open", msg, sizeof msg), -1);
	assert_string_equal(msg, "start.yaml: error: --from 'open': more than one "
			    "exercise starts so: 'Open up', 'Open book'");
	f->r.steps[0].exercise = x;
}

/* Runs e to now and returns the state. */
static struct engine_state at(struct engine *e, int64_t now)
{
	const struct engine_event *ev;
	struct engine_state st;
	engine_update(e, now, &ev);
	engine_state(e, now, &st);
	return st;
}

static void test_start_at_step(void **state)
{
	struct fixture *f = *state;
	struct engine *e = engine_start_at(&f->p, 1000, 55000);
	const struct engine_event *ev;
	size_t n = engine_update(e, 1000, &ev);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].kind, ENGINE_SEGMENT_START);
	assert_int_equal(ev[0].seg, plan_seg_at(&f->p, 55000));
	struct engine_state st = at(e, 1000);
	assert_int_equal(st.seg->kind, SEG_PREPARE);
	assert_int_equal(st.step_index, 2);
	assert_int_equal(st.elapsed_ms, 55000);
	assert_int_equal(st.remaining_ms, 43000);
	assert_false(st.paused);
	assert_int_equal(st.resume_in_ms, 0);
	st = at(e, 1000 + 5000);               /* the first rep's first phase */
	assert_int_equal(st.seg->kind, SEG_WORK);
	assert_int_equal(st.seg->start_ms, 60000);
	struct engine_summary sum;
	st = at(e, 1000 + 43000);
	assert_true(st.finished);
	engine_summary(e, 1000 + 43000, &sum);
	assert_true(sum.completed);
	assert_int_equal(sum.done_ms, 43000);
	assert_int_equal(sum.began_ms, 55000);
	assert_int_equal(sum.stopped_ms, 98000);
	assert_int_equal(sum.exercises_done, 2);
	assert_int_equal(sum.exercises_skipped, 0);
	engine_free(e);
}

/* Inside a segment: the lead-in first, then the rest of that segment. */
static void test_start_at_inside(void **state)
{
	struct fixture *f = *state;
	struct engine *e = engine_start_at(&f->p, 0, 20000);   /* 15 s into the hold */
	struct engine_state st = at(e, 0);
	assert_int_equal(st.seg->kind, SEG_WORK);
	assert_int_equal(st.seg->start_ms, 5000);
	assert_int_equal(st.resume_in_ms, ENGINE_RESUME_MS);
	assert_int_equal(st.seg_remaining_ms, 15000);
	assert_int_equal(st.elapsed_ms, 20000);
	st = at(e, 2000);
	assert_int_equal(st.seg_remaining_ms, 15000);         /* held in the lead-in */
	st = at(e, ENGINE_RESUME_MS + 15000);
	assert_int_equal(st.seg->kind, SEG_REST);
	assert_int_equal(st.elapsed_ms, 35000);
	engine_quit(e, ENGINE_RESUME_MS + 25000);
	struct engine_summary sum;
	engine_summary(e, ENGINE_RESUME_MS + 25000, &sum);
	assert_false(sum.completed);
	assert_int_equal(sum.stopped_ms, 45000);
	assert_int_equal(sum.done_ms, 25000);
	assert_int_equal(sum.paused_ms, ENGINE_RESUME_MS);
	engine_free(e);
}

/* Back within the grace of a step started late goes to that step's start;
 * where a quit stops counts the plan's time, not the extensions. */
static void test_start_at_back_and_extend(void **state)
{
	struct fixture *f = *state;
	struct engine *e = engine_start_at(&f->p, 0, 60000);
	at(e, 1000);
	engine_back(e, 1000 + ENGINE_BACK_GRACE_MS + 1000);
	struct engine_state st = at(e, 1000 + ENGINE_BACK_GRACE_MS + 1000);
	assert_int_equal(st.seg->start_ms, 55000);            /* this step's prepare */
	engine_extend(e, 5000 + ENGINE_BACK_GRACE_MS);
	engine_quit(e, 9000 + ENGINE_BACK_GRACE_MS);           /* 4 s in, 10 s added */
	struct engine_summary sum;
	engine_summary(e, 9000 + ENGINE_BACK_GRACE_MS, &sum);
	assert_int_equal(sum.stopped_ms, 55000 + 5000);       /* capped at its length */
	engine_free(e);
}

static void test_start_at_ends(void **state)
{
	struct fixture *f = *state;
	struct engine *e = engine_start_at(&f->p, 0, 98000);
	struct engine_state st = at(e, 0);
	assert_true(st.finished);
	engine_free(e);
	e = engine_start_at(&f->p, 0, -5);
	st = at(e, 0);
	assert_int_equal(st.seg_index, 0);
	assert_int_equal(st.elapsed_ms, 0);
	engine_free(e);
}

static void test_plan_seg_at(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(plan_seg_at(&f->p, 0), 0);
	assert_int_equal(plan_seg_at(&f->p, 4999), 0);
	assert_int_equal(plan_seg_at(&f->p, 5000), 1);
	assert_int_equal(plan_seg_at(&f->p, 97999), f->p.n - 1);
	assert_int_equal(plan_seg_at(&f->p, 98000), f->p.n);
}

/* ---- the mark ---------------------------------------------------------- */

static void test_mark_round_trip(void **state)
{
	(void)state;
	struct start_mark m = { 12345, 1700000000, 64768, 99, 451, 1690000000, 123456789, "" };
	struct start_mark back;
	char line[START_PATH_MAX + 256];
	strcpy(m.path, "/home/a b/\tx.yaml");
	assert_int_equal(start_mark_format(&m, line, sizeof line), 0);
	assert_int_equal(start_mark_parse(line, &back), 0);
	assert_memory_equal(&m, &back, sizeof m);
	strcpy(m.path, "/x\ny.yaml");
	assert_int_equal(start_mark_format(&m, line, sizeof line), -1);
	assert_int_equal(start_mark_parse("2\t1\t1\t1\t1\t1\t1\t1\t/x", &back), -1);
	assert_int_equal(start_mark_parse("1\t1\t1\t1\t1\t1\t1\t/x", &back), -1);
	assert_int_equal(start_mark_parse("1\tx\t1\t1\t1\t1\t1\t1\t/x", &back), -1);
	assert_int_equal(start_mark_parse("1\t-1\t1\t1\t1\t1\t1\t1\t/x", &back), -1);
	assert_int_equal(start_mark_parse("1\t1\t1\t1\t1\t1\t1\t1\t", &back), -1);
	assert_int_equal(start_mark_parse("", &back), -1);
}

struct tmp {
	char dir[64], file[96];
};

static void tmp_make(struct tmp *t)
{
	strcpy(t->dir, "/tmp/test_start.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	setenv("XDG_STATE_HOME", t->dir, 1);
	snprintf(t->file, sizeof t->file, "%s/r.yaml", t->dir);
	FILE *fp = fopen(t->file, "w");
	assert_non_null(fp);
	fputs(routine_text, fp);
	fclose(fp);
}

static void tmp_remove(struct tmp *t)
{
	char p[160];
	snprintf(p, sizeof p, "%s/stretchtui/resume", t->dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/stretchtui", t->dir);
	rmdir(p);
	unlink(t->file);
	rmdir(t->dir);
}

static int resume(const char *arg, int64_t now, struct start_mark *m, char *msg,
		  size_t size)
{
	struct diags d = { 0 };
	int rc = start_resume(NULL, arg, now, m, &d);
	msg[0] = '\0';
	if (d.n)
		diag_format(&d.v[0], msg, size);
	diag_free(&d);
	return rc;
}

static void test_resume_window(void **state)
{
	(void)state;
	struct tmp t;
	struct start_mark m;
	char msg[512];
	tmp_make(&t);
	assert_int_equal(resume(NULL, 1000, &m, msg, sizeof msg), -1);
	assert_string_equal(msg, "stretchtui: error: --resume: no stopped session to resume");
	struct engine_summary s = { .planned_ms = 98000, .stopped_ms = 41500 };
	start_session_ended(t.file, &s, 1000000);
	assert_int_equal(resume(NULL, 1000000 + START_RESUME_WINDOW_S, &m, msg, sizeof msg), 0);
	assert_int_equal(m.at_ms, 41500);
	assert_non_null(strstr(m.path, "/r.yaml"));
	assert_int_equal(resume(t.file, 1000000 + 60, &m, msg, sizeof msg), 0);
	assert_int_equal(resume(NULL, 1000000 + START_RESUME_WINDOW_S + 1, &m, msg,
				sizeof msg), -1);
	assert_non_null(strstr(msg, "r.yaml: error: its session stopped 1:00:01 ago; "
			       "only one stopped within the last hour can be resumed"));
	assert_int_equal(resume("/nonexistent/x.yaml", 1000000, &m, msg, sizeof msg), -1);
	s.completed = true;                     /* completed: the mark goes */
	start_session_ended(t.file, &s, 1000100);
	assert_int_equal(resume(NULL, 1000100, &m, msg, sizeof msg), -1);
	tmp_remove(&t);
}

static void test_resume_changed_file(void **state)
{
	(void)state;
	struct tmp t;
	struct start_mark m;
	char msg[512];
	tmp_make(&t);
	struct engine_summary s = { .planned_ms = 98000, .stopped_ms = 1000 };
	start_session_ended(t.file, &s, 5000);
	FILE *fp = fopen(t.file, "a");
	fputs("# changed\n", fp);
	fclose(fp);
	assert_int_equal(resume(NULL, 5000, &m, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "r.yaml: error: the routine changed since its "
			       "session stopped"));
	tmp_remove(&t);
}

static void test_id_rule(void **state)
{
	(void)state;
	assert_null(author_id_problem("my-neck"));
	assert_null(author_id_problem("r\xc3\xbc" "cken_2"));
	assert_non_null(author_id_problem(""));
	assert_non_null(author_id_problem("a/b"));
	assert_non_null(author_id_problem(".hidden"));
	assert_non_null(author_id_problem("-x"));
	assert_non_null(author_id_problem("x.yaml"));
	assert_non_null(author_id_problem("x.yml"));
	assert_non_null(author_id_problem("a b"));
	assert_non_null(author_id_problem("a\x1b"));
	assert_non_null(author_id_problem("\xff"));
	assert_non_null(author_id_problem("exercises"));
	assert_non_null(author_id_problem("config"));
	char long_id[256];
	memset(long_id, 'a', sizeof long_id - 1);
	long_id[255] = '\0';
	assert_non_null(author_id_problem(long_id));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_from_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_ambiguous, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_at_step, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_at_inside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_at_back_and_extend, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_at_ends, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_seg_at, setup, teardown),
		cmocka_unit_test(test_mark_round_trip),
		cmocka_unit_test(test_resume_window),
		cmocka_unit_test(test_resume_changed_file),
		cmocka_unit_test(test_id_rule),
	};
	return cmocka_run_group_tests_name("start", tests, NULL, NULL);
}
