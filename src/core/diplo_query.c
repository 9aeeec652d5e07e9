/*
 * diplo_query.c
 *		The query language: parser, printer, flat form, exact evaluation,
 *		index keys and the ternary evaluation over key presence.
 *
 * One rule decides every match, so that a sequential scan and an index
 * scan agree: a field value (a speaker's name, a role, a topic ...) is
 * normalised and cut into its forms, the whole value and each of its words
 * (words split on spaces, and hyphenated words also on hyphens); a query
 * value matches when it equals a form, or starts one for a prefix.  The
 * index keys of a row are the forms of its field values, tagged by field,
 * so key presence decides every term outside quote() exactly; but a whole
 * speaker or organisation name of several words has no key of its own (its
 * words have theirs): a term on one needs the keys of all its words and is
 * rechecked.
 *
 * Like to_tsvector, the index leaves out the word: stems of stop words
 * (data/stopwords.txt), of words with no letter or fewer than two letters
 * and digits, and of the stems too common inside quotes to be worth a key
 * (data/frequent_stems.txt); a word: term that may name such a stem has no
 * key and is answered by the recheck (MAYBE in the ternary evaluation).
 */
#include "diplo_query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "diplo_lexicon.h"
#include "diplo_text.h"

/* Words longer than this (bytes) are not stemmed, as in the lexicon. */
#define STEM_WORD_MAX 64

/* Longest piece of input quoted in a parse error, in bytes. */
#define ERROR_EXCERPT 40

const char *const diplo_query_field_names[DIPLO_QF_COUNT] = {
	"speaker", "role", "org", "country", "topic", "event", "cue", "word"
};

/* The tag byte that starts the index keys of each field. */
static const char field_tags[DIPLO_QF_COUNT] = {
	's', 'r', 'o', 'c', 't', 'e', 'v', 'w'
};

/* The process's English stemmer for word: terms, made on first use. */
static struct sb_stemmer *word_stemmer;
static bool word_stemmer_failed;

/*
 * Growable byte buffers
 */

typedef struct Buf
{
	const DiploAllocator *a;
	char	   *s;
	size_t		len;
	size_t		cap;
} Buf;

/* Start an empty buffer. */
static void
buf_init(Buf *b, const DiploAllocator *a)
{
	b->a = a;
	b->cap = 64;
	b->len = 0;
	b->s = diplo_alloc(a, b->cap);
}

/* Append n bytes, keeping a NUL after them. */
static void
buf_add(Buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = b->cap * 2;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = diplo_realloc(b->a, b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Append a NUL-terminated string. */
static void
buf_puts(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/*
 * Normalisation
 */

/* Latin-1 and Latin Extended-A letters and their ASCII lowercase forms. */
static const struct
{
	uint16_t	first;
	uint16_t	last;
	const char *ascii;
}			latin_folds[] = {
	{0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"},
	{0xCC, 0xCF, "i"}, {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"},
	{0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"}, {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"},
	{0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"}, {0xE7, 0xE7, "c"},
	{0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
	{0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"},
	{0xFE, 0xFE, "th"}, {0xFF, 0xFF, "y"}, {0x100, 0x105, "a"},
	{0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
	{0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"},
	{0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
	{0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"},
	{0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
	{0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"},
	{0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

/* The ASCII form of a Latin letter code point, or NULL. */
static const char *
latin_fold(uint32_t cp)
{
	if (cp < 0xC0 || cp > 0x17F)
		return NULL;
	for (size_t i = 0; i < sizeof(latin_folds) / sizeof(latin_folds[0]); i++)
		if (cp >= latin_folds[i].first && cp <= latin_folds[i].last)
			return latin_folds[i].ascii;
	return NULL;
}

/* Is code point cp a space for normalisation? */
static bool
cp_is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
		(cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x3000;
}

/* Decode one well-formed character (n bytes) at s. */
static uint32_t
decode_char(const unsigned char *s, int n)
{
	switch (n)
	{
		case 1:
			return s[0];
		case 2:
			return ((uint32_t) (s[0] & 0x1F) << 6) | (s[1] & 0x3F);
		case 3:
			return ((uint32_t) (s[0] & 0x0F) << 12) |
				((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		default:
			return ((uint32_t) (s[0] & 0x07) << 18) |
				((uint32_t) (s[1] & 0x3F) << 12) |
				((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	}
}

/* Normalise s[0..len) (see the header); invalid bytes become U+FFFD. */
char *
diplo_normalize(const DiploAllocator *a, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	Buf			b;
	size_t		i = 0;
	bool		pending_space = false;

	buf_init(&b, a);
	while (i < len)
	{
		int			n = diplo_utf8_char_len(u + i, len - i);
		bool		invalid = (n == 0 || u[i] == 0);
		uint32_t	cp;
		const char *fold;

		if ((i & 4095) == 0)
			diplo_check_interrupts(a);
		if (invalid)
		{
			cp = 0xFFFD;
			n = 1;
		}
		else
			cp = decode_char(u + i, n);
		if (cp_is_space(cp))
		{
			pending_space = b.len > 0;
			i += n;
			continue;
		}
		if (pending_space)
			buf_add(&b, " ", 1);
		pending_space = false;
		if (cp >= 'A' && cp <= 'Z')
		{
			char		c = (char) (cp + 0x20);

			buf_add(&b, &c, 1);
		}
		else if ((fold = latin_fold(cp)) != NULL)
			buf_puts(&b, fold);
		else if (cp == 0x2018 || cp == 0x2019)
			buf_add(&b, "'", 1);
		else if (invalid)
			buf_add(&b, "\xEF\xBF\xBD", 3);
		else
			buf_add(&b, s + i, n);
		i += n;
	}
	return b.s;
}

/*
 * Forms of a value: the whole, each space-separated word, and the pieces
 * of hyphenated words.  A callback receives each (duplicates possible).
 */
typedef void (*FormCallback) (void *arg, const char *s, size_t len);

/* Call fn for every form of the normalised value norm[0..len). */
static void
for_each_form(const char *norm, size_t len, FormCallback fn, void *arg)
{
	size_t		i = 0;
	bool		multiword;

	if (len == 0)
		return;
	fn(arg, norm, len);
	multiword = memchr(norm, ' ', len) != NULL;
	while (i < len)
	{
		size_t		end = i;
		const char *hyphen;

		while (end < len && norm[end] != ' ')
			end++;
		if (multiword)
			fn(arg, norm + i, end - i);
		hyphen = memchr(norm + i, '-', end - i);
		if (hyphen != NULL)
		{
			size_t		j = i;

			while (j < end)
			{
				size_t		k = j;

				while (k < end && norm[k] != '-')
					k++;
				if (k > j)
					fn(arg, norm + j, k - j);
				j = k + 1;
			}
		}
		i = end + 1;
	}
}

/* What a form must equal (or start with, for a prefix). */
typedef struct FormMatch
{
	const char *value;
	size_t		len;
	bool		prefix;
	bool		found;
} FormMatch;

/* FormCallback: note whether this form matches. */
static void
form_match_cb(void *arg, const char *s, size_t len)
{
	FormMatch  *m = arg;

	if (m->found)
		return;
	if (m->prefix ? (len >= m->len && memcmp(s, m->value, m->len) == 0)
		: (len == m->len && memcmp(s, m->value, len) == 0))
		m->found = true;
}

/* Does the raw field value match the normalised query value? */
static bool
raw_matches(const DiploAllocator *a, const char *raw, const char *value,
			bool prefix)
{
	FormMatch	m;
	char	   *norm;

	if (raw == NULL)
		return false;
	norm = diplo_normalize(a, raw, strlen(raw));
	m.value = value;
	m.len = strlen(value);
	m.prefix = prefix;
	m.found = false;
	for_each_form(norm, strlen(norm), form_match_cb, &m);
	diplo_free(a, norm);
	return m.found;
}

/*
 * Words and topics of quote contents
 */

/* Stop-word stems longer than this (bytes) are not kept in the table. */
#define STOP_STEM_MAX 31

/* Most stop stems the table holds (a longer list is cut). */
#define STOP_STEMS_MAX 4096	/* tools/gen_stopwords.py refuses longer lists */

/*
 * A sorted table of stems: the stems of diplo_stopwords, or
 * diplo_frequent_stems; filled once on first use.
 */
typedef struct StemTable
{
	int			n;				/* -1 until filled */
	char		rows[STOP_STEMS_MAX][STOP_STEM_MAX + 1];
} StemTable;

static StemTable stop_stems = {-1};
static StemTable frequent_stems = {-1};

/*
 * The English stem of the normalised word w[0..len) (the word itself if
 * none); *stem_len gets its length.  The result points into the process's
 * stemmer or into w and is valid until the next call.
 */
static const char *
stem_of(const char *w, size_t len, size_t *stem_len)
{
	const sb_symbol *stem = NULL;

	if (word_stemmer == NULL && !word_stemmer_failed)
	{
		word_stemmer = sb_stemmer_new("english", NULL);
		word_stemmer_failed = (word_stemmer == NULL);
	}
	if (word_stemmer != NULL && len <= STEM_WORD_MAX)
		stem = sb_stemmer_stem(word_stemmer, (const sb_symbol *) w, (int) len);
	if (stem != NULL)
	{
		*stem_len = (size_t) sb_stemmer_length(word_stemmer);
		return (const char *) stem;
	}
	*stem_len = len;
	return w;
}

/* The English stem of a normalised word into b (the word itself if none). */
static void
stem_into(const char *w, size_t len, Buf *b)
{
	size_t		n;
	const char *stem = stem_of(w, len, &n);

	buf_add(b, stem, n);
}

/* qsort order of two rows of a stem table. */
static int
stop_row_cmp(const void *x, const void *y)
{
	return strcmp((const char *) x, (const char *) y);
}

/* Add stem s[0..len) to table t unless empty or too long. */
static void
stem_table_add(StemTable *t, const char *s, size_t len)
{
	if (len == 0 || len > STOP_STEM_MAX || t->n >= STOP_STEMS_MAX)
		return;
	memcpy(t->rows[t->n], s, len);
	t->rows[t->n][len] = '\0';
	t->n++;
}

/* Fill the sorted tables of the stop-word stems and frequent stems, once. */
static void
stop_stems_init(void)
{
	if (stop_stems.n >= 0)
		return;
	stop_stems.n = 0;
	frequent_stems.n = 0;
	for (int i = 0; i < diplo_nstopwords; i++)
	{
		const char *w = diplo_stopwords[i];
		size_t		len;
		const char *stem = stem_of(w, strlen(w), &len);

		stem_table_add(&stop_stems, stem, len);
	}
	/* the frequent stems are stems already: stemming may change them */
	for (int i = 0; i < diplo_nfrequent_stems; i++)
		stem_table_add(&frequent_stems, diplo_frequent_stems[i],
					   strlen(diplo_frequent_stems[i]));
	qsort(stop_stems.rows, stop_stems.n, sizeof(stop_stems.rows[0]),
		  stop_row_cmp);
	qsort(frequent_stems.rows, frequent_stems.n,
		  sizeof(frequent_stems.rows[0]), stop_row_cmp);
}

/*
 * Is s[0..len) a stem of table t (prefix false), or the start of one
 * (prefix true)?
 */
static bool
stem_table_find(const StemTable *t, const char *s, size_t len, bool prefix)
{
	int			lo = 0;
	int			hi = t->n;

	/* the first row >= s: rows that start with s follow s directly */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		const char *row = t->rows[mid];
		size_t		rlen = strlen(row);
		int			c = memcmp(row, s, rlen < len ? rlen : len);

		if (c < 0 || (c == 0 && rlen < len))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= t->n || strncmp(t->rows[lo], s, len) != 0)
		return false;
	return prefix || t->rows[lo][len] == '\0';
}

/*
 * Does the index leave out the word: key of stem s[0..len) (prefix false),
 * or of some stem that starts with it (prefix true), for a stop word or,
 * under DIPLO_WORDS_RARE, a frequent stem?
 */
static bool
stop_stem_find(const char *s, size_t len, bool prefix, DiploWordKeys words)
{
	stop_stems_init();
	if (stem_table_find(&stop_stems, s, len, prefix))
		return true;
	return words == DIPLO_WORDS_RARE &&
		stem_table_find(&frequent_stems, s, len, prefix);
}

/*
 * Is a word of this shape never indexed: no letter (a number), or fewer
 * than two letters and digits ("a", "'s")?  Bytes of non-ASCII characters
 * count as letters.
 */
static bool
shape_unindexed(const char *s, size_t len)
{
	int			letters = 0;
	int			alnum = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if ((c >= 'a' && c <= 'z') || c >= 0x80)
			letters++, alnum++;
		else if (c >= '0' && c <= '9')
			alnum++;
		if (letters > 0 && alnum >= 2)
			return false;
	}
	return true;
}

/* Does an index of this word policy hold the word: key of this stem? */
static bool
stem_indexed(const char *s, size_t len, DiploWordKeys words)
{
	return words != DIPLO_WORDS_NONE && !shape_unindexed(s, len) &&
		!stop_stem_find(s, len, false, words);
}

/*
 * May a stem that starts with p[0..len) lack its word: key?  Then a
 * word:p* term cannot be answered by key presence.
 */
static bool
prefix_may_be_unindexed(const char *p, size_t len, DiploWordKeys words)
{
	return words == DIPLO_WORDS_NONE || shape_unindexed(p, len) ||
		stop_stem_find(p, len, true, words);
}

/* Make room in b for n more bytes and the NUL after them. */
static void
buf_reserve(Buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap)
	{
		size_t		cap = b->cap * 2;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = diplo_realloc(b->a, b->s, cap);
		b->cap = cap;
	}
}

/*
 * Normalise s[0..len) into b, replacing its content: printable ASCII is
 * lowercased in place, anything else goes through diplo_normalize.
 */
static void
normalize_into(const DiploAllocator *a, const char *s, size_t len, Buf *b)
{
	char	   *norm;

	b->len = 0;
	buf_reserve(b, len);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c <= 0x20 || c >= 0x7F)
			goto slow;
		b->s[i] = (c >= 'A' && c <= 'Z') ? (char) (c + 0x20) : (char) c;
	}
	b->len = len;
	b->s[len] = '\0';
	return;
slow:
	norm = diplo_normalize(a, s, len);
	b->len = 0;
	buf_puts(b, norm);
	diplo_free(a, norm);
}

/* A string and its length, as stored in sorted lists. */
typedef struct Str
{
	char	   *s;
	size_t		len;
} Str;

/*
 * What one quote's content says, each part built on first need: its word
 * stems (sorted, distinct, pointing into arena) and its topics.
 */
typedef struct QuoteFacts
{
	bool		stems_built;
	bool		topics_built;
	int			probes;			/* word terms answered by a scan so far */
	Str		   *stems;
	int			nstems;
	char	   *arena;
	bool	   *topics;			/* diplo_ntopics flags */
} QuoteFacts;

/* Order strings bytewise, shorter first on a tie. */
static int
str_cmp(const void *x, const void *y)
{
	const Str  *a = x;
	const Str  *b = y;
	size_t		n = a->len < b->len ? a->len : b->len;
	int			c = memcmp(a->s, b->s, n);

	if (c != 0)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

/* What a content scan does with each stem; true stops the scan. */
typedef bool (*StemCallback) (void *arg, const char *stem, size_t len);

/* The state of one content scan, seen by the form callback. */
typedef struct ContentScan
{
	StemCallback on_stem;
	void	   *arg;
	bool		stopped;
} ContentScan;

/* FormCallback: stem a word form and hand it on (until stopped). */
static void
scan_form_cb(void *arg, const char *s, size_t len)
{
	ContentScan *scan = arg;
	size_t		n;
	const char *stem;

	if (scan->stopped)
		return;
	stem = stem_of(s, len, &n);
	if (scan->on_stem(scan->arg, stem, n))
		scan->stopped = true;
}

/*
 * Scan a content tokenized as the analyser does in lang (the language of
 * the analysis: its elisions, its topic keywords): every word and number
 * token is normalised and cut into its forms (the token and its hyphen
 * pieces), and each form's stem goes to on_stem (if not NULL), which may
 * stop the scan; topics (if not NULL) get the topics of the keywords.
 * Returns true if on_stem stopped it.
 */
static bool
scan_content(const DiploAllocator *a, DiploLanguage lang, const char *content,
			 StemCallback on_stem, void *arg, bool *topics)
{
	DiploParagraphs it;
	DiploParagraph p;
	DiploTokens toks;
	ContentScan scan;
	Buf			norm;
	size_t		len = strlen(content);
	int			prev_lang;

	memset(&toks, 0, sizeof(toks));
	scan.on_stem = on_stem;
	scan.arg = arg;
	scan.stopped = false;
	buf_init(&norm, a);
	diplo_lexicon_init();
	/* set, not assumed: a cancelled scan may leave it set (see the header) */
	prev_lang = diplo_lex_set_language(lang);
	diplo_paragraphs_init(&it, content, len);
	while (!scan.stopped && diplo_paragraphs_next(a, &it, &p))
	{
		diplo_tokenize(a, content, &p, &toks);
		for (int i = 0; i < toks.n && !scan.stopped; i++)
		{
			const DiploToken *t = &toks.tok[i];

			if (t->kind != DIPLO_TOK_WORD && t->kind != DIPLO_TOK_NUMBER)
				continue;
			diplo_check_interrupts(a);
			if (on_stem != NULL)
			{
				normalize_into(a, content + t->start, t->end - t->start, &norm);
				for_each_form(norm.s, norm.len, scan_form_cb, &scan);
			}
			if (topics != NULL && t->kind == DIPLO_TOK_WORD)
			{
				int			matched;
				int			topic = diplo_lex_topic(toks.words, toks.n, i, &matched);

				if (topic >= 0 && topic < diplo_ntopics)
					topics[topic] = true;
			}
		}
	}
	diplo_lex_set_language(prev_lang);
	diplo_tokens_free(a, &toks);
	diplo_free(a, norm.s);
	return scan.stopped;
}

/* The stems of a content as they are collected: bytes and offsets. */
typedef struct StemCollector
{
	Buf			bytes;
	size_t	   *off;
	size_t	   *len;
	int			n;
	int			cap;
} StemCollector;

/* StemCallback: keep a copy of the stem (never stops). */
static bool
collect_stem_cb(void *arg, const char *stem, size_t len)
{
	StemCollector *c = arg;

	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 64;
		c->off = diplo_realloc(c->bytes.a, c->off, sizeof(size_t) * c->cap);
		c->len = diplo_realloc(c->bytes.a, c->len, sizeof(size_t) * c->cap);
	}
	c->off[c->n] = c->bytes.len;
	c->len[c->n] = len;
	c->n++;
	buf_add(&c->bytes, stem, len);
	return false;
}

/*
 * Build the parts of a quote's facts that are asked for and missing (the
 * stems, the topics) in one scan of its content.
 */
static void
facts_build(const DiploAllocator *a, DiploLanguage lang, const char *content,
			QuoteFacts *f, bool want_stems, bool want_topics)
{
	StemCollector c;

	want_stems = want_stems && !f->stems_built;
	want_topics = want_topics && !f->topics_built;
	if (!want_stems && !want_topics)
		return;
	memset(&c, 0, sizeof(c));
	if (want_stems)
		buf_init(&c.bytes, a);
	if (want_topics)
		f->topics = diplo_alloc(a, sizeof(bool) * (diplo_ntopics > 0 ? diplo_ntopics : 1));
	scan_content(a, lang, content, want_stems ? collect_stem_cb : NULL, &c,
				 want_topics ? f->topics : NULL);
	f->topics_built = f->topics_built || want_topics;
	if (!want_stems)
		return;
	f->arena = c.bytes.s;
	f->stems = diplo_alloc(a, sizeof(Str) * (c.n ? c.n : 1));
	for (int i = 0; i < c.n; i++)
	{
		f->stems[i].s = c.bytes.s + c.off[i];
		f->stems[i].len = c.len[i];
	}
	diplo_free(a, c.off);
	diplo_free(a, c.len);
	if (c.n > 1)
	{
		int			k = 0;

		qsort(f->stems, c.n, sizeof(Str), str_cmp);
		for (int i = 0; i < c.n; i++)
			if (k == 0 || str_cmp(&f->stems[k - 1], &f->stems[i]) != 0)
				f->stems[k++] = f->stems[i];
		c.n = k;
	}
	f->nstems = c.n;
	f->stems_built = true;
}

/* Free the lists of one quote's facts. */
static void
facts_free(const DiploAllocator *a, QuoteFacts *f)
{
	diplo_free(a, f->arena);
	diplo_free(a, f->stems);
	diplo_free(a, f->topics);
	memset(f, 0, sizeof(*f));
}

/* Does a sorted stem list hold value (or a stem starting with it)? */
static bool
stems_match(const QuoteFacts *f, const char *value, bool prefix)
{
	Str			key;
	int			lo = 0;
	int			hi = f->nstems;

	key.s = (char *) value;
	key.len = strlen(value);
	/* first stem >= value: the prefix matches, if any, start there */
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (str_cmp(&f->stems[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= f->nstems)
		return false;
	if (prefix)
		return f->stems[lo].len >= key.len &&
			memcmp(f->stems[lo].s, key.s, key.len) == 0;
	return str_cmp(&f->stems[lo], &key) == 0;
}

/* The stem (or stem prefix) a scan looks for. */
typedef struct StemProbe
{
	const char *value;
	size_t		len;
	bool		prefix;
} StemProbe;

/* StemCallback: stop at the first stem that matches the probe. */
static bool
probe_stem_cb(void *arg, const char *stem, size_t len)
{
	const StemProbe *p = arg;

	if (p->prefix)
		return len >= p->len && memcmp(stem, p->value, p->len) == 0;
	return len == p->len && memcmp(stem, p->value, len) == 0;
}

/*
 * Does a quote's content have a word whose stem is value (or starts with
 * it)?  The first question about a quote scans its content only until the
 * answer is known; a second one builds the sorted stems and searches them.
 */
static bool
facts_have_stem(const DiploAllocator *a, DiploLanguage lang,
				const char *content, QuoteFacts *f, const char *value,
				bool prefix)
{
	if (!f->stems_built && f->probes == 0)
	{
		StemProbe	probe;

		f->probes++;
		probe.value = value;
		probe.len = strlen(value);
		probe.prefix = prefix;
		return scan_content(a, lang, content, probe_stem_cb, &probe, NULL);
	}
	facts_build(a, lang, content, f, true, false);
	return stems_match(f, value, prefix);
}

/*
 * The parser
 */

/* A node of the parse tree before it is flattened. */
typedef struct PNode
{
	uint8_t		type;
	uint8_t		field;
	uint8_t		prefix;
	char	   *value;			/* terms: normalised, NUL-terminated */
	struct PNode **kids;
	int			nkids;
	int			cap;
} PNode;

typedef struct Parser
{
	const DiploAllocator *a;
	const char *s;
	size_t		len;
	size_t		pos;
	DiploError *err;
	bool		failed;
	int			depth;
	bool		in_quote;
} Parser;

/* Characters that end a bare word (besides whitespace and the end). */
static bool
is_special(unsigned char c)
{
	return c == '&' || c == '|' || c == '!' || c == '(' || c == ')' ||
		c == ':' || c == '"' || c == '*' || c == '\\';
}

/* ASCII whitespace between tokens. */
static bool
is_blank(unsigned char c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

/* May byte c appear in a bare word? */
static bool
is_bare(unsigned char c)
{
	return c != '\0' && !is_blank(c) && !is_special(c);
}

/* Skip whitespace. */
static void
skip_blanks(Parser *p)
{
	while (p->pos < p->len && is_blank((unsigned char) p->s[p->pos]))
		p->pos++;
}

/* A short description of what stands at pos, for error messages. */
static void
describe_at(const Parser *p, size_t pos, char *out, size_t cap)
{
	size_t		end = pos;
	int			n;

	if (pos >= p->len)
	{
		snprintf(out, cap, "end of query");
		return;
	}
	if (is_bare((unsigned char) p->s[pos]))
	{
		while (end < p->len && is_bare((unsigned char) p->s[end]) &&
			   end - pos < ERROR_EXCERPT)
			end++;
		/* do not cut a UTF-8 character in two */
		while (end < p->len && end > pos + 1 &&
			   ((unsigned char) p->s[end] & 0xC0) == 0x80)
			end--;
	}
	else
	{
		n = diplo_utf8_char_len((const unsigned char *) p->s + pos, p->len - pos);
		end = pos + (n > 0 ? n : 1);
	}
	snprintf(out, cap, "\"%.*s\"", (int) (end - pos), p->s + pos);
}

/* Record the first error (code, byte position, message). */
static void
parse_fail(Parser *p, DiploErrorCode code, size_t pos, const char *fmt,
		   const char *arg)
{
	if (p->failed)
		return;
	p->failed = true;
	diplo_error_set(p->err, code, (long) pos, fmt, arg);
}

/* Free a parse tree. */
static void
pnode_free(const DiploAllocator *a, PNode *n)
{
	if (n == NULL)
		return;
	for (int i = 0; i < n->nkids; i++)
		pnode_free(a, n->kids[i]);
	diplo_free(a, n->kids);
	diplo_free(a, n->value);
	diplo_free(a, n);
}

/* A new operator node. */
static PNode *
pnode_new(const DiploAllocator *a, uint8_t type)
{
	PNode	   *n = diplo_alloc(a, sizeof(PNode));

	n->type = type;
	return n;
}

/* Append kid to n; a kid of n's own kind gives n its children instead. */
static void
pnode_add(const DiploAllocator *a, PNode *n, PNode *kid)
{
	if (kid->type == n->type && (n->type == DIPLO_QN_AND || n->type == DIPLO_QN_OR))
	{
		for (int i = 0; i < kid->nkids; i++)
			pnode_add(a, n, kid->kids[i]);
		kid->nkids = 0;
		pnode_free(a, kid);
		return;
	}
	if (n->nkids == n->cap)
	{
		n->cap = n->cap ? n->cap * 2 : 2;
		n->kids = diplo_realloc(a, n->kids, sizeof(PNode *) * n->cap);
	}
	n->kids[n->nkids++] = kid;
}

static PNode *parse_or(Parser *p);

/* A quoted value after its opening '"'; NULL on error. */
static char *
parse_quoted(Parser *p, size_t *rawlen)
{
	Buf			b;
	size_t		start = p->pos - 1;

	buf_init(&b, p->a);
	while (p->pos < p->len && p->s[p->pos] != '"')
	{
		char		c = p->s[p->pos];

		if ((p->pos & 4095) == 0)
			diplo_check_interrupts(p->a);
		if (c == '\\')
		{
			if (p->pos + 1 >= p->len)
				break;
			c = p->s[p->pos + 1];
			if (c != '"' && c != '\\')
			{
				parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
						   "invalid escape in a quoted value (only %s are allowed)",
						   "\\\" and \\\\");
				diplo_free(p->a, b.s);
				return NULL;
			}
			p->pos++;
		}
		buf_add(&b, &c, 1);
		p->pos++;
	}
	if (p->pos >= p->len || p->s[p->pos] != '"')
	{
		parse_fail(p, DIPLO_ERR_SYNTAX, start,
				   "unterminated quoted value%s", "");
		diplo_free(p->a, b.s);
		return NULL;
	}
	p->pos++;
	*rawlen = b.len;
	return b.s;
}

/* The field named s[0..len), case-insensitively; -1 if none. */
static int
field_by_name(const char *s, size_t len)
{
	for (int f = 0; f < DIPLO_QF_COUNT; f++)
	{
		const char *name = diplo_query_field_names[f];
		size_t		i;

		if (strlen(name) != len)
			continue;
		for (i = 0; i < len; i++)
		{
			char		c = s[i];

			if (c >= 'A' && c <= 'Z')
				c += 0x20;
			if (c != name[i])
				break;
		}
		if (i == len)
			return f;
	}
	return -1;
}

/* Is s[0..len) the word quote, in any case? */
static bool
is_quote_keyword(const char *s, size_t len)
{
	static const char kw[] = "quote";

	if (len != 5)
		return false;
	for (size_t i = 0; i < len; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 0x20 : s[i]) != kw[i])
			return false;
	return true;
}

/* field ':' value ['*'], the field name already read at [start, end). */
static PNode *
parse_term(Parser *p, size_t start, size_t end)
{
	int			field = field_by_name(p->s + start, end - start);
	char		what[ERROR_EXCERPT + 16];
	char	   *raw;
	size_t		rawlen = 0;
	size_t		vpos;
	PNode	   *n;

	if (field < 0 && (p->pos >= p->len || p->s[p->pos] != ':'))
	{
		describe_at(p, start, what, sizeof(what));
		parse_fail(p, DIPLO_ERR_SYNTAX, start,
				   "expected a term (field:value), found %s", what);
		return NULL;
	}
	if (field < 0)
	{
		describe_at(p, start, what, sizeof(what));
		parse_fail(p, DIPLO_ERR_SYNTAX, start,
				   "unknown field %s (expected speaker, role, org, country, topic, event, cue or word)",
				   what);
		return NULL;
	}
	if (p->pos >= p->len || p->s[p->pos] != ':')
	{
		parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
				   "expected \":\" after the field name \"%s\"",
				   diplo_query_field_names[field]);
		return NULL;
	}
	if (field == DIPLO_QF_EVENT && p->in_quote)
	{
		parse_fail(p, DIPLO_ERR_SYNTAX, start,
				   "%s: is not a property of a quote and cannot be used inside quote()",
				   "event");
		return NULL;
	}
	p->pos++;
	vpos = p->pos;
	if (p->pos < p->len && p->s[p->pos] == '"')
	{
		p->pos++;
		raw = parse_quoted(p, &rawlen);
		if (raw == NULL)
			return NULL;
	}
	else
	{
		while (p->pos < p->len && is_bare((unsigned char) p->s[p->pos]))
			p->pos++;
		if (p->pos == vpos)
		{
			if (p->pos < p->len && p->s[p->pos] == '*')
				parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
						   "a prefix needs at least one character before \"*\"%s", "");
			else
			{
				describe_at(p, p->pos, what, sizeof(what));
				parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
						   "expected a value after \"%s:\"",
						   diplo_query_field_names[field]);
			}
			return NULL;
		}
		rawlen = p->pos - vpos;
		raw = diplo_strndup(p->a, p->s + vpos, rawlen);
	}
	n = pnode_new(p->a, DIPLO_QN_TERM);
	n->field = (uint8_t) field;
	n->value = diplo_normalize(p->a, raw, rawlen);
	diplo_free(p->a, raw);
	if (n->value[0] == '\0')
	{
		parse_fail(p, DIPLO_ERR_SYNTAX, vpos, "empty value after \"%s:\"",
				   diplo_query_field_names[field]);
		pnode_free(p->a, n);
		return NULL;
	}
	if (field == DIPLO_QF_WORD && strchr(n->value, ' ') != NULL)
	{
		parse_fail(p, DIPLO_ERR_SYNTAX, vpos,
				   "%s: takes a single word", "word");
		pnode_free(p->a, n);
		return NULL;
	}
	if (p->pos < p->len && p->s[p->pos] == '*')
	{
		n->prefix = 1;
		p->pos++;
	}
	if (p->pos < p->len && (is_bare((unsigned char) p->s[p->pos]) ||
							p->s[p->pos] == '"' || p->s[p->pos] == '*' ||
							p->s[p->pos] == ':'))
	{
		describe_at(p, p->pos, what, sizeof(what));
		parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
				   n->prefix ? "unexpected %s after \"*\" (a prefix ends the value)"
				   : "unexpected %s after the value (quote values that hold it)",
				   what);
		pnode_free(p->a, n);
		return NULL;
	}
	return n;
}

/* Enter one level of nesting; false (and an error) past the limit. */
static bool
enter_level(Parser *p)
{
	if (++p->depth > DIPLO_QUERY_MAX_DEPTH)
	{
		char		limit[16];

		snprintf(limit, sizeof(limit), "%d", DIPLO_QUERY_MAX_DEPTH);
		parse_fail(p, DIPLO_ERR_LIMIT, p->pos,
				   "the query is nested more than %s levels deep", limit);
		return false;
	}
	return true;
}

/* Expect ')' closing the group opened at open. */
static bool
expect_close(Parser *p, size_t open)
{
	char		what[ERROR_EXCERPT + 16];

	skip_blanks(p);
	if (p->pos < p->len && p->s[p->pos] == ')')
	{
		p->pos++;
		return true;
	}
	describe_at(p, p->pos, what, sizeof(what));
	if (p->pos >= p->len)
		parse_fail(p, DIPLO_ERR_SYNTAX, open,
				   "unbalanced parenthesis: \"(\" is never closed%s", "");
	else
		parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
				   "expected \"&\", \"|\" or \")\", found %s", what);
	return false;
}

/* '(' or ')' group, quote(...) scope, or a term. */
static PNode *
parse_primary(Parser *p)
{
	char		what[ERROR_EXCERPT + 16];
	size_t		start;
	PNode	   *n;

	skip_blanks(p);
	start = p->pos;
	if (p->pos < p->len && p->s[p->pos] == '(')
	{
		p->pos++;
		if (!enter_level(p))
			return NULL;
		n = parse_or(p);
		p->depth--;
		if (n != NULL && !expect_close(p, start))
		{
			pnode_free(p->a, n);
			return NULL;
		}
		return n;
	}
	if (p->pos < p->len && is_bare((unsigned char) p->s[p->pos]))
	{
		size_t		end;
		size_t		after;

		while (p->pos < p->len && is_bare((unsigned char) p->s[p->pos]))
			p->pos++;
		end = p->pos;
		after = end;
		while (after < p->len && is_blank((unsigned char) p->s[after]))
			after++;
		if (is_quote_keyword(p->s + start, end - start) &&
			after < p->len && p->s[after] == '(')
		{
			PNode	   *inner;

			if (p->in_quote)
			{
				parse_fail(p, DIPLO_ERR_SYNTAX, start,
						   "quote() scopes cannot be nested%s", "");
				return NULL;
			}
			p->pos = after + 1;
			if (!enter_level(p))
				return NULL;
			p->in_quote = true;
			inner = parse_or(p);
			p->in_quote = false;
			p->depth--;
			if (inner == NULL)
				return NULL;
			if (!expect_close(p, after))
			{
				pnode_free(p->a, inner);
				return NULL;
			}
			n = pnode_new(p->a, DIPLO_QN_QUOTE);
			pnode_add(p->a, n, inner);
			return n;
		}
		if (is_quote_keyword(p->s + start, end - start) &&
			(end >= p->len || p->s[end] != ':'))
		{
			parse_fail(p, DIPLO_ERR_SYNTAX, end,
					   "expected \"(\" after quote%s", "");
			return NULL;
		}
		return parse_term(p, start, end);
	}
	describe_at(p, p->pos, what, sizeof(what));
	if (p->pos < p->len && p->s[p->pos] == '"')
		parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
				   "expected a field name before the quoted value%s", "");
	else
		parse_fail(p, DIPLO_ERR_SYNTAX, p->pos,
				   "expected a term, found %s",
				   what);
	return NULL;
}

/* '!' unary | primary */
static PNode *
parse_unary(Parser *p)
{
	PNode	   *kid;
	PNode	   *n;

	skip_blanks(p);
	if (p->pos < p->len && p->s[p->pos] == '!')
	{
		p->pos++;
		if (!enter_level(p))
			return NULL;
		kid = parse_unary(p);
		p->depth--;
		if (kid == NULL)
			return NULL;
		n = pnode_new(p->a, DIPLO_QN_NOT);
		pnode_add(p->a, n, kid);
		return n;
	}
	return parse_primary(p);
}

/* A chain of operands joined by op ('&' or '|'), built by sub. */
static PNode *
parse_chain(Parser *p, char op, uint8_t type, PNode *(*sub) (Parser *))
{
	PNode	   *first = sub(p);
	PNode	   *n = NULL;

	if (first == NULL)
		return NULL;
	for (;;)
	{
		PNode	   *next;

		skip_blanks(p);
		if (p->pos >= p->len || p->s[p->pos] != op)
			break;
		p->pos++;
		diplo_check_interrupts(p->a);
		next = sub(p);
		if (next == NULL)
		{
			pnode_free(p->a, n ? n : first);
			return NULL;
		}
		if (n == NULL)
		{
			n = pnode_new(p->a, type);
			pnode_add(p->a, n, first);
		}
		pnode_add(p->a, n, next);
	}
	return n ? n : first;
}

/* and ('&' and)* ... where and := unary ('&' unary)* */
static PNode *
parse_and(Parser *p)
{
	return parse_chain(p, '&', DIPLO_QN_AND, parse_unary);
}

/* The top level: terms joined by '|'. */
static PNode *
parse_or(Parser *p)
{
	return parse_chain(p, '|', DIPLO_QN_OR, parse_and);
}

/* Nodes and string bytes of a parse tree. */
static void
pnode_count(const PNode *n, int32_t *nnodes, size_t *nbytes)
{
	(*nnodes)++;
	if (n->type == DIPLO_QN_TERM)
		*nbytes += strlen(n->value) + 1;
	for (int i = 0; i < n->nkids; i++)
		pnode_count(n->kids[i], nnodes, nbytes);
}

/* Write n in prefix order at nodes[*next]; returns its subtree size. */
static int32_t
pnode_flatten(const PNode *n, DiploQueryNode *nodes, int32_t *next,
			  char *strings, size_t *used)
{
	DiploQueryNode *out = &nodes[(*next)++];
	int32_t		size = 1;

	memset(out, 0, sizeof(*out));
	out->type = n->type;
	out->value = -1;
	out->nchildren = n->nkids;
	if (n->type == DIPLO_QN_TERM)
	{
		size_t		len = strlen(n->value);

		out->field = n->field;
		out->prefix = n->prefix;
		out->value = (int32_t) *used;
		memcpy(strings + *used, n->value, len + 1);
		*used += len + 1;
	}
	for (int i = 0; i < n->nkids; i++)
		size += pnode_flatten(n->kids[i], nodes, next, strings, used);
	out->size = size;
	return size;
}

/* Parse text into a flat query (see the header). */
bool
diplo_query_parse(const DiploAllocator *a, const char *text, size_t len,
				  DiploQuery *out, DiploError *err)
{
	Parser		p;
	PNode	   *root;
	int32_t		nnodes = 0;
	size_t		nbytes = 0;
	int32_t		next = 0;
	size_t		used = 0;
	DiploQueryNode *nodes;
	char	   *strings;

	memset(out, 0, sizeof(*out));
	memset(&p, 0, sizeof(p));
	p.a = a;
	p.s = text;
	p.len = len;
	p.err = err;
	if (len > (size_t) 64 * 1024 * 1024)
	{
		diplo_error_set(err, DIPLO_ERR_LIMIT, -1,
						"the query is longer than 64 MB");
		return false;
	}
	if (memchr(text, '\0', len) != NULL)
	{
		diplo_error_set(err, DIPLO_ERR_SYNTAX,
						(long) ((const char *) memchr(text, '\0', len) - text),
						"NUL byte in the query");
		return false;
	}
	skip_blanks(&p);
	if (p.pos >= len)
	{
		diplo_error_set(err, DIPLO_ERR_SYNTAX, (long) p.pos, "empty query");
		return false;
	}
	root = parse_or(&p);
	if (root != NULL)
	{
		skip_blanks(&p);
		if (p.pos < len)
		{
			char		what[ERROR_EXCERPT + 16];

			describe_at(&p, p.pos, what, sizeof(what));
			if (text[p.pos] == ')')
				parse_fail(&p, DIPLO_ERR_SYNTAX, p.pos,
						   "unbalanced parenthesis: \")\" without \"(\"%s", "");
			else
				parse_fail(&p, DIPLO_ERR_SYNTAX, p.pos,
						   "expected \"&\", \"|\" or the end of the query, found %s",
						   what);
			pnode_free(a, root);
			root = NULL;
		}
	}
	if (root == NULL)
		return false;
	pnode_count(root, &nnodes, &nbytes);
	nodes = diplo_alloc(a, sizeof(DiploQueryNode) * nnodes);
	strings = diplo_alloc(a, nbytes);
	pnode_flatten(root, nodes, &next, strings, &used);
	pnode_free(a, root);
	out->nnodes = nnodes;
	out->strings_len = (int32_t) nbytes;
	out->nodes = nodes;
	out->strings = strings;
	return true;
}

/* Free a parsed query's arrays. */
void
diplo_query_free(const DiploAllocator *a, DiploQuery *q)
{
	diplo_free(a, (void *) q->nodes);
	diplo_free(a, (void *) q->strings);
	memset(q, 0, sizeof(*q));
}

/*
 * Printing, comparing, the flat form
 */

/* Does a normalised value need double quotes to read back? */
static bool
value_needs_quotes(const char *v)
{
	for (const char *c = v; *c; c++)
		if (!is_bare((unsigned char) *c))
			return true;
	return false;
}

/* Print the subtree at node i into b. */
static void
print_node(Buf *b, const DiploQuery *q, int32_t i)
{
	const DiploQueryNode *n = &q->nodes[i];
	int32_t		c = i + 1;

	switch (n->type)
	{
		case DIPLO_QN_TERM:
			{
				const char *v = q->strings + n->value;

				buf_puts(b, diplo_query_field_names[n->field]);
				buf_add(b, ":", 1);
				if (value_needs_quotes(v))
				{
					buf_add(b, "\"", 1);
					for (; *v; v++)
					{
						if (*v == '"' || *v == '\\')
							buf_add(b, "\\", 1);
						buf_add(b, v, 1);
					}
					buf_add(b, "\"", 1);
				}
				else
					buf_puts(b, v);
				if (n->prefix)
					buf_add(b, "*", 1);
				break;
			}
		case DIPLO_QN_AND:
		case DIPLO_QN_OR:
			for (int k = 0; k < n->nchildren; k++)
			{
				bool		parens = (n->type == DIPLO_QN_AND &&
									  q->nodes[c].type == DIPLO_QN_OR);

				if (k > 0)
					buf_puts(b, n->type == DIPLO_QN_AND ? " & " : " | ");
				if (parens)
					buf_add(b, "(", 1);
				print_node(b, q, c);
				if (parens)
					buf_add(b, ")", 1);
				c += q->nodes[c].size;
			}
			break;
		case DIPLO_QN_NOT:
			{
				bool		parens = (q->nodes[c].type == DIPLO_QN_AND ||
									  q->nodes[c].type == DIPLO_QN_OR);

				buf_add(b, "!", 1);
				if (parens)
					buf_add(b, "(", 1);
				print_node(b, q, c);
				if (parens)
					buf_add(b, ")", 1);
				break;
			}
		case DIPLO_QN_QUOTE:
			buf_puts(b, "quote(");
			print_node(b, q, c);
			buf_add(b, ")", 1);
			break;
	}
}

/* The canonical text of q. */
char *
diplo_query_print(const DiploAllocator *a, const DiploQuery *q, size_t *len)
{
	Buf			b;

	buf_init(&b, a);
	if (q->nnodes > 0)
		print_node(&b, q, 0);
	if (len)
		*len = b.len;
	return b.s;
}

/* Same nodes, same values? */
bool
diplo_query_equal(const DiploQuery *x, const DiploQuery *y)
{
	if (x->nnodes != y->nnodes)
		return false;
	for (int32_t i = 0; i < x->nnodes; i++)
	{
		const DiploQueryNode *m = &x->nodes[i];
		const DiploQueryNode *n = &y->nodes[i];

		if (m->type != n->type || m->field != n->field ||
			m->prefix != n->prefix || m->size != n->size ||
			m->nchildren != n->nchildren)
			return false;
		if (m->type == DIPLO_QN_TERM &&
			strcmp(x->strings + m->value, y->strings + n->value) != 0)
			return false;
	}
	return true;
}

#define FLAT_HEADER 16

/* Write the flat form: header, nodes, strings. */
uint8_t *
diplo_query_flatten(const DiploAllocator *a, const DiploQuery *q, size_t *len)
{
	size_t		total = FLAT_HEADER + sizeof(DiploQueryNode) * q->nnodes +
		q->strings_len;
	uint8_t    *out = diplo_alloc(a, total);
	uint16_t	version = DIPLO_QUERY_VERSION;
	int32_t		nnodes = q->nnodes;
	int32_t		strings_len = q->strings_len;

	memcpy(out, &version, 2);
	memcpy(out + 4, &nnodes, 4);
	memcpy(out + 8, &strings_len, 4);
	memcpy(out + FLAT_HEADER, q->nodes, sizeof(DiploQueryNode) * q->nnodes);
	memcpy(out + FLAT_HEADER + sizeof(DiploQueryNode) * q->nnodes,
		   q->strings, q->strings_len);
	*len = total;
	return out;
}

/* Check the subtree at i; its size, or -1 if it is malformed. */
static int32_t
check_subtree(const DiploQuery *q, int32_t i, int depth, bool in_quote,
			  uint8_t parent)
{
	const DiploQueryNode *n;
	int32_t		size = 1;

	if (i >= q->nnodes || depth > 2 * DIPLO_QUERY_MAX_DEPTH + 2)
		return -1;
	n = &q->nodes[i];
	if (n->type >= DIPLO_QN_TYPE_COUNT || n->reserved != 0)
		return -1;
	if (n->type == DIPLO_QN_TERM)
	{
		const char *v;

		if (n->field >= DIPLO_QF_COUNT || n->prefix > 1 || n->nchildren != 0 ||
			n->size != 1 || n->value < 0 || n->value >= q->strings_len)
			return -1;
		v = q->strings + n->value;
		if (memchr(v, '\0', q->strings_len - n->value) == NULL || v[0] == '\0')
			return -1;
		if (n->field == DIPLO_QF_EVENT && in_quote)
			return -1;
		if (n->field == DIPLO_QF_WORD && strchr(v, ' ') != NULL)
			return -1;
		return 1;
	}
	if (n->value != -1 || n->field != 0 || n->prefix != 0)
		return -1;
	if ((n->type == DIPLO_QN_AND || n->type == DIPLO_QN_OR) &&
		(n->nchildren < 2 || n->type == parent))
		return -1;
	if ((n->type == DIPLO_QN_NOT || n->type == DIPLO_QN_QUOTE) &&
		n->nchildren != 1)
		return -1;
	if (n->type == DIPLO_QN_QUOTE && in_quote)
		return -1;
	for (int32_t k = 0; k < n->nchildren; k++)
	{
		int32_t		s = check_subtree(q, i + size, depth + 1,
									  in_quote || n->type == DIPLO_QN_QUOTE,
									  n->type);

		if (s < 0)
			return -1;
		size += s;
	}
	return size == n->size ? size : -1;
}

/* Point out into flat bytes after checking them. */
bool
diplo_query_view(const uint8_t *bytes, size_t len, DiploQuery *out,
				 DiploError *err)
{
	uint16_t	version;
	uint16_t	zero16;
	int32_t		nnodes;
	int32_t		strings_len;
	int32_t		zero32;

	memset(out, 0, sizeof(*out));
	if (len < FLAT_HEADER || ((uintptr_t) bytes & 3) != 0)
	{
		diplo_error_set(err, DIPLO_ERR_SYNTAX, 0, "query data too short or misaligned");
		return false;
	}
	memcpy(&version, bytes, 2);
	memcpy(&zero16, bytes + 2, 2);
	memcpy(&nnodes, bytes + 4, 4);
	memcpy(&strings_len, bytes + 8, 4);
	memcpy(&zero32, bytes + 12, 4);
	if (version != DIPLO_QUERY_VERSION)
	{
		diplo_error_set(err, DIPLO_ERR_VERSION, 0,
						"unknown query format version %u", version);
		return false;
	}
	if (zero16 != 0 || zero32 != 0 || nnodes < 1 || strings_len < 0 ||
		(size_t) nnodes > (len - FLAT_HEADER) / sizeof(DiploQueryNode) ||
		len != FLAT_HEADER + sizeof(DiploQueryNode) * (size_t) nnodes +
		(size_t) strings_len)
	{
		diplo_error_set(err, DIPLO_ERR_SYNTAX, 0, "query data has wrong sizes");
		return false;
	}
	out->nnodes = nnodes;
	out->strings_len = strings_len;
	out->nodes = (const DiploQueryNode *) (bytes + FLAT_HEADER);
	out->strings = (const char *) (bytes + FLAT_HEADER +
								   sizeof(DiploQueryNode) * nnodes);
	if (check_subtree(out, 0, 0, false, DIPLO_QN_TERM) != nnodes)
	{
		memset(out, 0, sizeof(*out));
		diplo_error_set(err, DIPLO_ERR_SYNTAX, 0, "query data has a malformed tree");
		return false;
	}
	return true;
}

/*
 * Exact evaluation
 */

typedef struct Eval
{
	const DiploAllocator *a;
	const DiploQuery *q;
	const DiploAnalysis *an;
	QuoteFacts *facts;			/* per quote, built on first need */
	char	  **term_stem;		/* per node: stem of an exact word: value */
} Eval;

/* Does speaker s have the value of term n in field n->field? */
static bool
speaker_matches(Eval *ev, const DiploSpeaker *s, const DiploQueryNode *n,
				const char *v)
{
	bool		prefix = n->prefix;

	switch (n->field)
	{
		case DIPLO_QF_SPEAKER:
			return raw_matches(ev->a, s->name, v, prefix);
		case DIPLO_QF_ROLE:
			return raw_matches(ev->a, s->role, v, prefix);
		case DIPLO_QF_ORG:
			return raw_matches(ev->a, s->org, v, prefix) ||
				(s->type == DIPLO_SPEAKER_ORGANIZATION &&
				 raw_matches(ev->a, s->name, v, prefix));
		case DIPLO_QF_COUNTRY:
			return raw_matches(ev->a, s->country, v, prefix);
		default:
			return false;
	}
}

/* Does quote qi's content (or cue) have the value of term n? */
static bool
quote_content_matches(Eval *ev, int32_t qi, const DiploQueryNode *n,
					  int32_t node, const char *v)
{
	QuoteFacts *f = &ev->facts[qi];
	const char *content = ev->an->quotes[qi].content;

	if (n->field == DIPLO_QF_CUE)
		return raw_matches(ev->a, ev->an->quotes[qi].cue, v, n->prefix);
	if (n->field == DIPLO_QF_WORD)
		return facts_have_stem(ev->a, ev->an->language, content, f,
							   n->prefix ? v : ev->term_stem[node], n->prefix);
	/* topic: those of a configuration's keywords, stored with the quote */
	for (int32_t k = 0; k < ev->an->quotes[qi].ntopics; k++)
	{
		int32_t		t = ev->an->quotes[qi].topics[k];

		if (t >= 0 && t < ev->an->ntopics &&
			raw_matches(ev->a, ev->an->topics[t], v, n->prefix))
			return true;
	}
	/* then the built-in keywords in the content */
	facts_build(ev->a, ev->an->language, content, f, false, true);
	for (int k = 0; k < diplo_ntopics; k++)
		if (f->topics[k] && raw_matches(ev->a, diplo_topics[k].name, v, n->prefix))
			return true;
	return false;
}

/* Does term node hold for the article (qi < 0) or for quote qi? */
static bool
term_holds(Eval *ev, int32_t node, int32_t qi)
{
	const DiploQueryNode *n = &ev->q->nodes[node];
	const DiploAnalysis *an = ev->an;
	const char *v = ev->q->strings + n->value;

	if (qi >= 0)
	{
		const DiploQuote *quote = &an->quotes[qi];

		switch (n->field)
		{
			case DIPLO_QF_SPEAKER:
			case DIPLO_QF_ROLE:
			case DIPLO_QF_ORG:
			case DIPLO_QF_COUNTRY:
				return quote->speaker >= 0 && quote->speaker < an->nspeakers &&
					speaker_matches(ev, &an->speakers[quote->speaker], n, v);
			case DIPLO_QF_EVENT:
				return false;
			default:
				return quote_content_matches(ev, qi, n, node, v);
		}
	}
	switch (n->field)
	{
		case DIPLO_QF_SPEAKER:
		case DIPLO_QF_ROLE:
		case DIPLO_QF_ORG:
			for (int32_t s = 0; s < an->nspeakers; s++)
				if (speaker_matches(ev, &an->speakers[s], n, v))
					return true;
			return false;
		case DIPLO_QF_COUNTRY:
			for (int32_t c = 0; c < an->ncountries; c++)
				if (raw_matches(ev->a, an->countries[c], v, n->prefix))
					return true;
			for (int32_t s = 0; s < an->nspeakers; s++)
				if (speaker_matches(ev, &an->speakers[s], n, v))
					return true;
			return false;
		case DIPLO_QF_TOPIC:
			for (int32_t t = 0; t < an->ntopics; t++)
				if (raw_matches(ev->a, an->topics[t], v, n->prefix))
					return true;
			/* topics of quote contents count too */
			/* FALLTHROUGH */
		case DIPLO_QF_CUE:
		case DIPLO_QF_WORD:
			for (int32_t q = 0; q < an->nquotes; q++)
				if (quote_content_matches(ev, q, n, node, v))
					return true;
			return false;
		case DIPLO_QF_EVENT:
			return raw_matches(ev->a, an->event, v, n->prefix);
	}
	return false;
}

/* Evaluate the subtree at node for the article (qi < 0) or quote qi. */
static bool
eval_node(Eval *ev, int32_t node, int32_t qi)
{
	const DiploQueryNode *n = &ev->q->nodes[node];
	int32_t		c = node + 1;

	switch (n->type)
	{
		case DIPLO_QN_TERM:
			return term_holds(ev, node, qi);
		case DIPLO_QN_AND:
			for (int k = 0; k < n->nchildren; k++, c += ev->q->nodes[c].size)
				if (!eval_node(ev, c, qi))
					return false;
			return true;
		case DIPLO_QN_OR:
			for (int k = 0; k < n->nchildren; k++, c += ev->q->nodes[c].size)
				if (eval_node(ev, c, qi))
					return true;
			return false;
		case DIPLO_QN_NOT:
			return !eval_node(ev, c, qi);
		case DIPLO_QN_QUOTE:
			for (int32_t q = 0; q < ev->an->nquotes; q++)
			{
				diplo_check_interrupts(ev->a);
				if (eval_node(ev, c, q))
					return true;
			}
			return false;
	}
	return false;
}

/* Prepare an evaluation: facts slots and the stems of word: values. */
static void
eval_begin(Eval *ev, const DiploAllocator *a, const DiploQuery *q,
		   const DiploAnalysis *an)
{
	ev->a = a;
	ev->q = q;
	ev->an = an;
	ev->facts = diplo_alloc(a, sizeof(QuoteFacts) * (an->nquotes ? an->nquotes : 1));
	ev->term_stem = diplo_alloc(a, sizeof(char *) * q->nnodes);
	for (int32_t i = 0; i < q->nnodes; i++)
	{
		const DiploQueryNode *n = &q->nodes[i];

		if (n->type == DIPLO_QN_TERM && n->field == DIPLO_QF_WORD && !n->prefix)
		{
			Buf			b;
			const char *v = q->strings + n->value;

			buf_init(&b, a);
			stem_into(v, strlen(v), &b);
			ev->term_stem[i] = b.s;
		}
	}
}

/* Free what eval_begin and the evaluation allocated. */
static void
eval_end(Eval *ev)
{
	for (int32_t q = 0; q < ev->an->nquotes; q++)
		facts_free(ev->a, &ev->facts[q]);
	for (int32_t i = 0; i < ev->q->nnodes; i++)
		diplo_free(ev->a, ev->term_stem[i]);
	diplo_free(ev->a, ev->facts);
	diplo_free(ev->a, ev->term_stem);
}

/* Does the analysis satisfy the query? */
bool
diplo_query_match(const DiploAllocator *a, const DiploQuery *q,
				  const DiploAnalysis *an)
{
	Eval		ev;
	bool		result;

	if (q->nnodes == 0)
		return false;
	eval_begin(&ev, a, q, an);
	result = eval_node(&ev, 0, -1);
	eval_end(&ev);
	return result;
}

/*
 * Index keys
 */

/* FNV-1a hash of a long value (for keys of values over the limit). */
static uint32_t
value_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h;
}

/* Build the key of a field value: tag, value, or prefix+0xFF+hash. */
static DiploKey
make_key(const DiploAllocator *a, DiploQueryField field, const char *v,
		 size_t len)
{
	DiploKey	k;

	k.flags = 0;
	if (len <= DIPLO_KEY_MAX_VALUE)
	{
		k.len = (int32_t) (1 + len);
		k.data = diplo_alloc(a, k.len);
		k.data[0] = (uint8_t) field_tags[field];
		memcpy(k.data + 1, v, len);
	}
	else
	{
		uint32_t	h = value_hash(v, len);

		k.len = 1 + DIPLO_KEY_HASHED_PREFIX + 1 + 4;
		k.data = diplo_alloc(a, k.len);
		k.data[0] = (uint8_t) field_tags[field];
		memcpy(k.data + 1, v, DIPLO_KEY_HASHED_PREFIX);
		k.data[1 + DIPLO_KEY_HASHED_PREFIX] = 0xFF;
		for (int i = 0; i < 4; i++)
			k.data[2 + DIPLO_KEY_HASHED_PREFIX + i] = (uint8_t) (h >> (8 * i));
	}
	return k;
}

/* A growing list of keys of one row. */
typedef struct KeyList
{
	const DiploAllocator *a;
	DiploKeys  *out;
	int32_t		cap;
	DiploQueryField field;		/* the field of the forms being added */
} KeyList;

/* Append one key. */
static void
keylist_push(KeyList *l, DiploKey k)
{
	if (l->out->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 32;
		l->out->keys = diplo_realloc(l->a, l->out->keys, sizeof(DiploKey) * l->cap);
	}
	l->out->keys[l->out->n++] = k;
}

/*
 * Do whole values of several words of this field go without a key?  Names
 * of speakers and organisations: many distinct names, most of them rare,
 * each would cost an entry of its own, and their words narrow a search
 * well.  The other fields have few distinct values that a query often
 * excludes (!country:"united states"): an exact key serves them better.
 */
static bool
field_keys_words_only(DiploQueryField field)
{
	return field == DIPLO_QF_SPEAKER || field == DIPLO_QF_ORG;
}

/*
 * FormCallback: add the key of a form in the list's current field, unless
 * it is the whole of a name of several words (its words have keys, and a
 * term on it needs them all).
 */
static void
add_form_key_cb(void *arg, const char *s, size_t len)
{
	KeyList    *l = arg;

	if (field_keys_words_only(l->field) && memchr(s, ' ', len) != NULL)
		return;
	keylist_push(l, make_key(l->a, l->field, s, len));
}

/* Add the keys of every form of a raw field value (NULL: none). */
static void
add_value_keys(KeyList *l, DiploQueryField field, const char *raw)
{
	char	   *norm;

	if (raw == NULL)
		return;
	norm = diplo_normalize(l->a, raw, strlen(raw));
	l->field = field;
	for_each_form(norm, strlen(norm), add_form_key_cb, l);
	diplo_free(l->a, norm);
}

/* Order keys bytewise, shorter first (the order of bytea). */
static int
key_cmp(const void *x, const void *y)
{
	const DiploKey *a = x;
	const DiploKey *b = y;
	int32_t		n = a->len < b->len ? a->len : b->len;
	int			c = memcmp(a->data, b->data, n);

	if (c != 0)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

/* Sort keys and drop duplicates. */
static void
keys_sort_unique(const DiploAllocator *a, DiploKeys *k)
{
	int32_t		n = 0;

	if (k->n < 2)
		return;
	qsort(k->keys, k->n, sizeof(DiploKey), key_cmp);
	for (int32_t i = 0; i < k->n; i++)
	{
		if (n > 0 && key_cmp(&k->keys[n - 1], &k->keys[i]) == 0)
			diplo_free(a, k->keys[i].data);
		else
			k->keys[n++] = k->keys[i];
	}
	k->n = n;
}

/* Free a key list's keys. */
void
diplo_keys_free(const DiploAllocator *a, DiploKeys *k)
{
	for (int32_t i = 0; i < k->n; i++)
		diplo_free(a, k->keys[i].data);
	diplo_free(a, k->keys);
	k->keys = NULL;
	k->n = 0;
}

/* The keys of an analysis: every form of every value, tagged (see above). */
void
diplo_analysis_keys(const DiploAllocator *a, const DiploAnalysis *an,
					DiploWordKeys words, DiploKeys *out)
{
	KeyList		l;

	memset(out, 0, sizeof(*out));
	l.a = a;
	l.out = out;
	l.cap = 0;
	for (int32_t s = 0; s < an->nspeakers; s++)
	{
		const DiploSpeaker *sp = &an->speakers[s];

		add_value_keys(&l, DIPLO_QF_SPEAKER, sp->name);
		if (sp->type == DIPLO_SPEAKER_ORGANIZATION)
			add_value_keys(&l, DIPLO_QF_ORG, sp->name);
		add_value_keys(&l, DIPLO_QF_ROLE, sp->role);
		add_value_keys(&l, DIPLO_QF_ORG, sp->org);
		add_value_keys(&l, DIPLO_QF_COUNTRY, sp->country);
	}
	for (int32_t c = 0; c < an->ncountries; c++)
		add_value_keys(&l, DIPLO_QF_COUNTRY, an->countries[c]);
	for (int32_t t = 0; t < an->ntopics; t++)
		add_value_keys(&l, DIPLO_QF_TOPIC, an->topics[t]);
	add_value_keys(&l, DIPLO_QF_EVENT, an->event);
	for (int32_t q = 0; q < an->nquotes; q++)
	{
		QuoteFacts	f;

		diplo_check_interrupts(a);
		add_value_keys(&l, DIPLO_QF_CUE, an->quotes[q].cue);
		memset(&f, 0, sizeof(f));
		facts_build(a, an->language, an->quotes[q].content, &f, true, true);
		for (int i = 0; i < f.nstems; i++)
			if (stem_indexed(f.stems[i].s, f.stems[i].len, words))
				keylist_push(&l, make_key(a, DIPLO_QF_WORD, f.stems[i].s, f.stems[i].len));
		for (int k = 0; k < diplo_ntopics; k++)
			if (f.topics[k])
				add_value_keys(&l, DIPLO_QF_TOPIC, diplo_topics[k].name);
		facts_free(a, &f);
		/* keep the list short for articles with many quotes */
		if (out->n > 4096)
			keys_sort_unique(a, out);
	}
	keys_sort_unique(a, out);
}

/*
 * The keys of term node on a name v[0..len) with a space (speaker: or
 * org:): the whole name has no key, so the term needs the key of each of
 * its words, and for a prefix the last piece as a prefix key; all lossy.
 * A row has them all when the value is one of its forms: the words of a
 * value of several words are all forms of it.
 */
static void
add_multiword_keys(KeyList *l, DiploQueryKeys *out, int32_t node,
				   DiploQueryField field, const char *v, size_t len,
				   bool prefix)
{
	size_t		i = 0;

	out->node_key[node] = out->keys.n;
	while (i < len)
	{
		size_t		end = i;

		while (end < len && v[end] != ' ')
			end++;
		if (end > i)
		{
			size_t		n = end - i;
			uint8_t		flags = DIPLO_KEY_LOSSY;
			DiploKey	k;

			if (prefix && end == len)
			{
				flags |= DIPLO_KEY_PREFIX;
				if (n > DIPLO_KEY_HASHED_PREFIX)
					n = DIPLO_KEY_HASHED_PREFIX;
			}
			k = make_key(l->a, field, v + i, n);
			k.flags = flags;
			keylist_push(l, k);
			out->node_nkeys[node]++;
		}
		i = end + 1;
	}
	if (out->node_nkeys[node] == 0)
		out->node_key[node] = -1;
}

/* The keys of a query: one per term (or per word of a name with a space). */
void
diplo_query_keys(const DiploAllocator *a, const DiploQuery *q,
				 DiploWordKeys words, DiploQueryKeys *out)
{
	KeyList		l;
	uint8_t    *none;

	memset(out, 0, sizeof(*out));
	l.a = a;
	l.out = &out->keys;
	l.cap = 0;
	out->node_key = diplo_alloc(a, sizeof(int32_t) * (q->nnodes ? q->nnodes : 1));
	out->node_nkeys = diplo_alloc(a, sizeof(int32_t) * (q->nnodes ? q->nnodes : 1));
	for (int32_t i = 0; i < q->nnodes; i++)
	{
		const DiploQueryNode *n = &q->nodes[i];
		const char *v;
		size_t		len;
		DiploKey	k;

		out->node_key[i] = -1;
		out->node_nkeys[i] = 0;
		if (n->type != DIPLO_QN_TERM)
			continue;
		v = q->strings + n->value;
		len = strlen(v);
		if (field_keys_words_only((DiploQueryField) n->field) &&
			memchr(v, ' ', len) != NULL)
		{
			add_multiword_keys(&l, out, i, (DiploQueryField) n->field, v,
							   len, n->prefix != 0);
			continue;
		}
		/* a word the index leaves out has no key: the term is MAYBE */
		if (n->field == DIPLO_QF_WORD && n->prefix &&
			prefix_may_be_unindexed(v, len, words))
			continue;
		if (n->prefix)
		{
			uint8_t		flags = DIPLO_KEY_PREFIX;

			if (len > DIPLO_KEY_HASHED_PREFIX)
			{
				len = DIPLO_KEY_HASHED_PREFIX;
				flags |= DIPLO_KEY_LOSSY;
			}
			k = make_key(a, (DiploQueryField) n->field, v, len);
			k.flags = flags;
		}
		else if (n->field == DIPLO_QF_WORD)
		{
			Buf			b;

			buf_init(&b, a);
			stem_into(v, len, &b);
			if (!stem_indexed(b.s, b.len, words))
			{
				diplo_free(a, b.s);
				continue;
			}
			k = make_key(a, DIPLO_QF_WORD, b.s, b.len);
			if (b.len > DIPLO_KEY_MAX_VALUE)
				k.flags = DIPLO_KEY_LOSSY;
			diplo_free(a, b.s);
		}
		else
		{
			k = make_key(a, (DiploQueryField) n->field, v, len);
			if (len > DIPLO_KEY_MAX_VALUE)
				k.flags = DIPLO_KEY_LOSSY;
		}
		out->node_key[i] = out->keys.n;
		out->node_nkeys[i] = 1;
		keylist_push(&l, k);
	}
	none = diplo_alloc(a, out->keys.n ? out->keys.n : 1);
	out->needs_keys = (diplo_query_ternary(q, out, none) == DIPLO_FALSE);
	diplo_free(a, none);
}

/* Free a query's keys. */
void
diplo_query_keys_free(const DiploAllocator *a, DiploQueryKeys *k)
{
	diplo_keys_free(a, &k->keys);
	diplo_free(a, k->node_key);
	diplo_free(a, k->node_nkeys);
	k->node_key = NULL;
	k->node_nkeys = NULL;
}

/* Ternary value of the subtree at node; in_scope inside quote(). */
static uint8_t
ternary_node(const DiploQuery *q, const DiploQueryKeys *k,
			 const uint8_t *check, int32_t node, bool in_scope)
{
	const DiploQueryNode *n = &q->nodes[node];
	int32_t		c = node + 1;
	uint8_t		result;

	switch (n->type)
	{
		case DIPLO_QN_TERM:
			{
				int32_t		key = k->node_key[node];
				int32_t		nkeys = k->node_nkeys[node];
				bool		lossy = false;

				/* a term needs all its keys (several for several words) */
				result = key >= 0 && nkeys > 0 ? DIPLO_TRUE : DIPLO_MAYBE;
				for (int32_t j = 0; key >= 0 && j < nkeys; j++)
				{
					uint8_t		v = check[key + j];

					if (v == DIPLO_FALSE)
						return DIPLO_FALSE;
					if (v != DIPLO_TRUE)
						result = DIPLO_MAYBE;
					if (k->keys.keys[key + j].flags & DIPLO_KEY_LOSSY)
						lossy = true;
				}
				/* a lossy key or a scope only says "maybe" when present */
				if (result == DIPLO_TRUE && (in_scope || lossy))
					result = DIPLO_MAYBE;
				return result;
			}
		case DIPLO_QN_AND:
			result = DIPLO_TRUE;
			for (int i = 0; i < n->nchildren; i++, c += q->nodes[c].size)
			{
				uint8_t		v = ternary_node(q, k, check, c, in_scope);

				if (v == DIPLO_FALSE)
					return DIPLO_FALSE;
				if (v == DIPLO_MAYBE)
					result = DIPLO_MAYBE;
			}
			return result;
		case DIPLO_QN_OR:
			result = DIPLO_FALSE;
			for (int i = 0; i < n->nchildren; i++, c += q->nodes[c].size)
			{
				uint8_t		v = ternary_node(q, k, check, c, in_scope);

				if (v == DIPLO_TRUE)
					return DIPLO_TRUE;
				if (v == DIPLO_MAYBE)
					result = DIPLO_MAYBE;
			}
			return result;
		case DIPLO_QN_NOT:
			/* in a scope, a key of the row says nothing about each quote */
			if (in_scope)
				return DIPLO_MAYBE;
			result = ternary_node(q, k, check, c, false);
			return result == DIPLO_MAYBE ? DIPLO_MAYBE :
				(result == DIPLO_TRUE ? DIPLO_FALSE : DIPLO_TRUE);
		case DIPLO_QN_QUOTE:
			result = ternary_node(q, k, check, c, true);
			return result == DIPLO_FALSE ? DIPLO_FALSE : DIPLO_MAYBE;
	}
	return DIPLO_MAYBE;
}

/* Evaluate q over key presence. */
uint8_t
diplo_query_ternary(const DiploQuery *q, const DiploQueryKeys *k,
					const uint8_t *check)
{
	if (q->nnodes == 0)
		return DIPLO_FALSE;
	return ternary_node(q, k, check, 0, false);
}

/*
 * Containment
 */

/* The normalised strings of a list, sorted (for binary search). */
static Str *
sorted_norms(const DiploAllocator *a, char *const *raw, int32_t n)
{
	Str		   *out = diplo_alloc(a, sizeof(Str) * (n ? n : 1));

	for (int32_t i = 0; i < n; i++)
	{
		out[i].s = diplo_normalize(a, raw[i] ? raw[i] : "", raw[i] ? strlen(raw[i]) : 0);
		out[i].len = strlen(out[i].s);
	}
	qsort(out, n, sizeof(Str), str_cmp);
	return out;
}

/* Free a list from sorted_norms. */
static void
free_norms(const DiploAllocator *a, Str *list, int32_t n)
{
	for (int32_t i = 0; i < n; i++)
		diplo_free(a, list[i].s);
	diplo_free(a, list);
}

/* Is every string of sub in the sorted list set? */
static bool
norms_subset(const Str *set, int32_t nset, const Str *sub, int32_t nsub)
{
	for (int32_t i = 0; i < nsub; i++)
		if (bsearch(&sub[i], set, nset, sizeof(Str), str_cmp) == NULL)
			return false;
	return true;
}

/* One string per quote: normalised speaker name, a 0x01 byte, content. */
static char **
quote_signatures(const DiploAllocator *a, const DiploAnalysis *an)
{
	char	  **sig = diplo_alloc(a, sizeof(char *) * (an->nquotes ? an->nquotes : 1));

	for (int32_t q = 0; q < an->nquotes; q++)
	{
		const DiploQuote *quote = &an->quotes[q];
		const char *name = (quote->speaker >= 0 && quote->speaker < an->nspeakers) ?
		an->speakers[quote->speaker].name : "";
		Buf			b;

		buf_init(&b, a);
		buf_puts(&b, name);
		buf_add(&b, "\x01", 1);
		buf_puts(&b, quote->content);
		sig[q] = b.s;
	}
	return sig;
}

/* Does left contain right? (see the header) */
bool
diplo_analysis_contains(const DiploAllocator *a, const DiploAnalysis *left,
						const DiploAnalysis *right)
{
	bool		ok = true;
	char	  **lnames;
	char	  **rnames;
	char	  **lsig;
	char	  **rsig;
	Str		   *ls;
	Str		   *rs;

	if (right->event != NULL)
	{
		char	   *x = diplo_normalize(a, right->event, strlen(right->event));
		char	   *y = left->event ?
		diplo_normalize(a, left->event, strlen(left->event)) : NULL;

		ok = (y != NULL && strcmp(x, y) == 0);
		diplo_free(a, x);
		diplo_free(a, y);
		if (!ok)
			return false;
	}
	/* speakers, topics, countries, quotes: each a sorted subset test */
	lnames = diplo_alloc(a, sizeof(char *) * (left->nspeakers ? left->nspeakers : 1));
	rnames = diplo_alloc(a, sizeof(char *) * (right->nspeakers ? right->nspeakers : 1));
	for (int32_t s = 0; s < left->nspeakers; s++)
		lnames[s] = left->speakers[s].name;
	for (int32_t s = 0; s < right->nspeakers; s++)
		rnames[s] = right->speakers[s].name;
	for (int part = 0; part < 4 && ok; part++)
	{
		char	  **lraw = NULL;
		char	  **rraw = NULL;
		int32_t		nl = 0;
		int32_t		nr = 0;

		lsig = rsig = NULL;
		switch (part)
		{
			case 0:
				lraw = lnames, nl = left->nspeakers;
				rraw = rnames, nr = right->nspeakers;
				break;
			case 1:
				lraw = left->topics, nl = left->ntopics;
				rraw = right->topics, nr = right->ntopics;
				break;
			case 2:
				lraw = left->countries, nl = left->ncountries;
				rraw = right->countries, nr = right->ncountries;
				break;
			case 3:
				lraw = lsig = quote_signatures(a, left), nl = left->nquotes;
				rraw = rsig = quote_signatures(a, right), nr = right->nquotes;
				break;
		}
		diplo_check_interrupts(a);
		ls = sorted_norms(a, lraw, nl);
		rs = sorted_norms(a, rraw, nr);
		ok = norms_subset(ls, nl, rs, nr);
		free_norms(a, ls, nl);
		free_norms(a, rs, nr);
		if (lsig)
		{
			for (int32_t i = 0; i < nl; i++)
				diplo_free(a, lsig[i]);
			for (int32_t i = 0; i < nr; i++)
				diplo_free(a, rsig[i]);
			diplo_free(a, lsig);
			diplo_free(a, rsig);
		}
	}
	diplo_free(a, lnames);
	diplo_free(a, rnames);
	return ok;
}

/* Add the key of the whole normalised value raw in field. */
static void
add_whole_key(KeyList *l, DiploQueryField field, const char *raw)
{
	char	   *norm;

	if (raw == NULL)
		return;
	norm = diplo_normalize(l->a, raw, strlen(raw));
	if (norm[0] != '\0')
		keylist_push(l, make_key(l->a, field, norm, strlen(norm)));
	diplo_free(l->a, norm);
}

/*
 * Keys every container of an has: whole topics, countries and event, and
 * the keys of the speakers' names (whole, or their words when a name has
 * several: such a name has no whole key).
 */
void
diplo_containment_keys(const DiploAllocator *a, const DiploAnalysis *an,
					   DiploKeys *out)
{
	KeyList		l;

	memset(out, 0, sizeof(*out));
	l.a = a;
	l.out = out;
	l.cap = 0;
	for (int32_t s = 0; s < an->nspeakers; s++)
		add_value_keys(&l, DIPLO_QF_SPEAKER, an->speakers[s].name);
	for (int32_t t = 0; t < an->ntopics; t++)
		add_whole_key(&l, DIPLO_QF_TOPIC, an->topics[t]);
	for (int32_t c = 0; c < an->ncountries; c++)
		add_whole_key(&l, DIPLO_QF_COUNTRY, an->countries[c]);
	add_whole_key(&l, DIPLO_QF_EVENT, an->event);
	keys_sort_unique(a, out);
}

/*
 * Headlines
 */

/*
 * Mark the terms and quote() scopes that are under an even number of NOTs
 * (positive), and give each node the outermost quote() scope it is in
 * (scope_of, -1 outside any); walks from the root.
 */
static void
mark_positive(const DiploQuery *q, int32_t node, bool negated, int32_t scope,
			  bool *positive, int32_t *scope_of)
{
	const DiploQueryNode *n = &q->nodes[node];
	int32_t		c = node + 1;

	positive[node] = !negated;
	scope_of[node] = scope;
	if (n->type == DIPLO_QN_QUOTE && scope < 0)
		scope = node;
	for (int k = 0; k < n->nchildren; k++, c += q->nodes[c].size)
		mark_positive(q, c, negated != (n->type == DIPLO_QN_NOT), scope,
					  positive, scope_of);
}

/* Does the normalised, stemmed token match a positive word: term? */
static bool
token_marked(Eval *ev, const bool *positive, const char *content,
			 const DiploToken *t)
{
	char	   *norm = diplo_normalize(ev->a, content + t->start, t->end - t->start);
	Buf			stem;
	bool		hit = false;

	buf_init(&stem, ev->a);
	stem_into(norm, strlen(norm), &stem);
	for (int32_t i = 0; i < ev->q->nnodes && !hit; i++)
	{
		const DiploQueryNode *n = &ev->q->nodes[i];
		const char *v = ev->q->strings + n->value;

		if (n->type != DIPLO_QN_TERM || !positive[i] || n->field != DIPLO_QF_WORD)
			continue;
		if (n->prefix)
			hit = strncmp(stem.s, v, strlen(v)) == 0;
		else
			hit = strcmp(stem.s, ev->term_stem[i]) == 0;
	}
	diplo_free(ev->a, norm);
	diplo_free(ev->a, stem.s);
	return hit;
}

/* Append content with the matching words wrapped in the selection marks. */
static void
append_marked(Eval *ev, const bool *positive, const char *content,
			  const DiploHeadlineOptions *opt, Buf *b)
{
	DiploParagraphs it;
	DiploParagraph p;
	DiploTokens toks;
	size_t		done = 0;
	int			prev_lang;

	memset(&toks, 0, sizeof(toks));
	/* tokenized as the facts were, in the analysis's language */
	prev_lang = diplo_lex_set_language(ev->an->language);
	diplo_paragraphs_init(&it, content, strlen(content));
	while (diplo_paragraphs_next(ev->a, &it, &p))
	{
		diplo_tokenize(ev->a, content, &p, &toks);
		for (int i = 0; i < toks.n; i++)
		{
			const DiploToken *t = &toks.tok[i];

			diplo_check_interrupts(ev->a);
			if ((t->kind != DIPLO_TOK_WORD && t->kind != DIPLO_TOK_NUMBER) ||
				t->start < done || !token_marked(ev, positive, content, t))
				continue;
			buf_add(b, content + done, t->start - done);
			buf_puts(b, opt->start_sel);
			buf_add(b, content + t->start, t->end - t->start);
			buf_puts(b, opt->stop_sel);
			done = t->end;
		}
	}
	diplo_lex_set_language(prev_lang);
	diplo_tokens_free(ev->a, &toks);
	buf_puts(b, content + done);
}

/* The matching quotes of an, marked (see the header). */
char *
diplo_query_headline(const DiploAllocator *a, const DiploQuery *q,
					 const DiploAnalysis *an, const DiploHeadlineOptions *opt)
{
	Eval		ev;
	bool	   *positive;
	int32_t    *scope_of;
	Buf			b;
	int			shown = 0;

	if (q->nnodes == 0)
		return NULL;
	eval_begin(&ev, a, q, an);
	positive = diplo_alloc(a, sizeof(bool) * q->nnodes);
	scope_of = diplo_alloc(a, sizeof(int32_t) * q->nnodes);
	mark_positive(q, 0, false, -1, positive, scope_of);
	buf_init(&b, a);
	for (int32_t qi = 0; qi < an->nquotes; qi++)
	{
		const DiploQuote *quote = &an->quotes[qi];
		bool		speaker_hit = false;
		bool		hit = false;

		if (opt->max_fragments > 0 && shown >= opt->max_fragments)
			break;
		/*
		 * A quote is shown when a positive term outside any quote() scope
		 * holds for it, or when it satisfies a positive quote() scope.
		 */
		for (int32_t i = 0; i < q->nnodes; i++)
		{
			const DiploQueryNode *n = &q->nodes[i];

			if (!positive[i] || scope_of[i] >= 0)
				continue;
			if (n->type == DIPLO_QN_QUOTE && eval_node(&ev, i + 1, qi))
				hit = true;
			else if (n->type == DIPLO_QN_TERM &&
					 n->field != DIPLO_QF_EVENT && term_holds(&ev, i, qi))
				hit = true;
		}
		if (!hit)
			continue;
		for (int32_t i = 0; i < q->nnodes; i++)
		{
			const DiploQueryNode *n = &q->nodes[i];

			if (n->type == DIPLO_QN_TERM && positive[i] &&
				n->field <= DIPLO_QF_COUNTRY && term_holds(&ev, i, qi))
				speaker_hit = true;
		}
		if (shown++ > 0)
			buf_puts(&b, opt->delimiter);
		if (quote->speaker >= 0 && quote->speaker < an->nspeakers)
		{
			if (speaker_hit)
				buf_puts(&b, opt->start_sel);
			buf_puts(&b, an->speakers[quote->speaker].name);
			if (speaker_hit)
				buf_puts(&b, opt->stop_sel);
			buf_puts(&b, ": ");
		}
		append_marked(&ev, positive, quote->content, opt, &b);
	}
	diplo_free(a, positive);
	diplo_free(a, scope_of);
	eval_end(&ev);
	if (shown == 0)
	{
		diplo_free(a, b.s);
		return NULL;
	}
	return b.s;
}
