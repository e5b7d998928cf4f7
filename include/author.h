/* author — writing routines: `check` (validate files), `new` (a commented
 * skeleton routine in the user directory) and `edit` (copy a built-in
 * routine to the user directory, open an editor, check the result, and
 * replace the file only when asked to: never half-written).
 * Returns exit statuses (cli.h); messages go to stdout and stderr. */
#ifndef STRETCHTUI_AUTHOR_H
#define STRETCHTUI_AUTHOR_H

#include "catalog.h"

/* `stretchtui check FILE...`: each file as a routine, an exercise library
 * (exercises.yaml) or a settings file (config.yaml), by its base name;
 * "FILE: ok, ..." on stdout, diagnostics on stderr; 1 on any error. */
int author_check(struct catalog *c, char **files, int n);

/* `stretchtui new ID`: $XDG_CONFIG_HOME/stretchtui/routines/ID.yaml, a
 * skeleton that passes `check` and shows each part of the format once.
 * Refuses an id that exists (in any directory) or is not a usable file
 * name (1). */
int author_new(struct catalog *c, const char *id);

/* The id rule of `new`: NULL when id is usable, else why not. */
const char *author_id_problem(const char *id);

/* `stretchtui edit ROUTINE` (an id as `play` takes it, or a path),
 * `edit exercises` (the user's exercise library) and `edit config`
 * (config.yaml). The editor is $VISUAL, else $EDITOR, else vi, run by
 * /bin/sh -c on a copy in a temporary directory beside the file; after it
 * exits 0 the copy is checked and, when good (or kept anyway), renamed
 * over the file. On errors it asks on the terminal: e edit again, k keep
 * anyway, r revert. 0 when a valid file was written (or nothing changed),
 * 1 when the editor failed, the edit was reverted or kept with errors. */
int author_edit(struct catalog *c, const char *arg);

#endif
