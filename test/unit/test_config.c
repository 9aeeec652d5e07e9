/*
 * test_config.c
 *		Unit tests of configurations (issue 7): building and validating a
 *		definition, its lookups, and the analyser with and without one, on
 *		sample sentences written for these tests.
 */
#include <stdlib.h>
#include <string.h>

#include "unit_tests.h"
#include "diplo_config.h"
#include "diplo_text.h"

/* Days since 2000-01-01 of a civil date (PostgreSQL's DateADT). */
static int32_t
day(int y, int m, int d)
{
	/* days from 1970-01-01 (Howard Hinnant's days_from_civil) */
	int			era;
	unsigned	yoe;
	unsigned	doy;
	unsigned	doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t) (era * 146097 + (int) doe - 719468) - 10957;
}

static const char *const blinken_aliases[] = {"Tony Blinken", "Blinken", "Antony J. Blinken"};
static const DiploActorRoleDef blinken_roles[] = {
	{"Deputy Secretary of State", "Department of State", "United States", 5487, 6229},	/* 2015-01-09 .. 2017-01-20 */
	{"Secretary of State", "Department of State", "USA", 7696, 9151},	/* 2021-01-26 .. 2025-01-20 */
};
static const char *const pompeo_aliases[] = {"Mike Pompeo", "Pompeo"};
static const DiploActorRoleDef pompeo_roles[] = {
	{"Secretary of State", "Department of State", "American", 6690, 7690},	/* 2018-04-26 .. 2021-01-20 */
};
static const char *const ruri_aliases[] = {"Mira Valden", "Valden"};
static const DiploActorRoleDef ruri_roles[] = {
	{"Foreign Minister", NULL, "France", DIPLO_NO_DATE, DIPLO_NO_DATE},
};
static const DiploActorDef sample_actors[] = {
	{"Antony Blinken", blinken_aliases, 3, blinken_roles, 2},
	{"Mike R. Pompeo", pompeo_aliases, 2, pompeo_roles, 1},
	{"Mira Valden-Orsk", ruri_aliases, 2, ruri_roles, 1},
};
static const char *const gulf_keywords[] = {"Strait of Hormuz", "tanker seizure", "oil tankers"};
static const char *const kelp_keywords[] = {"kelp farming"};
static const DiploTopicDef sample_topics[] = {
	{"Gulf security", gulf_keywords, 3},
	{"Aquaculture", kelp_keywords, 1},
};
static const DiploCueDef sample_cues[] = {
	{"averred", "aver", DIPLO_CUE_SPEECH, 0},
	{"opined", "opine", DIPLO_CUE_SPEECH, 0},
};
static const DiploOrgDef sample_orgs[] = {
	{"GCC", "Gulf Cooperation Council", DIPLO_ORG_INTERNATIONAL, NULL, true},
	{"Gulf Cooperation Council", "Gulf Cooperation Council", DIPLO_ORG_INTERNATIONAL, NULL, false},
	{"Kelp Growers Guild", NULL, DIPLO_ORG_OTHER, "Norway", false},
	{"NKGG", "Nordic Kelp Growers Guild", DIPLO_ORG_OTHER, "Norway", true},
};

/* A definition with the sample actors, topics, cues and organisations. */
static DiploConfigDef
sample_def(void)
{
	DiploConfigDef def = {"sample", sample_actors, 3, sample_topics, 2,
	sample_cues, 2, sample_orgs, 4};

	return def;
}

/* Build def, expecting failure with a message that contains want. */
static void
expect_error(const DiploConfigDef *def, const char *want)
{
	char		err[256];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, def, err,
										  sizeof(err));

	assert_null(cfg);
	if (strstr(err, want) == NULL)
		fail_msg("error \"%s\" does not contain \"%s\"", err, want);
}

/* Invalid definitions are refused with a message naming the entry. */
static void
test_build_errors(void **state)
{
	DiploConfigDef def = sample_def();
	DiploActorDef actors[3];
	DiploActorRoleDef roles[2];
	DiploCueDef cues[2];
	DiploOrgDef orgs[4];
	DiploTopicDef topics[2];
	const char *aliases[] = {"Blinken", "  "};

	memcpy(actors, sample_actors, sizeof(actors));
	def.actors = actors;
	actors[1].name = "";
	expect_error(&def, "actor 2: empty name");
	memcpy(actors, sample_actors, sizeof(actors));
	actors[0].aliases = aliases;
	actors[0].naliases = 2;
	expect_error(&def, "actor 1 (\"Antony Blinken\"), alias 2: empty alias");
	memcpy(actors, sample_actors, sizeof(actors));
	memcpy(roles, blinken_roles, sizeof(roles));
	actors[0].roles = roles;
	roles[1].country = "Atlantis";
	expect_error(&def, "actor 1 (\"Antony Blinken\"), role 2 (\"Secretary of State\"): unknown country \"Atlantis\"");
	memcpy(roles, blinken_roles, sizeof(roles));
	roles[0].valid_to = roles[0].valid_from - 1;
	expect_error(&def, "role 1 (\"Deputy Secretary of State\"): valid_to is before valid_from");
	memcpy(roles, blinken_roles, sizeof(roles));
	roles[0].role = "  ";
	expect_error(&def, "actor 1 (\"Antony Blinken\"), role 1: empty role");
	memcpy(actors, sample_actors, sizeof(actors));
	actors[2].name = "Antony Blinken";
	expect_error(&def, "actor 3 (\"Antony Blinken\"): duplicate actor name");
	memcpy(actors, sample_actors, sizeof(actors));
	actors[0].name = "Bad \xC3 byte";
	expect_error(&def, "actor 1: name is not valid UTF-8");

	def = sample_def();
	memcpy(cues, sample_cues, sizeof(cues));
	def.cues = cues;
	cues[1].cls = (DiploCueClass) 7;
	expect_error(&def, "cue 2 (\"opined\"): bad cue class 7");
	memcpy(cues, sample_cues, sizeof(cues));
	cues[0].form = "said firmly";
	expect_error(&def, "cue 1 (\"said firmly\"): a cue form must be one word");
	memcpy(cues, sample_cues, sizeof(cues));
	cues[0].flags = 0x8000;
	expect_error(&def, "cue 1 (\"averred\"): unknown cue flags");

	def = sample_def();
	memcpy(orgs, sample_orgs, sizeof(orgs));
	def.orgs = orgs;
	orgs[2].country = "Norwegia";
	expect_error(&def, "organisation 3 (\"Kelp Growers Guild\"): unknown country \"Norwegia\"");
	memcpy(orgs, sample_orgs, sizeof(orgs));
	orgs[0].phrase = NULL;
	expect_error(&def, "organisation 1: empty phrase");
	memcpy(orgs, sample_orgs, sizeof(orgs));
	orgs[0].kind = (DiploOrgKind) 9;
	expect_error(&def, "bad organisation kind 9");

	def = sample_def();
	memcpy(topics, sample_topics, sizeof(topics));
	def.topics = topics;
	topics[1].topic = "\t";
	expect_error(&def, "topic 2: empty name");
	memcpy(topics, sample_topics, sizeof(topics));
	topics[1].nkeywords = -1;
	expect_error(&def, "topic 2 (\"Aquaculture\"): invalid list of keywords");

	def = sample_def();
	def.nactors = 2;
	def.actors = NULL;
	expect_error(&def, "invalid list of actors");
	expect_error(NULL, "no configuration definition");
}

/* An empty definition builds; NULL-safe lookups answer nothing. */
static void
test_build_empty(void **state)
{
	DiploConfigDef def = {0};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));
	DiploWord	w = {"averred", 7, 0, 0};

	assert_non_null(cfg);
	assert_null(diplo_config_name(cfg));
	assert_int_equal(diplo_config_nactors(cfg), 0);
	assert_null(diplo_config_cue(cfg, w));
	assert_null(diplo_config_cue(NULL, w));
	assert_int_equal(diplo_config_actor_at(NULL, &w, 1, 0, NULL), -1);
	diplo_config_free(&diplo_malloc_allocator, cfg);
	diplo_config_free(&diplo_malloc_allocator, NULL);
}

/* Tokenize a one-paragraph text into t. */
static void
words_of(const char *text, DiploTokens *t)
{
	DiploParagraphs it;
	DiploParagraph p;

	diplo_paragraphs_init(&it, text, strlen(text));
	assert_true(diplo_paragraphs_next(&diplo_malloc_allocator, &it, &p));
	diplo_tokenize(&diplo_malloc_allocator, text, &p, t);
}

/* The lookups of a built configuration: aliases, roles, cues, orgs, topics. */
static void
test_lookups(void **state)
{
	DiploConfigDef def = sample_def();
	char		err[256];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));
	DiploTokens t = {0};
	int			m;
	const DiploConfigRole *r;
	const DiploOrg *o;

	if (cfg == NULL)
		fail_msg("build failed: %s", err);
	assert_string_equal(diplo_config_name(cfg), "sample");
	words_of("Yesterday antony J. BLINKEN and Pompeo met the GCC and the gcc about oil tanker seizures; Kelp Growers Guild averred.", &t);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 0, &m), -1);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 1, &m), 0);
	assert_int_equal(m, 3);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 3, &m), 0);
	assert_int_equal(m, 1);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 5, &m), 1);
	assert_string_equal(diplo_config_actor_name(cfg, 1), "Mike R. Pompeo");
	/* acronyms are case-sensitive */
	o = diplo_config_org(cfg, t.words, t.n, 8, &m);
	assert_non_null(o);
	assert_string_equal(o->canonical, "Gulf Cooperation Council");
	assert_null(diplo_config_org(cfg, t.words, t.n, 11, &m));
	/* topics on stems: "tanker seizures" */
	assert_int_equal(diplo_config_topic(cfg, t.words, t.n, 12, &m), -1);
	assert_int_equal(diplo_config_topic(cfg, t.words, t.n, 13, &m), 0);
	assert_int_equal(diplo_config_topic(cfg, t.words, t.n, 14, &m), 0);
	assert_int_equal(m, 2);
	o = diplo_config_org(cfg, t.words, t.n, 17, &m);
	assert_non_null(o);
	assert_int_equal(m, 3);
	assert_string_equal(o->canonical, "Kelp Growers Guild");
	assert_string_equal(o->country, "Norway");
	assert_non_null(diplo_config_cue(cfg, t.words[20]));
	assert_string_equal(diplo_config_cue(cfg, t.words[20])->lemma, "aver");

	/* dated roles */
	r = diplo_config_actor_role(cfg, 0, day(2021, 6, 1));
	assert_non_null(r);
	assert_string_equal(r->role, "Secretary of State");
	assert_string_equal(r->country, "United States");
	assert_string_equal(r->org_kind, "foreign_ministry");
	r = diplo_config_actor_role(cfg, 0, day(2016, 6, 1));
	assert_string_equal(r->role, "Deputy Secretary of State");
	assert_null(diplo_config_actor_role(cfg, 0, day(2019, 6, 1)));
	r = diplo_config_actor_role(cfg, 0, DIPLO_NO_DATE);
	assert_string_equal(r->role, "Secretary of State");
	r = diplo_config_actor_role(cfg, 2, day(1990, 1, 1));
	assert_string_equal(r->role, "Foreign Minister");

	/* role holders on a date */
	assert_int_equal(diplo_config_role_holder(cfg, "Secretary", NULL, NULL, day(2021, 6, 1)), 0);
	assert_int_equal(diplo_config_role_holder(cfg, "Secretary", NULL, NULL, day(2019, 6, 1)), 1);
	assert_int_equal(diplo_config_role_holder(cfg, "Secretary of State", NULL, "United States", day(2019, 6, 1)), 1);
	assert_int_equal(diplo_config_role_holder(cfg, "Secretary of State", NULL, "Germany", day(2019, 6, 1)), -1);
	assert_int_equal(diplo_config_role_holder(cfg, "Foreign Minister", NULL, "United States", day(2022, 6, 1)), 0);
	assert_int_equal(diplo_config_role_holder(cfg, "Foreign Minister", NULL, "France", day(2022, 6, 1)), 2);
	/* two foreign ministers without a country: nobody */
	assert_int_equal(diplo_config_role_holder(cfg, "Foreign Minister", NULL, NULL, day(2022, 6, 1)), -1);

	diplo_tokens_free(&diplo_malloc_allocator, &t);
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* Country names as the build accepts them. */
static void
test_country(void **state)
{
	const DiploAllocator *a = &diplo_malloc_allocator;

	assert_string_equal(diplo_config_country(a, "USA"), "United States");
	assert_string_equal(diplo_config_country(a, "American"), "United States");
	assert_string_equal(diplo_config_country(a, "united states"), "United States");
	assert_string_equal(diplo_config_country(a, " France "), "France");
	assert_null(diplo_config_country(a, "Atlantis"));
	assert_null(diplo_config_country(a, ""));
	assert_null(diplo_config_country(a, NULL));
	assert_null(diplo_config_country(a, "France and Spain"));
}

/* An alias of two actors matches neither. */
static void
test_ambiguous_alias(void **state)
{
	static const char *const a1[] = {"Lee"};
	static const char *const a2[] = {"Lee"};
	DiploActorDef actors[] = {
		{"Lee Harmon", a1, 1, NULL, 0},
		{"Dana Lee", a2, 1, NULL, 0},
	};
	DiploConfigDef def = {"amb", actors, 2};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));
	DiploTokens t = {0};
	int			m;

	assert_non_null(cfg);
	words_of("Lee Harmon and Lee spoke.", &t);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 0, &m), 0);
	assert_int_equal(m, 2);
	assert_int_equal(diplo_config_actor_at(cfg, t.words, t.n, 3, &m), -1);
	diplo_tokens_free(&diplo_malloc_allocator, &t);
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* The sample configuration, built (the test fails if it does not build). */
static DiploConfig *
sample_config(void)
{
	DiploConfigDef def = sample_def();
	char		err[256];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));

	if (cfg == NULL)
		fail_msg("build failed: %s", err);
	return cfg;
}

/* The canonical JSON of text analysed with cfg on date (malloc'd). */
static char *
analyze_json(const char *text, const DiploConfig *cfg, int32_t date)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, cfg, date};
	DiploAnalysis an;
	size_t		len;
	char	   *json;

	diplo_analyze_text_opts(a, text, strlen(text), &opts, &an);
	json = diplo_analysis_to_json(a, &an, &len);
	diplo_analysis_free(a, &an);
	return json;
}

/* Does the analysis of text with cfg on date have a speaker like want? */
static void
expect_speaker(const char *text, const DiploConfig *cfg, int32_t date,
			   const char *want)
{
	char	   *json = analyze_json(text, cfg, date);

	if (strstr(json, want) == NULL)
		fail_msg("\"%s\" not in %s", want, json);
	diplo_free(&diplo_malloc_allocator, json);
}

/* Does the analysis of text with cfg on date not contain s? */
static void
expect_no(const char *text, const DiploConfig *cfg, int32_t date,
		  const char *s)
{
	char	   *json = analyze_json(text, cfg, date);

	if (strstr(json, s) != NULL)
		fail_msg("\"%s\" in %s", s, json);
	diplo_free(&diplo_malloc_allocator, json);
}

/* An alias is a mention of the actor: canonical name, role of the date. */
static void
test_analyze_aliases(void **state)
{
	DiploConfig *cfg = sample_config();
	const char *text = "Tony Blinken told reporters the talks in Oslo were useful.";

	expect_speaker(text, cfg, day(2021, 6, 1),
				   "\"name\": \"Antony Blinken\", \"role\": \"Secretary of State\", "
				   "\"org\": \"Department of State\", \"country\": \"United States\"");
	expect_speaker(text, cfg, day(2016, 3, 1),
				   "\"name\": \"Antony Blinken\", \"role\": \"Deputy Secretary of State\"");
	/* between two roles: no role, the country still */
	expect_speaker(text, cfg, day(2019, 3, 1),
				   "\"name\": \"Antony Blinken\", \"role\": null, \"org\": null, \"country\": \"United States\"");
	/* no date: the latest role */
	expect_speaker(text, cfg, DIPLO_NO_DATE,
				   "\"name\": \"Antony Blinken\", \"role\": \"Secretary of State\"");
	/* without the configuration: the name as written */
	expect_speaker(text, NULL, day(2021, 6, 1), "\"name\": \"Tony Blinken\"");
	expect_no(text, NULL, day(2021, 6, 1), "Antony");
	/* the surname alone, after a title */
	expect_speaker("Secretary Blinken said the ceasefire must hold.", cfg,
				   day(2022, 1, 10), "\"name\": \"Antony Blinken\"");
	expect_speaker("Pompeo said the sanctions would stay.", cfg,
				   day(2019, 1, 10), "\"name\": \"Mike R. Pompeo\", \"role\": \"Secretary of State\"");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* A longer name that begins with an alias is someone else. */
static void
test_analyze_longer_name(void **state)
{
	static const char *const al[] = {"Kim"};
	DiploActorDef actors[] = {{"Kim Sora", al, 1, NULL, 0}};
	DiploConfigDef def = {"kim", actors, 1};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));

	assert_non_null(cfg);
	expect_speaker("Kim said the talks failed.", cfg, DIPLO_NO_DATE, "\"name\": \"Kim Sora\"");
	expect_no("Kim Jong Un said the talks failed.", cfg, DIPLO_NO_DATE, "Kim Sora");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* A role noun with no antecedent is the actor in that role on the date. */
static void
test_analyze_role_nouns(void **state)
{
	DiploConfig *cfg = sample_config();
	const char *secretary = "The Secretary said the ceasefire must hold.";
	const char *top = "Washington's top diplomat said the deal was fair.";

	expect_speaker(secretary, cfg, day(2021, 6, 1), "\"name\": \"Antony Blinken\"");
	expect_speaker(secretary, cfg, day(2019, 6, 1), "\"name\": \"Mike R. Pompeo\"");
	expect_no(secretary, cfg, day(2019, 6, 1), "Blinken");
	/* 2017-06: neither held the office */
	expect_no(secretary, cfg, day(2017, 6, 1), "Blinken");
	expect_no(secretary, cfg, day(2017, 6, 1), "Pompeo");
	expect_speaker(top, cfg, day(2022, 6, 1), "\"name\": \"Antony Blinken\"");
	expect_speaker(top, cfg, day(2020, 6, 1), "\"name\": \"Mike R. Pompeo\"");
	expect_speaker(top, NULL, day(2020, 6, 1), "\"name\": \"Foreign Minister of United States\"");
	/* an indefinite role noun is someone else */
	expect_no("A French foreign minister said the deal was fair.", cfg, day(2020, 6, 1), "Valden");
	/* the French foreign minister has no date: any day */
	expect_speaker("The French foreign minister said the border would stay open.",
				   cfg, day(2020, 6, 1),
				   "\"name\": \"Mira Valden-Orsk\", \"role\": \"Foreign Minister\", "
				   "\"org\": null, \"country\": \"France\"");
	/* an antecedent in the article comes first */
	expect_speaker("Secretary of State Ana Ruiz arrived on Monday. The Secretary said the talks went well.",
				   cfg, day(2021, 6, 1), "\"speakers\": [{\"name\": \"Ana Ruiz\"");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/*
 * Two Secretaries in office at once: "the Secretary" is the one whose
 * department the article names, on the date of the article.
 */
static void
test_analyze_two_secretaries(void **state)
{
	static const char *const a1[] = {"Blinken"};
	static const char *const a2[] = {"Austin"};
	static const char *const a3[] = {"Pompeo"};
	static const char *const a4[] = {"Esper"};
	static const DiploActorRoleDef r1[] = {{"Secretary of State", "Department of State", "United States", 7696, 9151}};
	static const DiploActorRoleDef r2[] = {{"Secretary of Defense", "Department of Defense", "United States", 7692, 9151}};
	static const DiploActorRoleDef r3[] = {{"Secretary of State", "Department of State", "United States", 6690, 7690}};
	static const DiploActorRoleDef r4[] = {{"Secretary of Defense", "Department of Defense", "United States", 7143, 7618}};
	DiploActorDef actors[] = {
		{"Antony Blinken", a1, 1, r1, 1},
		{"Lloyd Austin", a2, 1, r2, 1},
		{"Mike Pompeo", a3, 1, r3, 1},
		{"Mark Esper", a4, 1, r4, 1},
	};
	DiploConfigDef def = {"us", actors, 4};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));
	const char *readout = "The Secretary said the two countries would deepen their cooperation, according to a State Department readout.";
	const char *bare = "The Secretary said the two countries would deepen their cooperation.";

	assert_non_null(cfg);
	expect_speaker(readout, cfg, day(2021, 6, 1), "\"name\": \"Antony Blinken\", \"role\": \"Secretary of State\"");
	expect_speaker(readout, cfg, day(2020, 6, 1), "\"name\": \"Mike Pompeo\", \"role\": \"Secretary of State\"");
	expect_no(readout, cfg, day(2021, 6, 1), "Austin");
	/* no department named: either Secretary, so neither */
	expect_no(bare, cfg, day(2021, 6, 1), "Blinken");
	expect_no(bare, cfg, day(2021, 6, 1), "Austin");
	/* the office named: the one holder */
	expect_speaker("The Defense Secretary said the two countries would deepen their cooperation.",
				   cfg, day(2021, 6, 1), "\"name\": \"Lloyd Austin\"");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* The office the text names exactly wins over its equivalents abroad ("Secretary of State" ~ "Foreign Minister"). */
static void
test_analyze_exact_office(void **state)
{
	static const char *const a1[] = {"Blinken"};
	static const char *const a2[] = {"Faisal"};
	static const DiploActorRoleDef r1[] = {{"Secretary of State", "Department of State", "United States", 7696, 9151}};
	static const DiploActorRoleDef r2[] = {{"Foreign Minister", NULL, "Saudi Arabia", 7396, DIPLO_NO_DATE}};
	DiploActorDef actors[] = {
		{"Antony Blinken", a1, 1, r1, 1},
		{"Faisal bin Farhan", a2, 1, r2, 1},
	};
	DiploConfigDef def = {"gulf", actors, 2};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));

	assert_non_null(cfg);
	expect_speaker("The Secretary of State said the talks would resume in March.",
				   cfg, day(2022, 6, 14), "\"name\": \"Antony Blinken\"");
	expect_speaker("The foreign minister said the talks would resume in March.",
				   cfg, day(2022, 6, 14), "\"name\": \"Faisal bin Farhan\"");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* A role may be only a country or an organisation ("[; ; Ghana]"); one with none of the three is refused. */
static void
test_roleless_role(void **state)
{
	static const char *const a1[] = {"Mensah"};
	static const DiploActorRoleDef r1[] = {{NULL, NULL, "Ghana", DIPLO_NO_DATE, DIPLO_NO_DATE}};
	static const DiploActorRoleDef r2[] = {{NULL, NULL, NULL, DIPLO_NO_DATE, DIPLO_NO_DATE}};
	DiploActorDef actors[] = {{"Kofi Mensah", a1, 1, r1, 1}};
	DiploConfigDef def = {"west", actors, 1};
	char		err[160];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));

	assert_non_null(cfg);
	expect_speaker("Mensah said the talks were useful.", cfg, day(2022, 6, 14),
				   "\"name\": \"Kofi Mensah\"");
	expect_speaker("Mensah said the talks were useful.", cfg, day(2022, 6, 14),
				   "\"country\": \"Ghana\"");
	expect_no("The minister said the talks were useful.", cfg, day(2022, 6, 14),
			  "Mensah");
	diplo_config_free(&diplo_malloc_allocator, cfg);
	actors[0].roles = r2;
	assert_null(diplo_config_build(&diplo_malloc_allocator, &def, err, sizeof(err)));
	assert_non_null(strstr(err, "names no role, organisation nor country"));
}

/* Cues, organisations (acronyms case-sensitive) and topics of the configuration. */
static void
test_analyze_cues_orgs_topics(void **state)
{
	DiploConfig *cfg = sample_config();
	const char *cue = "Mira Valden averred that the border would stay open.";
	const char *org = "The NKGG said that quotas on kelp farming must rise.";
	const char *lower = "The nkgg said that quotas must rise.";
	const char *topic = "Navies escorted oil tankers through the Strait of Hormuz on Sunday.";

	expect_speaker(cue, cfg, DIPLO_NO_DATE, "\"name\": \"Mira Valden-Orsk\"");
	expect_speaker(cue, cfg, DIPLO_NO_DATE, "\"cue\": \"averred\"");
	expect_no(cue, NULL, DIPLO_NO_DATE, "averred");
	expect_speaker(org, cfg, DIPLO_NO_DATE,
				   "\"name\": \"Nordic Kelp Growers Guild\", \"role\": null, \"org\": null, \"country\": \"Norway\", \"type\": \"organization\"");
	expect_speaker(org, cfg, DIPLO_NO_DATE, "\"topics\": [\"Aquaculture\"]");
	expect_no(org, NULL, DIPLO_NO_DATE, "Nordic");
	expect_no(org, NULL, DIPLO_NO_DATE, "Aquaculture");
	expect_no(lower, cfg, DIPLO_NO_DATE, "Nordic");
	expect_speaker(topic, cfg, DIPLO_NO_DATE, "Gulf security");
	expect_no(topic, NULL, DIPLO_NO_DATE, "Gulf security");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* A topic named as a built-in one adds keywords to it: reported once. */
static void
test_analyze_builtin_topic(void **state)
{
	static const char *const kw[] = {"kelp quota"};
	DiploTopicDef topics[] = {{"Peace Process", kw, 1}};
	DiploConfigDef def = {"peace", NULL, 0, topics, 1};
	char		err[128];
	DiploConfig *cfg = diplo_config_build(&diplo_malloc_allocator, &def, err,
										  sizeof(err));
	const char *text = "The kelp quotas were part of the peace process.";

	assert_non_null(cfg);
	assert_int_equal(diplo_config_topic_builtin(cfg, 0) >= 0, 1);
	expect_speaker(text, cfg, DIPLO_NO_DATE, "\"topics\": [\"peace process\"]");
	expect_speaker("The kelp quotas were agreed.", cfg, DIPLO_NO_DATE,
				   "\"topics\": [\"peace process\"]");
	expect_speaker("The kelp quotas were agreed.", NULL, DIPLO_NO_DATE,
				   "\"topics\": []");
	diplo_config_free(&diplo_malloc_allocator, cfg);
}

/* Without a configuration (or with an empty one) nothing changes. */
static void
test_analyze_null_config(void **state)
{
	static const char *const texts[] = {
		"Tony Blinken told reporters the talks in Oslo were useful. The Secretary said the ceasefire must hold.",
		"\u201cWe will not back down,\u201d Foreign Minister Ana Ruiz said on Tuesday, adding that the envoy averred nothing.",
		"Washington's top diplomat said the deal was fair. The NKGG said quotas on kelp farming must rise.",
	};
	DiploConfigDef empty = {0};
	char		err[128];
	DiploConfig *none = diplo_config_build(&diplo_malloc_allocator, &empty, err,
										   sizeof(err));

	assert_non_null(none);
	for (int k = 0; k < 3; k++)
	{
		const DiploAllocator *a = &diplo_malloc_allocator;
		DiploAnalysis an;
		size_t		len;
		char	   *plain;
		char	   *with_null = analyze_json(texts[k], NULL, day(2021, 6, 1));
		char	   *with_empty = analyze_json(texts[k], none, day(2021, 6, 1));

		diplo_analyze_text(a, texts[k], strlen(texts[k]), &an);
		plain = diplo_analysis_to_json(a, &an, &len);
		diplo_analysis_free(a, &an);
		assert_string_equal(plain, with_null);
		assert_string_equal(plain, with_empty);
		diplo_free(a, plain);
		diplo_free(a, with_null);
		diplo_free(a, with_empty);
	}
	diplo_config_free(&diplo_malloc_allocator, none);
}

/* Run the config group. */
int
unit_config(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_errors),
		cmocka_unit_test(test_build_empty),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_country),
		cmocka_unit_test(test_ambiguous_alias),
		cmocka_unit_test(test_analyze_aliases),
		cmocka_unit_test(test_analyze_longer_name),
		cmocka_unit_test(test_analyze_role_nouns),
		cmocka_unit_test(test_analyze_two_secretaries),
		cmocka_unit_test(test_analyze_exact_office),
		cmocka_unit_test(test_roleless_role),
		cmocka_unit_test(test_analyze_cues_orgs_topics),
		cmocka_unit_test(test_analyze_builtin_topic),
		cmocka_unit_test(test_analyze_null_config),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
