/* loader — routine and exercise-library files into struct routine and
 * struct library. ydoc turns the file into a tree of positioned nodes under
 * the safety limits; this file checks the tree against the format and
 * reports every problem it finds, sorted by position.
 *
 * The format, version 1, as this loader reads it:
 *   routine: name (required string), summary, description, duration (the
 *     declared total, 0.5s to 4h), tags and equipment (lists of strings),
 *     defaults {get_ready, switch, set_rest} (0 leaves a transition out),
 *     exercises (id -> definition; wins over the libraries), steps
 *     (required, 1 to 500 items).
 *   exercise: name (required), summary, how, area, figure (lists of
 *     strings), phases (1 to 16 of {cue, time}, both required), and the
 *     step defaults hold, reps, sides.
 *   step: exactly one of `use: ID`, `exercise: {definition}` or
 *     `rest: DURATION`. A rest step takes nothing else. An exercise step is
 *     a hold or reps: its own `hold` or `reps` (not both), else the
 *     exercise's default (an error when it has both or neither). Reps need
 *     the exercise's phases (then no tempo), or a `tempo` (one phase-less
 *     rep), or `self_paced: true` (tempo = the step's tempo, else the sum of
 *     the phases). self_paced: true and tempo belong to reps steps only.
 *     sides: the step's, else the exercise's, else none; sets default 1;
 *     get_ready, switch, set_rest: the step's, else the routine's defaults.
 *   library: one key, `exercises:`, a mapping of id to definition.
 * Scalars: any non-null scalar is a string (trailing line breaks of block
 * scalars are dropped); durations go through duration_parse; whole numbers
 * are [-]digits only; booleans are true/false (True, TRUE...). A null
 * (empty, ~, null) is never a value. Unknown keys are errors, with a
 * "did you mean" for a known key within 2 edits. */
#include "loader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "suggest.h"
#include "ydoc.h"

#define LOADER_MAX_ERRORS  50   /* diagnostics per file; then a summary */
#define LOADER_SUGGEST_IDS 16   /* unknown ids that get one (each scans all) */

static const char *const loader_routine_keys[] = {
	"name", "summary", "description", "duration", "tags", "equipment",
	"defaults", "exercises", "steps", NULL
};
static const char *const loader_exercise_keys[] = {
	"name", "summary", "how", "area", "figure", "phases", "hold", "reps",
	"sides", NULL
};
static const char *const loader_step_keys[] = {
	"use", "exercise", "rest", "hold", "reps", "self_paced", "tempo",
	"sides", "sets", "get_ready", "switch", "set_rest", NULL
};
static const char *const loader_phase_keys[] = { "cue", "time", NULL };
static const char *const loader_defaults_keys[] = {
	"get_ready", "switch", "set_rest", NULL
};
static const char *const loader_library_keys[] = { "exercises", NULL };

/* An unknown key taken for a misspelling of a known one: the known key's
 * absence from that mapping is not reported again (no cascades). */
struct lmiss {
	const struct ynode *map;
	const char *key;
};

/* One file being converted. */
struct lctx {
	const char *path;
	struct diags diags;     /* this file's, sorted when done */
	struct arena *a;        /* where the results live */
	bool oom;
	struct lmiss *miss;     /* malloc'd, freed by lfinish */
	size_t n_miss, cap_miss;
};

/* An exercise of the routine's own `exercises:`. */
struct lowned {
	const char *id;
	struct exercise *ex;    /* NULL when its definition had errors */
	struct srcpos pos;      /* of its id */
};

/* A library exercise already copied into the routine. */
struct lcopy {
	const struct exercise *src;
	struct exercise *dst;
	struct lcopy *next;
};

struct lroutine {
	struct lctx c;
	struct routine *r;
	const struct library *const *libs;
	size_t n_libs;
	struct lowned *own;
	size_t n_own;
	struct lcopy *copies;
	int suggestions;        /* searches left for unknown ids */
};

enum lval { LV_ABSENT, LV_OK, LV_BAD };

typedef const char *(*lrule_ms)(int64_t ms);
typedef const char *(*lrule_long)(long v);

/* ---- diagnostics --------------------------------------------------------- */

static void lerr(struct lctx *c, const struct ynode *at, const char *fmt, ...)
	DIAG_PRINTF(3, 4);

static void lerr(struct lctx *c, const struct ynode *at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(&c->diags, c->path, at ? at->line : 1, at ? at->col : 1,
		    fmt, ap);
	va_end(ap);
}

/* Where to point for a key's value: the value, or the key when empty. */
static const struct ynode *lat(const struct ynode *key)
{
	return ynode_is_null(key->value) ? key : key->value;
}

/* A scalar's text as written, shortened, without quotes. */
static const char *ltext(const struct ynode *n, char *buf, size_t size)
{
	ydoc_quote(n->str, n->len, buf, size);
	size_t len = strlen(buf);
	if (len >= 2) {
		memmove(buf, buf + 1, len - 2);
		buf[len - 2] = '\0';
	}
	return buf;
}

/* After "must be a string, not a mapping": the usual cause. */
static const char *lhint(const struct ynode *n)
{
	return n->kind == YNODE_MAP && n->n == 1
		       ? "; put text that contains ': ' in quotes"
		       : "";
}

static void lwrong_type(struct lctx *c, const struct ynode *key,
			const char *what)
{
	char desc[YDOC_QUOTE_BUF];
	lerr(c, lat(key), "%s must be %s, not %s%s", key->str, what,
	     ynode_describe(key->value, desc, sizeof desc),
	     strcmp(what, "a string") ? "" : lhint(key->value));
}

/* Whether an unknown key of map was taken for key ("did you mean"). */
static bool lmisspelled(const struct lctx *c, const struct ynode *map,
			const char *key)
{
	for (size_t i = 0; i < c->n_miss; i++)
		if (c->miss[i].map == map && strcmp(c->miss[i].key, key) == 0)
			return true;
	return false;
}

static void lmiss_add(struct lctx *c, const struct ynode *map, const char *key)
{
	if (c->n_miss == c->cap_miss) {
		size_t cap = c->cap_miss ? c->cap_miss * 2 : 8;
		struct lmiss *v = realloc(c->miss, cap * sizeof *v);
		if (!v)
			return;   /* at worst, a cascade is reported */
		c->miss = v;
		c->cap_miss = cap;
	}
	c->miss[c->n_miss++] = (struct lmiss){ map, key };
}

static void lmissing(struct lctx *c, const struct ynode *map,
		     const char *key, const char *place)
{
	if (!lmisspelled(c, map, key))
		lerr(c, map, "missing required key '%s' in %s", key, place);
}

static int ldiag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = *(const struct diag *const *)pa;
	const struct diag *b = *(const struct diag *const *)pb;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a > b) - (a < b);   /* stable: the order they were found */
}

/* Moves the file's diagnostics into d, by position; 0 when none was an
 * error. */
static int lfinish(struct lctx *c, struct diags *d)
{
	if (c->oom)
		diag_error(&c->diags, c->path, 0, 0, "out of memory");
	size_t n = c->diags.n;
	const struct diag **v = n ? malloc(n * sizeof *v) : NULL;
	for (size_t i = 0; v && i < n; i++)
		v[i] = &c->diags.v[i];
	if (v)
		qsort(v, n, sizeof *v, ldiag_cmp);
	size_t shown = n < LOADER_MAX_ERRORS ? n : LOADER_MAX_ERRORS;
	for (size_t i = 0; i < shown; i++) {
		const struct diag *g = v ? v[i] : &c->diags.v[i];
		diag_error(d, g->file, g->line, g->col, "%s",
			   g->msg ? g->msg : "out of memory");
	}
	if (n > shown)   /* located at the first error left out */
		diag_error(d, c->path, v ? v[shown]->line : 0, v ? v[shown]->col : 0,
			   "too many errors; %zu more not shown",
			   n - shown);
	int rc = c->diags.errors ? -1 : 0;
	free(v);
	free(c->miss);
	diag_free(&c->diags);
	return rc;
}

static void lcheck_keys(struct lctx *c, const struct ynode *map,
			const char *const *known, const char *place)
{
	for (const struct ynode *k = map->head; k; k = k->next) {
		if (k->bad)
			continue;
		bool found = false;
		for (size_t i = 0; known[i] && !found; i++)
			found = strcmp(k->str, known[i]) == 0;
		if (found)
			continue;
		struct suggest s = suggest_start(k->str, k->len);
		for (size_t i = 0; known[i]; i++)
			suggest_offer(&s, known[i]);
		char q[YDOC_QUOTE_BUF];
		ydoc_quote(k->str, k->len, q, sizeof q);
		if (s.best) {
			lerr(c, k, "unknown key %s in %s; did you mean '%s'?", q,
			     place, s.best);
			lmiss_add(c, map, s.best);
		} else
			lerr(c, k, "unknown key %s in %s", q, place);
	}
}

/* ---- values -------------------------------------------------------------- */

/* A copy of a scalar in the results' arena, less trailing line breaks. */
static const char *lstrdup(struct lctx *c, const struct ynode *n)
{
	size_t len = n->len;
	while (len > 0 && n->str[len - 1] == '\n')
		len--;
	char *s = arena_strndup(c->a, n->str, len);
	if (!s)
		c->oom = true;
	return s ? s : "";
}

static bool lis_text(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && !ynode_is_null(n);
}

/* map's key `name`: LV_OK with *k set, LV_ABSENT, or LV_BAD when its value
 * was already reported. */
static enum lval lfind(const struct ynode *map, const char *name,
		       const struct ynode **k)
{
	*k = ynode_find(map, name);
	if (!*k)
		return LV_ABSENT;
	return (*k)->value->bad ? LV_BAD : LV_OK;
}

static bool lis_blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

/* A string; a blank one is refused when nonempty. */
static enum lval lget_text(struct lctx *c, const struct ynode *map,
			   const char *name, bool nonempty, const char **out)
{
	const struct ynode *k;
	enum lval found = lfind(map, name, &k);
	if (found != LV_OK)
		return found;
	if (!lis_text(k->value)) {
		lwrong_type(c, k, "a string");
		return LV_BAD;
	}
	if (nonempty && lis_blank(k->value->str)) {
		lerr(c, k->value, "%s must not be empty", name);
		return LV_BAD;
	}
	*out = lstrdup(c, k->value);
	return LV_OK;
}

static enum lval lget_strlist(struct lctx *c, const struct ynode *map,
			      const char *name, struct strlist *out)
{
	const struct ynode *k;
	enum lval found = lfind(map, name, &k);
	if (found != LV_OK)
		return found;
	const struct ynode *v = k->value;
	if (v->kind != YNODE_SEQ) {
		lwrong_type(c, k, "a list of strings");
		return LV_BAD;
	}
	const char **items = arena_alloc(c->a, (v->n ? v->n : 1) * sizeof *items);
	if (!items) {
		c->oom = true;
		return LV_BAD;
	}
	enum lval rc = LV_OK;
	size_t n = 0;
	for (const struct ynode *it = v->head; it; it = it->next) {
		if (it->bad) {
			rc = LV_BAD;
		} else if (!lis_text(it)) {
			char desc[YDOC_QUOTE_BUF];
			lerr(c, it, "each item of %s must be a string, not %s%s",
			     name, ynode_describe(it, desc, sizeof desc),
			     lhint(it));
			rc = LV_BAD;
		} else {
			items[n++] = lstrdup(c, it);
		}
	}
	out->v = items;
	out->n = n;
	return rc;
}

static void lrange_error(struct lctx *c, const struct ynode *key,
			 const char *rule)
{
	char t[YDOC_QUOTE_BUF];
	lerr(c, key->value, "%s %s, not %s", key->str, rule,
	     ltext(key->value, t, sizeof t));
}

static enum lval lget_duration(struct lctx *c, const struct ynode *map,
			       const char *name, lrule_ms rule, int64_t *out)
{
	const struct ynode *k;
	enum lval found = lfind(map, name, &k);
	if (found != LV_OK)
		return found;
	const struct ynode *v = k->value;
	if (!lis_text(v)) {
		lwrong_type(c, k, "a duration");
		return LV_BAD;
	}
	int64_t ms = 0;
	char q[YDOC_QUOTE_BUF];
	switch (duration_parse(v->str, &ms)) {
	case DURATION_OK:
		break;
	case DURATION_SYNTAX:
		lerr(c, v, "invalid duration %s; use e.g. 45s, 1m30s, 2m, 1.5s "
		     "or a number of seconds", ydoc_quote(v->str, v->len, q,
							  sizeof q));
		return LV_BAD;
	case DURATION_PRECISION:
		lerr(c, v, "%s must be whole milliseconds, not %s", name,
		     ltext(v, q, sizeof q));
		return LV_BAD;
	case DURATION_OVERFLOW:
		ms = INT64_MAX;
		break;
	}
	const char *why = rule(ms);
	if (why) {
		lrange_error(c, k, why);
		return LV_BAD;
	}
	*out = ms;
	return LV_OK;
}

static bool lis_integer(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static enum lval lget_long(struct lctx *c, const struct ynode *map,
			   const char *name, lrule_long rule, long *out)
{
	const struct ynode *k;
	enum lval found = lfind(map, name, &k);
	if (found != LV_OK)
		return found;
	const struct ynode *v = k->value;
	if (!lis_text(v) || !lis_integer(v->str)) {
		lwrong_type(c, k, "a whole number");
		return LV_BAD;
	}
	errno = 0;
	long n = strtol(v->str, NULL, 10);   /* ERANGE: LONG_MAX, refused below */
	const char *why = rule(n);
	if (why) {
		lrange_error(c, k, why);
		return LV_BAD;
	}
	*out = n;
	return LV_OK;
}

static enum lval lget_int(struct lctx *c, const struct ynode *map,
			  const char *name, lrule_long rule, int *out)
{
	long n = 0;
	enum lval rc = lget_long(c, map, name, rule, &n);
	if (rc == LV_OK)
		*out = (int)n;   /* the rules keep it small */
	return rc;
}

static enum lval lget_bool(struct lctx *c, const struct ynode *map,
			   const char *name, bool *out)
{
	static const char *const yes[] = { "true", "True", "TRUE" };
	static const char *const no[] = { "false", "False", "FALSE" };
	const struct ynode *k;
	enum lval found = lfind(map, name, &k);
	if (found != LV_OK)
		return found;
	const struct ynode *v = k->value;
	for (size_t i = 0; v->kind == YNODE_SCALAR && v->plain && i < 3; i++) {
		if (strcmp(v->str, yes[i]) == 0 || strcmp(v->str, no[i]) == 0) {
			*out = strcmp(v->str, yes[i]) == 0;
			return LV_OK;
		}
	}
	lwrong_type(c, k, "true or false");
	return LV_BAD;
}

/* Side labels are shown on screen: each must say something, once. */
static bool lsides_distinct(struct lctx *c, const struct ynode *seq)
{
	for (const struct ynode *a = seq->head; a; a = a->next) {
		if (lis_blank(a->str)) {
			lerr(c, a, "a side label must not be empty");
			return false;
		}
		for (const struct ynode *b = seq->head; b != a; b = b->next) {
			if (strcmp(a->str, b->str) == 0) {
				char q[YDOC_QUOTE_BUF];
				ydoc_quote(a->str, a->len, q, sizeof q);
				lerr(c, a, "side %s is listed twice", q);
				return false;
			}
		}
	}
	return true;
}

static enum lval lget_sides(struct lctx *c, const struct ynode *map,
			    struct strlist *out)
{
	enum lval rc = lget_strlist(c, map, "sides", out);
	const char *why = rc == LV_OK ? routine_rule_sides(out->n) : NULL;
	const struct ynode *k = ynode_find(map, "sides");
	if (why) {
		lerr(c, k->value, "sides %s, not %zu", why, out->n);
		return LV_BAD;
	}
	if (rc == LV_OK && !lsides_distinct(c, k->value))
		return LV_BAD;
	return rc;
}

/* The declared total of a routine: a plan's bounds. */
static const char *lrule_target(int64_t ms)
{
	return ms < ROUTINE_MIN_MS || ms > ROUTINE_MAX_PLAN_MS
		       ? "must be from 0.5s to 4h"
		       : NULL;
}

/* ---- exercises ----------------------------------------------------------- */

static void lphases(struct lctx *c, const struct ynode *def,
		    struct exercise *ex)
{
	const struct ynode *k = ynode_find(def, "phases");
	if (!k || k->value->bad)
		return;
	const struct ynode *v = k->value;
	if (v->kind != YNODE_SEQ) {
		lwrong_type(c, k, "a list of {cue, time}");
		return;
	}
	if (v->n < 1 || v->n > ROUTINE_MAX_PHASES) {
		lerr(c, v, "phases must have 1 to %d items, not %zu",
		     ROUTINE_MAX_PHASES, v->n);
		return;
	}
	ex->phases = arena_alloc(c->a, v->n * sizeof *ex->phases);
	if (!ex->phases) {
		c->oom = true;
		return;
	}
	for (const struct ynode *it = v->head; it; it = it->next) {
		struct phase *p = &ex->phases[ex->n_phases++];
		char desc[YDOC_QUOTE_BUF];
		if (it->bad)
			continue;
		if (it->kind != YNODE_MAP) {
			lerr(c, it, "a phase must be a mapping with cue and time, "
			     "not %s", ynode_describe(it, desc, sizeof desc));
			continue;
		}
		lcheck_keys(c, it, loader_phase_keys, "phase");
		if (lget_text(c, it, "cue", true, &p->cue) == LV_ABSENT)
			lmissing(c, it, "cue", "phase");
		if (lget_duration(c, it, "time", routine_rule_duration,
				  &p->ms) == LV_ABSENT)
			lmissing(c, it, "time", "phase");
	}
}

/* Fills ex from a definition; what names it in a type error. True when
 * it had no errors. */
static bool lexercise(struct lctx *c, const struct ynode *def,
		      const char *id, const char *what, struct exercise *ex)
{
	size_t before = c->diags.errors;
	memset(ex, 0, sizeof *ex);
	ex->id = id;
	ex->pos = (struct srcpos){ def->line, def->col };
	if (def->bad)
		return false;
	if (def->kind != YNODE_MAP) {
		char desc[YDOC_QUOTE_BUF];
		lerr(c, def, "%s must be a mapping, not %s", what,
		     ynode_describe(def, desc, sizeof desc));
		return false;
	}
	lcheck_keys(c, def, loader_exercise_keys, "exercise");
	if (lget_text(c, def, "name", true, &ex->name) == LV_ABSENT)
		lmissing(c, def, "name", "exercise");
	lget_text(c, def, "summary", false, &ex->summary);
	lget_strlist(c, def, "how", &ex->how);
	lget_strlist(c, def, "area", &ex->area);
	lget_strlist(c, def, "figure", &ex->figure);
	lphases(c, def, ex);
	lget_duration(c, def, "hold", routine_rule_duration, &ex->hold_ms);
	lget_int(c, def, "reps", routine_rule_reps, &ex->reps);
	lget_sides(c, def, &ex->sides);
	/* A value refused while parsing was reported then, and is missing. */
	return c->diags.errors == before && !ynode_has_bad(def);
}

/* An `exercises:` mapping of id to definition: each entry into owned[]
 * (ex NULL when the definition had errors). Returns the count. */
static size_t lexercise_map(struct lctx *c, const struct ynode *key,
			    struct lowned **owned)
{
	const struct ynode *v = key->value;
	*owned = NULL;
	if (v->bad)
		return 0;
	if (v->kind != YNODE_MAP) {
		lwrong_type(c, key, "a mapping of id to exercise");
		return 0;
	}
	struct lowned *o = arena_alloc(c->a, (v->n ? v->n : 1) * sizeof *o);
	struct exercise *exs = arena_alloc(c->a, (v->n ? v->n : 1) * sizeof *exs);
	if (!o || !exs) {
		c->oom = true;
		return 0;
	}
	size_t n = 0;
	for (const struct ynode *k = v->head; k; k = k->next) {
		if (k->bad)
			continue;
		char what[YDOC_QUOTE_BUF + 16], q[YDOC_QUOTE_BUF];
		snprintf(what, sizeof what, "exercise %s",
			 ydoc_quote(k->str, k->len, q, sizeof q));
		o[n].id = lstrdup(c, k);
		o[n].pos = (struct srcpos){ k->line, k->col };
		o[n].ex = lexercise(c, k->value, o[n].id, what, &exs[n])
				  ? &exs[n]
				  : NULL;
		n++;
	}
	*owned = o;
	return n;
}

static void lstrlist_copy(struct lctx *c, struct strlist *dst,
			  const struct strlist *src)
{
	dst->n = 0;
	dst->v = arena_alloc(c->a, (src->n ? src->n : 1) * sizeof *dst->v);
	if (!dst->v) {
		c->oom = true;
		return;
	}
	for (size_t i = 0; i < src->n; i++) {
		dst->v[i] = arena_strdup(c->a, src->v[i]);
		c->oom |= !dst->v[i];
	}
	dst->n = src->n;
}

static const char *lcopy_str(struct lctx *c, const char *s)
{
	char *p = arena_strdup(c->a, s);
	c->oom |= s && !p;
	return p;
}

/* A deep copy of a library exercise into the routine's arena. */
static struct exercise *lexercise_copy(struct lctx *c,
				       const struct exercise *src)
{
	struct exercise *ex = arena_alloc(c->a, sizeof *ex);
	struct phase *ph = arena_alloc(c->a, (src->n_phases + 1) * sizeof *ph);
	if (!ex || !ph) {
		c->oom = true;
		return NULL;
	}
	*ex = *src;
	ex->id = lcopy_str(c, src->id);
	ex->name = lcopy_str(c, src->name);
	ex->summary = lcopy_str(c, src->summary);
	lstrlist_copy(c, &ex->how, &src->how);
	lstrlist_copy(c, &ex->area, &src->area);
	lstrlist_copy(c, &ex->figure, &src->figure);
	lstrlist_copy(c, &ex->sides, &src->sides);
	for (size_t i = 0; i < src->n_phases; i++) {
		ph[i].ms = src->phases[i].ms;
		ph[i].cue = lcopy_str(c, src->phases[i].cue);
	}
	ex->phases = ph;
	return ex;
}

/* ---- routines ------------------------------------------------------------ */

/* Library lib has the id, but its definition had errors: reported, as
 * it overrides whatever a lower library defines. */
static bool lbroken_id(struct lroutine *lr, const struct library *lib,
		       const struct ynode *id)
{
	for (size_t i = 0; lib && i < lib->n_broken; i++) {
		if (strcmp(lib->broken[i].id, id->str) != 0)
			continue;
		char q[YDOC_QUOTE_BUF];
		lerr(&lr->c, id, "exercise %s has errors in %s:%d:%d; "
		     "fix them there", ydoc_quote(id->str, id->len, q, sizeof q),
		     lib->path, lib->broken[i].pos.line, lib->broken[i].pos.col);
		return true;
	}
	return false;
}

static void lsuggest_id(struct lroutine *lr, const struct ynode *id)
{
	struct suggest s = suggest_start(id->str, id->len);
	if (lr->suggestions-- > 0) {   /* bounds the work on a hostile file */
		for (size_t i = 0; i < lr->n_own; i++)
			suggest_offer(&s, lr->own[i].id);
		for (size_t l = lr->n_libs; l-- > 0;)
			for (size_t i = 0; lr->libs[l] && i < lr->libs[l]->n; i++)
				suggest_offer(&s, lr->libs[l]->v[i].id);
	}
	char q[YDOC_QUOTE_BUF], b[YDOC_QUOTE_BUF];
	ydoc_quote(id->str, id->len, q, sizeof q);
	if (s.best)
		lerr(&lr->c, id, "unknown exercise %s; did you mean %s?", q,
		     ydoc_quote(s.best, strlen(s.best), b, sizeof b));
	else
		lerr(&lr->c, id, "unknown exercise %s", q);
}

/* The exercise a `use:` names, copied into the routine once; NULL when
 * unknown (reported) or its definition had errors (reported there). */
static const struct exercise *lresolve(struct lroutine *lr,
				       const struct ynode *id)
{
	for (size_t i = 0; i < lr->n_own; i++)
		if (strcmp(lr->own[i].id, id->str) == 0)
			return lr->own[i].ex;
	for (size_t l = lr->n_libs; l-- > 0;) {
		const struct exercise *src =
			lr->libs[l] ? library_find(lr->libs[l], id->str) : NULL;
		if (!src && lbroken_id(lr, lr->libs[l], id))
			return NULL;
		if (!src)
			continue;
		for (struct lcopy *k = lr->copies; k; k = k->next)
			if (k->src == src)
				return k->dst;
		struct lcopy *k = arena_alloc(lr->c.a, sizeof *k);
		struct exercise *dst = lexercise_copy(&lr->c, src);
		if (!k || !dst) {
			lr->c.oom = true;
			return NULL;
		}
		*k = (struct lcopy){ src, dst, lr->copies };
		lr->copies = k;
		return dst;
	}
	lsuggest_id(lr, id);
	return NULL;
}

static const char *lex_label(const struct exercise *ex)
{
	return ex->id ? ex->id : ex->name;
}

static void lrest_step(struct lroutine *lr, const struct ynode *s,
		       struct step *st)
{
	st->kind = STEP_REST;
	lget_duration(&lr->c, s, "rest", routine_rule_duration, &st->rest_ms);
	for (const struct ynode *k = s->head; k; k = k->next) {
		bool known = false;
		for (size_t i = 0; loader_step_keys[i]; i++)
			known |= strcmp(k->str, loader_step_keys[i]) == 0;
		if (k->bad || !known || strcmp(k->str, "rest") == 0)
			continue;
		if (strcmp(k->str, "hold") == 0 || strcmp(k->str, "reps") == 0)
			lerr(&lr->c, k, "a step is exactly one of hold, reps or rest");
		else if (strcmp(k->str, "use") && strcmp(k->str, "exercise"))
			lerr(&lr->c, k, "a rest step takes no '%s'", k->str);
	}
}

/* The kind of an exercise step, from its hold/reps or the exercise's. */
static void lstep_kind(struct lroutine *lr, const struct ynode *s,
		       struct step *st, const struct exercise *ex)
{
	const struct ynode *hold = ynode_find(s, "hold");
	const struct ynode *reps = ynode_find(s, "reps");
	if (hold && reps) {
		const struct ynode *later =
			hold->line > reps->line ||
					(hold->line == reps->line && hold->col > reps->col)
				? hold
				: reps;
		lerr(&lr->c, later, "a step is exactly one of hold, reps or rest");
		return;
	}
	if (hold || reps) {
		st->kind = hold ? STEP_HOLD : STEP_REPS;
		return;
	}
	if (lmisspelled(&lr->c, s, "hold") || lmisspelled(&lr->c, s, "reps"))
		return;   /* the unknown key says it */
	char q[YDOC_QUOTE_BUF];
	const char *label = lex_label(ex);
	ydoc_quote(label, strlen(label), q, sizeof q);
	if (ex->hold_ms && ex->reps) {
		lerr(&lr->c, s, "a step needs hold or reps; exercise %s has "
		     "defaults for both", q);
	} else if (ex->hold_ms || ex->reps) {
		st->kind = ex->hold_ms ? STEP_HOLD : STEP_REPS;
		st->hold_ms = ex->hold_ms;
		st->reps = ex->reps;
	} else {
		lerr(&lr->c, s, "a step needs hold or reps; exercise %s has "
		     "no default", q);
	}
}

/* Whether the step's inline exercise has a misspelled `phases`. */
static bool lphases_misspelled(const struct lctx *c, const struct ynode *s)
{
	const struct ynode *def = ynode_find(s, "exercise");
	return def && lmisspelled(c, def->value, "phases");
}

/* How long one rep takes when it is not the exercise's phases. */
static void lstep_tempo(struct lroutine *lr, const struct ynode *s,
			struct step *st, const struct exercise *ex)
{
	const struct ynode *tempo = ynode_find(s, "tempo");
	const struct ynode *paced = ynode_find(s, "self_paced");
	if (st->kind == STEP_HOLD) {
		if (paced && st->self_paced)
			lerr(&lr->c, paced, "self_paced is only for reps steps");
		if (tempo)
			lerr(&lr->c, tempo, "tempo is only for reps steps");
		return;
	}
	int64_t sum = 0;
	for (size_t i = 0; i < ex->n_phases; i++)
		sum += ex->phases[i].ms;
	if (!tempo && lmisspelled(&lr->c, s, "tempo"))
		return;   /* the unknown key says it */
	if (st->self_paced) {
		if (!tempo && !sum)
			lerr(&lr->c, paced, "a self-paced step needs a tempo or an "
			     "exercise with phases");
		if (!tempo)
			st->tempo_ms = sum;
	} else if (ex->n_phases && tempo) {
		lerr(&lr->c, tempo, "tempo is only for self-paced steps or "
		     "exercises without phases");
	} else if (!ex->n_phases && !tempo && !lmisspelled(&lr->c, s, "self_paced") &&
		   !lphases_misspelled(&lr->c, s)) {
		lerr(&lr->c, s, "reps need phases in the exercise, a tempo, or "
		     "self_paced: true");
	}
}

static const struct exercise *lstep_exercise(struct lroutine *lr,
					     const struct ynode *s)
{
	const struct ynode *use = ynode_find(s, "use");
	if (use) {
		if (use->value->bad)
			return NULL;
		if (!lis_text(use->value)) {
			lwrong_type(&lr->c, use, "an exercise id");
			return NULL;
		}
		return lresolve(lr, use->value);
	}
	const struct ynode *def = ynode_find(s, "exercise");
	struct exercise *ex = arena_alloc(lr->c.a, sizeof *ex);
	if (!ex) {
		lr->c.oom = true;
		return NULL;
	}
	return lexercise(&lr->c, def->value, NULL, "exercise", ex) ? ex : NULL;
}

static void lexercise_step(struct lroutine *lr, const struct ynode *s,
			   struct step *st)
{
	struct lctx *c = &lr->c;
	const struct exercise *ex = lstep_exercise(lr, s);
	lget_duration(c, s, "hold", routine_rule_duration, &st->hold_ms);
	lget_int(c, s, "reps", routine_rule_reps, &st->reps);
	lget_bool(c, s, "self_paced", &st->self_paced);
	lget_duration(c, s, "tempo", routine_rule_duration, &st->tempo_ms);
	lget_int(c, s, "sets", routine_rule_sets, &st->sets);
	st->get_ready_ms = lr->r->get_ready_ms;
	st->switch_ms = lr->r->switch_ms;
	st->set_rest_ms = lr->r->set_rest_ms;
	lget_duration(c, s, "get_ready", routine_rule_transition,
		      &st->get_ready_ms);
	lget_duration(c, s, "switch", routine_rule_transition, &st->switch_ms);
	lget_duration(c, s, "set_rest", routine_rule_transition,
		      &st->set_rest_ms);
	if (lget_sides(c, s, &st->sides) == LV_ABSENT && ex)
		st->sides = ex->sides;
	if (!ex)
		return;
	st->exercise = ex;
	size_t before = c->diags.errors;
	lstep_kind(lr, s, st, ex);
	if (c->diags.errors == before)
		lstep_tempo(lr, s, st, ex);
}

/* The step's source: exactly one of use, exercise, rest. */
static const struct ynode *lstep_source(struct lroutine *lr,
					const struct ynode *s)
{
	const struct ynode *first = NULL;
	bool ok = true;
	for (const struct ynode *k = s->head; k; k = k->next) {
		if (k->bad || (strcmp(k->str, "use") && strcmp(k->str, "exercise") &&
			       strcmp(k->str, "rest")))
			continue;
		if (first) {
			lerr(&lr->c, k, "a step takes only one of 'use', "
			     "'exercise' or 'rest'");
			ok = false;
		} else {
			first = k;
		}
	}
	if (!first && !lmisspelled(&lr->c, s, "use") &&
	    !lmisspelled(&lr->c, s, "exercise") && !lmisspelled(&lr->c, s, "rest"))
		lerr(&lr->c, s, "a step needs one of 'use', 'exercise' or 'rest'");
	return ok ? first : NULL;
}

/* True when the step had no errors. */
static bool lstep(struct lroutine *lr, const struct ynode *s, struct step *st)
{
	size_t before = lr->c.diags.errors;
	memset(st, 0, sizeof *st);
	st->pos = (struct srcpos){ s->line, s->col };
	st->sets = 1;
	if (s->bad)
		return false;
	if (s->kind != YNODE_MAP) {
		char desc[YDOC_QUOTE_BUF];
		lerr(&lr->c, s, "a step must be a mapping, not %s",
		     ynode_describe(s, desc, sizeof desc));
		return false;
	}
	lcheck_keys(&lr->c, s, loader_step_keys, "step");
	const struct ynode *src = lstep_source(lr, s);
	if (src && strcmp(src->str, "rest") == 0)
		lrest_step(lr, s, st);
	else if (src)
		lexercise_step(lr, s, st);
	return lr->c.diags.errors == before;
}

static void lsteps(struct lroutine *lr, const struct ynode *root)
{
	struct lctx *c = &lr->c;
	const struct ynode *k = ynode_find(root, "steps");
	if (!k) {
		lmissing(c, root, "steps", "routine");
		return;
	}
	const struct ynode *v = k->value;
	lr->r->steps_pos = (struct srcpos){ k->line, k->col };
	if (v->bad)
		return;
	if (ynode_is_null(v) || (v->kind == YNODE_SEQ && v->n == 0)) {
		lerr(c, lat(k), "steps must not be empty");
		return;
	}
	if (v->kind != YNODE_SEQ) {
		lwrong_type(c, k, "a list");
		return;
	}
	if (v->n > ROUTINE_MAX_STEPS) {
		lerr(c, v, "steps must have at most %d items, not %zu",
		     ROUTINE_MAX_STEPS, v->n);
		return;
	}
	lr->r->steps = arena_alloc(c->a, v->n * sizeof *lr->r->steps);
	if (!lr->r->steps) {
		c->oom = true;
		return;
	}
	for (const struct ynode *s = v->head; s; s = s->next)
		if (lstep(lr, s, &lr->r->steps[lr->r->n_steps]))
			lr->r->n_steps++;
}

static void ldefaults(struct lroutine *lr, const struct ynode *root)
{
	const struct ynode *k = ynode_find(root, "defaults");
	if (!k || k->value->bad)
		return;
	if (k->value->kind != YNODE_MAP) {
		lwrong_type(&lr->c, k, "a mapping");
		return;
	}
	const struct ynode *m = k->value;
	struct routine *r = lr->r;
	lcheck_keys(&lr->c, m, loader_defaults_keys, "defaults");
	lget_duration(&lr->c, m, "get_ready", routine_rule_transition,
		      &r->get_ready_ms);
	lget_duration(&lr->c, m, "switch", routine_rule_transition,
		      &r->switch_ms);
	lget_duration(&lr->c, m, "set_rest", routine_rule_transition,
		      &r->set_rest_ms);
}

/* The top of a file must be a mapping; what says so names what it needs. */
static bool lroot_is_map(struct lctx *c, const struct ynode *root,
			 const char *what, const char *needs)
{
	if (ynode_is_null(root)) {
		lerr(c, NULL, "empty file; a %s needs %s", what, needs);
		return false;
	}
	if (root->bad)
		return false;
	if (root->kind != YNODE_MAP) {
		char desc[YDOC_QUOTE_BUF];
		lerr(c, root, "a %s must be a mapping, not %s", what,
		     ynode_describe(root, desc, sizeof desc));
		return false;
	}
	return true;
}

static void lroutine(struct lroutine *lr, const struct ynode *root)
{
	struct lctx *c = &lr->c;
	struct routine *r = lr->r;
	if (!lroot_is_map(c, root, "routine", "'name' and 'steps'"))
		return;
	lcheck_keys(c, root, loader_routine_keys, "routine");
	if (lget_text(c, root, "name", true, &r->name) == LV_ABSENT)
		lmissing(c, root, "name", "routine");
	lget_text(c, root, "summary", false, &r->summary);
	lget_text(c, root, "description", false, &r->description);
	const struct ynode *dur = ynode_find(root, "duration");
	if (lget_duration(c, root, "duration", lrule_target, &r->duration_ms) ==
	    LV_OK)
		r->duration_pos = (struct srcpos){ dur->value->line,
						   dur->value->col };
	lget_strlist(c, root, "tags", &r->tags);
	lget_strlist(c, root, "equipment", &r->equipment);
	ldefaults(lr, root);
	const struct ynode *exs = ynode_find(root, "exercises");
	if (exs)
		lr->n_own = lexercise_map(c, exs, &lr->own);
	lsteps(lr, root);
}

/* The file's base name without .yaml / .yml. */
static const char *lroutine_id(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(base + n - 4, ".yml") == 0)
		n -= 4;
	return arena_strndup(a, base, n);
}

static int lload_routine(const char *path, const char *buf, size_t len,
			 const struct library *const *libs, size_t n_libs,
			 struct routine *r, struct diags *d)
{
	routine_init(r);
	struct lroutine lr = { .c = { .path = path, .a = &r->arena },
			       .r = r, .libs = libs, .n_libs = n_libs,
			       .suggestions = LOADER_SUGGEST_IDS };
	r->path = arena_strdup(&r->arena, path);
	r->id = lroutine_id(&r->arena, path);
	lr.c.oom = !r->path || !r->id;
	struct ydoc doc;
	int rc = buf ? ydoc_parse(&doc, path, buf, len, &lr.c.diags)
		     : ydoc_load_file(&doc, path, &lr.c.diags);
	if (rc == 0)
		lroutine(&lr, doc.root);
	ydoc_free(&doc);
	return lfinish(&lr.c, d);
}

int loader_load_routine(const char *path, const struct library *const *libs,
			size_t n_libs, struct routine *r, struct diags *d)
{
	return lload_routine(path, NULL, 0, libs, n_libs, r, d);
}

int loader_parse_routine(const char *path, const char *buf, size_t len,
			 const struct library *const *libs, size_t n_libs,
			 struct routine *r, struct diags *d)
{
	return lload_routine(path, buf ? buf : "", buf ? len : 0, libs, n_libs,
			     r, d);
}

/* ---- libraries ----------------------------------------------------------- */

static void llibrary(struct lctx *c, const struct ynode *root,
		     struct library *lib)
{
	if (!lroot_is_map(c, root, "library", "'exercises'"))
		return;
	lcheck_keys(c, root, loader_library_keys, "library");
	const struct ynode *k = ynode_find(root, "exercises");
	if (!k) {
		lmissing(c, root, "exercises", "library");
		return;
	}
	struct lowned *own;
	size_t n = lexercise_map(c, k, &own);
	lib->v = arena_alloc(c->a, (n ? n : 1) * sizeof *lib->v);
	lib->broken = arena_alloc(c->a, (n ? n : 1) * sizeof *lib->broken);
	if (!lib->v || !lib->broken) {
		c->oom = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (own[i].ex)
			lib->v[lib->n++] = *own[i].ex;
		else
			lib->broken[lib->n_broken++] =
				(struct library_broken){ own[i].id, own[i].pos };
	}
}

/* buf NULL: read the file at path. */
static int lload_library(const char *path, const char *buf, size_t len,
			 struct library *lib, struct diags *d)
{
	memset(lib, 0, sizeof *lib);
	struct lctx c = { .path = path, .a = &lib->arena };
	lib->path = arena_strdup(&lib->arena, path);
	c.oom = !lib->path;
	struct ydoc doc;
	int rc = buf ? ydoc_parse(&doc, path, buf, len, &c.diags)
		     : ydoc_load_file(&doc, path, &c.diags);
	if (rc == 0)
		llibrary(&c, doc.root, lib);
	ydoc_free(&doc);
	return lfinish(&c, d);
}

int loader_load_library(const char *path, struct library *lib,
			struct diags *d)
{
	return lload_library(path, NULL, 0, lib, d);
}

int loader_parse_library(const char *path, const char *buf, size_t len,
			 struct library *lib, struct diags *d)
{
	return lload_library(path, buf ? buf : "", buf ? len : 0, lib, d);
}

void library_free(struct library *lib)
{
	arena_free(&lib->arena);
	memset(lib, 0, sizeof *lib);
}

const struct exercise *library_find(const struct library *lib,
				    const char *id)
{
	for (size_t i = 0; i < lib->n; i++)
		if (lib->v[i].id && strcmp(lib->v[i].id, id) == 0)
			return &lib->v[i];
	return NULL;
}

bool loader_is_library_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "exercises.yaml") == 0 ||
	       strcmp(base, "exercises.yml") == 0;
}
