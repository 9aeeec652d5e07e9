/*
 * test_language.c
 *		Unit tests of the languages (issue 7): the guess, the function words
 *		read as English ones, and the lookups of each language's tables.
 */
#include <stdlib.h>
#include <string.h>

#include "unit_tests.h"

#include "diplo_analyze.h"
#include "diplo_language.h"
#include "diplo_lexicon.h"
#include "diplo_text.h"

/* The guess of a NUL-terminated text. */
static DiploLanguage
guess(const char *s)
{
	return diplo_guess_language(&diplo_malloc_allocator, s, strlen(s));
}

/* A word of a string literal, zero-initialised as the lookups require. */
static DiploWord
word(const char *s)
{
	DiploWord	w = {s, (int) strlen(s)};

	return w;
}

/* A test's teardown: the lookups read English again, even after a failed assert. */
static int
read_english(void **state)
{
	diplo_lex_set_language(DIPLO_LANG_EN);
	return 0;
}

/* The group's setup: stem the topic keywords of every language. */
static int
setup_language(void **state)
{
	return diplo_lexicon_init() ? 0 : -1;
}

/* Each language is told from the others by a sentence or two. */
static void
test_guess(void **state)
{
	assert_int_equal(guess("The minister said that the talks would resume."),
					 DIPLO_LANG_EN);
	assert_int_equal(guess("Le ministre a déclaré que les négociations "
						   "reprendraient avec l'Iran."), DIPLO_LANG_FR);
	assert_int_equal(guess("El ministro dijo que las negociaciones con "
						   "Marruecos seguirán."), DIPLO_LANG_ES);
	assert_int_equal(guess("Die Ministerin sagte, dass die Gespräche mit "
						   "der Ukraine weitergehen."), DIPLO_LANG_DE);
	/* apostrophes ’ count the French elision */
	assert_int_equal(guess("L’ambassadeur qu’il a reçu n’est pas venu."),
					 DIPLO_LANG_FR);
}

/* No function words, or too few: English, never AUTO. */
static void
test_guess_default(void **state)
{
	assert_int_equal(guess(""), DIPLO_LANG_EN);
	assert_int_equal(diplo_guess_language(NULL, NULL, 0), DIPLO_LANG_EN);
	assert_int_equal(guess("Paris, Berlin, Madrid, 2024."), DIPLO_LANG_EN);
	/* one French word is not enough */
	assert_int_equal(guess("Cette"), DIPLO_LANG_EN);
	/* invalid UTF-8 is no crash */
	assert_int_equal(guess("\xff\xfe\xc3 xyz \xe2\x80 \xc3"), DIPLO_LANG_EN);
	assert_int_equal(guess("\xff dass \xc3 und \xe2\x80"), DIPLO_LANG_DE);
}

/*
 * An English article quoting a French phrase stays English: the other
 * language must lead twice over.
 */
static void
test_guess_mixed(void **state)
{
	assert_int_equal(guess("The minister said that the talks with France "
						   "were a success and that he was pleased with "
						   "the result. He called it \"la fin de la "
						   "crise\" in his speech."), DIPLO_LANG_EN);
	/* only the first DIPLO_GUESS_BYTES count */
	{
		size_t		n = DIPLO_GUESS_BYTES + 64;
		char	   *s = malloc(n + 1);
		int			counts[DIPLO_LANG_DE + 1];

		for (size_t k = 0; k < n; k += 4)
			memcpy(s + k, "que ", 4);
		s[n] = '\0';
		diplo_language_counts(NULL, s, n, counts);
		assert_int_equal(counts[DIPLO_LANG_FR], DIPLO_GUESS_BYTES / 4);
		assert_int_equal(counts[DIPLO_LANG_ES], DIPLO_GUESS_BYTES / 4);
		free(s);
	}
}

/* Function words are read as English ones; others and English are not. */
static void
test_aliases(void **state)
{
	assert_string_equal(diplo_language_alias(DIPLO_LANG_FR, "que", 3), "that");
	assert_string_equal(diplo_language_alias(DIPLO_LANG_FR, "Selon", 5),
						"according");
	assert_string_equal(diplo_language_alias(DIPLO_LANG_ES, "según", 6),
						"according");
	assert_string_equal(diplo_language_alias(DIPLO_LANG_DE, "dass", 4), "that");
	assert_null(diplo_language_alias(DIPLO_LANG_EN, "que", 3));
	assert_null(diplo_language_alias(DIPLO_LANG_DE, "que", 3));
	assert_null(diplo_language_alias(DIPLO_LANG_FR, "ministre", 8));
	assert_true(diplo_language_elision(DIPLO_LANG_FR, "qu'", 3));
	assert_true(diplo_language_elision(DIPLO_LANG_FR, "L\xe2\x80\x99", 4));
	assert_false(diplo_language_elision(DIPLO_LANG_EN, "l'", 2));
}

/* Each language reads its own cues and titles, English its own only. */
static void
test_lookups(void **state)
{
	const DiploCue *cue;
	const DiploTitle *ti;
	const DiploCountry *c;
	DiploWord	w[2];
	int			matched;
	DiploPlaceKind kind;
	int			prev;

	assert_null(diplo_lex_cue(word("sagte")));
	prev = diplo_lex_set_language(DIPLO_LANG_DE);
	assert_int_equal(prev, DIPLO_LANG_EN);
	cue = diplo_lex_cue(word("sagte"));
	assert_non_null(cue);
	assert_string_equal(cue->lemma, "say");
	/* the English cues are not read in German */
	assert_null(diplo_lex_cue(word("said")));
	w[0] = word("Außenministerin");
	ti = diplo_lex_title(w, 1, 0, &matched);
	assert_non_null(ti);
	assert_string_equal(ti->role, "Foreign Minister");
	/* country names: the language's, then the English ones */
	w[0] = word("Russland");
	c = diplo_lex_place(w, 1, 0, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->name, "Russia");
	w[0] = word("Pakistan");
	assert_non_null(diplo_lex_place(w, 1, 0, &matched, &kind));
	/* topics on German stems: "Sanktionen" and "Sanktion" */
	w[0] = word("Sanktionen");
	assert_true(diplo_lex_topic(w, 1, 0, &matched) >= 0);
	diplo_lex_set_language(DIPLO_LANG_FR);
	assert_null(diplo_lex_cue(word("sagte")));
	assert_non_null(diplo_lex_cue(word("déclaré")));
	w[0] = word("Allemagne");
	c = diplo_lex_place(w, 1, 0, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->name, "Germany");
	/* a bad value reads English */
	diplo_lex_set_language(99);
	assert_int_equal(diplo_lex_language(), DIPLO_LANG_EN);
	assert_non_null(diplo_lex_cue(word("said")));
	diplo_lex_set_language(prev);
}

/* The analysis in a language restores English for the lookups after it. */
static void
test_analysis(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	const char *text = "Außenministerin Eva Richter sagte, dass die "
		"Sanktionen gegen Russland bleiben.";
	DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};
	DiploAnalysis an;

	diplo_analyze_text_opts(a, text, strlen(text), &opts, &an);
	assert_int_equal(an.nquotes, 1);
	assert_int_equal(an.nspeakers, 1);
	assert_string_equal(an.speakers[0].name, "Eva Richter");
	assert_string_equal(an.speakers[0].role, "Foreign Minister");
	diplo_analysis_free(a, &an);
	assert_int_equal(diplo_lex_language(), DIPLO_LANG_EN);
	/* read as English, the German cue is no cue */
	opts.language = DIPLO_LANG_EN;
	diplo_analyze_text_opts(a, text, strlen(text), &opts, &an);
	assert_int_equal(an.nquotes, 0);
	diplo_analysis_free(a, &an);
}

/* Run the language group. */
int
unit_language(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_guess),
		cmocka_unit_test(test_guess_default),
		cmocka_unit_test(test_guess_mixed),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test_teardown(test_lookups, read_english),
		cmocka_unit_test_teardown(test_analysis, read_english),
	};

	return cmocka_run_group_tests_name("language", tests, setup_language, NULL);
}
