/* loader — routine and exercise-library files (YAML, via libyaml's event
 * API) into struct routine / struct library. Every problem becomes a located
 * diagnostic and loading goes on to find the others. Never touches the
 * terminal, never aborts on bad input.
 *
 * Safety limits, enforced before or while parsing: file <= 1 MiB, exactly one
 * document, nesting depth <= 32, no anchors or aliases, scalars <= 4 KiB,
 * no duplicate keys, no NUL, control characters or invalid UTF-8. */
#ifndef STRETCHTUI_LOADER_H
#define STRETCHTUI_LOADER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "routine.h"

#define LOADER_MAX_FILE   (1024 * 1024)
#define LOADER_MAX_DEPTH  32
#define LOADER_MAX_SCALAR 4096

/* An exercise library: a file whose one key is `exercises:`, a mapping of
 * id to exercise definition. */
/* A library exercise whose definition had errors: routines that use it
 * are told where to fix it, not that it does not exist. */
struct library_broken {
	const char *id;
	struct srcpos pos;
};

struct library_lazy;   /* loader.c's: the entries of an opened library */

/* Loaded (loader_load_library), v and broken hold every entry; opened
 * (loader_open_library), an entry is read when first looked up, and v and
 * broken stay empty. */
struct library {
	struct arena arena;
	const char *path;
	struct exercise *v;
	size_t n;
	struct library_broken *broken;
	size_t n_broken;
	struct library_lazy *lazy;   /* opened: NULL once loaded after all */
};

/* 0 when the file loaded without errors; -1 otherwise (diagnostics in d,
 * and lib holds whatever exercises were valid). Free with library_free
 * either way. */
int loader_load_library(const char *path, struct library *lib,
			struct diags *d);
/* loader_load_library on bytes in memory (for tests and the fuzz harness);
 * path only names them in diagnostics and is lib->path. */
int loader_parse_library(const char *path, const char *buf, size_t len,
			 struct library *lib, struct diags *d);

/* Opens a library for lookups, for a routine that uses some of it: a scan
 * of its lines finds each entry (an id at the mapping's indentation and
 * the lines under it) without parsing any, and library_find parses one
 * when it is first asked for. So a routine costs the entries it uses, and
 * an entry it does not use is neither parsed nor checked (`check` does
 * that). A file the scan cannot vouch for (not `exercises:` then block
 * entries with plain ids, each once; a line break other than LF, a tab
 * in an entry's indentation, a quoted scalar or flow collection that goes
 * on past its line, anchors, aliases, tags, complex keys), and an entry
 * that YAML does not parse on its own, fall back to loader_load_library's
 * whole parse (kept beside the entries read so far, which a routine being
 * loaded may point to). -1 (diagnostics in d) when
 * the file cannot be read, or when loading it whole found errors. */
int loader_open_library(const char *path, struct library *lib,
			struct diags *d);
int loader_open_library_text(const char *path, const char *buf, size_t len,
			     struct library *lib, struct diags *d);
void library_free(struct library *lib);
/* The valid exercise id, or NULL (absent, or its definition had errors). */
const struct exercise *library_find(struct library *lib, const char *id);
/* Whether lib is read entry by entry (opened, and not parsed whole
 * after all). */
bool library_by_entry(const struct library *lib);
/* Where id's definition is when it had errors; NULL when it had none or
 * lib has no such id. */
const struct srcpos *library_broken_at(struct library *lib, const char *id);

/* Loads a routine. A `use:` id is looked up in the routine's own
 * `exercises:` first, then in libs from the last to the first (so later
 * libraries override earlier ones). Exercises are copied into the routine's
 * arena: the routine does not point into libs. r->id is the file's base name
 * without .yaml / .yml. 0 on success, -1 with diagnostics in d. Free with
 * routine_free either way. */
int loader_load_routine(const char *path, struct library *const *libs,
			size_t n_libs, struct routine *r, struct diags *d);

/* loader_load_routine on bytes in memory (for tests and the fuzz harness);
 * path only names them in diagnostics and gives r->id. */
int loader_parse_routine(const char *path, const char *buf, size_t len,
			 struct library *const *libs, size_t n_libs,
			 struct routine *r, struct diags *d);


#endif
