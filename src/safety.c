/* safety — the safety notice (safety.txt beside the routines) and the
 * marker that says it has been shown on this machine. */
#include "safety.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "paths.h"
#include "utf8.h"

#define SAFETY_FILE   "safety.txt"
#define SAFETY_MARKER "safety-seen"
#define SAFETY_MAX    (64 * 1024)   /* a notice, not a book */

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

/* The whole of a regular file, NUL-terminated; NULL when it cannot be read
 * or is larger than SAFETY_MAX. */
static char *slurp(const char *path)
{
	int fd = paths_open_regular(path);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || st.st_size > SAFETY_MAX) {
		fclose(f);
		return NULL;
	}
	char *buf = malloc(SAFETY_MAX + 1);
	if (!buf) {
		fclose(f);
		return NULL;
	}
	size_t n = fread(buf, 1, SAFETY_MAX + 1, f);
	int bad = ferror(f) || n > SAFETY_MAX;
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	char *shrunk = realloc(buf, n + 1);
	return shrunk ? shrunk : buf;
}

char *safety_load(const struct catalog *c)
{
	if (!c)
		return NULL;
	/* Highest priority last: search from the end. */
	for (size_t i = c->n_dirs; i-- > 0;) {
		char path[PATH_MAX];
		int n = snprintf(path, sizeof path, "%s/%s", c->dirs[i],
				 SAFETY_FILE);
		if (n < 0 || (size_t)n >= sizeof path)
			continue;
		char *text = slurp(path);
		if (text)
			return text;
	}
	return NULL;
}

static int marker_path(char *buf, size_t size, char *dir, size_t dir_size)
{
	if (paths_state_dir(dir, dir_size) != 0)
		return -1;
	int n = snprintf(buf, size, "%s/%s", dir, SAFETY_MARKER);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

bool safety_seen(void)
{
	char dir[PATH_MAX], path[PATH_MAX];
	if (marker_path(path, sizeof path, dir, sizeof dir) != 0)
		return false;
	struct stat st;
	return stat(path, &st) == 0;
}

int safety_mark_seen(void)
{
	char dir[PATH_MAX], path[PATH_MAX];
	if (marker_path(path, sizeof path, dir, sizeof dir) != 0) {
		errno = ENOENT;
		return -1;
	}
	if (paths_mkdir_p(dir) != 0)
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	return close(fd) == 0 ? 0 : -1;
}

int safety_mark_seen_or_say(char *buf, size_t size)
{
	if (safety_mark_seen() == 0)
		return 0;
	int err = errno;
	char dir[PATH_MAX], msg[PATH_MAX + 256];
	if (paths_state_dir(dir, sizeof dir) != 0)
		snprintf(dir, sizeof dir, "%s", "$XDG_STATE_HOME or $HOME");
	snprintf(msg, sizeof msg, "cannot record that the safety notice was read "
		 "(%s: %s); it will be shown again next time", dir, strerror(err));
	struct diag g = { DIAG_WARNING, NULL, 0, 0, msg };
	diag_format(&g, buf, size);   /* the directory comes from the environment */
	return -1;
}

int safety_print(const struct catalog *c, FILE *out)
{
	char *text = safety_load(c);
	if (!text) {
		diag_msg(DIAG_ERROR, "no safety notice found (" SAFETY_FILE
			 " in the routine directories)");
		return 1;
	}
	safety_put(text, out);
	free(text);
	return ferror(out) ? 1 : 0;   /* the caller reports write errors */
}

void safety_put(const char *text, FILE *out)
{
	size_t n = strlen(text);
	utf8_fput(text, n, utf8_out_flags() | UTF8_KEEP_NL, out);
	if (n == 0 || text[n - 1] != '\n')
		fputc('\n', out);
}
