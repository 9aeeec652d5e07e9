/*
 * diplo_gin.c
 *		The GIN operator class of diplo_statement (diplo_statement_ops).
 *
 * Keys are bytea: a field tag byte ('s' speaker, 'r' role, 'o' org,
 * 'c' country, 't' topic, 'e' event, 'v' cue, 'w' word stem) followed by a
 * normalised form of a value (the whole value or a word of it; a speaker or
 * org name of several words has keys for its words only), or for forms
 * over 125 bytes their first 120 bytes, a 0xFF byte and a 4-byte hash (as
 * core jsonb hashes long values).  bytea rather than text because a key is
 * bytes, not text in the database encoding, and byteacmp orders it
 * bytewise with no collation, so that all the keys starting with a prefix
 * sit together for comparePartial.
 *
 * Strategy 1 is diplo_statement @@ diplo_query: one key per term (one per
 * word for a speaker or org name of several words), and the consistent
 * functions evaluate the query over key presence.  Outside quote() that is
 * exact; inside it, for such a name or for a hashed key, a row with the
 * keys is only a candidate and is rechecked.  Strategy 2 is @> between analyses:
 * the right side's names, topics, countries and event must all be present,
 * and every candidate is rechecked.
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/reloptions.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "diplo.h"
#include "diplo_query.h"

#define DIPLO_STRATEGY_MATCH 1
#define DIPLO_STRATEGY_CONTAINS 2

PG_FUNCTION_INFO_V1(gin_extract_diplo_statement);
PG_FUNCTION_INFO_V1(gin_extract_diplo_query);
PG_FUNCTION_INFO_V1(gin_consistent_diplo_statement);
PG_FUNCTION_INFO_V1(gin_triconsistent_diplo_statement);
PG_FUNCTION_INFO_V1(gin_compare_partial_diplo);
PG_FUNCTION_INFO_V1(gin_options_diplo_statement);
PG_FUNCTION_INFO_V1(diplo_index_keys);

/*
 * The options of a diplo_statement_ops index (GIN support function 7):
 * words = 'rare' (default), 'all' or 'none', the DiploWordKeys policy.
 */
typedef struct DiploGinOptions
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	int			words;			/* DiploWordKeys */
} DiploGinOptions;

static relopt_enum_elt_def word_keys_values[] = {
	{"rare", DIPLO_WORDS_RARE},
	{"all", DIPLO_WORDS_ALL},
	{"none", DIPLO_WORDS_NONE},
	{(const char *) NULL}
};

/*
 * What extractQuery leaves for the consistent functions of a @@ scan (one
 * shared copy behind every extra_data slot): the query and, per node, its
 * key; key flags say which keys are lossy.
 */
typedef struct GinQueryState
{
	DiploQuery	query;			/* points into flat */
	DiploQueryKeys keys;		/* keys.keys[i].data is NULL: flags only */
	uint8	   *flat;
	uint8	   *check;			/* scratch for converting bool checks */
} GinQueryState;

/* The keys as an array of bytea Datums allocated in the current context. */
static Datum *
keys_to_datums(const DiploKeys *keys)
{
	Datum	   *entries = palloc(sizeof(Datum) * (keys->n ? keys->n : 1));

	for (int32 i = 0; i < keys->n; i++)
	{
		bytea	   *b = palloc(VARHDRSZ + keys->keys[i].len);

		SET_VARSIZE(b, VARHDRSZ + keys->keys[i].len);
		memcpy(VARDATA(b), keys->keys[i].data, keys->keys[i].len);
		entries[i] = PointerGetDatum(b);
	}
	return entries;
}

/* The word policy of the index a GIN support function serves. */
static DiploWordKeys
index_word_keys(FunctionCallInfo fcinfo)
{
	if (PG_HAS_OPCLASS_OPTIONS())
		return (DiploWordKeys) ((DiploGinOptions *) PG_GET_OPCLASS_OPTIONS())->words;
	return DIPLO_WORDS_RARE;
}

/* The keys of a stored analysis, in the caller's memory context. */
static Datum *
statement_key_datums(DiploStatement *st, bool containment,
					 DiploWordKeys words, int32 *nkeys)
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploKeys	keys;
	Datum	   *entries;

	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_statement_read(&scratch.alloc, st, &an);
	if (containment)
		diplo_containment_keys(&scratch.alloc, &an, &keys);
	else
		diplo_analysis_keys(&scratch.alloc, &an, words, &keys);
	MemoryContextSwitchTo(scratch.caller);
	entries = keys_to_datums(&keys);
	*nkeys = keys.n;
	diplo_scratch_end(&scratch);
	return entries;
}

/* extractValue: the keys of an analysis. */
Datum
gin_extract_diplo_statement(PG_FUNCTION_ARGS)
{
	DiploStatement *st = PG_GETARG_DIPLO_STATEMENT_P(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);

	PG_RETURN_POINTER(statement_key_datums(st, false, index_word_keys(fcinfo),
										   nentries));
}

/* Build the state of a @@ scan and its keys from a diplo_query datum. */
static Datum *
query_key_datums(Datum query, DiploWordKeys words, GinQueryState **state_out,
				 int32 *nkeys)
{
	struct varlena *v = PG_DETOAST_DATUM(query);
	size_t		flatlen = VARSIZE(v) - VARHDRSZ;
	GinQueryState *state = palloc0(sizeof(GinQueryState));
	DiploScratch scratch;
	DiploQueryKeys keys;
	Datum	   *entries;

	/* a private copy: the state must outlive the argument */
	state->flat = palloc(flatlen);
	memcpy(state->flat, VARDATA(v), flatlen);
	diplo_query_flat_view(state->flat, flatlen, &state->query);
	diplo_scratch_begin(&scratch);
	diplo_query_keys(&scratch.alloc, &state->query, words, &keys);
	MemoryContextSwitchTo(scratch.caller);
	entries = keys_to_datums(&keys.keys);
	state->keys.keys.n = keys.keys.n;
	state->keys.keys.keys = palloc0(sizeof(DiploKey) * (keys.keys.n ? keys.keys.n : 1));
	for (int32 i = 0; i < keys.keys.n; i++)
	{
		state->keys.keys.keys[i].len = keys.keys.keys[i].len;
		state->keys.keys.keys[i].flags = keys.keys.keys[i].flags;
	}
	state->keys.node_key = palloc(sizeof(int32) * state->query.nnodes);
	memcpy(state->keys.node_key, keys.node_key,
		   sizeof(int32) * state->query.nnodes);
	state->keys.node_nkeys = palloc(sizeof(int32) * state->query.nnodes);
	memcpy(state->keys.node_nkeys, keys.node_nkeys,
		   sizeof(int32) * state->query.nnodes);
	state->keys.needs_keys = keys.needs_keys;
	state->check = palloc0(keys.keys.n ? keys.keys.n : 1);
	*nkeys = keys.keys.n;
	diplo_scratch_end(&scratch);
	*state_out = state;
	return entries;
}

/*
 * extractQuery: for @@, one key per term (prefix terms are partial
 * matches), and search mode ALL when the query can match a row that has
 * none of its keys (such as !speaker:x); for @>, the right side's keys.
 */
Datum
gin_extract_diplo_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	bool	  **partial_matches = (bool **) PG_GETARG_POINTER(3);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *entries;

	*nentries = 0;
	if (strategy == DIPLO_STRATEGY_CONTAINS)
	{
		entries = statement_key_datums(PG_GETARG_DIPLO_STATEMENT_P(0), true,
									   DIPLO_WORDS_RARE, nentries);
		if (*nentries == 0)
			*searchMode = GIN_SEARCH_MODE_ALL;
	}
	else if (strategy == DIPLO_STRATEGY_MATCH)
	{
		GinQueryState *state;

		entries = query_key_datums(PG_GETARG_DATUM(0), index_word_keys(fcinfo),
								   &state, nentries);
		*partial_matches = palloc0(sizeof(bool) * (*nentries ? *nentries : 1));
		*extra_data = palloc(sizeof(Pointer) * (*nentries ? *nentries : 1));
		for (int32 i = 0; i < *nentries; i++)
		{
			(*partial_matches)[i] =
				(state->keys.keys.keys[i].flags & DIPLO_KEY_PREFIX) != 0;
			(*extra_data)[i] = (Pointer) state;
		}
		if (!state->keys.needs_keys || *nentries == 0)
			*searchMode = GIN_SEARCH_MODE_ALL;
	}
	else
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	PG_RETURN_POINTER(entries);
}

/* The shared state of a @@ scan, from extra_data. */
static GinQueryState *
scan_state(Pointer *extra_data, int32 nkeys)
{
	if (extra_data == NULL || nkeys <= 0)
		return NULL;
	return (GinQueryState *) extra_data[0];
}

/* consistent: evaluate the query over the keys a row has. */
Datum
gin_consistent_diplo_statement(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	GinQueryState *state;
	uint8		result;

	if (strategy == DIPLO_STRATEGY_CONTAINS)
	{
		*recheck = true;
		for (int32 i = 0; i < nkeys; i++)
			if (!check[i])
				PG_RETURN_BOOL(false);
		PG_RETURN_BOOL(true);
	}
	state = scan_state(extra_data, nkeys);
	if (state == NULL)
	{
		/* no keys to judge by: let the operator decide */
		*recheck = true;
		PG_RETURN_BOOL(true);
	}
	for (int32 i = 0; i < nkeys; i++)
		state->check[i] = check[i] ? DIPLO_TRUE : DIPLO_FALSE;
	result = diplo_query_ternary(&state->query, &state->keys, state->check);
	*recheck = (result == DIPLO_MAYBE);
	PG_RETURN_BOOL(result != DIPLO_FALSE);
}

/* triConsistent: the same evaluation over GIN_TRUE/GIN_FALSE/GIN_MAYBE. */
Datum
gin_triconsistent_diplo_statement(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	GinQueryState *state;

	StaticAssertStmt(GIN_FALSE == DIPLO_FALSE && GIN_TRUE == DIPLO_TRUE &&
					 GIN_MAYBE == DIPLO_MAYBE, "ternary values differ from GIN's");
	if (strategy == DIPLO_STRATEGY_CONTAINS)
	{
		for (int32 i = 0; i < nkeys; i++)
			if (check[i] == GIN_FALSE)
				PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
		PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
	}
	state = scan_state(extra_data, nkeys);
	if (state == NULL)
		PG_RETURN_GIN_TERNARY_VALUE(GIN_MAYBE);
	PG_RETURN_GIN_TERNARY_VALUE(diplo_query_ternary(&state->query,
													&state->keys,
													(const uint8 *) check));
}

/*
 * comparePartial: 0 for an index key that starts with the query's prefix
 * key, 1 (stop) at the first that does not: bytewise order puts all the
 * keys with one prefix right after the prefix itself.
 */
Datum
gin_compare_partial_diplo(PG_FUNCTION_ARGS)
{
	bytea	   *partial = PG_GETARG_BYTEA_PP(0);
	bytea	   *key = PG_GETARG_BYTEA_PP(1);
	int			plen = VARSIZE_ANY_EXHDR(partial);
	int			klen = VARSIZE_ANY_EXHDR(key);

	if (klen < plen || memcmp(VARDATA_ANY(key), VARDATA_ANY(partial), plen) != 0)
		PG_RETURN_INT32(1);
	PG_RETURN_INT32(0);
}

/*
 * options: the words option of diplo_statement_ops, which word: stems of
 * quote contents have keys (USING gin (col diplo_statement_ops (words =
 * 'all'))).
 */
Datum
gin_options_diplo_statement(PG_FUNCTION_ARGS)
{
	local_relopts *relopts = (local_relopts *) PG_GETARG_POINTER(0);

	init_local_reloptions(relopts, sizeof(DiploGinOptions));
	add_local_enum_reloption(relopts, "words",
							 "which stems of quoted words have index keys",
							 word_keys_values, DIPLO_WORDS_RARE,
							 "Valid values are \"rare\", \"all\" and \"none\".",
							 offsetof(DiploGinOptions, words));
	PG_RETURN_VOID();
}

/* The word policy named by the text of a words option value. */
static DiploWordKeys
word_keys_by_name(text *name)
{
	char	   *s = text_to_cstring(name);

	for (relopt_enum_elt_def *v = word_keys_values; v->string_val; v++)
		if (pg_strcasecmp(s, v->string_val) == 0)
			return (DiploWordKeys) v->symbol_val;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid value for option \"words\": \"%s\"", s),
			 errdetail("Valid values are \"rare\", \"all\" and \"none\".")));
	return DIPLO_WORDS_RARE;	/* keep the compiler quiet */
}

/*
 * diplo_index_keys(diplo_statement [, words text]): the index keys of a
 * value as text, "tag:value" (a hashed key shows its prefix, '#' and the
 * hash in hex), for an index of the given words option (default 'rare').
 */
Datum
diplo_index_keys(PG_FUNCTION_ARGS)
{
	DiploStatement *st = PG_GETARG_DIPLO_STATEMENT_P(0);
	DiploWordKeys words = PG_NARGS() > 1 ?
		word_keys_by_name(PG_GETARG_TEXT_PP(1)) : DIPLO_WORDS_RARE;
	int32		n;
	Datum	   *entries = statement_key_datums(st, false, words, &n);
	Datum	   *texts;

	if (n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	texts = palloc(sizeof(Datum) * n);
	for (int32 i = 0; i < n; i++)
	{
		bytea	   *b = DatumGetByteaPP(entries[i]);
		const uint8 *d = (const uint8 *) VARDATA_ANY(b);
		int			len = VARSIZE_ANY_EXHDR(b);
		StringInfoData s;
		int			vlen = len - 1;
		bool		hashed = (len == 1 + DIPLO_KEY_HASHED_PREFIX + 5 &&
							  d[1 + DIPLO_KEY_HASHED_PREFIX] == 0xFF);
		char	   *utf8;

		initStringInfo(&s);
		appendStringInfoChar(&s, (char) d[0]);
		appendStringInfoChar(&s, ':');
		if (hashed)
			vlen = DIPLO_KEY_HASHED_PREFIX;
		/* a hashed prefix may end inside a character: cut it there */
		utf8 = pnstrdup((const char *) d + 1, vlen);
		utf8[pg_encoding_verifymbstr(PG_UTF8, utf8, vlen)] = '\0';
		appendStringInfoString(&s, diplo_utf8_to_server(utf8));
		if (hashed)
			appendStringInfo(&s, "#%02x%02x%02x%02x", d[len - 4], d[len - 3],
							 d[len - 2], d[len - 1]);
		texts[i] = PointerGetDatum(cstring_to_text(s.data));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(texts, n, TEXTOID, -1, false,
										  TYPALIGN_INT));
}
