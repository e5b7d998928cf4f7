/* diag — collected, located diagnostics. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define DIAG_FILE_MIN 40   /* bytes a shortened file name keeps at least */

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	return p ? memcpy(p, s, n) : NULL;
}

/* The formatted message, malloc'd; NULL when out of memory. */
static char *diag_vformat(const char *fmt, va_list ap) DIAG_PRINTF(1, 0);

static char *diag_vformat(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (msg)
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	return msg;
}

static void diag_vadd(struct diags *d, enum diag_level level, const char *file,
		      int line, int col, const char *fmt, va_list ap)
	DIAG_PRINTF(6, 0);

static void diag_vadd(struct diags *d, enum diag_level level, const char *file,
		      int line, int col, const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR)
		d->errors++;   /* even out of memory, the count stays honest */
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct diag *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return;
		d->v = v;
		d->cap = cap;
	}
	struct diag *g = &d->v[d->n++];
	g->level = level;
	g->file = dup_or_null(file);
	g->line = line;
	g->col = col;
	g->msg = diag_vformat(fmt, ap);
}

void diag_verror(struct diags *d, const char *file, int line, int col,
		 const char *fmt, va_list ap)
{
	diag_vadd(d, DIAG_ERROR, file, line, col, fmt, ap);
}

void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

/* A line being built in a fixed buffer; what does not fit is dropped. */
struct diag_line {
	char *p;
	size_t size, used;
};

static void diag_add(struct diag_line *l, const char *s, size_t n)
{
	if (l->used + n >= l->size)
		n = l->size - 1 - l->used;
	memcpy(l->p + l->used, s, n);
	l->used += n;
	l->p[l->used] = '\0';
}

/* The safe form of file in at most room bytes: whole, or its start and
 * its end around "…", cut between characters. */
static void diag_add_file(struct diag_line *l, const char *file, size_t room)
{
	size_t n = utf8_safen(file, strlen(file), 0, NULL, 0);
	char *safe = n < room ? NULL : malloc(n + 1);
	if (!safe) {
		l->used += utf8_safe_cut(file, strlen(file), -1, 0, l->p + l->used,
					 room + 1 < l->size - l->used
						 ? room + 1
						 : l->size - l->used);
		return;
	}
	utf8_safen(file, strlen(file), 0, safe, n + 1);
	size_t keep = room > 3 ? room - 3 : 0, head = keep / 2,
	       tail = n - (keep - head);
	while (head > 0 && ((unsigned char)safe[head] & 0xc0) == 0x80)
		head--;
	while (tail < n && ((unsigned char)safe[tail] & 0xc0) == 0x80)
		tail++;
	diag_add(l, safe, head);
	diag_add(l, UTF8_ELLIPSIS, 3);
	diag_add(l, safe + tail, n - tail);
	free(safe);
}

void diag_format(const struct diag *g, char *buf, size_t size)
{
	const char *level = g->level == DIAG_ERROR ? "error" : "warning";
	const char *file = g->file ? g->file : "stretchtui";
	const char *msg = g->msg ? g->msg : "(out of memory)";
	char where[64] = "";
	if (g->line > 0 && g->col > 0)
		snprintf(where, sizeof where, ":%d:%d", g->line, g->col);
	else if (g->line > 0)
		snprintf(where, sizeof where, ":%d", g->line);
	char mid[96];
	int k = snprintf(mid, sizeof mid, "%s: %s: ", where, level);
	struct diag_line l = { buf, size, 0 };
	if (size == 0)
		return;
	buf[0] = '\0';
	size_t fixed = (size_t)k, m = utf8_safen(msg, strlen(msg), 0, NULL, 0);
	size_t room = size - 1 > fixed + m ? size - 1 - fixed - m : 0;
	diag_add_file(&l, file, room > DIAG_FILE_MIN ? room : DIAG_FILE_MIN);
	diag_add(&l, mid, fixed);
	if (l.used + 1 < size)
		l.used += utf8_safe_cut(msg, strlen(msg), -1, 0, buf + l.used,
					size - l.used);
}

void diag_print_one(const struct diag *g, FILE *out)
{
	char buf[2048];
	diag_format(g, buf, sizeof buf);
	utf8_fput(buf, strlen(buf), utf8_out_flags(), out);
	fputc('\n', out);
}

void diag_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++)
		diag_print_one(&d->v[i], out);
}

void diag_msg(enum diag_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct diag g = { level, NULL, 0, 0, diag_vformat(fmt, ap) };
	va_end(ap);
	diag_print_one(&g, stderr);
	free(g.msg);
}

const char *diag_quote(const char *s, size_t len, char *buf, size_t size)
{
	if (size < 3) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	buf[0] = '\'';
	size_t n = utf8_safe_cut(s, len, DIAG_QUOTE_CHARS, UTF8_CUT_DOTS | UTF8_CHARS,
				 buf + 1, size - 2);
	buf[n + 1] = '\'';
	buf[n + 2] = '\0';
	return buf;
}

void diag_clear(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
	d->errors = 0;
}

void diag_free(struct diags *d)
{
	diag_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}

void diag_try_help(void)
{
	fputs("Try 'stretchtui --help' for more information.\n", stderr);
}

void diag_usage(const char *what, const char *msg, const char *arg)
{
	char q[DIAG_QUOTE_BUF] = "";
	if (arg)
		diag_quote(arg, strlen(arg), q, sizeof q);
	diag_msg(DIAG_ERROR, "%s%s%s%s%s", what ? what : "", what ? ": " : "", msg,
		 arg ? " " : "", q);
	diag_try_help();
}
