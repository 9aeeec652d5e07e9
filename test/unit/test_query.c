/*
 * test_query.c
 *		Unit tests of the query language: parser, printer, flat form,
 *		evaluation, keys and the ternary evaluation that GIN runs.
 */
#include <stdlib.h>
#include <string.h>

#include "unit_tests.h"
#include "diplo_query.h"

static const DiploAllocator *A = &diplo_malloc_allocator;

/* Parse text, asserting success. */
static DiploQuery
parse_ok(const char *text)
{
	DiploQuery	q;
	DiploError	err;

	memset(&err, 0, sizeof(err));
	if (!diplo_query_parse(A, text, strlen(text), &q, &err))
		fail_msg("parse of \"%s\" failed: %s at %ld", text, err.message,
				 err.position);
	return q;
}

/* The canonical text of a query text. */
static char *
canonical(const char *text)
{
	DiploQuery	q = parse_ok(text);
	char	   *s = diplo_query_print(A, &q, NULL);

	diplo_query_free(A, &q);
	return s;
}

/* Canonical forms, and their reading back to the same tree. */
static void
test_canonical(void **state)
{
	static const char *const cases[][2] = {
		{"speaker:Qureshi", "speaker:qureshi"},
		{"speaker:\"Antony  Blinken\"", "speaker:\"antony blinken\""},
		{"SPEAKER:blink*", "speaker:blink*"},
		{"speaker:Jos\xc3\xa9 & country:\"C\xc3\xb4te d\xe2\x80\x99Ivoire\"",
		"speaker:jose & country:\"cote d'ivoire\""},
		{"a:b", NULL},
		{"speaker:a & (speaker:b & speaker:c)", "speaker:a & speaker:b & speaker:c"},
		{"(speaker:a | speaker:b) & !(word:c | word:d)",
		"(speaker:a | speaker:b) & !(word:c | word:d)"},
		{"speaker:a | speaker:b & speaker:c", "speaker:a | speaker:b & speaker:c"},
		{"quote ( speaker:x & topic:y )", "quote(speaker:x & topic:y)"},
		{"speaker:\"a \\\"b\\\" \\\\\"", "speaker:\"a \\\"b\\\" \\\\\""},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploQuery	q;
		DiploQuery	q2;
		DiploError	err;
		char	   *s;

		if (cases[i][1] == NULL)
		{
			assert_false(diplo_query_parse(A, cases[i][0], strlen(cases[i][0]),
										   &q, &err));
			continue;
		}
		s = canonical(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		q = parse_ok(cases[i][0]);
		q2 = parse_ok(s);
		assert_true(diplo_query_equal(&q, &q2));
		diplo_query_free(A, &q);
		diplo_query_free(A, &q2);
		free(s);
	}
}

/* Errors carry the byte position of the fault. */
static void
test_errors(void **state)
{
	static const struct
	{
		const char *text;
		long		position;
		const char *message_start;
	}			cases[] = {
		{"", 0, "empty query"},
		{"speaker", 7, "expected \":\""},
		{"spaeker:x", 0, "unknown field"},
		{"speaker:x &", 11, "expected a term"},
		{"(speaker:x", 0, "unbalanced"},
		{"speaker:x)", 9, "unbalanced"},
		{"speaker:\"x", 8, "unterminated"},
		{"quote(quote(word:x))", 6, "quote() scopes"},
		{"quote(event:x)", 6, "event:"},
		{"word:\"a b\"", 5, "word:"},
		{"speaker:ab*c", 11, "unexpected"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploQuery	q;
		DiploError	err;

		memset(&err, 0, sizeof(err));
		assert_false(diplo_query_parse(A, cases[i].text, strlen(cases[i].text),
									   &q, &err));
		assert_int_equal(err.code, DIPLO_ERR_SYNTAX);
		assert_int_equal(err.position, cases[i].position);
		assert_memory_equal(err.message, cases[i].message_start,
							strlen(cases[i].message_start));
	}
}

/* The flat form reads back in place, and damaged data is refused. */
static void
test_flat(void **state)
{
	DiploQuery	q = parse_ok("quote(speaker:x & !word:y*) | topic:z");
	DiploQuery	v;
	DiploError	err;
	size_t		len;
	uint8_t    *flat = diplo_query_flatten(A, &q, &len);

	assert_true(diplo_query_view(flat, len, &v, &err));
	assert_true(diplo_query_equal(&q, &v));
	assert_false(diplo_query_view(flat, len - 1, &v, &err));
	flat[16 + 4] = 99;			/* the first node's size */
	assert_false(diplo_query_view(flat, len, &v, &err));
	flat[0] = 7;				/* the version */
	assert_false(diplo_query_view(flat, len, &v, &err));
	assert_int_equal(err.code, DIPLO_ERR_VERSION);
	free(flat);
	diplo_query_free(A, &q);
}

/* A small analysis: one minister's quote, one organisation's. */
static void
make_analysis(DiploAnalysis *an)
{
	static DiploSpeaker speakers[2];
	static DiploQuote quotes[2];
	static char *topics[] = {"trade and investment"};
	static char *countries[] = {"Pakistan"};

	memset(an, 0, sizeof(*an));
	memset(speakers, 0, sizeof(speakers));
	memset(quotes, 0, sizeof(quotes));
	speakers[0].name = "Shah Mahmood Qureshi";
	speakers[0].role = "Foreign Minister";
	speakers[0].country = "Pakistan";
	speakers[1].name = "World Health Organization";
	speakers[1].type = DIPLO_SPEAKER_ORGANIZATION;
	quotes[0].speaker = 0;
	quotes[0].cue = "said";
	quotes[0].content = "The Afghan peace process needs talks";
	quotes[1].speaker = 1;
	quotes[1].cue = "warned";
	quotes[1].content = "Vaccines are n\xc3\xa9goci\xc3\xa9s slowly";
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

/* The ternary evaluation of q over the keys a row has (qk: q's keys). */
static uint8_t
ternary_over(const DiploQuery *q, const DiploQueryKeys *qk,
			 const DiploKeys *keys)
{
	uint8_t    *check = calloc(qk->keys.n + 1, 1);
	uint8_t		t;

	for (int32_t k = 0; k < qk->keys.n; k++)
	{
		const DiploKey *key = &qk->keys.keys[k];

		for (int32_t j = 0; j < keys->n; j++)
		{
			bool		hit = (key->flags & DIPLO_KEY_PREFIX) ?
			(keys->keys[j].len >= key->len &&
			 memcmp(keys->keys[j].data, key->data, key->len) == 0) :
			(keys->keys[j].len == key->len &&
			 memcmp(keys->keys[j].data, key->data, key->len) == 0);

			if (hit)
				check[k] = DIPLO_TRUE;
		}
	}
	t = diplo_query_ternary(q, qk, check);
	free(check);
	return t;
}

/*
 * Every query: exact evaluation, and the ternary evaluation over the
 * analysis's own keys never says FALSE when the query matches, and says
 * TRUE/FALSE exactly outside quote() (MAYBE for stop words, frequent stems
 * and speaker or org names of several words).
 */
static void
test_match_and_keys(void **state)
{
	static const struct
	{
		const char *q;
		bool		match;
		bool		maybe;		/* keyless words, several words: cannot tell */
	}			cases[] = {
		{"speaker:qureshi", true},
		{"speaker:\"mahmood qureshi\"", false, true},	/* both words are keys */
		{"speaker:\"shah mahmood qureshi\"", true, true},
		{"speaker:\"shah  MAHMOOD\"*", true, true},
		{"speaker:\"mahmood q\"*", false, true},
		{"speaker:\"mahmood x\"*", false},	/* no key starts with x */
		{"!speaker:\"shah mahmood qureshi\"", false, true},
		{"speaker:QUR\xc3\x89SHI", true},
		{"speaker:shah*", true},
		{"role:minister", true},
		{"org:\"world health organization\"", true, true},
		{"topic:\"trade and investment\"", true},	/* a whole key */
		{"topic:\"investment and trade\"", false},
		{"event:\"phone call\"", true},
		{"role:\"foreign minister\" & !country:\"united states\"", true},
		{"event:phone", true},
		{"country:pakistan", true},
		{"topic:trade", true},
		{"topic:afghanistan", true},	/* from the quote's content */
		{"event:call", true},
		{"cue:warned", true},
		{"word:talk", true, true},	/* a frequent stem: no key, rechecked */
		{"word:afghan", true},
		{"word:negocies", true},
		{"word:vacc*", true},
		{"word:zzz", false},
		{"!word:zzz", true},
		{"quote(speaker:qureshi & word:talks)", true},
		{"quote(speaker:qureshi & word:vaccines)", false},
		{"quote(!speaker:qureshi)", true},
		{"quote(org:health & cue:warned)", true},
		{"speaker:qureshi & !country:india", true},
		{"word:the", true, true},
		{"word:The", true, true},
		{"word:th*", true, true},
		{"word:these", false, true},
		{"!word:are", false, true},
		{"word:are & word:talk", true, true},
		{"word:are & word:zzz", false},
		{"word:those | word:afghan", true},
	};
	DiploAnalysis an;
	DiploKeys	keys;

	make_analysis(&an);
	diplo_analysis_keys(A, &an, DIPLO_WORDS_RARE, &keys);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploQuery	q = parse_ok(cases[i].q);
		DiploQueryKeys qk;
		uint8_t		t;

		assert_int_equal(diplo_query_match(A, &q, &an), cases[i].match);
		diplo_query_keys(A, &q, DIPLO_WORDS_RARE, &qk);
		t = ternary_over(&q, &qk, &keys);
		if (cases[i].match)
			assert_int_not_equal(t, DIPLO_FALSE);
		if (cases[i].maybe)
			assert_int_equal(t, DIPLO_MAYBE);
		else if (strstr(cases[i].q, "quote(") == NULL)
			assert_int_equal(t, cases[i].match ? DIPLO_TRUE : DIPLO_FALSE);
		diplo_query_keys_free(A, &qk);
		diplo_query_free(A, &q);
	}
	diplo_keys_free(A, &keys);
}

/* Has an analysis the key of a word: stem? */
static bool
has_word_key(const DiploKeys *keys, const char *stem)
{
	size_t		len = strlen(stem);

	for (int32_t j = 0; j < keys->n; j++)
		if (keys->keys[j].len == (int32_t) len + 1 &&
			keys->keys[j].data[0] == 'w' &&
			memcmp(keys->keys[j].data + 1, stem, len) == 0)
			return true;
	return false;
}

/*
 * Stop words, frequent stems, numbers and one-letter words have no word:
 * keys; queries on them still find the rows (MAYBE, then the recheck), and
 * the others keep their keys.
 */
static void
test_unindexed_words(void **state)
{
	static const struct
	{
		const char *q;
		bool		match;
		bool		keyless;
	}			cases[] = {
		{"word:the", true, true},
		{"word:2021", true, true},
		{"word:20*", true, true},
		{"word:a", true, true},
		{"word:s", false, true},
		{"word:it", true, true},
		{"word:g20", true, false},
		{"word:g2*", true, false},
		{"word:5g", true, false},
		{"word:pipeline", true, false},
		{"word:pipel*", true, false},
		{"word:pipe*", true, true},	/* "pipe" is a frequent stem */
		{"word:sanctions", true, false},	/* a lexicon word keeps its key */
		{"word:year*", true, true},
		{"word:yours", false, true},
		{"word:we*", false, true},	/* "we" is a stop word */
		{"!word:the", false, true},
		{"word:the & word:pipeline", true, false},
		{"word:those | word:zzz", false, true},
		{"quote(word:the & word:g20)", true, false},
	};
	DiploAnalysis an;
	DiploQuote	qt;
	DiploKeys	keys;

	memset(&an, 0, sizeof(an));
	memset(&qt, 0, sizeof(qt));
	qt.speaker = -1;
	qt.content = "In 2021 the G20 and a 5G pipeline: it's the sanctions' year";
	an.nquotes = 1;
	an.quotes = &qt;
	diplo_analysis_keys(A, &an, DIPLO_WORDS_RARE, &keys);
	assert_false(has_word_key(&keys, "the"));
	assert_false(has_word_key(&keys, "2021"));
	assert_false(has_word_key(&keys, "a"));
	assert_false(has_word_key(&keys, "it"));
	assert_true(has_word_key(&keys, "g20"));
	assert_true(has_word_key(&keys, "5g"));
	assert_true(has_word_key(&keys, "pipelin"));
	assert_true(has_word_key(&keys, "sanction"));	/* a word of the lexicons */
	assert_false(has_word_key(&keys, "year"));	/* a frequent stem */
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploQuery	q = parse_ok(cases[i].q);
		DiploQueryKeys qk;
		uint8_t		t;

		assert_int_equal(diplo_query_match(A, &q, &an), cases[i].match);
		diplo_query_keys(A, &q, DIPLO_WORDS_RARE, &qk);
		t = ternary_over(&q, &qk, &keys);
		if (cases[i].match)
			assert_int_not_equal(t, DIPLO_FALSE);
		if (cases[i].keyless)
		{
			assert_false(qk.needs_keys);
			assert_int_equal(t, DIPLO_MAYBE);
		}
		else
			assert_true(qk.needs_keys);
		diplo_query_keys_free(A, &qk);
		diplo_query_free(A, &q);
	}
	diplo_keys_free(A, &keys);
}

/* Queries that match rows without keys need a full index scan. */
static void
test_needs_keys(void **state)
{
	static const struct
	{
		const char *q;
		bool		needs;
	}			cases[] = {
		{"speaker:x", true},
		{"!speaker:x", false},
		{"speaker:x | !word:y", false},
		{"speaker:x & !word:y", true},
		{"quote(!word:y)", false},
		{"quote(word:ceasefire)", true},
		{"quote(word:yes)", false},	/* a frequent stem has no key */
		{"speaker:\"a b\"", true},
		{"org:\"a b\"*", true},
		{"speaker:\"a b\" | word:year", false},
		{"quote(word:the)", false},	/* a stop word has no key */
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		DiploQuery	q = parse_ok(cases[i].q);
		DiploQueryKeys qk;

		diplo_query_keys(A, &q, DIPLO_WORDS_RARE, &qk);
		assert_int_equal(qk.needs_keys, cases[i].needs);
		diplo_query_keys_free(A, &qk);
		diplo_query_free(A, &q);
	}
}

/* Does the key list hold the key tag:value? */
static bool
has_key(const DiploKeys *keys, char tag, const char *value)
{
	size_t		len = strlen(value);

	for (int32_t j = 0; j < keys->n; j++)
		if (keys->keys[j].len == (int32_t) len + 1 &&
			keys->keys[j].data[0] == (uint8_t) tag &&
			memcmp(keys->keys[j].data + 1, value, len) == 0)
			return true;
	return false;
}

/*
 * The words option: 'rare' leaves out the frequent stems, 'all' keeps
 * them, 'none' has no word: keys; every policy answers every query right
 * (a term without a key is MAYBE), and the other fields keep their keys.
 */
static void
test_word_policies(void **state)
{
	static const char *queries[] = {
		"word:needs", "word:afghans", "word:nee*", "quote(word:need & speaker:qureshi)",
		"!word:needs", "word:zzz", "word:needs & speaker:qureshi",
	};
	DiploAnalysis an;
	DiploKeys	rare;
	DiploKeys	all;
	DiploKeys	none;

	make_analysis(&an);
	diplo_analysis_keys(A, &an, DIPLO_WORDS_RARE, &rare);
	diplo_analysis_keys(A, &an, DIPLO_WORDS_ALL, &all);
	diplo_analysis_keys(A, &an, DIPLO_WORDS_NONE, &none);
	/* "need" is a frequent stem, "afghan" a word of the lexicons */
	assert_false(has_key(&rare, 'w', "need"));
	assert_true(has_key(&all, 'w', "need"));
	assert_false(has_key(&none, 'w', "need"));
	assert_true(has_key(&rare, 'w', "afghan"));
	assert_true(has_key(&all, 'w', "afghan"));
	assert_false(has_key(&none, 'w', "afghan"));
	assert_true(all.n > rare.n && rare.n > none.n);
	for (int32_t j = 0; j < none.n; j++)
		assert_int_not_equal(none.keys[j].data[0], 'w');
	assert_true(has_key(&none, 's', "qureshi"));
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++)
	{
		DiploQuery	q = parse_ok(queries[i]);
		bool		match = diplo_query_match(A, &q, &an);
		const DiploKeys *rows[] = {&rare, &all, &none};

		for (int w = DIPLO_WORDS_RARE; w <= DIPLO_WORDS_NONE; w++)
		{
			DiploQueryKeys qk;
			uint8_t		t;

			diplo_query_keys(A, &q, (DiploWordKeys) w, &qk);
			t = ternary_over(&q, &qk, rows[w]);
			/* never FALSE for a match, never TRUE for a miss */
			assert_int_not_equal(t, match ? DIPLO_FALSE : DIPLO_TRUE);
			/* with every word keyed, a plain word term is exact */
			if (w == DIPLO_WORDS_ALL && strstr(queries[i], "quote(") == NULL)
				assert_int_equal(t, match ? DIPLO_TRUE : DIPLO_FALSE);
			diplo_query_keys_free(A, &qk);
		}
		diplo_query_free(A, &q);
	}
	diplo_keys_free(A, &rare);
	diplo_keys_free(A, &all);
	diplo_keys_free(A, &none);
}

/* Normalisation folds case and Latin accents, and survives bad bytes. */
static void
test_normalize(void **state)
{
	char	   *s = diplo_normalize(A, "  \xc5\x81UKASZ  \xc3\x9f\xc3\xa6  ", 15);

	assert_string_equal(s, "lukasz ssae");
	free(s);
	s = diplo_normalize(A, "a\xff\xc3", 3);
	assert_string_equal(s, "a\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
}

/* Containment compares names and contents normalised. */
static void
test_contains(void **state)
{
	DiploAnalysis an;
	DiploAnalysis sub;
	DiploSpeaker sp;
	DiploQuote qt;

	make_analysis(&an);
	memset(&sub, 0, sizeof(sub));
	memset(&sp, 0, sizeof(sp));
	memset(&qt, 0, sizeof(qt));
	sp.name = "shah mahmood QURESHI";
	qt.speaker = 0;
	qt.content = "The Afghan peace process needs talks";
	sub.nspeakers = 1;
	sub.speakers = &sp;
	sub.nquotes = 1;
	sub.quotes = &qt;
	assert_true(diplo_analysis_contains(A, &an, &sub));
	assert_false(diplo_analysis_contains(A, &sub, &an));
	/* the container has every containment key of the contained */
	{
		DiploKeys	row;
		DiploKeys	need;

		diplo_analysis_keys(A, &an, DIPLO_WORDS_RARE, &row);
		diplo_containment_keys(A, &sub, &need);
		assert_int_equal(need.n, 3);	/* shah, mahmood, qureshi */
		for (int32_t i = 0; i < need.n; i++)
		{
			bool		found = false;

			for (int32_t j = 0; j < row.n && !found; j++)
				found = (row.keys[j].len == need.keys[i].len &&
						 memcmp(row.keys[j].data, need.keys[i].data,
								need.keys[i].len) == 0);
			assert_true(found);
		}
		diplo_keys_free(A, &need);
		diplo_keys_free(A, &row);
	}
	qt.content = "Vaccines are n\xc3\xa9goci\xc3\xa9s slowly";
	assert_false(diplo_analysis_contains(A, &an, &sub));
}

/* Run the query group. */
int
unit_query(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_flat),
		cmocka_unit_test(test_match_and_keys),
		cmocka_unit_test(test_needs_keys),
		cmocka_unit_test(test_unindexed_words),
		cmocka_unit_test(test_word_policies),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_contains),
	};

	return cmocka_run_group_tests_name("query", tests, NULL, NULL);
}
