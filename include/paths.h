/* paths — the per-user directories (XDG base directory rules). */
#ifndef STRETCHTUI_PATHS_H
#define STRETCHTUI_PATHS_H

#include <limits.h>
#include <stddef.h>

/* A path's buffer: PATH_MAX where the system has one. */
#ifdef PATH_MAX
#define PATHS_MAX PATH_MAX
#else
#define PATHS_MAX 4096
#endif

/* $XDG_CONFIG_HOME/stretchtui (default ~/.config/stretchtui) into buf.
 * 0 on success, -1 when neither variable gives an absolute path or buf is
 * too small. */
int paths_config_dir(char *buf, size_t size);
/* $XDG_STATE_HOME/stretchtui (default ~/.local/state/stretchtui). */
int paths_state_dir(char *buf, size_t size);
/* "CONFIG_DIR/name" and "STATE_DIR/name" in a new allocation (free it),
 * or NULL with errno set (ENOENT: no usable variable). */
char *paths_config_path(const char *name);
char *paths_state_path(const char *name);
/* mkdir -p with mode 0700 for the parts it creates. 0 or -1 (errno set). */
int paths_mkdir_p(const char *dir);
/* "DIR/NAME" in a new allocation (free it), or NULL. */
char *paths_join(const char *dir, const char *name);

/* Opens a file for reading without ever blocking on it: a FIFO, a device
 * or a directory is refused (PATHS_NOT_REGULAR) before anything is read.
 * The descriptor (blocking again, close-on-exec), or -1 with errno set. */
#define PATHS_NOT_REGULAR (-2)
int paths_open_regular(const char *path);
/* The same with open's flags and mode (O_NONBLOCK and O_CLOEXEC added):
 * for writing, say (the history appends this way). */
int paths_open_regular_as(const char *path, int flags, unsigned mode);

/* $XDG_STATE_HOME/stretchtui/NAME into buf, and the directory into dir
 * (both size bytes). 0, or -1 with errno set (ENOENT: no usable HOME). */
int paths_state_file(const char *name, char *dir, char *buf, size_t size);

/* A small state file's first line ($XDG_STATE_HOME/stretchtui/NAME), into
 * buf without its newline. 0, or -1 when there is none. */
int paths_state_read(const char *name, char *buf, size_t size);
/* Replaces it (written to a temporary file, then renamed). 0 or -1 with
 * errno set; the directory is created when missing. */
int paths_state_write(const char *name, const char *line);
/* Removes it. 0, or -1 with errno set (ENOENT: there was none). */
int paths_state_remove(const char *name);

#endif
