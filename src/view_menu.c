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
	return false;
}

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

/* Plan times as `list` and `show` write them. */
static char *view_total(int64_t ms, char *buf, size_t size)
{
	return duration_format(ms, buf, size);
}

/* Column starts of the list: name, time, tags, equipment (0: hidden). */
struct view_cols {
	int name, name_w, time, tags, tags_w, gear, gear_w;
};

/* Widest name, tag list and equipment list of the items shown. */
static void view_menu_widths(const struct view_menu_in *in, int *name, int *tags,
			     int *gear)
{
	char buf[512];
	*name = 4;
	*tags = *gear = 0;
	for (size_t i = 0; i < in->n_shown; i++) {
		const struct view_menu_item *it = &in->items[in->shown[i]];
		int w = view_width(it->r ? it->r->name : it->id) + (it->r ? 0 : 14);
		*name = w > *name ? w : *name;
		if (!it->r)
			continue;
		view_join(&it->r->tags, ", ", buf, sizeof buf);
		w = view_width(buf);
		*tags = w > *tags ? w : *tags;
		view_join(&it->r->equipment, ", ", buf, sizeof buf);
		w = view_width(buf);
		*gear = w > *gear ? w : *gear;
	}
}

static void view_menu_cols(int cols, const struct view_menu_in *in,
			   struct view_cols *c)
{
	int name, tags, gear;
	view_menu_widths(in, &name, &tags, &gear);
	c->name = 2;
	c->name_w = cols >= 72 ? (name < 36 ? name : 36) : cols - 2 - 1 - 7;
	c->time = c->name + c->name_w + 1;
	c->tags = c->tags_w = c->gear = c->gear_w = 0;
	if (cols < 72)
		return;
	c->tags = c->time + 8;
	int room = cols - 1 - c->tags - 2;         /* tags + gap + equipment */
	c->tags_w = tags + gear <= room ? tags : room / 2;
	if (c->tags_w < 4)
		c->tags_w = 4;
	if (gear <= room - c->tags_w && tags > c->tags_w)
		c->tags_w = room - gear;             /* give the spare to tags */
	c->gear = c->tags + c->tags_w + 2;
	c->gear_w = cols - 1 - c->gear;
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
	if (!it->r) {
		int w = view_put(v, row, c->name, c->name_w, st, it->id);
		view_put(v, row, c->name + w + 2, v->cols - c->name - w - 3,
			 sel ? VIEW_SELECTED : VIEW_ALERT, "(has errors)");
		return;
	}
	view_put(v, row, c->name, c->name_w, sel ? VIEW_SELECTED : VIEW_BOLD, it->r->name);
	view_total(it->total_ms, t, sizeof t);
	view_put(v, row, c->time + 6 - view_width(t), 6, st, t);
	if (!c->tags)
		return;
	view_join(&it->r->tags, ", ", buf, sizeof buf);
	view_put(v, row, c->tags, c->tags_w, dim, buf);
	view_join(&it->r->equipment, ", ", buf, sizeof buf);
	view_put(v, row, c->gear, c->gear_w, dim, buf);
}

static void view_menu_title(struct view *v, const struct view_menu_in *in)
{
	int col = 1;
	col += view_put(v, 0, col, v->cols - 2, VIEW_BOLD, "stretchtui");
	view_putf(v, 0, col, v->cols - 1 - col, VIEW_DIM, "%s%zu routine%s",
		  v->utf8 ? " \xc2\xb7 " : " - ", in->n_items, in->n_items == 1 ? "" : "s");
	if (in->filter[0] && !in->editing) {
		char buf[160];
		snprintf(buf, sizeof buf, "filter: %s (%zu)", in->filter, in->n_shown);
		int w = view_width(buf), max = v->cols / 2;
		if (w > max)
			w = max;
		view_put(v, 0, v->cols - 1 - w, w, VIEW_CUE, buf);
	}
}

static void view_menu_footer(struct view *v, const struct view_menu_in *in, int row)
{
	if (in->editing) {
		int col = view_put(v, row, 0, 1, VIEW_KEY, "/");
		int w = view_put(v, row, col, v->cols - 22, VIEW_NORMAL, in->filter);
		v->cursor = true;
		v->cursor_row = row;
		v->cursor_col = col + w;
		if (v->cols - 22 > col + w)
			view_put(v, row, v->cols - 21, 21, VIEW_DIM, "Enter done  Esc clear");
		return;
	}
	struct { const char *key, *ascii, *label; } h[] = {
		{ "\xe2\x86\x91\xe2\x86\x93", "j/k", "move" },
		{ "Enter", "Enter", "start" },
		{ "/", "/", "filter" },
		{ "Esc", "Esc", "clear" },
		{ "q", "q", "quit" },
	};
	int col = 1;
	for (size_t i = 0; i < sizeof h / sizeof *h; i++) {
		if (i == 3 && !in->filter[0])
			continue;
		if (col > 1)
			col += 2;
		col += view_put(v, row, col, v->cols - col, VIEW_KEY,
				v->utf8 ? h[i].key : h[i].ascii);
		col += view_putf(v, row, col, v->cols - col, VIEW_NORMAL, " %s", h[i].label);
	}
}

/* ---- detail pane -------------------------------------------------------------- */

struct view_pane {
	int row, end, left, width;
};

/* Wrapped text in the pane, at most max_rows of it; a text cut short ends
 * in an ellipsis. False when the pane is full. */
static bool view_pane_text(struct view *v, struct view_pane *p,
			   enum view_style style, const char *text, int max_rows)
{
	struct view_wrap w;
	const char *s;
	size_t len;
	int indent, end = p->row + max_rows < p->end ? p->row + max_rows : p->end;
	view_wrap_init(&w, text, p->width - 1);
	while (p->row < end && view_wrap_next(&w, &indent, &s, &len)) {
		int cw = view_putn(v, p->row, p->left + indent, p->width - indent, style, s, len);
		if (p->row == end - 1 && *w.p)
			view_put(v, p->row, p->left + indent + cw, 1, style,
				 v->utf8 ? "\xe2\x80\xa6" : "~");
		p->row++;
	}
	return p->row < p->end;
}

static void view_step_text(const struct step *s, char *buf, size_t size)
{
	char t[24];
	size_t n;
	if (s->kind == STEP_REST) {
		snprintf(buf, size, "rest %s", view_total(s->rest_ms, t, sizeof t));
		return;
	}
	if (s->kind == STEP_HOLD)
		n = (size_t)snprintf(buf, size, "hold %s", view_total(s->hold_ms, t, sizeof t));
	else
		n = (size_t)snprintf(buf, size, "%d reps%s", s->reps,
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
		int w = view_width(x ? x->name : "Rest");
		name_w = w > name_w ? w : name_w;
	}
	if (name_w > p->width / 2)
		name_w = p->width / 2;
	for (size_t i = 0; i < r->n_steps && p->row < p->end; i++) {
		const struct step *s = &r->steps[i];
		if (p->row == p->end - 1 && i + 1 < r->n_steps) {
			view_putf(v, p->row++, p->left, p->width, VIEW_DIM,
				  "%s and %zu more", v->utf8 ? "\xe2\x80\xa6" : "...",
				  r->n_steps - i);
			return;
		}
		view_step_text(s, what, sizeof what);
		int col = p->left;
		col += view_putf(v, p->row, col, 5, VIEW_DIM, "%3zu.", i + 1) + 1;
		view_put(v, p->row, col, name_w, VIEW_NORMAL,
			 s->exercise ? s->exercise->name : "Rest");
		col += name_w + 2;
		view_put(v, p->row++, col, p->left + p->width - col, VIEW_DIM, what);
	}
}

static void view_detail(struct view *v, const struct view_menu_item *it,
			struct view_pane *p)
{
	char buf[512];
	if (!it->r) {
		view_pane_text(v, p, VIEW_ALERT, "This routine did not load.", 1);
		snprintf(buf, sizeof buf, "Run: stretchtui check %s", it->path ? it->path : it->id);
		view_pane_text(v, p, VIEW_NORMAL, buf, 4);
		return;
	}
	const struct routine *r = it->r;
	char t[24];
	int col = p->left + view_put(v, p->row, p->left, p->width, VIEW_BOLD, r->name);
	view_putf(v, p->row++, col, p->left + p->width - col, VIEW_DIM, "  %s  (%s)",
		  view_total(it->total_ms, t, sizeof t), r->id ? r->id : "");
	/* the steps keep up to two thirds of the pane, the description the rest */
	int h = p->end - p->row, steps = (int)r->n_steps + 2;
	int keep = steps < h * 2 / 3 ? steps : h * 2 / 3;
	if (r->summary && !view_pane_text(v, p, VIEW_NORMAL, r->summary, 2))
		return;
	int room = p->end - p->row - keep - (v->cols < 72 ? 2 : 0);
	const char *text = it->description ? it->description : r->description;
	if (text && !view_pane_text(v, p, VIEW_DIM, text, room > 1 ? room : 1))
		return;
	if (v->cols < 72) {
		view_join(&r->tags, ", ", buf, sizeof buf);
		if (*buf)
			view_putf(v, p->row++, p->left, p->width, VIEW_DIM, "Tags: %s", buf);
		view_join(&r->equipment, ", ", buf, sizeof buf);
		if (*buf && p->row < p->end)
			view_putf(v, p->row++, p->left, p->width, VIEW_DIM, "Needs: %s", buf);
	}
	if (p->row + 2 > p->end)
		return;
	p->row++;
	view_putf(v, p->row++, p->left, p->width, VIEW_BOLD, "Steps (%zu)", r->n_steps);
	view_steps(v, p, r);
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
	view_menu_cols(v->cols, in, &c);
	view_menu_title(v, in);
	view_put(v, 1, c.name, c.name_w, VIEW_DIM, "NAME");
	view_put(v, 1, c.time + 2, 4, VIEW_DIM, "TIME");
	if (c.tags) {
		view_put(v, 1, c.tags, c.tags_w, VIEW_DIM, "TAGS");
		view_put(v, 1, c.gear, c.gear_w, VIEW_DIM, "EQUIPMENT");
	}
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
	if (in->n_shown > 0) {
		struct view_pane p = { sep + 1, v->rows - 1, 2, v->cols - 4 };
		view_detail(v, &in->items[in->shown[in->sel]], &p);
	}
	view_menu_footer(v, in, v->rows - 1);
}
