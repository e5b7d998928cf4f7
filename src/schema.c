/* schema — YAML mappings read through tables of rows (see schema.h). */
#include "schema.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duration.h"
#include "suggest.h"

/* A value being read, before it is written to its member. */
union svalue {
	const char *str;
	bool b;
	int i;
	int64_t ms;
	struct strlist list;
};

/* A row is pointer-free and small: its tables are plain constants. */
_Static_assert(sizeof(struct schema_field) <= 40, "struct schema_field grew");

/* ---- the set ------------------------------------------------------------- */

const char *schema_text(const struct schema *s, unsigned i)
{
	return i ? s->set->text[i] : NULL;
}

static const char *const *snames(const struct schema *s,
				 const struct schema_field *f)
{
	return s->set->names[f->names];
}

static const struct schema_map *smap_of(const struct schema *s,
					const struct schema_field *f)
{
	return s->set->map[f->map];
}

/* f's .what, or the type's own words. */
static const char *sor(const struct schema *s, const struct schema_field *f,
		       const char *type_words)
{
	const char *what = schema_text(s, f->what);
	return what ? what : type_words;
}

/* ---- diagnostics --------------------------------------------------------- */

void schema_error(struct schema *s, const struct ynode *at, const char *fmt,
		  ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(&s->diags, s->path, at ? at->line : 1, at ? at->col : 1,
		    fmt, ap);
	va_end(ap);
}

/* Where to point for a key's value: the value, or the key when empty. */
static const struct ynode *sat(const struct ynode *key)
{
	return ynode_is_null(key->value) ? key : key->value;
}

/* A scalar's text as written, shortened, without quotes. */
static const char *stext(const struct ynode *n, char *buf, size_t size)
{
	diag_quote(n->str, n->len, buf, size);
	size_t len = strlen(buf);
	if (len >= 2) {
		memmove(buf, buf + 1, len - 2);
		buf[len - 2] = '\0';
	}
	return buf;
}

/* After "must be a string, not a mapping": the usual cause. */
static const char *shint(const struct ynode *n)
{
	return n->kind == YNODE_MAP && n->n == 1
		       ? "; put text that contains ': ' in quotes"
		       : "";
}

static void swrong(struct schema *s, const struct ynode *key,
		   const char *what, const char *hint)
{
	char desc[DIAG_QUOTE_BUF];
	schema_error(s, sat(key), "%s must be %s, not %s%s", key->str, what,
		     ynode_describe(key->value, desc, sizeof desc), hint);
}

void schema_wrong_type(struct schema *s, const struct ynode *key,
		       const char *what)
{
	swrong(s, key, what, "");
}

bool schema_misspelled(const struct schema *s, const struct ynode *map,
		       const char *key)
{
	for (size_t i = 0; i < s->n_miss; i++)
		if (s->miss[i].map == map && strcmp(s->miss[i].key, key) == 0)
			return true;
	return false;
}

static void smiss_add(struct schema *s, const struct ynode *map,
		      const char *key)
{
	if (s->n_miss == s->cap_miss) {
		size_t cap = s->cap_miss ? s->cap_miss * 2 : 8;
		struct schema_miss *v = realloc(s->miss, cap * sizeof *v);
		if (!v)
			return;   /* at worst, a cascade is reported */
		s->miss = v;
		s->cap_miss = cap;
	}
	s->miss[s->n_miss++] = (struct schema_miss){ map, key };
}

static int sdiag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = *(const struct diag *const *)pa;
	const struct diag *b = *(const struct diag *const *)pb;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return (a > b) - (a < b);   /* stable: the order they were found */
}

int schema_finish(struct schema *s, struct diags *d)
{
	if (s->oom)
		diag_error(&s->diags, s->path, 0, 0, "out of memory");
	size_t n = s->diags.n;
	const struct diag **v = n ? malloc(n * sizeof *v) : NULL;
	for (size_t i = 0; v && i < n; i++)
		v[i] = &s->diags.v[i];
	if (v)
		qsort(v, n, sizeof *v, sdiag_cmp);
	size_t shown = n < SCHEMA_MAX_ERRORS ? n : SCHEMA_MAX_ERRORS;
	for (size_t i = 0; i < shown; i++) {
		const struct diag *g = v ? v[i] : &s->diags.v[i];
		diag_error(d, g->file, g->line, g->col, "%s",
			   g->msg ? g->msg : "out of memory");
	}
	if (n > shown)   /* located at the first error left out */
		diag_error(d, s->path, v ? v[shown]->line : 0,
			   v ? v[shown]->col : 0,
			   "too many errors; %zu more not shown", n - shown);
	int rc = s->diags.errors ? -1 : 0;
	free(v);
	free(s->miss);
	s->miss = NULL;
	s->n_miss = s->cap_miss = 0;
	diag_free(&s->diags);
	return rc;
}

int schema_load(struct schema *s, const char *buf, size_t len,
		void (*read)(struct schema *s, const struct ynode *root),
		struct diags *d)
{
	struct ydoc doc;
	int rc = buf ? ydoc_parse(&doc, s->path, buf, len, 0, &s->diags)
		     : ydoc_load_file(&doc, s->path, &s->diags);
	if (rc == 0)
		read(s, doc.root);
	ydoc_free(&doc);
	return schema_finish(s, d);
}

/* ---- rules from limits --------------------------------------------------- */

const char *schema_ms_text(int64_t ms, char *buf, size_t size)
{
	int64_t h = ms / 3600000, m = ms / 60000 % 60, sec = ms / 1000 % 60;
	int frac = (int)(ms % 1000);
	size_t n = 0;
	buf[0] = '\0';
	if (h)
		n += (size_t)snprintf(buf, size, "%" PRId64 "h", h);
	if (m && n < size)
		n += (size_t)snprintf(buf + n, size - n, "%" PRId64 "m", m);
	if ((sec || frac || ms == 0) && n < size) {
		char f[8] = "";
		if (frac) {
			snprintf(f, sizeof f, ".%03d", frac);
			for (size_t e = strlen(f); f[e - 1] == '0'; e--)
				f[e - 1] = '\0';
		}
		snprintf(buf + n, size - n, "%" PRId64 "%ss", sec, f);
	}
	return buf;
}

/* A limit of f as its messages write it. */
static const char *slimit(const struct schema_field *f, int64_t v,
			  bool count, char *buf, size_t size)
{
	if (f->type == SCHEMA_DURATION && !count)
		return schema_ms_text(v, buf, size);
	snprintf(buf, size, "%" PRId64, v);
	return buf;
}

/* A message text t into buf with {min}, {max} and {key} filled in. */
static const char *sfill(const char *t, const char *min, const char *max,
			 const char *key, char *buf, size_t size)
{
	size_t n = 0;
	while (*t && n + 1 < size) {
		const char *put = strncmp(t, "{min}", 5) == 0   ? min
				  : strncmp(t, "{max}", 5) == 0 ? max
				  : strncmp(t, "{key}", 5) == 0 ? key
								: NULL;
		if (!put) {
			buf[n++] = *t++;
			continue;
		}
		n += (size_t)snprintf(buf + n, size - n, "%s", put);
		n = n < size ? n : size - 1;
		t += 5;
	}
	buf[n] = '\0';
	return buf;
}

/* f's range as a rule: its .rule filled in, or the default one; count:
 * the rule of a list's length. */
static const char *srule(const struct schema *s, const struct schema_field *f,
			 bool count, char *buf, size_t size)
{
	char lo[SCHEMA_MS_BUF], hi[SCHEMA_MS_BUF], zero[SCHEMA_MS_BUF];
	slimit(f, f->min, count, lo, sizeof lo);
	slimit(f, f->max, count, hi, sizeof hi);
	const char *t = schema_text(s, f->rule);
	if (!t && count)
		t = "must have {min} to {max} items";
	if (!t && (f->flags & SCHEMA_ZERO)) {
		snprintf(buf, size, "must be %s (none) or from %s to %s",
			 slimit(f, 0, count, zero, sizeof zero), lo, hi);
		return buf;
	}
	return sfill(t ? t : "must be from {min} to {max}", lo, hi, f->key, buf,
		     size);
}

static bool srange(struct schema *s, const struct ynode *key,
		   const struct schema_field *f, int64_t v)
{
	if ((v >= f->min && v <= f->max) || (v == 0 && (f->flags & SCHEMA_ZERO)))
		return true;
	char rule[256], t[DIAG_QUOTE_BUF];
	schema_error(s, key->value, "%s %s, not %s", key->str,
		     srule(s, f, false, rule, sizeof rule),
		     stext(key->value, t, sizeof t));
	return false;
}

/* A list's length against f's range (none when .max is 0). */
static bool scount(struct schema *s, const struct ynode *key,
		   const struct schema_field *f, size_t n)
{
	if (f->max == 0 || ((int64_t)n >= f->min && (int64_t)n <= f->max))
		return true;
	char rule[256];
	schema_error(s, key->value, "%s %s, not %zu", key->str,
		     srule(s, f, true, rule, sizeof rule), n);
	return false;
}

/* ---- scalars ------------------------------------------------------------- */

const char *schema_strdup(struct schema *s, const struct ynode *n)
{
	size_t len = n->len;
	while (len > 0 && n->str[len - 1] == '\n')
		len--;
	char *p = arena_strndup(s->a, n->str, len);
	if (!p)
		s->oom = true;
	return p ? p : "";
}

bool schema_is_text(const struct ynode *n)
{
	return n->kind == YNODE_SCALAR && !ynode_is_null(n);
}

bool schema_is_blank(const char *str)
{
	while (*str == ' ' || *str == '\t' || *str == '\n' || *str == '\r')
		str++;
	return *str == '\0';
}

static bool sstring(struct schema *s, const struct ynode *key,
		    const struct schema_field *f, union svalue *out)
{
	const struct ynode *v = key->value;
	const char *what = schema_text(s, f->what);
	if (!schema_is_text(v)) {
		swrong(s, key, what ? what : "a string", what ? "" : shint(v));
		return false;
	}
	if ((f->flags & SCHEMA_NONEMPTY) && schema_is_blank(v->str)) {
		schema_error(s, v, "%s must not be empty", key->str);
		return false;
	}
	out->str = schema_strdup(s, v);
	return true;
}

static bool sbool(struct schema *s, const struct ynode *key,
		  const struct schema_field *f, union svalue *out)
{
	static const char *const yes[] = { "true", "True", "TRUE" };
	static const char *const no[] = { "false", "False", "FALSE" };
	const struct ynode *v = key->value;
	for (size_t i = 0; v->kind == YNODE_SCALAR && v->plain && i < 3; i++) {
		if (strcmp(v->str, yes[i]) == 0 || strcmp(v->str, no[i]) == 0) {
			out->b = strcmp(v->str, yes[i]) == 0;
			return true;
		}
	}
	schema_wrong_type(s, key, sor(s, f, "true or false"));
	return false;
}

/* "one of a, b or c" from the words names. */
static const char *sone_of(const char *const *names, char *buf, size_t size)
{
	size_t n = (size_t)snprintf(buf, size, "one of");
	for (size_t i = 0; names[i] && n < size; i++) {
		const char *sep = i == 0 ? " " : names[i + 1] ? ", " : " or ";
		n += (size_t)snprintf(buf + n, size - n, "%s%s", sep, names[i]);
	}
	return buf;
}

static bool senum(struct schema *s, const struct ynode *key,
		  const struct schema_field *f, union svalue *out)
{
	const struct ynode *v = key->value;
	const char *const *names = snames(s, f);
	char what[256];
	const char *w = schema_text(s, f->what);
	w = w ? w : sone_of(names, what, sizeof what);
	if (!schema_is_text(v)) {
		schema_wrong_type(s, key, w);
		return false;
	}
	struct suggest g = suggest_start(v->str, v->len);
	for (int i = 0; names[i]; i++) {
		if (strcmp(v->str, names[i]) == 0) {
			out->i = i;
			return true;
		}
		suggest_offer(&g, names[i]);
	}
	char q[DIAG_QUOTE_BUF];
	schema_error(s, v, "%s must be %s, not %s%s%s%s", key->str, w,
		     diag_quote(v->str, v->len, q, sizeof q),
		     g.best ? "; did you mean '" : "", g.best ? g.best : "",
		     g.best ? "'?" : "");
	return false;
}

static bool sis_integer(const char *str)
{
	if (*str == '-')
		str++;
	if (!*str)
		return false;
	for (; *str; str++)
		if (*str < '0' || *str > '9')
			return false;
	return true;
}

static bool sint(struct schema *s, const struct ynode *key,
		 const struct schema_field *f, union svalue *out)
{
	const struct ynode *v = key->value;
	if (!schema_is_text(v) || !sis_integer(v->str)) {
		schema_wrong_type(s, key, sor(s, f, "a whole number"));
		return false;
	}
	errno = 0;
	long n = strtol(v->str, NULL, 10);   /* ERANGE: LONG_MAX, refused below */
	if (!srange(s, key, f, n))
		return false;
	out->i = (int)n;   /* tables keep ranges within int */
	return true;
}

static bool sduration(struct schema *s, const struct ynode *key,
		      const struct schema_field *f, union svalue *out)
{
	const struct ynode *v = key->value;
	if (!schema_is_text(v)) {
		schema_wrong_type(s, key, sor(s, f, "a duration"));
		return false;
	}
	int64_t ms = 0;
	char q[DIAG_QUOTE_BUF];
	switch (duration_parse(v->str, &ms)) {
	case DURATION_OK:
		break;
	case DURATION_SYNTAX:
		schema_error(s, v, "invalid duration %s; use e.g. 45s, 1m30s, 2m, "
			     "1.5s or a number of seconds",
			     diag_quote(v->str, v->len, q, sizeof q));
		return false;
	case DURATION_PRECISION:
		schema_error(s, v, "%s must be whole milliseconds, not %s",
			     key->str, stext(v, q, sizeof q));
		return false;
	case DURATION_OVERFLOW:
		ms = INT64_MAX;   /* out of any range */
		break;
	}
	if (!srange(s, key, f, ms))
		return false;
	out->ms = ms;
	return true;
}

static bool sstrlist(struct schema *s, const struct ynode *key,
		     const struct schema_field *f, union svalue *out)
{
	const struct ynode *v = key->value;
	if (v->kind != YNODE_SEQ) {
		schema_wrong_type(s, key, sor(s, f, "a list of strings"));
		return false;
	}
	const char **items = arena_alloc(s->a, (v->n ? v->n : 1) * sizeof *items);
	if (!items) {
		s->oom = true;
		return false;
	}
	bool ok = true;
	size_t n = 0;
	for (const struct ynode *it = v->head; it; it = it->next) {
		char desc[DIAG_QUOTE_BUF];
		if (!it->bad && !schema_is_text(it))
			schema_error(s, it, "each item of %s must be a string, not "
				     "%s%s", key->str,
				     ynode_describe(it, desc, sizeof desc),
				     shint(it));
		if (it->bad || !schema_is_text(it))
			ok = false;
		else
			items[n++] = schema_strdup(s, it);
	}
	if (!ok || !scount(s, key, f, n))
		return false;
	out->list = (struct strlist){ items, n };
	return true;
}

/* ---- the dispatch -------------------------------------------------------- */

/* A scalar or string list: read, checked, written. */
static bool svalue(struct schema *s, const struct ynode *key,
		   const struct schema_field *f, void *field)
{
	static bool (*const read[])(struct schema *, const struct ynode *,
				    const struct schema_field *,
				    union svalue *) = {
		[SCHEMA_STRING] = sstring, [SCHEMA_BOOL] = sbool,
		[SCHEMA_ENUM] = senum,     [SCHEMA_INT] = sint,
		[SCHEMA_DURATION] = sduration, [SCHEMA_STRLIST] = sstrlist,
	};
	static const size_t size[] = {
		[SCHEMA_STRING] = sizeof(const char *), [SCHEMA_BOOL] = sizeof(bool),
		[SCHEMA_ENUM] = sizeof(int),            [SCHEMA_INT] = sizeof(int),
		[SCHEMA_DURATION] = sizeof(int64_t),
		[SCHEMA_STRLIST] = sizeof(struct strlist),
	};
	union svalue v;
	memset(&v, 0, sizeof v);
	if (!read[f->type](s, key, f, &v))
		return false;
	if (f->check && !s->set->check[f->check](s, key->value, &v))
		return false;
	memcpy(field, &v, size[f->type]);
	return true;
}

static bool smap(struct schema *s, const struct ynode *key,
		 const struct schema_field *f, void *field)
{
	if (key->value->kind != YNODE_MAP) {
		schema_wrong_type(s, key, sor(s, f, "a mapping"));
		return false;
	}
	return schema_read(s, key->value, smap_of(s, f), field);
}

static bool slist(struct schema *s, const struct ynode *key,
		  const struct schema_field *f, void *dest)
{
	const struct ynode *v = key->value;
	if ((f->flags & SCHEMA_NONEMPTY) &&
	    (ynode_is_null(v) || (v->kind == YNODE_SEQ && v->n == 0))) {
		schema_error(s, sat(key), "%s must not be empty", key->str);
		return false;
	}
	if (v->kind != YNODE_SEQ) {
		schema_wrong_type(s, key, sor(s, f, "a list"));
		return false;
	}
	if (!scount(s, key, f, v->n))
		return false;
	const struct schema_map *m = smap_of(s, f);
	size_t size = m->size, n = 0;
	char *items = arena_alloc(s->a, (v->n ? v->n : 1) * size);
	if (!items) {
		s->oom = true;
		return false;
	}
	bool ok = true;
	for (const struct ynode *it = v->head; it; it = it->next) {
		memset(items + n * size, 0, size);   /* a refused item's slot */
		if (schema_read(s, it, m, items + n * size))
			n++;
		else
			ok = false;
	}
	void *p = items;
	memcpy((char *)dest + f->offset, &p, sizeof p);
	memcpy((char *)dest + f->count, &n, sizeof n);
	return ok;
}

/* One row: absent (required?), refused while parsing, or read. */
static bool sfield(struct schema *s, const struct ynode *map,
		   const struct schema_map *m, const struct schema_field *f,
		   void *dest)
{
	const struct ynode *k = ynode_find(map, f->key);
	if (!k) {
		if ((f->flags & SCHEMA_REQUIRED) &&
		    !schema_misspelled(s, map, f->key)) {
			schema_error(s, map, "missing required key '%s' in %s",
				     f->key, m->place);
			return false;
		}
		return true;
	}
	if (k->value->bad)
		return false;
	void *field = (char *)dest + f->offset;
	bool ok = f->type == SCHEMA_MAP      ? smap(s, k, f, field)
		  : f->type == SCHEMA_LIST   ? slist(s, k, f, dest)
		  : f->type == SCHEMA_CUSTOM ? s->set->read[f->read](s, k, f, field)
					     : svalue(s, k, f, field);
	if (ok && f->pos) {
		struct srcpos at = { k->value->line, k->value->col };
		memcpy((char *)dest + f->pos - 1, &at, sizeof at);
	}
	return ok;
}

/* ---- mappings ------------------------------------------------------------ */

static const struct schema_field *slookup(const struct schema_map *m,
					  const char *key)
{
	for (const struct schema_field *f = m->fields; f->key[0]; f++)
		if (strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

void schema_check_keys(struct schema *s, const struct ynode *map,
		       const struct schema_map *m)
{
	for (const struct ynode *k = map ? map->head : NULL; k; k = k->next) {
		if (k->bad || slookup(m, k->str))
			continue;
		struct suggest g = suggest_start(k->str, k->len);
		for (const struct schema_field *f = m->fields; f->key[0]; f++)
			suggest_offer(&g, f->key);
		char q[DIAG_QUOTE_BUF];
		diag_quote(k->str, k->len, q, sizeof q);
		if (g.best) {
			schema_error(s, k, "unknown key %s in %s; did you mean '%s'?",
				     q, m->place, g.best);
			smiss_add(s, map, g.best);
		} else {
			schema_error(s, k, "unknown key %s in %s", q, m->place);
		}
	}
}

static bool sin_variant(const struct schema_field *f, unsigned variant)
{
	return f->only == 0 || (f->only & variant) != 0;
}

bool schema_read_fields(struct schema *s, const struct ynode *map,
			const struct schema_map *m, void *dest,
			unsigned variant)
{
	size_t before = s->diags.errors;
	for (const struct schema_field *f = m->fields; f->key[0]; f++)
		if (sin_variant(f, variant))
			sfield(s, map, m, f, dest);
	for (const struct ynode *k = map ? map->head : NULL; k; k = k->next) {
		const struct schema_field *f = k->bad ? NULL : slookup(m, k->str);
		char msg[256];
		if (f && !sin_variant(f, variant) && f->elsewhere)
			schema_error(s, k, "%s", sfill(schema_text(s, f->elsewhere),
						       "", "", f->key, msg,
						       sizeof msg));
	}
	return s->diags.errors == before;
}

bool schema_read(struct schema *s, const struct ynode *node,
		 const struct schema_map *m, void *dest)
{
	size_t before = s->diags.errors;
	if (node->bad)
		return false;
	if (node->kind != YNODE_MAP) {
		char desc[DIAG_QUOTE_BUF];
		schema_error(s, node, "%s, not %s", m->must,
			     ynode_describe(node, desc, sizeof desc));
		return false;
	}
	if (m->read) {
		m->read(s, node, dest);
	} else {
		schema_check_keys(s, node, m);
		schema_read_fields(s, node, m, dest, SCHEMA_ALL);
	}
	return s->diags.errors == before;
}

/* "'a'", "'a' and 'b'", "'a', 'b' and 'c'": m's required keys. */
static size_t sneeds(const struct schema_map *m, char *buf, size_t size)
{
	size_t n = 0, total = 0, i = 0;
	buf[0] = '\0';
	for (const struct schema_field *f = m->fields; f->key[0]; f++)
		total += (f->flags & SCHEMA_REQUIRED) != 0;
	for (const struct schema_field *f = m->fields; f->key[0] && n < size; f++) {
		if (!(f->flags & SCHEMA_REQUIRED))
			continue;
		const char *sep = i == 0 ? "" : i + 1 == total ? " and " : ", ";
		n += (size_t)snprintf(buf + n, size - n, "%s'%s'", sep, f->key);
		i++;
	}
	return total;
}

bool schema_read_root(struct schema *s, const struct ynode *root,
		      const struct schema_map *m, void *dest)
{
	if (ynode_is_null(root)) {
		char needs[256];
		if (!sneeds(m, needs, sizeof needs))
			return true;
		schema_error(s, NULL, "empty file; a %s needs %s", m->place,
			     needs);
		return false;
	}
	return schema_read(s, root, m, dest);
}
