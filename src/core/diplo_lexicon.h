/*
 * diplo_lexicon.h
 *		The built-in knowledge: cue verbs, titles and role nouns,
 *		organisations and channels, countries (names, demonyms, capitals),
 *		topics and events.  The tables are generated at build time from the
 *		data files in data/ by tools/gen_lexicon.py into lexicon_data.c;
 *		this module only looks them up.
 *
 * Matching works on words: a DiploWord is one token of the text as the
 * tokenizer cut it ("U.S.", "Pakistan", "’s", "long-term", ",").  Phrases
 * in the data files are written as words separated by single spaces, and
 * are matched case-insensitively (ASCII and Latin-1 letters folded, the
 * apostrophes ’ and ' equal) unless the entry is marked case-sensitive
 * (acronyms such as "FO").  Lookups take the longest phrase that starts at
 * the given word.
 */
#ifndef DIPLO_LEXICON_H
#define DIPLO_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DiploWord
{
	const char *s;				/* UTF-8, not NUL-terminated */
	int			len;			/* bytes */
	int32_t		lex;			/* cached first-word slot (see
								 * diplo_lex_prepare_word); 0 = not looked
								 * up yet: a DiploWord built by hand must be
								 * zero-initialised */
	uint32_t	hash;			/* with lex set: FNV-1a (32-bit) of the folded
								 * word, as diplo_tok_in_set hashes ASCII */
} DiploWord;

/*
 * Look up once which lexicon phrases can start with w (its folded form in a
 * hash of every table's first words, built by diplo_lexicon_init) and cache
 * the answer in w->lex, so that every later lookup starting at w costs a
 * few loads; a word that starts no phrase of any table is the common case.
 */
void		diplo_lex_prepare_word(DiploWord *w);

/* May a word start an entry of the title, org or place table (cached)? */
bool		diplo_lex_may_start_phrase(const DiploWord *w);

/*
 * May a topic keyword, a place or an event start at w (cached)?  False only
 * when diplo_lex_topic, diplo_lex_place and diplo_lex_event are sure to
 * find none there.
 */
bool		diplo_lex_may_tag(const DiploWord *w);

/* Cue verbs: data/cues.tsv (form, lemma, class, flags). */
typedef enum DiploCueClass
{
	DIPLO_CUE_SPEECH = 0,		/* say, tell, add, stress, urge, tweet ... */
	DIPLO_CUE_STANCE = 1,		/* welcome, condemn, thank, pledge, agree ... */
	DIPLO_CUE_TOPIC = 2			/* discuss, exchange views: not attributions */
} DiploCueClass;

#define DIPLO_CUE_TAKES_OBJECT	0x01	/* "told Y (that)", "urged Y to" */
#define DIPLO_CUE_PARTICIPLE	0x02	/* "saying", "noting": clause-initial */
#define DIPLO_CUE_PRESENT		0x04	/* "says", "tells" (headline style) */
#define DIPLO_CUE_QUOTE_ONLY	0x08	/* a cue only next to a quote ("he
										 * continued.") */
#define DIPLO_CUE_CLAUSE		0x10	/* a stance whose content is a clause
										 * ("thinks the deal is fair, but"),
										 * not an object ending at a comma */
#define DIPLO_CUE_BY_AGENT		0x20	/* its passive names the speaker after
										 * "by" ("was first reported by X") */
#define DIPLO_CUE_TO_OBJECT		0x40	/* its content follows "to" ("referring
										 * to the deal") */
#define DIPLO_CUE_FOR_OBJECT	0x80	/* a cue only before "for", which opens
										 * its content ("pushed for a vote") */
#define DIPLO_CUE_AFTER_MAKE	0x100	/* a cue only after "made (it)", which
										 * opens it ("made it clear that") */
#define DIPLO_CUE_IT_OBJECT		0x200	/* a cue only before "it" in an "as"
										 * clause ("as X put it, “...”") */
#define DIPLO_CUE_NAMED_SUBJECT	0x400	/* an act, a cue only after a name or
										 * organisation and before its object
										 * ("Obama signed the bill") */
#define DIPLO_CUE_PARTICLE		0x800	/* a cue only with its separable
										 * particle closing its clause
										 * (German "teilte ... mit,") */

typedef struct DiploCue
{
	const char *form;			/* "told" */
	const char *lemma;			/* "tell" */
	DiploCueClass cls;
	uint16_t	flags;
} DiploCue;

/* The cue whose form is this word, or NULL. */
const DiploCue *diplo_lex_cue(DiploWord w);

/* Prepare w (diplo_lex_prepare_word) and return the cue it is, or NULL. */
const DiploCue *diplo_lex_prepare_cue(DiploWord *w);

/* Titles and role nouns: data/titles.tsv (phrase, role, kind, org_kind). */
typedef enum DiploTitleKind
{
	DIPLO_TITLE_OFFICE = 0,		/* "Foreign Minister", "Secretary of State":
								 * a role, before a name or alone */
	DIPLO_TITLE_HONORIFIC = 1,	/* "Mr", "Dr", "Sen.": before a name only */
	DIPLO_TITLE_ROLE_NOUN = 2	/* "top diplomat", "spokesman", "official":
								 * stands for a person, never before a name */
} DiploTitleKind;

typedef struct DiploTitle
{
	const char *phrase;			/* "secretary of state" */
	const char *role;			/* canonical role: "Secretary of State" */
	DiploTitleKind kind;
	const char *org_kind;		/* the organisation kind it belongs to
								 * ("foreign_ministry"), or NULL */
	bool		speaks_for_org;	/* a spokesperson: with an organisation
								 * named, the mention is the organisation */
	bool		surname;		/* also a surname: after a first name it
								 * ends the name ("Billie Jean King") */
} DiploTitle;

/* Longest title starting at words[i]; *nwords gets its length. */
const DiploTitle *diplo_lex_title(const DiploWord *words, int nwords, int i,
								  int *matched);

/* Organisations and channels: data/orgs.tsv. */
typedef enum DiploOrgKind
{
	DIPLO_ORG_GOVERNMENT = 0,	/* ministries, departments, offices */
	DIPLO_ORG_INTERNATIONAL = 1,	/* UN, NATO, EU ... */
	DIPLO_ORG_MEDIA = 2,		/* news agencies and papers */
	DIPLO_ORG_OTHER = 3,		/* parties, companies, groups */
	DIPLO_ORG_CHANNEL = 4		/* "statement", "tweet", "readout": stands for
								 * whoever issued it */
} DiploOrgKind;

typedef struct DiploOrg
{
	const char *phrase;			/* "foreign ministry", "FO" */
	const char *canonical;		/* "Ministry of Foreign Affairs" */
	DiploOrgKind kind;
	const char *org_kind;		/* "foreign_ministry", matches DiploTitle */
	const char *country;		/* fixed country, or NULL: from context */
	bool		case_sensitive;
} DiploOrg;

const DiploOrg *diplo_lex_org(const DiploWord *words, int nwords, int i,
							  int *matched);

/*
 * Is w a word that ends organisation names ("Times", "House", "Party"):
 * data/org_heads.tsv?
 */
bool		diplo_lex_org_head(DiploWord w);

/*
 * Regions: data/regions.tsv (states, provinces, "Wall Street": places that
 * are no country and no speaker).  The length in words of the longest
 * region phrase starting at words[i], or 0.
 */
int			diplo_lex_region(const DiploWord *words, int nwords, int i);

/* Countries: data/countries.tsv (name, code, aliases, demonyms, capitals). */
typedef enum DiploPlaceKind
{
	DIPLO_PLACE_NAME = 0,		/* "Pakistan", "the U.S." */
	DIPLO_PLACE_DEMONYM = 1,	/* "Pakistani", "American" */
	DIPLO_PLACE_CAPITAL = 2		/* "Islamabad" (stands for the government) */
} DiploPlaceKind;

typedef struct DiploCountry
{
	const char *name;			/* canonical: "United States" */
	const char *code;			/* ISO 3166-1 alpha-3: "USA" */
} DiploCountry;

/* Longest country name, demonym or capital starting at words[i]. */
const DiploCountry *diplo_lex_place(const DiploWord *words, int nwords, int i,
									int *matched, DiploPlaceKind *kind);

/* Topics: data/topics.tsv (topic, keyword phrases); matched on stems. */
typedef struct DiploTopic
{
	const char *name;			/* "COVID-19" */
} DiploTopic;

extern const DiploTopic diplo_topics[];
extern const int diplo_ntopics;

/*
 * Longest topic keyword starting at words[i], matched on libstemmer English
 * stems of lowercased words; returns the topic's index or -1.
 */
int			diplo_lex_topic(const DiploWord *words, int nwords, int i,
							int *matched);

/* Events: data/events.tsv (phrase, event, CAMEO code). */
typedef struct DiploEvent
{
	const char *phrase;			/* "phone call" */
	const char *event;			/* "phone call" */
	const char *cameo;			/* "041" */
} DiploEvent;

const DiploEvent *diplo_lex_event(const DiploWord *words, int nwords, int i,
								  int *matched);

/*
 * Fold one word as the lexicon keys are folded (ASCII and Latin-1 capitals
 * lowercased if fold_case, ’ and ‘ made ') into out; its length in bytes,
 * or -1 if it does not fit in cap bytes.
 */
int			diplo_lex_fold_word(DiploWord w, char *out, int cap, bool fold_case);

/*
 * The English stem of a word, folded first, as topic keywords are matched;
 * its length in out, or -1 (the stemmer of diplo_lexicon_init).
 */
int			diplo_lex_stem_word(DiploWord w, char *out, int cap);

/*
 * Prepare the tables (stem the topic keywords).  Idempotent, cheap after
 * the first call, safe to call from every entry point; the stemmer is
 * malloc'd once per process and never freed.  Returns false if the stemmer
 * could not be created.
 */
bool		diplo_lexicon_init(void);

/*
 * Languages (issue 7).  The lookups read the tables of one language at a
 * time: English (the default), or French, Spanish or German, whose cue and
 * title tables (data/cues_xx.tsv, titles_xx.tsv) replace the English ones
 * and whose organisation and place tables (orgs_xx.tsv, countries_xx.tsv)
 * are read before the English ones.  Every entry point that reads the
 * lexicon sets the language it needs and restores the one before at its
 * end: an analysis (diplo_analyze_text_opts), the scans of quote contents
 * in diplo_query.c (the language of the analysis), the configuration build
 * (English); so a host that abandons one midway (PostgreSQL on an error)
 * leaves no wrong language to the next.  The analyser runs in one thread.
 * The value is a DiploLanguage (diplo_analysis.h); AUTO reads English.
 */
#define DIPLO_LEX_NLANGS		3	/* fr, es, de: the DiploLanguage values
									 * after DIPLO_LANG_EN */
#define DIPLO_LEX_LANG_TABLES	4	/* cue, title, org, place */

/*
 * FNV-1a (32-bit) of len bytes: how the lexicon, the language guess and
 * configurations hash folded words.
 */
static inline uint32_t
diplo_fnv1a(const char *s, int len)
{
	uint32_t	h = 2166136261u;

	for (int i = 0; i < len; i++)
		h = (h ^ (unsigned char) s[i]) * 16777619u;
	return h;
}

/* Set the language the lookups read; returns the one set before. */
int			diplo_lex_set_language(int lang);

/* The language the lookups read (DIPLO_LANG_EN unless set). */
int			diplo_lex_language(void);

/* A function word of data/languages.tsv, folded, and its English alias. */
typedef struct DiploLangWord
{
	int			lang;			/* a DiploLanguage */
	const char *word;			/* folded ("que", "qu'") */
	const char *alias;			/* "that", or NULL: counts for the guess only */
	bool		guess;			/* counts for the guess (written lowercase) */
} DiploLangWord;

/*
 * The generated tables behind the lookups (lexicon_data.c, written by
 * tools/gen_lexicon.py).  Internal to diplo_lexicon.c: use the functions
 * above.  A key is the phrase's words, folded (ASCII and Latin-1 letters
 * lowercased, ’ and ‘ made '), joined by one space; keys are sorted
 * bytewise for binary search.
 */
typedef struct DiploLexKey
{
	const char *key;			/* folded words joined by one space */
	const char *exact;			/* case-sensitive entries: the words as
								 * written (’ made '), else NULL */
	int16_t		entry;			/* index into the table's entries */
	uint8_t		kind;			/* places: the DiploPlaceKind */
} DiploLexKey;

typedef struct DiploLexIndex
{
	const DiploLexKey *keys;	/* sorted by key */
	int			nkeys;
	int			max_words;		/* longest phrase, in words */
	int			max_bytes;		/* longest key, in bytes */
} DiploLexIndex;

extern const DiploCue diplo_lex_cues[];
extern const DiploTitle diplo_lex_titles[];
extern const DiploOrg diplo_lex_orgs[];
extern const DiploCountry diplo_lex_countries[];
extern const DiploEvent diplo_lex_events[];
extern const int diplo_lex_ncountries;

extern const DiploLexIndex diplo_lex_cue_index;
extern const DiploLexIndex diplo_lex_title_index;
extern const DiploLexIndex diplo_lex_org_index;
extern const DiploLexIndex diplo_lex_place_index;
extern const DiploLexIndex diplo_lex_event_index;
extern const DiploLexIndex diplo_lex_org_head_index;
extern const DiploLexIndex diplo_lex_region_index;

/* A language's topic keywords (data/topics_xx.tsv), stemmed by init. */
typedef struct DiploLangTopics
{
	const char *stemmer;		/* libstemmer algorithm: "french" */
	const DiploLexKey *keywords;	/* folded, sorted; entry = topic */
	int			nkeywords;
	int			max_words;
	DiploLexKey *stems;			/* filled by init, sorted */
	char	   *stem_buf;
	int			stem_buf_size;
} DiploLangTopics;

extern const DiploLexIndex *const diplo_lex_lang_index[DIPLO_LEX_NLANGS][DIPLO_LEX_LANG_TABLES];
extern const DiploLangTopics diplo_lex_lang_topics[DIPLO_LEX_NLANGS];
extern const DiploLangWord diplo_lex_lang_words[];
extern const int diplo_lex_nlang_words;

/* Topic keywords as written (folded); stemmed into the writable tables. */
extern const DiploLexKey diplo_lex_topic_keywords[];
extern const int diplo_lex_topic_nkeywords;
extern const int diplo_lex_topic_max_words;
extern DiploLexKey diplo_lex_topic_stems[];	/* filled by init, sorted */
extern char diplo_lex_topic_stem_buf[];
extern const int diplo_lex_topic_stem_buf_size;

#endif							/* DIPLO_LEXICON_H */
