/* catalog — where routines are found. Directories, lowest priority first:
 *   1. built-in: $(PREFIX)/share/stretchtui/routines (or the source tree's
 *      routines/ when not installed)
 *   2. $XDG_CONFIG_HOME/stretchtui/routines (default ~/.config/...)
 *   3. each directory of $STRETCHTUI_PATH (colon-separated), in order
 *   4. --routines DIR
 * A routine is DIR/ID.yaml (or .yml); a later directory's ID overrides an
 * earlier one. Each directory's exercises.yaml is an exercise library, and
 * later libraries override earlier ones by exercise id. */
#ifndef STRETCHTUI_CATALOG_H
#define STRETCHTUI_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "rcache.h"
#include "routine.h"

/* path is DIR/FILE; id (the file name without .yaml / .yml) lives in the
 * same allocation, after it. */
struct catalog_entry {
	char *id;
	char *path;
};

enum catalog_lib_status {
	CATALOG_LIB_UNLOADED,
	CATALOG_LIB_OPEN,     /* opened for a routine: entries read as used */
	CATALOG_LIB_OK,
	CATALOG_LIB_BROKEN,   /* had errors: its valid exercises still serve */
};

/* A library is opened (loader_open_library) for the routines that may use
 * it, so each costs the entries it uses; catalog_lib_warnings loads it
 * whole. Its own problems stay with it (diags): they are reported once,
 * under its name (catalog_lib_warnings), and fail only the routines that
 * use one of its broken exercises. */
struct catalog_lib {
	char *path;
	struct rcache_id id;           /* its file's, just before it was read */
	struct library lib;
	enum catalog_lib_status status;
	struct diags diags;
};

struct catalog {
	char **dirs;                   /* existing directories, lowest first */
	size_t n_dirs;
	struct catalog_entry *v;       /* sorted by id, overrides applied; */
	size_t n;                      /* empty until catalog_scan */
	bool scanned;
	struct catalog_entry probe;    /* the last id found without a scan */
	struct arena names;            /* every entry's path and id */
	struct catalog_lib *libs;      /* each directory's, loaded on first use */
	size_t n_libs;                 /* by a routine that may use one */
	char *builtin_dir;             /* the built-in routines' directory, or NULL */
	char *cache_dir;               /* loaded routines kept there (rcache.h), or NULL */
	size_t cache_writes;           /* entries this process may still add */
	void *yaml;                    /* libyaml held while routines are parsed */
	bool no_yaml;                  /* it would not load: nothing parses */
};

/* The built-in routines directory, as read: the installed one
 * ($(PREFIX)/share/stretchtui/routines) when it exists, else the source
 * tree's routines/; NULL when neither does. */
const char *catalog_builtin_dir(void);

/* True for a path whose base name is exercises.yaml / exercises.yml: an
 * exercise library, not a routine. */
bool catalog_is_library_path(const char *path);

/* The directories and their libraries, and every routine file in them
 * (catalog_scan). extra_dir is --routines (NULL when not given); it is an
 * error (diagnostic, -1) for it not to be a readable directory. */
int catalog_open(struct catalog *c, const char *extra_dir, struct diags *d);
/* The same without the scan: for a command that names one routine, whose
 * file is then found by its name in each directory, so that its cost does
 * not grow with the number of other files. c->v stays empty until
 * catalog_scan; a name that is not an exact id scans then. */
int catalog_open_dirs(struct catalog *c, const char *extra_dir,
		      struct diags *d);
/* Lists the routine files of every directory into c->v (sorted, later
 * directories overriding earlier ones, .yaml over .yml): one readdir per
 * directory and one sort, nothing parsed, or with a cache (catalog_use_
 * cache) the list kept while no directory has changed. Once; later calls
 * do nothing. */
void catalog_scan(struct catalog *c);
void catalog_close(struct catalog *c);

/* The entry of an exact id: a binary search once scanned, else a look-up
 * of ID.yaml / ID.yml in each directory. NULL when there is none. The
 * entry of a look-up stays valid until the next one. */
const struct catalog_entry *catalog_find(struct catalog *c, const char *id);

/* The entry arg names as catalog_load takes it (an id, a unique id
 * prefix, a routine's name or a unique prefix of one; not a path): NULL
 * with a diagnostic in d when none, or several, match. */
const struct catalog_entry *catalog_lookup(struct catalog *c, const char *arg,
					   struct diags *d);

/* Whether path lies in the built-in routines' directory. */
bool catalog_is_builtin(const struct catalog *c, const char *path);

/* Loads a routine named by arg: a path (anything with a '/' or ending in
 * .yaml / .yml), a catalog id, a unique id prefix, or a routine's name
 * (case-insensitive; a unique prefix of one will do). Only the routine's
 * own problems go to d (those of the libraries stay with them). 0 on
 * success; -1 for an unknown or ambiguous routine or an invalid file (r
 * must still be routine_free'd). The return value is the verdict: -1
 * exactly when an error was added to d (diag.h). */
int catalog_load(struct catalog *c, const char *arg, struct routine *r,
		 struct diags *d);

/* catalog_load and a valid plan of it (plan_check): 0, or -1 with the
 * diagnostics in d and r and p freed. Prints nothing. */
int catalog_load_plan(struct catalog *c, const char *arg, struct routine *r,
		      struct plan *p, struct diags *d);

/* The same for entry i of c->v (i < c->n): one file parsed and planned,
 * whatever the number of entries, so that a listing can draw the ids
 * first and fill each entry in when it is loaded. */
int catalog_load_entry(struct catalog *c, size_t i, struct routine *r,
		       struct plan *p, struct diags *d);

/* Loads every library not loaded whole yet and adds one warning to d for
 * each that has errors, naming it and how to see them. Returns their
 * count. */
size_t catalog_lib_warnings(struct catalog *c, struct diags *d);

/* The same for a file path, whatever it looks like (`check` takes paths
 * only): its directory's exercises.yaml ranks above the catalog's. The
 * same verdict. */
int catalog_load_file(struct catalog *c, const char *path, struct routine *r,
		      struct diags *d);

/* Routines loaded from now on are read from, and kept in, the cache in
 * dir (rcache.h): a routine unchanged since it was kept, with the same
 * libraries, is not parsed again. NULL: no cache (the default). At most
 * CATALOG_CACHE_WRITES entries are added per catalog: creating a file
 * costs more than parsing a small routine, so a first `list` of a huge
 * catalog keeps only its first ones (and each later run some more). */
void catalog_use_cache(struct catalog *c, const char *dir);
/* The same with the cache in $XDG_STATE_HOME/stretchtui/cache; none
 * when the state directory has no place. */
void catalog_use_state_cache(struct catalog *c);
#define CATALOG_CACHE_WRITES 32
/* The libraries' paths, lowest first (the cache's key): malloc'd, NULL
 * when out of memory. */
const char **catalog_lib_paths(const struct catalog *c);
/* Their identities (ids: c->n_libs of them) as they were read, for those
 * read so far, and as they are now for the others. */
void catalog_lib_ids(const struct catalog *c, struct rcache_id *ids);

/* Frees the exercise libraries loaded so far. A loaded routine keeps its
 * own copies of the exercises it uses, so once the routines needed are
 * loaded the libraries are dead weight; a later catalog_load reads them
 * again (and reports their problems again). libyaml, held while they
 * were parsed, is let go with them (ydoc_release). */
void catalog_release_libs(struct catalog *c);

#endif
