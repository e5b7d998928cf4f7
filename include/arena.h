/* arena — bump allocation for data that lives and dies together (a routine,
 * an exercise library). One arena_free releases everything. */
#ifndef STRETCHTUI_ARENA_H
#define STRETCHTUI_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

/* Zeroed memory, aligned for any type; NULL only when out of memory. */
void *arena_alloc(struct arena *a, size_t size);
/* A copy of s (NULL gives NULL). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

#endif
