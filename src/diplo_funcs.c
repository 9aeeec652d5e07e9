/*
 * diplo_funcs.c
 *		The SQL functions over article text (diplo_analyze, diplo_speakers,
 *		diplo_topics, diplo_quotes) and the accessors of a stored
 *		diplo_statement (speakers, topics, quotes, countries, event), which
 *		read the value without analysing the text again.
 */
#include "postgres.h"

#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/tuplestore.h"

#include "diplo.h"
#include "diplo_language.h"

PG_FUNCTION_INFO_V1(diplo_article_analyze);
PG_FUNCTION_INFO_V1(diplo_article_speakers);
PG_FUNCTION_INFO_V1(diplo_article_topics);
PG_FUNCTION_INFO_V1(diplo_article_quotes);
PG_FUNCTION_INFO_V1(diplo_statement_speakers);
PG_FUNCTION_INFO_V1(diplo_statement_topics);
PG_FUNCTION_INFO_V1(diplo_statement_quotes);
PG_FUNCTION_INFO_V1(diplo_statement_countries);
PG_FUNCTION_INFO_V1(diplo_statement_event);
PG_FUNCTION_INFO_V1(diplo_article_speaker_details);
PG_FUNCTION_INFO_V1(diplo_statement_speaker_details);
PG_FUNCTION_INFO_V1(diplo_article_analyze_lang);
PG_FUNCTION_INFO_V1(diplo_article_quotes_lang);
PG_FUNCTION_INFO_V1(diplo_article_speaker_details_lang);
PG_FUNCTION_INFO_V1(diplo_article_language);
PG_FUNCTION_INFO_V1(diplo_statement_language);

/* Columns of the rows of diplo_quotes(text) and quotes(diplo_statement). */
enum
{
	QUOTE_COL_SPEAKER,
	QUOTE_COL_SPEAKER_ROLE,
	QUOTE_COL_SPEAKER_COUNTRY,
	QUOTE_COL_CUE,
	QUOTE_COL_CONTENT,
	QUOTE_COL_DIRECT,
	QUOTE_COL_CONTENT_START,
	QUOTE_COL_CONTENT_LEN,
	QUOTE_COL_KIND,
	QUOTE_COL_CHANNEL,
	QUOTE_COL_ADDRESSEE,
	QUOTE_NCOLS
};

/* Columns of the rows of diplo_speaker_details(text) and speaker_details(). */
enum
{
	SPEAKER_COL_NAME,
	SPEAKER_COL_ROLE,
	SPEAKER_COL_ORG,
	SPEAKER_COL_COUNTRY,
	SPEAKER_COL_TYPE,
	SPEAKER_COL_QUOTES,
	SPEAKER_NCOLS
};

/* Which part of an analysis a function returns. */
typedef enum AnalysisPart
{
	PART_SPEAKERS,
	PART_TOPICS,
	PART_COUNTRIES
} AnalysisPart;

/* A text[] of n UTF-8 strings, built in the current memory context. */
static ArrayType *
utf8_string_array(char *const *strings, int n)
{
	Datum	   *elems;

	if (n == 0)
		return construct_empty_array(TEXTOID);
	elems = palloc(sizeof(Datum) * n);
	for (int i = 0; i < n; i++)
		elems[i] = PointerGetDatum(diplo_utf8_to_text(strings[i]));
	return construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT);
}

/* Order two speaker indexes by name, then by index (for the dedup sort). */
static int
speaker_index_cmp(const void *a, const void *b, void *arg)
{
	const DiploSpeaker *speakers = (const DiploSpeaker *) arg;
	int32		i = *(const int32 *) a;
	int32		j = *(const int32 *) b;
	int			c = strcmp(speakers[i].name, speakers[j].name);

	if (c != 0)
		return c;
	return (i > j) - (i < j);
}

/*
 * The speakers' canonical names, in the order of the analysis (the order
 * of first mention), each name once; sorting makes it O(n log n).
 */
static char **
distinct_speaker_names(const DiploAnalysis *an, int *nnames)
{
	int32		n = an->nspeakers;
	int32	   *order;
	bool	   *dup;
	char	  **names;
	int			k = 0;

	if (n == 0)
	{
		*nnames = 0;
		return NULL;
	}
	order = palloc(sizeof(int32) * n);
	dup = palloc0(sizeof(bool) * n);
	for (int32 i = 0; i < n; i++)
		order[i] = i;
	qsort_arg(order, n, sizeof(int32), speaker_index_cmp, an->speakers);
	for (int32 i = 1; i < n; i++)
		if (strcmp(an->speakers[order[i]].name,
				   an->speakers[order[i - 1]].name) == 0)
			dup[order[i]] = true;
	names = palloc(sizeof(char *) * n);
	for (int32 i = 0; i < n; i++)
		if (!dup[i])
			names[k++] = an->speakers[i].name;
	*nnames = k;
	return names;
}

/* One part of an analysis as text[], allocated in result_cxt. */
static ArrayType *
analysis_part_array(const DiploAnalysis *an, AnalysisPart part,
					MemoryContext result_cxt)
{
	char	  **strings = NULL;
	int			n = 0;
	MemoryContext old;
	ArrayType  *result;

	switch (part)
	{
		case PART_SPEAKERS:
			strings = distinct_speaker_names(an, &n);
			break;
		case PART_TOPICS:
			strings = an->topics;
			n = an->ntopics;
			break;
		case PART_COUNTRIES:
			strings = an->countries;
			n = an->ncountries;
			break;
	}
	old = MemoryContextSwitchTo(result_cxt);
	result = utf8_string_array(strings, n);
	MemoryContextSwitchTo(old);
	return result;
}

/* A nullable UTF-8 string as a text Datum; *isnull set for NULL. */
static Datum
nullable_text(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? PointerGetDatum(diplo_utf8_to_text(s)) : (Datum) 0;
}

/* A character offset or length as an int4 Datum; negative is NULL. */
static Datum
nullable_int32(int64 v, bool *isnull)
{
	*isnull = (v < 0 || v > PG_INT32_MAX);
	return *isnull ? (Datum) 0 : Int32GetDatum((int32) v);
}

/* The name of speaker index i of an, or NULL when i is -1 or out of range. */
static const char *
speaker_name_at(const DiploAnalysis *an, int32 i)
{
	return (i >= 0 && i < an->nspeakers) ? an->speakers[i].name : NULL;
}

/* Put one row per quote of an into the SRF's tuplestore. */
static void
quotes_materialize(FunctionCallInfo fcinfo, const DiploAnalysis *an)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	for (int32 q = 0; q < an->nquotes; q++)
	{
		const DiploQuote *quote = &an->quotes[q];
		const DiploSpeaker *speaker = NULL;
		Datum		values[QUOTE_NCOLS];
		bool		nulls[QUOTE_NCOLS];

		if (quote->speaker >= 0 && quote->speaker < an->nspeakers)
			speaker = &an->speakers[quote->speaker];
		values[QUOTE_COL_SPEAKER] =
			nullable_text(speaker ? speaker->name : NULL,
						  &nulls[QUOTE_COL_SPEAKER]);
		values[QUOTE_COL_SPEAKER_ROLE] =
			nullable_text(speaker ? speaker->role : NULL,
						  &nulls[QUOTE_COL_SPEAKER_ROLE]);
		values[QUOTE_COL_SPEAKER_COUNTRY] =
			nullable_text(speaker ? speaker->country : NULL,
						  &nulls[QUOTE_COL_SPEAKER_COUNTRY]);
		values[QUOTE_COL_CUE] = nullable_text(quote->cue,
											  &nulls[QUOTE_COL_CUE]);
		values[QUOTE_COL_CONTENT] = nullable_text(quote->content,
												  &nulls[QUOTE_COL_CONTENT]);
		values[QUOTE_COL_DIRECT] = BoolGetDatum(quote->kind == DIPLO_QUOTE_DIRECT);
		nulls[QUOTE_COL_DIRECT] = false;
		/* character offsets, shown 1-based like substr(); -1 is unknown */
		values[QUOTE_COL_CONTENT_START] =
			nullable_int32(quote->content_start < 0 ? -1 : quote->content_start + 1,
						   &nulls[QUOTE_COL_CONTENT_START]);
		values[QUOTE_COL_CONTENT_LEN] =
			nullable_int32(quote->content_len,
						   &nulls[QUOTE_COL_CONTENT_LEN]);
		values[QUOTE_COL_KIND] =
			nullable_text((unsigned) quote->kind < DIPLO_QUOTE_KIND_COUNT ?
						  diplo_quote_kind_names[quote->kind] : NULL,
						  &nulls[QUOTE_COL_KIND]);
		values[QUOTE_COL_CHANNEL] =
			nullable_text(speaker_name_at(an, quote->channel),
						  &nulls[QUOTE_COL_CHANNEL]);
		values[QUOTE_COL_ADDRESSEE] =
			nullable_text(speaker_name_at(an, quote->addressee),
						  &nulls[QUOTE_COL_ADDRESSEE]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Put one row per speaker of an, with its number of quotes, into the SRF. */
static void
speakers_materialize(FunctionCallInfo fcinfo, const DiploAnalysis *an)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int32	   *nquotes = palloc0(sizeof(int32) * (an->nspeakers + 1));

	for (int32 q = 0; q < an->nquotes; q++)
		if (an->quotes[q].speaker >= 0 && an->quotes[q].speaker < an->nspeakers)
			nquotes[an->quotes[q].speaker]++;
	for (int32 i = 0; i < an->nspeakers; i++)
	{
		const DiploSpeaker *sp = &an->speakers[i];
		Datum		values[SPEAKER_NCOLS];
		bool		nulls[SPEAKER_NCOLS];

		values[SPEAKER_COL_NAME] = nullable_text(sp->name, &nulls[SPEAKER_COL_NAME]);
		values[SPEAKER_COL_ROLE] = nullable_text(sp->role, &nulls[SPEAKER_COL_ROLE]);
		values[SPEAKER_COL_ORG] = nullable_text(sp->org, &nulls[SPEAKER_COL_ORG]);
		values[SPEAKER_COL_COUNTRY] =
			nullable_text(sp->country, &nulls[SPEAKER_COL_COUNTRY]);
		values[SPEAKER_COL_TYPE] =
			nullable_text((unsigned) sp->type < DIPLO_SPEAKER_TYPE_COUNT ?
						  diplo_speaker_type_names[sp->type] : NULL,
						  &nulls[SPEAKER_COL_TYPE]);
		values[SPEAKER_COL_QUOTES] = Int32GetDatum(nquotes[i]);
		nulls[SPEAKER_COL_QUOTES] = false;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Where a function takes its analysis from: article text or a stored value. */
typedef enum AnalysisSource
{
	FROM_TEXT,					/* analyse the text argument */
	FROM_STATEMENT,				/* read the diplo_statement argument */
	FROM_TEXT_LANG				/* analyse the text argument in the language
								 * of the second (diplo_language) */
} AnalysisSource;

/* Begin scratch memory and fill *an from the first argument. */
static void
argument_analysis(FunctionCallInfo fcinfo, AnalysisSource source,
				  DiploScratch *scratch, DiploAnalysis *an)
{
	diplo_scratch_begin(scratch);
	memset(an, 0, sizeof(*an));
	if (source == FROM_TEXT)
		diplo_analyze_server_text(&scratch->alloc, PG_GETARG_TEXT_PP(0), an);
	else if (source == FROM_TEXT_LANG)
	{
		DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};

		opts.language = diplo_language_arg(PG_GETARG_DATUM(1));
		diplo_analyze_server_text_opts(&scratch->alloc, PG_GETARG_TEXT_PP(0),
									   &opts, an);
	}
	else
		diplo_statement_read(&scratch->alloc, PG_GETARG_DIPLO_STATEMENT_P(0), an);
}

/* One part of the first argument's analysis as text[]. */
static Datum
part_array(FunctionCallInfo fcinfo, AnalysisSource source, AnalysisPart part)
{
	DiploScratch scratch;
	DiploAnalysis an;
	ArrayType  *result;

	argument_analysis(fcinfo, source, &scratch, &an);
	result = analysis_part_array(&an, part, scratch.caller);
	diplo_scratch_end(&scratch);
	PG_RETURN_ARRAYTYPE_P(result);
}

/*
 * Set up a materialized set-returning call with the row type the executor
 * expects rather than looking it up: the lookup (get_call_result_type of a
 * function with OUT parameters) leaves about 1 kB in the query's memory at
 * every call, which grows without bound over a LATERAL join of many rows.
 */
void
diplo_srf_begin(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, (rsinfo != NULL && IsA(rsinfo, ReturnSetInfo) &&
								 rsinfo->expectedDesc != NULL) ?
						MAT_SRF_USE_EXPECTED_DESC : 0);
}

/* Rows of the first argument's analysis, put by materialize into the SRF. */
static Datum
analysis_rows(FunctionCallInfo fcinfo, AnalysisSource source,
			  void (*materialize) (FunctionCallInfo, const DiploAnalysis *))
{
	DiploScratch scratch;
	DiploAnalysis an;

	diplo_srf_begin(fcinfo);
	argument_analysis(fcinfo, source, &scratch, &an);
	materialize(fcinfo, &an);
	diplo_scratch_end(&scratch);
	return (Datum) 0;
}

/* The analysis of the call's text (from source) as a diplo_statement. */
static Datum
analysis_statement(FunctionCallInfo fcinfo, AnalysisSource source)
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploStatement *result;

	argument_analysis(fcinfo, source, &scratch, &an);
	result = diplo_statement_build(&scratch.alloc, &an, scratch.caller);
	diplo_scratch_end(&scratch);
	PG_RETURN_DIPLO_STATEMENT_P(result);
}

/* diplo_analyze(text): the analysis of an article, to store or query. */
Datum
diplo_article_analyze(PG_FUNCTION_ARGS)
{
	return analysis_statement(fcinfo, FROM_TEXT);
}

/* diplo_speakers(text): canonical names of the speakers, in article order. */
Datum
diplo_article_speakers(PG_FUNCTION_ARGS)
{
	return part_array(fcinfo, FROM_TEXT, PART_SPEAKERS);
}

/* diplo_topics(text): the topics of an article, in taxonomy order. */
Datum
diplo_article_topics(PG_FUNCTION_ARGS)
{
	return part_array(fcinfo, FROM_TEXT, PART_TOPICS);
}

/* diplo_quotes(text): one row per quote of an article. */
Datum
diplo_article_quotes(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_TEXT, quotes_materialize);
}

/* diplo_speaker_details(text): one row per speaker of an article. */
Datum
diplo_article_speaker_details(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_TEXT, speakers_materialize);
}

/* speakers(diplo_statement): the stored speakers' names. */
Datum
diplo_statement_speakers(PG_FUNCTION_ARGS)
{
	return part_array(fcinfo, FROM_STATEMENT, PART_SPEAKERS);
}

/* topics(diplo_statement): the stored topics. */
Datum
diplo_statement_topics(PG_FUNCTION_ARGS)
{
	return part_array(fcinfo, FROM_STATEMENT, PART_TOPICS);
}

/* countries(diplo_statement): the countries the article mentions. */
Datum
diplo_statement_countries(PG_FUNCTION_ARGS)
{
	return part_array(fcinfo, FROM_STATEMENT, PART_COUNTRIES);
}

/* quotes(diplo_statement): one row per stored quote. */
Datum
diplo_statement_quotes(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_STATEMENT, quotes_materialize);
}

/* speaker_details(diplo_statement): one row per stored speaker. */
Datum
diplo_statement_speaker_details(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_STATEMENT, speakers_materialize);
}

/* diplo_analyze(text, diplo_language): the analysis in a given language. */
Datum
diplo_article_analyze_lang(PG_FUNCTION_ARGS)
{
	return analysis_statement(fcinfo, FROM_TEXT_LANG);
}

/* diplo_quotes(text, diplo_language): the quotes in a given language. */
Datum
diplo_article_quotes_lang(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_TEXT_LANG, quotes_materialize);
}

/* diplo_speaker_details(text, diplo_language): the speakers in a language. */
Datum
diplo_article_speaker_details_lang(PG_FUNCTION_ARGS)
{
	return analysis_rows(fcinfo, FROM_TEXT_LANG, speakers_materialize);
}

/* The diplo_language value (the function's result type) of lang. */
static Datum
language_label(FunctionCallInfo fcinfo, DiploLanguage lang)
{
	Oid			typid = get_func_rettype(fcinfo->flinfo->fn_oid);
	Oid			label;

	label = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
							ObjectIdGetDatum(typid),
							CStringGetDatum(diplo_language_code(lang)));
	if (!OidIsValid(label))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("diplo_language has no label \"%s\"",
						diplo_language_code(lang))));
	return ObjectIdGetDatum(label);
}

/* diplo_guess_language(text): the language guessed for an article. */
Datum
diplo_article_language(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		utf8len;
	const char *utf8 = diplo_server_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t),
											&utf8len);

	return language_label(fcinfo, diplo_guess_language(NULL, utf8, utf8len));
}

/* language(diplo_statement): the language the article was read in. */
Datum
diplo_statement_language(PG_FUNCTION_ARGS)
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploLanguage lang;

	argument_analysis(fcinfo, FROM_STATEMENT, &scratch, &an);
	lang = an.language == DIPLO_LANG_AUTO ? DIPLO_LANG_EN : an.language;
	diplo_scratch_end(&scratch);
	return language_label(fcinfo, lang);
}

/* event(diplo_statement): the diplomatic event reported, or NULL. */
Datum
diplo_statement_event(PG_FUNCTION_ARGS)
{
	DiploScratch scratch;
	DiploAnalysis an;
	text	   *result = NULL;

	argument_analysis(fcinfo, FROM_STATEMENT, &scratch, &an);
	if (an.event != NULL)
	{
		MemoryContextSwitchTo(scratch.caller);
		result = diplo_utf8_to_text(an.event);
	}
	diplo_scratch_end(&scratch);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(result);
}

/* One row per quote of an analysis made elsewhere (configurations). */
void
diplo_quotes_materialize(FunctionCallInfo fcinfo, const DiploAnalysis *an)
{
	quotes_materialize(fcinfo, an);
}

/* One row per speaker of an analysis made elsewhere (configurations). */
void
diplo_speakers_materialize(FunctionCallInfo fcinfo, const DiploAnalysis *an)
{
	speakers_materialize(fcinfo, an);
}
