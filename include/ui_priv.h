/* ui_priv — what the full-screen front end's parts share: the flow
 * (ui.c) and its screens (ui_menu.c, ui_notice.c, ui_player.c,
 * ui_finish.c), each a struct ui_screen run by ui_term. The flow calls
 * the screens; the screens call ui_term and nothing of the flow. No
 * curses here: that is ui_term.c's alone.
 *
 * A new screen: its key table in keys.c (keys.h), a pure view_* builder
 * for what it shows (its footer from the table: view_hints), and a
 * ui_NAME.c with a struct ui_screen whose act turns the table's actions
 * into what the screen does; declared here, run from the flow (ui.c) or
 * from the act of the screen it opens over. */
#ifndef STRETCHTUI_UI_PRIV_H
#define STRETCHTUI_UI_PRIV_H

#include <stdbool.h>

#include "catalog.h"
#include "engine.h"
#include "plan.h"
#include "session.h"
#include "ui_term.h"

struct ui {
	const struct session_options *o;
	struct catalog *c;
	struct ui_term *t;
	char *safety;         /* the safety notes (reflowed), or NULL */
	bool safety_loaded;   /* loaded by the flow before the first session */
	bool safety_read;     /* confirmed in this run (even if not recorded) */
	char summary[512];    /* printed on the normal screen at exit */
	char note[128];       /* the cues' word for the summary ("3 hooks dropped") */
	char warning[512];    /* printed on stderr at exit, when not empty */
};

/* The first-run safety notice, when it is due: UI_END_CLOSE to go on
 * (also when it is not due), UI_END_STOPPED when the person quit there,
 * UI_END_SIGNAL. */
enum ui_end ui_notice_run(struct ui *u);

/* Plays p until it is finished (UI_END_MENU), stopped (UI_END_STOPPED)
 * or a signal ends it (UI_END_SIGNAL), with *sum how it went; UI_END_QUIT
 * when it could not start (sum untouched). */
enum ui_end ui_player_run(struct ui *u, const struct plan *p,
			  struct engine_summary *sum);

/* A warning said on stderr once the screen is closed (a cue_front's
 * warn; ctx is the struct ui). */
void ui_player_warn(void *ctx, const char *msg);

/* The finish screen: UI_END_MENU, UI_END_QUIT or UI_END_SIGNAL. */
enum ui_end ui_finish_run(struct ui *u, const char *name,
			  const struct engine_summary *sum);

struct ui_menu;
struct ui_menu *ui_menu_open(struct ui *u);
void ui_menu_close(struct ui_menu *m);
/* Shows text in place of the menu's keys until the next key. */
void ui_menu_notice(struct ui_menu *m, const char *text, bool alert);
/* Shows the menu until a routine is chosen (UI_END_PLAY, its plan in *p,
 * the routine owned by the menu), the person quits (UI_END_QUIT) or a
 * signal ends it. */
enum ui_end ui_menu_run(struct ui_menu *m, struct plan *p);

/* The reminder's screens (ui_remind.c): waiting, and the prompt when a
 * break is due, until the routine is to play (UI_END_PLAY: the answer
 * is given), the person quits (UI_END_QUIT) or a signal ends it. notice:
 * a line to show first (the last session's summary), or NULL. */
struct remind;
enum ui_end ui_remind_run(struct ui *u, struct remind *rm, const char *notice);
/* The reminder of ui_remind_run, with the bell and warnings of u. */
struct remind_options;
struct remind *ui_remind_open(struct ui *u, const struct remind_options *o,
			      const struct plan *p);

#endif
