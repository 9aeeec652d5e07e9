/*
 * diplo_tagger.c
 *		Topics, countries and the event of an article.
 */
#include "diplo_tagger.h"

#include <string.h>

#include "diplo_config.h"

/* Record a configured keyword from token first to token last. */
static void
add_hit(const DiploAllocator *a, DiploTags *tags, const DiploToken *first,
		const DiploToken *last, int topic, bool builtin)
{
	DiploTopicHit *h;

	if (tags->nhits == tags->caphits)
	{
		tags->caphits = tags->caphits ? tags->caphits * 2 : 16;
		tags->hits = diplo_realloc(a, tags->hits,
								   sizeof(DiploTopicHit) * tags->caphits);
	}
	h = &tags->hits[tags->nhits++];
	h->cstart = first->cstart;
	h->cend = last->cend;
	h->topic = topic;
	h->builtin = builtin;
}

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
				int			last = i + (len > 0 ? len : 1) - 1;

				if (last >= t->n)
					last = t->n - 1;
				if (b >= 0 && b < DIPLO_MAX_TOPICS)
				{
					tags->topic[b] = true;
					add_hit(a, tags, &t->tok[i], &t->tok[last], b, true);
				}
				else if (b < 0 && tags->config_topic != NULL)
				{
					tags->config_topic[topic] = true;
					add_hit(a, tags, &t->tok[i], &t->tok[last], topic, false);
				}
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

/*
 * The index in out->topics of each topic found (by diplo_tags_output's
 * order: the built-in ones, then the configuration's own), into idx_builtin
 * (DIPLO_MAX_TOPICS) and idx_config (ncfg); -1 for those not found.
 */
static void
topic_indexes(const DiploTags *tags, int ncfg, int *idx_builtin, int *idx_config)
{
	int			n = 0;

	for (int k = 0; k < DIPLO_MAX_TOPICS; k++)
		idx_builtin[k] = (k < diplo_ntopics && tags->topic[k]) ? n++ : -1;
	for (int k = 0; k < ncfg; k++)
		idx_config[k] = (tags->config_topic && tags->config_topic[k]) ? n++ : -1;
}

/* Give each quote the topics of the configured keywords in its content. */
void
diplo_tags_quote_topics(const DiploAllocator *a, const DiploTags *tags,
						const DiploConfig *config, DiploAnalysis *out)
{
	int			ncfg = config ? diplo_config_ntopics(config) : 0;
	int			idx_builtin[DIPLO_MAX_TOPICS];
	int		   *idx_config = diplo_alloc(a, sizeof(int) * (ncfg ? ncfg : 1));
	bool	   *seen = diplo_alloc(a, sizeof(bool) * (out->ntopics ? out->ntopics : 1));

	out->quote_topics = true;
	topic_indexes(tags, ncfg, idx_builtin, idx_config);
	for (int32_t q = 0; q < out->nquotes; q++)
	{
		DiploQuote *qt = &out->quotes[q];
		int64_t		cs = qt->content_start;
		int64_t		ce = cs + qt->content_len;
		int			lo = 0;
		int			hi = tags->nhits;
		int			n = 0;

		diplo_check_interrupts(a);
		if (cs < 0 || qt->content_len <= 0 || tags->nhits == 0)
			continue;
		/* the hits are in text order: the first starting at cs or later */
		while (lo < hi)
		{
			int			mid = lo + (hi - lo) / 2;

			if (tags->hits[mid].cstart < cs)
				lo = mid + 1;
			else
				hi = mid;
		}
		memset(seen, 0, sizeof(bool) * (out->ntopics ? out->ntopics : 1));
		for (int h = lo; h < tags->nhits && tags->hits[h].cstart < ce; h++)
		{
			const DiploTopicHit *hit = &tags->hits[h];
			int			t;

			if ((h & 255) == 255)
				diplo_check_interrupts(a);
			if (hit->cend > ce)
				continue;
			t = hit->builtin ?
				(hit->topic >= 0 && hit->topic < DIPLO_MAX_TOPICS ? idx_builtin[hit->topic] : -1) :
				(hit->topic >= 0 && hit->topic < ncfg ? idx_config[hit->topic] : -1);
			if (t >= 0 && t < out->ntopics && !seen[t])
			{
				seen[t] = true;
				n++;
			}
		}
		if (n == 0)
			continue;
		qt->topics = diplo_alloc(a, sizeof(int32_t) * n);
		for (int t = 0; t < out->ntopics; t++)
			if (seen[t])
				qt->topics[qt->ntopics++] = t;
	}
	diplo_free(a, seen);
	diplo_free(a, idx_config);
}
