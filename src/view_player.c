/* view_player — the player screen's model (see view.h). */
#include <stdio.h>
#include <string.h>

#include "bigdigits.h"
#include "duration.h"
#include "figure.h"
#include "view.h"

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
	static const char *const labels[] = { "GET READY", "WORK", "SWITCH",
					      "REST" };
	return labels[k];   /* SWITCH: plan_switch_text says which */
}

/* ---- layout -------------------------------------------------------------- */

#define VIEW_BODY_MIN 3           /* rows of how lines kept at the least */
#define VIEW_BODY_EASY 4          /* ... before any room between rows */

/* Takes up to n (>= 0) of *left. */
static int view_take(int *left, int n)
{
	n = n < 0 ? 0 : n < *left ? n : *left;
	*left -= n;
	return n;
}

/* The digits' scale with body rows for the body: as large as fits in
 * the rest and across, and at most 2/5 of the height past 9 rows. */
static int view_layout_scale(int rows, int cols, bool utf8,
			     const struct view_player_need *n, int body)
{
	int room = rows - 4 - 1 - n->reps - body;
	int cap = view_digits_cap(rows);
	return bigdigits_fit(n->widest, room < cap ? room : cap, cols - 2, utf8);
}

/* The scale, and whether the figure keeps its rows: not when it would
 * leave the digits smaller than LARGE (or than they would be without). */
static int view_layout_digits(int rows, int cols, bool utf8,
			      const struct view_player_need *n, bool *fig)
{
	int bare = view_layout_scale(rows, cols, utf8, n, VIEW_BODY_MIN);
	*fig = n->figure > 0;
	if (!*fig)
		return bare;
	int scale = view_layout_scale(rows, cols, utf8, n, n->figure);
	int rows_left = rows - 4 - 1 - n->reps - n->figure - (scale ? 0 : 1);
	if (scale < (bare < BIGDIGITS_LARGE ? bare : BIGDIGITS_LARGE) || rows_left < 0) {
		*fig = false;
		return bare;
	}
	return scale;
}

/* The rows between the labelled parts, and the rows the parts get. */
struct view_gaps {
	int top, label, digits, reps, bottom, pad;
	int body;
	bool cue, summary;
};

/* Shares out the rows left after the label, digits, rep row and the
 * least body: the cue row, a body of VIEW_BODY_EASY, a row between each
 * part, the body's wish; what is still left centres the screen. */
static void view_layout_gaps(int left, bool fig, const struct view_player_need *n,
			     struct view_gaps *g)
{
	*g = (struct view_gaps){ 0 };
	g->body = fig && n->figure > VIEW_BODY_MIN ? n->figure : VIEW_BODY_MIN;
	left -= g->body;
	if (left < 0) {
		g->body += left;
		left = 0;
	}
	g->cue = n->reps && view_take(&left, 1);
	g->body += view_take(&left, VIEW_BODY_EASY - g->body);
	g->digits = view_take(&left, 1);
	g->label = view_take(&left, 1);
	g->summary = n->summary && g->label && view_take(&left, 1);
	g->top = g->summary ? 0 : view_take(&left, 1);   /* it takes that row */
	g->reps = n->reps ? view_take(&left, 1) : 0;
	g->bottom = view_take(&left, 1);
	view_take(&left, n->body - g->body);
	g->pad = left > 6 ? left / 2 : 0;      /* tall: centre what is shown */
}

void view_player_layout(int rows, int cols, bool utf8,
			const struct view_player_need *need,
			struct view_player_layout *l)
{
	struct view_gaps g;
	l->header = 0;
	l->bar = 1;
	l->footer = rows - 1;
	l->next = rows - 2;
	l->scale = view_layout_digits(rows, cols, utf8, need, &l->figure);
	l->digits_rows = l->scale ? bigdigits_rows(l->scale) : 1;
	view_layout_gaps(rows - 4 - 1 - need->reps - l->digits_rows, l->figure,
			 need, &g);
	int row = 2 + g.pad + g.top;
	l->label = row++;
	l->summary = g.summary ? row++ : -1;
	row += g.label;
	l->digits = row;
	row += l->digits_rows + g.digits;
	l->reps = l->cue = -1;
	if (need->reps) {
		l->reps = row++;
		if (g.cue)
			l->cue = row++;
		row += g.reps;
	}
	l->body_top = row;
	l->body_end = l->next - g.bottom;
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
	duration_format_s(st->shown_elapsed_s, el, sizeof el);       /* the engine's, as-is */
	duration_format_s(st->shown_remaining_s, rem, sizeof rem);
	step[0] = '\0';
	if (v->cols >= 72) {
		snprintf(right, sizeof right, "%s elapsed  %s left", el, rem);
		snprintf(step, sizeof step, "Step %zu of %zu", k, n);
	} else if (v->cols >= 56) {
		snprintf(right, sizeof right, "%zu/%zu  %s%s%s left", k, n, el,
			 view_sep(v), rem);
	} else {                 /* the bar shows how far; keep what is left */
		snprintf(right, sizeof right, "%zu/%zu%s%s left", k, n, view_sep(v), rem);
	}
	int rw = view_cells(v, right), sw = view_cells(v, step);
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

static void view_bar(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	char buf[4 * 512 + 1], pct[8];
	/* The place in the plan, from the header's remaining clock (so that
	 * it moves only when that does): back moves it back, skip ahead. */
	int64_t total = in->plan->total_ms;
	if (st->seg)
		total += st->seg_len_ms - st->seg->len_ms;
	int64_t left = st->shown_remaining_s * 1000;
	if (total <= 0)
		total = 1;
	int64_t done_ms = left < total ? total - left : 0;
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

/* The quit question, or the keys: as many as fit, those that keep
 * longest last to go. */
static void view_footer(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	if (in->confirm_quit) {
		char text[512], hints[192];
		bool wide = v->cols >= 56;
		view_repeat(text, sizeof text, " ", v->cols);
		view_put(v, row, 0, v->cols, VIEW_ALERT, text);
		snprintf(text, sizeof text, "%s%s%s", keys_quit.prompt, wide ? "  " : " ",
			 keys_hint_text(&keys_quit, v->utf8, " = ", wide ? "   " : ", ", wide,
					hints, sizeof hints));
		view_put(v, row, 1, v->cols - 2, VIEW_ALERT, text);
		return;
	}
	bool rep = st->seg && st->seg->self_paced;
	struct view_hints h = { &keys_player, rep ? KEYS_ACT_NONE : KEYS_ACT_REP,
				st->paused ? KEYS_ACT_PAUSE : KEYS_ACT_NONE, 1, 2 };
	for (; h.level <= 10; h.level++) {
		if (view_hints_width(v, &h) <= v->cols - 2) {
			view_hints(v, row, 1, &h);
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
	int sep = view_cells(v, view_sep(v));
	if (*plan_where(g, PLAN_WHERE_CAPS, view_sep(v), buf, size) &&
	    room - sep - view_cells(v, buf) < want)
		plan_where(g, PLAN_WHERE_CAPS | PLAN_WHERE_SHORT, view_sep(v), buf, size);
	return buf;
}

/* "name · where" in [col, end): the where is measured first and kept
 * whole; the name is shortened (…) to the room left, or left out when
 * that is under VIEW_NAME_MIN cells. */
static void view_name_where(struct view *v, int row, int col, int end,
			    const char *name, const struct segment *g)
{
	char where[160];
	int name_w = view_cells(v, name);
	view_where_fit(v, g, name_w, end - col, where, sizeof where);
	int rest = *where ? view_cells(v, view_sep(v)) + view_cells(v, where) : 0;
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
	const struct segment *w = plan_next_work(p, in->st->seg_index);
	view_where_fit(v, w, view_cells(v, g->exercise->name), end - col, where,
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
				plan_next_work(in->plan, in->st->seg_index));
		return;
	}
	if (g->kind != SEG_PREPARE)
		col += view_put(v, row, col, end - col, VIEW_DIM, "Up next: ");
	view_label_next(v, in, row, col, end);
}

/* The label line; returns the column its text starts at. */
static int view_label(struct view *v, const struct view_player_in *in, int row)
{
	const struct engine_state *st = in->st;
	const struct segment *g = st->seg;
	char buf[48];
	int col = 1, end = v->cols - 1;
	if (st->paused || st->resume_in_ms > 0)
		col += 1 + view_put(v, row, col, end - col, VIEW_BADGE_PAUSED,
				    st->paused ? " PAUSED " : " RESUMING ");
	snprintf(buf, sizeof buf, " %s ", g->kind == SEG_SWITCH
					       ? plan_switch_text(in->plan, g, PLAN_WHERE_CAPS)
					       : view_kind_label(g->kind));
	col += 2 + view_put(v, row, col, end - col, view_kind_style(g->kind, true), buf);
	if (st->seg_len_ms > g->len_ms) {
		duration_format_delta(st->seg_len_ms - g->len_ms, buf, sizeof buf);
		int w = view_cells(v, buf);
		if (end - w - 2 > col) {
			view_put(v, row, end - w, w, VIEW_DIM, buf);
			end -= w + 2;
		}
	}
	view_label_text(v, in, row, col, end);
	return col;
}

/* The exercise's summary under the label's text (col), dim. */
static void view_summary(struct view *v, const struct view_player_in *in,
			 int row, int col)
{
	const struct exercise *x = in->st->seg->exercise;
	if (row < 0 || !x || !x->summary)
		return;
	if (col + view_cells(v, x->summary) > v->cols - 1)
		col = 1;
	view_put(v, row, col, v->cols - 1 - col, VIEW_DIM, x->summary);
}

/* The countdown of g (len_ms long) as text at left_ms, or its widest
 * value (duration_format_count); a self-paced rep's number. */
static void view_countdown(const struct segment *g, int64_t len_ms, int64_t left_ms,
			   bool widest, char *buf, size_t size)
{
	if (g->self_paced)
		snprintf(buf, size, "%d", widest ? g->rep_n : g->rep_i);
	else
		duration_format_count(widest ? len_ms : left_ms, len_ms, buf, size);
}

/* The big number: the lead-in, a self-paced rep's number, or the
 * countdown; box gets the segment's widest value, which it sits in. */
static void view_count_text(const struct engine_state *st, char *buf, size_t size,
			    char *box, size_t box_size)
{
	view_countdown(st->seg, st->seg_len_ms, 0, true, box, box_size);
	if (st->resume_in_ms > 0) {
		duration_format_count(st->resume_in_ms, st->resume_in_ms, buf, size);
		snprintf(box, box_size, "%s", buf);
	} else {
		view_countdown(st->seg, st->seg_len_ms, st->seg_remaining_ms, false,
			       buf, size);
	}
}

static void view_digits(struct view *v, const struct engine_state *st,
			const struct view_player_layout *l)
{
	char text[32], box[32];
	enum view_style style = st->paused ? VIEW_PAUSED
					   : view_kind_style(st->seg->kind, false);
	view_count_text(st, text, sizeof text, box, sizeof box);
	if (l->scale == 0) {
		int w = view_cells(v, text), bw = view_cells(v, box);
		int col = (v->cols - bw) / 2 + bw - w;
		view_put(v, l->digits, col < 0 ? 0 : col, w, style, text);
		return;
	}
	int w = bigdigits_width(text, l->scale), bw = bigdigits_width(box, l->scale);
	int col = (v->cols - bw) / 2 + bw - w;   /* right-aligned in the box */
	view_big_rows(v, l->digits, col < 0 ? 0 : col, w, style, l->scale, text);
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
	char rep[64], marks[2048], own[64];
	bool wide = v->cols >= 60;
	plan_rep_text(g, wide ? 0 : PLAN_WHERE_SHORT, rep, sizeof rep);
	const char *cue = g->cue;
	if (g->self_paced) {
		const char *word = routine_rep_word(g->exercise, 1);
		if (wide)
			snprintf(own, sizeof own, "press %s after each %s",
				 keys_name(&keys_player, KEYS_ACT_REP), word);
		else
			snprintf(own, sizeof own, "%s: %s done",
				 keys_name(&keys_player, KEYS_ACT_REP), word);
		cue = own;
	}
	bool together = l->cue < 0 && cue;
	int rw = view_cells(v, rep), cw = cue ? view_cells(v, cue) : 0;
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

/* Before the reps of a step (get ready, switch, set rest), its rep row
 * says what comes: "8 reps" and the empty marks, dim. */
static void view_reps_ahead(struct view *v, const struct view_player_in *in,
			    const struct view_player_layout *l)
{
	const struct segment *w = plan_next_work(in->plan, in->st->seg_index);
	char rep[64], n[48], marks[2048];
	if (w->kind != SEG_WORK || w->rep_n <= 0)
		return;
	snprintf(rep, sizeof rep, "%s%s", plan_reps_text(w->exercise, w->rep_n, n, sizeof n),
		 w->self_paced && v->cols >= 60 ? " at your pace" : "");
	int rw = view_cells(v, rep);
	int mw = view_marks(v, 0, w->rep_n, v->cols - 2 - rw - 2, marks, sizeof marks);
	int col = (v->cols - rw - (mw ? 2 + mw : 0)) / 2;
	col = col < 1 ? 1 : col;
	col += view_put(v, l->reps, col, v->cols - 1 - col, VIEW_DIM, rep);
	if (mw)
		view_put(v, l->reps, col + 2, mw, VIEW_DIM, marks);
}

/* ---- body: how lines and figure, next ------------------------------------------ */

/* A frame's rows from col, each flipped within width cells when flip. */
static void view_figure(struct view *v, const char *f, int top, int end, int col,
			bool flip, int width)
{
	char row_buf[4 * FIGURE_ROW_MAX];
	for (int row = top; *f && row < end; row++) {
		const char *nl = strchr(f, '\n');
		size_t len = nl ? (size_t)(nl - f) : strlen(f);
		if (flip)
			view_putn(v, row, col, v->cols - col, VIEW_NORMAL, row_buf,
				  figure_mirror_row(f, len, width, v->flags, row_buf,
						    sizeof row_buf));
		else
			view_putn(v, row, col, v->cols - col, VIEW_NORMAL, f, len);
		f += len + (nl != NULL);
	}
}

static void view_how(struct view *v, const struct exercise *x, int top,
		     int end, int left, int width)
{
	const char *bullet = v->utf8 ? "\xe2\x80\xa2" : "-";
	int row = top;
	for (size_t i = 0; i < x->how.n && row < end; i++) {
		struct view_wrap w;
		const char *s;
		size_t len;
		int indent;
		bool first = true;
		view_wrap_init(&w, x->how.v[i], width - 2, v->flags);
		while (row < end && view_wrap_next(&w, &indent, &s, &len)) {
			if (first)
				view_put(v, row, left, 1, VIEW_DIM, bullet);
			view_putn(v, row++, left + 2 + indent, width - 2 - indent,
				  VIEW_NORMAL, s, len);
			first = false;
		}
	}
}

/* The widest how line, unwrapped. */
static int view_how_width(const struct view *v, const struct exercise *x)
{
	int w = 0;
	for (size_t i = 0; i < x->how.n; i++) {
		int lw = view_cells(v, x->how.v[i]);
		w = lw > w ? lw : w;
	}
	return w;
}

/* How the body sits across: the how lines from column left, width
 * cells; the figure (frame, fh x fw, the tallest and widest frame's
 * size, so that it stays put; flipped on a mirrored side) at column fig,
 * -1 when it does not fit. On a wide screen the two sit together,
 * centred. */
struct view_body_place {
	const char *frame;
	bool flip;
	int fh, fw, fig;
	int left, width;
};

/* The frame of the current segment: its phase's; before the reps of a
 * step (get ready, switch, set rest) the last one, where a rep starts. */
static const char *view_frame(const struct view_player_in *in, bool *flip)
{
	const struct segment *g = in->st->seg;
	const struct segment *w = plan_next_work(in->plan, in->st->seg_index);
	bool ahead = g->kind != SEG_WORK && w->kind == SEG_WORK && w->phase_n > 0;
	*flip = figure_flipped(g->exercise, g->side_i);
	return g->exercise->figure.v[figure_frame_index(g->exercise, g->phase_i, ahead)];
}

static void view_body_place(const struct view *v, const struct view_player_in *in,
			    struct view_body_place *b)
{
	const struct exercise *x = in->st->seg->exercise;
	*b = (struct view_body_place){ NULL, false, 0, 0, -1, 1, v->cols - 2 };
	if (!x)
		return;
	int how = x->how.n ? view_how_width(v, x) + 2 : 0;
	if (x->figure.n > 0) {
		figure_size(&x->figure, v->flags, &b->fh, &b->fw);
		b->frame = view_frame(in, &b->flip);
		if (b->fw > 0 && !how && b->fw <= v->cols - 2)
			b->fig = (v->cols - b->fw) / 2;
		else if (b->fw > 0 && b->fw + 6 + 24 <= v->cols - 2)
			b->fig = v->cols - 4 - b->fw;
	}
	if (!how)
		return;
	int block = how + (b->fig >= 0 ? 6 + b->fw : 0);
	int shift = v->cols >= 100 && block < v->cols - 4 ? (v->cols - 2 - block) / 2 : 0;
	b->left += shift;
	if (b->fig >= 0) {
		if (b->left + how + 6 < b->fig)
			b->fig = b->left + how + 6;
		b->width = b->fig - 3 - b->left;
	} else {
		b->width -= shift;
	}
}

/* Rows the how lines take wrapped to width. */
static int view_how_rows(const struct view *v, const struct exercise *x, int width)
{
	int n = 0, indent;
	for (size_t i = 0; i < x->how.n; i++) {
		struct view_wrap w;
		const char *s;
		size_t len;
		view_wrap_init(&w, x->how.v[i], width - 2, v->flags);
		while (view_wrap_next(&w, &indent, &s, &len))
			n++;
	}
	return n;
}

static void view_body(struct view *v, const struct view_player_in *in,
		      const struct view_player_layout *l)
{
	const struct segment *g = in->st->seg;
	struct view_body_place b;
	if (!g->exercise || l->body_end <= l->body_top)
		return;
	view_body_place(v, in, &b);
	if (b.fig >= 0 && l->figure && b.fh <= l->body_end - l->body_top)
		view_figure(v, b.frame, l->body_top, l->body_end, b.fig, b.flip, b.fw);
	else if (b.fig >= 0)       /* no figure after all: the whole width */
		b.width = v->cols - 1 - b.left;
	view_how(v, g->exercise, l->body_top, l->body_end, b.left, b.width);
}

void view_player_need(const struct view *v, const struct view_player_in *in,
		      struct view_player_need *n)
{
	const struct plan *p = in->plan;
	const struct engine_state *st = in->st;
	struct view_body_place b;
	int best = -1;
	char text[32];
	*n = (struct view_player_need){ 0 };
	size_t end = plan_step_end(p, st->seg_index);
	for (size_t j = plan_step_start(p, st->seg_index); j < end; j++) {
		const struct segment *g = &p->seg[j];
		n->reps |= g->kind == SEG_WORK && g->rep_n > 0;
		view_countdown(g, j == st->seg_index ? st->seg_len_ms : g->len_ms, 0,
			       true, text, sizeof text);
		int w = bigdigits_width(text, 1);
		if (w > best) {
			best = w;
			snprintf(n->widest, sizeof n->widest, "%s", text);
		}
	}
	view_body_place(v, in, &b);
	if (b.fig >= 0)
		n->figure = b.fh;
	if (st->seg->exercise)
		n->body = view_how_rows(v, st->seg->exercise, b.width);
	n->summary = st->seg->exercise && st->seg->exercise->summary &&
		     *st->seg->exercise->summary;
	if (n->figure > n->body)
		n->body = n->figure;
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
		n += strlen(plan_reps_text(g->exercise, s->reps, what, sizeof what));
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
	struct view_player_need need = { 0 };
	if (g)
		view_player_need(v, in, &need);
	view_player_layout(v->rows, v->cols, v->utf8, &need, &l);
	bool reps = g && g->kind == SEG_WORK && g->rep_n > 0;
	view_header(v, in, l.header);
	view_bar(v, in, l.bar);
	if (g) {
		view_summary(v, in, l.summary, view_label(v, in, l.label));
		view_digits(v, in->st, &l);
		if (reps)
			view_reps(v, in, &l);
		else if (l.reps >= 0)
			view_reps_ahead(v, in, &l);
		view_body(v, in, &l);
		view_next(v, in, l.next);
	}
	view_footer(v, in, l.footer);
}
