/*
 * fuzz_json.c
 *		libFuzzer target of the JSON reader: any bytes may come in; whatever
 *		parses must print, reparse and print again to the same bytes, and
 *		survive the binary form unchanged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_analysis.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parse data; check the round trips of anything that parses. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;
	DiploAnalysis again;
	DiploAnalysis decoded;
	DiploError	err;
	char	   *json;
	char	   *json2;
	char	   *json3;
	uint8_t    *bin;
	size_t		len;
	size_t		len2;
	size_t		len3;
	size_t		binlen;

	if (!diplo_analysis_from_json(a, (const char *) data, size, &an, &err))
	{
		if (err.code == DIPLO_OK || err.position < 0 ||
			err.position > (long) size || err.message[0] == '\0')
		{
			fprintf(stderr, "bad error report: code %d position %ld \"%s\"\n",
					err.code, err.position, err.message);
			abort();
		}
		return 0;
	}
	json = diplo_analysis_to_json(a, &an, &len);
	if (!diplo_analysis_from_json(a, json, len, &again, &err))
	{
		fprintf(stderr, "canonical text does not reparse: %s\n%s\n",
				err.message, json);
		abort();
	}
	json2 = diplo_analysis_to_json(a, &again, &len2);
	if (len != len2 || memcmp(json, json2, len) != 0)
	{
		fprintf(stderr, "round trip differs:\n%s\n%s\n", json, json2);
		abort();
	}
	bin = diplo_analysis_encode(a, &an, &binlen);
	if (!diplo_analysis_decode(a, bin, binlen, &decoded, &err))
	{
		fprintf(stderr, "binary form does not decode: %s\n", err.message);
		abort();
	}
	json3 = diplo_analysis_to_json(a, &decoded, &len3);
	if (len != len3 || memcmp(json, json3, len) != 0)
	{
		fprintf(stderr, "binary round trip differs:\n%s\n%s\n", json, json3);
		abort();
	}
	diplo_free(a, json);
	diplo_free(a, json2);
	diplo_free(a, json3);
	diplo_free(a, bin);
	diplo_analysis_free(a, &an);
	diplo_analysis_free(a, &again);
	diplo_analysis_free(a, &decoded);
	return 0;
}
