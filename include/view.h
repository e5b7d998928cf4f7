/* view — the screen model: engine state (or menu state) and a terminal size
 * in, a list of styled text spans at rows and columns out. Pure: no curses,
 * no clock, no allocation (a struct view is filled in place, so a front end
 * can keep one and rebuild it on every change). The ui paints spans in
 * order, later ones over earlier ones; tests read rows back as text.
 *
 * Reference size 80x24; every screen degrades down to VIEW_MIN_COLS x
 * VIEW_MIN_ROWS, below which it is a "please enlarge" message. */
#ifndef STRETCHTUI_VIEW_H
#define STRETCHTUI_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "engine.h"
#include "keys.h"
#include "plan.h"
#include "routine.h"

#define VIEW_MIN_COLS 40
#define VIEW_MIN_ROWS 12
#define VIEW_MAX_SPANS 512
#define VIEW_TEXT_MAX 32768

/* What a span looks like; the ui maps each to colours and attributes, and
 * without colour to bold / reverse / dim, so that nothing depends on colour
 * alone (every kind of segment also has its text label). */
enum view_style {
	VIEW_NORMAL,
	VIEW_DIM,            /* secondary text */
	VIEW_BOLD,           /* names and headings */
	VIEW_KEY,            /* a key in hints and help */
	VIEW_BAR_DONE,       /* progress bar, done part */
	VIEW_BAR_TODO,
	VIEW_PREPARE,        /* countdown / text in a segment kind's colour */
	VIEW_WORK,
	VIEW_SWITCH,
	VIEW_REST,
	VIEW_PAUSED,
	VIEW_BADGE_PREPARE,  /* the kind's label, reversed */
	VIEW_BADGE_WORK,
	VIEW_BADGE_SWITCH,
	VIEW_BADGE_REST,
	VIEW_BADGE_PAUSED,
	VIEW_CUE,            /* the phase cue ("Open") */
	VIEW_SELECTED,       /* the menu's cursor row */
	VIEW_BORDER,         /* overlay frame */
	VIEW_ALERT,          /* the quit question, warnings */
	VIEW_N_STYLES
};

struct view_span {
	short row, col, width;       /* width in cells */
	unsigned char style;         /* enum view_style */
	unsigned off, len;           /* bytes of text[] */
};

struct view {
	int rows, cols;
	bool utf8;                   /* a UTF-8 terminal: block and box
	                              * characters allowed */
	unsigned flags;              /* utf8.h flags its text is shown with:
	                              * 0, or UTF8_ASCII when !utf8 */
	bool cursor;                 /* show the cursor at cursor_row/col */
	int cursor_row, cursor_col;
	size_t n;
	struct view_span span[VIEW_MAX_SPANS];
	size_t used;
	char text[VIEW_TEXT_MAX];
};

/* ---- building blocks (also used by the ui for odd jobs) ---------------- */

/* Empties v for a screen of rows x cols. utf8 is whether the terminal
 * takes UTF-8, which the front end decides once, at start, from the
 * locale (utf8_locale): the view itself never reads the locale. On any
 * other terminal, text is shown in ASCII (non-ASCII characters escaped,
 * see utf8.h), so that its widths do not depend on the locale either. */
void view_begin(struct view *v, int rows, int cols, bool utf8);
/* Puts text at (row, col) clipped to max_w cells and to the screen; a
 * string that does not fit ends in an ellipsis. Returns the cells used.
 * The text is outside text: it is shown in its safe form (utf8.h), with
 * controls, bidi overrides and invalid bytes escaped. */
int view_put(struct view *v, int row, int col, int max_w,
	     enum view_style style, const char *text);
/* The same, formatted with at most 512 bytes. */
int view_putf(struct view *v, int row, int col, int max_w,
	      enum view_style style, const char *fmt, ...) DIAG_PRINTF(6, 7);
/* Display width in cells of text as view_put shows it on v (its safe
 * form in v->flags, escapes included). */
int view_cells(const struct view *v, const char *text);
/* True when the terminal is under the minimum size. */
bool view_too_small(int rows, int cols);
/* Word wrapping: lines of at most width cells; a '\n' ends a line, a
 * line's leading spaces are kept and its continuation lines are indented
 * like it (two more after a "- " or "* " bullet). */
struct view_wrap {
	const char *p;
	int width;
	int hang;                    /* indent of continuation lines */
	bool bol;                    /* at the start of a source line */
	unsigned flags;              /* utf8.h flags the widths are those of */
};

/* flags: the view's (v->flags). */
void view_wrap_init(struct view_wrap *w, const char *text, int width,
		    unsigned flags);
/* The next line: indent cells, then len bytes at *s. false at the end. */
bool view_wrap_next(struct view_wrap *w, int *indent, const char **s,
		    size_t *len);
/* Joins the hard-wrapped lines of paragraphs, so that text wrapped for one
 * width can be wrapped again for another: a line break is kept before a
 * blank line, a bullet ("- ", "* ", "• ") or a change of indentation, and
 * becomes a space otherwise. Writes at most size bytes (NUL included);
 * returns the length it needed. */
size_t view_reflow(const char *in, char *out, size_t size);
/* Puts len bytes of text (see view_put). */
int view_putn(struct view *v, int row, int col, int max_w,
	      enum view_style style, const char *text, size_t len);

/* Row `row` of v as plain text, cells filled in order; for tests. */
char *view_row_text(const struct view *v, int row, char *buf, size_t size);

/* ---- key hints ---------------------------------------------------------- */

/* A footer's hints from a key table: each row with a hint as "KEY label",
 * the key in VIEW_KEY, gap cells apart. */
struct view_hints {
	const struct keys_table *keys;
	enum keys_action hide;       /* left out (KEYS_ACT_NONE: nothing) */
	enum keys_action on;         /* shown with its label_on (the state it
	                              * toggles is on) */
	int level;                   /* only rows that keep at least this */
	int gap;
};

/* Cells the hints take. */
int view_hints_width(const struct view *v, const struct view_hints *h);
/* Puts the hints on row from col; returns the cells used. */
int view_hints(struct view *v, int row, int col, const struct view_hints *h);

/* ---- screens ------------------------------------------------------------ */

/* The "please enlarge the terminal" message. */
void view_enlarge(struct view *v);

struct view_player_in {
	const struct plan *plan;
	const struct engine_state *st;
	bool confirm_quit;           /* the footer asks "Quit? y/n" */
};

/* What the player's layout makes room for. It is worked out for the
 * whole routine step of the current segment (get ready, every rep,
 * switch and set rest alike), so that nothing moves between them and a
 * figure that fits is shown in every one of them. */
struct view_player_need {
	bool reps;                   /* the step counts reps: a rep row */
	bool summary;                /* its exercise has a summary line */
	int figure;                  /* rows of its tallest figure frame, when
	                              * the figure fits across; 0: none */
	int body;                    /* rows its how lines and figure would like */
	char widest[32];             /* its widest countdown ("01:30") */
};

/* Rows of the player layout, for tests and for the ui's curiosity. */
struct view_player_layout {
	int header, bar, label;
	int summary;                 /* the exercise's summary; -1: no room */
	int digits, digits_rows;     /* first row and height */
	int scale;                   /* bigdigits scale; 0: a line of text */
	int reps, cue;               /* -1 when there is no such row */
	int body_top, body_end;      /* how lines and figure: [top, end) */
	bool figure;                 /* the figure has its rows */
	int next, footer;
};

/* The layout of a rows x cols player screen for need: the label, the
 * digits (scale 1 at least), the rep row and the figure first; then the
 * cue row, then room between them (the summary's row under the label
 * after the row between label and digits); the digits grow with the terminal
 * (up to about 2/5 of the height past the first 9 rows: 5 rows at 24,
 * 10 at 40, 20 at 60) as far as the widest countdown fits across. */
void view_player_layout(int rows, int cols, bool utf8,
			const struct view_player_need *need,
			struct view_player_layout *l);
/* The need of the step of in's current segment at v's size. */
void view_player_need(const struct view *v, const struct view_player_in *in,
		      struct view_player_need *need);

/* The header's clocks show the engine's shown_elapsed_s /
 * shown_remaining_s as they are: they move with the countdown, so
 * engine_ms_until_change is the only wake rule. The progress bar is the
 * place in the plan: 1 - shown remaining / (plan + this segment's
 * extension), so it moves back with back and ahead with skip. The big
 * countdown sits in a box as wide as the segment's longest value, right
 * aligned, so that its digits do not move sideways as it counts. */
void view_player(struct view *v, const struct view_player_in *in);

/* The help overlay over whatever v holds: every key of the player (its
 * key table), then the safety notes (NULL: none). scroll is the first line shown of the text; it is clamped
 * and the value used is returned. */
int view_help(struct view *v, const char *safety, int scroll);

/* A full-screen notice (the first-run safety text), scrolled like help,
 * with the hints of its keys at the bottom. */
int view_notice(struct view *v, const char *title, const char *text,
		const struct keys_table *keys, int scroll);

struct view_finish_in {
	const char *routine_name;
	const struct engine_summary *sum;
	bool can_menu;               /* offer "Enter: back to the menu" */
	int64_t streak;              /* days in a row, this session counted;
	                              * 0: no Streak line */
	bool asking;                 /* the check-in question is open (its
	                              * keys are keys_checkin's) */
	const char *feel;            /* the answer given ("better"), or NULL */
};

void view_finish(struct view *v, const struct view_finish_in *in);

/* ---- the history's words ----------------------------------------------- */

/* "3 days in a row", "1 day in a row", "no streak". */
char *view_streak(int64_t days, char *buf, size_t size);
/* When something was last done, day against today (day numbers; a day
 * to come counts as today): "today", "yesterday", "2 days ago", and
 * "never" for VIEW_NEVER. */
#define VIEW_NEVER INT64_MIN
char *view_ago(int64_t today, int64_t day, char *buf, size_t size);
/* Seconds as the menu's header tells them: "0 min", "<1 min", "12 min"
 * (to the nearest minute), "1 h 5 min". */
char *view_minutes(int64_t seconds, char *buf, size_t size);
/* ---- reminders ---------------------------------------------------------- */

struct remind_info;

/* ---- pieces the screens share ------------------------------------------- */

/* " · " between parts of a line (" - " without UTF-8). */
const char *view_sep(const struct view *v);
/* Text centred on row. */
void view_centre(struct view *v, int row, enum view_style style, const char *text);
/* The most rows of the block font on a screen of rows rows: 2/5 of the
 * height past 9 rows, and at least 5. */
int view_digits_cap(int rows);
/* The block font's scale for text centred in room rows, up to that cap
 * and the width less 4; 0 when none fits (finish and reminder screens). */
int view_big_scale(const struct view *v, int room, const char *text);
/* text in the block font at scale, centred from row down. */
void view_big_digits(struct view *v, int row, int scale, const char *text);
/* The same from (row, col), clipped to w cells, in style. */
void view_big_rows(struct view *v, int row, int col, int w,
		   enum view_style style, int scale, const char *text);

struct view_remind_in {
	const struct remind_info *info;
	const char *notice;          /* what just happened, or NULL */
	bool alert;                  /* ... a warning */
};

/* The reminder's screen: while waiting, the next break's time and a
 * countdown to it (big digits when there is room: minutes while more
 * than a minute is left, then seconds; none when the break is not today
 * or the hours are over), the routine and today's breaks; at a prompt,
 * "Time for a break" and the routine. The keys of keys_remind or
 * keys_prompt at the bottom, and the notice above them. */
void view_remind(struct view *v, const struct view_remind_in *in);

/* ---- menu --------------------------------------------------------------- */

/* What the history says, for the menu's header and detail pane. */
struct view_menu_history {
	int64_t today;               /* the local day (clock.h's numbers) */
	int64_t today_s;             /* seconds done today */
	int64_t streak;              /* days in a row */
};

struct view_menu_item {
	const struct routine *r;     /* NULL: a file that did not load */
	const char *id, *path;
	int64_t total_ms;
	const char *description;     /* reflowed; NULL: r's own */
	const char *error;           /* why it did not load (its first error) */
	int64_t last_day;            /* the day it was last completed, or
	                              * VIEW_NEVER (read with in->history) */
	bool loading;                /* not read yet: its id alone is known */
};

struct view_menu_in {
	const struct view_menu_item *items;
	const size_t *shown;         /* indices into items that match the filter */
	size_t n_shown;
	size_t n_items;
	size_t sel;                  /* index into shown */
	size_t *top;                 /* first row of the list in view (in/out) */
	const char *filter;          /* "" when none */
	bool editing;                /* the filter line has the cursor */
	int *detail_scroll;          /* first line of the detail pane shown
	                              * (in/out: clamped); NULL: 0 */
	const char *notice;          /* a line in place of the keys, or NULL */
	bool notice_alert;           /* ... that is a warning */
	size_t step;                 /* the marked step of the selected routine,
	                              * 1-based (Enter starts there); 0: none */
	const struct view_menu_history *history;  /* the header's "today 12
	                              * min, 3 days in a row" and each routine's
	                              * "Last done"; NULL: neither */
};

/* The list's columns are measured over every item, so that they stay
 * put while filtering; a tag list too long for its column is cut between
 * tags ("a, b +2"), and the equipment column is left out when it does
 * not fit whole: the detail pane has both in full, wrapped, with the
 * description, the body areas of its exercises and every step, and
 * scrolls (detail_scroll). */
void view_menu(struct view *v, const struct view_menu_in *in);
/* Rows of the detail pane at that height with n_shown routines listed:
 * what a page of PgUp / PgDn is. */
int view_menu_detail_rows(int rows, size_t n_shown);
/* Whether an item matches a filter (case-insensitive, in the name, a tag
 * or a body area of its exercises; in the id of a routine that did not
 * load); all match "". */
bool view_menu_match(const struct view_menu_item *it, const char *filter);

#endif
