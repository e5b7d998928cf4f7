/* figure — an exercise's ASCII-art frames: their size, which frame a
 * moment shows, and their mirror image for the other side. Pure: no
 * terminal, no allocation. A frame is rows of text separated by '\n';
 * widths are display cells as utf8.h measures the safe form with flags
 * (the view's: 0, or UTF8_ASCII). */
#ifndef STRETCHTUI_FIGURE_H
#define STRETCHTUI_FIGURE_H

#include <stdbool.h>
#include <stddef.h>

#include "routine.h"

#define FIGURE_ROW_MAX 512   /* bytes of a row taken into account */

/* Rows and widest row of a frame. */
void figure_frame_size(const char *frame, unsigned flags, int *rows,
		       int *cols);
/* The tallest and widest of all frames: the box every frame sits in. */
void figure_size(const struct strlist *frames, unsigned flags, int *rows,
		 int *cols);

/* The character a mirror shows for c: / and \, ( and ), < and >, [ and ],
 * { and } swap; any other byte is itself. */
char figure_mirror_char(char c);

/* Row (len bytes) flipped within a box width cells wide: padded with
 * spaces to width, its characters (whole UTF-8 sequences, not bytes) in
 * reverse order, each through figure_mirror_char. A row wider than width
 * is flipped within its own width. Writes at most size bytes, NUL
 * included, never part of a character; returns the bytes written. */
size_t figure_mirror_row(const char *row, size_t len, int width,
			 unsigned flags, char *out, size_t size);

/* Whether side side_i (1-based) of x shows its frames flipped: with
 * mirror: true, every second side. */
bool figure_flipped(const struct exercise *x, int side_i);

/* The frame of x (which has frames) a segment shows, by its phase
 * (1-based; 0 for a hold or a transition): phase k shows frame k
 * (counted round when there are fewer frames); a transition that leads
 * into reps (ahead true) shows the last frame, which is where a rep
 * starts (each frame shows where its phase ends); else the first. */
size_t figure_frame_index(const struct exercise *x, int phase_i, bool ahead);

#endif
