/* ui_player — the player screen: one wake per displayed change, the keys
 * as engine commands, and the two screens that open over it: the help
 * (which pauses the session while it is open) and the quit question. */
#include <stdlib.h>

#include "clock.h"
#include "cue.h"
#include "engine.h"
#include "ui_priv.h"
#include "view.h"

struct ui_player {
	struct ui *u;
	const struct plan *p;
	struct engine *e;
	struct cue *cue;      /* bell, speech and hooks */
	struct session_clock clk;
	struct engine_state st;
	int64_t now;          /* of the last update */
	struct session_ask ask;
	bool help;
	bool help_resume;     /* help paused a running session */
	int help_scroll;
	int rows;             /* of the screen drawn last */
	int pass;             /* a key that closed the help, for the player;
	                       * 0: none */
};

static enum ui_end ui_player_act(void *ctx, enum keys_action a, int code);

/* Brings the engine to now (each wake: a child that ended, SIGCHLD, is
 * reaped here too); the cue rings once for whatever rang. */
static enum ui_end ui_player_update(void *ctx)
{
	struct ui_player *pl = ctx;
	const struct engine_event *ev;
	int64_t now = pl->now = session_clock_now(&pl->clk);
	cue_reap(pl->cue);
	size_t n = engine_update(pl->e, now, &ev);
	engine_state(pl->e, now, &pl->st);
	cue_update(pl->cue, ev, n, &pl->st);
	if (pl->st.finished)
		return pl->st.quit ? UI_END_STOPPED : UI_END_MENU;
	return UI_STAY;
}

static void ui_player_draw(void *ctx, struct view *v)
{
	struct ui_player *pl = ctx;
	struct view_player_in in = { pl->p, &pl->st, pl->ask.open };
	view_player(v, &in);
	if (pl->help)
		pl->help_scroll = view_help(v, ui_safety(pl->u), pl->help_scroll);
	pl->rows = v->rows;
}

static int ui_player_wake(void *ctx)
{
	struct ui_player *pl = ctx;
	int64_t ms = cue_timeout(pl->cue, &pl->st, engine_ms_until_change(pl->e, pl->now));
	return session_clock_timeout(&pl->clk, ms);
}

/* A screen over the player: its draw, clock and wake rule, act's keys. */
static enum ui_end ui_player_over(struct ui_player *pl, const struct keys_table *keys,
				  enum ui_end (*act)(void *, enum keys_action, int))
{
	struct ui_screen s = { keys, pl, ui_player_update, ui_player_draw, act,
			       ui_player_wake };
	return ui_term_run(pl->u->t, &s);
}

/* ---- the quit question ------------------------------------------------------------ */

static enum ui_end ui_player_answer(void *ctx, enum keys_action a, int code)
{
	struct ui_player *pl = ctx;
	(void)code;
	if (a != KEYS_ACT_YES && a != KEYS_ACT_NO)
		return UI_STAY;      /* Ctrl-Z too: asking paused the session */
	if (session_apply(pl->e, &pl->ask, a, session_clock_now(&pl->clk)))
		return UI_END_STOPPED;
	return UI_END_CLOSE;
}

static enum ui_end ui_player_ask(struct ui_player *pl, int64_t now)
{
	session_apply(pl->e, &pl->ask, KEYS_ACT_ASK_QUIT, now);
	enum ui_end end = ui_player_over(pl, &keys_quit, ui_player_answer);
	return end == UI_END_CLOSE ? UI_STAY : end;
}

/* ---- help ------------------------------------------------------------------------- */

/* Scrolls or closes the help; any other key closes it and goes on to the
 * player (space only when the help did not pause the session itself:
 * closing resumes what it paused). */
static enum ui_end ui_player_help_act(void *ctx, enum keys_action a, int code)
{
	struct ui_player *pl = ctx;
	int page = pl->rows / 2;
	switch (a) {
	case KEYS_ACT_UP: pl->help_scroll--; return UI_STAY;
	case KEYS_ACT_DOWN: pl->help_scroll++; return UI_STAY;
	case KEYS_ACT_PAGE_UP: pl->help_scroll -= page; return UI_STAY;
	case KEYS_ACT_PAGE_DOWN: pl->help_scroll += page; return UI_STAY;
	case KEYS_ACT_SUSPEND: return UI_STAY;   /* the help paused it */
	case KEYS_ACT_CLOSE: return UI_END_CLOSE;
	case KEYS_ACT_PAUSE:
		pl->pass = pl->help_resume ? 0 : code;
		return UI_END_CLOSE;
	default:
		pl->pass = code;
		return UI_END_CLOSE;
	}
}

/* The help pauses a running session while it is open; closing it
 * resumes (with the lead-in) what it paused. */
static enum ui_end ui_player_help(struct ui_player *pl, int64_t now)
{
	pl->help_resume = session_hold(pl->e, now);
	pl->help_scroll = 0;
	pl->help = true;
	pl->pass = 0;
	enum ui_end end = ui_player_over(pl, &keys_help, ui_player_help_act);
	pl->help = false;
	if (end != UI_END_CLOSE)
		return end;
	if (pl->help_resume)
		engine_resume(pl->e, session_clock_now(&pl->clk));
	int code = pl->pass;
	return code ? ui_player_act(pl, keys_action(&keys_player, code), code) : UI_STAY;
}

/* ---- the player --------------------------------------------------------------------- */

static enum ui_end ui_player_act(void *ctx, enum keys_action a, int code)
{
	struct ui_player *pl = ctx;
	int64_t now = session_clock_now(&pl->clk);
	(void)code;
	switch (a) {
	case KEYS_ACT_HELP: return ui_player_help(pl, now);
	case KEYS_ACT_ASK_QUIT: return ui_player_ask(pl, now);
	case KEYS_ACT_SUSPEND:   /* the session comes back paused */
		session_hold(pl->e, now);
		return UI_STAY;
	default:
		session_apply(pl->e, &pl->ask, a, now);
		return UI_STAY;
	}
}

/* ---- the session's outputs -------------------------------------------------------- */

/* A warning, said on stderr once the screen is closed (after those
 * before it; the same one once). */
void ui_player_warn(void *ctx, const char *msg)
{
	ui_warn(ctx, msg);
}

static void ui_player_bell(void *ctx)
{
	struct ui *u = ctx;
	ui_term_bell(u->t);
}

static struct cue *ui_player_cue(struct ui *u, const struct plan *p)
{
	const struct session_options *o = u->o;
	struct cue_config cfg = { !o->quiet, o->speak, o->speech_command, o->on_event };
	struct cue_front front = { u, ui_player_bell, ui_player_warn };
	return cue_open(p, &cfg, &front);
}

enum ui_end ui_player_run(struct ui *u, const struct plan *p,
			  struct engine_summary *sum, struct history_record *rec)
{
	struct ui_player pl = { .u = u, .p = p };
	ui_term_flush_input(u->t);
	session_remember(p->routine);
	session_clock_init(&pl.clk, u->o->speed);
	int64_t wall = clock_wall_s();
	pl.e = engine_start_at(p, session_clock_now(&pl.clk), u->start_ms);
	u->start_ms = 0;   /* a routine chosen in the menu starts at its start */
	if (!pl.e)
		return UI_END_QUIT;
	pl.cue = ui_player_cue(u, p);
	struct ui_screen s = { &keys_player, &pl, ui_player_update, ui_player_draw,
			       ui_player_act, ui_player_wake };
	enum ui_end end = ui_term_run(u->t, &s);
	if (end == UI_END_SIGNAL)
		engine_quit(pl.e, session_clock_now(&pl.clk));
	cue_note(pl.cue, u->note, sizeof u->note);
	cue_end(pl.cue, pl.e, session_clock_now(&pl.clk));
	engine_summary(pl.e, session_clock_now(&pl.clk), sum);
	session_stopped(p, pl.e, session_clock_now(&pl.clk));
	engine_free(pl.e);
	session_record(rec, p->routine, sum, wall, end == UI_END_SIGNAL);
	if (end != UI_END_MENU)    /* a finished one: after the check-in */
		ui_save(u, rec);
	return end;
}
