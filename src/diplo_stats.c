/*
 * diplo_stats.c
 *		Summaries of a stored analysis for aggregates and dashboards:
 *		diplo_stats(diplo_statement), one row of counts, and
 *		diplo_facets(diplo_statement), one row per distinct speaker, role,
 *		organisation, country, topic, event and cue with its number of quotes.
 *		Both decode the value once.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "diplo.h"

PG_FUNCTION_INFO_V1(diplo_statement_stats);
PG_FUNCTION_INFO_V1(diplo_statement_facets);

/* Columns of diplo_stats(diplo_statement). */
enum
{
	STATS_COL_SPEAKERS,
	STATS_COL_PERSONS,
	STATS_COL_ORGANIZATIONS,
	STATS_COL_GROUPS,
	STATS_COL_QUOTES,
	STATS_COL_DIRECT,
	STATS_COL_INDIRECT,
	STATS_COL_MIXED,
	STATS_COL_ATTRIBUTED,
	STATS_COL_COUNTRIES,
	STATS_COL_TOPICS,
	STATS_COL_EVENT,
	STATS_NCOLS
};

/* Columns of diplo_facets(diplo_statement). */
enum
{
	FACET_COL_FACET,
	FACET_COL_VALUE,
	FACET_COL_QUOTES,
	FACET_NCOLS
};

/* One occurrence of a facet value: where it first appears, quotes it carries. */
typedef struct FacetItem
{
	const char *value;
	int64		first;			/* rank of first appearance */
	int32		quotes;
} FacetItem;

/* Order facet items by value, then by first appearance. */
static int
facet_value_cmp(const void *a, const void *b)
{
	const FacetItem *x = (const FacetItem *) a;
	const FacetItem *y = (const FacetItem *) b;
	int			c = strcmp(x->value, y->value);

	if (c != 0)
		return c;
	return (x->first > y->first) - (x->first < y->first);
}

/* Order facet items by first appearance. */
static int
facet_first_cmp(const void *a, const void *b)
{
	const FacetItem *x = (const FacetItem *) a;
	const FacetItem *y = (const FacetItem *) b;

	return (x->first > y->first) - (x->first < y->first);
}

/*
 * Merge the n items of one facet that share a value (summing their quotes)
 * and put one row per distinct value, in order of first appearance, into
 * the SRF; count_quotes false gives NULL quotes (article-level facets).
 */
static void
facet_emit(FunctionCallInfo fcinfo, const char *facet, FacetItem *items,
		   int n, bool count_quotes)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			k = 0;

	if (n == 0)
		return;
	qsort(items, n, sizeof(FacetItem), facet_value_cmp);
	for (int i = 0; i < n; i++)
	{
		if (k > 0 && strcmp(items[k - 1].value, items[i].value) == 0)
			items[k - 1].quotes += items[i].quotes;
		else
			items[k++] = items[i];
	}
	qsort(items, k, sizeof(FacetItem), facet_first_cmp);
	for (int i = 0; i < k; i++)
	{
		Datum		values[FACET_NCOLS];
		bool		nulls[FACET_NCOLS] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		values[FACET_COL_FACET] = CStringGetTextDatum(facet);
		values[FACET_COL_VALUE] = PointerGetDatum(diplo_utf8_to_text(items[i].value));
		values[FACET_COL_QUOTES] = Int32GetDatum(items[i].quotes);
		nulls[FACET_COL_QUOTES] = !count_quotes;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Which attribute of a speaker a facet reads. */
typedef enum SpeakerField
{
	FIELD_NAME,
	FIELD_ROLE,
	FIELD_ORG,
	FIELD_COUNTRY
} SpeakerField;

/* The attribute field of speaker sp, or NULL. */
static const char *
speaker_field(const DiploSpeaker *sp, SpeakerField field)
{
	switch (field)
	{
		case FIELD_NAME:
			return sp->name;
		case FIELD_ROLE:
			return sp->role;
		case FIELD_ORG:
			/* an organisation speaking is its own organisation */
			return sp->org ? sp->org :
				(sp->type == DIPLO_SPEAKER_ORGANIZATION ? sp->name : NULL);
		case FIELD_COUNTRY:
			return sp->country;
	}
	return NULL;
}

/*
 * Add to items one item per speaker whose attribute field is set, carrying
 * the quotes attributed to that speaker; returns the new count.
 */
static int
speaker_items(const DiploAnalysis *an, const int32 *nquotes,
			  SpeakerField field, int64 rank_base, FacetItem *items, int n)
{
	for (int32 i = 0; i < an->nspeakers; i++)
	{
		const char *v = speaker_field(&an->speakers[i], field);

		if (v == NULL)
			continue;
		items[n].value = v;
		items[n].first = rank_base + i;
		items[n].quotes = nquotes[i];
		n++;
	}
	return n;
}

/* Add one item per string of strings[0..count-1], with no quotes. */
static int
string_items(char *const *strings, int32 count, FacetItem *items, int n)
{
	for (int32 i = 0; i < count; i++)
	{
		items[n].value = strings[i];
		items[n].first = i;
		items[n].quotes = 0;
		n++;
	}
	return n;
}

/* Put the rows of every facet of an into the SRF. */
static void
facets_materialize(FunctionCallInfo fcinfo, const DiploAnalysis *an)
{
	int64		cap = (int64) an->nspeakers + an->nquotes + an->ntopics +
		an->ncountries + 1;
	FacetItem  *items = palloc(sizeof(FacetItem) * cap);
	int32	   *nquotes = palloc0(sizeof(int32) * (an->nspeakers + 1));
	int			n;

	for (int32 q = 0; q < an->nquotes; q++)
		if (an->quotes[q].speaker >= 0 && an->quotes[q].speaker < an->nspeakers)
			nquotes[an->quotes[q].speaker]++;

	n = speaker_items(an, nquotes, FIELD_NAME, 0, items, 0);
	facet_emit(fcinfo, "speaker", items, n, true);
	n = speaker_items(an, nquotes, FIELD_ROLE, 0, items, 0);
	facet_emit(fcinfo, "role", items, n, true);
	n = speaker_items(an, nquotes, FIELD_ORG, 0, items, 0);
	facet_emit(fcinfo, "org", items, n, true);
	/* the countries mentioned, in order, then those only speakers have */
	n = string_items(an->countries, an->ncountries, items, 0);
	n = speaker_items(an, nquotes, FIELD_COUNTRY, an->ncountries, items, n);
	facet_emit(fcinfo, "country", items, n, true);
	n = string_items(an->topics, an->ntopics, items, 0);
	facet_emit(fcinfo, "topic", items, n, false);
	if (an->event != NULL)
	{
		items[0].value = an->event;
		items[0].first = 0;
		items[0].quotes = 0;
		facet_emit(fcinfo, "event", items, 1, false);
	}
	n = 0;
	for (int32 q = 0; q < an->nquotes; q++)
	{
		if (an->quotes[q].cue == NULL)
			continue;
		items[n].value = an->quotes[q].cue;
		items[n].first = q;
		items[n].quotes = 1;
		n++;
	}
	facet_emit(fcinfo, "cue", items, n, true);
}

/* The blessed row type of diplo_stats, looked up once per call site. */
static TupleDesc
stats_tupdesc(FunctionCallInfo fcinfo)
{
	TupleDesc	tupdesc = (TupleDesc) fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (tupdesc != NULL)
		return tupdesc;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("function returning record called in context that cannot accept type record")));
	tupdesc = BlessTupleDesc(tupdesc);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = tupdesc;
	return tupdesc;
}

/* diplo_stats(diplo_statement): counts of speakers, quotes, countries, topics. */
Datum
diplo_statement_stats(PG_FUNCTION_ARGS)
{
	DiploScratch scratch;
	DiploAnalysis an;
	TupleDesc	tupdesc;
	Datum		values[STATS_NCOLS];
	bool		nulls[STATS_NCOLS];
	int32		types[DIPLO_SPEAKER_TYPE_COUNT] = {0};
	int32		kinds[DIPLO_QUOTE_KIND_COUNT] = {0};
	int32		attributed = 0;
	HeapTuple	tuple;

	tupdesc = stats_tupdesc(fcinfo);

	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_statement_read(&scratch.alloc, PG_GETARG_DIPLO_STATEMENT_P(0), &an);
	for (int32 i = 0; i < an.nspeakers; i++)
		if ((unsigned) an.speakers[i].type < DIPLO_SPEAKER_TYPE_COUNT)
			types[an.speakers[i].type]++;
	for (int32 q = 0; q < an.nquotes; q++)
	{
		if ((unsigned) an.quotes[q].kind < DIPLO_QUOTE_KIND_COUNT)
			kinds[an.quotes[q].kind]++;
		if (an.quotes[q].speaker >= 0 && an.quotes[q].speaker < an.nspeakers)
			attributed++;
	}
	memset(nulls, 0, sizeof(nulls));
	values[STATS_COL_SPEAKERS] = Int32GetDatum(an.nspeakers);
	values[STATS_COL_PERSONS] = Int32GetDatum(types[DIPLO_SPEAKER_PERSON]);
	values[STATS_COL_ORGANIZATIONS] =
		Int32GetDatum(types[DIPLO_SPEAKER_ORGANIZATION]);
	values[STATS_COL_GROUPS] = Int32GetDatum(types[DIPLO_SPEAKER_GROUP]);
	values[STATS_COL_QUOTES] = Int32GetDatum(an.nquotes);
	values[STATS_COL_DIRECT] = Int32GetDatum(kinds[DIPLO_QUOTE_DIRECT]);
	values[STATS_COL_INDIRECT] = Int32GetDatum(kinds[DIPLO_QUOTE_INDIRECT]);
	values[STATS_COL_MIXED] = Int32GetDatum(kinds[DIPLO_QUOTE_MIXED]);
	values[STATS_COL_ATTRIBUTED] = Int32GetDatum(attributed);
	values[STATS_COL_COUNTRIES] = Int32GetDatum(an.ncountries);
	values[STATS_COL_TOPICS] = Int32GetDatum(an.ntopics);
	if (an.event != NULL)
		values[STATS_COL_EVENT] = PointerGetDatum(diplo_utf8_to_text(an.event));
	else
	{
		values[STATS_COL_EVENT] = (Datum) 0;
		nulls[STATS_COL_EVENT] = true;
	}
	MemoryContextSwitchTo(scratch.caller);
	tuple = heap_form_tuple(tupdesc, values, nulls);
	diplo_scratch_end(&scratch);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* diplo_facets(diplo_statement): one row per distinct value of each facet. */
Datum
diplo_statement_facets(PG_FUNCTION_ARGS)
{
	DiploScratch scratch;
	DiploAnalysis an;

	diplo_srf_begin(fcinfo);
	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_statement_read(&scratch.alloc, PG_GETARG_DIPLO_STATEMENT_P(0), &an);
	facets_materialize(fcinfo, &an);
	diplo_scratch_end(&scratch);
	return (Datum) 0;
}
