/* view_player — the player screen's model (see view.h). */
#include <stdio.h>
#include <string.h>

#include "bigdigits.h"
#include "duration.h"
#include "view.h"

char *view_short_time(int64_t ms, char *buf, size_t size)
{
	return duration_format_s(duration_ceil_seconds(ms), buf, size);
}

static const char *view_sep(const struct view *v)
{
	return v->utf8 ? " \xc2\xb7 " : " - ";
}

static enum view_style view_kind_style(enum segment_kind k, bool badge)
{
	static const enum view_style plain[] = { VIEW_PREPARE, VIEW_WORK,
						 VIEW_SWITCH, VIEW_REST };
	static const enum view_style badges[] = { VIEW_BADGE_PREPARE, VIEW_BADGE_WORK,
						  VIEW_BADGE_SWITCH, VIEW_BADGE_REST };
	return badge ? badges[k] : plain[k];
}

static const char *view_kind_label(enum segment_kind k)
{
	static const char *const labels[] = { "GET READY", "WORK", "SWITCH SIDES",
					      "REST" };
	return labels[k];
}

static bool view_left_right(const char *side)
{
	return strcmp(side, "left") == 0 || strcmp(side, "right") == 0;
}

char *view_where(const struct segment *g, int flags, const char *sep,
		 char *buf, size_t size)
{
	size_t n = 0;
	bool caps = flags & VIEW_WHERE_CAPS, brief = flags & VIEW_WHERE_SHORT;
	buf[0] = '\0';
	if (g->side) {
		for (const char *p = g->side; *p && n + 1 < size; p++)
			buf[n++] = caps && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
		buf[n] = '\0';
		if (!brief && view_left_right(g->side))
			snprintf(buf + n, size - n, " side");
		n = strlen(buf);
	}
	if (g->set_n > 1)
		snprintf(buf + n, size - n, brief ? "%sset %d/%d" : "%sset %d of %d",
			 n ? sep : "", g->set_i, g->set_n);
	return buf;
}

const struct segment *view_next_work(const struct plan *p, size_t i)
{
	for (size_t j = i; j < p->n && p->seg[j].step == p->seg[i].step; j++)
		if (p->seg[j].kind == SEG_WORK)
			return &p->seg[j];
	return &p->seg[i];
}

/* ---- layout -------------------------------------------------------------- */

void view_player_layout(int rows, bool has_reps, struct view_player_layout *l)
{
	int reps = has_reps ? 1 : 0;
	int avail = rows - 4;                 /* between the bar and "Next" */
	l->header = 0;
	l->bar = 1;
	l->footer = rows - 1;
	l->next = rows - 2;
	l->digits_rows = avail >= 12 + reps ? 5 : avail >= 5 + reps ? 3 : 1;
	int spare = avail - 1 - l->digits_rows - reps;
	bool roomy = spare >= 8, some = spare >= 5;
	int row = 2 + roomy + (spare > 16 ? (spare - 16) / 3 : 0);   /* tall: centre */
	l->label = row++;
	row += some;
	l->digits = row;
	row += l->digits_rows + some;
	l->reps = l->cue = -1;
	if (has_reps) {
		l->reps = row++;
		if (spare >= 7)
			l->cue = row++;
	}
	row += roomy && has_reps;
	l->body_top = row;
	l->body_end = l->next - roomy;
	if (l->body_end < l->body_top)
		l->body_end = l->body_top;
}

/* ---- header, bar, footer ----------------------------------------------------- */

static void view_header(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	char el[24], rem[24], right[80], step[48];
	size_t k = st->step_index + 1, n = st->step_count;
	if (st->finished)
		k = n;
	view_mmss(st->shown_elapsed_s, el, sizeof el);       /* the engine's, as-is */
	view_mmss(st->shown_remaining_s, rem, sizeof rem);
	bool wide = v->cols >= 72;
	if (wide) {
		snprintf(right, sizeof right, "%s elapsed  %s left", el, rem);
		snprintf(step, sizeof step, "Step %zu of %zu", k, n);
	} else {
		snprintf(right, sizeof right, "%zu/%zu  %s/%s", k, n, el, rem);
		step[0] = '\0';
	}
	int rw = view_width(right), sw = view_width(step);
	int rcol = v->cols - 1 - rw;
	view_put(v, row, rcol, rw, VIEW_NORMAL, right);
	int end = rcol - 2;
	if (sw) {
		int scol = (v->cols - sw) / 2;
		if (scol + sw + 2 > rcol)
			scol = rcol - 2 - sw;
		view_put(v, row, scol, sw, VIEW_DIM, step);
		end = scol - 2;
	}
	view_put(v, row, 1, end - 1, VIEW_BOLD, in->plan->routine->name);
}

static int view_repeat(char *buf, size_t size, const char *glyph, int n)
{
	size_t gl = strlen(glyph), used = 0;
	int k = 0;
	for (; k < n && used + gl < size; k++, used += gl)
		memcpy(buf + used, glyph, gl);
	buf[used] = '\0';
	return k;
}

static void view_bar(struct view *v, const struct engine_state *st, int row)
{
	char buf[4 * 512 + 1], pct[8];
	/* From the header's clocks, so that it moves only when they do. */
	int64_t done_ms = st->shown_elapsed_s * 1000;
	int64_t total = done_ms + st->shown_remaining_s * 1000;
	if (total <= 0)
		total = 1;
	if (st->finished)
		done_ms = total;
	int bw = v->cols - 2 - 5;
	int done = (int)(done_ms * bw / total);
	snprintf(pct, sizeof pct, "%3d%%", (int)(done_ms * 100 / total));
	view_repeat(buf, sizeof buf, v->utf8 ? "\xe2\x96\x88" : "#", done);
	view_put(v, row, 1, done, VIEW_BAR_DONE, buf);
	view_repeat(buf, sizeof buf, v->utf8 ? "\xe2\x96\x91" : "-", bw - done);
	view_put(v, row, 1 + done, bw - done, VIEW_BAR_TODO, buf);
	view_put(v, row, v->cols - 5, 4, VIEW_NORMAL, pct);
}

struct view_hint {
	const char *key, *ascii, *label;
	int keep;                    /* higher stays longer when space is short */
};

static void view_footer(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	if (in->confirm_quit) {
		char spaces[512];
		view_repeat(spaces, sizeof spaces, " ", v->cols);
		view_put(v, row, 0, v->cols, VIEW_ALERT, spaces);
		view_put(v, row, 1, v->cols - 2, VIEW_ALERT, v->cols >= 56
			 ? "Quit this session?  y = yes, quit   n = no, go on"
			 : "Quit this session? y = yes, n = no");
		return;
	}
	bool rep = st->seg && st->seg->self_paced;
	struct view_hint h[] = {
		{ "space", "space", st->paused ? "resume" : "pause", 9 },
		{ "n/\xe2\x86\x92", "n", "skip", 6 },
		{ "b/\xe2\x86\x90", "b", "back", 4 },
		{ "+/-", "+/-", "10s", 5 },
		{ "Enter", "Enter", "rep", rep ? 8 : 0 },
		{ "?", "?", "help", 7 },
		{ "q", "q", "quit", 8 },
	};
	size_t n = sizeof h / sizeof *h;
	for (int level = 1; level <= 10; level++) {
		int w = -2;
		for (size_t i = 0; i < n; i++)
			if (h[i].keep >= level)
				w += 2 + view_width(v->utf8 ? h[i].key : h[i].ascii) + 1 +
				     view_width(h[i].label);
		if (w <= v->cols - 2) {
			int col = 1;
			for (size_t i = 0; i < n; i++) {
				if (h[i].keep < level)
					continue;
				if (col > 1)
					col += 2;
				col += view_put(v, row, col, v->cols - col, VIEW_KEY,
						v->utf8 ? h[i].key : h[i].ascii);
				col += view_putf(v, row, col, v->cols - col, VIEW_NORMAL,
						 " %s", h[i].label);
			}
			return;
		}
	}
}

/* ---- label, digits, reps ----------------------------------------------------- */

#define VIEW_NAME_MIN 4           /* cells below which a name is left out */
#define VIEW_NAME_WANT 12         /* a name gets this before the long where */

/* g's where in the form that leaves a name of name_w cells enough of
 * room: the long one when it still does, else the short one. */
static const char *view_where_fit(const struct view *v, const struct segment *g,
				  int name_w, int room, char *buf, size_t size)
{
	int want = name_w < VIEW_NAME_WANT ? name_w : VIEW_NAME_WANT;
	int sep = view_width(view_sep(v));
	if (*view_where(g, VIEW_WHERE_CAPS, view_sep(v), buf, size) &&
	    room - sep - view_width(buf) < want)
		view_where(g, VIEW_WHERE_CAPS | VIEW_WHERE_SHORT, view_sep(v), buf, size);
	return buf;
}

/* "name · where" in [col, end): the where is measured first and kept
 * whole; the name is shortened (…) to the room left, or left out when
 * that is under VIEW_NAME_MIN cells. */
static void view_name_where(struct view *v, int row, int col, int end,
			    const char *name, const struct segment *g)
{
	char where[160];
	int name_w = view_width(name);
	view_where_fit(v, g, name_w, end - col, where, sizeof where);
	int rest = *where ? view_width(view_sep(v)) + view_width(where) : 0;
	int room = end - col - rest;
	if (!*where || room >= VIEW_NAME_MIN || room >= name_w) {
		col += view_put(v, row, col, *where ? room : end - col, VIEW_BOLD, name);
		if (!*where)
			return;
		col += view_put(v, row, col, end - col, VIEW_NORMAL, view_sep(v));
	}
	view_put(v, row, col, end - col, VIEW_NORMAL, where);
}

/* A transition's "Up next: ..." after the badges. */
static void view_label_next(struct view *v, const struct view_player_in *in,
			    int row, int col, int end)
{
	const struct segment *g = in->st->seg;
	const struct plan *p = in->plan;
	char where[160];
	if (!g->exercise) {
		size_t j = plan_step_end(p, in->st->seg_index);
		const char *name = j < p->n && p->seg[j].exercise
					   ? p->seg[j].exercise->name
					   : j < p->n ? "Rest" : "the end";
		view_put(v, row, col, end - col, VIEW_BOLD, name);
		return;
	}
	const struct segment *w = view_next_work(p, in->st->seg_index);
	view_where_fit(v, w, view_width(g->exercise->name), end - col, where,
		       sizeof where);
	if (!*where) {
		view_put(v, row, col, end - col, VIEW_BOLD, g->exercise->name);
		return;
	}
	col += view_put(v, row, col, end - col, VIEW_BOLD, where);
	view_putf(v, row, col, end - col, VIEW_NORMAL, "%s%s", view_sep(v),
		  g->exercise->name);
}

/* What the label line says after the badges. */
static void view_label_text(struct view *v, const struct view_player_in *in,
			    int row, int col, int end)
{
	const struct segment *g = in->st->seg;
	if (g->kind == SEG_WORK) {
		view_name_where(v, row, col, end, g->exercise->name, g);
		return;
	}
	if (g->kind == SEG_PREPARE && g->exercise) {
		view_name_where(v, row, col, end, g->exercise->name,
				view_next_work(in->plan, in->st->seg_index));
		return;
	}
	if (g->kind != SEG_PREPARE)
		col += view_put(v, row, col, end - col, VIEW_DIM, "Up next: ");
	view_label_next(v, in, row, col, end);
}

static void view_label(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	const struct segment *g = st->seg;
	char buf[48];
	int col = 1, end = v->cols - 1;
	if (st->paused || st->resume_in_ms > 0)
		col += 1 + view_put(v, row, col, end - col, VIEW_BADGE_PAUSED,
				    st->paused ? " PAUSED " : " RESUMING ");
	snprintf(buf, sizeof buf, " %s ", view_kind_label(g->kind));
	col += 2 + view_put(v, row, col, end - col, view_kind_style(g->kind, true), buf);
	if (st->seg_len_ms > g->len_ms) {
		duration_format_delta(st->seg_len_ms - g->len_ms, buf, sizeof buf);
		int w = view_width(buf);
		if (end - w - 2 > col) {
			view_put(v, row, end - w, w, VIEW_DIM, buf);
			end -= w + 2;
		}
	}
	view_label_text(v, in, row, col, end);
}

/* The big number: the lead-in, a self-paced rep's number, or the countdown. */
static void view_count_text(const struct engine_state *st, char *buf, size_t size)
{
	int64_t s = duration_ceil_seconds(st->seg_remaining_ms);
	if (st->resume_in_ms > 0)
		snprintf(buf, size, "%lld", (long long)duration_ceil_seconds(st->resume_in_ms));
	else if (st->seg->self_paced)
		snprintf(buf, size, "%d", st->seg->rep_i);
	else if (s >= 60)
		snprintf(buf, size, "%lld:%02lld", (long long)(s / 60), (long long)(s % 60));
	else
		snprintf(buf, size, "%lld", (long long)s);
}

static void view_digits(struct view *v, const struct engine_state *st,
			const struct view_player_layout *l)
{
	char text[32], row_buf[512];
	enum view_style style = st->paused ? VIEW_PAUSED
					   : view_kind_style(st->seg->kind, false);
	view_count_text(st, text, sizeof text);
	if (l->digits_rows == 1) {
		int w = view_width(text);
		view_put(v, l->digits, (v->cols - w) / 2, w, style, text);
		return;
	}
	enum bigdigits_size size = l->digits_rows == 5 ? BIGDIGITS_LARGE : BIGDIGITS_SMALL;
	int w = bigdigits_width(text, size), col = (v->cols - w) / 2;
	for (int r = 0; r < l->digits_rows; r++)
		view_put(v, l->digits + r, col < 0 ? 0 : col, w, style,
			 bigdigits_row(text, size, v->utf8, r, row_buf, sizeof row_buf));
}

/* "●●●○○○" with filled marks up to rep i of n, spaced when room allows;
 * "" when even the dense form does not fit. */
static int view_marks(const struct view *v, int i, int n, int room,
		      char *buf, size_t size)
{
	const char *on = v->utf8 ? "\xe2\x97\x8f" : "*";
	const char *off = v->utf8 ? "\xe2\x97\x8b" : ".";
	bool spaced = 2 * n - 1 <= room;
	size_t used = 0;
	buf[0] = '\0';
	if (n > room)
		return 0;
	for (int k = 1; k <= n; k++) {
		const char *m = k <= i ? on : off;
		size_t ml = strlen(m);
		if (used + ml + 2 > size)
			break;
		if (spaced && k > 1)
			buf[used++] = ' ';
		memcpy(buf + used, m, ml);
		used += ml;
	}
	buf[used] = '\0';
	return spaced ? 2 * n - 1 : n;
}

static void view_reps(struct view *v, const struct view_player_in *in,
		      const struct view_player_layout *l)
{
	const struct segment *g = in->st->seg;
	char rep[48], marks[2048];
	bool wide = v->cols >= 60;
	snprintf(rep, sizeof rep, wide ? "Rep %d of %d" : "Rep %d/%d", g->rep_i, g->rep_n);
	const char *cue = g->cue;
	if (g->self_paced)
		cue = wide ? "press Enter after each rep" : "Enter: rep done";
	bool together = l->cue < 0 && cue;
	int rw = view_width(rep), cw = cue ? view_width(cue) : 0;
	int room = v->cols - 2 - rw - 2 - (together ? cw + 2 : 0);
	int mw = view_marks(v, g->rep_i, g->rep_n, room, marks, sizeof marks);
	int total = rw + (mw ? 2 + mw : 0) + (together ? 2 + cw : 0);
	int col = (v->cols - total) / 2;
	if (col < 1)
		col = 1;
	col += view_put(v, l->reps, col, v->cols - 1 - col, VIEW_BOLD, rep);
	if (mw)
		col += 2 + view_put(v, l->reps, col + 2, mw, VIEW_NORMAL, marks);
	if (together)
		view_put(v, l->reps, col + 2, v->cols - 3 - col, VIEW_CUE, cue);
	else if (cue)
		view_put(v, l->cue, (v->cols - cw) / 2 < 1 ? 1 : (v->cols - cw) / 2,
			 v->cols - 2, VIEW_CUE, cue);
}

/* ---- body: how lines and figure, next ------------------------------------------ */

/* Lines and widest line of a figure frame. */
static void view_figure_size(const char *f, int *h, int *w)
{
	*h = *w = 0;
	while (*f) {
		const char *nl = strchr(f, '\n');
		size_t len = nl ? (size_t)(nl - f) : strlen(f);
		char line[512];
		if (len >= sizeof line)
			len = sizeof line - 1;
		memcpy(line, f, len);
		line[len] = '\0';
		int lw = view_width(line);
		if (lw > *w)
			*w = lw;
		++*h;
		f += len + (nl != NULL);
		if (!nl)
			break;
	}
}

static void view_figure(struct view *v, const char *f, int top, int end, int col)
{
	for (int row = top; *f && row < end; row++) {
		const char *nl = strchr(f, '\n');
		size_t len = nl ? (size_t)(nl - f) : strlen(f);
		view_putn(v, row, col, v->cols - col, VIEW_NORMAL, f, len);
		f += len + (nl != NULL);
	}
}

static void view_how(struct view *v, const struct exercise *x, int top,
		     int end, int width)
{
	const char *bullet = v->utf8 ? "\xe2\x80\xa2" : "-";
	int row = top;
	for (size_t i = 0; i < x->how.n && row < end; i++) {
		struct view_wrap w;
		const char *s;
		size_t len;
		int indent;
		bool first = true;
		view_wrap_init(&w, x->how.v[i], width - 2);
		while (row < end && view_wrap_next(&w, &indent, &s, &len)) {
			if (first)
				view_put(v, row, 1, 1, VIEW_DIM, bullet);
			view_putn(v, row++, 3 + indent, width - 2 - indent,
				  VIEW_NORMAL, s, len);
			first = false;
		}
	}
}

static void view_body(struct view *v, const struct view_player_in *in,
		      const struct view_player_layout *l)
{
	const struct segment *g = in->st->seg;
	const struct exercise *x = g->exercise;
	int h = l->body_end - l->body_top, how_w = v->cols - 2;
	if (!x || h <= 0)
		return;
	if (x->figure.n > 0) {
		size_t k = g->phase_i > 0 ? (size_t)(g->phase_i - 1) % x->figure.n : 0;
		const char *f = x->figure.v[k];
		int fh, fw, col = -1;
		view_figure_size(f, &fh, &fw);
		if (fh <= h && fw > 0 && x->how.n == 0 && fw <= v->cols - 2)
			col = (v->cols - fw) / 2;
		else if (fh <= h && fw > 0 && fw + 6 + 24 <= v->cols - 2)
			col = v->cols - 4 - fw;
		if (col >= 0) {
			view_figure(v, f, l->body_top, l->body_end, col);
			if (x->how.n)
				how_w = col - 3 - 1;
		}
	}
	view_how(v, x, l->body_top, l->body_end, how_w);
}

static void view_next(struct view *v, const struct view_player_in *in, int row)
{
	const struct plan *p = in->plan;
	size_t j = plan_step_end(p, in->st->seg_index);
	char t[24], what[160] = "";
	int col = 1;
	col += view_put(v, row, col, v->cols - 2, VIEW_DIM, "Next: ");
	if (j >= p->n) {
		view_put(v, row, col, v->cols - 1 - col, VIEW_BOLD, "finish");
		return;
	}
	const struct segment *g = &p->seg[j];
	if (!g->exercise) {
		view_putf(v, row, col, v->cols - 1 - col, VIEW_BOLD, "Rest %s",
			  duration_format(g->len_ms, t, sizeof t));
		return;
	}
	const struct step *s = &p->routine->steps[g->step];
	size_t n = 0;
	if (s->kind == STEP_HOLD)
		n += (size_t)snprintf(what, sizeof what, "hold %s",
				      duration_format(s->hold_ms, t, sizeof t));
	else
		n += (size_t)snprintf(what, sizeof what, "%d reps", s->reps);
	for (size_t i = 0; i < s->sides.n && n < sizeof what; i++)
		n += (size_t)snprintf(what + n, sizeof what - n, "%s%s",
				      i ? "/" : ", ", s->sides.v[i]);
	if (s->sets > 1 && n < sizeof what)
		snprintf(what + n, sizeof what - n, ", %d sets", s->sets);
	col += view_put(v, row, col, v->cols - 1 - col, VIEW_BOLD, g->exercise->name);
	view_putf(v, row, col, v->cols - 1 - col, VIEW_DIM, " (%s)", what);
}

void view_player(struct view *v, const struct view_player_in *in)
{
	const struct segment *g = in->st->seg;
	struct view_player_layout l;
	view_begin(v, v->rows, v->cols, v->utf8);
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return;
	}
	bool reps = g && g->kind == SEG_WORK && g->rep_n > 0;
	view_player_layout(v->rows, reps, &l);
	view_header(v, in, l.header);
	view_bar(v, in->st, l.bar);
	if (g) {
		view_label(v, in, l.label);
		view_digits(v, in->st, &l);
		if (reps)
			view_reps(v, in, &l);
		view_body(v, in, &l);
		view_next(v, in, l.next);
	}
	view_footer(v, in, l.footer);
}
