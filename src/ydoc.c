/* ydoc — libyaml events into a tree of positioned nodes, under the limits
 * of loader.h. See ydoc.h for what is checked where. */
#include "ydoc.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "buildinfo.h"
#include "loader.h"
#include "paths.h"
#include "utf8.h"

#define YDOC_MAX_BYTE_ERRORS 20   /* lines with bad bytes reported, at most */
#define YDOC_KEY_MAX 1024         /* characters of a key (libyaml's limit) */

/* libyaml's file, opened while something parses (buildinfo.h: the
 * Makefile reads it off the library it finds). */
#define YDOC_LIBYAML STRETCHTUI_LIBYAML

/* The five calls of libyaml that parsing makes, found in the library. */
struct ydoc_yaml {
	void *lib;
	int (*init)(yaml_parser_t *);
	void (*input)(yaml_parser_t *, const unsigned char *, size_t);
	int (*parse)(yaml_parser_t *, yaml_event_t *);
	void (*event_delete)(yaml_event_t *);
	void (*parser_delete)(yaml_parser_t *);
};

struct ybuild {
	struct ydoc *doc;
	const char *path;
	const char *buf;            /* the bytes parsed, for syntax errors */
	size_t len;
	struct diags *d;
	int line0;                  /* lines before buf's first */
	struct ynode *stack[LOADER_MAX_DEPTH];
	int depth;
	int documents;
};

enum ybuild_step { YB_GO, YB_DONE, YB_FAIL };

/* libyaml marks are 0-based. */
static int ydoc_pos(size_t v)
{
	return v >= INT_MAX ? INT_MAX : (int)v + 1;
}

/* The line of a mark in the file: after the line0 lines before buf. */
static int ybuild_line(const struct ybuild *b, size_t v)
{
	int line = ydoc_pos(v);
	return line > INT_MAX - b->line0 ? INT_MAX : line + b->line0;
}

/* ---- the pre-scan of the raw bytes --------------------------------------- */

/* C0 (but tab and line breaks), DEL and C1: what could drive a terminal. */
static bool ydoc_is_control(uint32_t c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ||
	       (c >= 0x80 && c <= 0x9f);
}

/* The problem with the character at s, or NULL; *len gets its size. */
static const char *ydoc_char_problem(const unsigned char *s, size_t n,
				     size_t *len, char *buf, size_t size)
{
	uint32_t c;
	*len = utf8_decode((const char *)s, n, &c);
	if (*len == 0) {
		*len = 1;
		snprintf(buf, size, "invalid UTF-8 byte 0x%02x", s[0]);
		return buf;
	}
	if (c == 0)
		return "NUL byte; the file must be UTF-8 text";
	if (ydoc_is_control(c)) {
		snprintf(buf, size, "control character U+%04X not allowed",
			 (unsigned)c);
		return buf;
	}
	return NULL;
}

/* Rejects NUL, control characters, invalid UTF-8 and tabs in indentation,
 * at most one per line. Columns count characters, as libyaml's do.
 * Returns the number of errors. */
static size_t ydoc_prescan(const char *path, const unsigned char *s, size_t n,
			   int line0, struct diags *d)
{
	int line = line0 + 1, col = 1, tab_col = 0, skip_line = 0, skip_col = 0;
	bool indent = true, reported = false;
	size_t errors = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\n' || s[i] == '\r') {
			i += s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
			line++, col = 1, tab_col = 0;
			indent = true, reported = false;
			continue;
		}
		if (!indent && s[i] >= 0x20 && s[i] < 0x7f) {   /* most bytes */
			for (; i < n && s[i] >= 0x20 && s[i] < 0x7f; i++)
				col++;
			continue;
		}
		char buf[64];
		size_t len;
		const char *problem = ydoc_char_problem(s + i, n - i, &len,
							buf, sizeof buf);
		int at = col;
		if (indent && s[i] == '\t' && !tab_col)
			tab_col = col;
		if (indent && s[i] != ' ' && s[i] != '\t') {
			indent = false;
			if (tab_col && !problem) {
				problem = "tab in indentation; use spaces";
				at = tab_col;
			}
		}
		if (problem && !reported) {
			if (errors < YDOC_MAX_BYTE_ERRORS)
				diag_error(d, path, line, at, "%s", problem);
			else if (errors == YDOC_MAX_BYTE_ERRORS)
				skip_line = line, skip_col = at;
			errors++;
			reported = true;
		}
		i += len;
		col++;
	}
	if (errors > YDOC_MAX_BYTE_ERRORS)   /* located at the first left out */
		diag_error(d, path, skip_line, skip_col, "too many errors; %zu more "
			   "lines with bad characters not shown",
			   errors - YDOC_MAX_BYTE_ERRORS);
	return errors;
}

/* ---- building the tree from events --------------------------------------- */

static void ybuild_error(struct ybuild *b, yaml_mark_t m, const char *fmt,
			 ...) DIAG_PRINTF(3, 4);

static void ybuild_error(struct ybuild *b, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(b->d, b->path, ybuild_line(b, m.line), ydoc_pos(m.column), fmt,
		    ap);
	va_end(ap);
}

static void ynode_error(struct ybuild *b, const struct ynode *n,
			const char *msg)
{
	diag_error(b->d, b->path, n->line, n->col, "%s", msg);
}

static struct ynode *ybuild_node(struct ybuild *b, enum ynode_kind kind,
				 yaml_mark_t m)
{
	struct ynode *n = arena_alloc(&b->doc->arena, sizeof *n);
	if (!n) {
		ybuild_error(b, m, "out of memory");
		return NULL;
	}
	n->kind = kind;
	n->line = ybuild_line(b, m.line);
	n->col = ydoc_pos(m.column);
	n->str = "";
	return n;
}

static void ynode_append(struct ynode *parent, struct ynode *n)
{
	if (parent->tail)
		parent->tail->next = n;
	else
		parent->head = n;
	parent->tail = n;
	parent->n++;
}

/* Hangs n under the open collection: an item, a key, or a key's value. */
static void ybuild_attach(struct ybuild *b, struct ynode *n)
{
	if (b->depth == 0) {
		b->doc->root = n;
		return;
	}
	struct ynode *parent = b->stack[b->depth - 1];
	if (parent->kind == YNODE_MAP && parent->tail && !parent->tail->value) {
		parent->tail->value = n;
		return;
	}
	ynode_append(parent, n);
	if (parent->kind == YNODE_MAP && n->kind != YNODE_SCALAR && !n->bad) {
		ynode_error(b, n, n->kind == YNODE_SEQ
					  ? "a key must be a string, not a list"
					  : "a key must be a string, not a mapping");
		n->bad = true;
	}
}

static bool ybuild_check_props(struct ybuild *b, yaml_mark_t m,
			       const yaml_char_t *anchor,
			       const yaml_char_t *tag, struct ynode *n)
{
	if (anchor) {
		ybuild_error(b, m, "anchors and aliases are not supported");
		return false;
	}
	if (tag) {
		ybuild_error(b, m, "tags are not supported");
		n->bad = true;
	}
	return true;
}

/* The first control character (NUL included) in a scalar's value, which
 * escapes such as "\e" or "\0" can produce; -1 when there is none. */
static long ydoc_value_control(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		if (s[i] >= 0x20 && s[i] < 0x7f) {
			i++;
			continue;
		}
		uint32_t c;
		size_t len = utf8_decode((const char *)s + i, n - i, &c);
		if (len == 0)
			return 0xfffd;
		if (c == '\r' || ydoc_is_control(c))
			return (long)c;
		i += len;
	}
	return -1;
}

static enum ybuild_step ybuild_scalar(struct ybuild *b, const yaml_event_t *e)
{
	struct ynode *n = ybuild_node(b, YNODE_SCALAR, e->start_mark);
	if (!n)
		return YB_FAIL;
	if (!ybuild_check_props(b, e->start_mark, e->data.scalar.anchor,
				e->data.scalar.tag, n))
		return YB_FAIL;
	const unsigned char *v = e->data.scalar.value;
	size_t len = e->data.scalar.length;
	n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	long ctl = -1;
	if (len > LOADER_MAX_SCALAR) {
		ynode_error(b, n, "value is longer than 4096 bytes");
		n->bad = true;
	} else if ((ctl = ydoc_value_control(v, len)) >= 0) {
		char msg[64];
		snprintf(msg, sizeof msg, "control character U+%04lX in a string",
			 (unsigned long)ctl);
		ynode_error(b, n, msg);
		n->bad = true;
	} else {
		n->str = arena_strndup(&b->doc->arena, (const char *)v, len);
		n->len = len;
		if (!n->str) {
			ynode_error(b, n, "out of memory");
			return YB_FAIL;
		}
	}
	ybuild_attach(b, n);
	return YB_GO;
}

static enum ybuild_step ybuild_open(struct ybuild *b, const yaml_event_t *e,
				    enum ynode_kind kind)
{
	if (b->depth == LOADER_MAX_DEPTH) {
		ybuild_error(b, e->start_mark,
			     "nesting is deeper than %d levels",
			     LOADER_MAX_DEPTH);
		return YB_FAIL;
	}
	struct ynode *n = ybuild_node(b, kind, e->start_mark);
	if (!n)
		return YB_FAIL;
	const yaml_char_t *anchor = kind == YNODE_MAP
					    ? e->data.mapping_start.anchor
					    : e->data.sequence_start.anchor;
	const yaml_char_t *tag = kind == YNODE_MAP ? e->data.mapping_start.tag
						   : e->data.sequence_start.tag;
	if (!ybuild_check_props(b, e->start_mark, anchor, tag, n))
		return YB_FAIL;
	ybuild_attach(b, n);
	b->stack[b->depth++] = n;
	return YB_GO;
}

static int ydoc_key_cmp(const void *pa, const void *pb)
{
	const struct ynode *a = *(const struct ynode *const *)pa;
	const struct ynode *b = *(const struct ynode *const *)pb;
	int c = memcmp(a->str, b->str, (a->len < b->len ? a->len : b->len) + 1);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return (a->col > b->col) - (a->col < b->col);
}

/* Sorting, not pairwise comparison: a mapping may hold 100,000 keys. */
static enum ybuild_step ybuild_check_duplicates(struct ybuild *b,
						struct ynode *map)
{
	if (map->n < 2)
		return YB_GO;
	struct ynode **keys = malloc(map->n * sizeof *keys);
	if (!keys) {
		ynode_error(b, map, "out of memory");
		return YB_FAIL;
	}
	size_t n = 0;
	for (struct ynode *k = map->head; k; k = k->next)
		if (!k->bad)
			keys[n++] = k;
	qsort(keys, n, sizeof *keys, ydoc_key_cmp);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (keys[i]->len != keys[first]->len ||
		    memcmp(keys[i]->str, keys[first]->str, keys[i]->len)) {
			first = i;
			continue;
		}
		char q[DIAG_QUOTE_BUF];
		diag_error(b->d, b->path, keys[i]->line, keys[i]->col,
			   "duplicate key %s (first at line %d)",
			   diag_quote(keys[i]->str, keys[i]->len, q, sizeof q),
			   keys[first]->line);
		keys[i]->bad = true;
	}
	free(keys);
	return YB_GO;
}

static enum ybuild_step ybuild_close(struct ybuild *b)
{
	struct ynode *n = b->stack[--b->depth];
	return n->kind == YNODE_MAP ? ybuild_check_duplicates(b, n) : YB_GO;
}

static enum ybuild_step ybuild_event(struct ybuild *b, const yaml_event_t *e)
{
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return YB_DONE;
	case YAML_DOCUMENT_START_EVENT:
		if (b->documents++ == 0)
			return YB_GO;
		ybuild_error(b, e->start_mark,
			     "only one document is allowed per file");
		return YB_DONE;
	case YAML_ALIAS_EVENT:
		ybuild_error(b, e->start_mark,
			     "anchors and aliases are not supported");
		return YB_FAIL;
	case YAML_SCALAR_EVENT:
		return ybuild_scalar(b, e);
	case YAML_SEQUENCE_START_EVENT:
		return ybuild_open(b, e, YNODE_SEQ);
	case YAML_MAPPING_START_EVENT:
		return ybuild_open(b, e, YNODE_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return ybuild_close(b);
	default:
		return YB_GO;
	}
}

/* ---- syntax errors ------------------------------------------------------- */

/* Texts in place, not pointers: a constant the dynamic loader does not
 * relocate (and a play, which does not parse, never maps). */
struct ydoc_hint {
	char problem[56];         /* libyaml's problem text */
	char context[32];         /* and context, or "" for any */
	char message[64];         /* ours */
	bool at_context;          /* point at the context mark (e.g. the quote) */
	bool opened_at;           /* add "(opened at line N)" */
};

static const struct ydoc_hint ydoc_hints[] = {
	{ "found unexpected end of stream", "while scanning a quoted scalar",
	  "unterminated quoted string", true, false },
	{ "found unexpected document indicator", "while scanning a quoted scalar",
	  "unterminated quoted string", true, false },
	{ "found unknown escape character", "",
	  "unknown escape sequence in a double-quoted string", false, false },
	{ "did not find expected hexdecimal number", "",
	  "bad \\x, \\u or \\U escape in a double-quoted string", false, false },
	{ "could not find expected ':'", "", "missing ':' after a key", true,
	  false },
	{ "mapping values are not allowed in this context", "",
	  "unexpected ':'; put a value that contains ': ' in quotes", false,
	  false },
	{ "found character that cannot start any token", "",
	  "this character cannot start a value; put the value in quotes",
	  false, false },
	{ "block sequence entries are not allowed in this context", "",
	  "unexpected '-' list item; check the indentation", false, false },
	{ "did not find expected key", "",
	  "expected a 'key: value' line; check the indentation", false, false },
	{ "did not find expected '-' indicator", "",
	  "expected a '- ' list item; check the indentation", false, false },
	{ "did not find expected node content", "", "expected a value", false,
	  false },
	{ "did not find expected ',' or ']'", "", "expected ',' or ']'", false,
	  true },
	{ "did not find expected ',' or '}'", "", "expected ',' or '}'", false,
	  true },
};

/* The byte at a mark's line and column, found by counting line breaks and
 * characters as libyaml does; NULL past the end. */
static const char *ydoc_at(const struct ybuild *b, yaml_mark_t m)
{
	const char *s = b->buf, *end = b->buf + b->len;
	for (size_t line = 0; line < m.line && s < end; s++)
		if (*s == '\n' || (*s == '\r' && (s + 1 == end || s[1] != '\n')))
			line++;
	for (size_t col = 0; col < m.column && s < end; s++)
		if (s + 1 == end || ((unsigned char)s[1] & 0xc0) != 0x80)
			col++;
	return s < end ? s : NULL;
}

/* Characters of the flow-mapping key that ends at the ':' at, or 0. */
static size_t ydoc_flow_key(const struct ybuild *b, const char *at)
{
	size_t n = 0;
	const char *s = at;
	while (s > b->buf && !strchr(",{[\n\r", s[-1]))
		n += ((unsigned char)*--s & 0xc0) != 0x80;
	while (s < at && *s == ' ')
		s++, n--;
	return n;
}

/* Characters of the block key that ends at the ':' at: from the line's
 * content (after the indentation and any "- ") when no ": " comes
 * between; 0 otherwise. */
static size_t ydoc_block_key(const struct ybuild *b, const char *at)
{
	const char *s = at;
	while (s > b->buf && s[-1] != '\n' && s[-1] != '\r')
		s--;
	while (*s == ' ' || (*s == '-' && s[1] == ' '))
		s++;
	size_t n = 0;
	for (; s < at; s++) {
		if (s[0] == ':' && s[1] == ' ')
			return 0;
		n += ((unsigned char)*s & 0xc0) != 0x80;
	}
	return n;
}

/* libyaml's limit on a key written without '? ' (a "simple key"): past
 * 1024 characters it loses track of it and says something misleading. */
static bool ydoc_long_key(struct ybuild *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "";
	yaml_mark_t m = p->problem_mark, at = p->context_mark;
	if (strcmp(problem, "could not find expected ':'") == 0) {
		if (m.line != at.line || m.column < at.column + YDOC_KEY_MAX)
			return false;
	} else if (strcmp(problem, "did not find expected ',' or '}'") == 0 ||
		   strcmp(problem, "mapping values are not allowed in this "
			  "context") == 0) {
		const char *c = ydoc_at(b, m);
		bool flow = problem[0] == 'd';
		size_t n = !c || *c != ':' ? 0
			   : flow ? ydoc_flow_key(b, c) : ydoc_block_key(b, c);
		if (n <= YDOC_KEY_MAX || n > m.column)
			return false;
		at = m;
		at.column -= n;
	} else {
		return false;
	}
	ybuild_error(b, at, "a key is longer than %d characters, the most YAML "
		     "allows for a key", YDOC_KEY_MAX);
	return true;
}

static void ydoc_syntax_error(struct ybuild *b, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "unknown problem";
	const char *context = p->context ? p->context : "";
	yaml_mark_t m = p->problem_mark, cm = p->context_mark;
	if (p->error == YAML_MEMORY_ERROR) {
		ybuild_error(b, m, "out of memory");
		return;
	}
	if (ydoc_long_key(b, p))
		return;
	for (size_t i = 0; i < sizeof ydoc_hints / sizeof ydoc_hints[0]; i++) {
		const struct ydoc_hint *h = &ydoc_hints[i];
		if (strcmp(h->problem, problem) ||
		    (h->context[0] && strcmp(h->context, context)))
			continue;
		if (h->opened_at && p->context)
			ybuild_error(b, m, "%s (opened at line %d)", h->message,
				     ybuild_line(b, cm.line));
		else
			ybuild_error(b, h->at_context && p->context ? cm : m,
				     "%s", h->message);
		return;
	}
	if (p->context)
		ybuild_error(b, m, "syntax error: %s (%s at line %d)", problem,
			     context, ybuild_line(b, cm.line));
	else
		ybuild_error(b, m, "syntax error: %s", problem);
}

/* ---- entry points -------------------------------------------------------- */

/* Finds name in the library into *fn (a function pointer of fn_size
 * bytes: POSIX has dlsym's answer convert to one). */
static bool ydoc_sym(void *lib, const char *name, void *fn, size_t fn_size)
{
	void *at = dlsym(lib, name);
	if (at && fn_size == sizeof at)
		memcpy(fn, &at, sizeof at);
	return at && fn_size == sizeof at;
}

/* libyaml (its file: YDOC_LIBYAML), opened for one parse: loaded unless
 * held (ydoc_hold) or opened already. 0, or -1 with a diagnostic. */
static int ydoc_yaml_open(struct ydoc_yaml *y, const char *file, const struct ybuild *b)
{
	y->lib = dlopen(file, RTLD_LAZY | RTLD_LOCAL);
	if (y->lib && ydoc_sym(y->lib, "yaml_parser_initialize", &y->init, sizeof y->init) &&
	    ydoc_sym(y->lib, "yaml_parser_set_input_string", &y->input, sizeof y->input) &&
	    ydoc_sym(y->lib, "yaml_parser_parse", &y->parse, sizeof y->parse) &&
	    ydoc_sym(y->lib, "yaml_event_delete", &y->event_delete, sizeof y->event_delete) &&
	    ydoc_sym(y->lib, "yaml_parser_delete", &y->parser_delete, sizeof y->parser_delete))
		return 0;
	const char *why = dlerror();
	diag_error(b->d, b->path, 0, 0, "cannot parse: libyaml (%s) would not load: %s",
		   file, why ? why : "a function is missing");
	if (y->lib)
		dlclose(y->lib);
	return -1;
}

static int ydoc_run_parser(struct ybuild *b, const char *buf, size_t len)
{
	struct ydoc_yaml y;
	if (ydoc_yaml_open(&y, YDOC_LIBYAML, b))
		return -1;
	yaml_parser_t p;
	if (!y.init(&p)) {
		diag_error(b->d, b->path, 0, 0, "out of memory");
		dlclose(y.lib);
		return -1;
	}
	/* No yaml_parser_set_encoding: libyaml's own detection is what skips
	 * a UTF-8 byte-order mark (UTF-16 never gets here: its NULs are
	 * rejected by the pre-scan). */
	y.input(&p, (const unsigned char *)buf, len);
	enum ybuild_step step = YB_GO;
	while (step == YB_GO) {
		yaml_event_t e;
		if (!y.parse(&p, &e)) {
			ydoc_syntax_error(b, &p);
			step = YB_FAIL;
			break;
		}
		step = ybuild_event(b, &e);
		y.event_delete(&e);
	}
	y.parser_delete(&p);
	dlclose(y.lib);
	return step == YB_FAIL ? -1 : 0;
}

int ydoc_parse(struct ydoc *doc, const char *path, const char *buf,
	       size_t len, int line0, struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	if (len > LOADER_MAX_FILE) {
		diag_error(d, path, 1, 1,
			   "file is larger than 1 MiB (%zu bytes)", len);
		return -1;
	}
	if (ydoc_prescan(path, (const unsigned char *)buf, len, line0, d))
		return -1;
	struct ybuild b = { .doc = doc, .path = path, .d = d, .buf = buf,
			    .len = len, .line0 = line0 };
	if (ydoc_run_parser(&b, buf, len) == 0)
		return 0;
	doc->root = NULL;
	return -1;
}

/* Reads fd to its end into a buffer of the file's size (st_size, and
 * more only when the file grew since: up to LOADER_MAX_FILE + 1 bytes, so
 * that one that grew past the limit fails later). NULL on a read error or
 * when out of memory (*err says which: errno, or 0). */
static char *ydoc_read_fd(int fd, size_t size, size_t *len, int *err)
{
	size_t cap = size + 1, n = 0;   /* + 1: room to see it grow */
	char *buf = malloc(cap);
	for (ssize_t got = 1; buf && got > 0;) {
		if (n == cap && cap <= LOADER_MAX_FILE) {
			size_t more = cap * 2 > LOADER_MAX_FILE + 1 ? LOADER_MAX_FILE + 1 : cap * 2;
			char *v = realloc(buf, more);
			if (!v)
				break;
			buf = v;
			cap = more;
		}
		if (n == cap)
			break;
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			got = 1;
		else if (got < 0)
			*err = errno;
		else
			n += (size_t)got;
	}
	if (!buf || *err || (n == cap && cap <= LOADER_MAX_FILE)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

char *ydoc_read_file(const char *path, size_t *len, struct diags *d)
{
	int fd = paths_open_regular(path);
	if (fd == PATHS_NOT_REGULAR) {
		diag_error(d, path, 0, 0, "not a regular file");
		return NULL;
	}
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	char *buf = NULL;
	int err = 0;
	if (fstat(fd, &st) != 0) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
	} else if (st.st_size > LOADER_MAX_FILE) {
		diag_error(d, path, 1, 1, "file is larger than 1 MiB (%lld bytes)",
			   (long long)st.st_size);
	} else if (!(buf = ydoc_read_fd(fd, (size_t)(st.st_size > 0 ? st.st_size : 0),
					len, &err))) {
		if (err)
			diag_error(d, path, 0, 0, "cannot read: %s", strerror(err));
		else
			diag_error(d, path, 0, 0, "out of memory");
	}
	close(fd);
	return buf;
}

int ydoc_load_file(struct ydoc *doc, const char *path, struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	size_t len = 0;
	char *buf = ydoc_read_file(path, &len, d);
	if (!buf)
		return -1;
	int rc = ydoc_parse(doc, path, buf, len, 0, d);
	free(buf);
	return rc;
}

void ydoc_free(struct ydoc *doc)
{
	arena_free(&doc->arena);
	doc->root = NULL;
}

bool ynode_is_null(const struct ynode *n)
{
	if (!n)
		return true;
	if (n->kind != YNODE_SCALAR || !n->plain || n->bad)
		return false;
	return n->len == 0 || strcmp(n->str, "~") == 0 ||
	       strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	       strcmp(n->str, "NULL") == 0;
}

const struct ynode *ynode_find(const struct ynode *map, const char *key)
{
	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (const struct ynode *k = map->head; k; k = k->next)
		if (!k->bad && k->kind == YNODE_SCALAR && strcmp(k->str, key) == 0)
			return k;
	return NULL;
}

bool ynode_has_bad(const struct ynode *n)
{
	if (!n || n->bad)
		return n != NULL;
	for (const struct ynode *c = n->head; c; c = c->next)
		if (ynode_has_bad(c) ||
		    (n->kind == YNODE_MAP && ynode_has_bad(c->value)))
			return true;
	return false;
}

const char *ynode_describe(const struct ynode *n, char *buf, size_t size)
{
	if (ynode_is_null(n))
		snprintf(buf, size, "empty");
	else if (n->kind == YNODE_SEQ)
		snprintf(buf, size, "a list");
	else if (n->kind == YNODE_MAP)
		snprintf(buf, size, "a mapping");
	else
		diag_quote(n->str, n->len, buf, size);
	return buf;
}

/* ---- libyaml held across parses ------------------------------------------ */

void *ydoc_hold(void)
{
	return dlopen(YDOC_LIBYAML, RTLD_LAZY | RTLD_LOCAL);
}

void ydoc_release(void *hold)
{
	if (hold)
		dlclose(hold);
}
