/* keys — the key tables of every screen (see keys.h). */
#include "keys.h"

#include <stdio.h>
#include <string.h>

#define ARROW_R "\xe2\x86\x92"
#define ARROW_L "\xe2\x86\x90"
#define ARROW_U "\xe2\x86\x91"
#define ARROW_D "\xe2\x86\x93"
#define ENTERS '\r', '\n', KEYS_ENTER

#define KEYS_TABLE(name, prompt, rows) \
	const struct keys_table keys_##name = { #name, prompt, rows, sizeof rows / sizeof *rows }

/* ---- the player, and what opens over it ---------------------------------------- */

static const struct keys_row player_rows[] = {
	{ KEYS_ACT_PAUSE, { ' ' }, { "space" }, "space", NULL, "pause", "resume", 9,
	  "pause / resume (3-2-1 before the clock runs)" },
	{ KEYS_ACT_SKIP, { 'n', KEYS_RIGHT }, { "n", "Right" }, "n/" ARROW_R, "n", "skip",
	  NULL, 6, "skip to the next exercise" },
	{ KEYS_ACT_BACK, { 'b', KEYS_LEFT }, { "b", "Left" }, "b/" ARROW_L, "b", "back",
	  NULL, 4, "back to the start of this exercise" },
	{ KEYS_ACT_EXTEND, { '+', '=' }, { "+" }, "+/-", NULL, "10s", NULL, 5,
	  "add 10 seconds to this part (up to 5 minutes)" },
	{ KEYS_ACT_UNEXTEND, { '-' }, { "-" }, NULL, NULL, NULL, NULL, 0,
	  "take back 10 seconds that + added" },
	{ KEYS_ACT_REP, { ENTERS }, { "Enter" }, "Enter", NULL, "rep", NULL, 8,
	  "count a rep (self-paced exercises)" },
	{ KEYS_ACT_HELP, { '?' }, { "?" }, "?", NULL, "help", NULL, 7,
	  "this help; the session waits (Esc or ? closes)" },
	{ KEYS_ACT_ASK_QUIT, { 'q' }, { "q" }, "q", NULL, "quit", NULL, 8,
	  "quit the session (asks y/n)" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen" },
	{ KEYS_ACT_SUSPEND, { 0 }, { "Ctrl-Z" }, NULL, NULL, NULL, NULL, 0,
	  "suspend (comes back paused)" },
};
KEYS_TABLE(player, NULL, player_rows);

/* The quit question: its long footer uses the help lines. */
static const struct keys_row quit_rows[] = {
	{ KEYS_ACT_YES, { 'y', 'Y' }, { "y" }, "y", NULL, "yes", NULL, 0, "yes, quit" },
	{ KEYS_ACT_NO, { 'n', 'N', 'q', KEYS_ESC }, { "n" }, "n", NULL, "no", NULL, 0,
	  "no, go on" },
};
KEYS_TABLE(quit, "Quit this session?", quit_rows);

/* Over the player; any key it does not take closes it and goes to the
 * player (space only closes it when the help paused the session). */
static const struct keys_row help_rows[] = {
	{ KEYS_ACT_UP, { KEYS_UP, 'k' }, { "Up", "k" }, NULL, NULL, NULL, NULL, 0,
	  "scroll up a line" },
	{ KEYS_ACT_DOWN, { KEYS_DOWN, 'j' }, { "Down", "j" }, NULL, NULL, NULL, NULL, 0,
	  "scroll down a line" },
	{ KEYS_ACT_PAGE_UP, { KEYS_PPAGE }, { "PgUp" }, NULL, NULL, NULL, NULL, 0,
	  "scroll up half a screen" },
	{ KEYS_ACT_PAGE_DOWN, { KEYS_NPAGE }, { "PgDn" }, NULL, NULL, NULL, NULL, 0,
	  "scroll down half a screen" },
	{ KEYS_ACT_CLOSE, { '?', KEYS_ESC }, { "?", "Esc" }, NULL, NULL, NULL, NULL, 0,
	  "close the help; what it paused goes on" },
	{ KEYS_ACT_PAUSE, { ' ' }, { "space" }, NULL, NULL, NULL, NULL, 0,
	  "close the help and go on" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen" },
};
KEYS_TABLE(help, NULL, help_rows);

/* ---- the menu ------------------------------------------------------------------ */

static const struct keys_row menu_rows[] = {
	{ KEYS_ACT_UP, { KEYS_UP, 'k' }, { "Up", "k" }, ARROW_U ARROW_D, "j/k", "move",
	  NULL, 0, "the routine above" },
	{ KEYS_ACT_DOWN, { KEYS_DOWN, 'j' }, { "Down", "j" }, NULL, NULL, NULL, NULL, 0,
	  "the routine below" },
	{ KEYS_ACT_TOP, { KEYS_HOME, 'g' }, { "Home", "g" }, NULL, NULL, NULL, NULL, 0,
	  "the first routine" },
	{ KEYS_ACT_BOTTOM, { KEYS_END, 'G' }, { "End", "G" }, NULL, NULL, NULL, NULL, 0,
	  "the last routine" },
	{ KEYS_ACT_PAGE_UP, { KEYS_PPAGE }, { "PgUp" }, NULL, NULL, NULL, NULL, 0,
	  "scroll the details up" },
	{ KEYS_ACT_PAGE_DOWN, { KEYS_NPAGE }, { "PgDn" }, NULL, NULL, NULL, NULL, 0,
	  "scroll the details down" },
	{ KEYS_ACT_START, { ENTERS }, { "Enter" }, "Enter", NULL, "start", NULL, 0,
	  "play the selected routine (from its marked step)" },
	{ KEYS_ACT_STEP_NEXT, { ']' }, { "]" }, "[ ]", NULL, "step", NULL, 0,
	  "mark the next step of the selected routine: Enter starts there" },
	{ KEYS_ACT_STEP_PREV, { '[' }, { "[" }, NULL, NULL, NULL, NULL, 0,
	  "mark the step before (before the first: from the start)" },
	{ KEYS_ACT_RESUME, { 'r' }, { "r" }, NULL, NULL, NULL, NULL, 0,
	  "go on with the session stopped last (within the hour), where it stopped" },
	{ KEYS_ACT_FILTER, { '/' }, { "/" }, "/", NULL, "filter", NULL, 0,
	  "filter the list by name, tag or body area" },
	{ KEYS_ACT_CLEAR, { KEYS_ESC }, { "Esc" }, "Esc", NULL, "clear", NULL, 0,
	  "clear the filter" },
	{ KEYS_ACT_QUIT, { 'q' }, { "q" }, "q", NULL, "quit", NULL, 0, "quit stretchtui" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen" },
};
KEYS_TABLE(menu, NULL, menu_rows);

/* The menu's filter line being edited: characters are typed. */
static const struct keys_row filter_rows[] = {
	{ KEYS_ACT_DONE, { ENTERS }, { "Enter" }, "Enter", NULL, "done", NULL, 0,
	  "keep the filter and go back to the list" },
	{ KEYS_ACT_CLEAR, { KEYS_ESC }, { "Esc" }, "Esc", NULL, "clear", NULL, 0,
	  "clear the filter and go back to the list" },
	{ KEYS_ACT_ERASE, { KEYS_BACKSPACE, 127, 8 }, { "Backspace" }, NULL, NULL, NULL,
	  NULL, 0, "erase the last character" },
	{ KEYS_ACT_ERASE_ALL, { KEYS_CTRL('u') }, { "Ctrl-U" }, NULL, NULL, NULL, NULL, 0,
	  "erase the whole filter" },
	{ KEYS_ACT_UP, { KEYS_UP }, { "Up" }, NULL, NULL, NULL, NULL, 0, "the routine above" },
	{ KEYS_ACT_DOWN, { KEYS_DOWN }, { "Down" }, NULL, NULL, NULL, NULL, 0,
	  "the routine below" },
	{ KEYS_ACT_TOP, { KEYS_HOME }, { "Home" }, NULL, NULL, NULL, NULL, 0,
	  "the first routine" },
	{ KEYS_ACT_BOTTOM, { KEYS_END }, { "End" }, NULL, NULL, NULL, NULL, 0,
	  "the last routine" },
	{ KEYS_ACT_PAGE_UP, { KEYS_PPAGE }, { "PgUp" }, NULL, NULL, NULL, NULL, 0,
	  "scroll the details up" },
	{ KEYS_ACT_PAGE_DOWN, { KEYS_NPAGE }, { "PgDn" }, NULL, NULL, NULL, NULL, 0,
	  "scroll the details down" },
	{ KEYS_ACT_TYPE, { 0 }, { "a character" }, NULL, NULL, NULL, NULL, 0,
	  "added to the filter (name, tag or area)" },
};
KEYS_TABLE(filter, NULL, filter_rows);

/* ---- before and after a session ---------------------------------------------------- */

/* The first-run safety notice. Esc does nothing: a stray one must not quit. */
static const struct keys_row notice_rows[] = {
	{ KEYS_ACT_UP, { KEYS_UP, 'k' }, { "Up", "k" }, NULL, NULL, NULL, NULL, 0,
	  "scroll up a line" },
	{ KEYS_ACT_DOWN, { KEYS_DOWN, 'j' }, { "Down", "j" }, NULL, NULL, NULL, NULL, 0,
	  "scroll down a line" },
	{ KEYS_ACT_PAGE_UP, { KEYS_PPAGE }, { "PgUp" }, NULL, NULL, NULL, NULL, 0,
	  "scroll up a page" },
	{ KEYS_ACT_PAGE_DOWN, { KEYS_NPAGE, ' ' }, { "PgDn", "space" }, NULL, NULL, NULL,
	  NULL, 0, "scroll down a page" },
	{ KEYS_ACT_OK, { ENTERS }, { "Enter" }, "Enter", NULL, "I have read this", NULL, 0,
	  "the notice has been read: the session starts" },
	{ KEYS_ACT_QUIT, { 'q' }, { "q" }, "q", NULL, "quit", NULL, 0,
	  "quit without starting" },
};
KEYS_TABLE(notice, NULL, notice_rows);

static const struct keys_row finish_rows[] = {
	{ KEYS_ACT_MENU, { ENTERS, 'm' }, { "Enter", "m" }, "Enter", NULL, "menu", NULL, 0,
	  "back to the menu" },
	{ KEYS_ACT_QUIT, { 'q', KEYS_ESC }, { "q", "Esc" }, "q", NULL, "quit", NULL, 0,
	  "quit stretchtui" },
};
KEYS_TABLE(finish, NULL, finish_rows);

/* The check-in on the finish screen of a played-through session, asked
 * once: an answer is saved with the session. Any other key skips it and
 * is then the finish screen's (Enter goes to the menu, q quits); the
 * skip row is described only. */
static const struct keys_row checkin_rows[] = {
	{ KEYS_ACT_WORSE, { '1' }, { "1" }, "1", NULL, "worse", NULL, 0,
	  "\"How does your back feel?\" worse (saved with the session)" },
	{ KEYS_ACT_SAME, { '2' }, { "2" }, "2", NULL, "same", NULL, 0,
	  "about the same" },
	{ KEYS_ACT_BETTER, { '3' }, { "3" }, "3", NULL, "better", NULL, 0,
	  "better" },
	{ KEYS_ACT_SKIP, { 0 }, { "any other key" }, "any other key", NULL, "to skip",
	  NULL, 0, "no answer; the key then does what it does below" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen (no answer either)" },
};
KEYS_TABLE(checkin, "How does your back feel?", checkin_rows);

/* ---- reminders ------------------------------------------------------------------- */

/* Waiting for the next break (SKIP: the next break is passed over). */
static const struct keys_row remind_rows[] = {
	{ KEYS_ACT_START, { ENTERS }, { "Enter" }, "Enter", NULL, "start now", NULL, 8,
	  "take a break now (at a break: play its routine)" },
	{ KEYS_ACT_SNOOZE, { 'z' }, { "z" }, "z", NULL, "snooze", NULL, 7,
	  "put the next break off by the snooze time" },
	{ KEYS_ACT_SKIP, { 'x' }, { "x" }, "x", NULL, "skip next", NULL, 6,
	  "skip the next break (at a break: this one)" },
	{ KEYS_ACT_QUIT, { 'q' }, { "q" }, "q", NULL, "quit", NULL, 9, "stop the reminders" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen" },
};
KEYS_TABLE(remind, NULL, remind_rows);

/* A break is due. */
static const struct keys_row prompt_rows[] = {
	{ KEYS_ACT_START, { ENTERS }, { "Enter" }, "Enter", NULL, "start", NULL, 8,
	  "play the routine now" },
	{ KEYS_ACT_SNOOZE, { 'z' }, { "z" }, "z", NULL, "snooze", NULL, 7,
	  "ask again after the snooze time" },
	{ KEYS_ACT_SKIP, { 'x' }, { "x" }, "x", NULL, "skip", NULL, 6, "skip this break" },
	{ KEYS_ACT_QUIT, { 'q' }, { "q" }, "q", NULL, "quit", NULL, 9,
	  "stop the reminders (this break counts as skipped)" },
	{ KEYS_ACT_REDRAW, { KEYS_CTRL('l') }, { "Ctrl-L" }, NULL, NULL, NULL, NULL, 0,
	  "redraw the screen" },
};
KEYS_TABLE(prompt, "Time for a break", prompt_rows);

const struct keys_table *const keys_tables[] = {
	&keys_player, &keys_quit, &keys_help, &keys_menu, &keys_filter,
	&keys_notice, &keys_finish, &keys_checkin, &keys_remind, &keys_prompt,
};
const size_t keys_n_tables = sizeof keys_tables / sizeof *keys_tables;

/* ---- lookups ----------------------------------------------------------------------- */

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
	for (size_t i = 0; i < t->n; i++)
		if (keys_row_has(&t->row[i], code))
			return t->row[i].action;
	bool character = code >= ' ' && code != 127 && code < KEYS_ENTER;
	return character && keys_row(t, KEYS_ACT_TYPE) ? KEYS_ACT_TYPE : KEYS_ACT_NONE;
}

const struct keys_row *keys_row(const struct keys_table *t, enum keys_action a)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->row[i].action == a)
			return &t->row[i];
	return NULL;
}

const char *keys_name(const struct keys_table *t, enum keys_action a)
{
	const struct keys_row *r = keys_row(t, a);
	return r && r->name[0] ? r->name[0] : "?";
}

/* A key's name as shown: an arrow for the arrow keys in UTF-8. */
static const char *keys_glyph(const char *name, bool utf8)
{
	static const char *const arrows[][2] = {
		{ "Right", ARROW_R }, { "Left", ARROW_L }, { "Up", ARROW_U }, { "Down", ARROW_D },
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
	for (size_t k = 0; k < KEYS_MAX_NAMES && r->name[k]; k++) {
		if (k)
			keys_cat(buf, size, &used, sep);
		keys_cat(buf, size, &used, keys_glyph(r->name[k], utf8));
	}
	return buf;
}

const char *keys_hint(const struct keys_row *r, bool utf8)
{
	return utf8 || !r->hint_ascii ? r->hint : r->hint_ascii;
}

char *keys_hint_text(const struct keys_table *t, bool utf8, const char *between,
		     const char *sep, bool long_words, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < t->n; i++) {
		const struct keys_row *r = &t->row[i];
		if (!r->hint)
			continue;
		if (used)
			keys_cat(buf, size, &used, sep);
		keys_cat(buf, size, &used, keys_hint(r, utf8));
		if (!between)
			continue;
		keys_cat(buf, size, &used, between);
		keys_cat(buf, size, &used, long_words ? r->help : r->label);
	}
	return buf;
}
