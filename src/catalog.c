/* catalog — routine directories, ids, overrides and exercise libraries. */
#include "catalog.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "config.h"
#include "paths.h"
#include "suggest.h"

#define CATALOG_SHOW_CANDIDATES 6   /* an ambiguous name lists this many */

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

static bool is_routine_name(const char *name)
{
	return name[0] != '.' && !loader_is_library_path(name) &&
	       (has_suffix(name, ".yaml") || has_suffix(name, ".yml"));
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

/* Appends dir (canonical) unless absent; a repeated dir moves to the end,
 * where its priority is highest. */
static int add_dir(struct catalog *c, const char *dir)
{
	char real[PATH_MAX];
	if (!realpath(dir, real) || !is_dir(real))
		return -1;
	for (size_t i = 0; i < c->n_dirs; i++) {
		if (strcmp(c->dirs[i], real) == 0) {
			char *same = c->dirs[i];
			memmove(&c->dirs[i], &c->dirs[i + 1],
				(c->n_dirs - i - 1) * sizeof *c->dirs);
			c->dirs[c->n_dirs - 1] = same;
			return 0;
		}
	}
	char **v = realloc(c->dirs, (c->n_dirs + 1) * sizeof *v);
	if (!v)
		return -1;
	c->dirs = v;
	if (!(c->dirs[c->n_dirs] = strdup(real)))
		return -1;
	c->n_dirs++;
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
	char cfg[PATH_MAX];
	const char *builtin = catalog_builtin_dir();
	if (builtin)
		add_dir(c, builtin);
	if (paths_config_dir(cfg, sizeof cfg) == 0 &&
	    strlen(cfg) + sizeof "/routines" <= sizeof cfg) {
		strcat(cfg, "/routines");
		add_dir(c, cfg);
	}
}

#define CATALOG_PATH_WARNINGS 5   /* bad STRETCHTUI_PATH entries named */

static void add_env_dirs(struct catalog *c, struct diags *d)
{
	const char *env = getenv("STRETCHTUI_PATH");
	if (!env || !*env)
		return;
	char *copy = strdup(env), *save = NULL;
	size_t bad = 0;
	for (char *dir = copy ? strtok_r(copy, ":", &save) : NULL; dir;
	     dir = strtok_r(NULL, ":", &save)) {
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

static struct catalog_entry *find_entry(struct catalog *c, const char *id)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].id, id) == 0)
			return &c->v[i];
	return NULL;
}

static int add_entry(struct catalog *c, const char *dir, const char *name)
{
	size_t len = strlen(name) - (has_suffix(name, ".yml") ? 4 : 5);
	char *id = strndup(name, len), *path = join(dir, name);
	if (!id || !path) {
		free(id);
		free(path);
		return -1;
	}
	struct catalog_entry *e = find_entry(c, id);
	if (e) {                     /* a later directory overrides */
		free(e->path);
		free(id);
		e->path = path;
		return 0;
	}
	struct catalog_entry *v = realloc(c->v, (c->n + 1) * sizeof *v);
	if (!v) {
		free(id);
		free(path);
		return -1;
	}
	c->v = v;
	c->v[c->n++] = (struct catalog_entry){ id, path };
	return 0;
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

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The routine files and the exercise library of one directory. */
static void scan_dir(struct catalog *c, const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	char **names = NULL;
	size_t n = 0;
	for (struct dirent *de; (de = readdir(dp));) {
		if (!is_routine_name(de->d_name) &&
		    !loader_is_library_path(de->d_name))
			continue;
		char **v = realloc(names, (n + 1) * sizeof *v);
		if (!v)
			break;
		names = v;
		if ((names[n] = strdup(de->d_name)))
			n++;
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, by_name);
	/* Backwards, so x.yaml comes after x.yml and overrides it. */
	const char *lib = NULL;
	for (size_t i = n; i-- > 0;) {
		if (loader_is_library_path(names[i]))
			lib = names[i];
		else
			add_entry(c, dir, names[i]);
	}
	if (lib)
		add_lib(c, join(dir, lib));
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct catalog_entry *)a)->id,
		      ((const struct catalog_entry *)b)->id);
}

int catalog_open(struct catalog *c, const char *extra_dir, struct diags *d)
{
	memset(c, 0, sizeof *c);
	add_builtin_dirs(c);
	add_env_dirs(c, d);
	if (extra_dir && add_dir(c, extra_dir) != 0) {
		diag_error(d, extra_dir, 0, 0,
			   "--routines: not a readable directory");
		return -1;
	}
	for (size_t i = 0; i < c->n_dirs; i++)
		scan_dir(c, c->dirs[i]);
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, by_id);
	return 0;
}

void catalog_release_libs(struct catalog *c)
{
	for (size_t i = 0; i < c->n_libs; i++) {
		if (c->libs[i].status != CATALOG_LIB_UNLOADED)
			library_free(&c->libs[i].lib);
		diag_free(&c->libs[i].diags);
		c->libs[i].status = CATALOG_LIB_UNLOADED;
	}
}

void catalog_close(struct catalog *c)
{
	catalog_release_libs(c);
	for (size_t i = 0; i < c->n_dirs; i++)
		free(c->dirs[i]);
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].path);
	}
	for (size_t i = 0; i < c->n_libs; i++)
		free(c->libs[i].path);
	free(c->dirs);
	free(c->v);
	free(c->libs);
	memset(c, 0, sizeof *c);
}

const struct catalog_entry *catalog_find(const struct catalog *c,
					 const char *id)
{
	return find_entry((struct catalog *)c, id);
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
		char *lib = join(*real ? real : "/", names[i]);
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

static void load_libs(struct catalog *c)
{
	for (size_t i = 0; i < c->n_libs; i++) {
		struct catalog_lib *l = &c->libs[i];
		if (l->status != CATALOG_LIB_UNLOADED)
			continue;
		l->status = loader_load_library(l->path, &l->lib, &l->diags) == 0
				    ? CATALOG_LIB_OK
				    : CATALOG_LIB_BROKEN;
	}
}

size_t catalog_lib_warnings(struct catalog *c, struct diags *d)
{
	size_t n = 0;
	load_libs(c);
	for (size_t i = 0; i < c->n_libs; i++) {
		const struct catalog_lib *l = &c->libs[i];
		if (l->status != CATALOG_LIB_BROKEN)
			continue;
		diag_warning(d, l->path, 0, 0,
			     "this exercise library has %zu error%s; routines that use "
			     "its broken exercises will not load (see 'stretchtui check %s')",
			     l->diags.errors, l->diags.errors == 1 ? "" : "s", l->path);
		n++;
	}
	return n;
}

/* Loads the file at path against every library. */
static int load_with_libs(struct catalog *c, const char *path,
			  struct routine *r, struct diags *d)
{
	load_libs(c);
	const struct library **libs = malloc((c->n_libs + 1) * sizeof *libs);
	if (!libs) {
		diag_error(d, path, 0, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < c->n_libs; i++)
		libs[i] = &c->libs[i].lib;
	int rc = loader_load_routine(path, libs, c->n_libs, r, d);
	free(libs);
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
	const struct catalog_entry *e = catalog_find(c, arg);
	if (!e)
		e = find_loose(c, arg, d);
	return e ? load_with_libs(c, e->path, r, d) : -1;
}

int catalog_load_plan(struct catalog *c, const char *arg, struct routine *r,
		      struct plan *p, struct diags *d)
{
	if (catalog_load(c, arg, r, d) == 0 && plan_check(r, p, d) == 0)
		return 0;
	routine_free(r);
	return -1;
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
