/*
 * diplo_coref.h
 *		The entities of an article: mentions clustered into people and
 *		organisations with canonical names, roles and countries; surnames,
 *		spelling variants, role nouns, pronouns, channels and acronym slips
 *		resolved to them.
 *
 * The table is filled in two passes: the first registers every named
 * person and organisation (so that a surname or a role noun can refer to a
 * name that comes later), the second resolves each speaker mention in text
 * order (pronouns and channels need the order).  Its size is capped.
 */
#ifndef DIPLO_COREF_H
#define DIPLO_COREF_H

#include "diplo_analysis.h"
#include "diplo_mention.h"

#define DIPLO_MAX_ENTITIES 1024
#define DIPLO_MAX_ISSUERS 16

typedef struct DiploEntity
{
	char	   *name;			/* canonical name so far */
	int			name_words;		/* words in it (persons) */
	char	   *first;			/* lowercase first name, or NULL */
	char	   *surname;		/* lowercase last name, or NULL */
	const char *role;			/* lexicon strings */
	const char *org_kind;
	const DiploOrg *org;		/* for organisations from the lexicon */
	const char *country;
	char		acronym[8];		/* an all-caps form seen ("FO") */
	DiploSpeakerType type;
	bool		person_like;	/* a "he" can refer to it */
	char		gender;			/* 'm' or 'f' once Mr/Ms or he/she told, or 0 */
	int64_t		first_pos;		/* character offsets of its mentions */
	int64_t		last_pos;
	int			nmentions;		/* how often it was mentioned */
	int			hash_next;		/* next entity with the same surname hash */
	int			relayed_country_votes;	/* for organisations */
	int			actor;			/* an actor of the configuration: its index
								 * + 1; 0 if none */
	const char *relayed_country;
	const char *actor_org;		/* the organisation of its role, or NULL */
} DiploEntity;

typedef struct DiploCoref
{
	const DiploAllocator *a;
	DiploEntity *ent;
	int			n;
	int			cap;
	int			hash[256];		/* surname hash -> first entity, or -1 */
	int			last_subject;	/* speakers of cues, in text order */
	int			last_person_subject;
	int			recent_persons[4];	/* persons who spoke, latest first */
	int			nrecent;
	int			last_org_subject;
	struct
	{
		char		what[16];	/* "tweet", "statement" */
		int			entity;
	}			issuers[DIPLO_MAX_ISSUERS];
	int			nissuers;
	/* countries of the article, for organisations without one */
	const char *countries[64];
	int			country_count[64];
	int			ncountries;
	/* the configuration and publication date (issue 7), set after init */
	const struct DiploConfig *config;
	int32_t		date;
} DiploCoref;

void		diplo_coref_init(DiploCoref *c, const DiploAllocator *a);

/* First pass: register a named person or organisation mention. */
void		diplo_coref_register(DiploCoref *c, const DiploTokens *t,
								 const DiploMention *m);

/* Second pass: the entity a speaker mention refers to, or -1. */
int			diplo_coref_resolve(DiploCoref *c, const DiploTokens *t,
								const DiploMention *m);

/*
 * The group entity named by the capitalised words of tokens [s, e) ("Some
 * Democrats said": Democrats), found or made; -1 if there are none.
 */
int			diplo_coref_named_group(DiploCoref *c, const DiploTokens *t, int s, int e);

/* Take the role and country of a describing mention into entity e. */
void		diplo_coref_describe(DiploCoref *c, int e, const DiploMention *m);

/* Record that entity e spoke through a cue with this lemma (or channel). */
void		diplo_coref_spoke(DiploCoref *c, int e, const char *what);

/* Count a country mention of the article. */
void		diplo_coref_count_country(DiploCoref *c, const char *country);

/* Give organisations without a country the country of their context. */
void		diplo_coref_finish(DiploCoref *c);

void		diplo_coref_free(DiploCoref *c);

#endif							/* DIPLO_COREF_H */
