/*
 * diplo_io.c
 *		Input and output of diplo_statement: canonical JSON text, the
 *		versioned binary form of send/recv, and the cast to jsonb.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "diplo.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(diplo_statement_in);
PG_FUNCTION_INFO_V1(diplo_statement_out);
PG_FUNCTION_INFO_V1(diplo_statement_recv);
PG_FUNCTION_INFO_V1(diplo_statement_send);
PG_FUNCTION_INFO_V1(diplo_statement_to_jsonb);

/* Parse a JSON literal (server encoding) into a stored value. */
Datum
diplo_statement_in(PG_FUNCTION_ARGS)
{
	char	   *literal = PG_GETARG_CSTRING(0);
	DiploScratch scratch;
	DiploAnalysis an;
	DiploError	err;
	const char *utf8;
	size_t		utf8len;
	DiploStatement *result;

	diplo_scratch_begin(&scratch);
	utf8 = diplo_server_to_utf8(literal, strlen(literal), &utf8len);
	memset(&an, 0, sizeof(an));
	memset(&err, 0, sizeof(err));
	if (!diplo_analysis_from_json(&scratch.alloc, utf8, utf8len, &an, &err))
		diplo_report_error(&err, DIPLO_SOURCE_TEXT, literal, utf8);
	result = diplo_statement_build(&scratch.alloc, &an, scratch.caller);
	diplo_scratch_end(&scratch);
	PG_RETURN_DIPLO_STATEMENT_P(result);
}

/* The canonical JSON text of a value, in the server encoding. */
static char *
statement_json(DiploStatement *st, MemoryContext result_cxt)
{
	DiploScratch scratch;
	DiploAnalysis an;
	size_t		len;
	char	   *json;

	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	diplo_statement_read(&scratch.alloc, st, &an);
	json = diplo_analysis_to_json(&scratch.alloc, &an, &len);
	json = MemoryContextStrdup(result_cxt, diplo_utf8_to_server(json));
	diplo_scratch_end(&scratch);
	return json;
}

/* Print a value as canonical JSON. */
Datum
diplo_statement_out(PG_FUNCTION_ARGS)
{
	DiploStatement *st = PG_GETARG_DIPLO_STATEMENT_P(0);

	PG_RETURN_CSTRING(statement_json(st, CurrentMemoryContext));
}

/*
 * Read the binary form: the whole message must be one valid value of a
 * known version; it is decoded and encoded again, so what is stored is
 * always canonical.
 */
Datum
diplo_statement_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	DiploScratch scratch;
	DiploAnalysis an;
	DiploError	err;
	DiploStatement *result;
	const uint8_t *bytes = (const uint8_t *) buf->data + buf->cursor;
	size_t		nbytes = buf->len - buf->cursor;

	diplo_scratch_begin(&scratch);
	memset(&an, 0, sizeof(an));
	memset(&err, 0, sizeof(err));
	if (!diplo_analysis_decode(&scratch.alloc, bytes, nbytes, &an, &err))
		diplo_report_error(&err, DIPLO_SOURCE_BINARY, NULL, NULL);
	result = diplo_statement_build(&scratch.alloc, &an, scratch.caller);
	diplo_scratch_end(&scratch);
	buf->cursor = buf->len;
	PG_RETURN_DIPLO_STATEMENT_P(result);
}

/* Send the stored bytes as they are: they begin with the format version. */
Datum
diplo_statement_send(PG_FUNCTION_ARGS)
{
	DiploStatement *st = PG_GETARG_DIPLO_STATEMENT_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) DIPLO_STATEMENT_BYTES(st),
				 DIPLO_STATEMENT_NBYTES(st));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The value as jsonb (the explicit cast diplo_statement::jsonb). */
Datum
diplo_statement_to_jsonb(PG_FUNCTION_ARGS)
{
	DiploStatement *st = PG_GETARG_DIPLO_STATEMENT_P(0);
	char	   *json = statement_json(st, CurrentMemoryContext);

	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(json)));
}
