/* utf8 — decoding, display width, and making outside text safe for a
 * terminal (DESIGN.md, "Output hygiene").
 *
 * Safe text shows every character that could drive a terminal, forge a
 * line or reorder what is shown as an escape:
 *   \n \t \r            line feed, tab, carriage return
 *   \xNN                other C0 controls and DEL (\x1b), and each byte
 *                       that is not valid UTF-8 (\xff)
 *   \uNNNN              C1 controls (\u009b) and the bidi overrides and
 *                       isolates U+202A-U+202E, U+2066-U+2069 (\u202e)
 * Everything else passes as it is, a backslash too: the escaped form is
 * for reading, not for parsing back. Safe text is valid UTF-8 and holds
 * no control character (but '\n' with UTF8_KEEP_NL).
 *
 * Widths are those of the safe form: an escape is as wide as it is long,
 * any other character as wcwidth() says (one cell when it does not know),
 * under the LC_CTYPE the program sets once, at start (cli). With
 * UTF8_ASCII (or UTF8_CHARS) they do not depend on the locale at all:
 * that is how the view measures text for a terminal that is not UTF-8. */
#ifndef STRETCHTUI_UTF8_H
#define STRETCHTUI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define UTF8_ELLIPSIS "\xe2\x80\xa6"

enum utf8_flags {
	/* For output that is not UTF-8 (the locale says otherwise): every
	 * other non-ASCII character too as \uNNNN (\UNNNNNNNN past U+FFFF),
	 * but "…", which becomes "..."; a cut ends in "..." instead of "…".
	 * The result is ASCII. */
	UTF8_ASCII = 1,
	/* '\n' (and a '\r' right before one) passes: multi-line text. */
	UTF8_KEEP_NL = 2,
	/* A cut ends in "..." (as with UTF8_ASCII), for messages that
	 * read the same in any locale. */
	UTF8_CUT_DOTS = 4,
	/* Every character that passes counts one cell, whatever wcwidth()
	 * says: widths, and so cuts, that do not depend on the locale. */
	UTF8_CHARS = 8,
};

/* The UTF-8 sequence at s (at most n bytes): its length, and its code
 * point in *cp; 0 when it is not valid UTF-8 (overlong, surrogate, past
 * U+10FFFF, truncated). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Code point cp as UTF-8 in out (room for 4 bytes; not terminated):
 * returns its length, 0 for a surrogate or a value past U+10FFFF. Text
 * typed at the terminal is kept as UTF-8 whatever the locale. */
size_t utf8_encode(uint32_t cp, char *out);

/* The character at s (at most n bytes, n > 0) as safe text shows it:
 * returns the bytes it takes in s (1 for an invalid byte), *cells its
 * width once made safe. */
size_t utf8_char(const char *s, size_t n, unsigned flags, int *cells);
/* The same, and in *shown the bytes of its safe form, which is the
 * character itself exactly when *as_is. */
size_t utf8_char_shown(const char *s, size_t n, unsigned flags, int *cells,
		       size_t *shown, bool *as_is);

/* Display width of the safe form of s (flags 0), and of n bytes of s. */
int utf8_width(const char *s);
int utf8_widthn(const char *s, size_t n, unsigned flags);

/* Whether a code point is shown escaped (controls, DEL, C1, bidi). */
bool utf8_is_unsafe(uint32_t cp);

/* True when n bytes of s are already safe (nothing to escape). */
bool utf8_is_safe(const char *s, size_t n, unsigned flags);

/* Writes the safe form of s into out (size bytes, NUL included; out may
 * be NULL when size is 0). Returns the length of the whole safe form,
 * as snprintf does; when it does not fit, out holds what fits, never
 * part of a character or of an escape. */
size_t utf8_safe(const char *s, char *out, size_t size);
size_t utf8_safen(const char *s, size_t n, unsigned flags, char *out,
		  size_t size);

/* The safe form of n bytes of s in at most max_cells cells (no limit when
 * negative) and size bytes: when it is longer, it is cut between
 * characters and ends in "…" ("..." with UTF8_ASCII or UTF8_CUT_DOTS), the ellipsis
 * within the limits. Returns strlen(out). */
size_t utf8_safe_cut(const char *s, size_t n, int max_cells, unsigned flags,
		     char *out, size_t size);

/* Writes the safe form of n bytes of s to f; EOF on a write error. */
int utf8_fput(const char *s, size_t n, unsigned flags, FILE *f);
/* The safe form of s, then spaces up to width cells; the cells written. */
int utf8_fpad(const char *s, int width, unsigned flags, FILE *f);

/* True when LC_CTYPE's character set is UTF-8. */
bool utf8_locale(void);
/* The flags for text written to stdout or stderr: UTF8_ASCII unless the
 * locale is UTF-8. */
unsigned utf8_out_flags(void);

#endif
