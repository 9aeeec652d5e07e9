/*
 * diplo_text.c
 *		UTF-8 decoding, paragraphs, the tokenizer and the sentence splitter.
 */
#include "diplo_text.h"

#include "diplo_language.h"

#include <string.h>

#include "diplo_config.h"

/* Decode one character at s (n > 0 bytes left); an invalid byte is U+FFFD. */
int
diplo_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	int			need;
	uint32_t	v;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
	{
		need = 1;
		v = c & 0x1F;
	}
	else if (c >= 0xE0 && c <= 0xEF)
	{
		need = 2;
		v = c & 0x0F;
	}
	else if (c >= 0xF0 && c <= 0xF4)
	{
		need = 3;
		v = c & 0x07;
	}
	else
	{
		*cp = 0xFFFD;
		return 1;
	}
	if ((size_t) need >= n)
	{
		*cp = 0xFFFD;
		return 1;
	}
	for (int k = 1; k <= need; k++)
	{
		if ((s[k] & 0xC0) != 0x80)
		{
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[k] & 0x3F);
	}
	/* overlong forms, surrogates and values past U+10FFFF are invalid */
	if ((need == 2 && v < 0x800) || (need == 3 && v < 0x10000) ||
		(v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
	{
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return need + 1;
}

/* Is b an ASCII whitespace byte (a paragraph or token separator)? */
static bool
is_ascii_space(unsigned char b)
{
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' ||
		b == '\f';
}

/* Is cp a space character (ASCII or Unicode)? */
static bool
cp_is_space(uint32_t cp)
{
	return (cp < 0x80 && is_ascii_space((unsigned char) cp)) || cp == 0xA0 ||
		(cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
		cp == 0x3000 || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029;
}

/* The class of each byte: an ASCII lowercase letter, capital or digit, else 0. */
#define ASCII_LOWER 1
#define ASCII_UPPER 2
#define ASCII_DIGIT 4
static const uint8_t ascii_alnum[256] = {
	['0'] = ASCII_DIGIT, ['1'] = ASCII_DIGIT, ['2'] = ASCII_DIGIT,
	['3'] = ASCII_DIGIT, ['4'] = ASCII_DIGIT, ['5'] = ASCII_DIGIT,
	['6'] = ASCII_DIGIT, ['7'] = ASCII_DIGIT, ['8'] = ASCII_DIGIT,
	['9'] = ASCII_DIGIT,
	['A'] = ASCII_UPPER, ['B'] = ASCII_UPPER, ['C'] = ASCII_UPPER,
	['D'] = ASCII_UPPER, ['E'] = ASCII_UPPER, ['F'] = ASCII_UPPER,
	['G'] = ASCII_UPPER, ['H'] = ASCII_UPPER, ['I'] = ASCII_UPPER,
	['J'] = ASCII_UPPER, ['K'] = ASCII_UPPER, ['L'] = ASCII_UPPER,
	['M'] = ASCII_UPPER, ['N'] = ASCII_UPPER, ['O'] = ASCII_UPPER,
	['P'] = ASCII_UPPER, ['Q'] = ASCII_UPPER, ['R'] = ASCII_UPPER,
	['S'] = ASCII_UPPER, ['T'] = ASCII_UPPER, ['U'] = ASCII_UPPER,
	['V'] = ASCII_UPPER, ['W'] = ASCII_UPPER, ['X'] = ASCII_UPPER,
	['Y'] = ASCII_UPPER, ['Z'] = ASCII_UPPER,
	['a'] = ASCII_LOWER, ['b'] = ASCII_LOWER, ['c'] = ASCII_LOWER,
	['d'] = ASCII_LOWER, ['e'] = ASCII_LOWER, ['f'] = ASCII_LOWER,
	['g'] = ASCII_LOWER, ['h'] = ASCII_LOWER, ['i'] = ASCII_LOWER,
	['j'] = ASCII_LOWER, ['k'] = ASCII_LOWER, ['l'] = ASCII_LOWER,
	['m'] = ASCII_LOWER, ['n'] = ASCII_LOWER, ['o'] = ASCII_LOWER,
	['p'] = ASCII_LOWER, ['q'] = ASCII_LOWER, ['r'] = ASCII_LOWER,
	['s'] = ASCII_LOWER, ['t'] = ASCII_LOWER, ['u'] = ASCII_LOWER,
	['v'] = ASCII_LOWER, ['w'] = ASCII_LOWER, ['x'] = ASCII_LOWER,
	['y'] = ASCII_LOWER, ['z'] = ASCII_LOWER,
};

/* Is cp a letter or digit (anything that is not punctuation or space)? */
static bool
cp_is_wordchar(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
			(cp >= 'A' && cp <= 'Z');
	if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)
		return true;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
		return false;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return false;
	if (cp >= 0x3000 && cp <= 0x303F)
		return false;
	if (cp >= 0xFE30 && cp <= 0xFE4F)
		return false;
	if (cp >= 0xFF00 && cp <= 0xFF20)
		return false;
	return !cp_is_space(cp);
}

/* Is cp an uppercase letter (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic)? */
static bool
cp_is_upper(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
		(cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) ||
		(cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

/* Is cp a lowercase letter? */
static bool
cp_is_lower(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
		(cp >= 0x100 && cp <= 0x17F && cp % 2 == 1) ||
		(cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F);
}

/* Is cp a double quote mark (not counting the two-byte '' and ``)? */
static bool
cp_is_mark(uint32_t cp, DiploMarkGlyph *glyph)
{
	switch (cp)
	{
		case '"':
			*glyph = DIPLO_MARK_STRAIGHT;
			return true;
		case 0x201C:			/* “ */
		case 0x201E:			/* „ */
		case 0xAB:				/* « */
			*glyph = DIPLO_MARK_OPEN;
			return true;
		case 0x201D:			/* ” */
		case 0xBB:				/* » */
			*glyph = DIPLO_MARK_CLOSE;
			return true;
		default:
			return false;
	}
}

#define ONES8 UINT64_C(0x0101010101010101)
#define HIGHS8 UINT64_C(0x8080808080808080)

/* Are the eight bytes at s all ASCII? */
static inline bool
ascii8(const unsigned char *s)
{
	uint64_t	x;

	memcpy(&x, s, 8);
	return (x & HIGHS8) == 0;
}

/* Are the eight bytes at s all ASCII and none of them NUL? */
static inline bool
ascii8_no_nul(const unsigned char *s)
{
	uint64_t	x;

	memcpy(&x, s, 8);
	/* (x - ONES8) & ~x has a high bit set if and only if some byte is 0 */
	return ((x | ((x - ONES8) & ~x)) & HIGHS8) == 0;
}

/* Start iterating over the paragraphs of text. */
void
diplo_paragraphs_init(DiploParagraphs *it, const char *text, size_t len)
{
	it->text = text;
	it->len = len;
	it->pos = 0;
	it->cpos = 0;
}

/* Fill p with the next non-empty paragraph; false at the end. */
bool
diplo_paragraphs_next(const DiploAllocator *a, DiploParagraphs *it,
					  DiploParagraph *p)
{
	const unsigned char *s = (const unsigned char *) it->text;
	size_t		i;
	int64_t		c;
	size_t		last_sent = 0,
				last_space = 0;
	int64_t		last_sent_c = 0,
				last_space_c = 0;
	bool		window = false;

	while (it->pos < it->len && is_ascii_space(s[it->pos]))
	{
		it->pos++;
		it->cpos++;
	}
	if (it->pos >= it->len)
		return false;
	p->start = it->pos;
	p->cstart = it->cpos;
	i = it->pos;
	c = it->cpos;
	{
		/*
		 * The common case: the line ends (or the text does) within the
		 * window, so only its characters need counting.  A newline is
		 * always a character boundary, even in invalid UTF-8.
		 */
		size_t		lim = it->len - i > DIPLO_MAX_PARAGRAPH ?
			i + DIPLO_MAX_PARAGRAPH : it->len;
		const unsigned char *nl = memchr(s + i, '\n', lim - i);

		if (nl != NULL || lim == it->len)
		{
			size_t		end = nl ? (size_t) (nl - s) : lim;

			while (i < end)
			{
				size_t		chunk = end - i < 4096 ? end : i + 4096;

				diplo_check_interrupts(a);
				while (i < chunk)
				{
					if (i + 8 <= chunk && ascii8(s + i))
					{
						/* eight ASCII bytes, eight characters */
						i += 8;
						c += 8;
						continue;
					}
					if (s[i] < 0x80)
						i++;
					else
					{
						uint32_t	cp;

						i += diplo_utf8_decode(s + i, it->len - i, &cp);
					}
					c++;
				}
			}
			it->pos = i;
			it->cpos = c;
			p->window = false;
			while (i > p->start && is_ascii_space(s[i - 1]))
				i--;
			p->end = i;
			return true;
		}
	}
	while (i < it->len && s[i] != '\n')
	{
		uint32_t	cp;
		int			n;

		if (i - p->start >= DIPLO_MAX_PARAGRAPH)
		{
			window = true;
			break;
		}
		if (((i - p->start) & 4095) == 0)
			diplo_check_interrupts(a);
		if (s[i] < 0x80)
			n = 1;
		else
			n = diplo_utf8_decode(s + i, it->len - i, &cp);
		if (s[i] == ' ' || s[i] == '\t')
		{
			last_space = i;
			last_space_c = c;
			if (i > p->start && (s[i - 1] == '.' || s[i - 1] == '!' ||
								 s[i - 1] == '?'))
			{
				last_sent = i;
				last_sent_c = c;
			}
		}
		i += n;
		c++;
	}
	if (window)
	{
		/* cut at the last sentence end, else space, in the window's second half */
		if (last_sent > p->start + DIPLO_MAX_PARAGRAPH / 2)
		{
			i = last_sent;
			c = last_sent_c;
		}
		else if (last_space > p->start + DIPLO_MAX_PARAGRAPH / 2)
		{
			i = last_space;
			c = last_space_c;
		}
	}
	it->pos = i;
	it->cpos = c;
	p->window = window;
	while (i > p->start && is_ascii_space(s[i - 1]))
		i--;
	p->end = i;
	return true;
}

/* Does the text at byte pos (after spaces) start with an opening mark? */
bool
diplo_starts_with_opening_mark(const char *text, size_t len, size_t pos)
{
	const unsigned char *s = (const unsigned char *) text;
	int			k;

	/* bounded: look past at most 64 spaces */
	for (k = 0; k < 64 && pos < len && is_ascii_space(s[pos]); k++)
		pos++;
	if (pos >= len)
		return false;
	if (s[pos] == '"')
		return true;
	if (pos + 1 < len && s[pos] == '`' && s[pos + 1] == '`')
		return true;
	if (pos + 1 < len && s[pos] == '\'' && s[pos + 1] == '\'')
		return true;
	if (pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 &&
		(s[pos + 2] == 0x9C || s[pos + 2] == 0x9E))
		return true;
	if (pos + 1 < len && s[pos] == 0xC2 && s[pos + 1] == 0xAB)
		return true;
	return false;
}

/* Abbreviations that keep their period (lowercase, without the period). */
static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "sen", "gov", "rep", "gen", "col", "lt", "sgt",
	"capt", "prof", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs",
	"jan", "feb", "aug", "sept", "oct", "nov", "dec", "ft", "mt", "rev",
	"adm", "cmdr", "maj", "sens", "reps", "messrs", "amb", "dept", "gens",
	"govt", "pres", "supt", "hon", "no", NULL
};

static DiploWordSet abbreviations_set = DIPLO_WORDSET(abbreviations);

static bool wordset_has(DiploWordSet *set, const char *s, size_t len);

/* Is s[0, len) (ASCII, any case) in the NULL-terminated list? */
static bool
word_in_list(const char *s, size_t len, const char *const *list)
{
	char		first;

	if (len == 0 || len > 24)
		return false;
	first = s[0];
	if (first >= 'A' && first <= 'Z')
		first = (char) (first - 'A' + 'a');
	for (int k = 0; list[k]; k++)
	{
		const char *w = list[k];
		size_t		j;

		if (w[0] != first)
			continue;
		for (j = 1; j < len; j++)
		{
			char		x = s[j];

			if (x >= 'A' && x <= 'Z')
				x = (char) (x - 'A' + 'a');
			if (w[j] == '\0' || x != w[j])
				break;
		}
		if (j == len && w[len] == '\0')
			return true;
	}
	return false;
}

/* Append a token to out, growing it. */
static DiploToken *
push_token(const DiploAllocator *a, DiploTokens *out)
{
	if (out->n == out->cap)
	{
		int			ncap = out->cap ? out->cap * 2 : 64;

		out->tok = diplo_realloc(a, out->tok, sizeof(DiploToken) * ncap);
		out->words = diplo_realloc(a, out->words, sizeof(DiploWord) * ncap);
		out->cue = diplo_realloc(a, out->cue, sizeof(DiploCue *) * ncap);
		out->cap = ncap;
	}
	memset(&out->tok[out->n], 0, sizeof(DiploToken));
	return &out->tok[out->n++];
}

/* Cut text[p->start, p->end) into tokens (reusing the arrays of out). */
void
diplo_tokenize(const DiploAllocator *a, const char *text,
			   const DiploParagraph *p, DiploTokens *out)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = p->start;
	size_t		end = p->end;
	int64_t		c = p->cstart;
	bool		space = true;
	DiploLanguage lang = (DiploLanguage) diplo_lex_language();
	bool		dialogue = false;	/* a dialogue dash opened the paragraph */

	out->text = text;
	out->n = 0;
	out->nsent = 0;
	while (i < end)
	{
		uint32_t	cp;
		int			n;
		DiploToken *t;
		DiploMarkGlyph glyph;

		if (s[i] < 0x80)
		{
			cp = s[i];
			n = 1;
		}
		else
			n = diplo_utf8_decode(s + i, end - i, &cp);
		if (cp < 0x80 ? is_ascii_space((unsigned char) cp) : cp_is_space(cp))
		{
			i += n;
			c++;
			space = true;
			continue;
		}
		diplo_check_interrupts(a);
		t = push_token(a, out);
		t->start = i;
		t->cstart = c;
		t->flags = space ? DIPLO_TF_SPACE : 0;
		space = false;
		if (cp < 0x80 ? ascii_alnum[cp] != 0 : cp_is_wordchar(cp))
		{
			bool		upper = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : cp_is_upper(cp);
			int			nupper = 0,
						nlower = 0;
			int			seglen = 0; /* letters since the last period */
			bool		dotted = false;

			t->kind = (cp < 0x80 && cp >= '0' && cp <= '9') ? DIPLO_TOK_NUMBER : DIPLO_TOK_WORD;
			t->flags |= upper ? DIPLO_TF_CAP :
				((cp < 0x80 ? (ascii_alnum[cp] & ASCII_LOWER) != 0 : cp_is_lower(cp)) ?
				 DIPLO_TF_LOWER : 0);
			while (i < end)
			{
				uint32_t	x,
							y = 0;
				int			m;
				int			m2 = 0;

				if (s[i] < 0x80)
				{
					unsigned char b = s[i];

					if (ascii_alnum[b])
					{
						/*
						 * a run of ASCII letters and digits at once (the
						 * cases count only after a capital: all capitals?)
						 */
						size_t		r = i;

						if (upper)
						{
							unsigned	v;

							while (r < end && (v = ascii_alnum[s[r]]) != 0)
							{
								nlower += v & ASCII_LOWER;
								nupper += (v & ASCII_UPPER) >> 1;
								r++;
							}
						}
						else
							while (r < end && ascii_alnum[s[r]] != 0)
								r++;
						seglen += (int) (r - i);
						c += (int64_t) (r - i);
						i = r;
						continue;
					}
					/* only these need the character after them */
					if (b != '-' && b != '&' && b != '\'' && b != '.')
						break;
					x = b;
					m = 1;
				}
				else
				{
					m = diplo_utf8_decode(s + i, end - i, &x);
					if (cp_is_wordchar(x))
					{
						if (cp_is_upper(x))
							nupper++;
						else if (cp_is_lower(x))
							nlower++;
						seglen++;
						i += m;
						c++;
						continue;
					}
				}
				if (i + m < end)
					m2 = diplo_utf8_decode(s + i + m, end - i - m, &y);
				if ((x == '-' || x == '&') && m2 && cp_is_wordchar(y))
				{
					i += m;
					c++;
					seglen = 0;
					continue;
				}
				if ((x == '\'' || x == 0x2019) && m2 && cp_is_wordchar(y) &&
					lang != DIPLO_LANG_EN &&
					diplo_language_elision(lang, text + t->start,
										   (int) (i + m - t->start)))
				{
					/* a French elision is a word: "qu'" "il", "l'" "accord" */
					i += m;
					c++;
					break;
				}
				if ((x == '\'' || x == 0x2019) && m2 && cp_is_wordchar(y))
				{
					/* split off a final possessive 's */
					if ((y == 's' || y == 'S') &&
						(i + m + m2 >= end ||
						 !cp_is_wordchar(s[i + m + m2] < 0x80 ? s[i + m + m2] : 0xC0)))
						break;
					i += m;
					c++;
					seglen = 0;
					continue;
				}
				if (x == '.' && m2 && cp_is_wordchar(y) &&
					(seglen <= 2 || (y >= '0' && y <= '9')))
				{
					/* U.S, e.g, 3.5 */
					i += m;
					c++;
					seglen = 0;
					dotted = true;
					continue;
				}
				break;
			}
			if (i < end && s[i] == '.')
			{
				size_t		wl = i - t->start;
				bool		initial = (wl == 1 && upper);

				if (dotted || initial ||
					wordset_has(&abbreviations_set, text + t->start, wl))
				{
					/* "No." only before a number */
					if (!(wl == 2 && (s[t->start] | 0x20) == 'n' &&
						  !(i + 2 < end && s[i + 1] == ' ' && s[i + 2] >= '0' && s[i + 2] <= '9')))
					{
						i++;
						c++;
						t->flags |= DIPLO_TF_ABBREV;
						if (initial)
							t->flags |= DIPLO_TF_INITIAL;
					}
				}
			}
			if (upper && nupper + 1 >= 2 && nlower == 0)
				t->flags |= DIPLO_TF_ALLCAPS;
		}
		else if ((cp == '\'' || cp == 0x2019) && i + n < end &&
				 (s[i + n] == 's' || s[i + n] == 'S') &&
				 (i + n + 1 >= end || !cp_is_wordchar(s[i + n + 1] < 0x80 ? s[i + n + 1] : 0xC0)))
		{
			/* the possessive 's */
			t->kind = DIPLO_TOK_WORD;
			i += n + 1;
			c += 2;
		}
		else if (cp == 0x2014 && lang == DIPLO_LANG_ES && i + n < end &&
				 !is_ascii_space(s[i + n]) &&
				 ((out->n == 1 && !dialogue) ||
				  (dialogue && (t->flags & DIPLO_TF_SPACE) && s[i + n] >= 'a' &&
				   s[i + n] <= 'z')))
		{
			/*
			 * The Spanish dialogue dash: "—Estamos listos —dijo Ana López."
			 * opens at the paragraph's start and closes before the verb
			 */
			t->kind = DIPLO_TOK_QUOTE;
			t->glyph = dialogue ? DIPLO_MARK_CLOSE : DIPLO_MARK_OPEN;
			dialogue = !dialogue;
			i += n;
			c++;
		}
		else if (cp_is_mark(cp, &glyph))
		{
			t->kind = DIPLO_TOK_QUOTE;
			/* German quotes „...“ close with the English opening mark */
			if (lang == DIPLO_LANG_DE && cp == 0x201C)
				glyph = DIPLO_MARK_CLOSE;
			t->glyph = glyph;
			i += n;
			c++;
		}
		else if ((cp == '\'' || cp == '`') && i + 1 < end && s[i + 1] == cp)
		{
			t->kind = DIPLO_TOK_QUOTE;
			t->glyph = cp == '`' ? DIPLO_MARK_OPEN : DIPLO_MARK_STRAIGHT;
			i += 2;
			c += 2;
		}
		else if ((cp == '-' || cp == '.') && i + 1 < end && s[i + 1] == cp)
		{
			/* -- and ... */
			t->kind = DIPLO_TOK_PUNCT;
			while (i < end && s[i] == cp && i - t->start < 8)
			{
				i++;
				c++;
			}
		}
		else
		{
			t->kind = DIPLO_TOK_PUNCT;
			i += n;
			c++;
		}
		t->end = i;
		t->cend = c;
	}
	for (int k = 0; k < out->n; k++)
	{
		DiploWord  *w = &out->words[k];

		w->s = text + out->tok[k].start;
		w->len = (int) (out->tok[k].end - out->tok[k].start);
		w->lex = 0;
		out->cue[k] = NULL;
		if (out->tok[k].kind == DIPLO_TOK_WORD)
		{
			const char *alias = lang != DIPLO_LANG_EN ?
				diplo_language_alias(lang, w->s, w->len) : NULL;

			/*
			 * "que" is read "that" (the token keeps its offsets); an article
			 * before a capitalised word may be part of a name ("Le Drian")
			 */
			if (alias != NULL && strcmp(alias, "the") == 0 && k + 1 < out->n &&
				out->tok[k + 1].kind == DIPLO_TOK_WORD &&
				(out->tok[k + 1].flags & DIPLO_TF_CAP))
				alias = NULL;
			if (alias != NULL)
			{
				w->s = alias;
				w->len = (int) strlen(alias);
			}
			out->cue[k] = diplo_lex_prepare_cue(w);
		}
	}
	/* the cue verbs of a configuration (issue 7), which win over built-in ones */
	if (out->config != NULL)
		for (int k = 0; k < out->n; k++)
			if (out->tok[k].kind == DIPLO_TOK_WORD)
			{
				const DiploCue *c = diplo_config_cue(out->config, out->words[k]);

				if (c != NULL)
					out->cue[k] = c;
			}
}

/* Capitalised function words that begin a sentence after "U.S." */
static const char *const sentence_openers[] = {
	"the", "he", "she", "it", "they", "we", "i", "but", "in", "on", "at",
	"a", "an", "this", "that", "his", "her", "their", "our", "its", "there",
	"as", "for", "after", "when", "while", "if", "meanwhile", "however",
	"and", "so", "yet", "during", NULL
};

static DiploWordSet sentence_openers_set = DIPLO_WORDSET(sentence_openers);

/* Does token i end a sentence (given the token after it, j)? */
static bool
ends_sentence(const DiploTokens *t, int i, int j)
{
	const DiploToken *a = &t->tok[i];
	const DiploToken *b;

	if (j >= t->n)
		return true;
	b = &t->tok[j];
	if (a->kind == DIPLO_TOK_PUNCT)
	{
		char		ch = t->text[a->start];

		if (ch != '.' && ch != '!' && ch != '?')
			return false;
		if (ch == '.' && a->end - a->start > 1)
			return (b->flags & DIPLO_TF_CAP) != 0;	/* ellipsis */
		return (b->flags & DIPLO_TF_CAP) != 0 || b->kind == DIPLO_TOK_QUOTE ||
			b->kind == DIPLO_TOK_NUMBER || t->text[b->start] == '(';
	}
	if ((a->flags & DIPLO_TF_INITIAL) && (b->flags & DIPLO_TF_CAP) &&
		diplo_tok_in_set(t, j, &sentence_openers_set))
		return true;
	if ((a->flags & DIPLO_TF_ABBREV) && !(a->flags & DIPLO_TF_INITIAL) &&
		memchr(t->text + a->start, '.', a->end - a->start - 1) != NULL)
	{
		/* U.S. ends a sentence before "He ..." or "Qureshi says" */
		if (!(b->flags & DIPLO_TF_CAP))
			return false;
		if (diplo_tok_in_set(t, j, &sentence_openers_set))
			return true;
		if (j + 1 < t->n && diplo_tok_cue(t, j + 1) != NULL &&
			(t->tok[j + 1].flags & DIPLO_TF_LOWER))
			return true;
	}
	return false;
}

/* Append a sentence start. */
static void
push_sentence(const DiploAllocator *a, DiploTokens *t, int start)
{
	if (t->nsent == t->sent_cap)
	{
		int			ncap = t->sent_cap ? t->sent_cap * 2 : 32;

		t->sent_start = diplo_realloc(a, t->sent_start, sizeof(int) * ncap);
		t->sent_cap = ncap;
	}
	t->sent_start[t->nsent++] = start;
}

/* Mark sentence starts (closing marks and brackets stay with the sentence). */
void
diplo_split_sentences(const DiploAllocator *a, DiploTokens *t,
					  const int8_t *mark_dir)
{
	int			i = 0;

	t->nsent = 0;
	if (t->n == 0)
		return;
	push_sentence(a, t, 0);
	while (i < t->n)
	{
		int			j = i + 1;

		t->tok[i].sentence = t->nsent - 1;
		if ((i & 1023) == 0)
			diplo_check_interrupts(a);
		/* only punctuation or an abbreviation can end one (ends_sentence) */
		if (t->tok[i].kind != DIPLO_TOK_PUNCT &&
			!(t->tok[i].flags & (DIPLO_TF_INITIAL | DIPLO_TF_ABBREV)))
		{
			i++;
			continue;
		}
		/* closing marks and brackets after the period belong to it */
		while (j < t->n && j - i < 4 &&
			   ((t->tok[j].kind == DIPLO_TOK_QUOTE && mark_dir && mark_dir[j] < 0) ||
				(t->tok[j].kind == DIPLO_TOK_PUNCT &&
				 (t->text[t->tok[j].start] == ')' || t->text[t->tok[j].start] == ']'))))
			j++;
		if (j < t->n && ends_sentence(t, i, j))
		{
			for (int k = i + 1; k < j; k++)
				t->tok[k].sentence = t->nsent - 1;
			push_sentence(a, t, j);
			i = j;
			continue;
		}
		i++;
	}
	for (int k = 0; k < t->nsent; k++)
		t->tok[t->sent_start[k]].flags |= DIPLO_TF_SENT_START;
}

/* Token i's sentence end (one past its last token). */
int
diplo_sentence_end(const DiploTokens *t, int i)
{
	int			s = t->tok[i].sentence;

	return s + 1 < t->nsent ? t->sent_start[s + 1] : t->n;
}

/* Free a token array. */
void
diplo_tokens_free(const DiploAllocator *a, DiploTokens *t)
{
	diplo_free(a, t->tok);
	diplo_free(a, t->words);
	diplo_free(a, t->cue);
	diplo_free(a, t->sent_start);
	memset(t, 0, sizeof(*t));
}

/* Is token i one of the NULL-terminated list of ASCII words (any case)? */
bool
diplo_tok_in(const DiploTokens *t, int i, const char *const *list)
{
	if (i < 0 || i >= t->n)
		return false;
	return word_in_list(t->words[i].s, (size_t) t->words[i].len, list);
}

/* Hash of len bytes with ASCII capitals folded; false if not a short word. */
static bool
wordset_hash(const char *s, size_t len, char *out, uint32_t *h)
{
	uint32_t	v = 2166136261u;

	if (len == 0 || len > 24)
		return false;
	for (size_t j = 0; j < len; j++)
	{
		char		x = s[j];

		if (x >= 'A' && x <= 'Z')
			x = (char) (x - 'A' + 'a');
		out[j] = x;
		v = (v ^ (unsigned char) x) * 16777619u;
	}
	*h = v;
	return true;
}

/* Hash the words of set into its slots (once; the same result every time). */
static void
wordset_build(DiploWordSet *set)
{
	for (int k = 0; set->list[k] && k < DIPLO_WORDSET_MAX; k++)
	{
		char		buf[32];
		uint32_t	h;
		int			j;

		if (!wordset_hash(set->list[k], strlen(set->list[k]), buf, &h))
			continue;
		j = (int) (h & (DIPLO_WORDSET_SLOTS - 1));
		while (set->slot[j] != 0)
		{
			if (strcmp(set->list[set->slot[j] - 1], set->list[k]) == 0)
				break;
			j = (j + 1) & (DIPLO_WORDSET_SLOTS - 1);
		}
		if (set->slot[j] == 0)
			set->slot[j] = (int16_t) (k + 1);
	}
	set->ready = true;
}

/* Is s[0, len) one of the words of set (ASCII letters in any case)? */
static bool
wordset_has(DiploWordSet *set, const char *s, size_t len)
{
	char		buf[32];
	uint32_t	h;

	if (!set->ready)
		wordset_build(set);
	if (!wordset_hash(s, len, buf, &h))
		return false;
	for (int j = (int) (h & (DIPLO_WORDSET_SLOTS - 1)); set->slot[j] != 0;
		 j = (j + 1) & (DIPLO_WORDSET_SLOTS - 1))
	{
		const char *w = set->list[set->slot[j] - 1];
		size_t		k;

		for (k = 0; k < len && w[k] != '\0' && w[k] == buf[k]; k++)
			;
		if (k == len && w[len] == '\0')
			return true;
	}
	return false;
}

/* Is token i one of the words of set (the probe, see diplo_tok_in_set)? */
bool
diplo_tok_in_set_probe(const DiploTokens *t, int i, DiploWordSet *set)
{
	char		buf[32];
	uint32_t	h;
	size_t		len;
	int			j;

	if (i < 0 || i >= t->n)
		return false;
	if (!set->ready)
		wordset_build(set);
	len = (size_t) t->words[i].len;
	if (len == 0 || len > 24)
		return false;
	/* the lexicon hashed the folded word already: the same hash for ASCII */
	if (t->words[i].lex != 0)
		h = t->words[i].hash;
	else if (!wordset_hash(t->words[i].s, len, buf, &h))
		return false;
	for (j = (int) (h & (DIPLO_WORDSET_SLOTS - 1)); set->slot[j] != 0;
		 j = (j + 1) & (DIPLO_WORDSET_SLOTS - 1))
	{
		const char *w = set->list[set->slot[j] - 1];
		size_t		k;

		for (k = 0; k < len; k++)
		{
			char		x = t->words[i].s[k];

			if (x >= 'A' && x <= 'Z')
				x = (char) (x - 'A' + 'a');
			if (w[k] == '\0' || w[k] != x)
				break;
		}
		if (k == len && w[len] == '\0')
			return true;
	}
	return false;
}

/* Copy text[start, end) as valid UTF-8 (invalid bytes and NUL become U+FFFD). */
char *
diplo_text_copy(const DiploAllocator *a, const char *text, size_t start,
				size_t end)
{
	const unsigned char *s = (const unsigned char *) text;
	char	   *r;
	size_t		o = 0;
	size_t		need = 0;
	size_t		i;

	/* the exact size first: U+FFFD takes 3 bytes for 1 */
	for (i = start; i < end;)
	{
		uint32_t	cp;
		int			n;

		if ((i & 4095) == 0)
			diplo_check_interrupts(a);
		if (i + 8 <= end && ((i + 8) & 4095) >= 8 && ascii8_no_nul(s + i))
		{
			/*
			 * eight ASCII bytes, none NUL (not past a multiple of 4096,
			 * where the interrupts are checked)
			 */
			need += 8;
			i += 8;
			continue;
		}
		if (s[i] > 0 && s[i] < 0x80)
		{
			need++;
			i++;
			continue;
		}
		n = diplo_utf8_decode(s + i, end - i, &cp);
		need += ((cp == 0xFFFD && n == 1) || cp == 0) ? 3 : (size_t) n;
		i += n;
	}
	r = diplo_alloc(a, need + 1);
	for (i = start; i < end;)
	{
		uint32_t	cp;
		int			n;

		if (i + 8 <= end && ascii8_no_nul(s + i))
		{
			memcpy(r + o, s + i, 8);
			o += 8;
			i += 8;
			continue;
		}
		if (s[i] > 0 && s[i] < 0x80)
		{
			r[o++] = (char) s[i++];
			continue;
		}
		n = diplo_utf8_decode(s + i, end - i, &cp);
		if ((cp == 0xFFFD && n == 1) || cp == 0)
		{
			r[o++] = (char) 0xEF;
			r[o++] = (char) 0xBF;
			r[o++] = (char) 0xBD;
		}
		else
		{
			memcpy(r + o, s + i, n);
			o += n;
		}
		i += n;
	}
	r[o] = '\0';
	return r;
}
