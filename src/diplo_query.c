/*
 * diplo_query.c
 *		Input and output of diplo_query: the query text in, its canonical
 *		text out, and the binary form of send/recv (a version byte and the
 *		canonical text).
 *
 * A diplo_query is a varlena holding the flat form of src/core/diplo_query.h
 * (version, nodes, strings); it is read in place, never decoded.
 */
#include "postgres.h"

#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "diplo.h"
#include "diplo_query.h"

PG_FUNCTION_INFO_V1(diplo_query_in);
PG_FUNCTION_INFO_V1(diplo_query_out);
PG_FUNCTION_INFO_V1(diplo_query_recv);
PG_FUNCTION_INFO_V1(diplo_query_send);

/* Version byte that starts the binary (send/recv) form. */
#define DIPLO_QUERY_SEND_VERSION 1

/* Longest part of a bad query quoted in an error message, in characters. */
#define QUERY_ERROR_LITERAL_CHARS 100

/* The literal as shown in an error message: cut after a hundred characters. */
static char *
query_literal_for_message(const char *literal)
{
	int			len = strlen(literal);
	int			cut = pg_mbcharcliplen(literal, len, QUERY_ERROR_LITERAL_CHARS);

	if (cut >= len)
		return pstrdup(literal);
	return psprintf("%.*s...", cut, literal);
}

/* Report a failed parse of literal (UTF-8 form utf8) as 22P02 or 54000. */
static void
query_report_error(const DiploError *err, const char *literal,
				   const char *utf8)
{
	long		chars = 0;

	for (long i = 0; i < err->position && utf8[i] != '\0'; i++)
		if (((unsigned char) utf8[i] & 0xC0) != 0x80)
			chars++;
	if (err->code == DIPLO_ERR_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("diplo_query is too complex: \"%s\"",
						query_literal_for_message(literal)),
				 errdetail_internal("%s at character %ld.", err->message,
									chars + 1)));
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"",
					"diplo_query", query_literal_for_message(literal)),
			 errdetail_internal("%s at character %ld.", err->message,
								chars + 1)));
}

/* Parse query text in the server encoding into a new diplo_query value. */
static struct varlena *
query_from_server_text(const char *literal, size_t len)
{
	DiploScratch scratch;
	DiploQuery	q;
	DiploError	err;
	const char *utf8;
	size_t		utf8len;
	uint8_t    *flat;
	size_t		flatlen;
	struct varlena *result;

	diplo_scratch_begin(&scratch);
	utf8 = diplo_server_to_utf8(literal, len, &utf8len);
	memset(&err, 0, sizeof(err));
	if (!diplo_query_parse(&scratch.alloc, utf8, utf8len, &q, &err))
	{
		char	   *nul_terminated = pnstrdup(utf8, utf8len);
		char	   *shown = pnstrdup(literal, len);

		query_report_error(&err, shown, nul_terminated);
	}
	flat = diplo_query_flatten(&scratch.alloc, &q, &flatlen);
	if (flatlen > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("diplo_query value is too large")));
	result = MemoryContextAllocZero(scratch.caller, VARHDRSZ + flatlen);
	SET_VARSIZE(result, VARHDRSZ + flatlen);
	memcpy(VARDATA(result), flat, flatlen);
	diplo_scratch_end(&scratch);
	return result;
}

/* The query held in the flat bytes of a diplo_query value, read in place. */
void
diplo_query_flat_view(const uint8 *flat, size_t len, DiploQuery *q)
{
	DiploError	err;

	memset(&err, 0, sizeof(err));
	if (!diplo_query_view(flat, len, q, &err))
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt %s value", "diplo_query"),
				 errdetail_internal("%s.", err.message)));
}

/* The canonical text of a value, in the server encoding. */
static char *
query_canonical_text(struct varlena *v)
{
	DiploScratch scratch;
	DiploQuery	q;
	size_t		len;
	char	   *text;

	DIPLO_QUERY_VIEW(v, &q);
	diplo_scratch_begin(&scratch);
	text = diplo_query_print(&scratch.alloc, &q, &len);
	text = MemoryContextStrdup(scratch.caller, diplo_utf8_to_server(text));
	diplo_scratch_end(&scratch);
	return text;
}

/* diplo_query_in: parse the query language. */
Datum
diplo_query_in(PG_FUNCTION_ARGS)
{
	char	   *literal = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(query_from_server_text(literal, strlen(literal)));
}

/* diplo_query_out: the canonical text, which reads back to the same query. */
Datum
diplo_query_out(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	PG_RETURN_CSTRING(query_canonical_text(v));
}

/* diplo_query_recv: a version byte, then the query text (parsed again). */
Datum
diplo_query_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version;
	int			nbytes;
	char	   *text;

	if (buf->cursor >= buf->len)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external binary data for type %s",
						"diplo_query"),
				 errdetail("The value is empty; it must start with a version byte.")));
	version = pq_getmsgbyte(buf);
	if (version != DIPLO_QUERY_SEND_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external binary data for type %s",
						"diplo_query"),
				 errdetail("Unknown version %d; this server reads version %d.",
						   version, DIPLO_QUERY_SEND_VERSION)));
	text = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(query_from_server_text(text, nbytes));
}

/* diplo_query_send: a version byte, then the canonical text. */
Datum
diplo_query_send(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	char	   *text = query_canonical_text(v);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, DIPLO_QUERY_SEND_VERSION);
	pq_sendtext(&buf, text, strlen(text));
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
