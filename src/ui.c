/* ui — the full-screen front end's flow: menu, (notice,) player, finish,
 * back to the menu (see ui.h). Its screens are in ui_*.c and run by
 * ui_term. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "diag.h"
#include "remind.h"
#include "safety.h"
#include "ui_priv.h"
#include "utf8.h"
#include "view.h"

const char *ui_safety(struct ui *u)
{
	if (u->safety_loaded)
		return u->safety;
	char *raw = safety_load(u->c);
	u->safety_loaded = true;
	size_t n = raw ? strlen(raw) + 1 : 0;
	u->safety = raw ? malloc(n) : NULL;
	if (u->safety)
		view_reflow(raw, u->safety, n);
	free(raw);
	return u->safety;
}

void ui_warn(struct ui *u, const char *msg)
{
	struct diag g = { DIAG_WARNING, NULL, 0, 0, (char *)msg };
	char line[sizeof u->warning];
	diag_format(&g, line, sizeof line);
	ui_warn_line(u, line);
}

void ui_warn_line(struct ui *u, const char *line)
{
	size_t n = strlen(u->warning), m = strlen(line);
	if (strstr(u->warning, line) || n + m + 2 > sizeof u->warning)
		return;
	if (n)
		u->warning[n++] = '\n';
	memcpy(u->warning + n, line, m + 1);
}

/* ---- the history ------------------------------------------------------------ */

const struct history_glance *ui_glance(struct ui *u, const char *const *ids,
				       size_t n)
{
	char why[HISTORY_WHY_MAX], msg[HISTORY_WHY_MAX + 64];
	if (u->glance_state != 0 && (n == 0 || u->glance.n == n))
		return u->glance_state > 0 ? &u->glance : NULL;
	history_glance_free(&u->glance);
	int64_t now = clock_wall_s();
	u->glance_state = -1;
	if (history_glance_init(&u->glance, clock_local_day(now, clock_utc_offset(now)),
				ids, n) != 0) {
		ui_warn(u, "cannot read the history: out of memory");
		return NULL;
	}
	if (history_glance_read(&u->glance, why, sizeof why) != 0) {
		snprintf(msg, sizeof msg, "cannot read the history (%s)", why);
		ui_warn(u, msg);
		history_glance_free(&u->glance);
		return NULL;
	}
	u->glance_state = 1;
	return &u->glance;
}

void ui_save(struct ui *u, const struct history_record *r)
{
	char why[HISTORY_WHY_MAX];
	if (history_append(r, why, sizeof why) != 0)
		ui_warn(u, why);
	else if (u->glance_state > 0)
		history_glance_add(&u->glance, r);
}

/* ---- the flow ----------------------------------------------------------------- */

/* One routine: the notice when it is due, then the player; its summary
 * line in u->summary, and in *rec the record a finished one still has to
 * save (the finish screen's check-in does). */
static enum ui_end ui_play_session(struct ui *u, const struct plan *p,
				   struct engine_summary *sum,
				   struct history_record *rec)
{
	enum ui_end end = ui_notice_run(u);
	if (end != UI_END_CLOSE)
		return end;
	end = ui_player_run(u, p, sum, rec);
	if (end == UI_END_QUIT)
		return end;
	session_summary_line(p->routine->name, sum, u->summary, sizeof u->summary);
	size_t n = strlen(u->summary);
	if (u->note[0] && n + 1 < sizeof u->summary)
		snprintf(u->summary + n, sizeof u->summary - n, " %s", u->note);
	return end;
}

/* ... and the finish screen when it was played to the end. */
static enum ui_end ui_play(struct ui *u, const struct plan *p)
{
	struct engine_summary sum;
	struct history_record rec;
	enum ui_end end = ui_play_session(u, p, &sum, &rec);
	return end == UI_END_MENU ? ui_finish_run(u, p->routine->name, &sum, &rec) : end;
}

static enum ui_end ui_menu_loop(struct ui *u)
{
	struct ui_menu *m = ui_menu_open(u);
	enum ui_end end = UI_END_QUIT;
	if (!m)
		return end;
	for (;;) {
		struct plan p;
		end = ui_menu_run(m, &p);
		if (end != UI_END_PLAY)
			break;
		end = ui_play(u, &p);
		plan_free(&p);
		if (end != UI_END_MENU && end != UI_END_STOPPED)
			break;
		if (end == UI_END_STOPPED)  /* a finished one had its screen */
			ui_menu_notice(m, u->summary, false);
		u->summary[0] = '\0';     /* back in the menu: nothing to report */
	}
	ui_menu_close(m);
	return end;
}

/* The terminal given back, the summary and the warnings said: the exit
 * status. */
static int ui_done(struct ui *u)
{
	int sig = ui_term_signal(u->t);
	ui_term_close(u->t);
	free(u->safety);
	history_glance_free(&u->glance);
	if (u->summary[0]) {         /* it holds the routine's name: made safe */
		utf8_fput(u->summary, strlen(u->summary), utf8_out_flags(), stdout);
		putchar('\n');
	}
	if (u->warning[0])
		fprintf(stderr, "%s\n", u->warning);
	return sig ? 128 + sig : SESSION_OK;
}

int ui_run(const struct session_options *o, struct catalog *c,
	   const struct plan *p)
{
	struct ui u = { .o = o, .c = c, .start_ms = p ? o->start_ms : 0 };
	bool screen;
	if (!(u.t = ui_term_open(o->color, &screen)))
		return screen ? UI_UNUSABLE : UI_NO_SCREEN;
	enum ui_end end = UI_END_MENU;
	if (p)
		end = ui_play(&u, p);
	if (end == UI_END_MENU) {
		u.summary[0] = '\0';
		ui_menu_loop(&u);
	}
	return ui_done(&u);
}

int ui_remind(const struct session_options *o, const struct remind_options *ro,
	      struct catalog *c, const struct plan *p)
{
	struct ui u = { .o = o, .c = c };
	struct engine_summary sum;
	struct history_record rec;
	struct remind_info info;
	bool screen;
	if (!(u.t = ui_term_open(o->color, &screen)))
		return screen ? UI_UNUSABLE : UI_NO_SCREEN;
	struct remind *rm = ui_remind_open(&u, ro, p);
	enum ui_end end = UI_END_QUIT;
	while (rm && (end = ui_remind_run(&u, rm, u.summary)) == UI_END_PLAY) {
		u.summary[0] = '\0';
		end = ui_play_session(&u, p, &sum, &rec);
		if (end == UI_END_MENU)   /* finished: saved with no check-in */
			ui_save(&u, &rec);
		remind_played(rm);
		if (end == UI_END_SIGNAL || end == UI_END_QUIT)
			break;
	}
	u.summary[0] = '\0';
	if (rm) {
		remind_answer(rm, REMIND_GONE);
		remind_info(rm, &info);
		snprintf(u.summary, sizeof u.summary, "Reminders stopped. %s.", info.tally);
	} else {
		snprintf(u.warning, sizeof u.warning, "stretchtui: error: out of memory");
	}
	remind_close(rm);
	return ui_done(&u);
}
