/*
 * test_postag.c
 *		Unit tests of the part-of-speech and entity tagger on sentences
 *		written for these tests, cut by the analyser's own tokenizer.
 */
#include <stdlib.h>
#include <string.h>

#include "unit_tests.h"
#include "diplo_postag.h"

/* A paragraph cut and tagged. */
typedef struct Tagged
{
	DiploTokens t;
	uint8_t    *pos;
	uint8_t    *ner;
} Tagged;

/* Cut the one-paragraph text into tokens and sentences and tag them. */
static void
tag_text(const char *text, Tagged *out)
{
	DiploParagraphs it;
	DiploParagraph p;
	const DiploAllocator *a = &diplo_malloc_allocator;

	memset(out, 0, sizeof(*out));
	diplo_paragraphs_init(&it, text, strlen(text));
	assert_true(diplo_paragraphs_next(a, &it, &p));
	diplo_tokenize(a, text, &p, &out->t);
	diplo_split_sentences(a, &out->t, NULL);
	out->pos = calloc(out->t.n + 1, 1);
	out->ner = calloc(out->t.n + 1, 1);
	diplo_pos_tag_tokens(a, &out->t, out->pos, out->ner);
}

/* Free what tag_text made. */
static void
tagged_free(Tagged *tg)
{
	diplo_tokens_free(&diplo_malloc_allocator, &tg->t);
	free(tg->pos);
	free(tg->ner);
}

/* The index of the first token equal to word (exact bytes), or -1. */
static int
find_word(const Tagged *tg, const char *word)
{
	int			len = (int) strlen(word);

	for (int i = 0; i < tg->t.n; i++)
		if (tg->t.words[i].len == len && memcmp(tg->t.words[i].s, word, len) == 0)
			return i;
	return -1;
}

/* Assert the tags of a word (ner < 0: not checked). */
static void
check_word(const Tagged *tg, const char *word, const char *pos, int ner)
{
	int			i = find_word(tg, word);

	if (i < 0)
		fail_msg("word %s not found", word);
	if (strcmp(diplo_pos_name(tg->pos[i]), pos) != 0)
		fail_msg("%s: POS %s, expected %s", word, diplo_pos_name(tg->pos[i]), pos);
	if (ner >= 0 && tg->ner[i] != ner)
		fail_msg("%s: NER %s, expected %s", word, diplo_ner_name(tg->ner[i]),
				 diplo_ner_name(ner));
}

/* A title, a name, a speech verb and a reported clause. */
static void
test_reported_clause(void **state)
{
	Tagged		tg;

	tag_text("Foreign Minister Ana Ruiz said on Tuesday that talks would resume.", &tg);
	check_word(&tg, "Foreign", "NNP", -1);
	check_word(&tg, "Ana", "NNP", DIPLO_NER_PERSON);
	check_word(&tg, "Ruiz", "NNP", DIPLO_NER_PERSON);
	check_word(&tg, "said", "VBD", DIPLO_NER_O);
	check_word(&tg, "on", "IN", DIPLO_NER_O);
	check_word(&tg, "that", "IN", DIPLO_NER_O);
	check_word(&tg, "talks", "NNS", DIPLO_NER_O);
	check_word(&tg, "would", "MD", DIPLO_NER_O);
	check_word(&tg, "resume", "VB", DIPLO_NER_O);
	check_word(&tg, ".", ".", DIPLO_NER_O);
	tagged_free(&tg);
}

/* Organisations, places, a participle clause, a possessive. */
static void
test_places_and_orgs(void **state)
{
	Tagged		tg;

	tag_text("The ministry's spokesman said Germany and France had signed "
			 "the agreement in Paris, adding that the United Nations "
			 "welcomed it.", &tg);
	check_word(&tg, "The", "DT", DIPLO_NER_O);
	check_word(&tg, "ministry", "NN", DIPLO_NER_O);
	check_word(&tg, "'s", "POS", DIPLO_NER_O);
	check_word(&tg, "spokesman", "NN", DIPLO_NER_O);
	check_word(&tg, "Germany", "NNP", DIPLO_NER_LOCATION);
	check_word(&tg, "France", "NNP", DIPLO_NER_LOCATION);
	check_word(&tg, "had", "VBD", -1);
	check_word(&tg, "signed", "VBN", -1);
	check_word(&tg, "Paris", "NNP", DIPLO_NER_LOCATION);
	check_word(&tg, ",", ",", DIPLO_NER_O);
	check_word(&tg, "adding", "VBG", DIPLO_NER_O);
	check_word(&tg, "Nations", "NNPS", DIPLO_NER_ORGANIZATION);
	check_word(&tg, "welcomed", "VBD", DIPLO_NER_O);
	check_word(&tg, "it", "PRP", DIPLO_NER_O);
	tagged_free(&tg);
}

/* Lowercase noun-phrase speakers, pronouns, quote marks, two sentences. */
static void
test_two_sentences(void **state)
{
	Tagged		tg;

	tag_text("\"We will not back down,\" the senator told reporters. "
			 "She didn't say when the vote would happen.", &tg);
	check_word(&tg, "We", "PRP", DIPLO_NER_O);
	check_word(&tg, "senator", "NN", DIPLO_NER_O);
	check_word(&tg, "told", "VBD", DIPLO_NER_O);
	check_word(&tg, "reporters", "NNS", DIPLO_NER_O);
	check_word(&tg, "She", "PRP", DIPLO_NER_O);
	check_word(&tg, "didn't", "VBD", DIPLO_NER_O);
	check_word(&tg, "when", "WRB", DIPLO_NER_O);
	check_word(&tg, "vote", "NN", DIPLO_NER_O);
	assert_int_equal(tg.t.nsent, 2);
	tagged_free(&tg);
}

/* The same words give the same tags; a sentence alone equals it in a paragraph. */
static void
test_deterministic(void **state)
{
	Tagged		a,
				b;
	uint8_t		pos[64],
				ner[64];
	int			s1;

	tag_text("Officials met in Brussels. The talks ended late on Friday.", &a);
	tag_text("Officials met in Brussels. The talks ended late on Friday.", &b);
	assert_int_equal(a.t.n, b.t.n);
	assert_memory_equal(a.pos, b.pos, a.t.n);
	assert_memory_equal(a.ner, b.ner, a.t.n);
	assert_int_equal(a.t.nsent, 2);
	s1 = a.t.sent_start[1];
	diplo_pos_tag(NULL, a.t.words + s1, a.t.n - s1, pos, ner);
	assert_memory_equal(pos, a.pos + s1, a.t.n - s1);
	assert_memory_equal(ner, a.ner + s1, a.t.n - s1);
	/* POS alone (no entity tags) gives the same parts of speech */
	diplo_pos_tag(NULL, a.t.words + s1, a.t.n - s1, pos, NULL);
	assert_memory_equal(pos, a.pos + s1, a.t.n - s1);
	tagged_free(&a);
	tagged_free(&b);
}

/* Any bytes: empty and odd words, invalid UTF-8, a long run of words. */
static void
test_garbage(void **state)
{
	static const char junk[] = "\xff\xfe\xc3\x28\xe2\x80\x99\xe2\x80";
	DiploWord	words[8];
	uint8_t		pos[8],
				ner[8];
	int			n = 200000;
	DiploWord  *many = malloc(sizeof(DiploWord) * n);
	uint8_t    *mpos = malloc(n),
			   *mner = malloc(n);

	words[0].s = junk;
	words[0].len = (int) sizeof(junk) - 1;
	words[1].s = "";
	words[1].len = 0;
	words[2].s = NULL;
	words[2].len = 0;
	words[3].s = junk + 7;
	words[3].len = 2;
	words[4].s = "1,000";
	words[4].len = 5;
	words[5].s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
	words[5].len = (int) strlen(words[5].s);
	words[6].s = "\xc3\x89lys\xc3\xa9" "e";
	words[6].len = 7;
	words[7].s = "2021";
	words[7].len = 4;
	diplo_pos_tag(&diplo_malloc_allocator, words, 8, pos, ner);
	for (int i = 0; i < 8; i++)
	{
		assert_true(pos[i] < DIPLO_POS_NTAGS);
		assert_true(ner[i] < DIPLO_NER_NTAGS);
	}
	assert_string_equal(diplo_pos_name(pos[7]), "CD");
	diplo_pos_tag(&diplo_malloc_allocator, words, 0, pos, ner);
	for (int i = 0; i < n; i++)
	{
		many[i].s = (i % 3) ? "talks" : "the";
		many[i].len = (i % 3) ? 5 : 3;
	}
	diplo_pos_tag(&diplo_malloc_allocator, many, n, mpos, mner);
	for (int i = 0; i < n; i++)
		assert_true(mpos[i] < DIPLO_POS_NTAGS && mner[i] < DIPLO_NER_NTAGS);
	free(many);
	free(mpos);
	free(mner);
}

/* Tag names and their ranges. */
static void
test_names(void **state)
{
	assert_string_equal(diplo_pos_name(DIPLO_POS_NNP), "NNP");
	assert_string_equal(diplo_pos_name(DIPLO_POS_PRP_POSS), "PRP$");
	assert_string_equal(diplo_pos_name(DIPLO_POS_CLOSE_QUOTE), "''");
	assert_string_equal(diplo_pos_name(DIPLO_POS_NTAGS), "?");
	assert_string_equal(diplo_pos_name(-1), "?");
	assert_string_equal(diplo_ner_name(DIPLO_NER_ORGANIZATION), "ORGANIZATION");
	assert_string_equal(diplo_ner_name(DIPLO_NER_NTAGS), "?");
	assert_true(diplo_pos_is_noun(DIPLO_POS_NNPS));
	assert_true(diplo_pos_is_proper(DIPLO_POS_NNP));
	assert_false(diplo_pos_is_verb(DIPLO_POS_MD));
	assert_true(diplo_pos_is_finite(DIPLO_POS_MD));
	assert_true(diplo_pos_is_adjective(DIPLO_POS_JJS));
}

/* Run the tagger group; returns the number of failures. */
int
unit_postag(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reported_clause),
		cmocka_unit_test(test_places_and_orgs),
		cmocka_unit_test(test_two_sentences),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests_name("postag", tests, NULL, NULL);
}
