/*
 * diplo_postag.c
 *		The part-of-speech and entity tagger: feature extraction, hashing
 *		and greedy decoding over the generated weight table.
 *
 * Everything here mirrors tools/train_tagger.py (word_values, pos_static,
 * pos_dynamic, ner_static, ner_dynamic and the hash helpers): the two must
 * change together, and test/bench/postag_cli --eval checks that the C
 * tagger scores the dev split exactly as the trainer's pruned model does.
 *
 * A word is summarised once by six value hashes (folded word, suffixes of
 * one to three characters, first character, shape) and a capital flag; a
 * feature's key is its template id mixed with a value hash.  The part of
 * speech of word i is decided from the words i-2 .. i+2 and the two tags
 * before it; its entity tag from the words i-2 .. i+2, the tags of i-1,
 * i, i+1 and the entity tag before it.  Both passes run in one loop with
 * a ring of word values, so nothing is allocated.
 */
#include "diplo_postag.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MAX_WORD_BYTES 64		/* longer words: the first 64 bytes */
#define MAX_SHAPE 16
#define RING 8					/* word values kept: i-3 .. i+3 */

/* Template ids (train_tagger.py has the same numbers). */
enum
{
	T_BIAS = 1, T_W, T_S1, T_S2, T_S3, T_P1, T_SHAPE, T_CAP,
	T_T1, T_T2, T_T12, T_T1W,
	T_WM1, T_S3M1, T_WM2, T_WP1, T_S3P1, T_WP2, T_SHM1, T_SHP1
};

enum
{
	N_BIAS = 32, N_W, N_S3, N_SHAPE, N_POS, N_POSM1, N_POSP1,
	N_E1, N_E1POS, N_WM1, N_WP1, N_SHM1, N_SHP1, N_E1W, N_CAP,
	N_POSSHAPE, N_WM2, N_WP2
};

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

/* The hashes that summarise one word. */
typedef struct WordValues
{
	uint64_t	w;				/* folded word, or !YEAR / !DIGITS */
	uint64_t	s1;				/* last 1, 2, 3 characters, folded */
	uint64_t	s2;
	uint64_t	s3;
	uint64_t	p1;				/* first character as written */
	uint64_t	shape;			/* Xxxxx, dddd, X.X. */
	uint8_t		cap;			/* starts with a capital */
} WordValues;

/* The tags before a word: a part of speech, or one of the two pads. */
#define TAG_START DIPLO_POS_NTAGS	/* "-START-" */
#define TAG_START2 (DIPLO_POS_NTAGS + 1)	/* "-START2-" */
#define TAG_NPREV (DIPLO_POS_NTAGS + 2)

/*
 * Hashes of the tag names and pads, and the part-of-speech feature keys
 * that depend on them or on nothing, computed once (same values each time).
 */
typedef struct TagHashes
{
	uint64_t	pos[DIPLO_POS_NTAGS];
	uint64_t	ner[DIPLO_NER_NTAGS];
	uint64_t	start;			/* "-START-" */
	uint64_t	start2;			/* "-START2-" */
	uint64_t	end;			/* "-END-" */
	uint64_t	end2;			/* "-END2-" */
	uint64_t	prev[TAG_NPREV];	/* by tag before: pos[], start, start2 */
	uint64_t	bias_key;		/* T_BIAS */
	uint64_t	cap_key[2][2];	/* T_CAP, by capital and sentence start */
	uint64_t	t1_key[TAG_NPREV];	/* T_T1, by the tag before */
	uint64_t	t2_key[TAG_NPREV];	/* T_T2, by the tag two before */
	uint64_t	t12_key[TAG_NPREV][TAG_NPREV];	/* T_T12 */
	/* the slot references of the same features in the model */
	uint32_t	bias_ref;
	uint32_t	cap_ref[2][2];
	uint32_t	t1_ref[TAG_NPREV];
	uint32_t	t2_ref[TAG_NPREV];
	uint32_t	t12_ref[TAG_NPREV][TAG_NPREV];
} TagHashes;

static TagHashes tag_hashes;
static bool tag_hashes_ready = false;

/* FNV-1a of n bytes, continuing from h. */
static inline uint64_t
fnv_bytes(uint64_t h, const unsigned char *s, int n)
{
	for (int i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	return h;
}

/* FNV-1a of a NUL-terminated string. */
static uint64_t
fnv_string(const char *s)
{
	return fnv_bytes(FNV_OFFSET, (const unsigned char *) s, (int) strlen(s));
}

/* The splitmix64 finalizer. */
static inline uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* The hash of an ordered pair of value hashes. */
static inline uint64_t
pair_hash(uint64_t a, uint64_t b)
{
	return mix64(a ^ (b * UINT64_C(0xC2B2AE3D27D4EB4F)));
}

/* The key of template tid with value hash vh. */
static inline uint64_t
feature_key(int tid, uint64_t vh)
{
	return mix64(vh ^ ((uint64_t) tid * UINT64_C(0x9E3779B97F4A7C15)));
}

static inline uint64_t cap_value(const WordValues *v, bool initial);
static inline uint32_t find_feature(uint64_t key);

/* Fill tag_hashes on first use. */
static void
init_tag_hashes(void)
{
	TagHashes	h;

	if (tag_hashes_ready)
		return;
	for (int k = 0; k < DIPLO_POS_NTAGS; k++)
		h.pos[k] = fnv_string(diplo_postag_pos_names[k]);
	for (int k = 0; k < DIPLO_NER_NTAGS; k++)
		h.ner[k] = fnv_string(diplo_postag_ner_names[k]);
	h.start = fnv_string("-START-");
	h.start2 = fnv_string("-START2-");
	h.end = fnv_string("-END-");
	h.end2 = fnv_string("-END2-");
	for (int k = 0; k < DIPLO_POS_NTAGS; k++)
		h.prev[k] = h.pos[k];
	h.prev[TAG_START] = h.start;
	h.prev[TAG_START2] = h.start2;
	h.bias_key = feature_key(T_BIAS, 0);
	for (int cap = 0; cap < 2; cap++)
		for (int initial = 0; initial < 2; initial++)
		{
			WordValues	v;

			v.cap = (uint8_t) cap;
			h.cap_key[cap][initial] = feature_key(T_CAP, cap_value(&v, initial));
		}
	for (int a = 0; a < TAG_NPREV; a++)
	{
		h.t1_key[a] = feature_key(T_T1, h.prev[a]);
		h.t2_key[a] = feature_key(T_T2, h.prev[a]);
		for (int b = 0; b < TAG_NPREV; b++)
			h.t12_key[a][b] = feature_key(T_T12, pair_hash(h.prev[a], h.prev[b]));
	}
	h.bias_ref = find_feature(h.bias_key);
	for (int cap = 0; cap < 2; cap++)
		for (int initial = 0; initial < 2; initial++)
			h.cap_ref[cap][initial] = find_feature(h.cap_key[cap][initial]);
	for (int a = 0; a < TAG_NPREV; a++)
	{
		h.t1_ref[a] = find_feature(h.t1_key[a]);
		h.t2_ref[a] = find_feature(h.t2_key[a]);
		for (int b = 0; b < TAG_NPREV; b++)
			h.t12_ref[a][b] = find_feature(h.t12_key[a][b]);
	}
	tag_hashes = h;
	tag_hashes_ready = true;
}

/* Is b a UTF-8 continuation byte? */
static inline bool
is_cont(unsigned char b)
{
	return b >= 0x80 && b < 0xC0;
}

/* The hash of the last k characters of the folded word f[0, n). */
static inline uint64_t
suffix_hash(const unsigned char *f, int n, int k)
{
	int			i = n;

	while (k > 0 && i > 0)
	{
		i--;
		while (i > 0 && is_cont(f[i]))
			i--;
		k--;
	}
	return fnv_bytes(FNV_OFFSET, f + i, n - i);
}

/* The shape class of a byte: X x d, u for other letters, else itself. */
static inline unsigned char
shape_class(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return 'X';
	if (c >= 'a' && c <= 'z')
		return 'x';
	if (c >= '0' && c <= '9')
		return 'd';
	if (c >= 0xC0)
		return 'u';
	return c;
}

/* Summarise one word (any bytes). */
static void
word_values(const DiploWord *word, WordValues *v)
{
	const unsigned char *raw = (const unsigned char *) word->s;
	int			len = word->len;
	unsigned char f[MAX_WORD_BYTES];
	int			fl = 0;
	int			i;
	uint64_t	h;
	unsigned char last = 0;
	int			run = 0,
				nshape = 0;
	unsigned char seen = 0;		/* the bits of every byte folded */

	if (len <= 0 || raw == NULL)
	{
		v->w = v->s1 = v->s2 = v->s3 = v->p1 = v->shape = FNV_OFFSET;
		v->cap = 0;
		return;
	}
	/* fold: ASCII lowercased, ’ and ‘ made ' */
	i = 0;
	while (i < len && fl < MAX_WORD_BYTES)
	{
		unsigned char c = raw[i];

		if (c == 0xE2 && i + 2 < len && raw[i + 1] == 0x80 &&
			(raw[i + 2] == 0x99 || raw[i + 2] == 0x98))
		{
			f[fl++] = '\'';
			seen |= c;
			i += 3;
			continue;
		}
		f[fl++] = (c >= 'A' && c <= 'Z') ? (unsigned char) (c + 32) : c;
		seen |= c;
		i++;
	}
	if (raw[0] >= '0' && raw[0] <= '9')
	{
		bool		year = len == 4;

		for (i = 1; year && i < 4; i++)
			year = raw[i] >= '0' && raw[i] <= '9';
		v->w = fnv_string(year ? "!YEAR" : "!DIGITS");
	}
	else
		v->w = fnv_bytes(FNV_OFFSET, f, fl);
	if (seen < 0x80)
	{
		/* all ASCII: a character is a byte */
		v->s1 = fnv_bytes(FNV_OFFSET, f + fl - 1, 1);
		v->s2 = fl >= 2 ? fnv_bytes(FNV_OFFSET, f + fl - 2, 2) : v->s1;
		v->s3 = fl >= 3 ? fnv_bytes(FNV_OFFSET, f + fl - 3, 3) : v->s2;
		v->p1 = fnv_bytes(FNV_OFFSET, raw, 1);
	}
	else
	{
		v->s1 = suffix_hash(f, fl, 1);
		v->s2 = suffix_hash(f, fl, 2);
		v->s3 = suffix_hash(f, fl, 3);
		i = 1;
		while (i < len && is_cont(raw[i]))
			i++;
		v->p1 = fnv_bytes(FNV_OFFSET, raw, i);
	}
	/* shape of the first 64 bytes: runs cut at 4, 16 classes at most */
	h = FNV_OFFSET;
	for (i = 0; i < len && i < MAX_WORD_BYTES; i++)
	{
		unsigned char s;

		if (is_cont(raw[i]))
			continue;
		s = shape_class(raw[i]);
		if (nshape > 0 && last == s)
		{
			if (++run >= 4)
				continue;
		}
		else
			run = 0;
		h = (h ^ s) * FNV_PRIME;
		last = s;
		if (++nshape >= MAX_SHAPE)
			break;
	}
	v->shape = h;
	v->cap = (raw[0] >= 'A' && raw[0] <= 'Z') ||
		(raw[0] == 0xC3 && len > 1 && raw[1] >= 0x80 && raw[1] <= 0x9E &&
		 raw[1] != 0x97);
}

/* The values of a pad position outside the sentence. */
static void
pad_values(uint64_t h, WordValues *v)
{
	v->w = v->s1 = v->s2 = v->s3 = v->p1 = v->shape = h;
	v->cap = 0;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void) 0)
#endif

#define MAX_KEYS 24				/* features of one step */

/* Start loading the first slot of each key (the lookups are cache misses). */
static inline void
prefetch_slots(const uint64_t *keys, int nkeys)
{
	for (int k = 0; k < nkeys; k++)
		PREFETCH(&diplo_postag_slots[(uint32_t) keys[k] & diplo_postag_mask]);
}

/* The slot reference of a feature key, or 0 if the model lacks it. */
static inline uint32_t
find_feature(uint64_t key)
{
	uint32_t	k = (uint32_t) key & diplo_postag_mask;
	uint32_t	check = (uint32_t) (key >> 32);

	for (;;)
	{
		const DiploPostagSlot *s = &diplo_postag_slots[k];

		if (s->ref == 0 || s->check == check)
			return s->ref;
		k = (k + 1) & diplo_postag_mask;
	}
}

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define SSE_ARGMAX 1
#endif

#ifdef __SSE2__
#if DIPLO_POSTAG_ROW != 48
#error "score_keys keeps DIPLO_POSTAG_ROW / 8 = 6 accumulators"
#endif
#endif

#ifdef SSE_ARGMAX
/*
 * The lowest index of the greatest of scores[0, nclasses) (nclasses > 8),
 * eight lanes at a time: the lanes from nclasses on are made the least
 * value, so that they can tie only after every class.
 */
static inline int
argmax_wide(const int16_t *scores, int nclasses)
{
	const __m128i lanes = _mm_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7);
	const __m128i ncl = _mm_set1_epi16((int16_t) nclasses);
	const __m128i least = _mm_set1_epi16(INT16_MIN);
	__m128i		v[DIPLO_POSTAG_ROW / 8];
	__m128i		m;

	for (int k = 0; k < DIPLO_POSTAG_ROW / 8; k++)
	{
		__m128i		in = _mm_cmplt_epi16(_mm_add_epi16(lanes, _mm_set1_epi16((int16_t) (8 * k))),
										 ncl);

		v[k] = _mm_loadu_si128((const __m128i *) (scores + 8 * k));
		v[k] = _mm_or_si128(_mm_and_si128(in, v[k]), _mm_andnot_si128(in, least));
	}
	m = v[0];
	for (int k = 1; k < DIPLO_POSTAG_ROW / 8; k++)
		m = _mm_max_epi16(m, v[k]);
	/* the greatest in every lane */
	m = _mm_max_epi16(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(1, 0, 3, 2)));
	m = _mm_max_epi16(m, _mm_shuffle_epi32(m, _MM_SHUFFLE(2, 3, 0, 1)));
	m = _mm_max_epi16(m, _mm_shufflelo_epi16(_mm_shufflehi_epi16(m, _MM_SHUFFLE(2, 3, 0, 1)),
											 _MM_SHUFFLE(2, 3, 0, 1)));
	for (int k = 0; k < DIPLO_POSTAG_ROW / 8; k++)
	{
		int			bits = _mm_movemask_epi8(_mm_cmpeq_epi16(v[k], m));

		if (bits != 0)
			return 8 * k + __builtin_ctz((unsigned) bits) / 2;
	}
	return 0;
}
#endif

/* Put a feature's slot reference with the dense rows or the sparse runs. */
static inline void
sort_feature(uint32_t ref, const int16_t **dense, int *ndense,
			 uint32_t *sparse, int *nsparse)
{
	if ((ref & 0xFF) == DIPLO_POSTAG_DENSE)
	{
		dense[*ndense] = &diplo_postag_rows[(ref >> 8) * DIPLO_POSTAG_ROW];
		PREFETCH(dense[*ndense]);
		(*ndense)++;
	}
	else if (ref & 0xFF)
	{
		sparse[(*nsparse)++] = ref;
		PREFETCH(&diplo_postag_weights[ref >> 8]);
	}
}

/*
 * The best of nclasses classes (the lowest index on ties) given the keys
 * of a step's features, whose slots were prefetched, and the slot
 * references of its other features (refs, found before; may be NULL).
 * scores is as wide as the part-of-speech classes whatever nclasses is, so
 * that a (2^-32 likely) false match with the other model's feature stays
 * in bounds.
 */
static int
score_keys(const uint64_t *keys, int nkeys, const uint32_t *refs, int nrefs,
		   int nclasses)
{
	int16_t		scores[DIPLO_POSTAG_ROW];
	const int16_t *dense[MAX_KEYS]; /* the features' dense rows */
	uint32_t	sparse[MAX_KEYS];	/* and the others' references */
	int			ndense = 0,
				nsparse = 0;
	int			best = 0;
	int			bestv;

	for (int k = 0; k < nkeys; k++)
		sort_feature(find_feature(keys[k]), dense, &ndense, sparse, &nsparse);
	for (int k = 0; k < nrefs; k++)
		sort_feature(refs[k], dense, &ndense, sparse, &nsparse);

	/*
	 * The dense rows first, then the sparse weights on top (the weights'
	 * bound keeps every sum in range, so the order of the sums is free)
	 */
#ifdef __SSE2__
	{
		/* six registers: DIPLO_POSTAG_ROW / 8 */
		__m128i		acc0 = _mm_setzero_si128(),
					acc1 = _mm_setzero_si128(),
					acc2 = _mm_setzero_si128(),
					acc3 = _mm_setzero_si128(),
					acc4 = _mm_setzero_si128(),
					acc5 = _mm_setzero_si128();
		__m128i    *out = (__m128i *) scores;

		for (int d = 0; d < ndense; d++)
		{
			const __m128i *row = (const __m128i *) dense[d];

			acc0 = _mm_add_epi16(acc0, _mm_loadu_si128(row));
			acc1 = _mm_add_epi16(acc1, _mm_loadu_si128(row + 1));
			acc2 = _mm_add_epi16(acc2, _mm_loadu_si128(row + 2));
			acc3 = _mm_add_epi16(acc3, _mm_loadu_si128(row + 3));
			acc4 = _mm_add_epi16(acc4, _mm_loadu_si128(row + 4));
			acc5 = _mm_add_epi16(acc5, _mm_loadu_si128(row + 5));
		}
		_mm_storeu_si128(out, acc0);
		_mm_storeu_si128(out + 1, acc1);
		_mm_storeu_si128(out + 2, acc2);
		_mm_storeu_si128(out + 3, acc3);
		_mm_storeu_si128(out + 4, acc4);
		_mm_storeu_si128(out + 5, acc5);
	}
#else
	memset(scores, 0, sizeof(scores));
	for (int d = 0; d < ndense; d++)
		for (int c = 0; c < DIPLO_POSTAG_ROW; c++)
			scores[c] = (int16_t) (scores[c] + dense[d][c]);
#endif
	for (int k = 0; k < nsparse; k++)
	{
		const DiploPostagWeight *w = &diplo_postag_weights[sparse[k] >> 8];
		int			n = (int) (sparse[k] & 0xFF);

		for (int j = 0; j < n; j++)
			scores[w[j].cls] = (int16_t) (scores[w[j].cls] + w[j].weight);
	}
#ifdef SSE_ARGMAX
	if (nclasses > 8 && nclasses <= DIPLO_POSTAG_ROW)
		return argmax_wide(scores, nclasses);
#endif
	/* the best value kept in a register: no chain through scores[best] */
	bestv = scores[0];
	for (int c = 1; c < nclasses; c++)
	{
		if (scores[c] > bestv)
		{
			bestv = scores[c];
			best = c;
		}
	}
	return best;
}

/* The hash of the cap / sentence-initial feature value. */
static inline uint64_t
cap_value(const WordValues *v, bool initial)
{
	unsigned char b[2];

	b[0] = (unsigned char) ('0' + v->cap);
	b[1] = (unsigned char) (initial ? '1' : '0');
	return fnv_bytes(FNV_OFFSET, b, 2);
}

/*
 * Keys of the part-of-speech features of word v that depend on the words
 * (but the capital / sentence-start value: see pos_known_refs).
 */
static int
pos_word_keys(const WordValues *m2, const WordValues *m1, const WordValues *v,
			  const WordValues *p1, const WordValues *p2, uint64_t *keys)
{
	keys[0] = feature_key(T_W, v->w);
	keys[1] = feature_key(T_S1, v->s1);
	keys[2] = feature_key(T_S2, v->s2);
	keys[3] = feature_key(T_S3, v->s3);
	keys[4] = feature_key(T_P1, v->p1);
	keys[5] = feature_key(T_SHAPE, v->shape);
	keys[6] = feature_key(T_WM1, m1->w);
	keys[7] = feature_key(T_S3M1, m1->s3);
	keys[8] = feature_key(T_WM2, m2->w);
	keys[9] = feature_key(T_WP1, p1->w);
	keys[10] = feature_key(T_S3P1, p1->s3);
	keys[11] = feature_key(T_WP2, p2->w);
	keys[12] = feature_key(T_SHM1, m1->shape);
	keys[13] = feature_key(T_SHP1, p1->shape);
	return 14;
}

/* The key of the feature of the tag before word v and v itself (TAG_*). */
static int
pos_tag_keys(const WordValues *v, int t1, uint64_t *keys)
{
	keys[0] = feature_key(T_T1W, pair_hash(tag_hashes.prev[t1], v->w));
	return 1;
}

/*
 * The slot references, found once, of the part-of-speech features of word
 * v that depend on nothing (the bias), on its capital and sentence start,
 * or on the two tags before it (TAG_*).
 */
static int
pos_known_refs(const WordValues *v, bool initial, int t1, int t2,
			   uint32_t *refs)
{
	refs[0] = tag_hashes.bias_ref;
	refs[1] = tag_hashes.cap_ref[v->cap != 0][initial];
	refs[2] = tag_hashes.t1_ref[t1];
	refs[3] = tag_hashes.t2_ref[t2];
	refs[4] = tag_hashes.t12_ref[t1][t2];
	return 5;
}

/* Keys of the entity features that depend on the words only. */
static int
ner_word_keys(const WordValues *m2, const WordValues *m1, const WordValues *v,
			  const WordValues *p1, const WordValues *p2, bool initial,
			  uint64_t *keys)
{
	keys[0] = feature_key(N_BIAS, 0);
	keys[1] = feature_key(N_W, v->w);
	keys[2] = feature_key(N_S3, v->s3);
	keys[3] = feature_key(N_SHAPE, v->shape);
	keys[4] = feature_key(N_WM1, m1->w);
	keys[5] = feature_key(N_WP1, p1->w);
	keys[6] = feature_key(N_SHM1, m1->shape);
	keys[7] = feature_key(N_SHP1, p1->shape);
	keys[8] = feature_key(N_CAP, cap_value(v, initial));
	keys[9] = feature_key(N_WM2, m2->w);
	keys[10] = feature_key(N_WP2, p2->w);
	return 11;
}

/* Keys of the entity features from the tags (pos: of the word; e1: entity before). */
static int
ner_tag_keys(const WordValues *v, uint64_t pos_m1, uint64_t pos,
			 uint64_t pos_p1, uint64_t e1, uint64_t *keys)
{
	keys[0] = feature_key(N_POS, pos);
	keys[1] = feature_key(N_POSM1, pos_m1);
	keys[2] = feature_key(N_POSP1, pos_p1);
	keys[3] = feature_key(N_POSSHAPE, pair_hash(pos, v->shape));
	keys[4] = feature_key(N_E1, e1);
	keys[5] = feature_key(N_E1POS, pair_hash(e1, pos));
	keys[6] = feature_key(N_E1W, pair_hash(e1, v->w));
	return 7;
}

/* The PTB name of a part-of-speech tag ("NNP"), or "?" if out of range. */
const char *
diplo_pos_name(int pos)
{
	return pos >= 0 && pos < DIPLO_POS_NTAGS ? diplo_postag_pos_names[pos] : "?";
}

/* The name of an entity tag ("PERSON", "O"), or "?" if out of range. */
const char *
diplo_ner_name(int ner)
{
	return ner >= 0 && ner < DIPLO_NER_NTAGS ? diplo_postag_ner_names[ner] : "?";
}

/* The values of position j (-2 .. n+1) of the sentence into the ring. */
static void
fill_ring(WordValues *ring, const DiploWord *words, int n, int j)
{
	WordValues *v = &ring[(j + RING) % RING];

	if (j == -2)
		pad_values(tag_hashes.start2, v);
	else if (j == -1)
		pad_values(tag_hashes.start, v);
	else if (j == n)
		pad_values(tag_hashes.end, v);
	else if (j > n)
		pad_values(tag_hashes.end2, v);
	else
		word_values(&words[j], v);
}

/* The ring entry of position j (-2 .. n+1). */
#define AT(ring, j) (&(ring)[((j) + RING) % RING])

/*
 * Word i's entity tag (the tags of i-1, i, i+1 and entity i-1 are known).
 * Only capitalised words and lowercase words between a name and a capital
 * ("Bank of America") go through the model; the others are O.
 */
static void
ner_at(const WordValues *ring, const uint8_t *pos_out, int n, int i,
	   uint8_t *ner_out, uint64_t *keys, int nword_keys)
{
	const TagHashes *th = &tag_hashes;
	uint64_t	e1 = i > 0 ? th->ner[ner_out[i - 1]] : th->start;
	uint64_t	pm1 = i > 0 ? th->pos[pos_out[i - 1]] : th->start;
	uint64_t	pp1 = i + 1 < n ? th->pos[pos_out[i + 1]] : th->end;
	int			nk = nword_keys;

	/* a capital, or a lowercase word between a name and a capital */
	if (!AT(ring, i)->cap &&
		!(i > 0 && ner_out[i - 1] != DIPLO_NER_O && i + 1 < n &&
		  AT(ring, i + 1)->cap))
	{
		ner_out[i] = DIPLO_NER_O;
		return;
	}
	nk += ner_tag_keys(AT(ring, i), pm1, th->pos[pos_out[i]], pp1, e1,
					   keys + nk);
	prefetch_slots(keys + nword_keys, nk - nword_keys);
	ner_out[i] = (uint8_t) score_keys(keys, nk, NULL, 0, DIPLO_NER_NTAGS);
}

/* Tag one sentence of n words (ner_out may be NULL). */
void
diplo_pos_tag(const DiploAllocator *a, const DiploWord *words, int n,
			  uint8_t *pos_out, uint8_t *ner_out)
{
	WordValues	ring[RING];
	uint64_t	pkeys[2][MAX_KEYS]; /* part-of-speech keys of i and i+1 */
	uint64_t	nkeys[2][MAX_KEYS]; /* word-only entity keys of i-1 and i */
	int			npk[2] = {0, 0};
	int			nnk[2] = {0, 0};
	int			t1 = TAG_START, /* the tags of the two words before */
				t2 = TAG_START2;

	if (n <= 0)
		return;
	init_tag_hashes();
	for (int j = -2; j < 3; j++)
		fill_ring(ring, words, n, j);
	npk[0] = pos_word_keys(AT(ring, -2), AT(ring, -1), AT(ring, 0),
						   AT(ring, 1), AT(ring, 2), pkeys[0]);
	prefetch_slots(pkeys[0], npk[0]);

	/*
	 * Memory latency rules: the word-only keys of word i+1 are computed
	 * and their slots prefetched while word i is scored.
	 */
	for (int i = 0; i < n; i++)
	{
		int			p,
					nrefs,
					cur = i & 1;
		uint32_t	refs[8];

		if (a && (i & 63) == 0)
			diplo_check_interrupts(a);
		fill_ring(ring, words, n, i + 3);
		if (i + 1 < n)
		{
			npk[!cur] = pos_word_keys(AT(ring, i - 1), AT(ring, i), AT(ring, i + 1),
									  AT(ring, i + 2), AT(ring, i + 3),
									  pkeys[!cur]);
			prefetch_slots(pkeys[!cur], npk[!cur]);
		}
		if (ner_out && (AT(ring, i)->cap || AT(ring, i + 1)->cap))
		{
			/* word i's entity features from the words, loaded meanwhile */
			nnk[cur] = ner_word_keys(AT(ring, i - 2), AT(ring, i - 1),
									 AT(ring, i), AT(ring, i + 1),
									 AT(ring, i + 2), i == 0, nkeys[cur]);
			prefetch_slots(nkeys[cur], nnk[cur]);
		}
		p = npk[cur] + pos_tag_keys(AT(ring, i), t1, pkeys[cur] + npk[cur]);
		nrefs = pos_known_refs(AT(ring, i), i == 0, t1, t2, refs);
		p = score_keys(pkeys[cur], p, refs, nrefs, DIPLO_POS_NTAGS);
		pos_out[i] = (uint8_t) p;
		t2 = t1;
		t1 = p;
		/* word i-1's entity needs the part of speech of word i */
		if (ner_out && i > 0)
			ner_at(ring, pos_out, n, i - 1, ner_out, nkeys[!cur], nnk[!cur]);
	}
	if (ner_out)
		ner_at(ring, pos_out, n, n - 1, ner_out, nkeys[(n - 1) & 1],
			   nnk[(n - 1) & 1]);
}

/* Tag every sentence of a paragraph (pos_out, ner_out: t->n entries). */
void
diplo_pos_tag_tokens(const DiploAllocator *a, const DiploTokens *t,
					 uint8_t *pos_out, uint8_t *ner_out)
{
	if (t->nsent <= 0)
	{
		diplo_pos_tag(a, t->words, t->n, pos_out, ner_out);
		return;
	}
	for (int s = 0; s < t->nsent; s++)
	{
		int			start = t->sent_start[s];
		int			end = s + 1 < t->nsent ? t->sent_start[s + 1] : t->n;

		diplo_pos_tag(a, t->words + start, end - start, pos_out + start,
					  ner_out ? ner_out + start : NULL);
	}
}
