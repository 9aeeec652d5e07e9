/*
 * diplo_tagger.h
 *		Article-level tags: the topics of the taxonomy, the countries named
 *		(by name, demonym or capital) and the diplomatic event.
 */
#ifndef DIPLO_TAGGER_H
#define DIPLO_TAGGER_H

#include "diplo_analyze.h"
#include "diplo_coref.h"
#include "diplo_text.h"

#define DIPLO_MAX_TOPICS 256

/* Where a keyword of the configuration names a topic in the text. */
typedef struct DiploTopicHit
{
	int64_t		cstart;			/* characters of the keyword */
	int64_t		cend;
	int			topic;			/* a built-in topic, or a configuration's */
	bool		builtin;
} DiploTopicHit;

typedef struct DiploTags
{
	bool		topic[DIPLO_MAX_TOPICS];
	const DiploEvent *event;
	int			event_len;		/* words of the phrase that named it */
	bool	   *config_topic;	/* the configuration's own topics found, or
								 * NULL (t->config of the tokens) */
	DiploTopicHit *hits;		/* the configuration's keywords, in text
								 * order (for the topics of each quote) */
	int			nhits;
	int			caphits;
} DiploTags;

/* Tag the tokens of one paragraph; countries are counted in c. */
void		diplo_tag_paragraph(const DiploAllocator *a, const DiploTokens *t,
								DiploTags *tags, DiploCoref *c);

/* Fill the topics, countries and event of out. */
void		diplo_tags_output(const DiploAllocator *a, const DiploTags *tags,
							  const DiploCoref *c, DiploAnalysis *out);

/*
 * Give every quote of out (whose topics are filled) the topics whose
 * configured keywords lie in its content, and set out->quote_topics.
 */
void		diplo_tags_quote_topics(const DiploAllocator *a,
									const DiploTags *tags,
									const DiploConfig *config,
									DiploAnalysis *out);

#endif							/* DIPLO_TAGGER_H */
