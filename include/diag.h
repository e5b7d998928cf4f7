/* diag — diagnostics in the style of a compiler:
 *     FILE:LINE:COL: error: MESSAGE
 * Lines and columns are 1-based; 0 means "not known" and is left out. */
#ifndef STRETCHTUI_DIAG_H
#define STRETCHTUI_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	char *file;
	int line, col;
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors;
};

#if defined(__GNUC__)
#define DIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DIAG_PRINTF(f, a)
#endif

void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...) DIAG_PRINTF(5, 6);
void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...) DIAG_PRINTF(5, 6);
/* One diagnostic formatted as it is printed, without the newline. */
void diag_format(const struct diag *g, char *buf, size_t size);
void diag_print(const struct diags *d, FILE *out);
void diag_clear(struct diags *d);
void diag_free(struct diags *d);

#endif
