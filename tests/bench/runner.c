/* runner.c — runs a command and prints "WALL_MS MAXRSS_KIB STATUS" (from
 * wait4: the child's peak resident set) on one line to the file named
 * first, or stdout for "-". For tests/bench/goals.sh; not part of the
 * program. Usage: runner OUT CMD [ARG...] */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: runner OUT CMD [ARG...]\n", stderr);
		return 2;
	}
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	int st = 0;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &st, 0, &ru) != pid)
		return 1;
	double t1 = now_ms();
	FILE *f = argv[1][0] == '-' && !argv[1][1] ? stdout : fopen(argv[1], "w");
	if (!f)
		return 1;
	fprintf(f, "%.3f %ld %d\n", t1 - t0, ru.ru_maxrss,
		WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
	return f == stdout ? 0 : fclose(f) != 0;
}
