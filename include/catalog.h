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

#include <stddef.h>

#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "routine.h"

struct catalog_entry {
	char *id;
	char *path;
};

enum catalog_lib_status {
	CATALOG_LIB_UNLOADED,
	CATALOG_LIB_OK,
	CATALOG_LIB_BROKEN,   /* had errors: its valid exercises still serve */
};

/* A library's own problems stay with it (diags): they are reported once,
 * under its name (catalog_lib_warnings), and fail only the routines that
 * use one of its broken exercises. */
struct catalog_lib {
	char *path;
	struct library lib;
	enum catalog_lib_status status;
	struct diags diags;
};

struct catalog {
	char **dirs;                   /* existing directories, lowest first */
	size_t n_dirs;
	struct catalog_entry *v;       /* sorted by id, overrides applied */
	size_t n;
	struct catalog_lib *libs;      /* loaded on first use, until released */
	size_t n_libs;
};

/* The built-in routines directory, as read: the installed one
 * ($(PREFIX)/share/stretchtui/routines) when it exists, else the source
 * tree's routines/; NULL when neither does. */
const char *catalog_builtin_dir(void);

/* Scans the directories. extra_dir is --routines (NULL when not given); it
 * is an error (diagnostic, -1) for it not to be a readable directory. */
int catalog_open(struct catalog *c, const char *extra_dir, struct diags *d);
void catalog_close(struct catalog *c);

const struct catalog_entry *catalog_find(const struct catalog *c,
					 const char *id);

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

/* Loads every library not loaded yet and adds one warning to d for each
 * that has errors, naming it and how to see them. Returns their count. */
size_t catalog_lib_warnings(struct catalog *c, struct diags *d);

/* The same for a file path, whatever it looks like (`check` takes paths
 * only): its directory's exercises.yaml ranks above the catalog's. The
 * same verdict. */
int catalog_load_file(struct catalog *c, const char *path, struct routine *r,
		      struct diags *d);

/* Frees the exercise libraries loaded so far. A loaded routine keeps its
 * own copies of the exercises it uses, so once the routines needed are
 * loaded the libraries are dead weight; a later catalog_load reads them
 * again (and reports their problems again). */
void catalog_release_libs(struct catalog *c);

#endif
