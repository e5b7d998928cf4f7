/* arena — bump allocation in growing blocks. */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_FIRST 512    /* an arena's first block: many only ever hold a
			      * few names (a play's catalog: one entry) */
#define ARENA_BLOCK 4096

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
	size_t a = alignof(max_align_t);
	return (n + a - 1) / a * a;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size = align_up(size ? size : 1);
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t want = b ? ARENA_BLOCK : ARENA_FIRST;
		size_t cap = size > want ? size : want;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = a->head;
		b->used = 0;
		b->size = cap;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return memset(p, 0, size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	if (p)
		memcpy(p, s, n);
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
