/*
 * diplo_import.c
 *		diplo_actors_import(target, dictionary, file): the rows of an actor
 *		dictionary in the plain format of src/core/diplo_dict.h, inserted
 *		into the user's actors table (as the calling user), all or nothing.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "parser/parse_coerce.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"

#include "diplo.h"
#include "diplo_dict.h"

PG_FUNCTION_INFO_V1(diplo_actors_import);

/* The columns of an actors table an import writes. */
enum
{
	IMP_NAME,
	IMP_ALIASES,
	IMP_ROLE,
	IMP_ORG,
	IMP_COUNTRY,
	IMP_FROM,
	IMP_TO,
	IMP_NCOLS
};

static const char *const import_cols[IMP_NCOLS] = {
	"name", "aliases", "role", "org", "country", "valid_from", "valid_to"
};

/* Does a column of type typid take values of column col? */
static bool
import_type_fits(Oid typid, int col)
{
	Oid			elem;

	switch (col)
	{
		case IMP_ALIASES:
			elem = get_element_type(typid);
			return OidIsValid(elem) && TypeCategory(elem) == TYPCATEGORY_STRING;
		case IMP_FROM:
		case IMP_TO:
			return typid == DATEOID;
		default:
			return TypeCategory(typid) == TYPCATEGORY_STRING;
	}
}

/* A UTF-8 string of the parser as a text Datum in the server encoding. */
static Datum
utf8_datum(const char *s)
{
	return PointerGetDatum(diplo_utf8_to_text(s));
}

/* Does the dictionary hold a value for column col in any actor? */
static bool
dict_uses_column(const DiploDict *d, int col)
{
	for (int i = 0; i < d->nactors; i++)
	{
		const DiploDictActor *a = &d->actors[i];

		if (col == IMP_ALIASES && a->naliases > 0)
			return true;
		for (int r = 0; r < a->nroles; r++)
		{
			const DiploDictRole *role = &a->roles[r];

			if ((col == IMP_ROLE && role->role) || (col == IMP_ORG && role->org) ||
				(col == IMP_COUNTRY && role->country) ||
				(col == IMP_FROM && role->valid_from != INT32_MIN) ||
				(col == IMP_TO && role->valid_to != INT32_MIN))
				return true;
		}
	}
	return false;
}

/* Insert one row for an actor and one of its roles (or none). */
static void
insert_row(SPIPlanPtr plan, const int *argcol, int nargs, const DiploDictActor *a,
		   const DiploDictRole *role, Datum aliases)
{
	Datum		values[IMP_NCOLS];
	char		nulls[IMP_NCOLS];
	int			rc;

	memset(values, 0, sizeof(values));
	memset(nulls, 'n', sizeof(nulls));
	for (int k = 0; k < nargs; k++)
	{
		const char *s = NULL;
		int32		date = INT32_MIN;

		nulls[k] = ' ';
		switch (argcol[k])
		{
			case IMP_NAME:
				s = a->name;
				break;
			case IMP_ALIASES:
				values[k] = aliases;
				if (a->naliases == 0)
					nulls[k] = 'n';
				continue;
			case IMP_ROLE:
				s = role ? role->role : NULL;
				break;
			case IMP_ORG:
				s = role ? role->org : NULL;
				break;
			case IMP_COUNTRY:
				s = role ? role->country : NULL;
				break;
			case IMP_FROM:
				date = role ? role->valid_from : INT32_MIN;
				break;
			case IMP_TO:
				date = role ? role->valid_to : INT32_MIN;
				break;
		}
		if (argcol[k] == IMP_FROM || argcol[k] == IMP_TO)
		{
			values[k] = DateADTGetDatum(date);
			if (date == INT32_MIN)
				nulls[k] = 'n';
		}
		else if (s)
			values[k] = utf8_datum(s);
		else
			nulls[k] = 'n';
	}
	rc = SPI_execute_plan(plan, values, nulls, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "SPI_execute_plan failed: %s", SPI_result_code_string(rc));
}

/*
 * diplo_actors_import(target regclass, dictionary text, file text): parse
 * the dictionary and insert its actors into target, one row per actor and
 * role (an actor without roles: one row), aliases on every row.  Returns
 * the number of rows inserted.  A malformed line is ERROR 22P02 naming
 * file and line; nothing is inserted then.
 */
Datum
diplo_actors_import(PG_FUNCTION_ARGS)
{
	Oid			relid = PG_GETARG_OID(0);
	text	   *dict_text = PG_GETARG_TEXT_PP(1);
	char	   *file = text_to_cstring(PG_GETARG_TEXT_PP(2));
	DiploScratch scratch;
	DiploDict	dict;
	DiploDictError err;
	size_t		utf8len;
	const char *utf8;
	char	   *relname = get_rel_name(relid);
	StringInfoData sql;
	StringInfoData vals;
	int			argcol[IMP_NCOLS];
	Oid			argtypes[IMP_NCOLS];
	int			nargs = 0;
	SPIPlanPtr	plan;
	int64		rows = 0;
	int			rc;

	if (relname == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("relation with OID %u does not exist", relid)));
	diplo_scratch_begin(&scratch);
	utf8 = diplo_server_to_utf8(VARDATA_ANY(dict_text),
								VARSIZE_ANY_EXHDR(dict_text), &utf8len);
	if (!diplo_dict_parse(&scratch.alloc, utf8, utf8len, &dict, &err))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
				 errmsg("malformed actor dictionary: %s, line %d: %s", file,
						err.line, diplo_utf8_to_server(err.message)),
				 errhint("An actor line is: Name [role; organisation; country; YYYY-MM-DD..YYYY-MM-DD] ...; an alias line is: +Alias; \"#\" starts a comment.")));

	/* the target's columns: name required, the others where present */
	initStringInfo(&sql);
	initStringInfo(&vals);
	for (int c = 0; c < IMP_NCOLS; c++)
	{
		AttrNumber	att = get_attnum(relid, import_cols[c]);

		if (att == InvalidAttrNumber || att < 0)
		{
			if (c == IMP_NAME || dict_uses_column(&dict, c))
				ereport(ERROR,
						(errcode(ERRCODE_UNDEFINED_COLUMN),
						 errmsg("table \"%s\" has no column \"%s\", which the dictionary %s fills",
								relname, import_cols[c], file),
						 errhint("An actors table has the columns name, aliases, role, org, country, valid_from and valid_to.")));
			continue;
		}
		if (!import_type_fits(get_atttype(relid, att), c))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column \"%s\" of table \"%s\" is of type %s, but diplo_actors_import writes %s",
							import_cols[c], relname,
							format_type_be(get_atttype(relid, att)),
							c == IMP_ALIASES ? "text[]" :
							(c == IMP_FROM || c == IMP_TO) ? "date" : "text")));
		appendStringInfo(&sql, "%s%s", nargs ? ", " : "",
						 quote_identifier(import_cols[c]));
		appendStringInfo(&vals, "%s$%d", nargs ? ", " : "", nargs + 1);
		argcol[nargs] = c;
		argtypes[nargs++] = c == IMP_ALIASES ? TEXTARRAYOID :
			(c == IMP_FROM || c == IMP_TO) ? DATEOID : TEXTOID;
	}

	if ((rc = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(rc));
	plan = SPI_prepare(psprintf("INSERT INTO %s (%s) VALUES (%s)",
								quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
														   relname),
								sql.data, vals.data),
					   nargs, argtypes);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	for (int i = 0; i < dict.nactors; i++)
	{
		const DiploDictActor *a = &dict.actors[i];
		Datum		aliases = (Datum) 0;

		CHECK_FOR_INTERRUPTS();
		if (a->naliases > 0)
		{
			Datum	   *elems = palloc(sizeof(Datum) * a->naliases);

			for (int k = 0; k < a->naliases; k++)
				elems[k] = utf8_datum(a->aliases[k]);
			aliases = PointerGetDatum(construct_array(elems, a->naliases, TEXTOID,
													  -1, false, TYPALIGN_INT));
		}
		if (a->nroles == 0)
		{
			insert_row(plan, argcol, nargs, a, NULL, aliases);
			rows++;
		}
		for (int r = 0; r < a->nroles; r++)
		{
			insert_row(plan, argcol, nargs, a, &a->roles[r], aliases);
			rows++;
		}
	}
	SPI_finish();
	diplo_scratch_end(&scratch);
	PG_RETURN_INT64(rows);
}
