/* rcache — loaded routines kept between runs (see rcache.h).
 *
 * A file: the magic, a 64-bit FNV-1a checksum of the rest, then the
 * rest: the program's version and source stamp, the routine's path, its
 * sources (the routine file, then the libraries) with their identities,
 * the routine's fields, its exercises, and its steps, which refer to the
 * exercises by index. Numbers are in this machine's byte order (the
 * cache is this machine's); strings are a length and their bytes. */
#include "rcache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buildinfo.h"
#include "paths.h"
#include "srcstamp.h"

#define RCACHE_MAGIC "STUIRC2\n"
#define RCACHE_MAGIC_LEN 8
#define RCACHE_MAX_FILE (4 * 1024 * 1024)   /* a routine of 500 steps fits */
#define RCACHE_NULL UINT32_MAX              /* the length of a NULL string */

/* FNV-1a over 8-byte words (then the tail's bytes): a checksum for
 * damage, not an adversary, at an eighth of the bytewise cost. */
static uint64_t rcache_fnv(const char *p, size_t n)
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

/* ---- writing ------------------------------------------------------------- */

struct rbuf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void put(struct rbuf *b, const void *v, size_t n)
{
	if (b->oom || n == 0)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p, b->cap = cap;
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static void put_u32(struct rbuf *b, uint32_t v) { put(b, &v, sizeof v); }
static void put_i64(struct rbuf *b, int64_t v) { put(b, &v, sizeof v); }
static void put_int(struct rbuf *b, int v) { put_i64(b, v); }

/* A length and the bytes with their NUL, so that a reader can use them
 * where they lie. */
static void put_str(struct rbuf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	b->oom |= n >= RCACHE_NULL;
	put_u32(b, s ? (uint32_t)n : RCACHE_NULL);
	if (s)
		put(b, s, n + 1);
}

static void put_list(struct rbuf *b, const struct strlist *l)
{
	put_u32(b, (uint32_t)l->n);
	for (size_t i = 0; i < l->n; i++)
		put_str(b, l->v[i]);
}

static void put_pos(struct rbuf *b, struct srcpos p)
{
	put_int(b, p.line);
	put_int(b, p.col);
}

/* ---- reading: every value checked, any doubt a miss ------------------------ */

struct rread {
	const char *p;
	size_t n, at;
	bool bad;
	struct arena *a;
	char *own;     /* the file's bytes when they are not in a but their
	                * own (rcache_end frees them): strings are copied */
};

static void get(struct rread *r, void *v, size_t n)
{
	if (r->bad || r->n - r->at < n) {
		r->bad = true;
		memset(v, 0, n);
		return;
	}
	memcpy(v, r->p + r->at, n);
	r->at += n;
}

static uint32_t get_u32(struct rread *r)
{
	uint32_t v;
	get(r, &v, sizeof v);
	return v;
}

static int64_t get_i64(struct rread *r)
{
	int64_t v;
	get(r, &v, sizeof v);
	return v;
}

/* An int in [lo, hi], else the read goes bad. */
static int get_int(struct rread *r, int64_t lo, int64_t hi)
{
	int64_t v = get_i64(r);
	r->bad |= v < lo || v > hi;
	return r->bad ? (int)lo : (int)v;
}

static int64_t get_ms(struct rread *r, int64_t max)
{
	int64_t v = get_i64(r);
	r->bad |= v < 0 || v > max;
	return r->bad ? 0 : v;
}

/* A string with no NUL in it and one after it, where it lies in the
 * file's bytes (*len its length); or NULL. */
static const char *get_str_here(struct rread *r, uint32_t *len)
{
	uint32_t n = get_u32(r);
	if (r->bad || n == RCACHE_NULL)
		return NULL;
	if (r->n - r->at <= n || r->p[r->at + n] != '\0' ||
	    memchr(r->p + r->at, '\0', n)) {
		r->bad = true;
		return NULL;
	}
	const char *s = r->p + r->at;
	r->at += (size_t)n + 1;
	*len = n;
	return s;
}

/* The same, where the arena owns it: in the file's bytes, or a copy
 * when they are their own. */
static const char *get_str(struct rread *r)
{
	uint32_t n;
	const char *s = get_str_here(r, &n);
	if (!s || !r->own)
		return s;
	const char *copy = arena_strndup(r->a, s, n);
	r->bad |= !copy;
	return copy;
}

/* A count of at most max items of at least `least` bytes each. */
static size_t get_count(struct rread *r, size_t max, size_t least)
{
	uint32_t n = get_u32(r);
	r->bad |= n > max || (least && n > (r->n - r->at) / least);
	return r->bad ? 0 : n;
}

static void get_list(struct rread *r, struct strlist *l, size_t max)
{
	l->n = get_count(r, max, sizeof(uint32_t));
	l->v = l->n ? arena_alloc(r->a, l->n * sizeof *l->v) : NULL;
	r->bad |= l->n && !l->v;
	for (size_t i = 0; !r->bad && i < l->n; i++)
		r->bad |= !(l->v[i] = get_str(r));
}

static struct srcpos get_pos(struct rread *r)
{
	struct srcpos p;
	p.line = get_int(r, 0, INT32_MAX);
	p.col = get_int(r, 0, INT32_MAX);
	return p;
}

/* ---- the sources and their identities -------------------------------------- */

#define RCACHE_ID_FIELDS RCACHE_ID

/* The identity of path as stat gives it; false when it cannot be had. */
bool rcache_identity(const char *path, int64_t id[RCACHE_ID_FIELDS])
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	int64_t v[RCACHE_ID_FIELDS] = {
		(int64_t)st.st_dev, (int64_t)st.st_ino, (int64_t)st.st_size,
		(int64_t)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
		(int64_t)st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
	};
	memcpy(id, v, sizeof v);
	return true;
}

/* The sources: path (when not NULL), then the libraries, each with its
 * identity: ids[] (for the same sources) as they were when read, or
 * (ids NULL) as they are now. */
static bool put_sources(struct rbuf *b, const char *path,
			const char *const *libs, size_t n_libs,
			const struct rcache_id *ids, int64_t now)
{
	size_t first = path ? 0 : 1;
	put_u32(b, (uint32_t)(n_libs + 1 - first));
	for (size_t i = first; i <= n_libs; i++) {
		const char *p = i ? libs[i - 1] : path;
		struct rcache_id id;
		if (ids)
			id = ids[i - first];
		else
			id.ok = rcache_identity(p, id.v);
		if (!id.ok || id.v[3] >= now - RCACHE_RACY_S || id.v[5] >= now - RCACHE_RACY_S)
			return false;   /* gone, or changed too lately to trust */
		put_str(b, p);
		put(b, id.v, sizeof id.v);
	}
	return true;
}

static bool same_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static bool get_sources(struct rread *r, const char *path,
			const char *const *libs, size_t n_libs)
{
	size_t first = path ? 0 : 1;
	if (get_count(r, n_libs + 1 - first, 0) != n_libs + 1 - first || r->bad)
		return false;
	for (size_t i = first; i <= n_libs && !r->bad; i++) {
		const char *want = i ? libs[i - 1] : path;
		int64_t saved[RCACHE_ID_FIELDS], now[RCACHE_ID_FIELDS];
		uint32_t n;
		bool same = same_str(get_str_here(r, &n), want);
		get(r, saved, sizeof saved);
		if (!same || !rcache_identity(want, now) ||
		    memcmp(saved, now, sizeof now) != 0)
			return false;
	}
	return !r->bad;
}

/* ---- the routine ------------------------------------------------------------- */

static void put_exercise(struct rbuf *b, const struct exercise *x)
{
	put_str(b, x->id);
	put_str(b, x->name);
	put_str(b, x->summary);
	put_list(b, &x->how);
	put_list(b, &x->area);
	put_list(b, &x->figure);
	put_u32(b, (uint32_t)x->n_phases);
	for (size_t i = 0; i < x->n_phases; i++) {
		put_str(b, x->phases[i].cue);
		put_i64(b, x->phases[i].ms);
	}
	put_i64(b, x->hold_ms);
	put_int(b, x->reps);
	put_list(b, &x->sides);
	put_int(b, x->side_word);
	put_int(b, x->position);
	put_int(b, x->mirror);
	put_str(b, x->rep_word.one);
	put_str(b, x->rep_word.many);
	put_pos(b, x->pos);
}

static void get_exercise(struct rread *r, struct exercise *x)
{
	x->id = get_str(r);
	x->name = get_str(r);
	r->bad |= !x->name;
	x->summary = get_str(r);
	get_list(r, &x->how, SIZE_MAX);
	get_list(r, &x->area, SIZE_MAX);
	get_list(r, &x->figure, SIZE_MAX);
	x->n_phases = get_count(r, ROUTINE_MAX_PHASES, 12);
	x->phases = arena_alloc(r->a, (x->n_phases + 1) * sizeof *x->phases);
	r->bad |= !x->phases;
	for (size_t i = 0; !r->bad && i < x->n_phases; i++) {
		r->bad |= !(x->phases[i].cue = get_str(r));
		x->phases[i].ms = get_ms(r, ROUTINE_MAX_MS);
		r->bad |= x->phases[i].ms < ROUTINE_MIN_MS;
	}
	x->hold_ms = get_ms(r, ROUTINE_MAX_MS);
	x->reps = get_int(r, 0, ROUTINE_MAX_REPS);
	get_list(r, &x->sides, ROUTINE_MAX_SIDES);
	x->side_word = get_int(r, ROUTINE_SIDES, ROUTINE_DIRECTIONS);
	x->position = get_int(r, ROUTINE_POS_NONE, ROUTINE_POS_KNEELING);
	x->mirror = get_int(r, 0, 1);
	x->rep_word.one = get_str(r);
	x->rep_word.many = get_str(r);
	r->bad |= !x->rep_word.one != !x->rep_word.many;
	x->pos = get_pos(r);
}

static void put_step(struct rbuf *b, const struct step *s, int ex)
{
	put_int(b, s->kind);
	put_int(b, ex);
	put_i64(b, s->hold_ms);
	put_i64(b, s->rest_ms);
	put_int(b, s->reps);
	put_int(b, s->self_paced);
	put_i64(b, s->tempo_ms);
	put_list(b, &s->sides);
	put_int(b, s->side_word);
	put_int(b, s->position);
	put_int(b, s->sets);
	put_i64(b, s->get_ready_ms);
	put_i64(b, s->switch_ms);
	put_i64(b, s->set_rest_ms);
	put_pos(b, s->pos);
}

static void get_step(struct rread *r, struct step *s,
		     const struct exercise *ex, size_t n_ex)
{
	s->kind = (enum step_kind)get_int(r, STEP_HOLD, STEP_REST);
	int k = get_int(r, -1, (int64_t)n_ex - 1);
	s->exercise = k >= 0 ? &ex[k] : NULL;
	r->bad |= (s->kind == STEP_REST) != (s->exercise == NULL);
	s->hold_ms = get_ms(r, ROUTINE_MAX_MS);
	s->rest_ms = get_ms(r, ROUTINE_MAX_MS);
	s->reps = get_int(r, 0, ROUTINE_MAX_REPS);
	s->self_paced = get_int(r, 0, 1);
	s->tempo_ms = get_ms(r, ROUTINE_MAX_MS);
	get_list(r, &s->sides, ROUTINE_MAX_SIDES);
	s->side_word = get_int(r, ROUTINE_SIDES, ROUTINE_DIRECTIONS);
	s->position = get_int(r, ROUTINE_POS_NONE, ROUTINE_POS_KNEELING);
	s->sets = get_int(r, 1, ROUTINE_MAX_SETS);
	s->get_ready_ms = get_ms(r, ROUTINE_MAX_MS);
	s->switch_ms = get_ms(r, ROUTINE_MAX_MS);
	s->set_rest_ms = get_ms(r, ROUTINE_MAX_MS);
	s->pos = get_pos(r);
	/* what the loader makes sure of, and the plan counts on */
	r->bad |= (s->kind == STEP_HOLD && s->hold_ms < ROUTINE_MIN_MS) ||
		  (s->kind == STEP_REST && s->rest_ms < ROUTINE_MIN_MS);
	/* a rep takes time: the exercise's phases, or a tempo (so that the
	 * plan's 4 h bounds its segments) */
	r->bad |= s->kind == STEP_REPS &&
		  (s->reps < 1 || (s->exercise && !s->exercise->n_phases &&
				   s->tempo_ms < ROUTINE_MIN_MS));
}

/* The distinct exercises of r's steps, in order of first use. */
static size_t rcache_exercises(const struct routine *r,
			       const struct exercise **v)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct exercise *x = r->steps[i].exercise;
		size_t k = 0;
		while (x && k < n && v[k] != x)
			k++;
		if (x && k == n)
			v[n++] = x;
	}
	return n;
}

static int rcache_index(const struct exercise *const *v, size_t n,
			const struct exercise *x)
{
	for (size_t k = 0; x && k < n; k++)
		if (v[k] == x)
			return (int)k;
	return -1;
}

static void put_routine(struct rbuf *b, const struct routine *r)
{
	put_str(b, r->id);
	put_str(b, r->name);
	put_str(b, r->summary);
	put_str(b, r->description);
	put_i64(b, r->duration_ms);
	put_pos(b, r->duration_pos);
	put_pos(b, r->steps_pos);
	put_list(b, &r->tags);
	put_list(b, &r->equipment);
	put_i64(b, r->get_ready_ms);
	put_i64(b, r->switch_ms);
	put_i64(b, r->set_rest_ms);
	const struct exercise **ex = malloc((r->n_steps + 1) * sizeof *ex);
	if (!ex) {
		b->oom = true;
		return;
	}
	size_t n_ex = rcache_exercises(r, ex);
	put_u32(b, (uint32_t)n_ex);
	for (size_t i = 0; i < n_ex; i++)
		put_exercise(b, ex[i]);
	put_u32(b, (uint32_t)r->n_steps);
	for (size_t i = 0; i < r->n_steps; i++)
		put_step(b, &r->steps[i], rcache_index(ex, n_ex, r->steps[i].exercise));
	free(ex);
}

static void get_routine(struct rread *r, struct routine *out)
{
	out->id = get_str(r);
	out->name = get_str(r);
	r->bad |= !out->id || !out->name;
	out->summary = get_str(r);
	out->description = get_str(r);
	out->duration_ms = get_ms(r, ROUTINE_MAX_PLAN_MS);
	out->duration_pos = get_pos(r);
	out->steps_pos = get_pos(r);
	get_list(r, &out->tags, SIZE_MAX);
	get_list(r, &out->equipment, SIZE_MAX);
	out->get_ready_ms = get_ms(r, ROUTINE_MAX_MS);
	out->switch_ms = get_ms(r, ROUTINE_MAX_MS);
	out->set_rest_ms = get_ms(r, ROUTINE_MAX_MS);
	size_t n_ex = get_count(r, ROUTINE_MAX_STEPS, 64);
	struct exercise *ex = arena_alloc(r->a, (n_ex + 1) * sizeof *ex);
	r->bad |= !ex;
	for (size_t i = 0; !r->bad && i < n_ex; i++)
		get_exercise(r, &ex[i]);
	size_t n = get_count(r, ROUTINE_MAX_STEPS, 64);
	r->bad |= n == 0;
	struct step *st = arena_alloc(r->a, (n + 1) * sizeof *st);
	r->bad |= !st;
	for (size_t i = 0; !r->bad && i < n; i++)
		get_step(r, &st[i], ex, n_ex);
	out->steps = st;
	out->n_steps = r->bad ? 0 : n;
}

/* ---- files --------------------------------------------------------------------- */

/* dir/<hash of the n bytes of key><suffix>. */
static char *rcache_file(const char *dir, const char *key, size_t n,
			 const char *suffix)
{
	char name[48];
	snprintf(name, sizeof name, "%016llx%s",
		 (unsigned long long)rcache_fnv(key, n), suffix);
	return paths_join(dir, name);
}

/* The program that writes and reads an entry: another build, another key. */
static void put_program(struct rbuf *b)
{
	put_u32(b, (uint32_t)(sizeof(struct routine) ^ sizeof(struct step) << 10 ^
			      sizeof(struct exercise) << 20));
	put_str(b, STRETCHTUI_VERSION);
	put_str(b, STRETCHTUI_SRCSTAMP);
}

static bool get_program(struct rread *r)
{
	struct rbuf me = { 0 };
	put_program(&me);
	bool same = !me.oom && r->n - r->at >= me.n &&
		    memcmp(r->p + r->at, me.p, me.n) == 0;
	r->at += same ? me.n : 0;
	free(me.p);
	return same;
}

/* The whole of a small regular file, in arena a (NULL: malloc'd, the
 * caller's to free); NULL when it cannot be. */
static char *rcache_read(const char *file, size_t *len, struct arena *a)
{
	int fd = paths_open_regular(file);
	struct stat st;
	char *buf = NULL;
	bool ok = fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0 &&
		  st.st_size <= RCACHE_MAX_FILE &&
		  (buf = a ? arena_alloc(a, (size_t)st.st_size) : malloc((size_t)st.st_size)) &&
		  read(fd, buf, (size_t)st.st_size) == (ssize_t)st.st_size;
	if (ok)
		*len = (size_t)st.st_size;
	else if (!a)
		free(buf);
	if (fd >= 0)
		close(fd);
	return ok ? buf : NULL;
}

/* rd at what follows the file's header (magic, checksum, program), its
 * bytes in arena a, or (own) their own, to be freed by rcache_end once
 * read (what is kept is copied into a); false when the file is not one
 * of ours, whole and current. */
static bool rcache_begin(const char *file, const char *magic, struct rread *rd,
			 struct arena *a, bool own)
{
	size_t len = 0;
	char *buf = file ? rcache_read(file, &len, own ? NULL : a) : NULL;
	*rd = (struct rread){ .p = buf, .n = len, .at = RCACHE_MAGIC_LEN + 8, .a = a,
			      .own = own ? buf : NULL };
	uint64_t sum = 0;
	if (!buf || len < rd->at || memcmp(buf, magic, RCACHE_MAGIC_LEN) != 0)
		return false;
	memcpy(&sum, buf + RCACHE_MAGIC_LEN, sizeof sum);
	return sum == rcache_fnv(buf + rd->at, len - rd->at) && get_program(rd);
}

static void rcache_end(struct rread *rd)
{
	free(rd->own);
	rd->own = NULL;
	rd->p = NULL;
}

int rcache_load(const char *dir, const char *path, const char *const *libs,
		size_t n_libs, struct routine *r)
{
	routine_init(r);
	char *file = rcache_file(dir, path, strlen(path), ".rc");
	struct rread rd;
	/* The file's bytes are their own: the routine keeps its strings
	 * (copied), not the lengths, numbers and sources around them, and
	 * the bytes freed before the screen is set up are reused there. */
	bool ok = rcache_begin(file, RCACHE_MAGIC, &rd, &r->arena, true) &&
		  get_sources(&rd, path, libs, n_libs);
	free(file);
	if (ok) {
		get_routine(&rd, r);
		r->path = arena_strdup(&r->arena, path);
		ok = !rd.bad && rd.at == rd.n && r->path;
	}
	rcache_end(&rd);
	if (ok)
		return 0;
	routine_free(r);
	routine_init(r);
	return -1;
}

/* Writes b to file in place, making dir when it is missing. No
 * temporary file and rename: an entry read while it is written, or torn
 * by two writers, fails its checksum and is a miss, so the one file
 * created is all a new entry costs. */
static int rcache_write(const char *dir, const char *file, const struct rbuf *b)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW;
	int fd = paths_open_regular_as(file, flags, 0600);   /* not a FIFO */
	if (fd == -1 && errno == ENOENT && paths_mkdir_p(dir) == 0)
		fd = paths_open_regular_as(file, flags, 0600);
	if (fd < 0)
		return -1;
	bool ok = write(fd, b->p, b->n) == (ssize_t)b->n;
	ok &= close(fd) == 0;
	if (!ok)
		unlink(file);
	return ok ? 0 : -1;
}

static void rcache_head(struct rbuf *b, const char *magic)
{
	uint64_t sum = 0;
	put(b, magic, RCACHE_MAGIC_LEN);
	put(b, &sum, sizeof sum);
	put_program(b);
}

/* b's checksum filled in, and b written to file (ok: b is complete). */
static int rcache_finish(const char *dir, const char *file, struct rbuf *b,
			 bool ok)
{
	int rc = -1;
	if (ok && file && !b->oom && b->n <= RCACHE_MAX_FILE) {
		uint64_t sum = rcache_fnv(b->p + RCACHE_MAGIC_LEN + 8,
					  b->n - RCACHE_MAGIC_LEN - 8);
		memcpy(b->p + RCACHE_MAGIC_LEN, &sum, sizeof sum);
		rc = rcache_write(dir, file, b);
	}
	free(b->p);
	return rc;
}

int rcache_save(const char *dir, const char *path, const char *const *libs,
		size_t n_libs, const struct rcache_id *ids, const struct routine *r,
		int64_t now)
{
	struct rbuf b = { 0 };
	rcache_head(&b, RCACHE_MAGIC);
	bool ok = put_sources(&b, path, libs, n_libs, ids, now);
	if (ok)
		put_routine(&b, r);
	char *file = rcache_file(dir, path, strlen(path), ".rc");
	int rc = rcache_finish(dir, file, &b, ok);
	free(file);
	return rc;
}

/* ---- a listing's rows ------------------------------------------------------------ */

#define RCACHE_ROWS_MAGIC "STUIRL2\n"
#define RCACHE_ROWS_MAX 1000000

/* A file for a whole catalog: named by its paths[0..n) (the libraries,
 * or the directories), as a catalog is, and suffix. */
static char *rcache_catalog_file(const char *dir, const char *const *paths,
				 size_t n, const char *suffix)
{
	struct rbuf b = { 0 };
	for (size_t i = 0; i < n; i++)
		put_str(&b, paths[i]);
	char *file = b.oom ? NULL : rcache_file(dir, b.p ? b.p : "", b.n, suffix);
	free(b.p);
	return file;
}

static int rcache_row_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct rcache_row *)pa)->path,
		      ((const struct rcache_row *)pb)->path);
}

static void get_row(struct rread *r, struct rcache_row *w)
{
	w->path = get_str(r);
	get(r, w->id, sizeof w->id);
	w->id_ok = true;
	w->name = get_str(r);
	w->tags = get_str(r);
	w->gear = get_str(r);
	w->total_ms = get_ms(r, ROUTINE_MAX_PLAN_MS);
	r->bad |= !w->path || !w->name || !w->tags || !w->gear;
}

int rcache_rows_load(const char *dir, const char *const *libs, size_t n_libs,
		     struct rcache_rows *rows)
{
	memset(rows, 0, sizeof *rows);
	char *file = rcache_catalog_file(dir, libs, n_libs, ".rows");
	struct rread rd;
	bool ok = rcache_begin(file, RCACHE_ROWS_MAGIC, &rd, &rows->arena, false) &&
		  get_sources(&rd, NULL, libs, n_libs);
	free(file);
	size_t n = ok ? get_count(&rd, RCACHE_ROWS_MAX, 4 * 4 + 8 * 8) : 0;
	rows->v = ok ? arena_alloc(&rows->arena, (n + 1) * sizeof *rows->v) : NULL;
	ok = ok && rows->v;
	for (size_t i = 0; ok && !rd.bad && i < n; i++) {
		get_row(&rd, &rows->v[i]);   /* sorted, each path once */
		rd.bad |= !rd.bad && i > 0 && rcache_row_cmp(&rows->v[i - 1], &rows->v[i]) >= 0;
	}
	ok = ok && !rd.bad && rd.at == rd.n;
	if (ok) {
		rows->n = n;
		return 0;
	}
	rcache_rows_free(rows);
	return -1;
}

const struct rcache_row *rcache_rows_find(const struct rcache_rows *rows,
					  const char *path)
{
	struct rcache_row key = { .path = path };
	const struct rcache_row *w =
		rows->n ? bsearch(&key, rows->v, rows->n, sizeof key, rcache_row_cmp) : NULL;
	int64_t id[RCACHE_ID_FIELDS];
	if (!w || !rcache_identity(path, id) || memcmp(id, w->id, sizeof id) != 0)
		return NULL;
	return w;
}

int rcache_rows_save(const char *dir, const char *const *libs, size_t n_libs,
		     const struct rcache_id *ids, const struct rcache_row *v, size_t n,
		     int64_t now)
{
	struct rcache_row *sorted = malloc((n + 1) * sizeof *sorted);
	struct rbuf b = { 0 };
	rcache_head(&b, RCACHE_ROWS_MAGIC);
	bool ok = sorted && n <= RCACHE_ROWS_MAX &&
		  put_sources(&b, NULL, libs, n_libs, ids, now);
	size_t k = 0;
	for (size_t i = 0; ok && i < n; i++) {
		sorted[k] = v[i];   /* its file as it was read */
		if (sorted[k].id_ok && sorted[k].id[3] < now - RCACHE_RACY_S &&
		    sorted[k].id[5] < now - RCACHE_RACY_S)
			k++;   /* a file changed too lately is left out */
	}
	if (ok)
		qsort(sorted, k, sizeof *sorted, rcache_row_cmp);
	put_u32(&b, (uint32_t)k);
	for (size_t i = 0; ok && i < k; i++) {
		ok &= i == 0 || rcache_row_cmp(&sorted[i - 1], &sorted[i]) != 0;
		put_str(&b, sorted[i].path);
		put(&b, sorted[i].id, sizeof sorted[i].id);
		put_str(&b, sorted[i].name);
		put_str(&b, sorted[i].tags);
		put_str(&b, sorted[i].gear);
		put_i64(&b, sorted[i].total_ms);
	}
	free(sorted);
	char *file = rcache_catalog_file(dir, libs, n_libs, ".rows");
	int rc = rcache_finish(dir, file, &b, ok);
	free(file);
	return rc;
}

void rcache_rows_free(struct rcache_rows *rows)
{
	arena_free(&rows->arena);
	memset(rows, 0, sizeof *rows);
}

/* ---- a catalog's files ------------------------------------------------------------- */

#define RCACHE_FILES_MAGIC "STUIRF1\n"

long rcache_files_load(const char *dir, const char *const *dirs, size_t n_dirs,
		       struct arena *a, struct rcache_file **v)
{
	char *file = rcache_catalog_file(dir, dirs, n_dirs, ".files");
	struct rread rd;
	bool ok = rcache_begin(file, RCACHE_FILES_MAGIC, &rd, a, false) &&
		  get_sources(&rd, NULL, dirs, n_dirs);
	free(file);
	size_t n = ok ? get_count(&rd, RCACHE_ROWS_MAX, 2 * 4) : 0;
	*v = ok ? arena_alloc(a, (n + 1) * sizeof **v) : NULL;
	ok = ok && *v;
	for (size_t i = 0; ok && !rd.bad && i < n; i++) {
		(*v)[i].path = get_str(&rd);
		(*v)[i].id = get_str(&rd);
		rd.bad |= !(*v)[i].path || !(*v)[i].id;
	}
	return ok && !rd.bad && rd.at == rd.n ? (long)n : -1;
}

int rcache_files_save(const char *dir, const char *const *dirs, size_t n_dirs,
		      const struct rcache_id *ids, const struct rcache_file *v, size_t n,
		      int64_t now)
{
	struct rbuf b = { 0 };
	rcache_head(&b, RCACHE_FILES_MAGIC);
	bool ok = n <= RCACHE_ROWS_MAX && put_sources(&b, NULL, dirs, n_dirs, ids, now);
	put_u32(&b, (uint32_t)n);
	for (size_t i = 0; ok && i < n; i++) {
		put_str(&b, v[i].path);
		put_str(&b, v[i].id);
	}
	char *file = rcache_catalog_file(dir, dirs, n_dirs, ".files");
	int rc = rcache_finish(dir, file, &b, ok);
	free(file);
	return rc;
}
