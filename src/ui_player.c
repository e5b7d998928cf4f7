/* ui_player — the player loop: one poll() per displayed change, keys to
 * engine commands, help and quit overlays, and the finish screen. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "ui_common.h"
#include "ui_priv.h"

struct ui_player {
	struct ui *u;
	const struct plan *p;
	struct engine *e;
	struct ui_clock clk;
	struct engine_state st;
	bool help, confirm, resume_after_confirm;
	int help_scroll;
};

enum { UI_KEY_GO_ON, UI_KEY_QUIT };

static void ui_player_draw(struct ui_player *pl)
{
	struct view_player_in in = { pl->p, &pl->st, pl->confirm };
	ui_view_begin(pl->u);
	view_player(pl->u->v, &in);
	if (pl->help)
		pl->help_scroll = view_help(pl->u->v, ui_safety(pl->u), pl->help_scroll);
	ui_paint(pl->u);
}

/* Brings the engine to now; rings once for whatever rang. */
static void ui_player_update(struct ui_player *pl, int64_t now)
{
	const struct engine_event *ev;
	size_t n = engine_update(pl->e, now, &ev);
	bool ring = false;
	for (size_t i = 0; i < n; i++)
		ring |= ui_event_rings(pl->p, &ev[i]);
	if (ring)
		ui_bell(pl->u);
	engine_state(pl->e, now, &pl->st);
}

static void ui_player_ask_quit(struct ui_player *pl, int64_t now)
{
	pl->confirm = true;
	pl->resume_after_confirm = !pl->st.paused;
	if (!pl->st.paused)
		engine_pause(pl->e, now);
}

static int ui_player_confirm_key(struct ui_player *pl, const struct ui_key *k,
				 int64_t now)
{
	if (!k->fn && (k->code == 'y' || k->code == 'Y')) {
		engine_quit(pl->e, now);
		return UI_KEY_QUIT;
	}
	if (k->fn || k->code == 'n' || k->code == 'N' || k->code == UI_ESC ||
	    k->code == 'q') {
		pl->confirm = false;
		if (pl->resume_after_confirm)
			engine_resume(pl->e, now);
	}
	return UI_KEY_GO_ON;
}

/* Keys of the help overlay; true when the key is used up. */
static bool ui_player_help_key(struct ui_player *pl, const struct ui_key *k)
{
	if (k->fn && (k->code == KEY_UP || k->code == KEY_DOWN ||
		      k->code == KEY_PPAGE || k->code == KEY_NPAGE)) {
		int page = pl->u->v->rows / 2;
		pl->help_scroll += k->code == KEY_UP ? -1 : k->code == KEY_DOWN ? 1
				   : k->code == KEY_PPAGE ? -page : page;
		return true;
	}
	if (!k->fn && (k->code == 'j' || k->code == 'k')) {
		pl->help_scroll += k->code == 'j' ? 1 : -1;
		return true;
	}
	pl->help = false;            /* any other key closes it ... */
	return !k->fn && (k->code == '?' || k->code == UI_ESC || k->code == 'q');
}                                    /* ... and the player keys still act */

static int ui_player_fn_key(struct ui_player *pl, int code, int64_t now)
{
	if (code == KEY_RIGHT)
		engine_skip(pl->e, now);
	else if (code == KEY_LEFT)
		engine_back(pl->e, now);
	else if (code == KEY_ENTER)
		engine_rep_done(pl->e, now);
	return UI_KEY_GO_ON;
}

static int ui_player_key(struct ui_player *pl, const struct ui_key *k, int64_t now)
{
	if (pl->confirm)
		return ui_player_confirm_key(pl, k, now);
	if (pl->help && ui_player_help_key(pl, k))
		return UI_KEY_GO_ON;
	if (k->fn)
		return ui_player_fn_key(pl, k->code, now);
	switch (k->code) {
	case ' ':
		engine_toggle_pause(pl->e, now);
		break;
	case 'n':
		engine_skip(pl->e, now);
		break;
	case 'b':
		engine_back(pl->e, now);
		break;
	case '+':
	case '=':
		engine_extend(pl->e, now);
		break;
	case '\r':
	case '\n':
		engine_rep_done(pl->e, now);
		break;
	case '?':
		pl->help = true;
		pl->help_scroll = 0;
		break;
	case 'q':
		ui_player_ask_quit(pl, now);
		break;
	case UI_CTRL('l'):
		ui_repaint_all(pl->u);
		break;
	}
	return UI_KEY_GO_ON;
}

static int ui_player_keys(struct ui_player *pl)
{
	struct ui_key k;
	while (ui_getkey(pl->u, &k)) {
		int64_t now = ui_clock_now(&pl->clk);
		engine_state(pl->e, now, &pl->st);
		if (ui_player_key(pl, &k, now) == UI_KEY_QUIT)
			return UI_KEY_QUIT;
	}
	return UI_KEY_GO_ON;
}

/* Ctrl-Z: the session comes back paused. */
static void ui_player_suspend(struct ui_player *pl)
{
	int64_t now = ui_clock_now(&pl->clk);
	engine_state(pl->e, now, &pl->st);
	if (!pl->st.paused)
		engine_pause(pl->e, now);
	ui_suspend(pl->u);
}

/* Plays until the end, a quit or a signal. */
static enum ui_end ui_player_loop(struct ui_player *pl)
{
	for (;;) {
		int64_t now = ui_clock_now(&pl->clk);
		ui_player_update(pl, now);
		if (pl->st.finished)
			return pl->st.quit ? UI_END_QUIT : UI_END_MENU;
		ui_player_draw(pl);
		int timeout = ui_clock_timeout(&pl->clk,
					       engine_ms_until_change(pl->e, now));
		int ev = ui_wait(pl->u, timeout);
		if (ev & UI_EV_FATAL) {
			engine_quit(pl->e, ui_clock_now(&pl->clk));
			return UI_END_SIGNAL;
		}
		if (ev & UI_EV_TSTP)
			ui_player_suspend(pl);
		if ((ev & UI_EV_KEY) && ui_player_keys(pl) == UI_KEY_QUIT)
			return UI_END_QUIT;
	}
}

/* The finish screen: Enter for the menu, q to quit. */
static enum ui_end ui_player_finish(struct ui *u, const char *name,
				    const struct engine_summary *sum)
{
	struct view_finish_in in = { name, sum, true };
	for (;;) {
		ui_view_begin(u);
		view_finish(u->v, &in);
		ui_paint(u);
		int ev = ui_wait(u, -1);
		if (ui_common_events(u, ev) == UI_END_SIGNAL)
			return UI_END_SIGNAL;
		struct ui_key k;
		while (ui_getkey(u, &k)) {
			if (k.fn && k.code == KEY_ENTER)
				return UI_END_MENU;
			if (k.fn)
				continue;
			if (k.code == '\r' || k.code == '\n' || k.code == 'm')
				return UI_END_MENU;
			if (k.code == 'q' || k.code == UI_ESC)
				return UI_END_QUIT;
		}
	}
}

enum ui_end ui_player_run(struct ui *u, const struct plan *p)
{
	struct ui_player pl = { .u = u, .p = p };
	struct engine_summary sum;
	if (!ui_first_run(u))
		return u->fatal ? UI_END_SIGNAL : UI_END_QUIT;
	flushinp();
	ui_clock_init(&pl.clk, u->o->speed);
	pl.e = engine_start(p, ui_clock_now(&pl.clk));
	if (!pl.e)
		return UI_END_QUIT;
	enum ui_end end = ui_player_loop(&pl);
	engine_summary(pl.e, ui_clock_now(&pl.clk), &sum);
	engine_free(pl.e);
	ui_summary_line(p->routine->name, &sum, u->summary, sizeof u->summary);
	if (end == UI_END_MENU)
		end = ui_player_finish(u, p->routine->name, &sum);
	return end;
}
