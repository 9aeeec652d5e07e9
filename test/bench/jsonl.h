/*
 * jsonl.h
 *		A small JSON-lines reader shared by the command-line tools of
 *		test/bench (diplo_cli.c, postag_cli.c): a growable buffer, JSON
 *		strings with escapes, skipping values, and the "id" and "text"
 *		fields of an article line.  Each tool includes it once.
 */
#ifndef DIPLO_BENCH_JSONL_H
#define DIPLO_BENCH_JSONL_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A growable byte buffer. */
typedef struct Buf
{
	char	   *s;
	size_t		len;
	size_t		cap;
} Buf;

/* Append n bytes to b. */
static inline void
buf_add(Buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		ncap = b->cap ? b->cap * 2 : 4096;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		b->s = realloc(b->s, ncap);
		if (!b->s)
		{
			fprintf(stderr, "out of memory\n");
			exit(2);
		}
		b->cap = ncap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Append a NUL-terminated string to b. */
static inline void
buf_puts(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append code point cp to b as UTF-8. */
static inline void
buf_utf8(Buf *b, unsigned long cp)
{
	char		o[4];

	if (cp < 0x80)
	{
		o[0] = (char) cp;
		buf_add(b, o, 1);
	}
	else if (cp < 0x800)
	{
		o[0] = (char) (0xC0 | (cp >> 6));
		o[1] = (char) (0x80 | (cp & 0x3F));
		buf_add(b, o, 2);
	}
	else if (cp < 0x10000)
	{
		o[0] = (char) (0xE0 | (cp >> 12));
		o[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char) (0x80 | (cp & 0x3F));
		buf_add(b, o, 3);
	}
	else
	{
		o[0] = (char) (0xF0 | (cp >> 18));
		o[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char) (0x80 | (cp & 0x3F));
		buf_add(b, o, 4);
	}
}

/* Read all of f. */
static inline void
read_all(FILE *f, Buf *b)
{
	char		tmp[65536];
	size_t		n;

	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(b, tmp, n);
	if (!b->s)
		buf_add(b, "", 0);
}

/* Skip JSON whitespace. */
static inline const char *
skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* Four hex digits at p, or -1. */
static inline long
hex4(const char *p, const char *end)
{
	long		v = 0;

	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++)
	{
		char		c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Decode the JSON string at p (at its opening quote) into out, replacing
 * what out held; returns the end.
 */
static inline const char *
json_string(const char *p, const char *end, Buf *out)
{
	out->len = 0;
	buf_add(out, "", 0);
	p++;
	while (p < end && *p != '"')
	{
		if (*p != '\\')
		{
			buf_add(out, p, 1);
			p++;
			continue;
		}
		p++;
		if (p >= end)
			break;
		switch (*p)
		{
			case 'n':
				buf_add(out, "\n", 1);
				break;
			case 't':
				buf_add(out, "\t", 1);
				break;
			case 'r':
				buf_add(out, "\r", 1);
				break;
			case 'b':
				buf_add(out, "\b", 1);
				break;
			case 'f':
				buf_add(out, "\f", 1);
				break;
			case 'u':
				{
					long		v = hex4(p + 1, end);

					if (v < 0)
						break;
					p += 4;
					if (v >= 0xD800 && v <= 0xDBFF && end - p > 6 && p[1] == '\\' &&
						p[2] == 'u')
					{
						long		lo = hex4(p + 3, end);

						if (lo >= 0xDC00 && lo <= 0xDFFF)
						{
							v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
							p += 6;
						}
					}
					if (v >= 0xD800 && v <= 0xDFFF)
						v = 0xFFFD;
					buf_utf8(out, (unsigned long) v);
					break;
				}
			default:
				buf_add(out, p, 1);
				break;
		}
		p++;
	}
	return p < end ? p + 1 : end;
}

/* Skip any JSON value at p; returns its end. */
static inline const char *
json_skip(const char *p, const char *end)
{
	int			depth = 0;

	do
	{
		p = skip_ws(p, end);
		if (p >= end)
			return end;
		if (*p == '"')
		{
			for (p++; p < end && *p != '"'; p++)
				if (*p == '\\')
					p++;
			p++;
		}
		else if (*p == '{' || *p == '[')
		{
			depth++;
			p++;
		}
		else if (*p == '}' || *p == ']')
		{
			depth--;
			p++;
		}
		else
		{
			while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' &&
				   *p != '\n')
				p++;
		}
		if (depth > 0)
		{
			p = skip_ws(p, end);
			if (p < end && (*p == ',' || *p == ':'))
				p++;
		}
	} while (depth > 0 && p < end);
	return p;
}

/* Get the top-level string fields "id" and "text" of a JSON object line. */
static inline bool
jsonl_id_text(const char *line, size_t len, Buf *id, Buf *text)
{
	const char *p = skip_ws(line, line + len);
	const char *end = line + len;

	if (p >= end || *p != '{')
		return false;
	p++;
	while (p < end)
	{
		Buf			key = {0};

		p = skip_ws(p, end);
		if (p < end && *p == '}')
			break;
		if (p >= end || *p != '"')
			return false;
		p = json_string(p, end, &key);
		p = skip_ws(p, end);
		if (p >= end || *p != ':')
		{
			free(key.s);
			return false;
		}
		p = skip_ws(p + 1, end);
		if (key.s && (strcmp(key.s, "id") == 0 || strcmp(key.s, "text") == 0) &&
			p < end && *p == '"')
			p = json_string(p, end, strcmp(key.s, "id") == 0 ? id : text);
		else
			p = json_skip(p, end);
		free(key.s);
		p = skip_ws(p, end);
		if (p < end && *p == ',')
			p++;
	}
	return id->s != NULL;
}

#endif							/* DIPLO_BENCH_JSONL_H */
