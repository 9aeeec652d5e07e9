/*
 * diplo_config.c
 *		Building a configuration (diplo_config.h) and looking things up in it.
 *
 * diplo_config_build validates a DiploConfigDef and copies it into tables
 * shaped like the built-in lexicons: every phrase (actor names and aliases,
 * organisation names, cue forms) is cut into words by the analyser's own
 * tokenizer, folded as the lexicon keys are (diplo_lex_fold_word) and kept
 * as a key of words joined by one space, in arrays sorted bytewise; topic
 * keywords are kept as their English stems, as data/topics.tsv.  A lookup
 * narrows the run of keys one word at a time (two binary searches per
 * word), keeping the longest phrase that matched.  A small bit set of the
 * hashes of every first word makes a miss (the common case) one load.
 *
 * Countries are checked against data/countries.tsv and kept by their
 * canonical name; a role that is a title of data/titles.tsv also keeps the
 * title's canonical role and organisation kind, so that a role noun of the
 * text ("the Secretary", "the top diplomat") can find its holder.
 */
#include "diplo_config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_text.h"

/* Room for one key (as the lexicon: longer phrases are refused). */
#define CFG_KEY_MAX 200
#define CFG_KEY_BUF 256

/* Bits of a first-word filter: a power of two, 16 per key at least. */
#define CFG_FILTER_MIN_BITS 1024

/* A phrase key of a configuration table. */
typedef struct CfgKey
{
	char	   *key;			/* folded words joined by one space */
	char	   *exact;			/* case-sensitive entries: words as written */
	int32_t		entry;			/* index into the table's entries */
} CfgKey;

/* A sorted table of keys and the filter of their first words. */
typedef struct CfgIndex
{
	CfgKey	   *keys;
	int			nkeys;
	int			max_words;
	uint64_t   *filter;			/* nbits bits */
	uint32_t	nbits;
} CfgIndex;

/* One actor as built. */
typedef struct CfgActor
{
	char	   *name;
	int			role0;			/* its roles: roles[role0 .. role0 + nroles) */
	int			nroles;
} CfgActor;

/* One topic as built. */
typedef struct CfgTopic
{
	char	   *name;
	int			builtin;		/* the built-in topic of that name, or -1 */
} CfgTopic;

struct DiploConfig
{
	char	   *name;
	CfgActor   *actors;
	int			nactors;
	DiploConfigRole *roles;
	int			nroles;
	CfgTopic   *topics;
	int			ntopics;
	DiploCue   *cues;
	int			ncues;
	DiploOrg   *orgs;
	int			norgs;
	CfgIndex	actor_index;	/* names and aliases -> actor */
	CfgIndex	org_index;		/* phrases -> org */
	CfgIndex	cue_index;		/* forms -> cue */
	CfgIndex	topic_index;	/* stemmed keywords -> topic */
	CfgIndex	office_index;	/* office keys (office_keys) -> actor */
	uint8_t		topic_pairs[256][32];	/* first two bytes of the words whose
										 * stem may start a topic keyword */
};

static void set_error(char *err, size_t errlen, const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 3, 4)))
#endif
			;

static bool equal_ci(const char *x, const char *y);

/* Write a printf-style message into err (errlen bytes, may be 0). */
static void
set_error(char *err, size_t errlen, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Is s NULL, empty or only ASCII whitespace? */
static bool
is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' &&
			*s != '\f' && *s != '\v')
			return false;
	return true;
}

/* Is the NUL-terminated s well-formed UTF-8? */
static bool
is_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		len = strlen(s);
	size_t		i = 0;

	while (i < len)
	{
		int			n = diplo_utf8_char_len(u + i, len - i);

		if (n <= 0)
			return false;
		i += n;
	}
	return true;
}

/* Copy s trimmed of surrounding ASCII whitespace. */
static char *
copy_trimmed(const DiploAllocator *a, const char *s)
{
	size_t		start = 0;
	size_t		end = strlen(s);

	while (start < end && (s[start] == ' ' || s[start] == '\t' ||
						   s[start] == '\n' || s[start] == '\r'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
						   s[end - 1] == '\n' || s[end - 1] == '\r'))
		end--;
	return diplo_strndup(a, s + start, end - start);
}

/* Mark a first-word hash in a filter. */
static void
filter_add(CfgIndex *ix, uint32_t h)
{
	uint32_t	b = h & (ix->nbits - 1);

	ix->filter[b >> 6] |= (uint64_t) 1 << (b & 63);
}

/* May a word of this hash start a key of ix? */
static inline bool
filter_has(const CfgIndex *ix, uint32_t h)
{
	uint32_t	b = h & (ix->nbits - 1);

	return (ix->filter[b >> 6] >> (b & 63)) & 1;
}

/*
 * Cut a phrase into words with the analyser's tokenizer (into toks, whose
 * arrays are reused); false if it has no word.
 */
static bool
phrase_words(const DiploAllocator *a, const char *phrase, DiploTokens *toks)
{
	DiploParagraph p;
	size_t		len = strlen(phrase);
	size_t		start = 0;

	while (start < len && (phrase[start] == ' ' || phrase[start] == '\t'))
		start++;
	while (len > start && (phrase[len - 1] == ' ' || phrase[len - 1] == '\t'))
		len--;
	memset(&p, 0, sizeof(p));
	p.start = start;
	p.end = len;
	diplo_tokenize(a, phrase, &p, toks);
	return toks->n > 0;
}

/*
 * The key of words[0..n): folded words joined by one space, into out;
 * its length, or -1 if longer than CFG_KEY_MAX.  stem: the words' stems.
 */
static int
words_key(const DiploWord *words, int n, bool fold_case, bool stem, char *out)
{
	int			len = 0;

	for (int j = 0; j < n; j++)
	{
		int			wl;

		if (j > 0)
		{
			if (len + 1 > CFG_KEY_MAX)
				return -1;
			out[len++] = ' ';
		}
		if (stem)
			wl = diplo_lex_stem_word(words[j], out + len, CFG_KEY_MAX - len);
		else
			wl = diplo_lex_fold_word(words[j], out + len, CFG_KEY_MAX - len,
									 fold_case);
		if (wl <= 0)
			return -1;
		len += wl;
	}
	out[len] = '\0';
	return len;
}

/* A growable list of keys under construction. */
typedef struct KeyList
{
	CfgKey	   *keys;
	int			n;
	int			cap;
	int			max_words;
} KeyList;

/* Append a key of phrase (with exact form if case_sensitive); false if too long. */
static bool
add_phrase(const DiploAllocator *a, KeyList *kl, DiploTokens *toks,
		   const char *phrase, bool case_sensitive, bool stem, int entry)
{
	char		buf[CFG_KEY_BUF];
	char		xbuf[CFG_KEY_BUF];
	int			len;
	int			xlen = 0;

	if (!phrase_words(a, phrase, toks))
		return false;
	len = words_key(toks->words, toks->n, true, stem, buf);
	if (len <= 0)
		return false;
	if (case_sensitive)
	{
		xlen = words_key(toks->words, toks->n, false, false, xbuf);
		if (xlen <= 0)
			return false;
	}
	if (kl->n >= kl->cap)
	{
		kl->cap = kl->cap ? kl->cap * 2 : 16;
		kl->keys = diplo_realloc(a, kl->keys, sizeof(CfgKey) * kl->cap);
	}
	kl->keys[kl->n].key = diplo_strndup(a, buf, len);
	kl->keys[kl->n].exact = case_sensitive ? diplo_strndup(a, xbuf, xlen) : NULL;
	kl->keys[kl->n].entry = entry;
	kl->n++;
	if (toks->n > kl->max_words)
		kl->max_words = toks->n;
	return true;
}

/* qsort order of keys: by key, case-sensitive ones first, then by entry. */
static int
compare_keys(const void *pa, const void *pb)
{
	const CfgKey *ka = pa;
	const CfgKey *kb = pb;
	int			c = strcmp(ka->key, kb->key);

	if (c != 0)
		return c;
	if ((ka->exact == NULL) != (kb->exact == NULL))
		return ka->exact ? -1 : 1;
	if (ka->exact && kb->exact && (c = strcmp(ka->exact, kb->exact)) != 0)
		return c;
	return (ka->entry > kb->entry) - (ka->entry < kb->entry);
}

/* Free the strings of keys[from..to). */
static void
free_keys(const DiploAllocator *a, CfgKey *keys, int from, int to)
{
	for (int k = from; k < to; k++)
	{
		diplo_free(a, keys[k].key);
		diplo_free(a, keys[k].exact);
	}
}

/*
 * Sort a key list into ix.  Keys equal in key and exact form are kept
 * once: the lowest entry, or (drop_ambiguous) none at all if they name
 * different entries.
 */
static void
finish_index(const DiploAllocator *a, KeyList *kl, CfgIndex *ix,
			 bool drop_ambiguous, bool keep_all)
{
	int			n = 0;

	if (kl->n > 1)
		qsort(kl->keys, kl->n, sizeof(CfgKey), compare_keys);
	for (int k = 0; k < kl->n;)
	{
		int			e = k + 1;
		bool		ambiguous = false;

		while (e < kl->n && strcmp(kl->keys[e].key, kl->keys[k].key) == 0 &&
			   (kl->keys[e].exact == NULL) == (kl->keys[k].exact == NULL) &&
			   (kl->keys[k].exact == NULL ||
				strcmp(kl->keys[e].exact, kl->keys[k].exact) == 0))
		{
			if (kl->keys[e].entry != kl->keys[k].entry)
				ambiguous = true;
			e++;
		}
		if (keep_all)
		{
			/* every entry once (topics: a keyword of several topics) */
			for (int j = k; j < e; j++)
			{
				if (j > k && kl->keys[j].entry == kl->keys[j - 1].entry)
				{
					free_keys(a, kl->keys, j, j + 1);
					continue;
				}
				kl->keys[n++] = kl->keys[j];
			}
		}
		else if (ambiguous && drop_ambiguous)
			free_keys(a, kl->keys, k, e);
		else
		{
			kl->keys[n++] = kl->keys[k];
			free_keys(a, kl->keys, k + 1, e);
		}
		k = e;
	}
	ix->keys = kl->keys;
	ix->nkeys = n;
	ix->max_words = kl->max_words;
	ix->nbits = CFG_FILTER_MIN_BITS;
	while (ix->nbits < (uint32_t) n * 16 && ix->nbits < (1u << 30))
		ix->nbits *= 2;
	ix->filter = diplo_alloc(a, ix->nbits / 8);
	for (int k = 0; k < n; k++)
	{
		const char *key = ix->keys[k].key;
		const char *sp = strchr(key, ' ');

		filter_add(ix, diplo_fnv1a(key, sp ? (int) (sp - key) : (int) strlen(key)));
	}
	kl->keys = NULL;
	kl->n = kl->cap = 0;
}

/* Free an index's keys. */
static void
free_index(const DiploAllocator *a, CfgIndex *ix)
{
	if (ix->keys)
		free_keys(a, ix->keys, 0, ix->nkeys);
	diplo_free(a, ix->keys);
	diplo_free(a, ix->filter);
	ix->keys = NULL;
	ix->filter = NULL;
	ix->nkeys = 0;
}

/* Compare a key with buf[0..len): like strcmp of the key and buf. */
static int
compare_prefix(const char *key, const char *buf, int len)
{
	int			c = strncmp(key, buf, len);

	if (c != 0)
		return c;
	return key[len] == '\0' ? 0 : 1;
}

/* First position in keys[lo..hi) whose key is not below buf[0..len). */
static int
key_lower_bound(const CfgKey *keys, int lo, int hi, const char *buf, int len)
{
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (compare_prefix(keys[mid].key, buf, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The longest key of ix starting at words[i] (stem: the words' stems);
 * NULL if none, else *matched gets its length in words.
 */
static const CfgKey *
index_longest(const CfgIndex *ix, const DiploWord *words, int nwords, int i,
			  bool stem, int *matched)
{
	char		buf[CFG_KEY_BUF + 2];
	char		exact[CFG_KEY_BUF];
	const CfgKey *best = NULL;
	int			len = 0;
	int			lo = 0;
	int			hi = ix->nkeys;

	*matched = 0;
	if (ix->nkeys == 0 || words == NULL || i < 0 || i >= nwords)
		return NULL;
	/* a prepared word carries the hash of its folded form: most words leave */
	if (!stem && words[i].lex != 0 && !filter_has(ix, words[i].hash))
		return NULL;
	for (int count = 1; count <= ix->max_words && i + count <= nwords; count++)
	{
		const DiploWord *w = &words[i + count - 1];
		const CfgKey *folded = NULL;
		const CfgKey *exact_match = NULL;
		int			exact_len = -1;
		int			wl;

		if (count > 1)
			buf[len++] = ' ';
		if (stem)
			wl = diplo_lex_stem_word(*w, buf + len, CFG_KEY_MAX - len);
		else
			wl = diplo_lex_fold_word(*w, buf + len, CFG_KEY_MAX - len, true);
		if (wl <= 0)
			break;
		if (count == 1 && !filter_has(ix, diplo_fnv1a(buf, wl)))
			return NULL;		/* (the caller tried w->hash first) */
		len += wl;
		lo = key_lower_bound(ix->keys, lo, hi, buf, len);
		buf[len] = '!';			/* '!' follows ' ': bounds every "w ..." */
		hi = key_lower_bound(ix->keys, lo, hi, buf, len + 1);
		if (lo >= hi)
			break;
		for (int k = lo; k < hi && ix->keys[k].key[len] == '\0'; k++)
		{
			const CfgKey *key = &ix->keys[k];

			if (key->exact == NULL)
			{
				if (folded == NULL)
					folded = key;
			}
			else if (exact_match == NULL)
			{
				if (exact_len < 0)
					exact_len = words_key(words + i, count, false, false, exact);
				if (exact_len > 0 && strcmp(key->exact, exact) == 0)
					exact_match = key;
			}
		}
		if (exact_match || folded)
		{
			best = exact_match ? exact_match : folded;
			*matched = count;
		}
	}
	return best;
}

/* The canonical country named by text (a name, alias or demonym), or NULL. */
static const char *
lookup_country(const DiploAllocator *a, const char *text, DiploTokens *toks)
{
	const DiploCountry *c;
	int			matched = 0;
	DiploPlaceKind kind;

	if (!phrase_words(a, text, toks))
		return NULL;
	c = diplo_lex_place(toks->words, toks->n, 0, &matched, &kind);
	if (c == NULL || matched != toks->n)
	{
		/* the canonical name itself, whatever its case */
		for (int k = 0; k < diplo_lex_ncountries; k++)
		{
			size_t		l = strlen(diplo_lex_countries[k].name);
			char		b1[CFG_KEY_BUF];
			char		b2[CFG_KEY_BUF];
			DiploWord	w1 = {diplo_lex_countries[k].name, (int) l, 0, 0};
			DiploWord	w2 = {text, (int) strlen(text), 0, 0};
			int			l1 = diplo_lex_fold_word(w1, b1, CFG_KEY_MAX, true);
			int			l2 = diplo_lex_fold_word(w2, b2, CFG_KEY_MAX, true);

			if (l1 > 0 && l1 == l2 && memcmp(b1, b2, l1) == 0)
				return diplo_lex_countries[k].name;
			if (strcmp(diplo_lex_countries[k].code, text) == 0)
				return diplo_lex_countries[k].name;
		}
		return NULL;
	}
	return c->name;
}

/* The title of data/titles.tsv that is the whole of text, or NULL. */
static const DiploTitle *
lookup_title(const DiploAllocator *a, const char *text, DiploTokens *toks)
{
	const DiploTitle *t;
	int			matched = 0;

	if (!phrase_words(a, text, toks))
		return NULL;
	t = diplo_lex_title(toks->words, toks->n, 0, &matched);
	if (t == NULL || matched != toks->n || t->role == NULL)
		return NULL;
	return t;
}

/* The built-in organisation that is the whole of text, or NULL. */
static const DiploOrg *
lookup_builtin_org(const DiploAllocator *a, const char *text,
				   DiploTokens *toks)
{
	const DiploOrg *o;
	int			matched = 0;

	if (!phrase_words(a, text, toks))
		return NULL;
	o = diplo_lex_org(toks->words, toks->n, 0, &matched);
	return (o != NULL && matched == toks->n) ? o : NULL;
}

/* Copy s (not NULL) into a's memory. */
static char *
copy_str(const DiploAllocator *a, const char *s)
{
	return diplo_strndup(a, s, strlen(s));
}

/* Check a string of an entry: not blank, valid UTF-8, not too long. */
static bool
check_text(const char *s, const char *what, const char *entry, char *err,
		   size_t errlen)
{
	if (is_blank(s))
	{
		set_error(err, errlen, "%s: empty %s", entry, what);
		return false;
	}
	if (!is_utf8(s))
	{
		set_error(err, errlen, "%s: %s is not valid UTF-8", entry, what);
		return false;
	}
	if (strlen(s) > CFG_KEY_MAX)
	{
		set_error(err, errlen, "%s: %s is longer than %d bytes", entry, what,
				  CFG_KEY_MAX);
		return false;
	}
	return true;
}

/* Describe entry k of a list for messages: its name when it has a usable one. */
static void
describe(char *buf, size_t size, const char *list, int k, const char *name)
{
	if (!is_blank(name) && is_utf8(name) && strlen(name) <= CFG_KEY_MAX)
		snprintf(buf, size, "%s %d (\"%s\")", list, k + 1, name);
	else
		snprintf(buf, size, "%s %d", list, k + 1);
}

/* Add the cue d, already checked, as the next cue of cfg. */
static bool
build_cue(const DiploAllocator *a, DiploConfig *cfg, KeyList *kl,
		  DiploTokens *toks, const DiploCueDef *d, const char *entry,
		  char *err, size_t errlen)
{
	DiploCue   *c = &cfg->cues[cfg->ncues];

	if (!phrase_words(a, d->form, toks) || toks->n != 1 ||
		toks->tok[0].kind != DIPLO_TOK_WORD)
	{
		set_error(err, errlen, "%s: a cue form must be one word", entry);
		return false;
	}
	c->form = copy_trimmed(a, d->form);
	c->lemma = copy_trimmed(a, is_blank(d->lemma) ? d->form : d->lemma);
	c->cls = d->cls;
	c->flags = d->flags;
	cfg->ncues++;
	if (!add_phrase(a, kl, toks, c->form, false, false, cfg->ncues - 1))
	{
		set_error(err, errlen, "%s: form cannot be matched", entry);
		return false;
	}
	return true;
}

#define CUE_FLAGS_ALL (DIPLO_CUE_TAKES_OBJECT | DIPLO_CUE_PARTICIPLE | \
	DIPLO_CUE_PRESENT | DIPLO_CUE_QUOTE_ONLY | DIPLO_CUE_CLAUSE | \
	DIPLO_CUE_BY_AGENT | DIPLO_CUE_TO_OBJECT | DIPLO_CUE_FOR_OBJECT | \
	DIPLO_CUE_AFTER_MAKE | DIPLO_CUE_IT_OBJECT | DIPLO_CUE_NAMED_SUBJECT)

/*
 * The heads of a ministry go by several titles: a role noun naming one
 * ("the top diplomat" is a Foreign Minister) finds the holder of another.
 */
static const char *const head_roles[][4] = {
	{"Foreign Minister", "Secretary of State", "Foreign Secretary", NULL},
	{"Defence Minister", "Secretary of Defense", "Defence Secretary", NULL},
	{"Finance Minister", "Secretary of the Treasury", "Chancellor of the Exchequer", NULL},
	{"Interior Minister", "Secretary of Homeland Security", "Home Secretary", NULL},
};

#define NHEAD_CLASSES ((int) (sizeof(head_roles) / sizeof(head_roles[0])))

/* The class of head_roles that role belongs to, or -1. */
static int
head_class(const char *role)
{
	for (int c = 0; c < NHEAD_CLASSES; c++)
		for (int k = 0; head_roles[c][k]; k++)
			if (equal_ci(head_roles[c][k], role))
				return c;
	return -1;
}

/*
 * The keys under which a role is found (out: two of CFG_KEY_BUF bytes):
 * its first word lowercased, and "#c" for a class c of head_roles; their
 * number.
 */
static int
office_keys(const char *role, char out[][CFG_KEY_BUF])
{
	int			n = 0;
	int			c = head_class(role);
	size_t		len = strcspn(role, " ");

	if (len > 0 && len < CFG_KEY_BUF)
	{
		for (size_t i = 0; i < len; i++)
			out[n][i] = (role[i] >= 'A' && role[i] <= 'Z') ? (char) (role[i] + 0x20) : role[i];
		out[n][len] = '\0';
		n++;
	}
	if (c >= 0)
		snprintf(out[n++], CFG_KEY_BUF, "#%d", c);
	return n;
}

/* Add the office keys of role (of actor) to kl. */
static void
add_office_keys(const DiploAllocator *a, KeyList *kl, const char *role,
				int actor)
{
	char		keys[2][CFG_KEY_BUF];
	int			n = office_keys(role, keys);

	for (int k = 0; k < n; k++)
	{
		if (kl->n >= kl->cap)
		{
			kl->cap = kl->cap ? kl->cap * 2 : 16;
			kl->keys = diplo_realloc(a, kl->keys, sizeof(CfgKey) * kl->cap);
		}
		kl->keys[kl->n].key = diplo_strndup(a, keys[k], strlen(keys[k]));
		kl->keys[kl->n].exact = NULL;
		kl->keys[kl->n].entry = actor;
		kl->n++;
	}
	kl->max_words = 1;
}

/* One name of a list, for unique_names. */
typedef struct NameRef
{
	const char *name;
	int			index;
} NameRef;

/* qsort order of NameRef: by name, then by index. */
static int
compare_name_refs(const void *pa, const void *pb)
{
	const NameRef *x = pa;
	const NameRef *y = pb;
	int			c = strcmp(x->name, y->name);

	if (c != 0)
		return c;
	return (x->index > y->index) - (x->index < y->index);
}

/*
 * Check that the n names at the start of items (elem bytes apart, a
 * char * first in each) are distinct; else name the later duplicate.
 */
static bool
unique_names(const DiploAllocator *a, const char *const *items, size_t elem,
			 int n, const char *list, const char *what, char *err,
			 size_t errlen)
{
	NameRef    *refs;
	int			dup = -1;

	if (n < 2)
		return true;
	refs = diplo_alloc(a, sizeof(NameRef) * n);
	for (int k = 0; k < n; k++)
	{
		refs[k].name = *(const char *const *) ((const char *) items + elem * k);
		refs[k].index = k;
	}
	qsort(refs, n, sizeof(NameRef), compare_name_refs);
	for (int k = 1; k < n; k++)
		if (strcmp(refs[k].name, refs[k - 1].name) == 0 &&
			(dup < 0 || refs[k].index < dup))
			dup = refs[k].index;
	if (dup >= 0)
		set_error(err, errlen, "%s %d (\"%s\"): %s", list, dup + 1,
				  *(const char *const *) ((const char *) items + elem * dup), what);
	diplo_free(a, refs);
	return dup < 0;
}

/* Build the actors of def into cfg; false with err set on invalid input. */
static bool
build_actors(const DiploAllocator *a, DiploConfig *cfg,
			 const DiploConfigDef *def, DiploTokens *toks, char *err,
			 size_t errlen)
{
	KeyList		kl = {0};
	KeyList		okl = {0};
	int			total_roles = 0;
	char		entry[CFG_KEY_BUF + 64];
	char		sub[2 * CFG_KEY_BUF + 128];

	if (def->nactors < 0 || (def->nactors > 0 && def->actors == NULL))
	{
		set_error(err, errlen, "invalid list of actors");
		return false;
	}
	for (int k = 0; k < def->nactors; k++)
	{
		const DiploActorDef *d = &def->actors[k];

		describe(entry, sizeof(entry), "actor", k, d->name);
		if (!check_text(d->name, "name", entry, err, errlen))
			return false;
		if (d->naliases < 0 || (d->naliases > 0 && d->aliases == NULL))
		{
			set_error(err, errlen, "%s: invalid list of aliases", entry);
			return false;
		}
		if (d->nroles < 0 || (d->nroles > 0 && d->roles == NULL))
		{
			set_error(err, errlen, "%s: invalid list of roles", entry);
			return false;
		}
		if (d->nroles > INT32_MAX - total_roles)
		{
			set_error(err, errlen, "too many roles");
			return false;
		}
		total_roles += d->nroles;
	}
	cfg->actors = diplo_alloc(a, sizeof(CfgActor) * (def->nactors ? def->nactors : 1));
	cfg->roles = diplo_alloc(a, sizeof(DiploConfigRole) * (total_roles ? total_roles : 1));
	for (int k = 0; k < def->nactors; k++)
	{
		const DiploActorDef *d = &def->actors[k];
		CfgActor   *ac = &cfg->actors[k];

		describe(entry, sizeof(entry), "actor", k, d->name);
		diplo_check_interrupts(a);
		ac->name = copy_trimmed(a, d->name);
		ac->role0 = cfg->nroles;
		cfg->nactors++;
		if (!add_phrase(a, &kl, toks, ac->name, false, false, k))
		{
			set_error(err, errlen, "%s: name cannot be matched", entry);
			goto fail;
		}
		for (int j = 0; j < d->naliases; j++)
		{
			snprintf(sub, sizeof(sub), "%s, alias %d", entry, j + 1);
			if (!check_text(d->aliases[j], "alias", sub, err, errlen))
				goto fail;
			if (!add_phrase(a, &kl, toks, d->aliases[j], false, false, k))
			{
				set_error(err, errlen, "%s: alias cannot be matched", sub);
				goto fail;
			}
		}
		for (int j = 0; j < d->nroles; j++)
		{
			const DiploActorRoleDef *rd = &d->roles[j];
			DiploConfigRole *r = &cfg->roles[cfg->nroles];
			const DiploTitle *t;

			if (!is_blank(rd->role) && is_utf8(rd->role) &&
				strlen(rd->role) <= CFG_KEY_MAX)
				snprintf(sub, sizeof(sub), "%s, role %d (\"%s\")", entry,
						 j + 1, rd->role);
			else
				snprintf(sub, sizeof(sub), "%s, role %d", entry, j + 1);
			/* a role may be only an organisation or a country ("[; ; Ghana]") */
			if (rd->role == NULL && rd->org == NULL && rd->country == NULL)
			{
				set_error(err, errlen, "%s: names no role, organisation nor country", sub);
				goto fail;
			}
			if (rd->role != NULL && !check_text(rd->role, "role", sub, err, errlen))
				goto fail;
			if (rd->org != NULL && !check_text(rd->org, "organisation", sub,
											   err, errlen))
				goto fail;
			if (rd->country != NULL &&
				!check_text(rd->country, "country", sub, err, errlen))
				goto fail;
			if (rd->valid_from != DIPLO_NO_DATE && rd->valid_to != DIPLO_NO_DATE &&
				rd->valid_to < rd->valid_from)
			{
				set_error(err, errlen, "%s: valid_to is before valid_from", sub);
				goto fail;
			}
			memset(r, 0, sizeof(*r));
			if (rd->country != NULL)
			{
				r->country = lookup_country(a, rd->country, toks);
				if (r->country == NULL)
				{
					set_error(err, errlen, "%s: unknown country \"%s\"", sub,
							  rd->country);
					goto fail;
				}
			}
			r->role = rd->role ? copy_trimmed(a, rd->role) : NULL;
			r->org = rd->org ? copy_trimmed(a, rd->org) : NULL;
			r->valid_from = rd->valid_from;
			r->valid_to = rd->valid_to;
			t = r->role ? lookup_title(a, r->role, toks) : NULL;
			r->title_role = t ? t->role : NULL;
			r->org_kind = t ? t->org_kind : NULL;
			if (r->org != NULL && r->org_kind == NULL)
			{
				const DiploOrg *o = lookup_builtin_org(a, r->org, toks);

				r->org_kind = o ? o->org_kind : NULL;
			}
			cfg->nroles++;
			ac->nroles++;
			if (r->role)
				add_office_keys(a, &okl, r->role, k);
			if (r->title_role)
				add_office_keys(a, &okl, r->title_role, k);
		}
	}
	if (!unique_names(a, (const char *const *) cfg->actors, sizeof(CfgActor),
					  cfg->nactors, "actor", "duplicate actor name", err, errlen))
		goto fail;
	finish_index(a, &kl, &cfg->actor_index, true, false);
	finish_index(a, &okl, &cfg->office_index, false, true);
	return true;

fail:
	free_keys(a, kl.keys, 0, kl.n);
	diplo_free(a, kl.keys);
	free_keys(a, okl.keys, 0, okl.n);
	diplo_free(a, okl.keys);
	return false;
}

/* Build the organisations of def into cfg; false with err set. */
static bool
build_orgs(const DiploAllocator *a, DiploConfig *cfg, const DiploConfigDef *def,
		   DiploTokens *toks, char *err, size_t errlen)
{
	KeyList		kl = {0};
	char		entry[CFG_KEY_BUF + 64];

	if (def->norgs < 0 || (def->norgs > 0 && def->orgs == NULL))
	{
		set_error(err, errlen, "invalid list of organisations");
		return false;
	}
	cfg->orgs = diplo_alloc(a, sizeof(DiploOrg) * (def->norgs ? def->norgs : 1));
	for (int k = 0; k < def->norgs; k++)
	{
		const DiploOrgDef *d = &def->orgs[k];
		DiploOrg   *o = &cfg->orgs[cfg->norgs];
		const DiploOrg *builtin;

		diplo_check_interrupts(a);
		describe(entry, sizeof(entry), "organisation", k, d->phrase);
		if (!check_text(d->phrase, "phrase", entry, err, errlen))
			goto fail;
		if (d->canonical != NULL &&
			!check_text(d->canonical, "canonical name", entry, err, errlen))
			goto fail;
		if ((int) d->kind < 0 || (int) d->kind > DIPLO_ORG_CHANNEL)
		{
			set_error(err, errlen, "%s: bad organisation kind %d", entry,
					  (int) d->kind);
			goto fail;
		}
		if (d->country != NULL &&
			!check_text(d->country, "country", entry, err, errlen))
			goto fail;
		memset(o, 0, sizeof(*o));
		if (d->country != NULL)
		{
			o->country = lookup_country(a, d->country, toks);
			if (o->country == NULL)
			{
				set_error(err, errlen, "%s: unknown country \"%s\"", entry,
						  d->country);
				goto fail;
			}
		}
		o->phrase = copy_trimmed(a, d->phrase);
		o->canonical = copy_trimmed(a, d->canonical ? d->canonical : d->phrase);
		o->kind = d->kind;
		o->case_sensitive = d->case_sensitive;
		builtin = lookup_builtin_org(a, o->canonical, toks);
		if (builtin == NULL)
			builtin = lookup_builtin_org(a, o->phrase, toks);
		o->org_kind = builtin ? builtin->org_kind : NULL;
		cfg->norgs++;
		if (!add_phrase(a, &kl, toks, o->phrase, d->case_sensitive, false, k))
		{
			set_error(err, errlen, "%s: phrase cannot be matched", entry);
			goto fail;
		}
	}
	finish_index(a, &kl, &cfg->org_index, false, false);
	return true;

fail:
	free_keys(a, kl.keys, 0, kl.n);
	diplo_free(a, kl.keys);
	return false;
}

/* Build the cues of def into cfg; false with err set. */
static bool
build_cues(const DiploAllocator *a, DiploConfig *cfg, const DiploConfigDef *def,
		   DiploTokens *toks, char *err, size_t errlen)
{
	KeyList		kl = {0};
	char		entry[CFG_KEY_BUF + 64];

	if (def->ncues < 0 || (def->ncues > 0 && def->cues == NULL))
	{
		set_error(err, errlen, "invalid list of cues");
		return false;
	}
	cfg->cues = diplo_alloc(a, sizeof(DiploCue) * (def->ncues ? def->ncues : 1));
	for (int k = 0; k < def->ncues; k++)
	{
		const DiploCueDef *d = &def->cues[k];

		diplo_check_interrupts(a);
		describe(entry, sizeof(entry), "cue", k, d->form);
		if (!check_text(d->form, "form", entry, err, errlen))
			goto fail;
		if (d->lemma != NULL && !is_blank(d->lemma) &&
			!check_text(d->lemma, "lemma", entry, err, errlen))
			goto fail;
		if ((int) d->cls < DIPLO_CUE_SPEECH || (int) d->cls > DIPLO_CUE_TOPIC)
		{
			set_error(err, errlen, "%s: bad cue class %d", entry, (int) d->cls);
			goto fail;
		}
		if (d->flags & ~CUE_FLAGS_ALL)
		{
			set_error(err, errlen, "%s: unknown cue flags 0x%x", entry,
					  (unsigned) (d->flags & ~CUE_FLAGS_ALL));
			goto fail;
		}
		if (!build_cue(a, cfg, &kl, toks, d, entry, err, errlen))
			goto fail;
	}
	finish_index(a, &kl, &cfg->cue_index, false, false);
	return true;

fail:
	free_keys(a, kl.keys, 0, kl.n);
	diplo_free(a, kl.keys);
	return false;
}

/*
 * Mark the first two bytes of the words whose English stem may start a
 * topic keyword: a stem keeps its word's first two bytes, except that
 * "dying", "lying", "tying" stem to "die", "lie", "tie" (a 'y' there may
 * become 'i'); a one-byte stem admits any second byte.
 */
static void
mark_topic_pairs(DiploConfig *cfg)
{
	memset(cfg->topic_pairs, 0, sizeof(cfg->topic_pairs));
	for (int k = 0; k < cfg->topic_index.nkeys; k++)
	{
		const unsigned char *key = (const unsigned char *) cfg->topic_index.keys[k].key;
		unsigned char b0 = key[0];
		unsigned char b1 = key[0] ? key[1] : 0;

		if (b1 == '\0' || b1 == ' ')
		{
			memset(cfg->topic_pairs[b0], 0xFF, sizeof(cfg->topic_pairs[b0]));
			continue;
		}
		cfg->topic_pairs[b0][b1 >> 3] |= (uint8_t) (1 << (b1 & 7));
		if (b1 == 'i')
			cfg->topic_pairs[b0]['y' >> 3] |= (uint8_t) (1 << ('y' & 7));
	}
}

/* May the stem of w start a topic keyword of cfg (by its first two bytes)? */
static bool
may_stem_to_topic(const DiploConfig *cfg, const DiploWord *w)
{
	unsigned char b0;
	unsigned char b1;

	if (w->s == NULL || w->len <= 0)
		return false;
	b0 = (unsigned char) w->s[0];
	b1 = w->len > 1 ? (unsigned char) w->s[1] : 0;
	/* other bytes than ASCII, a leading apostrophe: the stemmer decides */
	if (b0 >= 0x80 || b1 >= 0x80 || b0 == '\'')
		return true;
	if (b0 >= 'A' && b0 <= 'Z')
		b0 += 0x20;
	if (b1 >= 'A' && b1 <= 'Z')
		b1 += 0x20;
	return (cfg->topic_pairs[b0][b1 >> 3] >> (b1 & 7)) & 1;
}

/* Build the topics of def into cfg; false with err set. */
static bool
build_topics(const DiploAllocator *a, DiploConfig *cfg,
			 const DiploConfigDef *def, DiploTokens *toks, char *err,
			 size_t errlen)
{
	KeyList		kl = {0};
	char		entry[CFG_KEY_BUF + 64];
	char		sub[CFG_KEY_BUF + 128];

	if (def->ntopics < 0 || (def->ntopics > 0 && def->topics == NULL))
	{
		set_error(err, errlen, "invalid list of topics");
		return false;
	}
	cfg->topics = diplo_alloc(a, sizeof(CfgTopic) * (def->ntopics ? def->ntopics : 1));
	for (int k = 0; k < def->ntopics; k++)
	{
		const DiploTopicDef *d = &def->topics[k];

		diplo_check_interrupts(a);
		describe(entry, sizeof(entry), "topic", k, d->topic);
		if (!check_text(d->topic, "name", entry, err, errlen))
			goto fail;
		if (d->nkeywords < 0 || (d->nkeywords > 0 && d->keywords == NULL))
		{
			set_error(err, errlen, "%s: invalid list of keywords", entry);
			goto fail;
		}
		cfg->topics[k].name = copy_trimmed(a, d->topic);
		cfg->topics[k].builtin = -1;
		for (int b = 0; b < diplo_ntopics; b++)
			if (equal_ci(diplo_topics[b].name, cfg->topics[k].name))
				cfg->topics[k].builtin = b;
		cfg->ntopics++;
		for (int j = 0; j < d->nkeywords; j++)
		{
			snprintf(sub, sizeof(sub), "%s, keyword %d", entry, j + 1);
			if (!check_text(d->keywords[j], "keyword", sub, err, errlen))
				goto fail;
			if (!add_phrase(a, &kl, toks, d->keywords[j], false, true, k))
			{
				set_error(err, errlen, "%s: keyword cannot be matched", sub);
				goto fail;
			}
		}
	}
	if (!unique_names(a, (const char *const *) cfg->topics, sizeof(CfgTopic),
					  cfg->ntopics, "topic", "duplicate topic", err, errlen))
		goto fail;
	finish_index(a, &kl, &cfg->topic_index, false, true);
	mark_topic_pairs(cfg);
	return true;

fail:
	free_keys(a, kl.keys, 0, kl.n);
	diplo_free(a, kl.keys);
	return false;
}

/* Build a configuration from def (see diplo_config.h). */
DiploConfig *
diplo_config_build(const DiploAllocator *a, const DiploConfigDef *def,
				   char *err, size_t errlen)
{
	DiploConfig *cfg;
	DiploTokens toks = {0};
	bool		ok;
	int			prev_lang;

	if (err && errlen)
		err[0] = '\0';
	if (a == NULL || def == NULL)
	{
		set_error(err, errlen, "no configuration definition");
		return NULL;
	}
	if (!diplo_lexicon_init())
	{
		set_error(err, errlen, "could not create the English stemmer");
		return NULL;
	}
	if (def->name != NULL && !is_utf8(def->name))
	{
		set_error(err, errlen, "configuration name is not valid UTF-8");
		return NULL;
	}
	cfg = diplo_alloc(a, sizeof(DiploConfig));
	cfg->name = def->name ? copy_str(a, def->name) : NULL;
	/* phrases are read as English (set, not assumed: see diplo_lexicon.h) */
	prev_lang = diplo_lex_set_language(DIPLO_LANG_EN);
	ok = build_actors(a, cfg, def, &toks, err, errlen) &&
		build_orgs(a, cfg, def, &toks, err, errlen) &&
		build_cues(a, cfg, def, &toks, err, errlen) &&
		build_topics(a, cfg, def, &toks, err, errlen);
	diplo_lex_set_language(prev_lang);
	diplo_tokens_free(a, &toks);
	if (!ok)
	{
		diplo_config_free(a, cfg);
		return NULL;
	}
	return cfg;
}

/* The canonical country text names, as the build accepts it, or NULL. */
const char *
diplo_config_country(const DiploAllocator *a, const char *text)
{
	DiploTokens toks = {0};
	const char *c;
	int			prev_lang;

	if (a == NULL || text == NULL || is_blank(text) || !is_utf8(text) ||
		strlen(text) > CFG_KEY_MAX || !diplo_lexicon_init())
		return NULL;
	prev_lang = diplo_lex_set_language(DIPLO_LANG_EN);
	c = lookup_country(a, text, &toks);
	diplo_lex_set_language(prev_lang);
	diplo_tokens_free(a, &toks);
	return c;
}

/* Free a configuration and everything it holds (NULL is a no-op). */
void
diplo_config_free(const DiploAllocator *a, DiploConfig *cfg)
{
	if (cfg == NULL)
		return;
	diplo_free(a, cfg->name);
	for (int k = 0; k < cfg->nactors; k++)
		diplo_free(a, cfg->actors[k].name);
	diplo_free(a, cfg->actors);
	for (int k = 0; k < cfg->nroles; k++)
	{
		diplo_free(a, (char *) cfg->roles[k].role);
		diplo_free(a, (char *) cfg->roles[k].org);
	}
	diplo_free(a, cfg->roles);
	for (int k = 0; k < cfg->ntopics; k++)
		diplo_free(a, cfg->topics[k].name);
	diplo_free(a, cfg->topics);
	for (int k = 0; k < cfg->ncues; k++)
	{
		diplo_free(a, (char *) cfg->cues[k].form);
		diplo_free(a, (char *) cfg->cues[k].lemma);
	}
	diplo_free(a, cfg->cues);
	for (int k = 0; k < cfg->norgs; k++)
	{
		diplo_free(a, (char *) cfg->orgs[k].phrase);
		diplo_free(a, (char *) cfg->orgs[k].canonical);
	}
	diplo_free(a, cfg->orgs);
	free_index(a, &cfg->actor_index);
	free_index(a, &cfg->org_index);
	free_index(a, &cfg->cue_index);
	free_index(a, &cfg->topic_index);
	free_index(a, &cfg->office_index);
	diplo_free(a, cfg);
}

/* The configuration's name, or NULL. */
const char *
diplo_config_name(const DiploConfig *cfg)
{
	return cfg ? cfg->name : NULL;
}

/* The number of actors. */
int
diplo_config_nactors(const DiploConfig *cfg)
{
	return cfg ? cfg->nactors : 0;
}

/* The canonical name of an actor. */
const char *
diplo_config_actor_name(const DiploConfig *cfg, int actor)
{
	if (cfg == NULL || actor < 0 || actor >= cfg->nactors)
		return NULL;
	return cfg->actors[actor].name;
}

/* Longest actor name or alias at words[i]: the actor, or -1. */
int
diplo_config_actor_at(const DiploConfig *cfg, const DiploWord *words,
					  int nwords, int i, int *matched)
{
	int			m = 0;
	const CfgKey *k;

	if (matched)
		*matched = 0;
	if (cfg == NULL)
		return -1;
	k = index_longest(&cfg->actor_index, words, nwords, i, false, &m);
	if (k == NULL)
		return -1;
	if (matched)
		*matched = m;
	return k->entry;
}

/* Does a role hold on date (DIPLO_NO_DATE: open ends only)? */
static bool
role_valid_on(const DiploConfigRole *r, int32_t date)
{
	return (r->valid_from == DIPLO_NO_DATE || r->valid_from <= date) &&
		(r->valid_to == DIPLO_NO_DATE || date <= r->valid_to);
}

/*
 * The role of an actor on date: the one valid then (the latest starting if
 * several); without a date, the undated one, else the latest.  NULL if none.
 */
const DiploConfigRole *
diplo_config_actor_role(const DiploConfig *cfg, int actor, int32_t date)
{
	const DiploConfigRole *best = NULL;
	const CfgActor *ac;

	if (cfg == NULL || actor < 0 || actor >= cfg->nactors)
		return NULL;
	ac = &cfg->actors[actor];
	for (int k = 0; k < ac->nroles; k++)
	{
		const DiploConfigRole *r = &cfg->roles[ac->role0 + k];

		if (date != DIPLO_NO_DATE)
		{
			if (!role_valid_on(r, date))
				continue;
			if (best == NULL || (r->valid_from != DIPLO_NO_DATE &&
								 (best->valid_from == DIPLO_NO_DATE ||
								  r->valid_from > best->valid_from)))
				best = r;
			continue;
		}
		if (r->valid_from == DIPLO_NO_DATE && r->valid_to == DIPLO_NO_DATE)
			return r;
		/* the latest: open or greatest end, then greatest start */
		if (best == NULL)
			best = r;
		else
		{
			int64_t		rt = r->valid_to == DIPLO_NO_DATE ? INT64_MAX : r->valid_to;
			int64_t		bt = best->valid_to == DIPLO_NO_DATE ? INT64_MAX : best->valid_to;
			int64_t		rf = r->valid_from == DIPLO_NO_DATE ? INT64_MIN : r->valid_from;
			int64_t		bf = best->valid_from == DIPLO_NO_DATE ? INT64_MIN : best->valid_from;

			if (rt > bt || (rt == bt && rf > bf))
				best = r;
		}
	}
	return best;
}

/* Case-insensitive (ASCII) equality of two NUL-terminated strings. */
static bool
equal_ci(const char *x, const char *y)
{
	for (; *x && *y; x++, y++)
	{
		unsigned char cx = (unsigned char) *x;
		unsigned char cy = (unsigned char) *y;

		if (cx >= 'A' && cx <= 'Z')
			cx += 0x20;
		if (cy >= 'A' && cy <= 'Z')
			cy += 0x20;
		if (cx != cy)
			return false;
	}
	return *x == *y;
}

/* Is x a word prefix of y, ignoring case ("Secretary" of "Secretary of State")? */
static bool
word_prefix_ci(const char *x, const char *y)
{
	size_t		n = strlen(x);

	if (strlen(y) <= n || y[n] != ' ')
		return false;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char cx = (unsigned char) x[i];
		unsigned char cy = (unsigned char) y[i];

		if (cx >= 'A' && cx <= 'Z')
			cx += 0x20;
		if (cy >= 'A' && cy <= 'Z')
			cy += 0x20;
		if (cx != cy)
			return false;
	}
	return true;
}



/* Do the canonical roles x and y name the same office? */
static bool
same_office(const char *x, const char *y)
{
	int			cx;

	if (equal_ci(x, y))
		return true;
	cx = head_class(x);
	return cx >= 0 && cx == head_class(y);
}

/*
 * May a role noun naming role (a canonical role: "Secretary") stand for a
 * holder of held ("Secretary of State"): the same office, or its first
 * words?
 */
bool
diplo_config_role_names(const char *role, const char *held)
{
	if (role == NULL || held == NULL)
		return false;
	return same_office(role, held) || word_prefix_ci(role, held);
}

/* Does the role the text names (role, org or org_kind, country) fit r? */
static bool
role_fits(const DiploConfigRole *r, const char *role, const char *org,
		  const char *org_kind, const char *country)
{
	const char *rr = r->title_role ? r->title_role : r->role;

	if (rr == NULL)
		return false;
	if (!same_office(role, rr) && !equal_ci(role, r->role) &&
		!word_prefix_ci(role, rr) && !word_prefix_ci(role, r->role))
		return false;
	if (country != NULL && r->country != NULL && strcmp(country, r->country) != 0)
		return false;
	if (org != NULL && r->org != NULL && !equal_ci(org, r->org) &&
		!(org_kind != NULL && r->org_kind != NULL &&
		  strcmp(org_kind, r->org_kind) == 0))
		return false;
	return true;
}

/*
 * The actors who hold the role the text names on date (see diplo_config.h):
 * their number, the first max of them into out.
 */
int
diplo_config_role_holders(const DiploConfig *cfg, const char *role,
						  const char *org, const char *org_kind,
						  const char *country, int32_t date, int *out,
						  int max)
{
	int			n = 0;
	char		keys[2][CFG_KEY_BUF];
	int			nkeys;
	int			first_lo = 0;
	int			first_hi = 0;
	const CfgIndex *ix;

	if (cfg == NULL || role == NULL)
		return 0;
	ix = &cfg->office_index;
	nkeys = office_keys(role, keys);
	/* the actors with a role under one of the keys: the candidates */
	for (int j = 0; j < nkeys; j++)
	{
		int			len = (int) strlen(keys[j]);
		int			lo = key_lower_bound(ix->keys, 0, ix->nkeys, keys[j], len);
		int			hi = lo;

		while (hi < ix->nkeys && strcmp(ix->keys[hi].key, keys[j]) == 0)
			hi++;
		for (int k = lo; k < hi; k++)
		{
			int			actor = ix->keys[k].entry;
			const DiploConfigRole *r;

			/* an actor under both keys counts once (entries are sorted) */
			if (j > 0 && first_lo < first_hi)
			{
				int			l = first_lo;
				int			h = first_hi;

				while (l < h)
				{
					int			mid = l + (h - l) / 2;

					if (ix->keys[mid].entry < actor)
						l = mid + 1;
					else
						h = mid;
				}
				if (l < first_hi && ix->keys[l].entry == actor)
					continue;
			}
			r = diplo_config_actor_role(cfg, actor, date);
			if (r == NULL || !role_fits(r, role, org, org_kind, country))
				continue;
			if (n < max)
				out[n] = actor;
			n++;
		}
		if (j == 0)
		{
			first_lo = lo;
			first_hi = hi;
		}
	}
	return n;
}

/* The one actor who holds the role the text names on date, or -1. */
int
diplo_config_role_holder(const DiploConfig *cfg, const char *role,
						 const char *org, const char *country, int32_t date)
{
	int			actor = -1;

	if (diplo_config_role_holders(cfg, role, org, NULL, country, date,
								  &actor, 1) != 1)
		return -1;
	return actor;
}

/* The configuration's cue whose form is this word, or NULL. */
const DiploCue *
diplo_config_cue(const DiploConfig *cfg, DiploWord w)
{
	int			m;
	const CfgKey *k;

	if (cfg == NULL || cfg->cue_index.nkeys == 0)
		return NULL;
	k = index_longest(&cfg->cue_index, &w, 1, 0, false, &m);
	return k ? &cfg->cues[k->entry] : NULL;
}

/* The configuration's longest organisation phrase at words[i], or NULL. */
const DiploOrg *
diplo_config_org(const DiploConfig *cfg, const DiploWord *words, int nwords,
				 int i, int *matched)
{
	int			m = 0;
	const CfgKey *k;

	if (matched)
		*matched = 0;
	if (cfg == NULL || cfg->org_index.nkeys == 0)
		return NULL;
	k = index_longest(&cfg->org_index, words, nwords, i, false, &m);
	if (k == NULL)
		return NULL;
	if (matched)
		*matched = m;
	return &cfg->orgs[k->entry];
}

/* The configuration's longest topic keyword at words[i]: its topic, or -1. */
int
diplo_config_topic(const DiploConfig *cfg, const DiploWord *words, int nwords,
				   int i, int *matched)
{
	int			m = 0;
	const CfgKey *k;

	if (matched)
		*matched = 0;
	if (cfg == NULL || cfg->topic_index.nkeys == 0 || words == NULL || i < 0 ||
		i >= nwords || !may_stem_to_topic(cfg, &words[i]))
		return -1;
	k = index_longest(&cfg->topic_index, words, nwords, i, true, &m);
	if (k == NULL)
		return -1;
	if (matched)
		*matched = m;
	return k->entry;
}

/* The number of topics of the configuration. */
int
diplo_config_ntopics(const DiploConfig *cfg)
{
	return cfg ? cfg->ntopics : 0;
}

/* The name of topic t of the configuration. */
const char *
diplo_config_topic_name(const DiploConfig *cfg, int t)
{
	if (cfg == NULL || t < 0 || t >= cfg->ntopics)
		return NULL;
	return cfg->topics[t].name;
}

/* The built-in topic a topic of the configuration adds keywords to, or -1. */
int
diplo_config_topic_builtin(const DiploConfig *cfg, int t)
{
	if (cfg == NULL || t < 0 || t >= cfg->ntopics)
		return -1;
	return cfg->topics[t].builtin;
}
