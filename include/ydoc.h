/* ydoc — one YAML document as a small tree of nodes with positions, built
 * from libyaml's event API under the loader's safety limits (loader.h).
 *
 * Before libyaml sees a byte, a pre-scan rejects NUL bytes, control
 * characters, invalid UTF-8 and tabs in indentation. While events arrive,
 * the builder rejects a second document, nesting deeper than
 * LOADER_MAX_DEPTH, anchors and aliases, tags, scalars longer than
 * LOADER_MAX_SCALAR, control characters produced by escapes, keys that are
 * not scalars, and duplicate keys. Problems that leave the tree whole mark
 * the node `bad` (reported once: later stages skip it silently); the others
 * (syntax errors, depth, anchors and aliases) stop parsing and leave no
 * tree. Part of the loader; nothing else should need it. */
#ifndef STRETCHTUI_YDOC_H
#define STRETCHTUI_YDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ynode {
	enum ynode_kind kind;
	int line, col;              /* 1-based start of the node */
	const char *str;            /* SCALAR: the text, NUL-terminated */
	size_t len;
	bool plain;                 /* SCALAR: written without quotes */
	bool bad;                   /* already reported: skip it silently */
	struct ynode *head, *tail;  /* SEQ: the items; MAP: the keys */
	size_t n;
	struct ynode *next;         /* the next item, or the next key */
	struct ynode *value;        /* a MAP key's value */
};

struct ydoc {
	struct arena arena;         /* owns every node and string */
	struct ynode *root;         /* NULL for an empty file or on failure */
};

/* Reads path (at most LOADER_MAX_FILE bytes, checked before reading) and
 * parses it. Problems go to d, located in `path`. 0 when doc->root (which
 * may be NULL for an empty document) is a complete tree, -1 when the file
 * could not be read or parsed. A complete tree may still have added
 * errors (its bad nodes are marked): unlike the rest of the program
 * (diag.h), 0 does not mean "no error". Free with ydoc_free either way. */
int ydoc_load_file(struct ydoc *doc, const char *path, struct diags *d);

/* The bytes of path as ydoc_load_file reads them (a regular file, at
 * most LOADER_MAX_FILE bytes checked before reading; its size is what is
 * allocated): malloc'd, or NULL with a diagnostic in d. For the catalog,
 * which looks at a routine's text before it is parsed. */
char *ydoc_read_file(const char *path, size_t *len, struct diags *d);

/* The same for bytes in memory (len need not be NUL-terminated) that
 * stand in their file after line0 other lines: every line number, of a
 * node or a diagnostic, counts those too. */
int ydoc_parse(struct ydoc *doc, const char *path, const char *buf,
	       size_t len, int line0, struct diags *d);

void ydoc_free(struct ydoc *doc);

/* libyaml is not linked: each parse opens it (dlopen) and closes it
 * again, so that a command that parses nothing never maps it, and one
 * that has parsed does not keep it. A batch of parses holds it once, for
 * the price of one load: ydoc_hold returns the hold (NULL when libyaml
 * will not load; each parse then says why), ydoc_release lets it go. */
void *ydoc_hold(void);
void ydoc_release(void *hold);

/* A plain empty, ~ or null scalar. */
bool ynode_is_null(const struct ynode *n);

/* The key node (its value in ->value) of map named key, skipping bad keys;
 * NULL when absent or when map is not a mapping. */
const struct ynode *ynode_find(const struct ynode *map, const char *key);


/* True when n, or a node under it (keys included), is bad: something in
 * it was refused while parsing. Recursion is bounded by LOADER_MAX_DEPTH. */
bool ynode_has_bad(const struct ynode *n);

/* What a node is, for messages: "empty", "a list", "a mapping", or the
 * scalar's text in quotes (shortened), into buf. Returns buf. */
const char *ynode_describe(const struct ynode *n, char *buf, size_t size);

#endif
