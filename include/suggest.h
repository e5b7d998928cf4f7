/* suggest — "did you mean ...?": the closest known word within 2 edits
 * (insert, delete, replace, or swap two neighbours). */
#ifndef STRETCHTUI_SUGGEST_H
#define STRETCHTUI_SUGGEST_H

#include <stddef.h>

#define SUGGEST_MAX_LEN 64   /* longer words get no suggestion */

struct suggest {
	const char *word;
	size_t len;
	const char *best;    /* the closest candidate so far, or NULL */
	size_t best_d;
};

struct suggest suggest_start(const char *word, size_t len);
/* Considers one candidate; keeps it when it is the closest yet. */
void suggest_offer(struct suggest *s, const char *candidate);

#endif
