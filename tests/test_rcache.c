/* Unit tests: the routine cache (rcache.h). A routine read back is the
 * routine saved, field by field; any change to its file or a library, a
 * library added, or any damage to the entry, and it is not used. Each
 * test works in a fresh temporary directory. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"
#include "rcache.h"

#define SHIPPED_LIB "routines/exercises.yaml"
#define SHIPPED     "routines/upper-back-15.yaml"

struct fixture {
	char root[64];
	char cache[PATH_MAX];
	char routine[PATH_MAX];
	const char *libs[1];
};

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	strcpy(f->root, "/tmp/stretchtui-rcache-XXXXXX");
	if (!mkdtemp(f->root))
		return -1;
	snprintf(f->cache, sizeof f->cache, "%s/cache", f->root);
	snprintf(f->routine, sizeof f->routine, "%s/r.yaml", f->root);
	write_text(f->routine, "name: R\nsummary: Reach\ntags: [a, b]\nsteps:\n"
		   "  - exercise: {name: Reach, how: [Up., Down.], hold: 20s}\n"
		   "    sides: [left, right]\n  - rest: 10s\n");
	f->libs[0] = SHIPPED_LIB;
	*state = f;
	return 0;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char path[PATH_MAX];
	for (struct dirent *e; (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	remove_tree(f->root);
	free(f);
	return 0;
}

/* A time well after every file's change: nothing is too recent to keep. */
static int64_t later(void)
{
	return (int64_t)time(NULL) + 60;
}

static void load(const char *path, struct library *lib, struct routine *r)
{
	struct diags d = { 0 };
	struct library *libs[] = { lib };
	assert_int_equal(loader_load_routine(path, libs, lib ? 1 : 0, r, &d), 0);
	assert_int_equal(d.n, 0);
	diag_free(&d);
}

static void same_str(const char *a, const char *b)
{
	assert_int_equal(a == NULL, b == NULL);
	if (a)
		assert_string_equal(a, b);
}

static void same_list(const struct strlist *a, const struct strlist *b)
{
	assert_int_equal(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		assert_string_equal(a->v[i], b->v[i]);
}

static void same_exercise(const struct exercise *a, const struct exercise *b)
{
	assert_int_equal(a == NULL, b == NULL);
	if (!a)
		return;
	same_str(a->id, b->id);
	same_str(a->name, b->name);
	same_str(a->summary, b->summary);
	same_list(&a->how, &b->how);
	same_list(&a->area, &b->area);
	same_list(&a->figure, &b->figure);
	same_list(&a->sides, &b->sides);
	assert_int_equal(a->n_phases, b->n_phases);
	for (size_t i = 0; i < a->n_phases; i++) {
		assert_string_equal(a->phases[i].cue, b->phases[i].cue);
		assert_int_equal(a->phases[i].ms, b->phases[i].ms);
	}
	assert_int_equal(a->hold_ms, b->hold_ms);
	assert_int_equal(a->reps, b->reps);
	assert_int_equal(a->side_word, b->side_word);
	assert_int_equal(a->position, b->position);
	assert_int_equal(a->mirror, b->mirror);
	same_str(a->rep_word.one, b->rep_word.one);
	same_str(a->rep_word.many, b->rep_word.many);
	assert_memory_equal(&a->pos, &b->pos, sizeof a->pos);
}

static void same_routine(const struct routine *a, const struct routine *b)
{
	same_str(a->path, b->path);
	same_str(a->id, b->id);
	same_str(a->name, b->name);
	same_str(a->summary, b->summary);
	same_str(a->description, b->description);
	assert_int_equal(a->duration_ms, b->duration_ms);
	assert_memory_equal(&a->duration_pos, &b->duration_pos, sizeof a->duration_pos);
	assert_memory_equal(&a->steps_pos, &b->steps_pos, sizeof a->steps_pos);
	same_list(&a->tags, &b->tags);
	same_list(&a->equipment, &b->equipment);
	assert_int_equal(a->get_ready_ms, b->get_ready_ms);
	assert_int_equal(a->switch_ms, b->switch_ms);
	assert_int_equal(a->set_rest_ms, b->set_rest_ms);
	assert_int_equal(a->n_steps, b->n_steps);
	for (size_t i = 0; i < a->n_steps; i++) {
		const struct step *s = &a->steps[i], *t = &b->steps[i];
		assert_int_equal(s->kind, t->kind);
		same_exercise(s->exercise, t->exercise);
		assert_int_equal(s->hold_ms, t->hold_ms);
		assert_int_equal(s->rest_ms, t->rest_ms);
		assert_int_equal(s->reps, t->reps);
		assert_int_equal(s->self_paced, t->self_paced);
		assert_int_equal(s->tempo_ms, t->tempo_ms);
		same_list(&s->sides, &t->sides);
		assert_int_equal(s->side_word, t->side_word);
		assert_int_equal(s->position, t->position);
		assert_int_equal(s->sets, t->sets);
		assert_int_equal(s->get_ready_ms, t->get_ready_ms);
		assert_int_equal(s->switch_ms, t->switch_ms);
		assert_int_equal(s->set_rest_ms, t->set_rest_ms);
		assert_memory_equal(&s->pos, &t->pos, sizeof s->pos);
	}
	/* an exercise used twice is one exercise, read back as one */
	for (size_t i = 1; i < a->n_steps; i++)
		for (size_t k = 0; k < i; k++)
			assert_int_equal(a->steps[i].exercise == a->steps[k].exercise,
					 b->steps[i].exercise == b->steps[k].exercise);
}

/* Every shipped routine, with the shipped library, reads back as saved. */
static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	struct library lib;
	struct diags d = { 0 };
	assert_int_equal(loader_load_library(SHIPPED_LIB, &lib, &d), 0);
	DIR *dir = opendir("routines");
	assert_non_null(dir);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(dir));) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") ||
		    strcmp(e->d_name, "exercises.yaml") == 0)
			continue;
		char path[PATH_MAX];
		snprintf(path, sizeof path, "routines/%s", e->d_name);
		struct routine r, back;
		load(path, &lib, &r);
		assert_int_equal(rcache_save(f->cache, path, f->libs, 1, NULL, &r, later()), 0);
		assert_int_equal(rcache_load(f->cache, path, f->libs, 1, &back), 0);
		same_routine(&r, &back);
		routine_free(&r);
		routine_free(&back);
		n++;
	}
	closedir(dir);
	assert_true(n >= 11);
	library_free(&lib);
	diag_free(&d);
}

/* The entry's file, the one file in the cache directory. */
static void entry_path(const struct fixture *f, char out[PATH_MAX + 256])
{
	DIR *dir = opendir(f->cache);
	assert_non_null(dir);
	out[0] = '\0';
	for (struct dirent *e; (e = readdir(dir));)
		if (e->d_name[0] != '.')
			assert_true(snprintf(out, PATH_MAX + 256, "%s/%s", f->cache,
					     e->d_name) < PATH_MAX);
	closedir(dir);
	assert_true(out[0] != '\0');
}

/* The entry's file (the one in the cache) and a copy of its bytes. */
static char *entry_bytes(const struct fixture *f, char file[PATH_MAX + 256],
			 size_t *n)
{
	entry_path(f, file);
	struct stat st;
	assert_int_equal(stat(file, &st), 0);
	*n = (size_t)st.st_size;
	char *good = malloc(*n);
	assert_non_null(good);
	FILE *in = fopen(file, "rb");
	assert_non_null(in);
	assert_int_equal(fread(good, 1, *n, in), *n);
	fclose(in);
	return good;
}

static void save_own(struct fixture *f)
{
	struct routine r;
	load(f->routine, NULL, &r);
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, NULL, &r, later()), 0);
	routine_free(&r);
}

static bool hit(struct fixture *f, const char *const *libs, size_t n)
{
	struct routine r;
	int rc = rcache_load(f->cache, f->routine, libs, n, &r);
	if (rc == 0)
		assert_string_equal(r.name, "R");
	else
		assert_int_equal(r.n_steps, 0);
	routine_free(&r);
	return rc == 0;
}

/* Its file changed (even to the same size), a library added, removed or
 * changed: not used. */
static void test_misses_on_change(void **state)
{
	struct fixture *f = *state;
	save_own(f);
	assert_true(hit(f, f->libs, 1));
	assert_false(hit(f, NULL, 0));                       /* a library gone */
	const char *two[] = { SHIPPED_LIB, f->routine };
	assert_false(hit(f, two, 2));                        /* one more */
	const char *other[] = { "tests/data/good/exercises.yaml" };
	assert_false(hit(f, other, 1));                      /* another one */
	struct timespec past[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, f->routine, past, 0), 0);
	assert_false(hit(f, f->libs, 1));                    /* touched */
	save_own(f);
	assert_true(hit(f, f->libs, 1));
	write_text(f->routine, "name: Q\nsummary: Reach\ntags: [a, b]\nsteps:\n"
		   "  - exercise: {name: Reach, how: [Up., Down.], hold: 20s}\n"
		   "    sides: [left, right]\n  - rest: 10s\n");
	assert_int_equal(utimensat(AT_FDCWD, f->routine, past, 0), 0);
	assert_false(hit(f, f->libs, 1));                    /* same size, same mtime */
}

/* A file changed in the last seconds is not kept: a second change within
 * the same clock tick would look the same. */
static void test_recent_not_kept(void **state)
{
	struct fixture *f = *state;
	struct routine r;
	struct stat st;
	load(f->routine, NULL, &r);
	assert_int_equal(stat(f->routine, &st), 0);
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, NULL, &r,
				     (int64_t)st.st_ctim.tv_sec + 1), -1);
	assert_false(hit(f, f->libs, 1));
	assert_int_equal(rcache_save(f->cache, "/no/such/file.yaml", f->libs, 1, NULL, &r,
				     later()), -1);
	routine_free(&r);
}

static void rewrite(const char *path, const char *buf, size_t n)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

/* Every byte flipped, and every shorter length: never used, never a
 * crash (make sanitize runs this under ASan). */
static void test_damage_is_a_miss(void **state)
{
	struct fixture *f = *state;
	save_own(f);
	char file[PATH_MAX + 256];
	size_t n;
	char *good = entry_bytes(f, file, &n), *bad = malloc(n);
	assert_non_null(bad);
	for (size_t i = 0; i < n; i++) {
		memcpy(bad, good, n);
		bad[i] ^= 0x5a;
		rewrite(file, bad, n);
		assert_false(hit(f, f->libs, 1));
		rewrite(file, good, i);
		assert_false(hit(f, f->libs, 1));
	}
	rewrite(file, good, n);
	assert_true(hit(f, f->libs, 1));
	free(good);
	free(bad);
}

/* rcache.c's checksum, for entries damaged behind its back. */
static uint64_t fnv_words(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037u, w;
	size_t i = 0;
	for (; i + sizeof w <= n; i += sizeof w) {
		memcpy(&w, p + i, sizeof w);
		h = (h ^ w) * 1099511628211u;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211u;
	return h;
}

/* Every byte changed with the checksum made right again, so that only
 * the reader's own checks stand between it and the bytes: a routine read
 * back is whole (a name, steps, an exercise for each exercise step, side
 * counts in range), or none is. */
static void test_checked_as_read(void **state)
{
	struct fixture *f = *state;
	save_own(f);
	char file[PATH_MAX + 256];
	size_t n, head = 16;
	char *good = entry_bytes(f, file, &n), *bad = malloc(n);
	assert_non_null(bad);
	size_t hits = 0;
	static const unsigned char with[] = { 0xff, 0x80, 0x01, 0x00 };
	for (size_t i = head; i < n; i++) {
		for (size_t k = 0; k < sizeof with; k++) {
			memcpy(bad, good, n);
			bad[i] = (char)with[k];
			uint64_t sum = fnv_words(bad + head, n - head);
			memcpy(bad + 8, &sum, sizeof sum);
			rewrite(file, bad, n);
			struct routine r;
			if (rcache_load(f->cache, f->routine, f->libs, 1, &r) == 0) {
				hits++;
				assert_non_null(r.name);
				assert_true(r.n_steps >= 1 && r.n_steps <= ROUTINE_MAX_STEPS);
				for (size_t j = 0; j < r.n_steps; j++) {
					const struct step *sp = &r.steps[j];
					assert_int_equal(sp->kind == STEP_REST, sp->exercise == NULL);
					assert_true(sp->sides.n <= ROUTINE_MAX_SIDES);
					assert_true(!sp->exercise || sp->exercise->name);
				}
			}
			routine_free(&r);
		}
	}
	assert_true(hits < 4 * (n - head));   /* most damage is refused */
	free(good);
	free(bad);
}

/* Found in review: a reps step without phases needs a tempo, or its reps
 * take no time and the plan's 4 h bound no longer bounds its segments; an
 * entry saying otherwise is refused. */
static void test_reps_need_time(void **state)
{
	struct fixture *f = *state;
	write_text(f->routine, "name: R\nsteps:\n  - exercise: {name: Nod}\n"
		   "    reps: 5\n    tempo: 2s\n");
	struct routine r, back;
	load(f->routine, NULL, &r);
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, NULL, &r, later()), 0);
	assert_int_equal(rcache_load(f->cache, f->routine, f->libs, 1, &back), 0);
	assert_int_equal(back.steps[0].tempo_ms, 2000);
	routine_free(&back);
	r.steps[0].tempo_ms = 0;
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, NULL, &r, later()), 0);
	assert_int_equal(rcache_load(f->cache, f->routine, f->libs, 1, &back), -1);
	routine_free(&back);
	routine_free(&r);
}

/* Found in review: the identity kept is the one the file had before it
 * was read, so a change after the read is a miss later, not an entry of
 * the old text under the new identity. */
static void test_identity_before_read(void **state)
{
	struct fixture *f = *state;
	struct rcache_id ids[2];
	ids[0].ok = rcache_identity(f->routine, ids[0].v);
	ids[1].ok = rcache_identity(SHIPPED_LIB, ids[1].v);
	struct routine r;
	load(f->routine, NULL, &r);
	struct timespec past[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, f->routine, past, 0), 0);   /* changed */
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, ids, &r, later()), 0);
	assert_false(hit(f, f->libs, 1));
	routine_free(&r);
}

/* Found in review: a FIFO where an entry goes is refused, not waited on. */
static void test_fifo_entry(void **state)
{
	struct fixture *f = *state;
	save_own(f);
	char file[PATH_MAX + 256];
	entry_path(f, file);
	assert_int_equal(unlink(file), 0);
	assert_int_equal(mkfifo(file, 0600), 0);
	struct routine r;
	load(f->routine, NULL, &r);
	assert_int_equal(rcache_save(f->cache, f->routine, f->libs, 1, NULL, &r, later()), -1);
	assert_false(hit(f, f->libs, 1));
	routine_free(&r);
}

/* ---- a listing's rows ---------------------------------------------------- */

static int save_rows(struct fixture *f, const char *other)
{
	struct rcache_row v[] = {
		{ .path = f->routine, .name = "R", .tags = "a, b", .gear = "", .total_ms = 35000 },
		{ .path = other, .name = "Other", .tags = "", .gear = "mat", .total_ms = 1000 },
	};
	for (size_t i = 0; i < 2; i++)   /* as the files are before they are read */
		v[i].id_ok = rcache_identity(v[i].path, v[i].id);
	return rcache_rows_save(f->cache, f->libs, 1, NULL, v, 2, later());
}

/* Rows read back as kept; one whose file changed is not found; other
 * libraries, or any damage to the file, and none are. */
static void test_rows(void **state)
{
	struct fixture *f = *state;
	char other[PATH_MAX + 16];
	snprintf(other, sizeof other, "%s/o.yaml", f->root);
	write_text(other, "name: Other\nsteps:\n  - rest: 1s\n");
	assert_int_equal(save_rows(f, other), 0);
	struct rcache_rows rows;
	assert_int_equal(rcache_rows_load(f->cache, f->libs, 1, &rows), 0);
	assert_int_equal(rows.n, 2);
	const struct rcache_row *w = rcache_rows_find(&rows, f->routine);
	assert_non_null(w);
	assert_string_equal(w->name, "R");
	assert_string_equal(w->tags, "a, b");
	assert_string_equal(w->gear, "");
	assert_int_equal(w->total_ms, 35000);
	w = rcache_rows_find(&rows, other);
	assert_non_null(w);
	assert_string_equal(w->gear, "mat");
	assert_null(rcache_rows_find(&rows, "/no/such.yaml"));
	struct timespec past[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, other, past, 0), 0);
	assert_null(rcache_rows_find(&rows, other));         /* changed since */
	assert_non_null(rcache_rows_find(&rows, f->routine));
	rcache_rows_free(&rows);
	const char *none[1] = { NULL };
	assert_int_equal(rcache_rows_load(f->cache, none, 0, &rows), -1);
	assert_int_equal(rows.n, 0);
	rcache_rows_free(&rows);
	const char *other_lib[] = { "tests/data/good/exercises.yaml" };
	assert_int_equal(rcache_rows_load(f->cache, other_lib, 1, &rows), -1);
	rcache_rows_free(&rows);
}

static void test_rows_damage(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(save_rows(f, f->routine), -1);   /* a path twice: refused */
	DIR *d = opendir(f->cache);
	size_t files = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		files += e->d_name[0] != '.';
	if (d)
		closedir(d);
	assert_int_equal(files, 0);
	char other[PATH_MAX + 16];
	snprintf(other, sizeof other, "%s/o.yaml", f->root);
	write_text(other, "name: Other\nsteps:\n  - rest: 1s\n");
	assert_int_equal(save_rows(f, other), 0);
	char file[PATH_MAX + 256];
	size_t n, head = 16;
	char *good = entry_bytes(f, file, &n), *bad = malloc(n);
	assert_non_null(bad);
	for (size_t i = 0; i < n; i++) {
		struct rcache_rows rows;
		memcpy(bad, good, n);
		bad[i] ^= 0x21;
		rewrite(file, bad, n);
		assert_int_equal(rcache_rows_load(f->cache, f->libs, 1, &rows), -1);
		rcache_rows_free(&rows);
		rewrite(file, good, i);
		assert_int_equal(rcache_rows_load(f->cache, f->libs, 1, &rows), -1);
		rcache_rows_free(&rows);
		if (i < head)
			continue;
		bad[i] = (char)0xff;   /* with the checksum made right again */
		uint64_t sum = fnv_words(bad + head, n - head);
		memcpy(bad + 8, &sum, sizeof sum);
		rewrite(file, bad, n);
		if (rcache_rows_load(f->cache, f->libs, 1, &rows) == 0)
			for (size_t k = 0; k < rows.n; k++)
				assert_true(rows.v[k].path && rows.v[k].name &&
					    rows.v[k].tags && rows.v[k].gear);
		rcache_rows_free(&rows);
	}
	free(good);
	free(bad);
}

/* ---- a catalog's files ------------------------------------------------- */

/* The files of a directory read back in order while it is unchanged; a
 * file added, or any damage, and they are not. */
static void test_files(void **state)
{
	struct fixture *f = *state;
	const char *dirs[] = { f->root };
	const struct rcache_file v[] = { { "/a/b.yaml", "b" }, { "/a/c.yml", "c" } };
	struct timespec past[2] = { { 1000000000, 0 }, { 1000000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, f->root, past, 0), 0);
	assert_int_equal(rcache_files_save(f->cache, dirs, 1, NULL, v, 2, later()), 0);
	/* the save made the cache directory inside f->root: its time again */
	assert_int_equal(utimensat(AT_FDCWD, f->root, past, 0), 0);
	assert_int_equal(rcache_files_save(f->cache, dirs, 1, NULL, v, 2, later()), 0);
	struct arena a = { 0 };
	struct rcache_file *got;
	assert_int_equal(rcache_files_load(f->cache, dirs, 1, &a, &got), 2);
	assert_string_equal(got[0].path, "/a/b.yaml");
	assert_string_equal(got[0].id, "b");
	assert_string_equal(got[1].path, "/a/c.yml");
	assert_string_equal(got[1].id, "c");
	const char *two[] = { f->root, f->cache };
	assert_int_equal(rcache_files_load(f->cache, two, 2, &a, &got), -1);
	char added[PATH_MAX + 16];
	snprintf(added, sizeof added, "%s/new.yaml", f->root);
	write_text(added, "name: N\nsteps:\n  - rest: 1s\n");
	assert_int_equal(rcache_files_load(f->cache, dirs, 1, &a, &got), -1);
	assert_int_equal(rcache_files_save(f->cache, dirs, 1, NULL, v, 2,
					   (int64_t)time(NULL)), -1);   /* too recent */
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_misses_on_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recent_not_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damage_is_a_miss, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checked_as_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reps_need_time, setup, teardown),
		cmocka_unit_test_setup_teardown(test_identity_before_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fifo_entry, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_damage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
