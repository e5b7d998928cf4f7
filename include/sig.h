/* sig — signals as data: a self-pipe that every handled signal writes its
 * number to, read by the front end's poll() loop; and stopping the process
 * for Ctrl-Z safely, even under a wrapper shell.
 *
 * The pipe's write end is the program's only file-scope mutable state:
 * the handlers do nothing but write one byte to it. */
#ifndef STRETCHTUI_SIG_H
#define STRETCHTUI_SIG_H

#include <stdbool.h>

enum sig_set {
	SIG_SET_FATAL = 1,    /* INT, TERM, HUP, QUIT, PIPE: end the session */
	SIG_SET_TSTP = 2,     /* Ctrl-Z */
	SIG_SET_WINCH = 4,    /* terminal resized */
	SIG_SET_CHLD = 8,     /* a child ended (the cue module reaps it) */
};

/* Creates the self-pipe and installs handlers for the signals in `which`.
 * Returns the pipe's read end (non-blocking), or -1. */
int sig_install(int which);
/* Puts every handled signal back to SIG_DFL and closes the pipe. */
void sig_restore(int fd);

/* What the pipe held. */
struct sig_seen {
	int fatal;            /* the first fatal signal's number, or 0 */
	bool tstp, winch, chld;
};

/* Reads what is in the pipe into *seen (a fatal signal already there
 * stays the first). */
void sig_drain(int fd, struct sig_seen *seen);

/* Ctrl-Z: leave(ctx) gives the terminal back, the process stops, and
 * once continued in the foreground of tty_fd, back(ctx) takes the
 * terminal again. SIGTTOU is ignored meanwhile, so restoring the terminal
 * never stops the process a second time when a wrapper's job was already
 * stopped; continued in the background (`bg`), it stops again until it
 * is in the foreground. */
void sig_suspend(int tty_fd, void (*leave)(void *), void (*back)(void *),
		 void *ctx);

#endif
