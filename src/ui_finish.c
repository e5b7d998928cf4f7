/* ui_finish — the finish screen: how the session went, then the menu or
 * quit. */
#include "ui_priv.h"
#include "view.h"

struct ui_finish {
	const char *name;
	const struct engine_summary *sum;
};

static void ui_finish_draw(void *ctx, struct view *v)
{
	const struct ui_finish *f = ctx;
	struct view_finish_in in = { f->name, f->sum, true };
	view_finish(v, &in);
}

static enum ui_end ui_finish_act(void *ctx, enum keys_action a, int code)
{
	(void)ctx;
	(void)code;
	if (a == KEYS_ACT_MENU)
		return UI_END_MENU;
	return a == KEYS_ACT_QUIT ? UI_END_QUIT : UI_STAY;
}

enum ui_end ui_finish_run(struct ui *u, const char *name,
			  const struct engine_summary *sum)
{
	struct ui_finish f = { name, sum };
	struct ui_screen s = { &keys_finish, &f, NULL, ui_finish_draw, ui_finish_act, NULL };
	return ui_term_run(u->t, &s);
}
