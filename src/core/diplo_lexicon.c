/*
 * diplo_lexicon.c
 *		Lookups over the generated lexicon tables (lexicon_data.c).
 *
 * Every table is an array of keys sorted bytewise; a key is a phrase's
 * words folded (ASCII and Latin-1 capitals lowercased, ’ and ‘ made ')
 * and joined by one space.  A lookup folds the text's words the same way
 * into a stack buffer and binary-searches, longest phrase first.  The
 * keys that start with the first word form one contiguous run, found
 * first, so a miss (the common case) costs one binary search.  Lookups
 * allocate nothing and, except for topics (which use the process's
 * stemmer), are thread-safe once diplo_lexicon_init has run.
 */
#include "diplo_lexicon.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

/* Room for one key: the generator refuses longer phrases (200 bytes). */
#define KEY_BUF_SIZE 256

/* Words longer than this are never stemmed (no keyword is that long). */
#define STEM_WORD_MAX 64

static struct sb_stemmer *topic_stemmer;
static int	topic_nstems;
static bool lexicon_ready;

/* Fold one word (case, apostrophes) into out; its length, or -1 if too long. */
static int
fold_word(DiploWord w, char *out, int cap, bool fold_case)
{
	const unsigned char *s = (const unsigned char *) w.s;
	int			n = 0;

	if (w.s == NULL || w.len < 0)
		return -1;
	for (int i = 0; i < w.len; i++)
	{
		unsigned char c = s[i];

		if (n >= cap)
			return -1;
		if (c >= 'A' && c <= 'Z' && fold_case)
			out[n++] = (char) (c + 0x20);
		else if (c == 0xC3 && i + 1 < w.len && fold_case &&
				 s[i + 1] >= 0x80 && s[i + 1] <= 0x9E && s[i + 1] != 0x97)
		{
			/* À..Þ (but not ×) to à..þ: same lead byte, +0x20 */
			if (n + 2 > cap)
				return -1;
			out[n++] = (char) c;
			out[n++] = (char) (s[i + 1] + 0x20);
			i++;
		}
		else if (c == 0xE2 && i + 2 < w.len && s[i + 1] == 0x80 &&
				 (s[i + 2] == 0x98 || s[i + 2] == 0x99))
		{
			/* ‘ and ’ to ' */
			out[n++] = '\'';
			i += 2;
		}
		else
			out[n++] = (char) c;
	}
	return n;
}

/* Join words[i..i+count) folded, one space apart; the length, or -1. */
static int
build_key(const DiploWord *words, int i, int count, char *out, int cap,
		  bool fold_case)
{
	int			n = 0;

	for (int j = 0; j < count; j++)
	{
		int			len;

		if (j > 0)
		{
			if (n >= cap)
				return -1;
			out[n++] = ' ';
		}
		len = fold_word(words[i + j], out + n, cap - n, fold_case);
		if (len < 0)
			return -1;
		n += len;
	}
	return n;
}

/* Compare a table key with a key of keylen bytes, bytewise like strcmp. */
static int
compare_key(const char *entry, const char *key, int keylen)
{
	const unsigned char *e = (const unsigned char *) entry;
	const unsigned char *k = (const unsigned char *) key;

	for (int j = 0; j < keylen; j++)
	{
		if (e[j] == '\0')
			return -1;
		if (e[j] != k[j])
			return e[j] < k[j] ? -1 : 1;
	}
	return e[keylen] == '\0' ? 0 : 1;
}

/* The first position in keys[lo..hi) whose key is not below key. */
static int
lower_bound(const DiploLexKey *keys, int lo, int hi, const char *key,
			int keylen)
{
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (compare_key(keys[mid].key, key, keylen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The run keys[*lo..*hi) of keys that are the folded word in buf, or start
 * with it and a space; false if there is none.
 */
static bool
first_word_run(const DiploLexKey *keys, int nkeys, char *buf, int len,
			   int *lo, int *hi)
{
	*lo = lower_bound(keys, 0, nkeys, buf, len);
	if (*lo >= nkeys)
		return false;
	/* '!' follows ' ' in ASCII: "w!" bounds every "w ..." from above */
	buf[len] = '!';
	*hi = lower_bound(keys, *lo, nkeys, buf, len + 1);
	return *hi > *lo;
}

/* Longest entry of index starting at words[i]; NULL if none. */
static const DiploLexKey *
index_lookup(const DiploLexIndex *index, const DiploWord *words, int nwords,
			 int i, int *matched)
{
	char		buf[KEY_BUF_SIZE];
	char		exact[KEY_BUF_SIZE];
	int			len;
	int			lo;
	int			hi;
	int			maxlen;

	if (matched)
		*matched = 0;
	if (words == NULL || i < 0 || i >= nwords || index->nkeys == 0)
		return NULL;
	len = fold_word(words[i], buf, KEY_BUF_SIZE - 1, true);
	if (len <= 0 || len > index->max_bytes)
		return NULL;
	if (!first_word_run(index->keys, index->nkeys, buf, len, &lo, &hi))
		return NULL;

	maxlen = index->max_words;
	if (maxlen > nwords - i)
		maxlen = nwords - i;
	for (int count = maxlen; count >= 1; count--)
	{
		const DiploLexKey *folded_match = NULL;
		int			exact_len = -1;
		int			pos;

		len = build_key(words, i, count, buf, KEY_BUF_SIZE, true);
		if (len < 0 || len > index->max_bytes)
			continue;
		pos = lower_bound(index->keys, lo, hi, buf, len);
		for (; pos < hi && compare_key(index->keys[pos].key, buf, len) == 0;
			 pos++)
		{
			const DiploLexKey *k = &index->keys[pos];

			if (k->exact == NULL)
			{
				folded_match = k;
				continue;
			}
			if (exact_len < 0)
				exact_len = build_key(words, i, count, exact, KEY_BUF_SIZE,
									  false);
			if (exact_len >= 0 && compare_key(k->exact, exact, exact_len) == 0)
			{
				if (matched)
					*matched = count;
				return k;
			}
		}
		if (folded_match)
		{
			if (matched)
				*matched = count;
			return folded_match;
		}
	}
	return NULL;
}

/* The cue whose form is this word, or NULL. */
const DiploCue *
diplo_lex_cue(DiploWord w)
{
	const DiploLexKey *k = index_lookup(&diplo_lex_cue_index, &w, 1, 0, NULL);

	return k ? &diplo_lex_cues[k->entry] : NULL;
}

/* Longest title starting at words[i]; *matched gets its length in words. */
const DiploTitle *
diplo_lex_title(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *k = index_lookup(&diplo_lex_title_index, words, nwords,
										i, matched);

	return k ? &diplo_lex_titles[k->entry] : NULL;
}

/* Longest organisation or channel starting at words[i]. */
const DiploOrg *
diplo_lex_org(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *k = index_lookup(&diplo_lex_org_index, words, nwords,
										i, matched);

	return k ? &diplo_lex_orgs[k->entry] : NULL;
}

/* Longest country name, demonym or capital starting at words[i]. */
const DiploCountry *
diplo_lex_place(const DiploWord *words, int nwords, int i, int *matched,
				DiploPlaceKind *kind)
{
	const DiploLexKey *k = index_lookup(&diplo_lex_place_index, words, nwords,
										i, matched);

	if (k == NULL)
		return NULL;
	if (kind)
		*kind = (DiploPlaceKind) k->kind;
	return &diplo_lex_countries[k->entry];
}

/* Longest event phrase starting at words[i]. */
const DiploEvent *
diplo_lex_event(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *k = index_lookup(&diplo_lex_event_index, words, nwords,
										i, matched);

	return k ? &diplo_lex_events[k->entry] : NULL;
}

/* True if s[0..len) is well-formed UTF-8 (the stemmer gets nothing else). */
static bool
valid_utf8(const unsigned char *s, int len)
{
	int			i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		int			extra;

		if (c < 0x80)
			extra = 0;
		else if (c >= 0xC2 && c <= 0xDF)
			extra = 1;
		else if (c >= 0xE0 && c <= 0xEF)
			extra = 2;
		else if (c >= 0xF0 && c <= 0xF4)
			extra = 3;
		else
			return false;
		if (i + extra >= len)
			return false;
		for (int j = 1; j <= extra; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += extra + 1;
	}
	return true;
}

/*
 * The English stem of the folded word s[0..len) into out; its length, or -1.
 * Invalid UTF-8 and over-long words stand for themselves, unstemmed.
 */
static int
stem_folded(const char *s, int len, char *out, int cap)
{
	const sb_symbol *stem;
	int			stem_len;

	if (len > STEM_WORD_MAX || !valid_utf8((const unsigned char *) s, len))
	{
		if (len > cap)
			return -1;
		memcpy(out, s, len);
		return len;
	}
	stem = sb_stemmer_stem(topic_stemmer, (const sb_symbol *) s, len);
	if (stem == NULL)
		return -1;
	stem_len = sb_stemmer_length(topic_stemmer);
	if (stem_len < 0 || stem_len > cap)
		return -1;
	memcpy(out, stem, stem_len);
	return stem_len;
}

/* The stem of a text word, folded first; its length in out, or -1. */
static int
stem_word(DiploWord w, char *out, int cap)
{
	char		folded[STEM_WORD_MAX + 1];
	int			len = fold_word(w, folded, STEM_WORD_MAX + 1, true);

	if (len <= 0)
		return -1;
	return stem_folded(folded, len, out, cap);
}

/* qsort order of topic stems: by key, then by topic for determinism. */
static int
compare_stem_keys(const void *a, const void *b)
{
	const DiploLexKey *ka = a;
	const DiploLexKey *kb = b;
	int			c = strcmp(ka->key, kb->key);

	if (c != 0)
		return c;
	return (ka->entry > kb->entry) - (ka->entry < kb->entry);
}

/* Stem every topic keyword into diplo_lex_topic_stems, sorted. */
static void
stem_topic_keywords(void)
{
	char	   *buf = diplo_lex_topic_stem_buf;
	int			used = 0;

	topic_nstems = 0;
	for (int k = 0; k < diplo_lex_topic_nkeywords; k++)
	{
		const char *p = diplo_lex_topic_keywords[k].key;
		int			start = used;
		bool		ok = true;

		while (*p && ok)
		{
			const char *end = strchr(p, ' ');
			int			wlen = end ? (int) (end - p) : (int) strlen(p);
			int			slen;

			if (used > start)
			{
				if (used + 1 >= diplo_lex_topic_stem_buf_size)
					ok = false;
				else
					buf[used++] = ' ';
			}
			slen = ok ? stem_folded(p, wlen, buf + used,
									diplo_lex_topic_stem_buf_size - used - 1)
				: -1;
			if (slen < 0)
				ok = false;
			else
				used += slen;
			p += wlen;
			if (*p == ' ')
				p++;
		}
		if (!ok || used == start)
		{
			used = start;
			continue;
		}
		buf[used++] = '\0';
		diplo_lex_topic_stems[topic_nstems].key = buf + start;
		diplo_lex_topic_stems[topic_nstems].exact = NULL;
		diplo_lex_topic_stems[topic_nstems].entry =
			diplo_lex_topic_keywords[k].entry;
		diplo_lex_topic_stems[topic_nstems].kind = 0;
		topic_nstems++;
	}
	qsort(diplo_lex_topic_stems, topic_nstems, sizeof(DiploLexKey),
		  compare_stem_keys);
}

/* Create the stemmer and stem the topic keywords, once per process. */
bool
diplo_lexicon_init(void)
{
	if (lexicon_ready)
		return true;
	if (topic_stemmer == NULL)
	{
		topic_stemmer = sb_stemmer_new("english", NULL);
		if (topic_stemmer == NULL)
			return false;
	}
	stem_topic_keywords();
	lexicon_ready = true;
	return true;
}

/*
 * Longest topic keyword starting at words[i], on stems; the topic's index
 * or -1.  The first word's stem must start a keyword, else it is a miss.
 */
int
diplo_lex_topic(const DiploWord *words, int nwords, int i, int *matched)
{
	char		buf[KEY_BUF_SIZE];
	int			ends[KEY_BUF_SIZE / 2];
	int			len;
	int			lo;
	int			hi;
	int			count;
	int			maxlen;

	if (matched)
		*matched = 0;
	if (words == NULL || i < 0 || i >= nwords)
		return -1;
	if (!lexicon_ready && !diplo_lexicon_init())
		return -1;
	len = stem_word(words[i], buf, KEY_BUF_SIZE - 1);
	if (len <= 0)
		return -1;
	if (!first_word_run(diplo_lex_topic_stems, topic_nstems, buf, len,
						&lo, &hi))
		return -1;

	/* stem the following words, as far as the longest keyword reaches */
	maxlen = diplo_lex_topic_max_words;
	if (maxlen > nwords - i)
		maxlen = nwords - i;
	ends[0] = len;
	count = 1;
	while (count < maxlen)
	{
		int			slen;

		if (len + 1 >= KEY_BUF_SIZE - 1)
			break;
		buf[len] = ' ';
		slen = stem_word(words[i + count], buf + len + 1,
						 KEY_BUF_SIZE - 2 - len);
		if (slen <= 0)
			break;
		len += 1 + slen;
		ends[count++] = len;
	}

	for (int c = count; c >= 1; c--)
	{
		int			pos = lower_bound(diplo_lex_topic_stems, lo, hi, buf,
									  ends[c - 1]);

		if (pos < hi &&
			compare_key(diplo_lex_topic_stems[pos].key, buf, ends[c - 1]) == 0)
		{
			if (matched)
				*matched = c;
			return diplo_lex_topic_stems[pos].entry;
		}
	}
	return -1;
}
