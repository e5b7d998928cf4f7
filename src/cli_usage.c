/* cli_usage — the text of --help: the commands, the options, the key
 * lists (from the key tables), the exit statuses. A module of its own so
 * that its text is not mapped with the player's constants (Makefile,
 * COLD_DATA). */
#include "cli_usage.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "history_report.h"
#include "keys.h"
#include "remind.h"

static const char usage_head[] =
	"Usage: stretchtui [OPTION]... [COMMAND [ARG]...]\n"
	"Guided stretch routines in the terminal.\n"
	"\n"
	"Commands:\n"
	"  (none)            pick a routine from the menu, then play it\n"
	"  play ROUTINE      play a routine: an id from 'list' (or a unique start\n"
	"                    of one), a routine's name, or a file path\n"
	"  play --resume     go on with the session stopped last (see --resume)\n"
	"  list [--ids]      the routines: id, name, total time, tags, equipment\n"
	"                    (--ids: only the ids, one a line, without reading\n"
	"                    the files: for shell completion)\n"
	"  show ROUTINE      the plan: every segment with its start time; the total\n"
	"                    (ROUTINE as for play)\n"
	"  check FILE...     validate routine files (and exercises.yaml,\n"
	"                    config.yaml); errors as FILE:LINE:COL: error: MESSAGE,\n"
	"                    exit 1 on any\n"
	"  new ID            write a commented skeleton routine ID.yaml in your\n"
	"                    routines directory (it passes check as it is)\n"
	"  edit ROUTINE      open a routine in $VISUAL, else $EDITOR, else vi; a\n"
	"                    built-in one is first copied to your directory (the\n"
	"                    copy overrides it); checked when the editor exits, and\n"
	"                    on errors: e edit again, k keep anyway, r revert.\n"
	"                    'edit exercises': your exercise library; 'edit config':\n"
	"                    your settings\n"
	"  config            every setting: its value and where it came from\n"
	"                    ($XDG_CONFIG_HOME/stretchtui/config.yaml, NO_COLOR,\n"
	"                    the options; the command line wins)\n"
	"  safety            print the safety notice\n";

/* The options, after the commands (and the history command's own). */
static const char usage_options[] =
	"\n"
	"Options:\n"
	"  --routines DIR    also read routines from DIR (overrides same ids)\n"
	"  --plain           line-by-line output, no full-screen interface\n"
	"                    (the default when standard output is not a terminal)\n"
	"  --no-color        no colours (also when NO_COLOR is set)\n"
	"  --quiet           no terminal bell\n"
	"  --speak           say the cues aloud (espeak-ng, else spd-say)\n"
	"  --speech-command CMD\n"
	"                    say them with CMD, the text as its last argument\n"
	"                    (implies --speak)\n"
	"  --on-event CMD    run CMD with /bin/sh at each event of a session,\n"
	"                    STRETCHTUI_EVENT, STRETCHTUI_EXERCISE, ... set\n"
	"  --speed FACTOR    play FACTOR times faster, 0.1 to 100 (to preview)\n"
	"  --no-safety       skip the first-run safety notice\n"
	"  --from STEP       (play) start at step STEP: its number, or an exercise's\n"
	"                    name or the start of one\n"
	"  --resume          (play) go on with the session that was quit or ended\n"
	"                    by a signal within the last hour, where it stopped\n"
	"  -h, --help        this help\n"
	"  -V, --version     the version and the built-in routines directory\n";

static const char usage_tail[] =
	"Routines are read from the built-in directory, then\n"
	"$XDG_CONFIG_HOME/stretchtui/routines (~/.config/stretchtui/routines),\n"
	"then each directory in $STRETCHTUI_PATH (colon-separated), then --routines.\n"
	"Exit status: 0 success, 1 invalid input or unknown routine (edit: the\n"
	"editor failed, or the edit was reverted or kept with errors), 2 usage\n"
	"error, 128+N when signal N ended a session.\n";

/* "Player keys:" and one line per key of table t (no title: more of the
 * list above). */
static void usage_keys(const char *title, const struct keys_table *t)
{
	char names[64];
	if (title)
		printf("\n%s\n", title);
	for (const struct keys_row *r = keys_next(t, NULL); r; r = keys_next(t, r))
		printf("  %-18s%s\n", keys_names(r, ", ", false, names, sizeof names),
		       keys_word(r, KEYS_HELP));
}

/* The help, longer than a block: a write that fails on the way leaves
 * nothing for close_stdout to flush (and so no errno), so it is told
 * here, where errno still holds the reason. -1, or CLI_INVALID. */
int cli_usage(void)
{
	errno = 0;
	fputs(usage_head, stdout);
	fputs(history_report_usage, stdout);
	fputs(remind_usage, stdout);
	fputs(remind_status_usage, stdout);
	fputs(usage_options, stdout);
	usage_keys("Player keys:", &keys_player);
	usage_keys("Menu keys:", &keys_menu);
	printf("\nFinish screen keys (the check-in first; plain mode asks it on a "
	       "terminal):\n");
	usage_keys(NULL, &keys_checkin);
	usage_keys(NULL, &keys_finish);
	usage_keys("Reminder keys:", &keys_remind);
	putchar('\n');
	fputs(usage_tail, stdout);
	if (fflush(stdout) == 0 && !ferror(stdout))
		return -1;
	diag_msg(DIAG_ERROR, "write error: %s", strerror(errno ? errno : EIO));
	clearerr(stdout);
	return CLI_INVALID;
}
