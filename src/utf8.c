/* utf8 — decoding, display width, and safe text (see utf8.h). */
#include "utf8.h"

#include <langinfo.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len;
	uint32_t c, min;
	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		len = 2, c = u[0] & 0x1fu, min = 0x80;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		len = 3, c = u[0] & 0x0fu, min = 0x800;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		len = 4, c = u[0] & 0x07u, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((u[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (u[k] & 0x3fu);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	size_t len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
	static const unsigned char lead[] = { 0, 0, 0xc0, 0xe0, 0xf0 };
	for (size_t k = len - 1; k > 0; k--, cp >>= 6)
		u[k] = (unsigned char)(0x80 | (cp & 0x3f));
	u[0] = (unsigned char)(lead[len] | cp);
	return len;
}

bool utf8_is_unsafe(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* One character of the input as safe text shows it. */
struct utf8_unit {
	const char *text;   /* the input itself, or esc */
	size_t len;         /* bytes of text */
	size_t in;          /* bytes of the input it stands for */
	int cells;
	char esc[12];
};

static void utf8_escape(struct utf8_unit *u, uint32_t cp, bool bad_byte)
{
	static const char names[] = { '\n', 'n', '\t', 't', '\r', 'r' };
	int k = -1;
	for (size_t i = 0; i < sizeof names && !bad_byte; i += 2)
		if (cp == (unsigned char)names[i])
			k = snprintf(u->esc, sizeof u->esc, "\\%c", names[i + 1]);
	if (k < 0 && (bad_byte || cp < 0x80))
		k = snprintf(u->esc, sizeof u->esc, "\\x%02x", (unsigned)cp);
	else if (k < 0 && cp <= 0xffff)
		k = snprintf(u->esc, sizeof u->esc, "\\u%04x", (unsigned)cp);
	else if (k < 0)
		k = snprintf(u->esc, sizeof u->esc, "\\U%08x", (unsigned)cp);
	u->text = u->esc;
	u->len = (size_t)k;
	u->cells = k;
}

static void utf8_unit(const char *s, size_t n, unsigned flags,
		      struct utf8_unit *u)
{
	uint32_t cp = 0;
	size_t len = utf8_decode(s, n, &cp);
	bool keep_nl = flags & UTF8_KEEP_NL;
	u->text = s;
	u->in = u->len = len ? len : 1;
	u->cells = 1;
	if (!len) {
		utf8_escape(u, (unsigned char)s[0], true);
	} else if (keep_nl && (cp == '\n' || (cp == '\r' && n > 1 && s[1] == '\n'))) {
		u->in = u->len = cp == '\r' ? 2 : 1;
		u->cells = 0;
	} else if (utf8_is_unsafe(cp)) {
		utf8_escape(u, cp, false);
	} else if (cp >= 0x80 && (flags & UTF8_ASCII)) {
		if (cp == 0x2026) {
			u->text = "...";
			u->len = 3;
			u->cells = 3;
		} else {
			utf8_escape(u, cp, false);
		}
	} else if (cp >= 0x80 && !(flags & UTF8_CHARS)) {
		int w = wcwidth((wchar_t)cp);
		u->cells = w >= 0 ? w : 1;
	}
}

/* Printable ASCII, the common case: one byte, one cell, shown as it is
 * whatever the flags. */
static bool utf8_plain_byte(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7f;
}

size_t utf8_char(const char *s, size_t n, unsigned flags, int *cells)
{
	if (utf8_plain_byte(s[0])) {
		*cells = 1;
		return 1;
	}
	struct utf8_unit u;
	utf8_unit(s, n, flags, &u);
	*cells = u.cells;
	return u.in;
}

size_t utf8_char_shown(const char *s, size_t n, unsigned flags, int *cells,
		       size_t *shown, bool *as_is)
{
	if (utf8_plain_byte(s[0])) {
		*cells = 1;
		*shown = 1;
		*as_is = true;
		return 1;
	}
	struct utf8_unit u;
	utf8_unit(s, n, flags, &u);
	*cells = u.cells;
	*shown = u.len;
	*as_is = u.text == s && u.len == u.in;
	return u.in;
}

int utf8_widthn(const char *s, size_t n, unsigned flags)
{
	long w = 0;
	struct utf8_unit u;
	for (size_t i = 0; i < n && w < INT_MAX; i += u.in) {
		if (utf8_plain_byte(s[i])) {
			u.in = 1;
			w++;
			continue;
		}
		utf8_unit(s + i, n - i, flags, &u);
		w += u.cells;
	}
	return w < INT_MAX ? (int)w : INT_MAX;
}

int utf8_width(const char *s)
{
	return utf8_widthn(s, strlen(s), 0);
}

bool utf8_is_safe(const char *s, size_t n, unsigned flags)
{
	struct utf8_unit u;
	for (size_t i = 0; i < n; i += u.in) {
		if (utf8_plain_byte(s[i])) {
			u.in = 1;    /* the common case, quickly */
			continue;
		}
		utf8_unit(s + i, n - i, flags, &u);
		if (u.text != s + i)
			return false;
	}
	return true;
}

size_t utf8_safen(const char *s, size_t n, unsigned flags, char *out,
		  size_t size)
{
	size_t need = 0;
	bool full = size == 0;
	struct utf8_unit u;
	for (size_t i = 0; i < n; i += u.in) {
		utf8_unit(s + i, n - i, flags, &u);
		if (!full && need + u.len < size)
			memcpy(out + need, u.text, u.len);
		else if (!full)
			full = true, out[need] = '\0';
		need += u.len;
	}
	if (!full)
		out[need] = '\0';
	return need;
}

size_t utf8_safe(const char *s, char *out, size_t size)
{
	return utf8_safen(s, strlen(s), 0, out, size);
}

size_t utf8_safe_cut(const char *s, size_t n, int max_cells, unsigned flags,
		     char *out, size_t size)
{
	if (size == 0)
		return 0;
	int w = max_cells < 0 ? INT_MAX : max_cells;
	size_t need = utf8_safen(s, n, flags, NULL, 0);
	if (need < size && utf8_widthn(s, n, flags) <= w)
		return utf8_safen(s, n, flags, out, size);
	bool dots = flags & (UTF8_ASCII | UTF8_CUT_DOTS);
	const char *ell = dots ? "..." : UTF8_ELLIPSIS;
	int ew = dots ? 3 : 1;
	size_t eb = strlen(ell), used = 0;
	int cells = 0;
	struct utf8_unit u;
	for (size_t i = 0; i < n; i += u.in) {
		utf8_unit(s + i, n - i, flags, &u);
		if (cells + u.cells > w - ew || used + u.len + eb >= size)
			break;
		memcpy(out + used, u.text, u.len);
		used += u.len;
		cells += u.cells;
	}
	if (cells + ew <= w && used + eb < size) {
		memcpy(out + used, ell, eb);
		used += eb;
	}
	out[used] = '\0';
	return used;
}

int utf8_fput(const char *s, size_t n, unsigned flags, FILE *f)
{
	size_t run = 0;   /* bytes from s + i - run on that pass as they are */
	struct utf8_unit u;
	for (size_t i = 0; i < n; i += u.in) {
		utf8_unit(s + i, n - i, flags, &u);
		if (u.text == s + i) {
			run += u.in;
			continue;
		}
		if ((run && fwrite(s + i - run, 1, run, f) != run) ||
		    fwrite(u.text, 1, u.len, f) != u.len)
			return EOF;
		run = 0;
	}
	if (run && fwrite(s + n - run, 1, run, f) != run)
		return EOF;
	return ferror(f) ? EOF : 0;
}

int utf8_fpad(const char *s, int width, unsigned flags, FILE *f)
{
	size_t n = strlen(s);
	int w = utf8_widthn(s, n, flags);
	utf8_fput(s, n, flags, f);
	for (int i = w; i < width; i++)
		fputc(' ', f);
	return w > width ? w : width;
}

bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

unsigned utf8_out_flags(void)
{
	return utf8_locale() ? 0 : UTF8_ASCII;
}
