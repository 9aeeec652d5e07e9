/*
 * fuzz_query.c
 *		libFuzzer target of the query parser: any bytes may come in;
 *		whatever parses must print, reparse to the same tree and print to
 *		the same text, survive the flat form, and never be ruled out by the
 *		index (ternary FALSE) on a fixed analysis that it matches.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_query.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fixed analysis with a speaker, an organisation, two quotes. */
static void
fixed_analysis(DiploAnalysis *an)
{
	static DiploSpeaker speakers[2];
	static DiploQuote quotes[2];
	static char *topics[] = {"trade and investment"};
	static char *countries[] = {"Pakistan"};

	memset(an, 0, sizeof(*an));
	speakers[0].name = "Shah Mahmood Qureshi";
	speakers[0].role = "Foreign Minister";
	speakers[0].country = "Pakistan";
	speakers[1].name = "World Health Organization";
	speakers[1].type = DIPLO_SPEAKER_ORGANIZATION;
	quotes[0].speaker = 0;
	quotes[0].cue = "said";
	quotes[0].content = "The Afghan peace process needs talks";
	quotes[1].speaker = 1;
	quotes[1].channel = -1;
	quotes[1].content = "Vaccines are slow in 2021: a G20 plan";
	an->nspeakers = 2;
	an->speakers = speakers;
	an->nquotes = 2;
	an->quotes = quotes;
	an->ntopics = 1;
	an->topics = topics;
	an->ncountries = 1;
	an->countries = countries;
	an->event = "phone call";
}

/* Is the query key present among the sorted row keys? */
static uint8_t
key_present(const DiploKey *qk, const DiploKeys *row)
{
	for (int32_t j = 0; j < row->n; j++)
	{
		const DiploKey *k = &row->keys[j];

		if ((qk->flags & DIPLO_KEY_PREFIX) ?
			(k->len >= qk->len && memcmp(k->data, qk->data, qk->len) == 0) :
			(k->len == qk->len && memcmp(k->data, qk->data, qk->len) == 0))
			return DIPLO_TRUE;
	}
	return DIPLO_FALSE;
}

/* Parse data; check round trips and the soundness of the index. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploWordKeys words;
	DiploQuery	q;
	DiploQuery	again;
	DiploQuery	view;
	DiploError	err;
	DiploAnalysis an;
	DiploKeys	row;
	DiploQueryKeys qk;
	uint8_t    *check;
	uint8_t    *flat;
	char	   *text;
	char	   *text2;
	size_t		len;
	size_t		len2;
	size_t		flatlen;

	memset(&err, 0, sizeof(err));
	if (!diplo_query_parse(a, (const char *) data, size, &q, &err))
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
	text = diplo_query_print(a, &q, &len);
	if (!diplo_query_parse(a, text, len, &again, &err))
	{
		fprintf(stderr, "canonical text does not reparse: %s\n%s\n",
				err.message, text);
		abort();
	}
	text2 = diplo_query_print(a, &again, &len2);
	if (!diplo_query_equal(&q, &again) || len != len2 || memcmp(text, text2, len) != 0)
	{
		fprintf(stderr, "reparse differs:\n%s\n%s\n", text, text2);
		abort();
	}
	flat = diplo_query_flatten(a, &q, &flatlen);
	if (!diplo_query_view(flat, flatlen, &view, &err) || !diplo_query_equal(&q, &view))
	{
		fprintf(stderr, "flat form does not read back: %s\n", text);
		abort();
	}

	fixed_analysis(&an);
	/* the index's word policy, from the input's length */
	words = (DiploWordKeys) (size % 3);
	diplo_analysis_keys(a, &an, words, &row);
	diplo_query_keys(a, &q, words, &qk);
	check = calloc(qk.keys.n + 1, 1);
	for (int32_t k = 0; k < qk.keys.n; k++)
		check[k] = key_present(&qk.keys.keys[k], &row);
	if (diplo_query_match(a, &q, &an) &&
		diplo_query_ternary(&q, &qk, check) == DIPLO_FALSE)
	{
		fprintf(stderr, "the index would miss a match: %s\n", text);
		abort();
	}
	free(check);
	diplo_query_keys_free(a, &qk);
	diplo_keys_free(a, &row);
	free(flat);
	free(text);
	free(text2);
	diplo_query_free(a, &again);
	diplo_query_free(a, &q);
	return 0;
}
