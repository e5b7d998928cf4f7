/* keys — one table per screen: which keys do what, with the words the
 * screens show for them. The footers, the help overlay, plain mode's key
 * lines and the key list of `stretchtui --help` are all built from these
 * tables, so a key is described in one place. No curses: a front end
 * hands keys over as the codes below.
 *
 * Adding a screen's keys: add its actions to enum keys_action (when it
 * needs new ones), write its rows and its table in keys.c (the player,
 * what opens over it, the notice) or keys_other.c (keys_priv.h says
 * how), declare the table here and list it in keys_tables (the unit test
 * then checks it). */
#ifndef STRETCHTUI_KEYS_H
#define STRETCHTUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A key as a front end hands it over: a character (a Unicode code point;
 * controls as themselves: Esc is 27, Ctrl-L is 12), or one of these for
 * the keys that are not characters. */
enum keys_code {
	KEYS_ENTER = 0x110000, /* the keypad's Enter (Return is '\r') */
	KEYS_RIGHT,
	KEYS_LEFT,
	KEYS_UP,
	KEYS_DOWN,
	KEYS_HOME,
	KEYS_END,
	KEYS_PPAGE,
	KEYS_NPAGE,
	KEYS_BACKSPACE,
	KEYS_OTHER,           /* any other function key */
};

#define KEYS_ESC 27
#define KEYS_CTRL(c) ((c) & 0x1f)

/* What a key does. One list for every screen; each table says which of
 * them its screen knows, and its screen what they mean there. */
enum keys_action {
	KEYS_ACT_NONE,        /* a key that means nothing here */
	KEYS_ACT_TYPE,        /* a character typed into a text field */
	KEYS_ACT_PAUSE,       /* the player: pause or resume (3-2-1 first) */
	KEYS_ACT_SKIP,
	KEYS_ACT_BACK,
	KEYS_ACT_EXTEND,
	KEYS_ACT_UNEXTEND,
	KEYS_ACT_REP,         /* a self-paced rep is done */
	KEYS_ACT_HELP,
	KEYS_ACT_ASK_QUIT,    /* asks "Quit this session?" */
	KEYS_ACT_SUSPEND,     /* Ctrl-Z: comes as a signal, not as a key */
	KEYS_ACT_REDRAW,      /* the screen loop repaints every row */
	KEYS_ACT_UP,          /* a line (or a routine) up */
	KEYS_ACT_DOWN,
	KEYS_ACT_PAGE_UP,
	KEYS_ACT_PAGE_DOWN,
	KEYS_ACT_TOP,
	KEYS_ACT_BOTTOM,
	KEYS_ACT_YES,
	KEYS_ACT_NO,
	KEYS_ACT_CLOSE,       /* closes an overlay */
	KEYS_ACT_OK,          /* the notice has been read */
	KEYS_ACT_MENU,
	KEYS_ACT_QUIT,
	KEYS_ACT_START,       /* the menu: play the selected routine */
	KEYS_ACT_FILTER,
	KEYS_ACT_CLEAR,       /* the filter emptied */
	KEYS_ACT_DONE,        /* the filter kept, its line left */
	KEYS_ACT_ERASE,       /* one character of the filter */
	KEYS_ACT_ERASE_ALL,
	KEYS_ACT_STEP_NEXT,   /* the menu: mark a step of the selected routine */
	KEYS_ACT_STEP_PREV,
	KEYS_ACT_RESUME,      /* the menu: go on with the session stopped last */
	KEYS_ACT_WORSE,       /* the check-in's answers */
	KEYS_ACT_SAME,
	KEYS_ACT_BETTER,
	KEYS_ACT_SNOOZE,      /* a reminder: put the break off */
	KEYS_N_ACTIONS
};

#define KEYS_MAX_CODES 4

/* One row: the keys that do an action on a screen and how they are told.
 * It holds no pointer, so that the tables are constants the dynamic
 * loader does not relocate: its words are read with keys_word. */
struct keys_row {
	int32_t code[KEYS_MAX_CODES];  /* 0 ends the list; none: described only
	                                * (Ctrl-Z, which comes as a signal; the
	                                * TYPE row: any character nothing takes) */
	uint16_t words;                /* private: where its words are */
	uint8_t action;                /* enum keys_action */
	uint8_t keep;                  /* in a footer short of room, higher
	                                * stays longer */
	uint8_t set, table;            /* private: its file, its table */
};

/* A row's words (keys_word), in the order they are kept: a footer's
 * first, as a frame reads them. */
enum keys_word {
	KEYS_HINT,        /* the key in a footer ("n/→"); none: not in the footer */
	KEYS_HINT_ASCII,  /* the same in ASCII ("n"); none: the same as HINT    */
	KEYS_LABEL,       /* the footer's word ("pause")                        */
	KEYS_LABEL_ON,    /* the word when what it toggles is on ("resume");
	                   * none: LABEL */
	KEYS_NAME,        /* the keys as the help writes them, in ASCII ("n",   */
	KEYS_NAME2,       /* "Right"); keys_names joins them, arrows in UTF-8   */
	KEYS_HELP,        /* what it does, for the help and --help              */
};

struct keys_table {
	char screen[8];              /* its name, for tests and diagnostics */
	char prompt[28];             /* the question it asks, or "" */
	uint8_t set, id;             /* private: its rows' file, its number */
};

extern const struct keys_table keys_player, keys_quit, keys_help,
	keys_menu, keys_filter, keys_notice, keys_finish, keys_checkin, keys_remind,
	keys_prompt;
/* Every table, for the tests. */
extern const struct keys_table *const keys_tables[];
extern const size_t keys_n_tables;

/* t's rows in order: the one after r (r NULL: the first); NULL after
 * the last. */
const struct keys_row *keys_next(const struct keys_table *t, const struct keys_row *r);
/* Word w of r, or NULL when it has none. */
const char *keys_word(const struct keys_row *r, enum keys_word w);
/* What code does on t's screen: its row's action; a character that no
 * row takes is KEYS_ACT_TYPE when t has a TYPE row; else KEYS_ACT_NONE. */
enum keys_action keys_action(const struct keys_table *t, int code);
/* The row of action a in t, or NULL. */
const struct keys_row *keys_row(const struct keys_table *t, enum keys_action a);
/* The first key of a's row in t as the help writes it ("Enter"), for a
 * sentence that names it; "?" when t has no such row. */
const char *keys_name(const struct keys_table *t, enum keys_action a);
/* The row's keys as one string: its names joined by sep ("n  Right",
 * "n or Right"), with arrows for Up, Down, Left and Right when utf8. */
char *keys_names(const struct keys_row *r, const char *sep, bool utf8,
		 char *buf, size_t size);
/* The row's key in a footer, or NULL when it has none. */
const char *keys_hint(const struct keys_row *r, bool utf8);
/* A footer's words as text: every row with a hint, "KEY<between>LABEL",
 * joined by sep ("Enter: I have read this   q: quit"); long: the help
 * line instead of the label ("y = yes, quit"). */
char *keys_hint_text(const struct keys_table *t, bool utf8, const char *between,
		     const char *sep, bool long_words, char *buf, size_t size);

#endif
