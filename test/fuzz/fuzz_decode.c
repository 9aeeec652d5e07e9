/*
 * fuzz_decode.c
 *		libFuzzer target of the binary decoder: any bytes may come in (recv,
 *		damaged disks); whatever decodes must encode back to the very same
 *		bytes (the encoding is canonical) and print as JSON that reads back.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_analysis.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decode data; check that anything decoded re-encodes identically. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;
	DiploAnalysis from_text;
	DiploError	err;
	uint8_t    *bin;
	char	   *json;
	size_t		len;
	size_t		len2;
	size_t		jlen;

	if (!diplo_analysis_decode(a, data, size, &an, &err))
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
	bin = diplo_analysis_encode(a, &an, &len);
	if (len != size || memcmp(bin, data, size) != 0)
	{
		fprintf(stderr, "re-encoding differs (%zu bytes, input %zu)\n",
				len, size);
		abort();
	}
	json = diplo_analysis_to_json(a, &an, &jlen);
	if (!diplo_analysis_from_json(a, json, jlen, &from_text, &err))
	{
		/* offsets past INT64_MAX - 1 cannot be shown 1-based */
		if (strstr(err.message, "beyond int64") == NULL)
		{
			fprintf(stderr, "JSON of decoded data does not parse: %s\n%s\n",
					err.message, json);
			abort();
		}
	}
	else
	{
		uint8_t    *bin2 = diplo_analysis_encode(a, &from_text, &len2);
		if (len2 != size || memcmp(bin2, data, size) != 0)
		{
			fprintf(stderr, "JSON round trip of decoded data differs\n");
			abort();
		}
		diplo_free(a, bin2);
		diplo_analysis_free(a, &from_text);
	}
	diplo_free(a, json);
	diplo_free(a, bin);
	diplo_analysis_free(a, &an);
	return 0;
}
