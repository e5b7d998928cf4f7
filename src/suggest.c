/* suggest — the closest known word, for "did you mean ...?". */
#include "suggest.h"

#include <string.h>

/* Optimal string alignment distance (a swap of neighbours is one edit). */
static size_t suggest_distance(const char *a, size_t n, const char *b, size_t m)
{
	size_t d[SUGGEST_MAX_LEN + 1][SUGGEST_MAX_LEN + 1];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = d[i - 1][j - 1] + cost;
			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

struct suggest suggest_start(const char *word, size_t len)
{
	return (struct suggest){ word, len, NULL, 0 };
}

void suggest_offer(struct suggest *s, const char *cand)
{
	size_t m = strlen(cand);
	if (s->len > SUGGEST_MAX_LEN || m > SUGGEST_MAX_LEN ||
	    (s->len > m ? s->len - m : m - s->len) > 2)
		return;
	size_t d = suggest_distance(s->word, s->len, cand, m);
	if (d <= 2 && d < s->len && (!s->best || d < s->best_d)) {
		s->best = cand;
		s->best_d = d;
	}
}
