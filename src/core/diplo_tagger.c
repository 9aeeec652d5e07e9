/*
 * diplo_tagger.c
 *		Topics, countries and the event of an article.
 */
#include "diplo_tagger.h"

#include <string.h>

#include "diplo_config.h"

/* Tag the tokens of one paragraph; countries are counted in c. */
void
diplo_tag_paragraph(const DiploAllocator *a, const DiploTokens *t,
					DiploTags *tags, DiploCoref *c)
{
	for (int i = 0; i < t->n; i++)
	{
		int			len = 0;
		int			topic;
		const DiploCountry *country;
		const DiploEvent *ev;
		DiploPlaceKind pk;

		if (t->tok[i].kind != DIPLO_TOK_WORD)
			continue;
		diplo_check_interrupts(a);
		/* most words start no topic keyword, place or event */
		if (t->config == NULL && !diplo_lex_may_tag(&t->words[i]))
			continue;
		topic = diplo_lex_topic(t->words, t->n, i, &len);
		if (topic >= 0 && topic < DIPLO_MAX_TOPICS)
			tags->topic[topic] = true;
		if (t->config != NULL)
		{
			/* a keyword of the configuration: its topic, or the built-in one */
			topic = diplo_config_topic(t->config, t->words, t->n, i, &len);
			if (topic >= 0)
			{
				int			b = diplo_config_topic_builtin(t->config, topic);

				if (b >= 0 && b < DIPLO_MAX_TOPICS)
					tags->topic[b] = true;
				else if (b < 0 && tags->config_topic != NULL)
					tags->config_topic[topic] = true;
			}
		}
		country = diplo_lex_place(t->words, t->n, i, &len, &pk);
		if (country)
			diplo_coref_count_country(c, country->name);
		ev = diplo_lex_event(t->words, t->n, i, &len);
		if (ev && (!tags->event || len > tags->event_len))
		{
			tags->event = ev;
			tags->event_len = len;
		}
	}
}

/* Fill the topics, countries and event of out. */
void
diplo_tags_output(const DiploAllocator *a, const DiploTags *tags,
				  const DiploCoref *c, DiploAnalysis *out)
{
	int			n = 0;

	for (int k = 0; k < diplo_ntopics && k < DIPLO_MAX_TOPICS; k++)
		n += tags->topic[k];
	for (int k = 0; tags->config_topic && k < diplo_config_ntopics(c->config); k++)
		n += tags->config_topic[k];
	out->topics = diplo_alloc(a, sizeof(char *) * (n ? n : 1));
	out->ntopics = 0;
	for (int k = 0; k < diplo_ntopics && k < DIPLO_MAX_TOPICS; k++)
		if (tags->topic[k])
			out->topics[out->ntopics++] =
				diplo_strndup(a, diplo_topics[k].name, strlen(diplo_topics[k].name));
	/* then the configuration's own topics, in its order */
	for (int k = 0; tags->config_topic && k < diplo_config_ntopics(c->config); k++)
		if (tags->config_topic[k])
		{
			const char *name = diplo_config_topic_name(c->config, k);

			out->topics[out->ntopics++] = diplo_strndup(a, name, strlen(name));
		}
	/* countries, most mentioned first (ties: first mentioned first) */
	out->countries = diplo_alloc(a, sizeof(char *) * (c->ncountries ? c->ncountries : 1));
	out->ncountries = 0;
	{
		bool		done[64] = {false};

		for (int r = 0; r < c->ncountries; r++)
		{
			int			best = -1;

			for (int k = 0; k < c->ncountries; k++)
				if (!done[k] && (best < 0 || c->country_count[k] > c->country_count[best]))
					best = k;
			if (best < 0)
				break;
			done[best] = true;
			out->countries[out->ncountries++] =
				diplo_strndup(a, c->countries[best], strlen(c->countries[best]));
		}
	}
	if (tags->event)
	{
		out->event = diplo_strndup(a, tags->event->event, strlen(tags->event->event));
		out->event_code = tags->event->cameo ?
			diplo_strndup(a, tags->event->cameo, strlen(tags->event->cameo)) : NULL;
	}
}
