/* ui_common — what the two front ends (ui, plain) share, without curses:
 * the session clock scaled by --speed, loading a routine to play,
 * the one-line summary and the player's keys. */
#ifndef STRETCHTUI_UI_COMMON_H
#define STRETCHTUI_UI_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "engine.h"
#include "plan.h"
#include "routine.h"

/* Session time for the engine: (real - t0) * speed, in ms (clock_now_ms). */
struct ui_clock {
	int64_t t0_ms;
	double speed;
};

void ui_clock_init(struct ui_clock *c, double speed);
int64_t ui_clock_now(const struct ui_clock *c);
/* A poll() timeout for an engine wait (-1 stays -1): ms / speed, rounded
 * up, never 0. */
int ui_clock_timeout(const struct ui_clock *c, int64_t engine_ms);

/* Loads routine `arg` and its plan; diagnostics go to stderr. CLI_OK or
 * CLI_INVALID (r is freed then). */
int ui_load(struct catalog *c, const char *arg, struct routine *r,
	    struct plan *p);

/* The routine last played, remembered in the state directory for the
 * menu to preselect (a convenience: a failure to write it is ignored). */
#define UI_LAST_ROUTINE "last-routine"
void ui_remember(const struct routine *r);

/* "Stopped at 03:12 of 15:00: 2 of 9 exercises done, 1 skipped." */
void ui_summary_line(const char *name, const struct engine_summary *s,
		     char *buf, size_t size);

/* ---- the player's keys, for both front ends ------------------------------ */

/* A key as a front end hands it over: a character (a Unicode code point),
 * or one of these for the keys that are not characters. */
enum ui_keycode {
	UI_K_ENTER = 0x110000,
	UI_K_RIGHT,
	UI_K_LEFT,
	UI_K_UP,
	UI_K_DOWN,
	UI_K_PPAGE,
	UI_K_NPAGE,
	UI_K_RESIZE,          /* the terminal was resized (ncurses' KEY_RESIZE) */
	UI_K_OTHER,           /* any other function key */
};

enum ui_action {
	UI_ACT_NONE,          /* a key that means nothing here */
	UI_ACT_RESIZE,        /* re-lay the screen; overlays stay open */
	UI_ACT_PAUSE,         /* space: pause or resume (3-2-1 first) */
	UI_ACT_SKIP,          /* n, Right */
	UI_ACT_BACK,          /* b, Left */
	UI_ACT_EXTEND,        /* +, = */
	UI_ACT_UNEXTEND,      /* -: takes back 10 s of this part's extension */
	UI_ACT_REP,           /* Enter: a self-paced rep is done */
	UI_ACT_HELP,          /* ? */
	UI_ACT_CLOSE,         /* Esc: closes the help */
	UI_ACT_ASK_QUIT,      /* q: asks "Quit this session? y/n" */
	UI_ACT_REDRAW,        /* Ctrl-L */
	UI_ACT_LINE_UP,       /* Up, k: scrolls the help */
	UI_ACT_LINE_DOWN,     /* Down, j */
	UI_ACT_PAGE_UP,       /* PgUp */
	UI_ACT_PAGE_DOWN,     /* PgDn */
	UI_ACT_YES,           /* the quit question: y */
	UI_ACT_NO,            /* the quit question: n, Esc, q */
};

/* What a key does in the player; `asking`: the quit question is open, and
 * only its answers (and a resize) mean something. */
enum ui_action ui_key_action(int key, bool asking);

/* The quit question: open, and whether the session ran when it was asked
 * (a "no" resumes it then). */
struct ui_ask {
	bool open, resume;
};

/* Applies an action's part on the engine at now (pause, skip, back,
 * extend, rep, and the quit question: asking pauses, "yes" quits, "no"
 * closes it and resumes what ran); the rest (help, redraw, scrolling) is
 * the front end's. True when the session was quit. */
bool ui_apply(struct engine *e, struct ui_ask *ask, enum ui_action a,
	      int64_t now);


#endif
