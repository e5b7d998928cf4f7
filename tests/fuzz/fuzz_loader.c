/* libFuzzer harness: any bytes through the loader and, when they load, the
 * plan. Build and run with `make fuzz` (clang). Crashes, leaks, hangs and
 * undefined behaviour are failures; diagnostics are the expected outcome. */
#include <stddef.h>
#include <stdint.h>

#include "loader.h"
#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct routine r;
	struct diags d = { 0 };
	if (loader_parse_routine("fuzz.yaml", (const char *)data, size, NULL, 0,
				 &r, &d) == 0) {
		struct plan p;
		if (plan_check(&r, &p, &d) == 0)
			plan_free(&p);
	}
	routine_free(&r);
	diag_free(&d);
	return 0;
}
