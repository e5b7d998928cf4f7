/* ui_menu — the routine menu: every routine of the catalog with its total,
 * a filter by name, tag or body area (a screen of its own over the menu), and Enter
 * to play. The list is drawn from the catalog's ids first; each routine is
 * then read and planned between polls (ui_menu_update: a slice at a time,
 * the selected and visible rows first, keys handled in between), and the
 * filter matches ids until the names arrive. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "duration.h"
#include "paths.h"
#include "start.h"
#include "ui_priv.h"
#include "utf8.h"
#include "view.h"

struct ui_menu {
	struct ui *u;
	struct plan *chosen;         /* where ui_menu_run puts the plan */
	int rows;                    /* of the screen drawn last */
	struct view_menu_item *items;
	struct routine *routines;
	size_t n;
	size_t n_loaded, next;       /* next: the first maybe not loaded */
	bool drawn;                  /* the first frame is out: load */
	bool loaded_told;            /* every row in: ui_menu_loaded has run */
	bool offer_only;             /* the notice is the resume offer alone */
	size_t *shown, n_shown;
	size_t sel, top;
	int detail;                  /* the detail pane's scroll */
	char filter[128];
	bool editing;
	char notice[512];            /* shown instead of the keys until a key */
	bool notice_alert;
	size_t step;                 /* the selected routine's marked step; 0 */
	bool can_resume;             /* a stopped session of items[resume_item] */
	size_t resume_item;
	int64_t resume_ms;
	struct view_menu_history history;
};

/* Shows text in place of the keys until the next key. */
void ui_menu_notice(struct ui_menu *m, const char *text, bool alert)
{
	snprintf(m->notice, sizeof m->notice, "%s", text);
	m->notice_alert = alert;
	m->offer_only = false;
}

/* The first error of d, formatted, malloc'd (NULL when none). */
static char *ui_menu_first_error(const struct diags *d)
{
	char buf[512];
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].level != DIAG_ERROR)
			continue;
		diag_format(&d->v[i], buf, sizeof buf);
		return strdup(buf);
	}
	return NULL;
}

static void ui_menu_reflow(struct view_menu_item *it)
{
	const char *d = it->r->description;
	size_t n = d ? strlen(d) + 1 : 0;
	char *copy = d ? malloc(n) : NULL;
	if (copy)
		view_reflow(d, copy, n);
	it->description = copy;
}

/* Entry i read and planned, once: its name, total and tags for its row,
 * or why it did not load. */
static void ui_menu_load(struct ui_menu *m, size_t i)
{
	struct diags d = { 0 };
	struct plan p;
	struct view_menu_item *it = &m->items[i];
	if (!it->loading)
		return;
	it->loading = false;
	m->n_loaded++;
	if (catalog_load_entry(m->u->c, i, &m->routines[i], &p, &d) == 0) {
		it->r = &m->routines[i];
		it->total_ms = p.total_ms;
		plan_free(&p);
		ui_menu_reflow(it);
	} else {
		it->error = ui_menu_first_error(&d);
	}
	diag_free(&d);
}

/* A library with errors is named once, when the menu opens. */
static void ui_menu_lib_notice(struct catalog *c, struct ui_menu *m)
{
	struct diags w = { 0 };
	size_t n = catalog_lib_warnings(c, &w);
	if (n > 0) {
		const struct catalog_lib *l = NULL;
		for (size_t i = 0; i < c->n_libs; i++)
			if (c->libs[i].status == CATALOG_LIB_BROKEN)
				l = l ? l : &c->libs[i];
		char text[512];
		snprintf(text, sizeof text, "%zu error%s in an exercise library%s: "
			 "stretchtui check %s", l->diags.errors,
			 l->diags.errors == 1 ? "" : "s", n > 1 ? " (and more)" : "", l->path);
		ui_menu_notice(m, text, true);
	}
	diag_free(&w);
}

static void ui_menu_filter(struct ui_menu *m)
{
	size_t keep = m->n_shown ? m->shown[m->sel] : 0;
	m->n_shown = 0;
	m->detail = 0;
	m->sel = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (!view_menu_match(&m->items[i], m->filter))
			continue;
		if (i == keep)
			m->sel = m->n_shown;
		m->shown[m->n_shown++] = i;
	}
	if (!m->n_shown || m->shown[m->sel] != keep)
		m->step = 0;          /* a marked step is the routine's it was marked in */
}

/* The history, read once: today's time, the streak and each routine's
 * last day (the glance keeps them up to date as sessions are saved). */
static void ui_menu_glance(struct ui_menu *m)
{
	const char **ids = malloc((m->n ? m->n : 1) * sizeof *ids);
	if (!ids)
		return;
	for (size_t i = 0; i < m->n; i++)
		ids[i] = m->items[i].id;
	ui_glance(m->u, ids, m->n);
	free(ids);
}

/* The routine of the settings (`routine:`) is selected at first, else
 * the one played last. */
static void ui_menu_preselect(struct ui_menu *m, const char *pref)
{
	char id[256];
	const char *want[2] = { pref, NULL };
	if (paths_state_read(SESSION_LAST_ROUTINE, id, sizeof id) == 0)
		want[1] = id;
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; want[k] && i < m->n_shown; i++)
			if (strcmp(m->items[m->shown[i]].id, want[k]) == 0) {
				m->sel = i;
				return;
			}
}

/* The list from the catalog's ids alone (nothing parsed yet): the rows
 * fill in as ui_menu_update loads them. */
struct ui_menu *ui_menu_open(struct ui *u)
{
	struct ui_menu *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	catalog_scan(u->c);
	size_t n = u->c->n;
	m->items = calloc(n + 1, sizeof *m->items);
	m->routines = calloc(n + 1, sizeof *m->routines);
	m->shown = calloc(n + 1, sizeof *m->shown);
	if (!m->items || !m->routines || !m->shown) {
		ui_menu_close(m);
		return NULL;
	}
	m->u = u;
	m->n = n;
	for (size_t i = 0; i < n; i++) {
		m->items[i].id = u->c->v[i].id;
		m->items[i].path = u->c->v[i].path;
		m->items[i].loading = true;
	}
	ui_menu_glance(m);
	ui_menu_filter(m);
	ui_menu_preselect(m, u->o->menu_routine);
	return m;
}

void ui_menu_close(struct ui_menu *m)
{
	if (!m)
		return;
	for (size_t i = 0; m->items && i < m->n; i++) {
		if (m->items[i].r)
			routine_free(&m->routines[i]);
		free((char *)m->items[i].description);
		free((char *)m->items[i].error);
	}
	free(m->items);
	free(m->routines);
	free(m->shown);
	free(m);
}

/* The glance's figures for the view; NULL without a history. */
static const struct view_menu_history *ui_menu_history(struct ui_menu *m)
{
	const struct history_glance *g = ui_glance(m->u, NULL, 0);
	if (!g || g->n != m->n)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		m->items[i].last_day = g->last[i] == HISTORY_NEVER ? VIEW_NEVER : g->last[i];
	m->history = (struct view_menu_history){ g->today, g->today_s, g->streak };
	return &m->history;
}

/* ---- filling the rows in ------------------------------------------------------- */

#define UI_MENU_SLICE_MS 5    /* of loading between two polls for keys */

/* The entry to load next: the selected one, then the others in view,
 * then the rest in order. Only while some are not loaded. */
static size_t ui_menu_next(struct ui_menu *m)
{
	if (m->n_shown && m->items[m->shown[m->sel]].loading)
		return m->shown[m->sel];
	for (size_t k = m->top; k < m->n_shown && k < m->top + (size_t)m->rows; k++)
		if (m->items[m->shown[k]].loading)
			return m->shown[k];
	while (!m->items[m->next].loading)
		m->next++;
	return m->next;
}

/* The filter again once names and tags have come in, the selection and
 * its detail pane kept when it still matches. */
static void ui_menu_refilter(struct ui_menu *m)
{
	size_t keep = m->n_shown ? m->shown[m->sel] : SIZE_MAX;
	int detail = m->detail;
	ui_menu_filter(m);
	if (m->n_shown && m->shown[m->sel] == keep)
		m->detail = detail;
}

/* Everything loaded: a library's errors are named (in place of nothing
 * or of the resume offer), and the libraries go (each routine holds its
 * own exercises). */
static void ui_menu_loaded(struct ui_menu *m)
{
	if (!m->notice[0] || m->offer_only)
		ui_menu_lib_notice(m->u->c, m);
	catalog_release_libs(m->u->c);
}

/* A slice of loading, once the first frame is out. */
static enum ui_end ui_menu_update(void *ctx)
{
	struct ui_menu *m = ctx;
	if (!m->drawn)
		return UI_STAY;
	if (m->n_loaded < m->n) {
		int64_t end = clock_now_ms() + UI_MENU_SLICE_MS;
		do
			ui_menu_load(m, ui_menu_next(m));
		while (m->n_loaded < m->n && clock_now_ms() < end);
		if (m->filter[0])
			ui_menu_refilter(m);
	}
	/* once, however the last row came in (a slice, Enter, ], r) */
	if (m->n_loaded == m->n && !m->loaded_told) {
		m->loaded_told = true;
		ui_menu_loaded(m);
	}
	return UI_STAY;
}

/* No wait while rows are left to fill in. */
static int ui_menu_wake(void *ctx)
{
	const struct ui_menu *m = ctx;
	return m->n_loaded < m->n ? 0 : -1;
}

static void ui_menu_draw(void *ctx, struct view *v)
{
	struct ui_menu *m = ctx;
	struct view_menu_in in = { m->items, m->shown, m->n_shown, m->n, m->sel,
				   &m->top, m->filter, m->editing, &m->detail,
				   m->notice, m->notice_alert, m->step, ui_menu_history(m) };
	view_menu(v, &in);
	m->rows = v->rows;
	m->drawn = true;
}

static void ui_menu_move(struct ui_menu *m, long d)
{
	long sel = (long)m->sel + d;
	if (sel >= (long)m->n_shown)
		sel = (long)m->n_shown - 1;
	if (sel < 0)
		sel = 0;
	if ((size_t)sel != m->sel) {
		m->detail = 0;
		m->step = 0;
	}
	m->sel = (size_t)sel;
}

/* Moves for the arrows, Home and End; PgUp and PgDn scroll the detail
 * pane by its height less a line (the view clamps it). True when a was
 * one of them. */
static bool ui_menu_nav(struct ui_menu *m, enum keys_action a)
{
	int page = view_menu_detail_rows(m->rows, m->n_shown) - 1;
	page = page > 1 ? page : 1;
	switch (a) {
	case KEYS_ACT_UP: ui_menu_move(m, -1); break;
	case KEYS_ACT_DOWN: ui_menu_move(m, 1); break;
	case KEYS_ACT_TOP: ui_menu_move(m, -100000); break;
	case KEYS_ACT_BOTTOM: ui_menu_move(m, 100000); break;
	case KEYS_ACT_PAGE_UP: m->detail -= page; break;
	case KEYS_ACT_PAGE_DOWN: m->detail += page; break;
	default: return false;
	}
	return true;
}

static void ui_menu_backspace(struct ui_menu *m)
{
	size_t n = strlen(m->filter);
	while (n > 0 && ((unsigned char)m->filter[n - 1] & 0xc0) == 0x80)
		n--;                 /* continuation bytes of a UTF-8 character */
	if (n > 0)
		n--;
	m->filter[n] = '\0';
}

static void ui_menu_type(struct ui_menu *m, int ch)
{
	char mb[4];
	size_t len = ch > 0 ? utf8_encode((uint32_t)ch, mb) : 0,
	       used = strlen(m->filter);
	if (len == 0 || used + len >= sizeof m->filter)
		return;
	memcpy(m->filter + used, mb, len);
	m->filter[used + len] = '\0';
}

/* ---- the filter line ------------------------------------------------------------ */

static enum ui_end ui_menu_edit_act(void *ctx, enum keys_action a, int code)
{
	struct ui_menu *m = ctx;
	enum ui_end end = UI_STAY;
	if (ui_menu_nav(m, a))
		return UI_STAY;
	switch (a) {
	case KEYS_ACT_DONE: end = UI_END_CLOSE; break;
	case KEYS_ACT_CLEAR: m->filter[0] = '\0'; end = UI_END_CLOSE; break;
	case KEYS_ACT_ERASE: ui_menu_backspace(m); break;
	case KEYS_ACT_ERASE_ALL: m->filter[0] = '\0'; break;
	case KEYS_ACT_TYPE: ui_menu_type(m, code); break;
	default: return UI_STAY;
	}
	ui_menu_filter(m);
	return end;
}

/* The filter line has the cursor until Enter or Esc. */
static enum ui_end ui_menu_edit(struct ui_menu *m)
{
	struct ui_screen s = { &keys_filter, m, ui_menu_update, ui_menu_draw, ui_menu_edit_act,
			       ui_menu_wake };
	m->editing = true;
	enum ui_end end = ui_term_run(m->u->t, &s);
	m->editing = false;
	return end == UI_END_CLOSE ? UI_STAY : end;
}

/* ---- the list -------------------------------------------------------------------- */

/* The chosen routine's plan; false when it has none (nothing chosen, or
 * it did not load: the notice says so). */
static bool ui_menu_plan(struct ui_menu *m, struct plan *p)
{
	if (m->n_shown == 0)
		return false;
	ui_menu_load(m, m->shown[m->sel]);
	const struct view_menu_item *it = &m->items[m->shown[m->sel]];
	if (it->r && plan_build(it->r, p) == PLAN_OK)
		return true;
	char text[512];
	snprintf(text, sizeof text, "'%s' has errors (see below): stretchtui check %s",
		 it->id, it->path);
	ui_menu_notice(m, text, true);
	return false;
}

/* ] and [: the marked step of the selected routine, 0 (none) to its
 * number of steps. */
static void ui_menu_step(struct ui_menu *m, int d)
{
	if (m->n_shown)
		ui_menu_load(m, m->shown[m->sel]);
	const struct view_menu_item *it = m->n_shown ? &m->items[m->shown[m->sel]] : NULL;
	size_t n = it && it->r ? it->r->n_steps : 0;
	if (d > 0 && m->step < n)
		m->step++;
	else if (d < 0 && m->step > 0)
		m->step--;
}

/* Enter: the selected routine, from its marked step. */
static enum ui_end ui_menu_start(struct ui_menu *m)
{
	if (!ui_menu_plan(m, m->chosen))
		return UI_STAY;
	m->u->start_ms = m->step ? start_step_at(m->chosen, m->step - 1) : 0;
	m->u->start_ms = m->u->start_ms < 0 ? 0 : m->u->start_ms;
	return UI_END_PLAY;
}

/* r: the session stopped last, from where it stopped. */
static enum ui_end ui_menu_resume(struct ui_menu *m)
{
	if (!m->can_resume) {
		ui_menu_notice(m, "No session to go on with: none stopped in the last hour", true);
		return UI_STAY;
	}
	m->filter[0] = '\0';
	ui_menu_filter(m);
	for (size_t i = 0; i < m->n_shown; i++)
		if (m->shown[i] == m->resume_item)
			m->sel = i;
	m->step = 0;
	if (!ui_menu_plan(m, m->chosen))
		return UI_STAY;
	m->u->start_ms = m->resume_ms;
	return UI_END_PLAY;
}

static enum ui_end ui_menu_act(void *ctx, enum keys_action a, int code)
{
	struct ui_menu *m = ctx;
	(void)code;
	if (a != KEYS_ACT_SUSPEND)
		m->notice[0] = '\0';   /* shown until the next key */
	if (ui_menu_nav(m, a))
		return UI_STAY;
	switch (a) {
	case KEYS_ACT_START: return ui_menu_start(m);
	case KEYS_ACT_STEP_NEXT: ui_menu_step(m, 1); return UI_STAY;
	case KEYS_ACT_STEP_PREV: ui_menu_step(m, -1); return UI_STAY;
	case KEYS_ACT_RESUME: return ui_menu_resume(m);
	case KEYS_ACT_FILTER: return ui_menu_edit(m);
	case KEYS_ACT_CLEAR:
		m->filter[0] = '\0';
		ui_menu_filter(m);
		return UI_STAY;
	case KEYS_ACT_QUIT: return UI_END_QUIT;
	default: return UI_STAY;
	}
}

/* Whether the session stopped last can go on, and the offer (after the
 * notice there is, such as the summary of the one just stopped). */
static void ui_menu_offer_resume(struct ui_menu *m)
{
	struct start_mark mark;
	struct diags quiet = { 0 };
	m->can_resume = false;
	if (start_resume(m->u->c, NULL, clock_wall_s(), &mark, &quiet) == 0)
		for (size_t i = 0; i < m->n; i++)
			if (strcmp(m->items[i].path, mark.path) == 0 &&
			    (ui_menu_load(m, i), m->items[i].r) &&
			    mark.at_ms < m->items[i].total_ms) {
				m->can_resume = true;
				m->resume_item = i;
				m->resume_ms = mark.at_ms;
			}
	diag_free(&quiet);
	if (!m->can_resume || m->notice_alert)
		return;
	char t[DURATION_BUF], offer[256];
	duration_format_s(m->resume_ms / 1000, t, sizeof t);
	m->offer_only = !m->notice[0];
	if (m->notice[0])   /* after the summary of the session that stopped */
		snprintf(offer, sizeof offer, "  r: go on from %s", t);
	else
		snprintf(offer, sizeof offer, "r: go on with %s from %s",
			 m->items[m->resume_item].r->name, t);
	size_t n = strlen(m->notice);
	snprintf(m->notice + n, sizeof m->notice - n, "%s", offer);
}

enum ui_end ui_menu_run(struct ui_menu *m, struct plan *p)
{
	struct ui_screen s = { &keys_menu, m, ui_menu_update, ui_menu_draw, ui_menu_act,
			       ui_menu_wake };
	m->chosen = p;
	m->step = 0;
	ui_menu_offer_resume(m);
	return ui_term_run(m->u->t, &s);
}
