/*
 * diplo_tagger.h
 *		Article-level tags: the topics of the taxonomy, the countries named
 *		(by name, demonym or capital) and the diplomatic event.
 */
#ifndef DIPLO_TAGGER_H
#define DIPLO_TAGGER_H

#include "diplo_coref.h"
#include "diplo_text.h"

#define DIPLO_MAX_TOPICS 256

typedef struct DiploTags
{
	bool		topic[DIPLO_MAX_TOPICS];
	const DiploEvent *event;
	int			event_len;		/* words of the phrase that named it */
	bool	   *config_topic;	/* the configuration's own topics found, or
								 * NULL (t->config of the tokens) */
} DiploTags;

/* Tag the tokens of one paragraph; countries are counted in c. */
void		diplo_tag_paragraph(const DiploAllocator *a, const DiploTokens *t,
								DiploTags *tags, DiploCoref *c);

/* Fill the topics, countries and event of out. */
void		diplo_tags_output(const DiploAllocator *a, const DiploTags *tags,
							  const DiploCoref *c, DiploAnalysis *out);

#endif							/* DIPLO_TAGGER_H */
