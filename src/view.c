/* view — the screen model's building blocks and the simple screens:
 * "please enlarge", help overlay, notice, finish (see view.h). */
#include "view.h"

#include "bigdigits.h"
#include "duration.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ----------------------------------------------------------------- */

/* One character at s (at most n bytes) as view_put shows it with flags:
 * its width in cells, its length in *bytes (utf8 owns decoding, widths
 * and escaping). */
static int view_char(const char *s, size_t n, unsigned flags, size_t *bytes)
{
	int cells;
	*bytes = utf8_char(s, n, flags, &cells);
	return cells;
}

int view_cells(const struct view *v, const char *text)
{
	return utf8_widthn(text, strlen(text), v->flags);
}

/* Bytes of text (at most n) that fit in w cells and, once made safe
 * with flags, in fewer than room bytes; *used gets the cells they take,
 * *as_is whether those bytes are their own safe form. A cut falls
 * between characters, never inside an escape. */
static size_t view_fit(const char *text, size_t n, unsigned flags, int w,
		       size_t room, int *used, bool *as_is)
{
	size_t i = 0, b, sb, bytes = 0;
	int cells = 0, cw;
	bool same = true, one;
	while (i < n && text[i]) {
		if ((unsigned char)text[i] >= 0x20 && (unsigned char)text[i] < 0x7f) {
			cw = 1, b = sb = 1;      /* printable ASCII, the common case */
			one = true;
		} else {
			b = utf8_char_shown(text + i, n - i, flags, &cw, &sb, &one);
		}
		if (cells + cw > w || bytes + sb >= room)
			break;
		cells += cw;
		bytes += sb;
		same &= one;
		i += b;
	}
	*used = cells;
	*as_is = same;
	return i;
}

#define VIEW_SAFE_MAX 2048   /* bytes of one span once made safe */

/* ---- spans ---------------------------------------------------------------- */

void view_begin(struct view *v, int rows, int cols, bool utf8)
{
	v->rows = rows;
	v->cols = cols;
	v->utf8 = utf8;
	v->flags = utf8 ? 0 : UTF8_ASCII;
	v->cursor = false;
	v->cursor_row = v->cursor_col = 0;
	v->n = 0;
	v->used = 0;
}

bool view_too_small(int rows, int cols)
{
	return rows < VIEW_MIN_ROWS || cols < VIEW_MIN_COLS;
}

static bool view_add(struct view *v, int row, int col, int width,
		     enum view_style style, const char *text, size_t len)
{
	if (v->n >= VIEW_MAX_SPANS || v->used + len + 1 > VIEW_TEXT_MAX)
		return false;
	struct view_span *s = &v->span[v->n++];
	s->row = (short)row;
	s->col = (short)col;
	s->width = (short)width;
	s->style = (unsigned char)style;
	s->off = (unsigned)v->used;
	s->len = (unsigned)len;
	if (text != v->text + v->used)  /* not made safe in place */
		memcpy(v->text + v->used, text, len);
	v->used += len;
	v->text[v->used++] = '\0';
	return true;
}

int view_putn(struct view *v, int row, int col, int max_w,
	      enum view_style style, const char *text, size_t len)
{
	if (row < 0 || row >= v->rows || col < 0 || col >= v->cols || max_w <= 0)
		return 0;
	if (max_w > v->cols - col)
		max_w = v->cols - col;
	/* Outside text reaches the screen only in its safe form, made where
	 * the span's text goes (view_add then keeps it there). */
	char *safe = v->text + v->used;
	size_t room = VIEW_TEXT_MAX - v->used;
	int w;
	bool as_is;
	if (room > VIEW_SAFE_MAX)
		room = VIEW_SAFE_MAX;
	len = strnlen(text, len);
	size_t fit = view_fit(text, len, v->flags, max_w, room, &w, &as_is);
	bool cut = fit < len;
	if (cut)
		fit = view_fit(text, len, v->flags, max_w - 1, room, &w, &as_is);
	if (!as_is) {
		fit = utf8_safen(text, fit, v->flags, safe, room);
		text = safe;
	}
	if (!view_add(v, row, col, w, style, text, fit) || !cut)
		return w;
	const char *ell = v->utf8 ? "\xe2\x80\xa6" : "~";
	if (view_add(v, row, col + w, 1, style, ell, strlen(ell)))
		w++;
	return w;
}

int view_put(struct view *v, int row, int col, int max_w,
	     enum view_style style, const char *text)
{
	return view_putn(v, row, col, max_w, style, text, strlen(text));
}

int view_putf(struct view *v, int row, int col, int max_w,
	      enum view_style style, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return view_put(v, row, col, max_w, style, buf);
}

/* A run of n spaces (for clearing the inside of a box). */
static void view_blank(struct view *v, int row, int col, int n,
		       enum view_style style)
{
	static const char spaces[] = "                                                                "
				     "                                                                ";
	while (n > 0) {
		int k = n < (int)sizeof spaces - 1 ? n : (int)sizeof spaces - 1;
		view_putn(v, row, col, k, style, spaces, (size_t)k);
		col += k;
		n -= k;
	}
}

char *view_row_text(const struct view *v, int row, char *buf, size_t size)
{
	enum { MAXC = 512 };
	char cell[MAXC][5];
	int cols = v->cols < MAXC ? v->cols : MAXC;
	for (int c = 0; c < cols; c++)
		strcpy(cell[c], " ");
	for (size_t i = 0; i < v->n; i++) {
		const struct view_span *s = &v->span[i];
		if (s->row != row)
			continue;
		const char *t = v->text + s->off;
		size_t b;
		for (size_t k = 0, c = (size_t)s->col; k < s->len && c < (size_t)cols; k += b) {
			int w = view_char(t + k, s->len - k, 0, &b);
			if (w == 0)
				continue;
			memcpy(cell[c], t + k, b);
			cell[c][b] = '\0';
			if (w == 2 && c + 1 < (size_t)cols)
				cell[c + 1][0] = '\0';
			c += (size_t)w;
		}
	}
	size_t used = 0;
	buf[0] = '\0';
	for (int c = 0; c < cols; c++) {
		size_t n = strlen(cell[c]);
		if (used + n + 1 > size)
			break;
		memcpy(buf + used, cell[c], n);
		used += n;
	}
	while (used > 0 && buf[used - 1] == ' ')
		used--;
	buf[used] = '\0';
	return buf;
}

/* ---- wrapping ------------------------------------------------------------- */

void view_wrap_init(struct view_wrap *w, const char *text, int width,
		    unsigned flags)
{
	w->p = text ? text : "";
	w->width = width < 1 ? 1 : width;
	w->hang = 0;
	w->bol = true;
	w->flags = flags;
}

/* At the start of a source line: its indent and that of its continuations. */
static int view_wrap_indent(struct view_wrap *w)
{
	int n = 0;
	while (w->p[0] == ' ') {
		w->p++;
		n++;
	}
	if (n >= w->width)
		n = 0;
	w->hang = n;
	if ((w->p[0] == '-' || w->p[0] == '*') && w->p[1] == ' ')
		w->hang += 2;
	else if (strncmp(w->p, "\xe2\x80\xa2 ", 4) == 0)
		w->hang += 2;
	if (w->hang >= w->width)
		w->hang = n;
	return n;
}

bool view_wrap_next(struct view_wrap *w, int *indent, const char **s,
		    size_t *len)
{
	if (!*w->p)
		return false;
	if (w->bol) {
		*indent = view_wrap_indent(w);
	} else {
		*indent = w->hang;
		while (*w->p == ' ')
			w->p++;
	}
	const char *p = w->p, *q = p, *end = p;
	int cells = 0, room = w->width - *indent;
	size_t b;
	while (*q && *q != '\n') {
		int cw = view_char(q, strnlen(q, 4), w->flags, &b);
		if (cells + cw > room)
			break;
		cells += cw;
		q += b;
		if (*q == ' ' || *q == '\n' || !*q)
			end = q;
	}
	if (!*q || *q == '\n' || end == p)
		end = q;
	*s = p;
	*len = (size_t)(end - p);
	while (*end == ' ')
		end++;
	w->bol = *end == '\n' || !*end;
	if (*end == '\n')
		end++;
	w->p = end;
	return true;
}

static int view_indent_of(const char *p)
{
	int n = 0;
	while (p[n] == ' ')
		n++;
	return n;
}

static bool view_is_bullet(const char *p)
{
	return ((p[0] == '-' || p[0] == '*') && p[1] == ' ') ||
	       strncmp(p, "\xe2\x80\xa2 ", 4) == 0;
}

/* Whether the line break at nl (in a line whose text starts at hang
 * cells of indentation) only wraps a paragraph. */
static bool view_soft_break(const char *nl, int hang)
{
	const char *next = nl + 1;
	int indent = view_indent_of(next);
	if (next[indent] == '\n' || next[indent] == '\0' || indent != hang)
		return false;
	return !view_is_bullet(next + indent);
}

size_t view_reflow(const char *in, char *out, size_t size)
{
	size_t n = 0;
	int hang = 0;
	bool bol = true, blank = true;
	for (const char *p = in; *p; p++) {
		char c = *p;
		blank = bol ? true : blank;
		if (bol) {
			int indent = view_indent_of(p);
			hang = indent + (view_is_bullet(p + indent) ? 2 : 0);
			bol = false;
		}
		if (c != '\n' && c != ' ')
			blank = false;
		if (c == '\n' && !blank && view_soft_break(p, hang)) {
			c = ' ';
			p += view_indent_of(p + 1);
		} else if (c == '\n') {
			bol = true;
		}
		if (n + 1 < size)
			out[n] = c;
		n++;
	}
	if (size)
		out[n < size ? n : size - 1] = '\0';
	return n;
}

/* ---- enlarge -------------------------------------------------------------- */

void view_enlarge(struct view *v)
{
	char need[64];
	const char *x = v->utf8 ? "\xc3\x97" : "x";
	snprintf(need, sizeof need, "(at least %d%s%d, now %d%s%d)", VIEW_MIN_COLS,
		 x, VIEW_MIN_ROWS, v->cols, x, v->rows);
	const char *lines[] = { "Please enlarge", "the terminal", need };
	struct view_wrap w;
	int row = v->rows / 2 - 1, indent;
	const char *s;
	size_t len;
	v->n = v->used = 0;
	if (row < 0)
		row = 0;
	for (size_t i = 0; i < 3; i++) {
		view_wrap_init(&w, lines[i], v->cols, v->flags);
		while (view_wrap_next(&w, &indent, &s, &len) && row < v->rows) {
			int cw = utf8_widthn(s, len, v->flags);
			int col = (v->cols - cw) / 2;
			view_putn(v, row++, col < 0 ? 0 : col, v->cols,
				  i == 2 ? VIEW_DIM : VIEW_BOLD, s, len);
		}
	}
}

/* ---- key hints --------------------------------------------------------------- */

static bool view_hint_shown(const struct keys_row *r, const struct view_hints *h)
{
	return keys_word(r, KEYS_HINT) && r->action != h->hide && r->keep >= h->level;
}

static const char *view_hint_label(const struct keys_row *r, const struct view_hints *h)
{
	const char *on = r->action == h->on ? keys_word(r, KEYS_LABEL_ON) : NULL;
	return on ? on : keys_word(r, KEYS_LABEL);
}

int view_hints_width(const struct view *v, const struct view_hints *h)
{
	int w = 0;
	for (const struct keys_row *r = keys_next(h->keys, NULL); r; r = keys_next(h->keys, r)) {
		if (!view_hint_shown(r, h))
			continue;
		w += (w ? h->gap : 0) + view_cells(v, keys_hint(r, v->utf8)) + 1 +
		     view_cells(v, view_hint_label(r, h));
	}
	return w;
}

int view_hints(struct view *v, int row, int col, const struct view_hints *h)
{
	int start = col;
	for (const struct keys_row *r = keys_next(h->keys, NULL); r; r = keys_next(h->keys, r)) {
		if (!view_hint_shown(r, h))
			continue;
		if (col > start)
			col += h->gap;
		col += view_put(v, row, col, v->cols - col, VIEW_KEY, keys_hint(r, v->utf8));
		col += view_putf(v, row, col, v->cols - col, VIEW_NORMAL, " %s",
				 view_hint_label(r, h));
	}
	return col - start;
}

/* ---- overlays: help and notice --------------------------------------------- */

/* A text area inside a frame: rows [top, top+height), cols [left, left+width). */
struct view_area {
	int top, height, left, width;
	int scroll, line;            /* lines to skip; lines produced so far */
	bool draw;
};

static void view_area_line(struct view *v, struct view_area *a, int indent,
			   enum view_style style, const char *s, size_t len)
{
	int r = a->line - a->scroll;
	a->line++;
	if (!a->draw || r < 0 || r >= a->height)
		return;
	view_putn(v, a->top + r, a->left + indent, a->width - indent, style, s, len);
}

static void view_area_text(struct view *v, struct view_area *a,
			   enum view_style style, const char *text)
{
	struct view_wrap w;
	const char *s;
	size_t len;
	int indent;
	view_wrap_init(&w, text, a->width, v->flags);
	while (view_wrap_next(&w, &indent, &s, &len))
		view_area_line(v, a, indent, style, s, len);
}

/* The player's keys: names in a column, then what they do, wrapped. */
static void view_area_keys(struct view *v, struct view_area *a)
{
	for (const struct keys_row *k = keys_next(&keys_player, NULL); k;
	     k = keys_next(&keys_player, k)) {
		struct view_wrap w;
		const char *s;
		char names[64];
		size_t len;
		int indent, r = a->line - a->scroll;
		if (a->draw && r >= 0 && r < a->height)
			view_put(v, a->top + r, a->left + 1, 9, VIEW_KEY,
				 keys_names(k, "  ", v->utf8, names, sizeof names));
		view_wrap_init(&w, keys_word(k, KEYS_HELP), a->width - 11, v->flags);
		while (view_wrap_next(&w, &indent, &s, &len))
			view_area_line(v, a, 11 + indent, VIEW_NORMAL, s, len);
	}
}

static void view_help_content(struct view *v, struct view_area *a,
			      const char *safety)
{
	view_area_line(v, a, 0, VIEW_BOLD, "Keys", 4);
	view_area_keys(v, a);
	if (!safety)
		return;
	view_area_line(v, a, 0, VIEW_NORMAL, "", 0);
	view_area_line(v, a, 0, VIEW_BOLD, "Safety", 6);
	view_area_text(v, a, VIEW_NORMAL, safety);
}

static void view_frame(struct view *v, int top, int left, int h, int w,
		       const char *title)
{
	const char *hz = v->utf8 ? "\xe2\x94\x80" : "-";
	const char *vt = v->utf8 ? "\xe2\x94\x82" : "|";
	const char *c[4] = { "+", "+", "+", "+" };
	if (v->utf8) {
		c[0] = "\xe2\x94\x8c"; c[1] = "\xe2\x94\x90";
		c[2] = "\xe2\x94\x94"; c[3] = "\xe2\x94\x98";
	}
	char line[4 * 512 + 1];
	size_t n = 0, hl = strlen(hz);
	for (int i = 0; i < w - 2 && n + hl < sizeof line; i++, n += hl)
		memcpy(line + n, hz, hl);
	line[n] = '\0';
	for (int r = top; r < top + h; r++) {
		bool edge = r == top || r == top + h - 1;
		view_put(v, r, left, 1, VIEW_BORDER, edge ? c[r == top ? 0 : 2] : vt);
		if (edge)
			view_put(v, r, left + 1, w - 2, VIEW_BORDER, line);
		else
			view_blank(v, r, left + 1, w - 2, VIEW_NORMAL);
		view_put(v, r, left + w - 1, 1, VIEW_BORDER,
			 edge ? c[r == top ? 1 : 3] : vt);
	}
	if (title)
		view_putf(v, top, left + 2, w - 4, VIEW_BOLD, " %s ", title);
}

/* Clamps a scroll position to [0, total - height]. */
static int view_clamp_scroll(int scroll, int total, int height)
{
	if (scroll > total - height)
		scroll = total - height;
	return scroll < 0 ? 0 : scroll;
}

static void view_more(struct view *v, int row, int right, int scroll,
		      int total, int height)
{
	const char *up = v->utf8 ? "\xe2\x86\x91" : "^";
	const char *down = v->utf8 ? "\xe2\x86\x93" : "v";
	char buf[32];
	if (total <= height)
		return;
	snprintf(buf, sizeof buf, " %s%s more ", scroll > 0 ? up : "",
		 scroll + height < total ? down : "");
	int w = view_cells(v, buf);
	view_put(v, row, right - w, w, VIEW_DIM, buf);
}

int view_help(struct view *v, const char *safety, int scroll)
{
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return 0;
	}
	bool small = v->cols < 60 || v->rows < 20;
	int w = small ? v->cols : v->cols - 4 < 72 ? v->cols - 4 : 72;
	int h = small ? v->rows - 1 : v->rows - 4;   /* the header, the bar and
	                                              * the keys stay in sight */
	struct view_area a = { .width = w - 4, .draw = false };
	view_help_content(v, &a, safety);
	int total = a.line;
	if (total + 2 < h)
		h = total + 2;
	int top = small ? 1 : 2 + (v->rows - 4 - h) / 2, left = (v->cols - w) / 2;
	view_frame(v, top, left, h, w, "Help");
	a = (struct view_area){ top + 1, h - 2, left + 2, w - 4, 0, 0, true };
	a.scroll = view_clamp_scroll(scroll, total, a.height);
	view_help_content(v, &a, safety);
	view_more(v, top + h - 1, left + w - 2, a.scroll, total, a.height);
	return a.scroll;
}

int view_notice(struct view *v, const char *title, const char *text,
		const struct keys_table *keys, int scroll)
{
	char hints[256];
	view_begin(v, v->rows, v->cols, v->utf8);
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return 0;
	}
	int w = v->cols - 4 < 76 ? v->cols - 4 : 76;
	int left = (v->cols - w) / 2;
	view_put(v, 0, left, w, VIEW_BOLD, title);
	struct view_area a = { 2, v->rows - 4, left, w, 0, 0, false };
	view_area_text(v, &a, VIEW_NORMAL, text);
	int total = a.line;
	a.scroll = view_clamp_scroll(scroll, total, a.height);
	a.line = 0;
	a.draw = true;
	view_area_text(v, &a, VIEW_NORMAL, text);
	view_more(v, v->rows - 2, left + w, a.scroll, total, a.height);
	view_put(v, v->rows - 1, left, w, VIEW_KEY,
		 keys_hint_text(keys, v->utf8, ": ", "   ", false, hints, sizeof hints));
	return a.scroll;
}

/* ---- finish ---------------------------------------------------------------- */

struct view_finish_line {
	const char *label;
	char value[96];
};

/* What was done: time, exercises (and skipped), the extension when there
 * was one, the time paused, the streak when it is known. */
static int view_finish_lines(const struct view_finish_in *in,
			     struct view_finish_line *l)
{
	const struct engine_summary *s = in->sum;
	char a[DURATION_BUF], b[DURATION_BUF];
	int n = 0;
	l[n].label = "Time";
	snprintf(l[n++].value, sizeof l->value, "%s of %s planned",
		 duration_format_round(s->done_ms, a, sizeof a),
		 duration_format_left(s->planned_ms, b, sizeof b));
	l[n].label = "Exercises";
	snprintf(l[n++].value, sizeof l->value, "%d of %d done, %d skipped",
		 s->exercises_done, s->exercises_total, s->exercises_skipped);
	if (s->extended_ms > 0) {
		l[n].label = "Extended";
		duration_format_delta(duration_round_seconds(s->extended_ms) * 1000,
				      l[n++].value, sizeof l->value);
	}
	l[n].label = "Paused";
	duration_format_round(s->paused_ms, l[n++].value, sizeof l->value);
	if (in->streak > 0) {
		l[n].label = "Streak";
		view_streak(in->streak, l[n++].value, sizeof l->value);
	}
	return n;
}

const char *view_sep(const struct view *v)
{
	return v->utf8 ? " \xc2\xb7 " : " - ";
}

int view_digits_cap(int rows)
{
	int cap = (rows - 9) * 2 / 5;
	return cap > 5 ? cap : 5;
}

void view_centre(struct view *v, int row, enum view_style style, const char *text)
{
	int w = view_cells(v, text);
	int col = w < v->cols - 2 ? (v->cols - w) / 2 : 1;
	view_put(v, row, col, v->cols - 2, style, text);
}

int view_big_scale(const struct view *v, int room, const char *text)
{
	int cap = view_digits_cap(v->rows);
	return room >= 3 ? bigdigits_fit(text, room < cap ? room : cap,
					 v->cols - 4, v->utf8) : 0;
}

void view_big_rows(struct view *v, int row, int col, int w,
		   enum view_style style, int scale, const char *text)
{
	/* The row on the heap: it is as long as the screen is wide, and
	 * the stack under it is resident for the whole session. */
	size_t size = bigdigits_row_size(text, scale);
	char *buf = malloc(size);
	if (!buf)
		return;
	for (int r = 0; r < bigdigits_rows(scale); r++)
		view_put(v, row + r, col, w, style,
			 bigdigits_row(text, scale, v->utf8, r, buf, size));
	free(buf);
}

void view_big_digits(struct view *v, int row, int scale, const char *text)
{
	int w = bigdigits_width(text, scale);
	view_big_rows(v, row, (v->cols - w) / 2, w, VIEW_BAR_DONE, scale, text);
}

static void view_finish_keys(struct view *v, int row, bool can_menu)
{
	struct view_hints h = { &keys_finish, can_menu ? KEYS_ACT_NONE : KEYS_ACT_MENU,
				KEYS_ACT_NONE, 0, 3 };
	view_hints(v, row, (v->cols - view_hints_width(v, &h)) / 2, &h);
}

/* ---- the check-in ---------------------------------------------------------- */

#define VIEW_CHECKIN_GAP 2
#define VIEW_CHECKIN_MAX 8

/* Its answers ("1 worse", ..., "any other key to skip"): the rows of
 * keys_checkin with a hint, each one's cells, the separator's. */
struct view_checkin {
	const struct keys_row *r[VIEW_CHECKIN_MAX];
	int w[VIEW_CHECKIN_MAX], all, sep_w;
	size_t n;
	const char *sep;
};

static void view_checkin_items(const struct view *v, struct view_checkin *c)
{
	c->n = 0;
	c->sep = v->utf8 ? " \xc2\xb7 " : ", ";
	c->sep_w = view_cells(v, c->sep);
	c->all = 0;
	for (const struct keys_row *r = keys_next(&keys_checkin, NULL);
	     r && c->n < VIEW_CHECKIN_MAX; r = keys_next(&keys_checkin, r)) {
		if (!keys_word(r, KEYS_HINT))
			continue;
		c->r[c->n] = r;
		c->w[c->n] = view_cells(v, keys_hint(r, v->utf8)) + 1 +
			     view_cells(v, keys_word(r, KEYS_LABEL));
		c->all += c->w[c->n] + (c->n ? c->sep_w : 0);
		c->n++;
	}
}

/* The answers from item `from` that fit in width (one at least): the
 * item after them; *cells what they take. */
static size_t view_checkin_line(const struct view_checkin *c, size_t from, int width,
				int *cells)
{
	size_t k = from;
	*cells = 0;
	while (k < c->n && (k == from || *cells + c->sep_w + c->w[k] <= width)) {
		*cells += (k > from ? c->sep_w : 0) + c->w[k];
		k++;
	}
	return k;
}

/* Rows the check-in takes: the question and its answers on one row when
 * they fit across, else the question above its answers (wrapped between
 * them); the answer given on one; none once skipped. */
static int view_checkin_rows(const struct view *v, const struct view_finish_in *in)
{
	struct view_checkin c;
	int cells, rows = 1;
	if (!in->asking)
		return in->feel ? 1 : 0;
	view_checkin_items(v, &c);
	if (view_cells(v, keys_checkin.prompt) + VIEW_CHECKIN_GAP + c.all <= v->cols - 2)
		return 1;
	for (size_t k = 0; k < c.n; rows++)
		k = view_checkin_line(&c, k, v->cols - 2, &cells);
	return rows;
}

/* Answers [from, to) from col on row, each key in VIEW_KEY. */
static void view_checkin_answers(struct view *v, const struct view_checkin *c, int row,
				 int col, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++) {
		const struct keys_row *r = c->r[k];
		if (k > from)
			col += view_put(v, row, col, v->cols - 1 - col, VIEW_DIM, c->sep);
		col += view_put(v, row, col, v->cols - 1 - col, VIEW_KEY, keys_hint(r, v->utf8));
		col += view_putf(v, row, col, v->cols - 1 - col, VIEW_NORMAL, " %s",
				 keys_word(r, KEYS_LABEL));
	}
}

/* The check-in in its rows (view_checkin_rows, from the layout). */
static void view_checkin(struct view *v, int row, const struct view_finish_in *in,
			 int rows)
{
	struct view_checkin c;
	char buf[64];
	int cells;
	if (!in->asking) {
		snprintf(buf, sizeof buf, "Check-in: %s", in->feel ? in->feel : "");
		if (rows)
			view_centre(v, row, VIEW_DIM, buf);
		return;
	}
	view_checkin_items(v, &c);
	int q = view_cells(v, keys_checkin.prompt);
	if (rows == 1) {
		int col = (v->cols - q - VIEW_CHECKIN_GAP - c.all) / 2;
		view_put(v, row, col, q, VIEW_BOLD, keys_checkin.prompt);
		view_checkin_answers(v, &c, row, col + q + VIEW_CHECKIN_GAP, 0, c.n);
		return;
	}
	view_centre(v, row, VIEW_BOLD, keys_checkin.prompt);
	for (size_t k = 0, next; k < c.n; k = next) {
		next = view_checkin_line(&c, k, v->cols - 2, &cells);
		view_checkin_answers(v, &c, ++row, cells < v->cols - 2 ? (v->cols - cells) / 2 : 1,
				     k, next);
	}
}

/* ---- the screen -------------------------------------------------------------- */

/* The figures in two columns from row on. */
static void view_finish_table(struct view *v, int row, const struct view_finish_line *l,
			      int n)
{
	int w = 0;
	for (int i = 0; i < n; i++)
		w = view_cells(v, l[i].value) > w ? view_cells(v, l[i].value) : w;
	w += 12;
	int left = (v->cols - w) / 2;
	left = left < 1 ? 1 : left;
	for (int i = 0; i < n; i++, row++) {
		view_put(v, row, left, 12, VIEW_DIM, l[i].label);
		view_put(v, row, left + 12, v->cols - 1 - left - 12, VIEW_NORMAL,
			 l[i].value);
	}
}

void view_finish(struct view *v, const struct view_finish_in *in)
{
	const struct engine_summary *s = in->sum;
	struct view_finish_line lines[5];
	char done[DURATION_BUF];
	view_begin(v, v->rows, v->cols, v->utf8);
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return;
	}
	int n = view_finish_lines(in, lines), c = view_checkin_rows(v, in);
	duration_format_round(s->done_ms, done, sizeof done);
	/* title, name, the lines, the check-in and the keys, a row between
	 * each part while there is room for that */
	int parts = 1 + 1 + n + c + 1, gaps = 3 + (c > 0);
	int gap = parts + gaps <= v->rows - 2 ? 1 : 0;
	int fixed = parts + gap * gaps, room = v->rows - fixed - 3;
	int scale = view_big_scale(v, room, done);
	int digits = scale ? bigdigits_rows(scale) + gap : 0;
	int row = (v->rows - fixed - digits) / 2;
	char title[64] = " Session stopped ";
	if (s->completed)
		snprintf(title, sizeof title, " Session complete%swell done ", view_sep(v));
	view_centre(v, row, s->completed ? VIEW_BADGE_WORK : VIEW_BADGE_PAUSED, title);
	row += 1 + gap;
	view_centre(v, row, VIEW_BOLD, in->routine_name);
	row += 1 + gap;
	if (scale)
		view_big_digits(v, row, scale, done);
	row += digits;
	view_finish_table(v, row, lines, n);
	row += n + gap;
	if (c) {
		view_checkin(v, row, in, c);
		row += c + gap;
	}
	view_finish_keys(v, row, in->can_menu);
}

/* ---- the history's words ------------------------------------------------------ */

char *view_streak(int64_t days, char *buf, size_t size)
{
	if (days <= 0)
		snprintf(buf, size, "no streak");
	else
		snprintf(buf, size, "%lld day%s in a row", (long long)days,
			 days == 1 ? "" : "s");
	return buf;
}

char *view_ago(int64_t today, int64_t day, char *buf, size_t size)
{
	int64_t ago = day == VIEW_NEVER ? -1 : today - day;
	if (day == VIEW_NEVER)
		snprintf(buf, size, "never");
	else if (ago <= 0)
		snprintf(buf, size, "today");
	else if (ago == 1)
		snprintf(buf, size, "yesterday");
	else
		snprintf(buf, size, "%lld days ago", (long long)ago);
	return buf;
}

char *view_minutes(int64_t seconds, char *buf, size_t size)
{
	int64_t min = seconds > 0 ? (seconds + 30) / 60 : 0;
	if (seconds > 0 && min == 0)
		snprintf(buf, size, "<1 min");
	else if (min < 60)
		snprintf(buf, size, "%lld min", (long long)min);
	else
		snprintf(buf, size, "%lld h %lld min", (long long)(min / 60),
			 (long long)(min % 60));
	return buf;
}
