/*
 * diplo_analysis.c
 *		The names of the analysis enums, freeing an analysis, and helpers
 *		shared by the JSON and binary readers.
 */
#include "diplo_analysis.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const diplo_speaker_type_names[DIPLO_SPEAKER_TYPE_COUNT] = {
	"person", "organization", "group"
};

const char *const diplo_quote_kind_names[DIPLO_QUOTE_KIND_COUNT] = {
	"indirect", "direct", "mixed"
};

static const char *const language_codes[] = {"auto", "en", "fr", "es", "de"};

/* The code of a language. */
const char *
diplo_language_code(DiploLanguage lang)
{
	if ((int) lang < 0 || lang > DIPLO_LANG_DE)
		return "auto";
	return language_codes[lang];
}

/* The language of a code, or -1. */
int
diplo_language_from_code(const char *code)
{
	for (int k = 0; k <= DIPLO_LANG_DE; k++)
		if (code && strcmp(code, language_codes[k]) == 0)
			return k;
	return -1;
}

/* Free every string and array inside an and leave it empty. */
void
diplo_analysis_free(const DiploAllocator *a, DiploAnalysis *an)
{
	if (an == NULL)
		return;
	if (an->speakers)
	{
		for (int32_t i = 0; i < an->nspeakers; i++)
		{
			DiploSpeaker *sp = &an->speakers[i];

			diplo_free(a, sp->name);
			diplo_free(a, sp->role);
			diplo_free(a, sp->org);
			diplo_free(a, sp->country);
		}
		diplo_free(a, an->speakers);
	}
	if (an->quotes)
	{
		for (int32_t i = 0; i < an->nquotes; i++)
		{
			diplo_free(a, an->quotes[i].cue);
			diplo_free(a, an->quotes[i].content);
			diplo_free(a, an->quotes[i].topics);
		}
		diplo_free(a, an->quotes);
	}
	if (an->topics)
	{
		for (int32_t i = 0; i < an->ntopics; i++)
			diplo_free(a, an->topics[i]);
		diplo_free(a, an->topics);
	}
	if (an->countries)
	{
		for (int32_t i = 0; i < an->ncountries; i++)
			diplo_free(a, an->countries[i]);
		diplo_free(a, an->countries);
	}
	diplo_free(a, an->event);
	diplo_free(a, an->event_code);
	memset(an, 0, sizeof(*an));
}

/* Byte length of the well-formed UTF-8 character at s, or 0 if malformed. */
int
diplo_utf8_char_len(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2)				/* continuation byte or overlong lead */
		return 0;
	if (c < 0xE0)
	{
		if (avail < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xF0)
	{
		if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)	/* overlong */
			return 0;
		if (c == 0xED && s[1] >= 0xA0)	/* UTF-16 surrogate */
			return 0;
		return 3;
	}
	if (c < 0xF5)
	{
		if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
			(s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)	/* overlong */
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)	/* past U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

/* Fill err with code, position and a formatted message. */
void
diplo_error_set(DiploError *err, DiploErrorCode code, long position,
				const char *fmt,...)
{
	va_list		args;

	if (err == NULL)
		return;
	err->code = code;
	err->position = position;
	va_start(args, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, args);
	va_end(args);
}
