/*
 * diplo_query.h
 *		The query language over analyses: parser, canonical printer, the
 *		flat stored form, exact evaluation against a DiploAnalysis, index
 *		keys of an analysis and of a query, and the ternary evaluation of a
 *		query over key presence that GIN's consistent functions run.
 *
 * Language (see the README section "Query language"):
 *		query	:= or
 *		or		:= and ('|' and)*
 *		and		:= unary ('&' unary)*
 *		unary	:= '!' unary | primary
 *		primary := '(' or ')' | 'quote' '(' or ')' | field ':' value ['*']
 *		value	:= bare word | '"' chars with \" and \\ escapes '"'
 * Fields: speaker role org country topic event cue word.  A value matches
 * a field value when it equals the whole normalised value or one of its
 * words (a surname alone finds a speaker); '*' makes it a prefix.  Values
 * are normalised: case folded, Latin accents stripped, spaces collapsed.
 * quote(...) requires its terms to hold in one and the same quote.
 *
 * A query is a flat array of nodes in prefix order: an operator is followed
 * by its children, each child subtree taking node.size slots.  AND and OR
 * are n-ary and never have a child of their own kind, so that parsing the
 * canonical text gives back the same array.
 */
#ifndef DIPLO_QUERY_H
#define DIPLO_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diplo_alloc.h"
#include "diplo_analysis.h"

/* Version of the flat stored form. */
#define DIPLO_QUERY_VERSION 1

/* Deepest nesting of '(', '!' and quote( the parser accepts. */
#define DIPLO_QUERY_MAX_DEPTH 100

/* Values longer than this (bytes) are keyed by a prefix and a hash. */
#define DIPLO_KEY_MAX_VALUE 125
#define DIPLO_KEY_HASHED_PREFIX 120

typedef enum DiploQueryNodeType
{
	DIPLO_QN_TERM = 0,
	DIPLO_QN_AND = 1,
	DIPLO_QN_OR = 2,
	DIPLO_QN_NOT = 3,
	DIPLO_QN_QUOTE = 4,			/* quote(...): all in one quote */
	DIPLO_QN_TYPE_COUNT
} DiploQueryNodeType;

typedef enum DiploQueryField
{
	DIPLO_QF_SPEAKER = 0,
	DIPLO_QF_ROLE,
	DIPLO_QF_ORG,
	DIPLO_QF_COUNTRY,
	DIPLO_QF_TOPIC,
	DIPLO_QF_EVENT,
	DIPLO_QF_CUE,
	DIPLO_QF_WORD,
	DIPLO_QF_COUNT
} DiploQueryField;

/* Field names as written in queries ("speaker"). */
extern const char *const diplo_query_field_names[DIPLO_QF_COUNT];

/* One node of the flat form: 16 bytes, int32-aligned. */
typedef struct DiploQueryNode
{
	uint8_t		type;			/* DiploQueryNodeType */
	uint8_t		field;			/* terms: DiploQueryField */
	uint8_t		prefix;			/* terms: 1 if the value ends with '*' */
	uint8_t		reserved;		/* always 0 */
	int32_t		size;			/* nodes in this subtree, itself included */
	int32_t		nchildren;		/* operators; 0 for terms */
	int32_t		value;			/* terms: offset of the NUL-terminated
								 * normalised value in strings; else -1 */
} DiploQueryNode;

/* A query: nodes in prefix order and the values they point into. */
typedef struct DiploQuery
{
	int32_t		nnodes;
	int32_t		strings_len;	/* bytes of strings, NULs included */
	const DiploQueryNode *nodes;
	const char *strings;
} DiploQuery;

/*
 * Parse text (UTF-8, len bytes) into *out, allocated from a.  On failure
 * returns false and fills err (position: byte offset into text).
 */
bool		diplo_query_parse(const DiploAllocator *a, const char *text,
							  size_t len, DiploQuery *out, DiploError *err);

/* Free what diplo_query_parse allocated in q (malloc hosts). */
void		diplo_query_free(const DiploAllocator *a, DiploQuery *q);

/* The canonical text of q (NUL-terminated UTF-8); *len gets its length. */
char	   *diplo_query_print(const DiploAllocator *a, const DiploQuery *q,
							  size_t *len);

/* Do two queries have the same nodes and values? */
bool		diplo_query_equal(const DiploQuery *x, const DiploQuery *y);

/*
 * The flat stored form: a 16-byte header (uint16 version, uint16 zero,
 * int32 nnodes, int32 strings_len, int32 zero), the nodes, the strings.
 * Host byte order, meant to be read in place from int32-aligned memory.
 */
uint8_t    *diplo_query_flatten(const DiploAllocator *a, const DiploQuery *q,
								size_t *len);

/*
 * Point *out into flat bytes (int32-aligned) after checking every node,
 * offset and size; false and err on damaged or unknown-version data.
 */
bool		diplo_query_view(const uint8_t *bytes, size_t len, DiploQuery *out,
							 DiploError *err);

/* Does the analysis satisfy the query?  (The exact semantics.) */
bool		diplo_query_match(const DiploAllocator *a, const DiploQuery *q,
							  const DiploAnalysis *an);

/*
 * Index keys.  A key is a field tag byte and a normalised form of a value
 * (the whole value or one of its words; a speaker or organisation name of
 * several words has keys for its words only); forms over
 * DIPLO_KEY_MAX_VALUE bytes keep their first DIPLO_KEY_HASHED_PREFIX
 * bytes, a 0xFF byte (never in UTF-8) and a 4-byte hash of the whole.
 */
#define DIPLO_KEY_PREFIX	0x01	/* query key matches keys it starts */
#define DIPLO_KEY_LOSSY		0x02	/* a match needs a recheck */

typedef struct DiploKey
{
	uint8_t    *data;
	int32_t		len;
	uint8_t		flags;			/* DIPLO_KEY_*, query keys only */
} DiploKey;

typedef struct DiploKeys
{
	int32_t		n;
	DiploKey   *keys;
} DiploKeys;

/* Free the keys of a DiploKeys (malloc hosts). */
void		diplo_keys_free(const DiploAllocator *a, DiploKeys *k);

/*
 * The English stop words (data/stopwords.txt, generated into
 * stopword_data.c): word: stems of these words have no index key, nor do
 * stems without a letter or with fewer than two letters and digits; a
 * word: term on such a stem has no query key and is rechecked.  Changing
 * the list needs a REINDEX of the GIN indexes when a word leaves it.
 */
extern const char *const diplo_stopwords[];
extern const int diplo_nstopwords;

/*
 * Stems too common inside quotes to be worth a key (data/frequent_stems.txt,
 * from tools/gen_frequent_stems.sh): an index of policy DIPLO_WORDS_RARE
 * treats them as stop words.  Stems may join the list in a new release but
 * never leave it: an index built before would lack their keys.
 */
extern const char *const diplo_frequent_stems[];
extern const int diplo_nfrequent_stems;

/*
 * Which word: stems of quote contents have index keys: the GIN operator
 * class option words.  Every policy leaves out the stop words; an index and
 * the queries on it must use the same policy.
 */
typedef enum DiploWordKeys
{
	DIPLO_WORDS_RARE = 0,		/* also leave out the frequent stems (default) */
	DIPLO_WORDS_ALL,			/* every other stem */
	DIPLO_WORDS_NONE			/* no word: keys; word: terms are rechecked */
} DiploWordKeys;

/* Sorted, distinct keys of an analysis (what GIN stores for a row). */
void		diplo_analysis_keys(const DiploAllocator *a, const DiploAnalysis *an,
								DiploWordKeys words, DiploKeys *out);

/*
 * The keys of a query: one per term, none for a word: term on a stem the
 * index leaves out, and one per word for a speaker: or org: name of several
 * words (the index has no key for such a whole name: the term needs all
 * the keys of its words and is lossy).  A term's keys are consecutive: node_key
 * gives the first (or -1), node_nkeys how many.
 */
typedef struct DiploQueryKeys
{
	DiploKeys	keys;
	int32_t    *node_key;		/* per node: index into keys, or -1 */
	int32_t    *node_nkeys;		/* per node: number of keys (0 if none) */
	bool		needs_keys;		/* false: can match a row without keys */
} DiploQueryKeys;

void		diplo_query_keys(const DiploAllocator *a, const DiploQuery *q,
							 DiploWordKeys words, DiploQueryKeys *out);

/* Free what diplo_query_keys allocated. */
void		diplo_query_keys_free(const DiploAllocator *a, DiploQueryKeys *k);

/* Ternary values, equal to GIN's GIN_FALSE, GIN_TRUE, GIN_MAYBE. */
#define DIPLO_FALSE 0
#define DIPLO_TRUE 1
#define DIPLO_MAYBE 2

/*
 * Evaluate q given, per key, whether the row has it (check[i], ternary).
 * Never FALSE for a row that matches; MAYBE where the index cannot tell
 * (quote scopes, lossy keys): the row must then be rechecked.
 */
uint8_t		diplo_query_ternary(const DiploQuery *q, const DiploQueryKeys *k,
								const uint8_t *check);

/*
 * Containment: left contains right when every speaker, topic and country
 * of right is in left, right's event (if any) is left's, and every quote of
 * right has a quote in left with the same speaker and content (names and
 * contents compared normalised).
 */
bool		diplo_analysis_contains(const DiploAllocator *a,
									const DiploAnalysis *left,
									const DiploAnalysis *right);

/* Keys every analysis containing an must have (for GIN's @>). */
void		diplo_containment_keys(const DiploAllocator *a,
								   const DiploAnalysis *an, DiploKeys *out);

/* How diplo_query_headline marks and joins. */
typedef struct DiploHeadlineOptions
{
	const char *start_sel;		/* "<b>" */
	const char *stop_sel;		/* "</b>" */
	const char *delimiter;		/* " ... " between quotes */
	int			max_fragments;	/* quotes shown at most; 0 = all */
} DiploHeadlineOptions;

/*
 * The quotes of an that a positive term of q holds for, as "Speaker:
 * content" with the matching words (and topic keywords) marked, joined by
 * the delimiter; NULL if no quote matches.
 */
char	   *diplo_query_headline(const DiploAllocator *a, const DiploQuery *q,
								 const DiploAnalysis *an,
								 const DiploHeadlineOptions *opt);

/*
 * The normalised form of s (NUL-terminated UTF-8): ASCII and Latin-1 /
 * Latin Extended-A letters folded to lowercase ASCII without accents,
 * ’ ‘ made ', whitespace runs made one space, trimmed.
 */
char	   *diplo_normalize(const DiploAllocator *a, const char *s, size_t len);

#endif							/* DIPLO_QUERY_H */
