/* test_loader — the YAML loader: good files load with the right values;
 * every file of tests/data/bad/ gives exactly the diagnostics of its
 * .expect; generated hostile files (deep nesting, over 1 MiB) fail cleanly.
 * Run from the repository root. A bad fixture named lib-*.yaml is loaded as
 * an exercise library; the others as routines with the tiny test library
 * tests/data/good/exercises.yaml. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader.h"

#define GOOD_LIB "tests/data/good/exercises.yaml"
#define BAD_DIR  "tests/data/bad"
#define MIN_BAD_FIXTURES 35

/* ---- helpers ------------------------------------------------------------- */

static void load_lib(struct library *lib)
{
	struct diags d = { 0 };
	assert_int_equal(loader_load_library(GOOD_LIB, lib, &d), 0);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

static void assert_strlist(const struct strlist *l, size_t n, ...)
{
	va_list ap;
	assert_int_equal(l->n, n);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(l->v[i], va_arg(ap, const char *));
	va_end(ap);
}

static void assert_transitions(const struct step *s, int64_t get_ready,
			       int64_t sw, int64_t set_rest)
{
	assert_int_equal(s->get_ready_ms, get_ready);
	assert_int_equal(s->switch_ms, sw);
	assert_int_equal(s->set_rest_ms, set_rest);
}

/* The diagnostics of d as printed, one per line, into a malloc'd string. */
static char *format_diags(const struct diags *d)
{
	size_t cap = 4096, len = 0;
	char *out = malloc(cap);
	assert_non_null(out);
	out[0] = '\0';
	for (size_t i = 0; i < d->n; i++) {
		char line[2048];
		diag_format(&d->v[i], line, sizeof line);
		size_t n = strlen(line);
		if (len + n + 2 > cap) {
			cap = (len + n + 2) * 2;
			out = realloc(out, cap);
			assert_non_null(out);
		}
		memcpy(out + len, line, n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	return out;
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(1 << 16);
	assert_non_null(buf);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Loads path as a routine (with the test library) or, for lib-*, as a
 * library; returns the printed diagnostics. */
static char *load_diags(const char *path)
{
	struct diags d = { 0 };
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	int rc;
	if (strncmp(base, "lib-", 4) == 0) {
		struct library lib;
		rc = loader_load_library(path, &lib, &d);
		library_free(&lib);
	} else {
		struct library lib;
		load_lib(&lib);
		struct library *libs[] = { &lib };
		struct routine r;
		rc = loader_load_routine(path, libs, 1, &r, &d);
		routine_free(&r);
		library_free(&lib);
	}
	assert_int_equal(rc, d.errors ? -1 : 0);
	char *out = format_diags(&d);
	diag_free(&d);
	return out;
}

/* ---- good files ---------------------------------------------------------- */

static void test_blueprint_example(void **state)
{
	(void)state;
	struct library lib;
	load_lib(&lib);
	struct library *libs[] = { &lib };
	struct routine r;
	struct diags d = { 0 };
	assert_int_equal(loader_load_routine("tests/data/good/upper-back.yaml",
					     libs, 1, &r, &d), 0);
	assert_int_equal(d.n, 0);
	const struct exercise *lib_foam = library_find(&lib, "foam-roll-upper-back");
	assert_non_null(lib_foam);
	assert_ptr_not_equal(r.steps[0].exercise, lib_foam);
	library_free(&lib);   /* the routine must not point into it */

	assert_string_equal(r.id, "upper-back");
	assert_string_equal(r.path, "tests/data/good/upper-back.yaml");
	assert_string_equal(r.name, "Upper back relief");
	assert_string_equal(r.summary,
			    "Foam roll, open up the chest, wake up the upper back");
	assert_string_equal(r.description,
			    "Longer text shown in the menu's detail pane.");
	assert_int_equal(r.duration_ms, 15 * 60000);
	assert_int_equal(r.duration_pos.line, 5);
	assert_int_equal(r.duration_pos.col, 11);
	assert_int_equal(r.steps_pos.line, 9);
	assert_int_equal(r.steps_pos.col, 1);
	assert_strlist(&r.tags, 2, "upper-back", "desk");
	assert_strlist(&r.equipment, 2, "foam roller", "wall");
	assert_int_equal(r.get_ready_ms, 5000);
	assert_int_equal(r.switch_ms, 5000);
	assert_int_equal(r.set_rest_ms, 15000);
	assert_int_equal(r.n_steps, 4);

	const struct step *s = &r.steps[0];
	assert_int_equal(s->kind, STEP_HOLD);
	assert_int_equal(s->hold_ms, 90000);
	assert_int_equal(s->sets, 1);
	assert_int_equal(s->sides.n, 0);
	assert_int_equal(s->pos.line, 10);
	assert_int_equal(s->pos.col, 5);
	assert_transitions(s, 5000, 5000, 15000);
	assert_string_equal(s->exercise->id, "foam-roll-upper-back");
	assert_string_equal(s->exercise->name, "Foam roll, upper back");
	assert_string_equal(s->exercise->summary,
			    "Roll slowly from mid-back to shoulders");
	assert_strlist(&s->exercise->how, 2,
		       "Lie on the roller, hands behind the head.",
		       "Lift the hips and roll slowly.");
	assert_strlist(&s->exercise->area, 1, "upper back");
	assert_int_equal(s->exercise->hold_ms, 60000);

	s = &r.steps[1];
	assert_int_equal(s->kind, STEP_REPS);
	assert_int_equal(s->reps, 8);
	assert_false(s->self_paced);
	assert_int_equal(s->tempo_ms, 0);
	assert_strlist(&s->sides, 2, "left", "right");
	assert_string_equal(s->exercise->id, "open-book");
	assert_int_equal(s->exercise->n_phases, 2);
	assert_string_equal(s->exercise->phases[0].cue, "Open");
	assert_int_equal(s->exercise->phases[0].ms, 3000);
	assert_string_equal(s->exercise->phases[1].cue, "Close");
	assert_int_equal(s->exercise->phases[1].ms, 3000);
	assert_strlist(&s->exercise->figure, 2, "   o\n  /|\\", "   o\n  -|-");

	s = &r.steps[2];
	assert_int_equal(s->kind, STEP_REST);
	assert_int_equal(s->rest_ms, 30000);
	assert_null(s->exercise);

	s = &r.steps[3];
	assert_int_equal(s->kind, STEP_REPS);
	assert_int_equal(s->reps, 10);
	assert_int_equal(s->sides.n, 0);
	assert_null(s->exercise->id);
	assert_string_equal(s->exercise->name, "Scapular squeeze");
	assert_strlist(&s->exercise->how, 3, "Sit tall.",
		       "Pull the shoulder blades back and down; hold.",
		       "Release slowly.");
	assert_int_equal(s->exercise->n_phases, 2);
	assert_string_equal(s->exercise->phases[0].cue, "Squeeze");
	assert_int_equal(s->exercise->phases[0].ms, 10000);
	assert_int_equal(s->exercise->phases[1].ms, 2000);
	assert_int_equal(s->exercise->pos.line, 17);
	assert_int_equal(s->exercise->pos.col, 7);
	routine_free(&r);
	diag_free(&d);
}

static void test_features(void **state)
{
	(void)state;
	struct library lib;
	load_lib(&lib);
	struct library *libs[] = { &lib };
	struct routine r;
	struct diags d = { 0 };
	int rc = loader_load_routine("tests/data/good/features.yml", libs, 1,
				     &r, &d);
	diag_print(&d, stderr);
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	library_free(&lib);
	assert_string_equal(r.id, "features");
	assert_null(r.summary);
	assert_int_equal(r.duration_ms, 0);
	assert_int_equal(r.duration_pos.line, 0);
	assert_int_equal(r.tags.n, 0);
	assert_int_equal(r.get_ready_ms, 0);
	assert_int_equal(r.switch_ms, 3000);
	assert_int_equal(r.set_rest_ms, 15000);
	assert_int_equal(r.n_steps, 8);

	/* The routine's own open-book wins over the library's. */
	const struct step *s = &r.steps[0];
	assert_string_equal(s->exercise->name, "My open book");
	assert_int_equal(s->kind, STEP_HOLD);
	assert_int_equal(s->hold_ms, 45000);
	assert_int_equal(s->sets, 3);
	assert_transitions(s, 0, 3000, 15000);

	/* Defaults from the exercise: hold, then reps, and sides. */
	s = &r.steps[1];
	assert_int_equal(s->kind, STEP_HOLD);
	assert_int_equal(s->hold_ms, 60000);
	assert_transitions(s, 2000, 0, 20500);
	s = &r.steps[2];
	assert_int_equal(s->kind, STEP_REPS);
	assert_int_equal(s->reps, 12);
	assert_int_equal(s->tempo_ms, 0);
	assert_int_equal(s->exercise->n_phases, 2);
	s = &r.steps[3];
	assert_int_equal(s->kind, STEP_HOLD);
	assert_int_equal(s->hold_ms, 30000);
	assert_strlist(&s->sides, 2, "left", "right");

	/* Self-paced: the step's tempo, else the phases' sum. */
	s = &r.steps[4];
	assert_int_equal(s->kind, STEP_REPS);
	assert_true(s->self_paced);
	assert_int_equal(s->reps, 10);
	assert_int_equal(s->tempo_ms, 4000);
	s = &r.steps[5];
	assert_true(s->self_paced);
	assert_int_equal(s->reps, 6);
	assert_int_equal(s->tempo_ms, 3000);
	/* A phase-less exercise with a tempo. */
	s = &r.steps[6];
	assert_false(s->self_paced);
	assert_int_equal(s->reps, 5);
	assert_int_equal(s->tempo_ms, 1500);
	assert_strlist(&s->sides, 3, "left", "right", "center");

	/* The same library exercise is copied once. */
	assert_ptr_equal(r.steps[7].exercise, r.steps[1].exercise);
	assert_int_equal(r.steps[7].hold_ms, 500);
	routine_free(&r);
	diag_free(&d);
}

static void test_library(void **state)
{
	(void)state;
	struct library lib;
	load_lib(&lib);
	assert_string_equal(lib.path, GOOD_LIB);
	assert_int_equal(lib.n, 5);
	const struct exercise *e = library_find(&lib, "neck-tilt");
	assert_non_null(e);
	assert_string_equal(e->id, "neck-tilt");
	assert_int_equal(e->hold_ms, 20000);
	assert_int_equal(e->reps, 5);
	assert_strlist(&e->sides, 2, "left", "right");
	assert_int_equal(e->pos.line, 29);
	assert_int_equal(e->pos.col, 5);
	assert_null(library_find(&lib, "neck"));
	library_free(&lib);
	library_free(&lib);   /* twice is harmless */
}

static void test_library_partial(void **state)
{
	(void)state;
	struct library lib;
	struct diags d = { 0 };
	assert_int_equal(loader_load_library(BAD_DIR "/lib-bad-exercise.yaml",
					     &lib, &d), -1);
	assert_int_equal(d.errors, 3);
	assert_int_equal(lib.n, 1);   /* only the valid one */
	assert_string_equal(lib.v[0].id, "d");
	assert_null(library_find(&lib, "a"));
	library_free(&lib);
	diag_free(&d);
}

static void test_parse_buffer(void **state)
{
	(void)state;
	static const char text[] =
		"name: In memory\nsteps:\n  - rest: 1.5\n  - rest: 2m\n";
	struct routine r;
	struct diags d = { 0 };
	assert_int_equal(loader_parse_routine("some/dir/mem.yml", text,
					      sizeof text - 1, NULL, 0, &r,
					      &d), 0);
	assert_string_equal(r.id, "mem");
	assert_int_equal(r.n_steps, 2);
	assert_int_equal(r.steps[0].rest_ms, 1500);
	assert_int_equal(r.steps[1].rest_ms, 120000);
	routine_free(&r);
	diag_free(&d);
}

/* Each limit of routine.h holds exactly at its bound and is refused one
 * past it, with a message that states the limit. */
static char *parse_diags(const char *text)
{
	struct routine r;
	struct diags d = { 0 };
	int rc = loader_parse_routine("l.yaml", text, strlen(text), NULL, 0, &r,
				      &d);
	assert_int_equal(rc, d.errors ? -1 : 0);
	char *out = format_diags(&d);
	routine_free(&r);
	diag_free(&d);
	return out;
}

static void test_limit_edges(void **state)
{
	(void)state;
	char text[512], want[1024];
	snprintf(text, sizeof text,
		 "name: x\nduration: 240m\ndefaults: {get_ready: 0}\nsteps:\n"
		 "  - exercise: {name: a, phases: [{cue: c, time: 0.5s}]}\n"
		 "    reps: %d\n    sets: %d\n    sides: [a, b, c, d]\n"
		 "  - rest: 60m\n", ROUTINE_MAX_REPS, ROUTINE_MAX_SETS);
	char *out = parse_diags(text);
	assert_string_equal(out, "");
	free(out);
	snprintf(text, sizeof text,
		 "name: x\nduration: 14400.001\ndefaults: {get_ready: 0.499s}\n"
		 "steps:\n  - exercise: {name: a, phases: [{cue: c, time: 1}]}\n"
		 "    reps: %d\n    sets: %d\n    sides: [a, b, c, d, e]\n"
		 "  - rest: 3600.001\n", ROUTINE_MAX_REPS + 1,
		 ROUTINE_MAX_SETS + 1);
	snprintf(want, sizeof want,
		 "l.yaml:2:11: error: duration must be from 0.5s to 4h, not "
		 "14400.001\n"
		 "l.yaml:3:23: error: get_ready must be 0s (none) or from 0.5s "
		 "to 1h, not 0.499s\n"
		 "l.yaml:6:11: error: reps must be from 1 to %d, not %d\n"
		 "l.yaml:7:11: error: sets must be from 1 to %d, not %d\n",
		 ROUTINE_MAX_REPS, ROUTINE_MAX_REPS + 1, ROUTINE_MAX_SETS,
		 ROUTINE_MAX_SETS + 1);
	snprintf(want + strlen(want), sizeof want - strlen(want),
		 "l.yaml:8:12: error: sides must list 1 to %d sides, not %d\n"
		 "l.yaml:9:11: error: rest must be from 0.5s to 1h, not "
		 "3600.001\n", ROUTINE_MAX_SIDES, ROUTINE_MAX_SIDES + 1);
	out = parse_diags(text);
	assert_string_equal(out, want);
	free(out);
}

/* A library in memory: the same exercises and located diagnostics as
 * from a file, and an empty buffer is an empty file. */
static void test_parse_library_buffer(void **state)
{
	(void)state;
	static const char text[] =
		"exercises:\n  a: {name: A, hold: 20s}\n  b: {hold: 1}\n";
	struct library lib;
	struct diags d = { 0 };
	assert_int_equal(loader_parse_library("mem/exercises.yaml", text,
					      sizeof text - 1, &lib, &d), -1);
	assert_string_equal(lib.path, "mem/exercises.yaml");
	assert_int_equal(lib.n, 1);
	assert_int_equal(library_find(&lib, "a")->hold_ms, 20000);
	assert_int_equal(lib.n_broken, 1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, "mem/exercises.yaml");
	assert_int_equal(d.v[0].line, 3);
	library_free(&lib);
	diag_clear(&d);
	assert_int_equal(loader_parse_library("e.yaml", NULL, 0, &lib, &d), -1);
	assert_int_equal(d.errors, 1);
	library_free(&lib);
	diag_free(&d);
}

/* Found by fuzzing: a library exercise with a value the parser already
 * refused (a tag, a duplicate key) is broken, not kept with that value
 * missing (it was kept with name NULL). */
static void test_library_refused_value(void **state)
{
	(void)state;
	static const char text[] =
		"exercises:\n"
		"  a: {name: !t A, hold: 20s}\n"
		"  b: {name: B, hold: !t 20s}\n"
		"  c: {name: C, hold: 20s, hold: 30s}\n"
		"  d: {name: D, how: [!t x]}\n"
		"  ok: {name: OK, hold: 20s}\n";
	struct library lib;
	struct diags d = { 0 };
	assert_int_equal(loader_parse_library("exercises.yaml", text,
					      sizeof text - 1, &lib, &d), -1);
	assert_int_equal(d.errors, 4);
	assert_int_equal(lib.n, 1);
	assert_string_equal(lib.v[0].id, "ok");
	assert_int_equal(lib.n_broken, 4);
	assert_string_equal(lib.broken[0].id, "a");
	assert_string_equal(lib.broken[3].id, "d");
	library_free(&lib);
	diag_free(&d);
}

/* ---- opened libraries: entries parsed when first used ------------------- */

static void open_text(const char *text, struct library *lib)
{
	struct diags d = { 0 };
	assert_int_equal(loader_open_library_text("lib/exercises.yaml", text,
						  strlen(text), lib, &d), 0);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

/* A routine "use: ID" for each id, against lib: its load's diagnostics. */
static char *use_ids(struct library *lib, const char *ids, struct routine *r)
{
	char text[512] = "name: R\nsteps:\n";
	for (const char *p = ids; *p;) {
		size_t n = strcspn(p, " ");
		snprintf(text + strlen(text), sizeof text - strlen(text),
			 "  - use: %.*s\n", (int)n, p);
		p += n + (p[n] == ' ');
	}
	struct diags d = { 0 };
	struct library *libs[] = { lib };
	loader_parse_routine("r.yaml", text, strlen(text), libs, 1, r, &d);
	char *out = format_diags(&d);
	diag_free(&d);
	return out;
}

/* An entry is parsed when first used: one that would not parse, or not
 * check, costs nothing until then; one that is used has its values and
 * its place in the file, and a broken one is located there. */
static void test_open_library_reads_used_entries(void **state)
{
	(void)state;
	static const char text[] =
		"# a library\n"
		"exercises:\n"
		"\n"
		"  # first\n"
		"  reach:\n"
		"    name: Reach\n"
		"    how:\n"
		"      - |2\n"
		"         Reach up.\n"
		"    hold: 20s\n"
		"  broken: {name: A, name: B}\n"
		"  bad-hold:\n"
		"    name: Bad\n"
		"    hold: banana\n";
	struct library lib;
	struct routine r;
	open_text(text, &lib);
	assert_true(library_by_entry(&lib));
	char *out = use_ids(&lib, "reach", &r);
	assert_string_equal(out, "");
	assert_true(library_by_entry(&lib));   /* the broken entry was not read */
	assert_string_equal(r.steps[0].exercise->name, "Reach");
	assert_string_equal(r.steps[0].exercise->how.v[0], " Reach up.");
	assert_int_equal(r.steps[0].hold_ms, 20000);
	assert_int_equal(r.steps[0].exercise->pos.line, 6);
	routine_free(&r);
	free(out);
	out = use_ids(&lib, "bad-hold", &r);
	assert_string_equal(out, "r.yaml:3:10: error: exercise 'bad-hold' has "
			    "errors in lib/exercises.yaml:12:3; fix them there\n");
	assert_true(library_by_entry(&lib));
	assert_non_null(library_broken_at(&lib, "bad-hold"));
	assert_null(library_broken_at(&lib, "reach"));
	routine_free(&r);
	free(out);
	library_free(&lib);
}

/* A file of another shape, or with a node that goes on past its line, is
 * read whole, to the same values as loader_load_library's. */
static void test_open_library_falls_back(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"exercises:\n  a: {name: A,\n  hold: 20s}\n",
		"exercises:\n  a: {name: A, hold: 20s}\nother: 1\n",
		"exercises:\r\n  a: {name: A, hold: 20s}\r\n",
		"exercises:\n  a: {name: A, hold: 20s}\n  a: {name: B, hold: 20s}\n",
		"exercises: {a: {name: A, hold: 20s}}\n",
		"exercises:\n  \"a\": {name: A, hold: 20s}\n",
		"exercises:\n    a: {name: A, hold: 20s}\n  b: {name: B, hold: 1s}\n",
		"exercises:\n  a:\n    name: A\n\thold: 20s\n",
		/* found in review: a quoted scalar and a flow collection that go
		 * on at the entries' indentation, other line breaks */
		"exercises:\n  a:\n    hold: 20s\n    name: \"A\n  b:\n    name: FAKE\n"
		"    hold: 30s # \"\n",
		"exercises:\n  a: {name: A,\n  b: x}\n  b:\n    name: B\n    hold: 1s\n",
		"exercises:\n  a: {name: A, hold: 20s}\xe2\x80\xa8  b: {name: B, hold: 20s}\n",
		"exercises:\n  a: {name: A, hold: 20s}\xc2\x85  b: {name: B, hold: 20s}\n",
		"exercises:\n  a:\n    name: A\n    hold: 2s\n    how:\n      - |4\n"
		"          x\n  b:\n    name: B\n    hold: 1s\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct library opened, loaded;
		struct diags d1 = { 0 }, d2 = { 0 };
		int rc1 = loader_open_library_text("e.yaml", texts[i],
						   strlen(texts[i]), &opened, &d1);
		int rc2 = loader_parse_library("e.yaml", texts[i], strlen(texts[i]),
					       &loaded, &d2);
		for (const char *id = "a"; id; id = *id == 'a' ? "b" : NULL) {
			const struct exercise *a = library_find(&opened, id);
			const struct exercise *b = library_find(&loaded, id);
			assert_int_equal(a == NULL, b == NULL);
			if (a) {
				assert_string_equal(a->name, b->name);
				assert_int_equal(a->hold_ms, b->hold_ms);
				assert_int_equal(a->pos.line, b->pos.line);
			}
		}
		if (rc1 == 0)   /* the fallback at the lookup keeps quiet */
			assert_int_equal(d1.n, 0);
		else
			assert_int_equal(rc1, rc2);
		library_free(&opened);
		library_free(&loaded);
		diag_free(&d1);
		diag_free(&d2);
	}
}

/* An unknown id gets a suggestion from the ids of entries never read. */
static void test_open_library_suggests(void **state)
{
	(void)state;
	struct library lib;
	struct routine r;
	open_text("exercises:\n  reach: {name: R, hold: 20s}\n"
		  "  twist: {name: T, hold: 20s}\n", &lib);
	char *out = use_ids(&lib, "twsit", &r);
	assert_string_equal(out, "r.yaml:3:10: error: unknown exercise 'twsit'; "
			    "did you mean 'twist'?\n");
	assert_true(library_by_entry(&lib));
	routine_free(&r);
	free(out);
	library_free(&lib);
}

/* A UTF-8 byte-order mark is skipped, and columns after it stay right. */
static void test_byte_order_mark(void **state)
{
	(void)state;
	struct routine r;
	struct diags d = { 0 };
	assert_int_equal(loader_load_routine("tests/data/good/bom.yaml", NULL, 0,
					     &r, &d), 0);
	assert_int_equal(d.n, 0);
	assert_string_equal(r.name, "BOM first");
	assert_int_equal(r.steps[0].rest_ms, 30000);
	routine_free(&r);
	diag_free(&d);
}

/* An exercise that exists but is broken is not called unknown. */
static void test_broken_library_exercise(void **state)
{
	(void)state;
	struct library lib;
	struct routine r;
	struct diags d = { 0 };
	assert_int_equal(loader_load_library("tests/data/broken-lib/exercises.yaml",
					     &lib, &d), -1);
	assert_int_equal(lib.n, 1);
	assert_int_equal(lib.n_broken, 1);
	assert_string_equal(lib.broken[0].id, "neck-roll");
	diag_clear(&d);
	struct library *libs[] = { &lib };
	assert_int_equal(loader_load_routine("tests/data/broken-lib/uses-broken.yaml",
					     libs, 1, &r, &d), -1);
	assert_int_equal(d.n, 1);
	char buf[512];
	diag_format(&d.v[0], buf, sizeof buf);
	assert_string_equal(buf, "tests/data/broken-lib/uses-broken.yaml:3:10: "
			    "error: exercise 'neck-roll' has errors in "
			    "tests/data/broken-lib/exercises.yaml:3:3; fix them there");
	routine_free(&r);
	library_free(&lib);
	diag_free(&d);
}

static void test_missing_file(void **state)
{
	(void)state;
	char *out = load_diags("tests/data/bad/no-such-file.yaml");
	assert_string_equal(out, "tests/data/bad/no-such-file.yaml: error: "
				 "cannot open: No such file or directory\n");
	free(out);
}

/* ---- generated hostile files --------------------------------------------- */

struct tmpfile {
	char dir[64];
	char path[128];
};

/* A file of head, then fill n times. */
static void tmp_write(struct tmpfile *t, const char *name, const char *fill,
		      size_t n, const char *head)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/test_loader.XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
	FILE *f = fopen(t->path, "wb");
	assert_non_null(f);
	fputs(head, f);
	for (size_t i = 0; i < n; i++)
		fputs(fill, f);
	assert_int_equal(fclose(f), 0);
}

static void tmp_remove(struct tmpfile *t)
{
	unlink(t->path);
	rmdir(t->dir);
}

static void expect_one(const char *path, const char *tail)
{
	char want[512];
	snprintf(want, sizeof want, "%s%s\n", path, tail);
	char *out = load_diags(path);
	assert_string_equal(out, want);
	free(out);
}

static void test_nesting_100k(void **state)
{
	(void)state;
	struct tmpfile t;
	tmp_write(&t, "deep.yaml", "[", 100000, "");
	expect_one(t.path, ":1:33: error: nesting is deeper than 32 levels");
	tmp_remove(&t);
}

static void test_nesting_100k_mappings(void **state)
{
	(void)state;
	struct tmpfile t;
	tmp_write(&t, "deep-map.yaml", "{a: ", 100000, "name: x\nsteps: ");
	expect_one(t.path, ":2:132: error: nesting is deeper than 32 levels");
	tmp_remove(&t);
}

static void test_file_over_1mib(void **state)
{
	(void)state;
	struct tmpfile t;
	tmp_write(&t, "big.yaml", "#", LOADER_MAX_FILE - 8 + 1, "name: x\n");
	expect_one(t.path, ":1:1: error: file is larger than 1 MiB "
			   "(1048577 bytes)");
	tmp_remove(&t);
}

static void test_file_of_1mib(void **state)
{
	(void)state;
	struct tmpfile t;   /* exactly at the limit: read, then judged */
	static const char head[] = "name: x\nsteps:\n  - rest: 1s\n#";
	tmp_write(&t, "full.yaml", "#", LOADER_MAX_FILE - strlen(head), head);
	char *out = load_diags(t.path);
	assert_string_equal(out, "");
	free(out);
	tmp_remove(&t);
}

/* ---- position, mirror, side_word, rep_word -------------------------------- */

static const char new_fields_lib[] =
	"exercises:\n"
	"  rolls:\n"
	"    name: Rolls\n"
	"    position: seated\n"
	"    sides: [forward, backward]\n"
	"    side_word: direction\n"
	"    phases: [{cue: Up, time: 2s}]\n"
	"    reps: 4\n"
	"  breathe:\n"
	"    name: Breathe\n"
	"    position: floor back\n"
	"    rep_word: breath\n"
	"    phases: [{cue: In, time: 4s}]\n"
	"    reps: 5\n"
	"  twist:\n"
	"    name: Twist\n"
	"    mirror: true\n"
	"    sides: [left, right]\n"
	"    rep_word: stretch/stretches\n"
	"    hold: 20s\n"
	"  plain:\n"
	"    name: Plain\n"
	"    hold: 20s\n";

static const char new_fields_routine[] =
	"name: New fields\n"
	"steps:\n"
	"  - use: rolls\n"                           /* the exercise's words */
	"  - use: rolls\n"                           /* own sides: sides */
	"    sides: [left, right]\n"
	"  - use: rolls\n"                           /* own sides and word */
	"    sides: [up, down]\n"
	"    side_word: direction\n"
	"  - use: twist\n"                           /* a word, no sides */
	"    side_word: direction\n"
	"  - use: breathe\n"
	"    position: seated\n"
	"  - use: plain\n"
	"  - rest: 5s\n";

/* What the library says arrives in the routine's copy; a step's own
 * sides bring their own meaning; a step's position wins. */
static void test_new_fields(void **state)
{
	(void)state;
	struct library lib;
	struct diags d = { 0 };
	assert_int_equal(loader_parse_library("exercises.yaml", new_fields_lib,
					      strlen(new_fields_lib), &lib, &d), 0);
	struct library *libs[] = { &lib };
	struct routine r;
	int rc = loader_parse_routine("new.yaml", new_fields_routine,
				      strlen(new_fields_routine), libs, 1, &r, &d);
	diag_print(&d, stderr);
	assert_int_equal(rc, 0);
	library_free(&lib);   /* the routine has copies */
	const struct step *s = r.steps;
	assert_int_equal(s[0].side_word, ROUTINE_DIRECTIONS);
	assert_int_equal(s[0].position, ROUTINE_POS_SEATED);
	assert_int_equal(s[0].exercise->side_word, ROUTINE_DIRECTIONS);
	assert_int_equal(s[1].side_word, ROUTINE_SIDES);
	assert_int_equal(s[2].side_word, ROUTINE_DIRECTIONS);
	assert_int_equal(s[3].side_word, ROUTINE_DIRECTIONS);
	assert_true(s[3].exercise->mirror);
	assert_false(s[0].exercise->mirror);
	assert_string_equal(routine_rep_word(s[3].exercise, 1), "stretch");
	assert_string_equal(routine_rep_word(s[3].exercise, 2), "stretches");
	assert_int_equal(s[4].position, ROUTINE_POS_SEATED);
	assert_int_equal(s[4].exercise->position, ROUTINE_POS_FLOOR_BACK);
	assert_string_equal(routine_rep_word(s[4].exercise, 1), "breath");
	assert_string_equal(routine_rep_word(s[4].exercise, 0), "breaths");
	assert_int_equal(s[5].position, ROUTINE_POS_NONE);
	assert_int_equal(s[5].side_word, ROUTINE_SIDES);
	assert_string_equal(routine_rep_word(s[5].exercise, 3), "reps");
	assert_string_equal(routine_rep_word(NULL, 1), "rep");
	assert_int_equal(s[6].position, ROUTINE_POS_NONE);
	routine_free(&r);
	diag_free(&d);
}

/* Every position word loads as its own value; the floor ones are on the
 * floor. */
static void test_position_words(void **state)
{
	(void)state;
	const bool floor[] = { false, false, true, true, true, true, true, true };
	int k = 0;
	for (; routine_position_names[k]; k++) {
		char text[256];
		snprintf(text, sizeof text, "name: P\nsteps:\n  - exercise:\n"
			 "      name: X\n      position: %s\n      hold: 5s\n",
			 routine_position_names[k]);
		struct routine r;
		struct diags d = { 0 };
		assert_int_equal(loader_parse_routine("p.yaml", text, strlen(text),
						      NULL, 0, &r, &d), 0);
		assert_int_equal(r.steps[0].position, k);
		assert_int_equal(routine_position_on_floor(k), floor[k]);
		routine_free(&r);
		diag_free(&d);
	}
	assert_int_equal(k, 8);
	assert_false(routine_position_on_floor(ROUTINE_POS_NONE));
}

/* ---- the bad corpus ------------------------------------------------------ */

static void test_bad_fixture(void **state)
{
	const char *path = *state;
	char expect_path[512];
	size_t n = strlen(path) - strlen(".yaml");
	snprintf(expect_path, sizeof expect_path, "%.*s.expect", (int)n, path);
	char *want = read_text(expect_path);
	if (!want)
		fail_msg("missing %s", expect_path);
	char *got = load_diags(path);
	if (strcmp(got, want) != 0)
		print_error("%s: expected\n%sgot\n%s", path, want, got);
	assert_string_equal(got, want);
	assert_true(got[0] != '\0');   /* a bad file has an error */
	free(got);
	free(want);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The corpus's names ending in suffix, sorted; NULL-terminated. */
static char **list_dir(const char *suffix, size_t *count)
{
	DIR *dir = opendir(BAD_DIR);
	size_t n = 0, cap = 16;
	char **v = malloc(cap * sizeof *v);
	if (!dir || !v) {
		*count = 0;
		if (dir)
			closedir(dir);
		return v;
	}
	for (struct dirent *e; (e = readdir(dir));) {
		if (!has_suffix(e->d_name, suffix))
			continue;
		if (n + 1 == cap)
			v = realloc(v, (cap *= 2) * sizeof *v);
		v[n] = malloc(strlen(BAD_DIR) + strlen(e->d_name) + 2);
		sprintf(v[n++], "%s/%s", BAD_DIR, e->d_name);
	}
	closedir(dir);
	qsort(v, n, sizeof *v, by_name);
	v[n] = NULL;
	*count = n;
	return v;
}

static void free_list(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* Every .expect has its .yaml, and the corpus is not thin. */
static void test_bad_corpus_complete(void **state)
{
	(void)state;
	size_t n_yaml, n_expect;
	char **yaml = list_dir(".yaml", &n_yaml);
	char **expect = list_dir(".expect", &n_expect);
	assert_true(n_yaml >= MIN_BAD_FIXTURES);
	for (size_t i = 0; i < n_expect; i++) {
		char p[512];
		snprintf(p, sizeof p, "%.*s.yaml",
			 (int)(strlen(expect[i]) - strlen(".expect")), expect[i]);
		if (access(p, R_OK) != 0)
			fail_msg("%s has no .yaml", expect[i]);
	}
	assert_int_equal(n_yaml, n_expect);
	free_list(yaml);
	free_list(expect);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_blueprint_example),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_new_fields),
		cmocka_unit_test(test_position_words),
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_library_partial),
		cmocka_unit_test(test_parse_buffer),
		cmocka_unit_test(test_limit_edges),
		cmocka_unit_test(test_parse_library_buffer),
		cmocka_unit_test(test_library_refused_value),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_broken_library_exercise),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_nesting_100k),
		cmocka_unit_test(test_nesting_100k_mappings),
		cmocka_unit_test(test_file_over_1mib),
		cmocka_unit_test(test_file_of_1mib),
		cmocka_unit_test(test_bad_corpus_complete),
		cmocka_unit_test(test_open_library_reads_used_entries),
		cmocka_unit_test(test_open_library_falls_back),
		cmocka_unit_test(test_open_library_suggests),
	};
	size_t n_fixed = sizeof fixed / sizeof fixed[0], n_bad;
	char **bad = list_dir(".yaml", &n_bad);
	struct CMUnitTest *tests = calloc(n_fixed + n_bad, sizeof *tests);
	if (!tests || !bad)
		return 1;
	memcpy(tests, fixed, sizeof fixed);
	for (size_t i = 0; i < n_bad; i++) {
		struct CMUnitTest *t = &tests[n_fixed + i];
		t->name = bad[i] + strlen(BAD_DIR) + 1;
		t->test_func = test_bad_fixture;
		t->initial_state = bad[i];
	}
	int rc = _cmocka_run_group_tests("loader", tests, n_fixed + n_bad, NULL,
					 NULL);
	free(tests);
	free_list(bad);
	return rc;
}
