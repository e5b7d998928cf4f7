/* view_menu — the routine menu's model: a list with totals, tags and
 * equipment, and a detail pane with the description and the steps. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "duration.h"
#include "view.h"

/* ---- matching ------------------------------------------------------------- */

static bool view_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!hay)
		return false;
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] &&
		       tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

bool view_menu_match(const struct view_menu_item *it, const char *filter)
{
	if (!filter || !*filter)
		return true;
	if (!it->r)
		return view_contains(it->id, filter);
	if (view_contains(it->r->name, filter))
		return true;
	for (size_t i = 0; i < it->r->tags.n; i++)
		if (view_contains(it->r->tags.v[i], filter))
			return true;
	for (size_t i = 0; i < it->r->n_steps; i++) {   /* the body areas */
		const struct exercise *x = it->r->steps[i].exercise;
		for (size_t k = 0; x && k < x->area.n; k++)
			if (view_contains(x->area.v[k], filter))
				return true;
	}
	return false;
}

/* The body areas of r's exercises, each once, in the order they come;
 * at most max (v has room for them). */
static void view_areas(const struct routine *r, const char **v, size_t max,
		       struct strlist *out)
{
	out->v = v;
	out->n = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct exercise *x = r->steps[i].exercise;
		for (size_t k = 0; x && k < x->area.n && out->n < max; k++) {
			size_t j = 0;
			while (j < out->n && strcmp(v[j], x->area.v[k]) != 0)
				j++;
			if (j == out->n)
				v[out->n++] = x->area.v[k];
		}
	}
}

#define VIEW_MENU_AREAS 64   /* body areas the detail pane lists */

/* ---- pieces ------------------------------------------------------------------ */

static void view_join(const struct strlist *l, const char *sep, char *buf,
		      size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->n && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? sep : "", l->v[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* Column starts and widths of the list: name, time, tags, equipment
 * (gear 0: left out). */
struct view_cols {
	int name, name_w, time, time_w, tags, tags_w, gear, gear_w;
};

struct view_widths {
	int name, time, tags, gear;
};

static int view_max(int a, int b)
{
	return a > b ? a : b;
}

/* Widest name, total, tag list and equipment list of every item (not
 * only the shown ones: the columns stay put while filtering). */
static void view_menu_widths(const struct view *v, const struct view_menu_in *in,
			     struct view_widths *w)
{
	char buf[512];
	*w = (struct view_widths){ 4, 4, 0, 0 };
	for (size_t i = 0; i < in->n_items; i++) {
		const struct view_menu_item *it = &in->items[i];
		w->name = view_max(w->name, view_cells(v, it->r ? it->r->name : it->id) +
					    (it->r || it->loading ? 0 : 14));
		if (!it->r)
			continue;
		w->time = view_max(w->time, view_cells(v, duration_format(it->total_ms, buf, sizeof buf)));
		view_join(&it->r->tags, ", ", buf, sizeof buf);
		w->tags = view_max(w->tags, view_cells(v, buf));
		view_join(&it->r->equipment, ", ", buf, sizeof buf);
		w->gear = view_max(w->gear, view_cells(v, buf));
	}
}

static void view_menu_cols(const struct view *v, const struct view_menu_in *in,
			   struct view_cols *c)
{
	struct view_widths w;
	int cols = v->cols;
	view_menu_widths(v, in, &w);
	*c = (struct view_cols){ 0 };
	c->name = 2;
	c->time_w = w.time + 1;
	c->name_w = cols >= 72 ? (w.name < 36 ? w.name : 36) : cols - 2 - 2 - c->time_w;
	c->time = c->name + c->name_w + 1;
	if (cols < 72)
		return;
	c->tags = c->time + c->time_w + 2;
	int room = cols - 1 - c->tags;
	c->tags_w = view_max(4, w.tags < room ? w.tags : room);
	if (w.gear > 0 && c->tags_w + 2 + view_max(w.gear, 9) <= room) {
		c->gear = c->tags + c->tags_w + 2;
		c->gear_w = cols - 1 - c->gear;
	}
}

/* l joined with ", " in at most w cells, cut between items with the
 * count of the rest: "upper-back, desk +2". */
static void view_join_fit(const struct view *v, const struct strlist *l, int w,
			  char *buf, size_t size)
{
	size_t used = 0;
	int cells = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < l->n && used < size; i++) {
		char more[24] = "";
		int iw = view_cells(v, l->v[i]) + (i ? 2 : 0);
		if (i + 1 < l->n)
			snprintf(more, sizeof more, " +%zu", l->n - i - 1);
		if (i > 0 && cells + iw + view_cells(v, more) > w) {
			snprintf(buf + used, size - used, " +%zu", l->n - i);
			return;
		}
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", l->v[i]);
		if (n < 0)
			break;
		used += (size_t)n;
		cells += iw;
	}
}

static void view_fill(struct view *v, int row, enum view_style style)
{
	char spaces[512];
	int n = v->cols < (int)sizeof spaces - 1 ? v->cols : (int)sizeof spaces - 1;
	memset(spaces, ' ', (size_t)n);
	spaces[n] = '\0';
	view_put(v, row, 0, v->cols, style, spaces);
}

static void view_menu_row(struct view *v, int row, const struct view_cols *c,
			  const struct view_menu_item *it, bool sel)
{
	char buf[512], t[24];
	enum view_style st = sel ? VIEW_SELECTED : VIEW_NORMAL;
	enum view_style dim = sel ? VIEW_SELECTED : VIEW_DIM;
	if (sel) {
		view_fill(v, row, VIEW_SELECTED);
		view_put(v, row, 0, 1, VIEW_SELECTED, ">");
	}
	if (it->loading) {
		view_put(v, row, c->name, c->name_w, dim, it->id);
		return;
	}
	if (!it->r) {
		int w = view_put(v, row, c->name, c->name_w, st, it->id);
		view_put(v, row, c->name + w + 2, v->cols - c->name - w - 3,
			 sel ? VIEW_SELECTED : VIEW_ALERT, "(has errors)");
		return;
	}
	view_put(v, row, c->name, c->name_w, sel ? VIEW_SELECTED : VIEW_BOLD, it->r->name);
	duration_format(it->total_ms, t, sizeof t);
	view_put(v, row, c->time + c->time_w - view_cells(v, t), c->time_w, st, t);
	if (!c->tags)
		return;
	view_join_fit(v, &it->r->tags, c->tags_w, buf, sizeof buf);
	view_put(v, row, c->tags, c->tags_w, dim, buf);
	if (!c->gear)
		return;
	view_join(&it->r->equipment, ", ", buf, sizeof buf);
	view_put(v, row, c->gear, c->gear_w, dim, buf);
}

/* " · today 12 min · 3 days in a row" */
static void view_menu_glance(const struct view *v, const struct view_menu_history *h,
			     char *buf, size_t size)
{
	const char *sep = view_sep(v);
	char min[32], streak[48];
	snprintf(buf, size, "%stoday %s%s%s", sep, view_minutes(h->today_s, min, sizeof min),
		 sep, view_streak(h->streak, streak, sizeof streak));
}

static void view_menu_title(struct view *v, const struct view_menu_in *in)
{
	int col = 1, right = v->cols - 1;
	col += view_put(v, 0, col, v->cols - 2, VIEW_BOLD, "stretchtui");
	char count[64] = "";
	if (in->filter[0])
		snprintf(count, sizeof count, "%zu of ", in->n_shown);
	col += view_putf(v, 0, col, v->cols - 1 - col, VIEW_DIM, "%s%s%zu routine%s",
			 view_sep(v), count, in->n_items,
			 in->n_items == 1 ? "" : "s");
	if (in->filter[0] && !in->editing) {
		char buf[160];
		snprintf(buf, sizeof buf, "filter: %s", in->filter);
		int w = view_cells(v, buf), max = v->cols / 2;
		if (w > max)
			w = max;
		view_put(v, 0, v->cols - 1 - w, w, VIEW_CUE, buf);
		right -= w + 1;
	}
	if (in->history && right - col > 4) {
		char buf[128];
		view_menu_glance(v, in->history, buf, sizeof buf);
		view_put(v, 0, col, right - col, VIEW_DIM, buf);
	}
}

static void view_menu_footer(struct view *v, const struct view_menu_in *in, int row)
{
	if (in->notice && *in->notice && !in->editing) {
		view_put(v, row, 1, v->cols - 2, in->notice_alert ? VIEW_ALERT : VIEW_BOLD,
			 in->notice);
		return;
	}
	if (in->editing) {
		char hints[128];
		int col = view_put(v, row, 0, 1, VIEW_KEY, "/");
		keys_hint_text(&keys_filter, v->utf8, " ", "  ", false, hints, sizeof hints);
		int room = view_cells(v, hints) + 1;
		int w = view_put(v, row, col, v->cols - room, VIEW_NORMAL, in->filter);
		v->cursor = true;
		v->cursor_row = row;
		v->cursor_col = col + w;
		if (v->cols - room > col + w)
			view_put(v, row, v->cols - room + 1, room - 1, VIEW_DIM, hints);
		return;
	}
	struct view_hints h = { &keys_menu, in->filter[0] ? KEYS_ACT_NONE : KEYS_ACT_CLEAR,
				KEYS_ACT_NONE, 0, 2 };
	view_hints(v, row, 1, &h);
}

/* ---- detail pane -------------------------------------------------------------- */

/* The pane: rows [top, end), columns [left, left + width). It is one
 * column of lines, of which the first `skip` are scrolled past; with
 * draw false the lines are only counted. */
struct view_pane {
	int top, end, left, width;
	int skip, line;
	bool draw;
	size_t step;                 /* the marked step (1-based), 0: none */
	int step_line;               /* the line it is on, -1 until drawn */
};

/* The screen row of the pane's next line, -1 when it is not shown. */
static int view_pane_row(struct view_pane *p)
{
	int r = p->line++ - p->skip;
	return p->draw && r >= 0 && p->top + r < p->end ? p->top + r : -1;
}

/* Text wrapped in the pane from column indent on, whole. */
static void view_pane_text(struct view *v, struct view_pane *p, int indent,
			   enum view_style style, const char *text)
{
	struct view_wrap w;
	const char *s;
	size_t len;
	int in;
	view_wrap_init(&w, text, p->width - indent, v->flags);
	while (view_wrap_next(&w, &in, &s, &len)) {
		int row = view_pane_row(p);
		if (row >= 0)
			view_putn(v, row, p->left + indent + in, p->width - indent - in,
				  style, s, len);
	}
}

/* "Tags   a, b, c" with the list wrapped beside its label, between
 * items (an item longer than a line is cut). */
static void view_pane_list(struct view *v, struct view_pane *p, const char *label,
			   const struct strlist *l)
{
	int width = p->width - 7, row = -1, col = 0;
	for (size_t i = 0; i < l->n; i++) {
		int w = view_cells(v, l->v[i]) + (i + 1 < l->n);   /* and its comma */
		if (i == 0 || col + 1 + w > width) {
			row = view_pane_row(p);
			if (i == 0 && row >= 0)
				view_put(v, row, p->left, 6, VIEW_DIM, label);
			col = 0;
		} else {
			col++;
		}
		if (row >= 0)
			view_putf(v, row, p->left + 7 + col, width - col, VIEW_NORMAL,
				  "%s%s", l->v[i], i + 1 < l->n ? "," : "");
		col += w;
	}
}

static void view_pane_blank(struct view_pane *p)
{
	view_pane_row(p);
}

static void view_step_text(const struct step *s, char *buf, size_t size)
{
	char t[24];
	size_t n;
	if (s->kind == STEP_REST) {
		snprintf(buf, size, "rest %s", duration_format(s->rest_ms, t, sizeof t));
		return;
	}
	if (s->kind == STEP_HOLD)
		n = (size_t)snprintf(buf, size, "hold %s", duration_format(s->hold_ms, t, sizeof t));
	else
		n = (size_t)snprintf(buf, size, "%d %s%s", s->reps,
				     routine_rep_word(s->exercise, s->reps),
				     s->self_paced ? " at your pace" : "");
	for (size_t i = 0; i < s->sides.n && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? "/" : ", ",
				      s->sides.v[i]);
	if (s->sets > 1 && n < size)
		snprintf(buf + n, size - n, ", %d sets", s->sets);
}

static void view_steps(struct view *v, struct view_pane *p, const struct routine *r)
{
	char what[160];
	int name_w = 4;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct exercise *x = r->steps[i].exercise;
		name_w = view_max(name_w, view_cells(v, x ? x->name : "Rest"));
	}
	if (name_w > p->width / 2)
		name_w = p->width / 2;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step *s = &r->steps[i];
		bool marked = i + 1 == p->step;
		if (marked)
			p->step_line = p->line;
		int row = view_pane_row(p);
		if (row < 0)
			continue;
		view_step_text(s, what, sizeof what);
		int col = p->left;
		if (marked)   /* in the pane's margin */
			view_put(v, row, col - 2, 1, VIEW_BOLD, v->utf8 ? "\xe2\x96\xb6" : ">");
		col += view_putf(v, row, col, 5, VIEW_DIM, "%3zu.", i + 1) + 1;
		view_put(v, row, col, name_w, marked ? VIEW_BOLD : VIEW_NORMAL,
			 s->exercise ? s->exercise->name : "Rest");
		col += name_w + 2;
		view_put(v, row, col, p->left + p->width - col, VIEW_DIM, what);
	}
}

/* "Last done: 2 days ago" */
static void view_last_done(struct view *v, const struct view_menu_item *it,
			   const struct view_menu_history *h, struct view_pane *p)
{
	char ago[32], buf[64];
	if (!h)
		return;
	snprintf(buf, sizeof buf, "Last done: %s", view_ago(h->today, it->last_day, ago,
							    sizeof ago));
	view_pane_text(v, p, 0, VIEW_DIM, buf);
}

static void view_detail(struct view *v, const struct view_menu_item *it,
			const struct view_menu_history *h, struct view_pane *p)
{
	char buf[512], t[24];
	if (it->loading) {
		view_pane_text(v, p, 0, VIEW_DIM, "Loading...");
		return;
	}
	if (!it->r) {
		view_pane_text(v, p, 0, VIEW_ALERT, "This routine did not load.");
		if (it->error)
			view_pane_text(v, p, 0, VIEW_NORMAL, it->error);
		snprintf(buf, sizeof buf, "Run: stretchtui check %s", it->path ? it->path : it->id);
		view_pane_text(v, p, 0, VIEW_NORMAL, buf);
		return;
	}
	const struct routine *r = it->r;
	int row = view_pane_row(p);
	if (row >= 0) {
		int col = p->left + view_put(v, row, p->left, p->width, VIEW_BOLD, r->name);
		view_putf(v, row, col, p->left + p->width - col, VIEW_DIM, "  %s  (%s)",
			  duration_format(it->total_ms, t, sizeof t), r->id ? r->id : "");
	}
	view_last_done(v, it, h, p);
	if (r->summary)
		view_pane_text(v, p, 0, VIEW_NORMAL, r->summary);
	const char *text = it->description ? it->description : r->description;
	if (text)
		view_pane_text(v, p, 0, VIEW_DIM, text);
	const char *area_v[VIEW_MENU_AREAS];
	struct strlist areas;
	view_areas(r, area_v, VIEW_MENU_AREAS, &areas);
	if (r->tags.n || areas.n || r->equipment.n)
		view_pane_blank(p);
	view_pane_list(v, p, "Tags", &r->tags);
	view_pane_list(v, p, "Areas", &areas);
	view_pane_list(v, p, "Needs", &r->equipment);
	view_pane_blank(p);
	row = view_pane_row(p);
	if (row >= 0)
		view_putf(v, row, p->left, p->width, VIEW_BOLD, "Steps (%zu)", r->n_steps);
	view_steps(v, p, r);
}

/* The pane, scrolled to *scroll (clamped, written back), with a mark on
 * the separator row above it when there is more than it shows. */
static void view_detail_pane(struct view *v, const struct view_menu_item *it,
			     int sep, int *scroll, size_t step,
			     const struct view_menu_history *h)
{
	int width = v->cols - 4 < 96 ? v->cols - 4 : 96;   /* lines easy to read */
	struct view_pane p = { sep + 1, v->rows - 1, 2, width, 0, 0, false, step, -1 };
	view_detail(v, it, h, &p);
	int total = p.line, height = p.end - p.top, marked = p.step_line;
	int want = scroll ? *scroll : 0;
	if (marked >= 0 && marked < want)            /* the marked step in view */
		want = marked;
	if (marked >= 0 && height > 0 && marked >= want + height)
		want = marked - height + 1;
	want = want > total - height ? total - height : want;
	want = want < 0 ? 0 : want;
	if (scroll)
		*scroll = want;
	p = (struct view_pane){ sep + 1, v->rows - 1, 2, width, want, 0, true, step, -1 };
	view_detail(v, it, h, &p);
	if (total <= height)
		return;
	char mark[64];
	snprintf(mark, sizeof mark, " %s%s more: %s/%s ",
		 want > 0 ? (v->utf8 ? "\xe2\x86\x91" : "^") : "",
		 want + height < total ? (v->utf8 ? "\xe2\x86\x93" : "v") : "",
		 keys_name(&keys_menu, KEYS_ACT_PAGE_UP), keys_name(&keys_menu, KEYS_ACT_PAGE_DOWN));
	int w = view_cells(v, mark);
	view_put(v, sep, v->cols - 2 - w, w, VIEW_DIM, mark);
}

/* ---- the screen ----------------------------------------------------------------- */

static int view_menu_list_rows(int rows, size_t n)
{
	int max = (rows - 4) / 2;
	if (max < 3)
		max = 3;
	if (n == 0)
		return 1;
	return (size_t)max < n ? max : (int)n;
}

int view_menu_detail_rows(int rows, size_t n_shown)
{
	int h = rows - 1 - (2 + view_menu_list_rows(rows, n_shown) + 1);
	return h > 0 ? h : 0;
}

static void view_menu_empty(struct view *v, const struct view_menu_in *in, int row)
{
	if (in->n_items == 0)
		view_put(v, row, 2, v->cols - 3, VIEW_ALERT,
			 "No routines found: add .yaml files to ~/.config/stretchtui/routines "
			 "or use --routines DIR");
	else
		view_putf(v, row, 2, v->cols - 3, VIEW_ALERT, "No routine matches '%s'",
			  in->filter);
}

void view_menu(struct view *v, const struct view_menu_in *in)
{
	struct view_cols c;
	view_begin(v, v->rows, v->cols, v->utf8);
	if (view_too_small(v->rows, v->cols)) {
		view_enlarge(v);
		return;
	}
	int list = view_menu_list_rows(v->rows, in->n_shown);
	size_t top = *in->top;
	if (in->sel < top)
		top = in->sel;
	if (in->sel >= top + (size_t)list)
		top = in->sel + 1 - (size_t)list;
	*in->top = top;
	view_menu_cols(v, in, &c);
	view_menu_title(v, in);
	view_put(v, 1, c.name, c.name_w, VIEW_DIM, "NAME");
	view_put(v, 1, c.time + c.time_w - 4, 4, VIEW_DIM, "TIME");
	if (c.tags)
		view_put(v, 1, c.tags, c.tags_w, VIEW_DIM, "TAGS");
	if (c.gear)
		view_put(v, 1, c.gear, c.gear_w, VIEW_DIM, "EQUIPMENT");
	if (in->n_shown == 0)
		view_menu_empty(v, in, 2);
	for (int i = 0; i < list && top + (size_t)i < in->n_shown; i++) {
		size_t k = top + (size_t)i;
		view_menu_row(v, 2 + i, &c, &in->items[in->shown[k]], k == in->sel);
	}
	int sep = 2 + list;
	char line[4 * 512 + 1];
	size_t used = 0;
	const char *hz = v->utf8 ? "\xe2\x94\x80" : "-";
	for (int i = 0; i < v->cols && used + 4 < sizeof line; i++, used += strlen(hz))
		memcpy(line + used, hz, strlen(hz));
	line[used] = '\0';
	view_put(v, sep, 0, v->cols, VIEW_BORDER, line);
	if (in->n_shown > 0)
		view_detail_pane(v, &in->items[in->shown[in->sel]], sep, in->detail_scroll,
				 in->step, in->history);
	view_menu_footer(v, in, v->rows - 1);
}
