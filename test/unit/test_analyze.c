/*
 * test_analyze.c
 *		Unit tests of the analyser: tokenizer, quote pairing, attribution
 *		and coreference on sample sentences written for these tests.
 */
#include <stdlib.h>
#include <string.h>

#include "unit_tests.h"
#include "diplo_analyze.h"
#include "diplo_quote.h"
#include "diplo_text.h"

/* Tokenize a one-paragraph text into t. */
static void
tokenize_text(const char *text, DiploTokens *t)
{
	DiploParagraphs it;
	DiploParagraph p;

	diplo_paragraphs_init(&it, text, strlen(text));
	assert_true(diplo_paragraphs_next(&diplo_malloc_allocator, &it, &p));
	diplo_tokenize(&diplo_malloc_allocator, text, &p, t);
}

/* Does token i of t read exactly s? */
static bool
token_is(const DiploTokens *t, int i, const char *s)
{
	return i < t->n && t->words[i].len == (int) strlen(s) &&
		memcmp(t->words[i].s, s, strlen(s)) == 0;
}

/* Abbreviations, initials, hyphenated words and the possessive. */
static void
test_tokenizer(void **state)
{
	const char *text = "The U.S. envoy J. Smith met Mr. Lee about COVID-19 in Ruritania\xE2\x80\x99s capital.";
	DiploTokens t = {0};

	tokenize_text(text, &t);
	assert_true(token_is(&t, 1, "U.S."));
	assert_true(token_is(&t, 3, "J."));
	assert_true(t.tok[3].flags & DIPLO_TF_INITIAL);
	assert_true(token_is(&t, 6, "Mr."));
	assert_true(token_is(&t, 9, "COVID-19"));
	assert_true(token_is(&t, 11, "Ruritania"));
	assert_true(token_is(&t, 12, "\xE2\x80\x99s"));
	/* character offsets count code points */
	assert_int_equal(t.tok[12].cstart, 63);
	assert_int_equal(t.tok[12].cend, 65);
	diplo_split_sentences(&diplo_malloc_allocator, &t, NULL);
	assert_int_equal(t.nsent, 1);
	diplo_tokens_free(&diplo_malloc_allocator, &t);
}

/* Pair the marks of text; return the number of spans, first span in *first. */
static int
pair(const char *text, bool next_opens, DiploQuoteSpan *first, DiploTokens *t)
{
	DiploQuoteSpans qs = {0};
	int			n;

	tokenize_text(text, t);
	diplo_pair_quotes(&diplo_malloc_allocator, t, false, next_opens, &qs);
	n = qs.n;
	if (n > 0)
		*first = qs.span[0];
	diplo_quote_spans_free(&diplo_malloc_allocator, &qs);
	return n;
}

/* Straight, curly, '' '', guillemets, nested, unbalanced, open at the end. */
static void
test_quote_pairing(void **state)
{
	DiploTokens t = {0};
	DiploQuoteSpan s;

	assert_int_equal(pair("\"We agree,\" she said. \"Fine.\"", false, &s, &t), 2);
	assert_true(token_is(&t, s.first, "We"));
	assert_int_equal(pair("\xE2\x80\x9CWe agree,\xE2\x80\x9D she said.", false, &s, &t), 1);
	assert_int_equal(pair("''We agree,'' she said.", false, &s, &t), 1);
	assert_true(token_is(&t, s.first, "We"));
	assert_int_equal(pair("\xC2\xABNous sommes d'accord\xC2\xBB, dit-elle.", false, &s, &t), 1);
	/* nested: one outer quote */
	assert_int_equal(pair("\xE2\x80\x9CHe called it \xE2\x80\x9C" "fake\xE2\x80\x9D today,\xE2\x80\x9D she said.", false, &s, &t), 1);
	assert_true(token_is(&t, s.last - 1, ","));
	/* unbalanced: dropped at the paragraph end */
	assert_int_equal(pair("She said \xE2\x80\x9Cthis never ends.", false, &s, &t), 0);
	/* kept when the next paragraph opens with a mark */
	assert_int_equal(pair("She said: \xE2\x80\x9CThis goes on.", true, &s, &t), 1);
	assert_true(s.flags & DIPLO_QS_UNCLOSED);
	/* a wrong-way mark closing a quote that never opened */
	assert_int_equal(pair("On trade, the talks went well, \xE2\x80\x9Csaid the ministry.", false, &s, &t), 1);
	assert_true(s.flags & DIPLO_QS_NO_OPEN);
	assert_int_equal(s.first, 0);
	diplo_tokens_free(&diplo_malloc_allocator, &t);
}

/* The quote whose content starts with prefix, or NULL. */
static const DiploQuote *
find_quote(const DiploAnalysis *an, const char *prefix, DiploQuoteKind kind)
{
	for (int k = 0; k < an->nquotes; k++)
		if (an->quotes[k].kind == kind &&
			strncmp(an->quotes[k].content, prefix, strlen(prefix)) == 0)
			return &an->quotes[k];
	return NULL;
}

/* The name of a quote's speaker, or "". */
static const char *
speaker_of(const DiploAnalysis *an, const DiploQuote *q)
{
	return q && q->speaker >= 0 ? an->speakers[q->speaker].name : "";
}

/* A sample readout with the hard cases of the seed, in new words. */
static const char *sample =
"Chilean Foreign Minister Anna Maria Kovacs and US Secretary of State Antony J. Blinken spoke on Monday.\n"
"\n"
"The Foreign Ministry spokesman said Kovacs raised the grain corridor during a phone call. "
"He said the two ministers discussed bilateral relations.\n"
"\n"
"On trade, the Minister of Foreign Affairs underlined the value of open markets, \xE2\x80\x9Csaid the FO.\n"
"\n"
"\xE2\x80\x9CThe minister stressed that the border talks must go on,\xE2\x80\x9D the OF said.\n"
"\n"
"During the call, the FO said the top Chilean diplomat highlighted the steps the capital is taking to \xE2\x80\x9Csupport the peace talks.\xE2\x80\x9D\n"
"\n"
"Washington\xE2\x80\x99s top diplomat also tweeted about the talks.\n"
"\n"
"\xE2\x80\x9CMinister Anna Maria Kovacs and I had a good call,\xE2\x80\x9D the tweet said.\n";

/* Speakers, relays, a wrong-way mark, role nouns, an acronym slip, a channel. */
static void
test_end_to_end(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;
	const DiploQuote *q;
	const char *fo;

	diplo_analyze_text(a, sample, strlen(sample), &an);
	q = find_quote(&an, "Kovacs raised", DIPLO_QUOTE_INDIRECT);
	assert_non_null(q);
	fo = speaker_of(&an, q);
	assert_string_equal(fo, "Ministry of Foreign Affairs of Chile");
	assert_string_equal(q->cue, "said");
	/* the pronoun after a spokesman is the ministry */
	q = find_quote(&an, "the two ministers", DIPLO_QUOTE_INDIRECT);
	assert_string_equal(speaker_of(&an, q), fo);
	/* a wrong-way mark closing the paragraph's quote */
	q = find_quote(&an, "On trade, the Minister", DIPLO_QUOTE_DIRECT);
	assert_non_null(q);
	assert_string_equal(speaker_of(&an, q), fo);
	/* the role noun inside it is the minister, relayed by the ministry */
	q = find_quote(&an, "the value of open markets", DIPLO_QUOTE_INDIRECT);
	assert_non_null(q);
	assert_string_equal(speaker_of(&an, q), "Anna Maria Kovacs");
	assert_string_equal(an.speakers[q->channel].name, fo);
	/* the transposed acronym */
	q = find_quote(&an, "The minister stressed", DIPLO_QUOTE_DIRECT);
	assert_string_equal(speaker_of(&an, q), fo);
	/* a relay with quoted words: both attributions */
	q = find_quote(&an, "the top Chilean diplomat", DIPLO_QUOTE_MIXED);
	assert_string_equal(speaker_of(&an, q), fo);
	q = find_quote(&an, "the steps the capital", DIPLO_QUOTE_MIXED);
	assert_string_equal(speaker_of(&an, q), "Anna Maria Kovacs");
	assert_string_equal(q->cue, "highlighted");
	/* the tweet stands for whoever tweeted: Washington's top diplomat */
	q = find_quote(&an, "Minister Anna Maria Kovacs and I", DIPLO_QUOTE_DIRECT);
	assert_string_equal(speaker_of(&an, q), "Antony Blinken");
	for (int s = 0; s < an.nspeakers; s++)
		if (strcmp(an.speakers[s].name, "Antony Blinken") == 0)
		{
			assert_string_equal(an.speakers[s].role, "Secretary of State");
			assert_string_equal(an.speakers[s].country, "United States");
		}
	diplo_analysis_free(a, &an);
}

/* The speaker record of a quote (asserting it has one). */
static const DiploSpeaker *
speaker_rec(const DiploAnalysis *an, const DiploQuote *q)
{
	assert_non_null(q);
	assert_true(q->speaker >= 0);
	return &an->speakers[q->speaker];
}

/* Does any quote have this cue? */
static bool
has_cue(const DiploAnalysis *an, const char *cue)
{
	for (int k = 0; k < an->nquotes; k++)
		if (an->quotes[k].cue && strcmp(an->quotes[k].cue, cue) == 0)
			return true;
	return false;
}

/* Fixed bugs: "Title Name of Country said", "Role, Name, said". */
static void
test_speaker_phrases(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text =
		"\xE2\x80\x9CWe will keep the embassy open,\xE2\x80\x9D Trade Minister Lina Okafor of Ghana said on Friday.\n"
		"\n"
		"The Norwegian Prime Minister, Erik Dahl, said the fishing talks would start again in Oslo next month.\n";
	DiploAnalysis an;
	const DiploQuote *q;
	const DiploSpeaker *sp;

	diplo_analyze_text(a, text, strlen(text), &an);
	q = find_quote(&an, "We will keep the embassy open", DIPLO_QUOTE_DIRECT);
	sp = speaker_rec(&an, q);
	assert_string_equal(sp->name, "Lina Okafor");
	assert_string_equal(sp->country, "Ghana");
	assert_string_equal(q->cue, "said");
	q = find_quote(&an, "the fishing talks", DIPLO_QUOTE_INDIRECT);
	sp = speaker_rec(&an, q);
	assert_string_equal(sp->name, "Erik Dahl");
	assert_string_equal(sp->role, "Prime Minister");
	assert_string_equal(sp->country, "Norway");
	diplo_analysis_free(a, &an);
}

/* Fixed bugs: nouns are no cues; an addressee and a time are no content. */
static void
test_noun_cues(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text =
		"On the border dispute, the minister underlined that the line must be respected by both armies.\n"
		"\n"
		"The visit sent a clear signal ahead of the vote in Geneva next week.\n"
		"\n"
		"Okafor, speaking to reporters outside the embassy, said the ceasefire would hold.\n"
		"\n"
		"Okafor told journalists after the meeting.\n";
	DiploAnalysis an;

	diplo_analyze_text(a, text, strlen(text), &an);
	assert_false(has_cue(&an, "dispute"));
	assert_false(has_cue(&an, "signal"));
	assert_non_null(find_quote(&an, "the line must be respected", DIPLO_QUOTE_INDIRECT));
	assert_non_null(find_quote(&an, "the ceasefire would hold", DIPLO_QUOTE_INDIRECT));
	for (int k = 0; k < an.nquotes; k++)
	{
		assert_true(strncmp(an.quotes[k].content, "to reporters", 12) != 0);
		assert_true(strncmp(an.quotes[k].content, "journalists", 11) != 0);
	}
	diplo_analysis_free(a, &an);
}

/* Fixed bugs: relay after "said that", addressee, ministry spokesman. */
static void
test_relay_and_spokesman(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text =
		"Ghanaian Foreign Minister Kofi Mensah said the visit was useful.\n"
		"\n"
		"The FO also said that Lindqvist urged the Ghanaian minister that it was vital to reopen the consulates.\n"
		"\n"
		"\xE2\x80\x9CWe expect an answer soon,\xE2\x80\x9D the spokesman of the ministry said.\n";
	DiploAnalysis an;
	const DiploQuote *q;

	diplo_analyze_text(a, text, strlen(text), &an);
	q = find_quote(&an, "it was vital", DIPLO_QUOTE_INDIRECT);
	assert_string_equal(speaker_rec(&an, q)->name, "Lindqvist");
	assert_true(q->channel >= 0);
	assert_int_equal(an.speakers[q->channel].type, DIPLO_SPEAKER_ORGANIZATION);
	assert_true(q->addressee >= 0);
	assert_string_equal(an.speakers[q->addressee].name, "Kofi Mensah");
	q = find_quote(&an, "We expect an answer soon", DIPLO_QUOTE_DIRECT);
	assert_int_equal(speaker_rec(&an, q)->type, DIPLO_SPEAKER_ORGANIZATION);
	diplo_analysis_free(a, &an);
}

/* Descriptor chains: the person named after a modifier, its country and role. */
static void
test_descriptor_chain(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text =
		"Ghanaian opposition spokesman Kofi Mensah responded on the radio, calling the tariffs a mistake.\n"
		"\n"
		"\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Navy 2nd Lt. Ana Ruiz.\n"
		"\n"
		"Lindqvist visited President Erik Dahl and said the border would reopen.\n";
	DiploAnalysis an;
	const DiploQuote *q;
	const DiploSpeaker *sp;

	diplo_analyze_text(a, text, strlen(text), &an);
	q = find_quote(&an, "the tariffs a mistake", DIPLO_QUOTE_INDIRECT);
	sp = speaker_rec(&an, q);
	assert_string_equal(sp->name, "Kofi Mensah");
	assert_string_equal(sp->role, "Spokesperson");
	assert_string_equal(sp->country, "Ghana");
	q = find_quote(&an, "We are ready", DIPLO_QUOTE_DIRECT);
	sp = speaker_rec(&an, q);
	assert_string_equal(sp->name, "Ana Ruiz");
	assert_string_equal(sp->role, "Lieutenant");
	q = find_quote(&an, "the border would reopen", DIPLO_QUOTE_INDIRECT);
	assert_string_equal(speaker_rec(&an, q)->name, "Lindqvist");
	diplo_analysis_free(a, &an);
}

/* Fixed bug: a quote over two paragraphs takes the closing piece's cue. */
static void
test_paragraph_quote(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text =
		"Erik Dahl spoke after the meeting.\n"
		"\n"
		"\"The first part of the answer runs on here.\n"
		"\n"
		"\"And this is the end,\" Dahl said.\n"
		"\n"
		"The talks went on for hours, Dahl said.\n";
	DiploAnalysis an;
	const DiploQuote *q;

	diplo_analyze_text(a, text, strlen(text), &an);
	q = find_quote(&an, "The first part", DIPLO_QUOTE_DIRECT);
	assert_string_equal(speaker_rec(&an, q)->name, "Erik Dahl");
	assert_non_null(q->cue);
	assert_string_equal(q->cue, "said");
	/* "..., X said." : the content is before */
	q = find_quote(&an, "The talks went on for hours", DIPLO_QUOTE_INDIRECT);
	assert_string_equal(speaker_rec(&an, q)->name, "Erik Dahl");
	diplo_analysis_free(a, &an);
}

/* Offsets are code points and the content equals the text there. */
static void
test_offsets(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text = "\xC3\xA9t\xC3\xA9 \xE2\x80\x9CNous venons,\xE2\x80\x9D said Jean Dupont.";
	DiploAnalysis an;

	diplo_analyze_text(a, text, strlen(text), &an);
	assert_int_equal(an.nquotes, 1);
	assert_int_equal(an.quotes[0].content_start, 5);
	assert_int_equal(an.quotes[0].content_len, 12);
	assert_string_equal(an.quotes[0].content, "Nous venons,");
	assert_string_equal(an.speakers[an.quotes[0].speaker].name, "Jean Dupont");
	diplo_analysis_free(a, &an);
}

/* Bad bytes, NUL, lone marks and deep nesting never break it. */
static void
test_bad_input(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;
	char		buf[30000];
	size_t		n = 0;

	diplo_analyze_text(a, "\xFF\xFE\x80 \"x\0y\" said \xC3", 14, &an);
	for (int k = 0; k < an.nquotes; k++)
		assert_true(strlen(an.quotes[k].content) > 0);
	diplo_analysis_free(a, &an);
	for (int k = 0; k < 9000 && n + 3 < sizeof(buf); k++)
	{
		memcpy(buf + n, "\xE2\x80\x9C", 3);
		n += 3;
	}
	diplo_analyze_text(a, buf, n, &an);
	assert_int_equal(an.nquotes, 0);
	diplo_analysis_free(a, &an);
	diplo_analyze_text(a, "", 0, &an);
	assert_int_equal(an.nquotes, 0);
	assert_int_equal(an.nspeakers, 0);
	diplo_analysis_free(a, &an);
}

/*
 * Reported speech does not nest without bound: "He said He said ..." gives
 * contents whose total length stays within twice the text's.
 */
static void
test_relay_depth(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalysis an;
	static const char unit[] = "He said ";
	size_t		n = 0;
	char	   *buf = malloc(8 * 5000 + 64);
	int64_t		total = 0;

	assert_non_null(buf);
	for (int k = 0; k < 5000; k++, n += 8)
		memcpy(buf + n, unit, 8);
	memcpy(buf + n, "talks would resume.", 19);
	n += 19;
	diplo_analyze_text(a, buf, n, &an);
	for (int k = 0; k < an.nquotes; k++)
		total += an.quotes[k].content_len;
	assert_true(total <= 2 * (int64_t) n);
	diplo_analysis_free(a, &an);

	/* a relay keeps its one inner attribution */
	{
		const char *text = "The ministry said Minister Ana Ruiz stressed that "
			"the border talks must continue next week.";

		diplo_analyze_text(a, text, strlen(text), &an);
		assert_true(an.nquotes >= 2);
		assert_true(strstr(an.quotes[0].content, "Ruiz stressed") != NULL ||
					strstr(an.quotes[1].content, "Ruiz stressed") != NULL);
		diplo_analysis_free(a, &an);
	}
	free(buf);
}

/* Word sets answer like a scan of their list, in any letter case. */
static void
test_word_sets(void **state)
{
	static const char *const list[] = {"the", "counterpart", "inc.", NULL};
	static DiploWordSet set = DIPLO_WORDSET(list);
	DiploTokens t = {0};

	tokenize_text("THE Counterpart of Acme Inc. thee", &t);
	assert_true(diplo_tok_in_set(&t, 0, &set));
	assert_true(diplo_tok_in_set(&t, 1, &set));
	assert_false(diplo_tok_in_set(&t, 2, &set));
	assert_true(diplo_tok_in_set(&t, 4, &set));
	assert_false(diplo_tok_in_set(&t, 5, &set));
	assert_false(diplo_tok_in_set(&t, 99, &set));
	diplo_tokens_free(&diplo_malloc_allocator, &t);
}

/* Run the analyser group. */
int
unit_analyze(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenizer),
		cmocka_unit_test(test_quote_pairing),
		cmocka_unit_test(test_end_to_end),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_relay_depth),
		cmocka_unit_test(test_word_sets),
		cmocka_unit_test(test_speaker_phrases),
		cmocka_unit_test(test_noun_cues),
		cmocka_unit_test(test_relay_and_spokesman),
		cmocka_unit_test(test_descriptor_chain),
		cmocka_unit_test(test_paragraph_quote),
	};

	return cmocka_run_group_tests_name("analyze", tests, NULL, NULL);
}
