/* paths — the per-user directories (XDG base directory rules). */
#ifndef STRETCHTUI_PATHS_H
#define STRETCHTUI_PATHS_H

#include <stddef.h>

/* $XDG_CONFIG_HOME/stretchtui (default ~/.config/stretchtui) into buf.
 * 0 on success, -1 when neither variable gives an absolute path or buf is
 * too small. */
int paths_config_dir(char *buf, size_t size);
/* $XDG_STATE_HOME/stretchtui (default ~/.local/state/stretchtui). */
int paths_state_dir(char *buf, size_t size);
/* mkdir -p with mode 0700 for the parts it creates. 0 or -1 (errno set). */
int paths_mkdir_p(const char *dir);

#endif
