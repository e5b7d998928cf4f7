/* Tests for the shipped data: routines/exercises.yaml and every routine in
 * routines/. Each routine loads without a diagnostic, every `use:` names a
 * library exercise, the plan total equals the declared duration exactly
 * (not within check's slack), and every exercise is well formed: short
 * cues, a frame per phase, figures within 12 rows x 28 columns of plain
 * ASCII. Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"

#define DIR_ROUTINES  "routines"
#define LIBRARY_PATH  DIR_ROUTINES "/exercises.yaml"

#define FIGURE_MAX_ROWS 12
#define FIGURE_MAX_COLS 28
#define SUMMARY_MAX     40
#define HOW_MAX         60

/* The routines the issue asks for, with their exact lengths. */
static const struct {
	const char *id;
	int64_t ms;
	int no_equipment;
} shipped[] = {
	{"upper-back-15", 15 * 60000, 0},
	{"desk-break-5", 5 * 60000, 1},
	{"thoracic-mobility-10", 10 * 60000, 0},
	{"posture-strength-12", 12 * 60000, 0},
	{"foam-roll-8", 8 * 60000, 0},
	{"breathing-3", 3 * 60000, 1},
};
#define N_SHIPPED (sizeof shipped / sizeof shipped[0])

/* Ids the blueprint's example and the issue rely on. */
static const char *const required_ids[] = {
	"foam-roll-upper-back", "foam-roll-arms-crossed",
	"foam-roll-extension", "thoracic-extension", "thoracic-opener",
	"ball-trigger-point", "shrug-rotations", "cork-screws", "open-book",
	"thread-the-needle", "overhead-lat-stretch", "chest-opener",
	"cat-cow", "childs-pose", "scapular-squeezes", "wall-angels",
	"iyt-raises", "swimmers", "crab-pose", "band-distraction",
	"diaphragmatic-breathing", "chin-tucks", "shoulder-rolls",
};

struct fixture {
	struct library lib;
	const struct library *libs[1];
};

static void print_diags(const struct diags *d)
{
	if (d->n)
		diag_print(d, stderr);
}

static int group_setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	struct diags d = {0};
	int rc = loader_load_library(LIBRARY_PATH, &fx->lib, &d);
	print_diags(&d);
	size_t n = d.n;
	diag_free(&d);
	if (rc != 0 || n != 0) {
		library_free(&fx->lib);
		free(fx);
		return -1;
	}
	fx->libs[0] = &fx->lib;
	*state = fx;
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *fx = *state;
	if (fx) {
		library_free(&fx->lib);
		free(fx);
	}
	return 0;
}

static const struct library *lib_of(void **state)
{
	return &((struct fixture *)*state)->lib;
}

/* Loads routines/ID.yaml against the library; fails on any diagnostic. */
static void load(void **state, const char *path, struct routine *r)
{
	struct fixture *fx = *state;
	struct diags d = {0};
	int rc = loader_load_routine(path, fx->libs, 1, r, &d);
	print_diags(&d);
	size_t n = d.n;
	diag_free(&d);
	if (rc != 0 || n != 0)
		fail_msg("%s: %zu diagnostic(s)", path, n);
}

/* The total as the blueprint lays a plan out, computed here from the
 * routine alone, independently of plan.c. */
static int64_t spec_total(const struct routine *r)
{
	int64_t t = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step *s = &r->steps[i];
		if (s->kind == STEP_REST) {
			t += s->rest_ms;
			continue;
		}
		int64_t work = 0;
		if (s->kind == STEP_HOLD) {
			work = s->hold_ms;
		} else if (s->self_paced || s->exercise->n_phases == 0) {
			work = s->reps * s->tempo_ms;
		} else {
			int64_t rep = 0;
			for (size_t k = 0; k < s->exercise->n_phases; k++)
				rep += s->exercise->phases[k].ms;
			work = s->reps * rep;
		}
		int64_t sides = s->sides.n ? (int64_t)s->sides.n : 1;
		int64_t sets = s->sets;
		t += s->get_ready_ms + sets * sides * work +
		     sets * (sides - 1) * s->switch_ms +
		     (sets - 1) * s->set_rest_ms;
	}
	return t;
}

static int kebab_case(const char *s)
{
	if (!s || !islower((unsigned char)s[0]))
		return 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (!(islower(c) || isdigit(c) || c == '-'))
			return 0;
		if (c == '-' && (p[1] == '-' || p[1] == '\0'))
			return 0;
	}
	return 1;
}

/* A frame: at most 12 rows of at most 28 printable ASCII characters. */
static void check_frame(const char *who, size_t i, const char *frame)
{
	int rows = 0, col = 0, ink = 0;
	for (const char *p = frame; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n') {
			rows++;
			col = 0;
			continue;
		}
		if (c < 0x20 || c > 0x7e)
			fail_msg("%s: frame %zu has a character that is not "
				 "printable ASCII (0x%02x)", who, i + 1, c);
		if (c != ' ')
			ink = 1;
		if (++col > FIGURE_MAX_COLS)
			fail_msg("%s: frame %zu is wider than %d columns", who,
				 i + 1, FIGURE_MAX_COLS);
	}
	if (col > 0)
		rows++;    /* a last row without a newline */
	if (rows > FIGURE_MAX_ROWS)
		fail_msg("%s: frame %zu has %d rows (at most %d)", who, i + 1,
			 rows, FIGURE_MAX_ROWS);
	if (!ink)
		fail_msg("%s: frame %zu is blank", who, i + 1);
}

/* Rows and widest row of a frame. */
static void frame_size(const char *f, int *rows, int *cols)
{
	int col = 0;
	*rows = *cols = 0;
	for (; *f; f++) {
		if (*f == '\n') {
			++*rows;
			col = 0;
		} else if (++col > *cols) {
			*cols = col;
		}
	}
	if (col > 0)
		++*rows;
}

static void check_exercise(const struct exercise *e, const char *who)
{
	if (!e->name || !*e->name)
		fail_msg("%s: no name", who);
	if (!e->summary || !*e->summary)
		fail_msg("%s: no summary", who);
	if (strlen(e->summary) > SUMMARY_MAX)
		fail_msg("%s: summary longer than %d characters", who,
			 SUMMARY_MAX);
	if (e->how.n < 2 || e->how.n > 4)
		fail_msg("%s: %zu how lines (2 to 4)", who, e->how.n);
	for (size_t i = 0; i < e->how.n; i++)
		if (strlen(e->how.v[i]) > HOW_MAX)
			fail_msg("%s: how line %zu longer than %d", who, i + 1,
				 HOW_MAX);
	if (e->area.n == 0)
		fail_msg("%s: no area", who);

	if (e->n_phases > 0) {
		if (e->reps <= 0)
			fail_msg("%s: phases but no default reps", who);
		if (e->figure.n != e->n_phases)
			fail_msg("%s: %zu frames for %zu phases", who,
				 e->figure.n, e->n_phases);
		for (size_t i = 0; i < e->n_phases; i++)
			if (!e->phases[i].cue || !*e->phases[i].cue ||
			    e->phases[i].ms < ROUTINE_MIN_MS)
				fail_msg("%s: phase %zu without cue or time",
					 who, i + 1);
	} else {
		if (e->hold_ms <= 0)
			fail_msg("%s: neither phases nor a default hold", who);
		if (e->figure.n != 1)
			fail_msg("%s: a hold has %zu frames (want 1)", who,
				 e->figure.n);
	}
	/* Frames of one exercise line up, so that the figure stays put as
	 * the phases change. */
	int rows0 = 0, cols0 = 0;
	for (size_t i = 0; i < e->figure.n; i++) {
		int rows, cols;
		check_frame(who, i, e->figure.v[i]);
		frame_size(e->figure.v[i], &rows, &cols);
		if (i == 0) {
			rows0 = rows;
			cols0 = cols;
		} else if (rows != rows0 || cols != cols0) {
			fail_msg("%s: frame %zu is %dx%d, frame 1 is %dx%d", who,
				 i + 1, rows, cols, rows0, cols0);
		}
	}
}

/* ---- the library ---------------------------------------------------- */

static void test_library_size_and_ids(void **state)
{
	const struct library *lib = lib_of(state);
	assert_true(lib->n >= 20);
	for (size_t i = 0; i < sizeof required_ids / sizeof required_ids[0];
	     i++)
		if (!library_find(lib, required_ids[i]))
			fail_msg("library has no '%s'", required_ids[i]);
	for (size_t i = 0; i < lib->n; i++)
		if (!kebab_case(lib->v[i].id))
			fail_msg("'%s' is not a kebab-case id", lib->v[i].id);
}

static void test_library_exercises_well_formed(void **state)
{
	const struct library *lib = lib_of(state);
	for (size_t i = 0; i < lib->n; i++)
		check_exercise(&lib->v[i], lib->v[i].id);
}

/* The phase shapes the issue names. */
static void test_library_phases(void **state)
{
	const struct library *lib = lib_of(state);
	const struct exercise *e = library_find(lib, "open-book");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_string_equal(e->phases[0].cue, "Open");
	assert_string_equal(e->phases[1].cue, "Close");
	assert_int_equal(e->sides.n, 2);

	e = library_find(lib, "cat-cow");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_string_equal(e->phases[0].cue, "Arch");
	assert_string_equal(e->phases[1].cue, "Dip");

	e = library_find(lib, "diaphragmatic-breathing");
	assert_non_null(e);
	assert_int_equal(e->n_phases, 2);
	assert_int_equal(e->phases[0].ms, 4000);
	assert_int_equal(e->phases[1].ms, 6000);

	e = library_find(lib, "scapular-squeezes");
	assert_non_null(e);
	assert_int_equal(e->phases[0].ms, 10000);
	assert_true(e->reps >= 10 && e->reps <= 15);

	e = library_find(lib, "overhead-lat-stretch");
	assert_non_null(e);
	assert_int_equal(e->phases[0].ms, 15000);

	e = library_find(lib, "thoracic-opener");
	assert_non_null(e);
	assert_true(e->hold_ms >= 60000 && e->hold_ms <= 120000);
}

/* ---- the routines --------------------------------------------------- */

/* want_ms 0: whatever it declares; no_equipment -1: not checked. */
static void check_routine(void **state, const char *path, int64_t want_ms,
			  int no_equipment)
{
	const struct library *lib = lib_of(state);
	struct routine r;
	routine_init(&r);
	load(state, path, &r);

	if (!r.name || !r.summary || !r.description)
		fail_msg("%s: name, summary and description are required "
			 "here", path);
	if (strlen(r.summary) > 48)
		fail_msg("%s: summary longer than 48 characters", path);
	if (r.tags.n == 0)
		fail_msg("%s: no tags", path);
	if (no_equipment == 1 && r.equipment.n != 0)
		fail_msg("%s: should need no equipment", path);
	if (no_equipment == 0 && r.equipment.n == 0)
		fail_msg("%s: lists no equipment", path);
	if (r.duration_ms == 0)
		fail_msg("%s: no declared duration", path);
	if (want_ms && r.duration_ms != want_ms)
		fail_msg("%s: declares %lld ms, expected %lld ms", path,
			 (long long)r.duration_ms, (long long)want_ms);

	for (size_t i = 0; i < r.n_steps; i++) {
		const struct step *s = &r.steps[i];
		if (s->kind == STEP_REST)
			continue;
		if (!s->exercise)
			fail_msg("%s: step %zu has no exercise", path, i + 1);
		/* Shipped routines use the library only. */
		if (!s->exercise->id || !library_find(lib, s->exercise->id))
			fail_msg("%s: step %zu does not use a library "
				 "exercise", path, i + 1);
		check_exercise(s->exercise, s->exercise->id);
	}

	struct plan p;
	memset(&p, 0, sizeof p);
	assert_int_equal(plan_build(&r, &p), PLAN_OK);
	if (p.total_ms != r.duration_ms)
		fail_msg("%s: plan total %lld ms, declared %lld ms", path,
			 (long long)p.total_ms, (long long)r.duration_ms);
	if (spec_total(&r) != p.total_ms)
		fail_msg("%s: plan total %lld ms, blueprint layout %lld ms",
			 path, (long long)p.total_ms,
			 (long long)spec_total(&r));
	/* The segments tile the timeline. */
	int64_t at = 0;
	for (size_t i = 0; i < p.n; i++) {
		assert_int_equal(p.seg[i].start_ms, at);
		at += p.seg[i].len_ms;
	}
	assert_int_equal(at, p.total_ms);
	plan_free(&p);
	routine_free(&r);
}

static void test_shipped_routines(void **state)
{
	for (size_t i = 0; i < N_SHIPPED; i++) {
		char path[256];
		snprintf(path, sizeof path, DIR_ROUTINES "/%s.yaml",
			 shipped[i].id);
		check_routine(state, path, shipped[i].ms,
			      shipped[i].no_equipment);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted paths of the routine files (routines/NAME.yaml), the library
 * left out. */
static size_t routine_files(char ***out)
{
	DIR *dir = opendir(DIR_ROUTINES);
	assert_non_null(dir);
	char **v = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dir))) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, "exercises.yaml") == 0)
			continue;
		char **nv = realloc(v, (n + 1) * sizeof *v);
		assert_non_null(nv);
		v = nv;
		v[n] = malloc(sizeof DIR_ROUTINES + len + 1);
		assert_non_null(v[n]);
		sprintf(v[n], DIR_ROUTINES "/%s", de->d_name);
		n++;
	}
	closedir(dir);
	qsort(v, n, sizeof *v, cmp_str);
	*out = v;
	return n;
}

/* Whatever else is shipped meets the same bar, and nothing is missing. */
static void test_every_file_in_routines(void **state)
{
	char **files = NULL;
	size_t n = routine_files(&files);
	assert_true(n >= N_SHIPPED);
	for (size_t i = 0; i < N_SHIPPED; i++) {
		char path[256];
		snprintf(path, sizeof path, DIR_ROUTINES "/%s.yaml",
			 shipped[i].id);
		int found = 0;
		for (size_t k = 0; k < n; k++)
			found |= strcmp(files[k], path) == 0;
		if (!found)
			fail_msg("%s is missing", path);
	}
	for (size_t i = 0; i < n; i++) {
		check_routine(state, files[i], 0, -1);
		free(files[i]);
	}
	free(files);
}

/* Every `use:` in the files, read as text (independently of the loader),
 * names an exercise of the library. */
static void test_every_use_resolves(void **state)
{
	const struct library *lib = lib_of(state);
	char **files = NULL;
	size_t n = routine_files(&files);
	size_t uses = 0;
	for (size_t i = 0; i < n; i++) {
		FILE *f = fopen(files[i], "r");
		assert_non_null(f);
		char line[512];
		int lineno = 0;
		while (fgets(line, sizeof line, f)) {
			lineno++;
			char *p = line;
			while (*p == ' ')
				p++;
			if (*p == '-')
				p++;
			while (*p == ' ')
				p++;
			if (strncmp(p, "use:", 4) != 0)
				continue;
			p += 4;
			while (*p == ' ')
				p++;
			size_t len = strcspn(p, " #\r\n");
			char id[128];
			assert_true(len > 0 && len < sizeof id);
			memcpy(id, p, len);
			id[len] = '\0';
			if (!library_find(lib, id))
				fail_msg("%s:%d: use: %s is not in "
					 LIBRARY_PATH, files[i], lineno, id);
			uses++;
		}
		fclose(f);
		free(files[i]);
	}
	free(files);
	assert_true(uses > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library_size_and_ids),
		cmocka_unit_test(test_library_exercises_well_formed),
		cmocka_unit_test(test_library_phases),
		cmocka_unit_test(test_shipped_routines),
		cmocka_unit_test(test_every_file_in_routines),
		cmocka_unit_test(test_every_use_resolves),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
