/*
 * diplo_coref.c
 *		Entity clustering and mention resolution within one article.
 */
#include "diplo_coref.h"

#include <stdio.h>
#include <string.h>

#include "diplo_config.h"
#include "diplo_text.h"

/* Start an empty entity table. */
void
diplo_coref_init(DiploCoref *c, const DiploAllocator *a)
{
	memset(c, 0, sizeof(*c));
	c->a = a;
	for (int i = 0; i < 256; i++)
		c->hash[i] = -1;
	c->last_subject = c->last_person_subject = c->last_org_subject = -1;
	c->date = DIPLO_NO_DATE;
}

/* Hash of a lowercase string into the surname table. */
static int
hash_of(const char *s)
{
	unsigned	h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char) *s) * 16777619u;
	return (int) (h & 255);
}

/* A lowercase copy (ASCII folded) of word w without a trailing period. */
static char *
lower_word(const DiploAllocator *a, DiploWord w)
{
	char	   *r = diplo_text_copy(a, w.s, 0, (size_t) w.len);

	for (char *p = r; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char) (*p - 'A' + 'a');
	return r;
}

/* Is this name word an initial ("J.")? */
static bool
is_initial(const DiploTokens *t, int i)
{
	return (t->tok[i].flags & DIPLO_TF_INITIAL) != 0;
}

/*
 * The name words of m joined by spaces, initials left out; *nwords their
 * count.  With fold_caps, a word of five or more capitals is written as a name
 * ("SECRETARY BLINKEN:" of a transcript names Blinken).
 */
static char *
name_text(const DiploAllocator *a, const DiploTokens *t, int s, int e,
		  int *nwords, bool fold_caps)
{
	size_t		total = 1;
	char	   *r;
	size_t		o = 0;

	*nwords = 0;
	for (int i = s; i < e; i++)
		total += t->words[i].len * 3 + 1;
	r = diplo_alloc(a, total);
	for (int i = s; i < e; i++)
	{
		char	   *w;

		if (is_initial(t, i) && e - s > 1)
			continue;
		w = diplo_text_copy(a, t->words[i].s, 0, (size_t) t->words[i].len);
		if (fold_caps && (t->tok[i].flags & DIPLO_TF_ALLCAPS) && t->words[i].len >= 5)
			for (char *p = w + 1; *p; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char) (*p - 'A' + 'a');
		/* an elision stays joined to its word: "D'Alema", "N'Golo" */
		if (o && !(!(t->tok[i].flags & DIPLO_TF_SPACE) &&
				   (r[o - 1] == '\'' ||
					(o >= 3 && (unsigned char) r[o - 3] == 0xE2 &&
					 (unsigned char) r[o - 2] == 0x80 &&
					 (unsigned char) r[o - 1] == 0x99))))
			r[o++] = ' ';
		memcpy(r + o, w, strlen(w));
		o += strlen(w);
		diplo_free(a, w);
		(*nwords)++;
	}
	r[o] = '\0';
	return r;
}

/* Bounded edit distance between two short strings (larger than 9 if long). */
static int
edit_distance(const char *x, const char *y)
{
	int			lx = (int) strlen(x),
				ly = (int) strlen(y);
	int			prev[33],
				cur[33];

	if (lx > 32 || ly > 32)
		return strcmp(x, y) == 0 ? 0 : 99;
	for (int j = 0; j <= ly; j++)
		prev[j] = j;
	for (int i = 1; i <= lx; i++)
	{
		cur[0] = i;
		for (int j = 1; j <= ly; j++)
		{
			int			d = prev[j - 1] + (x[i - 1] != y[j - 1]);

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, sizeof(int) * (ly + 1));
	}
	return prev[ly];
}

/* Are two first names the same person's (equal, or a spelling variant)? */
static bool
similar_first(const char *x, const char *y)
{
	if (strcmp(x, y) == 0)
		return true;
	if (x[0] != y[0] || strlen(x) < 3 || strlen(y) < 3)
		return false;
	return edit_distance(x, y) <= 2;
}

/* Append a new entity; -1 when the table is full. */
static int
add_entity(DiploCoref *c, DiploSpeakerType type, char *name, int64_t pos)
{
	DiploEntity *e;

	if (c->n >= DIPLO_MAX_ENTITIES)
	{
		diplo_free(c->a, name);
		return -1;
	}
	if (c->n == c->cap)
	{
		int			ncap = c->cap ? c->cap * 2 : 8;

		c->ent = diplo_realloc(c->a, c->ent, sizeof(DiploEntity) * ncap);
		c->cap = ncap;
	}
	e = &c->ent[c->n];
	memset(e, 0, sizeof(*e));
	e->type = type;
	e->name = name;
	e->first_pos = e->last_pos = pos;
	e->hash_next = -1;
	return c->n++;
}

/* Take role, country and organisation from mention m into entity e. */
static void
absorb(DiploCoref *c, int e, const DiploMention *m, int64_t pos)
{
	DiploEntity *en = &c->ent[e];

	if (m->title && m->title->role && !en->role &&
		m->title->kind != DIPLO_TITLE_ROLE_NOUN)
	{
		en->role = m->title->role;
		en->org_kind = m->title->org_kind;
	}
	if (m->country && !en->country)
		en->country = m->country->name;
	if (m->person_like)
		en->person_like = true;
	if (pos > en->last_pos)
		en->last_pos = pos;
	en->nmentions++;
}

/* The gender an honorific before the name of m tells ('m', 'f'), or 0. */
static char
honorific_gender(const DiploTokens *t, const DiploMention *m)
{
	for (int k = m->start; k < m->name_start; k++)
	{
		if (diplo_tok_is(t, k, "mr") || diplo_tok_is(t, k, "mr."))
			return 'm';
		if (diplo_tok_is(t, k, "mrs") || diplo_tok_is(t, k, "ms") ||
			diplo_tok_is(t, k, "mrs.") || diplo_tok_is(t, k, "ms."))
			return 'f';
	}
	return 0;
}

/* A lowercase copy (ASCII folded) of s[0..len). */
static char *
lower_copy(const DiploAllocator *a, const char *s, size_t len)
{
	char	   *r = diplo_strndup(a, s, len);

	for (char *p = r; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char) (*p - 'A' + 'a');
	return r;
}

/*
 * Find or make the entity of actor (an index into the configuration),
 * named by its canonical name, with the role, organisation and country of
 * its role on the publication date (none that day: the country of its
 * latest role only); pos is the mention's offset.
 */
static int
actor_entity(DiploCoref *c, int actor, int64_t pos)
{
	const char *name = diplo_config_actor_name(c->config, actor);
	const DiploConfigRole *r;
	const char *sp;
	int			e;
	int			nwords = 1;

	if (name == NULL)
		return -1;
	for (e = 0; e < c->n; e++)
		if (c->ent[e].actor == actor + 1)
			return e;
	e = add_entity(c, DIPLO_SPEAKER_PERSON, diplo_strndup(c->a, name, strlen(name)),
				   pos);
	if (e < 0)
		return -1;
	for (const char *p = name; *p; p++)
		nwords += *p == ' ';
	c->ent[e].actor = actor + 1;
	c->ent[e].name_words = nwords;
	c->ent[e].person_like = true;
	/* surname and first name, so that other spellings of it join it */
	sp = strrchr(name, ' ');
	c->ent[e].surname = lower_copy(c->a, sp ? sp + 1 : name,
								   strlen(sp ? sp + 1 : name));
	if (sp)
		c->ent[e].first = lower_copy(c->a, name, strcspn(name, " "));
	{
		int			h = hash_of(c->ent[e].surname);

		c->ent[e].hash_next = c->hash[h];
		c->hash[h] = e;
	}
	r = diplo_config_actor_role(c->config, actor, c->date);
	if (r != NULL)
	{
		c->ent[e].role = r->role;
		c->ent[e].org_kind = r->org_kind;
		c->ent[e].country = r->country;
		c->ent[e].actor_org = r->org;
	}
	else if ((r = diplo_config_actor_role(c->config, actor, DIPLO_NO_DATE)) != NULL)
	{
		/* out of office on that date: still of the country of its roles */
		c->ent[e].country = r->country;
	}
	return e;
}

/* The entity of a name mention of an actor of the configuration. */
static int
actor_mention_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	int64_t		pos = t->tok[m->start].cstart;
	int			e = actor_entity(c, m->actor - 1, pos);

	if (e < 0)
		return -1;
	if (!c->ent[e].gender)
		c->ent[e].gender = honorific_gender(t, m);
	absorb(c, e, m, pos);
	return e;
}

/* Find (or with create, make) the person entity of a name mention. */
static int
person_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m,
			  bool create)
{
	int			nwords;
	char	   *name = name_text(c->a, t, m->name_start, m->name_end, &nwords, true);
	char	   *surname = lower_word(c->a, t->words[m->name_end - 1]);
	char	   *first = nwords > 1 ? lower_word(c->a, t->words[m->name_start]) : NULL;
	int			h = hash_of(surname);
	int			best = -1;
	int			same_surname = -1;
	int64_t		pos = t->tok[m->start].cstart;
	bool		sentence_initial = (t->tok[m->name_start].flags & DIPLO_TF_SENT_START) &&
		m->name_start == m->start;

	for (int e = c->hash[h]; e >= 0; e = c->ent[e].hash_next)
	{
		DiploEntity *en = &c->ent[e];

		if (!en->surname || strcmp(en->surname, surname) != 0 ||
			en->type != DIPLO_SPEAKER_PERSON)
			continue;
		if (same_surname < 0 || en->name_words > c->ent[same_surname].name_words ||
			(en->name_words == c->ent[same_surname].name_words &&
			 en->last_pos > c->ent[same_surname].last_pos))
			same_surname = e;
		if (!first || !en->first || similar_first(first, en->first))
		{
			if (best < 0 || (!first && en->last_pos > c->ent[best].last_pos))
				best = e;
		}
	}
	/* "File Photos Qureshi": words before a known surname at a sentence start */
	if (best < 0 && same_surname >= 0 && sentence_initial && !m->title)
		best = same_surname;
	if (best >= 0)
	{
		DiploEntity *en = &c->ent[best];

		if (!en->gender)
			en->gender = honorific_gender(t, m);
		if (first && !en->first)
		{
			en->first = first;
			first = NULL;
		}
		if (nwords > en->name_words && !(sentence_initial && !m->title) &&
			!en->actor)
		{
			diplo_free(c->a, en->name);
			en->name = name;
			en->name_words = nwords;
			name = NULL;
		}
		absorb(c, best, m, pos);
		diplo_free(c->a, name);
		diplo_free(c->a, first);
		diplo_free(c->a, surname);
		return best;
	}
	if (!create)
	{
		diplo_free(c->a, name);
		diplo_free(c->a, first);
		diplo_free(c->a, surname);
		return -1;
	}
	best = add_entity(c, DIPLO_SPEAKER_PERSON, name, pos);
	if (best < 0)
	{
		diplo_free(c->a, first);
		diplo_free(c->a, surname);
		return -1;
	}
	c->ent[best].name_words = nwords;
	c->ent[best].first = first;
	c->ent[best].surname = surname;
	c->ent[best].hash_next = c->hash[h];
	c->hash[h] = best;
	c->ent[best].person_like = true;
	c->ent[best].gender = honorific_gender(t, m);
	absorb(c, best, m, pos);
	return best;
}

/*
 * Find or make the organisation entity named by tokens [s, e) of mention m
 * (organisations of the lexicon have entities of their own).
 */
static int
org_entity_named(DiploCoref *c, const DiploTokens *t, const DiploMention *m,
				 int s, int e)
{
	int			nwords;
	char	   *name = name_text(c->a, t, s, e, &nwords, false);
	int			k;

	for (k = 0; k < c->n; k++)
		if (c->ent[k].type == DIPLO_SPEAKER_ORGANIZATION && !c->ent[k].org &&
			strcmp(c->ent[k].name, name) == 0)
			break;
	if (k < c->n)
	{
		diplo_free(c->a, name);
		absorb(c, k, m, t->tok[m->start].cstart);
		return k;
	}
	k = add_entity(c, DIPLO_SPEAKER_ORGANIZATION, name, t->tok[m->start].cstart);
	if (k >= 0)
		absorb(c, k, m, t->tok[m->start].cstart);
	return k;
}

/* Find or make the organisation entity named by a capitalised name. */
static int
named_org_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	return org_entity_named(c, t, m, m->name_start, m->name_end);
}

/*
 * Find or make the entity of a place that speaks ("Washington said",
 * "Iran warned"): a government named as the text names it, with the
 * country it stands for.
 */
static int
place_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	int			s = m->start;

	if (s + 1 < m->end && diplo_tok_is(t, s, "the"))
		s++;
	return org_entity_named(c, t, m, s, m->end);
}

/* Find or make the entity of a lexicon organisation. */
static int
lexicon_org_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	const DiploOrg *o = m->org;
	const char *country = o->country ? o->country : (m->country ? m->country->name : NULL);
	int			best = -1;
	int			e;

	for (e = 0; e < c->n; e++)
	{
		DiploEntity *en = &c->ent[e];

		if (!en->org || strcmp(en->org->canonical, o->canonical) != 0)
			continue;
		if (country && en->country && strcmp(country, en->country) != 0)
			continue;
		if (best < 0 || (country && en->country))
			best = e;
	}
	if (best < 0)
	{
		best = add_entity(c, DIPLO_SPEAKER_ORGANIZATION,
						  diplo_strndup(c->a, o->canonical, strlen(o->canonical)),
						  t->tok[m->start].cstart);
		if (best < 0)
			return -1;
		c->ent[best].org = o;
		c->ent[best].org_kind = o->org_kind;
	}
	if (country && !c->ent[best].country)
		c->ent[best].country = country;
	if (m->person_like)
		c->ent[best].person_like = true;
	if (m->start < m->end && m->end - m->start <= 2 &&
		(t->tok[m->end - 1].flags & DIPLO_TF_ALLCAPS) &&
		t->words[m->end - 1].len < (int) sizeof(c->ent[best].acronym))
	{
		memcpy(c->ent[best].acronym, t->words[m->end - 1].s, t->words[m->end - 1].len);
		c->ent[best].acronym[t->words[m->end - 1].len] = '\0';
	}
	c->ent[best].last_pos = t->tok[m->start].cstart;
	return best;
}

/* First pass: register a named person or organisation mention. */
void
diplo_coref_register(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	if (m->kind == DIPLO_MEN_NAME && m->actor > 0 && c->config != NULL)
		actor_mention_entity(c, t, m);
	else if (m->kind == DIPLO_MEN_NAME && m->person_like)
	{
		int			words = m->name_end - m->name_start;
		bool		initial = (t->tok[m->name_start].flags & DIPLO_TF_SENT_START) &&
			m->name_start == m->start;

		/* a sentence-initial run may start with non-name words: later */
		if (m->title || (words >= 2 && !initial))
			person_entity(c, t, m, true);
	}
	else if ((m->kind == DIPLO_MEN_ORG || m->kind == DIPLO_MEN_CHANNEL) && m->org &&
			 (m->org->country || m->country))
		lexicon_org_entity(c, t, m);
}

/* Are two acronyms permutations of each other? */
static bool
is_permutation(const char *x, const DiploWord w)
{
	int			counts[256] = {0};

	if ((int) strlen(x) != w.len || w.len < 2)
		return false;
	if (strncmp(x, w.s, w.len) == 0)
		return false;
	for (int i = 0; i < w.len; i++)
	{
		counts[(unsigned char) x[i]]++;
		counts[(unsigned char) w.s[i]]--;
	}
	for (int i = 0; i < 256; i++)
		if (counts[i])
			return false;
	return true;
}

/* The person entity with this role (or office kind) and country, or -1. */
static int
role_entity(DiploCoref *c, const DiploMention *m)
{
	const char *country = m->country ? m->country->name : NULL;
	int			best = -1;
	int			best_score = 0;

	for (int e = 0; e < c->n; e++)
	{
		DiploEntity *en = &c->ent[e];
		int			score = 0;

		if (en->type != DIPLO_SPEAKER_PERSON)
			continue;
		if (country && en->country && strcmp(country, en->country) != 0)
			continue;
		if (m->counterpart)
			score = country && en->country ? 2 : 0;
		else if (m->title && m->title->role && en->role &&
				 strcmp(m->title->role, en->role) == 0)
			score = 3;
		else if (m->title && m->title->org_kind && en->org_kind && country &&
				 en->country && strcmp(m->title->org_kind, en->org_kind) == 0)
			score = 2;
		/* "the Chilean minister": any minister of that country; "the minister": any */
		else if (m->title && m->title->role && en->role &&
				 ((country && en->country) || !country) &&
				 strcmp(m->title->role, "Minister") == 0 &&
				 strstr(en->role, "Minister") != NULL)
			score = 1;
		if (score == 0)
			continue;
		if (country && en->country)
			score += 2;
		if (score > best_score || (score == best_score && en->last_pos > c->ent[best].last_pos))
		{
			best = e;
			best_score = score;
		}
	}
	return best;
}

/*
 * The entity of the actor of the configuration who holds the role a role
 * noun names on the publication date ("the Secretary", "Washington's top
 * diplomat", not "a spokesman"), with its organisation and country if the
 * text gives them;
 * among several, the one whose organisation (or its kind) the article
 * names.  -1 if none or no single one.
 */
static int
role_holder_entity(DiploCoref *c, const DiploTokens *t, const DiploMention *m,
				   int64_t pos)
{
	int			holders[16];
	int			n;
	int			pick = -1;

	if (m->title == NULL || m->title->role == NULL || m->plural ||
		m->counterpart || m->title->kind == DIPLO_TITLE_HONORIFIC)
		return -1;
	/* "an official", "a spokesman": someone unnamed, not the office holder */
	if (diplo_tok_is(t, m->start, "a") || diplo_tok_is(t, m->start, "an"))
		return -1;
	/* a person of the article in that office first, the latest mentioned */
	for (int e = 0; e < c->n; e++)
	{
		const DiploEntity *en = &c->ent[e];

		if (en->type == DIPLO_SPEAKER_PERSON && en->role &&
			diplo_config_role_names(m->title->role, en->role) &&
			!(m->country && en->country && strcmp(m->country->name, en->country) != 0) &&
			(pick < 0 || en->last_pos > c->ent[pick].last_pos))
			pick = e;
	}
	if (pick >= 0)
		return pick;
	n = diplo_config_role_holders(c->config, m->title->role,
								  m->org ? m->org->canonical : NULL,
								  m->org ? m->org->org_kind : NULL,
								  m->country ? m->country->name : NULL,
								  c->date, holders, 16);
	if (n == 1)
		pick = holders[0];
	/*
	 * "the Secretary of State": the one holder of that very office beats
	 * the holders of its equivalents (a Foreign Minister abroad)
	 */
	if (n > 1 && n <= 16)
	{
		int			exact = 0;

		for (int h = 0; h < n; h++)
		{
			const DiploConfigRole *r = diplo_config_actor_role(c->config,
															   holders[h],
															   c->date);

			if (r != NULL && r->title_role != NULL &&
				strcmp(r->title_role, m->title->role) == 0)
			{
				pick = holders[h];
				exact++;
			}
		}
		if (exact != 1)
			pick = -1;
	}
	if (pick < 0 && n > 1 && n <= 16)
	{
		int			found = 0;

		for (int h = 0; h < n; h++)
		{
			const DiploConfigRole *r = diplo_config_actor_role(c->config,
															   holders[h],
															   c->date);
			bool		named = false;

			for (int e = 0; e < c->n && !named && r != NULL; e++)
			{
				const DiploEntity *en = &c->ent[e];

				if (en->type != DIPLO_SPEAKER_ORGANIZATION || en->org == NULL)
					continue;
				named = (r->org_kind && en->org->org_kind &&
						 strcmp(r->org_kind, en->org->org_kind) == 0 &&
						 (!r->country || !en->country ||
						  strcmp(r->country, en->country) == 0)) ||
					(r->org && strcmp(r->org, en->org->canonical) == 0);
			}
			if (named)
			{
				pick = holders[h];
				found++;
			}
		}
		if (found != 1)
			pick = -1;
	}
	return pick >= 0 ? actor_entity(c, pick, pos) : -1;
}

/* Are the words of tokens [s, e) lowercase (a capital opening a sentence or on a determiner aside)? */
static bool
all_lowercase(const DiploTokens *t, int s, int e)
{
	for (int k = s; k < e; k++)
		if (t->tok[k].kind == DIPLO_TOK_WORD && !(t->tok[k].flags & DIPLO_TF_LOWER) &&
			!(k == s && ((t->tok[k].flags & DIPLO_TF_SENT_START) ||
						 diplo_is_function_word(t, k))))
			return false;
	return true;
}

/* Is name mention m a place after "in" ("Cruz's fusillade in Colorado underscored"), no speaker? */
static bool
place_after_preposition(const DiploTokens *t, const DiploMention *m)
{
	int			k = m->start - 1;

	return k >= 0 && t->tok[k].kind == DIPLO_TOK_WORD && (t->tok[k].flags & DIPLO_TF_LOWER) &&
		diplo_tok_is(t, k, "in");
}

/*
 * The organisation a capitalised channel word that heads organisation
 * names stands for ("The Post" after "The Washington Post"; else a paper
 * of that name), or -1 for a channel word in lowercase.
 */
static int
capitalised_head(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	int			k = m->end - 1;
	const DiploWord *w = &t->words[k];

	if (m->end - m->start > 2 || !(t->tok[k].flags & DIPLO_TF_CAP) ||
		(t->tok[k].flags & (DIPLO_TF_ALLCAPS | DIPLO_TF_SENT_START)) ||
		!diplo_lex_org_head(*w) ||
		(m->end < t->n && t->tok[m->end].kind == DIPLO_TOK_WORD &&
		 (t->tok[m->end].flags & DIPLO_TF_CAP)))
		return -1;
	for (int e = c->n - 1; e >= 0; e--)
	{
		const char *name = c->ent[e].name;
		size_t		len = strlen(name);

		if (c->ent[e].type == DIPLO_SPEAKER_ORGANIZATION && len > (size_t) w->len &&
			name[len - w->len - 1] == ' ' &&
			strncmp(name + len - w->len, w->s, w->len) == 0)
			return e;
	}
	return org_entity_named(c, t, m, k, m->end);
}

/*
 * Is mention m the body after "members of" or a part word and "of" ("members
 * of Congress told", "72 percent of Democrats said", "a majority of the
 * Republicans"), no speaker?
 */
static bool
member_of(const DiploTokens *t, const DiploMention *m)
{
	static const char *const parts[] = {
		"members", "percent", "majority", "plurality", "minority", "number",
		"half", "third", "quarter", "share", "most", "many", "some", "any",
		"none", "few", "dozens", "hundreds", "thousands", "millions", NULL
	};
	int			k = m->start - 1;

	if (k >= 2 && diplo_tok_is(t, k, "the") && !diplo_tok_is(t, k - 1, "members"))
		k--;
	return k >= 1 && diplo_tok_is(t, k, "of") && diplo_tok_in(t, k - 1, parts) &&
		(t->tok[k - 1].flags & DIPLO_TF_LOWER);
}

/*
 * Is name mention m only a region of data/regions.tsv ("New Hampshire",
 * "Wall Street"), with no title or name before it, no speaker?
 */
static bool
region_name(const DiploTokens *t, const DiploMention *m)
{
	int			k = m->start - 1;

	/* "Senator X of Texas": left to the attribution rules */
	if (k >= 0 && diplo_tok_is(t, k, "of"))
		return false;
	return m->name_end > m->name_start && m->start == m->name_start && !m->title &&
		diplo_lex_region(t->words, t->n, m->name_start) == m->name_end - m->name_start;
}

/*
 * Is name mention m one name word between a determiner and a lowercase noun
 * ("The Obama administration is", "the Sanders campaign projects", "the
 * Arizona sheriff"): a modifier of the noun, no speaker?  An adverb after
 * the name is no noun ("The Atlantic recently noted").
 */
static bool
name_modifier(const DiploTokens *t, const DiploMention *m)
{
	int			k = m->name_end;

	return m->name_end - m->name_start == 1 && m->name_start == m->start + 1 &&
		(diplo_tok_is(t, m->start, "the") || diplo_tok_is(t, m->start, "a") ||
		 diplo_tok_is(t, m->start, "an")) &&
		!(t->tok[m->name_start].flags & DIPLO_TF_ALLCAPS) &&
		k < t->n && t->tok[k].kind == DIPLO_TOK_WORD && (t->tok[k].flags & DIPLO_TF_LOWER) &&
		(t->tok[k].flags & DIPLO_TF_SPACE) && diplo_tok_cue(t, k) == NULL &&
		!diplo_is_function_word(t, k) &&
		!(t->words[k].len > 3 && strncmp(t->words[k].s + t->words[k].len - 2, "ly", 2) == 0);
}

/* Staff nouns after an organisation: its unnamed people, no speaker. */
static const char *const plural_staff[] = {
	"officials", "aides", "spokesmen", "spokeswomen", "spokespeople", "official", "aide", NULL
};

/* Second pass: the entity a speaker mention refers to, or -1. */
int
diplo_coref_resolve(DiploCoref *c, const DiploTokens *t, const DiploMention *m)
{
	int64_t		pos = t->tok[m->start].cstart;
	int			e = -1;

	switch (m->kind)
	{
		case DIPLO_MEN_NAME:
			if (place_after_preposition(t, m) || (!m->person_like && member_of(t, m)) ||
				region_name(t, m) || name_modifier(t, m))
				break;
			if (m->actor > 0 && c->config != NULL)
				e = actor_mention_entity(c, t, m);
			else if (m->person_like)
				e = person_entity(c, t, m, true);
			else
				e = named_org_entity(c, t, m);
			break;
		case DIPLO_MEN_ORG:
			if (member_of(t, m))
				break;
			/*
			 * "the administration", "the military", "an administration
			 * official" (not "the spokesman of the ministry"): no name and
			 * no country
			 */
			if (m->org && !m->org->country && !m->country &&
				m->org->kind == DIPLO_ORG_GOVERNMENT && all_lowercase(t, m->start, m->end) &&
				(!m->title || (m->org->org_kind &&
							   (strcmp(m->org->org_kind, "government") == 0 ||
								strcmp(m->org->org_kind, "military") == 0))))
				break;
			/*
			 * "White House officials say", "Senate aides said": unnamed people
			 * (not of a foreign ministry or an international body, whose
			 * officials voice its diplomatic statements)
			 */
			if (m->end - 1 > m->start && diplo_tok_in(t, m->end - 1, plural_staff) &&
				(t->tok[m->end - 1].flags & DIPLO_TF_LOWER) &&
				!(m->org && (m->org->kind == DIPLO_ORG_INTERNATIONAL ||
							 (m->org->org_kind &&
							  strcmp(m->org->org_kind, "foreign_ministry") == 0))))
				break;
			if (m->org)
				e = lexicon_org_entity(c, t, m);
			break;
		case DIPLO_MEN_CHANNEL:
			if (m->org)
			{
				e = lexicon_org_entity(c, t, m);
				break;
			}
			/* "The Post reported": a channel word heading a paper's name */
			if (m->channel && (e = capitalised_head(c, t, m)) >= 0)
				break;
			for (int k = c->nissuers - 1; k >= 0 && m->channel; k--)
				if (strcmp(c->issuers[k].what, m->channel->canonical) == 0)
				{
					e = c->issuers[k].entity;
					break;
				}
			if (e < 0)
				e = c->last_org_subject >= 0 ? c->last_org_subject : c->last_subject;
			break;
		case DIPLO_MEN_ROLE:
			e = role_entity(c, m);
			if (e < 0 && c->config != NULL)
				e = role_holder_entity(c, t, m, pos);
			if (e < 0 && m->title && m->title->kind == DIPLO_TITLE_OFFICE &&
				m->title->role && !m->plural && m->country)
			{
				char		buf[256];

				snprintf(buf, sizeof(buf), "%s%s%s", m->title->role,
						 m->country ? " of " : "", m->country ? m->country->name : "");
				for (e = 0; e < c->n; e++)
					if (c->ent[e].type == DIPLO_SPEAKER_PERSON && !c->ent[e].surname &&
						strcmp(c->ent[e].name, buf) == 0)
						break;
				if (e == c->n)
				{
					e = add_entity(c, DIPLO_SPEAKER_PERSON,
								   diplo_strndup(c->a, buf, strlen(buf)), pos);
					if (e >= 0)
						c->ent[e].person_like = true;
				}
			}
			break;
		case DIPLO_MEN_PLACE:
			if (m->country)
				e = place_entity(c, t, m);
			break;
		case DIPLO_MEN_PRONOUN:
			if (m->pronoun == 'h')
			{
				char		g = diplo_tok_is(t, m->start, "she") ? 'f' : 'm';

				e = c->last_person_subject;
				/*
				 * "she" after a man spoke: the latest recent speaker known to
				 * be a she; if none, the man still (taking one of unknown
				 * gender, or no one, measured worse on PolNeAR train)
				 */
				if (e >= 0 && c->ent[e].gender && c->ent[e].gender != g)
					for (int k = 0; k < c->nrecent; k++)
						if (c->ent[c->recent_persons[k]].gender == g)
						{
							e = c->recent_persons[k];
							break;
						}
				/*
				 * no person has spoken yet: the most mentioned named person
				 * introduced before the pronoun ("Hillary Clinton ... She said"),
				 * among the first 64 entities (a bounded scan per pronoun)
				 */
				if (e < 0)
					for (int k = 0; k < c->n && k < 64; k++)
					{
						const DiploEntity *en = &c->ent[k];

						if (en->type != DIPLO_SPEAKER_PERSON || !en->surname ||
							en->first_pos >= pos || en->nmentions < 3 ||
							(en->gender && en->gender != g))
							continue;
						if (e < 0 || en->nmentions > c->ent[e].nmentions)
							e = k;
					}
				if (e >= 0 && !c->ent[e].gender)
					c->ent[e].gender = g;
			}
			else if (m->pronoun == 'i')
				e = c->last_org_subject;
			break;
		case DIPLO_MEN_GROUP:
			/* the most mentioned named person stands for the group */
			for (int k = 0; k < c->n; k++)
				if (c->ent[k].type == DIPLO_SPEAKER_PERSON && c->ent[k].surname &&
					(e < 0 || c->ent[k].nmentions > c->ent[e].nmentions))
					e = k;
			break;
		case DIPLO_MEN_ACRONYM:
			for (int k = 0; k < c->n; k++)
				if (c->ent[k].acronym[0] &&
					(strncmp(c->ent[k].acronym, t->words[m->name_start].s,
							 t->words[m->name_start].len) == 0 &&
					 (int) strlen(c->ent[k].acronym) == t->words[m->name_start].len))
					return k;
			for (int k = 0; k < c->n; k++)
				if (c->ent[k].acronym[0] &&
					is_permutation(c->ent[k].acronym, t->words[m->name_start]))
					return k;
			e = named_org_entity(c, t, m);
			if (e >= 0)
				memcpy(c->ent[e].acronym, t->words[m->name_start].s,
					   t->words[m->name_start].len < 8 ? t->words[m->name_start].len : 7);
			break;
		default:
			break;
	}
	if (e >= 0)
	{
		if (m->person_like && m->kind != DIPLO_MEN_PRONOUN)
			c->ent[e].person_like = true;
		if (pos > c->ent[e].last_pos)
			c->ent[e].last_pos = pos;
		if (m->kind != DIPLO_MEN_NAME)
			c->ent[e].nmentions++;
	}
	return e;
}

/* Subjects that name no group when they open a sentence ("People say", "Polling shows"). */
static const char *const vague_subjects[] = {
	"people", "polling", "polls", "surveys", NULL
};

/* The group entity named by the capitalised words of tokens [s, e), or -1. */
int
diplo_coref_named_group(DiploCoref *c, const DiploTokens *t, int s, int e)
{
	int			first = -1;
	int			last = -1;
	int			nwords;
	char	   *name;
	int			k;

	for (int i = s; i < e; i++)
		if (t->tok[i].kind == DIPLO_TOK_WORD && (t->tok[i].flags & DIPLO_TF_CAP) &&
			!(t->tok[i].flags & DIPLO_TF_SENT_START && i + 1 < e))
		{
			if (first < 0)
				first = i;
			last = i + 1;
		}
		else if (first >= 0)
			break;
	if (first < 0 || last != e ||
		(last == first + 1 && diplo_is_common_plural(t, first) &&
		 diplo_tok_in(t, first, vague_subjects)))
		return -1;
	/* "GOP Candidates Resoundingly Reject": a headline adverb, no group name */
	if (diplo_is_manner_adverb(t, last - 1))
		return -1;
	/* "72 percent of Democrats", "a majority of the Republicans": a part, unnamed */
	k = first - 1;
	if (k >= s && diplo_tok_is(t, k, "the"))
		k--;
	if (k >= s && diplo_tok_is(t, k, "of"))
		return -1;
	name = name_text(c->a, t, first, last, &nwords, true);
	for (k = 0; k < c->n; k++)
		if (c->ent[k].type == DIPLO_SPEAKER_GROUP && strcmp(c->ent[k].name, name) == 0)
			break;
	if (k < c->n)
	{
		diplo_free(c->a, name);
		c->ent[k].nmentions++;
		return k;
	}
	k = add_entity(c, DIPLO_SPEAKER_GROUP, name, t->tok[first].cstart);
	if (k >= 0)
		c->ent[k].nmentions++;
	return k;
}

/* Take the role and country of a describing mention into entity e. */
void
diplo_coref_describe(DiploCoref *c, int e, const DiploMention *m)
{
	DiploEntity *en;

	if (e < 0 || e >= c->n || c->ent[e].type != DIPLO_SPEAKER_PERSON)
		return;
	en = &c->ent[e];
	if (m->title && m->title->role && !en->role && !m->plural &&
		!m->title->speaks_for_org)
	{
		en->role = m->title->role;
		en->org_kind = m->title->org_kind;
	}
	if (m->country && !en->country)
		en->country = m->country->name;
}

/* Record that entity e spoke through a cue with this lemma (or channel). */
void
diplo_coref_spoke(DiploCoref *c, int e, const char *what)
{
	if (e < 0)
		return;
	c->last_subject = e;
	if (c->ent[e].person_like)
	{
		int			k;

		c->last_person_subject = e;
		/* e moves to the front of the recent speakers */
		for (k = 0; k < c->nrecent && c->recent_persons[k] != e; k++)
			;
		if (k == c->nrecent && c->nrecent < 4)
			c->nrecent++;
		if (k == 4)
			k = 3;
		memmove(&c->recent_persons[1], &c->recent_persons[0], sizeof(int) * k);
		c->recent_persons[0] = e;
	}
	if (c->ent[e].type == DIPLO_SPEAKER_ORGANIZATION)
		c->last_org_subject = e;
	if (what && strlen(what) < sizeof(c->issuers[0].what))
	{
		if (c->nissuers == DIPLO_MAX_ISSUERS)
		{
			memmove(&c->issuers[0], &c->issuers[1],
					sizeof(c->issuers[0]) * (DIPLO_MAX_ISSUERS - 1));
			c->nissuers--;
		}
		strcpy(c->issuers[c->nissuers].what, what);
		c->issuers[c->nissuers].entity = e;
		c->nissuers++;
	}
}

/* Count a country mention of the article. */
void
diplo_coref_count_country(DiploCoref *c, const char *country)
{
	int			k;

	for (k = 0; k < c->ncountries; k++)
		if (c->countries[k] == country || strcmp(c->countries[k], country) == 0)
		{
			c->country_count[k]++;
			return;
		}
	if (k < 64)
	{
		c->countries[k] = country;
		c->country_count[k] = 1;
		c->ncountries++;
	}
}

/* Give organisations without a country the country of their context. */
void
diplo_coref_finish(DiploCoref *c)
{
	const char *top = NULL;
	int			topn = 0;

	for (int k = 0; k < c->ncountries; k++)
		if (c->country_count[k] > topn)
		{
			top = c->countries[k];
			topn = c->country_count[k];
		}
	for (int e = 0; e < c->n; e++)
	{
		DiploEntity *en = &c->ent[e];

		if (!en->org)
			continue;
		if (!en->country)
			en->country = en->relayed_country ? en->relayed_country : top;
		/* "United Nations", "Reuters": no country in the name of a body that is no government's */
		if (en->country && !en->org->country && en->org->kind == DIPLO_ORG_GOVERNMENT)
		{
			char		buf[512];

			snprintf(buf, sizeof(buf), "%s of %s", en->org->canonical, en->country);
			diplo_free(c->a, en->name);
			en->name = diplo_strndup(c->a, buf, strlen(buf));
		}
	}
}

/* Free the entity table and everything it holds. */
void
diplo_coref_free(DiploCoref *c)
{
	for (int e = 0; e < c->n; e++)
	{
		diplo_free(c->a, c->ent[e].name);
		diplo_free(c->a, c->ent[e].first);
		diplo_free(c->a, c->ent[e].surname);
	}
	diplo_free(c->a, c->ent);
	c->ent = NULL;
	c->n = c->cap = 0;
}
