/*
 * fuzz_analyze.c
 *		libFuzzer target: analyse any bytes, check the result's invariants
 *		(offsets point at the content, both serial forms round-trip), free.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_analyze.h"

/* Byte length of the character at s as the analyser counts it (bad byte: 1). */
static size_t
char_bytes(const unsigned char *s, size_t avail)
{
	int			n = diplo_utf8_char_len(s, avail);

	return n > 0 ? (size_t) n : 1;
}

/* Byte offset of character number chars in data, or (size_t) -1. */
static size_t
byte_offset(const uint8_t *data, size_t size, int64_t chars)
{
	size_t		b = 0;

	for (int64_t c = 0; c < chars; c++)
	{
		if (b >= size)
			return (size_t) -1;
		b += char_bytes(data + b, size - b);
	}
	return b;
}

/*
 * Abort unless every quote's content is the text at its offsets: the same
 * characters, where an invalid byte of the input may read as U+FFFD.
 */
static void
check_offsets(const uint8_t *data, size_t size, const DiploAnalysis *an)
{
	static const unsigned char replacement[] = {0xEF, 0xBF, 0xBD};

	for (int32_t i = 0; i < an->nquotes; i++)
	{
		const DiploQuote *q = &an->quotes[i];
		const unsigned char *c = (const unsigned char *) q->content;
		size_t		clen = strlen(q->content);
		size_t		b = byte_offset(data, size, q->content_start);
		size_t		k = 0;

		if (q->content_start < 0 || q->content_len < 0 || b == (size_t) -1)
			abort();
		for (int64_t n = 0; n < q->content_len; n++)
		{
			int			valid;
			size_t		tb;

			if (b >= size || k >= clen)
				abort();
			valid = diplo_utf8_char_len(data + b, size - b);
			tb = char_bytes(data + b, size - b);
			if (valid > 0 && data[b] != 0)
			{
				if (k + tb > clen || memcmp(c + k, data + b, tb) != 0)
					abort();
				k += tb;
			}
			else
			{
				if (k + 3 > clen || memcmp(c + k, replacement, 3) != 0)
					abort();
				k += 3;
			}
			b += tb;
		}
		if (k != clen)
			abort();
	}
}

/* Abort unless JSON and binary forms of an read back to the same bytes. */
static void
check_round_trips(const DiploAllocator *a, const DiploAnalysis *an)
{
	DiploAnalysis back;
	DiploError	err;
	size_t		len1,
				len2;
	char	   *json1 = diplo_analysis_to_json(a, an, &len1);
	uint8_t    *bin1;

	if (!diplo_analysis_from_json(a, json1, len1, &back, &err))
		abort();
	bin1 = diplo_analysis_encode(a, &back, &len2);
	diplo_analysis_free(a, &back);
	if (!diplo_analysis_decode(a, bin1, len2, &back, &err))
		abort();
	{
		char	   *json2 = diplo_analysis_to_json(a, &back, &len2);

		if (len1 != len2 || memcmp(json1, json2, len1) != 0)
			abort();
		diplo_free(a, json2);
	}
	diplo_analysis_free(a, &back);
	diplo_free(a, json1);
	diplo_free(a, bin1);
}

/* Run the analyser on one input. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;

	diplo_analyze_text(a, (const char *) data, size, &an);
	check_offsets(data, size, &an);
	check_round_trips(a, &an);
	diplo_analysis_free(a, &an);
	return 0;
}
