/*
 * diplo_attrib.h
 *		Attribution: who said what in a paragraph.  Direct quotes are tied
 *		to an adjacent cue ("“...,” X said", "said X", "X said: “...”", a
 *		quote interrupted by ", X said,"); reported speech runs from a cue
 *		verb with a subject to the end of the reported clause ("X told Y
 *		that ..."), and is mixed when it holds quoted words.  A quote whose
 *		speaker mention lies inside another quote's content is relayed: the
 *		outer speaker becomes its channel.
 *
 * A reported clause holds at most one attribution of its own (a relay)
 * and ends before a second cue with a subject, so that a token lies in at
 * most two reported contents and the output stays proportional to the
 * input whatever the text.
 *
 * Speakers are entity indexes of the DiploCoref until the driver renumbers
 * them.
 */
#ifndef DIPLO_ATTRIB_H
#define DIPLO_ATTRIB_H

#include "diplo_coref.h"
#include "diplo_quote.h"

typedef struct DiploAttrib
{
	const DiploAllocator *a;
	DiploCoref *coref;
	DiploQuote *q;				/* the article's quotes so far */
	int			nq;
	int			capq;
	int			chain_first;	/* first quote of a multi-paragraph quote
								 * still open, or -1 */
	int			chain_last;
	int			last_speaker;	/* the speaker of the previous paragraph's
								 * last quote, or -1 */
	int			label_speaker;	/* the speaker of the last transcript label
								 * ("MR PRICE: ..."), or -1 */
	int			colon_speaker;	/* the speaker of a paragraph ending in "X
								 * said:", whose quote opens the next one */
	char	   *colon_cue;		/* that paragraph's cue ("said:"), or NULL */
	int64_t		colon_cue_start;	/* its characters in the article */
	int64_t		colon_cue_len;
	/* per-paragraph scratch, kept and grown from paragraph to paragraph */
	int		   *tok_scratch;	/* 3 ints per token: span indexes */
	uint8_t    *in_reported;	/* per token */
	int			tok_cap;
	int		   *span_attr;		/* per quote span */
	int			span_cap;
	void	   *attrs;			/* the paragraph's attributions */
	int			attrs_cap;
	uint8_t    *pos;			/* per token: part-of-speech tag, valid in
								 * the window tagged last */
	int			pos_cap;
	int			pos_lo;			/* the window tagged last: [pos_lo, pos_hi) */
	int			pos_hi;
	bool		pos_from_start; /* it starts at its sentence's start */
} DiploAttrib;

void		diplo_attrib_init(DiploAttrib *at, const DiploAllocator *a,
							  DiploCoref *coref);

/* Find the quotes of one paragraph and append them to at->q. */
void		diplo_attrib_paragraph(DiploAttrib *at, const DiploTokens *t,
								   const DiploQuoteSpans *qs,
								   const DiploMentions *ms);

/* Free the quotes that were not handed over, and the scratch. */
void		diplo_attrib_free(DiploAttrib *at);

#endif							/* DIPLO_ATTRIB_H */
