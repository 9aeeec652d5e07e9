/*
 * diplo_quote.h
 *		Quote-mark pairing within one paragraph: straight, curly, «», and
 *		the ``...'' style; wrong-way marks; quotes that go on in the next
 *		paragraph.
 *
 * Only outermost quotes are returned (nested ones are part of them).  An
 * unbalanced mark never affects another paragraph: whatever is open at the
 * paragraph end is dropped unless the next paragraph opens with a mark (the
 * multi-paragraph convention), in which case it is kept as an unclosed
 * piece.
 */
#ifndef DIPLO_QUOTE_H
#define DIPLO_QUOTE_H

#include "diplo_text.h"

#define DIPLO_QS_NO_OPEN	0x01	/* closed by a mark with nothing open:
									 * starts at the paragraph start */
#define DIPLO_QS_UNCLOSED	0x02	/* runs to the paragraph end */
#define DIPLO_QS_CONTINUES	0x04	/* goes on from the previous paragraph */

typedef struct DiploQuoteSpan
{
	int			open;			/* token of the opening mark, or -1 */
	int			close;			/* token of the closing mark, or -1 */
	int			first;			/* first content token */
	int			last;			/* one past the last content token */
	int			flags;			/* DIPLO_QS_* */
} DiploQuoteSpan;

typedef struct DiploQuoteSpans
{
	DiploQuoteSpan *span;
	int			n;
	int			cap;
	int8_t	   *dir;			/* per token: 1 opening mark, -1 closing, 0 */
	int			dir_cap;
} DiploQuoteSpans;

/*
 * Pair the marks of a paragraph.  continues_prev: the previous paragraph
 * ended inside a quote; next_opens: the next paragraph starts with a mark.
 */
void		diplo_pair_quotes(const DiploAllocator *a, const DiploTokens *t,
							  bool continues_prev, bool next_opens,
							  DiploQuoteSpans *out);

void		diplo_quote_spans_free(const DiploAllocator *a, DiploQuoteSpans *q);

#endif							/* DIPLO_QUOTE_H */
