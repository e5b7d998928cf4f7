/* ui_notice — the first-run safety notice: shown before the first
 * session on a machine, until Enter says it has been read. */
#include <stddef.h>

#include "safety.h"
#include "ui_priv.h"
#include "view.h"

#define UI_NOTICE_PAGE 10

struct ui_notice {
	struct ui *u;
	int scroll;
};

static void ui_notice_draw(void *ctx, struct view *v)
{
	struct ui_notice *n = ctx;
	n->scroll = view_notice(v, "Before you start", ui_safety(n->u), &keys_notice,
				n->scroll);
}

static enum ui_end ui_notice_act(void *ctx, enum keys_action a, int code)
{
	struct ui_notice *n = ctx;
	struct ui *u = n->u;
	(void)code;
	switch (a) {
	case KEYS_ACT_UP: n->scroll--; break;
	case KEYS_ACT_DOWN: n->scroll++; break;
	case KEYS_ACT_PAGE_UP: n->scroll -= UI_NOTICE_PAGE; break;
	case KEYS_ACT_PAGE_DOWN: n->scroll += UI_NOTICE_PAGE; break;
	case KEYS_ACT_OK:
	{
		char line[sizeof u->warning];
		u->safety_read = true;
		if (safety_mark_seen_or_say(line, sizeof line) != 0)
			ui_warn_line(u, line);   /* after what is there already */
		return UI_END_CLOSE;
	}
	case KEYS_ACT_QUIT: return UI_END_STOPPED;
	default: break;
	}
	return UI_STAY;
}

enum ui_end ui_notice_run(struct ui *u)
{
	if (u->o->no_safety || u->safety_read || safety_seen() || !ui_safety(u))
		return UI_END_CLOSE;
	struct ui_notice n = { u, 0 };
	struct ui_screen s = { &keys_notice, &n, NULL, ui_notice_draw, ui_notice_act, NULL };
	return ui_term_run(u->t, &s);
}
