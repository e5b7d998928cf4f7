/* ui_finish — the finish screen: how the session went, the streak, the
 * check-in ("How does your back feel?"), then the menu or quit. The
 * check-in is a screen of its own over the same picture (keys_checkin):
 * an answer, or any other key, closes it; a key that skips it is then
 * the finish screen's, so Enter and q work at once as the footer says.
 * The session is saved when the check-in is over (the history is
 * append-only: its feel cannot be added later), or at once, without a
 * feel, when the screen ends some other way (a signal). */
#include "ui_priv.h"
#include "view.h"

struct ui_finish {
	struct ui *u;
	const char *name;
	const struct engine_summary *sum;
	struct history_record *rec;
	bool saved;
	bool asking;
	int64_t streak;
};

static void ui_finish_draw(void *ctx, struct view *v)
{
	const struct ui_finish *f = ctx;
	const char *feel = f->rec->feel != HISTORY_FEEL_NONE
			   ? history_feel_name(f->rec->feel) : NULL;
	struct view_finish_in in = { f->name, f->sum, true, f->streak, f->asking, feel };
	view_finish(v, &in);
}

static void ui_finish_save(struct ui_finish *f, enum history_feel feel)
{
	f->asking = false;
	if (f->saved)
		return;
	f->rec->feel = feel;
	ui_save(f->u, f->rec);
	f->saved = true;
}

static enum ui_end ui_finish_act(void *ctx, enum keys_action a, int code)
{
	(void)ctx;
	(void)code;
	if (a == KEYS_ACT_MENU)
		return UI_END_MENU;
	return a == KEYS_ACT_QUIT ? UI_END_QUIT : UI_STAY;
}

/* An answer is saved; any other key skips the question and is the
 * finish screen's (Ctrl-Z is neither: the question waits). */
static enum ui_end ui_finish_checkin_act(void *ctx, enum keys_action a, int code)
{
	struct ui_finish *f = ctx;
	if (a == KEYS_ACT_SUSPEND)
		return UI_STAY;
	ui_finish_save(f, session_feel(a));
	if (session_feel(a) != HISTORY_FEEL_NONE)
		return UI_END_CLOSE;
	enum ui_end end = ui_finish_act(f, keys_action(&keys_finish, code), code);
	return end == UI_STAY ? UI_END_CLOSE : end;
}

enum ui_end ui_finish_run(struct ui *u, const char *name,
			  const struct engine_summary *sum,
			  struct history_record *rec)
{
	struct ui_finish f = { u, name, sum, rec, false, true, 0 };
	const struct history_glance *g = ui_glance(u, NULL, 0);
	if (g)
		f.streak = history_glance_streak_with(g, history_day(rec));
	ui_term_flush_input(u->t);   /* a rep's Enter is not an answer */
	struct ui_screen s = { &keys_checkin, &f, NULL, ui_finish_draw,
			       ui_finish_checkin_act, NULL };
	enum ui_end end = ui_term_run(u->t, &s);
	ui_finish_save(&f, HISTORY_FEEL_NONE);   /* a signal: saved as it is */
	if (end != UI_END_CLOSE)
		return end;
	s = (struct ui_screen){ &keys_finish, &f, NULL, ui_finish_draw, ui_finish_act, NULL };
	return ui_term_run(u->t, &s);
}
