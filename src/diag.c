/* diag — collected, located diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	return p ? memcpy(p, s, n) : NULL;
}

static void add(struct diags *d, enum diag_level level, const char *file,
		int line, int col, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		struct diag *v = realloc(d->v, cap * sizeof *v);
		if (!v) {
			/* Out of memory: keep the count honest at least. */
			if (level == DIAG_ERROR)
				d->errors++;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	struct diag *g = &d->v[d->n++];
	g->level = level;
	g->file = dup_or_null(file);
	g->line = line;
	g->col = col;
	g->msg = dup_or_null(msg);
	if (level == DIAG_ERROR)
		d->errors++;
}

void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_format(const struct diag *g, char *buf, size_t size)
{
	const char *level = g->level == DIAG_ERROR ? "error" : "warning";
	const char *file = g->file ? g->file : "stretchtui";
	const char *msg = g->msg ? g->msg : "(out of memory)";
	if (g->line > 0 && g->col > 0)
		snprintf(buf, size, "%s:%d:%d: %s: %s", file, g->line, g->col,
			 level, msg);
	else if (g->line > 0)
		snprintf(buf, size, "%s:%d: %s: %s", file, g->line, level, msg);
	else
		snprintf(buf, size, "%s: %s: %s", file, level, msg);
}

void diag_print(const struct diags *d, FILE *out)
{
	char buf[2048];
	for (size_t i = 0; i < d->n; i++) {
		diag_format(&d->v[i], buf, sizeof buf);
		fprintf(out, "%s\n", buf);
	}
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
