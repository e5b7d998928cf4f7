/* sig — the signal self-pipe and suspend/continue (see sig.h). */
#include "sig.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* The self-pipe's write end: the one thing a handler touches. */
static volatile sig_atomic_t sig_wfd = -1;

static const int sig_fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
#define SIG_N_FATAL (sizeof sig_fatal / sizeof *sig_fatal)

static void sig_on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;
	if (sig_wfd >= 0 && write(sig_wfd, &b, 1) < 0)
		b = 0;
	errno = saved;
}

static void sig_handle_flags(int sig, int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = sig_on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART | flags;
	sigaction(sig, &sa, NULL);
}

static void sig_handle(int sig)
{
	sig_handle_flags(sig, 0);
}

static int sig_pipe_flags(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int sig_install(int which)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	if (sig_pipe_flags(fds[0]) != 0 || sig_pipe_flags(fds[1]) != 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	sig_wfd = fds[1];
	if (which & SIG_SET_FATAL)
		for (size_t i = 0; i < SIG_N_FATAL; i++)
			sig_handle(sig_fatal[i]);
	if (which & SIG_SET_TSTP)
		sig_handle(SIGTSTP);
	if (which & SIG_SET_WINCH)
		sig_handle(SIGWINCH);
	if (which & SIG_SET_CHLD)   /* ended, not stopped or continued */
		sig_handle_flags(SIGCHLD, SA_NOCLDSTOP);
	return fds[0];
}

void sig_restore(int fd)
{
	for (size_t i = 0; i < SIG_N_FATAL; i++)
		signal(sig_fatal[i], SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	signal(SIGWINCH, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	if (sig_wfd >= 0)
		close(sig_wfd);
	sig_wfd = -1;
	if (fd >= 0)
		close(fd);
}

void sig_drain(int fd, struct sig_seen *seen)
{
	unsigned char buf[64];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == SIGTSTP)
				seen->tstp = true;
			else if (buf[i] == SIGWINCH)
				seen->winch = true;
			else if (buf[i] == SIGCHLD)
				seen->chld = true;
			else if (buf[i] && !seen->fatal)
				seen->fatal = buf[i];
		}
	}
}

/* Stops until continued in the foreground of tty_fd. */
static void sig_stop_until_foreground(int tty_fd)
{
	signal(SIGTSTP, SIG_DFL);
	do {
		raise(SIGTSTP);
	} while (tty_fd >= 0 && isatty(tty_fd) && tcgetpgrp(tty_fd) != getpgrp());
	sig_handle(SIGTSTP);
}

void sig_suspend(int tty_fd, void (*leave)(void *), void (*back)(void *),
		 void *ctx)
{
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGTTOU, &ign, &old);
	leave(ctx);
	sig_stop_until_foreground(tty_fd);
	back(ctx);
	sigaction(SIGTTOU, &old, NULL);
}
