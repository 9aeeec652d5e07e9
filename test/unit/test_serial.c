/*
 * test_serial.c
 *		Unit tests of the two serial forms of an analysis: canonical JSON
 *		text (writer and strict reader) and the compact binary form.
 */
#include <string.h>

#include "unit_tests.h"
#include "diplo_analysis.h"

static const DiploAllocator *const alloc = &diplo_malloc_allocator;

/* A malloc'ed copy of s, or NULL. */
static char *
dup_or_null(const char *s)
{
	return s ? diplo_strndup(alloc, s, strlen(s)) : NULL;
}

/* Fill a speaker with copies of the given strings. */
static void
set_speaker(DiploSpeaker *sp, const char *name, const char *role,
			const char *org, const char *country, DiploSpeakerType type)
{
	sp->name = dup_or_null(name);
	sp->role = dup_or_null(role);
	sp->org = dup_or_null(org);
	sp->country = dup_or_null(country);
	sp->type = type;
}

/* Fill a quote with the given indexes, strings and offsets. */
static void
set_quote(DiploQuote *q, int32_t speaker, int32_t channel, int32_t addressee,
		  DiploQuoteKind kind, const char *cue, const char *content,
		  int64_t start, int64_t len, int64_t cue_start, int64_t cue_len,
		  int64_t speaker_start, int64_t speaker_len)
{
	q->speaker = speaker;
	q->channel = channel;
	q->addressee = addressee;
	q->kind = kind;
	q->cue = dup_or_null(cue);
	q->content = dup_or_null(content);
	q->content_start = start;
	q->content_len = len;
	q->cue_start = cue_start;
	q->cue_len = cue_len;
	q->speaker_start = speaker_start;
	q->speaker_len = speaker_len;
}

/*
 * A hand-built analysis with non-ASCII names, a quote without cue, and
 * content holding quotes, backslash, newline, tab and a control character.
 */
static void
build_sample(DiploAnalysis *an)
{
	memset(an, 0, sizeof(*an));
	an->language = DIPLO_LANG_FR;
	an->event = dup_or_null("phone call");
	an->event_code = dup_or_null("041");
	an->ncountries = 3;
	an->countries = diplo_alloc(alloc, 3 * sizeof(char *));
	an->countries[0] = dup_or_null("Pakistan");
	an->countries[1] = dup_or_null("Türkiye");
	an->countries[2] = dup_or_null("United States");
	an->ntopics = 2;
	an->topics = diplo_alloc(alloc, 2 * sizeof(char *));
	an->topics[0] = dup_or_null("COVID-19");
	an->topics[1] = dup_or_null("trade");
	an->nspeakers = 3;
	an->speakers = diplo_alloc(alloc, 3 * sizeof(DiploSpeaker));
	set_speaker(&an->speakers[0], "Shah Mehmood Qureshi", "Foreign Minister",
				"Ministry of Foreign Affairs", "Pakistan", DIPLO_SPEAKER_PERSON);
	set_speaker(&an->speakers[1], "Mevlüt Çavuşoğlu", "Foreign Minister",
				NULL, "Türkiye", DIPLO_SPEAKER_PERSON);
	set_speaker(&an->speakers[2], "the two ministers", NULL, NULL, NULL,
				DIPLO_SPEAKER_GROUP);
	an->nquotes = 3;
	an->quotes = diplo_alloc(alloc, 3 * sizeof(DiploQuote));
	set_quote(&an->quotes[0], 0, -1, 1, DIPLO_QUOTE_DIRECT, "said",
			  "We said \"no\" to C:\\path\nand\tthen\x01 stopped — 😀",
			  11, 40, 59, 4, 54, 7);
	set_quote(&an->quotes[1], 1, 0, -1, DIPLO_QUOTE_INDIRECT, NULL,
			  "trade would grow", 0, 16, -1, -1, -1, -1);
	set_quote(&an->quotes[2], -1, -1, -1, DIPLO_QUOTE_MIXED, "stressed",
			  "", 120, 0, 100, 8, -1, -1);
}

/* Assert two strings are both NULL or equal. */
static void
assert_same_string(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
	{
		assert_null(x);
		assert_null(y);
	}
	else
		assert_string_equal(x, y);
}

/* Assert two analyses are equal field by field. */
static void
assert_same_analysis(const DiploAnalysis *x, const DiploAnalysis *y)
{
	/* a zeroed analysis (AUTO) is English */
	assert_int_equal(x->language == DIPLO_LANG_AUTO ? DIPLO_LANG_EN : x->language,
					 y->language == DIPLO_LANG_AUTO ? DIPLO_LANG_EN : y->language);
	assert_same_string(x->event, y->event);
	assert_same_string(x->event_code, y->event_code);
	assert_int_equal(x->ncountries, y->ncountries);
	for (int i = 0; i < x->ncountries; i++)
		assert_string_equal(x->countries[i], y->countries[i]);
	assert_int_equal(x->ntopics, y->ntopics);
	for (int i = 0; i < x->ntopics; i++)
		assert_string_equal(x->topics[i], y->topics[i]);
	assert_int_equal(x->nspeakers, y->nspeakers);
	for (int i = 0; i < x->nspeakers; i++)
	{
		assert_string_equal(x->speakers[i].name, y->speakers[i].name);
		assert_same_string(x->speakers[i].role, y->speakers[i].role);
		assert_same_string(x->speakers[i].org, y->speakers[i].org);
		assert_same_string(x->speakers[i].country, y->speakers[i].country);
		assert_int_equal(x->speakers[i].type, y->speakers[i].type);
	}
	assert_int_equal(x->nquotes, y->nquotes);
	for (int i = 0; i < x->nquotes; i++)
	{
		const DiploQuote *p = &x->quotes[i];
		const DiploQuote *q = &y->quotes[i];

		assert_int_equal(p->speaker, q->speaker);
		assert_int_equal(p->channel, q->channel);
		assert_int_equal(p->addressee, q->addressee);
		assert_int_equal(p->kind, q->kind);
		assert_same_string(p->cue, q->cue);
		assert_string_equal(p->content, q->content);
		assert_int_equal(p->content_start, q->content_start);
		assert_int_equal(p->content_len, q->content_len);
		assert_int_equal(p->cue_start, q->cue_start);
		assert_int_equal(p->cue_len, q->cue_len);
		assert_int_equal(p->speaker_start, q->speaker_start);
		assert_int_equal(p->speaker_len, q->speaker_len);
	}
}

/* The enum name tables match the enum values. */
static void
test_enum_names(void **state)
{
	assert_string_equal(diplo_speaker_type_names[DIPLO_SPEAKER_PERSON], "person");
	assert_string_equal(diplo_speaker_type_names[DIPLO_SPEAKER_ORGANIZATION],
						"organization");
	assert_string_equal(diplo_speaker_type_names[DIPLO_SPEAKER_GROUP], "group");
	assert_string_equal(diplo_quote_kind_names[DIPLO_QUOTE_INDIRECT], "indirect");
	assert_string_equal(diplo_quote_kind_names[DIPLO_QUOTE_DIRECT], "direct");
	assert_string_equal(diplo_quote_kind_names[DIPLO_QUOTE_MIXED], "mixed");
}

/* The canonical JSON layout, byte for byte. */
static void
test_json_layout(void **state)
{
	DiploAnalysis an;
	size_t		len;
	char	   *json;
	static const char expected[] =
		"{\"version\": 1, \"language\": \"fr\", \"event\": \"phone call\", \"event_code\": \"041\", "
		"\"countries\": [\"Pakistan\", \"Türkiye\", \"United States\"], "
		"\"topics\": [\"COVID-19\", \"trade\"], "
		"\"speakers\": [{\"name\": \"Shah Mehmood Qureshi\", \"role\": \"Foreign Minister\", "
		"\"org\": \"Ministry of Foreign Affairs\", \"country\": \"Pakistan\", \"type\": \"person\"}, "
		"{\"name\": \"Mevlüt Çavuşoğlu\", \"role\": \"Foreign Minister\", \"org\": null, "
		"\"country\": \"Türkiye\", \"type\": \"person\"}, "
		"{\"name\": \"the two ministers\", \"role\": null, \"org\": null, \"country\": null, "
		"\"type\": \"group\"}], "
		"\"quotes\": [{\"speaker\": 0, \"channel\": null, \"addressee\": 1, \"kind\": \"direct\", "
		"\"cue\": \"said\", \"start\": 12, \"length\": 40, \"cue_start\": 60, \"cue_length\": 4, "
		"\"speaker_start\": 55, \"speaker_length\": 7, "
		"\"content\": \"We said \\\"no\\\" to C:\\\\path\\nand\\tthen\\u0001 stopped — 😀\"}, "
		"{\"speaker\": 1, \"channel\": 0, \"addressee\": null, \"kind\": \"indirect\", "
		"\"cue\": null, \"start\": 1, \"length\": 16, \"cue_start\": null, \"cue_length\": null, "
		"\"speaker_start\": null, \"speaker_length\": null, \"content\": \"trade would grow\"}, "
		"{\"speaker\": null, \"channel\": null, \"addressee\": null, \"kind\": \"mixed\", "
		"\"cue\": \"stressed\", \"start\": 121, \"length\": 0, \"cue_start\": 101, \"cue_length\": 8, "
		"\"speaker_start\": null, \"speaker_length\": null, \"content\": \"\"}]}";

	build_sample(&an);
	json = diplo_analysis_to_json(alloc, &an, &len);
	assert_string_equal(json, expected);
	assert_int_equal(len, strlen(expected));
	diplo_free(alloc, json);
	diplo_analysis_free(alloc, &an);
	assert_null(an.speakers);
	assert_int_equal(an.nquotes, 0);
}

/* The empty analysis prints empty arrays and nulls, and reads back. */
static void
test_json_empty(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	char	   *json;

	memset(&an, 0, sizeof(an));
	json = diplo_analysis_to_json(alloc, &an, &len);
	assert_string_equal(json,
						"{\"version\": 1, \"event\": null, \"event_code\": null, "
						"\"countries\": [], \"topics\": [], \"speakers\": [], \"quotes\": []}");
	assert_true(diplo_analysis_from_json(alloc, json, len, &back, &err));
	assert_int_equal(err.code, DIPLO_OK);
	assert_same_analysis(&an, &back);
	diplo_analysis_free(alloc, &back);
	diplo_free(alloc, json);
}

/* JSON -> struct -> JSON gives the same struct and the same bytes. */
static void
test_json_round_trip(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	size_t		len2;
	char	   *json;
	char	   *json2;

	build_sample(&an);
	json = diplo_analysis_to_json(alloc, &an, &len);
	assert_true(diplo_analysis_from_json(alloc, json, len, &back, &err));
	assert_same_analysis(&an, &back);
	json2 = diplo_analysis_to_json(alloc, &back, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(json, json2, len);
	diplo_free(alloc, json);
	diplo_free(alloc, json2);
	diplo_analysis_free(alloc, &an);
	diplo_analysis_free(alloc, &back);
}

/* The reader takes any whitespace, key order and escapes. */
static void
test_json_lenient_layout(void **state)
{
	static const char doc[] =
		" \r\n\t{ \"quotes\" :[ {\"content\":\"\\u0041\\/\\ud83d\\ude00\\u00e9\\u20AC\","
		"\"length\":3,\"start\":7,\"kind\":\"mixed\",\"speaker\":1,"
		"\"cue_start\":null}],\n\"speakers\":[{\"type\":\"organization\","
		"\"n\\u0061me\":\"FO\"},{\"name\":\"Çavuşoğlu\",\"type\":\"person\","
		"\"country\":\"Türkiye\"}],\"topics\":[\"trade\"],\"countries\":[ ],"
		"\"version\":1 } \n";
	DiploAnalysis an;
	DiploError	err;

	assert_true(diplo_analysis_from_json(alloc, doc, strlen(doc), &an, &err));
	assert_int_equal(an.nspeakers, 2);
	assert_string_equal(an.speakers[0].name, "FO");
	assert_int_equal(an.speakers[0].type, DIPLO_SPEAKER_ORGANIZATION);
	assert_null(an.speakers[0].role);
	assert_string_equal(an.speakers[1].name, "Çavuşoğlu");
	assert_string_equal(an.speakers[1].country, "Türkiye");
	assert_int_equal(an.nquotes, 1);
	assert_string_equal(an.quotes[0].content, "A/😀é€");
	assert_int_equal(an.quotes[0].speaker, 1);
	assert_int_equal(an.quotes[0].channel, -1);
	assert_int_equal(an.quotes[0].content_start, 6);
	assert_int_equal(an.quotes[0].content_len, 3);
	assert_int_equal(an.quotes[0].cue_start, -1);
	assert_null(an.quotes[0].cue);
	assert_int_equal(an.quotes[0].kind, DIPLO_QUOTE_MIXED);
	assert_null(an.event);
	assert_int_equal(an.ntopics, 1);
	assert_int_equal(an.ncountries, 0);
	diplo_analysis_free(alloc, &an);
}

/* A malformed JSON input and the error it must give. */
typedef struct BadJson
{
	const char *input;
	DiploErrorCode code;
	const char *message;		/* substring of the message */
	const char *at;				/* the fault is at the first occurrence of
								 * this in input (NULL: at the end) */
	int			skip;			/* plus this many bytes */
} BadJson;

#define HEAD "{\"version\": 1, \"countries\": [], \"topics\": [], "
#define SPK "{\"name\": \"A\", \"type\": \"person\"}"
#define QUO(extra) "{\"kind\": \"direct\", \"content\": \"c\", \"start\": 1, " \
	"\"length\": 1" extra "}"
#define DOC(speakers, quotes) HEAD "\"speakers\": [" speakers "], " \
	"\"quotes\": [" quotes "]}"
#define SYN DIPLO_ERR_SYNTAX

static const BadJson bad_json[] = {
	{"", SYN, "unexpected end of input", NULL, 0},
	{"  \n\t", SYN, "unexpected end of input", NULL, 0},
	{"[]", SYN, "unexpected character \"[\"", "[", 0},
	{DOC("", "") " x", SYN, "unexpected character \"x\"", " x", 1},
	{DOC("", "") "{}", SYN, "after the end of the document", "]}{", 2},
	{HEAD "\"speakers\": [], \"quotes\": [],}", SYN, "expected a key", "}", 0},
	{HEAD "\"speakers\": [], \"quotes\": [], \"foo\": 1}", SYN,
	"unknown key \"foo\" in analysis", "\"foo\"", 0},
	{HEAD "\"speakers\": [], \"quotes\": [], \"topics\" : []}", SYN,
	"duplicate key \"topics\" in analysis", "\"topics\" :", 0},
	{HEAD "\"speakers\": []}", SYN, "missing key \"quotes\" in analysis",
	"]}", 1},
	{"{}", SYN, "missing key \"version\" in analysis", "}", 0},
	{HEAD "\"language\": \"auto\", \"speakers\": [], \"quotes\": []}", SYN,
	"unknown language in analysis", "\"auto\"", 0},
	{HEAD "\"language\": \"pt\", \"speakers\": [], \"quotes\": []}", SYN,
	"unknown language in analysis", "\"pt\"", 0},
	{HEAD "\"language\": null, \"speakers\": [], \"quotes\": []}", SYN,
	"language", "null", 0},
	{DOC("", QUO(", \"topics\": [\"trade\"]")), SYN,
	"topic \"trade\" of quote 0 is not a topic of the analysis", "[\"trade", 0},
	{"{\"version\": 1, \"countries\": [], \"topics\": [\"trade\"], \"speakers\": [], "
		"\"quotes\": [" QUO(", \"topics\": [\"trade\", \"trade\"]") "]}", SYN,
	"topic \"trade\" twice in quote 0", "[\"trade\", \"trade", 0},
	{DOC("", QUO(", \"topics\": \"trade\"")), SYN, "topics", "\"trade\"}", 0},
	{DOC("", QUO("") ", {\"kind\": \"direct\", \"start\": 1, \"length\": 1}"),
		SYN, "missing key \"content\" in quote 1", "1}]", 1},
	{DOC("{\"type\": \"person\"}", ""), SYN, "missing key \"name\" in speaker 0",
	"\"}", 1},
	{"{\"version\": 2, \"countries\": []}", DIPLO_ERR_VERSION,
	"unsupported diplo_statement format version 2", "2", 0},
	{"{\"version\": \"1\"}", SYN, "expected an integer for \"version\"", "\"1\"", 0},
	{"{\"version\": 1.0}", SYN, "expected an integer", "1.0", 0},
	{"{\"version\": [1]}", SYN, "expected an integer", "[1]", 0},
	{DOC("", "{\"kind\": \"direct\", \"content\": \"c\", \"start\": 1e2, \"length\": 1}"),
		SYN, "expected an integer for \"start\" in quote 0", "1e2", 0},
	{DOC(SPK ", " SPK, QUO(", \"speaker\": 3")), SYN,
	"speaker index 3 out of range (2 speakers)", "3}", 0},
	{DOC(SPK, QUO(", \"channel\": 1")), SYN,
	"channel index 1 out of range (1 speakers)", "1}]}", 0},
	{DOC("", QUO(", \"addressee\": 0")), SYN,
	"addressee index 0 out of range (0 speakers)", "0}", 0},
	{DOC(SPK, QUO(", \"speaker\": -1")), SYN, "negative speaker index -1",
	"-1", 0},
	{DOC("", QUO(", \"cue_length\": -4")), SYN,
	"negative value -4 for \"cue_length\" in quote 0", "-4", 0},
	{DOC("", QUO(", \"cue_start\": 0")), SYN, "offsets start at 1", "0}", 0},
	{DOC("", QUO(", \"cue_length\": 9223372036854775808")), SYN,
	"beyond int64", "922", 0},
	{DOC("", QUO(", \"cue_length\": -99999999999999999999999")), SYN,
	"beyond int64", "-99", 0},
	{DOC("", QUO(", \"cue_length\": 012")), SYN, "leading zeros", "012", 0},
	{DOC("", QUO(", \"cue_length\": -")), SYN, "invalid number", "-}", 0},
	{DOC("", QUO(", \"cue_length\": 1x")), SYN, "unexpected character \"x\"",
	"x", 0},
	{HEAD "\"speakers\": {}, \"quotes\": []}", SYN,
	"expected an array for \"speakers\"", "{}", 0},
	{"{\"topics\": [1]}", SYN, "expected a string for \"element\" in topics",
	"1]", 0},
	{DOC("", "{\"kind\": \"shouted\"}"), SYN,
	"invalid kind \"shouted\" in quote 0", "\"shouted", 0},
	{DOC("{\"name\": \"A\", \"type\": \"robot\"}", ""), SYN,
	"invalid type \"robot\" in speaker 0", "\"robot", 0},
	{DOC("{\"name\": null}", ""), SYN,
	"expected a string for \"name\" in speaker 0", "null", 0},
	{DOC("[]", ""), SYN, "expected an object for speaker 0", "[[]", 1},
	{DOC("", "{\"kind\": \"direct\", \"foo\": 1}"), SYN,
	"unknown key \"foo\" in quote 0", "\"foo", 0},
	{"{\"event\": true}", SYN, "expected a string or null for \"event\"",
	"true", 0},
	{"{\"event\": nul}", SYN, "expected a string or null for \"event\"",
	"nul", 0},
	{"{\"event\": \"a\\ud800b\"}", SYN, "lone high surrogate \\uD800", "\\ud800", 0},
	{"{\"event\": \"a\\ud800\\u0041\"}", SYN, "lone high surrogate", "\\ud800", 0},
	{"{\"event\": \"a\\udc00\"}", SYN, "lone low surrogate \\uDC00", "\\udc00", 0},
	{"{\"event\": \"a\\u0000\"}", SYN, "\\u0000 is not allowed", "\\u0000", 0},
	{"{\"event\": \"a\\u12G4\"}", SYN, "invalid hex digit", "G", 0},
	{"{\"event\": \"a\nb\"}", SYN, "control character 0x0A in string", "\n", 0},
	{"{\"event\": \"a\\xb\"}", SYN, "invalid escape \"\\x\"", "\\x", 0},
	{"{\"event\": \"a\xC3\x28\"}", SYN, "invalid UTF-8 byte 0xC3 in string",
	"\xC3", 0},
	{"{\"event\": \"\xC0\xAF\"}", SYN, "invalid UTF-8", "\xC0", 0},
	{"{\"event\": \"\xED\xA0\x80\"}", SYN, "invalid UTF-8", "\xED", 0},
	{"{\xFF}", SYN, "invalid UTF-8 byte 0xFF", "\xFF", 0},
	{"{\"event\": \"abc", SYN, "unexpected end of input in string", NULL, 0},
	{"{\"version\" 1}", SYN, "unexpected character \"1\", expected \":\"", "1", 0},
	{"{\"version\": 1,", SYN, "unexpected end of input, expected a key", NULL, 0},
	{"{\"version\": 1 \"topics\": []}", SYN,
	"expected \",\" or \"}\"", "\"topics", 0},
	{"{\"topics\": [\"a\" \"b\"]}", SYN, "expected \",\" or \"]\"", "\"b", 0},
	{"\xEF\xBB\xBF{}", SYN, "unexpected character", "\xEF", 0},
	{"{\"version\": +1}", SYN, "unexpected character \"+\"", "+", 0},
	{DOC("", "") "\0", SYN, "unexpected byte 0x00", "]}", 2},
};

/* Each malformed input fails with its message, code and position. */
static void
test_json_malformed(void **state)
{
	int			n = (int) (sizeof(bad_json) / sizeof(bad_json[0]));

	assert_true(n >= 30);
	for (int i = 0; i < n; i++)
	{
		const BadJson *b = &bad_json[i];
		size_t		len = strlen(b->input);
		long		expected_pos;
		DiploAnalysis an;
		DiploError	err;
		bool		ok;

		/* the NUL case: take the terminator as part of the input */
		if (strstr(b->message, "0x00"))
			len++;
		expected_pos = b->at ? (long) (strstr(b->input, b->at) - b->input) +
			b->skip : (long) len;
		memset(&err, 0, sizeof(err));
		ok = diplo_analysis_from_json(alloc, b->input, len, &an, &err);
		if (ok || err.code != b->code || !strstr(err.message, b->message) ||
			err.position != expected_pos)
			fail_msg("case %d (%s): ok=%d code=%d position=%ld (expected %ld) "
					 "message \"%s\" (expected \"%s\")",
					 i, b->input, ok, err.code, err.position, expected_pos,
					 err.message, b->message);
		assert_null(an.speakers);
		assert_null(an.quotes);
		assert_int_equal(an.nquotes, 0);
	}
}

/* Every prefix of a valid document fails cleanly. */
static void
test_json_truncated(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	char	   *json;

	build_sample(&an);
	json = diplo_analysis_to_json(alloc, &an, &len);
	for (size_t n = 0; n < len; n++)
	{
		if (diplo_analysis_from_json(alloc, json, n, &back, &err))
			fail_msg("prefix of %zu bytes parsed", n);
		assert_int_equal(err.code, DIPLO_ERR_SYNTAX);
		assert_true(err.position >= 0 && err.position <= (long) n);
	}
	diplo_free(alloc, json);
	diplo_analysis_free(alloc, &an);
}

/*
 * Quote topic lists (analyses with a configuration) go through JSON and
 * binary and back: names in JSON, increasing indexes in binary.
 */
static void
test_quote_topics_round_trip(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	size_t		len2;
	char	   *json;
	char	   *json2;
	uint8_t    *bin;
	static const char doc[] =
		"{\"version\": 1, \"countries\": [], \"topics\": [\"trade\", \"Gulf security\"], "
		"\"speakers\": [], \"quotes\": [{\"kind\": \"direct\", \"content\": \"a\", "
		"\"start\": 1, \"length\": 1, \"topics\": [\"Gulf security\", \"trade\"]}, "
		"{\"kind\": \"direct\", \"content\": \"b\", \"start\": 3, \"length\": 1}]}";

	assert_true(diplo_analysis_from_json(alloc, doc, strlen(doc), &an, &err));
	assert_true(an.quote_topics);
	assert_int_equal(an.quotes[0].ntopics, 2);
	assert_int_equal(an.quotes[0].topics[0], 0);
	assert_int_equal(an.quotes[0].topics[1], 1);
	assert_int_equal(an.quotes[1].ntopics, 0);
	json = diplo_analysis_to_json(alloc, &an, &len);
	assert_non_null(strstr(json, "\"topics\": [\"trade\", \"Gulf security\"], \"content\": \"a\""));
	assert_non_null(strstr(json, "\"topics\": [], \"content\": \"b\""));
	bin = diplo_analysis_encode(alloc, &an, &len2);
	assert_int_equal(bin[2], 4);
	assert_true(diplo_analysis_decode(alloc, bin, len2, &back, &err));
	assert_true(back.quote_topics);
	assert_int_equal(back.quotes[0].ntopics, 2);
	assert_int_equal(back.quotes[0].topics[1], 1);
	json2 = diplo_analysis_to_json(alloc, &back, &len2);
	assert_string_equal(json, json2);
	diplo_free(alloc, json);
	diplo_free(alloc, json2);
	diplo_free(alloc, bin);
	diplo_analysis_free(alloc, &an);
	diplo_analysis_free(alloc, &back);
}

/* Binary encode then decode gives the same analysis, and the same bytes. */
static void
test_binary_round_trip(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	size_t		len2;
	size_t		jlen;
	uint8_t    *bin;
	uint8_t    *bin2;
	char	   *json;

	build_sample(&an);
	bin = diplo_analysis_encode(alloc, &an, &len);
	json = diplo_analysis_to_json(alloc, &an, &jlen);
	assert_true(len < jlen / 2);
	assert_true(diplo_analysis_decode(alloc, bin, len, &back, &err));
	assert_int_equal(err.code, DIPLO_OK);
	assert_same_analysis(&an, &back);
	bin2 = diplo_analysis_encode(alloc, &back, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(bin, bin2, len);
	diplo_free(alloc, bin);
	diplo_free(alloc, bin2);
	diplo_free(alloc, json);
	diplo_analysis_free(alloc, &an);
	diplo_analysis_free(alloc, &back);
}

/* The empty analysis is ten bytes: header, two NULLs, four zero counts. */
static void
test_binary_empty(void **state)
{
	static const uint8_t expected[] = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	uint8_t    *bin;

	memset(&an, 0, sizeof(an));
	bin = diplo_analysis_encode(alloc, &an, &len);
	assert_int_equal(len, sizeof(expected));
	assert_memory_equal(bin, expected, len);
	assert_true(diplo_analysis_decode(alloc, bin, len, &back, &err));
	assert_same_analysis(&an, &back);
	diplo_analysis_free(alloc, &back);
	diplo_free(alloc, bin);
}

/* Every prefix of a valid encoding fails cleanly, without leaks. */
static void
test_binary_truncated(void **state)
{
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	uint8_t    *bin;

	build_sample(&an);
	bin = diplo_analysis_encode(alloc, &an, &len);
	for (size_t n = 0; n < len; n++)
	{
		uint8_t    *copy = diplo_alloc(alloc, n);	/* exact size for ASan */

		memcpy(copy, bin, n);
		if (diplo_analysis_decode(alloc, copy, n, &back, &err))
			fail_msg("prefix of %zu bytes decoded", n);
		assert_int_equal(err.code, DIPLO_ERR_SYNTAX);
		assert_true(err.position >= 0 && err.position <= (long) n);
		assert_null(back.speakers);
		diplo_free(alloc, copy);
	}
	/* and a byte too many */
	bin = diplo_realloc(alloc, bin, len + 1);
	bin[len] = 0;
	assert_false(diplo_analysis_decode(alloc, bin, len + 1, &back, &err));
	assert_non_null(strstr(err.message, "1 trailing bytes"));
	assert_int_equal(err.position, (long) len);
	diplo_free(alloc, bin);
	diplo_analysis_free(alloc, &an);
}

/* A malformed binary input and the error it must give. */
typedef struct BadBinary
{
	const char *name;
	uint8_t		bytes[40];
	size_t		len;
	DiploErrorCode code;
	const char *message;
	long		position;
} BadBinary;

/*
 * One speaker "A", then one quote whose fields follow: the prefix of the
 * cases below.
 */
#define ONE_SPEAKER 1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 'A', 0, 0, 0, 0

static const BadBinary bad_binary[] = {
	{"empty", {0}, 0, SYN, "truncated data at byte 0", 0},
	{"one byte", {1}, 1, SYN, "truncated data at byte 1", 1},
	{"version 7", {7, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 10, DIPLO_ERR_VERSION,
	"unsupported diplo_statement format version 7", 0},
	{"version 256", {0, 1, 0, 0}, 4, DIPLO_ERR_VERSION,
	"format version 256", 0},
	{"flags", {1, 0, 8, 0, 0, 0, 0, 0, 0, 0}, 10, SYN,
	"unsupported diplo_statement flags 0x0008", 2},
	{"high flags", {1, 0, 0, 1, 0, 0, 0, 0, 0, 0}, 10, SYN,
	"unsupported diplo_statement flags 0x0100", 2},
	{"non-minimal varint", {1, 0, 0, 0, 0x80, 0x00, 0, 0, 0, 0, 0}, 11, SYN,
	"non-minimal varint at byte 4", 4},
	{"varint overflow", {1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0x02}, 14, SYN, "varint overflow at byte 4", 4},
	{"string past the end", {1, 0, 0, 0, 9, 'a', 'b'}, 7, SYN,
	"truncated data at byte 7", 7},
	{"huge string length", {1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0x01}, 14, SYN, "truncated data at byte 14", 14},
	{"NUL in string", {1, 0, 0, 0, 3, 'a', 0, 0, 0, 0, 0, 0}, 12, SYN,
	"NUL byte in event at byte 6", 6},
	{"invalid UTF-8", {1, 0, 0, 0, 0, 3, 0xC3, 0x28, 0, 0, 0, 0}, 12, SYN,
	"invalid UTF-8 in event code at byte 6", 6},
	{"surrogate in UTF-8", {1, 0, 0, 0, 4, 0xED, 0xA0, 0x80, 0, 0, 0, 0, 0},
	13, SYN, "invalid UTF-8 in event at byte 5", 5},
	{"country count too large", {1, 0, 0, 0, 0, 0, 100, 1, 1, 0, 0, 0}, 12,
	SYN, "country count 100 at byte 6 exceeds the 5 remaining bytes", 6},
	{"huge speaker count", {1, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
	0x0F, 0}, 14, SYN, "speaker count 4294967295", 8},
	{"NULL topic", {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0}, 11, SYN,
	"topic is NULL at byte 8", 8},
	{"NULL speaker name", {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, 15,
	SYN, "speaker name is NULL at byte 9", 9},
	{"speaker type 3", {1, 0, 0, 0, 0, 0, 0, 0, 1, 2, 'A', 0, 0, 0, 3, 0}, 16, SYN,
	"invalid speaker type 3 at byte 14", 14},
	{"speaker index 1 of 1", {ONE_SPEAKER, 1, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0},
	28, SYN, "speaker index 1 out of range (1 speakers) at byte 16", 16},
	{"addressee index 5", {ONE_SPEAKER, 1, 0, 0, 6, 0, 0, 1, 0, 0, 0, 0, 0, 0},
	28, SYN, "addressee index 5 out of range", 18},
	{"quote kind 3", {ONE_SPEAKER, 1, 1, 0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0},
	28, SYN, "invalid quote kind 3 at byte 19", 19},
	{"NULL content", {ONE_SPEAKER, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0},
	28, SYN, "quote content is NULL at byte 21", 21},
	{"offset beyond int64", {ONE_SPEAKER, 1, 1, 0, 0, 1, 0, 1,
		0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01,
	0, 0, 0, 0, 0}, 37, SYN, "content start out of range at byte 22", 22},
	{"trailing", {ONE_SPEAKER, 0, 0}, 17, SYN, "1 trailing bytes at byte 16", 16},
	{"quote topics without quotes", {1, 0, 4, 0, 0, 0, 0, 0, 0, 0}, 10, SYN,
	"quote topic lists flagged without quotes at byte 2", 2},
	{"quote topic index out of range", {1, 0, 4, 0, 0, 0, 0, 1, 2, 'x', 0, 1,
		0, 0, 0, 0, 0, 3, 'o', 'k', 0, 0, 0, 0, 0, 0, 1, 5}, 28, SYN,
	"quote topic index 5 at byte 27 out of order or range (1 topics)", 27},
	{"more quote topics than topics", {1, 0, 4, 0, 0, 0, 0, 1, 2, 'x', 0, 1,
		0, 0, 0, 0, 0, 3, 'o', 'k', 0, 0, 0, 0, 0, 0, 2, 0, 0}, 29, SYN,
	"quote topic count 2 at byte 26 exceeds the 1 topics", 26},
	{"quote topics out of order", {1, 0, 4, 0, 0, 0, 0, 2, 2, 'x', 2, 'y', 0, 1,
		0, 0, 0, 0, 0, 3, 'o', 'k', 0, 0, 0, 0, 0, 0, 2, 1, 0}, 31, SYN,
	"quote topic index 0 at byte 30 out of order", 30},
};

/* Each malformed binary fails with its message, code and position. */
static void
test_binary_malformed(void **state)
{
	int			n = (int) (sizeof(bad_binary) / sizeof(bad_binary[0]));

	for (int i = 0; i < n; i++)
	{
		const BadBinary *b = &bad_binary[i];
		uint8_t    *copy = diplo_alloc(alloc, b->len);
		DiploAnalysis an;
		DiploError	err;
		bool		ok;

		memcpy(copy, b->bytes, b->len);
		memset(&err, 0, sizeof(err));
		ok = diplo_analysis_decode(alloc, copy, b->len, &an, &err);
		if (ok || err.code != b->code || !strstr(err.message, b->message) ||
			err.position != b->position)
			fail_msg("case %s: ok=%d code=%d position=%ld (expected %ld) "
					 "message \"%s\" (expected \"%s\")",
					 b->name, ok, err.code, err.position, b->position,
					 err.message, b->message);
		assert_null(an.speakers);
		assert_int_equal(an.nspeakers, 0);
		diplo_free(alloc, copy);
	}
}

/* The smallest valid quote decodes, and edge values survive both forms. */
static void
test_binary_edges(void **state)
{
	static const uint8_t one_quote[] = {ONE_SPEAKER, 1, 1, 0, 0, 1, 0, 1,
	0, 0, 0, 0, 0, 0};
	DiploAnalysis an;
	DiploAnalysis back;
	DiploError	err;
	size_t		len;
	uint8_t    *bin;
	char	   *json;

	assert_true(diplo_analysis_decode(alloc, one_quote, sizeof(one_quote),
									  &an, &err));
	assert_int_equal(an.nquotes, 1);
	assert_int_equal(an.quotes[0].speaker, 0);
	assert_int_equal(an.quotes[0].kind, DIPLO_QUOTE_DIRECT);
	assert_string_equal(an.quotes[0].content, "");
	assert_int_equal(an.quotes[0].content_start, -1);
	assert_null(an.quotes[0].cue);
	/* largest offsets the JSON form can carry */
	an.quotes[0].content_start = INT64_MAX - 1;
	an.quotes[0].content_len = INT64_MAX;
	bin = diplo_analysis_encode(alloc, &an, &len);
	assert_true(diplo_analysis_decode(alloc, bin, len, &back, &err));
	assert_same_analysis(&an, &back);
	diplo_analysis_free(alloc, &back);
	json = diplo_analysis_to_json(alloc, &an, &len);
	assert_non_null(strstr(json, "\"start\": 9223372036854775807, "
						   "\"length\": 9223372036854775807"));
	assert_true(diplo_analysis_from_json(alloc, json, len, &back, &err));
	assert_same_analysis(&an, &back);
	diplo_analysis_free(alloc, &back);
	diplo_free(alloc, json);
	diplo_free(alloc, bin);
	diplo_analysis_free(alloc, &an);
}

/* Run the serial forms group. */
int
unit_serial(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum_names),
		cmocka_unit_test(test_json_layout),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_lenient_layout),
		cmocka_unit_test(test_json_malformed),
		cmocka_unit_test(test_json_truncated),
		cmocka_unit_test(test_binary_round_trip),
		cmocka_unit_test(test_quote_topics_round_trip),
		cmocka_unit_test(test_binary_empty),
		cmocka_unit_test(test_binary_truncated),
		cmocka_unit_test(test_binary_malformed),
		cmocka_unit_test(test_binary_edges),
	};

	return cmocka_run_group_tests_name("serial", tests, NULL, NULL);
}
