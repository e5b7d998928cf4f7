/* safety — the safety notice shipped as data (safety.txt beside the
 * routines), shown before the first session on a machine, in the help
 * overlay, and by `stretchtui safety`. */
#ifndef STRETCHTUI_SAFETY_H
#define STRETCHTUI_SAFETY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalog.h"

/* The text of the notice: safety.txt from the catalog's directories, the
 * highest-priority one that has it. malloc'd; NULL when none is found. */
char *safety_load(const struct catalog *c);

/* Whether the notice has been shown on this machine (a marker file in the
 * state directory), and recording that it has. */
bool safety_seen(void);
int safety_mark_seen(void);
/* safety_mark_seen; when it fails, buf gets a one-line warning for the
 * person (the marker's directory and the reason: the notice will be shown
 * again) and -1 is returned. */
int safety_mark_seen_or_say(char *buf, size_t size);

/* `stretchtui safety`: prints the notice; exit status (1 when missing or
 * when out has an error; the caller reports write errors). */
int safety_print(const struct catalog *c, FILE *out);

/* The notice's text on out, made safe (its own line breaks kept, every
 * other control escaped), ending in a newline. */
void safety_put(const char *text, FILE *out);

#endif
