/* fuzz_common — what the fuzz harnesses share: a real abort on a broken
 * invariant (a harness is the one place that aborts), the loader's and the
 * plan's invariants, and the test library tests/data/good/exercises.yaml
 * built in (as generated into $(BUILD)/fuzz_lib.h), so `use:` ids resolve
 * without reading a file. */
#ifndef STRETCHTUI_FUZZ_COMMON_H
#define STRETCHTUI_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "loader.h"
#include "plan.h"
#include "schema.h"

/* A load's diagnostics: SCHEMA_MAX_ERRORS then one summary line. */
#define FUZZ_MAX_LOAD_DIAGS (SCHEMA_MAX_ERRORS + 1)

#define FUZZ_ASSERT(c) ((c) ? (void)0 : fuzz_fail(#c, __FILE__, __LINE__))

/* The entry point every harness defines (libFuzzer's, or replay.c's). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Called once before the first input (by libFuzzer, or replay.c): holds
 * libyaml for the whole run (ydoc_hold), so that it is not opened and
 * closed again for each input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

_Noreturn void fuzz_fail(const char *what, const char *file, int line);

/* A load's return code against its diagnostics: rc 0 exactly when d has no
 * error, every diagnostic has a file and a message, at most max of them. */
void fuzz_check_diags(int rc, const struct diags *d, size_t max);

/* A plan plan_check accepted: contiguous segments from 0 to total_ms, each
 * within its step and its counts, total within the 4 h limit. */
void fuzz_check_plan(const struct routine *r, const struct plan *p);

/* The built-in library (it must load without errors). */
void fuzz_library(struct library *lib);

/* buf as a routine against the built-in library, with both checks above.
 * 0 with a valid plan in p (plan_free it); -1 otherwise. routine_free r
 * either way. */
int fuzz_routine(const char *buf, size_t len, struct library *lib,
		 struct routine *r, struct plan *p);

#endif
