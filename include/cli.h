/* cli — the command line: options, subcommands, exit codes.
 *   0 success, 1 invalid input (bad routine, unknown routine), 2 usage. */
#ifndef STRETCHTUI_CLI_H
#define STRETCHTUI_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "session.h"

#include "remind.h"

enum { CLI_OK = 0, CLI_INVALID = 1, CLI_USAGE = 2 };

#define CLI_SPEED_MIN 0.1
#define CLI_SPEED_MAX 100.0

struct cli_options {
	const char *command;        /* NULL: the menu */
	char **args;                /* operands after the command */
	int n_args;
	const char *routines_dir;   /* --routines DIR, or NULL */
	struct session_options s;   /* what the front ends are told (--speed,
	                             * --quiet, ..., merged with the settings) */
	bool plain;                 /* --plain (or stdout not a terminal) */
	const char *from;           /* --from STEP (play), or NULL */
	bool resume;                /* --resume (play) */
	int64_t resume_ms;          /* the plan time --resume goes on from */
	struct remind_options remind;   /* remind's --every, --hours, ... */
	bool ids;                   /* list --ids: only the ids */
};

/* Runs the program; returns the exit status. */
int cli_main(int argc, char **argv);

#endif
