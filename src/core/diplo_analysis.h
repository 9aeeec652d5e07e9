/*
 * diplo_analysis.h
 *		The analysis of one article: speakers, quotes, topics, countries,
 *		event; and its two serial forms (canonical JSON text and the compact
 *		binary format stored on disk and sent over the wire).
 *
 * Offsets are 0-based character (code point) positions in the analysed
 * text; the JSON form and SQL show them 1-based, like substr().  A string
 * field that is absent is NULL; an index or offset that is absent is -1.
 * Every string is NUL-terminated valid UTF-8 without NUL bytes.
 */
#ifndef DIPLO_ANALYSIS_H
#define DIPLO_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diplo_alloc.h"

/* Version of both serial forms; readers reject versions they do not know. */
#define DIPLO_FORMAT_VERSION 1

/* The language of an article (issue 7); AUTO guesses it from the text. */
typedef enum DiploLanguage
{
	DIPLO_LANG_AUTO = 0,
	DIPLO_LANG_EN,
	DIPLO_LANG_FR,
	DIPLO_LANG_ES,
	DIPLO_LANG_DE
} DiploLanguage;

/* The code of a language: "auto", "en", "fr", "es", "de". */
const char *diplo_language_code(DiploLanguage lang);

/* The language of a code ("fr"), or -1 if it is none. */
int			diplo_language_from_code(const char *code);

typedef enum DiploSpeakerType
{
	DIPLO_SPEAKER_PERSON = 0,
	DIPLO_SPEAKER_ORGANIZATION = 1,
	DIPLO_SPEAKER_GROUP = 2,		/* "the two officials", "protesters" */
	DIPLO_SPEAKER_TYPE_COUNT
} DiploSpeakerType;

typedef enum DiploQuoteKind
{
	DIPLO_QUOTE_INDIRECT = 0,	/* reported speech, no quote marks */
	DIPLO_QUOTE_DIRECT = 1,		/* the whole content inside quote marks */
	DIPLO_QUOTE_MIXED = 2,		/* reported clause holding quoted words */
	DIPLO_QUOTE_KIND_COUNT
} DiploQuoteKind;

typedef struct DiploSpeaker
{
	char	   *name;			/* canonical name, never NULL */
	char	   *role;			/* "Foreign Minister", or NULL */
	char	   *org;			/* "Ministry of Foreign Affairs", or NULL */
	char	   *country;		/* "Pakistan", or NULL */
	DiploSpeakerType type;
} DiploSpeaker;

typedef struct DiploQuote
{
	int32_t		speaker;		/* index into speakers, or -1 */
	int32_t		channel;		/* speaker who relayed it ("the FO said X
								 * stressed"), or -1 */
	int32_t		addressee;		/* speaker it was told to, or -1 */
	DiploQuoteKind kind;
	char	   *cue;			/* cue as written ("said"), or NULL */
	char	   *content;		/* the content as written, never NULL */
	int64_t		content_start;	/* 0-based character offset */
	int64_t		content_len;	/* in characters */
	int64_t		cue_start;		/* -1 if no cue */
	int64_t		cue_len;
	int64_t		speaker_start;	/* the speaker mention; -1 if none */
	int64_t		speaker_len;
	int32_t    *topics;			/* with quote_topics: the topics (indexes
								 * into the analysis's, increasing) whose
								 * configured keywords the content holds */
	int32_t		ntopics;
} DiploQuote;

typedef struct DiploAnalysis
{
	int32_t		nspeakers;
	int32_t		nquotes;
	int32_t		ntopics;
	int32_t		ncountries;
	DiploSpeaker *speakers;
	DiploQuote *quotes;
	char	  **topics;			/* taxonomy names, in taxonomy order */
	char	  **countries;		/* canonical country names */
	char	   *event;			/* "phone call", or NULL */
	char	   *event_code;		/* its CAMEO code ("040"), or NULL */
	DiploLanguage language;		/* the language the text was read in; AUTO
								 * (a zeroed analysis) means English */
	bool		quote_topics;	/* every quote has its topics list (an
								 * analysis with a configuration) */
} DiploAnalysis;

/* Names of the enum values as they appear in JSON and SQL. */
extern const char *const diplo_speaker_type_names[DIPLO_SPEAKER_TYPE_COUNT];
extern const char *const diplo_quote_kind_names[DIPLO_QUOTE_KIND_COUNT];

/*
 * Errors of the readers: code says which, message says what and where
 * (position is a 0-based byte offset into the input, or -1).
 */
typedef enum DiploErrorCode
{
	DIPLO_OK = 0,
	DIPLO_ERR_SYNTAX,			/* malformed input: SQLSTATE 22P02 */
	DIPLO_ERR_LIMIT,			/* input too large: SQLSTATE 54000 */
	DIPLO_ERR_VERSION			/* unknown format version: 22P02 */
} DiploErrorCode;

typedef struct DiploError
{
	DiploErrorCode code;
	long		position;
	char		message[256];
} DiploError;

/*
 * Canonical JSON text of a; *len receives its length.  Reading it back with
 * diplo_analysis_from_json gives an analysis that prints identically.
 */
char	   *diplo_analysis_to_json(const DiploAllocator *a,
								   const DiploAnalysis *an, size_t *len);

/*
 * Parse JSON text (not necessarily NUL-terminated) into *out.  Accepts any
 * whitespace and key order; rejects unknown keys, wrong types, out of range
 * indexes and duplicate keys.  Returns false and fills err on failure.
 */
bool		diplo_analysis_from_json(const DiploAllocator *a,
									 const char *json, size_t len,
									 DiploAnalysis *out, DiploError *err);

/*
 * The compact binary form, little-endian and alignment-free, starting with
 * a uint16 version: the same bytes are stored on disk and sent by send().
 */
uint8_t    *diplo_analysis_encode(const DiploAllocator *a,
								  const DiploAnalysis *an, size_t *len);

/*
 * Decode and fully validate binary data (any bytes may come in: recv and
 * damaged disks).  Returns false and fills err on failure.
 */
bool		diplo_analysis_decode(const DiploAllocator *a,
								  const uint8_t *data, size_t len,
								  DiploAnalysis *out, DiploError *err);

/* Free everything inside an (for malloc hosts; palloc hosts may skip it). */
void		diplo_analysis_free(const DiploAllocator *a, DiploAnalysis *an);

/*
 * Helpers shared by the two readers (diplo_analysis.c).
 */

/*
 * Length in bytes (1 to 4) of the well-formed UTF-8 character at s, given
 * avail > 0 bytes; 0 if the bytes there are not one (overlong forms,
 * surrogates and code points past U+10FFFF included).  NUL counts as 1.
 */
int			diplo_utf8_char_len(const unsigned char *s, size_t avail);

/* Fill err with code, position and a printf-style message. */
void		diplo_error_set(DiploError *err, DiploErrorCode code, long position,
							const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

#endif							/* DIPLO_ANALYSIS_H */
