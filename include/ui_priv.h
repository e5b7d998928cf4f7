/* ui_priv — the parts of the ncurses front end (ui.c, ui_player.c,
 * ui_menu.c) and what they share. Only the ui includes this. */
#ifndef STRETCHTUI_UI_PRIV_H
#define STRETCHTUI_UI_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <curses.h>
#include <term.h>

#include "catalog.h"
#include "cli.h"
#include "plan.h"
#include "view.h"

/* What woke ui_wait, as bits (0: the timeout). */
enum {
	UI_EV_KEY = 1,
	UI_EV_RESIZE = 2,
	UI_EV_TSTP = 4,       /* Ctrl-Z: the caller pauses, then ui_suspend */
	UI_EV_FATAL = 8,      /* u->fatal holds the signal */
	UI_EV_CHLD = 16,      /* a child ended: the player's cue_reap */
};

/* How a screen ended: to the menu, the program quits, a signal ends it,
 * a routine was chosen, or the person stopped the session (or declined
 * the notice): back to the menu when it was started there, else quit. */
enum ui_end { UI_END_MENU, UI_END_QUIT, UI_END_SIGNAL, UI_END_PLAY, UI_END_STOPPED };

struct ui_key {
	bool fn;              /* a KEY_* code, not a character */
	int code;
};

#define UI_ESC 27
#define UI_MAX_ROWS 512       /* rows beyond are left blank */
#define UI_MAX_SIZE 1000      /* the most rows or columns accepted */
#define UI_CTRL(c) ((c) & 0x1f)

struct ui {
	const struct cli_options *o;
	struct catalog *c;
	SCREEN *scr;
	FILE *in;             /* the terminal's input (stdin or /dev/tty) */
	bool own_in;
	int in_fd, sig_fd;
	bool utf8;
	int cursor;           /* the cursor's visibility as last set */
	attr_t attr[VIEW_N_STYLES];
	short pair[VIEW_N_STYLES];
	struct view *v;       /* the one screen model, rebuilt per change */
	uint64_t row_hash[UI_MAX_ROWS];   /* of the rows painted last */
	int hash_rows;
	bool rows_valid;      /* false: paint every row next time */
	char *safety;         /* safety notes, loaded on first use */
	bool safety_loaded;
	int fatal;            /* the signal that ends the program, or 0 */
	unsigned long keys_read, keys_seen;  /* for telling EOF from keys */
	int empty_wakes;
	char summary[512];    /* printed on the normal screen at exit */
	char warning[512];    /* printed on stderr at exit, when not empty */
	bool safety_read;     /* confirmed in this run (even if not recorded) */
};

/* Polls the terminal and the signal pipe (timeout -1: until something
 * happens). Handles a resize itself. Returns UI_EV_* bits. */
int ui_wait(struct ui *u, int timeout_ms);
/* The next key already typed; false when none. */
bool ui_getkey(struct ui *u, struct ui_key *k);
/* Ctrl-Z: leaves curses, stops, and comes back with a full redraw. */
void ui_suspend(struct ui *u);
/* Repaints every row on the next ui_paint (after a resize, Ctrl-L). */
void ui_repaint_all(struct ui *u);
/* Sizes u->v to the screen and empties it. */
void ui_view_begin(struct ui *u);
/* Paints u->v (ncurses sends only what changed). */
void ui_paint(struct ui *u);
void ui_bell(struct ui *u);
const char *ui_safety(struct ui *u);
/* Handles the events every screen handles; returns UI_END_SIGNAL when a
 * signal ends the program, else -1. */
int ui_common_events(struct ui *u, int ev);

/* The first-run safety notice; false when the person quit there. */
bool ui_first_run(struct ui *u);
enum ui_end ui_player_run(struct ui *u, const struct plan *p);

struct ui_menu;
struct ui_menu *ui_menu_open(struct ui *u);
void ui_menu_close(struct ui_menu *m);
/* Shows text in place of the menu's keys until the next key. */
void ui_menu_notice(struct ui_menu *m, const char *text, bool alert);
/* Shows the menu until a routine is chosen (its plan in *p, the routine
 * owned by the menu) or the person quits. */
enum ui_end ui_menu_run(struct ui *u, struct ui_menu *m, struct plan *p);

#endif
