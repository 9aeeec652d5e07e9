/*
 * diplo_mention.c
 *		Mentions of possible speakers: a small noun-phrase reader over the
 *		tokens of a paragraph and the lexicon.
 */
#include "diplo_mention.h"

#include <string.h>
#include <strings.h>

#include "diplo_config.h"

/*
 * The longest organisation at token k, of the lexicon or of the
 * configuration (which wins a tie: it adds knowledge); *len its words.
 */
static inline const DiploOrg *
mention_org(const DiploTokens *t, int k, int *len)
{
	const DiploOrg *o = diplo_lex_org(t->words, t->n, k, len);

	if (t->config != NULL)
	{
		int			clen = 0;
		const DiploOrg *co = diplo_config_org(t->config, t->words, t->n, k,
											  &clen);

		if (co != NULL && clen >= *len)
		{
			*len = clen;
			return co;
		}
	}
	return o;
}

/* Closed-class words that never start or belong to a name. */
static const char *const function_words[] = {
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his",
	"her", "its", "their", "our", "my", "your", "this", "that", "these",
	"those", "there", "here", "but", "and", "or", "nor", "so", "yet", "in",
	"on", "at", "by", "for", "with", "from", "to", "of", "as", "after",
	"before", "during", "when", "while", "if", "since", "until", "although",
	"though", "because", "meanwhile", "however", "regarding", "despite",
	"under", "over", "about", "also", "then", "now", "today", "yesterday",
	"tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "january", "february", "march", "april", "june",
	"july", "august", "september", "october", "november", "december", "not",
	"no", "yes", "what", "who", "why", "how", "where", "which", "all",
	"some", "many", "most", "more", "other", "such", "both", "each", "every",
	"any", "one", "two", "three", "is", "was", "are", "were", "be", "been",
	"has", "have", "had", "will", "would", "can", "could", "should", "may",
	"might", "must", "do", "does", "did", "let", "like", "just", "only",
	"even", "still", "again", "last", "first", "next", "according", "via",
	"mr", "ms", "mrs", "photo", "photos", "file", "read", "watch", "video",
	"update", "breaking", "exclusive", "opinion", "analysis", "editor",
	"note", "see", "also", "thus", "instead", "indeed", "already", "once",
	"later", "earlier", "having", "nobody", "everybody", "everyone",
	"someone", "somebody", "anyone", "anybody", "nothing", "everything",
	NULL
};

static DiploWordSet function_words_set = DIPLO_WORDSET(function_words);

/* Determiners and possessives that open a noun phrase. */
static const char *const determiners[] = {
	"the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "another", NULL
};

static DiploWordSet determiners_set = DIPLO_WORDSET(determiners);

/* Lowercase words that can open a mention without being in the lexicon. */
static const char *const mention_openers[] = {
	"he", "she", "it", "they", "both", "counterpart", "counterparts",
	"the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "another", NULL
};

static DiploWordSet mention_openers_set = DIPLO_WORDSET(mention_openers);

/* Adjectives allowed between a determiner and a role noun. */
static const char *const role_modifiers[] = {
	"top", "senior", "former", "chief", "new", "acting", "then", "outgoing",
	"incoming", "visiting", "current", "deputy", "longtime", "veteran",
	"two", "three", "both", "other", "same", "own", "official", "joint",
	"brief", "written", "separate", "earlier", "latest", NULL
};

static DiploWordSet role_modifiers_set = DIPLO_WORDSET(role_modifiers);

/* Capitalised modifiers that open a mention before a name ("Former Obama aide X") */
static const char *const leading_modifiers[] = {
	"former", "longtime", "veteran", "outgoing", "incoming", NULL
};

static DiploWordSet leading_modifiers_set = DIPLO_WORDSET(leading_modifiers);

/*
 * Verbs that look like descriptors between a name and a title ("Obama met
 * President X"); cue verbs (cues.tsv) are no descriptors already
 */
static const char *const descriptor_verbs[] = {
	"met", "beat", "hit", "led", "won", "took", "sent", "left", "saw",
	"gave", "made", "became", "let", "set", "meets", "visits", "joins",
	"hosts", "backs", "include", NULL
};

static DiploWordSet descriptor_verbs_set = DIPLO_WORDSET(descriptor_verbs);

/* Party words that describe the person named after them ("Democratic nominee") */
static const char *const party_words[] = {
	"democratic", "republican", "democrat", "gop", "presumptive", "libertarian",
	NULL
};

static DiploWordSet party_words_set = DIPLO_WORDSET(party_words);

/* Is token i a word that cannot be part of a name (The, In, said ...)? */
bool
diplo_is_function_word(const DiploTokens *t, int i)
{
	return diplo_tok_in_set(t, i, &function_words_set);
}

/* Is token i a possessive 's? */
static inline bool
is_possessive(const DiploTokens *t, int i)
{
	if (i < 0 || i >= t->n || t->tok[i].flags & DIPLO_TF_SPACE)
		return false;
	return diplo_tok_is(t, i, "'s") || diplo_tok_is(t, i, "\xE2\x80\x99s");
}

/* Does word w end in a contraction ("I'm", "They’re", "We've", "Don't"), no name? */
static bool
contraction(const DiploWord *w)
{
	static const char *const tails[] = {"m", "re", "ve", "ll", "d", "t", NULL};

	for (int a = w->len - 1; a > 0 && a >= w->len - 5; a--)
	{
		int			tail;

		if (w->s[a] == '\'')
			tail = a + 1;
		else if (a >= 2 && (unsigned char) w->s[a] == 0x99 &&
				 (unsigned char) w->s[a - 1] == 0x80 && (unsigned char) w->s[a - 2] == 0xE2)
			tail = a + 1;
		else
			continue;
		for (int j = 0; tails[j]; j++)
			if ((int) strlen(tails[j]) == w->len - tail &&
				strncmp(w->s + tail, tails[j], w->len - tail) == 0)
				return true;
		return false;
	}
	return false;
}

/* Does word w end like a manner adverb ("Resoundingly", "Fully", "Strongly"), no name? */
static bool
manner_adverb(const DiploWord *w)
{
	static const char *const tails[] = {
		"ngly", "ously", "fully", "ently", "antly", "ately", "ively", "edly",
		"ctly", "ckly", "rply", "icly", "rmly", NULL
	};

	/* every tail ends in "ly": the common case leaves here */
	if (w->len < 5 || (w->s[w->len - 1] | 0x20) != 'y' || (w->s[w->len - 2] | 0x20) != 'l')
		return false;
	for (int j = 0; tails[j]; j++)
	{
		int			n = (int) strlen(tails[j]);

		if (w->len >= n &&
			strncasecmp(w->s + w->len - n, tails[j], n) == 0)
			return true;
	}
	return false;
}

/* Plural common nouns that are no names when they open a sentence ("People say"). */
static const char *const common_plurals[] = {
	"people", "voters", "workers", "attorneys", "lawyers", "officials",
	"analysts", "experts", "critics", "supporters", "protesters",
	"residents", "lawmakers", "aides", "advisers", "sources", "observers",
	"economists", "activists", "superdelegates", "delegates", "polling",
	"polls", "surveys", "donors", "students", "parents", "citizens", NULL
};

static DiploWordSet common_plurals_set = DIPLO_WORDSET(common_plurals);

/* Is token i a plural common noun that is no name opening a sentence? */
bool
diplo_is_common_plural(const DiploTokens *t, int i)
{
	return i >= 0 && i < t->n && (t->tok[i].flags & DIPLO_TF_SENT_START) &&
		!(t->tok[i].flags & DIPLO_TF_ALLCAPS) && diplo_tok_in_set(t, i, &common_plurals_set);
}

/* Is token i a capitalised manner adverb ("Resoundingly"), no name word? */
bool
diplo_is_manner_adverb(const DiploTokens *t, int i)
{
	return i >= 0 && i < t->n && t->tok[i].kind == DIPLO_TOK_WORD &&
		(t->tok[i].flags & DIPLO_TF_CAP) && manner_adverb(&t->words[i]);
}

/* name_word past its first test (a capitalised word). */
static bool
name_word_checked(const DiploTokens *t, int i)
{
	const DiploToken *tk = &t->tok[i];

	/*
	 * "Will Doyle", "May Chen": a first name spelled like a function word,
	 * not before a verb in a title-case headline ("Americans Will Say No")
	 */
	if (diplo_is_function_word(t, i) && !(tk->flags & DIPLO_TF_ALLCAPS) &&
		!((diplo_tok_is(t, i, "will") || diplo_tok_is(t, i, "may")) &&
		  !(tk->flags & DIPLO_TF_SENT_START) && i + 1 < t->n &&
		  t->tok[i + 1].kind == DIPLO_TOK_WORD && (t->tok[i + 1].flags & DIPLO_TF_CAP) &&
		  !diplo_is_function_word(t, i + 1) && diplo_tok_cue(t, i + 1) == NULL))
		return false;
	/* "COVID-related", "Pakistan-based": adjectives, not names */
	{
		const char *h = memchr(t->words[i].s, '-', t->words[i].len);

		if (h && h + 1 < t->words[i].s + t->words[i].len && h[1] >= 'a' && h[1] <= 'z')
			return false;
	}
	if (diplo_tok_cue(t, i) != NULL && !(tk->flags & DIPLO_TF_ALLCAPS))
		return false;
	if (contraction(&t->words[i]))
		return false;
	/* "GOP Candidates Resoundingly Reject", "But He Fully Supported One" */
	if (manner_adverb(&t->words[i]))
		return false;
	if (diplo_is_common_plural(t, i))
		return false;
	return true;
}

/* Can token i be a word of a name? */
static inline bool
name_word(const DiploTokens *t, int i)
{
	if (i >= t->n || t->tok[i].kind != DIPLO_TOK_WORD ||
		!(t->tok[i].flags & DIPLO_TF_CAP))
		return false;
	return name_word_checked(t, i);
}

/* The words of name_particle. */
static const char *const name_particles[] = {
	"bin", "ibn", "de", "da", "del", "della", "di", "du", "van", "von",
	"der", "den", "la", "le", "al", "el", "ul", NULL
};

static DiploWordSet name_particles_set = DIPLO_WORDSET(name_particles);

/* Name particles allowed inside a name: "bin", "de", "van" ... */
static bool
name_particle(const DiploTokens *t, int i)
{
	return i < t->n && (t->tok[i].flags & DIPLO_TF_LOWER) &&
		diplo_tok_in_set(t, i, &name_particles_set);
}

/*
 * Is the one capitalised word at k a sentence opener rather than a name:
 * an adverb or participle before a comma ("Initially,", "Back,"), a word
 * in -ly or a headline label ("UPDATE:")?
 */
static bool
sentence_opener(const DiploTokens *t, int k)
{
	const DiploWord *w = &t->words[k];

	if ((t->tok[k].flags & DIPLO_TF_ALLCAPS) && w->len > 4 && k + 1 < t->n &&
		t->tok[k + 1].kind == DIPLO_TOK_PUNCT && t->text[t->tok[k + 1].start] == ':')
		return true;
	if (!(t->tok[k].flags & DIPLO_TF_SENT_START))
		return false;
	if (w->len > 4 && w->s[w->len - 2] == 'l' && w->s[w->len - 1] == 'y')
		return true;
	/* "Following an animated meeting, X ...", "Contributing: X" */
	if (w->len > 4 && w->s[w->len - 3] == 'i' && w->s[w->len - 2] == 'n' &&
		w->s[w->len - 1] == 'g' && k + 1 < t->n &&
		((t->tok[k + 1].kind == DIPLO_TOK_PUNCT && t->text[t->tok[k + 1].start] == ':') ||
		 ((t->tok[k + 1].flags & DIPLO_TF_LOWER) && diplo_is_function_word(t, k + 1))))
		return true;
	return k + 1 < t->n && t->tok[k + 1].kind == DIPLO_TOK_PUNCT &&
		t->text[t->tok[k + 1].start] == ',' &&
		(w->len > 3 && ((w->s[w->len - 3] == 'i' && w->s[w->len - 2] == 'n' &&
						 w->s[w->len - 1] == 'g') || diplo_is_function_word(t, k)));
}

/* Read a capitalised name run at k; returns its end (k if none). */
static int
name_run(const DiploTokens *t, int k)
{
	int			e = k;

	while (e < t->n && e - k < 7)
	{
		int			m;

		if (name_word(t, e))
		{
			const DiploTitle *ti = e > k ? diplo_lex_title(t->words, t->n, e, &m) : NULL;

			/* a title that is also a surname ends a name: "Peter T. King" */
			if (ti && ti->surname && m == 1 && !name_word(t, e + 1) &&
				(!(t->tok[e - 1].flags & DIPLO_TF_ALLCAPS) ||
				 (t->tok[e - 1].flags & DIPLO_TF_INITIAL)))
				ti = NULL;
			/* a title or an organisation starts a new phrase */
			else if (ti)
				break;
			if (e > k && mention_org(t, e, &m))
				break;
			e++;
			if (is_possessive(t, e))
				break;
			continue;
		}
		if (e > k && name_particle(t, e) && name_word(t, e + 1))
		{
			e++;
			continue;
		}
		/* a capitalised verb that heads organisation names ends one ("Huffington Post") */
		if (e > k && (t->tok[e].flags & DIPLO_TF_CAP) &&
			!(t->tok[e].flags & (DIPLO_TF_ALLCAPS | DIPLO_TF_SENT_START)) &&
			diplo_lex_org_head(t->words[e]) && diplo_tok_cue(t, e) != NULL)
			e++;
		break;
	}
	return e;
}

/* The place (country name, demonym or capital) at k, and its length. */
static const DiploCountry *
place_at(const DiploTokens *t, int k, int *len)
{
	DiploPlaceKind pk;

	*len = 0;
	if (k >= t->n || t->tok[k].kind != DIPLO_TOK_WORD)
		return NULL;
	return diplo_lex_place(t->words, t->n, k, len, &pk);
}

/* The country named anywhere in tokens [s, e), or NULL. */
static const DiploCountry *
place_within(const DiploTokens *t, int s, int e)
{
	for (int k = s; k < e; k++)
	{
		int			len;
		const DiploCountry *c = place_at(t, k, &len);

		if (c)
			return c;
	}
	return NULL;
}

/* Is the role of this title a spokesperson (who stands for an organisation)? */
static bool
is_spokes_title(const DiploTitle *ti)
{
	return ti && ti->speaks_for_org;
}

/*
 * A person's "of <country>" after the name at e ("Ana Ruiz of Spain"):
 * takes the country into m and returns the new end, or e.
 */
static int
of_country_suffix(const DiploTokens *t, int e, DiploMention *m)
{
	int			len;
	const DiploCountry *c;

	if (!diplo_tok_is(t, e, "of") || !(t->tok[e].flags & DIPLO_TF_LOWER))
		return e;
	c = place_at(t, e + 1, &len);
	if (!c || is_possessive(t, e + 1 + len) ||
		(e + 1 + len < t->n && (t->tok[e + 1 + len].flags & DIPLO_TF_CAP) &&
		 t->tok[e + 1 + len].kind == DIPLO_TOK_WORD))
		return e;
	if (!m->country)
		m->country = c;
	return e + 1 + len;
}

/* The foreign ministry of the lexicon (for "a spokesman for the ministry"). */
static const DiploOrg *
foreign_ministry(void)
{
	static const DiploOrg *org;
	static bool done;

	if (!done)
	{
		DiploWord	w[2] = {{"Foreign", 7, 0}, {"Ministry", 8, 0}};
		int			len;

		org = diplo_lex_org(w, 2, 0, &len);
		done = true;
	}
	return org;
}

/*
 * Can token i describe the person named after it ("campaign", "top",
 * "Angeles-based") without being a verb of the sentence ("visited")?
 */
static bool
descriptor_word(const DiploTokens *t, int i)
{
	const DiploWord *w = &t->words[i];
	const char *h;

	if (t->tok[i].kind != DIPLO_TOK_WORD || diplo_is_function_word(t, i) ||
		diplo_tok_cue(t, i) != NULL)
		return false;
	/* "Los Angeles-based", "Pulitzer Prize-winning" */
	h = memchr(w->s, '-', w->len);
	if (h && h + 1 < w->s + w->len && h[1] >= 'a' && h[1] <= 'z')
		return true;
	if (!(t->tok[i].flags & DIPLO_TF_LOWER) || diplo_tok_in_set(t, i, &descriptor_verbs_set))
		return false;
	return !(w->len > 3 && w->s[w->len - 2] == 'e' && w->s[w->len - 1] == 'd');
}

/*
 * May a mention start at token i?  Not at a token that is no word, nor at a
 * small word that can start no mention (the common case).
 */
static inline bool
mention_may_start(const DiploTokens *t, int i)
{
	if (t->tok[i].kind != DIPLO_TOK_WORD)
		return false;
	return (t->tok[i].flags & DIPLO_TF_CAP) ||
		diplo_lex_may_start_phrase(&t->words[i]) ||
		diplo_tok_in_set(t, i, &mention_openers_set);
}

/* Read a mention at token i into m; returns its end, or i if none. */
static int
parse_mention(const DiploTokens *t, int i, DiploMention *m)
{
	int			k = i;
	bool		hasdet = false;
	bool		modified = false;
	int			len;
	int			tlen = 0,
				olen = 0;
	const DiploTitle *ti;
	const DiploOrg *org;

	memset(m, 0, sizeof(*m));
	m->start = i;
	m->name_start = m->name_end = -1;
	if (!mention_may_start(t, i))
		return i;
	if (t->words[i].len <= 4 &&
		(diplo_tok_is(t, i, "he") || diplo_tok_is(t, i, "she") ||
		 diplo_tok_is(t, i, "they") || diplo_tok_is(t, i, "it")))
	{
		m->kind = DIPLO_MEN_PRONOUN;
		m->pronoun = (diplo_tok_is(t, i, "he") || diplo_tok_is(t, i, "she")) ? 'h' :
			diplo_tok_is(t, i, "they") ? 't' : 'i';
		m->person_like = m->pronoun == 'h';
		m->plural = m->pronoun == 't';
		return i + 1;
	}
	/* "said that Halvorsen ...": a conjunction, not a determiner */
	if (diplo_tok_is(t, k, "that") && k + 1 < t->n && (t->tok[k + 1].flags & DIPLO_TF_CAP))
		return i;
	if (diplo_tok_in_set(t, k, &determiners_set))
	{
		hasdet = true;
		k++;
	}
	/* "the two officials", "both sides" */
	if ((hasdet && (diplo_tok_is(t, k, "two") || diplo_tok_is(t, k, "three"))) ||
		(!hasdet && diplo_tok_is(t, k, "both")))
	{
		if (k + 1 < t->n && t->tok[k + 1].kind == DIPLO_TOK_WORD &&
			(t->tok[k + 1].flags & DIPLO_TF_LOWER) &&
			!diplo_tok_cue(t, k + 1))
		{
			m->kind = DIPLO_MEN_GROUP;
			m->plural = true;
			m->end = k + 2;
			return k + 2;
		}
	}
	/* "Former Obama spokesman X", "Longtime Clinton friend X" */
	if (!hasdet && (t->tok[k].flags & DIPLO_TF_CAP) && !(t->tok[k].flags & DIPLO_TF_ALLCAPS) &&
		diplo_tok_in_set(t, k, &leading_modifiers_set) && k + 1 < t->n &&
		t->tok[k + 1].kind == DIPLO_TOK_WORD)
	{
		int			q = k + 1;

		/* "Former prosecutor and New York City Mayor X", "Former prosecutor X" */
		while (q < t->n && q - k <= 3 && (t->tok[q].flags & DIPLO_TF_LOWER) &&
			   !diplo_lex_title(t->words, t->n, q, &tlen) && descriptor_word(t, q))
			q++;
		if (q > k + 1 && diplo_tok_is(t, q, "and"))
			q++;
		if (q < t->n && t->tok[q].kind == DIPLO_TOK_WORD && (t->tok[q].flags & DIPLO_TF_CAP))
		{
			k = q;
			modified = true;
		}
	}
	/* modifiers: places, possessive places, adjectives */
	for (int guard = 0; guard < 8 && k < t->n; guard++)
	{
		const DiploCountry *c;

		/*
		 * "The Washington Post", "the New York Times": an organisation of
		 * the lexicon whose name opens with a place or a modifier
		 */
		if ((t->tok[k].flags & DIPLO_TF_CAP) &&
			(org = mention_org(t, k, &olen)) != NULL &&
			olen >= 2 && org->kind != DIPLO_ORG_CHANNEL)
			break;
		c = place_at(t, k, &len);

		if (c)
		{
			if (is_possessive(t, k + len))
			{
				m->country = c;
				k += len + 1;
				modified = true;
				continue;
			}
			if (diplo_lex_title(t->words, t->n, k + len, &tlen) ||
				mention_org(t, k + len, &olen) ||
				diplo_tok_in_set(t, k + len, &role_modifiers_set) ||
				diplo_tok_is(t, k + len, "counterpart"))
			{
				m->country = c;
				k += len;
				modified = true;
				continue;
			}
			/* a place alone */
			if (!modified)
			{
				m->kind = DIPLO_MEN_PLACE;
				m->country = c;
				m->end = k + len;
				return k + len;
			}
			break;
		}
		if ((hasdet || modified) && diplo_tok_in_set(t, k, &role_modifiers_set) &&
			!diplo_lex_title(t->words, t->n, k, &tlen))
		{
			k++;
			modified = true;
			continue;
		}
		/*
		 * "Democratic front-runner Hillary Clinton", "the Republican
		 * nominee", "GOP Sen. X": a party word and lowercase descriptors
		 */
		if ((t->tok[k].flags & DIPLO_TF_CAP) && diplo_tok_in_set(t, k, &party_words_set))
		{
			int			q = k + 1;

			/* "Presumptive Democratic nominee X" */
			if (q < t->n && (t->tok[q].flags & DIPLO_TF_CAP) &&
				diplo_tok_in_set(t, q, &party_words_set))
			{
				k = q;
				modified = true;
				continue;
			}

			while (q < t->n && q - k <= 3 && t->tok[q].kind == DIPLO_TOK_WORD &&
				   (t->tok[q].flags & DIPLO_TF_LOWER) && !diplo_is_function_word(t, q) &&
				   !diplo_tok_cue(t, q))
				q++;
			if (q < t->n && (q > k + 1 || diplo_lex_title(t->words, t->n, q, &tlen)))
			{
				k = q;
				modified = true;
				continue;
			}
		}
		break;
	}
	if (k >= t->n)
		return i;
	if (diplo_tok_is(t, k, "counterpart") || diplo_tok_is(t, k, "counterparts"))
	{
		m->kind = DIPLO_MEN_ROLE;
		m->counterpart = true;
		m->person_like = true;
		m->end = k + 1;
		return k + 1;
	}
	ti = diplo_lex_title(t->words, t->n, k, &tlen);
	org = mention_org(t, k, &olen);
	if (org && (!ti || olen >= tlen))
	{
		k += olen;
		if (org->kind == DIPLO_ORG_CHANNEL)
		{
			m->kind = DIPLO_MEN_CHANNEL;
			m->channel = org;
			m->end = k;
			return k;
		}
		m->org = org;
		m->kind = DIPLO_MEN_ORG;
		{
			const DiploOrg *ch = mention_org(t, k, &olen);

			if (ch && ch->kind == DIPLO_ORG_CHANNEL)
			{
				m->kind = DIPLO_MEN_CHANNEL;
				m->channel = ch;
				m->end = k + olen;
				return k + olen;
			}
		}
		ti = diplo_lex_title(t->words, t->n, k, &tlen);
		if (ti && ti->kind != DIPLO_TITLE_HONORIFIC)
		{
			m->title = ti;
			k += tlen;
			if (name_run(t, k) > k)
			{
				m->kind = DIPLO_MEN_NAME;
				m->name_start = k;
				m->name_end = name_run(t, k);
				m->person_like = true;
				m->end = m->name_end;
				return m->end;
			}
			m->person_like = true;	/* its spokesperson */
		}
		m->end = k;
		return k;
	}
	if (ti)
	{
		const DiploCountry *c;
		int			ntlen;

		/* "Mr. King said": a title word after an honorific and before no name is the name */
		if (ti->kind == DIPLO_TITLE_HONORIFIC && name_run(t, k + tlen) > k + tlen &&
			diplo_lex_title(t->words, t->n, k + tlen, &ntlen) &&
			name_run(t, k + tlen + ntlen) == k + tlen + ntlen)
		{
			m->kind = DIPLO_MEN_NAME;
			m->title = ti;
			m->name_start = k + tlen;
			m->name_end = name_run(t, k + tlen);
			m->person_like = true;
			m->end = of_country_suffix(t, m->name_end, m);
			return m->end;
		}
		/* titles, with places between them: "Pakistani Foreign Minister" */
		for (int guard = 0; ti && guard < 4; guard++)
		{
			const DiploOrg *o = mention_org(t, k, &olen);

			if (o && o->kind != DIPLO_ORG_CHANNEL && olen < tlen)
				m->org = o;
			c = place_within(t, k, k + tlen);
			if (c)
				m->country = c;
			m->title = ti;
			k += tlen;
			c = place_at(t, k, &len);
			if (c && diplo_lex_title(t->words, t->n, k + len, &tlen))
			{
				m->country = c;
				k += len;
			}
			ti = diplo_lex_title(t->words, t->n, k, &tlen);
			if (ti && ti->kind == DIPLO_TITLE_ROLE_NOUN)
				break;
		}
		/* two offices of one person: "former Gov. and DNC Chairman X" */
		if (!hasdet && diplo_tok_is(t, k, "and") && (t->tok[k].flags & DIPLO_TF_LOWER))
		{
			for (int p = k + 1; p < t->n && p <= k + 6; p++)
			{
				const DiploTitle *t2 = diplo_lex_title(t->words, t->n, p, &tlen);

				if (t2 && t2->kind != DIPLO_TITLE_HONORIFIC &&
					name_run(t, p + tlen) > p + tlen)
				{
					const DiploOrg *o = mention_org(t, k + 1, &olen);

					if (o && o->kind != DIPLO_ORG_CHANNEL && k + 1 + olen <= p)
						m->org = o;
					m->title = t2;
					k = p + tlen;
					break;
				}
				if (t->tok[p].kind != DIPLO_TOK_WORD || diplo_is_function_word(t, p) ||
					diplo_tok_cue(t, p) != NULL)
					break;
			}
		}
		if (name_run(t, k) > k)
		{
			m->kind = DIPLO_MEN_NAME;
			m->name_start = k;
			m->name_end = name_run(t, k);
			m->person_like = true;
			m->end = of_country_suffix(t, m->name_end, m);
			return m->end;
		}
		if (m->title->kind == DIPLO_TITLE_HONORIFIC)
			return i;
		/* "a spokesman for the ministry" */
		if ((diplo_tok_is(t, k, "for") || diplo_tok_is(t, k, "of") ||
			 diplo_tok_is(t, k, "at")) && k + 1 < t->n)
		{
			int			j = k + 1 + (diplo_tok_in_set(t, k + 1, &determiners_set) ? 1 : 0);
			const DiploOrg *o = mention_org(t, j, &olen);

			if (o && o->kind != DIPLO_ORG_CHANNEL)
			{
				m->org = o;
				k = j + olen;
			}
			else if (is_spokes_title(m->title) && diplo_tok_is(t, j, "ministry") &&
					 foreign_ministry())
			{
				m->org = foreign_ministry();
				k = j + 1;
			}
			else if ((c = place_at(t, j, &len)) != NULL)
			{
				m->country = c;
				k = j + len;
			}
		}
		m->person_like = true;
		m->kind = (m->org && is_spokes_title(m->title)) ? DIPLO_MEN_ORG : DIPLO_MEN_ROLE;
		{
			const DiploWord *w = &t->words[k - 1];

			m->plural = w->len > 3 && (w->s[w->len - 1] == 's') &&
				w->s[w->len - 2] != 's';
		}
		m->end = k;
		return k;
	}
	if (hasdet && !modified && !name_word(t, k))
		return i;
	{
		int			e = name_run(t, k);

		if (e == k || (e == k + 1 && sentence_opener(t, k)))
			return i;
		if (e == k + 1 && (t->tok[k].flags & DIPLO_TF_ALLCAPS) &&
			t->words[k].len <= 4 && !m->country)
		{
			m->kind = DIPLO_MEN_ACRONYM;
			m->name_start = k;
			m->name_end = e;
			m->end = e;
			return e;
		}
		m->kind = DIPLO_MEN_NAME;
		m->name_start = k;
		m->name_end = e;
		m->person_like = !diplo_lex_org_head(t->words[e - 1]);
		if (m->person_like && e - k >= 2)
			e = of_country_suffix(t, e, m);
		/* "Center for Responsive Politics", "Bureau of Labor Statistics" */
		else if (!m->person_like && e + 1 < t->n && (t->tok[e].flags & DIPLO_TF_LOWER) &&
				 (diplo_tok_is(t, e, "for") || diplo_tok_is(t, e, "of") ||
				  diplo_tok_is(t, e, "on")) &&
				 !place_at(t, e + 1, &len) && name_run(t, e + 1) > e + 1)
		{
			e = name_run(t, e + 1);
			m->name_end = e;
		}
		m->end = e;
		return e;
	}
}

/*
 * A modifier mention m ending at e followed by descriptors, a title and a
 * name ("Clinton campaign spokesman Brian Fallon", "Air Force 1st Lt. X",
 * "Fox News host X"): m becomes the named person, who keeps the modifier's
 * organisation or country; returns the new end, or e.
 */
static int
descriptor_chain(const DiploTokens *t, int e, DiploMention *m)
{
	DiploMention m2;
	int			p = e;
	int			tlen;
	int			e2;
	bool		lower = false;

	if (is_possessive(t, p))
		p++;
	for (int guard = 0;; guard++)
	{
		const DiploTitle *ti;

		if (p >= t->n || guard > 4)
			return e;
		if ((ti = diplo_lex_title(t->words, t->n, p, &tlen)) != NULL)
		{
			/* "Mr. Obama sees Mr. Netanyahu": a verb before an honorific */
			if (p > e && ti->kind == DIPLO_TITLE_HONORIFIC && ti->role == NULL)
				return e;
			break;
		}
		/* a possessive and a full name: "the Zionist Union Party's X Y" */
		if (p == e + 1 && is_possessive(t, e) && name_run(t, p) >= p + 2 && name_word(t, p))
		{
			e2 = parse_mention(t, p, &m2);
			if (e2 > p && m2.kind == DIPLO_MEN_NAME && m2.person_like && !m2.title)
				break;
			return e;
		}
		/* capitalised words before the lowercase ones: "American Unity Fund president X" */
		if (!lower && t->tok[p].kind == DIPLO_TOK_WORD && (t->tok[p].flags & DIPLO_TF_CAP) &&
			!diplo_is_function_word(t, p) && diplo_tok_cue(t, p) == NULL &&
			memchr(t->words[p].s, '-', t->words[p].len) == NULL)
		{
			p++;
			continue;
		}
		/* "Obama sees X", "the Syrian refugees President X": a verb or a plural */
		if (p == e && t->words[p].len > 3 && t->words[p].s[t->words[p].len - 1] == 's' &&
			t->words[p].s[t->words[p].len - 2] != 's')
			return e;
		lower = true;
		/* an ordinal: "1st Lt." */
		if (!descriptor_word(t, p) &&
			!(t->words[p].len >= 3 && t->words[p].len <= 4 &&
			  t->words[p].s[0] >= '1' && t->words[p].s[0] <= '9' &&
			  t->words[p].s[t->words[p].len - 1] >= 'a'))
			return e;
		p++;
	}
	e2 = parse_mention(t, p, &m2);
	if (e2 <= p || m2.kind != DIPLO_MEN_NAME || m2.name_start < 0)
		return e;
	if (!m2.org && m->kind == DIPLO_MEN_ORG)
		m2.org = m->org;
	if (!m2.country)
		m2.country = m->country;
	m2.start = m->start;
	*m = m2;
	return e2;
}

/*
 * A mention opening with lowercase descriptors before a lowercase title and
 * a name ("according to election lawyer X", "campaign spokesman X"): its
 * end, or i.
 */
static int
lowercase_chain(const DiploTokens *t, int i, DiploMention *m)
{
	int			p = i;
	int			tlen;
	int			e;

	/* cheap test first: two or more lowercase words, then a capital */
	while (p < t->n && p - i < 4 && t->tok[p].kind == DIPLO_TOK_WORD &&
		   (t->tok[p].flags & DIPLO_TF_LOWER))
		p++;
	if (p - i < 2 || p >= t->n || !(t->tok[p].flags & DIPLO_TF_CAP))
		return i;
	p = i;
	if (i > 0 && t->tok[i - 1].kind == DIPLO_TOK_WORD &&
		!diplo_is_function_word(t, i - 1) && !diplo_tok_cue(t, i - 1))
		return i;
	while (p < t->n && p - i < 3 && descriptor_word(t, p) &&
		   diplo_lex_title(t->words, t->n, p, &tlen) == NULL)
		p++;
	if (p == i || p >= t->n || !(t->tok[p].flags & DIPLO_TF_LOWER) ||
		diplo_lex_title(t->words, t->n, p, &tlen) == NULL)
		return i;
	e = parse_mention(t, p, m);
	if (e <= p || m->kind != DIPLO_MEN_NAME || m->name_start < 0)
		return i;
	m->start = i;
	return e;
}

/*
 * An alias of an actor of the configuration at token i (capitalised, not a
 * lowercase word) where the reader found no mention, a shorter one or
 * another kind of mention of no more words ("Jordan" of "Jordan Vale"):
 * m becomes the actor's name; returns the mention's end (e if no alias).
 */
static int
actor_alias_mention(const DiploTokens *t, int i, int e, DiploMention *m)
{
	int			len = 0;
	int			actor;

	if (t->tok[i].kind != DIPLO_TOK_WORD || (t->tok[i].flags & DIPLO_TF_LOWER))
		return e;
	actor = diplo_config_actor_at(t->config, t->words, t->n, i, &len);
	if (actor < 0 || len <= 0)
		return e;
	if (!(e <= i || i + len > e || (m->kind != DIPLO_MEN_NAME && i + len >= e)))
		return e;
	memset(m, 0, sizeof(*m));
	m->kind = DIPLO_MEN_NAME;
	m->start = m->name_start = i;
	m->end = m->name_end = i + len;
	m->person_like = true;
	m->actor = actor + 1;
	return i + len;
}

/*
 * A name mention m (ending at e) that is an actor's alias, from its name
 * words or from its first word ("Pope Francis"): m gets the actor.  A
 * longer name that begins with an alias ("Kim Jong Un" for an alias "Kim")
 * is someone else.  Returns the mention's end.
 */
static int
actor_name_mention(const DiploTokens *t, int e, DiploMention *m)
{
	int			len = 0;
	int			actor;

	if (m->name_start < 0 || m->name_end <= m->name_start)
		return e;
	actor = diplo_config_actor_at(t->config, t->words, t->n, m->name_start, &len);
	if (actor >= 0 && m->name_start + len == m->name_end)
	{
		m->actor = actor + 1;
		m->person_like = true;
		return e;
	}
	if (m->start < m->name_start &&
		(actor = diplo_config_actor_at(t->config, t->words, t->n, m->start,
									   &len)) >= 0 &&
		m->start + len == m->name_end)
	{
		m->actor = actor + 1;
		m->person_like = true;
	}
	return e;
}

/* Append a mention. */
static void
push_mention(const DiploAllocator *a, DiploMentions *ms, const DiploMention *m)
{
	if (ms->n == ms->cap)
	{
		int			ncap = ms->cap ? ms->cap * 2 : 16;

		ms->m = diplo_realloc(a, ms->m, sizeof(DiploMention) * ncap);
		ms->cap = ncap;
	}
	ms->m[ms->n++] = *m;
}

/* Find the mentions of a paragraph, left to right, without overlaps. */
void
diplo_find_mentions(const DiploAllocator *a, const DiploTokens *t,
					DiploMentions *out)
{
	int			i = 0;
	const struct DiploConfig *cfg = t->config;

	out->n = 0;
	if (out->tok_cap < t->n)
	{
		out->start_at = diplo_realloc(a, out->start_at, sizeof(int) * t->n);
		out->end_at = diplo_realloc(a, out->end_at, sizeof(int) * t->n);
		out->tok_cap = t->n;
	}
	for (int k = 0; k < t->n; k++)
		out->start_at[k] = out->end_at[k] = -1;
	while (i < t->n)
	{
		DiploMention m;
		int			e;

		diplo_check_interrupts(a);
		/* parse_mention finds nothing where no mention may start */
		e = mention_may_start(t, i) ? parse_mention(t, i, &m) : i;
		if (e <= i)
			e = lowercase_chain(t, i, &m);
		if (cfg != NULL)
			e = actor_alias_mention(t, i, e, &m);
		if (e <= i)
		{
			i++;
			continue;
		}
		if (m.kind == DIPLO_MEN_NAME || m.kind == DIPLO_MEN_ORG ||
			m.kind == DIPLO_MEN_PLACE || m.kind == DIPLO_MEN_ACRONYM ||
			m.kind == DIPLO_MEN_CHANNEL)
			e = descriptor_chain(t, e, &m);
		if (cfg != NULL && m.kind == DIPLO_MEN_NAME && m.actor == 0)
			e = actor_name_mention(t, e, &m);
		m.end = e;
		out->start_at[i] = out->n;
		out->end_at[e - 1] = out->n;
		push_mention(a, out, &m);
		i = e;
	}
}

/* Fill out with n mentions found before in a paragraph of ntok tokens. */
void
diplo_mentions_restore(const DiploAllocator *a, DiploMentions *out, int ntok,
					   const DiploMention *m, int n)
{
	out->n = 0;
	if (out->tok_cap < ntok)
	{
		out->start_at = diplo_realloc(a, out->start_at, sizeof(int) * ntok);
		out->end_at = diplo_realloc(a, out->end_at, sizeof(int) * ntok);
		out->tok_cap = ntok;
	}
	for (int k = 0; k < ntok; k++)
		out->start_at[k] = out->end_at[k] = -1;
	for (int k = 0; k < n; k++)
	{
		out->start_at[m[k].start] = out->n;
		out->end_at[m[k].end - 1] = out->n;
		push_mention(a, out, &m[k]);
	}
}

/* The mention whose last token is i, or -1. */
int
diplo_mention_ending_at(const DiploMentions *ms, int i)
{
	return i >= 0 ? ms->end_at[i] : -1;
}

/* Free a paragraph's mention list. */
void
diplo_mentions_free(const DiploAllocator *a, DiploMentions *ms)
{
	diplo_free(a, ms->m);
	diplo_free(a, ms->start_at);
	diplo_free(a, ms->end_at);
	memset(ms, 0, sizeof(*ms));
}
