/*
 * diplo_analyze.c
 *		The analyser's driver: two passes over the paragraphs of an article
 *		(register the named entities; then pair quotes, find mentions,
 *		attribute and tag), then the canonical speakers.
 */
#include "diplo_analyze.h"

#include <string.h>

#include "diplo_attrib.h"
#include "diplo_config.h"
#include "diplo_coref.h"
#include "diplo_language.h"
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

/*
 * The first pass's work on the article's first paragraphs, kept for the
 * second pass: each paragraph's bounds, its tokens (as diplo_tokenize left
 * them), the sentence starts it split them into and the mentions it found.
 * At most TOKEN_CACHE_MAX tokens: the paragraphs past that are read again.
 */
#define TOKEN_CACHE_MAX 65536

typedef struct CachedParagraph
{
	DiploParagraph p;
	size_t		next_pos;		/* the iterator after it */
	int64_t		next_cpos;
	int			tok0;			/* first token, sentence and mention */
	int			ntok;
	int			sent0;
	int			nsent;
	int			men0;
	int			nmen;
	bool		has_marks;		/* has quote mark tokens */
} CachedParagraph;

typedef struct FirstPass
{
	CachedParagraph *para;
	int			npara;
	int			para_cap;
	bool		full;			/* paragraphs past npara are not kept */
	DiploToken *tok;
	DiploWord  *words;
	const DiploCue **cue;
	int			ntok;
	int			tok_cap;
	int		   *sent_start;
	int			nsent;
	int			sent_cap;
	DiploMention *men;
	int			nmen;
	int			men_cap;
} FirstPass;

/* The capacity, doubling from cap (or 16), that holds need items. */
static int
grown_cap(int cap, int need)
{
	int			ncap = cap ? cap : 16;

	while (ncap < need)
		ncap *= 2;
	return ncap;
}

/* Grow an array of elem-byte items (allocated if NULL) to hold need of them. */
static void *
grow(const DiploAllocator *a, void *arr, int *cap, int need, size_t elem)
{
	if (arr != NULL && need <= *cap)
		return arr;
	*cap = grown_cap(*cap, need);
	return diplo_realloc(a, arr, elem * *cap);
}

/* Keep the first pass's tokens, sentences and mentions of paragraph p. */
static void
keep_paragraph(const DiploAllocator *a, FirstPass *fp, const DiploParagraph *p,
			   const DiploParagraphs *it, const DiploTokens *toks,
			   const DiploMentions *ms)
{
	CachedParagraph *cp;
	int			need = fp->ntok + toks->n;

	if (fp->full || need > TOKEN_CACHE_MAX)
	{
		fp->full = true;
		return;
	}
	if (fp->tok == NULL || need > fp->tok_cap)
	{
		int			ncap = grown_cap(fp->tok_cap, need);

		fp->tok = diplo_realloc(a, fp->tok, sizeof(DiploToken) * ncap);
		fp->words = diplo_realloc(a, fp->words, sizeof(DiploWord) * ncap);
		fp->cue = diplo_realloc(a, fp->cue, sizeof(DiploCue *) * ncap);
		fp->tok_cap = ncap;
	}
	fp->sent_start = grow(a, fp->sent_start, &fp->sent_cap,
						  fp->nsent + toks->nsent, sizeof(int));
	fp->men = grow(a, fp->men, &fp->men_cap, fp->nmen + ms->n,
				   sizeof(DiploMention));
	fp->para = grow(a, fp->para, &fp->para_cap, fp->npara + 1,
					sizeof(CachedParagraph));
	cp = &fp->para[fp->npara++];
	cp->p = *p;
	cp->next_pos = it->pos;
	cp->next_cpos = it->cpos;
	cp->tok0 = fp->ntok;
	cp->ntok = toks->n;
	cp->sent0 = fp->nsent;
	cp->nsent = toks->nsent;
	cp->men0 = fp->nmen;
	cp->nmen = ms->n;
	cp->has_marks = false;
	for (int k = 0; k < toks->n && !cp->has_marks; k++)
		cp->has_marks = toks->tok[k].kind == DIPLO_TOK_QUOTE;
	if (toks->n > 0)
	{
		memcpy(fp->tok + fp->ntok, toks->tok, sizeof(DiploToken) * toks->n);
		memcpy(fp->words + fp->ntok, toks->words, sizeof(DiploWord) * toks->n);
		memcpy(fp->cue + fp->ntok, toks->cue, sizeof(DiploCue *) * toks->n);
	}
	if (toks->nsent > 0)
		memcpy(fp->sent_start + fp->nsent, toks->sent_start,
			   sizeof(int) * toks->nsent);
	if (ms->n > 0)
		memcpy(fp->men + fp->nmen, ms->m, sizeof(DiploMention) * ms->n);
	fp->ntok += toks->n;
	fp->nsent += toks->nsent;
	fp->nmen += ms->n;
}

/* Free what the first pass kept. */
static void
first_pass_free(const DiploAllocator *a, FirstPass *fp)
{
	diplo_free(a, fp->para);
	diplo_free(a, fp->tok);
	diplo_free(a, fp->words);
	diplo_free(a, fp->cue);
	diplo_free(a, fp->sent_start);
	diplo_free(a, fp->men);
	memset(fp, 0, sizeof(*fp));
}

/* First pass: register every named person and organisation. */
static void
register_entities(const DiploAllocator *a, const char *text, size_t len,
				  DiploCoref *coref, DiploTokens *toks, DiploMentions *ms,
				  FirstPass *fp)
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
		keep_paragraph(a, fp, &p, &it, toks, ms);
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
		s->org = copy_or_null(a, en->actor_org);
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

/* Analyse text into out with the built-in English knowledge. */
void
diplo_analyze_text(const DiploAllocator *a, const char *text, size_t len,
				   DiploAnalysis *out)
{
	DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};

	diplo_analyze_text_opts(a, text, len, &opts, out);
}

/* Analyse text into out (see diplo_analyze.h). */
void
diplo_analyze_text_opts(const DiploAllocator *a, const char *text, size_t len,
						const DiploAnalyzeOptions *opts, DiploAnalysis *out)
{
	DiploCoref	coref;
	DiploAttrib at;
	DiploTokens toks = {0};
	DiploQuoteSpans qs = {0};
	DiploMentions ms = {0};
	FirstPass	fp = {0};
	DiploTokens view = {0};
	DiploTags  *tags = diplo_alloc(a, sizeof(DiploTags));
	DiploParagraphs it;
	DiploParagraph p;
	bool		prev_unclosed = false;
	DiploLanguage lang = opts ? opts->language : DIPLO_LANG_AUTO;
	int			prev_lang;

	memset(out, 0, sizeof(*out));
	diplo_lexicon_init();
	if (!text)
		len = 0;
	if (lang == DIPLO_LANG_AUTO || lang > DIPLO_LANG_DE)
		lang = diplo_guess_language(a, text, len);
	out->language = lang;
	/* the lookups read this language's tables until the end */
	prev_lang = diplo_lex_set_language(lang);
	diplo_coref_init(&coref, a);
	if (opts != NULL && opts->config != NULL)
	{
		/* what a configuration adds (issue 7) */
		coref.config = opts->config;
		coref.date = opts->date;
		toks.config = opts->config;
		view.config = opts->config;
		if (diplo_config_ntopics(opts->config) > 0)
			tags->config_topic = diplo_alloc(a, sizeof(bool) *
											 diplo_config_ntopics(opts->config));
	}
	register_entities(a, text, len, &coref, &toks, &ms, &fp);

	diplo_attrib_init(&at, a, &coref);
	diplo_paragraphs_init(&it, text, len);
	for (int k = 0;; k++)
	{
		const DiploTokens *pt = &toks;
		bool		next_opens;

		if (k < fp.npara)
		{
			const CachedParagraph *cp = &fp.para[k];

			/* the first pass's tokens and sentences */
			p = cp->p;
			it.pos = cp->next_pos;
			it.cpos = cp->next_cpos;
			view.text = text;
			view.tok = fp.tok + cp->tok0;
			view.words = fp.words + cp->tok0;
			view.cue = fp.cue + cp->tok0;
			view.n = view.cap = cp->ntok;
			view.sent_start = toks.sent_start;
			view.sent_cap = toks.sent_cap;
			view.nsent = 0;
			pt = &view;
		}
		else if (!diplo_paragraphs_next(a, &it, &p))
			break;
		next_opens = !p.window &&
			diplo_starts_with_opening_mark(text, len, it.pos);
		if (pt == &toks)
			diplo_tokenize(a, text, &p, &toks);
		diplo_pair_quotes(a, pt, prev_unclosed, next_opens, &qs);
		if (pt == &view)
		{
			const CachedParagraph *cp = &fp.para[k];

			/*
			 * Without quote marks the direction of marks cannot move a
			 * sentence end: keep the first pass's sentences; else split
			 * again, without its sentence start flags.
			 */
			if (!cp->has_marks)
			{
				view.sent_start = grow(a, view.sent_start, &view.sent_cap,
									   cp->nsent, sizeof(int));
				memcpy(view.sent_start, fp.sent_start + cp->sent0,
					   sizeof(int) * cp->nsent);
				view.nsent = cp->nsent;
			}
			else
			{
				for (int j = 0; j < cp->nsent; j++)
					view.tok[fp.sent_start[cp->sent0 + j]].flags &= ~DIPLO_TF_SENT_START;
				diplo_split_sentences(a, &view, qs.dir);
			}
			toks.sent_start = view.sent_start;
			toks.sent_cap = view.sent_cap;
			/* the same sentences: the same mentions as the first pass found */
			if (view.nsent == cp->nsent &&
				memcmp(view.sent_start, fp.sent_start + cp->sent0,
					   sizeof(int) * cp->nsent) == 0)
				diplo_mentions_restore(a, &ms, view.n, fp.men + cp->men0,
									   cp->nmen);
			else
				diplo_find_mentions(a, &view, &ms);
		}
		else
		{
			diplo_split_sentences(a, &toks, qs.dir);
			diplo_find_mentions(a, &toks, &ms);
		}
		diplo_tag_paragraph(a, pt, tags, &coref);
		diplo_attrib_paragraph(&at, pt, &qs, &ms);
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
	/* with topic keywords of its own, a quote keeps the topics they name */
	if (opts != NULL && opts->config != NULL &&
		diplo_config_ntopics(opts->config) > 0)
		diplo_tags_quote_topics(a, tags, opts->config, out);

	diplo_attrib_free(&at);
	diplo_coref_free(&coref);
	diplo_tokens_free(a, &toks);
	diplo_quote_spans_free(a, &qs);
	diplo_mentions_free(a, &ms);
	first_pass_free(a, &fp);
	diplo_free(a, tags->config_topic);
	diplo_free(a, tags->hits);
	diplo_free(a, tags);
	diplo_lex_set_language(prev_lang);
}
