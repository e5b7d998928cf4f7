/* figure — frames, their size and their mirror image (see figure.h). */
#include "figure.h"

#include <string.h>

#include "utf8.h"

void figure_frame_size(const char *frame, unsigned flags, int *rows,
		       int *cols)
{
	*rows = *cols = 0;
	while (*frame) {
		/* strchr, not strcspn: see add_env_dirs in catalog.c */
		const char *nl = strchr(frame, '\n');
		size_t len = nl ? (size_t)(nl - frame) : strlen(frame);
		int w = utf8_widthn(frame, len < FIGURE_ROW_MAX ? len : FIGURE_ROW_MAX,
				    flags);
		*cols = w > *cols ? w : *cols;
		++*rows;
		frame += len;
		if (!*frame)
			break;
		frame++;
	}
}

void figure_size(const struct strlist *frames, unsigned flags, int *rows,
		 int *cols)
{
	*rows = *cols = 0;
	for (size_t k = 0; k < frames->n; k++) {
		int h, w;
		figure_frame_size(frames->v[k], flags, &h, &w);
		*rows = h > *rows ? h : *rows;
		*cols = w > *cols ? w : *cols;
	}
}

char figure_mirror_char(char c)
{
	static const char from[] = "/\\()<>[]{}", to[] = "\\/)(><][}{";
	const char *k = c ? strchr(from, c) : NULL;
	return k ? to[k - from] : c;
}

/* Appends the n bytes at s to out (used of size, room kept for the NUL);
 * false when they do not fit. */
static bool figure_add(char *out, size_t size, size_t *used, const char *s,
		       size_t n)
{
	if (*used + n + 1 > size)
		return false;
	memcpy(out + *used, s, n);
	*used += n;
	return true;
}

size_t figure_mirror_row(const char *row, size_t len, int width,
			 unsigned flags, char *out, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return 0;
	len = len < FIGURE_ROW_MAX ? len : FIGURE_ROW_MAX;
	for (int pad = width - utf8_widthn(row, len, flags); pad > 0; pad--)
		if (!figure_add(out, size, &used, " ", 1))
			break;
	size_t end = len;
	while (end > 0) {   /* the character that ends at end, backwards */
		size_t start = end - 1;
		while (start > 0 && ((unsigned char)row[start] & 0xc0) == 0x80 &&
		       end - start < 4)
			start--;
		int cells;
		if (utf8_char(row + start, end - start, flags, &cells) != end - start)
			start = end - 1;    /* not one whole character: a byte */
		char c = figure_mirror_char(row[start]);
		bool ok = end - start == 1 ? figure_add(out, size, &used, &c, 1)
					   : figure_add(out, size, &used, row + start,
							end - start);
		if (!ok)
			break;
		end = start;
	}
	out[used] = '\0';
	return used;
}

bool figure_flipped(const struct exercise *x, int side_i)
{
	return x && x->mirror && side_i > 0 && side_i % 2 == 0;
}

size_t figure_frame_index(const struct exercise *x, int phase_i, bool ahead)
{
	size_t n = x->figure.n;
	if (n == 0)
		return 0;
	if (phase_i > 0)
		return (size_t)(phase_i - 1) % n;
	return ahead ? n - 1 : 0;
}
