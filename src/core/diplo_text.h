/*
 * diplo_text.h
 *		The text layer of the analyser: UTF-8 decoding (an invalid byte is
 *		one character), paragraphs, tokens with byte and character offsets,
 *		and sentences.
 *
 * The analyser reads an article one paragraph at a time: a paragraph is
 * the text between line breaks, cut into windows of at most
 * DIPLO_MAX_PARAGRAPH bytes at a sentence end or a space, so that the
 * memory of the per-paragraph work stays bounded whatever the input.
 */
#ifndef DIPLO_TEXT_H
#define DIPLO_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "diplo_alloc.h"
#include "diplo_lexicon.h"

#define DIPLO_MAX_PARAGRAPH 65536

/* Decode one character at s (n > 0 bytes left); an invalid byte is U+FFFD. */
int			diplo_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* The next paragraph of a text, and the character offset of its start. */
typedef struct DiploParagraphs
{
	const char *text;
	size_t		len;
	size_t		pos;			/* byte where the next search starts */
	int64_t		cpos;			/* character offset of pos */
} DiploParagraphs;

typedef struct DiploParagraph
{
	size_t		start;			/* first byte (not a space) */
	size_t		end;			/* one past the last byte (not a space) */
	int64_t		cstart;			/* character offset of start */
	bool		window;			/* cut from a longer line */
} DiploParagraph;

void		diplo_paragraphs_init(DiploParagraphs *it, const char *text,
								  size_t len);

/* Fill p with the next non-empty paragraph; false at the end. */
bool		diplo_paragraphs_next(const DiploAllocator *a, DiploParagraphs *it,
								  DiploParagraph *p);

/* Does the text at byte pos (after spaces) start with an opening mark? */
bool		diplo_starts_with_opening_mark(const char *text, size_t len,
										   size_t pos);

typedef enum DiploTokenKind
{
	DIPLO_TOK_WORD = 0,
	DIPLO_TOK_NUMBER,
	DIPLO_TOK_PUNCT,
	DIPLO_TOK_QUOTE				/* a double quote mark of any style */
} DiploTokenKind;

/* The glyph class of a quote mark token. */
typedef enum DiploMarkGlyph
{
	DIPLO_MARK_STRAIGHT = 0,	/* " and '' : direction from context */
	DIPLO_MARK_OPEN,			/* “ „ « `` */
	DIPLO_MARK_CLOSE			/* ” » */
} DiploMarkGlyph;

#define DIPLO_TF_CAP		0x0001	/* starts with an uppercase letter */
#define DIPLO_TF_ALLCAPS	0x0002	/* two or more letters, all uppercase */
#define DIPLO_TF_SPACE		0x0004	/* whitespace before it */
#define DIPLO_TF_SENT_START 0x0008	/* first token of a sentence */
#define DIPLO_TF_ABBREV		0x0010	/* ends with its own period: U.S. J. Mr. */
#define DIPLO_TF_INITIAL	0x0020	/* one capital and a period: J. */
#define DIPLO_TF_LOWER		0x0040	/* starts with a lowercase letter */

typedef struct DiploToken
{
	size_t		start;			/* byte offsets in the whole text */
	size_t		end;
	int64_t		cstart;			/* character offsets in the whole text */
	int64_t		cend;
	uint8_t		kind;			/* DiploTokenKind */
	uint8_t		glyph;			/* DiploMarkGlyph, for quote marks */
	uint16_t	flags;			/* DIPLO_TF_* */
	int32_t		sentence;		/* index of its sentence in the paragraph */
} DiploToken;

/* The tokens of one paragraph, and its sentences. */
typedef struct DiploTokens
{
	const char *text;
	DiploToken *tok;
	DiploWord  *words;			/* the same tokens as lexicon words */
	const DiploCue **cue;		/* the cue verb of each token, or NULL */
	int			n;
	int			cap;
	int		   *sent_start;		/* first token of each sentence */
	int			nsent;
	int			sent_cap;
	const struct DiploConfig *config;	/* knowledge added to the lexicons
										 * (issue 7), or NULL */
} DiploTokens;

/* Cut text[p->start, p->end) into tokens (reusing the arrays of out). */
void		diplo_tokenize(const DiploAllocator *a, const char *text,
						   const DiploParagraph *p, DiploTokens *out);

/*
 * Mark sentence starts.  mark_dir gives the direction of each quote mark
 * (1 open, -1 close, 0 none) as the quote pairing decided it, or is NULL.
 */
void		diplo_split_sentences(const DiploAllocator *a, DiploTokens *t,
								  const int8_t *mark_dir);

/* The cue verb that token i is, or NULL (looked up once per token). */
static inline const DiploCue *
diplo_tok_cue(const DiploTokens *t, int i)
{
	return (i >= 0 && i < t->n) ? t->cue[i] : NULL;
}

/* Token i's sentence end (one past its last token). */
int			diplo_sentence_end(const DiploTokens *t, int i);

void		diplo_tokens_free(const DiploAllocator *a, DiploTokens *t);

/*
 * Does token i, of the same length as w, equal it ignoring case?  Inline:
 * with a literal w the compiler compares the letters directly.
 */
static inline bool
diplo_tok_equals(const DiploTokens *t, int i, const char *w)
{
	const char *s;
	int			len;

	if (i < 0 || i >= t->n)
		return false;
	s = t->words[i].s;
	len = t->words[i].len;
	if (len == 0 || len > 24)
		return false;
	for (int j = 0; j < len; j++)
	{
		char		x = s[j];

		if (x >= 'A' && x <= 'Z')
			x = (char) (x - 'A' + 'a');
		if (w[j] == '\0' || w[j] != x)
			return false;
	}
	return w[len] == '\0';
}

/*
 * Does token i equal the ASCII word w (lowercase), ignoring case?  Inline:
 * with a literal w the length test rejects most tokens at once.
 */
static inline bool
diplo_tok_is(const DiploTokens *t, int i, const char *w)
{
	return i >= 0 && i < t->n && (size_t) t->words[i].len == strlen(w) &&
		diplo_tok_equals(t, i, w);
}

/*
 * Is token i a word of another language read as an English one ("que" read
 * "that", see data/languages.tsv)?  Never in English text.
 */
static inline bool
diplo_tok_aliased(const DiploTokens *t, int i)
{
	return i >= 0 && i < t->n && t->words[i].s != t->text + t->tok[i].start;
}

/* Is token i one of the NULL-terminated list of ASCII words (any case)? */
bool		diplo_tok_in(const DiploTokens *t, int i, const char *const *list);

/*
 * A fixed set of ASCII words (lowercase, NULL-terminated list of at most
 * DIPLO_WORDSET_MAX), hashed into its own static slots on first use, so
 * that a membership test costs one hash of the word instead of a scan of
 * the list.  Declare one with DIPLO_WORDSET(list) at file scope.
 */
#define DIPLO_WORDSET_SLOTS 1024
#define DIPLO_WORDSET_MAX	(DIPLO_WORDSET_SLOTS / 2)

typedef struct DiploWordSet
{
	const char *const *list;
	bool		ready;
	int16_t		slot[DIPLO_WORDSET_SLOTS];	/* list index + 1; 0 empty */
} DiploWordSet;

#define DIPLO_WORDSET(l) {(l), false, {0}}

/* Is token i one of the words of set (the probe, see diplo_tok_in_set)? */
bool		diplo_tok_in_set_probe(const DiploTokens *t, int i, DiploWordSet *set);

/*
 * Is token i one of the words of set (ASCII letters in any case)?  Inline:
 * a prepared word whose hash falls on an empty slot, the common case, is
 * answered at once.
 */
static inline bool
diplo_tok_in_set(const DiploTokens *t, int i, DiploWordSet *set)
{
	if (i < 0 || i >= t->n)
		return false;
	if (set->ready && t->words[i].lex != 0 &&
		set->slot[t->words[i].hash & (DIPLO_WORDSET_SLOTS - 1)] == 0)
		return false;
	return diplo_tok_in_set_probe(t, i, set);
}

/* Copy text[start, end) as valid UTF-8 (invalid bytes and NUL become U+FFFD). */
char	   *diplo_text_copy(const DiploAllocator *a, const char *text,
							size_t start, size_t end);

#endif							/* DIPLO_TEXT_H */
