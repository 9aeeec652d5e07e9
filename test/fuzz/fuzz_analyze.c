/*
 * fuzz_analyze.c
 *		libFuzzer target: analyse any bytes, then free the analysis.
 */
#include <stddef.h>
#include <stdint.h>

#include "diplo_analyze.h"

/* Run the analyser on one input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;

	diplo_analyze_text(a, (const char *) data, size, &an);
	diplo_analysis_free(a, &an);
	return 0;
}
