/* Unit tests: where routines are found and which one wins. Every
 * directory is a fresh temporary one; the environment points at them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

#include "catalog.h"

struct fixture {
	char root[64];
	char dirs[5][PATH_MAX];   /* xdg, path1, path2, extra, xdg routines */
};

static void touch(const char *dir, const char *name)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("name: x\nsteps:\n  - rest: 5s\n", f);
	fclose(f);
}

static void make_dir(char *out, const char *root, const char *name)
{
	assert_true(snprintf(out, PATH_MAX, "%s/%s", root, name) < PATH_MAX);
	assert_int_equal(mkdir(out, 0700), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	strcpy(f->root, "/tmp/stretchtui-catalog-XXXXXX");
	if (!f || !mkdtemp(f->root))
		return -1;
	make_dir(f->dirs[0], f->root, "xdg");
	make_dir(f->dirs[4], f->dirs[0], "stretchtui");
	make_dir(f->dirs[4], f->dirs[0], "stretchtui/routines");
	make_dir(f->dirs[1], f->root, "p1");
	make_dir(f->dirs[2], f->root, "p2");
	make_dir(f->dirs[3], f->root, "extra");
	setenv("XDG_CONFIG_HOME", f->dirs[0], 1);
	unsetenv("STRETCHTUI_PATH");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->root);
	int rc = system(cmd);
	free(f);
	return rc;
}

static const char *path_of(struct catalog *c, const char *id)
{
	const struct catalog_entry *e = catalog_find(c, id);
	return e ? e->path : NULL;
}

static void assert_in_dir(struct catalog *c, const char *id,
			  const char *dir, const char *file)
{
	char want[PATH_MAX * 2], real[PATH_MAX];
	assert_non_null(realpath(dir, real));
	snprintf(want, sizeof want, "%s/%s", real, file);
	assert_non_null(path_of(c, id));
	assert_string_equal(path_of(c, id), want);
}

static void test_later_directories_override(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[4], "alpha.yaml");
	touch(f->dirs[4], "beta.yaml");
	touch(f->dirs[1], "beta.yaml");
	touch(f->dirs[1], "gamma.yml");
	touch(f->dirs[2], "gamma.yaml");
	touch(f->dirs[3], "alpha.yaml");
	char env[PATH_MAX * 2 + 2];
	snprintf(env, sizeof env, "%s:%s", f->dirs[1], f->dirs[2]);
	setenv("STRETCHTUI_PATH", env, 1);
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(d.n, 0);
	assert_in_dir(&c, "alpha", f->dirs[3], "alpha.yaml");   /* --routines */
	assert_in_dir(&c, "beta", f->dirs[1], "beta.yaml");     /* STRETCHTUI_PATH */
	assert_in_dir(&c, "gamma", f->dirs[2], "gamma.yaml");   /* its later dir */
	for (size_t i = 1; i < c.n; i++)                        /* sorted by id */
		assert_true(strcmp(c.v[i - 1].id, c.v[i].id) < 0);
	catalog_close(&c);
}

static void test_is_library_path(void **state)
{
	(void)state;
	assert_true(catalog_is_library_path("exercises.yaml"));
	assert_true(catalog_is_library_path("routines/exercises.yml"));
	assert_false(catalog_is_library_path("routines/my-exercises.yaml"));
	assert_false(catalog_is_library_path("exercises.yaml/neck.yaml"));
	assert_false(catalog_is_library_path("exercises"));
}

static void test_what_counts_as_a_routine(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[3], "one.yaml");
	touch(f->dirs[3], "two.yml");
	touch(f->dirs[3], "two.yaml");          /* .yaml beats .yml in one dir */
	touch(f->dirs[3], ".hidden.yaml");
	touch(f->dirs[3], "notes.txt");
	touch(f->dirs[3], "exercises.yaml");    /* a library, not a routine */
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_non_null(catalog_find(&c, "one"));
	assert_in_dir(&c, "two", f->dirs[3], "two.yaml");
	assert_null(catalog_find(&c, ".hidden"));
	assert_null(catalog_find(&c, "notes"));
	assert_null(catalog_find(&c, "exercises"));
	assert_true(c.n_libs >= 1);
	char lib[PATH_MAX * 2], real[PATH_MAX];
	assert_non_null(realpath(f->dirs[3], real));
	snprintf(lib, sizeof lib, "%s/exercises.yaml", real);
	assert_string_equal(c.libs[c.n_libs - 1].path, lib);  /* highest last */
	catalog_close(&c);
}

static void test_bad_directories(void **state)
{
	struct fixture *f = *state;
	char missing[PATH_MAX + 16];
	snprintf(missing, sizeof missing, "%s/nope", f->root);
	setenv("STRETCHTUI_PATH", missing, 1);
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, NULL, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.n, 1);                /* a warning, not fatal */
	assert_int_equal(d.v[0].level, DIAG_WARNING);
	catalog_close(&c);
	diag_clear(&d);
	assert_int_equal(catalog_open(&c, missing, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[d.n - 1].file, missing);
	assert_string_equal(d.v[d.n - 1].msg, "--routines: not a readable directory");
	catalog_close(&c);
	diag_free(&d);
}

/* 7,000 bad entries do not print 7,000 lines: five are named, with the
 * directory as the place, then one line says how many more. */
static void test_bad_path_entries_capped(void **state)
{
	struct fixture *f = *state;
	size_t n = 7000, len = strlen(f->root) + 16;
	char *env = malloc(n * len), *p = env;
	assert_non_null(env);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s%s/nope%zu", i ? ":" : "", f->root, i);
	setenv("STRETCHTUI_PATH", env, 1);
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, NULL, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.n, 6);
	char first[PATH_MAX + 16];
	snprintf(first, sizeof first, "%s/nope0", f->root);
	assert_string_equal(d.v[0].file, first);
	assert_string_equal(d.v[0].msg,
			    "STRETCHTUI_PATH: not a readable directory; skipped");
	assert_null(d.v[5].file);
	assert_string_equal(d.v[5].msg, "STRETCHTUI_PATH: ... and 6995 more entries "
			    "that are not readable directories; skipped");
	catalog_close(&c);
	diag_free(&d);
	unsetenv("STRETCHTUI_PATH");   /* too big for the teardown's rm */
	free(env);
}

static void test_same_directory_twice_counts_once(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[3], "solo.yaml");
	char env[PATH_MAX * 3];
	assert_true(snprintf(env, sizeof env, "%s:%s/../extra", f->dirs[3],
			     f->dirs[1]) < (int)sizeof env);
	setenv("STRETCHTUI_PATH", env, 1);
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	size_t seen = 0;
	char real[PATH_MAX];
	assert_non_null(realpath(f->dirs[3], real));
	for (size_t i = 0; i < c.n_dirs; i++)
		seen += strcmp(c.dirs[i], real) == 0;
	assert_int_equal(seen, 1);
	assert_string_equal(c.dirs[c.n_dirs - 1], real);
	catalog_close(&c);
	diag_free(&d);
}

static void test_unknown_id_suggests(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[3], "neck-release.yaml");
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(catalog_load(&c, "neck-relaese", &r, &d), -1);
	assert_int_equal(catalog_load(&c, "zzz", &r, &d), -1);
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.v[0].msg, "unknown routine 'neck-relaese'; "
			    "did you mean 'neck-release'?");
	assert_string_equal(d.v[1].msg, "unknown routine 'zzz' (see 'stretchtui list')");
	assert_int_equal(catalog_load(&c, "neck-release", &r, &d), 0);
	assert_string_equal(r.name, "x");
	assert_string_equal(r.id, "neck-release");
	routine_free(&r);
	catalog_close(&c);
	diag_free(&d);
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A routine keeps its own copy of the library exercises it uses, so the
 * libraries can go once it is loaded; the next load reads them again. */
static void test_release_libs(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "exercises.yaml",
		   "exercises:\n  reach:\n    name: Overhead reach\n"
		   "    how: [Reach up.]\n    hold: 20s\n");
	write_file(f->dirs[3], "reach.yaml",
		   "name: Reach\nsteps:\n  - use: reach\n");
	struct catalog c;
	struct diags d = { 0 };
	struct routine r, again;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	catalog_release_libs(&c);                /* nothing loaded: no-op */
	assert_int_equal(catalog_load(&c, "reach", &r, &d), 0);
	struct catalog_lib *lib = &c.libs[c.n_libs - 1];
	assert_int_equal(lib->status, CATALOG_LIB_OPEN);   /* read as used */
	assert_non_null(lib->lib.lazy);
	catalog_release_libs(&c);
	assert_int_equal(lib->status, CATALOG_LIB_UNLOADED);
	assert_null(lib->lib.lazy);
	assert_int_equal(lib->lib.n, 0);
	assert_null(lib->lib.v);
	assert_non_null(lib->path);              /* still known, not loaded */
	assert_int_equal(r.n_steps, 1);          /* the routine is intact */
	assert_string_equal(r.steps[0].exercise->name, "Overhead reach");
	assert_string_equal(r.steps[0].exercise->how.v[0], "Reach up.");
	assert_int_equal(catalog_load(&c, "reach", &again, &d), 0);
	assert_int_equal(lib->status, CATALOG_LIB_OPEN);        /* read again when needed */
	assert_string_equal(again.steps[0].exercise->name, "Overhead reach");
	assert_int_equal(d.n, 0);
	routine_free(&again);
	catalog_close(&c);                       /* frees the reloaded one */
	assert_string_equal(r.steps[0].exercise->id, "reach");
	routine_free(&r);
	diag_free(&d);
}

/* A broken library in the user's directory: reported once, under its own
 * name; only the routine that uses its broken exercise fails, and the
 * broken definition still overrides the good one below it. */
static void test_broken_library_blocks_only_its_users(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "exercises.yaml",
		   "exercises:\n  reach:\n    name: Overhead reach\n    hold: 20s\n"
		   "  roll:\n    name: Roll\n    hold: 20s\n");
	write_file(f->dirs[3], "a-reach.yaml", "name: Reach\nsteps:\n  - use: reach\n");
	write_file(f->dirs[3], "b-roll.yaml", "name: Roll\nsteps:\n  - use: roll\n");
	write_file(f->dirs[3], "c-rest.yaml", "name: Rest\nsteps:\n  - rest: 5s\n");
	setenv("STRETCHTUI_PATH", f->dirs[1], 1);
	write_file(f->dirs[1], "exercises.yaml", "exercises:\n  roll:\n    nmae: Roll\n");
	struct catalog c;
	struct diags d = { 0 }, w = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	/* the lower directory's library ranks below --routines: reach and
	 * roll come from extra/ and all three load */
	assert_int_equal(catalog_load(&c, "a-reach", &r, &d), 0);
	routine_free(&r);
	assert_int_equal(catalog_load(&c, "b-roll", &r, &d), 0);
	routine_free(&r);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_lib_warnings(&c, &w), 1);
	assert_int_equal(w.errors, 0);
	assert_non_null(strstr(w.v[0].file, "p1/exercises.yaml"));
	assert_non_null(strstr(w.v[0].msg, "has 1 error;"));
	catalog_close(&c);
	/* now the broken one ranks highest: only its user fails, at the use */
	setenv("STRETCHTUI_PATH", f->dirs[3], 1);
	assert_int_equal(catalog_open(&c, f->dirs[1], &d), 0);
	assert_int_equal(catalog_load(&c, "c-rest", &r, &d), 0);
	routine_free(&r);
	assert_int_equal(catalog_load(&c, "a-reach", &r, &d), 0);
	routine_free(&r);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_load(&c, "b-roll", &r, &d), -1);
	routine_free(&r);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].file, "b-roll.yaml"));
	assert_int_equal(d.v[0].line, 3);
	assert_non_null(strstr(d.v[0].msg, "exercise 'roll' has errors in "));
	catalog_close(&c);
	diag_free(&d);
	diag_free(&w);
}

/* An empty exercises.yaml breaks nothing but itself. */
static void test_empty_library(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "exercises.yaml", "");
	touch(f->dirs[3], "a.yaml");
	struct catalog c;
	struct diags d = { 0 }, w = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(catalog_load(&c, "a", &r, &d), 0);
	routine_free(&r);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_lib_warnings(&c, &w), 1);
	catalog_close(&c);
	diag_free(&d);
	diag_free(&w);
}

/* A FIFO named like a routine is refused at once, never opened blocking. */
static void test_fifo_is_refused(void **state)
{
	struct fixture *f = *state;
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/pipe.yaml", f->dirs[3]);
	assert_int_equal(mkfifo(path, 0600), 0);
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(catalog_load(&c, "pipe", &r, &d), -1);
	routine_free(&r);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.v[0].file, path);
	assert_string_equal(d.v[0].msg, "not a regular file");
	catalog_close(&c);
	diag_free(&d);
}

/* play takes an id, a unique id prefix, or a name (any case). */
static void test_loose_routine_names(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "upper-back-15.yaml", "name: Upper back relief\nsteps:\n  - rest: 5s\n");
	write_file(f->dirs[3], "upper-neck-5.yaml", "name: Neck\nsteps:\n  - rest: 5s\n");
	write_file(f->dirs[3], "chair.yaml", "name: Seated twist\nsteps:\n  - rest: 5s\n");
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	static const char *const ok[][2] = {
		{ "upper-back", "upper-back-15" }, { "Upper back relief", "upper-back-15" },
		{ "upper BACK relief", "upper-back-15" }, { "upper back", "upper-back-15" },
		{ "seated TWIST", "chair" }, { "seated", "chair" }, { "neck", "upper-neck-5" },
	};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
		assert_int_equal(catalog_load(&c, ok[i][0], &r, &d), 0);
		assert_string_equal(r.id, ok[i][1]);
		routine_free(&r);
	}
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_load(&c, "upper", &r, &d), -1);
	routine_free(&r);
	assert_string_equal(d.v[0].msg,
			    "routine 'upper' is ambiguous: upper-back-15, upper-neck-5");
	/* an exact name wins over ids that start with it, in any case */
	write_file(f->dirs[3], "zzz.yaml", "name: Upper\nsteps:\n  - rest: 5s\n");
	catalog_close(&c);
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(catalog_load(&c, "upper", &r, &d), 0);
	assert_string_equal(r.id, "zzz");
	routine_free(&r);
	assert_int_equal(catalog_load(&c, "UPPER", &r, &d), 0);
	assert_string_equal(r.id, "zzz");
	routine_free(&r);
	assert_int_equal(catalog_load(&c, "chiar", &r, &d), -1);
	routine_free(&r);
	assert_string_equal(d.v[1].msg, "unknown routine 'chiar'; did you mean 'chair'?");
	catalog_close(&c);
	diag_free(&d);
}

/* `check` gives paths: a bare name is a file, never looked up as an id. */
static void test_load_file_takes_any_name(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[3], "notes");
	touch(f->dirs[3], "x.yaml");
	char cwd[PATH_MAX];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(f->dirs[3]), 0);
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	assert_int_equal(catalog_load_file(&c, "notes", &r, &d), 0);
	assert_string_equal(r.path, "notes");
	routine_free(&r);
	assert_int_equal(catalog_load(&c, "notes", &r, &d), -1);   /* not an id */
	routine_free(&r);
	assert_int_equal(catalog_load_file(&c, "x", &r, &d), -1);  /* id, not file */
	routine_free(&r);
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.v[1].file, "x");
	catalog_close(&c);
	diag_free(&d);
	assert_int_equal(chdir(cwd), 0);
}

/* Each routine file of a directory through catalog_load_file and then
 * catalog_load_plan: the return value is the verdict (diag.h), -1 exactly
 * when errors were added. Returns how many failed. */
static size_t verdicts(struct catalog *c, const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	size_t failed = 0;
	assert_non_null(dp);
	while ((de = readdir(dp))) {
		size_t n = strlen(de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 5, ".yaml") != 0 ||
		    strcmp(de->d_name, "exercises.yaml") == 0)
			continue;
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		struct routine r;
		struct plan p;
		struct diags d = { 0 };
		int rc = catalog_load_file(c, path, &r, &d);
		assert_int_equal(rc, d.errors ? -1 : 0);
		routine_free(&r);
		size_t before = d.errors;
		rc = catalog_load_plan(c, path, &r, &p, &d);
		assert_int_equal(rc, d.errors > before ? -1 : 0);
		if (rc == 0) {
			plan_free(&p);
			routine_free(&r);
		}
		failed += rc != 0;
		diag_free(&d);
	}
	closedir(dp);
	return failed;
}

static void test_return_is_the_verdict(void **state)
{
	(void)state;
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, NULL, &d), 0);
	/* upper-back.yaml loads, but its plan is not what it declares */
	assert_int_equal(verdicts(&c, "tests/data/good"), 1);
	assert_true(verdicts(&c, "tests/data/bad") > 50);
	assert_true(verdicts(&c, "tests/data/broken-lib") > 0);
	catalog_close(&c);
	diag_free(&d);
}

/* Without the scan, an id is looked up by name in each directory and
 * wins as it would in the scan: a later directory, .yaml over .yml;
 * hidden files and libraries are not routines. A name that is not an id
 * scans then. */
static void test_lookup_without_scan(void **state)
{
	struct fixture *f = *state;
	touch(f->dirs[4], "alpha.yaml");
	touch(f->dirs[1], "beta.yaml");
	touch(f->dirs[1], "gamma.yml");
	touch(f->dirs[2], "gamma.yml");
	touch(f->dirs[2], "gamma.yaml");
	touch(f->dirs[3], "alpha.yaml");
	touch(f->dirs[3], ".hidden.yaml");
	touch(f->dirs[3], "exercises.yaml");
	char env[PATH_MAX * 2 + 2];
	snprintf(env, sizeof env, "%s:%s", f->dirs[1], f->dirs[2]);
	setenv("STRETCHTUI_PATH", env, 1);
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open_dirs(&c, f->dirs[3], &d), 0);
	assert_false(c.scanned);
	assert_int_equal(c.n, 0);
	assert_true(c.n_libs >= 1);
	assert_in_dir(&c, "alpha", f->dirs[3], "alpha.yaml");
	assert_in_dir(&c, "beta", f->dirs[1], "beta.yaml");
	assert_in_dir(&c, "gamma", f->dirs[2], "gamma.yaml");
	assert_null(catalog_find(&c, ".hidden"));
	assert_null(catalog_find(&c, "exercises"));
	assert_null(catalog_find(&c, ""));
	assert_null(catalog_find(&c, "../p1/beta"));
	assert_false(c.scanned);
	assert_int_equal(catalog_load(&c, "gam", &r, &d), 0);   /* a prefix: scans */
	assert_true(c.scanned);
	assert_string_equal(r.id, "gamma");
	routine_free(&r);
	assert_in_dir(&c, "alpha", f->dirs[3], "alpha.yaml");
	assert_in_dir(&c, "beta", f->dirs[1], "beta.yaml");
	assert_in_dir(&c, "gamma", f->dirs[2], "gamma.yaml");
	assert_int_equal(d.n, 0);
	catalog_close(&c);
	diag_free(&d);
}

/* 600 files in each of three directories, half of them the same ids:
 * each id once, from the highest directory that has it. */
static void test_many_files_override(void **state)
{
	struct fixture *f = *state;
	char name[32];
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "r%04d.yaml", i);
		touch(f->dirs[1], name);
		if (i % 2 == 0)
			touch(f->dirs[2], name);
		if (i % 3 == 0)
			touch(f->dirs[3], name);
	}
	char env[PATH_MAX * 2 + 2];
	snprintf(env, sizeof env, "%s:%s", f->dirs[1], f->dirs[2]);
	setenv("STRETCHTUI_PATH", env, 1);
	struct catalog c;
	struct diags d = { 0 };
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	size_t ours = 0;                       /* the built-in ones aside */
	for (size_t i = 0; i < c.n; i++)
		ours += strncmp(c.v[i].id, "r0", 2) == 0;
	assert_int_equal(ours, 600);
	for (int i = 0; i < 600; i++) {
		snprintf(name, sizeof name, "r%04d", i);
		const char *dir = i % 3 == 0 ? f->dirs[3] : i % 2 == 0 ? f->dirs[2] : f->dirs[1];
		char file[40];
		snprintf(file, sizeof file, "%s.yaml", name);
		assert_in_dir(&c, name, dir, file);
	}
	assert_null(catalog_find(&c, "r0600"));
	catalog_close(&c);
	diag_free(&d);
}

/* A routine with no `use:` is loaded without reading the libraries; one
 * whose `use` key is spelled with an escape still gets them. */
static void test_library_read_only_when_used(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "exercises.yaml",
		   "exercises:\n  reach:\n    name: Overhead reach\n    hold: 20s\n");
	write_file(f->dirs[3], "inline.yaml", "name: Inline\nsteps:\n"
		   "  - exercise: {name: Tilt}\n    hold: 20s\n");
	write_file(f->dirs[3], "escaped.yaml",
		   "name: Escaped\nsteps:\n  - \"\\x75se\": reach\n");
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	struct catalog_lib *lib = &c.libs[c.n_libs - 1];
	assert_int_equal(catalog_load(&c, "inline", &r, &d), 0);
	assert_string_equal(r.steps[0].exercise->name, "Tilt");
	routine_free(&r);
	for (size_t i = 0; i < c.n_libs; i++)
		assert_int_equal(c.libs[i].status, CATALOG_LIB_UNLOADED);
	assert_int_equal(catalog_load(&c, "escaped", &r, &d), 0);
	assert_int_equal(lib->status, CATALOG_LIB_OPEN);
	assert_string_equal(r.steps[0].exercise->name, "Overhead reach");
	routine_free(&r);
	assert_int_equal(d.n, 0);
	catalog_close(&c);
	diag_free(&d);
}

/* catalog_load_entry: entry i with its plan, or its problems. */
static void test_load_entry(void **state)
{
	struct fixture *f = *state;
	write_file(f->dirs[3], "a.yaml", "name: A\nsteps:\n  - rest: 5s\n  - rest: 10s\n");
	write_file(f->dirs[3], "b.yaml", "name: B\nsteps:\n  - rest: 5 parsecs\n");
	struct catalog c;
	struct diags d = { 0 };
	struct routine r;
	struct plan p;
	assert_int_equal(catalog_open(&c, f->dirs[3], &d), 0);
	size_t a = (size_t)(catalog_find(&c, "a") - c.v), b = (size_t)(catalog_find(&c, "b") - c.v);
	assert_int_equal(catalog_load_entry(&c, a, &r, &p, &d), 0);
	assert_string_equal(r.name, "A");
	assert_int_equal(p.total_ms, 15000);
	plan_free(&p);
	routine_free(&r);
	assert_int_equal(d.n, 0);
	assert_int_equal(catalog_load_entry(&c, b, &r, &p, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].file, "b.yaml"));
	assert_int_equal(d.v[0].line, 3);
	catalog_close(&c);
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_later_directories_override, setup, teardown),
		cmocka_unit_test(test_is_library_path),
		cmocka_unit_test_setup_teardown(test_what_counts_as_a_routine, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_directories, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_path_entries_capped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_directory_twice_counts_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_id_suggests, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_file_takes_any_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_release_libs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_library_blocks_only_its_users, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_library, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loose_routine_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_return_is_the_verdict, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lookup_without_scan, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_files_override, setup, teardown),
		cmocka_unit_test_setup_teardown(test_library_read_only_when_used, setup, teardown),
		cmocka_unit_test_setup_teardown(test_load_entry, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
