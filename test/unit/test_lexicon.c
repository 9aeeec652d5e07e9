/*
 * test_lexicon.c
 *		Unit tests of the lexicon lookups over the generated tables.
 */
#include <string.h>

#include "unit_tests.h"
#include "diplo_lexicon.h"

#define MAX_TEST_WORDS 64

/* True for a byte that continues a word: ASCII letters, digits, UTF-8. */
static bool
is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		(c >= '0' && c <= '9') || c >= 0x80;
}

/* Length of an apostrophe (' or ’) at s, or 0. */
static int
apostrophe_len(const char *s)
{
	if (s[0] == '\'')
		return 1;
	if ((unsigned char) s[0] == 0xE2 && (unsigned char) s[1] == 0x80 &&
		(unsigned char) s[2] == 0x99)
		return 3;
	return 0;
}

/*
 * Cut text into words roughly as the analyser does (enough for these
 * tests): words with internal . - ' kept, a final '.' kept after an
 * internal one ("U.S."), possessive 's split off, punctuation alone.
 */
static int
tokenize(const char *text, DiploWord *words)
{
	int			n = 0;
	const char *p = text;

	memset(words, 0, sizeof(DiploWord) * MAX_TEST_WORDS);

	while (*p && n < MAX_TEST_WORDS)
	{
		const char *start = p;
		bool		dotted = false;

		if (*p == ' ')
		{
			p++;
			continue;
		}
		if (apostrophe_len(p) && (p[apostrophe_len(p)] == 's') &&
			!is_word_byte((unsigned char) p[apostrophe_len(p) + 1]))
		{
			p += apostrophe_len(p) + 1;
			words[n].s = start;
			words[n++].len = (int) (p - start);
			continue;
		}
		if (!is_word_byte((unsigned char) *p))
		{
			words[n].s = p++;
			words[n++].len = 1;
			continue;
		}
		for (;;)
		{
			int			alen;

			while (is_word_byte((unsigned char) *p) &&
				   !(apostrophe_len(p) == 3))
				p++;
			alen = apostrophe_len(p);
			if ((*p == '.' || *p == '-') && is_word_byte((unsigned char) p[1]))
			{
				dotted = dotted || *p == '.';
				p++;
				continue;
			}
			if (alen && p[alen] == 's' && !is_word_byte((unsigned char) p[alen + 1]))
				break;			/* possessive: next word */
			if (alen && is_word_byte((unsigned char) p[alen]))
			{
				p += alen;
				continue;
			}
			if (*p == '.' && dotted)
				p++;
			break;
		}
		words[n].s = start;
		words[n++].len = (int) (p - start);
	}
	return n;
}

/* One word from a C string. */
static DiploWord
word(const char *s)
{
	DiploWord	w = {s, (int) strlen(s)};

	return w;
}

/* The group's setup: stem the topic keywords. */
static int
setup_lexicon(void **state)
{
	return diplo_lexicon_init() ? 0 : -1;
}

/* The tokenizer used by these tests cuts as the lexicon expects. */
static void
test_tokenize(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("the U.S. and Pakistan’s long-term COVID-19 plan, d'Orsay.", w);

	assert_int_equal(n, 11);
	assert_int_equal(w[1].len, 4);	/* U.S. */
	assert_int_equal(w[4].len, 4);	/* ’s */
	assert_int_equal(w[5].len, 9);	/* long-term */
	assert_int_equal(w[9].len, 7);	/* d'Orsay */
}

/* Cue verbs: forms, lemmas, classes and flags. */
static void
test_cues(void **state)
{
	const DiploCue *c;

	c = diplo_lex_cue(word("said"));
	assert_non_null(c);
	assert_string_equal(c->lemma, "say");
	assert_int_equal(c->cls, DIPLO_CUE_SPEECH);

	c = diplo_lex_cue(word("Says"));
	assert_non_null(c);
	assert_true(c->flags & DIPLO_CUE_PRESENT);

	c = diplo_lex_cue(word("told"));
	assert_non_null(c);
	assert_string_equal(c->lemma, "tell");
	assert_true(c->flags & DIPLO_CUE_TAKES_OBJECT);

	c = diplo_lex_cue(word("noting"));
	assert_non_null(c);
	assert_true(c->flags & DIPLO_CUE_PARTICIPLE);

	c = diplo_lex_cue(word("discussed"));
	assert_non_null(c);
	assert_int_equal(c->cls, DIPLO_CUE_TOPIC);

	c = diplo_lex_cue(word("welcomed"));
	assert_non_null(c);
	assert_int_equal(c->cls, DIPLO_CUE_STANCE);

	c = diplo_lex_cue(word("emphasised"));
	assert_non_null(c);
	assert_string_equal(c->lemma, "emphasise");
	assert_non_null(diplo_lex_cue(word("emphasized")));

	assert_null(diplo_lex_cue(word("table")));
	assert_null(diplo_lex_cue(word("")));
}

/* Titles: the longest phrase wins, honorifics and role nouns are kinds. */
static void
test_titles(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("US Secretary of State Antony Blinken and Secretary Austin", w);
	int			matched;
	const DiploTitle *t;

	t = diplo_lex_title(w, n, 0, &matched);
	assert_non_null(t);
	assert_int_equal(matched, 4);
	assert_string_equal(t->role, "Secretary of State");
	assert_string_equal(t->org_kind, "foreign_ministry");

	t = diplo_lex_title(w, n, 1, &matched);
	assert_non_null(t);
	assert_int_equal(matched, 3);
	assert_string_equal(t->role, "Secretary of State");

	t = diplo_lex_title(w, n, 7, &matched);
	assert_non_null(t);
	assert_int_equal(matched, 1);
	assert_string_equal(t->role, "Secretary");

	n = tokenize("China's top diplomat met Mr. Smith and officials", w);
	t = diplo_lex_title(w, n, 2, &matched);
	assert_non_null(t);
	assert_int_equal(matched, 2);
	assert_string_equal(t->role, "Foreign Minister");
	t = diplo_lex_title(w, n, 5, &matched);
	assert_non_null(t);
	assert_int_equal(t->kind, DIPLO_TITLE_HONORIFIC);
	assert_null(t->role);
	t = diplo_lex_title(w, n, 9, &matched);
	assert_non_null(t);
	assert_int_equal(t->kind, DIPLO_TITLE_ROLE_NOUN);

	/* "PM" is case-sensitive: "3 pm" is no prime minister */
	n = tokenize("PM Khan at 3 pm", w);
	t = diplo_lex_title(w, n, 0, &matched);
	assert_non_null(t);
	assert_string_equal(t->role, "Prime Minister");
	assert_null(diplo_lex_title(w, n, 4, &matched));
	assert_int_equal(matched, 0);
}

/* Organisations: case-sensitive acronyms, fixed countries, channels. */
static void
test_orgs(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("said the FO , not fo , and the State Department", w);
	int			matched;
	const DiploOrg *o;

	o = diplo_lex_org(w, n, 2, &matched);
	assert_non_null(o);
	assert_true(o->case_sensitive);
	assert_string_equal(o->canonical, "Ministry of Foreign Affairs");
	assert_string_equal(o->org_kind, "foreign_ministry");
	assert_null(o->country);
	assert_null(diplo_lex_org(w, n, 5, &matched));

	o = diplo_lex_org(w, n, 9, &matched);
	assert_non_null(o);
	assert_int_equal(matched, 2);
	assert_string_equal(o->canonical, "State Department");
	assert_string_equal(o->country, "United States");

	n = tokenize("a joint statement from the Quai d’Orsay and the Élysée", w);
	o = diplo_lex_org(w, n, 1, &matched);
	assert_non_null(o);
	assert_int_equal(o->kind, DIPLO_ORG_CHANNEL);
	assert_int_equal(matched, 2);
	o = diplo_lex_org(w, n, 5, &matched);
	assert_non_null(o);
	assert_int_equal(matched, 2);
	assert_string_equal(o->country, "France");
	o = diplo_lex_org(w, n, 9, &matched);
	assert_non_null(o);
	assert_string_equal(o->canonical, "Élysée Palace");
	n = tokenize("ÉLYSÉE", w);
	assert_non_null(diplo_lex_org(w, n, 0, &matched));
}

/* Places: names, aliases, demonyms, capitals; "us" is not the US. */
static void
test_places(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("Islamabad told us the American and U.S. view of the People's Republic of China", w);
	int			matched;
	DiploPlaceKind kind;
	const DiploCountry *c;

	c = diplo_lex_place(w, n, 0, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->name, "Pakistan");
	assert_string_equal(c->code, "PAK");
	assert_int_equal(kind, DIPLO_PLACE_CAPITAL);

	assert_null(diplo_lex_place(w, n, 2, &matched, &kind));

	c = diplo_lex_place(w, n, 4, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->name, "United States");
	assert_int_equal(kind, DIPLO_PLACE_DEMONYM);

	c = diplo_lex_place(w, n, 6, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->name, "United States");
	assert_int_equal(kind, DIPLO_PLACE_NAME);

	c = diplo_lex_place(w, n, 10, &matched, &kind);
	assert_non_null(c);
	assert_int_equal(matched, 5);
	assert_string_equal(c->code, "CHN");

	n = tokenize("US and Türkiye , not turkey ; Côte d’Ivoire and COTE D'IVOIRE", w);
	c = diplo_lex_place(w, n, 0, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->code, "USA");
	c = diplo_lex_place(w, n, 2, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->code, "TUR");
	assert_null(diplo_lex_place(w, n, 5, &matched, &kind));
	c = diplo_lex_place(w, n, 7, &matched, &kind);
	assert_non_null(c);
	assert_int_equal(matched, 2);
	assert_string_equal(c->code, "CIV");
	c = diplo_lex_place(w, n, 10, &matched, &kind);
	assert_non_null(c);
	assert_string_equal(c->code, "CIV");

	assert_true(diplo_lex_ncountries >= 198);
}

/* The index of the topic with this name, or -1. */
static int
topic_named(const char *name)
{
	for (int t = 0; t < diplo_ntopics; t++)
		if (strcmp(diplo_topics[t].name, name) == 0)
			return t;
	return -1;
}

/* Topics: stems, longest keyword, cheap misses. */
static void
test_topics(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("new investments in COVID-19 vaccines and the Afghan peace process", w);
	int			matched;

	assert_true(diplo_ntopics >= 20);
	assert_int_equal(diplo_lex_topic(w, n, 1, &matched),
					 topic_named("trade and investment"));
	assert_int_equal(matched, 1);
	assert_int_equal(diplo_lex_topic(w, n, 3, &matched),
					 topic_named("COVID-19"));
	assert_int_equal(diplo_lex_topic(w, n, 4, &matched),
					 topic_named("COVID-19"));
	assert_int_equal(diplo_lex_topic(w, n, 7, &matched),
					 topic_named("Afghanistan peace process"));
	assert_int_equal(matched, 3);
	assert_int_equal(diplo_lex_topic(w, n, 8, &matched),
					 topic_named("peace process"));
	assert_int_equal(matched, 2);
	assert_int_equal(diplo_lex_topic(w, n, 0, &matched), -1);
	assert_int_equal(matched, 0);

	n = tokenize("investing in bilateral relationships", w);
	assert_int_equal(diplo_lex_topic(w, n, 0, &matched),
					 topic_named("trade and investment"));
	assert_int_equal(diplo_lex_topic(w, n, 2, &matched),
					 topic_named("bilateral relations"));
	assert_int_equal(matched, 2);
	/* "relationship" alone is no topic */
	assert_int_equal(diplo_lex_topic(w, n, 3, &matched), -1);
}

/* No two topics share a keyword stem (the second would never match). */
static void
test_topic_stems_distinct(void **state)
{
	int			clashes = 0;

	for (int k = 1; k < diplo_lex_topic_nkeywords; k++)
	{
		const DiploLexKey *a = &diplo_lex_topic_stems[k - 1];
		const DiploLexKey *b = &diplo_lex_topic_stems[k];

		if (a->key && b->key && strcmp(a->key, b->key) == 0 &&
			a->entry != b->entry)
		{
			print_error("topic stem \"%s\" in %s and %s\n", a->key,
						diplo_topics[a->entry].name,
						diplo_topics[b->entry].name);
			clashes++;
		}
	}
	assert_int_equal(clashes, 0);
}

/* Events: phrases to CAMEO codes, longest first. */
static void
test_events(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			n = tokenize("during a phone call , they met and signed a memorandum of understanding", w);
	int			matched;
	const DiploEvent *e;

	e = diplo_lex_event(w, n, 2, &matched);
	assert_non_null(e);
	assert_int_equal(matched, 2);
	assert_string_equal(e->event, "phone call");
	assert_string_equal(e->cameo, "041");
	e = diplo_lex_event(w, n, 6, &matched);
	assert_non_null(e);
	assert_string_equal(e->cameo, "040");
	e = diplo_lex_event(w, n, 10, &matched);
	assert_non_null(e);
	assert_int_equal(matched, 3);
	assert_string_equal(e->cameo, "057");
	assert_null(diplo_lex_event(w, n, 0, &matched));
}

/* Garbage words, bounds and over-long input never crash or match. */
static void
test_garbage(void **state)
{
	static const char junk[] = "\xff\xfe\xc3\x28\xe2\x80\x99\xe2\x80\xc3";
	char		longword[1000];
	DiploWord	w[3] = {{0}};
	int			matched = 7;
	DiploPlaceKind kind;

	memset(longword, 'a', sizeof(longword));
	w[0].s = junk;
	w[0].len = (int) sizeof(junk) - 1;
	w[1].s = longword;
	w[1].len = (int) sizeof(longword);
	w[2].s = junk + 8;
	w[2].len = 2;			/* a cut-off ’ */
	for (int i = 0; i < 3; i++)
	{
		assert_null(diplo_lex_cue(w[i]));
		assert_null(diplo_lex_title(w, 3, i, &matched));
		assert_null(diplo_lex_org(w, 3, i, &matched));
		assert_null(diplo_lex_place(w, 3, i, &matched, &kind));
		assert_null(diplo_lex_event(w, 3, i, &matched));
		assert_int_equal(diplo_lex_topic(w, 3, i, &matched), -1);
		assert_int_equal(matched, 0);
	}
	assert_null(diplo_lex_title(w, 3, 3, &matched));
	assert_null(diplo_lex_title(w, 3, -1, &matched));
	assert_int_equal(diplo_lex_topic(w, 3, 5, &matched), -1);
	assert_int_equal(diplo_lex_topic(NULL, 0, 0, &matched), -1);
}

/* Organisation head words and the spokesperson flag come from the data. */
static void
test_org_heads_and_spokes(void **state)
{
	DiploWord	w[MAX_TEST_WORDS];
	int			matched;
	int			n;
	const DiploTitle *ti;

	assert_true(diplo_lex_org_head(word("Times")));
	assert_true(diplo_lex_org_head(word("PARTY")));
	assert_true(diplo_lex_org_head(word("Inc.")));
	assert_false(diplo_lex_org_head(word("Qureshi")));
	assert_false(diplo_lex_org_head(word("")));
	n = tokenize("spokesman Foreign Minister", w);
	ti = diplo_lex_title(w, n, 0, &matched);
	assert_non_null(ti);
	assert_true(ti->speaks_for_org);
	ti = diplo_lex_title(w, n, 1, &matched);
	assert_non_null(ti);
	assert_false(ti->speaks_for_org);
}

/* Every cue form of the table is found again through the first-word hash. */
static void
test_every_cue_found(void **state)
{
	for (int k = 0; k < diplo_lex_cue_index.nkeys; k++)
	{
		const char *key = diplo_lex_cue_index.keys[k].key;
		const DiploCue *cue = diplo_lex_cue(word(key));

		assert_non_null(cue);
		assert_string_equal(cue->form, key);
	}
}

/* Run the lexicon group. */
int
unit_lexicon(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokenize),
		cmocka_unit_test(test_cues),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_orgs),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_topics),
		cmocka_unit_test(test_topic_stems_distinct),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_org_heads_and_spokes),
		cmocka_unit_test(test_every_cue_found),
	};

	return cmocka_run_group_tests_name("lexicon", tests, setup_lexicon, NULL);
}
