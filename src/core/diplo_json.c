/*
 * diplo_json.c
 *		The canonical JSON text of an analysis, and a strict reader of it.
 *
 * The writer prints one line in a fixed key order with ", " and ": "
 * separators (the layout of jsonb's text output).  The reader is written
 * by hand after the schema rather than building a generic tree: it accepts
 * any JSON whitespace, key order and escapes, and rejects everything the
 * schema does not allow (unknown, duplicate or missing keys, wrong types,
 * fractions and exponents in integer fields, indexes out of range, lone
 * surrogates, \u0000, invalid UTF-8, trailing bytes).  Both run in time
 * linear in their input.
 */
#include "diplo_analysis.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Writer
 * ------------------------------------------------------------------------
 */

/* A growable byte buffer that doubles its capacity. */
typedef struct JsonText
{
	const DiploAllocator *a;
	char	   *data;
	size_t		len;
	size_t		cap;
} JsonText;

/* Make room for n more bytes (plus a terminating NUL) in t. */
static void
text_reserve(JsonText *t, size_t n)
{
	size_t		need = t->len + n + 1;

	if (need <= t->cap)
		return;
	if (t->cap == 0)
		t->cap = 256;
	while (t->cap < need)
		t->cap *= 2;
	t->data = diplo_realloc(t->a, t->data, t->cap);
}

/* Append n bytes of s to t. */
static void
text_append(JsonText *t, const char *s, size_t n)
{
	text_reserve(t, n);
	memcpy(t->data + t->len, s, n);
	t->len += n;
}

/* Append the NUL-terminated string s to t. */
static void
text_puts(JsonText *t, const char *s)
{
	text_append(t, s, strlen(s));
}

/* Append the JSON string literal of s (or null) to t. */
static void
text_json_string(JsonText *t, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t		run = 0;
	size_t		i;

	if (s == NULL)
	{
		text_puts(t, "null");
		return;
	}
	text_append(t, "\"", 1);
	for (i = 0; s[i] != '\0'; i++)
	{
		unsigned char c = (unsigned char) s[i];
		char		esc[6];
		size_t		esclen = 2;

		if ((i & 4095) == 4095)
			diplo_check_interrupts(t->a);
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		/* flush the plain run before this byte */
		text_append(t, s + run, i - run);
		run = i + 1;
		esc[0] = '\\';
		switch (c)
		{
			case '"':
				esc[1] = '"';
				break;
			case '\\':
				esc[1] = '\\';
				break;
			case '\n':
				esc[1] = 'n';
				break;
			case '\t':
				esc[1] = 't';
				break;
			case '\r':
				esc[1] = 'r';
				break;
			case '\b':
				esc[1] = 'b';
				break;
			case '\f':
				esc[1] = 'f';
				break;
			default:
				esc[1] = 'u';
				esc[2] = '0';
				esc[3] = '0';
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				esclen = 6;
				break;
		}
		text_append(t, esc, esclen);
	}
	text_append(t, s + run, i - run);
	text_append(t, "\"", 1);
}

/* Append the decimal form of the unsigned value v to t. */
static void
text_uint(JsonText *t, uint64_t v)
{
	char		digits[24];

	snprintf(digits, sizeof(digits), "%" PRIu64, v);
	text_puts(t, digits);
}

/* Append an index (null when negative) to t. */
static void
text_index(JsonText *t, int32_t index)
{
	if (index < 0)
		text_puts(t, "null");
	else
		text_uint(t, (uint64_t) index);
}

/* Append an offset shown 1-based (null when negative) to t. */
static void
text_offset(JsonText *t, int64_t offset)
{
	if (offset < 0)
		text_puts(t, "null");
	else
		text_uint(t, (uint64_t) offset + 1);
}

/* Append a length (null when negative) to t. */
static void
text_length(JsonText *t, int64_t length)
{
	if (length < 0)
		text_puts(t, "null");
	else
		text_uint(t, (uint64_t) length);
}

/* Append a JSON array of the n strings in items to t. */
static void
text_string_array(JsonText *t, char *const *items, int32_t n)
{
	text_append(t, "[", 1);
	for (int32_t i = 0; i < n; i++)
	{
		if (i > 0)
			text_append(t, ", ", 2);
		text_json_string(t, items[i]);
	}
	text_append(t, "]", 1);
}

/* Append the JSON object of speaker sp to t. */
static void
text_speaker(JsonText *t, const DiploSpeaker *sp)
{
	text_puts(t, "{\"name\": ");
	text_json_string(t, sp->name ? sp->name : "");
	text_puts(t, ", \"role\": ");
	text_json_string(t, sp->role);
	text_puts(t, ", \"org\": ");
	text_json_string(t, sp->org);
	text_puts(t, ", \"country\": ");
	text_json_string(t, sp->country);
	text_puts(t, ", \"type\": ");
	text_json_string(t, (unsigned) sp->type < DIPLO_SPEAKER_TYPE_COUNT ?
					 diplo_speaker_type_names[sp->type] : "person");
	text_append(t, "}", 1);
}

/* Append the JSON object of quote q of an to t. */
static void
text_quote(JsonText *t, const DiploAnalysis *an, const DiploQuote *q)
{
	text_puts(t, "{\"speaker\": ");
	text_index(t, q->speaker);
	text_puts(t, ", \"channel\": ");
	text_index(t, q->channel);
	text_puts(t, ", \"addressee\": ");
	text_index(t, q->addressee);
	text_puts(t, ", \"kind\": ");
	text_json_string(t, (unsigned) q->kind < DIPLO_QUOTE_KIND_COUNT ?
					 diplo_quote_kind_names[q->kind] : "indirect");
	text_puts(t, ", \"cue\": ");
	text_json_string(t, q->cue);
	text_puts(t, ", \"start\": ");
	text_offset(t, q->content_start);
	text_puts(t, ", \"length\": ");
	text_length(t, q->content_len);
	text_puts(t, ", \"cue_start\": ");
	text_offset(t, q->cue_start);
	text_puts(t, ", \"cue_length\": ");
	text_length(t, q->cue_len);
	text_puts(t, ", \"speaker_start\": ");
	text_offset(t, q->speaker_start);
	text_puts(t, ", \"speaker_length\": ");
	text_length(t, q->speaker_len);
	if (an->quote_topics)
	{
		/* the names of its topics */
		text_puts(t, ", \"topics\": [");
		for (int32_t k = 0; k < q->ntopics; k++)
		{
			if (k > 0)
				text_append(t, ", ", 2);
			text_json_string(t, q->topics[k] >= 0 && q->topics[k] < an->ntopics ?
							 an->topics[q->topics[k]] : "");
		}
		text_append(t, "]", 1);
	}
	text_puts(t, ", \"content\": ");
	text_json_string(t, q->content ? q->content : "");
	text_append(t, "}", 1);
}

/* The canonical one-line JSON text of an, NUL-terminated; *len its length. */
char *
diplo_analysis_to_json(const DiploAllocator *a, const DiploAnalysis *an,
					   size_t *len)
{
	JsonText	t = {a, NULL, 0, 0};

	text_reserve(&t, 256);
	text_puts(&t, "{\"version\": 1, ");
	/* English, the default, is left out (outputs of 0.3 stay as they were) */
	if (an->language > DIPLO_LANG_EN && an->language <= DIPLO_LANG_DE)
	{
		text_puts(&t, "\"language\": ");
		text_json_string(&t, diplo_language_code(an->language));
		text_puts(&t, ", ");
	}
	text_puts(&t, "\"event\": ");
	text_json_string(&t, an->event);
	text_puts(&t, ", \"event_code\": ");
	text_json_string(&t, an->event_code);
	text_puts(&t, ", \"countries\": ");
	text_string_array(&t, an->countries, an->ncountries);
	text_puts(&t, ", \"topics\": ");
	text_string_array(&t, an->topics, an->ntopics);
	text_puts(&t, ", \"speakers\": [");
	for (int32_t i = 0; i < an->nspeakers; i++)
	{
		diplo_check_interrupts(a);
		if (i > 0)
			text_append(&t, ", ", 2);
		text_speaker(&t, &an->speakers[i]);
	}
	text_puts(&t, "], \"quotes\": [");
	for (int32_t i = 0; i < an->nquotes; i++)
	{
		diplo_check_interrupts(a);
		if (i > 0)
			text_append(&t, ", ", 2);
		text_quote(&t, an, &an->quotes[i]);
	}
	text_puts(&t, "]}");
	t.data[t.len] = '\0';
	if (len)
		*len = t.len;
	return t.data;
}

/* ------------------------------------------------------------------------
 * Reader
 * ------------------------------------------------------------------------
 */

/* Where each index of a quote was read, checked once speakers are known. */
typedef struct QuoteIndexes
{
	int64_t		value[3];		/* speaker, channel, addressee; -1 = null */
	long		position[3];
	char	  **topics;			/* its "topics", checked once topics are
								 * known, or NULL */
	int32_t		ntopics;
	bool		has_topics;
	long		topics_position;
} QuoteIndexes;

static const char *const index_names[3] = {"speaker", "channel", "addressee"};

/* The state of one parse. */
typedef struct JsonReader
{
	const DiploAllocator *a;
	const unsigned char *s;
	size_t		len;
	size_t		pos;
	DiploError *err;
	unsigned	tick;			/* bytes or items since the last interrupt
								 * check */
	char	   *buf;			/* the last string read, decoded */
	size_t		buflen;
	size_t		bufcap;
	QuoteIndexes *qidx;			/* parallel to out->quotes */
	int32_t		speaker_cap;
	int32_t		quote_cap;
} JsonReader;

/* The kinds of JSON value, for type errors. */
typedef enum JsonValueKind
{
	JV_NONE,					/* not the start of any value */
	JV_STRING,
	JV_NUMBER,
	JV_OBJECT,
	JV_ARRAY,
	JV_LITERAL
} JsonValueKind;

/* Record an error (defined below). */
static bool fail(JsonReader *r, size_t pos, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 3, 4)))
#endif
			;

/* Record a syntax error at pos with a formatted message; returns false. */
static bool
fail(JsonReader *r, size_t pos, const char *fmt,...)
{
	va_list		args;
	char		msg[256];

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	diplo_error_set(r->err, DIPLO_ERR_SYNTAX, (long) pos, "%s", msg);
	return false;
}

/* Count n units of work and give the host a chance to cancel. */
static inline void
reader_tick(JsonReader *r, unsigned n)
{
	unsigned	before = r->tick;

	r->tick += n;
	if ((before >> 12) != (r->tick >> 12))
		diplo_check_interrupts(r->a);
}

/* Copy a short, printable excerpt of s (n bytes of valid UTF-8) to out. */
static void
excerpt(const char *s, size_t n, char *out, size_t outsz)
{
	size_t		keep = n;
	size_t		o = 0;

	if (keep > 40)
	{
		keep = 40;
		while (keep > 0 && ((unsigned char) s[keep] & 0xC0) == 0x80)
			keep--;
	}
	for (size_t i = 0; i < keep && o + 4 < outsz; i++)
	{
		unsigned char c = (unsigned char) s[i];

		out[o++] = (c < 0x20 || c == 0x7F) ? '?' : (char) c;
	}
	if (keep < n && o + 4 < outsz)
	{
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

/* Fail at the byte at pos, naming it; context says what was expected. */
static bool
fail_unexpected(JsonReader *r, size_t pos, const char *context)
{
	int			clen;
	const char *sep = context[0] ? ", " : "";

	if (pos >= r->len)
		return fail(r, r->len, "unexpected end of input%s%s", sep, context);
	clen = diplo_utf8_char_len(r->s + pos, r->len - pos);
	if (clen == 0)
		return fail(r, pos, "invalid UTF-8 byte 0x%02X%s%s", r->s[pos], sep,
					context);
	if (clen == 1 && (r->s[pos] < 0x21 || r->s[pos] == 0x7F))
		return fail(r, pos, "unexpected byte 0x%02X%s%s", r->s[pos], sep,
					context);
	if (r->s[pos] == '"')
		return fail(r, pos, "unexpected character '\"'%s%s", sep, context);
	return fail(r, pos, "unexpected character \"%.*s\"%s%s", clen,
				(const char *) r->s + pos, sep, context);
}

/* Skip JSON whitespace; returns the next byte or -1 at the end. */
static int
skip_ws(JsonReader *r)
{
	size_t		start = r->pos;

	while (r->pos < r->len)
	{
		unsigned char c = r->s[r->pos];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		r->pos++;
		if (((r->pos - start) & 4095) == 0)
			diplo_check_interrupts(r->a);
	}
	return r->pos < r->len ? r->s[r->pos] : -1;
}

/* Consume the byte c after whitespace, or fail naming what was expected. */
static bool
expect_char(JsonReader *r, char c, const char *context)
{
	if (skip_ws(r) != (unsigned char) c)
		return fail_unexpected(r, r->pos, context);
	r->pos++;
	return true;
}

/* The kind of value starting at the current position (after whitespace). */
static JsonValueKind
value_kind(JsonReader *r)
{
	int			c = skip_ws(r);

	if (c == '"')
		return JV_STRING;
	if (c == '-' || (c >= '0' && c <= '9'))
		return JV_NUMBER;
	if (c == '{')
		return JV_OBJECT;
	if (c == '[')
		return JV_ARRAY;
	if (c == 't' || c == 'f' || c == 'n')
		return JV_LITERAL;
	return JV_NONE;
}

/* Whether the literal null is at the current position; consumes it. */
static bool
take_null(JsonReader *r)
{
	if (r->len - r->pos >= 4 && memcmp(r->s + r->pos, "null", 4) == 0)
	{
		r->pos += 4;
		return true;
	}
	return false;
}

/* Append n bytes to the string buffer. */
static void
buf_append(JsonReader *r, const unsigned char *s, size_t n)
{
	if (r->buflen + n + 1 > r->bufcap)
	{
		size_t		cap = r->bufcap ? r->bufcap : 64;

		while (cap < r->buflen + n + 1)
			cap *= 2;
		r->buf = diplo_realloc(r->a, r->buf, cap);
		r->bufcap = cap;
	}
	memcpy(r->buf + r->buflen, s, n);
	r->buflen += n;
	r->buf[r->buflen] = '\0';
}

/* Append code point cp as UTF-8 to the string buffer. */
static void
buf_append_code_point(JsonReader *r, uint32_t cp)
{
	unsigned char u[4];
	size_t		n;

	if (cp < 0x80)
	{
		u[0] = (unsigned char) cp;
		n = 1;
	}
	else if (cp < 0x800)
	{
		u[0] = (unsigned char) (0xC0 | (cp >> 6));
		u[1] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 2;
	}
	else if (cp < 0x10000)
	{
		u[0] = (unsigned char) (0xE0 | (cp >> 12));
		u[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 3;
	}
	else
	{
		u[0] = (unsigned char) (0xF0 | (cp >> 18));
		u[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		u[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		u[3] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_append(r, u, n);
}

/* Read the four hex digits of a \u escape at pos into *v. */
static bool
read_hex4(JsonReader *r, size_t pos, uint32_t *v)
{
	*v = 0;
	for (size_t i = 0; i < 4; i++)
	{
		unsigned char c;

		if (pos + i >= r->len)
			return fail(r, r->len, "unexpected end of input in \\u escape");
		c = r->s[pos + i];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (uint32_t) (c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (uint32_t) (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (uint32_t) (c - 'A' + 10);
		else
			return fail(r, pos + i, "invalid hex digit in \\u escape");
	}
	return true;
}

/*
 * Read the JSON string at the current position (its opening quote) into
 * the string buffer, decoding escapes and checking UTF-8.
 */
static bool
read_string(JsonReader *r)
{
	r->buflen = 0;
	if (r->buf)
		r->buf[0] = '\0';
	r->pos++;					/* the opening quote */
	for (;;)
	{
		size_t		run = r->pos;
		unsigned char c = 0;

		/* the longest run of bytes that stand for themselves */
		while (r->pos < r->len)
		{
			c = r->s[r->pos];
			if (c == '"' || c == '\\' || c < 0x20)
				break;
			if (c < 0x80)
				r->pos++;
			else
			{
				int			clen = diplo_utf8_char_len(r->s + r->pos,
													   r->len - r->pos);

				if (clen == 0)
					return fail(r, r->pos,
								"invalid UTF-8 byte 0x%02X in string", c);
				r->pos += clen;
			}
		}
		reader_tick(r, (unsigned) (r->pos - run));
		buf_append(r, r->s + run, r->pos - run);
		if (r->pos >= r->len)
			return fail(r, r->len, "unexpected end of input in string");
		if (c == '"')
		{
			r->pos++;
			return true;
		}
		if (c < 0x20)
			return fail(r, r->pos,
						"control character 0x%02X in string must be escaped",
						c);
		/* an escape */
		if (r->pos + 1 >= r->len)
			return fail(r, r->len, "unexpected end of input in string");
		c = r->s[r->pos + 1];
		switch (c)
		{
			case '"':
			case '\\':
			case '/':
				buf_append(r, &c, 1);
				r->pos += 2;
				break;
			case 'b':
				buf_append(r, (const unsigned char *) "\b", 1);
				r->pos += 2;
				break;
			case 'f':
				buf_append(r, (const unsigned char *) "\f", 1);
				r->pos += 2;
				break;
			case 'n':
				buf_append(r, (const unsigned char *) "\n", 1);
				r->pos += 2;
				break;
			case 'r':
				buf_append(r, (const unsigned char *) "\r", 1);
				r->pos += 2;
				break;
			case 't':
				buf_append(r, (const unsigned char *) "\t", 1);
				r->pos += 2;
				break;
			case 'u':
				{
					size_t		at = r->pos;
					uint32_t	cp;

					if (!read_hex4(r, at + 2, &cp))
						return false;
					r->pos = at + 6;
					if (cp == 0)
						return fail(r, at, "\\u0000 is not allowed in strings");
					if (cp >= 0xDC00 && cp <= 0xDFFF)
						return fail(r, at, "lone low surrogate \\u%04X in string",
									(unsigned) cp);
					if (cp >= 0xD800 && cp <= 0xDBFF)
					{
						uint32_t	low;

						if (r->len - r->pos < 2 || r->s[r->pos] != '\\' ||
							r->s[r->pos + 1] != 'u')
							return fail(r, at,
										"lone high surrogate \\u%04X in string",
										(unsigned) cp);
						if (!read_hex4(r, r->pos + 2, &low))
							return false;
						if (low < 0xDC00 || low > 0xDFFF)
							return fail(r, at,
										"lone high surrogate \\u%04X in string",
										(unsigned) cp);
						cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
						r->pos += 6;
					}
					buf_append_code_point(r, cp);
					break;
				}
			default:
				if (c >= 0x21 && c < 0x7F)
					return fail(r, r->pos, "invalid escape \"\\%c\" in string",
								c);
				return fail(r, r->pos, "invalid escape in string");
		}
	}
}

/* The error for a value of the wrong type at the current position. */
static bool
fail_type(JsonReader *r, const char *expected, const char *key,
		  const char *where)
{
	if (value_kind(r) == JV_NONE)
		return fail_unexpected(r, r->pos, "expected a value");
	return fail(r, r->pos, "expected %s for \"%s\" in %s", expected, key,
				where);
}

/*
 * Read an integer value (or null, when allowed: *is_null is then set) at
 * the current position.  Fractions and exponents are errors.
 */
static bool
read_integer(JsonReader *r, const char *key, const char *where,
			 bool null_ok, int64_t *value, bool *is_null, size_t *at)
{
	size_t		p;
	bool		negative = false;
	uint64_t	mag = 0;
	bool		overflow = false;
	JsonValueKind kind = value_kind(r);

	*at = r->pos;
	*is_null = false;
	if (null_ok && kind == JV_LITERAL && take_null(r))
	{
		*is_null = true;
		return true;
	}
	if (kind != JV_NUMBER)
		return fail_type(r, null_ok ? "an integer or null" : "an integer",
						 key, where);
	p = r->pos;
	if (r->s[p] == '-')
	{
		negative = true;
		p++;
	}
	if (p >= r->len || r->s[p] < '0' || r->s[p] > '9')
		return fail(r, *at, "invalid number for \"%s\" in %s", key, where);
	if (r->s[p] == '0' && p + 1 < r->len && r->s[p + 1] >= '0' &&
		r->s[p + 1] <= '9')
		return fail(r, *at, "leading zeros in number for \"%s\" in %s", key,
					where);
	while (p < r->len && r->s[p] >= '0' && r->s[p] <= '9')
	{
		unsigned	d = (unsigned) (r->s[p] - '0');

		if (mag > (UINT64_MAX - d) / 10)
			overflow = true;
		else
			mag = mag * 10 + d;
		p++;
	}
	reader_tick(r, (unsigned) (p - *at));
	if (p < r->len && (r->s[p] == '.' || r->s[p] == 'e' || r->s[p] == 'E'))
		return fail(r, *at, "expected an integer for \"%s\" in %s", key,
					where);
	if (overflow || (!negative && mag > (uint64_t) INT64_MAX) ||
		(negative && mag > (uint64_t) INT64_MAX + 1))
		return fail(r, *at, "number for \"%s\" in %s is beyond int64", key,
					where);
	*value = negative ? (int64_t) (0 - mag) : (int64_t) mag;
	r->pos = p;
	return true;
}

/* Read a string (or null when allowed) and copy it into *out. */
static bool
read_string_value(JsonReader *r, const char *key, const char *where,
				  bool null_ok, char **out)
{
	JsonValueKind kind = value_kind(r);

	if (null_ok && kind == JV_LITERAL && take_null(r))
	{
		*out = NULL;
		return true;
	}
	if (kind != JV_STRING)
		return fail_type(r, null_ok ? "a string or null" : "a string", key,
						 where);
	if (!read_string(r))
		return false;
	*out = diplo_strndup(r->a, r->buf ? r->buf : "", r->buflen);
	return true;
}

/* Read one of the names of an enum into *value. */
static bool
read_enum(JsonReader *r, const char *key, const char *where,
		  const char *const *names, int count, int *value)
{
	size_t		at;
	char		shown[64];

	if (value_kind(r) != JV_STRING)
		return fail_type(r, "a string", key, where);
	at = r->pos;
	if (!read_string(r))
		return false;
	for (int i = 0; i < count; i++)
	{
		if (strlen(names[i]) == r->buflen &&
			memcmp(names[i], r->buf, r->buflen) == 0)
		{
			*value = i;
			return true;
		}
	}
	excerpt(r->buf ? r->buf : "", r->buflen, shown, sizeof(shown));
	return fail(r, at, "invalid %s \"%s\" in %s", key, shown, where);
}

/*
 * Read an object key at the current position and look it up in keys;
 * *which receives its number.  Fails on unknown and repeated keys.
 */
static bool
read_key(JsonReader *r, const char *const *keys, int nkeys, unsigned *seen,
		 const char *where, int *which)
{
	size_t		at;
	char		shown[64];

	if (skip_ws(r) != '"')
		return fail_unexpected(r, r->pos, "expected a key");
	at = r->pos;
	if (!read_string(r))
		return false;
	for (int i = 0; i < nkeys; i++)
	{
		if (strlen(keys[i]) == r->buflen &&
			memcmp(keys[i], r->buf, r->buflen) == 0)
		{
			if (*seen & (1u << i))
				return fail(r, at, "duplicate key \"%s\" in %s", keys[i],
							where);
			*seen |= 1u << i;
			*which = i;
			return expect_char(r, ':', "expected \":\"");
		}
	}
	excerpt(r->buf ? r->buf : "", r->buflen, shown, sizeof(shown));
	return fail(r, at, "unknown key \"%s\" in %s", shown, where);
}

/*
 * After a member: consume "," (returns true, *done false) or "}" (returns
 * true, *done true); anything else fails.
 */
static bool
object_next(JsonReader *r, bool *done, size_t *close_at)
{
	int			c = skip_ws(r);

	if (c == ',')
	{
		r->pos++;
		*done = false;
		return true;
	}
	if (c == '}')
	{
		*close_at = r->pos;
		r->pos++;
		*done = true;
		return true;
	}
	return fail_unexpected(r, r->pos, "expected \",\" or \"}\"");
}

/* Fail on the first required key (a bit in required) missing from seen. */
static bool
check_required(JsonReader *r, const char *const *keys, int nkeys,
			   unsigned required, unsigned seen, const char *where,
			   size_t close_at)
{
	for (int i = 0; i < nkeys; i++)
	{
		if ((required & (1u << i)) && !(seen & (1u << i)))
			return fail(r, close_at, "missing key \"%s\" in %s", keys[i],
						where);
	}
	return true;
}

/*
 * Read "[" and tell whether the array is empty (consuming "]" if so);
 * key names the member for the type error.
 */
static bool
array_open(JsonReader *r, const char *key, const char *where, bool *empty)
{
	if (value_kind(r) != JV_ARRAY)
		return fail_type(r, "an array", key, where);
	r->pos++;
	*empty = (skip_ws(r) == ']');
	if (*empty)
		r->pos++;
	return true;
}

/* After an array element: "," (more) or "]" (done). */
static bool
array_next(JsonReader *r, bool *done)
{
	int			c = skip_ws(r);

	reader_tick(r, 64);
	if (c == ',')
	{
		r->pos++;
		*done = false;
		return true;
	}
	if (c == ']')
	{
		r->pos++;
		*done = true;
		return true;
	}
	return fail_unexpected(r, r->pos, "expected \",\" or \"]\"");
}

/* Read an array of strings (topics, countries) into *items and *n. */
static bool
read_string_array(JsonReader *r, const char *key, char ***items, int32_t *n)
{
	bool		done;
	int32_t		cap = 0;

	if (!array_open(r, key, "analysis", &done))
		return false;
	while (!done)
	{
		if (*n == cap)
		{
			if (cap >= INT32_MAX / 2)
			{
				diplo_error_set(r->err, DIPLO_ERR_LIMIT, (long) r->pos,
								"too many %s", key);
				return false;
			}
			cap = cap ? cap * 2 : 8;
			*items = diplo_realloc(r->a, *items, (size_t) cap * sizeof(char *));
		}
		if (value_kind(r) != JV_STRING)
			return fail_type(r, "a string", "element", key);
		if (!read_string(r))
			return false;
		(*items)[*n] = diplo_strndup(r->a, r->buf ? r->buf : "", r->buflen);
		(*n)++;
		if (!array_next(r, &done))
			return false;
	}
	return true;
}

enum
{
	SK_NAME, SK_ROLE, SK_ORG, SK_COUNTRY, SK_TYPE, SK_COUNT
};
static const char *const speaker_keys[SK_COUNT] = {
	"name", "role", "org", "country", "type"
};

/* Read one speaker object into sp (already zeroed). */
static bool
read_speaker(JsonReader *r, DiploSpeaker *sp, int32_t number)
{
	char		where[32];
	unsigned	seen = 0;
	bool		done;
	size_t		close_at = r->pos;
	int			value;

	snprintf(where, sizeof(where), "speaker %d", (int) number);
	if (value_kind(r) != JV_OBJECT)
		return fail(r, r->pos, "expected an object for %s", where);
	r->pos++;
	done = (skip_ws(r) == '}');
	if (done)
		close_at = r->pos++;
	while (!done)
	{
		int			which;
		bool		ok = true;

		if (!read_key(r, speaker_keys, SK_COUNT, &seen, where, &which))
			return false;
		switch (which)
		{
			case SK_NAME:
				ok = read_string_value(r, "name", where, false, &sp->name);
				break;
			case SK_ROLE:
				ok = read_string_value(r, "role", where, true, &sp->role);
				break;
			case SK_ORG:
				ok = read_string_value(r, "org", where, true, &sp->org);
				break;
			case SK_COUNTRY:
				ok = read_string_value(r, "country", where, true, &sp->country);
				break;
			case SK_TYPE:
				ok = read_enum(r, "type", where, diplo_speaker_type_names,
							   DIPLO_SPEAKER_TYPE_COUNT, &value);
				if (ok)
					sp->type = (DiploSpeakerType) value;
				break;
		}
		if (!ok || !object_next(r, &done, &close_at))
			return false;
	}
	return check_required(r, speaker_keys, SK_COUNT,
						  (1u << SK_NAME) | (1u << SK_TYPE), seen, where,
						  close_at);
}

enum
{
	QK_SPEAKER, QK_CHANNEL, QK_ADDRESSEE, QK_KIND, QK_CUE, QK_CONTENT,
	QK_START, QK_LENGTH, QK_CUE_START, QK_CUE_LENGTH, QK_SPEAKER_START,
	QK_SPEAKER_LENGTH, QK_TOPICS, QK_COUNT
};
static const char *const quote_keys[QK_COUNT] = {
	"speaker", "channel", "addressee", "kind", "cue", "content", "start",
	"length", "cue_start", "cue_length", "speaker_start", "speaker_length",
	"topics"
};

/*
 * Read an offset (shown 1-based, stored 0-based) or a length into *out;
 * null gives -1.
 */
static bool
read_position(JsonReader *r, const char *key, const char *where,
			  bool is_offset, int64_t *out)
{
	int64_t		v = 0;
	bool		is_null;
	size_t		at;

	if (!read_integer(r, key, where, true, &v, &is_null, &at))
		return false;
	if (is_null)
	{
		*out = -1;
		return true;
	}
	if (v < 0)
		return fail(r, at, "negative value %" PRId64 " for \"%s\" in %s", v,
					key, where);
	if (is_offset && v == 0)
		return fail(r, at, "offset 0 for \"%s\" in %s: offsets start at 1",
					key, where);
	*out = is_offset ? v - 1 : v;
	return true;
}

/* Read one quote object into q (already zeroed); idx records its indexes. */
static bool
read_quote(JsonReader *r, DiploQuote *q, QuoteIndexes *idx, int32_t number)
{
	char		where[32];
	unsigned	seen = 0;
	bool		done;
	size_t		close_at = r->pos;
	int			value;

	snprintf(where, sizeof(where), "quote %d", (int) number);
	q->speaker = q->channel = q->addressee = -1;
	q->content_start = q->content_len = -1;
	q->cue_start = q->cue_len = q->speaker_start = q->speaker_len = -1;
	for (int i = 0; i < 3; i++)
	{
		idx->value[i] = -1;
		idx->position[i] = -1;
	}
	idx->topics = NULL;
	idx->ntopics = 0;
	idx->has_topics = false;
	idx->topics_position = -1;
	if (value_kind(r) != JV_OBJECT)
		return fail(r, r->pos, "expected an object for %s", where);
	r->pos++;
	done = (skip_ws(r) == '}');
	if (done)
		close_at = r->pos++;
	while (!done)
	{
		int			which;
		bool		ok = true;

		if (!read_key(r, quote_keys, QK_COUNT, &seen, where, &which))
			return false;
		switch (which)
		{
			case QK_SPEAKER:
			case QK_CHANNEL:
			case QK_ADDRESSEE:
				{
					int64_t		v = -1;
					bool		is_null;
					size_t		at;

					ok = read_integer(r, quote_keys[which], where, true, &v,
									  &is_null, &at);
					if (!ok)
						break;
					if (!is_null && v < 0)
						return fail(r, at,
									"negative %s index %" PRId64 " in %s",
									quote_keys[which], v, where);
					idx->value[which] = is_null ? -1 : v;
					idx->position[which] = (long) at;
					break;
				}
			case QK_KIND:
				ok = read_enum(r, "kind", where, diplo_quote_kind_names,
							   DIPLO_QUOTE_KIND_COUNT, &value);
				if (ok)
					q->kind = (DiploQuoteKind) value;
				break;
			case QK_CUE:
				ok = read_string_value(r, "cue", where, true, &q->cue);
				break;
			case QK_CONTENT:
				ok = read_string_value(r, "content", where, false,
									   &q->content);
				break;
			case QK_START:
				ok = read_position(r, "start", where, true, &q->content_start);
				break;
			case QK_LENGTH:
				ok = read_position(r, "length", where, false, &q->content_len);
				break;
			case QK_CUE_START:
				ok = read_position(r, "cue_start", where, true, &q->cue_start);
				break;
			case QK_CUE_LENGTH:
				ok = read_position(r, "cue_length", where, false, &q->cue_len);
				break;
			case QK_SPEAKER_START:
				ok = read_position(r, "speaker_start", where, true,
								   &q->speaker_start);
				break;
			case QK_SPEAKER_LENGTH:
				ok = read_position(r, "speaker_length", where, false,
								   &q->speaker_len);
				break;
			case QK_TOPICS:
				skip_ws(r);
				idx->has_topics = true;
				idx->topics_position = (long) r->pos;
				ok = read_string_array(r, "topics", &idx->topics,
									   &idx->ntopics);
				break;
		}
		if (!ok || !object_next(r, &done, &close_at))
			return false;
	}
	return check_required(r, quote_keys, QK_COUNT,
						  (1u << QK_KIND) | (1u << QK_CONTENT) |
						  (1u << QK_START) | (1u << QK_LENGTH),
						  seen, where, close_at);
}

/* Read the speakers array into out. */
static bool
read_speakers(JsonReader *r, DiploAnalysis *out)
{
	bool		done;

	if (!array_open(r, "speakers", "analysis", &done))
		return false;
	while (!done)
	{
		if (out->nspeakers == r->speaker_cap)
		{
			if (r->speaker_cap >= INT32_MAX / 2)
			{
				diplo_error_set(r->err, DIPLO_ERR_LIMIT, (long) r->pos,
								"too many speakers");
				return false;
			}
			r->speaker_cap = r->speaker_cap ? r->speaker_cap * 2 : 8;
			out->speakers = diplo_realloc(r->a, out->speakers,
										  (size_t) r->speaker_cap *
										  sizeof(DiploSpeaker));
		}
		memset(&out->speakers[out->nspeakers], 0, sizeof(DiploSpeaker));
		out->nspeakers++;
		if (!read_speaker(r, &out->speakers[out->nspeakers - 1],
						  out->nspeakers - 1))
			return false;
		if (!array_next(r, &done))
			return false;
	}
	return true;
}

/* Read the quotes array into out, keeping their indexes for later. */
static bool
read_quotes(JsonReader *r, DiploAnalysis *out)
{
	bool		done;

	if (!array_open(r, "quotes", "analysis", &done))
		return false;
	while (!done)
	{
		if (out->nquotes == r->quote_cap)
		{
			if (r->quote_cap >= INT32_MAX / 2)
			{
				diplo_error_set(r->err, DIPLO_ERR_LIMIT, (long) r->pos,
								"too many quotes");
				return false;
			}
			r->quote_cap = r->quote_cap ? r->quote_cap * 2 : 8;
			out->quotes = diplo_realloc(r->a, out->quotes,
										(size_t) r->quote_cap *
										sizeof(DiploQuote));
			r->qidx = diplo_realloc(r->a, r->qidx,
									(size_t) r->quote_cap *
									sizeof(QuoteIndexes));
		}
		memset(&out->quotes[out->nquotes], 0, sizeof(DiploQuote));
		out->nquotes++;
		if (!read_quote(r, &out->quotes[out->nquotes - 1],
						&r->qidx[out->nquotes - 1], out->nquotes - 1))
			return false;
		if (!array_next(r, &done))
			return false;
	}
	return true;
}

enum
{
	DK_VERSION, DK_LANGUAGE, DK_EVENT, DK_EVENT_CODE, DK_COUNTRIES,
	DK_TOPICS, DK_SPEAKERS, DK_QUOTES, DK_COUNT
};
static const char *const document_keys[DK_COUNT] = {
	"version", "language", "event", "event_code", "countries", "topics",
	"speakers", "quotes"
};

/* Read the value of "language": the code of a language ("en", "fr" ...). */
static bool
read_language(JsonReader *r, DiploAnalysis *out)
{
	char	   *code = NULL;
	size_t		at;
	int			lang;

	skip_ws(r);
	at = r->pos;
	if (!read_string_value(r, "language", "analysis", false, &code))
		return false;
	lang = diplo_language_from_code(code);
	diplo_free(r->a, code);
	if (lang <= DIPLO_LANG_AUTO)
		return fail(r, at, "unknown language in analysis (expected \"en\", \"fr\", \"es\" or \"de\")");
	out->language = (DiploLanguage) lang;
	return true;
}

/* Read the whole document object into out. */
static bool
read_document(JsonReader *r, DiploAnalysis *out)
{
	unsigned	seen = 0;
	bool		done;
	size_t		close_at = 0;

	if (skip_ws(r) != '{')
		return fail_unexpected(r, r->pos, "expected \"{\"");
	r->pos++;
	done = (skip_ws(r) == '}');
	if (done)
		close_at = r->pos++;
	while (!done)
	{
		int			which;
		bool		ok = true;

		if (!read_key(r, document_keys, DK_COUNT, &seen, "analysis", &which))
			return false;
		switch (which)
		{
			case DK_VERSION:
				{
					int64_t		v = 0;
					bool		is_null;
					size_t		at;

					ok = read_integer(r, "version", "analysis", false, &v,
									  &is_null, &at);
					if (ok && v != DIPLO_FORMAT_VERSION)
					{
						diplo_error_set(r->err, DIPLO_ERR_VERSION, (long) at,
										"unsupported diplo_statement format version %" PRId64,
										v);
						return false;
					}
					break;
				}
			case DK_LANGUAGE:
				ok = read_language(r, out);
				break;
			case DK_EVENT:
				ok = read_string_value(r, "event", "analysis", true,
									   &out->event);
				break;
			case DK_EVENT_CODE:
				ok = read_string_value(r, "event_code", "analysis", true,
									   &out->event_code);
				break;
			case DK_COUNTRIES:
				ok = read_string_array(r, "countries", &out->countries,
									   &out->ncountries);
				break;
			case DK_TOPICS:
				ok = read_string_array(r, "topics", &out->topics,
									   &out->ntopics);
				break;
			case DK_SPEAKERS:
				ok = read_speakers(r, out);
				break;
			case DK_QUOTES:
				ok = read_quotes(r, out);
				break;
		}
		if (!ok || !object_next(r, &done, &close_at))
			return false;
	}
	return check_required(r, document_keys, DK_COUNT,
						  (1u << DK_VERSION) | (1u << DK_COUNTRIES) |
						  (1u << DK_TOPICS) | (1u << DK_SPEAKERS) |
						  (1u << DK_QUOTES),
						  seen, "analysis", close_at);
}

/* ascending order of two topic indexes */
static int
int32_cmp(const void *x, const void *y)
{
	int32_t		a = *(const int32_t *) x;
	int32_t		b = *(const int32_t *) y;

	return (a > b) - (a < b);
}

/*
 * Store a quote's topic names as indexes into the analysis's topics
 * (increasing); a name that is none of them, or twice, is an error.
 */
static bool
resolve_quote_topics(JsonReader *r, DiploAnalysis *out, int32_t i)
{
	QuoteIndexes *idx = &r->qidx[i];
	DiploQuote *q = &out->quotes[i];

	if (idx->ntopics == 0)
		return true;
	q->topics = diplo_alloc(r->a, (size_t) idx->ntopics * sizeof(int32_t));
	for (int32_t k = 0; k < idx->ntopics; k++)
	{
		int32_t		t = 0;

		reader_tick(r, (unsigned) out->ntopics);
		while (t < out->ntopics && strcmp(out->topics[t], idx->topics[k]) != 0)
			t++;
		if (t == out->ntopics)
			return fail(r, (size_t) idx->topics_position,
						"topic \"%s\" of quote %d is not a topic of the analysis",
						idx->topics[k], (int) i);
		q->topics[q->ntopics++] = t;
	}
	qsort(q->topics, q->ntopics, sizeof(int32_t), int32_cmp);
	for (int32_t k = 1; k < q->ntopics; k++)
		if (q->topics[k] == q->topics[k - 1])
			return fail(r, (size_t) idx->topics_position,
						"topic \"%s\" twice in quote %d",
						out->topics[q->topics[k]], (int) i);
	return true;
}

/* Check every quote's indexes against the speakers and store them. */
static bool
resolve_indexes(JsonReader *r, DiploAnalysis *out)
{
	/* a quote with "topics": every quote has its list */
	for (int32_t i = 0; i < out->nquotes; i++)
		if (r->qidx[i].has_topics)
			out->quote_topics = true;
	for (int32_t i = 0; i < out->nquotes; i++)
	{
		QuoteIndexes *idx = &r->qidx[i];
		int32_t    *fields[3];

		fields[0] = &out->quotes[i].speaker;
		fields[1] = &out->quotes[i].channel;
		fields[2] = &out->quotes[i].addressee;
		for (int k = 0; k < 3; k++)
		{
			if (idx->value[k] >= (int64_t) out->nspeakers)
				return fail(r, (size_t) idx->position[k],
							"%s index %" PRId64 " out of range (%d speakers) in quote %d",
							index_names[k], idx->value[k],
							(int) out->nspeakers, (int) i);
			*fields[k] = (int32_t) idx->value[k];
		}
		if (!resolve_quote_topics(r, out, i))
			return false;
	}
	return true;
}

/* Parse JSON text into *out; on failure fill err and leave *out empty. */
bool
diplo_analysis_from_json(const DiploAllocator *a, const char *json,
						 size_t len, DiploAnalysis *out, DiploError *err)
{
	JsonReader	r;
	DiploError	scratch;
	bool		ok;

	memset(&r, 0, sizeof(r));
	memset(out, 0, sizeof(*out));
	if (err == NULL)
		err = &scratch;
	r.a = a;
	r.s = (const unsigned char *) json;
	r.len = json ? len : 0;
	r.err = err;
	out->language = DIPLO_LANG_EN;
	ok = read_document(&r, out);
	if (ok && skip_ws(&r) != -1)
		ok = fail_unexpected(&r, r.pos, "after the end of the document");
	if (ok)
		ok = resolve_indexes(&r, out);
	for (int32_t i = 0; r.qidx != NULL && i < out->nquotes; i++)
	{
		for (int32_t k = 0; k < r.qidx[i].ntopics; k++)
			diplo_free(a, r.qidx[i].topics[k]);
		diplo_free(a, r.qidx[i].topics);
	}
	diplo_free(a, r.buf);
	diplo_free(a, r.qidx);
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
