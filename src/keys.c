/* keys — the key tables of the player, of what opens over it and of the
 * notice before it, and the lookups (see keys.h; keys_priv.h says how a
 * table is written down; the other screens' tables are in keys_other.c). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#include "keys_priv.h"

enum { KEYS_TABLE_player, KEYS_TABLE_quit, KEYS_TABLE_help, KEYS_TABLE_notice };

#define KEYS_PLAY_ROWS(ROW) \
	/* ---- the player, and what opens over it ---- */ \
	ROW(player, PAUSE, (' '), "space", "", "space", "", "pause", "resume", 9, \
	    "pause / resume (3-2-1 before the clock runs)") \
	ROW(player, SKIP, ('n', KEYS_RIGHT), "n", "Right", "n/" KEYS_ARROW_R, "n", "skip", "", 6, \
	    "skip to the next exercise") \
	ROW(player, BACK, ('b', KEYS_LEFT), "b", "Left", "b/" KEYS_ARROW_L, "b", "back", "", 4, \
	    "back to the start of this exercise") \
	ROW(player, EXTEND, ('+', '='), "+", "", "+/-", "", "10s", "", 5, \
	    "add 10 seconds to this part (up to 5 minutes)") \
	ROW(player, UNEXTEND, ('-'), "-", "", "", "", "", "", 0, \
	    "take back 10 seconds that + added") \
	ROW(player, REP, (KEYS_ENTERS), "Enter", "", "Enter", "", "rep", "", 8, \
	    "count a rep (self-paced exercises)") \
	ROW(player, HELP, ('?'), "?", "", "?", "", "help", "", 7, \
	    "this help; the session waits (Esc or ? closes)") \
	ROW(player, ASK_QUIT, ('q'), "q", "", "q", "", "quit", "", 8, \
	    "quit the session (asks y/n)") \
	ROW(player, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen") \
	ROW(player, SUSPEND, (0), "Ctrl-Z", "", "", "", "", "", 0, \
	    "suspend (comes back paused)") \
	/* The quit question: its long footer uses the help lines. */ \
	ROW(quit, YES, ('y', 'Y'), "y", "", "y", "", "yes", "", 0, \
	    "yes, quit") \
	ROW(quit, NO, ('n', 'N', 'q', KEYS_ESC), "n", "", "n", "", "no", "", 0, \
	    "no, go on") \
	/* Over the player; any key it does not take closes it and goes to \
	 * the player (space only closes it when the help paused the \
	 * session). */ \
	ROW(help, UP, (KEYS_UP, 'k'), "Up", "k", "", "", "", "", 0, \
	    "scroll up a line") \
	ROW(help, DOWN, (KEYS_DOWN, 'j'), "Down", "j", "", "", "", "", 0, \
	    "scroll down a line") \
	ROW(help, PAGE_UP, (KEYS_PPAGE), "PgUp", "", "", "", "", "", 0, \
	    "scroll up half a screen") \
	ROW(help, PAGE_DOWN, (KEYS_NPAGE), "PgDn", "", "", "", "", "", 0, \
	    "scroll down half a screen") \
	ROW(help, CLOSE, ('?', KEYS_ESC), "?", "Esc", "", "", "", "", 0, \
	    "close the help; what it paused goes on") \
	ROW(help, PAUSE, (' '), "space", "", "", "", "", "", 0, \
	    "close the help and go on") \
	ROW(help, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen") \
	/* ---- before a session ---- */ \
	/* The first-run safety notice. Esc does nothing: a stray one must \
	 * not quit. */ \
	ROW(notice, UP, (KEYS_UP, 'k'), "Up", "k", "", "", "", "", 0, \
	    "scroll up a line") \
	ROW(notice, DOWN, (KEYS_DOWN, 'j'), "Down", "j", "", "", "", "", 0, \
	    "scroll down a line") \
	ROW(notice, PAGE_UP, (KEYS_PPAGE), "PgUp", "", "", "", "", "", 0, \
	    "scroll up a page") \
	ROW(notice, PAGE_DOWN, (KEYS_NPAGE, ' '), "PgDn", "space", "", "", "", "", 0, \
	    "scroll down a page") \
	ROW(notice, OK, (KEYS_ENTERS), "Enter", "", "Enter", "", "I have read this", "", 0, \
	    "the notice has been read: the session starts") \
	ROW(notice, QUIT, ('q'), "q", "", "q", "", "quit", "", 0, \
	    "quit without starting") \

#define KEYS_SET KEYS_SET_PLAY
#define KEYS_WORDS_TYPE struct keys_play_words

KEYS_FILE_DEF(KEYS_PLAY_ROWS, keys_play_words, keys_play_rows);
_Static_assert(sizeof(struct keys_row) <= 24, "struct keys_row grew");

KEYS_TABLE_DEF(player, "");
KEYS_TABLE_DEF(quit, "Quit this session?");
KEYS_TABLE_DEF(help, "");
KEYS_TABLE_DEF(notice, "");

const struct keys_table *const keys_tables[] = {
	&keys_player, &keys_quit, &keys_help, &keys_menu, &keys_filter,
	&keys_notice, &keys_finish, &keys_checkin, &keys_remind, &keys_prompt,
};
const size_t keys_n_tables = sizeof keys_tables / sizeof *keys_tables;

/* ---- lookups ----------------------------------------------------------------------- */

/* The rows of a file of tables (*n of them). */
static const struct keys_row *keys_set_rows(unsigned set, size_t *n)
{
	if (set == KEYS_SET_OTHER)
		return keys_other_rows(n);
	*n = sizeof keys_play_rows / sizeof *keys_play_rows;
	return keys_play_rows;
}

const struct keys_row *keys_next(const struct keys_table *t, const struct keys_row *r)
{
	size_t n;
	const struct keys_row *v = keys_set_rows(t->set, &n);
	for (size_t i = r ? (size_t)(r - v) + 1 : 0; i < n; i++)
		if (v[i].table == t->id)
			return &v[i];
	return NULL;
}

const char *keys_word(const struct keys_row *r, enum keys_word w)
{
	const char *p = r->set == KEYS_SET_OTHER ? keys_other_words()
						 : (const char *)&keys_play_words;
	p += r->words;
	for (int k = 0; k < (int)w; k++)
		p += strlen(p) + 1;
	return *p ? p : NULL;
}

static bool keys_row_has(const struct keys_row *r, int code)
{
	for (size_t k = 0; k < KEYS_MAX_CODES && r->code[k]; k++)
		if (r->code[k] == code)
			return true;
	return false;
}

enum keys_action keys_action(const struct keys_table *t, int code)
{
	if (code == 0)
		return KEYS_ACT_NONE;
	for (const struct keys_row *r = keys_next(t, NULL); r; r = keys_next(t, r))
		if (keys_row_has(r, code))
			return r->action;
	bool character = code >= ' ' && code != 127 && code < KEYS_ENTER;
	return character && keys_row(t, KEYS_ACT_TYPE) ? KEYS_ACT_TYPE : KEYS_ACT_NONE;
}

const struct keys_row *keys_row(const struct keys_table *t, enum keys_action a)
{
	for (const struct keys_row *r = keys_next(t, NULL); r; r = keys_next(t, r))
		if (r->action == a)
			return r;
	return NULL;
}

const char *keys_name(const struct keys_table *t, enum keys_action a)
{
	const struct keys_row *r = keys_row(t, a);
	const char *name = r ? keys_word(r, KEYS_NAME) : NULL;
	return name ? name : "?";
}

/* A key's name as shown: an arrow for the arrow keys in UTF-8. */
static const char *keys_glyph(const char *name, bool utf8)
{
	static const char *const arrows[][2] = {
		{ "Right", KEYS_ARROW_R }, { "Left", KEYS_ARROW_L }, { "Up", KEYS_ARROW_U }, { "Down", KEYS_ARROW_D },
	};
	for (size_t i = 0; utf8 && i < sizeof arrows / sizeof *arrows; i++)
		if (strcmp(name, arrows[i][0]) == 0)
			return arrows[i][1];
	return name;
}

/* Appends s at *used (cut at size). */
static void keys_cat(char *buf, size_t size, size_t *used, const char *s)
{
	int n = *used < size ? snprintf(buf + *used, size - *used, "%s", s) : 0;
	*used += n > 0 ? (size_t)n : 0;
}

char *keys_names(const struct keys_row *r, const char *sep, bool utf8,
		 char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	const char *name[] = { keys_word(r, KEYS_NAME), keys_word(r, KEYS_NAME2) };
	for (size_t k = 0; k < 2 && name[k]; k++) {
		if (k)
			keys_cat(buf, size, &used, sep);
		keys_cat(buf, size, &used, keys_glyph(name[k], utf8));
	}
	return buf;
}

const char *keys_hint(const struct keys_row *r, bool utf8)
{
	const char *ascii = utf8 ? NULL : keys_word(r, KEYS_HINT_ASCII);
	return ascii ? ascii : keys_word(r, KEYS_HINT);
}

char *keys_hint_text(const struct keys_table *t, bool utf8, const char *between,
		     const char *sep, bool long_words, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (const struct keys_row *r = keys_next(t, NULL); r; r = keys_next(t, r)) {
		if (!keys_word(r, KEYS_HINT))
			continue;
		if (used)
			keys_cat(buf, size, &used, sep);
		keys_cat(buf, size, &used, keys_hint(r, utf8));
		if (!between)
			continue;
		keys_cat(buf, size, &used, between);
		keys_cat(buf, size, &used, keys_word(r, long_words ? KEYS_HELP : KEYS_LABEL));
	}
	return buf;
}
