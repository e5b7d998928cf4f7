/* start — --from STEP and the resume mark (see start.h). */
#include "start.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duration.h"
#include "paths.h"
#include "suggest.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

#define START_AMBIGUOUS_SHOWN 4   /* names an ambiguous --from lists */

/* ---- --from ------------------------------------------------------------ */

int64_t start_step_at(const struct plan *p, size_t k)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->seg[i].step == k)
			return p->seg[i].start_ms;
	return -1;
}

static bool start_names(const struct exercise *x, const char *arg, bool prefix)
{
	const char *w[2] = { x->name, x->id };
	size_t n = strlen(arg);
	for (size_t i = 0; i < 2; i++)
		if (w[i] && (prefix ? strncasecmp(w[i], arg, n) == 0
				    : strcasecmp(w[i], arg) == 0))
			return true;
	return false;
}

/* The steps whose exercise arg names: the first one, and the distinct
 * exercise names among them (the first START_AMBIGUOUS_SHOWN kept). */
struct start_match {
	size_t step, n;
	const char *names[START_AMBIGUOUS_SHOWN];
};

static struct start_match start_match(const struct routine *r, const char *arg,
				      bool prefix)
{
	struct start_match m = { .step = SIZE_MAX, .n = 0 };
	for (size_t k = 0; k < r->n_steps; k++) {
		const struct exercise *x = r->steps[k].exercise;
		if (!x || !start_names(x, arg, prefix))
			continue;
		if (m.step == SIZE_MAX)
			m.step = k;
		bool seen = false;
		for (size_t i = 0; i < m.n && i < START_AMBIGUOUS_SHOWN; i++)
			seen |= strcasecmp(m.names[i], x->name) == 0;
		if (!seen && m.n++ < START_AMBIGUOUS_SHOWN)
			m.names[m.n - 1] = x->name;
	}
	return m;
}

static void start_unknown(const struct routine *r, const char *arg,
			  struct diags *d)
{
	struct suggest s = suggest_start(arg, strlen(arg));
	for (size_t k = 0; k < r->n_steps; k++) {
		const struct exercise *x = r->steps[k].exercise;
		if (x)
			suggest_offer(&s, x->name);
		if (x && x->id)
			suggest_offer(&s, x->id);
	}
	char q[DIAG_QUOTE_BUF], b[DIAG_QUOTE_BUF];
	diag_quote(arg, strlen(arg), q, sizeof q);
	if (s.best)
		diag_error(d, r->path, 0, 0, "--from %s: no step does an exercise "
			   "of that name; did you mean %s?", q,
			   diag_quote(s.best, strlen(s.best), b, sizeof b));
	else
		diag_error(d, r->path, 0, 0, "--from %s: not a step number (1 to %zu) "
			   "nor an exercise of this routine", q, r->n_steps);
}

static void start_ambiguous(const struct routine *r, const char *arg,
			    const struct start_match *m, struct diags *d)
{
	char list[4 * DIAG_QUOTE_BUF] = "", q[DIAG_QUOTE_BUF];
	size_t used = 0;
	for (size_t i = 0; i < m->n && i < START_AMBIGUOUS_SHOWN; i++) {
		diag_quote(m->names[i], strlen(m->names[i]), q, sizeof q);
		int k = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", q);
		used += k > 0 && (size_t)k < sizeof list - used ? (size_t)k : 0;
	}
	diag_error(d, r->path, 0, 0, "--from %s: more than one exercise starts "
		   "so: %s%s", diag_quote(arg, strlen(arg), q, sizeof q), list,
		   m->n > START_AMBIGUOUS_SHOWN ? ", ..." : "");
}

static bool start_is_number(const char *s)
{
	size_t n = strspn(s, "0123456789");
	return n > 0 && n < 10 && s[n] == '\0';
}

static int start_from_number(const struct plan *p, const char *arg,
			     int64_t *at_ms, struct diags *d)
{
	const struct routine *r = p->routine;
	unsigned long k = strtoul(arg, NULL, 10);
	int64_t ms = k >= 1 && k <= r->n_steps ? start_step_at(p, k - 1) : -1;
	if (ms < 0) {
		diag_error(d, r->path, 0, 0, "--from %s: there is no step %lu; the "
			   "routine has %zu step%s (1 to %zu)", arg, k, r->n_steps,
			   r->n_steps == 1 ? "" : "s", r->n_steps);
		return -1;
	}
	*at_ms = ms;
	return 0;
}

int start_from(const struct plan *p, const char *arg, int64_t *at_ms,
	       struct diags *d)
{
	const struct routine *r = p->routine;
	if (!*arg) {
		diag_error(d, r->path, 0, 0, "--from needs a step number or an "
			   "exercise's name");
		return -1;
	}
	if (start_is_number(arg))
		return start_from_number(p, arg, at_ms, d);
	struct start_match m = start_match(r, arg, false);
	if (m.step == SIZE_MAX)
		m = start_match(r, arg, true);
	if (m.n > 1) {
		start_ambiguous(r, arg, &m, d);
		return -1;
	}
	if (m.step == SIZE_MAX || start_step_at(p, m.step) < 0) {
		start_unknown(r, arg, d);
		return -1;
	}
	*at_ms = start_step_at(p, m.step);
	return 0;
}

/* ---- the resume mark --------------------------------------------------- */

int start_mark_format(const struct start_mark *m, char *buf, size_t size)
{
	/* strchr, not strpbrk: see add_env_dirs in catalog.c */
	if (strchr(m->path, '\n') || strchr(m->path, '\r') || !m->path[0])
		return -1;
	int n = snprintf(buf, size, "1\t%lld\t%lld\t%llu\t%llu\t%lld\t%lld\t%lld\t%s",
			 (long long)m->at_ms, (long long)m->wall_s, m->dev, m->ino,
			 m->size, m->mtime_s, m->mtime_ns, m->path);
	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* One tab-ended number of the mark; NULL when it is not one. */
static const char *start_field(const char *s, long long *v)
{
	char *end;
	errno = 0;
	if (*s != '-' && (*s < '0' || *s > '9'))
		return NULL;
	*v = strtoll(s, &end, 10);
	return errno == 0 && *end == '\t' ? end + 1 : NULL;
}

int start_mark_parse(const char *line, struct start_mark *m)
{
	long long v[8];
	const char *s = line;
	memset(m, 0, sizeof *m);
	for (size_t i = 0; i < 8 && s; i++)
		s = start_field(s, &v[i]);
	if (!s || v[0] != 1 || v[1] < 0 || v[3] < 0 || v[4] < 0 || !*s ||
	    strlen(s) >= sizeof m->path)
		return -1;
	m->at_ms = v[1];
	m->wall_s = v[2];
	m->dev = (unsigned long long)v[3];
	m->ino = (unsigned long long)v[4];
	m->size = v[5];
	m->mtime_s = v[6];
	m->mtime_ns = v[7];
	strcpy(m->path, s);
	return 0;
}

int start_mark_identify(struct start_mark *m, const char *path)
{
	char real[PATH_MAX];
	struct stat st;
	if (!realpath(path, real) || strlen(real) >= sizeof m->path ||
	    stat(real, &st) != 0)
		return -1;
	strcpy(m->path, real);
	m->dev = (unsigned long long)st.st_dev;
	m->ino = (unsigned long long)st.st_ino;
	m->size = (long long)st.st_size;
	m->mtime_s = (long long)st.st_mtim.tv_sec;
	m->mtime_ns = (long long)st.st_mtim.tv_nsec;
	return 0;
}

static bool start_same_file(const struct start_mark *a, const struct start_mark *b)
{
	return strcmp(a->path, b->path) == 0 && a->dev == b->dev &&
	       a->ino == b->ino && a->size == b->size &&
	       a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

static int start_read(struct start_mark *m)
{
	char line[START_PATH_MAX + 256];
	if (paths_state_read(START_STATE, line, sizeof line) != 0)
		return -1;
	return start_mark_parse(line, m);
}

void start_session_ended(const char *path, const struct engine_summary *s,
			 int64_t wall_s)
{
	struct start_mark m, old;
	char line[START_PATH_MAX + 256];
	if (!path || start_mark_identify(&m, path) != 0)
		return;
	if (s->completed) {
		if (start_read(&old) == 0 && strcmp(old.path, m.path) == 0)
			paths_state_remove(START_STATE);
		return;
	}
	m.at_ms = s->stopped_ms;
	m.wall_s = wall_s;
	if (start_mark_format(&m, line, sizeof line) == 0)
		paths_state_write(START_STATE, line);
}

/* The real path of the routine file arg names (as play takes it). */
static int start_arg_path(struct catalog *c, const char *arg, char *real,
			  struct diags *d)
{
	const char *path = arg;
	size_t n = strlen(arg);
	bool is_path = strchr(arg, '/') || (n > 5 && strcmp(arg + n - 5, ".yaml") == 0) ||
		       (n > 4 && strcmp(arg + n - 4, ".yml") == 0);
	if (!is_path) {
		const struct catalog_entry *e = catalog_lookup(c, arg, d);
		if (!e)
			return -1;
		path = e->path;
	}
	if (realpath(path, real))
		return 0;
	diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
	return -1;
}

static int start_too_old(const struct start_mark *m, int64_t now, struct diags *d)
{
	int64_t ago = now - m->wall_s;
	if (ago >= -60 && ago <= START_RESUME_WINDOW_S)
		return 0;
	char t[DURATION_BUF];
	if (ago > 0)
		diag_error(d, m->path, 0, 0, "its session stopped %s ago; only one "
			   "stopped within the last hour can be resumed",
			   duration_format_s(ago, t, sizeof t));
	else
		diag_error(d, m->path, 0, 0, "its session stopped in the future "
			   "(the clock changed?); it cannot be resumed");
	return -1;
}

int start_resume(struct catalog *c, const char *arg, int64_t now_wall_s,
		 struct start_mark *m, struct diags *d)
{
	struct start_mark now;
	char real[PATH_MAX];
	if (start_read(m) != 0) {
		diag_error(d, NULL, 0, 0, "--resume: no stopped session to resume");
		return -1;
	}
	if (arg && start_arg_path(c, arg, real, d) != 0)
		return -1;
	if (arg && strcmp(real, m->path) != 0) {
		char q[DIAG_QUOTE_BUF];
		diag_error(d, m->path, 0, 0, "--resume: the session that stopped last "
			   "was of this routine, not of %s",
			   diag_quote(arg, strlen(arg), q, sizeof q));
		return -1;
	}
	if (start_too_old(m, now_wall_s, d) != 0)
		return -1;
	if (start_mark_identify(&now, m->path) != 0 || !start_same_file(m, &now)) {
		diag_error(d, m->path, 0, 0, "the routine changed since its session "
			   "stopped; play it again from the start (or --from a step)");
		return -1;
	}
	return 0;
}
