/*
 * diplo_quote.c
 *		Quote-mark pairing within one paragraph.
 */
#include "diplo_quote.h"

#include <string.h>

/* Is token i a punctuation token whose first byte is one of chars? */
static bool
punct_in(const DiploTokens *t, int i, const char *chars)
{
	if (i < 0 || i >= t->n || t->tok[i].kind != DIPLO_TOK_PUNCT)
		return false;
	return strchr(chars, t->text[t->tok[i].start]) != NULL ||
		(t->tok[i].end - t->tok[i].start == 3 &&
		 (unsigned char) t->text[t->tok[i].start] == 0xE2 &&
		 strchr(chars, '-') != NULL);	/* en and em dashes */
}

/* Nothing word-like just before mark i: it can open a quote. */
static bool
left_free(const DiploTokens *t, int i)
{
	return i == 0 || (t->tok[i].flags & DIPLO_TF_SPACE) ||
		punct_in(t, i - 1, "([-:") || t->tok[i - 1].kind == DIPLO_TOK_QUOTE;
}

/* Nothing word-like just after mark i: it can close a quote. */
static bool
right_free(const DiploTokens *t, int i)
{
	return i + 1 >= t->n || (t->tok[i + 1].flags & DIPLO_TF_SPACE) ||
		punct_in(t, i + 1, ",.;:!?)]-") || t->tok[i + 1].kind == DIPLO_TOK_QUOTE;
}

/* A mark after a comma that a cue verb follows closely: ', “said the FO.' */
static bool
orphan_closer(const DiploTokens *t, int i)
{
	if (!(i > 0 && punct_in(t, i - 1, ",")))
		return false;
	for (int k = i + 1; k < t->n && k <= i + 3; k++)
	{
		const DiploCue *cue;

		if (t->tok[k].kind != DIPLO_TOK_WORD)
			return false;
		cue = diplo_tok_cue(t, k);
		if (cue && cue->cls == DIPLO_CUE_SPEECH)
			return true;
		/* only a short subject may stand before the cue */
		if ((t->tok[k].flags & DIPLO_TF_LOWER) && !diplo_tok_is(t, k, "he") &&
			!diplo_tok_is(t, k, "she") && !diplo_tok_is(t, k, "they") &&
			!diplo_tok_is(t, k, "the"))
			return false;
	}
	return false;
}

/*
 * Is the next quote mark after i a closing glyph?  Then an opening glyph at
 * i opens a quote (', “As they say ...”'), whatever words follow it.
 */
static bool
closer_follows(const DiploTokens *t, int i)
{
	for (int k = i + 1; k < t->n; k++)
		if (t->tok[k].kind == DIPLO_TOK_QUOTE)
			return t->tok[k].glyph == DIPLO_MARK_CLOSE;
	return false;
}

/* Append a span. */
static void
push_span(const DiploAllocator *a, DiploQuoteSpans *q, int open, int close,
		  int first, int last, int flags)
{
	DiploQuoteSpan *s;

	if (last <= first)
		return;
	if (q->n == q->cap)
	{
		int			ncap = q->cap ? q->cap * 2 : 16;

		q->span = diplo_realloc(a, q->span, sizeof(DiploQuoteSpan) * ncap);
		q->cap = ncap;
	}
	s = &q->span[q->n++];
	s->open = open;
	s->close = close;
	s->first = first;
	s->last = last;
	s->flags = flags;
}

/* Pair the marks of a paragraph. */
void
diplo_pair_quotes(const DiploAllocator *a, const DiploTokens *t,
				  bool continues_prev, bool next_opens, DiploQuoteSpans *out)
{
	int			open = -1;		/* token of the outermost open mark */
	int			depth = 0;
	int			after_last = 0; /* first token after the last span */

	out->n = 0;
	if (out->dir_cap < t->n)
	{
		out->dir = diplo_realloc(a, out->dir, t->n ? t->n : 1);
		out->dir_cap = t->n;
	}
	if (t->n)
		memset(out->dir, 0, t->n);
	for (int i = 0; i < t->n; i++)
	{
		const DiploToken *tk = &t->tok[i];
		bool		lf,
					rf;
		int			dir;

		if (tk->kind != DIPLO_TOK_QUOTE)
			continue;
		diplo_check_interrupts(a);
		lf = left_free(t, i);
		rf = right_free(t, i);
		if (tk->glyph == DIPLO_MARK_STRAIGHT)
		{
			if (lf && !rf)
				dir = 1;
			else if (rf && !lf)
				dir = -1;
			else
				dir = open >= 0 ? -1 : 1;
			/* straight marks do not nest inside a straight quote */
			if (open >= 0 && t->tok[open].glyph == DIPLO_MARK_STRAIGHT)
				dir = -1;
		}
		else if (tk->glyph == DIPLO_MARK_OPEN)
		{
			dir = 1;
			if (open >= 0 && (i + 1 >= t->n || punct_in(t, i + 1, ",.;:!?")))
				dir = -1;		/* 'settlement “.' */
			else if (open < 0 && orphan_closer(t, i) && !closer_follows(t, i))
				dir = -1;		/* 'region, “said the FO.' */
		}
		else
		{
			dir = -1;
			if (open < 0 && lf && !rf && !orphan_closer(t, i))
				dir = 1;		/* a closing glyph used to open */
		}
		out->dir[i] = (int8_t) dir;
		if (dir > 0)
		{
			if (open < 0)
			{
				open = i;
				depth = 1;
			}
			else if (depth < 1000000)
				depth++;
			continue;
		}
		if (open < 0)
		{
			/* nothing open: a closing mark before its attribution */
			if (orphan_closer(t, i) || (i + 1 < t->n && punct_in(t, i + 1, ",")))
			{
				if (orphan_closer(t, i))
					push_span(a, out, -1, i, after_last, i,
							  DIPLO_QS_NO_OPEN);
				after_last = i + 1;
			}
			else
				out->dir[i] = 0;
			continue;
		}
		if (--depth <= 0)
		{
			int			flags = 0;

			if (open == 0 && continues_prev)
				flags |= DIPLO_QS_CONTINUES;
			push_span(a, out, open, i, open + 1, i, flags);
			open = -1;
			depth = 0;
			after_last = i + 1;
		}
	}
	if (open >= 0)
	{
		if (next_opens)
			push_span(a, out, open, -1, open + 1, t->n,
					  DIPLO_QS_UNCLOSED |
					  (open == 0 && continues_prev ? DIPLO_QS_CONTINUES : 0));
		else
			out->dir[open] = 0;
	}
}

/* Free a paragraph's quote spans. */
void
diplo_quote_spans_free(const DiploAllocator *a, DiploQuoteSpans *q)
{
	diplo_free(a, q->span);
	diplo_free(a, q->dir);
	memset(q, 0, sizeof(*q));
}
