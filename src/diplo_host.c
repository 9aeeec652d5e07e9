/*
 * diplo_host.c
 *		The services PostgreSQL gives the analyser: palloc memory in a
 *		per-call context, CHECK_FOR_INTERRUPTS, conversion between the
 *		server encoding and UTF-8, and errors reported with ereport.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "diplo.h"
#include "diplo_analyze.h"

/* Longest part of a bad literal quoted in an error message, in characters. */
#define DIPLO_ERROR_LITERAL_CHARS 100

/* Zeroed allocation in the scratch context; sizes over 1 GB are allowed. */
static void *
host_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

/* Resize a chunk of the scratch context. */
static void *
host_realloc(void *ctx, void *ptr, size_t size)
{
	return repalloc_huge(ptr, size);
}

/* Free a chunk of the scratch context. */
static void
host_free(void *ctx, void *ptr)
{
	pfree(ptr);
}

/* Let a query cancel or statement_timeout stop a long analysis. */
static void
host_check_interrupts(void *ctx)
{
	CHECK_FOR_INTERRUPTS();
}

/* Create the scratch context under the current one and switch into it. */
void
diplo_scratch_begin(DiploScratch *scratch)
{
	scratch->caller = CurrentMemoryContext;
	scratch->cxt = AllocSetContextCreate(CurrentMemoryContext,
										 "diplo scratch",
										 ALLOCSET_DEFAULT_SIZES);
	scratch->alloc.alloc = host_alloc;
	scratch->alloc.realloc = host_realloc;
	scratch->alloc.free = host_free;
	scratch->alloc.check_interrupts = host_check_interrupts;
	scratch->alloc.ctx = scratch->cxt;
	MemoryContextSwitchTo(scratch->cxt);
}

/* Switch back to the caller's context and delete the scratch context. */
void
diplo_scratch_end(DiploScratch *scratch)
{
	MemoryContextSwitchTo(scratch->caller);
	MemoryContextDelete(scratch->cxt);
	scratch->cxt = NULL;
}

/* Text in the server encoding, as UTF-8 for the analyser. */
const char *
diplo_server_to_utf8(const char *s, size_t len, size_t *utf8len)
{
	const char *u;

	if (len == 0)
	{
		*utf8len = 0;
		return s;
	}
	u = pg_server_to_any(s, (int) len, PG_UTF8);
	*utf8len = (u == s) ? len : strlen(u);
	return u;
}

/* A NUL-terminated UTF-8 string as a C string in the server encoding. */
char *
diplo_utf8_to_server(const char *s)
{
	return pg_any_to_server(s, (int) strlen(s), PG_UTF8);
}

/* A NUL-terminated UTF-8 string as text in the server encoding. */
text *
diplo_utf8_to_text(const char *s)
{
	return cstring_to_text(diplo_utf8_to_server(s));
}

/* Number of UTF-8 characters in the first nbytes bytes of s. */
static long
utf8_char_count(const char *s, long nbytes)
{
	long		n = 0;

	for (long i = 0; i < nbytes && s[i] != '\0'; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The literal as shown in an error message: cut after a hundred characters. */
static char *
literal_for_message(const char *literal)
{
	int			len = strlen(literal);
	int			cut = pg_mbcharcliplen(literal, len, DIPLO_ERROR_LITERAL_CHARS);

	if (cut >= len)
		return pstrdup(literal);
	return psprintf("%.*s...", cut, literal);
}

/* Report a failed parse or decode as an ERROR. */
void
diplo_report_error(const DiploError *err, DiploInputSource source,
				   const char *literal, const char *utf8)
{
	char		detail[sizeof(err->message) + 64];
	size_t		mlen = strnlen(err->message, sizeof(err->message));

	/* the message without a final period, so that the position can follow */
	while (mlen > 0 && err->message[mlen - 1] == '.')
		mlen--;

	if (err->position >= 0 && source == DIPLO_SOURCE_TEXT && utf8 != NULL)
		snprintf(detail, sizeof(detail), "%.*s at character %ld.", (int) mlen,
				 err->message, utf8_char_count(utf8, err->position) + 1);
	/* the binary reader names the byte in some messages itself */
	else if (err->position >= 0 && strstr(err->message, " at byte ") == NULL)
		snprintf(detail, sizeof(detail), "%.*s at byte %ld.", (int) mlen,
				 err->message, err->position);
	else
		snprintf(detail, sizeof(detail), "%.*s.", (int) mlen, err->message);

	if (err->code == DIPLO_ERR_LIMIT)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("diplo_statement value is too large"),
				 errdetail_internal("%s", detail)));

	switch (source)
	{
		case DIPLO_SOURCE_TEXT:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type %s: \"%s\"",
							"diplo_statement", literal_for_message(literal)),
					 errdetail_internal("%s", detail)));
			break;
		case DIPLO_SOURCE_BINARY:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid external binary data for type %s",
							"diplo_statement"),
					 errdetail_internal("%s", detail)));
			break;
		case DIPLO_SOURCE_STORED:
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("corrupt %s value", "diplo_statement"),
					 errdetail_internal("%s", detail)));
			break;
	}
	pg_unreachable();
}

/* Analyse an argument of type text (any encoding) into *out. */
void
diplo_analyze_server_text(const DiploAllocator *alloc, const text *t,
						  DiploAnalysis *out)
{
	size_t		utf8len;
	const char *utf8 = diplo_server_to_utf8(VARDATA_ANY(t),
											VARSIZE_ANY_EXHDR(t), &utf8len);

	diplo_analyze_text(alloc, utf8, utf8len, out);
}

/* Encode an analysis as a new diplo_statement allocated in result_cxt. */
DiploStatement *
diplo_statement_build(const DiploAllocator *alloc, const DiploAnalysis *an,
					  MemoryContext result_cxt)
{
	size_t		len;
	uint8_t    *bytes = diplo_analysis_encode(alloc, an, &len);
	DiploStatement *st;

	if (len > MaxAllocSize - DIPLO_STATEMENT_HDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("diplo_statement value is too large"),
				 errdetail("The encoded analysis takes %zu bytes; the limit is %zu.",
						   len, (size_t) (MaxAllocSize - DIPLO_STATEMENT_HDRSZ))));
	st = MemoryContextAllocZero(result_cxt, DIPLO_STATEMENT_HDRSZ + len);
	SET_VARSIZE(st, DIPLO_STATEMENT_HDRSZ + len);
	memcpy(st->data, bytes, len);
	return st;
}

/* Decode a (detoasted) stored value into *out, with every check. */
void
diplo_statement_read(const DiploAllocator *alloc, const DiploStatement *st,
					 DiploAnalysis *out)
{
	DiploError	err;

	memset(&err, 0, sizeof(err));
	if (!diplo_analysis_decode(alloc, DIPLO_STATEMENT_BYTES(st),
							   DIPLO_STATEMENT_NBYTES(st), out, &err))
		diplo_report_error(&err, DIPLO_SOURCE_STORED, NULL, NULL);
}
