/*
 * diplo_config.h
 *		A configuration: the knowledge a user adds to the built-in lexicons
 *		(issue 7): actors with aliases and dated roles, topics with keywords,
 *		cue verbs, organisations with acronyms.
 *
 * The host fills a DiploConfigDef from its tables (or an imported actor
 * dictionary) and calls diplo_config_build once; the DiploConfig it returns
 * is read-only afterwards and may be shared by every analysis of a process
 * (DiploAnalyzeOptions.config).  Nothing of the definition is kept: the
 * build copies what it needs into memory from its allocator, which must
 * live as long as the configuration (diplo_config_free gives it back).
 *
 * What the analyser does with it (the built-in lexicons still apply; a
 * configuration only adds):
 * - an actor's canonical name or alias in the text (folded as the lexicons
 *   fold: case, Latin-1 capitals, apostrophes; its first word not written
 *   in lowercase) is a mention of that person; coreference gives it the
 *   canonical name and the role, organisation and country of the role
 *   valid on the publication date (without a date: the undated role, else
 *   the latest; with none valid that day, the latest role's country only).
 *   An alias of two actors names neither.
 * - a role noun without an antecedent in the article ("the Secretary",
 *   "Washington's top diplomat") is the one actor holding a fitting role on
 *   that date: the same role, a role it begins ("Secretary" of "Secretary
 *   of State") or another title of the same ministry head ("Foreign
 *   Minister", "Secretary of State"), of the country and organisation the
 *   text gives; among several, the one whose organisation the article
 *   names; else none.
 * - cue forms, organisation phrases and topic keywords work as rows of
 *   data/cues.tsv, orgs.tsv and topics.tsv; a cue form or an organisation
 *   phrase also built in is the configuration's (for organisations: when
 *   no longer built-in phrase matches); a topic named as a built-in topic
 *   adds its keywords to it, another is reported after the built-in ones.
 *
 * diplo_config_country gives the canonical country of a name as the build
 * accepts it (for hosts that check entries as they are stored).
 */
#ifndef DIPLO_CONFIG_H
#define DIPLO_CONFIG_H

#include "diplo_alloc.h"
#include "diplo_analyze.h"
#include "diplo_lexicon.h"

/* One dated role of an actor. */
typedef struct DiploActorRoleDef
{
	const char *role;			/* "Secretary of State": a role of
								 * data/titles.tsv or free text; NULL if
								 * only org or country is known */
	const char *org;			/* "Department of State", or NULL */
	const char *country;		/* a country of data/countries.tsv ("United
								 * States", "USA", "American"), or NULL */
	int32_t		valid_from;		/* days since 2000-01-01, inclusive, or
								 * DIPLO_NO_DATE: open */
	int32_t		valid_to;		/* days since 2000-01-01, inclusive, or
								 * DIPLO_NO_DATE: open */
} DiploActorRoleDef;

/* An actor: a canonical name, its aliases, its roles over time. */
typedef struct DiploActorDef
{
	const char *name;			/* canonical: "Antony Blinken" */
	const char *const *aliases; /* "Tony Blinken", "Blinken", "Antony J.
								 * Blinken" */
	int			naliases;
	const DiploActorRoleDef *roles;
	int			nroles;
} DiploActorDef;

/* A topic and its keyword phrases (matched on stems, as data/topics.tsv). */
typedef struct DiploTopicDef
{
	const char *topic;			/* "Gulf security" */
	const char *const *keywords;	/* "Strait of Hormuz", "tanker seizure" */
	int			nkeywords;
} DiploTopicDef;

/* A cue verb form (as a row of data/cues.tsv). */
typedef struct DiploCueDef
{
	const char *form;			/* "averred" */
	const char *lemma;			/* "aver" */
	DiploCueClass cls;
	uint16_t	flags;			/* DIPLO_CUE_* */
} DiploCueDef;

/* An organisation or one of its names (as a row of data/orgs.tsv). */
typedef struct DiploOrgDef
{
	const char *phrase;			/* "GCC" or "Gulf Cooperation Council" */
	const char *canonical;		/* "Gulf Cooperation Council" */
	DiploOrgKind kind;
	const char *country;		/* a country, or NULL */
	bool		case_sensitive; /* acronyms */
} DiploOrgDef;

/* Everything a configuration adds. */
typedef struct DiploConfigDef
{
	const char *name;
	const DiploActorDef *actors;
	int			nactors;
	const DiploTopicDef *topics;
	int			ntopics;
	const DiploCueDef *cues;
	int			ncues;
	const DiploOrgDef *orgs;
	int			norgs;
} DiploConfigDef;

/*
 * Build a configuration from def, with memory from a.  On invalid input
 * (an empty name, an unknown country, a role whose valid_to precedes its
 * valid_from ...) returns NULL and writes a message of at most errlen bytes
 * to err, naming the entry at fault.
 */
DiploConfig *diplo_config_build(const DiploAllocator *a,
								const DiploConfigDef *def,
								char *err, size_t errlen);

/*
 * The canonical country (data/countries.tsv) that text names, as the build
 * accepts it for a role or an organisation: a name, alias, demonym,
 * capital or ISO code ("USA", "American" -> "United States"); NULL if none.
 * Temporary memory from a.
 */
const char *diplo_config_country(const DiploAllocator *a, const char *text);

/* Free a configuration built with allocator a (NULL is a no-op). */
void		diplo_config_free(const DiploAllocator *a, DiploConfig *cfg);

/*
 * Lookups of the analyser in a built configuration (cfg may be NULL: no
 * match).  Strings returned live as long as the configuration.
 */

/* One role of an actor as built. */
typedef struct DiploConfigRole
{
	const char *role;			/* as defined: "Secretary of State", or
								 * NULL (an organisation or country only) */
	const char *org;			/* as defined, or NULL */
	const char *country;		/* canonical country, or NULL */
	const char *title_role;		/* the canonical role of data/titles.tsv
								 * if role is a title there, else NULL */
	const char *org_kind;		/* its organisation kind, or NULL */
	int32_t		valid_from;
	int32_t		valid_to;
} DiploConfigRole;

/* The configuration's name, or NULL. */
const char *diplo_config_name(const DiploConfig *cfg);

/* The number of actors, and the canonical name of one. */
int			diplo_config_nactors(const DiploConfig *cfg);
const char *diplo_config_actor_name(const DiploConfig *cfg, int actor);

/*
 * The longest actor name or alias starting at words[i] (matched on folded
 * words, as the lexicons): the actor, or -1 (also for an alias shared by
 * two actors); *matched gets its length in words.
 */
int			diplo_config_actor_at(const DiploConfig *cfg,
								  const DiploWord *words, int nwords, int i,
								  int *matched);

/*
 * The role of an actor on date (days since 2000-01-01): the one valid
 * then; with DIPLO_NO_DATE, the undated one, else the latest.  NULL if
 * none.
 */
const DiploConfigRole *diplo_config_actor_role(const DiploConfig *cfg,
											   int actor, int32_t date);

/*
 * The one actor who, on date, holds the role a text names: role is a
 * canonical role ("Secretary", "Foreign Minister", "Secretary of State"),
 * org and country what the text says of it (or NULL).  -1 if no actor or
 * more than one fits.
 */
int			diplo_config_role_holder(const DiploConfig *cfg, const char *role,
									 const char *org, const char *country,
									 int32_t date);

/*
 * All the actors who fit (as diplo_config_role_holder; org_kind: that of
 * the organisation the text names, or NULL): their number, the first max
 * of them into out.
 */
int			diplo_config_role_holders(const DiploConfig *cfg, const char *role,
									  const char *org, const char *org_kind,
									  const char *country, int32_t date,
									  int *out, int max);

/*
 * May a role noun naming role (a canonical role: "Secretary") stand for a
 * holder of held ("Secretary of State"): the same office (equal, or heads
 * of one ministry: "Foreign Minister", "Secretary of State"), or its first
 * words?
 */
bool		diplo_config_role_names(const char *role, const char *held);

/* The configuration's cue whose form is w, or NULL. */
const DiploCue *diplo_config_cue(const DiploConfig *cfg, DiploWord w);

/* The configuration's longest organisation phrase at words[i], or NULL. */
const DiploOrg *diplo_config_org(const DiploConfig *cfg,
								 const DiploWord *words, int nwords, int i,
								 int *matched);

/*
 * The configuration's longest topic keyword at words[i] (on stems): its
 * topic (0 .. diplo_config_ntopics - 1), or -1.
 */
int			diplo_config_topic(const DiploConfig *cfg, const DiploWord *words,
							   int nwords, int i, int *matched);
int			diplo_config_ntopics(const DiploConfig *cfg);
const char *diplo_config_topic_name(const DiploConfig *cfg, int t);

/*
 * The built-in topic (index into diplo_topics) that topic t of the
 * configuration names, its keywords added to the built-in ones; or -1.
 */
int			diplo_config_topic_builtin(const DiploConfig *cfg, int t);

#endif							/* DIPLO_CONFIG_H */
