/*
 * diplo_analyze.c
 *		The analyser's driver: two passes over the paragraphs of an article
 *		(register the named entities; then pair quotes, find mentions,
 *		attribute and tag), then the canonical speakers.
 */
#include "diplo_analyze.h"

#include <string.h>

#include "diplo_attrib.h"
#include "diplo_coref.h"
#include "diplo_mention.h"
#include "diplo_quote.h"
#include "diplo_tagger.h"
#include "diplo_text.h"

/* Copy a NUL-terminated string, or NULL. */
static char *
copy_or_null(const DiploAllocator *a, const char *s)
{
	return s ? diplo_strndup(a, s, strlen(s)) : NULL;
}

/* First pass: register every named person and organisation. */
static void
register_entities(const DiploAllocator *a, const char *text, size_t len,
				  DiploCoref *coref, DiploTokens *toks, DiploMentions *ms)
{
	DiploParagraphs it;
	DiploParagraph p;

	diplo_paragraphs_init(&it, text, len);
	while (diplo_paragraphs_next(a, &it, &p))
	{
		diplo_tokenize(a, text, &p, toks);
		diplo_split_sentences(a, toks, NULL);
		diplo_find_mentions(a, toks, ms);
		for (int k = 0; k < ms->n; k++)
			diplo_coref_register(coref, toks, &ms->m[k]);
	}
}

/* Build out->speakers from the entities the quotes refer to; renumber. */
static void
output_speakers(const DiploAllocator *a, DiploCoref *coref, DiploAttrib *at,
				DiploAnalysis *out)
{
	int		   *map = diplo_alloc(a, sizeof(int) * (coref->n ? coref->n : 1));
	int			n = 0;

	for (int e = 0; e < coref->n; e++)
		map[e] = -1;
	for (int k = 0; k < at->nq; k++)
	{
		int			refs[2] = {at->q[k].speaker, at->q[k].channel};

		for (int r = 0; r < 2; r++)
			if (refs[r] >= 0 && map[refs[r]] < 0)
				map[refs[r]] = n++;
	}
	out->speakers = diplo_alloc(a, sizeof(DiploSpeaker) * (n ? n : 1));
	out->nspeakers = n;
	for (int e = 0; e < coref->n; e++)
	{
		DiploSpeaker *s;
		DiploEntity *en = &coref->ent[e];

		if (map[e] < 0)
			continue;
		s = &out->speakers[map[e]];
		s->name = copy_or_null(a, en->name);
		s->role = copy_or_null(a, en->role);
		s->org = NULL;
		s->country = copy_or_null(a, en->country);
		s->type = en->type;
	}
	for (int k = 0; k < at->nq; k++)
	{
		DiploQuote *q = &at->q[k];

		q->speaker = q->speaker >= 0 ? map[q->speaker] : -1;
		q->channel = q->channel >= 0 ? map[q->channel] : -1;
		q->addressee = q->addressee >= 0 ? map[q->addressee] : -1;
	}
	diplo_free(a, map);
}

/* Analyse text into out (see diplo_analyze.h). */
void
diplo_analyze_text(const DiploAllocator *a, const char *text, size_t len,
				   DiploAnalysis *out)
{
	DiploCoref	coref;
	DiploAttrib at;
	DiploTokens toks = {0};
	DiploQuoteSpans qs = {0};
	DiploMentions ms = {0};
	DiploTags  *tags = diplo_alloc(a, sizeof(DiploTags));
	DiploParagraphs it;
	DiploParagraph p;
	bool		prev_unclosed = false;

	memset(out, 0, sizeof(*out));
	diplo_lexicon_init();
	diplo_coref_init(&coref, a);
	if (!text)
		len = 0;
	register_entities(a, text, len, &coref, &toks, &ms);

	diplo_attrib_init(&at, a, &coref);
	diplo_paragraphs_init(&it, text, len);
	while (diplo_paragraphs_next(a, &it, &p))
	{
		bool		next_opens = !p.window &&
			diplo_starts_with_opening_mark(text, len, it.pos);

		diplo_tokenize(a, text, &p, &toks);
		diplo_pair_quotes(a, &toks, prev_unclosed, next_opens, &qs);
		diplo_split_sentences(a, &toks, qs.dir);
		diplo_find_mentions(a, &toks, &ms);
		diplo_tag_paragraph(a, &toks, tags, &coref);
		diplo_attrib_paragraph(&at, &toks, &qs, &ms);
		prev_unclosed = qs.n > 0 && (qs.span[qs.n - 1].flags & DIPLO_QS_UNCLOSED);
	}

	/* an organisation relaying someone speaks for that someone's country */
	for (int k = 0; k < at.nq; k++)
	{
		const DiploQuote *q = &at.q[k];

		if (q->channel >= 0 && q->speaker >= 0 &&
			!coref.ent[q->channel].relayed_country)
			coref.ent[q->channel].relayed_country = coref.ent[q->speaker].country;
	}
	diplo_coref_finish(&coref);
	output_speakers(a, &coref, &at, out);
	/* give back the slack of the quote array */
	if (at.q && at.nq < at.capq)
		at.q = diplo_realloc(a, at.q, sizeof(DiploQuote) * (at.nq ? at.nq : 1));
	out->quotes = at.q;
	out->nquotes = at.nq;
	at.q = NULL;
	at.nq = 0;
	if (!out->quotes)
		out->quotes = diplo_alloc(a, sizeof(DiploQuote));
	diplo_tags_output(a, tags, &coref, out);

	diplo_attrib_free(&at);
	diplo_coref_free(&coref);
	diplo_tokens_free(a, &toks);
	diplo_quote_spans_free(a, &qs);
	diplo_mentions_free(a, &ms);
	diplo_free(a, tags);
}
