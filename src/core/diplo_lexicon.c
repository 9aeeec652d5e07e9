/*
 * diplo_lexicon.c
 *		Lookups over the generated lexicon tables (lexicon_data.c).
 *
 * Every table is an array of keys sorted bytewise; a key is a phrase's
 * words folded (ASCII and Latin-1 capitals lowercased, ’ and ‘ made ')
 * and joined by one space.  The keys that start with one first word form
 * one contiguous run in each table; diplo_lexicon_init puts every first
 * word of every table into one open-addressing hash (static arrays, filled
 * once per process) that gives the runs of all tables at once, and the
 * tokenizer caches a word's hash slot in DiploWord.lex.  A lookup is then:
 * no slot or an empty run (the common case) is a miss; else the run is
 * narrowed one following word at a time (two binary searches per word
 * within the run), keeping the longest phrase that matched, and stops as
 * soon as no key goes on.  Topic keywords are matched on stems; a word is
 * stemmed only if its first two bytes can begin the stem of a keyword's
 * first word.  Lookups allocate nothing.  They are not thread-safe: topics
 * use the process's stemmer, and the language the lookups read
 * (diplo_lex_set_language) is one setting of the process, which the
 * analyser sets for the time of one analysis (a host that can abandon an
 * analysis midway, as PostgreSQL on an error, sets English back).  The
 * tables of the other languages are searched without the first-word hash
 * (binary searches only) and their topic keywords on uncached stems of
 * their own libstemmer algorithm.
 */
#include "diplo_lexicon.h"

#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "diplo_analyze.h"

/* Room for one key: the generator refuses longer phrases (200 bytes). */
#define KEY_BUF_SIZE 256

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* Words longer than this are never stemmed (no keyword is that long). */
#define STEM_WORD_MAX 64

/* The tables that share the first-word hash. */
enum
{
	LEX_CUE = 0,
	LEX_TITLE,
	LEX_ORG,
	LEX_PLACE,
	LEX_EVENT,
	LEX_ORG_HEAD,
	LEX_REGION,
	LEX_NTABLES
};

static const DiploLexIndex *const lex_tables[LEX_NTABLES] = {
	&diplo_lex_cue_index, &diplo_lex_title_index, &diplo_lex_org_index,
	&diplo_lex_place_index, &diplo_lex_event_index, &diplo_lex_org_head_index,
	&diplo_lex_region_index
};

/*
 * Slots of the first-word hash (a power of two, kept under 3/4 full; about
 * 2,500 words take 30% of it, so that a miss probes one or two slots).
 */
#define FW_SLOTS 8192

/* One first word: where its keys are in every table. */
typedef struct FirstWord
{
	const char *word;			/* into a key; not NUL-terminated */
	int16_t		len;
	int16_t		lo[LEX_NTABLES];	/* run [lo, hi) of keys starting with it */
	int16_t		hi[LEX_NTABLES];
	int32_t		mask;			/* bit t: the run of table t is not empty */
	int32_t		inner_mask;		/* bit t: a later word of a key of table t */
} FirstWord;

static FirstWord fw_slots[FW_SLOTS];
static uint32_t fw_tags[FW_SLOTS];	/* hash | 1 of a used slot, 0 empty: a
									 * miss reads only this small array */
static int	fw_used;
static bool fw_ready;			/* false: lookups fall back to a binary search */

/*
 * Which words may stem to the first stem of a topic keyword: pairs of first
 * bytes for short stems (topic_prefix), triples for stems of four bytes or
 * more (topic_prefix3, a hash set of b0 | b1 << 8 | b2 << 16 | 1 << 24).
 */
#define TOPIC_PREFIX3_SLOTS 2048
static uint8_t topic_prefix[256][32];
static uint32_t topic_prefix3[TOPIC_PREFIX3_SLOTS];
static uint32_t topic_prefix3_letters[26][26];	/* the same triples of
												 * lowercase letters: bit
												 * b2 - 'a' */

/*
 * The stems of recent words and the run of topic keys their stem starts
 * (a direct-mapped memo per process: news text repeats its words, and
 * stemming is the dearest step of a topic lookup).  Words longer than
 * STEM_MEMO_WORD bytes are not kept.
 */
#define STEM_MEMO_SLOTS 16384
#define STEM_MEMO_WORD 22

typedef struct StemMemo
{
	uint8_t		wlen;			/* 0: empty slot */
	uint8_t		slen;			/* stem length, 0 if no key starts with it */
	int16_t		lo;				/* run of topic keys [lo, hi) */
	int16_t		hi;
	char		word[STEM_MEMO_WORD];
	char		stem[STEM_MEMO_WORD];
} StemMemo;

static StemMemo stem_memo[STEM_MEMO_SLOTS];

static struct sb_stemmer *topic_stemmer;

/*
 * Stems of recent words, direct-mapped by a hash of the folded word: most
 * words of an article repeat, and the stemmer is the costly part of topic
 * matching.  Process-wide, like the stemmer; a slot is overwritten freely.
 */
#define STEM_CACHE_SLOTS 4096
#define STEM_CACHE_WORD 24

typedef struct StemCacheSlot
{
	uint8_t		len;			/* 0: empty */
	uint8_t		stem_len;
	char		word[STEM_CACHE_WORD];
	char		stem[STEM_CACHE_WORD];
} StemCacheSlot;

static StemCacheSlot stem_cache[STEM_CACHE_SLOTS];

/* The language the lookups read (a DiploLanguage; see diplo_lexicon.h). */
static int	lex_language = DIPLO_LANG_EN;
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

/*
 * The first position in keys[lo..hi) whose key is not below key, when all
 * of them begin with key's first shared bytes (compared from there on).
 */
static int
lower_bound(const DiploLexKey *keys, int lo, int hi, const char *key,
			int keylen, int shared)
{
	const unsigned char *k = (const unsigned char *) key;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const unsigned char *e = (const unsigned char *) keys[mid].key;
		int			below = 0;	/* compare_key(e, key, keylen) < 0 */
		int			j;

		for (j = shared; j < keylen; j++)
		{
			if (e[j] == '\0' || e[j] != k[j])
			{
				below = e[j] == '\0' || e[j] < k[j];
				break;
			}
		}
		if (below)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Narrow the run keys[*lo..*hi), whose keys all begin with buf's first
 * shared bytes, to the keys that are buf (len bytes) or start with it and a
 * space; false if none is left.  buf has room for one more byte.
 */
static inline bool
key_run(const DiploLexKey *keys, char *buf, int len, int shared,
		int *lo, int *hi)
{
	*lo = lower_bound(keys, *lo, *hi, buf, len, shared);
	if (*lo >= *hi)
		return false;
	/* '!' follows ' ' in ASCII: "w!" bounds every "w ..." from above */
	buf[len] = '!';
	*hi = lower_bound(keys, *lo, *hi, buf, len + 1, shared);
	return *hi > *lo;
}

/*
 * The run keys[*lo..*hi) of keys that are the folded word in buf, or start
 * with it and a space; false if there is none.  buf has room for one more
 * byte.
 */
static bool
first_word_run(const DiploLexKey *keys, int nkeys, char *buf, int len,
			   int *lo, int *hi)
{
	*lo = 0;
	*hi = nkeys;
	return key_run(keys, buf, len, 0, lo, hi);
}

/* The slot of the folded word w (hash h), or of the empty slot it would take. */
static inline int
fw_probe(const char *w, int len, uint32_t h)
{
	int			k = (int) (h & (FW_SLOTS - 1));
	uint32_t	tag = h | 1;

	while (fw_tags[k] != 0)
	{
		if (fw_tags[k] == tag && fw_slots[k].len == len)
		{
			/* words are short: compared here, not by a call */
			const char *e = fw_slots[k].word;
			int			j = 0;

			while (j < len && e[j] == w[j])
				j++;
			if (j == len)
				break;
		}
		k = (k + 1) & (FW_SLOTS - 1);
	}
	return k;
}

/* Put every first word of every table into the hash; false if it is full. */
static bool
fw_build(void)
{
	for (int t = 0; t < LEX_NTABLES; t++)
	{
		const DiploLexIndex *ix = lex_tables[t];

		if (ix->nkeys > INT16_MAX)
			return false;
		for (int k = 0; k < ix->nkeys;)
		{
			const char *key = ix->keys[k].key;
			const char *sp = strchr(key, ' ');
			int			len = sp ? (int) (sp - key) : (int) strlen(key);
			uint32_t	h = diplo_fnv1a(key, len);
			int			slot = fw_probe(key, len, h);
			int			e = k + 1;

			/* the keys that start with this word follow each other */
			while (e < ix->nkeys && strncmp(ix->keys[e].key, key, len) == 0 &&
				   (ix->keys[e].key[len] == ' ' || ix->keys[e].key[len] == '\0'))
				e++;
			if (fw_tags[slot] == 0)
			{
				if (len > INT16_MAX || (fw_used + 1) * 4 > FW_SLOTS * 3)
					return false;
				fw_slots[slot].word = key;
				fw_tags[slot] = h | 1;
				fw_slots[slot].len = (int16_t) len;
				fw_used++;
			}
			fw_slots[slot].lo[t] = (int16_t) k;
			fw_slots[slot].hi[t] = (int16_t) e;
			fw_slots[slot].mask |= 1 << t;
			/* the later words of these keys */
			for (int j = k; j < e; j++)
			{
				const char *w = ix->keys[j].key + len;

				while (*w == ' ')
				{
					const char *ws = w + 1;
					const char *we = strchr(ws, ' ');
					int			wl = we ? (int) (we - ws) : (int) strlen(ws);
					uint32_t	wh = diplo_fnv1a(ws, wl);
					int			ws_slot = fw_probe(ws, wl, wh);

					if (fw_tags[ws_slot] == 0)
					{
						if (wl > INT16_MAX || (fw_used + 1) * 4 > FW_SLOTS * 3)
							return false;
						fw_slots[ws_slot].word = ws;
						fw_tags[ws_slot] = wh | 1;
						fw_slots[ws_slot].len = (int16_t) wl;
						fw_used++;
					}
					fw_slots[ws_slot].inner_mask |= 1 << t;
					w = ws + wl;
				}
			}
			k = e;
		}
	}
	return true;
}

/*
 * DiploWord.lex once looked up: LEX_KNOWN, the tables with a phrase that
 * starts with the word (one bit each at LEX_MASK_SHIFT), LEX_TOPIC_BIT if
 * its stem may start a topic keyword, the tables with a key that has it as
 * a later word (one bit each at LEX_INNER_SHIFT), and its slot + 1 in the low bits
 * (0: no slot).
 */
#define LEX_KNOWN		0x40000000
#define LEX_MASK_SHIFT	16
#define LEX_TOPIC_BIT	(1 << (LEX_MASK_SHIFT + LEX_NTABLES))
#define LEX_INNER_SHIFT (LEX_MASK_SHIFT + LEX_NTABLES + 1)
#define LEX_SLOT_MASK	0xFFFF

static inline bool may_stem_to_topic(const char *s, int len);

/*
 * Fold and hash an all-ASCII word in one go (the common case); -1 if w has
 * other bytes or does not fit (then fold_word and diplo_fnv1a do it).
 */
static inline int
fold_hash_ascii(DiploWord w, char *out, int cap, uint32_t *hash)
{
	const unsigned char *s = (const unsigned char *) w.s;
	uint32_t	h = 2166136261u;

	if (w.s == NULL || w.len <= 0 || w.len > cap)
		return -1;
	for (int i = 0; i < w.len; i++)
	{
		unsigned char c = s[i];

		if (c >= 0x80)
			return -1;
		if (c >= 'A' && c <= 'Z')
			c += 0x20;
		out[i] = (char) c;
		h = (h ^ c) * 16777619u;
	}
	*hash = h;
	return w.len;
}

/* Look up which phrases can start with w and cache it in w->lex. */
void
diplo_lex_prepare_word(DiploWord *w)
{
	char		buf[KEY_BUF_SIZE];
	int			len;
	int			slot;
	int32_t		lex = LEX_KNOWN;

	w->lex = 0;
	if (!fw_ready && !diplo_lexicon_init())
		return;
	if (!fw_ready)
		return;
	w->hash = 0;
	len = fold_hash_ascii(*w, buf, KEY_BUF_SIZE - 1, &w->hash);
	if (len < 0)
	{
		len = fold_word(*w, buf, KEY_BUF_SIZE - 1, true);
		if (len > 0)
			w->hash = diplo_fnv1a(buf, len);
	}
	if (len > 0)
	{
		slot = fw_probe(buf, len, w->hash);
		if (fw_tags[slot] != 0)
			lex |= (slot + 1) | (fw_slots[slot].mask << LEX_MASK_SHIFT) |
				(fw_slots[slot].inner_mask << LEX_INNER_SHIFT);
		if (len <= STEM_WORD_MAX + 1 && may_stem_to_topic(buf, len))
			lex |= LEX_TOPIC_BIT;
	}
	w->lex = lex;
}

/* w->lex, looked up now if the word was not prepared (or 0 if no hash). */
static int32_t
word_lex(const DiploWord *w)
{
	DiploWord	tmp;

	if (w->lex != 0)
		return w->lex;
	tmp = *w;
	diplo_lex_prepare_word(&tmp);
	return tmp.lex;
}

/* The first-word slot of w (its cached one if any), or -1. */
static int
word_slot(const DiploWord *w)
{
	return (int) (word_lex(w) & LEX_SLOT_MASK) - 1;
}

/* Can no phrase of table t start at words[i] (known from the cache alone)? */
static inline bool
quick_miss(int t, const DiploWord *words, int nwords, int i)
{
	return words != NULL && i >= 0 && i < nwords &&
		(words[i].lex & LEX_KNOWN) &&
		!(words[i].lex & (1 << (LEX_MASK_SHIFT + t)));
}

/* May a word start an entry of the title, org or place table (cached)? */
bool
diplo_lex_may_start_phrase(const DiploWord *w)
{
	int			slot;

	if (!fw_ready || lex_language != DIPLO_LANG_EN)
		return true;
	slot = word_slot(w);
	if (slot < 0)
		return false;
	return (word_lex(w) & (((1 << LEX_TITLE) | (1 << LEX_ORG) | (1 << LEX_PLACE))
						   << LEX_MASK_SHIFT)) != 0;
}

/* May a topic keyword, a place or an event start at w (cached)? */
bool
diplo_lex_may_tag(const DiploWord *w)
{
	if (!fw_ready || lex_language != DIPLO_LANG_EN || !(w->lex & LEX_KNOWN))
		return true;
	return (w->lex & (LEX_TOPIC_BIT | (((1 << LEX_PLACE) | (1 << LEX_EVENT))
									   << LEX_MASK_SHIFT))) != 0;
}

/*
 * Extend a match of keys[lo, hi) (those starting with buf[0, len), the folded
 * words[i]) word by word; the longest key matched, or NULL (*matched, if
 * given, gets its length in words).  t >= 0: an English table, whose
 * prepared words tell at once that a word is in none of its keys.
 */
static inline const DiploLexKey *
longest_from(const DiploLexIndex *index, int t, const DiploWord *words,
			 int nwords, int i, char *buf, int len, int lo, int hi,
			 int *matched)
{
	const DiploLexKey *keys = index->keys;
	const DiploLexKey *best = NULL;
	char		exact[KEY_BUF_SIZE];
	int			shared;

	for (int count = 1;; count++)
	{
		const DiploLexKey *folded_match = NULL;
		const DiploLexKey *exact_match = NULL;
		int			exact_len = -1;
		int			wl;

		/* the keys equal to the words so far */
		for (; lo < hi && keys[lo].key[len] == '\0'; lo++)
		{
			const DiploLexKey *k = &keys[lo];

			if (k->exact == NULL)
				folded_match = k;
			else if (exact_match == NULL)
			{
				if (exact_len < 0)
					exact_len = build_key(words, i, count, exact, KEY_BUF_SIZE,
										  false);
				if (exact_len >= 0 && compare_key(k->exact, exact, exact_len) == 0)
					exact_match = k;
			}
		}
		if (exact_match || folded_match)
		{
			best = exact_match ? exact_match : folded_match;
			if (matched)
				*matched = count;
		}
		/* the rest go on with a space and another word */
		if (lo >= hi || i + count >= nwords || count >= index->max_words ||
			len + 2 >= KEY_BUF_SIZE)
			break;
		/* a prepared next word that is in no key of this table ends it */
		if (t >= 0 && (words[i + count].lex & LEX_KNOWN) &&
			!(words[i + count].lex & (1 << (LEX_INNER_SHIFT + t))))
			break;
		buf[len] = ' ';
		wl = fold_word(words[i + count], buf + len + 1, KEY_BUF_SIZE - len - 2,
					   true);
		if (wl <= 0)
			break;
		/* the keys of the run all begin with the words so far */
		shared = len;
		len += 1 + wl;
		if (!key_run(keys, buf, len, shared, &lo, &hi))
			break;
	}
	return best;
}

/*
 * Longest entry of table t starting at words[i]; NULL if none.  The keys
 * [lo, hi) are the run of the words matched so far (buf, len bytes): those
 * equal to buf come first, then the longer ones.
 */
static const DiploLexKey *
index_lookup(int t, const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexIndex *index = lex_tables[t];
	const DiploLexKey *keys = index->keys;
	char		buf[KEY_BUF_SIZE];
	int			len;
	int			lo;
	int			hi;

	if (matched)
		*matched = 0;
	if (words == NULL || i < 0 || i >= nwords || index->nkeys == 0)
		return NULL;
	if (fw_ready)
	{
		int			slot = word_slot(&words[i]);

		if (slot < 0 || fw_slots[slot].lo[t] >= fw_slots[slot].hi[t])
			return NULL;
		lo = fw_slots[slot].lo[t];
		hi = fw_slots[slot].hi[t];
		len = fw_slots[slot].len;
		memcpy(buf, fw_slots[slot].word, len);
	}
	else
	{
		len = fold_word(words[i], buf, KEY_BUF_SIZE - 1, true);
		if (len <= 0 || len > index->max_bytes ||
			!first_word_run(keys, index->nkeys, buf, len, &lo, &hi))
			return NULL;
	}
	return longest_from(index, t, words, nwords, i, buf, len, lo, hi, matched);
}

/*
 * Longest entry of a language's index starting at words[i], or NULL: the
 * binary searches of index_lookup without the first-word hash (which holds
 * the English tables only).
 */
static const DiploLexKey *
lang_index_lookup(const DiploLexIndex *index, const DiploWord *words,
				  int nwords, int i, int *matched)
{
	const DiploLexKey *keys = index->keys;
	char		buf[KEY_BUF_SIZE];
	int			len;
	int			lo;
	int			hi;

	if (matched)
		*matched = 0;
	if (words == NULL || i < 0 || i >= nwords || index->nkeys == 0)
		return NULL;
	len = fold_word(words[i], buf, KEY_BUF_SIZE - 1, true);
	if (len <= 0 || len > index->max_bytes ||
		!first_word_run(keys, index->nkeys, buf, len, &lo, &hi))
		return NULL;
	return longest_from(index, -1, words, nwords, i, buf, len, lo, hi, matched);
}

/* Set the language the lookups read; returns the one set before. */
int
diplo_lex_set_language(int lang)
{
	int			prev = lex_language;

	lex_language = (lang > DIPLO_LANG_EN && lang <= DIPLO_LANG_EN + DIPLO_LEX_NLANGS) ?
		lang : DIPLO_LANG_EN;
	return prev;
}

/* The language the lookups read. */
int
diplo_lex_language(void)
{
	return lex_language;
}

/*
 * The longest phrase of table t starting at words[i], or NULL (*matched, if
 * given, gets its length in words, 0 on a miss): the cache first, then the
 * index.  In another language than English, its own table first; its cues
 * and titles replace the English ones.
 */
static inline const DiploLexKey *
table_longest(int t, const DiploWord *words, int nwords, int i, int *matched)
{
	if (lex_language != DIPLO_LANG_EN && t < DIPLO_LEX_LANG_TABLES)
	{
		const DiploLexKey *k;

		k = lang_index_lookup(diplo_lex_lang_index[lex_language - DIPLO_LANG_FR][t],
							  words, nwords, i, matched);
		if (k != NULL || t == LEX_CUE || t == LEX_TITLE)
			return k;
	}
	if (quick_miss(t, words, nwords, i))
	{
		if (matched)
			*matched = 0;
		return NULL;
	}
	return index_lookup(t, words, nwords, i, matched);
}

/* The cue whose form is this word, or NULL. */
const DiploCue *
diplo_lex_cue(DiploWord w)
{
	const DiploLexKey *k = table_longest(LEX_CUE, &w, 1, 0, NULL);

	return k ? &diplo_lex_cues[k->entry] : NULL;
}

/* Prepare w (diplo_lex_prepare_word) and return the cue it is, or NULL. */
const DiploCue *
diplo_lex_prepare_cue(DiploWord *w)
{
	const DiploLexKey *k;

	diplo_lex_prepare_word(w);
	k = table_longest(LEX_CUE, w, 1, 0, NULL);
	return k ? &diplo_lex_cues[k->entry] : NULL;
}

/* Is w a word that ends organisation names? */
bool
diplo_lex_org_head(DiploWord w)
{
	return table_longest(LEX_ORG_HEAD, &w, 1, 0, NULL) != NULL;
}

/* Longest region phrase (data/regions.tsv) starting at words[i], in words; 0 if none. */
int
diplo_lex_region(const DiploWord *words, int nwords, int i)
{
	int			matched = 0;

	if (table_longest(LEX_REGION, words, nwords, i, &matched) == NULL)
		return 0;
	return matched;
}

/* Longest title starting at words[i]; *matched gets its length in words. */
const DiploTitle *
diplo_lex_title(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *k = table_longest(LEX_TITLE, words, nwords, i, matched);

	return k ? &diplo_lex_titles[k->entry] : NULL;
}

/* Longest organisation or channel starting at words[i]. */
const DiploOrg *
diplo_lex_org(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *k = table_longest(LEX_ORG, words, nwords, i, matched);

	return k ? &diplo_lex_orgs[k->entry] : NULL;
}

/* Longest country name, demonym or capital starting at words[i]. */
const DiploCountry *
diplo_lex_place(const DiploWord *words, int nwords, int i, int *matched,
				DiploPlaceKind *kind)
{
	const DiploLexKey *k = table_longest(LEX_PLACE, words, nwords, i, matched);

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
	const DiploLexKey *k = table_longest(LEX_EVENT, words, nwords, i, matched);

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
	StemCacheSlot *slot = NULL;

	if (len > STEM_WORD_MAX || !valid_utf8((const unsigned char *) s, len))
	{
		if (len > cap)
			return -1;
		memcpy(out, s, len);
		return len;
	}
	if (len <= STEM_CACHE_WORD)
	{
		slot = &stem_cache[diplo_fnv1a(s, len) & (STEM_CACHE_SLOTS - 1)];
		if (slot->len == len && memcmp(slot->word, s, len) == 0 &&
			slot->stem_len <= cap)
		{
			memcpy(out, slot->stem, slot->stem_len);
			return slot->stem_len;
		}
	}
	stem = sb_stemmer_stem(topic_stemmer, (const sb_symbol *) s, len);
	if (stem == NULL)
		return -1;
	stem_len = sb_stemmer_length(topic_stemmer);
	if (stem_len < 0 || stem_len > cap)
		return -1;
	memcpy(out, stem, stem_len);
	if (slot != NULL && stem_len <= STEM_CACHE_WORD)
	{
		slot->len = (uint8_t) len;
		slot->stem_len = (uint8_t) stem_len;
		memcpy(slot->word, s, len);
		memcpy(slot->stem, stem, stem_len);
	}
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

static int	stem_keywords(const DiploLexKey *keywords, int nkeywords,
						  struct sb_stemmer *st, char *buf, int bufsize,
						  DiploLexKey *stems);

/* Stem every topic keyword into diplo_lex_topic_stems, sorted. */
static void
stem_topic_keywords(void)
{
	topic_nstems = stem_keywords(diplo_lex_topic_keywords,
								 diplo_lex_topic_nkeywords, NULL,
								 diplo_lex_topic_stem_buf,
								 diplo_lex_topic_stem_buf_size,
								 diplo_lex_topic_stems);
}

/* The slot of a 3-byte prefix value v in topic_prefix3 (its own or empty). */
static int
prefix3_slot(uint32_t v)
{
	int			k = (int) ((v * 2654435761u) >> 21) & (TOPIC_PREFIX3_SLOTS - 1);

	while (topic_prefix3[k] != 0 && topic_prefix3[k] != v)
		k = (k + 1) & (TOPIC_PREFIX3_SLOTS - 1);
	return k;
}

/*
 * Mark the beginnings of every keyword's first stem.  An English (Porter2)
 * stem of four bytes or more keeps its word's first three bytes (suffix
 * rules change at most the stem's last byte); a shorter stem keeps the
 * first two, except that "dying", "lying" and "tying" stem to "die", "lie",
 * "tie": a short stem whose second byte is 'i' also admits 'y' there.  A
 * one-byte stem admits every second byte.  (Checked against libstemmer on
 * the 87,000 distinct words of the corpora.)  Returns false if the triples
 * do not fit: then only the pairs are used, for every stem.
 */
static bool
build_topic_prefixes(void)
{
	bool		use3 = true;

	memset(topic_prefix3, 0, sizeof(topic_prefix3));
	memset(topic_prefix3_letters, 0, sizeof(topic_prefix3_letters));
	for (int pass = 0; pass < 2; pass++)
	{
		int			n3 = 0;

		memset(topic_prefix, 0, sizeof(topic_prefix));
		for (int k = 0; k < topic_nstems; k++)
		{
			const unsigned char *key = (const unsigned char *) diplo_lex_topic_stems[k].key;
			int			len = 0;
			unsigned char b0 = key[0];
			unsigned char b1;

			while (key[len] && key[len] != ' ')
				len++;
			if (use3 && len >= 4)
			{
				uint32_t	v = key[0] | (key[1] << 8) | (key[2] << 16) | (1u << 24);
				int			slot = prefix3_slot(v);

				if (topic_prefix3[slot] == 0 && ++n3 * 2 > TOPIC_PREFIX3_SLOTS)
					break;
				topic_prefix3[slot] = v;
				if (key[0] >= 'a' && key[0] <= 'z' && key[1] >= 'a' &&
					key[1] <= 'z' && key[2] >= 'a' && key[2] <= 'z')
					topic_prefix3_letters[key[0] - 'a'][key[1] - 'a'] |=
						1u << (key[2] - 'a');
				continue;
			}
			b1 = len > 1 ? key[1] : 0;
			if (len < 2)
			{
				memset(topic_prefix[b0], 0xFF, sizeof(topic_prefix[b0]));
				continue;
			}
			topic_prefix[b0][b1 >> 3] |= (uint8_t) (1 << (b1 & 7));
			if (b1 == 'i')
				topic_prefix[b0]['y' >> 3] |= (uint8_t) (1 << ('y' & 7));
		}
		if (n3 * 2 <= TOPIC_PREFIX3_SLOTS)
			return use3;
		use3 = false;
		memset(topic_prefix3, 0, sizeof(topic_prefix3));
		memset(topic_prefix3_letters, 0, sizeof(topic_prefix3_letters));
	}
	return false;
}

/* Can the folded word s[0..len) stem to the first stem of a keyword? */
static inline bool
may_stem_to_topic(const char *s, int len)
{
	const unsigned char *u = (const unsigned char *) s;
	unsigned char b1 = len > 1 ? u[1] : 0;

	if (u[0] == '\'')
		return true;			/* the stemmer drops a leading apostrophe */
	if (topic_prefix[u[0]][b1 >> 3] & (1 << (b1 & 7)))
		return true;
	if (len >= 3)
	{
		uint32_t	v = u[0] | (u[1] << 8) | (u[2] << 16) | (1u << 24);

		if (u[0] >= 'a' && u[0] <= 'z' && u[1] >= 'a' && u[1] <= 'z' &&
			u[2] >= 'a' && u[2] <= 'z')
			return (topic_prefix3_letters[u[0] - 'a'][u[1] - 'a'] >> (u[2] - 'a')) & 1;
		return topic_prefix3[prefix3_slot(v)] == v;
	}
	return false;
}

/* The stemmers of the other languages (NULL: not created, or failed). */
static struct sb_stemmer *lang_stemmers[DIPLO_LEX_NLANGS];
static int	lang_topic_nstems[DIPLO_LEX_NLANGS];

/*
 * The stem by st of the folded word s[0..len) into out, uncached (the
 * caches hold English stems); its length, or -1.  Invalid UTF-8 and
 * over-long words stand for themselves.
 */
static int
stem_plain(struct sb_stemmer *st, const char *s, int len, char *out, int cap)
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
	stem = sb_stemmer_stem(st, (const sb_symbol *) s, len);
	if (stem == NULL)
		return -1;
	stem_len = sb_stemmer_length(st);
	if (stem_len < 0 || stem_len > cap)
		return -1;
	memcpy(out, stem, stem_len);
	return stem_len;
}

/*
 * Stem the keyword phrases keywords[nkeywords] word by word (st: that
 * language's stemmer, NULL: English) into stems[], their keys in buf[bufsize],
 * sorted; the number of stems (a phrase that does not fit is left out).
 */
static int
stem_keywords(const DiploLexKey *keywords, int nkeywords,
			  struct sb_stemmer *st, char *buf, int bufsize, DiploLexKey *stems)
{
	int			used = 0;
	int			n = 0;

	for (int k = 0; k < nkeywords; k++)
	{
		const char *p = keywords[k].key;
		int			start = used;
		bool		ok = true;

		while (*p && ok)
		{
			const char *end = strchr(p, ' ');
			int			wlen = end ? (int) (end - p) : (int) strlen(p);
			int			slen;

			if (used > start)
			{
				if (used + 1 >= bufsize)
					ok = false;
				else
					buf[used++] = ' ';
			}
			if (!ok)
				slen = -1;
			else if (st != NULL)
				slen = stem_plain(st, p, wlen, buf + used, bufsize - used - 1);
			else
				slen = stem_folded(p, wlen, buf + used, bufsize - used - 1);
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
		stems[n].key = buf + start;
		stems[n].exact = NULL;
		stems[n].entry = keywords[k].entry;
		stems[n].kind = 0;
		n++;
	}
	qsort(stems, n, sizeof(DiploLexKey), compare_stem_keys);
	return n;
}

/* Stem the topic keywords of language l (an index after English), sorted. */
static void
stem_lang_topics(int l)
{
	const DiploLangTopics *lt = &diplo_lex_lang_topics[l];
	struct sb_stemmer *st = lang_stemmers[l];

	lang_topic_nstems[l] = st == NULL ? 0 :
		stem_keywords(lt->keywords, lt->nkeywords, st, lt->stem_buf,
					  lt->stem_buf_size, lt->stems);
}

/*
 * Extend a match of the topic stems keys[lo, hi) (those starting with the stem
 * in buf[0, len) of words[i]) word by word, each next word stemmed by st (NULL:
 * the English stemmer, memoised); the longest keyword's topic, or -1 (*matched,
 * if given, gets its length in words).
 */
static int
topic_stems_longest(const DiploLexKey *keys, int lo, int hi, char *buf, int len,
					int max_words, struct sb_stemmer *st,
					const DiploWord *words, int nwords, int i, int *matched)
{
	int			best = -1;
	int			shared;

	for (int count = 1;; count++)
	{
		int			wl;

		/* the first key equal to the stems so far (lowest topic first) */
		if (keys[lo].key[len] == '\0')
		{
			best = keys[lo].entry;
			if (matched)
				*matched = count;
			while (lo < hi && keys[lo].key[len] == '\0')
				lo++;
		}
		if (lo >= hi || count >= max_words || i + count >= nwords ||
			len + 2 >= KEY_BUF_SIZE - 1)
			break;
		buf[len] = ' ';
		if (st == NULL)
			wl = stem_word(words[i + count], buf + len + 1, KEY_BUF_SIZE - 3 - len);
		else
		{
			char		folded[STEM_WORD_MAX + 1];

			wl = fold_word(words[i + count], folded, STEM_WORD_MAX + 1, true);
			if (wl <= 0)
				break;
			wl = stem_plain(st, folded, wl, buf + len + 1, KEY_BUF_SIZE - 3 - len);
		}
		if (wl <= 0)
			break;
		/* the keys of the run all begin with the words so far */
		shared = len;
		len += 1 + wl;
		if (!key_run(keys, buf, len, shared, &lo, &hi))
			break;
	}
	return best;
}

/*
 * Longest topic keyword of language l starting at words[i], on the stems
 * of that language (uncached: other languages are the rare case); the
 * topic's index or -1.
 */
static int
lang_topic_lookup(int l, const DiploWord *words, int nwords, int i,
				  int *matched)
{
	const DiploLangTopics *lt = &diplo_lex_lang_topics[l];
	const DiploLexKey *keys = lt->stems;
	struct sb_stemmer *st = lang_stemmers[l];
	char		buf[KEY_BUF_SIZE];
	char		folded[STEM_WORD_MAX + 1];
	int			len;
	int			lo;
	int			hi;

	if (st == NULL || lang_topic_nstems[l] == 0)
		return -1;
	len = fold_word(words[i], folded, STEM_WORD_MAX + 1, true);
	if (len <= 0)
		return -1;
	len = stem_plain(st, folded, len, buf, KEY_BUF_SIZE - 1);
	if (len <= 0 || !first_word_run(keys, lang_topic_nstems[l], buf, len, &lo, &hi))
		return -1;
	return topic_stems_longest(keys, lo, hi, buf, len, lt->max_words, st,
							   words, nwords, i, matched);
}

/* Create the stemmer, stem the topic keywords and hash the first words. */
bool
diplo_lexicon_init(void)
{
	if (lexicon_ready)
		return true;
	for (int l = 0; l < DIPLO_LEX_NLANGS; l++)
	{
		if (lang_stemmers[l] == NULL && diplo_lex_lang_topics[l].nkeywords > 0)
			lang_stemmers[l] = sb_stemmer_new(diplo_lex_lang_topics[l].stemmer,
											  NULL);
		stem_lang_topics(l);
	}
	if (topic_stemmer == NULL)
	{
		topic_stemmer = sb_stemmer_new("english", NULL);
		if (topic_stemmer == NULL)
			return false;
	}
	stem_topic_keywords();
	(void) build_topic_prefixes();
	memset(stem_memo, 0, sizeof(stem_memo));
	if (!fw_ready)
	{
		memset(fw_slots, 0, sizeof(fw_slots));
		memset(fw_tags, 0, sizeof(fw_tags));
		fw_used = 0;
		fw_ready = fw_build();
	}
	lexicon_ready = true;
	return true;
}

static int	topic_lookup(const DiploWord *words, int nwords, int i,
						 int *matched);

/*
 * Longest topic keyword starting at words[i], on stems; the topic's index
 * or -1.  The first word's stem must start a keyword, else it is a miss;
 * the following words are stemmed only while some keyword goes on.
 */
int
diplo_lex_topic(const DiploWord *words, int nwords, int i, int *matched)
{
	if (matched)
		*matched = 0;
	if (words == NULL || i < 0 || i >= nwords)
		return -1;
	if (!lexicon_ready && !diplo_lexicon_init())
		return -1;
	if (lex_language != DIPLO_LANG_EN)
		return lang_topic_lookup(lex_language - DIPLO_LANG_FR, words, nwords, i,
								 matched);
	/* most words: a prepared word whose stem starts no keyword */
	if ((words[i].lex & LEX_KNOWN) && !(words[i].lex & LEX_TOPIC_BIT))
		return -1;
	return topic_lookup(words, nwords, i, matched);
}

/*
 * The English topic lookup of diplo_lex_topic past its cheap tests (apart,
 * so that the common miss does not pay for this one's buffers).
 */
static NOINLINE int
topic_lookup(const DiploWord *words, int nwords, int i, int *matched)
{
	const DiploLexKey *keys = diplo_lex_topic_stems;
	char		buf[KEY_BUF_SIZE];
	char		folded[STEM_WORD_MAX + 1];
	int			len;
	int			lo;
	int			hi;
	uint32_t	h = 0;

	if ((words[i].lex & LEX_KNOWN) && words[i].len > 0 &&
		words[i].len <= STEM_MEMO_WORD)
	{
		/*
		 * A prepared ASCII word whose stem starts no keyword, as its memo
		 * slot (by the hash of its preparation) remembers: not folded again
		 */
		const StemMemo *m = &stem_memo[words[i].hash & (STEM_MEMO_SLOTS - 1)];
		const unsigned char *ws = (const unsigned char *) words[i].s;
		int			k = 0;

		if (m->wlen == words[i].len && m->lo >= m->hi)
		{
			for (; k < words[i].len; k++)
			{
				unsigned char c = ws[k];

				if (c >= 0x80)
					break;
				if (c >= 'A' && c <= 'Z')
					c += 0x20;
				if ((unsigned char) m->word[k] != c)
					break;
			}
			if (k == words[i].len)
				return -1;
		}
	}
	/* an all-ASCII word is folded and hashed in one go */
	len = fold_hash_ascii(words[i], folded, STEM_WORD_MAX + 1, &h);
	if (len < 0)
	{
		len = fold_word(words[i], folded, STEM_WORD_MAX + 1, true);
		if (len > 0)
			h = diplo_fnv1a(folded, len);
	}
	if (len <= 0 || !may_stem_to_topic(folded, len))
		return -1;
	if (len <= STEM_MEMO_WORD)
	{
		StemMemo   *m = &stem_memo[h & (STEM_MEMO_SLOTS - 1)];
		int			same = m->wlen == len;

		/* words are short: compared here, not by a call */
		for (int k = 0; same && k < len; k++)
			same = m->word[k] == folded[k];
		if (!same)
		{
			int			slen = stem_folded(folded, len, buf, KEY_BUF_SIZE - 1);

			m->wlen = 0;
			if (slen <= 0)
				return -1;
			if (!first_word_run(keys, topic_nstems, buf, slen, &lo, &hi))
				lo = hi = 0;
			if (slen <= STEM_MEMO_WORD && topic_nstems <= INT16_MAX)
			{
				m->slen = (uint8_t) (lo < hi ? slen : 0);
				m->lo = (int16_t) lo;
				m->hi = (int16_t) hi;
				memcpy(m->stem, buf, m->slen);
				memcpy(m->word, folded, len);
				m->wlen = (uint8_t) len;
			}
			if (lo >= hi)
				return -1;
			len = slen;
		}
		else
		{
			if (m->lo >= m->hi)
				return -1;
			lo = m->lo;
			hi = m->hi;
			len = m->slen;
			memcpy(buf, m->stem, len);
		}
	}
	else
	{
		len = stem_folded(folded, len, buf, KEY_BUF_SIZE - 1);
		if (len <= 0)
			return -1;
		if (!first_word_run(keys, topic_nstems, buf, len, &lo, &hi))
			return -1;
	}
	return topic_stems_longest(keys, lo, hi, buf, len, diplo_lex_topic_max_words,
							   NULL, words, nwords, i, matched);
}

/* Fold one word as the lexicon keys are folded (exported fold_word). */
int
diplo_lex_fold_word(DiploWord w, char *out, int cap, bool fold_case)
{
	return fold_word(w, out, cap, fold_case);
}

/* The English stem of a word, folded first (exported stem_word). */
int
diplo_lex_stem_word(DiploWord w, char *out, int cap)
{
	if (!lexicon_ready && !diplo_lexicon_init())
		return -1;
	return stem_word(w, out, cap);
}
