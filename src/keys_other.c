/* keys_other — the key tables of the screens around a session: the menu
 * and its filter, the finish screen and its check-in, the reminders (see
 * keys.h, keys_priv.h). A file of their own, so that their constants are
 * not mapped with the player's (the Makefile's COLD_DATA): a play's first
 * frames show none of them. */
#include "keys.h"

#include "keys_priv.h"

enum { KEYS_TABLE_menu, KEYS_TABLE_filter, KEYS_TABLE_finish, KEYS_TABLE_checkin,
       KEYS_TABLE_remind, KEYS_TABLE_prompt };

#define KEYS_OTHER_ROWS(ROW) \
	/* ---- the menu ---- */ \
	ROW(menu, UP, (KEYS_UP, 'k'), "Up", "k", KEYS_ARROW_U KEYS_ARROW_D, "j/k", "move", "", 0, \
	    "the routine above") \
	ROW(menu, DOWN, (KEYS_DOWN, 'j'), "Down", "j", "", "", "", "", 0, \
	    "the routine below") \
	ROW(menu, TOP, (KEYS_HOME, 'g'), "Home", "g", "", "", "", "", 0, \
	    "the first routine") \
	ROW(menu, BOTTOM, (KEYS_END, 'G'), "End", "G", "", "", "", "", 0, \
	    "the last routine") \
	ROW(menu, PAGE_UP, (KEYS_PPAGE), "PgUp", "", "", "", "", "", 0, \
	    "scroll the details up") \
	ROW(menu, PAGE_DOWN, (KEYS_NPAGE), "PgDn", "", "", "", "", "", 0, \
	    "scroll the details down") \
	ROW(menu, START, (KEYS_ENTERS), "Enter", "", "Enter", "", "start", "", 0, \
	    "play the selected routine (from its marked step)") \
	ROW(menu, STEP_NEXT, (']'), "]", "", "[ ]", "", "step", "", 0, \
	    "mark the next step of the selected routine: Enter starts there") \
	ROW(menu, STEP_PREV, ('['), "[", "", "", "", "", "", 0, \
	    "mark the step before (before the first: from the start)") \
	ROW(menu, RESUME, ('r'), "r", "", "", "", "", "", 0, \
	    "go on with the session stopped last (within the hour), where it stopped") \
	ROW(menu, FILTER, ('/'), "/", "", "/", "", "filter", "", 0, \
	    "filter the list by name, tag or body area") \
	ROW(menu, CLEAR, (KEYS_ESC), "Esc", "", "Esc", "", "clear", "", 0, \
	    "clear the filter") \
	ROW(menu, QUIT, ('q'), "q", "", "q", "", "quit", "", 0, \
	    "quit stretchtui") \
	ROW(menu, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen") \
	/* The menu's filter line being edited: characters are typed. */ \
	ROW(filter, DONE, (KEYS_ENTERS), "Enter", "", "Enter", "", "done", "", 0, \
	    "keep the filter and go back to the list") \
	ROW(filter, CLEAR, (KEYS_ESC), "Esc", "", "Esc", "", "clear", "", 0, \
	    "clear the filter and go back to the list") \
	ROW(filter, ERASE, (KEYS_BACKSPACE, 127, 8), "Backspace", "", "", "", "", "", 0, \
	    "erase the last character") \
	ROW(filter, ERASE_ALL, (KEYS_CTRL('u')), "Ctrl-U", "", "", "", "", "", 0, \
	    "erase the whole filter") \
	ROW(filter, UP, (KEYS_UP), "Up", "", "", "", "", "", 0, \
	    "the routine above") \
	ROW(filter, DOWN, (KEYS_DOWN), "Down", "", "", "", "", "", 0, \
	    "the routine below") \
	ROW(filter, TOP, (KEYS_HOME), "Home", "", "", "", "", "", 0, \
	    "the first routine") \
	ROW(filter, BOTTOM, (KEYS_END), "End", "", "", "", "", "", 0, \
	    "the last routine") \
	ROW(filter, PAGE_UP, (KEYS_PPAGE), "PgUp", "", "", "", "", "", 0, \
	    "scroll the details up") \
	ROW(filter, PAGE_DOWN, (KEYS_NPAGE), "PgDn", "", "", "", "", "", 0, \
	    "scroll the details down") \
	ROW(filter, TYPE, (0), "a character", "", "", "", "", "", 0, \
	    "added to the filter (name, tag or area)") \
	/* ---- after a session ---- */ \
	ROW(finish, MENU, (KEYS_ENTERS, 'm'), "Enter", "m", "Enter", "", "menu", "", 0, \
	    "back to the menu") \
	ROW(finish, QUIT, ('q', KEYS_ESC), "q", "Esc", "q", "", "quit", "", 0, \
	    "quit stretchtui") \
	/* The check-in on the finish screen of a played-through session, \
	 * asked once: an answer is saved with the session. Any other key \
	 * skips it and is then the finish screen's (Enter goes to the \
	 * menu, q quits); the skip row is described only. */ \
	ROW(checkin, WORSE, ('1'), "1", "", "1", "", "worse", "", 0, \
	    "\"How does your back feel?\" worse (saved with the session)") \
	ROW(checkin, SAME, ('2'), "2", "", "2", "", "same", "", 0, \
	    "about the same") \
	ROW(checkin, BETTER, ('3'), "3", "", "3", "", "better", "", 0, \
	    "better") \
	ROW(checkin, SKIP, (0), "any other key", "", "any other key", "", "to skip", "", 0, \
	    "no answer; the key then does what it does below") \
	ROW(checkin, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen (no answer either)") \
	/* ---- reminders ---- */ \
	/* Waiting for the next break (SKIP: the next break is passed \
	 * over). */ \
	ROW(remind, START, (KEYS_ENTERS), "Enter", "", "Enter", "", "start now", "", 8, \
	    "take a break now (at a break: play its routine)") \
	ROW(remind, SNOOZE, ('z'), "z", "", "z", "", "snooze", "", 7, \
	    "put the next break off by the snooze time") \
	ROW(remind, SKIP, ('x'), "x", "", "x", "", "skip next", "", 6, \
	    "skip the next break (at a break: this one)") \
	ROW(remind, QUIT, ('q'), "q", "", "q", "", "quit", "", 9, \
	    "stop the reminders") \
	ROW(remind, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen") \
	/* A break is due. */ \
	ROW(prompt, START, (KEYS_ENTERS), "Enter", "", "Enter", "", "start", "", 8, \
	    "play the routine now") \
	ROW(prompt, SNOOZE, ('z'), "z", "", "z", "", "snooze", "", 7, \
	    "ask again after the snooze time") \
	ROW(prompt, SKIP, ('x'), "x", "", "x", "", "skip", "", 6, \
	    "skip this break") \
	ROW(prompt, QUIT, ('q'), "q", "", "q", "", "quit", "", 9, \
	    "stop the reminders (this break counts as skipped)") \
	ROW(prompt, REDRAW, (KEYS_CTRL('l')), "Ctrl-L", "", "", "", "", "", 0, \
	    "redraw the screen") \

#define KEYS_SET KEYS_SET_OTHER
#define KEYS_WORDS_TYPE struct keys_other_words

KEYS_FILE_DEF(KEYS_OTHER_ROWS, words, rows);

KEYS_TABLE_DEF(menu, "");
KEYS_TABLE_DEF(filter, "");
KEYS_TABLE_DEF(finish, "");
KEYS_TABLE_DEF(checkin, "How does your back feel?");
KEYS_TABLE_DEF(remind, "");
KEYS_TABLE_DEF(prompt, "Time for a break");

const struct keys_row *keys_other_rows(size_t *n)
{
	*n = sizeof rows / sizeof *rows;
	return rows;
}

const char *keys_other_words(void)
{
	return (const char *)&words;
}
