/*
 * diplo_mention.h
 *		Mentions of possible speakers in a paragraph: names with their
 *		titles, organisations and their spokespeople, channels ("the
 *		statement"), role nouns ("the top Pakistani diplomat"), pronouns,
 *		groups ("the two officials"), places and unknown acronyms.
 */
#ifndef DIPLO_MENTION_H
#define DIPLO_MENTION_H

#include "diplo_text.h"

typedef enum DiploMentionKind
{
	DIPLO_MEN_NAME = 0,			/* a proper name, maybe after titles */
	DIPLO_MEN_ORG,				/* an organisation (or its spokesperson) */
	DIPLO_MEN_CHANNEL,			/* "the statement", "the FO statement" */
	DIPLO_MEN_ROLE,				/* "the foreign minister", "his counterpart" */
	DIPLO_MEN_PRONOUN,			/* he she they it */
	DIPLO_MEN_GROUP,			/* "the two officials", "both sides" */
	DIPLO_MEN_PLACE,			/* a country, demonym or capital: no speaker */
	DIPLO_MEN_ACRONYM,			/* unknown all-caps word: maybe a slip */
	DIPLO_MEN_NOUN				/* another noun phrase: unresolved */
} DiploMentionKind;

typedef struct DiploMention
{
	int			start;			/* tokens [start, end) */
	int			end;
	int			name_start;		/* the name's words, for DIPLO_MEN_NAME */
	int			name_end;
	DiploMentionKind kind;
	int			actor;			/* a name of an actor of the configuration:
								 * its index + 1; 0 if none */
	const DiploTitle *title;	/* the last title or role noun, or NULL */
	const DiploOrg *org;		/* the organisation named, or NULL */
	const DiploOrg *channel;	/* the channel word, or NULL */
	const DiploCountry *country;	/* from a modifier ("US", "Pakistani") */
	bool		person_like;	/* a person or a spokesperson */
	bool		plural;
	bool		counterpart;	/* "counterpart": resolved by country only */
	char		pronoun;		/* 'h' he/she, 't' they, 'i' it, 0 */
} DiploMention;

typedef struct DiploMentions
{
	DiploMention *m;
	int			n;
	int			cap;
	int		   *start_at;		/* per token: mention starting there, or -1 */
	int		   *end_at;			/* per token: mention ending there (its last
								 * token), or -1 */
	int			tok_cap;
} DiploMentions;

/* Find the mentions of a paragraph, left to right, without overlaps. */
void		diplo_find_mentions(const DiploAllocator *a, const DiploTokens *t,
								DiploMentions *out);

/*
 * Fill out as diplo_find_mentions did when it found the n mentions m in a
 * paragraph of ntok tokens (the same tokens and sentences).
 */
void		diplo_mentions_restore(const DiploAllocator *a, DiploMentions *out,
								   int ntok, const DiploMention *m, int n);

/* The mention whose last token is i, or -1. */
int			diplo_mention_ending_at(const DiploMentions *ms, int i);

/* Is token i a word that cannot be part of a name (The, In, said ...)? */
bool		diplo_is_function_word(const DiploTokens *t, int i);

/* Is token i a plural common noun that is no name opening a sentence ("People")? */
bool		diplo_is_common_plural(const DiploTokens *t, int i);

/* Is token i a capitalised manner adverb ("Resoundingly"), no name word? */
bool		diplo_is_manner_adverb(const DiploTokens *t, int i);

void		diplo_mentions_free(const DiploAllocator *a, DiploMentions *ms);

#endif							/* DIPLO_MENTION_H */
