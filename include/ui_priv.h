/* ui_priv — what the full-screen front end's parts share: the flow
 * (ui.c) and its screens (ui_menu.c, ui_notice.c, ui_player.c,
 * ui_finish.c), each a struct ui_screen run by ui_term. The flow calls
 * the screens; the screens call ui_term and nothing of the flow. No
 * curses here: that is ui_term.c's alone.
 *
 * A new screen: its key table in keys.c or keys_other.c (keys.h), a
 * pure view_* builder for what it shows (its footer from the table:
 * view_hints), and a ui_NAME.c with a struct ui_screen whose act turns
 * the table's actions into what the screen does; declared here, run from
 * the flow (ui.c) or from the act of the screen it opens over. */
#ifndef STRETCHTUI_UI_PRIV_H
#define STRETCHTUI_UI_PRIV_H

#include <stdbool.h>

#include "catalog.h"
#include "engine.h"
#include "history.h"
#include "plan.h"
#include "session.h"
#include "ui_term.h"

struct ui {
	const struct session_options *o;
	struct catalog *c;
	struct ui_term *t;
	char *safety;         /* the safety notes (reflowed), or NULL */
	bool safety_loaded;   /* loaded (ui_safety), when first needed */
	bool safety_read;     /* confirmed in this run (even if not recorded) */
	int64_t start_ms;     /* plan time the next session starts at (--from,
	                       * --resume); 0 once it has started */
	char summary[512];    /* printed on the normal screen at exit */
	char note[128];       /* the cues' word for the summary ("3 hooks dropped") */
	char warning[512];    /* printed on stderr at exit, when not empty */
	struct history_glance glance;  /* today's time, the streak, the menu's
	                       * routines' last days: read once (ui_glance) */
	int glance_state;     /* 0 not read, 1 read, -1 could not be read */
};

/* A warning for stderr at exit (the same one once). */
void ui_warn(struct ui *u, const char *msg);
/* The same for a line already formatted (diag_format). */
void ui_warn_line(struct ui *u, const char *line);

/* The history's glance, read when it is first wanted, with the last days
 * of the n routines of ids (the menu's; n 0: none wanted), and kept up to
 * date by ui_save; NULL when it cannot be read (a warning at exit says
 * why). Read again only when n routines are wanted and it has not got
 * them. */
const struct history_glance *ui_glance(struct ui *u, const char *const *ids,
				       size_t n);

/* Appends r to the history (a failure is a warning at exit) and adds it
 * to the glance. */
void ui_save(struct ui *u, const struct history_record *r);

/* The safety notes, for the notice and the help: loaded when first
 * asked for, reflowed so that the screens can wrap them at any width;
 * NULL when there are none. */
const char *ui_safety(struct ui *u);

/* The first-run safety notice, when it is due: UI_END_CLOSE to go on
 * (also when it is not due), UI_END_STOPPED when the person quit there,
 * UI_END_SIGNAL. */
enum ui_end ui_notice_run(struct ui *u);

/* Plays p until it is finished (UI_END_MENU), stopped (UI_END_STOPPED)
 * or a signal ends it (UI_END_SIGNAL), with *sum how it went and *rec its
 * record; UI_END_QUIT when it could not start (sum, rec untouched). A
 * stopped or signalled session is saved at once; a finished one is the
 * finish screen's to save, after its check-in. */
enum ui_end ui_player_run(struct ui *u, const struct plan *p,
			  struct engine_summary *sum, struct history_record *rec);

/* A warning said on stderr once the screen is closed (a cue_front's
 * warn; ctx is the struct ui): ui_warn. */
void ui_player_warn(void *ctx, const char *msg);

/* The finish screen of a finished session: the figures, the streak (this
 * session counted) and the check-in; rec is saved with its answer (or
 * none: a key that skips it, a signal). UI_END_MENU, UI_END_QUIT or
 * UI_END_SIGNAL. */
enum ui_end ui_finish_run(struct ui *u, const char *name,
			  const struct engine_summary *sum,
			  struct history_record *rec);

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
