/* ui_remind — the reminder's screens: waiting for the next break, and the
 * prompt when one is due (the terminal's title says so meanwhile). One
 * struct ui_screen each, on the same functions: the prompt differs in
 * its key table and in going back to waiting once answered. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cue.h"
#include "diag.h"
#include "remind.h"
#include "schedule.h"
#include "ui_priv.h"
#include "view.h"

struct ui_remind {
	struct ui *u;
	struct remind *rm;
	struct remind_info info;
	bool prompt;                 /* the prompt's screen is up */
	char notice[512];
	bool alert;
};

static void ui_remind_say(struct ui_remind *w, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void ui_remind_say(struct ui_remind *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(w->notice, sizeof w->notice, fmt, ap);
	va_end(ap);
	w->alert = false;
}

/* What an event of the schedule tells. */
static void ui_remind_event(struct ui_remind *w, int ev)
{
	char away[32];
	if (ev == SCHEDULE_SLEPT)
		ui_remind_say(w, "Away for %s: that counts as a break.",
			      remind_span(w->info.away_ms, away, sizeof away));
	else if (ev == SCHEDULE_MISSED && w->info.away_ms > 0)
		ui_remind_say(w, "Away for %s at the prompt: the break counts as missed.",
			      remind_span(w->info.away_ms, away, sizeof away));
	else if (ev == SCHEDULE_MISSED)
		ui_remind_say(w, "The break went unanswered: it counts as missed.");
}

/* The clocks read: the prompt opens (UI_END_CLOSE from waiting) or goes
 * away unanswered (UI_END_CLOSE from the prompt). */
static enum ui_end ui_remind_update(void *ctx)
{
	struct ui_remind *w = ctx;
	int ev = remind_update(w->rm);
	remind_info(w->rm, &w->info);
	ui_remind_event(w, ev);
	return ev == SCHEDULE_DUE || ev == SCHEDULE_MISSED ? UI_END_CLOSE : UI_STAY;
}

static void ui_remind_draw(void *ctx, struct view *v)
{
	struct ui_remind *w = ctx;
	struct view_remind_in in = { &w->info, w->notice, w->alert };
	view_remind(v, &in);
}

static int ui_remind_wake(void *ctx)
{
	struct ui_remind *w = ctx;
	return remind_wake(w->rm, !w->prompt && !w->info.later);
}

static enum ui_end ui_remind_act(void *ctx, enum keys_action a, int code)
{
	struct ui_remind *w = ctx;
	(void)code;
	switch (a) {
	case KEYS_ACT_START:
		remind_answer(w->rm, REMIND_START);
		return UI_END_PLAY;
	case KEYS_ACT_QUIT:
		remind_answer(w->rm, REMIND_QUIT);
		return UI_END_QUIT;
	case KEYS_ACT_SNOOZE:
	case KEYS_ACT_SKIP:
		remind_answer(w->rm, a == KEYS_ACT_SNOOZE ? REMIND_SNOOZE : REMIND_SKIP);
		remind_info(w->rm, &w->info);
		ui_remind_say(w, a == KEYS_ACT_SNOOZE ? "Snoozed: the break comes at %s."
			      : w->prompt ? "Skipped: the next break is at %s."
			      : "The next break skipped: the one after is at %s.", w->info.when);
		return w->prompt ? UI_END_CLOSE : UI_STAY;
	default:
		return UI_STAY;
	}
}

enum ui_end ui_remind_run(struct ui *u, struct remind *rm, const char *notice)
{
	struct ui_remind w = { .u = u, .rm = rm };
	struct ui_screen wait = { &keys_remind, &w, ui_remind_update, ui_remind_draw,
				  ui_remind_act, ui_remind_wake };
	struct ui_screen ask = wait;
	char title[256];
	ask.keys = &keys_prompt;
	if (notice)
		ui_remind_say(&w, "%s", notice);
	for (;;) {
		w.prompt = false;
		enum ui_end end = ui_term_run(u->t, &wait);
		if (end != UI_END_CLOSE)
			return end;
		w.prompt = true;
		w.notice[0] = '\0';
		ui_term_flush_input(u->t);   /* keys typed before it do not answer it */
		snprintf(title, sizeof title, "%s: %s", keys_prompt.prompt, w.info.routine);
		ui_term_title(u->t, title);
		end = ui_term_run(u->t, &ask);
		ui_term_title(u->t, NULL);
		if (end != UI_END_CLOSE)
			return end;
	}
}

static void ui_remind_bell(void *ctx)
{
	struct ui *u = ctx;
	ui_term_bell(u->t);
}

struct remind *ui_remind_open(struct ui *u, const struct remind_options *o,
			      const struct plan *p)
{
	struct cue_front front = { u, ui_remind_bell, ui_player_warn };
	return remind_open(o, u->o, p, &front);
}
