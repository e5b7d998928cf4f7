/* libFuzzer harness: any bytes through the routine loader (against the
 * built-in test library, so `use:` resolves) and, when they load, the plan.
 * Crashes, leaks, hangs and undefined behaviour are failures, and so is a
 * broken invariant (fuzz_common.h): rc 0 exactly when no error was
 * reported, and a valid plan for every routine plan_check accepts.
 * Diagnostics are the expected outcome. `make fuzz` runs it (clang);
 * `make test` replays tests/fuzz/regress/loader/ and the seed corpus. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct library lib;
	struct routine r;
	struct plan p;
	fuzz_library(&lib);
	if (fuzz_routine((const char *)data, size, &lib, &r, &p) == 0)
		plan_free(&p);
	routine_free(&r);
	library_free(&lib);
	return 0;
}
