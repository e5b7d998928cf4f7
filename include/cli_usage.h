/* cli_usage — the --help text. */
#ifndef STRETCHTUI_CLI_USAGE_H
#define STRETCHTUI_CLI_USAGE_H

/* Prints the help on stdout: -1 when it was written, CLI_INVALID (after
 * saying why) when the write failed. */
int cli_usage(void);

#endif
