/* schema — the loader's tables: a YAML mapping described as rows of
 * key, type, field offset, rule and flags, read into a C struct by one
 * dispatch on the type. Unknown keys ("did you mean"), missing required
 * keys, type errors and range errors all come from the same rows, as
 * located diagnostics (diag.h) in the style of the routine loader. Part of
 * the loader (it reads ydoc trees); the routine and library loaders use it,
 * and so can any other YAML file of the program (config.yaml).
 * (Model: libcyaml's cyaml_schema_field_t.)
 *
 * A table is an array of struct schema_field ending with SCHEMA_END:
 *
 *   static const struct schema_field phase_fields[] = {
 *       { SCHEMA_FIELD("cue", STRING, struct phase, cue),
 *         .flags = SCHEMA_REQUIRED | SCHEMA_NONEMPTY },
 *       { SCHEMA_FIELD("time", DURATION, struct phase, ms),
 *         .flags = SCHEMA_REQUIRED, .min = 500, .max = 3600000 },
 *       SCHEMA_END
 *   };
 *   static const struct schema_map phase_map = {
 *       .place = "phase", .must = "a phase must be a mapping",
 *       .fields = phase_fields, .size = sizeof(struct phase) };
 *
 * A row holds no pointer: what it names besides its key (texts, ENUM
 * words, nested maps, functions) it names by an index into the file's
 * struct schema_set (s->set), whose arrays hold the pointers. Below,
 * ".names", ".map", ".read", ".check", ".rule", ".what" and ".elsewhere"
 * are what those indices name.
 *
 * Rows are read in table order, which is also the order "did you mean"
 * prefers among equally close keys. Every type but CUSTOM is checked the
 * same way: a value the parser refused (ynode bad) is skipped silently; a
 * value of the wrong kind is "KEY must be WHAT, not X"; a value out of its
 * range is "KEY RULE, not VALUE". The destination member of each type:
 *
 *   STRING    const char *       any non-null scalar, a copy in s->a less
 *                                trailing line breaks; SCHEMA_NONEMPTY
 *                                refuses a blank one ("KEY must not be empty")
 *   BOOL      bool               true/false, True/False, TRUE/FALSE (plain)
 *   ENUM      int                the index of the value in .names (a NULL-
 *                                terminated list of words); "KEY must be one
 *                                of a, b or c, not 'x'", with a "did you mean"
 *   INT       int                [-]digits, within [.min, .max] (a range
 *                                inside int; every INT row needs one)
 *   DURATION  int64_t (ms)       duration_parse's syntax, within [.min, .max]
 *                                (every DURATION row needs one)
 *   STRLIST   struct strlist     a list of strings (routine.h); when .max is
 *                                not 0, its length within [.min, .max]
 *   MAP       a struct           a nested mapping read with .map; .offset is
 *                                where that struct starts (its rows' offsets
 *                                are relative to it)
 *   LIST      T * and a size_t   a list of mappings, each read with .map into
 *                                an array of .map->size items in s->a; the
 *                                pointer at .offset, the number of items read
 *                                without errors at .count; when .max is not 0,
 *                                the list's length within [.min, .max];
 *                                SCHEMA_NONEMPTY: null and [] are "KEY must
 *                                not be empty"
 *   CUSTOM    anything           .read does it all, given the member at
 *                                .offset (the value is not bad; .what is
 *                                for its type message; s->user for context)
 *
 * A map's .read, when set, replaces checking its keys and reading its rows
 * wherever the map is read (MAP, LIST items, schema_read).
 *
 * SCHEMA_ZERO: 0 is allowed besides [.min, .max] (INT, DURATION: "0 means
 * none"). A scalar or string list is written only when it is accepted, so
 * a refused one leaves the default in place (a MAP's rows each on their
 * own, a LIST its items without errors); .check, when set, is asked first
 * (any type but MAP, LIST, CUSTOM) and refuses a value by reporting and
 * returning false. .pos = SCHEMA_POS(struct, member) stores
 * where an accepted value stood (a struct srcpos): the line a setting came
 * from, for messages such as "config.yaml:7".
 *
 * Rule messages are made from the limits, never written out by hand:
 * numbers as "1", "500", durations as "0.5s", "1h", "1m30s". The default
 * for a value is "must be from {min} to {max}" ("must be 0s (none) or from
 * {min} to {max}" with SCHEMA_ZERO), for a list's length "must have {min}
 * to {max} items"; .rule replaces it with a text of your own in which
 * {min}, {max} and {key} are filled in ("must list {min} to {max} sides").
 *
 * Variants: a mapping whose keys depend on what it is (a rest step takes
 * none of an exercise step's keys). A row with .only set belongs to those
 * variants (bits of your choosing); schema_read_fields reads the rows of
 * one variant, and a key of a row outside it gets .elsewhere ({key} filled
 * in) or, when that is NULL, nothing (something else says it). */
#ifndef STRETCHTUI_SCHEMA_H
#define STRETCHTUI_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "routine.h"   /* struct strlist, struct srcpos */
#include "ydoc.h"

#define SCHEMA_MAX_ERRORS 50   /* diagnostics per file; then a summary */

/* An unknown key taken for a misspelling of a known one. */
struct schema_miss {
	const struct ynode *map;
	const char *key;
};

/* One file being read. Set path, a, set and user (the rest zeroed),
 * read, then schema_finish (which frees what the reading allocated). */
struct schema {
	const char *path;        /* names the file in every diagnostic */
	struct arena *a;         /* where strings and arrays go */
	const struct schema_set *set;   /* what the rows' indices name */
	void *user;              /* for CUSTOM readers and map hooks */
	struct diags diags;      /* this file's so far (errors counts them) */
	bool oom;                /* reported by schema_finish */
	struct schema_miss *miss;   /* private: misspelled keys */
	size_t n_miss, cap_miss;
};

enum schema_type {
	SCHEMA_STRING,
	SCHEMA_BOOL,
	SCHEMA_ENUM,
	SCHEMA_INT,
	SCHEMA_DURATION,
	SCHEMA_STRLIST,
	SCHEMA_MAP,
	SCHEMA_LIST,
	SCHEMA_CUSTOM,
};

#define SCHEMA_REQUIRED 1u   /* absent: "missing required key 'K' in PLACE" */
#define SCHEMA_NONEMPTY 2u   /* STRING: not blank; LIST: not null or [] */
#define SCHEMA_ZERO     4u   /* INT, DURATION: 0 is allowed too */

#define SCHEMA_ALL (~0u)     /* every variant */

struct schema_field;
struct schema_map;

/* CUSTOM: reads key->value (not bad) into field (the destination at
 * .offset); true when it was accepted. Reports its own errors. */
typedef bool (*schema_read_fn)(struct schema *s, const struct ynode *key,
			       const struct schema_field *f, void *field);
/* A further rule for an accepted value (candidate points to it, of the
 * row's type); false refuses it, after reporting why. */
typedef bool (*schema_check_fn)(struct schema *s, const struct ynode *value,
				const void *candidate);
/* A mapping read by hand (struct schema_map.read). */
typedef void (*schema_map_fn)(struct schema *s, const struct ynode *map,
			      void *dest);

/* What the rows of one file's tables point to, by index: a row holds no
 * pointer, so that its table is constant data the dynamic loader does
 * not relocate (and a program that does not parse never maps it). Index
 * 0 is none in each array (leave it NULL); an array no row uses may be
 * NULL. */
struct schema_set {
	const char *const *text;          /* .rule, .what, .elsewhere */
	const char *const *const *names;  /* ENUM: NULL-terminated words */
	const schema_read_fn *read;       /* CUSTOM */
	const schema_check_fn *check;
	const struct schema_map *const *map;   /* MAP, LIST */
};

#define SCHEMA_KEY_SIZE 16   /* a key's bytes, its NUL included */

struct schema_field {
	char key[SCHEMA_KEY_SIZE];     /* "" ends a table */
	int32_t min, max;              /* the range (see above) */
	uint16_t offset;               /* of the member in the destination */
	uint16_t count;                /* LIST: offset of the size_t count */
	uint16_t pos;                  /* SCHEMA_POS(...) or 0: not stored */
	uint8_t type;                  /* enum schema_type */
	uint8_t flags;                 /* SCHEMA_REQUIRED, _NONEMPTY, _ZERO */
	uint8_t only;                  /* the variants of the key; 0: all */
	/* indices into the file's struct schema_set; 0: none */
	uint8_t rule;                  /* text: range message {min} {max} {key} */
	uint8_t what;                  /* text: "KEY must be WHAT"; 0: the type's */
	uint8_t elsewhere;             /* text: the key in another variant, {key} */
	uint8_t names;                 /* ENUM: the words */
	uint8_t map;                   /* MAP: the mapping; LIST: each item */
	uint8_t read;                  /* CUSTOM */
	uint8_t check;                 /* optional, see above */
};

struct schema_map {
	const char *place;             /* "unknown key 'x' in PLACE" */
	const char *must;              /* not a mapping: "MUST, not X" */
	const struct schema_field *fields;
	size_t size;                   /* of one destination (LIST items) */
	schema_map_fn read;            /* NULL: check the keys, read every
					  row; else this does, by hand */
};

/* A key longer than a row holds does not compile (a negative array). */
#define SCHEMA_KEY_FITS(k) (0 * sizeof(char[sizeof(k) <= SCHEMA_KEY_SIZE ? 1 : -1]))
#define SCHEMA_KEY(k, T) .key = k, .type = SCHEMA_##T + SCHEMA_KEY_FITS(k)
#define SCHEMA_FIELD(k, T, st, member) \
	SCHEMA_KEY(k, T), .offset = offsetof(st, member)
#define SCHEMA_POS(st, member) (offsetof(st, member) + 1)
#define SCHEMA_END { .key = "" }

/* Text i of s's set (a row's .what, .rule or .elsewhere): NULL for 0. */
const char *schema_text(const struct schema *s, unsigned i);

/* Parses the file at s->path (buf NULL) or the len bytes at buf, hands
 * the root (NULL for an empty document) to read unless parsing failed,
 * and ends with schema_finish: 0 when there was no error, else -1. */
int schema_load(struct schema *s, const char *buf, size_t len,
		void (*read)(struct schema *s, const struct ynode *root),
		struct diags *d);

/* Moves the diagnostics into d sorted by position, at most
 * SCHEMA_MAX_ERRORS and then a summary; frees the rest. 0 when none was
 * an error, else -1. */
int schema_finish(struct schema *s, struct diags *d);

/* The top of a file: an empty one is "empty file; a PLACE needs 'k'" when
 * m has required keys (else nothing is read and all is well); otherwise
 * schema_read. */
bool schema_read_root(struct schema *s, const struct ynode *root,
		      const struct schema_map *m, void *dest);

/* node as a mapping of m into dest: not bad, a mapping (else m->must),
 * then m->read, or schema_check_keys and every row. True when that added
 * no error. */
bool schema_read(struct schema *s, const struct ynode *node,
		 const struct schema_map *m, void *dest);

/* (map may be NULL: an empty document.) Each key of map that m does not
 * know: "unknown key 'x' in PLACE", with
 * "; did you mean 'k'?" for a known key within 2 edits (whose absence is
 * then not reported again: no cascades). */
void schema_check_keys(struct schema *s, const struct ynode *map,
		       const struct schema_map *m);

/* The rows of m in the variant(s) into dest, then .elsewhere for keys of
 * the other rows. True when that added no error. */
bool schema_read_fields(struct schema *s, const struct ynode *map,
			const struct schema_map *m, void *dest,
			unsigned variant);

/* For custom readers and rules. */
void schema_error(struct schema *s, const struct ynode *at, const char *fmt,
		  ...) DIAG_PRINTF(3, 4);   /* at NULL: line 1, column 1 */
void schema_wrong_type(struct schema *s, const struct ynode *key,
		       const char *what);   /* "KEY must be WHAT, not X" */
/* Whether an unknown key of map was taken for key. */
bool schema_misspelled(const struct schema *s, const struct ynode *map,
		       const char *key);
/* A scalar's text in s->a, less trailing line breaks ("" when out of
 * memory, which schema_finish reports). */
const char *schema_strdup(struct schema *s, const struct ynode *n);
bool schema_is_text(const struct ynode *n);   /* a non-null scalar */
bool schema_is_blank(const char *str);        /* only spaces and breaks */

/* A limit (ms >= 0) as the rule messages write it: "0.5s", "1h", "1m30s",
 * "0s". */
#define SCHEMA_MS_BUF 32
const char *schema_ms_text(int64_t ms, char *buf, size_t size);

#endif
