/*
 * diplo_binary.c
 *		The compact binary form of an analysis, stored on disk per row and
 *		sent by send()/recv().
 *
 * Layout (little-endian, no alignment):
 *		uint16 version (1), uint16 flags: bits 0-1 the language the text was
 *		read in (0 English, 1 French, 2 Spanish, 3 German), bit 2 quote topic
 *		lists, the others 0
 *		string event, string event_code
 *		count ncountries, string * ncountries
 *		count ntopics, string * ntopics
 *		count nspeakers, speaker * nspeakers
 *			string name, string role, string org, string country, uint type
 *		count nquotes, quote * nquotes
 *			index speaker, index channel, index addressee, uint kind,
 *			string cue, string content, opt content_start, opt content_len,
 *			opt cue_start, opt cue_len, opt speaker_start, opt speaker_len,
 *			with bit 2: count ntopics, uint topic * ntopics (increasing
 *			indexes into the topics)
 * where every integer is an unsigned LEB128 varint in its shortest form;
 * a string is varint(length + 1) and its bytes, 0 standing for NULL; an
 * index or an optional offset/length is varint(value + 1), 0 standing for
 * -1.  The encoding is canonical: decoding rejects non-minimal varints and
 * trailing bytes, so encode(decode(b)) == b whenever decode accepts b.
 */
#include "diplo_analysis.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The language bits of the flags, and the quote topic lists bit. */
#define FLAGS_LANGUAGE 0x0003
#define FLAGS_QUOTE_TOPICS 0x0004

/* Fewest bytes a speaker and a quote can take, to bound counts. */
#define SPEAKER_MIN_BYTES 5
#define QUOTE_MIN_BYTES 12

/* ------------------------------------------------------------------------
 * Encoder
 * ------------------------------------------------------------------------
 */

/* A growable byte buffer that doubles its capacity. */
typedef struct BinaryOut
{
	const DiploAllocator *a;
	uint8_t    *data;
	size_t		len;
	size_t		cap;
} BinaryOut;

/* Make room for n more bytes in o. */
static void
out_reserve(BinaryOut *o, size_t n)
{
	if (o->len + n <= o->cap)
		return;
	if (o->cap == 0)
		o->cap = 128;
	while (o->cap < o->len + n)
		o->cap *= 2;
	o->data = diplo_realloc(o->a, o->data, o->cap);
}

/* Append v as a minimal LEB128 varint. */
static void
out_varint(BinaryOut *o, uint64_t v)
{
	out_reserve(o, 10);
	do
	{
		uint8_t		b = (uint8_t) (v & 0x7F);

		v >>= 7;
		if (v)
			b |= 0x80;
		o->data[o->len++] = b;
	} while (v);
}

/* Append a string (or the NULL marker). */
static void
out_string(BinaryOut *o, const char *s)
{
	size_t		n;

	if (s == NULL)
	{
		out_varint(o, 0);
		return;
	}
	n = strlen(s);
	out_varint(o, (uint64_t) n + 1);
	out_reserve(o, n);
	memcpy(o->data + o->len, s, n);
	o->len += n;
}

/* Append an index or optional value: value + 1, negative as 0. */
static void
out_optional(BinaryOut *o, int64_t v)
{
	out_varint(o, v < 0 ? 0 : (uint64_t) v + 1);
}

/* The binary form of an; *len receives its length. */
uint8_t *
diplo_analysis_encode(const DiploAllocator *a, const DiploAnalysis *an,
					  size_t *len)
{
	BinaryOut	o = {a, NULL, 0, 0};

	out_reserve(&o, 64);
	o.data[0] = DIPLO_FORMAT_VERSION & 0xFF;
	o.data[1] = DIPLO_FORMAT_VERSION >> 8;
	o.data[2] = (an->language > DIPLO_LANG_EN && an->language <= DIPLO_LANG_DE) ?
		(uint8_t) (an->language - DIPLO_LANG_EN) : 0;
	/* set only with quotes (the JSON form has nowhere else to say it) */
	if (an->quote_topics && an->nquotes > 0)
		o.data[2] |= FLAGS_QUOTE_TOPICS;
	o.data[3] = 0;
	o.len = 4;
	out_string(&o, an->event);
	out_string(&o, an->event_code);
	out_varint(&o, (uint64_t) (an->ncountries > 0 ? an->ncountries : 0));
	for (int32_t i = 0; i < an->ncountries; i++)
		out_string(&o, an->countries[i] ? an->countries[i] : "");
	out_varint(&o, (uint64_t) (an->ntopics > 0 ? an->ntopics : 0));
	for (int32_t i = 0; i < an->ntopics; i++)
		out_string(&o, an->topics[i] ? an->topics[i] : "");
	out_varint(&o, (uint64_t) (an->nspeakers > 0 ? an->nspeakers : 0));
	for (int32_t i = 0; i < an->nspeakers; i++)
	{
		const DiploSpeaker *sp = &an->speakers[i];

		diplo_check_interrupts(a);
		out_string(&o, sp->name ? sp->name : "");
		out_string(&o, sp->role);
		out_string(&o, sp->org);
		out_string(&o, sp->country);
		out_varint(&o, (unsigned) sp->type < DIPLO_SPEAKER_TYPE_COUNT ?
				   (uint64_t) sp->type : 0);
	}
	out_varint(&o, (uint64_t) (an->nquotes > 0 ? an->nquotes : 0));
	for (int32_t i = 0; i < an->nquotes; i++)
	{
		const DiploQuote *q = &an->quotes[i];

		diplo_check_interrupts(a);
		out_optional(&o, q->speaker);
		out_optional(&o, q->channel);
		out_optional(&o, q->addressee);
		out_varint(&o, (unsigned) q->kind < DIPLO_QUOTE_KIND_COUNT ?
				   (uint64_t) q->kind : 0);
		out_string(&o, q->cue);
		out_string(&o, q->content ? q->content : "");
		out_optional(&o, q->content_start);
		out_optional(&o, q->content_len);
		out_optional(&o, q->cue_start);
		out_optional(&o, q->cue_len);
		out_optional(&o, q->speaker_start);
		out_optional(&o, q->speaker_len);
		if (an->quote_topics && an->nquotes > 0)
		{
			out_varint(&o, (uint64_t) (q->ntopics > 0 ? q->ntopics : 0));
			for (int32_t k = 0; k < q->ntopics; k++)
				out_varint(&o, (uint64_t) q->topics[k]);
		}
	}
	if (len)
		*len = o.len;
	return o.data;
}

/* ------------------------------------------------------------------------
 * Decoder
 * ------------------------------------------------------------------------
 */

/* The state of one decode. */
typedef struct BinaryIn
{
	const DiploAllocator *a;
	const uint8_t *data;
	size_t		len;
	size_t		pos;
	DiploError *err;
} BinaryIn;

/* Record an error (defined below). */
static bool fail(BinaryIn *in, DiploErrorCode code, size_t pos,
				 const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

/* Record a syntax error at pos with a formatted message; returns false. */
static bool
fail(BinaryIn *in, DiploErrorCode code, size_t pos, const char *fmt,...)
{
	va_list		args;
	char		msg[256];

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	diplo_error_set(in->err, code, (long) pos, "%s", msg);
	return false;
}

/* Read a minimal LEB128 varint into *v. */
static bool
in_varint(BinaryIn *in, uint64_t *v)
{
	size_t		start = in->pos;
	uint64_t	result = 0;

	for (int i = 0;; i++)
	{
		uint8_t		b;

		if (in->pos >= in->len)
			return fail(in, DIPLO_ERR_SYNTAX, in->len,
						"truncated data at byte %zu", in->len);
		b = in->data[in->pos++];
		if (i == 9 && b > 1)
			return fail(in, DIPLO_ERR_SYNTAX, start,
						"varint overflow at byte %zu", start);
		result |= (uint64_t) (b & 0x7F) << (7 * i);
		if (!(b & 0x80))
		{
			if (b == 0 && i > 0)
				return fail(in, DIPLO_ERR_SYNTAX, start,
							"non-minimal varint at byte %zu", start);
			break;
		}
	}
	*v = result;
	return true;
}

/*
 * Read an element count, rejecting counts that the remaining bytes cannot
 * hold (min_bytes per element) before anything is allocated.
 */
static bool
in_count(BinaryIn *in, size_t min_bytes, const char *what, int32_t *n)
{
	size_t		start = in->pos;
	uint64_t	v;

	if (!in_varint(in, &v))
		return false;
	if (v > (uint64_t) (in->len - in->pos) / min_bytes)
		return fail(in, DIPLO_ERR_SYNTAX, start,
					"%s count %" PRIu64 " at byte %zu exceeds the %zu remaining bytes",
					what, v, start, in->len - in->pos);
	if (v > (uint64_t) INT32_MAX)
		return fail(in, DIPLO_ERR_LIMIT, start, "too many %s (%" PRIu64 ")",
					what, v);
	*n = (int32_t) v;
	return true;
}

/* Read a string (NULL only if null_ok), checking UTF-8 and NUL bytes. */
static bool
in_string(BinaryIn *in, bool null_ok, const char *what, char **out)
{
	size_t		start = in->pos;
	uint64_t	v;
	size_t		n;
	const uint8_t *s;

	*out = NULL;
	if (!in_varint(in, &v))
		return false;
	if (v == 0)
	{
		if (null_ok)
			return true;
		return fail(in, DIPLO_ERR_SYNTAX, start, "%s is NULL at byte %zu",
					what, start);
	}
	if (v - 1 > (uint64_t) (in->len - in->pos))
		return fail(in, DIPLO_ERR_SYNTAX, in->len,
					"truncated data at byte %zu", in->len);
	n = (size_t) (v - 1);
	s = in->data + in->pos;
	for (size_t i = 0; i < n;)
	{
		int			clen;

		if ((i & 4095) == 4095)
			diplo_check_interrupts(in->a);
		if (s[i] == 0)
			return fail(in, DIPLO_ERR_SYNTAX, in->pos + i,
						"NUL byte in %s at byte %zu", what, in->pos + i);
		clen = diplo_utf8_char_len(s + i, n - i);
		if (clen == 0)
			return fail(in, DIPLO_ERR_SYNTAX, in->pos + i,
						"invalid UTF-8 in %s at byte %zu", what, in->pos + i);
		i += (size_t) clen;
	}
	*out = diplo_strndup(in->a, (const char *) s, n);
	in->pos += n;
	return true;
}

/* Read an index into speakers (varint(i + 1), 0 for -1). */
static bool
in_index(BinaryIn *in, int32_t nspeakers, const char *what, int32_t *out)
{
	size_t		start = in->pos;
	uint64_t	v;

	if (!in_varint(in, &v))
		return false;
	if (v > (uint64_t) nspeakers)
		return fail(in, DIPLO_ERR_SYNTAX, start,
					"%s index %" PRIu64 " out of range (%d speakers) at byte %zu",
					what, v - 1, (int) nspeakers, start);
	*out = (int32_t) v - 1;
	return true;
}

/* Read an optional offset or length (varint(v + 1), 0 for -1). */
static bool
in_optional(BinaryIn *in, const char *what, int64_t *out)
{
	size_t		start = in->pos;
	uint64_t	v;

	if (!in_varint(in, &v))
		return false;
	if (v > (uint64_t) INT64_MAX + 1)
		return fail(in, DIPLO_ERR_SYNTAX, start,
					"%s out of range at byte %zu", what, start);
	*out = v == 0 ? -1 : (int64_t) (v - 1);
	return true;
}

/*
 * Read a quote's topic list: a count, then increasing indexes into the
 * analysis's topics.
 */
static bool
in_quote_topics(BinaryIn *in, const DiploAnalysis *an, DiploQuote *q)
{
	size_t		start = in->pos;
	int32_t		n;

	if (!in_count(in, 1, "quote topic", &n))
		return false;
	if (n > an->ntopics)
		return fail(in, DIPLO_ERR_SYNTAX, start,
					"quote topic count %d at byte %zu exceeds the %d topics",
					(int) n, start, (int) an->ntopics);
	if (n == 0)
		return true;
	q->topics = diplo_alloc(in->a, (size_t) n * sizeof(int32_t));
	for (int32_t k = 0; k < n; k++)
	{
		size_t		at = in->pos;
		uint64_t	v;

		if (!in_varint(in, &v))
			return false;
		if (v >= (uint64_t) an->ntopics ||
			(k > 0 && v <= (uint64_t) q->topics[k - 1]))
			return fail(in, DIPLO_ERR_SYNTAX, at,
						"quote topic index %" PRIu64 " at byte %zu out of order or range (%d topics)",
						v, at, (int) an->ntopics);
		q->topics[k] = (int32_t) v;
		q->ntopics++;
	}
	return true;
}

/* Read an enum value below count. */
static bool
in_enum(BinaryIn *in, int count, const char *what, int *out)
{
	size_t		start = in->pos;
	uint64_t	v;

	if (!in_varint(in, &v))
		return false;
	if (v >= (uint64_t) count)
		return fail(in, DIPLO_ERR_SYNTAX, start,
					"invalid %s %" PRIu64 " at byte %zu", what, v, start);
	*out = (int) v;
	return true;
}

/* Read a count and that many non-NULL strings. */
static bool
in_string_list(BinaryIn *in, const char *what, char ***items, int32_t *n)
{
	int32_t		count;

	if (!in_count(in, 1, what, &count))
		return false;
	if (count == 0)
		return true;
	*items = diplo_alloc(in->a, (size_t) count * sizeof(char *));
	for (int32_t i = 0; i < count; i++)
	{
		if ((i & 255) == 255)
			diplo_check_interrupts(in->a);
		(*n)++;
		if (!in_string(in, false, what, &(*items)[i]))
			return false;
	}
	return true;
}

/* Read the speakers. */
static bool
in_speakers(BinaryIn *in, DiploAnalysis *out)
{
	int32_t		count;

	if (!in_count(in, SPEAKER_MIN_BYTES, "speaker", &count))
		return false;
	if (count == 0)
		return true;
	out->speakers = diplo_alloc(in->a, (size_t) count * sizeof(DiploSpeaker));
	for (int32_t i = 0; i < count; i++)
	{
		DiploSpeaker *sp = &out->speakers[i];
		int			type = 0;

		diplo_check_interrupts(in->a);
		out->nspeakers++;
		if (!in_string(in, false, "speaker name", &sp->name) ||
			!in_string(in, true, "speaker role", &sp->role) ||
			!in_string(in, true, "speaker org", &sp->org) ||
			!in_string(in, true, "speaker country", &sp->country) ||
			!in_enum(in, DIPLO_SPEAKER_TYPE_COUNT, "speaker type", &type))
			return false;
		sp->type = (DiploSpeakerType) type;
	}
	return true;
}

/* Read the quotes (after the speakers, so indexes are checked at once). */
static bool
in_quotes(BinaryIn *in, DiploAnalysis *out)
{
	int32_t		count;

	if (!in_count(in, QUOTE_MIN_BYTES, "quote", &count))
		return false;
	if (count == 0 && out->quote_topics)
		return fail(in, DIPLO_ERR_SYNTAX, 2,
					"quote topic lists flagged without quotes at byte 2");
	if (count == 0)
		return true;
	out->quotes = diplo_alloc(in->a, (size_t) count * sizeof(DiploQuote));
	for (int32_t i = 0; i < count; i++)
	{
		DiploQuote *q = &out->quotes[i];
		int			kind = 0;

		diplo_check_interrupts(in->a);
		memset(q, 0, sizeof(*q));
		out->nquotes++;
		if (!in_index(in, out->nspeakers, "speaker", &q->speaker) ||
			!in_index(in, out->nspeakers, "channel", &q->channel) ||
			!in_index(in, out->nspeakers, "addressee", &q->addressee) ||
			!in_enum(in, DIPLO_QUOTE_KIND_COUNT, "quote kind", &kind))
			return false;
		q->kind = (DiploQuoteKind) kind;
		if (!in_string(in, true, "quote cue", &q->cue) ||
			!in_string(in, false, "quote content", &q->content) ||
			!in_optional(in, "content start", &q->content_start) ||
			!in_optional(in, "content length", &q->content_len) ||
			!in_optional(in, "cue start", &q->cue_start) ||
			!in_optional(in, "cue length", &q->cue_len) ||
			!in_optional(in, "speaker start", &q->speaker_start) ||
			!in_optional(in, "speaker length", &q->speaker_len))
			return false;
		if (out->quote_topics && !in_quote_topics(in, out, q))
			return false;
	}
	return true;
}

/* Decode and validate data into *out; on failure fill err, leave *out empty. */
bool
diplo_analysis_decode(const DiploAllocator *a, const uint8_t *data,
					  size_t len, DiploAnalysis *out, DiploError *err)
{
	BinaryIn	in;
	DiploError	scratch;
	unsigned	version;
	unsigned	flags;
	bool		ok;

	memset(out, 0, sizeof(*out));
	if (err == NULL)
		err = &scratch;
	in.a = a;
	in.data = data;
	in.len = data ? len : 0;
	in.pos = 0;
	in.err = err;
	if (in.len < 2)
		return fail(&in, DIPLO_ERR_SYNTAX, in.len,
					"truncated data at byte %zu", in.len);
	version = (unsigned) data[0] | ((unsigned) data[1] << 8);
	if (version != DIPLO_FORMAT_VERSION)
		return fail(&in, DIPLO_ERR_VERSION, 0,
					"unsupported diplo_statement format version %u", version);
	if (in.len < 4)
		return fail(&in, DIPLO_ERR_SYNTAX, in.len,
					"truncated data at byte %zu", in.len);
	flags = (unsigned) data[2] | ((unsigned) data[3] << 8);
	if ((flags & ~(FLAGS_LANGUAGE | FLAGS_QUOTE_TOPICS)) != 0)
		return fail(&in, DIPLO_ERR_SYNTAX, 2,
					"unsupported diplo_statement flags 0x%04X", flags);
	out->language = (DiploLanguage) (DIPLO_LANG_EN + (flags & FLAGS_LANGUAGE));
	out->quote_topics = (flags & FLAGS_QUOTE_TOPICS) != 0;
	in.pos = 4;
	ok = in_string(&in, true, "event", &out->event) &&
		in_string(&in, true, "event code", &out->event_code) &&
		in_string_list(&in, "country", &out->countries, &out->ncountries) &&
		in_string_list(&in, "topic", &out->topics, &out->ntopics) &&
		in_speakers(&in, out) &&
		in_quotes(&in, out);
	if (ok && in.pos != in.len)
		ok = fail(&in, DIPLO_ERR_SYNTAX, in.pos,
				  "%zu trailing bytes at byte %zu", in.len - in.pos, in.pos);
	if (!ok)
	{
		diplo_analysis_free(a, out);
		return false;
	}
	err->code = DIPLO_OK;
	err->position = -1;
	err->message[0] = '\0';
	return true;
}
