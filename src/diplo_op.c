/*
 * diplo_op.c
 *		Operators over diplo_statement and diplo_query: the match
 *		diplo_statement @@ diplo_query (and its commutator), containment
 *		@> and <@ between analyses, and diplo_headline().
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "diplo.h"
#include "diplo_query.h"

PG_FUNCTION_INFO_V1(diplo_statement_match);
PG_FUNCTION_INFO_V1(diplo_query_match_statement);
PG_FUNCTION_INFO_V1(diplo_statement_contains);
PG_FUNCTION_INFO_V1(diplo_statement_contained);
PG_FUNCTION_INFO_V1(diplo_headline);
PG_FUNCTION_INFO_V1(diplo_headline_opts);

/* Does the stored analysis st satisfy the query datum? */
static bool
statement_matches(DiploStatement *st, Datum query)
{
	DiploScratch scratch;
	DiploAnalysis an;
	DiploQuery	q;
	bool		result;

	DIPLO_QUERY_VIEW(PG_DETOAST_DATUM(query), &q);
	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_statement_read(&scratch.alloc, st, &an);
	result = diplo_query_match(&scratch.alloc, &q, &an);
	diplo_scratch_end(&scratch);
	return result;
}

/* diplo_statement @@ diplo_query */
Datum
diplo_statement_match(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(statement_matches(PG_GETARG_DIPLO_STATEMENT_P(0),
									 PG_GETARG_DATUM(1)));
}

/* diplo_query @@ diplo_statement (the commutator) */
Datum
diplo_query_match_statement(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(statement_matches(PG_GETARG_DIPLO_STATEMENT_P(1),
									 PG_GETARG_DATUM(0)));
}

/* Does the analysis left contain the analysis right? */
static bool
statement_contains(DiploStatement *left, DiploStatement *right)
{
	DiploScratch scratch;
	DiploAnalysis l;
	DiploAnalysis r;
	bool		result;

	diplo_scratch_begin(&scratch);
	memset(&l, 0, sizeof(l));
	memset(&r, 0, sizeof(r));
	diplo_statement_read(&scratch.alloc, left, &l);
	diplo_statement_read(&scratch.alloc, right, &r);
	result = diplo_analysis_contains(&scratch.alloc, &l, &r);
	diplo_scratch_end(&scratch);
	return result;
}

/* diplo_statement @> diplo_statement */
Datum
diplo_statement_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(statement_contains(PG_GETARG_DIPLO_STATEMENT_P(0),
									  PG_GETARG_DIPLO_STATEMENT_P(1)));
}

/* diplo_statement <@ diplo_statement */
Datum
diplo_statement_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(statement_contains(PG_GETARG_DIPLO_STATEMENT_P(1),
									  PG_GETARG_DIPLO_STATEMENT_P(0)));
}

/* Trim spaces around s[0..*len) in place; returns the new start. */
static char *
trim_spaces(char *s, size_t *len)
{
	while (*len > 0 && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, (*len)--;
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t' ||
						s[*len - 1] == '\n'))
		(*len)--;
	return s;
}

/*
 * Parse headline options "StartSel=<b>, StopSel=</b>, FragmentDelimiter=
 * \" ... \", MaxFragments=2" (as ts_headline writes them; values may be
 * double-quoted to hold commas or spaces) into opt, as UTF-8.
 */
static void
parse_headline_options(const char *options, DiploHeadlineOptions *opt)
{
	const char *p = options;

	while (*p)
	{
		const char *eq = strchr(p, '=');
		const char *vstart;
		const char *vend;
		char	   *name;
		char	   *value;
		size_t		nlen;
		size_t		vlen;

		if (eq == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid headline option \"%s\"", p),
					 errhint("Options are written name=value, separated by commas.")));
		nlen = eq - p;
		name = trim_spaces((char *) p, &nlen);
		name = pnstrdup(name, nlen);
		vstart = eq + 1;
		while (*vstart == ' ')
			vstart++;
		if (*vstart == '"')
		{
			vstart++;
			vend = strchr(vstart, '"');
			if (vend == NULL)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("unterminated quoted value of headline option \"%s\"",
								name)));
			vlen = vend - vstart;
			value = pnstrdup(vstart, vlen);
			p = vend + 1;
			while (*p == ' ')
				p++;
		}
		else
		{
			vend = strchr(vstart, ',');
			if (vend == NULL)
				vend = vstart + strlen(vstart);
			vlen = vend - vstart;
			value = pnstrdup(trim_spaces((char *) vstart, &vlen), vlen);
			p = vend;
		}
		if (*p == ',')
			p++;
		else if (*p != '\0')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("expected \",\" after headline option \"%s\"", name)));
		value = pstrdup(diplo_server_to_utf8(value, strlen(value), &vlen));
		value[vlen] = '\0';
		if (pg_strcasecmp(name, "StartSel") == 0)
			opt->start_sel = value;
		else if (pg_strcasecmp(name, "StopSel") == 0)
			opt->stop_sel = value;
		else if (pg_strcasecmp(name, "FragmentDelimiter") == 0)
			opt->delimiter = value;
		else if (pg_strcasecmp(name, "MaxFragments") == 0)
			opt->max_fragments = pg_strtoint32(value);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized headline option \"%s\"", name),
					 errhint("Valid options are StartSel, StopSel, FragmentDelimiter and MaxFragments.")));
		if (opt->max_fragments < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("MaxFragments must be >= 0")));
	}
}

/* The headline of an article for a query, NULL if no quote matches. */
static Datum
headline(FunctionCallInfo fcinfo, const char *options)
{
	DiploHeadlineOptions opt = {"<b>", "</b>", " ... ", 0};
	DiploScratch scratch;
	DiploAnalysis an;
	DiploQuery	q;
	char	   *utf8;
	text	   *result = NULL;

	DIPLO_QUERY_VIEW(PG_DETOAST_DATUM(PG_GETARG_DATUM(1)), &q);
	if (options != NULL)
		parse_headline_options(options, &opt);
	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_analyze_server_text(&scratch.alloc, PG_GETARG_TEXT_PP(0), &an);
	utf8 = diplo_query_headline(&scratch.alloc, &q, &an, &opt);
	if (utf8 != NULL)
	{
		MemoryContextSwitchTo(scratch.caller);
		result = diplo_utf8_to_text(utf8);
	}
	diplo_scratch_end(&scratch);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(result);
}

/* diplo_headline(text, diplo_query) */
Datum
diplo_headline(PG_FUNCTION_ARGS)
{
	return headline(fcinfo, NULL);
}

/* diplo_headline(text, diplo_query, options text) */
Datum
diplo_headline_opts(PG_FUNCTION_ARGS)
{
	return headline(fcinfo, text_to_cstring(PG_GETARG_TEXT_PP(2)));
}
