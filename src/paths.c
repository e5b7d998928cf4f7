/* paths — the per-user directories, by the XDG base directory rules: a
 * variable is used only when it holds an absolute path; otherwise the
 * default under $HOME (which must be absolute too). */
#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static int absolute(const char *s)
{
	return s && s[0] == '/';
}

/* "$VAR/stretchtui" when VAR is absolute, else "$HOME/FALLBACK/stretchtui". */
static int xdg_dir(const char *var, const char *fallback, char *buf,
		   size_t size)
{
	const char *v = getenv(var);
	int n;
	if (absolute(v)) {
		n = snprintf(buf, size, "%s/stretchtui", v);
	} else {
		const char *home = getenv("HOME");
		if (!absolute(home))
			return -1;
		n = snprintf(buf, size, "%s/%s/stretchtui", home, fallback);
	}
	if (n < 0 || (size_t)n >= size)
		return -1;
	return 0;
}

int paths_config_dir(char *buf, size_t size)
{
	return xdg_dir("XDG_CONFIG_HOME", ".config", buf, size);
}

int paths_state_dir(char *buf, size_t size)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state", buf, size);
}

/* mkdir one level; an existing directory is fine (whatever mkdir said,
 * e.g. EACCES or EROFS for a parent we may not write to). */
static int make_one(const char *dir)
{
	if (mkdir(dir, 0700) == 0)
		return 0;
	int err = errno;
	struct stat st;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		err = ENOTDIR;
	}
	errno = err;
	return -1;
}

int paths_mkdir_p(const char *dir)
{
	if (!dir || !*dir) {
		errno = ENOENT;
		return -1;
	}
	size_t len = strlen(dir);
	char *p = malloc(len + 1);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(p, dir, len + 1);
	/* Drop trailing slashes (but keep a lone "/"). */
	while (len > 1 && p[len - 1] == '/')
		p[--len] = '\0';
	int rc = 0;
	for (size_t i = 1; i < len && rc == 0; i++) {
		if (p[i] != '/' || p[i - 1] == '/')
			continue;
		p[i] = '\0';
		rc = make_one(p);
		p[i] = '/';
	}
	if (rc == 0)
		rc = make_one(p);
	int err = errno;
	free(p);
	errno = err;
	return rc;
}
