/* loader — routine and exercise-library files into struct routine and
 * struct library. ydoc turns the file into a tree of positioned nodes under
 * the safety limits; the tables below (schema.h) check the tree against the
 * format, and the functions after them the rules that join several keys.
 * Every problem is reported, sorted by position.
 *
 * The format, version 1, as this loader reads it:
 *   routine: name (required string), summary, description, duration (the
 *     declared total, 0.5s to 4h), tags and equipment (lists of strings),
 *     defaults {get_ready, switch, set_rest} (0 leaves a transition out),
 *     exercises (id -> definition; wins over the libraries), steps
 *     (required, 1 to 500 items).
 *   exercise: name (required), summary, how, area, figure (lists of
 *     strings), phases (1 to 16 of {cue, time}, both required), position
 *     (routine_position_names), mirror (bool), rep_word ("breath" or
 *     "stretch/stretches"), and the step defaults hold, reps, sides and
 *     side_word (side or direction: what the sides are).
 *   step: exactly one of `use: ID`, `exercise: {definition}` or
 *     `rest: DURATION`. A rest step takes nothing else. An exercise step is
 *     a hold or reps: its own `hold` or `reps` (not both), else the
 *     exercise's default (an error when it has both or neither). Reps need
 *     the exercise's phases (then no tempo), or a `tempo` (one phase-less
 *     rep), or `self_paced: true` (tempo = the step's tempo, else the sum of
 *     the phases). self_paced: true and tempo belong to reps steps only.
 *     sides: the step's, else the exercise's, else none; side_word goes
 *     with them (the step's sides: the step's word, else side); position:
 *     the step's, else the exercise's; sets default 1;
 *     get_ready, switch, set_rest: the step's, else the routine's defaults.
 *   library: one key, `exercises:`, a mapping of id to definition.
 * Scalars: any non-null scalar is a string (trailing line breaks of block
 * scalars are dropped); durations go through duration_parse; whole numbers
 * are [-]digits only; booleans are true/false (True, TRUE...). A null
 * (empty, ~, null) is never a value. Unknown keys are errors, with a
 * "did you mean" for a known key within 2 edits. The limits are
 * routine.h's; the messages that state them are made from them. */
#include "loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "suggest.h"
#include "ydoc.h"

/* The one function of this file a play runs (the catalog's scan). */
#define LOADER_SUGGEST_IDS 16   /* unknown ids that get one (each scans all) */

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

/* One routine file being read (its schema's user). */
struct lroutine {
	struct schema c;
	struct routine *r;
	struct library *const *libs;
	size_t n_libs;
	struct lowned *own;
	size_t n_own;
	struct lcopy *copies;
	int suggestions;        /* searches left for unknown ids */
};

/* ---- the tables ---------------------------------------------------------- */

static bool lsides_distinct(struct schema *s, const struct ynode *seq,
			    const void *list);
static bool luse(struct schema *s, const struct ynode *key,
		 const struct schema_field *f, void *field);
static bool linline(struct schema *s, const struct ynode *key,
		    const struct schema_field *f, void *field);
static void lstep(struct schema *s, const struct ynode *map, void *dest);
static bool lown_exercises(struct schema *s, const struct ynode *key,
			   const struct schema_field *f, void *field);
static bool llib_exercises(struct schema *s, const struct ynode *key,
			   const struct schema_field *f, void *field);
static bool lrep_word(struct schema *s, const struct ynode *key,
		      const struct schema_field *f, void *field);

/* What the rows name (schema.h: struct schema_set), by index. */
enum { LT_NONE, LT_PHASES, LT_REP_WORD, LT_SIDES, LT_NOT_IN_REST, LT_KIND,
       LT_USE, LT_EXERCISES, LT_STEPS, LT_N };
static const char *const ltext[LT_N] = {
	[LT_PHASES] = "a list of {cue, time}",
	[LT_REP_WORD] = "a word of a-z (breath) or singular/plural "
			"(stretch/stretches)",
	[LT_SIDES] = "must list {min} to {max} sides",
	[LT_NOT_IN_REST] = "a rest step takes no '{key}'",
	[LT_KIND] = "a step is exactly one of hold, reps or rest",
	[LT_USE] = "an exercise id",
	[LT_EXERCISES] = "a mapping of id to exercise",
	[LT_STEPS] = "must have at most {max} items",
};
enum { LN_NONE, LN_SIDE_WORD, LN_POSITION, LN_N };
static const char *const *const lnames[LN_N] = {
	[LN_SIDE_WORD] = routine_side_word_names,
	[LN_POSITION] = routine_position_names,
};
enum { LR_NONE, LR_REP_WORD, LR_USE, LR_INLINE, LR_OWN, LR_LIB, LR_N };
static const schema_read_fn lread[LR_N] = {
	[LR_REP_WORD] = lrep_word, [LR_USE] = luse, [LR_INLINE] = linline,
	[LR_OWN] = lown_exercises, [LR_LIB] = llib_exercises,
};
enum { LC_NONE, LC_SIDES, LC_N };
static const schema_check_fn lcheck[LC_N] = { [LC_SIDES] = lsides_distinct };
enum { LM_NONE, LM_PHASE, LM_STEP, LM_DEFAULTS, LM_N };

#define LDURATION   .min = ROUTINE_MIN_MS, .max = ROUTINE_MAX_MS
#define LTRANSITION LDURATION, .flags = SCHEMA_ZERO   /* 0: left out */
#define LREPS       .min = 1, .max = ROUTINE_MAX_REPS
#define LSIDES      .min = 1, .max = ROUTINE_MAX_SIDES, .rule = LT_SIDES, \
		    .check = LC_SIDES

/* A step is one of two variants, told apart by its source key. */
#define LSTEP_EXERCISE 1u
#define LSTEP_REST     2u
#define LNOT_IN_REST .only = LSTEP_EXERCISE, .elsewhere = LT_NOT_IN_REST
#define LKIND        .only = LSTEP_EXERCISE, .elsewhere = LT_KIND

static const struct schema_field lphase_fields[] = {
	{ SCHEMA_FIELD("cue", STRING, struct phase, cue),
	  .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY },
	{ SCHEMA_FIELD("time", DURATION, struct phase, ms), LDURATION,
	  .flags = SCHEMA_REQUIRED },
	SCHEMA_END
};
static const struct schema_map lphase_map = {
	.place = "phase", .must = "a phase must be a mapping with cue and time",
	.fields = lphase_fields, .size = sizeof(struct phase)
};

static const struct schema_field lexercise_fields[] = {
	{ SCHEMA_FIELD("name", STRING, struct exercise, name),
	  .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY },
	{ SCHEMA_FIELD("summary", STRING, struct exercise, summary) },
	{ SCHEMA_FIELD("how", STRLIST, struct exercise, how) },
	{ SCHEMA_FIELD("area", STRLIST, struct exercise, area) },
	{ SCHEMA_FIELD("figure", STRLIST, struct exercise, figure) },
	{ SCHEMA_FIELD("phases", LIST, struct exercise, phases),
	  .count = offsetof(struct exercise, n_phases), .map = LM_PHASE,
	  .min = 1, .max = ROUTINE_MAX_PHASES, .what = LT_PHASES },
	{ SCHEMA_FIELD("hold", DURATION, struct exercise, hold_ms), LDURATION },
	{ SCHEMA_FIELD("reps", INT, struct exercise, reps), LREPS },
	{ SCHEMA_FIELD("sides", STRLIST, struct exercise, sides), LSIDES },
	{ SCHEMA_FIELD("side_word", ENUM, struct exercise, side_word),
	  .names = LN_SIDE_WORD },
	{ SCHEMA_FIELD("position", ENUM, struct exercise, position),
	  .names = LN_POSITION },
	{ SCHEMA_FIELD("mirror", BOOL, struct exercise, mirror) },
	{ SCHEMA_FIELD("rep_word", CUSTOM, struct exercise, rep_word),
	  .read = LR_REP_WORD, .what = LT_REP_WORD },
	SCHEMA_END
};
static const struct schema_map lexercise_map = {
	.place = "exercise", .must = "an exercise must be a mapping",
	.fields = lexercise_fields, .size = sizeof(struct exercise)
};

static const struct schema_field lstep_fields[] = {
	{ SCHEMA_FIELD("use", CUSTOM, struct step, exercise), .read = LR_USE,
	  .what = LT_USE, .only = LSTEP_EXERCISE },
	{ SCHEMA_FIELD("exercise", CUSTOM, struct step, exercise),
	  .read = LR_INLINE, .only = LSTEP_EXERCISE },
	{ SCHEMA_FIELD("rest", DURATION, struct step, rest_ms), LDURATION,
	  .only = LSTEP_REST },
	{ SCHEMA_FIELD("hold", DURATION, struct step, hold_ms), LDURATION, LKIND },
	{ SCHEMA_FIELD("reps", INT, struct step, reps), LREPS, LKIND },
	{ SCHEMA_FIELD("self_paced", BOOL, struct step, self_paced),
	  LNOT_IN_REST },
	{ SCHEMA_FIELD("tempo", DURATION, struct step, tempo_ms), LDURATION,
	  LNOT_IN_REST },
	{ SCHEMA_FIELD("sides", STRLIST, struct step, sides), LSIDES,
	  LNOT_IN_REST },
	{ SCHEMA_FIELD("side_word", ENUM, struct step, side_word),
	  .names = LN_SIDE_WORD, LNOT_IN_REST },
	{ SCHEMA_FIELD("position", ENUM, struct step, position),
	  .names = LN_POSITION, LNOT_IN_REST },
	{ SCHEMA_FIELD("sets", INT, struct step, sets), .min = 1,
	  .max = ROUTINE_MAX_SETS, LNOT_IN_REST },
	{ SCHEMA_FIELD("get_ready", DURATION, struct step, get_ready_ms),
	  LTRANSITION, LNOT_IN_REST },
	{ SCHEMA_FIELD("switch", DURATION, struct step, switch_ms), LTRANSITION,
	  LNOT_IN_REST },
	{ SCHEMA_FIELD("set_rest", DURATION, struct step, set_rest_ms),
	  LTRANSITION, LNOT_IN_REST },
	SCHEMA_END
};
static const struct schema_map lstep_map = {
	.place = "step", .must = "a step must be a mapping",
	.fields = lstep_fields, .size = sizeof(struct step), .read = lstep
};

/* Nested, but its keys are the routine's own members. */
static const struct schema_field ldefaults_fields[] = {
	{ SCHEMA_FIELD("get_ready", DURATION, struct routine, get_ready_ms),
	  LTRANSITION },
	{ SCHEMA_FIELD("switch", DURATION, struct routine, switch_ms),
	  LTRANSITION },
	{ SCHEMA_FIELD("set_rest", DURATION, struct routine, set_rest_ms),
	  LTRANSITION },
	SCHEMA_END
};
static const struct schema_map ldefaults_map = {
	.place = "defaults", .must = "defaults must be a mapping",
	.fields = ldefaults_fields, .size = sizeof(struct routine)
};

static const struct schema_field lroutine_fields[] = {
	{ SCHEMA_FIELD("name", STRING, struct routine, name),
	  .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY },
	{ SCHEMA_FIELD("summary", STRING, struct routine, summary) },
	{ SCHEMA_FIELD("description", STRING, struct routine, description) },
	{ SCHEMA_FIELD("duration", DURATION, struct routine, duration_ms),
	  .min = ROUTINE_MIN_MS, .max = ROUTINE_MAX_PLAN_MS,
	  .pos = SCHEMA_POS(struct routine, duration_pos) },
	{ SCHEMA_FIELD("tags", STRLIST, struct routine, tags) },
	{ SCHEMA_FIELD("equipment", STRLIST, struct routine, equipment) },
	{ SCHEMA_KEY("defaults", MAP), .map = LM_DEFAULTS },
	{ SCHEMA_KEY("exercises", CUSTOM), .read = LR_OWN,
	  .what = LT_EXERCISES },   /* before steps use them */
	{ SCHEMA_FIELD("steps", LIST, struct routine, steps),
	  .count = offsetof(struct routine, n_steps), .map = LM_STEP,
	  .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY, .min = 1,
	  .max = ROUTINE_MAX_STEPS, .rule = LT_STEPS },
	SCHEMA_END
};
static const struct schema_map lroutine_map = {
	.place = "routine", .must = "a routine must be a mapping",
	.fields = lroutine_fields, .size = sizeof(struct routine)
};

static const struct schema_field llibrary_fields[] = {
	{ SCHEMA_KEY("exercises", CUSTOM), .flags = SCHEMA_REQUIRED,
	  .read = LR_LIB, .what = LT_EXERCISES },
	SCHEMA_END
};
static const struct schema_map llibrary_map = {
	.place = "library", .must = "a library must be a mapping",
	.fields = llibrary_fields, .size = sizeof(struct library)
};

static const struct schema_map *const lmaps[LM_N] = {
	[LM_PHASE] = &lphase_map, [LM_STEP] = &lstep_map,
	[LM_DEFAULTS] = &ldefaults_map,
};
static const struct schema_set lset = {
	.text = ltext, .names = lnames, .read = lread, .check = lcheck,
	.map = lmaps,
};

/* ---- exercises ----------------------------------------------------------- */

/* Side labels are shown on screen: each must say something, once. */
static bool lsides_distinct(struct schema *s, const struct ynode *seq,
			    const void *list)
{
	(void)list;   /* the same strings as seq's items */
	for (const struct ynode *a = seq->head; a; a = a->next) {
		if (schema_is_blank(a->str)) {
			schema_error(s, a, "a side label must not be empty");
			return false;
		}
		for (const struct ynode *b = seq->head; b != a; b = b->next) {
			if (strcmp(a->str, b->str) == 0) {
				char q[DIAG_QUOTE_BUF];
				diag_quote(a->str, a->len, q, sizeof q);
				schema_error(s, a, "side %s is listed twice", q);
				return false;
			}
		}
	}
	return true;
}

/* Letters a-z at p, up to end: how many (0 when another byte comes
 * first). */
static size_t lword(const char *p, const char *end)
{
	size_t n = 0;
	while (p + n < end && p[n] >= 'a' && p[n] <= 'z')
		n++;
	return n;
}

/* `rep_word: breath` (the plural adds an s) or `rep_word: stretch/stretches`:
 * one or two words of 1 to ROUTINE_MAX_REP_WORD letters a-z. */
static bool lrep_word(struct schema *s, const struct ynode *key,
		      const struct schema_field *f, void *field)
{
	const struct ynode *v = key->value;
	if (!schema_is_text(v)) {
		schema_wrong_type(s, key, schema_text(s, f->what));
		return false;
	}
	const char *end = v->str + v->len;
	size_t one = lword(v->str, end), many = 0;
	bool two = v->str + one < end && v->str[one] == '/';
	if (two)
		many = lword(v->str + one + 1, end);
	size_t used = one + (two ? 1 + many : 0);
	if (one == 0 || one > ROUTINE_MAX_REP_WORD || (two && many == 0) ||
	    many > ROUTINE_MAX_REP_WORD || used != v->len) {
		char q[DIAG_QUOTE_BUF];
		schema_error(s, v, "rep_word must be %s, at most %d letters "
			     "each, not %s", schema_text(s, f->what),
			     ROUTINE_MAX_REP_WORD,
			     diag_quote(v->str, v->len, q, sizeof q));
		return false;
	}
	struct rep_word *w = field;
	char *plural = arena_alloc(s->a, (two ? many : one + 1) + 1);
	w->one = arena_strndup(s->a, v->str, one);
	w->many = plural;
	if (!w->one || !plural) {
		s->oom = true;
		return false;
	}
	if (two) {
		memcpy(plural, v->str + one + 1, many);
		plural[many] = '\0';
	} else {
		memcpy(plural, v->str, one);
		memcpy(plural + one, "s", 2);
	}
	return true;
}

/* Fills ex from a definition; what names it in a type error. True when
 * it had no errors. */
static bool lexercise(struct schema *s, const struct ynode *def,
		      const char *id, const char *what, struct exercise *ex)
{
	size_t before = s->diags.errors;
	memset(ex, 0, sizeof *ex);
	ex->position = ROUTINE_POS_NONE;
	ex->id = id;
	ex->pos = (struct srcpos){ def->line, def->col };
	if (def->bad)
		return false;
	if (def->kind != YNODE_MAP) {
		char desc[DIAG_QUOTE_BUF];
		schema_error(s, def, "%s must be a mapping, not %s", what,
			     ynode_describe(def, desc, sizeof desc));
		return false;
	}
	schema_read(s, def, &lexercise_map, ex);
	/* A value refused while parsing was reported then, and is missing. */
	return s->diags.errors == before && !ynode_has_bad(def);
}

/* An `exercises:` mapping of id to definition: each entry into owned[]
 * (ex NULL when the definition had errors). Returns the count. */
static size_t lexercise_ids(struct schema *s, const struct ynode *key,
			    const char *what, struct lowned **owned)
{
	const struct ynode *v = key->value;
	*owned = NULL;
	if (v->kind != YNODE_MAP) {
		schema_wrong_type(s, key, what);
		return 0;
	}
	struct lowned *o = arena_alloc(s->a, (v->n ? v->n : 1) * sizeof *o);
	struct exercise *exs = arena_alloc(s->a, (v->n ? v->n : 1) * sizeof *exs);
	if (!o || !exs) {
		s->oom = true;
		return 0;
	}
	size_t n = 0;
	for (const struct ynode *k = v->head; k; k = k->next) {
		if (k->bad)
			continue;
		char name[DIAG_QUOTE_BUF + 16], q[DIAG_QUOTE_BUF];
		snprintf(name, sizeof name, "exercise %s",
			 diag_quote(k->str, k->len, q, sizeof q));
		o[n].id = schema_strdup(s, k);
		o[n].pos = (struct srcpos){ k->line, k->col };
		o[n].ex = lexercise(s, k->value, o[n].id, name, &exs[n])
				  ? &exs[n]
				  : NULL;
		n++;
	}
	*owned = o;
	return n;
}

/* The routine's own `exercises:`, kept for its steps' `use:`. */
static bool lown_exercises(struct schema *s, const struct ynode *key,
			   const struct schema_field *f, void *field)
{
	(void)field;
	struct lroutine *lr = s->user;
	lr->n_own = lexercise_ids(s, key, schema_text(s, f->what), &lr->own);
	return true;
}

static void lstrlist_copy(struct schema *c, struct strlist *dst,
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

static const char *lcopy_str(struct schema *c, const char *s)
{
	char *p = arena_strdup(c->a, s);
	c->oom |= s && !p;
	return p;
}

/* A deep copy of a library exercise into the routine's arena. */
static struct exercise *lexercise_copy(struct schema *c,
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
	ex->rep_word.one = lcopy_str(c, src->rep_word.one);
	ex->rep_word.many = lcopy_str(c, src->rep_word.many);
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

/* Library lib has the id, but its definition had errors: reported, as
 * it overrides whatever a lower library defines. */
static bool lbroken_id(struct lroutine *lr, struct library *lib,
		       const struct ynode *id)
{
	const struct srcpos *at = lib ? library_broken_at(lib, id->str) : NULL;
	if (!at)
		return false;
	char q[DIAG_QUOTE_BUF];
	schema_error(&lr->c, id, "exercise %s has errors in %s:%d:%d; fix them there",
		     diag_quote(id->str, id->len, q, sizeof q), lib->path, at->line,
		     at->col);
	return true;
}

static void lsuggest_lib(struct suggest *s, const struct library *lib);

static void lsuggest_id(struct lroutine *lr, const struct ynode *id)
{
	struct suggest s = suggest_start(id->str, id->len);
	if (lr->suggestions-- > 0) {   /* bounds the work on a hostile file */
		for (size_t i = 0; i < lr->n_own; i++)
			suggest_offer(&s, lr->own[i].id);
		for (size_t l = lr->n_libs; l-- > 0;)
			if (lr->libs[l])
				lsuggest_lib(&s, lr->libs[l]);
	}
	char q[DIAG_QUOTE_BUF], b[DIAG_QUOTE_BUF];
	diag_quote(id->str, id->len, q, sizeof q);
	if (s.best)
		schema_error(&lr->c, id, "unknown exercise %s; did you mean %s?",
			     q, diag_quote(s.best, strlen(s.best), b, sizeof b));
	else
		schema_error(&lr->c, id, "unknown exercise %s", q);
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

/* ---- steps --------------------------------------------------------------- */

/* `use: ID`: the exercise it names. */
static bool luse(struct schema *s, const struct ynode *key,
		 const struct schema_field *f, void *field)
{
	if (!schema_is_text(key->value)) {
		schema_wrong_type(s, key, schema_text(s, f->what));
		return false;
	}
	const struct exercise *ex = lresolve(s->user, key->value);
	memcpy(field, &ex, sizeof ex);
	return ex != NULL;
}

/* `exercise: {definition}`: an exercise of the step's own. */
static bool linline(struct schema *s, const struct ynode *key,
		    const struct schema_field *f, void *field)
{
	(void)f;
	struct exercise *ex = arena_alloc(s->a, sizeof *ex);
	if (!ex) {
		s->oom = true;
		return false;
	}
	if (!lexercise(s, key->value, NULL, "exercise", ex))
		return false;
	const struct exercise *done = ex;
	memcpy(field, &done, sizeof done);
	return true;
}

/* The kind of an exercise step, from its hold/reps or the exercise's. */
static void lstep_kind(struct schema *c, const struct ynode *s,
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
		schema_error(c, later,
			     "a step is exactly one of hold, reps or rest");
		return;
	}
	if (hold || reps) {
		st->kind = hold ? STEP_HOLD : STEP_REPS;
		return;
	}
	if (schema_misspelled(c, s, "hold") || schema_misspelled(c, s, "reps"))
		return;   /* the unknown key says it */
	char q[DIAG_QUOTE_BUF];
	const char *label = lex_label(ex);
	diag_quote(label, strlen(label), q, sizeof q);
	if (ex->hold_ms && ex->reps) {
		schema_error(c, s, "a step needs hold or reps; exercise %s "
			     "has defaults for both", q);
	} else if (ex->hold_ms || ex->reps) {
		st->kind = ex->hold_ms ? STEP_HOLD : STEP_REPS;
		st->hold_ms = ex->hold_ms;
		st->reps = ex->reps;
	} else {
		schema_error(c, s, "a step needs hold or reps; exercise %s "
			     "has no default", q);
	}
}

/* Whether the step's inline exercise has a misspelled `phases`. */
static bool lphases_misspelled(const struct schema *c, const struct ynode *s)
{
	const struct ynode *def = ynode_find(s, "exercise");
	return def && schema_misspelled(c, def->value, "phases");
}

/* How long one rep takes when it is not the exercise's phases. */
static void lstep_tempo(struct schema *c, const struct ynode *s,
			struct step *st, const struct exercise *ex)
{
	const struct ynode *tempo = ynode_find(s, "tempo");
	const struct ynode *paced = ynode_find(s, "self_paced");
	if (st->kind == STEP_HOLD) {
		if (schema_misspelled(c, s, "reps"))
			return;   /* the unknown key says it; the kind is a guess */
		if (paced && st->self_paced)
			schema_error(c, paced, "self_paced is only for reps steps");
		if (tempo)
			schema_error(c, tempo, "tempo is only for reps steps");
		return;
	}
	int64_t sum = 0;
	for (size_t i = 0; i < ex->n_phases; i++)
		sum += ex->phases[i].ms;
	if (!tempo && schema_misspelled(c, s, "tempo"))
		return;   /* the unknown key says it */
	if (st->self_paced) {
		if (!tempo && !sum)
			schema_error(c, paced, "a self-paced step needs a "
				     "tempo or an exercise with phases");
		if (!tempo)
			st->tempo_ms = sum;
	} else if (ex->n_phases && tempo) {
		schema_error(c, tempo, "tempo is only for self-paced steps "
			     "or exercises without phases");
	} else if (!ex->n_phases && !tempo &&
		   !schema_misspelled(c, s, "self_paced") &&
		   !lphases_misspelled(c, s)) {
		schema_error(c, s, "reps need phases in the exercise, a tempo, "
			     "or self_paced: true");
	}
}

static void lexercise_step(struct lroutine *lr, const struct ynode *s,
			   struct step *st)
{
	st->get_ready_ms = lr->r->get_ready_ms;
	st->switch_ms = lr->r->switch_ms;
	st->set_rest_ms = lr->r->set_rest_ms;
	schema_read_fields(&lr->c, s, &lstep_map, st, LSTEP_EXERCISE);
	const struct exercise *ex = st->exercise;
	if (!ex)
		return;
	if (!ynode_find(s, "sides")) {   /* the labels with their meaning */
		st->sides = ex->sides;
		if (!ynode_find(s, "side_word"))
			st->side_word = ex->side_word;
	}
	if (st->position == ROUTINE_POS_NONE)
		st->position = ex->position;
	size_t before = lr->c.diags.errors;
	lstep_kind(&lr->c, s, st, ex);
	if (lr->c.diags.errors == before)
		lstep_tempo(&lr->c, s, st, ex);
}

/* The step's source: exactly one of use, exercise, rest. */
static const struct ynode *lstep_source(struct schema *c,
					const struct ynode *s)
{
	const struct ynode *first = NULL;
	bool ok = true;
	for (const struct ynode *k = s->head; k; k = k->next) {
		if (k->bad || (strcmp(k->str, "use") && strcmp(k->str, "exercise") &&
			       strcmp(k->str, "rest")))
			continue;
		if (first) {
			schema_error(c, k, "a step takes only one of 'use', "
				     "'exercise' or 'rest'");
			ok = false;
		} else {
			first = k;
		}
	}
	if (!first && !schema_misspelled(c, s, "use") &&
	    !schema_misspelled(c, s, "exercise") &&
	    !schema_misspelled(c, s, "rest"))
		schema_error(c, s, "a step needs one of 'use', 'exercise' or "
			     "'rest'");
	return ok ? first : NULL;
}

/* A step of the routine's list (lstep_map's reader). */
static void lstep(struct schema *s, const struct ynode *map, void *dest)
{
	struct lroutine *lr = s->user;
	struct step *st = dest;
	st->pos = (struct srcpos){ map->line, map->col };
	st->sets = 1;
	st->position = ROUTINE_POS_NONE;
	schema_check_keys(s, map, &lstep_map);
	const struct ynode *src = lstep_source(s, map);
	if (src && strcmp(src->str, "rest") == 0) {
		st->kind = STEP_REST;
		schema_read_fields(s, map, &lstep_map, st, LSTEP_REST);
	} else if (src) {
		lexercise_step(lr, map, st);
	}
}

/* ---- routines ------------------------------------------------------------ */

static void lroutine(struct schema *s, const struct ynode *root)
{
	struct lroutine *lr = s->user;
	schema_read_root(s, root, &lroutine_map, lr->r);
	const struct ynode *k = ynode_find(root, "steps");
	if (k)   /* where a plan's own errors point */
		lr->r->steps_pos = (struct srcpos){ k->line, k->col };
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

/* buf NULL: read the file at path. */
static int lload_routine(const char *path, const char *buf, size_t len,
			 struct library *const *libs, size_t n_libs,
			 struct routine *r, struct diags *d)
{
	routine_init(r);
	struct lroutine lr = { .c = { .path = path, .a = &r->arena, .set = &lset },
			       .r = r, .libs = libs, .n_libs = n_libs,
			       .suggestions = LOADER_SUGGEST_IDS };
	lr.c.user = &lr;
	r->path = arena_strdup(&r->arena, path);
	r->id = lroutine_id(&r->arena, path);
	lr.c.oom = !r->path || !r->id;
	return schema_load(&lr.c, buf, len, lroutine, d);
}

int loader_load_routine(const char *path, struct library *const *libs,
			size_t n_libs, struct routine *r, struct diags *d)
{
	return lload_routine(path, NULL, 0, libs, n_libs, r, d);
}

int loader_parse_routine(const char *path, const char *buf, size_t len,
			 struct library *const *libs, size_t n_libs,
			 struct routine *r, struct diags *d)
{
	return lload_routine(path, buf ? buf : "", buf ? len : 0, libs, n_libs,
			     r, d);
}

/* ---- libraries ----------------------------------------------------------- */

/* The library's `exercises:`: the valid ones, and the ids of the others. */
static bool llib_exercises(struct schema *s, const struct ynode *key,
			   const struct schema_field *f, void *field)
{
	struct library *lib = field;
	struct lowned *own;
	size_t n = lexercise_ids(s, key, schema_text(s, f->what), &own);
	lib->v = arena_alloc(s->a, (n ? n : 1) * sizeof *lib->v);
	lib->broken = arena_alloc(s->a, (n ? n : 1) * sizeof *lib->broken);
	if (!lib->v || !lib->broken) {
		s->oom = true;
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (own[i].ex)
			lib->v[lib->n++] = *own[i].ex;
		else
			lib->broken[lib->n_broken++] =
				(struct library_broken){ own[i].id, own[i].pos };
	}
	return true;
}

static void llibrary(struct schema *s, const struct ynode *root)
{
	schema_read_root(s, root, &llibrary_map, s->user);
}

/* buf NULL: read the file at path. */
static int lload_library(const char *path, const char *buf, size_t len,
			 struct library *lib, struct diags *d)
{
	memset(lib, 0, sizeof *lib);
	struct schema s = { .path = path, .a = &lib->arena, .set = &lset,
			    .user = lib };
	lib->path = arena_strdup(&lib->arena, path);
	s.oom = !lib->path;
	return schema_load(&s, buf, len, llibrary, d);
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

/* ---- opened libraries ------------------------------------------------------ */

/* One id of an opened library: where its lines are, and once read, what
 * they hold. */
struct lentry {
	const char *id;
	size_t from, to;           /* its bytes in the text */
	int line;                  /* of its first line */
	struct library *one;       /* once read: the library of this entry alone */
};

struct library_lazy {
	char *text;                /* the file, malloc'd; NULL once whole */
	size_t len;
	struct lentry *v;          /* sorted by id */
	size_t n;
	struct library *whole;     /* the file parsed whole, after all */
};

#define LLAZY_HEAD "exercises:\n"

/* The indentation of the line at p (spaces), its end in *eol. */
static size_t lscan_line(const char *p, const char *end, const char **eol)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*eol = nl ? nl : end;
	size_t n = 0;
	while (p + n < *eol && p[n] == ' ')
		n++;
	return n;
}

/* "id:" then the end of the line or a space: the id's length, else 0. */
static size_t lscan_id(const char *p, const char *eol)
{
	size_t n = 0;
	while (p + n < eol && (p[n] == '-' || p[n] == '_' ||
			       (p[n] >= '0' && p[n] <= '9') ||
			       (p[n] >= 'a' && p[n] <= 'z') ||
			       (p[n] >= 'A' && p[n] <= 'Z')))
		n++;
	if (n == 0 || p + n == eol || p[n] != ':' ||
	    (p + n + 1 < eol && p[n + 1] != ' '))
		return 0;
	return n;
}

/* "exercises:", then nothing but spaces and a comment. */
static bool lscan_head(const char *p, const char *eol)
{
	size_t n = sizeof LLAZY_HEAD - 2;
	if ((size_t)(eol - p) < n || memcmp(p, LLAZY_HEAD, n) != 0)
		return false;
	for (p += n; p < eol && *p == ' '; p++)
		;
	return p == eol || *p == '#';
}

static int lentry_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct lentry *)pa)->id,
		      ((const struct lentry *)pb)->id);
}

/* An entry whose first line starts at p (line), its id the n bytes at
 * id. */
static bool lscan_add(struct library *lib, struct library_lazy *z,
		      size_t *cap, const char *p, const char *id, size_t n,
		      int line)
{
	if (z->n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;
		struct lentry *v = arena_alloc(&lib->arena, c * sizeof *v);
		if (!v)
			return false;
		if (z->n)
			memcpy(v, z->v, z->n * sizeof *v);
		z->v = v, *cap = c;
	}
	if (z->n)
		z->v[z->n - 1].to = (size_t)(p - z->text);
	struct lentry *e = &z->v[z->n];
	*e = (struct lentry){ .id = arena_strndup(&lib->arena, id, n),
			      .line = line, .from = (size_t)(p - z->text) };
	z->n += e->id != NULL;
	return e->id != NULL;
}

/* ---- what the scan follows of YAML: enough to know that no node goes on
 * past its line (libyaml does not hold quoted scalars and flow
 * collections to the indentation, so such a node could run across the
 * lines of several entries), and where block scalars' lines are. */

/* A block scalar's lines go on while more indented than `parent` (and,
 * once the first one or its indicator set it, at least `content`). */
struct lblock {
	bool on;
	size_t parent, content;
};

/* Past a quoted scalar that opens at p: its end on this line, or NULL. */
static const char *lscan_quoted(const char *p, const char *eol)
{
	char q = *p++;
	while (p < eol) {
		if (q == '"' && *p == '\\') {
			p += 2;   /* an escape; one at the end escapes the line break */
			continue;
		}
		if (*p == q && q == '\'' && p + 1 < eol && p[1] == '\'') {
			p += 2;
			continue;
		}
		if (*p == q)
			return p + 1;
		p++;
	}
	return NULL;
}

static bool lflow_char(char c)
{
	return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/* ':' at p ends a key: a space, the line's end or (in flow) a flow
 * character follows. */
static bool lscan_colon(const char *p, const char *eol, bool flow)
{
	return *p == ':' && (p + 1 == eol || p[1] == ' ' || (flow && lflow_char(p[1])));
}

static bool lscan_comment(const char *p, const char *c)
{
	return *p == '#' && (p == c || p[-1] == ' ');
}

/* Past a flow collection that opens at p: its end on this line, or NULL
 * (it goes on, or holds what the scan does not follow). */
static const char *lscan_flow(const char *p, const char *eol, const char *c)
{
	int depth = 0;
	bool start = true;
	while (p < eol) {
		if (*p == ' ') {
			p++;
		} else if (lscan_comment(p, c)) {
			return NULL;
		} else if (*p == '[' || *p == '{') {
			depth++, start = true, p++;
		} else if (*p == ']' || *p == '}') {
			if (--depth == 0)
				return p + 1;
			start = false, p++;
		} else if (*p == ',' || lscan_colon(p, eol, true)) {
			start = true, p++;
		} else if (start && (*p == '"' || *p == '\'')) {
			if (!(p = lscan_quoted(p, eol)))
				return NULL;
			start = false;
		} else if (start && strchr("&*!|>%@`?", *p)) {
			return NULL;
		} else {   /* a plain scalar */
			for (; p < eol && !lflow_char(*p); p++)
				if ((*p == ':' && lscan_colon(p, eol, true)) ||
				    (*p == '#' && lscan_comment(p, c)))
					break;
			start = false;
		}
	}
	return NULL;
}

/* A block scalar's header after its '|' or '>' at p: an indentation
 * digit and a chomping sign, in either order, then a comment at most. */
static bool lscan_block(const char *p, const char *eol, const char *c,
			size_t parent, struct lblock *b)
{
	size_t digit = 0;
	bool sign = false;
	for (; p < eol && *p != ' '; p++) {
		if (*p >= '1' && *p <= '9' && !digit)
			digit = (size_t)(*p - '0');
		else if ((*p == '+' || *p == '-') && !sign)
			sign = true;
		else
			return false;
	}
	while (p < eol && *p == ' ')
		p++;
	if (p < eol && !lscan_comment(p, c))
		return false;
	*b = (struct lblock){ true, parent, digit ? parent + digit : 0 };
	return true;
}

/* One line of YAML at c (column in): false when a node on it goes on
 * past it, or it holds what the scan does not follow (anchors, aliases,
 * tags, directives, complex keys); a block scalar's header sets *b. */
static bool lscan_yaml(const char *c, const char *eol, size_t in, struct lblock *b)
{
	const char *p = c, *tok = c;
	size_t parent = in;        /* the column of the innermost collection */
	bool start = true;
	while (p < eol) {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (lscan_comment(p, c))
			return true;
		if (start && *p == '-' && (p + 1 == eol || p[1] == ' ')) {
			parent = in + (size_t)(p - c);
			p++;
			continue;
		}
		if (start && (*p == '|' || *p == '>'))
			return lscan_block(p + 1, eol, c, parent, b);
		if (start && strchr("&*!%@`?", *p))
			return false;
		tok = p;
		if (start && (*p == '"' || *p == '\'' || *p == '[' || *p == '{')) {
			p = *p == '"' || *p == '\'' ? lscan_quoted(p, eol) : lscan_flow(p, eol, c);
			if (!p)
				return false;
		}
		for (; p < eol; p++)   /* a plain scalar, or what follows a quoted one */
			if ((*p == ':' && lscan_colon(p, eol, false)) ||
			    (*p == '#' && lscan_comment(p, c)))
				break;
		start = p < eol && *p == ':';
		if (start) {
			parent = in + (size_t)(tok - c);   /* a key: its mapping's column */
			p++;
		}
	}
	return true;
}

/* Whether text holds a line break other than LF (CR, NEL, LS, PS): libyaml
 * counts lines by them, the scan only by LF. */
static bool lscan_other_breaks(const char *text, size_t len)
{
	if (memchr(text, '\r', len))
		return true;
	const char *end = text + len;
	for (const char *p = text; (p = memchr(p, 0xc2, (size_t)(end - p))); p++)
		if (end - p > 1 && (unsigned char)p[1] == 0x85)
			return true;
	for (const char *p = text; (p = memchr(p, 0xe2, (size_t)(end - p))); p++)
		if (end - p > 2 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0xa8 || (unsigned char)p[2] == 0xa9))
			return true;
	return false;
}

/* Finds the entries of z->text: true when the file has the plain shape
 * loader_open_library describes and no id twice. */
static bool lscan(struct library *lib, struct library_lazy *z)
{
	const char *p = z->text, *end = z->text + z->len;
	if (lscan_other_breaks(p, z->len))
		return false;
	size_t indent = 0, cap = 0;
	bool head = false;
	struct lblock b = { false, 0, 0 };
	for (int line = 1; p < end; line++, p = p < end ? p + 1 : end) {
		const char *eol;
		size_t in = lscan_line(p, end, &eol);
		const char *c = p + in;
		bool text = c < eol && *c != '#';
		if (b.on && c < eol && in > b.parent && (!b.content || in >= b.content)) {
			b.content = b.content ? b.content : in;   /* the block scalar's */
			p = eol;
			continue;
		}
		if (b.on && c < eol && in > b.parent)
			return false;   /* libyaml ends the scalar here: not followed */
		b.on = b.on && c == eol;   /* blank lines go on with it */
		if (b.on) {
			p = eol;
			continue;
		}
		if (text && *c == '\t' && (!indent || in <= indent))
			return false;
		if (text && !lscan_yaml(c, eol, in, &b))
			return false;
		if (!text || (indent && in > indent)) {
			/* a blank line, a comment, or the entry's own lines */
		} else if (!head) {
			if (in || !lscan_head(p, eol))
				return false;
			head = true;
		} else {
			size_t n = in ? lscan_id(c, eol) : 0;
			if (!n || (indent && in != indent))
				return false;
			indent = in;
			if (!lscan_add(lib, z, &cap, p, c, n, line))
				return false;
		}
		p = eol;
	}
	if (!z->n)
		return false;
	z->v[z->n - 1].to = z->len;
	qsort(z->v, z->n, sizeof *z->v, lentry_cmp);
	for (size_t i = 1; i < z->n; i++)
		if (strcmp(z->v[i - 1].id, z->v[i].id) == 0)
			return false;
	return true;
}
/* Parses entry e alone, as the library "exercises:" + its lines: false
 * when YAML has anything to say of it (then only the whole file tells
 * what it means). */
static bool lread_entry(struct library *lib, struct lentry *e)
{
	struct library_lazy *z = lib->lazy;
	size_t head = sizeof LLAZY_HEAD - 1, n = e->to - e->from;
	char *buf = malloc(head + n);
	struct library *one = arena_alloc(&lib->arena, sizeof *one);
	struct diags yd = { 0 };
	struct ydoc doc = { 0 };
	bool clean = buf && one;
	if (clean) {
		memcpy(buf, LLAZY_HEAD, head);
		memcpy(buf + head, z->text + e->from, n);
		clean = ydoc_parse(&doc, lib->path, buf, head + n, e->line - 2, &yd) == 0 &&
			yd.n == 0;
	}
	if (clean) {
		*one = (struct library){ .path = lib->path };
		struct schema sc = { .path = lib->path, .a = &one->arena, .set = &lset,
				     .user = one };
		llibrary(&sc, doc.root);
		struct diags quiet = { 0 };
		schema_finish(&sc, &quiet);
		diag_free(&quiet);
		e->one = one;
	}
	ydoc_free(&doc);
	diag_free(&yd);
	free(buf);
	return clean;
}

static void llazy_free(struct library *lib)
{
	struct library_lazy *z = lib->lazy;
	for (size_t i = 0; z && i < z->n; i++)
		if (z->v[i].one)
			arena_free(&z->v[i].one->arena);
	if (z && z->whole) {
		library_free(z->whole);
		free(z->whole);
	}
	if (z)
		free(z->text);
	lib->lazy = NULL;
}

/* The whole file parsed after all (its diagnostics dropped: the routine
 * that asked is told where the definition is, and `check` tells all),
 * beside the entries read so far: a routine being loaded may hold
 * pointers to those. */
static const struct library *llazy_load_all(struct library *lib)
{
	struct library_lazy *z = lib->lazy;
	if (z->whole)
		return z->whole;
	struct library *whole = malloc(sizeof *whole);
	if (!whole)
		return NULL;
	struct diags quiet = { 0 };
	loader_parse_library(lib->path, z->text, z->len, whole, &quiet);
	diag_free(&quiet);
	free(z->text);
	z->text = NULL;
	z->whole = whole;
	return whole;
}

/* The library of id's entry alone, once read, or the whole file's; NULL
 * when lib has no id. */
static const struct library *llazy_entry(struct library *lib, const char *id)
{
	struct library_lazy *z = lib->lazy;
	if (z->whole)
		return z->whole;
	struct lentry key = { .id = id };
	struct lentry *e = bsearch(&key, z->v, z->n, sizeof *z->v, lentry_cmp);
	if (!e)
		return NULL;
	if (!e->one && !lread_entry(lib, e))
		return llazy_load_all(lib);
	return e->one;
}

const struct exercise *library_find(struct library *lib, const char *id)
{
	const struct library *l = lib->lazy ? llazy_entry(lib, id) : lib;
	for (size_t i = 0; l && i < l->n; i++)
		if (l->v[i].id && strcmp(l->v[i].id, id) == 0)
			return &l->v[i];
	return NULL;
}

bool library_by_entry(const struct library *lib)
{
	return lib->lazy && !lib->lazy->whole;
}

const struct srcpos *library_broken_at(struct library *lib, const char *id)
{
	const struct library *l = lib->lazy ? llazy_entry(lib, id) : lib;
	for (size_t i = 0; l && i < l->n_broken; i++)
		if (strcmp(l->broken[i].id, id) == 0)
			return &l->broken[i].pos;
	return NULL;
}

/* Every id of lib, as a suggestion for an unknown one. */
static void lsuggest_lib(struct suggest *s, const struct library *lib)
{
	const struct library_lazy *z = lib->lazy;
	if (z && z->whole)
		lib = z->whole;
	else
		for (size_t i = 0; z && i < z->n; i++)
			suggest_offer(s, z->v[i].id);
	for (size_t i = 0; i < lib->n; i++)
		suggest_offer(s, lib->v[i].id);
}

/* loader_open_library on text, which it takes. */
static int lopen(const char *path, char *text, size_t len, struct library *lib,
		 struct diags *d)
{
	memset(lib, 0, sizeof *lib);
	struct library_lazy *z = arena_alloc(&lib->arena, sizeof *z);
	lib->path = arena_strdup(&lib->arena, path);
	if (z && lib->path) {
		*z = (struct library_lazy){ .text = text, .len = len };
		lib->lazy = z;
		if (lscan(lib, z))
			return 0;
		z->text = NULL;
	}
	library_free(lib);
	int rc = loader_parse_library(path, text, len, lib, d);
	free(text);
	return rc;
}

int loader_open_library_text(const char *path, const char *buf, size_t len,
			     struct library *lib, struct diags *d)
{
	char *text = malloc(len ? len : 1);
	if (!text) {
		memset(lib, 0, sizeof *lib);
		diag_error(d, path, 0, 0, "out of memory");
		return -1;
	}
	memcpy(text, buf, len);
	return lopen(path, text, len, lib, d);
}

int loader_open_library(const char *path, struct library *lib,
			struct diags *d)
{
	size_t len = 0;
	char *text = ydoc_read_file(path, &len, d);
	if (text)
		return lopen(path, text, len, lib, d);
	memset(lib, 0, sizeof *lib);
	lib->path = arena_strdup(&lib->arena, path);
	return -1;
}

void library_free(struct library *lib)
{
	llazy_free(lib);
	arena_free(&lib->arena);
	memset(lib, 0, sizeof *lib);
}
