/*
 * diplo_attrib.c
 *		Direct and reported-speech attribution within one paragraph.
 */
#include "diplo_attrib.h"

#include "diplo_analyze.h"
#include "diplo_postag.h"

#include <stdlib.h>
#include <string.h>

#define SUBJECT_WINDOW 20		/* tokens searched back for an apposition */
#define LONG_APPOSITION 40		/* tokens of an apposition from the
								 * sentence start */
#define POS_LEFT 8				/* tokens tagged before a cue */
#define POS_RIGHT 4				/* tokens tagged from a cue on */
#define OPENER_TAGGED 4			/* tokens tagged from a sentence's first word */
#define MAX_CONTENT 120			/* tokens of reported content at most */
#define RELAY_WINDOW 8			/* attributions searched for a relay */
#define MAX_RELAY_DEPTH 2		/* a reported clause ends before the
								 * second cue with a subject inside it */
#define MAX_GAP 8				/* tokens between "said X" and a quote's
								 * second piece */
#define MAX_QUIET 40			/* tokens between two quotes of one speaker */
#define MIN_UNATTRIBUTED_WORDS 2	/* shorter quotes without a speaker are
									 * titles or scare quotes */

/* One attribution of the paragraph, in tokens. */
typedef struct Attr
{
	int			entity;			/* speaker entity, or -1 */
	int			subj_s;			/* speaker mention tokens, or -1 */
	int			subj_e;
	int			cue_s;			/* cue tokens, or -1 */
	int			cue_e;
	int			cs;				/* content tokens [cs, ce) */
	int			ce;
	DiploQuoteKind kind;
	int			span;			/* quote span for direct quotes, or -1 */
	int			addressee;		/* entity, or -1 */
	int			channel;		/* entity, or -1 */
	bool		colon_cue;		/* its cue is the previous paragraph's
								 * "X said:" */
} Attr;

typedef struct Attrs
{
	Attr	   *v;
	int			n;
	int			cap;
} Attrs;

static const char *const skip_before_cue[] = {
	"also", "later", "then", "previously", "earlier", "again", "further",
	"had", "has", "have", "would", "will", "reportedly", "once", "separately",
	"recently", "repeatedly", "publicly", "privately", "subsequently",
	"both", "all", "specifically", "simply", "flatly", "quickly", "never",
	"has", "had", "did", "not", "just", "even", "actually", "herself",
	"himself", "themselves", "itself", "often", "now", "still", "already",
	"always", "sometimes", "soon", "once", "yet", "too", "later", "first", NULL
};

static DiploWordSet skip_before_cue_set = DIPLO_WORDSET(skip_before_cue);

static const char *const no_cue_before[] = {
	"to", "a", "an", "the", "was", "were", "been", "being", "be", "is", "are",
	"his", "her", "their", "its", "our", "my", "your", "this", "that", "of",
	"phone", "conference", NULL
};

static DiploWordSet no_cue_before_set = DIPLO_WORDSET(no_cue_before);

static const char *const be_forms[] = {
	"is", "are", "was", "were", "be", "been", "being", "'s", "get", "got",
	"gets", NULL
};

static DiploWordSet be_forms_set = DIPLO_WORDSET(be_forms);

static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "another", "some", "many", "most", "several", NULL
};

static DiploWordSet determiners_set = DIPLO_WORDSET(determiners);

static const char *const content_prepositions[] = {
	"about", "on", "in", "at", "with", "by", "during", "after", "before",
	"from", "into", "over", "as", "for", "up", "out", "off", "back", "down",
	NULL
};

static DiploWordSet content_prepositions_set = DIPLO_WORDSET(content_prepositions);

/*
 * Words after which content_start begins the content ("said that",
 * "called for", "called on", "warned against", "warned of"): a preposition
 * right after them is content, not "said on Monday".
 */
static const char *const content_introducers[] = {
	"that", "for", "on", "against", "of", NULL
};

static DiploWordSet content_introducers_set = DIPLO_WORDSET(content_introducers);

/* Addressees that are no mention: "told reporters", "told him" */
static const char *const plain_addressees[] = {
	"reporters", "journalists", "him", "her", "them", "me", "us", "lawmakers",
	"supporters", "legislators", "parliament", "senators", "delegates",
	"students", "voters", "listeners", "viewers", "guests", "participants",
	"members", "the", NULL
};

static DiploWordSet plain_addressees_set = DIPLO_WORDSET(plain_addressees);

/* The number of word and number tokens in [s, e). */
static int
word_count(const DiploTokens *t, int s, int e)
{
	int			n = 0;

	for (int i = s; i < e; i++)
		n += t->tok[i].kind == DIPLO_TOK_WORD || t->tok[i].kind == DIPLO_TOK_NUMBER;
	return n;
}

/* Is token i a punctuation token starting with one of chars? */
static inline bool
punct_is(const DiploTokens *t, int i, const char *chars)
{
	return i >= 0 && i < t->n && t->tok[i].kind == DIPLO_TOK_PUNCT &&
		strchr(chars, t->text[t->tok[i].start]) != NULL;
}

/*
 * May label mention m speak the words [s, e) after its colon?  Not an
 * unknown word in capitals ("LOOK:", "BOOM:"; an interview's "Q:" speaks)
 * nor before a tally with no word ("Clinton: 1,769.") or a list of names.
 */
static bool
label_speaks(const DiploTokens *t, const DiploMention *m, int s, int e)
{
	int			words = 0;
	int			caps = 0;
	int			commas = 0;

	if (m->kind == DIPLO_MEN_ACRONYM && m->end - m->start == 1 &&
		t->words[m->start].len > 1)
		return false;
	/* "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a list of names */
	for (int i = s; i < e && i < s + 16; i++)
	{
		words += t->tok[i].kind == DIPLO_TOK_WORD;
		caps += t->tok[i].kind == DIPLO_TOK_WORD && (t->tok[i].flags & DIPLO_TF_CAP);
		commas += punct_is(t, i, ",");
	}
	return words > 0 && !(commas >= 3 && caps * 4 >= words * 3);
}

/*
 * Is token i punctuation starting with the ASCII character ascii, or one of
 * the two General Punctuation characters U+20xx whose last UTF-8 byte is
 * u1 or u2?
 */
static bool
punct_mark(const DiploTokens *t, int i, char ascii, unsigned char u1,
		   unsigned char u2)
{
	const unsigned char *s;

	if (i < 0 || i >= t->n || t->tok[i].kind != DIPLO_TOK_PUNCT)
		return false;
	s = (const unsigned char *) t->text + t->tok[i].start;
	return s[0] == (unsigned char) ascii ||
		(t->tok[i].end - t->tok[i].start == 3 && s[0] == 0xE2 &&
		 s[1] == 0x80 && (s[2] == u1 || s[2] == u2));
}

/* Is token i a dash (-, --, en or em dash, or the quotation dash U+2015)? */
static bool
is_dash(const DiploTokens *t, int i)
{
	return punct_mark(t, i, '-', 0x93, 0x94) || punct_mark(t, i, '-', 0x95, 0x95);
}

/*
 * Does word i end "“...,” Bozell answers." (a quote, a short name or
 * pronoun, then i ending the clause)?  Then it is a verb, whatever its form.
 */
static bool
closes_quote_attribution(const DiploTokens *t, int i)
{
	if (!(i + 1 >= t->n || punct_is(t, i + 1, ".,;")))
		return false;
	for (int k = i - 1; k >= 0 && k >= i - 4; k--)
	{
		if (t->tok[k].kind == DIPLO_TOK_QUOTE)
			return k < i - 1 && t->tok[k].glyph != DIPLO_MARK_OPEN;
		if (t->tok[k].kind != DIPLO_TOK_WORD ||
			!((t->tok[k].flags & DIPLO_TF_CAP) || diplo_tok_is(t, k, "he") ||
			  diplo_tok_is(t, k, "she") || diplo_tok_is(t, k, "they")))
			return false;
	}
	return false;
}

/*
 * Does cue form i end a clause after a comma and a capitalised name
 * ("..., the Chicago Tribune reports.") or follow a name opening the
 * sentence before "that"?  Then it is a verb, not a noun.
 */
static bool
closes_clause_attribution(const DiploTokens *t, int i)
{
	int			k = i - 1;

	if (t->words[i].s[t->words[i].len - 1] != 's')
		return false;
	while (k >= 0 && k >= i - 5 && t->tok[k].kind == DIPLO_TOK_WORD &&
		   (t->tok[k].flags & DIPLO_TF_CAP))
		k--;
	if (k == i - 1)
		return false;
	/* "CBS News reports that ...": two capitalised words open the sentence */
	if (diplo_tok_is(t, i + 1, "that"))
		return k <= i - 3 && (t->tok[k + 1].flags & DIPLO_TF_SENT_START) &&
			(diplo_tok_is(t, i, "reports") || diplo_tok_is(t, i, "writes") ||
			 diplo_tok_is(t, i, "notes"));
	if (!punct_is(t, i + 1, "."))
		return false;
	if (diplo_tok_is(t, k, "the"))
		k--;
	return punct_is(t, k, ",");
}

/*
 * Is cue i "put it" in a clause opened by "as" a few words before ("As X
 * put it, ...", "as X, a former official, put it: ...")?
 */
static bool
as_put_it(const DiploTokens *t, int i)
{
	if (!diplo_tok_is(t, i + 1, "it") || !punct_is(t, i + 2, ",:"))
		return false;
	for (int k = i - 1; k >= 0 && k >= i - 30; k--)
	{
		if (diplo_tok_is(t, k, "as"))
			return k == 0 || !(t->tok[k].flags & DIPLO_TF_CAP) ||
				(t->tok[k].flags & DIPLO_TF_SENT_START) || punct_is(t, k - 1, ",");
		if (punct_is(t, k, ".;!?") || t->tok[k].kind == DIPLO_TOK_QUOTE)
			return false;
	}
	return false;
}

/* Is token i an -ing form after "is", "are", "was", "were" ("is telling")? */
static bool
progressive_form(const DiploTokens *t, int i)
{
	const DiploWord *w = &t->words[i];

	return i > 0 && w->len > 4 && memcmp(w->s + w->len - 3, "ing", 3) == 0 &&
		(diplo_tok_is(t, i - 1, "is") || diplo_tok_is(t, i - 1, "are") ||
		 diplo_tok_is(t, i - 1, "was") || diplo_tok_is(t, i - 1, "were"));
}

/* Is token i a single quote mark (', left or right single curly quote)? */
static bool
single_mark(const DiploTokens *t, int i)
{
	return punct_mark(t, i, '\'', 0x98, 0x99);
}

/* The end of [s, e) before its closing run of '.', '!' and '?' tokens. */
static int
end_before_stops(const DiploTokens *t, int s, int e)
{
	while (e > s + 2 && punct_is(t, e - 1, ".!?"))
		e--;
	return e;
}

/*
 * Is [s, e) one quotation in single marks ("Trump: ‘We will win.’", the
 * headline style)?  The end may come already without its closing stops.
 */
static bool
single_quoted(const DiploTokens *t, int s, int e)
{
	/* the opening mark first: callers try every colon of a paragraph */
	if (!single_mark(t, s))
		return false;
	e = end_before_stops(t, s, e);
	return e > s + 2 && single_mark(t, e - 1) &&
		!(t->tok[s + 1].flags & DIPLO_TF_SPACE) && !(t->tok[e - 1].flags & DIPLO_TF_SPACE);
}

/* Start an attribution state with no quotes, over coref's entities. */
void
diplo_attrib_init(DiploAttrib *at, const DiploAllocator *a, DiploCoref *coref)
{
	memset(at, 0, sizeof(*at));
	at->a = a;
	at->coref = coref;
	at->chain_first = at->chain_last = -1;
	at->last_speaker = -1;
	at->label_speaker = -1;
	at->colon_speaker = -1;
	at->colon_cue = NULL;
	at->pos_lo = at->pos_hi = 0;
}

/*
 * Can cue form w also be read as a noun or adjective ("dispute", "calls",
 * "warning")?  Past forms ("said", "stressed") and say/tell never are.
 */
static bool
cue_form_ambiguous(const DiploCue *cue, const DiploWord *w)
{
	const char *s = w->s;
	int			n = w->len;

	if (n < 3 || strcmp(cue->lemma, "say") == 0 || strcmp(cue->lemma, "tell") == 0)
		return false;
	/* the English forms' endings and tagger say nothing of another language */
	if (diplo_lex_language() != DIPLO_LANG_EN)
		return false;
	if (s[n - 2] == 'e' && s[n - 1] == 'd')
		return false;
	if (cue->flags & DIPLO_CUE_PARTICIPLE)
		return true;
	if ((size_t) n == strlen(cue->lemma) || s[n - 1] == 's')
		return true;
	return false;
}

/*
 * Is cue i next to a quote: "“...,” he continued." (a quote mark within
 * three tokens before, then a mention) or "She continued: “...”"?
 */
static bool
next_to_quote(const DiploTokens *t, int i)
{
	int			j = i + 1;

	if (j < t->n && t->tok[j].kind == DIPLO_TOK_PUNCT &&
		strchr(",:", t->text[t->tok[j].start]))
		j++;
	if (j < t->n && t->tok[j].kind == DIPLO_TOK_QUOTE)
		return true;
	if (!punct_is(t, i + 1, ".,") && !(i + 1 < t->n && t->tok[i + 1].kind == DIPLO_TOK_WORD &&
									   (t->tok[i + 1].flags & DIPLO_TF_CAP)))
		return false;
	for (int p = i - 1; p >= 0 && p >= i - 4; p--)
		if (t->tok[p].kind == DIPLO_TOK_QUOTE)
			return true;
	return false;
}

/*
 * The part-of-speech tag of token i: a window of its sentence around it
 * is tagged on first need (the tagger is slow: never the whole text).
 */
static int
pos_of(DiploAttrib *at, const DiploTokens *t, int i)
{
	if (i < at->pos_lo || i >= at->pos_hi - 1 ||
		(i < at->pos_lo + POS_LEFT / 2 && !at->pos_from_start))
	{
		int			ss = t->sent_start[t->tok[i].sentence];
		int			se = diplo_sentence_end(t, i);
		int			lo = i - POS_LEFT > ss ? i - POS_LEFT : ss;
		int			hi = i + POS_RIGHT < se ? i + POS_RIGHT : se;

		if (at->pos_cap < t->n)
		{
			int			ncap = t->n > 2 * at->pos_cap ? t->n : 2 * at->pos_cap;

			at->pos = diplo_realloc(at->a, at->pos, (size_t) ncap);
			at->pos_cap = ncap;
		}
		diplo_pos_tag(at->a, t->words + lo, hi - lo, at->pos + lo, NULL);
		at->pos_lo = lo;
		at->pos_hi = hi;
		/* a window that starts at the sentence start is good at its left */
		at->pos_from_start = lo == ss;
	}
	return at->pos[i];
}

/* Make forms that open a phrase cue: "made clear", "has made it clear" */
static const char *const make_forms[] = {
	"make", "makes", "made", "making", NULL
};

static DiploWordSet make_forms_set = DIPLO_WORDSET(make_forms);

/* The token of "made" before "(it) clear" at token i, or -1. */
static int
make_verb(const DiploTokens *t, int i)
{
	if (diplo_tok_in_set(t, i - 1, &make_forms_set))
		return i - 1;
	if (diplo_tok_is(t, i - 1, "it") && diplo_tok_in_set(t, i - 2, &make_forms_set))
		return i - 2;
	return -1;
}

static bool hyphen_modifier(const DiploWord *w);

/* Determiners opening a noun phrase that a thing "called" X names. */
static const char *const naming_determiners[] = {
	"a", "an", "one", "another", NULL
};

static DiploWordSet naming_determiners_set = DIPLO_WORDSET(naming_determiners);

/*
 * Does "called" at token i name a thing ("a group called Stop X", "a new
 * super PAC called Future 45"): after an indefinite noun phrase whose head
 * is no person (a role noun) and before a capitalised word?  (A name in
 * quote marks, "a book called “...”", PolNeAR often quotes.)
 */
static bool
naming_called(DiploAttrib *at, const DiploTokens *t, int i)
{
	int			tlen;

	if (!diplo_tok_is(t, i, "called") || i < 2 || i + 1 >= t->n ||
		t->tok[i + 1].kind != DIPLO_TOK_WORD || !(t->tok[i + 1].flags & DIPLO_TF_CAP) ||
		t->tok[i - 1].kind != DIPLO_TOK_WORD ||
		!((t->tok[i - 1].flags & DIPLO_TF_LOWER) || (t->tok[i - 1].flags & DIPLO_TF_ALLCAPS)) ||
		diplo_is_function_word(t, i - 1) || diplo_lex_title(t->words, t->n, i - 1, &tlen) ||
		!diplo_pos_is_noun(pos_of(at, t, i - 1)))
		return false;
	/* "A joint statement called Russia's annexation illegal": a channel speaks */
	{
		const DiploOrg *o = diplo_lex_org(t->words, t->n, i - 1, &tlen);

		if (o != NULL && o->kind == DIPLO_ORG_CHANNEL && tlen == 1)
			return false;
	}
	/* "called Israel's settlements a violation": a possessive opens an object */
	for (int k = i + 1; k < t->n && k <= i + 4 &&
		 t->tok[k].kind == DIPLO_TOK_WORD; k++)
	{
		if (diplo_tok_is(t, k, "'s") || diplo_tok_is(t, k, "\xE2\x80\x99s"))
			return false;
		if (!(t->tok[k].flags & DIPLO_TF_CAP))
			break;
	}
	for (int p = i - 2; p >= 0 && p >= i - 5; p--)
	{
		if (diplo_tok_in_set(t, p, &naming_determiners_set))
			return true;
		if (t->tok[p].kind != DIPLO_TOK_WORD ||
			!((t->tok[p].flags & DIPLO_TF_LOWER) || (t->tok[p].flags & DIPLO_TF_ALLCAPS) ||
			  hyphen_modifier(&t->words[p])) ||
			diplo_is_function_word(t, p) || diplo_tok_cue(t, p))
			return false;
	}
	return false;
}

/* German separable particles that close a cue verb ("teilte ... mit, ..."). */
static const char *const separable_particles[] = {
	"mit", "an", "hinzu", "bekannt", "fest", "vor", NULL
};

static DiploWordSet separable_particles_set = DIPLO_WORDSET(separable_particles);

/* Reflexive pronouns: "found himself playing defense" is no finding. */
static const char *const reflexives[] = {
	"himself", "herself", "itself", "themselves", "myself", "ourselves",
	"yourself", NULL
};

static DiploWordSet reflexives_set = DIPLO_WORDSET(reflexives);

/*
 * Does a separable particle close the clause of the verb at i ("teilte am
 * Montag mit, ...", "..., teilte das Amt mit.")?  Not a preposition
 * ("teilte mit seinem Kollegen die Sorge").
 */
static bool
particle_closes(const DiploTokens *t, int i)
{
	for (int p = i + 1; p < t->n && p <= i + 12; p++)
	{
		if (t->tok[p].kind != DIPLO_TOK_WORD && t->tok[p].kind != DIPLO_TOK_NUMBER)
			return false;
		if (diplo_tok_in_set(t, p, &separable_particles_set) &&
			(p + 1 >= t->n || t->tok[p + 1].kind != DIPLO_TOK_WORD ||
			 diplo_tok_is(t, p + 1, "that")))
			return true;
	}
	return false;
}

/* cue_at past its first test (a word that is a cue verb). */
static const DiploCue *
cue_at_checked(DiploAttrib *at, const DiploTokens *t, int i)
{
	const DiploCue *cue = diplo_tok_cue(t, i);

	if (!cue || cue->cls == DIPLO_CUE_TOPIC)
		return NULL;
	/* a capitalised word opening its sentence, but "Said X, “...”" */
	if ((t->tok[i].flags & DIPLO_TF_CAP) && (t->tok[i].flags & DIPLO_TF_SENT_START) &&
		!(strcmp(cue->lemma, "say") == 0 && i + 1 < t->n &&
		  t->tok[i + 1].kind == DIPLO_TOK_WORD && (t->tok[i + 1].flags & DIPLO_TF_CAP)))
		return NULL;
	if (diplo_tok_in_set(t, i - 1, &no_cue_before_set) &&
		!(t->tok[i - 1].flags & DIPLO_TF_ALLCAPS) && !progressive_form(t, i))
		return NULL;
	/* a passive ("was criticised by"), not "said by telephone" */
	if (diplo_tok_is(t, i + 1, "by") &&
		(diplo_tok_in_set(t, i - 1, &be_forms_set) ||
		 !(diplo_tok_is(t, i + 2, "telephone") || diplo_tok_is(t, i + 2, "phone") ||
		   diplo_tok_is(t, i + 2, "email") || diplo_tok_is(t, i + 2, "e-mail") ||
		   diplo_tok_is(t, i + 2, "text") || diplo_tok_is(t, i + 2, "video") ||
		   diplo_tok_is(t, i + 2, "videolink") || diplo_tok_is(t, i + 2, "letter"))))
		return NULL;
	if ((cue->flags & DIPLO_CUE_QUOTE_ONLY) && !next_to_quote(t, i))
		return NULL;
	if (naming_called(at, t, i))
		return NULL;
	/* "X found itself playing host", "the party showed itself divided" */
	if ((strcmp(cue->lemma, "find") == 0 || strcmp(cue->lemma, "show") == 0) &&
		diplo_tok_in_set(t, i + 1, &reflexives_set))
		return NULL;
	if ((cue->flags & DIPLO_CUE_FOR_OBJECT) && !diplo_tok_is(t, i + 1, "for"))
		return NULL;
	if ((cue->flags & DIPLO_CUE_AFTER_MAKE) && make_verb(t, i) < 0)
		return NULL;
	if ((cue->flags & DIPLO_CUE_IT_OBJECT) && !as_put_it(t, i))
		return NULL;
	if ((cue->flags & DIPLO_CUE_PARTICLE) && !particle_closes(t, i))
		return NULL;
	if (cue_form_ambiguous(cue, &t->words[i]) && !closes_quote_attribution(t, i) &&
		!closes_clause_attribution(t, i))
	{
		int			pos = pos_of(at, t, i);

		if (diplo_pos_is_noun(pos) || diplo_pos_is_adjective(pos))
			return NULL;
	}
	return cue;
}

/*
 * The cue at token i, or NULL: a cue verb not used as a noun or passive.
 * A form that may also be a noun is checked by its part of speech.
 */
static inline const DiploCue *
cue_at(DiploAttrib *at, const DiploTokens *t, int i)
{
	if (t->tok[i].kind != DIPLO_TOK_WORD || t->cue[i] == NULL)
		return NULL;
	return cue_at_checked(at, t, i);
}

/* Is token i a negated auxiliary: "hasn't said", "didn’t say"? */
static bool
negated_auxiliary(const DiploTokens *t, int i)
{
	const DiploWord *w;

	if (i < 0 || t->tok[i].kind != DIPLO_TOK_WORD)
		return false;
	w = &t->words[i];
	return (w->len >= 5 && memcmp(w->s + w->len - 3, "n't", 3) == 0) ||
		(w->len >= 7 && memcmp(w->s + w->len - 5, "n\xe2\x80\x99t", 5) == 0);
}

/* Is token i an adverb or auxiliary that may stand between subject and cue? */
static bool
skippable(const DiploTokens *t, int i)
{
	const DiploWord *w;

	if (i < 0 || t->tok[i].kind != DIPLO_TOK_WORD)
		return false;
	/* a title-case headline: "Mateo Lind Strongly Denies ..." */
	if (t->tok[i].flags & DIPLO_TF_CAP)
		return !(t->tok[i].flags & DIPLO_TF_SENT_START) && diplo_is_manner_adverb(t, i);
	w = &t->words[i];
	if (negated_auxiliary(t, i))
		return true;
	if (!(t->tok[i].flags & DIPLO_TF_LOWER))
		return false;
	if (diplo_tok_in_set(t, i, &skip_before_cue_set))
		return true;
	return w->len > 4 && w->s[w->len - 2] == 'l' && w->s[w->len - 1] == 'y';
}

/* A mention usable as a speaker (not a place). */
static bool
speaker_mention(const DiploMentions *ms, int k)
{
	return k >= 0 && ms->m[k].kind != DIPLO_MEN_PLACE;
}

/*
 * Is place mention k the subject of a cue right after it, standing for
 * its government ("Washington said", "Iran warned")?  A country or a
 * capital, not a demonym, opening its clause.
 */
static bool
speaking_place(const DiploTokens *t, const DiploMentions *ms, int k, int ss)
{
	const DiploMention *m = &ms->m[k];
	int			s = m->start;
	int			len;
	DiploPlaceKind kind;

	if (m->kind != DIPLO_MEN_PLACE || !m->country)
		return false;
	if (diplo_tok_is(t, s, "the"))
		s++;
	if (!diplo_lex_place(t->words, t->n, s, &len, &kind) || kind == DIPLO_PLACE_DEMONYM ||
		s + len != m->end)
		return false;
	return m->start == ss || punct_is(t, m->start - 1, ",;:") ||
		diplo_tok_is(t, m->start - 1, "and") || diplo_tok_is(t, m->start - 1, "but") ||
		diplo_tok_is(t, m->start - 1, "that");
}

/*
 * Is the cue word at p a finite verb of its own inside an apposition
 * ("X, who said ..., added")?  A cue right after "who" or "and" is.
 */
static bool
cue_verb_in_apposition(const DiploTokens *t, int p)
{
	return diplo_tok_is(t, p - 1, "who") || diplo_tok_is(t, p - 1, "and");
}

/* Is the period at p the end of an abbreviation ("R-Fla.,", "Mo.)")? */
static bool
abbreviation_dot(const DiploTokens *t, int p)
{
	return p > 0 && t->tok[p - 1].kind == DIPLO_TOK_WORD &&
		(t->tok[p - 1].flags & DIPLO_TF_CAP) && t->words[p - 1].len <= 5 &&
		p + 1 < t->n && (punct_is(t, p + 1, ",)") ||
						 (t->tok[p + 1].flags & DIPLO_TF_LOWER));
}

/*
 * Where the clause of a sentence starting at ss begins, before token j:
 * after a leading quote and its comma ("“...,” X, a farmer, said").
 */
static int
clause_start(const DiploTokens *t, int ss, int j)
{
	int			q = ss;

	if (t->tok[ss].kind != DIPLO_TOK_QUOTE)
		return ss;
	for (q = ss + 1; q < j && t->tok[q].kind != DIPLO_TOK_QUOTE; q++)
		;
	if (q >= j)
		return ss;
	q++;
	while (q < j && punct_is(t, q, ","))
		q++;
	return q;
}

/* Is mention k a role or title phrase that can describe a name? */
static bool
describing_mention(const DiploMentions *ms, int k)
{
	return k >= 0 && ms->m[k].title != NULL &&
		(ms->m[k].kind == DIPLO_MEN_ROLE || ms->m[k].kind == DIPLO_MEN_ORG);
}

/*
 * Is mention k one word opening its sentence that the tagger reads as no
 * proper noun ("Moreover, X said", "Hours later, X returned")?
 */
static bool
opener_word(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, int k)
{
	uint8_t		pos[OPENER_TAGGED];
	int			i;
	int			n;

	if (k < 0 || ms->m[k].kind != DIPLO_MEN_NAME)
		return false;
	i = ms->m[k].start;
	if (ms->m[k].end != i + 1 || !(t->tok[i].flags & DIPLO_TF_SENT_START))
		return false;
	n = diplo_sentence_end(t, i) - i;
	/* tagged apart, leaving the cue's window (pos_of) as it was */
	diplo_pos_tag(at->a, t->words + i, n < OPENER_TAGGED ? n : OPENER_TAGGED, pos, NULL);
	/* "Boreing said": a subject before its verb */
	if (n > 1 && diplo_pos_is_finite(pos[1]))
		return false;
	/* "Hours later, X said", "Days earlier, X said" */
	if (n > 2 && (pos[0] == DIPLO_POS_NNS || pos[0] == DIPLO_POS_NN) &&
		pos[1] == DIPLO_POS_RB && punct_is(t, i + 2, ","))
		return true;
	return (pos[0] >= DIPLO_POS_RB && pos[0] <= DIPLO_POS_RBS) || pos[0] == DIPLO_POS_IN ||
		pos[0] == DIPLO_POS_CD || pos[0] == DIPLO_POS_VBG || pos[0] == DIPLO_POS_VBN ||
		pos[0] == DIPLO_POS_DT || pos[0] == DIPLO_POS_JJ;
}

/* Time nouns of a phrase between a subject and its cue: "X at the time said" */
static const char *const time_nouns[] = {
	"time", "day", "week", "month", "year", "past", "morning", "afternoon",
	"evening", "night", "weekend", NULL
};

static DiploWordSet time_nouns_set = DIPLO_WORDSET(time_nouns);

static const char *const time_prepositions[] = {
	"at", "in", "on", "during", "that", "this", "last", NULL
};

static DiploWordSet time_prepositions_set = DIPLO_WORDSET(time_prepositions);

/*
 * Is mention k a one-word label opening the paragraph that the tagger
 * reads as no proper noun ("Wow: ...", "Grandkids: ...")?  Capitals
 * ("RAMOS:", "Q:") stay labels.
 */
static bool
common_label(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, int k)
{
	uint8_t		pos[OPENER_TAGGED];

	if (ms->m[k].kind != DIPLO_MEN_NAME || ms->m[k].start != 0 || ms->m[k].end != 1 ||
		(t->tok[0].flags & DIPLO_TF_ALLCAPS) || t->words[0].len < 2)
		return false;
	diplo_pos_tag(at->a, t->words, t->n < OPENER_TAGGED ? t->n : OPENER_TAGGED, pos, NULL);
	return !diplo_pos_is_proper(pos[0]);
}

/*
 * The last token of a label before the colon at c, before a party tag in
 * parentheses ("Rep. X (R-S.C.): ..."), or c - 1.
 */
static int
label_end(const DiploTokens *t, int c)
{
	int			p = c - 2;

	if (!punct_is(t, c - 1, ")"))
		return c - 1;
	while (p > 0 && c - p < 8 && !punct_is(t, p, "(;"))
		p--;
	return punct_is(t, p, "(") && p > 0 && (t->tok[p + 1].flags & DIPLO_TF_CAP) ? p - 1 : c - 1;
}

/* Days of the week: "X on Friday said" */
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL
};

static DiploWordSet weekdays_set = DIPLO_WORDSET(weekdays);

/*
 * The mention opening the clause when everything from it to the comma at j
 * is its long apposition ("X, a rabbi from Hollywood, Fla., who ..., said"),
 * or -1.
 */
static int
long_apposition(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, int ss, int j)
{
	int			k = ms->start_at[clause_start(t, ss, j)];
	int			after;

	if (k < 0 || !(ms->m[k].kind == DIPLO_MEN_NAME || ms->m[k].kind == DIPLO_MEN_ORG) ||
		opener_word(at, t, ms, k))
		return -1;
	after = ms->m[k].end;
	/* "Rep. Bobby Scott (D-Va.), ranking member ..., said" */
	if (punct_is(t, after, "("))
		while (after < j && after - ms->m[k].end < 8 && !punct_is(t, after, ")"))
			after++;
	if (punct_is(t, after, ")"))
		after++;
	if (!punct_is(t, after, ",") || j - after >= LONG_APPOSITION)
		return -1;
	for (int p = after; p < j; p++)
	{
		/* a short title in quotes: "host of MSNBC’s “Morning Joe,”", "a show, “X,” who" */
		if (t->tok[p].kind == DIPLO_TOK_QUOTE && p > after &&
			(t->tok[p - 1].kind == DIPLO_TOK_WORD || punct_is(t, p - 1, ",")))
		{
			int			q = p + 1;

			while (q <= j && q - p <= 6 && t->tok[q].kind != DIPLO_TOK_QUOTE)
				q++;
			if (q <= j && t->tok[q].kind == DIPLO_TOK_QUOTE && word_count(t, p + 1, q) <= 4)
			{
				p = q;
				continue;
			}
		}
		if (t->tok[p].kind == DIPLO_TOK_QUOTE || punct_is(t, p, ";:") ||
			(punct_is(t, p, ".") && !abbreviation_dot(t, p)) ||
			(t->cue[p] && cue_verb_in_apposition(t, p)))
			return -1;
	}
	return k;
}


/* The person named by the mention ending at token i, or -1. */
static int
person_ending_at(const DiploMentions *ms, int i)
{
	int			n = ms->end_at[i];

	if (n < 0 || ms->m[n].kind != DIPLO_MEN_NAME || !ms->m[n].person_like)
		return -1;
	return n;
}
/*
 * The person named before an apposition with a role that ends with mention
 * k, no person, and no closing comma ("X, president and CEO of Y
 * Association stated"), or -1: words back to the comma after the name.
 */
static int
apposed_name(const DiploTokens *t, const DiploMentions *ms, int k, int ss)
{
	int			p = ms->m[k].start - 1;
	bool		role = false;

	if (ms->m[k].kind == DIPLO_MEN_PRONOUN || ms->m[k].kind == DIPLO_MEN_ROLE ||
		(ms->m[k].kind == DIPLO_MEN_NAME && ms->m[k].person_like))
		return -1;
	for (; p > ss && ms->m[k].start - p < 12 && !punct_is(t, p, ",") &&
		 (t->tok[p].kind == DIPLO_TOK_WORD) && !t->cue[p]; p--)
		if (ms->end_at[p] >= 0 && ms->m[ms->end_at[p]].kind == DIPLO_MEN_ROLE)
			role = true;
	if (!role || !punct_is(t, p, ",") || p - 1 < ss)
		return -1;
	return person_ending_at(ms, p - 1);
}

/*
 * The person before an apposition with a who-clause that no comma closes
 * ("X, the polling guru who founded Y tweeted") when token j ends it, or -1.
 */
static int
unclosed_who_apposition(const DiploTokens *t, const DiploMentions *ms, int j, int ss)
{
	bool		who = false;
	int			p;

	/* not "X, a pollster who said": the cue is the who-clause's verb */
	if (diplo_tok_is(t, j, "who"))
		return -1;
	for (p = j; p > ss && j - p < 16 && !punct_is(t, p, ","); p--)
	{
		if (t->tok[p].kind != DIPLO_TOK_WORD && t->tok[p].kind != DIPLO_TOK_NUMBER)
			return -1;
		if (diplo_tok_is(t, p, "who"))
			who = true;
	}
	if (!who || !punct_is(t, p, ",") || p - 1 < ss || diplo_tok_is(t, p + 1, "who") ||
		!diplo_tok_in_set(t, p + 1, &determiners_set))
		return -1;
	return person_ending_at(ms, p - 1);
}

/*
 * The subject before cue c: a mention ending there (after adverbs, a
 * parenthesis or ", who"), an apposition ("X, a doctor, said", "The
 * Swedish Prime Minister, X, said"), or a plain noun phrase.  Fills *s, *e
 * with its tokens and *desc with a mention describing it (the apposition's
 * role) or -1; returns its mention index, -1 for a plain noun phrase, -2
 * for none.
 */
static int
subject_before(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, int c, int ss,
			   int *s, int *e, int *desc)
{
	int			j = c - 1;
	int			k;

	*desc = -1;
	for (int g = 0; g < 3 && j >= ss && skippable(t, j); g++)
		j--;
	/* "Trump on Friday endorsed" */
	if (j - 1 > ss && diplo_tok_in_set(t, j, &weekdays_set) && diplo_tok_is(t, j - 1, "on"))
		for (j -= 2; j >= ss && j > c - 7 && skippable(t, j);)
			j--;
	/* "Trump at the time said", "X last week said", "X earlier in the day touted" */
	else if (j - 1 > ss && diplo_tok_in_set(t, j, &time_nouns_set) &&
			 (t->tok[j].flags & DIPLO_TF_LOWER))
	{
		int			p = j - 1;

		if (diplo_tok_is(t, p, "past") || diplo_tok_is(t, p, "previous"))
			p--;
		if (diplo_tok_is(t, p, "the"))
			p--;
		if (p > ss && (diplo_tok_in_set(t, p, &time_prepositions_set) ||
					   (p == j - 1 && (diplo_tok_is(t, p, "last") ||
									   diplo_tok_is(t, p, "this")))))
		{
			p--;
			for (; p >= ss && p > c - 8 && skippable(t, p);)
				p--;
			/* a mention, or the comma closing its apposition */
			if (p >= ss && (ms->end_at[p] >= 0 || punct_is(t, p, ",")))
				j = p;
		}
	}
	/* "Gov. John Kasich (R-OH), said", not "X, chairman of Y (a PAC), said" */
	if (punct_is(t, j, ",") && punct_is(t, j - 1, ")") && j - 1 > ss)
	{
		int			p = j - 2;

		while (p > ss && j - p < 8 && !punct_is(t, p, "(;"))
			p--;
		if (punct_is(t, p, "(") && (t->tok[p + 1].flags & DIPLO_TF_CAP))
			j--;
	}
	/* "Mary Fallin (R-OK) said" */
	if (punct_is(t, j, ")"))
	{
		int			p = j - 1;

		while (p > ss && j - p < 8 && !punct_is(t, p, "(;"))
			p--;
		if (punct_is(t, p, "(") && p > ss)
			j = p - 1;
	}
	/* "X, who said" */
	if (diplo_tok_is(t, j, "who") && punct_is(t, j - 1, ",") && j - 2 >= ss &&
		ms->end_at[j - 2] >= 0 && speaker_mention(ms, ms->end_at[j - 2]) &&
		ms->m[ms->end_at[j - 2]].kind != DIPLO_MEN_PRONOUN)
		j -= 2;
	if (j < ss)
		return -2;
	/* "X, the polling guru who founded Y tweeted" */
	if ((k = unclosed_who_apposition(t, ms, j, ss)) >= 0)
	{
		*s = ms->m[k].start;
		*e = ms->m[k].end;
		return k;
	}
	k = ms->end_at[j];
	if (k >= 0)
	{
		int			named = apposed_name(t, ms, k, ss);

		/* "X in a Medium post said", "X in an interview said": the person */
		if (named < 0 && ms->m[k].kind == DIPLO_MEN_CHANNEL)
		{
			int			p = ms->m[k].start - 1;

			/* "in a Medium post": a determiner and capitalised words */
			for (int g = 0; g < 3 && p > ss && t->tok[p].kind == DIPLO_TOK_WORD &&
				 ((t->tok[p].flags & DIPLO_TF_CAP) ||
				  diplo_tok_in_set(t, p, &determiners_set)); g++)
				p--;
			if (p - 1 >= ss && (diplo_tok_is(t, p, "in") || diplo_tok_is(t, p, "on") ||
								diplo_tok_is(t, p, "via")) &&
				ms->end_at[p - 1] >= 0 && ms->m[ms->end_at[p - 1]].kind == DIPLO_MEN_NAME &&
				ms->m[ms->end_at[p - 1]].person_like)
			{
				named = ms->end_at[p - 1];
				*s = ms->m[named].start;
				*e = ms->m[named].end;
				return named;
			}
		}

		/* "X, president and CEO of Y Association stated": the person */
		if (named >= 0)
		{
			*s = ms->m[named].start;
			*e = ms->m[k].end;
			return named;
		}
		if (!speaker_mention(ms, k) && !speaking_place(t, ms, k, ss))
			return -2;
		*s = ms->m[k].start;
		*e = ms->m[k].end;
		return k;
	}
	/* apposition: "X, a spokesman for Y, said" */
	if (punct_is(t, j, ","))
	{
		int			inner = j - 1 >= ss ? ms->end_at[j - 1] : -1;

		/*
		 * "the Vatican spokesman, Federico Lombardi, said": a short phrase
		 * with a determiner opening the clause, then the name
		 */
		int			is = inner >= 0 ? ms->m[inner].start : -1;

		/* "Another Clinton ally, Agriculture Secretary X, told": capitalised premodifiers */
		for (int g = 0; g < 2 && is - 1 > ss && t->tok[is - 1].kind == DIPLO_TOK_WORD &&
			 (t->tok[is - 1].flags & DIPLO_TF_CAP); g++)
			is--;
		if (inner >= 0 && ms->m[inner].kind == DIPLO_MEN_NAME &&
			ms->m[inner].person_like && punct_is(t, is - 1, ","))
		{
			int			q = is - 2;
			int			p = q;

			while (p >= ss && q - p < 6 && t->tok[p].kind == DIPLO_TOK_WORD)
				p--;
			/* also "Google's chief executive, X, told" */
			if (p < q && (diplo_tok_in_set(t, p + 1, &determiners_set) ||
						  ((t->tok[p + 1].flags & DIPLO_TF_CAP) && p + 2 < q &&
						   (diplo_tok_is(t, p + 2, "'s") ||
							diplo_tok_is(t, p + 2, "\xE2\x80\x99s")))) &&
				(p < ss || punct_is(t, p, ",") || t->tok[p].kind == DIPLO_TOK_QUOTE) &&
				/* not "X, a salesman from Sumter, South Carolina, said" */
				!(punct_is(t, p, ",") && p - 1 >= ss && ms->end_at[p - 1] >= 0 &&
				  ms->m[ms->end_at[p - 1]].kind == DIPLO_MEN_NAME &&
				  ms->m[ms->end_at[p - 1]].person_like))
			{
				*s = p + 1;
				*e = ms->m[inner].end;
				if (describing_mention(ms, ms->end_at[q]) &&
					ms->m[ms->end_at[q]].start == p + 1)
					*desc = ms->end_at[q];
				return inner;
			}
		}
		/* "The Swedish Prime Minister, X, said" */
		if (inner >= 0 && ms->m[inner].kind == DIPLO_MEN_NAME &&
			ms->m[inner].person_like && punct_is(t, ms->m[inner].start - 1, ",") &&
			ms->m[inner].start - 2 >= ss &&
			describing_mention(ms, ms->end_at[ms->m[inner].start - 2]))
		{
			*desc = ms->end_at[ms->m[inner].start - 2];
			*s = ms->m[inner].start;
			*e = ms->m[inner].end;
			return inner;
		}
		for (int p = j - 1; p > ss && j - p < SUBJECT_WINDOW; p--)
		{
			if (t->tok[p].kind == DIPLO_TOK_QUOTE || punct_is(t, p, ".;"))
				break;
			if (punct_is(t, p, ","))
			{
				k = ms->end_at[p - 1];
				/*
				 * "Clinton, at a town hall in Columbus, Ohio, said": a place
				 * before the comma; the clause's subject when it opens a long
				 * apposition
				 */
				if (k >= 0 && ms->m[k].kind == DIPLO_MEN_NAME &&
					(punct_is(t, ms->m[k].start - 1, ",") ||
					 diplo_tok_is(t, ms->m[k].start - 1, "in") ||
					 diplo_tok_is(t, ms->m[k].start - 1, "from") ||
					 diplo_tok_is(t, ms->m[k].start - 1, "of")))
				{
					int			k0 = long_apposition(at, t, ms, ss, j);

					if (k0 >= 0 && k0 != k)
					{
						*s = ms->m[k0].start;
						*e = ms->m[k0].end;
						return k0;
					}
				}
				if (k >= 0 && (ms->m[k].kind == DIPLO_MEN_NAME ||
							   ms->m[k].kind == DIPLO_MEN_ORG))
				{
					*s = ms->m[k].start;
					*e = ms->m[k].end;
					if (ms->m[k].kind == DIPLO_MEN_NAME && ms->m[k].person_like &&
						describing_mention(ms, ms->start_at[p + 1]) &&
						ms->m[ms->start_at[p + 1]].end == j)
						*desc = ms->start_at[p + 1];
					return k;
				}
				break;
			}
		}
		/*
		 * a long apposition with commas of its own, from the sentence
		 * start: "X, a rabbi from Hollywood, Fla., who ..., said"
		 */
		k = long_apposition(at, t, ms, ss, j);
		if (k >= 0)
		{
			*s = ms->m[k].start;
			*e = ms->m[k].end;
			return k;
		}
		return -2;
	}
	/* "X, host of MSNBC’s “Morning Joe,” suggested": a title closing the apposition */
	if (t->tok[j].kind == DIPLO_TOK_QUOTE && j - 1 > ss && punct_is(t, j - 1, ",") &&
		(k = long_apposition(at, t, ms, ss, j)) >= 0)
	{
		*s = ms->m[k].start;
		*e = ms->m[k].end;
		return k;
	}
	/* a plain noun phrase: "the report said", "critics say" */
	if (t->tok[j].kind == DIPLO_TOK_WORD && (t->tok[j].flags & DIPLO_TF_LOWER) &&
		!diplo_is_function_word(t, j) && !diplo_tok_cue(t, j))
	{
		int			p = j;

		while (p - 1 >= ss && j - p < 4 && t->tok[p - 1].kind == DIPLO_TOK_WORD &&
			   !diplo_tok_in_set(t, p - 1, &determiners_set) &&
			   !diplo_tok_cue(t, p - 1) &&
			   (!diplo_is_function_word(t, p - 1) || diplo_tok_is(t, p - 1, "'s")))
			p--;
		if (p - 1 >= ss && diplo_tok_in_set(t, p - 1, &determiners_set))
		{
			*s = p - 1;
			*e = j + 1;
			return -1;
		}
		if (p == j && (p == ss || punct_is(t, p - 1, ",;:") ||
					   t->tok[p - 1].kind == DIPLO_TOK_QUOTE ||
					   diplo_tok_is(t, p - 1, "and") || diplo_tok_is(t, p - 1, "but")) &&
			t->words[j].len > 3 && t->words[j].s[t->words[j].len - 1] == 's')
		{
			*s = p;
			*e = j + 1;
			return -1;
		}
	}
	return -2;
}

/*
 * The token after a subject ending at p, past a parenthesis ("Rep. Hakeem
 * Jeffries (D-N.Y.) reacted") or a short apposition ("Mitt Romney, the 2012
 * nominee, tweeted", "Suu Kyi, 70, said", "X, vice chairwoman for the
 * campaign, emailed"): where its verb should be (tokens before c).
 */
static int
past_subject_insert(const DiploTokens *t, int p, int c)
{
	if (punct_is(t, p, "("))
	{
		int			q = p + 1;

		while (q < c && q - p < 8 && !punct_is(t, q, ")"))
			q++;
		if (punct_is(t, q, ")"))
			return q + 1;
	}
	/* "X, R-Ky., delivered": a party and state code */
	else if (punct_is(t, p, ",") && p + 2 < c && t->tok[p + 1].kind == DIPLO_TOK_WORD &&
			 t->words[p + 1].len >= 3 && t->words[p + 1].s[1] == '-' &&
			 strchr("RDI", t->words[p + 1].s[0]) &&
			 (punct_is(t, p + 2, ",") || (punct_is(t, p + 2, ".") && punct_is(t, p + 3, ","))))
		return punct_is(t, p + 2, ",") ? p + 3 : p + 4;
	else if (punct_is(t, p, ",") && p + 1 < c &&
			 (diplo_tok_in_set(t, p + 1, &determiners_set) ||
			  diplo_tok_is(t, p + 1, "who") ||
			  /* "X, for his part, is labeling", "X, in a statement, called" */
			  diplo_tok_is(t, p + 1, "for") || diplo_tok_is(t, p + 1, "in") ||
			  t->tok[p + 1].kind == DIPLO_TOK_NUMBER ||
			  /* "Tracy Martin, Trayvon's father, said" */
			  (p + 2 < c && (t->tok[p + 1].flags & DIPLO_TF_CAP) &&
			   (diplo_tok_is(t, p + 2, "'s") || diplo_tok_is(t, p + 2, "\xE2\x80\x99s"))) ||
			  (t->tok[p + 1].kind == DIPLO_TOK_WORD &&
			   (t->tok[p + 1].flags & DIPLO_TF_LOWER) &&
			   !diplo_is_function_word(t, p + 1))))
	{
		int			q = p + 2;

		while (q < c && q - p < 16 && (t->tok[q].kind == DIPLO_TOK_WORD ||
									   t->tok[q].kind == DIPLO_TOK_NUMBER))
			q++;
		/* also "-- X, who lost to Y -- said": a who-clause closing an aside */
		if (punct_is(t, q, ",") || (is_dash(t, q) && diplo_tok_is(t, p + 1, "who")))
			return q + 1;
	}
	/* "X — a close ally of Y — told": an aside between dashes */
	else if (is_dash(t, p))
	{
		int			q = p + 1;

		while (q < c && q - p < 20 && !is_dash(t, q) && t->tok[q].kind != DIPLO_TOK_QUOTE &&
			   !punct_is(t, q, ".;:"))
			q++;
		if (q < c && is_dash(t, q))
			return q + 1;
	}
	return p;
}

/*
 * The subject of cue c after its apposition or aside ("X, an ally of Y,
 * told", "X — a close ally of Y — told"): the nearest speaker mention whose
 * insert ends right before c (a person's name or a pronoun if person).
 * Fills *s, *e and returns its index, or -2.
 */
static int
subject_past_insert(const DiploTokens *t, const DiploMentions *ms, int c, int ss,
					bool person, int *s, int *e)
{
	for (int p = c - 2; p >= ss && c - p < 24; p--)
	{
		int			k = ms->end_at[p];

		if (k >= 0 && speaker_mention(ms, k) &&
			(!person || (ms->m[k].kind == DIPLO_MEN_NAME && ms->m[k].person_like) ||
			 ms->m[k].kind == DIPLO_MEN_PRONOUN) &&
			past_subject_insert(t, p + 1, c) == c)
		{
			*s = ms->m[k].start;
			*e = ms->m[k].end;
			return k;
		}
	}
	return -2;
}

/* Conjunctions that may open a sentence before its subject. */
static const char *const sentence_conjunctions[] = {
	"and", "but", "so", "yet", NULL
};

static DiploWordSet sentence_conjunctions_set = DIPLO_WORDSET(sentence_conjunctions);

/*
 * The subject of the sentence whose cue c follows "and" or "but" (a
 * coordinated verb: "X met Y and said ..."), or of a participle cue
 * ("X issued a statement saying ..."): the speaker mention that opens the
 * sentence, or that follows its opening phrase ("In an interview, X ...").
 * Returns its mention index and fills *s, *e, or returns -2.
 */
static int
clause_subject(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, int c, int ss,
			   int *s, int *e)
{
	int			p = ss;
	int			k;

	while (p < c && (t->tok[p].kind == DIPLO_TOK_QUOTE || t->tok[p].kind == DIPLO_TOK_PUNCT))
		p++;
	/* "And then Trump went on the attack, saying": past the conjunction */
	if (p + 1 < c && diplo_tok_in_set(t, p, &sentence_conjunctions_set) &&
		ms->start_at[p] < 0)
	{
		p++;
		if (p + 1 < c && diplo_tok_is(t, p, "then"))
			p++;
	}
	if (p >= c)
		return -2;
	if (ms->start_at[p] < 0 || !speaker_mention(ms, ms->start_at[p]) ||
		opener_word(at, t, ms, ms->start_at[p]))
	{
		/*
		 * an opening phrase ended by a comma, also with commas of its own
		 * ("Amid calls for X, Y and Z, W said")
		 */
		int			q = p + 1;

		for (int commas = 0;; commas++)
		{
			while (q < c && q - p < 16 && !punct_is(t, q, ",;:") &&
				   t->tok[q].kind != DIPLO_TOK_QUOTE)
				q++;
			if (!punct_is(t, q, ","))
				return -2;
			if (commas == 2 || (q + 1 < c && ms->start_at[q + 1] >= 0 &&
								speaker_mention(ms, ms->start_at[q + 1])))
				break;
			q++;
		}
		p = q + 1;
	}
	k = p < c ? ms->start_at[p] : -1;
	if (k < 0 || !speaker_mention(ms, k) || ms->m[k].end >= c || opener_word(at, t, ms, k))
		return -2;
	p = past_subject_insert(t, ms->m[k].end, c);
	/* "Mr. X, after initially saying ...": the participle is its verb */
	if (punct_is(t, p, ",") && p + 1 < c && c - p <= 3 &&
		(diplo_tok_is(t, p + 1, "while") || diplo_tok_is(t, p + 1, "after") ||
		 diplo_tok_is(t, p + 1, "before")))
		;
	/* a verb of its own follows the subject */
	else if (p >= c || t->tok[p].kind != DIPLO_TOK_WORD ||
		!(t->tok[p].flags & DIPLO_TF_LOWER) ||
		diplo_tok_is(t, p, "and") || diplo_tok_is(t, p, "of"))
		return -2;
	for (int i = ms->m[k].end; i < c; i++)
		if (punct_is(t, i, ";"))
			return -2;
	*s = ms->m[k].start;
	*e = ms->m[k].end;
	return k;
}

/*
 * The speaker of an opening as-clause that ends at the comma or colon at
 * token end ("As X put it, “...”", "As The Post's X puts it:", "However, as
 * X told the AP, “...”"): a person or organisation after "as" (or after a
 * possessive), then a cue or "put it" past an apposition.  Fills *s, *e and
 * the verb's token *v; returns the mention, or -2.
 */
static int
as_clause_speaker(const DiploTokens *t, const DiploMentions *ms, int ss, int end,
				  int *s, int *e, int *v)
{
	int			p = ss;
	int			k;
	int			q;

	/* "But as", "However, as" */
	if (p + 1 < end && diplo_tok_in_set(t, p, &sentence_conjunctions_set))
		p++;
	else if (p + 2 < end && diplo_tok_is(t, p, "however") && punct_is(t, p + 1, ","))
		p += 2;
	if (!diplo_tok_is(t, p, "as") || p + 1 >= end)
		return -2;
	k = ms->start_at[p + 1];
	/* "The Post's Dana Milbank": the name after the possessive */
	if (k >= 0 && ms->m[k].kind != DIPLO_MEN_PRONOUN && ms->m[k].end + 1 < end &&
		(diplo_tok_is(t, ms->m[k].end, "'s") ||
		 diplo_tok_is(t, ms->m[k].end, "\xE2\x80\x99s")) &&
		ms->start_at[ms->m[k].end + 1] >= 0)
		k = ms->start_at[ms->m[k].end + 1];
	if (k < 0 || !speaker_mention(ms, k) || ms->m[k].end >= end ||
		!((ms->m[k].kind == DIPLO_MEN_NAME && ms->m[k].person_like) ||
		  ms->m[k].kind == DIPLO_MEN_ORG ||
		  (ms->m[k].kind == DIPLO_MEN_PRONOUN && ms->m[k].pronoun == 'h')))
		return -2;
	q = past_subject_insert(t, ms->m[k].end, end);
	for (int g = 0; g < 2 && q < end && skippable(t, q); g++)
		q++;
	if (q >= end || end - q > 10 || t->tok[q].kind != DIPLO_TOK_WORD ||
		!(t->tok[q].flags & DIPLO_TF_LOWER))
		return -2;
	if (!((t->cue[q] && t->cue[q]->cls != DIPLO_CUE_TOPIC) ||
		  ((diplo_tok_is(t, q, "put") || diplo_tok_is(t, q, "puts")) &&
		   diplo_tok_is(t, q + 1, "it"))))
		return -2;
	for (int i = ms->m[k].end; i < end; i++)
		if (t->tok[i].kind == DIPLO_TOK_QUOTE || punct_is(t, i, ";"))
			return -2;
	*s = ms->m[k].start;
	*e = ms->m[k].end;
	*v = q;
	return k;
}

static const char *const clause_openers[] = {
	"and", "but", "that", "while", "as", "when", "because", "if", "though",
	"although", "after", "before", "since", "where", "whereas", "so", NULL
};

static DiploWordSet clause_openers_set = DIPLO_WORDSET(clause_openers);

/* Words inside a plain noun phrase subject: "about four in 10", "half of" */
static const char *const np_inner_words[] = {
	"of", "in", "about", "nearly", "almost", "roughly", "than", "more",
	"less", "fewer", "over", "under", "some", "just", NULL
};

static DiploWordSet np_inner_words_set = DIPLO_WORDSET(np_inner_words);

/* Those of np_inner_words that may open the phrase: "about four in 10" */
static const char *const np_opening_words[] = {
	"about", "nearly", "almost", "roughly", "more", "less", "fewer", "over",
	"under", "some", "just", NULL
};

static DiploWordSet np_opening_words_set = DIPLO_WORDSET(np_opening_words);

/* Cue verbs whose "to" names the addressee or the matter, not content. */
static const char *const to_verbs[] = {
	"respond", "responds", "responded", "reply", "replies", "replied",
	"react", "reacts", "reacted", "refer", "refers", "referred", NULL
};

static DiploWordSet to_verbs_set = DIPLO_WORDSET(to_verbs);

static const char *const subordinators[] = {
	"while", "although", "though", "if", "because", "since", "when",
	"whereas", "after", "before", "unless", "as", NULL
};

static DiploWordSet subordinators_set = DIPLO_WORDSET(subordinators);

/* Time words: "said last week", "said late Thursday" are no content */
static const char *const time_words[] = {
	"today", "yesterday", "tonight", "week", "month", "year", "morning",
	"afternoon", "evening", "night", "ago", "later", "earlier", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static DiploWordSet time_words_set = DIPLO_WORDSET(time_words);

/*
 * May the content [cs, ce) after its cue hold two words only ("Flake said
 * he would.", "called it “absurd.”")?  Not a time ("said last week"), a
 * number or a name ("told the AP").
 */
static bool
two_word_content(const DiploTokens *t, const DiploMentions *ms, int cs, int ce)
{
	if (ms->start_at[cs] >= 0 && ms->m[ms->start_at[cs]].kind != DIPLO_MEN_PRONOUN)
		return false;
	for (int i = cs; i < ce; i++)
		if (t->tok[i].kind == DIPLO_TOK_NUMBER || diplo_tok_in_set(t, i, &time_words_set) ||
			(t->tok[i].kind == DIPLO_TOK_WORD && (t->tok[i].flags & DIPLO_TF_CAP) &&
			 ms->start_at[i] >= 0))
			return false;
	return true;
}

/*
 * Is the content [cs, ce) of "call" a name and what it was called ("called
 * Trump unhinged", "called Trump “a liar.”")?
 */
static bool
named_complement(const DiploTokens *t, const DiploMentions *ms, const DiploCue *cue,
				 int cs, int ce)
{
	int			m = ms->start_at[cs];

	return strcmp(cue->lemma, "call") == 0 && m >= 0 &&
		ms->m[m].kind != DIPLO_MEN_PLACE && ms->m[m].end < ce &&
		word_count(t, ms->m[m].end, ce) >= 1;
}

/* Words that open a question after "asked by X" */
static const char *const question_words[] = {
	"whether", "if", "about", "to", "why", "what", "how", "who", "whom",
	"which", "when", "where", NULL
};

static DiploWordSet question_words_set = DIPLO_WORDSET(question_words);

/*
 * Does a channel ("a statement", "a press release") end just before token
 * c, or before a day next to it ("a statement Tuesday saying")?
 */
static bool
channel_before(const DiploTokens *t, int c, int ss)
{
	int			j = c - 1;

	if (j > ss && diplo_tok_in_set(t, j, &weekdays_set))
		j--;
	for (int p = j; p >= ss && p >= j - 1; p--)
	{
		int			len;
		const DiploOrg *ch = diplo_lex_org(t->words, t->n, p, &len);

		if (ch && ch->kind == DIPLO_ORG_CHANNEL && p + len == j + 1)
			return true;
	}
	return false;
}

/*
 * A noun phrase that opens its clause and ends just before cue c, found
 * by part of speech: "Former prosecutors said", "21 percent said",
 * "Trump's campaign said".  Fills *s, *e and returns -1, or returns -2.
 */
static int
np_subject(DiploAttrib *at, const DiploTokens *t, int c, int ss, int *s, int *e)
{
	int			j = c - 1;
	int			p;
	int			pj;

	for (int g = 0; g < 3 && j >= ss && skippable(t, j); g++)
		j--;
	if (j < ss || (t->tok[j].kind != DIPLO_TOK_WORD && t->tok[j].kind != DIPLO_TOK_NUMBER))
		return -2;
	pos_of(at, t, c);
	if (j < at->pos_lo)
		return -2;
	pj = at->pos[j];
	if (!diplo_pos_is_noun(pj) && pj != DIPLO_POS_CD)
		return -2;
	p = j;
	while (p - 1 >= ss && p - 1 >= at->pos_lo && j - p < 7)
	{
		int			q = at->pos[p - 1];

		/* "58 percent of voters", "about four in 10", "more than half" */
		if (diplo_pos_is_noun(q) || diplo_pos_is_adjective(q) || q == DIPLO_POS_DT ||
			q == DIPLO_POS_CD || q == DIPLO_POS_PRP_POSS || q == DIPLO_POS_POS ||
			q == DIPLO_POS_PDT || diplo_tok_in_set(t, p - 1, &np_inner_words_set))
			p--;
		/* "the latest Reuters/Ipsos poll", "a Wall Street Journal/NBC News poll" */
		else if (punct_is(t, p - 1, "/&") && p - 2 >= ss && p - 2 >= at->pos_lo &&
				 t->tok[p - 2].kind == DIPLO_TOK_WORD)
			p -= 2;
		else
			break;
	}
	while (p < j && diplo_tok_in_set(t, p, &np_inner_words_set) &&
		   !diplo_tok_in_set(t, p, &np_opening_words_set))
		p++;
	if (p > ss && p == at->pos_lo && !at->pos_from_start)
		return -2;
	if (!(p == ss || punct_is(t, p - 1, ",;:(") || t->tok[p - 1].kind == DIPLO_TOK_QUOTE ||
		  is_dash(t, p - 1) || diplo_tok_in_set(t, p - 1, &clause_openers_set)))
		return -2;
	*s = p;
	*e = j + 1;
	return -1;
}

/* Does a finite verb occur within 12 tokens from token i in its sentence? */
static bool
verb_follows(DiploAttrib *at, const DiploTokens *t, int i, int se)
{
	for (int p = i; p < se && p < i + 12; p++)
		if (t->tok[p].kind == DIPLO_TOK_WORD && diplo_pos_is_finite(pos_of(at, t, p)))
			return true;
	return false;
}

/* Is w a hyphenated modifier such as "Florida-based" or "U.S.-born"? */
static bool
hyphen_modifier(const DiploWord *w)
{
	const char *h = memchr(w->s, '-', w->len);

	return h && h + 1 < w->s + w->len && h[1] >= 'a' && h[1] <= 'z';
}

/*
 * Is token i an auxiliary of another language after a comma or a quote,
 * read "has" ("« ... », a dit X", "..., ha dicho X")?  Then the cue after
 * it is inverted as "said X" is.
 */
static bool
aliased_auxiliary(const DiploTokens *t, int i)
{
	return i > 0 && diplo_tok_aliased(t, i) && diplo_tok_is(t, i, "has") &&
		(punct_is(t, i - 1, ",") || t->tok[i - 1].kind == DIPLO_TOK_QUOTE);
}

/*
 * The token after a day at i ("Thursday", "Thursday night", "the Thursday"
 * as Spanish "el jueves" reads), or i if there is none before se.
 */
static int
after_day(const DiploTokens *t, int i, int se)
{
	int			k = i;

	if (diplo_tok_is(t, k, "the") && diplo_tok_aliased(t, k))
		k++;
	if (k + 1 >= se || !diplo_tok_in_set(t, k, &weekdays_set))
		return i;
	k++;
	if (k + 1 < se &&
		(diplo_tok_is(t, k, "night") || diplo_tok_is(t, k, "morning") ||
		 diplo_tok_is(t, k, "evening") || diplo_tok_is(t, k, "afternoon")))
		k++;
	return k;
}

/*
 * The speaker mention after an inverted cue c ("...,” said X"), also after
 * a determiner, adjectives or a role noun ("said the younger Mr. Trump",
 * "said pollster Frank Luntz"), or after a day ("a déclaré jeudi le
 * ministre X"), or -1.
 */
static int
inverted_subject(const DiploTokens *t, const DiploMentions *ms, int c)
{
	bool		capword = false;
	int			d = after_day(t, c + 1, t->n) - (c + 1);

	for (int p = c + 1 + d; p < t->n && p <= c + 4 + d; p++)
	{
		int			m = ms->start_at[p];

		if (m >= 0)
		{
			int			q = ms->m[m].end;

			/* "said State Senator X": a capitalised word only before a name */
			if (capword && !(ms->m[m].kind == DIPLO_MEN_NAME && ms->m[m].person_like))
				return -1;

			/*
			 * "said German Ortega", "said American Unity Fund president X":
			 * a place word modifying the name that follows
			 */
			if (!speaker_mention(ms, m))
			{
				for (int r = q; r < t->n && r <= q + 4; r++)
				{
					int			n = ms->start_at[r];

					if (n >= 0 && ms->m[n].kind == DIPLO_MEN_NAME && ms->m[n].person_like)
						return n;
					if (n >= 0 && ms->m[n].end > r + 1)
						r = ms->m[n].end - 1;
					else if (t->tok[r].kind != DIPLO_TOK_WORD)
						break;
				}
				return -1;
			}
			/*
			 * "said former South Carolina Gov. Jim Hodges": a name without a
			 * title (and capitalised words) right before a titled name
			 * modifies it
			 */
			if (ms->m[m].kind == DIPLO_MEN_NAME && !ms->m[m].title)
				for (int r = q; r < t->n && r <= q + 2; r++)
				{
					int			n = ms->start_at[r];

					if (n >= 0 && ms->m[n].kind == DIPLO_MEN_NAME &&
						ms->m[n].person_like && ms->m[n].title)
						return n;
					/* "Ohio State University professor X": more capitalised words */
					if (n >= 0 || t->tok[r].kind != DIPLO_TOK_WORD ||
						!(t->tok[r].flags & DIPLO_TF_CAP))
						break;
				}
			/* "said Republican strategist Al Cardenas": the name itself */
			if (!(ms->m[m].kind == DIPLO_MEN_NAME && ms->m[m].person_like) ||
				ms->m[m].end - ms->m[m].start == 1)
				for (; q < t->n && q <= ms->m[m].end + 2; q++)
				{
					int			n = ms->start_at[q];

					if (n >= 0 && ms->m[n].kind == DIPLO_MEN_NAME && ms->m[n].person_like)
						return n;
					/* "said Florida's Rick Wilson": the possessor's person */
					if (q == ms->m[m].end &&
						(diplo_tok_is(t, q, "'s") || diplo_tok_is(t, q, "\xE2\x80\x99s")))
						continue;
					if (t->tok[q].kind != DIPLO_TOK_WORD || !(t->tok[q].flags & DIPLO_TF_LOWER))
						break;
				}
			return m;
		}
		if (t->tok[p].kind == DIPLO_TOK_WORD && (t->tok[p].flags & DIPLO_TF_CAP) &&
			!capword && p == c + 1)
		{
			capword = true;
			continue;
		}
		if (t->tok[p].kind != DIPLO_TOK_WORD ||
			!((t->tok[p].flags & DIPLO_TF_LOWER) || hyphen_modifier(&t->words[p])) ||
			diplo_tok_cue(t, p) ||
			(diplo_is_function_word(t, p) && !diplo_tok_in_set(t, p, &determiners_set)))
			return -1;
	}
	return -1;
}

static const char *const title_small_words[] = {
	"of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "with",
	"by", "or", "from", "is", "&", NULL
};

static DiploWordSet title_small_words_set = DIPLO_WORDSET(title_small_words);

/*
 * Words that give a name in quotes.  Not "titled", "entitled", "slogan",
 * "dubbed" nor "reading": what follows them (an ad titled “Scam.”, the sign
 * reading “...”) is quoted words as often as not.
 */
static const char *const title_cues[] = {
	"headlined", "nicknamed",
	"hashtag", NULL
};

static DiploWordSet title_cues_set = DIPLO_WORDSET(title_cues);

/* Words that introduce written words: a sign that read “...” */
static const char *const sign_cues[] = {
	"read", "reads", "reading", NULL
};

static DiploWordSet sign_cues_set = DIPLO_WORDSET(sign_cues);

/* Tokens on each side of a scare quote searched for a cue of its sentence. */
#define SCARE_CUE_WINDOW 100

/*
 * Is quote span sp a title ("Make America Great Again", "Good Morning
 * America": every word capitalised) or a scare quote (a few words inside
 * a sentence: were ''well fed'' and)?  Used for quotes without a speaker.
 */
static bool
title_or_scare_quote(const DiploTokens *t, const DiploQuoteSpan *sp)
{
	int			words = word_count(t, sp->first, sp->last);
	bool		title = words <= 10;
	int			last = sp->last - 1;

	if (sp->open < 0 || sp->close < 0 || last < sp->first)
		return false;
	/* a markup attribute: author="...", href="..." */
	if (sp->open > 0 && punct_is(t, sp->open - 1, "=") &&
		!(t->tok[sp->open].flags & DIPLO_TF_SPACE))
		return true;
	for (int i = sp->first; i < sp->last && title; i++)
		if (t->tok[i].kind == DIPLO_TOK_WORD && !(t->tok[i].flags & DIPLO_TF_CAP) &&
			!diplo_tok_in_set(t, i, &title_small_words_set))
			title = false;
	if (title && (!punct_is(t, last, ".!?") || words <= 6))
		return true;
	/* a work and its author: “...,” by the Post's X */
	if ((punct_is(t, sp->close + 1, ",") && diplo_tok_is(t, sp->close + 2, "by")) ||
		(punct_is(t, last, ",") && diplo_tok_is(t, sp->close + 1, "by")))
		return true;
	/* a name given: nicknamed “...”, the hashtag “...” */
	if (sp->open > 0 && diplo_tok_in_set(t, sp->open - 1, &title_cues_set))
		return true;
	/* a scare quote: a few words, no sentence of its own, mid-sentence */
	if (last > sp->first && punct_is(t, last, ","))
		last--;
	if (words > 4 || t->tok[last].kind != DIPLO_TOK_WORD || sp->open <= 0 ||
		t->tok[sp->open - 1].kind != DIPLO_TOK_WORD)
		return false;
	/*
	 * a cue in the sentence may make it part of a mixed quote: looked for
	 * within SCARE_CUE_WINDOW tokens of the quote, so that a paragraph of
	 * scare quotes without a full stop is not read once per quote
	 */
	{
		int			from = t->sent_start[t->tok[sp->open].sentence];
		int			to = diplo_sentence_end(t, sp->open);

		if (from < sp->open - SCARE_CUE_WINDOW)
			from = sp->open - SCARE_CUE_WINDOW;
		if (to > sp->close + SCARE_CUE_WINDOW)
			to = sp->close + SCARE_CUE_WINDOW;
		for (int i = from; i < to; i++)
			if (t->cue[i] || diplo_tok_is(t, i, "according"))
				return false;
	}
	return true;
}

/* Words of crowds and voices raised before what was shouted: chanted “...” */
static const char *const shout_words[] = {
	"chant", "chants", "chanted", "chanting", "shout", "shouts", "shouted",
	"shouting", "yell", "yells", "yelled", "yelling", "scream", "screamed",
	"screaming", "cries", "cheers", NULL
};

static DiploWordSet shout_words_set = DIPLO_WORDSET(shout_words);

/* Words that name what follows in quotes: an ad titled “Scam.” */
static const char *const naming_words[] = {
	"titled", "entitled", "slogan", NULL
};

static DiploWordSet naming_words_set = DIPLO_WORDSET(naming_words);

/*
 * The token of the shout or name before quote span sp, or -1: what a crowd
 * or a voice shouted ("chanted “USA! USA!”", "chants of “Lock her up!”", "a
 * man yelled, “Stay there!”") and what an ad, a book or a campaign is
 * titled ("an ad titled, “Scam.”", "ran on the slogan “Experience
 * Counts”") are quoted words, however short or capitalised.
 */
static int
shouted_quote(const DiploTokens *t, const DiploQuoteSpan *sp)
{
	int			b;

	if (sp->open <= 0)
		return -1;
	b = punct_is(t, sp->open - 1, ",:") ? sp->open - 2 : sp->open - 1;
	if (b >= 0 && diplo_tok_in_set(t, b, &naming_words_set))
		return b;
	if (b > 0 && diplo_tok_is(t, b, "of"))
		b--;
	return b >= 0 && diplo_tok_in_set(t, b, &shout_words_set) ? b : -1;
}

/*
 * Does quote span sp follow "as" ("referred to them as “rapists”", "summed
 * her up as “terrible,”")?  Then it quotes how someone put it, however
 * short.
 */
static bool
quote_after_as(const DiploTokens *t, const DiploQuoteSpan *sp)
{
	int			b;

	if (sp->open <= 0)
		return false;
	b = punct_is(t, sp->open - 1, ",") ? sp->open - 2 : sp->open - 1;
	return b >= 0 && diplo_tok_is(t, b, "as");
}

/* Nouns naming a work whose title may follow in quotes: his book “...” */
static const char *const work_nouns[] = {
	"book", "books", "memoir", "memoirs", "novel", "podcast", "show", "film",
	"movie", "documentary", "musical", "album", "sitcom", "autobiography",
	NULL
};

static DiploWordSet work_nouns_set = DIPLO_WORDSET(work_nouns);

/* Nouns that take a work after "of": the author of “...” */
static const char *const work_makers[] = {
	"author", "co-author", "coauthor", "editor", "co-editor", NULL
};

static DiploWordSet work_makers_set = DIPLO_WORDSET(work_makers);

/*
 * Is quote span sp the title of a work, whoever the sentence's subject
 * ("she wrote in her memoir, “Hard Choices.”", "X, author of “The Long
 * Road,” said", "the podcast “Here’s the Thing.”"): a work noun or "author
 * of" right before it (maybe with a comma), and every word capitalised?
 */
static bool
work_title(const DiploTokens *t, const DiploQuoteSpan *sp)
{
	int			b;

	if (sp->open <= 0 || sp->close < 0 || sp->last <= sp->first ||
		word_count(t, sp->first, sp->last) > 12)
		return false;
	b = punct_is(t, sp->open - 1, ",") ? sp->open - 2 : sp->open - 1;
	if (b < 0 || !(diplo_tok_in_set(t, b, &work_nouns_set) ||
				   (diplo_tok_is(t, b, "of") && diplo_tok_in_set(t, b - 1, &work_makers_set))))
		return false;
	for (int i = sp->first; i < sp->last; i++)
		if (t->tok[i].kind == DIPLO_TOK_WORD && !(t->tok[i].flags & DIPLO_TF_CAP) &&
			!diplo_tok_in_set(t, i, &title_small_words_set) &&
			!(i > sp->first && !(t->tok[i].flags & DIPLO_TF_SPACE)))
			return false;
	return true;
}

/*
 * Is quote span sp a cited excerpt or work rather than speech: followed
 * by a link ("“The club will close ...” http://...") or by a year in
 * parentheses ("“No to Schengen” (2005)")?
 */
static bool
cited_excerpt(const DiploTokens *t, const DiploQuoteSpan *sp)
{
	int			c;

	if (sp->close < 0)
		return false;
	c = sp->close + 1;
	if (punct_is(t, c, ",."))
		c++;
	if (c >= t->n)
		return false;
	if (diplo_tok_is(t, c, "http") || diplo_tok_is(t, c, "https") || diplo_tok_is(t, c, "www"))
		return true;
	if (punct_is(t, c, "(") && c + 2 < t->n && punct_is(t, c + 2, ")") &&
		t->tok[c + 1].kind == DIPLO_TOK_NUMBER && t->tok[c + 1].end - t->tok[c + 1].start == 4 &&
		(t->text[t->tok[c + 1].start] == '1' || t->text[t->tok[c + 1].start] == '2'))
		return true;
	return false;
}

/*
 * Is span k coordinated with a neighbouring quote that is no title nor
 * scare quote ("chanting “We are one” and “Peace now.”")?  Then both are
 * quoted words.
 */
static bool
coordinated_quote(const DiploTokens *t, const DiploQuoteSpans *qs, int k)
{
	for (int j = k - 1; j <= k + 1; j += 2)
	{
		const DiploQuoteSpan *a,
				   *b;

		if (j < 0 || j >= qs->n)
			continue;
		a = &qs->span[j < k ? j : k];
		b = &qs->span[j < k ? k : j];
		if (a->close < 0 || b->open < 0 || b->open != a->close + 2 ||
			!(diplo_tok_is(t, a->close + 1, "and") || diplo_tok_is(t, a->close + 1, "or")))
			continue;
		if (word_count(t, qs->span[j].first, qs->span[j].last) >= MIN_UNATTRIBUTED_WORDS &&
			!title_or_scare_quote(t, &qs->span[j]))
			return true;
	}
	return false;
}

/*
 * The end of a noun phrase after an inverted cue c that ends its clause
 * ("...,” said one New Hampshire Democrat."), or -1: a determiner or
 * number, then at most five words tagged as nouns or adjectives.
 */
static int
inverted_np(DiploAttrib *at, const DiploTokens *t, int c, int se)
{
	int			p = c + 1;

	if (p >= se || !(diplo_tok_in_set(t, p, &determiners_set) || diplo_tok_is(t, p, "one") ||
					 t->tok[p].kind == DIPLO_TOK_NUMBER))
		return -1;
	p++;
	while (p < se && p - c <= 6 && t->tok[p].kind == DIPLO_TOK_WORD)
	{
		int			pos = pos_of(at, t, p);

		if (!diplo_pos_is_noun(pos) && !diplo_pos_is_adjective(pos))
			return -1;
		p++;
	}
	if (p == c + 2 || !(p >= se || punct_is(t, p, ".,;")))
		return -1;
	return diplo_pos_is_noun(pos_of(at, t, p - 1)) ? p : -1;
}

/* Does mention m start with "I" or "we" ("I", "I’m", "We’ve")? */
static bool
first_person(const DiploTokens *t, const DiploMention *m)
{
	const DiploWord *w = &t->words[m->start];

	if (w->len >= 1 && w->s[0] == 'I' &&
		(w->len == 1 || w->s[1] == '\'' || (unsigned char) w->s[1] == 0xE2))
		return true;
	return (w->len == 2 || (w->len > 2 && (w->s[2] == '\'' || (unsigned char) w->s[2] == 0xE2))) &&
		(w->s[0] == 'W' || w->s[0] == 'w') && w->s[1] == 'e';
}

/* Is cue c the second verb of a coordination ("... and said")? */
static bool
coordinated_cue(const DiploTokens *t, int c, int ss)
{
	int			j = c - 1;

	for (int g = 0; g < 3 && j >= ss && skippable(t, j); g++)
		j--;
	return j > ss && (diplo_tok_is(t, j, "and") || diplo_tok_is(t, j, "but"));
}

/*
 * The end of a plain noun phrase that starts at token i ("a new poll",
 * "media trackers", "data from the agency"), or -1: words up to a
 * punctuation mark, a cue or a clause word, at most 8 tokens.
 */
static int
plain_np_after(const DiploTokens *t, int i, int se)
{
	int			p = i;

	while (p < se && p - i < 8 &&
		   (t->tok[p].kind == DIPLO_TOK_WORD || t->tok[p].kind == DIPLO_TOK_NUMBER) &&
		   !diplo_tok_is(t, p, "that") && !diplo_tok_is(t, p, "which") &&
		   !diplo_tok_is(t, p, "who") && !diplo_tok_is(t, p, "and") &&
		   !diplo_tok_is(t, p, "but"))
		p++;
	if (p == i || p - i >= 8)
		return -1;
	return p;
}

/*
 * Does the organisation of mention m modify the common noun after it ("a
 * Washington Post analysis", "the RealClearPolitics polling average")?  The
 * source is then that noun's phrase, not the organisation.
 */
static bool
org_modifies_noun(const DiploTokens *t, const DiploMention *m)
{
	int			e = m->end;

	if (!((m->kind == DIPLO_MEN_ORG && !m->title && !m->person_like) ||
		  (m->kind == DIPLO_MEN_NAME && !m->person_like)))
		return false;
	/* "a Reuters/Ipsos poll", "a New York Times/CBS News survey" */
	if (punct_is(t, e, "/"))
		for (e++; e < t->n && e - m->end <= 4 && t->tok[e].kind == DIPLO_TOK_WORD &&
			 (t->tok[e].flags & DIPLO_TF_CAP); e++)
			;
	return e < t->n && t->tok[e].kind == DIPLO_TOK_WORD &&
		(t->tok[e].flags & DIPLO_TF_LOWER) && !diplo_is_function_word(t, e) &&
		!diplo_tok_cue(t, e);
}

/*
 * Does mention m after "according to" only modify the noun that follows
 * it ("according to a new AP-GfK poll", "a Huffington Post review", "his
 * Facebook profile", "Kantar Media’s ad tracker")?  Then the source is that
 * noun, no speaker.
 */
static bool
according_source_noun(DiploAttrib *at, const DiploTokens *t, const DiploMention *m)
{
	int			e = m->end;
	int			tag;

	if (m->title || e >= t->n)
		return false;
	/* a possessive: "X’s tracker" */
	if ((diplo_tok_is(t, e, "'s") || diplo_tok_is(t, e, "’s")) && e + 1 < t->n &&
		t->tok[e + 1].kind == DIPLO_TOK_WORD && (t->tok[e + 1].flags & DIPLO_TF_LOWER))
		return true;
	if (t->tok[e].kind != DIPLO_TOK_WORD || !(t->tok[e].flags & DIPLO_TF_LOWER) ||
		diplo_is_function_word(t, e))
		return false;
	tag = pos_of(at, t, e);
	return tag == DIPLO_POS_NN || tag == DIPLO_POS_NNS;
}

/* Words that may follow the verb of "“...,” X barked": a particle or a preposition. */
static const char *const after_quote_verb[] = {
	"back", "out", "up", "on", "in", "at", "with", "to", "during", "after",
	"before", "as", "while", "from", "of", "about", "when", NULL
};

static DiploWordSet after_quote_verb_set = DIPLO_WORDSET(after_quote_verb);

/*
 * The speaker of a quote closing at token close, told by any verb next to
 * it: "“...,” Kelly charged." or "“...!” beamed Donald Hartley."  Returns
 * the mention and fills the verb's tokens *vs, *ve, or returns -1.  The
 * quote must end in a comma, "?" or "!" (inside or after the mark) and the
 * clause end right after the verb (or a particle or preposition follows).
 */
static int
speaker_by_any_verb(const DiploTokens *t, const DiploMentions *ms, int close,
					int *vs, int *ve)
{
	int			p = close + 1;
	int			m;
	int			v;

	if (!punct_is(t, close - 1, ",?!") && !punct_is(t, p, ","))
		return -1;
	if (punct_is(t, p, ","))
		p++;
	if (p >= t->n)
		return -1;
	m = ms->start_at[p];
	/* "“...,” Kelly charged": a person's name or he/she, then the verb */
	if (m >= 0)
	{
		if (!((ms->m[m].kind == DIPLO_MEN_NAME && ms->m[m].person_like) ||
			  (ms->m[m].kind == DIPLO_MEN_PRONOUN && ms->m[m].pronoun == 'h')))
			return -1;
		v = ms->m[m].end;
		for (int g = 0; g < 2 && v < t->n && skippable(t, v) &&
			 !diplo_tok_in_set(t, v, &after_quote_verb_set); g++)
			v++;
		if (v >= t->n || t->tok[v].kind != DIPLO_TOK_WORD ||
			!(t->tok[v].flags & DIPLO_TF_LOWER) || diplo_is_function_word(t, v))
			return -1;
		/* "“...,” Trump barked and walked off": a past verb, then "and" */
		if (!(v + 1 >= t->n || punct_is(t, v + 1, ".,;!?") ||
			  diplo_tok_in_set(t, v + 1, &after_quote_verb_set) ||
			  (diplo_tok_is(t, v + 1, "and") && t->words[v].len > 3 &&
			   t->words[v].s[t->words[v].len - 2] == 'e' &&
			   t->words[v].s[t->words[v].len - 1] == 'd')))
			return -1;
		*vs = v;
		*ve = v + 1;
		return m;
	}
	/* "“...!” beamed Donald Hartley of Madison" */
	v = p;
	if (t->tok[v].kind != DIPLO_TOK_WORD || !(t->tok[v].flags & DIPLO_TF_LOWER) ||
		diplo_is_function_word(t, v) || v + 1 >= t->n)
		return -1;
	m = ms->start_at[v + 1];
	if (m < 0 || ms->m[m].kind != DIPLO_MEN_NAME || !ms->m[m].person_like ||
		!(ms->m[m].end >= t->n || punct_is(t, ms->m[m].end, ".,;")))
		return -1;
	*vs = v;
	*ve = v + 1;
	return m;
}

/* Per-token indexes of the quote spans of a paragraph. */
typedef struct SpanIndex
{
	int		   *hold;			/* span whose content holds the token */
	int		   *open;			/* span opened by the token */
	int		   *close;			/* span closed by the token */
} SpanIndex;

/* Build the per-token span indexes in the scratch of at (grown as needed). */
static void
span_index_build(DiploAttrib *at, const DiploTokens *t,
				 const DiploQuoteSpans *qs, SpanIndex *ix)
{
	int			n = t->n ? t->n : 1;

	if (at->tok_cap < n)
	{
		int			ncap = n > 2 * at->tok_cap ? n : 2 * at->tok_cap;

		at->tok_scratch = diplo_realloc(at->a, at->tok_scratch,
										sizeof(int) * 3 * (size_t) ncap);
		at->in_reported = diplo_realloc(at->a, at->in_reported, ncap);
		at->tok_cap = ncap;
	}
	ix->hold = at->tok_scratch;
	ix->open = at->tok_scratch + n;
	ix->close = at->tok_scratch + 2 * n;
	for (int i = 0; i < t->n; i++)
		ix->hold[i] = ix->open[i] = ix->close[i] = -1;
	for (int k = 0; k < qs->n; k++)
	{
		const DiploQuoteSpan *sp = &qs->span[k];

		for (int i = sp->first; i < sp->last; i++)
			ix->hold[i] = k;
		if (sp->open >= 0)
			ix->open[sp->open] = k;
		if (sp->close >= 0)
			ix->close[sp->close] = k;
	}
}

/* The quote span whose content holds token i, or -1. */
static int
span_holding(const SpanIndex *ix, int i)
{
	return ix->hold[i];
}

/* The span whose closing mark is token i, or -1. */
static int
span_closing_at(const SpanIndex *ix, int i)
{
	return ix->close[i];
}

/* The span whose opening mark is token i, or -1. */
static int
span_opening_at(const SpanIndex *ix, int i)
{
	return ix->open[i];
}

/*
 * Can tokens [s, e) between two quotes stand without changing the speaker:
 * at most MAX_QUIET tokens ending a sentence, with no cue word and no
 * mention of a person or organisation?
 */
static bool
quiet_gap(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms,
		  const SpanIndex *ix, int s, int e)
{
	/*
	 * the rest of the attribution's own sentence: ", referring to ...",
	 * maybe ending inside a title's quote marks (on “Meet the Press.”)
	 */
	int			send = s > 0 ? diplo_sentence_end(t, s - 1) : -1;
	bool		own = send == e ||
		(send > s && send < e && e - send <= 2 && t->tok[e - 1].kind == DIPLO_TOK_QUOTE);
	bool		relative = false;	/* past "who" of ", a farmer who has said" */

	if (e - s > MAX_QUIET ||
		!(punct_is(t, e - 1, ".!?:") ||
		  (t->tok[e - 1].kind == DIPLO_TOK_QUOTE && punct_is(t, e - 2, ".!?"))))
		return false;
	for (int i = s; i < e; i++)
	{
		int			m = ms->start_at[i];

		if (own && (diplo_tok_is(t, i, "who") || diplo_tok_is(t, i, "whose")))
			relative = true;
		if (t->cue[i] && !(own && (t->cue[i]->flags & DIPLO_CUE_PARTICIPLE)) &&
			!(own && span_holding(ix, i) >= 0) &&
			!(own && at->in_reported[i]) &&
			!(own && relative) && cue_at(at, t, i))
			return false;
		if (own)
			continue;
		if (t->tok[i].kind == DIPLO_TOK_QUOTE)
			return false;
		/* "a social worker from nearby Osage" names no new speaker */
		if (m >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE &&
			!diplo_tok_in_set(t, i - 1, &content_prepositions_set) &&
			!diplo_tok_is(t, i - 1, "nearby") && !diplo_tok_is(t, i - 1, "of"))
			return false;
	}
	return true;
}

/*
 * Is cue c inside a closed quote ("“... Bernie says he will pay ...,”
 * she said")?  Such speech is part of the quoted words: PolNeAR does not
 * attribute it again.
 */
static bool
speech_inside_quote(const DiploQuoteSpans *qs, const SpanIndex *ix, int c)
{
	int			k = span_holding(ix, c);

	return k >= 0 && qs->span[k].open >= 0 && qs->span[k].close >= 0 &&
		!(qs->span[k].flags & (DIPLO_QS_CONTINUES | DIPLO_QS_UNCLOSED));
}

/* Does a quote open within tokens [s, e)? */
static bool
quote_opens_in(const SpanIndex *ix, int s, int e)
{
	for (int i = s; i < e; i++)
		if (ix->open[i] >= 0)
			return true;
	return false;
}

/* Append an attribution. */
static Attr *
push_attr(const DiploAllocator *a, Attrs *as)
{
	Attr	   *r;

	if (as->n == as->cap)
	{
		int			ncap = as->cap ? as->cap * 2 : 16;

		as->v = diplo_realloc(a, as->v, sizeof(Attr) * ncap);
		as->cap = ncap;
	}
	r = &as->v[as->n++];
	memset(r, 0, sizeof(*r));
	r->entity = r->addressee = r->channel = -1;
	r->subj_s = r->cue_s = r->span = -1;
	return r;
}

/* Make r the direct quote of span k (attribution number x claims it). */
static void
attr_set_direct(Attr *r, const DiploQuoteSpans *qs, int k, int *span_attr, int x)
{
	r->kind = DIPLO_QUOTE_DIRECT;
	r->span = k;
	r->cs = qs->span[k].first;
	r->ce = qs->span[k].last;
	span_attr[k] = x;
}

/* Where reported content that starts after cue c (of this kind) begins. */
static int
content_start(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms, const DiploCue *cue,
			  int c, int se, int *addressee_mention)
{
	int			k = c + 1;

	*addressee_mention = -1;
	/* "as X put it, the deal ...": after "it" and its comma */
	if ((cue->flags & DIPLO_CUE_IT_OBJECT) && k + 2 < se)
		return k + 2;
	/* "referring to the deal", "pushed for a vote" */
	if ((((cue->flags & DIPLO_CUE_TO_OBJECT) && diplo_tok_is(t, k, "to")) ||
		 ((cue->flags & DIPLO_CUE_FOR_OBJECT) && diplo_tok_is(t, k, "for"))) && k + 1 < se)
		return k + 1;
	/*
 * "called for a ceasefire", "called on both sides to ...", "warned of" (not
 * "tweeted about": a topic, not what was said)
 */
	if (k + 1 < se &&
		((strcmp(cue->lemma, "call") == 0 &&
		  (diplo_tok_is(t, k, "for") || diplo_tok_is(t, k, "on"))) ||
		 (strcmp(cue->lemma, "say") != 0 && strcmp(cue->lemma, "tell") != 0 &&
		  (diplo_tok_is(t, k, "against") || diplo_tok_is(t, k, "of")))))
	{
		if (diplo_tok_is(t, k, "on") && ms->start_at[k + 1] >= 0 &&
			ms->m[ms->start_at[k + 1]].kind != DIPLO_MEN_PLACE)
			*addressee_mention = ms->start_at[k + 1];
		return k + 1;
	}
	if (cue->flags & DIPLO_CUE_TAKES_OBJECT)
	{
		int			m = k < t->n ? ms->start_at[k] : -1;

		if (m >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE)
		{
			int			after = ms->m[m].end;

			/* "accused Sanders of ...": the accused belongs to the content */
			if (cue->cls == DIPLO_CUE_STANCE && diplo_tok_is(t, after, "of"))
				return k;
			if (diplo_tok_is(t, after, "that") || diplo_tok_is(t, after, "of") ||
				diplo_tok_is(t, after, "about"))
			{
				*addressee_mention = m;
				return after + 1;
			}
		}
		else if (diplo_tok_in_set(t, k, &plain_addressees_set) &&
				 !diplo_tok_is(t, k, "the"))
		{
			if (diplo_tok_is(t, k + 1, "that"))
				return k + 2;
			/* "told delegates at the convention that ...": looked for below */
			if (diplo_tok_in_set(t, k + 1, &content_prepositions_set))
				k++;
			else if (!diplo_tok_is(t, k + 1, "to"))
				return k + 1;
		}
		else if (diplo_tok_is(t, k, "the") &&
				 (diplo_tok_is(t, k + 1, "media") || diplo_tok_is(t, k + 1, "press") ||
				  diplo_tok_is(t, k + 1, "audience") || diplo_tok_is(t, k + 1, "crowd")))
		{
			if (diplo_tok_is(t, k + 2, "that"))
				return k + 3;
			return k + 2;
		}
	}
	/* "said on Friday he ...", "said Tuesday in Paris": a day is no content */
	if (diplo_tok_is(t, k, "on") && diplo_tok_in_set(t, k + 1, &weekdays_set) && k + 2 < se)
		k += 2;
	else if (diplo_tok_in_set(t, k, &weekdays_set) && k + 1 < se)
		k++;
	else if ((diplo_tok_is(t, k, "last") || diplo_tok_is(t, k, "this") ||
			  diplo_tok_is(t, k, "next")) &&
			 (diplo_tok_is(t, k + 1, "week") || diplo_tok_is(t, k + 1, "month") ||
			  diplo_tok_is(t, k + 1, "year")) && k + 2 < se)
		k += 2;
	if (k > c + 1 && k + 1 < se &&
		(diplo_tok_is(t, k, "night") || diplo_tok_is(t, k, "morning") ||
		 diplo_tok_is(t, k, "evening") || diplo_tok_is(t, k, "afternoon")))
		k++;
	if (punct_is(t, k, ":,"))
		k++;
	/* "added that, in Wisconsin, ...": past the comma */
	if (diplo_tok_is(t, k, "that"))
		return punct_is(t, k + 1, ",") && k + 2 < se ? k + 2 : k + 1;
	/*
	 * "said on Monday that", "told his counterpart that", "wrote in his
	 * 1990 autobiography that"
	 */
	for (int p = k; p < se && p < k + (diplo_tok_in_set(t, k, &content_prepositions_set) ? 12 : 7); p++)
	{
		if ((t->tok[p].kind != DIPLO_TOK_WORD && t->tok[p].kind != DIPLO_TOK_NUMBER) ||
			cue_at(at, t, p))
			break;
		if (diplo_tok_is(t, p, "that"))
		{
			if (cue->flags & DIPLO_CUE_TAKES_OBJECT)
			{
				int			m = ms->start_at[k];

				if (m >= 0 && ms->m[m].end == p)
					*addressee_mention = m;
			}
			return p + 1;
		}
	}
	return k;
}

/* Copy tokens [s, e) of the paragraph as a string. */
static char *
tokens_text(const DiploAllocator *a, const DiploTokens *t, int s, int e)
{
	return diplo_text_copy(a, t->text, t->tok[s].start, t->tok[e - 1].end);
}

/*
 * Paragraph t ends in "X said:" (speaker entity, cue tokens [cs, ce)): the
 * quote that opens the next paragraph is theirs, with that cue.
 */
static void
colon_announces(DiploAttrib *at, const DiploTokens *t, int entity, int cs, int ce)
{
	at->colon_speaker = entity;
	diplo_free(at->a, at->colon_cue);
	at->colon_cue = tokens_text(at->a, t, cs, ce);
	at->colon_cue_start = t->tok[cs].cstart;
	at->colon_cue_len = t->tok[ce - 1].cend - t->tok[cs].cstart;
}

/*
 * Is the speaker of r an organisation whose mention modifies the noun after
 * it ("a Huffington Post review found", "a CNN/WMUR poll shows")?  The
 * source is then that noun, no speaker.
 */
static bool
org_before_noun(DiploAttrib *at, const DiploTokens *t, const Attr *r)
{
	int			e = r->subj_e;
	int			tag;

	if (r->entity < 0 || r->subj_s < 0 || e >= t->n ||
		at->coref->ent[r->entity].type != DIPLO_SPEAKER_ORGANIZATION ||
		at->coref->ent[r->entity].person_like)
		return false;
	if (t->tok[e].kind != DIPLO_TOK_WORD || !(t->tok[e].flags & DIPLO_TF_LOWER) ||
		t->cue[e] || (t->tok[e].flags & DIPLO_TF_SENT_START))
		return false;
	tag = pos_of(at, t, e);
	return tag == DIPLO_POS_NN || tag == DIPLO_POS_NNS;
}

/* Append an output quote for attribution r. */
static int
emit(DiploAttrib *at, const DiploTokens *t, const Attr *r)
{
	DiploQuote *q;

	if (r->ce <= r->cs)
		return -1;
	if (at->nq == at->capq)
	{
		/* grow by half: less slack when an article has millions of quotes */
		int			ncap = at->capq ? at->capq + at->capq / 2 : 32;

		at->q = diplo_realloc(at->a, at->q, sizeof(DiploQuote) * ncap);
		at->capq = ncap;
	}
	q = &at->q[at->nq];
	memset(q, 0, sizeof(*q));
	q->speaker = org_before_noun(at, t, r) ? -1 : r->entity;
	q->channel = r->channel;
	q->addressee = r->addressee;
	q->kind = r->kind;
	q->content = tokens_text(at->a, t, r->cs, r->ce);
	q->content_start = t->tok[r->cs].cstart;
	q->content_len = t->tok[r->ce - 1].cend - t->tok[r->cs].cstart;
	q->cue_start = q->speaker_start = -1;
	if (r->cue_s >= 0)
	{
		q->cue = tokens_text(at->a, t, r->cue_s, r->cue_e);
		q->cue_start = t->tok[r->cue_s].cstart;
		q->cue_len = t->tok[r->cue_e - 1].cend - q->cue_start;
	}
	if (r->subj_s >= 0)
	{
		q->speaker_start = t->tok[r->subj_s].cstart;
		q->speaker_len = t->tok[r->subj_e - 1].cend - q->speaker_start;
	}
	return at->nq++;
}

/*
 * The end of reported content that starts at cs, for the cue at c.  The
 * content may hold one attribution of its own (a relay: "the FO said
 * Qureshi stressed X") but ends before a second cue with a subject, so
 * that "He said He said He said ..." does not nest: every token is then
 * the content of at most two attributions.
 */
static int
content_end(DiploAttrib *at, const DiploTokens *t, const DiploMentions *ms,
			const DiploQuoteSpans *qs, const SpanIndex *ix, int c, int cs,
			int se)
{
	int			e = se;
	int			inside = span_holding(ix, c);
	int			inner = 0;
	int			sub = c > 0 && skippable(t, c - 1) ? c - 2 : c - 1;

	/* "Mr. X, after saying ..., changed course": the insert ends at a comma */
	if (sub > 1 && punct_is(t, sub - 1, ",") && ms->end_at[sub - 2] >= 0 &&
		(diplo_tok_is(t, sub, "while") || diplo_tok_is(t, sub, "after") ||
		 diplo_tok_is(t, sub, "before")) && inside < 0)
		for (int p = cs + 1; p < se && p <= cs + MAX_CONTENT; p++)
			if (punct_is(t, p, ",") && span_holding(ix, p) < 0)
			{
				se = p;
				break;
			}
	e = se;
	if (e > cs + MAX_CONTENT)
		e = cs + MAX_CONTENT;
	for (int p = cs + 1; p < e; p++)
	{
		const DiploCue *cue;
		int			s,
					se2,
					desc;

		if (t->cue[p] == NULL || (cue = cue_at(at, t, p)) == NULL ||
			(cue->flags & DIPLO_CUE_PARTICIPLE))
			continue;
		if (subject_before(at, t, ms, p, cs, &s, &se2, &desc) == -2)
			continue;
		if (++inner == MAX_RELAY_DEPTH)
		{
			e = s;
			break;
		}
	}
	if (inside >= 0 && qs->span[inside].last < e)
		e = qs->span[inside].last;
	/* a quote opened in the content runs on past the sentence end */
	for (int i = cs; i < e && inside < 0; i++)
	{
		const DiploQuoteSpan *sp;

		if (ix->open[i] < 0)
			continue;
		sp = &qs->span[ix->open[i]];
		if (sp->close >= e)
		{
			e = sp->close + 1;
			if (punct_is(t, e, ".!?"))
				e++;
			break;
		}
	}
	/*
	 * ", saying ..." and ", adding ..." start an attribution of their own;
	 * ", said X" and ", X said" close one of their own
	 */
	for (int p = cs; p + 1 < e; p++)
	{
		const DiploCue *cue;
		int			m;

		/* "said X and called Y": the speaker's next verb */
		if (p > cs && (diplo_tok_is(t, p, "and") || diplo_tok_is(t, p, "but")) &&
			t->cue[p + 1] && (cue = cue_at(at, t, p + 1)) != NULL &&
			!(cue->flags & DIPLO_CUE_PARTICIPLE))
			return punct_is(t, p - 1, ",") ? p - 1 : p;
		if (!punct_is(t, p, ",;"))
			continue;
		/* "...; the rest": a semicolon outside quotes closes the content */
		if (punct_is(t, p, ";") && span_holding(ix, p) < 0 &&
			!quote_opens_in(ix, p + 1, e))
			return p;
		/* ", which ...": the writer's aside on the content's last noun */
		if (diplo_tok_is(t, p + 1, "which") && span_holding(ix, p) < 0 &&
			!quote_opens_in(ix, p + 1, e))
			return p;
		/* ", who ..." after a name: the writer's aside on that person */
		if (diplo_tok_is(t, p + 1, "who") && p - 1 > cs && span_holding(ix, p) < 0 &&
			t->tok[p - 1].kind == DIPLO_TOK_WORD && (t->tok[p - 1].flags & DIPLO_TF_CAP) &&
			!quote_opens_in(ix, p + 1, e))
			return p;
		/* "“...,” adding ...": the content ends with the closing mark */
		if (p + 2 < e && t->tok[p + 1].kind == DIPLO_TOK_QUOTE && ix->close[p + 1] >= 0 &&
			t->cue[p + 2] && (cue = cue_at(at, t, p + 2)) != NULL &&
			(cue->flags & DIPLO_CUE_PARTICIPLE))
			return p + 2;
		/*
		 * ", but ...": the writer's clause, not the speaker's, unless the
		 * speaker's quoted words follow (", but “the offers were ...”")
		 */
		if (diplo_tok_is(t, p + 1, "but") && span_holding(ix, p) < 0 &&
			!quote_opens_in(ix, p + 1, e))
			return p;
		/* ", and the White House said ...": a new clause of its own */
		if (diplo_tok_is(t, p + 1, "and") && span_holding(ix, p) < 0 &&
			p + 2 < e && ms->start_at[p + 2] >= 0 &&
			ms->m[ms->start_at[p + 2]].kind != DIPLO_MEN_PLACE &&
			ms->m[ms->start_at[p + 2]].end < e &&
			t->tok[ms->m[ms->start_at[p + 2]].end].kind == DIPLO_TOK_WORD &&
			(t->tok[ms->m[ms->start_at[p + 2]].end].flags & DIPLO_TF_LOWER))
			return p;
		cue = cue_at(at, t, p + 1);
		if (cue && (cue->flags & DIPLO_CUE_PARTICIPLE))
			return p;
		if (cue && ms->start_at[p + 2 < t->n ? p + 2 : p + 1] >= 0 &&
			p + 2 < t->n && speaker_mention(ms, ms->start_at[p + 2]))
			return p;
		m = ms->start_at[p + 1];
		if (m >= 0 && speaker_mention(ms, m) && ms->m[m].end < e &&
			t->cue[ms->m[m].end] && cue_at(at, t, ms->m[m].end))
		{
			int			after = ms->m[m].end + 1;

			if (after >= e || punct_is(t, after, ".,;") ||
				diplo_tok_in_set(t, after, &content_prepositions_set))
				return p;
		}
	}
	/* drop a final comma or colon */
	while (e > cs && punct_is(t, e - 1, ",:;"))
		e--;
	return e;
}

/*
 * The start of the content of "..., X said." whose comma is token b: the
 * sentence start, or the end of an earlier attribution of the sentence;
 * -1 if the content would be too long or empty.
 */
static int
content_before(const Attrs *as, const DiploTokens *t, int ss, int b)
{
	int			fs = ss;

	for (int x = as->n - 2; x >= 0 && x >= as->n - 4; x--)
	{
		const Attr *prev = &as->v[x];
		int			end = prev->ce;

		if (prev->cue_e > end)
			end = prev->cue_e;
		if (prev->subj_e > end)
			end = prev->subj_e;
		if (end > fs && end <= b)
			fs = end;
	}
	while (fs < b && (punct_is(t, fs, ",;:.-") || is_dash(t, fs)))
		fs++;
	if (b - fs > MAX_CONTENT || fs >= b)
		return -1;
	return fs;
}

/*
 * Does mention m, an outlet, report with cue at the end of its sentence
 * ("..., CNN reported.", "..., reported the Examiner on Monday."), after
 * is the token after cue and mention?
 */
static bool
outlet_reports(const DiploTokens *t, const DiploMention *m, const DiploCue *cue, int after)
{
	if (m->kind != DIPLO_MEN_ORG || !m->org || m->org->kind != DIPLO_ORG_MEDIA ||
		strcmp(cue->lemma, "report") != 0)
		return false;
	if (diplo_tok_is(t, after, "in") || diplo_tok_is(t, after, "on"))
		for (int g = 0; g < 4 && after < t->n &&
			 t->tok[after].kind != DIPLO_TOK_PUNCT; g++)
			after++;
	return punct_is(t, after, ".");
}

/*
 * "X said Y, CNN reported.", "..., reported the Examiner.": an outlet that
 * reports, after a comma, the sentence that an earlier attribution fills
 * reports all of it; the start of that content from sentence start ss, or -1.
 */
static int
outlet_report_before(const DiploTokens *t, int ss, int b)
{
	int			fs = ss;

	while (fs < b && (punct_is(t, fs, ",;:.-") || is_dash(t, fs)))
		fs++;
	if (b - fs > MAX_CONTENT || fs >= b)
		return -1;
	return fs;
}

/* Order of attributions: by content start, longer first, then cue. */
static int
attr_order(const void *x, const void *y)
{
	const Attr *a = x;
	const Attr *b = y;

	if (a->cs != b->cs)
		return a->cs < b->cs ? -1 : 1;
	if (a->ce != b->ce)
		return a->ce > b->ce ? -1 : 1;
	return a->cue_s < b->cue_s ? -1 : a->cue_s > b->cue_s;
}

/* Find the quotes of one paragraph and append them to at->q. */
void
diplo_attrib_paragraph(DiploAttrib *at, const DiploTokens *t,
					   const DiploQuoteSpans *qs, const DiploMentions *ms)
{
	const DiploAllocator *a = at->a;
	Attrs		as = {at->attrs, 0, at->attrs_cap};
	int		   *span_attr;
	int			first_new = at->nq;
	uint8_t    *in_reported;
	SpanIndex	ix;
	int			colon_speaker = at->colon_speaker;
	char	   *colon_cue = at->colon_cue;	/* owned here from now on */
	int64_t		colon_cue_start = at->colon_cue_start;
	int64_t		colon_cue_len = at->colon_cue_len;
	int			para_end = -1;	/* the end before the closing stops, once
								 * asked for */

	at->colon_speaker = -1;
	at->colon_cue = NULL;
	if (at->span_cap < qs->n || at->span_attr == NULL)
	{
		int			ncap = qs->n > 2 * at->span_cap ? qs->n : 2 * at->span_cap;

		if (ncap < 16)
			ncap = 16;
		at->span_attr = diplo_realloc(a, at->span_attr, sizeof(int) * (size_t) ncap);
		at->span_cap = ncap;
	}
	span_attr = at->span_attr;
	at->pos_lo = at->pos_hi = 0;
	span_index_build(at, t, qs, &ix);
	in_reported = at->in_reported;
	memset(in_reported, 0, t->n ? t->n : 1);
	for (int k = 0; k < qs->n; k++)
		span_attr[k] = -1;

	for (int c = 0; c < t->n; c++)
	{
		const DiploCue *cue;
		int			ss,
					se;
		int			s = -1,
					e = -1;
		int			mi = -2;
		bool		inverted = false;
		int			cue_e = c + 1;
		int			verb = -1;	/* "made" of the phrase cue "made clear" */
		int			entity = -1;
		int			span = -1;
		int			desc = -1;
		int			np_e;
		int			p;
		Attr	   *r;

		diplo_check_interrupts(a);
		if (diplo_tok_is(t, c, "according") &&
			(diplo_tok_is(t, c + 1, "to") || diplo_tok_aliased(t, c)))
		{
			/* "selon X", "según X", "laut X": one word for "according to" */
			int			atl = diplo_tok_aliased(t, c) ? 1 : 2;
			int			m = c + atl < t->n ? ms->start_at[c + atl] : -1;

			se = diplo_sentence_end(t, c);
			ss = t->sent_start[t->tok[c].sentence];
			if (m >= 0 && !speaker_mention(ms, m))
				continue;
			if (m >= 0 && (org_modifies_noun(t, &ms->m[m]) ||
						   according_source_noun(at, t, &ms->m[m])))
				m = -1;
			if (m < 0 && (np_e = plain_np_after(t, c + atl, se)) < 0)
				continue;
			r = push_attr(a, &as);
			r->cue_s = c;
			r->cue_e = c + atl;
			if (m >= 0)
			{
				r->subj_s = ms->m[m].start;
				r->subj_e = ms->m[m].end;
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				diplo_coref_spoke(at->coref, r->entity, NULL);
			}
			else
			{
				/* "according to a new poll": a source that is no speaker */
				r->subj_s = c + atl;
				r->subj_e = np_e;
				/* "according to a count by The Associated Press": its author */
				for (int b = c + atl + 1; b + 1 < np_e; b++)
				{
					int			am = ms->start_at[b + 1];

					if (!diplo_tok_is(t, b, "by"))
						continue;
					if (am >= 0 && (ms->m[am].kind == DIPLO_MEN_ORG ||
									ms->m[am].kind == DIPLO_MEN_NAME) &&
						!org_modifies_noun(t, &ms->m[am]))
					{
						r->subj_s = ms->m[am].start;
						r->subj_e = ms->m[am].end;
						r->entity = diplo_coref_resolve(at->coref, t, &ms->m[am]);
					}
					break;
				}
			}
			/*
			 * "“...,” X said at a rally, according to the Sun.": the outlet
			 * that relays the quote is its source (the clause around it stays)
			 */
			if (c > ss && as.n >= 2 && as.v[as.n - 2].span >= 0 &&
				as.v[as.n - 2].cue_s >= ss && punct_is(t, c - 1, ","))
			{
				Attr	   *prev = &as.v[as.n - 2];
				int			prev_end = prev->cue_e > prev->subj_e ? prev->cue_e : prev->subj_e;
				int			i = prev_end;

				while (i < c - 1 && c - prev_end <= MAX_GAP &&
					   !(t->cue[i] && cue_at(at, t, i)) &&
					   t->tok[i].kind != DIPLO_TOK_QUOTE)
					i++;
				if (prev_end <= c - 1 && i == c - 1)
				{
					prev->entity = r->entity;
					prev->subj_s = r->subj_s;
					prev->subj_e = r->subj_e;
					prev->cue_s = r->cue_s;
					prev->cue_e = r->cue_e;
				}
			}
			if (c == ss || (c == ss + 1 && punct_is(t, ss, "(")))
			{
				int			p = r->subj_e;

				/* "According to a Reuters/Ipsos poll, ...": the source runs to its comma */
				for (int q = p; q < se && q - p <= 8 && t->tok[q].kind != DIPLO_TOK_QUOTE &&
					 !t->cue[q]; q++)
					if (punct_is(t, q, ","))
					{
						p = q;
						break;
					}
				if (punct_is(t, p, ","))
					p++;
				r->cs = p;
				r->ce = content_end(at, t, ms, qs, &ix, c, p, se);
			}
			else
			{
				/*
				 * "X, according to Y": from the sentence start, but not
				 * back over an earlier "according to Y" nor over more than
				 * one other attribution, and at most MAX_CONTENT tokens
				 * back, so that repeated attributions overlap boundedly
				 */
				r->cs = ss;
				for (int back = 2; back <= 3 && as.n - back >= 0; back++)
				{
					const Attr *prev = &as.v[as.n - back];
					int			prev_end = prev->cue_e > prev->subj_e ?
						prev->cue_e : prev->subj_e;

					if ((back == 3 || diplo_tok_is(t, prev->cue_s, "according")) &&
						prev_end > r->cs && prev_end <= c)
						r->cs = prev_end;
				}
				if (c - r->cs > MAX_CONTENT)
					r->cs = c - MAX_CONTENT;
				while (r->cs < c && punct_is(t, r->cs, ",;:"))
					r->cs++;
				r->ce = c;
				while (r->ce > r->cs && punct_is(t, r->ce - 1, ",(-"))
					r->ce--;
			}
			r->kind = quote_opens_in(&ix, r->cs, r->ce) ?
				DIPLO_QUOTE_MIXED : DIPLO_QUOTE_INDIRECT;
			c = r->subj_e - 1;
			continue;
		}
		/*
		 * "The meeting was first reported by Politico.", "As reported by X,
		 * ...", "..., as first reported by X": the passive's agent speaks
		 */
		if ((cue = diplo_tok_cue(t, c)) != NULL && (cue->flags & DIPLO_CUE_BY_AGENT) &&
			diplo_tok_is(t, c + 1, "by") && c + 2 < t->n && span_holding(&ix, c) < 0)
		{
			int			m = ms->start_at[c + 2];
			int			b = c - 1;
			int			cs = -1,
						ce = -1;

			ss = t->sent_start[t->tok[c].sentence];
			se = diplo_sentence_end(t, c);
			if (m >= 0 && !speaker_mention(ms, m))
				continue;
			if (cue->flags & DIPLO_CUE_TAKES_OBJECT)
			{
				/*
				 * "Asked by Matt Lauer whether she had ...": the passive's
				 * subject was asked, the content follows the agent
				 */
				np_e = m >= 0 ? ms->m[m].end : c + 3;
				for (p = np_e; p < se && p < c + 10 && !diplo_tok_in_set(t, p, &question_words_set); p++)
					if (t->tok[p].kind != DIPLO_TOK_WORD || (m >= 0 && p >= np_e + 2))
						break;
				if (p >= se || !diplo_tok_in_set(t, p, &question_words_set))
					continue;
				if (m < 0)
					np_e = p;
				cs = p;
				for (ce = cs + 1; ce < se && ce <= cs + MAX_CONTENT &&
					 !(punct_is(t, ce, ",;") && span_holding(&ix, ce) < 0); ce++)
					;
				if (ce - cs > MAX_CONTENT)
					continue;
			}
			else if ((np_e = m >= 0 ? ms->m[m].end : plain_np_after(t, c + 2, se)) < 0)
				continue;
			for (int g = 0; g < 2 && b > ss && skippable(t, b); g++)
				b--;
			if (cs >= 0)
				;
			else if (diplo_tok_is(t, b, "as") && (b == ss || (b == ss + 1 && punct_is(t, ss, "("))))
			{
				/* "As reported by X, the content." */
				for (p = np_e; p < se && p < np_e + 6 && !punct_is(t, p, ","); p++)
					;
				if (punct_is(t, p, ","))
				{
					cs = p + 1;
					ce = content_end(at, t, ms, qs, &ix, c, cs, se);
				}
			}
			else if (diplo_tok_is(t, b, "as") && punct_is(t, b - 1, ",") &&
					 !(as.n > 0 && as.v[as.n - 1].cue_s >= ss) &&
					 !quote_opens_in(&ix, ss, b))
			{
				/* "The content, as first reported by X." */
				cs = ss;
				ce = b - 1;
			}
			else if (punct_is(t, b, ",") && b > ss && b - ss <= 8 &&
					 !quote_opens_in(&ix, ss, se))
			{
				/*
				 * "The remarks, first reported by X on Tuesday, suggested
				 * ...": the agent reports the sentence around the aside
				 */
				p = np_e;
				if (diplo_tok_is(t, p, "on") || diplo_tok_is(t, p, "in") ||
					diplo_tok_is(t, p, "last") || diplo_tok_is(t, p, "this"))
					for (int g = 0; g < 3 && p < se && t->tok[p].kind != DIPLO_TOK_PUNCT; g++)
						p++;
				if (punct_is(t, p, ",") && p + 1 < se && t->tok[p + 1].kind == DIPLO_TOK_WORD &&
					se - ss <= MAX_CONTENT)
				{
					cs = ss;
					ce = end_before_stops(t, ss, se);
				}
			}
			else if (b > ss && diplo_tok_in_set(t, b, &be_forms_set) &&
					 t->tok[b - 1].kind != DIPLO_TOK_PUNCT)
			{
				/* "The meeting was first reported by X.": the clause's subject */
				cs = b;
				while (cs > ss && b - cs <= MAX_CONTENT && !punct_is(t, cs - 1, ",;:") &&
					   t->tok[cs - 1].kind != DIPLO_TOK_QUOTE)
					cs--;
				if (b - cs > MAX_CONTENT)
					continue;
				ce = b;
			}
			if (cs < 0 || ce <= cs)
				continue;
			r = push_attr(a, &as);
			r->cue_s = c;
			r->cue_e = c + 2;
			r->subj_s = c + 2;
			r->subj_e = np_e;
			if (m >= 0)
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				diplo_coref_spoke(at->coref, r->entity, NULL);
			}
			r->cs = cs;
			r->ce = ce;
			r->kind = quote_opens_in(&ix, r->cs, r->ce) ?
				DIPLO_QUOTE_MIXED : DIPLO_QUOTE_INDIRECT;
			c = np_e - 1;
			continue;
		}
		/* "Clinton: Time for a new strategy" (headlines, transcripts) */
		if (punct_is(t, c, ":") && c > 0 &&
			(mi = ms->end_at[label_end(t, c)]) >= 0 &&
			speaker_mention(ms, mi) && ms->m[mi].kind != DIPLO_MEN_PRONOUN &&
			!common_label(at, t, ms, mi) &&
			(ms->m[mi].start == 0 ||
			 (ms->m[mi].start <= 3 && is_dash(t, ms->m[mi].start - 1)) ||
			 /* "A HEADLINE IN CAPITALS - Philip Bump: “...”" */
			 (c + 1 < t->n && span_opening_at(&ix, c + 1) >= 0 &&
			  (is_dash(t, ms->m[mi].start - 1) ||
			   (diplo_tok_is(t, ms->m[mi].start - 1, "and") &&
				ms->m[mi].start >= 2 && ms->end_at[ms->m[mi].start - 2] >= 0 &&
				is_dash(t, ms->m[ms->end_at[ms->m[mi].start - 2]].start - 1))))) &&
			c + 1 < t->n && span_holding(&ix, c) < 0)
		{
			int			end = t->n < c + 1 + MAX_CONTENT ? t->n : c + 1 + MAX_CONTENT;

			if (word_count(t, c + 1, end) < 2 || !label_speaks(t, &ms->m[mi], c + 1, end))
				continue;
			r = push_attr(a, &as);
			r->subj_s = ms->m[mi].start;
			r->subj_e = ms->m[mi].end;
			r->entity = diplo_coref_resolve(at->coref, t, &ms->m[mi]);
			diplo_coref_spoke(at->coref, r->entity, NULL);
			at->label_speaker = r->entity;
			r->cue_s = c;
			r->cue_e = c + 1;
			r->cs = c + 1;
			r->ce = end;
			while (r->ce > r->cs && punct_is(t, r->ce - 1, ",:;"))
				r->ce--;
			p = r->cs < t->n ? span_opening_at(&ix, r->cs) : -1;
			if (p >= 0 && span_attr[p] < 0 && qs->span[p].close >= 0 &&
				qs->span[p].close + 2 >= r->ce)
				attr_set_direct(r, qs, p, span_attr, as.n - 1);
			else if (single_quoted(t, r->cs, r->ce))
				r->kind = DIPLO_QUOTE_DIRECT;	/* "Trump: ‘We will win.’" */
			else
			{
				r->kind = quote_opens_in(&ix, r->cs, r->ce) ?
					DIPLO_QUOTE_MIXED : DIPLO_QUOTE_INDIRECT;
				for (int i = r->cs; i < r->ce; i++)
					in_reported[i] = 1;
			}
			continue;
		}
		/* "Mayor On Talks: ‘We Will Not Wait.’": a quotation ending a headline */
		if (punct_is(t, c, ":") && c > 0 && span_holding(&ix, c) < 0 &&
			single_mark(t, c + 1) &&
			single_quoted(t, c + 1, para_end >= 0 ? para_end :
						  (para_end = end_before_stops(t, 0, t->n))))
		{
			r = push_attr(a, &as);
			r->kind = DIPLO_QUOTE_DIRECT;
			r->cue_s = c;
			r->cue_e = c + 1;
			r->cs = c + 1;
			r->ce = t->n;
			if ((mi = clause_subject(at, t, ms, c, t->sent_start[t->tok[c].sentence],
									 &s, &e)) >= 0 &&
				ms->m[mi].kind != DIPLO_MEN_PLACE)
			{
				r->subj_s = s;
				r->subj_e = e;
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[mi]);
				diplo_coref_spoke(at->coref, r->entity, NULL);
			}
			break;
		}
		cue = cue_at(at, t, c);
		if (!cue)
			continue;
		/* "“I think that ...”": a speaker's own words, not an attribution */
		if (span_holding(&ix, c) >= 0 && cue->cls != DIPLO_CUE_SPEECH)
			continue;

		/* "X said he didn't think ...": the negation stays in X's content */
		if (in_reported[c] && negated_auxiliary(t, c - 1))
			continue;
		ss = t->sent_start[t->tok[c].sentence];
		se = diplo_sentence_end(t, c);
		/* the subject: before, or after an inverted cue ("...,” said X) */
		/* "X is telling supporters that ...": a finite verb */
		if (progressive_form(t, c))
			mi = subject_before(at, t, ms, c - 1, ss, &s, &e, &desc);
		else if (cue->flags & DIPLO_CUE_PARTICIPLE)
		{
			int			j = c - 1;

			for (int g = 0; g < 2 && j > ss && skippable(t, j); g++)
				j--;
			/* "with McCain calling it “a Chinese menu”": an absolute clause */
			if (j > ss && (p = ms->end_at[j]) >= 0 &&
				(ms->m[p].kind == DIPLO_MEN_NAME || ms->m[p].kind == DIPLO_MEN_ORG) &&
				strcmp(cue->lemma, "speak") != 0 &&
				(diplo_tok_is(t, ms->m[p].start - 1, "with") ||
				 diplo_tok_is(t, ms->m[p].start - 1, "about") ||
				 /* "both men issued a statement – Ryan saying he was ..." */
				 (is_dash(t, ms->m[p].start - 1) && ms->m[p].kind == DIPLO_MEN_NAME &&
				  ms->m[p].person_like)))
			{
				mi = p;
				s = ms->m[p].start;
				e = ms->m[p].end;
			}
			/* "X issued a statement Tuesday saying ...": the clause's subject */
			else if (channel_before(t, c, ss) &&
					 (mi = clause_subject(at, t, ms, c, ss, &s, &e)) >= 0 &&
					 ms->m[mi].kind != DIPLO_MEN_PLACE &&
					 (p = past_subject_insert(t, e, c)) >= c - 6 &&
					 word_count(t, p, c) == c - p)
				;
			/*
			 * ", adding", also after a quote's closing mark: ",” adding", or
			 * "by": "X quashed the rumours by tweeting that ..."
			 */
			else if (!punct_is(t, c - 1, ",") && !diplo_tok_is(t, c - 1, "by") &&
					 !diplo_tok_is(t, c - 1, "while") && !diplo_tok_is(t, c - 1, "after") &&
					 !diplo_tok_is(t, c - 1, "before") && !diplo_tok_is(t, c - 1, "when") &&
					 !diplo_tok_is(t, c - 1, "in") && !is_dash(t, c - 1) &&
					 !(c > 1 && ix.close[c - 1] >= 0 && punct_is(t, c - 2, ",")) &&
			/* "while also saying", "after initially saying": one adverb */
					 !(c - 2 > ss && skippable(t, c - 1) && !negated_auxiliary(t, c - 1) &&
					   (diplo_tok_is(t, c - 2, "while") || diplo_tok_is(t, c - 2, "after") ||
						diplo_tok_is(t, c - 2, "before") || punct_is(t, c - 2, ","))))
				continue;
			else if (as.n > 0 && as.v[as.n - 1].cue_s >= ss)
			{
				entity = as.v[as.n - 1].entity;
				mi = -3;
			}
			/* "X criticised the plan, calling it absurd" */
			else if ((mi = clause_subject(at, t, ms, c, ss, &s, &e)) < 0 ||
					 ms->m[mi].kind == DIPLO_MEN_PLACE)
				continue;
		}
		else if (cue->flags & DIPLO_CUE_AFTER_MAKE)
		{
			/* "Trump has made it clear that": the phrase starts at "made" */
			verb = make_verb(t, c);
			if (verb > 0 && t->cue[verb - 1] == NULL)
				mi = subject_before(at, t, ms, verb, ss, &s, &e, &desc);
		}
		else
			mi = subject_before(at, t, ms, c, ss, &s, &e, &desc);
		if (mi == -2 && !(cue->flags & DIPLO_CUE_PARTICIPLE) &&
			(cue->cls == DIPLO_CUE_SPEECH || cue->cls == DIPLO_CUE_STANCE) &&
			span_holding(&ix, c) < 0 && (mi = np_subject(at, t, c, ss, &s, &e)) == -1)
			/* "Some Democrats said": a named group */
			entity = diplo_coref_named_group(at->coref, t, s, e);
		if (mi == -2 && coordinated_cue(t, c, ss))
			mi = clause_subject(at, t, ms, c, ss, &s, &e);
		/*
		 * "X — an ally of Y — told MSNBC": the addressee of "told" after a
		 * comma or a dash is no inverted subject while the clause has one
		 */
		if (mi == -2 && (cue->flags & DIPLO_CUE_TAKES_OBJECT) &&
			(punct_is(t, c - 1, ",") || is_dash(t, c - 1)) &&
			((p = subject_past_insert(t, ms, c, ss, false, &s, &e)) >= 0 ||
			 (p = clause_subject(at, t, ms, c, ss, &s, &e)) >= 0) &&
			ms->m[p].kind != DIPLO_MEN_PLACE)
			mi = p;
		/* "A former candidate -- X, who lost to Y -- said": a person before the aside */
		if (mi == -2 && is_dash(t, c - 1) && c - 2 > ss &&
			t->tok[c - 2].kind != DIPLO_TOK_QUOTE &&
			(p = subject_past_insert(t, ms, c, ss, true, &s, &e)) >= 0)
			mi = p;
		/* "Said X, who grew up there, “...”": the quote after the name */
		if (mi == -2 && c == ss && (p = inverted_subject(t, ms, c)) >= 0 &&
			ms->m[p].kind == DIPLO_MEN_NAME && ms->m[p].person_like)
		{
			for (int q = ms->m[p].end; q < se && q - c < SUBJECT_WINDOW; q++)
				if (t->tok[q].kind == DIPLO_TOK_QUOTE)
				{
					int			k = span_opening_at(&ix, q);

					if (k >= 0 && span_attr[k] < 0 && punct_is(t, q - 1, ",:"))
						span = k;
					break;
				}
			if (span < 0)
				continue;
			mi = p;
			s = ms->m[mi].start;
			e = ms->m[mi].end;
			inverted = true;
		}
		if (mi == -2 && (c == 0 || punct_is(t, c - 1, ",") || is_dash(t, c - 1) ||
						 t->tok[c - 1].kind == DIPLO_TOK_QUOTE ||
						 (punct_is(t, c - 1, "'") && c > 1 &&
						  t->tok[c - 2].kind == DIPLO_TOK_QUOTE) ||
						 aliased_auxiliary(t, c - 1)) &&
			(p = inverted_subject(t, ms, c)) >= 0)
		{
			mi = p;
			s = ms->m[mi].start;
			e = ms->m[mi].end;
			inverted = true;
		}
		/* "“...,” said one New Hampshire Democrat." */
		if (mi == -2 && c > ss && (t->tok[c - 1].kind == DIPLO_TOK_QUOTE ||
								   punct_is(t, c - 1, ",")) &&
			(p = inverted_np(at, t, c, se)) > c + 1)
		{
			mi = -1;
			s = c + 1;
			e = p;
			inverted = true;
		}
		if (mi == -2)
			continue;
		/* "Obama signed the bill": an act needs a named subject before it */
		if ((cue->flags & DIPLO_CUE_NAMED_SUBJECT) &&
			(inverted || mi < 0 ||
			 (ms->m[mi].kind != DIPLO_MEN_NAME && ms->m[mi].kind != DIPLO_MEN_ORG)))
			continue;
		/*
		 * "I think ..." inside a quote or a transcript's answer: the speaker's
		 * own words, already attributed
		 */
		if (mi >= 0 && first_person(t, &ms->m[mi]) &&
			(span_holding(&ix, c) >= 0 || in_reported[c]))
			continue;
		/*
		 * "“... Bernie says he will pay for it ...,” Matthews said": speech
		 * told inside a closed quote is part of the quoted words, unless
		 * the quote opens with its subject ("“Minister X stressed that
		 * ...,” the statement said": a report quoted whole)
		 */
		if (speech_inside_quote(qs, &ix, c) && !diplo_tok_is(t, c + 1, "that"))
			continue;
		/* "“Pakistan supports the process”": a place inside a quote */
		if (mi >= 0 && ms->m[mi].kind == DIPLO_MEN_PLACE && span_holding(&ix, c) >= 0)
			continue;
		/* "I think ..." in the next paragraphs of a transcript's answer */
		if (mi >= 0 && first_person(t, &ms->m[mi]) && at->label_speaker >= 0)
			entity = at->label_speaker;
		else if (mi >= 0)
			entity = diplo_coref_resolve(at->coref, t, &ms->m[mi]);
		if (entity >= 0 && desc >= 0)
			diplo_coref_describe(at->coref, entity, &ms->m[desc]);
		/* "He said:" ending the paragraph: the quote opens the next one */
		if (entity >= 0 && punct_is(t, c + 1, ":") && c + 2 >= t->n)
			colon_announces(at, t, entity, c, c + 2);
		/* "said in a statement": the speaker issued that statement */
		{
			int			p = inverted ? e : c + 1;
			int			len;
			const DiploOrg *ch = NULL;

			if (diplo_tok_is(t, p, "in") && diplo_tok_in_set(t, p + 1, &determiners_set))
				ch = diplo_lex_org(t->words, t->n, p + 2, &len);
			diplo_coref_spoke(at->coref, entity,
							  ch && ch->kind == DIPLO_ORG_CHANNEL ? ch->canonical : cue->lemma);
		}
		/* direct: a quote closing just before the attribution */
		if (span < 0 && !(cue->flags & DIPLO_CUE_NAMED_SUBJECT))
		{
			int			p = (inverted ? c : (mi == -3 ? c : s)) - 1;

			/* "« ... », a dit X": the auxiliary before the inverted cue */
			if (inverted && aliased_auxiliary(t, p))
				p--;
			/* premodifiers before the mention: "Tulsa police Chief X" */
			if (!inverted && mi >= 0)
				for (int g = 0; g < 4 && p >= 0 && t->tok[p].kind == DIPLO_TOK_WORD; g++)
					p--;
			if (punct_is(t, p, ",") || is_dash(t, p))
				p--;
			/* "''... a special case,''' Mr. Putin said": a mark after the closing one */
			if (punct_is(t, p, "'") && p > 0 && t->tok[p - 1].kind == DIPLO_TOK_QUOTE)
				p--;
			if (p >= 0 && t->tok[p].kind == DIPLO_TOK_QUOTE)
				span = span_closing_at(&ix, p);
			if (span < 0 && p >= 0 && t->tok[p].kind != DIPLO_TOK_QUOTE &&
				p + 1 < t->n && t->tok[p + 1].kind == DIPLO_TOK_QUOTE)
				span = span_closing_at(&ix, p + 1);
			if (span >= 0 && span_attr[span] >= 0)
				span = -1;
			/* "that it was “absurd,” adding ...": the mixed quote's words */
			/* "Polling shows that “... sentence ...,” said X": the sentence is X's */
			if (span >= 0 && !(inverted && cue->cls == DIPLO_CUE_SPEECH &&
							   word_count(t, qs->span[span].first, qs->span[span].last) >= 4) &&
				qs->span[span].open >= 0 && in_reported[qs->span[span].open])
				span = -1;
			/*
			 * "“... insensitive.” He writes that “...”": a new sentence whose
			 * cue has words of its own after it speaks those
			 */
			if (span >= 0 && !inverted && mi >= 0 && (t->tok[s].flags & DIPLO_TF_SENT_START) &&
				c + 1 < se && !punct_is(t, c + 1, ".!?") &&
				!(punct_is(t, qs->span[span].close - 1, "?!") &&
				  !diplo_tok_is(t, c + 1, "that") && !quote_opens_in(&ix, c + 1, se)))
				span = -1;
			/* "on the show “Sunday Morning Futures,” X said": a title */
			if (span >= 0 && qs->span[span].open > 0 &&
				t->tok[qs->span[span].open - 1].kind == DIPLO_TOK_WORD &&
				!(t->tok[qs->span[span].open - 1].flags & DIPLO_TF_SENT_START) &&
				title_or_scare_quote(t, &qs->span[span]))
				span = -1;
		}
		/* direct: "X said: “...”" with the quote ending the sentence */
		if (span < 0 && !inverted)
		{
			int			p = c + 1;
			int			k;

			int			q = p;

			/* "As X put it, “...”" */
			if (cue->flags & DIPLO_CUE_IT_OBJECT)
				q++;
			/* "told reporters, “...”", "telling the crowd, “...”": the addressee */
			if ((cue->flags & DIPLO_CUE_TAKES_OBJECT) && q < t->n)
			{
				if (ms->start_at[q] >= 0 && ms->m[ms->start_at[q]].kind != DIPLO_MEN_PRONOUN)
					q = ms->m[ms->start_at[q]].end;
				else if (diplo_tok_in_set(t, q, &plain_addressees_set) &&
						 !diplo_tok_is(t, q, "the"))
					q++;
				else if (diplo_tok_is(t, q, "the") &&
						 (diplo_tok_is(t, q + 1, "crowd") || diplo_tok_is(t, q + 1, "audience") ||
						  diplo_tok_is(t, q + 1, "media") || diplo_tok_is(t, q + 1, "press")))
					q += 2;
			}
			/*
			 * "said Thursday: “...”", "a déclaré jeudi soir : « ... »",
			 * "dijo el jueves: «...»": a day first
			 */
			if (q == p)
				q = after_day(t, q, se);
			/* "declared in the debate spin room, “...”": a phrase first */
			if (diplo_tok_in_set(t, q, &content_prepositions_set))
			{
				int			r0 = q;

				q++;
				while (q < se && q - r0 < 10 && (t->tok[q].kind == DIPLO_TOK_WORD ||
												 t->tok[q].kind == DIPLO_TOK_NUMBER))
					q++;
			}
			if (q > p && punct_is(t, q, ",:") && q + 1 < t->n && span_opening_at(&ix, q + 1) >= 0)
				p = q;
			if (punct_is(t, p, ":,"))
				p++;
			k = p < t->n ? span_opening_at(&ix, p) : -1;
			if (k >= 0 && span_attr[k] < 0)
			{
				int			after = qs->span[k].close + 1;

				if (qs->span[k].close < 0 || after >= se ||
					(punct_is(t, after, ".!?") && after + 1 >= se) ||
					punct_is(t, p - 1, ":"))
					span = k;
			}
		}
		r = push_attr(a, &as);
		r->entity = entity;
		if (mi >= -1)
		{
			r->subj_s = s;
			r->subj_e = e;
		}
		r->cue_s = verb >= 0 ? verb : c;
		r->cue_e = cue_e;
		if (span >= 0)
			attr_set_direct(r, qs, span, span_attr, as.n - 1);
		else
		{
			int			am;
			int			cs = content_start(at, t, ms, cue, inverted ? e - 1 : c, se, &am);
			int			b = inverted ? c - 1 : s - 1;
			int			after = inverted ? e : c + 1;
			const DiploCue *next;

			/* "teilte am Montag mit, die Botschaft ...": the verb's particle */
			if (diplo_lex_language() == DIPLO_LANG_DE && cs >= 0 && cs + 2 < se &&
				diplo_tok_in_set(t, cs, &separable_particles_set) &&
				(punct_is(t, cs + 1, ",") || diplo_tok_is(t, cs + 1, "that")))
				cs += punct_is(t, cs + 1, ",") && diplo_tok_is(t, cs + 2, "that") ? 3 : 2;

			/* "..., a déclaré X.": the auxiliary before the inverted cue */
			if (inverted && aliased_auxiliary(t, b))
				b--;
			/* "The talks, he said, were useful": around the attribution */
			if (mi != -3 && !(cue->flags & DIPLO_CUE_NAMED_SUBJECT) &&
				punct_is(t, b, ",") && punct_is(t, after, ",") &&
				after + 2 < se && t->tok[after + 1].kind == DIPLO_TOK_WORD &&
				!diplo_tok_in_set(t, after + 1, &clause_openers_set) &&
				!((next = t->cue[after + 1] ? cue_at(at, t, after + 1) : NULL) &&
				  (next->flags & DIPLO_CUE_PARTICIPLE)) &&
				span_holding(&ix, c) < 0 &&
				(!inverted || verb_follows(at, t, after + 1, se)) &&
				(r->cs = content_before(&as, t, ss, b)) >= 0)
			{
				r->ce = content_end(at, t, ms, qs, &ix, c, after + 1, se);
				am = -1;
			}
			else if (cs >= se || (inverted && punct_is(t, b, ",") && punct_is(t, after, ",")) ||
					 (diplo_tok_in_set(t, cs, &content_prepositions_set) &&
					  !diplo_tok_in_set(t, cs - 1, &content_introducers_set) &&
					  !(punct_is(t, cs - 1, ",") && diplo_tok_is(t, cs - 2, "that"))) ||
					 (diplo_tok_is(t, cs, "to") && diplo_tok_in_set(t, cs - 1, &to_verbs_set)) ||
				(diplo_tok_is(t, cs, "to") &&
				 diplo_tok_in_set(t, cs + 1, &plain_addressees_set) &&
				 !diplo_tok_is(t, cs + 1, "the")) ||
				t->tok[cs].kind == DIPLO_TOK_PUNCT ||
				(t->tok[cs].kind == DIPLO_TOK_QUOTE && qs->dir[cs] < 0))
			{
				/*
				 * "..., X said." : the content comes before (not before
				 * "X said:", whose content follows the colon)
				 */
				bool		orep = mi >= 0 && outlet_reports(t, &ms->m[mi], cue, after);
				int			qb = -1;

				/* "...,” The Post reported.": the comma inside the quote */
				if (orep && b > ss && t->tok[b].kind == DIPLO_TOK_QUOTE && qs->dir[b] < 0 &&
					punct_is(t, b - 1, ","))
					qb = b--;
				if (mi == -3 || (cue->flags & DIPLO_CUE_NAMED_SUBJECT) ||
					!punct_is(t, b, ",") || punct_is(t, after, ":") ||
					((r->cs = content_before(&as, t, ss, b)) < 0 &&
					 (!orep || (r->cs = outlet_report_before(t, ss, b)) < 0)) ||
					span_holding(&ix, c) >= 0)
				{
					as.n--;
					continue;
				}
				r->ce = qb >= 0 ? qb + 1 : b;
				am = -1;
				/* the earlier attribution's content stops before the outlet */
				for (int x = as.n - 2; orep && x >= 0 && x >= as.n - 4; x--)
					if (as.v[x].cs >= ss && as.v[x].cs < b && as.v[x].ce > r->ce)
						as.v[x].ce = r->ce;
			}
			else
			{
				r->cs = cs;
				r->ce = content_end(at, t, ms, qs, &ix, c, cs, se);
				/* "while X says Y, Z": a subordinate clause ends at a comma */
				if (mi >= -1 && !inverted && s > ss &&
					diplo_tok_in_set(t, s - 1, &subordinators_set))
					for (int i = r->cs + 1; i < r->ce; i++)
						if (punct_is(t, i, ",") && span_holding(&ix, i) < 0)
						{
							r->ce = i;
							break;
						}
			}
			/*
			 * "refused to sign the deal, which ...", "endorsed Trump, ...": a
			 * stance's infinitive or object ends at a comma
			 */
			if (cue->cls == DIPLO_CUE_STANCE && r->cs > c &&
				(diplo_tok_is(t, r->cs, "to") ||
				 (!diplo_tok_is(t, r->cs - 1, "that") && !(cue->flags & DIPLO_CUE_CLAUSE))))
				for (int i = r->cs + 1; i < r->ce; i++)
					if (punct_is(t, i, ",") && span_holding(&ix, i) < 0)
					{
						r->ce = i;
						break;
					}
			/* "endorsed Clinton": a stance takes a short object */
			if (word_count(t, r->cs, r->ce) <
				((cue->cls == DIPLO_CUE_STANCE && r->cs > c) ? 1 :
				 (r->cs == c + 1 && diplo_tok_is(t, r->cs, "to")) ? 2 :
				 (r->cs > c && (two_word_content(t, ms, r->cs, r->ce) ||
								named_complement(t, ms, cue, r->cs, r->ce))) ? 2 : 3))
			{
				as.n--;
				continue;
			}
			if (am >= 0)
				r->addressee = diplo_coref_resolve(at->coref, t, &ms->m[am]);
			r->kind = quote_opens_in(&ix, r->cs, r->ce) ?
				DIPLO_QUOTE_MIXED : DIPLO_QUOTE_INDIRECT;
			for (int i = r->cs; i < r->ce; i++)
				in_reported[i] = 1;
		}
		if (inverted)
			c = e - 1;
	}

	/* "Cruz continued:", "X issued the following statement:" ending it */
	if (at->colon_speaker < 0 && t->n > 2 && punct_is(t, t->n - 1, ":") &&
		span_holding(&ix, t->n - 1) < 0)
	{
		int			colon = t->n - 1;
		int			s,
					e;
		int			m = clause_subject(at, t, ms, colon,
									   t->sent_start[t->tok[colon].sentence], &s, &e);

		/* the cue: "continued:", "said:", or the verb of a longer clause */
		int			v = m >= 0 ? past_subject_insert(t, e, colon) : colon;

		if (m >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE && v < colon)
			colon_announces(at, t, diplo_coref_resolve(at->coref, t, &ms->m[m]), v,
							t->n - v <= 3 ? t->n : v + 1);
	}

	/* quotes without a cue of their own */
	for (int k = 0; k < qs->n; k++)
	{
		const DiploQuoteSpan *sp = &qs->span[k];
		Attr	   *r;

		if (span_attr[k] >= 0)
			continue;
		if (sp->open >= 0 && in_reported[sp->open])
			continue;
		r = push_attr(a, &as);
		r->kind = DIPLO_QUOTE_DIRECT;
		r->span = k;
		r->cs = sp->first;
		r->ce = sp->last;
		span_attr[k] = as.n - 1;
		/* "“...,” Kelly charged.": a verb out of the cue list */
		if (r->entity < 0 && r->cue_s < 0 && sp->close >= 0)
		{
			int			vs,
						ve;
			int			m = speaker_by_any_verb(t, ms, sp->close, &vs, &ve);

			/* the cheap test first: a title scan reads the whole sentence */
			if (m >= 0 && !title_or_scare_quote(t, sp))
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = ms->m[m].start;
				r->subj_e = ms->m[m].end;
				r->cue_s = vs;
				r->cue_e = ve;
				diplo_coref_spoke(at->coref, r->entity, NULL);
			}
		}
		/*
		 * the second piece of "“A,” X said, “B”" or "“A,” X said. “B”", also
		 * past a title in quotes ("X said on ABC's “This Week.” “B”")
		 */
		{
			int			pk = k - 1;

			while (pk >= 0 && k - pk <= 3 &&
				   (span_attr[pk] < 0 || (as.v[span_attr[pk]].entity < 0 &&
										  as.v[span_attr[pk]].subj_s < 0)))
				pk--;
			if (r->entity < 0 && pk >= 0 && k - pk <= 3 && sp->open >= 0 &&
				as.v[span_attr[pk]].span == pk)
			{
				const Attr *prev = &as.v[span_attr[pk]];
				int			gap_end = sp->open;
				int			last = prev->cue_e > prev->subj_e ? prev->cue_e : prev->subj_e;

				if (qs->span[pk].close >= 0 && last < qs->span[pk].close)
					last = qs->span[pk].close + 1;
				if (gap_end >= last &&
					(gap_end - last <= MAX_GAP && pk == k - 1 ?
					 punct_is(t, gap_end - 1, ",.:") :
					 quiet_gap(at, t, ms, &ix, last, gap_end)))
				{
					r->entity = prev->entity;
					r->cue_s = prev->cue_s;
					r->cue_e = prev->cue_e;
					r->subj_s = prev->subj_s;
					r->subj_e = prev->subj_e;
				}
			}
		}
		/* "“The ceasefire must hold” — Mateo Lind, speaking in Geneva" */
		if (r->entity < 0 && r->cue_s < 0 && sp->close >= 0 && is_dash(t, sp->close + 1) &&
			sp->close + 2 < t->n && ms->start_at[sp->close + 2] >= 0)
		{
			int			m = ms->start_at[sp->close + 2];

			if (ms->m[m].kind == DIPLO_MEN_NAME || ms->m[m].kind == DIPLO_MEN_ORG ||
				ms->m[m].kind == DIPLO_MEN_ROLE)
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = ms->m[m].start;
				r->subj_e = ms->m[m].end;
				r->cue_s = sp->close + 1;
				r->cue_e = sp->close + 2;
			}
		}
		/* "Mr. Christie gloated: “...”": the subject of the colon's clause */
		if (r->entity < 0 && r->cue_s < 0 && sp->open > 0 && punct_is(t, sp->open - 1, ":"))
		{
			int			colon = sp->open - 1;
			int			s,
						e;
			int			m = clause_subject(at, t, ms, colon,
										   t->sent_start[t->tok[colon].sentence], &s, &e);

			if (m >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE)
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = s;
				r->subj_e = e;
				/*
				 * the cue runs from the verb to the colon: "was blunt:", past
				 * an apposition or a parenthesis ("X, a veteran, was calm:")
				 */
				r->cue_s = past_subject_insert(t, e, colon);
				r->cue_e = colon + 1;
			}
		}
		/*
		 * "As X put it, “...”", "As X said last week in Y, “...”": the
		 * subject of an opening as-clause ending right before the quote
		 */
		if (r->entity < 0 && r->cue_s < 0 && sp->open > 1 && punct_is(t, sp->open - 1, ",:"))
		{
			int			s,
						e,
						v;
			int			m = as_clause_speaker(t, ms, t->sent_start[t->tok[sp->open - 1].sentence],
											  sp->open - 1, &s, &e, &v);

			if (m >= 0)
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = s;
				r->subj_e = e;
				r->cue_s = v;
				r->cue_e = v + 1;
				diplo_coref_spoke(at->coref, r->entity, NULL);
			}
		}
		/*
		 * "Cruz tweeted a warning. “...”": a quote opening a sentence after
		 * one whose subject spoke (a cue in its clause, no quote in it)
		 */
		if (r->entity < 0 && r->cue_s < 0 && sp->open > 1 && punct_is(t, sp->open - 1, ".") &&
			(t->tok[sp->open].flags & DIPLO_TF_SENT_START))
		{
			int			dot = sp->open - 1;
			int			ps = t->sent_start[t->tok[dot].sentence];
			int			s,
						e;
			int			m = clause_subject(at, t, ms, dot, ps, &s, &e);
			int			cv = -1;

			/*
			 * "X, the director of Y said in a statement.", "X (R-Tex.), a
			 * candidate who ..., tweeted a warning.": a person opening the
			 * sentence, the subject of its first cue past a long apposition
			 */
			for (int i = ps; m < 0 && i < dot && t->tok[i].kind != DIPLO_TOK_QUOTE; i++)
				if (t->cue[i] && cue_at(at, t, i))
				{
					int			desc;
					int			k = subject_before(at, t, ms, i, ps, &s, &e, &desc);

					/* also "Y University's X agreed." */
					if (k >= 0 && ms->m[k].kind == DIPLO_MEN_NAME && ms->m[k].person_like &&
						(s == ps ||
						 (s - 2 >= ps && (diplo_tok_is(t, s - 1, "'s") ||
										  diplo_tok_is(t, s - 1, "\xE2\x80\x99s")) &&
						  ms->end_at[s - 2] >= 0 && ms->m[ms->end_at[s - 2]].start == ps)))
						m = k;
					break;
				}
			for (int i = ps; m >= 0 && i < dot; i++)
			{
				if (t->tok[i].kind == DIPLO_TOK_QUOTE)
				{
					cv = -1;
					break;
				}
				if (cv < 0 && i >= e && t->cue[i] && cue_at(at, t, i))
					cv = i;
			}
			if (m >= 0 && cv >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE)
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = s;
				r->subj_e = e;
				r->cue_s = cv;
				r->cue_e = cv + 1;
			}
		}
		/*
		 * "Whitman, a former candidate, labeled Mr. Trump “unfit to be
		 * president”": a quote inside a clause whose subject spoke
		 */
		if (r->entity < 0 && r->cue_s < 0 && sp->open > 0 &&
			!(t->tok[sp->open].flags & DIPLO_TF_SENT_START) &&
			word_count(t, r->cs, r->ce) >= MIN_UNATTRIBUTED_WORDS &&
			!title_or_scare_quote(t, sp))
		{
			int			ps = t->sent_start[t->tok[sp->open].sentence];
			int			s,
						e;
			int			m = clause_subject(at, t, ms, sp->open, ps, &s, &e);
			int			cv = -1;
			bool		quoted = false;

			for (int i = e; m >= 0 && i < sp->open; i++)
			{
				const DiploCue *cue;

				if (t->tok[i].kind == DIPLO_TOK_QUOTE)
				{
					cv = -1;
					quoted = true;
					break;
				}
				if (cv < 0 && t->cue[i] && (cue = cue_at(at, t, i)) &&
					cue->cls == DIPLO_CUE_SPEECH)
					cv = i;
			}

			/*
			 * "Moore thanked him for “...”", "Cruz coached Trump to “...”":
			 * with no cue, a person (or he/she) subject of the clause the
			 * quote sits in, its verb the word after the subject
			 */
			if (m >= 0 && cv < 0 && !quoted && e < sp->open &&
				((ms->m[m].kind == DIPLO_MEN_NAME && ms->m[m].person_like) ||
				 (ms->m[m].kind == DIPLO_MEN_PRONOUN && ms->m[m].pronoun == 'h')))
			{
				cv = past_subject_insert(t, e, sp->open);
				if (cv >= sp->open)
					cv = -1;
			}
			/* not a capitalised opener alone ("Hours later, she ...") */
			if (m >= 0 && cv >= 0 && ms->m[m].kind != DIPLO_MEN_PLACE &&
				!(ms->m[m].kind == DIPLO_MEN_NAME && ms->m[m].end - ms->m[m].start == 1 &&
				  ms->m[m].start == ps && pos_of(at, t, ps) != DIPLO_POS_NNP))
			{
				r->entity = diplo_coref_resolve(at->coref, t, &ms->m[m]);
				r->subj_s = s;
				r->subj_e = e;
				r->cue_s = cv;
				r->cue_e = cv + 1;
			}
		}
		/* the quote announced by "He said:" at the previous paragraph's end */
		if (r->entity < 0 && k == 0 && sp->open == 0 && colon_speaker >= 0)
		{
			r->entity = colon_speaker;
			r->colon_cue = true;
		}
		/* the next paragraph of a quote that runs over paragraphs */
		if ((sp->flags & DIPLO_QS_CONTINUES) && r->entity < 0 && at->chain_last >= 0)
			r->entity = at->q[at->chain_last].speaker;
		/* a paragraph that is only a quote goes on from the last speaker */
		if (r->entity < 0 && at->last_speaker >= 0 && sp->open == 0 &&
			sp->close >= 0 && sp->close + 2 >= t->n && qs->n == 1 &&
			word_count(t, r->cs, r->ce) >= 4)
			r->entity = at->last_speaker;
		/* "“...,” said one adviser to the governor": the cue, if no speaker */
		if (r->cue_s < 0 && sp->close >= 0)
		{
			int			c = punct_is(t, sp->close + 1, ",") ? sp->close + 2 : sp->close + 1;
			const DiploCue *cue = c < t->n && t->cue[c] ? cue_at(at, t, c) : NULL;

			if (cue && cue->cls == DIPLO_CUE_SPEECH && !(cue->flags & DIPLO_CUE_PARTICIPLE))
			{
				r->cue_s = c;
				r->cue_e = c + 1;
			}
		}
		/* "a sign that read “...”", "he said, “...”": the cue before it */
		if (r->cue_s < 0 && sp->open > 0)
		{
			int			c = punct_is(t, sp->open - 1, ",:") ? sp->open - 2 : sp->open - 1;
			const DiploCue *cue = c >= 0 && t->cue[c] ? cue_at(at, t, c) : NULL;

			if ((cue && cue->cls == DIPLO_CUE_SPEECH) ||
				(c >= 0 && diplo_tok_in_set(t, c, &sign_cues_set)))
			{
				r->cue_s = c;
				r->cue_e = c + 1;
			}
		}
		/* "chanted “...”": the shout is its cue */
		if (r->cue_s < 0 && shouted_quote(t, sp) >= 0)
		{
			r->cue_s = shouted_quote(t, sp);
			r->cue_e = r->cue_s + 1;
		}
		/* a quote without a speaker may be a title or scare quote */
		if (r->entity < 0 && !(sp->flags & (DIPLO_QS_CONTINUES | DIPLO_QS_UNCLOSED)) &&
			(word_count(t, r->cs, r->ce) < MIN_UNATTRIBUTED_WORDS ||
			 title_or_scare_quote(t, sp)) && !coordinated_quote(t, qs, k) &&
			shouted_quote(t, sp) < 0 && !quote_after_as(t, sp))
		{
			as.n--;
			span_attr[k] = -1;
		}
	}

	/* relays: a speaker mention inside another attribution's content */
	for (int x = 0; x < as.n; x++)
	{
		Attr	   *r = &as.v[x];
		int			best = -1;

		if (r->subj_s < 0)
			continue;
		for (int y = x > RELAY_WINDOW ? x - RELAY_WINDOW : 0;
			 y < as.n && y <= x + RELAY_WINDOW; y++)
		{
			if (y == x || as.v[y].entity < 0)
				continue;
			if (r->subj_s >= as.v[y].cs && r->subj_s < as.v[y].ce &&
				(best < 0 || as.v[y].ce - as.v[y].cs < as.v[best].ce - as.v[best].cs))
				best = y;
		}
		if (best >= 0 && as.v[best].entity != r->entity)
			r->channel = as.v[best].entity;
	}

	/* emit in content order */
	if (as.n > 1)
		qsort(as.v, as.n, sizeof(Attr), attr_order);
	for (int x = 0; x < as.n; x++)
	{
		int			qi;

		/* a work's title or a cited excerpt is no quote, speaker or not */
		if (as.v[x].kind == DIPLO_QUOTE_DIRECT && as.v[x].span >= 0 &&
			(work_title(t, &qs->span[as.v[x].span]) ||
			 cited_excerpt(t, &qs->span[as.v[x].span])))
			continue;
		qi = emit(at, t, &as.v[x]);

		if (qi >= 0 && as.v[x].colon_cue && colon_cue && !at->q[qi].cue)
		{
			at->q[qi].cue = colon_cue;
			at->q[qi].cue_start = colon_cue_start;
			at->q[qi].cue_len = colon_cue_len;
			colon_cue = NULL;
		}
		if (qi < 0 || as.v[x].span < 0)
			continue;
		if (qs->span[as.v[x].span].flags & DIPLO_QS_CONTINUES)
		{
			/* back-fill the earlier pieces of the chain */
			if (at->chain_first >= 0 && at->q[qi].speaker >= 0)
				for (int p = at->chain_first; p < first_new; p++)
				{
					DiploQuote *q = &at->q[p];

					if (q->speaker < 0 || (q->speaker == at->q[qi].speaker && !q->cue))
						q->speaker = at->q[qi].speaker;
					else
						continue;
					if (!q->cue && at->q[qi].cue)
					{
						q->cue = diplo_strndup(a, at->q[qi].cue, strlen(at->q[qi].cue));
						q->cue_start = at->q[qi].cue_start;
						q->cue_len = at->q[qi].cue_len;
					}
				}
		}
	}
	at->last_speaker = at->nq > first_new ? at->q[at->nq - 1].speaker : -1;
	/* a quote left open goes on in the next paragraph */
	at->chain_last = -1;
	if (qs->n > 0 && (qs->span[qs->n - 1].flags & DIPLO_QS_UNCLOSED))
	{
		for (int p = at->nq - 1; p >= first_new; p--)
			if (at->q[p].kind == DIPLO_QUOTE_DIRECT &&
				at->q[p].content_start == t->tok[qs->span[qs->n - 1].first].cstart)
			{
				at->chain_last = p;
				break;
			}
		if (!(qs->span[qs->n - 1].flags & DIPLO_QS_CONTINUES) || at->chain_first < 0)
			at->chain_first = at->chain_last;
	}
	else
		at->chain_first = -1;
	diplo_free(a, colon_cue);
	at->attrs = as.v;
	at->attrs_cap = as.cap;
}

/* Free the quotes that were not handed over, and the scratch. */
void
diplo_attrib_free(DiploAttrib *at)
{
	diplo_free(at->a, at->colon_cue);
	at->colon_cue = NULL;
	diplo_free(at->a, at->tok_scratch);
	diplo_free(at->a, at->in_reported);
	diplo_free(at->a, at->span_attr);
	diplo_free(at->a, at->attrs);
	diplo_free(at->a, at->pos);
	at->pos = NULL;
	at->pos_cap = 0;
	at->tok_scratch = NULL;
	at->in_reported = NULL;
	at->span_attr = NULL;
	at->attrs = NULL;
	at->tok_cap = at->span_cap = at->attrs_cap = 0;
	for (int k = 0; k < at->nq; k++)
	{
		diplo_free(at->a, at->q[k].cue);
		diplo_free(at->a, at->q[k].content);
	}
	diplo_free(at->a, at->q);
	at->q = NULL;
	at->nq = 0;
}
