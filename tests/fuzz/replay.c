/* replay — a standalone driver for a fuzz harness, so that `make test`
 * replays every regression input and the seed corpus with the normal
 * compiler, without clang or libFuzzer:
 *     replay NAME PATH...
 * Each PATH is a file, or a directory whose files (not its subdirectories
 * nor dot files) are taken. Each input runs in a child process, so a crash
 * (abort, signal) or an input slower than REPLAY_TIMEOUT_S seconds counts
 * as one failure and the others still run. Prints
 *     NAME: N inputs, F failed
 * and exits 1 when F > 0 or a path cannot be read. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz_common.h"

#define REPLAY_TIMEOUT_S 10
#define REPLAY_MAX_BYTES (4 * 1024 * 1024)

struct replay {
	const char *name;
	unsigned long inputs, failed;
	int status;                 /* exit status */
};

/* The whole file, malloc'd (at least one byte, for an empty file). */
static unsigned char *replay_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *buf = malloc(REPLAY_MAX_BYTES + 1);
	*len = buf ? fread(buf, 1, REPLAY_MAX_BYTES + 1, f) : 0;
	int bad = !buf || ferror(f) || *len > REPLAY_MAX_BYTES;
	fclose(f);
	if (bad) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void replay_child(const unsigned char *buf, size_t len)
{
	alarm(REPLAY_TIMEOUT_S);
	LLVMFuzzerTestOneInput(buf, len);
	exit(0);    /* not _exit: LeakSanitizer reports at exit */
}

static void replay_report(struct replay *rp, const char *path, int ws)
{
	rp->failed++;
	rp->status = 1;
	if (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGALRM)
		fprintf(stderr, "%s: %s: slower than %d s\n", rp->name, path,
			REPLAY_TIMEOUT_S);
	else if (WIFSIGNALED(ws))
		fprintf(stderr, "%s: %s: killed by signal %d\n", rp->name, path,
			WTERMSIG(ws));
	else
		fprintf(stderr, "%s: %s: exit status %d\n", rp->name, path,
			WEXITSTATUS(ws));
}

static void replay_file(struct replay *rp, const char *path)
{
	size_t len;
	unsigned char *buf = replay_read(path, &len);
	if (!buf) {
		fprintf(stderr, "%s: %s: cannot read\n", rp->name, path);
		rp->status = 1;
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0)
		replay_child(buf, len);
	int ws = 0;
	while (pid > 0 && waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	rp->inputs++;
	if (pid < 0 || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0)
		replay_report(rp, path, ws);
	free(buf);
}

static void replay_dir(struct replay *rp, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "%s: %s: cannot open\n", rp->name, dir);
		rp->status = 1;
		return;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		size_t n = strlen(dir) + strlen(de->d_name) + 2;
		char *path = malloc(n);
		struct stat st;
		if (!path)
			break;
		snprintf(path, n, "%s/%s", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			replay_file(rp, path);
		free(path);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s NAME PATH...\n", argv[0]);
		return 2;
	}
	struct replay rp = { .name = argv[1] };
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 2; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			replay_dir(&rp, argv[i]);
		else
			replay_file(&rp, argv[i]);
	}
	printf("%s: %lu inputs, %lu failed\n", rp.name, rp.inputs, rp.failed);
	return rp.status;
}
