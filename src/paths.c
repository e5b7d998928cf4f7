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

int paths_state_read(const char *name, char *buf, size_t size)
{
	char dir[PATHS_MAX], path[PATHS_MAX];
	if (size == 0 || paths_state_file(name, dir, path, sizeof path) != 0)
		return -1;
	int fd = paths_open_regular(path);
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

int paths_state_write(const char *name, const char *line)
{
	char dir[PATHS_MAX], path[PATHS_MAX], tmp[PATHS_MAX + 8];
	if (paths_state_file(name, dir, path, sizeof path) != 0 || paths_mkdir_p(dir) != 0)
		return -1;
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
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
	if (ok && rename(tmp, path) == 0)
		return 0;
	if (ok)
		err = errno;
	unlink(tmp);
	errno = err;
	return -1;
}

char *paths_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}
