/* ui_common — signals, clock and helpers shared by ui and plain. */
#include "ui_common.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "clock.h"
#include "diag.h"
#include "duration.h"
#include "paths.h"
#include "view.h"

/* ---- clock ------------------------------------------------------------------ */

void ui_clock_init(struct ui_clock *c, double speed)
{
	c->t0_ms = clock_now_ms();
	c->speed = speed > 0 ? speed : 1.0;
}

int64_t ui_clock_now(const struct ui_clock *c)
{
	int64_t ms = clock_now_ms() - c->t0_ms;
	if (c->speed == 1.0)
		return ms;
	return (int64_t)((double)ms * c->speed + 1e-6);
}

int ui_clock_timeout(const struct ui_clock *c, int64_t engine_ms)
{
	if (engine_ms < 0)
		return -1;
	double q = (double)engine_ms / c->speed;
	if (q > 1e9)
		return 1000000000;
	int ms = (int)q;
	if ((double)ms < q)
		ms++;                   /* rounded up: never wake before the change */
	return ms < 1 ? 1 : ms;
}

/* ---- routines ------------------------------------------------------------------ */

int ui_load(struct catalog *c, const char *arg, struct routine *r,
	    struct plan *p)
{
	struct diags d = { 0 };
	int rc = catalog_load_plan(c, arg, r, p, &d) == 0 ? CLI_OK : CLI_INVALID;
	diag_print(&d, stderr);
	diag_free(&d);
	return rc;
}

void ui_remember(const struct routine *r)
{
	if (r->id && !strchr(r->id, '\n'))
		paths_state_write(UI_LAST_ROUTINE, r->id);
}

void ui_summary_line(const char *name, const struct engine_summary *s,
		     char *buf, size_t size)
{
	char done[24], planned[24], ext[24];
	view_mmss((s->done_ms + 500) / 1000, done, sizeof done);
	view_mmss(duration_ceil_seconds(s->planned_ms), planned, sizeof planned);
	int n = snprintf(buf, size, "%s: %s %s of %s; %d of %d exercises done, %d skipped",
			 name, s->completed ? "finished," : "stopped at", done, planned,
			 s->exercises_done, s->exercises_total, s->exercises_skipped);
	if (s->extended_ms > 0 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "; extended +%s",
			      view_mmss((s->extended_ms + 500) / 1000, ext, sizeof ext));
	if (n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, ".");
}

/* ---- keys ---------------------------------------------------------------------- */

static enum ui_action ui_answer_action(int key)
{
	switch (key) {
	case 'y': case 'Y': return UI_ACT_YES;
	case 'n': case 'N': case 'q': case 27: return UI_ACT_NO;
	case UI_K_RESIZE: return UI_ACT_RESIZE;
	default: return UI_ACT_NONE;
	}
}

enum ui_action ui_key_action(int key, bool asking)
{
	static const struct { int key; enum ui_action a; } map[] = {
		{ ' ', UI_ACT_PAUSE }, { 'n', UI_ACT_SKIP }, { UI_K_RIGHT, UI_ACT_SKIP },
		{ 'b', UI_ACT_BACK }, { UI_K_LEFT, UI_ACT_BACK },
		{ '+', UI_ACT_EXTEND }, { '=', UI_ACT_EXTEND }, { '-', UI_ACT_UNEXTEND },
		{ '\r', UI_ACT_REP }, { '\n', UI_ACT_REP }, { UI_K_ENTER, UI_ACT_REP },
		{ '?', UI_ACT_HELP }, { 27, UI_ACT_CLOSE }, { 'q', UI_ACT_ASK_QUIT },
		{ 'L' & 0x1f, UI_ACT_REDRAW }, { UI_K_RESIZE, UI_ACT_RESIZE },
		{ UI_K_UP, UI_ACT_LINE_UP }, { 'k', UI_ACT_LINE_UP },
		{ UI_K_DOWN, UI_ACT_LINE_DOWN }, { 'j', UI_ACT_LINE_DOWN },
		{ UI_K_PPAGE, UI_ACT_PAGE_UP }, { UI_K_NPAGE, UI_ACT_PAGE_DOWN },
	};
	if (asking)
		return ui_answer_action(key);
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].key == key)
			return map[i].a;
	return UI_ACT_NONE;
}

static void ui_ask_quit(struct engine *e, struct ui_ask *ask, int64_t now)
{
	struct engine_state st;
	engine_state(e, now, &st);
	ask->open = true;
	ask->resume = !st.paused;
	if (ask->resume)
		engine_pause(e, now);
}

bool ui_apply(struct engine *e, struct ui_ask *ask, enum ui_action a,
	      int64_t now)
{
	switch (a) {
	case UI_ACT_PAUSE: engine_toggle_pause(e, now); break;
	case UI_ACT_SKIP: engine_skip(e, now); break;
	case UI_ACT_BACK: engine_back(e, now); break;
	case UI_ACT_EXTEND: engine_extend(e, now); break;
	case UI_ACT_UNEXTEND: engine_unextend(e, now); break;
	case UI_ACT_REP: engine_rep_done(e, now); break;
	case UI_ACT_ASK_QUIT: ui_ask_quit(e, ask, now); break;
	case UI_ACT_YES:
		ask->open = false;
		engine_quit(e, now);
		return true;
	case UI_ACT_NO:
		ask->open = false;
		if (ask->resume)
			engine_resume(e, now);
		break;
	default:
		break;
	}
	return false;
}
