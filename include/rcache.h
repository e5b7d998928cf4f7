/* rcache — routines as loaded, kept between runs: a loaded routine (its
 * library exercises copied in) is written to a file of its own in the
 * cache directory, and read back instead of parsing its YAML and its
 * libraries again for as long as none of them has changed.
 *
 * An entry names the routine file and every library the catalog had, each
 * with its device, inode, size, modification and change times, and the
 * program that wrote it (its version and a stamp of its sources): any
 * change to any of them, a library added or gone, or a new build, and the
 * entry is not used. Files changed in the last RCACHE_RACY_S seconds are
 * not cached (a second change within the same clock tick would not show).
 * Entries are checksummed, and every count, index and kind is checked as
 * it is read: a damaged or foreign file is a miss, never a crash. Only
 * routines that loaded without a single diagnostic are kept (the catalog
 * adds at most CATALOG_CACHE_WRITES per run). The cache is
 * an optimisation: every failure to read or write it is silent. */
#ifndef STRETCHTUI_RCACHE_H
#define STRETCHTUI_RCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "routine.h"

#define RCACHE_RACY_S 2
#define RCACHE_ID 7   /* device, inode, size, mtime s and ns, ctime s and ns */

/* A file's identity: taken before the file is read, so that a change
 * after it shows as another identity. */
struct rcache_id {
	int64_t v[RCACHE_ID];
	bool ok;                 /* false: the file could not be stat'ed */
};
bool rcache_identity(const char *path, int64_t id[RCACHE_ID]);

/* dir/<hash of path>: the file of path's entry. The routine of path,
 * loaded against libraries at libs[0..n_libs) (paths, highest last), as
 * it was saved: 0, or -1 (r initialised and empty) when there is no
 * current entry. r->path is path. */
int rcache_load(const char *dir, const char *path, const char *const *libs,
		size_t n_libs, struct routine *r);

/* Saves r, loaded from path against those libraries, in dir (made when
 * missing), replacing any older entry. ids: path's and the libraries'
 * identities when they were read (NULL: as they are now). now: the wall
 * clock (seconds). 0, or -1 when nothing was written. */
int rcache_save(const char *dir, const char *path, const char *const *libs,
		size_t n_libs, const struct rcache_id *ids, const struct routine *r,
		int64_t now);

/* ---- a listing's rows ----------------------------------------------------------
 * What `list` shows of each routine, kept in one file for the whole
 * catalog (a file per routine would cost a file made per routine): each
 * row with its file's identity, the file as a whole keyed like an entry
 * by the program and the libraries. */
struct rcache_row {
	const char *path;
	const char *name, *tags, *gear;
	int64_t total_ms;
	int64_t id[RCACHE_ID];   /* the file's identity, when it was read */
	bool id_ok;
};

struct rcache_rows {
	struct arena arena;      /* owns everything below */
	struct rcache_row *v;    /* sorted by path */
	size_t n;
};

/* The rows kept for a catalog with these libraries: 0, or -1 (rows
 * empty) when there are none. */
int rcache_rows_load(const char *dir, const char *const *libs, size_t n_libs,
		     struct rcache_rows *rows);
/* The kept row of path when path has not changed since; NULL otherwise. */
const struct rcache_row *rcache_rows_find(const struct rcache_rows *rows,
					  const char *path);
/* Keeps rows, each with its file's identity when it was read (rows
 * without one, or of files changed in the last RCACHE_RACY_S seconds,
 * are left out), replacing what was kept; ids: the libraries' (NULL:
 * now). 0, or -1 when nothing was written. */
int rcache_rows_save(const char *dir, const char *const *libs, size_t n_libs,
		     const struct rcache_id *ids, const struct rcache_row *v, size_t n,
		     int64_t now);
void rcache_rows_free(struct rcache_rows *rows);

/* ---- a catalog's files --------------------------------------------------------
 * The routine files the catalog found in its directories (their paths and
 * ids, in order), kept with each directory's identity: a directory's
 * modification time changes whenever a file is added to it, removed or
 * renamed, so while none has changed the list is read instead of the
 * directories. */
struct rcache_file {
	const char *path, *id;
};

/* The files kept for dirs[0..n_dirs) (in that order), in arena a: their
 * count, or -1 when none are current. */
long rcache_files_load(const char *dir, const char *const *dirs, size_t n_dirs,
		       struct arena *a, struct rcache_file **v);
/* Keeps v[0..n) for dirs, with their identities from before they were
 * read (ids; NULL: now), not when one changed in the last RCACHE_RACY_S
 * seconds. 0, or -1 when nothing was written. */
int rcache_files_save(const char *dir, const char *const *dirs, size_t n_dirs,
		      const struct rcache_id *ids, const struct rcache_file *v, size_t n,
		      int64_t now);

#endif
