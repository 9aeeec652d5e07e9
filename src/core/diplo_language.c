/*
 * diplo_language.c
 *		The languages of articles: the guess and the function words
 *		(data/languages.tsv, generated into lexicon_data.c).
 *
 * The words of every language are hashed once per process into a small
 * open-addressing table of static arrays, keyed by folded word (a slot
 * gives the word's entry in each language); a lookup folds the word
 * (ASCII and Latin-1 capitals, ’ made ') and probes it once for all
 * languages.
 */
#include "diplo_language.h"

#include <string.h>

#include "diplo_lexicon.h"
#include "diplo_text.h"

#define LW_SLOTS 1024			/* a power of two, more than twice the words */
#define LW_WORD_MAX 24			/* the generator refuses longer words */
#define GUESS_CLEAR_EN 12		/* English words after which a text four
								 * times as English as anything else is
								 * English */

/*
 * One folded word of any language: a word shared by languages ("que" of
 * French and Spanish) has one slot, so that a word of text is looked up
 * once for all of them.
 */
typedef struct LwSlot
{
	const char *word;			/* folded; NULL: an empty slot */
	int			len;
	uint32_t	hash;
	int16_t		idx[DIPLO_LANG_DE + 1];	/* by language: index + 1 into
										 * diplo_lex_lang_words, 0 none */
} LwSlot;

static LwSlot lw_slots[LW_SLOTS];
static int	lw_max_len;			/* the longest folded word */
static bool lw_ready;

/* Fold a word as the lexicon does into out; its length, or -1 if too long. */
static int
fold(const char *s, int len, char *out)
{
	DiploWord	w = {s, len, 0, 0};

	return diplo_lex_fold_word(w, out, LW_WORD_MAX, true);
}

/* The slot of a folded word (hash h), or of the empty slot it would take. */
static int
lw_probe(const char *s, int len, uint32_t h)
{
	int			k = (int) (h & (LW_SLOTS - 1));

	while (lw_slots[k].word != NULL)
	{
		const LwSlot *w = &lw_slots[k];

		if (w->hash == h && w->len == len && memcmp(w->word, s, len) == 0)
			break;
		k = (k + 1) & (LW_SLOTS - 1);
	}
	return k;
}

/* Hash the words of every language (once). */
static void
lw_build(void)
{
	int			n = diplo_lex_nlang_words;

	if (n * 2 > LW_SLOTS)
		n = LW_SLOTS / 2;
	for (int k = 0; k < n; k++)
	{
		const DiploLangWord *w = &diplo_lex_lang_words[k];
		int			len = (int) strlen(w->word);
		uint32_t	h = diplo_fnv1a(w->word, len);
		int			slot = lw_probe(w->word, len, h);

		if (w->lang < 0 || w->lang > DIPLO_LANG_DE)
			continue;
		if (lw_slots[slot].word == NULL)
		{
			lw_slots[slot].word = w->word;
			lw_slots[slot].len = len;
			lw_slots[slot].hash = h;
		}
		if (lw_slots[slot].idx[w->lang] == 0)
			lw_slots[slot].idx[w->lang] = (int16_t) (k + 1);
		if (len > lw_max_len)
			lw_max_len = len;
	}
	lw_ready = true;
}

/* The slot of the folded word buf[0, n) (n > 0), or NULL if no language has it. */
static const LwSlot *
lw_find_folded(const char *buf, int n)
{
	int			slot = lw_probe(buf, n, diplo_fnv1a(buf, n));

	return lw_slots[slot].word != NULL ? &lw_slots[slot] : NULL;
}

/* The function word of lang in slot w (may be NULL), or NULL. */
static const DiploLangWord *
lw_word(const LwSlot *w, int lang)
{
	if (w == NULL || lang < 0 || lang > DIPLO_LANG_DE || w->idx[lang] == 0)
		return NULL;
	return &diplo_lex_lang_words[w->idx[lang] - 1];
}

/* The slot of the word s[0, len) as written (folded here), or NULL. */
static const LwSlot *
lw_find_slot(const char *s, int len)
{
	char		buf[LW_WORD_MAX];
	int			n;

	if (!lw_ready)
		lw_build();
	if (len <= 0 || len > 4 * LW_WORD_MAX)
		return NULL;
	n = fold(s, len, buf);
	if (n <= 0)
		return NULL;
	return lw_find_folded(buf, n);
}

/* The function word s[0, len) of lang, or NULL. */
static const DiploLangWord *
lw_find(int lang, const char *s, int len)
{
	return lw_word(lw_find_slot(s, len), lang);
}

/* The English word that the word s[0, len) of lang is read as, or NULL. */
const char *
diplo_language_alias(DiploLanguage lang, const char *s, int len)
{
	const DiploLangWord *w;

	if (lang <= DIPLO_LANG_EN)
		return NULL;
	w = lw_find(lang, s, len);
	return w ? w->alias : NULL;
}

/* Is s[0, len) (ending in an apostrophe) an elision of lang? */
bool
diplo_language_elision(DiploLanguage lang, const char *s, int len)
{
	if (lang <= DIPLO_LANG_EN)
		return false;
	return lw_find(lang, s, len) != NULL;
}

/* Is the byte c an ASCII letter, digit or hyphen (part of a word for the guess)? */
static inline bool
guess_ascii(unsigned char c)
{
	return (unsigned) ((c | 0x20) - 'a') < 26 || (unsigned) (c - '0') < 10 ||
		c == '-';
}

/* Is cp part of a word for the guess (letters, digits, Latin letters)? */
static inline bool
guess_wordchar(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			(cp >= '0' && cp <= '9') || cp == '-';
	return cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7;
}

/*
 * Count one word of text for every language it is a function word of, and
 * in own[] for the one foreign language it belongs to alone ("los", not
 * "que" of French and Spanish).  apostrophe: the word has one (' or ’).
 */
static void
count_word(const char *s, int len, bool apostrophe,
		   int counts[DIPLO_LANG_DE + 1], int own[DIPLO_LANG_DE + 1])
{
	int			nforeign = 0;
	int			last = 0;
	char		folded[LW_WORD_MAX];
	int			nfolded;
	const LwSlot *whole;
	const LwSlot *elided = NULL;
	bool		elision_found = false;

	/* a capitalised "Le", "El", "Der" is most often part of a name */
	if (len <= 0 || len > 4 * LW_WORD_MAX || (s[0] >= 'A' && s[0] <= 'Z'))
		return;
	if (!lw_ready)
		lw_build();
	/* longer than any function word (as long folded, without an apostrophe) */
	if (!apostrophe && len > lw_max_len)
		return;
	nfolded = fold(s, len, folded);	/* once for all languages */
	whole = nfolded > 0 ? lw_find_folded(folded, nfolded) : NULL;
	for (int lang = DIPLO_LANG_EN; lang <= DIPLO_LANG_DE; lang++)
	{
		const DiploLangWord *w = lw_word(whole, lang);

		if (w == NULL && apostrophe)
		{
			/* an elision: "l'ambassadeur" counts its "l'" (found once) */
			if (!elision_found)
			{
				const char *apo = memchr(s, '\'', len);

				if (apo == NULL)
				{
					const char *p = s;

					while (p + 2 < s + len &&
						   !((unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 &&
							 (unsigned char) p[2] == 0x99))
						p++;
					if (p + 2 < s + len)
						apo = p + 2;
				}
				if (apo && apo > s)
					elided = lw_find_slot(s, (int) (apo - s) + 1);
				elision_found = true;
			}
			w = lw_word(elided, lang);
		}
		if (w != NULL && w->guess)
		{
			counts[lang]++;
			if (lang != DIPLO_LANG_EN)
			{
				nforeign++;
				last = lang;
			}
		}
	}
	if (nforeign == 1)
		own[last]++;
}

/* Count a letter that only one of the foreign languages writes (ñ, ç, ß ...). */
static void
own_letter(uint32_t cp, int own[DIPLO_LANG_DE + 1])
{
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		cp |= 0x20;				/* Latin-1 capitals to small letters */
	switch (cp)
	{
		case 0xF1:				/* ñ á í ó ú ¿ ¡ */
		case 0xE1:
		case 0xED:
		case 0xF3:
		case 0xFA:
		case 0xBF:
		case 0xA1:
			own[DIPLO_LANG_ES]++;
			break;
		case 0xE7:				/* ç è ê à â î ô û œ */
		case 0xE8:
		case 0xEA:
		case 0xE0:
		case 0xE2:
		case 0xEE:
		case 0xF4:
		case 0xFB:
		case 0x153:
			own[DIPLO_LANG_FR]++;
			break;
		case 0xE4:				/* ä ö ü ß */
		case 0xF6:
		case 0xFC:
		case 0xDF:
			own[DIPLO_LANG_DE]++;
			break;
	}
}

/* Function-word counts of each language, and of words or letters of one language alone. */
static void
language_counts(const DiploAllocator *a, const char *text, size_t len,
				int counts[DIPLO_LANG_DE + 1], int own[DIPLO_LANG_DE + 1],
				bool stop_when_english)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = 0;
	size_t		start = 0;
	bool		in_word = false;
	bool		apostrophe = false; /* the current word has one */

	memset(counts, 0, sizeof(int) * (DIPLO_LANG_DE + 1));
	memset(own, 0, sizeof(int) * (DIPLO_LANG_DE + 1));
	if (text == NULL)
		return;
	if (len > DIPLO_GUESS_BYTES)
		len = DIPLO_GUESS_BYTES;
	while (i <= len)
	{
		uint32_t	cp = ' ';
		int			n = 1;

		if (i < len && guess_ascii(s[i]))
		{
			/* a run of ASCII letters, digits and hyphens, inside a word */
			if (!in_word)
			{
				start = i;
				apostrophe = false;
			}
			in_word = true;
			do
			{
				if (a && (i & 4095) == 0)
					diplo_check_interrupts(a);
				i++;
			} while (i < len && guess_ascii(s[i]));
			continue;
		}
		if (i < len)
		{
			if (s[i] < 0x80)
				cp = s[i];
			else
			{
				n = diplo_utf8_decode(s + i, len - i, &cp);
				own_letter(cp, own);
			}
			if (a && (i & 4095) == 0)
				diplo_check_interrupts(a);
		}
		/* an apostrophe inside a word is part of it */
		if (in_word && (cp == '\'' || cp == 0x2019) && i + n < len &&
			guess_wordchar(s[i + n] < 0x80 ? s[i + n] : 0xC0))
		{
			apostrophe = true;
			i += n;
			continue;
		}
		if (i < len && guess_wordchar(cp))
		{
			if (!in_word)
			{
				start = i;
				apostrophe = false;
			}
			in_word = true;
		}
		else if (in_word)
		{
			in_word = false;
			count_word(text + start, (int) (i - start), apostrophe, counts,
					   own);
			/* clearly English already: the rest cannot change the guess much */
			if (stop_when_english && counts[DIPLO_LANG_EN] >= GUESS_CLEAR_EN &&
				counts[DIPLO_LANG_EN] > 4 * (counts[DIPLO_LANG_FR] +
											 counts[DIPLO_LANG_ES] +
											 counts[DIPLO_LANG_DE]))
				return;
		}
		i += n;
	}
}

/* How many function words of each language the guess counted. */
void
diplo_language_counts(const DiploAllocator *a, const char *text, size_t len,
					  int counts[DIPLO_LANG_DE + 1])
{
	int			own[DIPLO_LANG_DE + 1];

	language_counts(a, text, len, counts, own, false);
}

/* The language of text (see diplo_language.h). */
DiploLanguage
diplo_guess_language(const DiploAllocator *a, const char *text, size_t len)
{
	int			counts[DIPLO_LANG_DE + 1];
	int			own[DIPLO_LANG_DE + 1];
	int			best = DIPLO_LANG_FR;

	language_counts(a, text, len, counts, own, true);
	/* a tie ("que", "la" are French and Spanish) goes to the words of one alone */
	for (int lang = DIPLO_LANG_ES; lang <= DIPLO_LANG_DE; lang++)
		if (counts[lang] > counts[best] ||
			(counts[lang] == counts[best] && own[lang] > own[best]))
			best = lang;
	/* another language must lead English twice over, on two words at least */
	if (counts[best] >= 2 && counts[best] > 2 * counts[DIPLO_LANG_EN])
		return (DiploLanguage) best;
	return DIPLO_LANG_EN;
}
