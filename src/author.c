/* author — check, new and edit (see author.h). Exit statuses are those of
 * cli.h (0 success, 1 invalid input), written as numbers here: this module
 * sits below the command line and does not include its header. */
#include "author.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "catalog.h"
#include "config.h"
#include "diag.h"
#include "duration.h"
#include "loader.h"
#include "paths.h"
#include "plan.h"
#include "sig.h"
#include "utf8.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

extern char **environ;

enum { AUTHOR_OK = 0, AUTHOR_INVALID = 1 };

/* ---- files ------------------------------------------------------------- */

/* A regular file's bytes (at most LOADER_MAX_FILE), NUL-terminated. 0, or
 * -1 with errno set (EFBIG when too large). */
static int author_read(const char *path, char **buf, size_t *len)
{
	int fd = paths_open_regular(path);
	if (fd < 0)
		return -1;
	char *b = malloc(LOADER_MAX_FILE + 2);
	size_t n = 0;
	ssize_t k = 0;
	while (b && n <= LOADER_MAX_FILE &&
	       (k = read(fd, b + n, LOADER_MAX_FILE + 1 - n)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			break;
		n += (size_t)k;
	}
	int err = !b ? ENOMEM : k < 0 ? errno : n > LOADER_MAX_FILE ? EFBIG : 0;
	close(fd);
	if (err) {
		free(b);
		errno = err;
		return -1;
	}
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

static int author_write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Writes the bytes to a new file (which must not exist), flushed to disk.
 * 0, or -1 with errno set (nothing left behind). */
static int author_create(const char *path, const char *s, size_t n,
			 mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	int ok = author_write_all(fd, s, n) == 0 && fsync(fd) == 0;
	int err = errno;
	if (close(fd) != 0 && ok) {
		ok = 0;
		err = errno;
	}
	if (ok)
		return 0;
	unlink(path);
	errno = err;
	return -1;
}

/* The user's routines directory (not created). 0 or -1. */
static int author_user_dir(char *buf, size_t size)
{
	if (paths_config_dir(buf, size) != 0 ||
	    strlen(buf) + sizeof "/routines" > size)
		return -1;
	strcat(buf, "/routines");
	return 0;
}

/* Outside text on stdout, made safe for the locale. */
static void author_put(const char *s)
{
	utf8_fput(s, strlen(s), utf8_out_flags(), stdout);
}

static void author_error_errno(const char *path, const char *what)
{
	struct diags d = { 0 };
	diag_error(&d, path, 0, 0, "%s: %s", what, strerror(errno));
	diag_print(&d, stderr);
	diag_free(&d);
}

/* ---- check ------------------------------------------------------------- */

/* Diagnostics about the file `from` are told as being about `to` (the
 * temporary copy an edit checks stands for the file it will replace). */
static void author_rename_diags(struct diags *d, const char *from,
				const char *to)
{
	for (size_t i = 0; from && i < d->n; i++) {
		char *f = d->v[i].file, *t;
		if (!f || strcmp(f, from) != 0 || !(t = strdup(to)))
			continue;
		free(f);
		d->v[i].file = t;
	}
}

static void author_ok_line(const char *shown, const char *fmt, ...)
	DIAG_PRINTF(2, 3);

static void author_ok_line(const char *shown, const char *fmt, ...)
{
	va_list ap;
	author_put(shown);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static int author_check_library(const char *path, const char *shown)
{
	struct library lib;
	struct diags d = { 0 };
	int rc = loader_load_library(path, &lib, &d);
	author_rename_diags(&d, path, shown);
	diag_print(&d, stderr);
	if (rc == 0 && d.errors == 0)
		author_ok_line(shown, ": ok, %zu exercises", lib.n);
	rc = rc == 0 && d.errors == 0 ? AUTHOR_OK : AUTHOR_INVALID;
	library_free(&lib);
	diag_free(&d);
	return rc;
}

/* "ok" only when nothing at all went wrong: the routine, its plan, and
 * any library it needed that was loaded for it. */
static int author_check_routine(struct catalog *c, const char *path,
				const char *shown)
{
	struct routine r;
	struct plan p;
	struct diags d = { 0 };
	if (catalog_load_file(c, path, &r, &d) == 0 && d.errors == 0 &&
	    plan_check(&r, &p, &d) == 0) {
		char total[DURATION_BUF];
		author_ok_line(shown, ": ok, %zu step%s, total %s", r.n_steps,
			       r.n_steps == 1 ? "" : "s",
			       duration_format(p.total_ms, total, sizeof total));
		plan_free(&p);
	}
	author_rename_diags(&d, path, shown);
	diag_print(&d, stderr);
	int rc = d.errors ? AUTHOR_INVALID : AUTHOR_OK;
	diag_free(&d);
	routine_free(&r);
	return rc;
}

static int author_check_config(const char *path, const char *shown)
{
	struct config cfg;
	struct diags d = { 0 };
	config_init(&cfg);
	errno = ENOENT;
	if (config_load(&cfg, path, &d) == 0 && !cfg.loaded)
		diag_error(&d, path, 0, 0, "cannot read: %s", strerror(errno));
	author_rename_diags(&d, path, shown);
	diag_print(&d, stderr);
	size_t n = 0;
	for (size_t k = 0; k < CONFIG_N_KEYS; k++)
		n += cfg.pos[k].line > 0;
	if (d.errors == 0)
		author_ok_line(shown, ": ok, %zu setting%s", n, n == 1 ? "" : "s");
	int rc = d.errors ? AUTHOR_INVALID : AUTHOR_OK;
	diag_free(&d);
	config_free(&cfg);
	return rc;
}

/* path is read; diagnostics and "ok" name `shown` (the file it stands
 * for, which also decides what kind of file it is: by its name, else a
 * look at its keys for a settings file). */
static int author_check_as(struct catalog *c, const char *path,
			   const char *shown)
{
	if (config_is_config_path(shown))
		return author_check_config(path, shown);
	if (catalog_is_library_path(shown))
		return author_check_library(path, shown);
	if (config_looks_like(path))
		return author_check_config(path, shown);
	return author_check_routine(c, path, shown);
}

int author_check(struct catalog *c, char **files, int n)
{
	int status = AUTHOR_OK;
	for (int i = 0; i < n; i++)
		if (author_check_as(c, files[i], files[i]) != AUTHOR_OK)
			status = AUTHOR_INVALID;
	return status;
}

/* ---- new --------------------------------------------------------------- */

/* The skeleton, in three parts around the routine's name and the library
 * exercise its first step uses. Its times are in the comments: 3:09 in
 * all, as `duration:` says. */
static const char author_skel_head[] =
	"# A routine of your own, made by `stretchtui new`. Lines starting with\n"
	"# '#' are comments. Try it with `stretchtui show %s` and\n"
	"# `stretchtui play %s`; change it with `stretchtui edit %s`, which checks\n"
	"# it when you save (or run `stretchtui check` on this file).\n"
	"#\n"
	"# Times: 45s, 1m30s, 2m, 1.5s or a plain number of seconds, 0.5 s to 1 h.\n"
	"# Every exercise step starts with a get-ready; within a step, sets are\n"
	"# the outer loop and sides the inner one, with a switch between sides\n"
	"# and a set rest between sets.\n"
	"\n"
	"name: \"";
static const char author_skel_mid[] =
	"\"              # required: the menu and `list` show it\n"
	"summary: One line for the menu\n"
	"description: |\n"
	"  Longer text, shown in the menu's detail pane. Say what the routine\n"
	"  is for and what it needs.\n"
	"duration: 3m9s        # optional: `check` fails when the plan is more than 5 s off\n"
	"tags: [mine]\n"
	"equipment: []         # e.g. [foam roller, wall]\n"
	"defaults: { get_ready: 5s, switch: 5s, set_rest: 15s }   # the built-in defaults\n"
	"\n"
	"# Exercises of this routine's own, by id. A step's `use:` looks here\n"
	"# first, then in the exercise libraries (exercises.yaml beside the\n"
	"# routines; `stretchtui edit exercises` opens yours).\n"
	"exercises:\n"
	"  side-bend:\n"
	"    name: Standing side bend\n"
	"    summary: Reach up and over, long through the side of the waist\n"
	"    how:\n"
	"      - Stand tall, feet hip-width apart.\n"
	"      - Reach one arm up and over, bending to the other side.\n"
	"      - Come back up slowly.\n"
	"    area: [sides, lower back]\n"
	"    phases:               # one rep: each phase in turn\n"
	"      - { cue: Reach over, time: 3s }\n"
	"      - { cue: Back up, time: 2s }\n"
	"    # figure: a list of ASCII-art frames (block scalars), one per phase\n"
	"\n"
	"steps:\n"
	"  # 0:00  A hold, with an exercise from the library: get ready 5 s, hold 30 s.\n"
	"  - use: ";
static const char author_skel_tail[] =
	"\n"
	"    hold: 30s\n"
	"\n"
	"  # 0:35  Reps of the exercise above, each rep its two phases (5 s): on\n"
	"  #       both sides, in two sets, with a shorter set rest than the\n"
	"  #       default. 5 + 20 + 5 + 20 + 10 + 20 + 5 + 20 = 105 s.\n"
	"  - use: side-bend\n"
	"    reps: 4\n"
	"    sides: [left, right]\n"
	"    sets: 2\n"
	"    set_rest: 10s         # also get_ready and switch, for this step only\n"
	"\n"
	"  # 2:20  A rest step: nothing but a pause.\n"
	"  - rest: 20s\n"
	"\n"
	"  # 2:40  An exercise written inline, at your own pace: Enter counts each\n"
	"  #       rep; tempo is the time one takes, for the totals (6 x 4 s).\n"
	"  - exercise:\n"
	"      name: Neck side stretch\n"
	"      how: [Sit tall., Tip one ear toward its shoulder; breathe., Change sides.]\n"
	"    reps: 6\n"
	"    self_paced: true\n"
	"    tempo: 4s\n"
	"\n"
	"  # 3:09  The end.\n";

/* Library exercises the first step would rather use, in order. */
static const char *const author_skel_prefer[] = {
	"chin-tucks", "shoulder-rolls", "neck-side-stretch", NULL
};

/* An id that can be written in YAML as it is. */
static bool author_plain_id(const char *id)
{
	if (!id || !*id || strlen(id) > 64)
		return false;
	for (const char *s = id; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789-_", *s))
			return false;
	return true;
}

static const char *author_lib_pick(const struct catalog *c, const char *want)
{
	for (size_t i = c->n_libs; i-- > 0;) {
		const struct library *l = &c->libs[i].lib;
		if (c->libs[i].status == CATALOG_LIB_UNLOADED)
			continue;
		for (size_t k = 0; k < l->n; k++)
			if (author_plain_id(l->v[k].id) &&
			    (!want || strcmp(l->v[k].id, want) == 0))
				return l->v[k].id;
	}
	return NULL;
}

/* The library exercise for the skeleton's first step; NULL when there is
 * no library (the step then uses the routine's own exercise). */
static const char *author_lib_exercise(struct catalog *c)
{
	struct diags quiet = { 0 };
	catalog_lib_warnings(c, &quiet);   /* loads them */
	diag_free(&quiet);
	for (size_t i = 0; author_skel_prefer[i]; i++) {
		const char *id = author_lib_pick(c, author_skel_prefer[i]);
		if (id)
			return id;
	}
	return author_lib_pick(c, NULL);
}

/* "my-neck_routine" -> "My neck routine", for a YAML double-quoted
 * string (the id has no control characters: see author_id_problem). */
static void author_skel_name(FILE *f, const char *id)
{
	for (const char *s = id; *s; s++) {
		char ch = *s == '-' || *s == '_' ? ' ' : *s;
		if (s == id && ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (ch == '"' || ch == '\\')
			fputc('\\', f);
		fputc(ch, f);
	}
}

/* The skeleton's text, malloc'd (NULL when out of memory). */
static char *author_skeleton(struct catalog *c, const char *id, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	if (!f)
		return NULL;
	const char *use = author_lib_exercise(c);
	fprintf(f, author_skel_head, id, id, id);
	author_skel_name(f, id);
	fputs(author_skel_mid, f);
	if (use)
		fprintf(f, "%s        # from the library", use);
	else
		fputs("side-bend        # (no exercise library was found)", f);
	fputs(author_skel_tail, f);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static bool author_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

#define AUTHOR_ID_MAX 200   /* bytes: the file name needs ".yaml" more */

const char *author_id_problem(const char *id)
{
	size_t n = strlen(id);
	if (n == 0)
		return "a routine id cannot be empty";
	if (n > AUTHOR_ID_MAX)
		return "a routine id is at most 200 bytes";
	if (strchr(id, '/'))
		return "a routine id is a file name: it cannot hold '/'";
	if (id[0] == '.' || id[0] == '-')
		return "a routine id cannot start with '.' or '-'";
	if (author_has_suffix(id, ".yaml") || author_has_suffix(id, ".yml"))
		return "give the id without .yaml (the file is ID.yaml)";
	if (!utf8_is_safe(id, n, 0) || strpbrk(id, " \\\"'"))
		return "a routine id cannot hold spaces, quotes, backslashes, "
		       "control characters or invalid UTF-8";
	if (strcmp(id, "exercises") == 0 || strcmp(id, "config") == 0)
		return "'exercises' and 'config' name the library and the "
		       "settings file, not routines";
	return NULL;
}

static int author_refuse(const char *id, const char *why, const char *path)
{
	char q[DIAG_QUOTE_BUF];
	diag_quote(id, strlen(id), q, sizeof q);
	if (path) {
		struct diags d = { 0 };
		diag_error(&d, path, 0, 0, "routine %s already exists; change it "
			   "with 'stretchtui edit %s'", q, id);
		diag_print(&d, stderr);
		diag_free(&d);
	} else {
		diag_msg(DIAG_ERROR, "cannot make routine %s: %s", q, why);
	}
	return AUTHOR_INVALID;
}

/* A new file with these bytes at path, all or nothing: written to a
 * temporary file beside it, then linked to its name (which fails when the
 * name exists). 0, or -1 with errno set. */
static int author_publish_new(const char *dir, const char *path,
			      const char *text, size_t len)
{
	char *tmp = paths_join(dir, ".stretchtui-new.XXXXXX");
	int fd = tmp ? mkstemp(tmp) : -1;
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	int ok = fchmod(fd, 0666 & ~mask) == 0 &&
		 author_write_all(fd, text, len) == 0 && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && link(tmp, path) == 0;
	int err = errno;
	unlink(tmp);
	free(tmp);
	errno = err;
	return ok ? 0 : -1;
}

int author_new(struct catalog *c, const char *id)
{
	const char *why = author_id_problem(id);
	if (why)
		return author_refuse(id, why, NULL);
	const struct catalog_entry *e = catalog_find(c, id);
	if (e)
		return author_refuse(id, NULL, e->path);
	char dir[PATH_MAX], path[PATH_MAX + 256], other[PATH_MAX + 256];
	if (author_user_dir(dir, sizeof dir) != 0) {
		diag_msg(DIAG_ERROR, "no directory for your routines: set HOME "
			 "or XDG_CONFIG_HOME to an absolute path");
		return AUTHOR_INVALID;
	}
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	snprintf(other, sizeof other, "%s/%s.yml", dir, id);
	if (access(other, F_OK) == 0)
		return author_refuse(id, NULL, other);
	size_t len;
	char *text = author_skeleton(c, id, &len);
	if (!text) {
		diag_msg(DIAG_ERROR, "out of memory");
		return AUTHOR_INVALID;
	}
	int rc = paths_mkdir_p(dir) == 0 ? author_publish_new(dir, path, text, len) : -1;
	free(text);
	if (rc != 0 && errno == EEXIST)
		return author_refuse(id, NULL, path);
	if (rc != 0) {
		author_error_errno(rc != 0 && access(dir, F_OK) != 0 ? dir : path,
				   "cannot write the new routine");
		return AUTHOR_INVALID;
	}
	author_put(path);
	fputs(": a new routine; try 'stretchtui show ", stdout);
	author_put(id);
	fputs("', change it with 'stretchtui edit ", stdout);
	author_put(id);
	fputs("'\n", stdout);
	return AUTHOR_OK;
}

/* ---- edit -------------------------------------------------------------- */

struct author_edit {
	struct catalog *c;
	char target[PATH_MAX];       /* the file an accepted edit replaces */
	bool exists;                 /* it exists (else: a copy or a starter) */
	const char *copied_from;     /* the built-in routine copied, or NULL */
	mode_t mode;
	char *orig;                  /* what the editor starts from */
	size_t orig_len;
	char tmpdir[PATH_MAX];       /* beside target: rename stays atomic */
	char work[2 * PATH_MAX];     /* tmpdir/<target's base name> */
	int sig_fd;
	int fatal;                   /* the signal that ended the edit */
};

static const char author_lib_starter[] =
	"# Your exercise library, made by `stretchtui edit exercises`. Any\n"
	"# routine can use its exercises by id (`use: ID`); an exercise with the\n"
	"# id of a built-in one takes its place, so to change a built-in exercise,\n"
	"# copy its definition here from the built-in exercises.yaml.\n"
	"exercises:\n"
	"  my-stretch:\n"
	"    name: My stretch\n"
	"    summary: One line that says what to do\n"
	"    how: [First instruction., Second instruction.]\n"
	"    area: [neck]\n"
	"    hold: 30s             # the default for steps that use it; or reps\n"
	"                          # with phases: [{cue: In, time: 3s}, ...]\n";

static const char author_config_starter[] =
	"# Your settings, made by `stretchtui edit config`. Every key is\n"
	"# optional: take the '#' off a line to set it (the values shown are the\n"
	"# defaults, or examples). `stretchtui config` lists what is in effect\n"
	"# and where each value came from; the command line wins over this file.\n"
	"#\n"
	"# routine: upper-back-15     # selected when the menu opens\n"
	"# bell: true                 # false: as --quiet\n"
	"# color: auto                # auto, always or never (NO_COLOR wins)\n"
	"# safety_notice: true        # false: as --no-safety\n"
	"# speech: false\n"
	"# speech_command: [espeak-ng, -s, \"150\"]\n"
	"# on_event: \"\"\n"
	"# remind:\n"
	"#   every: 30m\n"
	"#   routine: desk-break-5\n"
	"#   hours: \"09:00-17:30\"\n"
	"#   days: [mon, tue, wed, thu, fri]\n"
	"#   snooze: 5m\n"
	"#   notify: true\n"
	"#   notify_command: [notify-send, -a, stretchtui]\n";

/* The header a copy of a built-in routine starts with, then its text
 * (without a byte-order mark, which may only come first). */
static char *author_copy_text(const char *from, const char *text,
			      size_t len, size_t *out_len)
{
	char safe[PATH_MAX * 4];
	utf8_safe(from, safe, sizeof safe);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	char *out = NULL;
	FILE *f = open_memstream(&out, out_len);
	if (!f)
		return NULL;
	fprintf(f, "# Copied by `stretchtui edit` from the built-in routine\n"
		"#   %s\n# This file overrides it (the same id). Delete this "
		"file to get the\n# built-in routine back.\n", safe);
	fwrite(text, 1, len, f);
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

/* The existing file to edit: its real path, mode and text. */
static int author_take_existing(struct author_edit *ed, const char *path)
{
	struct stat st;
	if (!realpath(path, ed->target) || stat(ed->target, &st) != 0 ||
	    author_read(ed->target, &ed->orig, &ed->orig_len) != 0) {
		author_error_errno(path, "cannot read");
		return -1;
	}
	ed->exists = true;
	ed->mode = st.st_mode & 07777;
	return 0;
}

/* A file the edit creates: target = DIR/NAME, started from text. */
static int author_take_new(struct author_edit *ed, const char *dir,
			   const char *name, char *text, size_t len)
{
	if (!text) {
		diag_msg(DIAG_ERROR, "out of memory");
		return -1;
	}
	snprintf(ed->target, sizeof ed->target, "%s/%s", dir, name);
	ed->orig = text;
	ed->orig_len = len;
	mode_t mask = umask(0);
	umask(mask);
	ed->mode = 0666 & ~mask;
	if (paths_mkdir_p(dir) != 0) {
		author_error_errno(dir, "cannot make the directory");
		return -1;
	}
	return 0;
}

static int author_target_config(struct author_edit *ed)
{
	char path[PATH_MAX];
	if (config_path(path, sizeof path) != 0) {
		diag_msg(DIAG_ERROR, "no place for your settings: set HOME or "
			 "XDG_CONFIG_HOME to an absolute path");
		return -1;
	}
	if (access(path, F_OK) == 0)
		return author_take_existing(ed, path);
	size_t len = sizeof author_config_starter - 1;
	char *text = strdup(author_config_starter);
	*strrchr(path, '/') = '\0';
	return author_take_new(ed, path, "config.yaml", text, len);
}

static int author_target_library(struct author_edit *ed)
{
	char dir[PATH_MAX], path[PATH_MAX + 32];
	if (author_user_dir(dir, sizeof dir) != 0) {
		diag_msg(DIAG_ERROR, "no directory for your routines: set HOME "
			 "or XDG_CONFIG_HOME to an absolute path");
		return -1;
	}
	const char *names[] = { "exercises.yaml", "exercises.yml" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (access(path, F_OK) == 0)
			return author_take_existing(ed, path);
	}
	size_t len = sizeof author_lib_starter - 1;
	char *text = strdup(author_lib_starter);
	return author_take_new(ed, dir, names[0], text, len);
}

/* A built-in routine: a copy in the user directory, under its id. */
static int author_target_copy(struct author_edit *ed,
			      const struct catalog_entry *e)
{
	char dir[PATH_MAX], name[PATH_MAX];
	char *text;
	size_t len, copy_len;
	if (author_user_dir(dir, sizeof dir) != 0) {
		diag_msg(DIAG_ERROR, "no directory for your routines: set HOME "
			 "or XDG_CONFIG_HOME to an absolute path");
		return -1;
	}
	if (author_read(e->path, &text, &len) != 0) {
		author_error_errno(e->path, "cannot read");
		return -1;
	}
	char *copy = author_copy_text(e->path, text, len, &copy_len);
	free(text);
	snprintf(name, sizeof name, "%s.yaml", e->id);
	ed->copied_from = e->path;
	return author_take_new(ed, dir, name, copy, copy_len);
}

static bool author_is_path(const char *arg)
{
	return strchr(arg, '/') || author_has_suffix(arg, ".yaml") ||
	       author_has_suffix(arg, ".yml");
}

/* What `edit ARG` changes, and the text the editor starts from. */
static int author_target(struct author_edit *ed, const char *arg)
{
	if (strcmp(arg, "exercises") == 0)
		return author_target_library(ed);
	if (strcmp(arg, "config") == 0)
		return author_target_config(ed);
	if (author_is_path(arg))
		return author_take_existing(ed, arg);
	struct diags d = { 0 };
	const struct catalog_entry *e = catalog_lookup(ed->c, arg, &d);
	diag_print(&d, stderr);
	diag_free(&d);
	if (!e)
		return -1;
	if (catalog_is_builtin(ed->c, e->path))
		return author_target_copy(ed, e);
	return author_take_existing(ed, e->path);
}

/* The temporary directory beside the target and the copy in it. */
static int author_make_work(struct author_edit *ed)
{
	const char *slash = strrchr(ed->target, '/');
	int n = snprintf(ed->tmpdir, sizeof ed->tmpdir, "%.*s/.stretchtui-edit.XXXXXX",
			 (int)(slash - ed->target), ed->target);
	if (n < 0 || (size_t)n >= sizeof ed->tmpdir || !mkdtemp(ed->tmpdir)) {
		ed->tmpdir[0] = '\0';
		author_error_errno(ed->target, "cannot make a temporary directory beside it");
		return -1;
	}
	snprintf(ed->work, sizeof ed->work, "%s%s", ed->tmpdir, slash);
	if (author_create(ed->work, ed->orig, ed->orig_len, ed->mode | 0600) != 0) {
		author_error_errno(ed->work, "cannot write");
		return -1;
	}
	return 0;
}

static void author_drop_work(struct author_edit *ed)
{
	if (ed->work[0])
		unlink(ed->work);
	if (ed->tmpdir[0])
		rmdir(ed->tmpdir);
	ed->work[0] = ed->tmpdir[0] = '\0';
}

static const char *author_editor(void)
{
	const char *v = getenv("VISUAL");
	if (v && *v)
		return v;
	v = getenv("EDITOR");
	return v && *v ? v : "vi";
}

/* The signals that came while the editor ran: an interrupt or quit from
 * the keyboard went to the editor too, and is its business; any other
 * ends the edit. */
static void author_signals(struct author_edit *ed, bool editing)
{
	struct sig_seen seen = { 0 };
	sig_drain(ed->sig_fd, &seen);
	if (seen.fatal && !(editing && (seen.fatal == SIGINT || seen.fatal == SIGQUIT)))
		ed->fatal = seen.fatal;
}

/* Runs the editor on the copy: /bin/sh -c 'EDITOR "$@"' EDITOR FILE, so
 * that EDITOR may hold arguments. 0 when it exited with status 0. */
static int author_run_editor(struct author_edit *ed)
{
	const char *editor = author_editor();
	size_t n = strlen(editor) + sizeof " \"$@\"";
	char *cmd = malloc(n);
	if (!cmd)
		return -1;
	snprintf(cmd, n, "%s \"$@\"", editor);
	char sh[] = "sh", dash_c[] = "-c";
	char *argv[] = { sh, dash_c, cmd, (char *)editor, ed->work, NULL };
	pid_t pid;
	int st = 0, rc = posix_spawn(&pid, "/bin/sh", NULL, NULL, argv, environ);
	free(cmd);
	if (rc != 0) {
		errno = rc;
		author_error_errno("/bin/sh", "cannot run the editor");
		return -1;
	}
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	author_signals(ed, true);
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	char q[DIAG_QUOTE_BUF];
	diag_quote(editor, strlen(editor), q, sizeof q);
	if (WIFEXITED(st))
		diag_msg(DIAG_ERROR, "the editor %s exited with status %d", q,
			 WEXITSTATUS(st));
	else
		diag_msg(DIAG_ERROR, "the editor %s was ended by signal %d", q,
			 WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	return -1;
}

/* One byte of the answer: the byte, 0 at the end of input, -1 on a fatal
 * signal. */
static int author_answer_byte(struct author_edit *ed)
{
	for (;;) {
		struct pollfd fds[2] = { { ed->sig_fd, POLLIN, 0 },
					 { STDIN_FILENO, POLLIN, 0 } };
		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			return 0;
		if (fds[0].revents & POLLIN) {
			author_signals(ed, false);
			if (ed->fatal)
				return -1;
		}
		if (!(fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		unsigned char b;
		ssize_t k = read(STDIN_FILENO, &b, 1);
		if (k < 0 && errno == EINTR)
			continue;
		return k == 1 ? b : 0;
	}
}

static void author_prompt(void)
{
	const char *dot = utf8_locale() ? " \xc2\xb7 " : " | ";
	fprintf(stderr, "What now? e edit again%sk keep anyway%sr revert: ", dot, dot);
	fflush(stderr);
}

/* Asks on the terminal: 'e', 'k' or 'r' ('r' at the end of input), or -1
 * on a fatal signal. One key does it; spaces and line ends are passed
 * over, so "k" and "k Enter" both answer. */
static int author_ask(struct author_edit *ed)
{
	struct termios saved, raw;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
	if (tty) {
		raw = saved;
		raw.c_lflag &= (tcflag_t)~(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	author_prompt();
	int b;
	while ((b = author_answer_byte(ed)) > 0) {
		if (b >= 'A' && b <= 'Z')
			b += 'a' - 'A';
		if (b == 'e' || b == 'k' || b == 'r')
			break;
		if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
			fprintf(stderr, "\nPlease answer e, k or r. ");
	}
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	if (b == 0)
		b = 'r';
	if (b > 0)
		fprintf(stderr, "%c\n", b);
	else
		fputc('\n', stderr);
	return b;
}

/* The copy in place of the target. 0 or -1. */
static int author_install(struct author_edit *ed)
{
	if (rename(ed->work, ed->target) != 0) {
		author_error_errno(ed->target, "cannot replace");
		return -1;
	}
	ed->work[0] = '\0';
	if (ed->copied_from) {
		author_put(ed->target);
		fputs(": your copy, which overrides the built-in routine\n", stdout);
	}
	return 0;
}

static void author_untouched(const struct author_edit *ed, const char *why)
{
	struct diags d = { 0 };
	if (ed->exists)
		diag_warning(&d, ed->target, 0, 0, "%s; the file was left as it was", why);
	else
		diag_warning(&d, ed->target, 0, 0, "%s; nothing was written", why);
	diag_print(&d, stderr);
	diag_free(&d);
}

/* Whether the copy still holds what the editor started from. -1 when it
 * cannot be read back. */
static int author_unchanged(const struct author_edit *ed)
{
	char *now;
	size_t len;
	if (author_read(ed->work, &now, &len) != 0) {
		author_error_errno(ed->work, "cannot read the edited copy");
		return -1;
	}
	int same = len == ed->orig_len && memcmp(now, ed->orig, len) == 0;
	free(now);
	return same;
}

/* Keeps the copy with its errors, as asked. */
static int author_keep(struct author_edit *ed)
{
	if (author_install(ed) != 0)
		return AUTHOR_INVALID;
	struct diags d = { 0 };
	diag_warning(&d, ed->target, 0, 0, "kept with the errors above");
	diag_print(&d, stderr);
	diag_free(&d);
	return AUTHOR_INVALID;
}

/* Edit, check, ask, until the copy is good, kept, reverted or the editor
 * fails. */
static int author_edit_loop(struct author_edit *ed)
{
	for (;;) {
		if (author_run_editor(ed) != 0 || ed->fatal) {
			if (!ed->fatal)
				author_untouched(ed, "the edit was abandoned");
			return AUTHOR_INVALID;
		}
		int same = author_unchanged(ed);
		if (same < 0)
			return AUTHOR_INVALID;
		if (same) {
			author_put(ed->target);
			puts(ed->exists ? ": no changes" : ": no changes; nothing was written");
			return AUTHOR_OK;
		}
		if (author_check_as(ed->c, ed->work, ed->target) == AUTHOR_OK)
			return author_install(ed) == 0 ? AUTHOR_OK : AUTHOR_INVALID;
		fflush(stdout);
		int a = author_ask(ed);
		if (a == 'k')
			return author_keep(ed);
		if (a != 'e') {
			if (a == 'r')
				author_untouched(ed, "reverted");
			return AUTHOR_INVALID;
		}
	}
}

int author_edit(struct catalog *c, const char *arg)
{
	struct author_edit ed = { .c = c, .sig_fd = -1 };
	int rc = AUTHOR_INVALID;
	ed.sig_fd = sig_install(SIG_SET_FATAL);
	if (ed.sig_fd < 0)
		diag_msg(DIAG_ERROR, "cannot install the signal handlers: %s",
			 strerror(errno));
	else if (author_target(&ed, arg) == 0 && author_make_work(&ed) == 0)
		rc = author_edit_loop(&ed);
	author_drop_work(&ed);
	if (ed.sig_fd >= 0)
		sig_restore(ed.sig_fd);
	free(ed.orig);
	return ed.fatal ? 128 + ed.fatal : rc;
}
