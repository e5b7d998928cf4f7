/* catalog — routine directories, ids, overrides and exercise libraries. */
#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buildinfo.h"
#include "clock.h"
#include "paths.h"
#include "rcache.h"
#include "suggest.h"
#include "ydoc.h"

#define CATALOG_SHOW_CANDIDATES 6   /* an ambiguous name lists this many */

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool catalog_is_library_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "exercises.yaml") == 0 ||
	       strcmp(base, "exercises.yml") == 0;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

/* The length of a routine file name's suffix: 5 (.yaml), 4 (.yml), or 0
 * when name (n bytes) is not a routine file's. */
static size_t routine_suffix(const char *name, size_t n)
{
	if (name[0] == '.' || catalog_is_library_path(name))
		return 0;
	if (n > 5 && memcmp(name + n - 5, ".yaml", 5) == 0)
		return 5;
	return n > 4 && memcmp(name + n - 4, ".yml", 4) == 0 ? 4 : 0;
}

static bool is_routine_name(const char *name)
{
	return routine_suffix(name, strlen(name)) != 0;
}

/* Appends dir (canonical) unless absent; a repeated dir moves to the end,
 * where its priority is highest. */
static int add_dir(struct catalog *c, const char *dir)
{
	char *real = realpath(dir, NULL);   /* malloc'd: no PATH_MAX frame */
	if (!real || !is_dir(real)) {
		free(real);
		return -1;
	}
	for (size_t i = 0; i < c->n_dirs; i++) {
		if (strcmp(c->dirs[i], real) == 0) {
			char *same = c->dirs[i];
			memmove(&c->dirs[i], &c->dirs[i + 1],
				(c->n_dirs - i - 1) * sizeof *c->dirs);
			c->dirs[c->n_dirs - 1] = same;
			free(real);
			return 0;
		}
	}
	char **v = realloc(c->dirs, (c->n_dirs + 1) * sizeof *v);
	if (!v) {
		free(real);
		return -1;
	}
	c->dirs = v;
	c->dirs[c->n_dirs++] = real;
	return 0;
}

const char *catalog_builtin_dir(void)
{
	static const char *const dirs[] = { STRETCHTUI_DATADIR "/routines",
					    STRETCHTUI_SRCDIR "/routines" };
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
		if (is_dir(dirs[i]))
			return dirs[i];
	return NULL;
}

static void add_builtin_dirs(struct catalog *c)
{
	const char *builtin = catalog_builtin_dir();
	if (builtin && add_dir(c, builtin) == 0 && c->n_dirs == 1)
		c->builtin_dir = strdup(c->dirs[0]);
	char *cfg = paths_config_path("routines");
	if (cfg)
		add_dir(c, cfg);
	free(cfg);
}

#define CATALOG_PATH_WARNINGS 5   /* bad STRETCHTUI_PATH entries named */

static void add_env_dirs(struct catalog *c, struct diags *d)
{
	const char *env = getenv("STRETCHTUI_PATH");
	if (!env || !*env)
		return;
	char *copy = strdup(env), *next;
	size_t bad = 0;
	/* split by hand: strtok_r's strspn and strcspn are 64 KiB of the C
	 * library's code (glibc, x86-64) that a play maps for nothing else */
	for (char *dir = copy; dir; dir = next) {
		if ((next = strchr(dir, ':')))
			*next++ = '\0';
		if (!*dir)
			continue;   /* empty entries are skipped */
		if (add_dir(c, dir) != 0 && bad++ < CATALOG_PATH_WARNINGS)
			diag_warning(d, dir, 0, 0, "STRETCHTUI_PATH: not a "
				     "readable directory; skipped");
	}
	if (bad > CATALOG_PATH_WARNINGS)
		diag_warning(d, NULL, 0, 0, "STRETCHTUI_PATH: ... and %zu more "
			     "entries that are not readable directories; skipped",
			     bad - CATALOG_PATH_WARNINGS);
	free(copy);
}

static int add_lib(struct catalog *c, char *path)
{
	struct catalog_lib *v = realloc(c->libs, (c->n_libs + 1) * sizeof *v);
	if (!v) {
		free(path);
		return -1;
	}
	c->libs = v;
	memset(&c->libs[c->n_libs], 0, sizeof *c->libs);
	c->libs[c->n_libs++].path = path;
	return 0;
}

/* Whether dir has an entry name, of whatever type (as readdir would list
 * it); *path gets dir/name then, NULL otherwise. */
static bool dir_has(const char *dir, const char *name, char **path)
{
	struct stat st;
	*path = paths_join(dir, name);
	if (*path && lstat(*path, &st) == 0)
		return true;
	free(*path);
	*path = NULL;
	return false;
}

/* Each directory's exercise library, exercises.yaml before .yml. */
static void find_libs(struct catalog *c)
{
	for (size_t i = 0; i < c->n_dirs; i++) {
		char *lib;
		if (dir_has(c->dirs[i], "exercises.yaml", &lib) ||
		    dir_has(c->dirs[i], "exercises.yml", &lib))
			add_lib(c, lib);
	}
}

/* The entry for dir/name (nn bytes, its suffix sfx of them): one block of
 * the catalog's arena holds the path, then the id. */
static int entry_make(struct catalog *c, struct catalog_entry *e,
		      const char *dir, const char *name, size_t nn, size_t sfx)
{
	size_t nd = strlen(dir), len = nn - sfx;
	char *p = arena_alloc(&c->names, nd + nn + len + 3);
	if (!p)
		return -1;
	memcpy(p, dir, nd);
	p[nd] = '/';
	memcpy(p + nd + 1, name, nn + 1);
	e->path = p;
	e->id = p + nd + nn + 2;
	memcpy(e->id, name, len);
	e->id[len] = '\0';
	return 0;
}

/* A routine file the scan found; rank orders the files of one id: a
 * later directory first, then .yaml before .yml. */
struct scanned {
	struct catalog_entry e;
	size_t rank;
	uint64_t head;   /* the id's first 8 bytes, big-endian: sorts as strcmp */
};

struct scan {
	struct scanned *v;
	size_t n, cap;
};

static void scan_add(struct catalog *c, struct scan *s, size_t k,
		     const char *name, size_t nn, size_t sfx)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct scanned *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return;
		s->v = v;
		s->cap = cap;
	}
	struct scanned *x = &s->v[s->n];
	if (entry_make(c, &x->e, c->dirs[k], name, nn, sfx) != 0)
		return;
	x->rank = k * 2 + (sfx == 5);
	x->head = 0;
	const char *id = x->e.id;   /* a short id is padded with 0s */
	for (int i = 0; i < 8; i++, id += *id != '\0')
		x->head = x->head << 8 | (unsigned char)*id;
	s->n++;
}

/* The routine files of directory k. */
static void scan_dir(struct catalog *c, size_t k, struct scan *s)
{
	DIR *dp = opendir(c->dirs[k]);
	if (!dp)
		return;
	for (struct dirent *de; (de = readdir(dp));) {
		size_t nn = strlen(de->d_name), sfx = routine_suffix(de->d_name, nn);
		if (sfx)
			scan_add(c, s, k, de->d_name, nn, sfx);
	}
	closedir(dp);
}

/* By id, then the one that wins (the highest rank) first. */
static bool scanned_before(const struct scanned *a, const struct scanned *b)
{
	if (a->head != b->head)
		return a->head < b->head;
	int cmp = strcmp(a->e.id, b->e.id);
	return cmp ? cmp < 0 : a->rank > b->rank;
}

/* v[0..n) in that order, by merging runs that double (tmp: n more): the
 * comparison inline, where qsort's callback cost twice the sort. */
static void scanned_sort(struct scanned **v, struct scanned **tmp, size_t n)
{
	struct scanned **out = v;
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t i = lo, j = mid, k = lo;
			while (i < mid && j < hi)
				tmp[k++] = scanned_before(v[j], v[i]) ? v[j++] : v[i++];
			while (i < mid)
				tmp[k++] = v[i++];
			while (j < hi)
				tmp[k++] = v[j++];
		}
		struct scanned **t = v;   /* the runs are in tmp now */
		v = tmp, tmp = t;
	}
	if (v != out)
		memcpy(out, v, n * sizeof *v);
}

/* The files kept for these directories (rcache.h) into c->v. */
static bool scan_kept(struct catalog *c)
{
	struct rcache_file *f;
	long n = rcache_files_load(c->cache_dir, (const char *const *)c->dirs,
				   c->n_dirs, &c->names, &f);
	c->v = n >= 0 ? malloc(((size_t)n + 1) * sizeof *c->v) : NULL;
	for (long i = 0; c->v && i < n; i++)
		c->v[c->n++] = (struct catalog_entry){ (char *)f[i].id, (char *)f[i].path };
	return c->v != NULL;
}

static void scan_keep(const struct catalog *c, const struct rcache_id *ids)
{
	struct rcache_file *f = malloc((c->n + 1) * sizeof *f);
	for (size_t i = 0; f && i < c->n; i++)
		f[i] = (struct rcache_file){ c->v[i].path, c->v[i].id };
	if (f)
		rcache_files_save(c->cache_dir, (const char *const *)c->dirs, c->n_dirs,
				  ids, f, c->n, clock_wall_s());
	free(f);
}

void catalog_scan(struct catalog *c)
{
	if (c->scanned)
		return;
	c->scanned = true;
	if (c->cache_dir && scan_kept(c))
		return;
	struct rcache_id *ids = c->cache_dir ? malloc((c->n_dirs + 1) * sizeof *ids) : NULL;
	for (size_t k = 0; ids && k < c->n_dirs; k++)   /* before each is read */
		ids[k].ok = rcache_identity(c->dirs[k], ids[k].v);
	struct scan s = { NULL, 0, 0 };
	for (size_t k = 0; k < c->n_dirs; k++)
		scan_dir(c, k, &s);
	/* Pointers sorted, not the entries: a move is a word, not four. */
	struct scanned **by = malloc((2 * s.n + 1) * sizeof *by);
	c->v = by ? malloc((s.n ? s.n : 1) * sizeof *c->v) : NULL;
	for (size_t i = 0; by && i < s.n; i++)
		by[i] = &s.v[i];
	if (c->v)
		scanned_sort(by, by + s.n, s.n);
	for (size_t i = 0; i < s.n; i++) {
		const struct catalog_entry *e = c->v ? &by[i]->e : &s.v[i].e;
		/* the first of an id wins */
		if (c->v && (c->n == 0 || strcmp(e->id, c->v[c->n - 1].id) != 0))
			c->v[c->n++] = *e;
	}
	free(by);
	free(s.v);
	if (ids && c->v)
		scan_keep(c, ids);
	free(ids);
}

int catalog_open_dirs(struct catalog *c, const char *extra_dir, struct diags *d)
{
	memset(c, 0, sizeof *c);
	add_builtin_dirs(c);
	add_env_dirs(c, d);
	if (extra_dir && add_dir(c, extra_dir) != 0) {
		diag_error(d, extra_dir, 0, 0,
			   "--routines: not a readable directory");
		return -1;
	}
	find_libs(c);
	return 0;
}

int catalog_open(struct catalog *c, const char *extra_dir, struct diags *d)
{
	int rc = catalog_open_dirs(c, extra_dir, d);
	if (rc == 0)
		catalog_scan(c);
	return rc;
}

void catalog_release_libs(struct catalog *c)
{
	for (size_t i = 0; i < c->n_libs; i++) {
		if (c->libs[i].status != CATALOG_LIB_UNLOADED)
			library_free(&c->libs[i].lib);
		diag_free(&c->libs[i].diags);
		c->libs[i].status = CATALOG_LIB_UNLOADED;
	}
	if (c->yaml)   /* nothing parses until the next load */
		ydoc_release(c->yaml);
	c->yaml = NULL;
}

void catalog_close(struct catalog *c)
{
	catalog_release_libs(c);
	for (size_t i = 0; i < c->n_dirs; i++)
		free(c->dirs[i]);
	for (size_t i = 0; i < c->n_libs; i++)
		free(c->libs[i].path);
	arena_free(&c->names);
	free(c->dirs);
	free(c->v);
	free(c->libs);
	free(c->builtin_dir);
	free(c->cache_dir);
	memset(c, 0, sizeof *c);
}

static int by_id(const void *key, const void *e)
{
	return strcmp(key, ((const struct catalog_entry *)e)->id);
}

/* Without a scan: the id's file in the highest directory that has one,
 * looked up by name, .yaml before .yml, as the scan would rank them. */
static const struct catalog_entry *probe(struct catalog *c, const char *id)
{
	static const char *const ext[] = { ".yaml", ".yml" };
	char name[NAME_MAX + 1], *path;
	if (strchr(id, '/'))
		return NULL;
	for (size_t k = c->n_dirs; k-- > 0;) {
		for (size_t x = 0; x < 2; x++) {
			int n = snprintf(name, sizeof name, "%s%s", id, ext[x]);
			if (n < 0 || (size_t)n >= sizeof name || !is_routine_name(name) ||
			    !dir_has(c->dirs[k], name, &path))
				continue;
			free(path);
			size_t nn = (size_t)n;
			return entry_make(c, &c->probe, c->dirs[k], name, nn,
					  routine_suffix(name, nn)) == 0
				       ? &c->probe
				       : NULL;
		}
	}
	return NULL;
}

const struct catalog_entry *catalog_find(struct catalog *c, const char *id)
{
	if (!c->scanned)
		return probe(c, id);
	return c->n ? bsearch(id, c->v, c->n, sizeof *c->v, by_id) : NULL;
}

static bool is_path_arg(const char *arg)
{
	return strchr(arg, '/') || has_suffix(arg, ".yaml") ||
	       has_suffix(arg, ".yml");
}

/* The library beside a routine file given by path, when the catalog does
 * not already have it: it then ranks above every catalog library. */
static void add_sibling_lib(struct catalog *c, const char *path)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;
	if (len >= sizeof dir)
		return;
	/* The directory the name is in, not a link's target's. */
	memcpy(dir, slash ? path : ".", slash ? len : 1);
	dir[slash ? len : 1] = '\0';
	if (!realpath(*dir ? dir : "/", real))
		return;
	if (strcmp(real, "/") == 0)
		real[0] = '\0';
	const char *names[] = { "exercises.yaml", "exercises.yml" };
	for (size_t i = 0; i < 2; i++) {
		char *lib = paths_join(*real ? real : "/", names[i]);
		struct stat st;
		if (!lib || stat(lib, &st) != 0) {
			free(lib);
			continue;
		}
		for (size_t k = 0; k < c->n_libs; k++) {
			if (strcmp(c->libs[k].path, lib) == 0) {
				free(lib);
				return;
			}
		}
		add_lib(c, lib);
		return;
	}
}

static void unknown_routine(const struct catalog *c, const char *id,
			    struct diags *d)
{
	struct suggest s = suggest_start(id, strlen(id));
	for (size_t i = 0; i < c->n; i++)
		suggest_offer(&s, c->v[i].id);
	char q[DIAG_QUOTE_BUF], b[DIAG_QUOTE_BUF];
	diag_quote(id, strlen(id), q, sizeof q);
	if (s.best)
		diag_error(d, NULL, 0, 0, "unknown routine %s; did you mean %s?",
			   q, diag_quote(s.best, strlen(s.best), b, sizeof b));
	else
		diag_error(d, NULL, 0, 0,
			   "unknown routine %s (see 'stretchtui list')", q);
}

/* The routine name of entry e, into buf ("" when it does not load). */
static void entry_name(struct catalog *c, const struct catalog_entry *e,
		       char *buf, size_t size);

/* Candidates for a routine that is not an exact id (see find_loose), the
 * first CATALOG_SHOW_CANDIDATES kept, all counted. */
struct loose {
	const struct catalog_entry *v[CATALOG_SHOW_CANDIDATES];
	size_t n;
};

static void loose_add(struct loose *m, const struct catalog_entry *e)
{
	if (m->n < CATALOG_SHOW_CANDIDATES)
		m->v[m->n] = e;
	m->n++;
}

/* Routines whose name is arg (exact), or starts with it (prefix), in any
 * case. */
static void loose_names(struct catalog *c, const char *arg, struct loose *exact,
			struct loose *prefix)
{
	size_t len = strlen(arg);
	char name[256];
	for (size_t i = 0; i < c->n; i++) {
		entry_name(c, &c->v[i], name, sizeof name);
		if (strcasecmp(name, arg) == 0)
			loose_add(exact, &c->v[i]);
		else if (strncasecmp(name, arg, len) == 0)
			loose_add(prefix, &c->v[i]);
	}
}

static void ambiguous_routine(const char *arg, const struct loose *m,
			      struct diags *d)
{
	char list[256] = "", q[DIAG_QUOTE_BUF];
	size_t used = 0, shown = m->n < CATALOG_SHOW_CANDIDATES ? m->n : CATALOG_SHOW_CANDIDATES;
	for (size_t i = 0; i < shown && used < sizeof list; i++) {
		int k = snprintf(list + used, sizeof list - used, "%s%s",
				 i ? ", " : "", m->v[i]->id);
		used += k > 0 ? (size_t)k : 0;
	}
	diag_error(d, NULL, 0, 0, "routine %s is ambiguous: %s%s",
		   diag_quote(arg, strlen(arg), q, sizeof q), list,
		   m->n > shown ? ", ..." : "");
}

/* Not an exact id: an exact name, then a unique id prefix, then a unique
 * name prefix. NULL with a diagnostic when none, or several, match. */
static const struct catalog_entry *find_loose(struct catalog *c,
					      const char *arg, struct diags *d)
{
	struct loose exact = { .n = 0 }, ids = { .n = 0 }, names = { .n = 0 };
	size_t len = strlen(arg);
	catalog_scan(c);
	if (len == 0) {
		unknown_routine(c, arg, d);
		return NULL;
	}
	loose_names(c, arg, &exact, &names);
	for (size_t i = 0; i < c->n; i++)
		if (strncmp(c->v[i].id, arg, len) == 0)
			loose_add(&ids, &c->v[i]);
	const struct loose *m = exact.n ? &exact : ids.n ? &ids : &names;
	if (m->n == 1)
		return m->v[0];
	if (m->n > 1)
		ambiguous_routine(arg, m, d);
	else
		unknown_routine(c, arg, d);
	return NULL;
}

const struct catalog_entry *catalog_lookup(struct catalog *c, const char *arg,
					   struct diags *d)
{
	const struct catalog_entry *e = catalog_find(c, arg);
	return e ? e : find_loose(c, arg, d);
}

bool catalog_is_builtin(const struct catalog *c, const char *path)
{
	size_t n = c->builtin_dir ? strlen(c->builtin_dir) : 0;
	return n && strncmp(path, c->builtin_dir, n) == 0 && path[n] == '/' &&
	       !strchr(path + n + 1, '/');
}

/* libyaml loaded once for the parses to come (ydoc.h), not for each. */
static void hold_yaml(struct catalog *c)
{
	if (!c->yaml && !c->no_yaml)
		c->no_yaml = !(c->yaml = ydoc_hold());
}

/* Every library opened (whole: each checked) that is not yet. */
static void load_libs(struct catalog *c, bool whole)
{
	for (size_t i = 0; i < c->n_libs; i++) {
		struct catalog_lib *l = &c->libs[i];
		if (l->status == CATALOG_LIB_OPEN && whole) {
			library_free(&l->lib);
			diag_free(&l->diags);
		} else if (l->status != CATALOG_LIB_UNLOADED) {
			continue;
		}
		l->id.ok = rcache_identity(l->path, l->id.v);   /* before it is read */
		hold_yaml(c);
		int rc = whole ? loader_load_library(l->path, &l->lib, &l->diags)
			       : loader_open_library(l->path, &l->lib, &l->diags);
		l->status = rc != 0 ? CATALOG_LIB_BROKEN
			    : whole ? CATALOG_LIB_OK
				    : CATALOG_LIB_OPEN;
	}
}

size_t catalog_lib_warnings(struct catalog *c, struct diags *d)
{
	size_t n = 0;
	load_libs(c, true);
	for (size_t i = 0; i < c->n_libs; i++) {
		const struct catalog_lib *l = &c->libs[i];
		/* without libyaml every file fails alike, and each routine's
		 * error says why: the library is not to blame */
		if (l->status != CATALOG_LIB_BROKEN || c->no_yaml)
			continue;
		diag_warning(d, l->path, 0, 0,
			     "this exercise library has %zu error%s; routines that use "
			     "its broken exercises will not load (see 'stretchtui check %s')",
			     l->diags.errors, l->diags.errors == 1 ? "" : "s", l->path);
		n++;
	}
	return n;
}

/* Whether a routine's text may name a library exercise: a `use` key
 * needs the bytes "use", unless an escape in a double-quoted key spells
 * it. A wrong yes only costs the libraries' parse. */
static bool may_use_library(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\\')
			return true;
		if (buf[i] == 'u' && len - i >= 3 && buf[i + 1] == 's' && buf[i + 2] == 'e')
			return true;
	}
	return false;
}

void catalog_use_cache(struct catalog *c, const char *dir)
{
	free(c->cache_dir);
	c->cache_dir = dir ? strdup(dir) : NULL;
	c->cache_writes = CATALOG_CACHE_WRITES;
}

void catalog_use_state_cache(struct catalog *c)
{
	char *dir = paths_state_path("cache");
	if (dir)
		catalog_use_cache(c, dir);
	free(dir);
}

const char **catalog_lib_paths(const struct catalog *c)
{
	const char **v = malloc((c->n_libs + 1) * sizeof *v);
	for (size_t i = 0; v && i < c->n_libs; i++)
		v[i] = c->libs[i].path;
	return v;
}

void catalog_lib_ids(const struct catalog *c, struct rcache_id *ids)
{
	for (size_t i = 0; i < c->n_libs; i++) {
		ids[i] = c->libs[i].id;
		if (c->libs[i].status == CATALOG_LIB_UNLOADED)
			ids[i].ok = rcache_identity(c->libs[i].path, ids[i].v);
	}
}

static int load_parsed(struct catalog *c, const char *path, struct routine *r,
		       struct diags *d);

/* Loads the file at path: kept in the cache, or parsed (and then kept
 * when it loaded without a word). */
static int load_with_libs(struct catalog *c, const char *path,
			  struct routine *r, struct diags *d)
{
	const char **libs = c->cache_dir ? catalog_lib_paths(c) : NULL;
	if (libs && rcache_load(c->cache_dir, path, libs, c->n_libs, r) == 0) {
		free(libs);
		return 0;
	}
	size_t before = d->n;
	struct rcache_id *ids = libs && c->cache_writes ? malloc((c->n_libs + 1) * sizeof *ids)
						       : NULL;
	if (ids)   /* the routine's file as it is before it is read */
		ids[0].ok = rcache_identity(path, ids[0].v);
	int rc = load_parsed(c, path, r, d);
	if (ids && rc == 0 && d->n == before) {
		catalog_lib_ids(c, ids + 1);   /* each as it was read */
		if (rcache_save(c->cache_dir, path, libs, c->n_libs, ids, r,
				clock_wall_s()) == 0)
			c->cache_writes--;
	}
	free(ids);
	free(libs);
	return rc;
}

/* Loads the file at path against the libraries, which are read only when
 * the file may use one. */
static int load_parsed(struct catalog *c, const char *path,
		       struct routine *r, struct diags *d)
{
	struct diags quiet = { 0 };
	size_t len = 0;
	char *buf = ydoc_read_file(path, &len, &quiet);
	diag_free(&quiet);
	if (!buf)   /* the loader says why, as it always has */
		return loader_load_routine(path, NULL, 0, r, d);
	size_t n = may_use_library(buf, len) ? c->n_libs : 0;
	struct library **libs = malloc((n + 1) * sizeof *libs);
	if (!libs) {
		free(buf);
		routine_init(r);
		diag_error(d, path, 0, 0, "out of memory");
		return -1;
	}
	hold_yaml(c);
	if (n)
		load_libs(c, false);
	for (size_t i = 0; i < n; i++)
		libs[i] = &c->libs[i].lib;
	int rc = loader_parse_routine(path, buf, len, libs, n, r, d);
	free(libs);
	free(buf);
	return rc;
}

int catalog_load_file(struct catalog *c, const char *path, struct routine *r,
		      struct diags *d)
{
	routine_init(r);
	add_sibling_lib(c, path);
	return load_with_libs(c, path, r, d);
}

int catalog_load(struct catalog *c, const char *arg, struct routine *r,
		 struct diags *d)
{
	if (is_path_arg(arg))
		return catalog_load_file(c, arg, r, d);
	routine_init(r);
	const struct catalog_entry *e = catalog_lookup(c, arg, d);
	return e ? load_with_libs(c, e->path, r, d) : -1;
}

/* A routine loaded (rc, the load's) and planned: 0, or -1 with r freed. */
static int plan_loaded(int rc, struct routine *r,
		       struct plan *p, struct diags *d)
{
	if (rc == 0 && plan_check(r, p, d) == 0)
		return 0;
	routine_free(r);
	return -1;
}

int catalog_load_plan(struct catalog *c, const char *arg, struct routine *r,
		      struct plan *p, struct diags *d)
{
	return plan_loaded(catalog_load(c, arg, r, d), r, p, d);
}

int catalog_load_entry(struct catalog *c, size_t i, struct routine *r,
		       struct plan *p, struct diags *d)
{
	routine_init(r);
	return plan_loaded(load_with_libs(c, c->v[i].path, r, d), r, p, d);
}

static void entry_name(struct catalog *c, const struct catalog_entry *e,
		       char *buf, size_t size)
{
	struct routine r;
	struct diags quiet = { 0 };
	routine_init(&r);
	buf[0] = '\0';
	if (load_with_libs(c, e->path, &r, &quiet) == 0 && r.name)
		snprintf(buf, size, "%s", r.name);
	routine_free(&r);
	diag_free(&quiet);
}
