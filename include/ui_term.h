/* ui_term — the full-screen front end's terminal and its one loop: ncurses
 * set up and given back, the wait for keys, signals and timeouts, a screen
 * model painted (only the rows that changed), and every screen run through
 * ui_term_run. ui_term.c is the only file that includes curses: what it
 * holds stays behind struct ui_term, and keys come out as keys.h codes.
 *
 * A screen is a struct ui_screen: a key table, and functions to bring its
 * model up to now, draw it, act on a key's action and say when it must
 * be drawn again. An overlay is a screen too, run from its parent's act
 * (the help over the player): the loop is written once. */
#ifndef STRETCHTUI_UI_TERM_H
#define STRETCHTUI_UI_TERM_H

#include <stdbool.h>

#include "keys.h"
#include "view.h"

/* What a screen's functions return: UI_STAY goes on; anything else ends
 * the screen's ui_term_run with that value. */
enum ui_end {
	UI_STAY,
	UI_END_SIGNAL,        /* a signal ends the program (ui_term_signal);
	                       * the loop returns it itself */
	UI_END_CLOSE,         /* done: back to what opened the screen */
	UI_END_MENU,          /* to the menu */
	UI_END_QUIT,          /* the program quits */
	UI_END_PLAY,          /* a routine was chosen */
	UI_END_STOPPED,       /* the person stopped the session (or declined
	                       * the notice): back to the menu when it was
	                       * started there, else quit */
};

struct ui_screen {
	const struct keys_table *keys;   /* maps the keys read to actions */
	void *ctx;                       /* handed to each function */
	/* Brings the model up to now before each draw; NULL: nothing to do. */
	enum ui_end (*update)(void *ctx);
	/* Builds the screen into v, which is empty and sized to the terminal. */
	void (*draw)(void *ctx, struct view *v);
	/* An action of keys for the key `code`; also KEYS_ACT_SUSPEND (code 0)
	 * before Ctrl-Z stops the program. KEYS_ACT_REDRAW never comes: the
	 * loop repaints every row itself. */
	enum ui_end (*act)(void *ctx, enum keys_action a, int code);
	/* ms until the screen must be drawn again without a key (its next
	 * wake), -1 for
	 * never; NULL: never. */
	int (*wake)(void *ctx);
};

struct ui_term;

/* Takes the terminal (stdin, or /dev/tty when stdin is not one) and
 * installs the signal handlers; NULL when that cannot be done (nothing
 * was drawn then), with *screen false when the reason is the terminal on
 * standard output: its TERM is unknown or cannot run a full screen (it
 * cannot address the cursor: `dumb`, a hardcopy terminal). */
struct ui_term *ui_term_open(bool color, bool *screen);
/* Gives the terminal back as it was and frees t. */
void ui_term_close(struct ui_term *t);

/* Runs s: draw, wait for a key, a signal or s's timeout, map the keys
 * through s->keys and act, until a function of s ends it or a signal
 * does (UI_END_SIGNAL). Ctrl-Z stops the program in between; a resize
 * re-lays the screen. */
enum ui_end ui_term_run(struct ui_term *t, const struct ui_screen *s);

/* The signal that ended a run (128 + it is the exit status), or 0. */
int ui_term_signal(const struct ui_term *t);
void ui_term_bell(struct ui_term *t);
/* Sets the terminal's title (saved first on xterm's title stack), or
 * with NULL puts back the one saved; only on terminals known to take
 * it (xterm and its kind, tmux, screen). The text is made safe. A title
 * still set when the terminal is closed is put back then. */
void ui_term_title(struct ui_term *t, const char *title);
/* Drops the keys typed ahead. */
void ui_term_flush_input(struct ui_term *t);

#endif
