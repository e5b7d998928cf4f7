/* ui_player — the player loop: one poll() per displayed change, keys to
 * engine commands, help and quit overlays, and the finish screen. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdlib.h>
#include <string.h>

#include "cue.h"
#include "diag.h"
#include "engine.h"
#include "ui_common.h"
#include "ui_priv.h"

struct ui_player {
	struct ui *u;
	const struct plan *p;
	struct engine *e;
	struct cue *cue;      /* bell, speech and hooks */
	struct ui_clock clk;
	struct engine_state st;
	struct ui_ask ask;
	bool help;
	bool help_resume;     /* help paused a running session */
	int help_scroll;
};

enum { UI_PLAYER_GO_ON, UI_PLAYER_QUIT };

static void ui_player_draw(struct ui_player *pl)
{
	struct view_player_in in = { pl->p, &pl->st, pl->ask.open };
	ui_view_begin(pl->u);
	view_player(pl->u->v, &in);
	if (pl->help)
		pl->help_scroll = view_help(pl->u->v, ui_safety(pl->u), pl->help_scroll);
	ui_paint(pl->u);
}

/* Brings the engine to now; the cue rings once for whatever rang. */
static void ui_player_update(struct ui_player *pl, int64_t now)
{
	const struct engine_event *ev;
	size_t n = engine_update(pl->e, now, &ev);
	engine_state(pl->e, now, &pl->st);
	cue_update(pl->cue, ev, n, &pl->st);
}

static void ui_player_bell(void *u)
{
	ui_bell(u);
}

/* Said on stderr once the screen is closed (after what is there). */
static void ui_player_warn(void *ctx, const char *msg)
{
	struct ui *u = ctx;
	struct diag g = { DIAG_WARNING, NULL, 0, 0, (char *)msg };
	char line[sizeof u->warning];
	diag_format(&g, line, sizeof line);
	size_t n = strlen(u->warning), m = strlen(line);
	if (strstr(u->warning, line) || n + m + 2 > sizeof u->warning)
		return;
	if (n)
		u->warning[n++] = '\n';
	memcpy(u->warning + n, line, m + 1);
}

static struct cue *ui_player_cue(struct ui *u, const struct plan *p)
{
	const struct cli_options *o = u->o;
	struct cue_config cfg = { !o->quiet, o->speak, o->speech_command, o->on_event };
	struct cue_front front = { u, ui_player_bell, ui_player_warn };
	return cue_open(p, &cfg, &front);
}

/* An ncurses key as the shared key codes know it. */
static int ui_player_keycode(const struct ui_key *k)
{
	static const int fn[][2] = {
		{ KEY_ENTER, UI_K_ENTER }, { KEY_RIGHT, UI_K_RIGHT },
		{ KEY_LEFT, UI_K_LEFT }, { KEY_UP, UI_K_UP }, { KEY_DOWN, UI_K_DOWN },
		{ KEY_PPAGE, UI_K_PPAGE }, { KEY_NPAGE, UI_K_NPAGE },
		{ KEY_RESIZE, UI_K_RESIZE },
	};
	if (!k->fn)
		return k->code;
	for (size_t i = 0; i < sizeof fn / sizeof *fn; i++)
		if (fn[i][0] == k->code)
			return fn[i][1];
	return UI_K_OTHER;
}

/* What a key does while help is open: scroll it, close it, or close it
 * and act as usual; a resize or redraw leaves it open. */
enum ui_help_use { UI_HELP_USED, UI_HELP_CLOSE, UI_HELP_CLOSE_ACT, UI_HELP_ACT };

static enum ui_help_use ui_player_help_act(struct ui_player *pl, enum ui_action a)
{
	int page = pl->u->v->rows / 2;
	switch (a) {
	case UI_ACT_LINE_UP: pl->help_scroll--; return UI_HELP_USED;
	case UI_ACT_LINE_DOWN: pl->help_scroll++; return UI_HELP_USED;
	case UI_ACT_PAGE_UP: pl->help_scroll -= page; return UI_HELP_USED;
	case UI_ACT_PAGE_DOWN: pl->help_scroll += page; return UI_HELP_USED;
	case UI_ACT_RESIZE: return UI_HELP_USED;
	case UI_ACT_REDRAW: return UI_HELP_ACT;
	case UI_ACT_HELP: case UI_ACT_CLOSE:
		return UI_HELP_CLOSE;
	case UI_ACT_PAUSE:   /* resumes what help paused, else acts */
		return pl->help_resume ? UI_HELP_CLOSE : UI_HELP_CLOSE_ACT;
	default:
		return UI_HELP_CLOSE_ACT;
	}
}

/* Help pauses a running session while it is open; closing it resumes
 * (with the lead-in) what it paused. */
static void ui_player_help(struct ui_player *pl, bool open, int64_t now)
{
	if (open) {
		engine_state(pl->e, now, &pl->st);
		pl->help_resume = !pl->st.paused;
		if (pl->help_resume)
			engine_pause(pl->e, now);
		pl->help_scroll = 0;
	} else if (pl->help_resume) {
		engine_resume(pl->e, now);
	}
	pl->help = open;
}

static int ui_player_act(struct ui_player *pl, enum ui_action a, int64_t now)
{
	if (pl->help) {
		enum ui_help_use use = ui_player_help_act(pl, a);
		if (use == UI_HELP_CLOSE || use == UI_HELP_CLOSE_ACT)
			ui_player_help(pl, false, now);
		if (use == UI_HELP_USED || use == UI_HELP_CLOSE)
			return UI_PLAYER_GO_ON;
	}
	if (ui_apply(pl->e, &pl->ask, a, now))
		return UI_PLAYER_QUIT;
	if (a == UI_ACT_HELP) {
		ui_player_help(pl, true, now);
	} else if (a == UI_ACT_REDRAW) {
		ui_repaint_all(pl->u);
	}
	return UI_PLAYER_GO_ON;
}

static int ui_player_keys(struct ui_player *pl)
{
	struct ui_key k;
	while (ui_getkey(pl->u, &k)) {
		int64_t now = ui_clock_now(&pl->clk);
		enum ui_action a = ui_key_action(ui_player_keycode(&k), pl->ask.open);
		if (ui_player_act(pl, a, now) == UI_PLAYER_QUIT)
			return UI_PLAYER_QUIT;
	}
	return UI_PLAYER_GO_ON;
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
			return pl->st.quit ? UI_END_STOPPED : UI_END_MENU;
		ui_player_draw(pl);
		int64_t ms = cue_timeout(pl->cue, &pl->st, engine_ms_until_change(pl->e, now));
		int ev = ui_wait(pl->u, ui_clock_timeout(&pl->clk, ms));
		if (ev & UI_EV_CHLD)
			cue_reap(pl->cue);
		if (ev & UI_EV_FATAL) {
			engine_quit(pl->e, ui_clock_now(&pl->clk));
			return UI_END_SIGNAL;
		}
		if (ev & UI_EV_TSTP)
			ui_player_suspend(pl);
		if ((ev & UI_EV_KEY) && ui_player_keys(pl) == UI_PLAYER_QUIT)
			return UI_END_STOPPED;
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
		return u->fatal ? UI_END_SIGNAL : UI_END_STOPPED;
	flushinp();
	ui_remember(p->routine);
	ui_clock_init(&pl.clk, u->o->speed);
	pl.e = engine_start(p, ui_clock_now(&pl.clk));
	if (!pl.e)
		return UI_END_QUIT;
	pl.cue = ui_player_cue(u, p);
	enum ui_end end = ui_player_loop(&pl);
	char note[128];
	cue_note(pl.cue, note, sizeof note);
	cue_end(pl.cue, pl.e, ui_clock_now(&pl.clk));
	engine_summary(pl.e, ui_clock_now(&pl.clk), &sum);
	engine_free(pl.e);
	ui_summary_line(p->routine->name, &sum, u->summary, sizeof u->summary);
	if (*note) {
		size_t n = strlen(u->summary);
		snprintf(u->summary + n, sizeof u->summary - n, " %s", note);
	}
	if (end == UI_END_MENU)
		end = ui_player_finish(u, p->routine->name, &sum);
	return end;
}
