/* keys_priv — how the key tables are written down (keys.c, keys_other.c):
 * for the keys module only.
 *
 * A file of tables lists its rows once, in a macro of ROW(...) lines,
 * grouped by table:
 *
 *   ROW(TABLE, ACTION, (CODE, ...), NAME, NAME2, HINT, HINT_ASCII, LABEL,
 *       LABEL_ON, KEEP, HELP)
 *
 * ("" for a word the row has none of; the words are those of enum
 * keys_word). From that one list the file makes its row
 * array (KEYS_ROW) and its texts: a struct (KEYS_WORDS_TYPE) with one
 * member per row (KEYS_WORDS_MEMBER), the row's words one after the
 * other with a NUL after each, so that a row names its words by their
 * offset in it. Its tables (KEYS_TABLE_DEF) are numbered by an enum of
 * KEYS_TABLE_<name>, which each row names by its TABLE. Nothing in a row
 * or a table is a pointer. */
#ifndef STRETCHTUI_KEYS_PRIV_H
#define STRETCHTUI_KEYS_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "keys.h"

/* The files of tables (struct keys_row.set, struct keys_table.set). */
enum keys_set {
	KEYS_SET_PLAY,    /* keys.c: the player, what opens over it, the
			   * notice */
	KEYS_SET_OTHER,   /* keys_other.c: the menu, the finish screen,
			   * the reminders */
};

/* What the rows of both files write: the arrows in UTF-8, Enter's codes. */
#define KEYS_ARROW_R "\xe2\x86\x92"
#define KEYS_ARROW_L "\xe2\x86\x90"
#define KEYS_ARROW_U "\xe2\x86\x91"
#define KEYS_ARROW_D "\xe2\x86\x93"
#define KEYS_ENTERS '\r', '\n', KEYS_ENTER

#define KEYS_UNWRAP(...) __VA_ARGS__
/* The words in enum keys_word's order: the footer's first (a frame
 * reads them), the help last. */
#define KEYS_WORDS(n, n2, h, ha, l, lo, help) \
	h "\0" ha "\0" l "\0" lo "\0" n "\0" n2 "\0" help

#define KEYS_WORDS_MEMBER(t, a, c, n, n2, h, ha, l, lo, k, help) \
	char t##_##a[sizeof KEYS_WORDS(n, n2, h, ha, l, lo, help)];
#define KEYS_WORDS_INIT(t, a, c, n, n2, h, ha, l, lo, k, help) \
	KEYS_WORDS(n, n2, h, ha, l, lo, help),
/* A row of the file's set (KEYS_SET), its words in KEYS_WORDS_TYPE. */
#define KEYS_ROW(t, a, c, n, n2, h, ha, l, lo, k, help) \
	{ { KEYS_UNWRAP c }, offsetof(KEYS_WORDS_TYPE, t##_##a), KEYS_ACT_##a, k, \
	  KEYS_SET, KEYS_TABLE_##t },

/* The file's rows (a static array called rows) and texts (a static
 * KEYS_WORDS_TYPE called words), from its list of ROW lines. */
#define KEYS_FILE_DEF(LIST, words, rows) \
	static const KEYS_WORDS_TYPE { LIST(KEYS_WORDS_MEMBER) } words = \
		{ LIST(KEYS_WORDS_INIT) }; \
	static const struct keys_row rows[] = { LIST(KEYS_ROW) }; \
	_Static_assert(sizeof words <= UINT16_MAX, "keys: a row's words are too far")

/* A table: its screen's name, its question ("" when it asks none); a
 * name or a question too long for struct keys_table does not compile. */
#define KEYS_TABLE_DEF(name, question) \
	_Static_assert(sizeof #name <= sizeof keys_##name.screen && \
		       sizeof question <= sizeof keys_##name.prompt, \
		       "keys: the name or the prompt of table " #name " is too long"); \
	const struct keys_table keys_##name = { #name, question, KEYS_SET, KEYS_TABLE_##name }

/* keys_other.c's rows (*n of them) and texts, for keys.c. */
const struct keys_row *keys_other_rows(size_t *n);
const char *keys_other_words(void);

#endif
