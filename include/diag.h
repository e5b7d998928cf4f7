/* diag — diagnostics in the style of a compiler:
 *     FILE:LINE:COL: error: MESSAGE
 * Lines and columns are 1-based; 0 means "not known" and is left out; a
 * diagnostic without a file is the program's own ("stretchtui: error: ...").
 * One diagnostic is always one line: the file name and the message are
 * outside text and are printed in their safe form (utf8.h), and text quoted
 * in a message goes through diag_quote. */
#ifndef STRETCHTUI_DIAG_H
#define STRETCHTUI_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_ERROR, DIAG_WARNING };

struct diag {
	enum diag_level level;
	char *file;
	int line, col;
	char *msg;
};

/* A list of diagnostics, and what every function that takes one keeps to:
 *   - It starts zeroed (struct diags d = { 0 }); diag_free releases it,
 *     diag_clear empties it for reuse. Its owner, the caller who made it,
 *     is the only one who prints (diag_print), clears or frees it.
 *   - A function handed a struct diags only appends to it: never clears,
 *     sorts, prints or frees what was there, and adds in the order it
 *     finds problems (a loader sorts its own by place before handing
 *     them on).
 *   - A function's return value says whether it failed, and it fails
 *     exactly when it added an error; its diagnostics say why. So callers
 *     test the return value, not errors (d may hold earlier ones), and a
 *     warning never makes a call fail. (ydoc, inside the loader, is the
 *     one exception: a complete tree may carry errors on bad nodes for
 *     the loader to walk past; see ydoc.h.)
 *   - errors counts every error added, even one lost to a failed
 *     allocation (then n is short of it): a count is never too low.
 *   - Each entry owns copies of its file (NULL: the program's own
 *     message) and its message (NULL: out of memory, printed as such). */
struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors;
};

/* The one printf-format attribute of the program: the format string is
 * argument f, its first value argument a (0 for a va_list). */
#if defined(__GNUC__)
#define DIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DIAG_PRINTF(f, a)
#endif

/* Adds one diagnostic (file may be NULL), its message formatted from fmt
 * at any length, once. diag_verror is for a module's own wrapper that
 * adds the place (a node, a mark) itself. */
void diag_error(struct diags *d, const char *file, int line, int col,
		const char *fmt, ...) DIAG_PRINTF(5, 6);
void diag_warning(struct diags *d, const char *file, int line, int col,
		  const char *fmt, ...) DIAG_PRINTF(5, 6);
void diag_verror(struct diags *d, const char *file, int line, int col,
		 const char *fmt, va_list ap) DIAG_PRINTF(5, 0);

/* One diagnostic formatted as it is printed, without the newline: one safe
 * line of at most size bytes (NUL included). When it does not fit, the
 * file name is shortened in the middle with "…" so that the message stays
 * whole (then the message is cut, last). */
void diag_format(const struct diag *g, char *buf, size_t size);
/* One diagnostic and a newline on out, safe for the locale (utf8.h's
 * UTF8_ASCII when it is not UTF-8). */
void diag_print_one(const struct diag *g, FILE *out);
void diag_print(const struct diags *d, FILE *out);
void diag_clear(struct diags *d);
void diag_free(struct diags *d);

/* The program's own message on stderr, as one diagnostic without a file:
 * "stretchtui: error: MESSAGE" (or "warning"), made safe. */
void diag_msg(enum diag_level level, const char *fmt, ...) DIAG_PRINTF(2, 3);

#define DIAG_QUOTE_CHARS 40   /* characters of text quoted in a message */
#define DIAG_QUOTE_BUF 192

/* s (len bytes) for a message: in single quotes, in its safe form, cut to
 * DIAG_QUOTE_CHARS characters (an escape counts its length) with "...",
 * the same in any locale. Returns buf (DIAG_QUOTE_BUF bytes do). */
const char *diag_quote(const char *s, size_t len, char *buf, size_t size);

/* A usage error on stderr: "stretchtui: error: [WHAT: ]MSG 'ARG'" (what
 * and arg NULL for none; arg quoted and made safe), then the hint to
 * --help (diag_try_help). */
void diag_usage(const char *what, const char *msg, const char *arg);
/* "Try 'stretchtui --help' for more information." on stderr. */
void diag_try_help(void);

#endif
