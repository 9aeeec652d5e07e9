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

/* Characters an offset cursor walks between two interrupt checks. */
#define DIPLO_CURSOR_CHECK_EVERY 1048576

/*
 * True while the strings of an analysis of SQL_ASCII text that is not valid
 * UTF-8 go back to the server: that text was read one byte per character
 * (as Latin-1), so code points U+0080 to U+00FF print as the single bytes
 * they came from.  Set by diplo_analyze_server_text, cleared when the
 * scratch context of the call is created or deleted (errors included).
 */
static bool output_bytes_as_latin1 = false;

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

/* Memory context callback: the scratch context is gone, so is the mode. */
static void
scratch_reset_callback(void *arg)
{
	output_bytes_as_latin1 = false;
}

/* Create the scratch context under the current one and switch into it. */
void
diplo_scratch_begin(DiploScratch *scratch)
{
	MemoryContextCallback *cb;

	output_bytes_as_latin1 = false;
	scratch->caller = CurrentMemoryContext;
	scratch->cxt = AllocSetContextCreate(CurrentMemoryContext,
										 "diplo scratch",
										 ALLOCSET_DEFAULT_SIZES);
	scratch->alloc.alloc = host_alloc;
	scratch->alloc.realloc = host_realloc;
	scratch->alloc.free = host_free;
	scratch->alloc.check_interrupts = host_check_interrupts;
	scratch->alloc.ctx = scratch->cxt;
	cb = MemoryContextAlloc(scratch->cxt, sizeof(MemoryContextCallback));
	cb->func = scratch_reset_callback;
	cb->arg = NULL;
	MemoryContextRegisterResetCallback(scratch->cxt, cb);
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

/*
 * A UTF-8 string with every code point U+0080 to U+00FF written back as one
 * byte (the inverse of bytes_as_latin1_utf8); other characters stay UTF-8.
 */
static char *
latin1_utf8_to_bytes(const char *s)
{
	size_t		len = strlen(s);
	char	   *out = palloc(len + 1);
	size_t		o = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if ((c == 0xC2 || c == 0xC3) && i + 1 < len &&
			((unsigned char) s[i + 1] & 0xC0) == 0x80)
		{
			out[o++] = (char) (((c & 0x03) << 6) | ((unsigned char) s[i + 1] & 0x3F));
			i++;
		}
		else
			out[o++] = (char) c;
	}
	out[o] = '\0';
	return out;
}

/* A NUL-terminated UTF-8 string as a C string in the server encoding. */
char *
diplo_utf8_to_server(const char *s)
{
	if (output_bytes_as_latin1 && GetDatabaseEncoding() == PG_SQL_ASCII)
		return latin1_utf8_to_bytes(s);
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

	/* characters of the database encoding: bytes in SQL_ASCII */
	if (err->position >= 0 && source == DIPLO_SOURCE_TEXT && utf8 != NULL)
		snprintf(detail, sizeof(detail), "%.*s at character %ld.", (int) mlen,
				 err->message,
				 (GetDatabaseEncoding() == PG_SQL_ASCII ? err->position :
				  utf8_char_count(utf8, err->position)) + 1);
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

/*
 * Bytes read one per character: each byte 0x80 to 0xFF becomes the UTF-8
 * form of the code point of the same value (Latin-1); *outlen gets the
 * length.  Offsets in the result count the original bytes.
 */
static char *
bytes_as_latin1_utf8(const char *s, size_t len, size_t *outlen)
{
	char	   *out = MemoryContextAllocHuge(CurrentMemoryContext, 2 * len + 1);
	size_t		o = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c < 0x80)
			out[o++] = (char) c;
		else
		{
			out[o++] = (char) (0xC0 | (c >> 6));
			out[o++] = (char) (0x80 | (c & 0x3F));
		}
		if ((i & (DIPLO_CURSOR_CHECK_EVERY - 1)) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* A position in UTF-8 text, as a character count and a byte count. */
typedef struct CharCursor
{
	const unsigned char *s;
	size_t		len;
	int64		chr;
	size_t		byte;
	long		steps;
} CharCursor;

/*
 * The byte offset of character offset chr (0-based) of the cursor's text;
 * the cursor moves there from where it is, forwards or backwards, so that
 * offsets given in article order cost one pass over the text.
 */
static int64
cursor_byte_offset(CharCursor *c, int64 chr)
{
	while (c->chr < chr && c->byte < c->len)
	{
		c->byte++;
		while (c->byte < c->len && (c->s[c->byte] & 0xC0) == 0x80)
			c->byte++;
		c->chr++;
		if (++c->steps % DIPLO_CURSOR_CHECK_EVERY == 0)
			CHECK_FOR_INTERRUPTS();
	}
	while (c->chr > chr && c->byte > 0)
	{
		c->byte--;
		while (c->byte > 0 && (c->s[c->byte] & 0xC0) == 0x80)
			c->byte--;
		c->chr--;
		if (++c->steps % DIPLO_CURSOR_CHECK_EVERY == 0)
			CHECK_FOR_INTERRUPTS();
	}
	return (int64) c->byte;
}

/* Turn one (start, length) pair of character offsets into byte offsets. */
static void
span_chars_to_bytes(CharCursor *c, int64_t *start, int64_t *len)
{
	int64		bstart;

	if (*start < 0)
		return;
	bstart = cursor_byte_offset(c, *start);
	if (*len >= 0)
		*len = cursor_byte_offset(c, *start + *len) - bstart;
	*start = bstart;
}

/* Every offset of an analysis of UTF-8 text s, from characters to bytes. */
static void
offsets_chars_to_bytes(const char *s, size_t len, DiploAnalysis *an)
{
	CharCursor	c = {(const unsigned char *) s, len, 0, 0, 0};

	for (int32 q = 0; q < an->nquotes; q++)
	{
		DiploQuote *quote = &an->quotes[q];

		span_chars_to_bytes(&c, &quote->speaker_start, &quote->speaker_len);
		span_chars_to_bytes(&c, &quote->content_start, &quote->content_len);
		span_chars_to_bytes(&c, &quote->cue_start, &quote->cue_len);
	}
}

/*
 * Analyse an argument of type text (any encoding) into *out; offsets count
 * characters of the database encoding.  In SQL_ASCII, where PostgreSQL's
 * characters are bytes, valid UTF-8 is analysed as UTF-8 and its offsets
 * turned into byte offsets; other bytes are read as Latin-1 (one character
 * per byte) and the strings of the analysis go back as the same bytes.
 */
void
diplo_analyze_server_text(const DiploAllocator *alloc, const text *t,
						  DiploAnalysis *out)
{
	DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};

	diplo_analyze_server_text_opts(alloc, t, &opts, out);
}

/* diplo_analyze_server_text with options (language, configuration, date). */
void
diplo_analyze_server_text_opts(const DiploAllocator *alloc, const text *t,
							   const DiploAnalyzeOptions *opts,
							   DiploAnalysis *out)
{
	const char *s = VARDATA_ANY(t);
	size_t		len = VARSIZE_ANY_EXHDR(t);
	size_t		utf8len;
	const char *utf8;

	if (GetDatabaseEncoding() == PG_SQL_ASCII && len > 0)
	{
		if (pg_verify_mbstr(PG_UTF8, s, (int) len, true))
		{
			diplo_analyze_text_opts(alloc, s, len, opts, out);
			offsets_chars_to_bytes(s, len, out);
		}
		else
		{
			utf8 = bytes_as_latin1_utf8(s, len, &utf8len);
			diplo_analyze_text_opts(alloc, utf8, utf8len, opts, out);
			output_bytes_as_latin1 = true;
		}
		return;
	}
	utf8 = diplo_server_to_utf8(s, len, &utf8len);
	diplo_analyze_text_opts(alloc, utf8, utf8len, opts, out);
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
