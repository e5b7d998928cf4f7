/* paths — the per-user directories, by the XDG base directory rules: a
 * variable is used only when it holds an absolute path; otherwise the
 * default under $HOME (which must be absolute too). */
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>


static int absolute(const char *s)
{
	return s && s[0] == '/';
}

/* The base of an XDG directory: $VAR when it is absolute, else $HOME with
 * *tail the fallback ("/.config") to append; NULL when neither will do. */
static const char *xdg_base(const char *var, const char *fallback,
			    const char **tail)
{
	const char *v = getenv(var);
	*tail = "";
	if (absolute(v))
		return v;
	*tail = fallback;
	v = getenv("HOME");
	return absolute(v) ? v : NULL;
}

/* "BASE/stretchtui" into buf. */
static int xdg_dir(const char *var, const char *fallback, char *buf,
		   size_t size)
{
	const char *tail, *base = xdg_base(var, fallback, &tail);
	int n = base ? snprintf(buf, size, "%s%s/stretchtui", base, tail) : -1;
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

int paths_config_dir(char *buf, size_t size)
{
	return xdg_dir("XDG_CONFIG_HOME", "/.config", buf, size);
}

int paths_state_dir(char *buf, size_t size)
{
	return xdg_dir("XDG_STATE_HOME", "/.local/state", buf, size);
}

/* "BASE/stretchtui/name" with suffix, malloc'd: no PATHS_MAX buffer on
 * the stack (a play opens its catalog and writes its state under the
 * screen, and the stack it reaches stays resident). *dir_len gets the
 * directory's length, its '/' after it. NULL with errno set when there
 * is none. */
static char *xdg_path(const char *var, const char *fallback, const char *name,
		      const char *suffix, size_t *dir_len)
{
	const char *tail, *base = xdg_base(var, fallback, &tail);
	if (!base) {
		errno = ENOENT;
		return NULL;
	}
	int n = snprintf(NULL, 0, "%s%s/stretchtui", base, tail);
	size_t size = (size_t)n + strlen(name) + strlen(suffix) + 2;
	char *p = n < 0 ? NULL : malloc(size);
	if (!p) {
		errno = ENOMEM;
		return NULL;
	}
	snprintf(p, size, "%s%s/stretchtui/%s%s", base, tail, name, suffix);
	*dir_len = (size_t)n;
	return p;
}

static char *state_path(const char *name, const char *suffix, size_t *dir_len)
{
	return xdg_path("XDG_STATE_HOME", "/.local/state", name, suffix, dir_len);
}

char *paths_config_path(const char *name)
{
	size_t dir_len;
	return xdg_path("XDG_CONFIG_HOME", "/.config", name, "", &dir_len);
}

char *paths_state_path(const char *name)
{
	size_t dir_len;
	return state_path(name, "", &dir_len);
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

int paths_open_regular(const char *path)
{
	return paths_open_regular_as(path, O_RDONLY, 0);
}

int paths_open_regular_as(const char *path, int flags, unsigned mode)
{
	int fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, (mode_t)mode);
	if (fd < 0)
		return -1;
	struct stat st;
	int fl = fcntl(fd, F_GETFL);
	if (fstat(fd, &st) != 0 || fl < 0) {
		int err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		return PATHS_NOT_REGULAR;
	}
	if (fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int paths_state_file(const char *name, char *dir, char *path, size_t size)
{
	if (paths_state_dir(dir, size) != 0) {
		errno = ENOENT;
		return -1;
	}
	int n = snprintf(path, size, "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int paths_state_remove(const char *name)
{
	char *path = paths_state_path(name);
	int rc = path ? unlink(path) : -1;
	free(path);
	return rc;
}

int paths_state_read(const char *name, char *buf, size_t size)
{
	char *path = size ? paths_state_path(name) : NULL;
	int fd = path ? paths_open_regular(path) : -1;
	free(path);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf[0] ? 0 : -1;
}

#define STATE_TMP ".tmp"   /* a state file is written under NAME.tmp first */

/* Writes line to tmp, then renames it to path (tmp without STATE_TMP). */
static int write_renamed(char *tmp, const char *line)
{
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	size_t len = strlen(line);
	int ok = write(fd, line, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	int err = errno;
	if (close(fd) != 0 && ok) {
		ok = 0;
		err = errno;
	}
	char *path = ok ? strndup(tmp, strlen(tmp) - (sizeof STATE_TMP - 1)) : NULL;
	if (path && rename(tmp, path) == 0) {
		free(path);
		return 0;
	}
	if (ok)
		err = path ? errno : ENOMEM;
	free(path);
	unlink(tmp);
	errno = err;
	return -1;
}

int paths_state_write(const char *name, const char *line)
{
	size_t dir_len;
	char *tmp = state_path(name, STATE_TMP, &dir_len);
	if (!tmp)
		return -1;
	tmp[dir_len] = '\0';
	int rc = paths_mkdir_p(tmp);
	tmp[dir_len] = '/';
	if (rc == 0)
		rc = write_renamed(tmp, line);
	int err = errno;
	free(tmp);
	errno = err;
	return rc;
}

char *paths_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}
