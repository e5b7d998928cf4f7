/* cli_list — the list and show commands: a file of their own, so that a
 * play neither maps their constants (COLD_DATA) nor carries their stack
 * frames and code in cli_main, where they were inlined. */
#ifndef STRETCHTUI_CLI_LIST_H
#define STRETCHTUI_CLI_LIST_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"
#include "cli.h"
#include "diag.h"
#include "plan.h"

/* list (ids: list --ids, the catalog's ids only, no file read): the
 * exit status. */
int cli_list(struct catalog *c, bool ids);
/* show ROUTINE: its plan, segment by segment. */
int cli_show(struct catalog *c, const char *arg);

/* Loads routine arg and its plan; its problems go to stderr. */
static inline int cli_load_plan(struct catalog *c, const char *arg, struct routine *r,
				struct plan *p)
{
	struct diags d = { 0 };
	int rc = catalog_load_plan(c, arg, r, p, &d) == 0 ? CLI_OK : CLI_INVALID;
	diag_print(&d, stderr);
	diag_free(&d);
	return rc;
}

#endif
