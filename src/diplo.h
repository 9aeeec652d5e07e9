/*
 * diplo.h
 *		The diplo_statement value as PostgreSQL stores it, and the host
 *		services the glue gives the analyser (memory, interrupts, encodings,
 *		errors).
 *
 * A diplo_statement is a varlena whose payload is exactly the bytes of
 * diplo_analysis_encode(): a little-endian uint16 format version, then the
 * analysis.  Nothing else in src/ does pointer arithmetic on the value; it
 * goes through the macros and functions below.
 */
#ifndef DIPLO_H
#define DIPLO_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/memutils.h"

#include "diplo_analysis.h"
#include "diplo_analyze.h"

typedef struct DiploStatement
{
	int32		vl_len_;		/* varlena header (do not touch directly) */
	uint8		data[FLEXIBLE_ARRAY_MEMBER];	/* diplo_analysis_encode bytes */
} DiploStatement;

#define DIPLO_STATEMENT_HDRSZ	offsetof(DiploStatement, data)
#define DIPLO_STATEMENT_BYTES(st)	((const uint8 *) (st)->data)
#define DIPLO_STATEMENT_NBYTES(st)	((size_t) (VARSIZE(st) - DIPLO_STATEMENT_HDRSZ))

/* The format version of a value, or -1 if it is too short to hold one. */
#define DIPLO_STATEMENT_VERSION(st) \
	(DIPLO_STATEMENT_NBYTES(st) < 2 ? -1 : \
	 (int) ((st)->data[0] | ((st)->data[1] << 8)))

#define DatumGetDiploStatementP(d)	((DiploStatement *) PG_DETOAST_DATUM(d))
#define PG_GETARG_DIPLO_STATEMENT_P(n)	DatumGetDiploStatementP(PG_GETARG_DATUM(n))
#define PG_RETURN_DIPLO_STATEMENT_P(p)	PG_RETURN_POINTER(p)

/*
 * Per-call scratch memory: a child of the caller's context that holds the
 * analyser's allocations and every intermediate copy, deleted at the end so
 * that nothing grows per row.  Results go to scratch->caller.
 */
typedef struct DiploScratch
{
	MemoryContext caller;		/* where results belong */
	MemoryContext cxt;			/* the scratch context itself */
	DiploAllocator alloc;		/* palloc in cxt, CHECK_FOR_INTERRUPTS */
} DiploScratch;

/* Where bytes that failed to parse came from: decides SQLSTATE and words. */
typedef enum DiploInputSource
{
	DIPLO_SOURCE_TEXT,			/* a literal given to diplo_statement_in */
	DIPLO_SOURCE_BINARY,		/* bytes given to diplo_statement_recv */
	DIPLO_SOURCE_STORED			/* a value read back from a table */
} DiploInputSource;

/* Create the scratch context under the current one and switch into it. */
extern void diplo_scratch_begin(DiploScratch *scratch);

/*
 * Set up a materialized set-returning call with the row type the executor
 * expects (looking it up at every call would grow the query's memory).
 */
extern void diplo_srf_begin(FunctionCallInfo fcinfo);

/* Switch back to the caller's context and delete the scratch context. */
extern void diplo_scratch_end(DiploScratch *scratch);

/*
 * Put the rows of diplo_quotes / diplo_speaker_details for an analysis into
 * a materialized SRF set up by diplo_srf_begin.
 */
extern void diplo_quotes_materialize(FunctionCallInfo fcinfo,
									 const DiploAnalysis *an);
extern void diplo_speakers_materialize(FunctionCallInfo fcinfo,
									   const DiploAnalysis *an);

/*
 * Text in the server encoding, as UTF-8 for the analyser (may return s
 * itself when no conversion is needed; the result need not end in NUL).
 */
extern const char *diplo_server_to_utf8(const char *s, size_t len,
										size_t *utf8len);

/* A NUL-terminated UTF-8 string of the analyser as text in the server encoding. */
extern text *diplo_utf8_to_text(const char *s);

/* The same string as a NUL-terminated C string in the server encoding. */
extern char *diplo_utf8_to_server(const char *s);

/*
 * Report a failed parse or decode as an ERROR (never returns).  For
 * DIPLO_SOURCE_TEXT, literal is the input as the user wrote it and utf8 its
 * UTF-8 form that err->position counts bytes of; otherwise both are NULL.
 */
extern void diplo_report_error(const DiploError *err, DiploInputSource source,
							   const char *literal, const char *utf8)
			pg_attribute_noreturn();

/*
 * Analyse an argument of type text (any encoding) into *out, with offsets
 * in characters of the database encoding (bytes in SQL_ASCII, where text
 * that is not valid UTF-8 is read as Latin-1 and its strings printed back
 * as the same bytes by diplo_utf8_to_server until the call's scratch
 * context ends).
 */
extern void diplo_analyze_server_text(const DiploAllocator *alloc,
									  const text *t, DiploAnalysis *out);

/* diplo_analyze_server_text with options (language ...; NULL: the default). */
extern void diplo_analyze_server_text_opts(const DiploAllocator *alloc,
										   const text *t,
										   const DiploAnalyzeOptions *opts,
										   DiploAnalysis *out);

/* The DiploLanguage of a value of the SQL enum diplo_language. */
extern DiploLanguage diplo_language_arg(Datum value);

/* Encode an analysis as a new diplo_statement allocated in result_cxt. */
extern DiploStatement *diplo_statement_build(const DiploAllocator *alloc,
											 const DiploAnalysis *an,
											 MemoryContext result_cxt);

/* Decode a (detoasted) stored value into *out, with every check. */
extern void diplo_statement_read(const DiploAllocator *alloc,
								 const DiploStatement *st, DiploAnalysis *out);

/*
 * The query held in a diplo_query value (flat bytes after the varlena
 * header), read in place; a corrupt value is an ERROR (XX001).
 */
struct DiploQuery;
extern void diplo_query_flat_view(const uint8 *flat, size_t len,
								  struct DiploQuery *q);

#define DIPLO_QUERY_VIEW(v, q) \
	diplo_query_flat_view((const uint8 *) VARDATA(v), VARSIZE(v) - VARHDRSZ, (q))

#endif							/* DIPLO_H */
