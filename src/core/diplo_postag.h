/*
 * diplo_postag.h
 *		Part-of-speech and named-entity tags of words: two averaged
 *		perceptrons (greedy, left to right) over hashed features, trained by
 *		tools/train_tagger.py on silver Stanford CoreNLP tags and compiled by
 *		tools/gen_tagger.py from data/tagger_model.tsv into tagger_data.c.
 *
 * The tagger reads one sentence at a time as an array of DiploWord (the
 * tokens as diplo_tokenize cut them: "U.S.", "’s", "don't", ",").  The
 * part-of-speech tags are the 45 Penn Treebank tags; the entity tag is
 * coarse (person, organisation, location, other name, none).  Tagging
 * allocates nothing, is deterministic and runs in time linear in the
 * number of words; any bytes are accepted.
 */
#ifndef DIPLO_POSTAG_H
#define DIPLO_POSTAG_H

#include <stdbool.h>
#include <stdint.h>

#include "diplo_alloc.h"
#include "diplo_lexicon.h"
#include "diplo_text.h"

/* Penn Treebank tags, in the class order of the model (train_tagger.py). */
typedef enum DiploPos
{
	DIPLO_POS_NN = 0,			/* noun, singular */
	DIPLO_POS_NNS,				/* noun, plural */
	DIPLO_POS_NNP,				/* proper noun */
	DIPLO_POS_NNPS,				/* proper noun, plural */
	DIPLO_POS_JJ,				/* adjective */
	DIPLO_POS_JJR,
	DIPLO_POS_JJS,
	DIPLO_POS_VB,				/* verb, base form */
	DIPLO_POS_VBD,				/* past tense: "said" */
	DIPLO_POS_VBG,				/* gerund or present participle: "saying" */
	DIPLO_POS_VBN,				/* past participle */
	DIPLO_POS_VBP,				/* present, not 3rd person singular */
	DIPLO_POS_VBZ,				/* present, 3rd person singular: "says" */
	DIPLO_POS_MD,				/* modal: "would" */
	DIPLO_POS_RB,				/* adverb */
	DIPLO_POS_RBR,
	DIPLO_POS_RBS,
	DIPLO_POS_RP,				/* particle */
	DIPLO_POS_IN,				/* preposition or subordinating conjunction */
	DIPLO_POS_TO,
	DIPLO_POS_DT,				/* determiner */
	DIPLO_POS_PDT,
	DIPLO_POS_WDT,				/* "which", "that" (relative) */
	DIPLO_POS_WP,				/* "who", "what" */
	DIPLO_POS_WP_POSS,			/* "whose" (WP$) */
	DIPLO_POS_WRB,				/* "when", "where" */
	DIPLO_POS_PRP,				/* personal pronoun */
	DIPLO_POS_PRP_POSS,			/* possessive pronoun (PRP$) */
	DIPLO_POS_POS,				/* possessive ending 's */
	DIPLO_POS_CC,				/* coordinating conjunction */
	DIPLO_POS_CD,				/* number */
	DIPLO_POS_EX,				/* existential "there" */
	DIPLO_POS_FW,
	DIPLO_POS_LS,
	DIPLO_POS_SYM,
	DIPLO_POS_UH,
	DIPLO_POS_HASH,				/* # */
	DIPLO_POS_DOLLAR,			/* $ */
	DIPLO_POS_PERIOD,			/* . ! ? */
	DIPLO_POS_COMMA,			/* , */
	DIPLO_POS_COLON,			/* : ; -- ... */
	DIPLO_POS_LRB,				/* ( [ { */
	DIPLO_POS_RRB,				/* ) ] } */
	DIPLO_POS_OPEN_QUOTE,		/* `` */
	DIPLO_POS_CLOSE_QUOTE,		/* '' */
	DIPLO_POS_NTAGS
} DiploPos;

/* Coarse entity tags, in the class order of the model. */
typedef enum DiploNer
{
	DIPLO_NER_O = 0,			/* not a name */
	DIPLO_NER_PERSON,
	DIPLO_NER_ORGANIZATION,
	DIPLO_NER_LOCATION,
	DIPLO_NER_MISC,				/* other names: nationalities, events ... */
	DIPLO_NER_NTAGS
} DiploNer;

/* The PTB name of a part-of-speech tag ("NNP"), or "?" if out of range. */
const char *diplo_pos_name(int pos);

/* The name of an entity tag ("PERSON", "O"), or "?" if out of range. */
const char *diplo_ner_name(int ner);

/*
 * Tag one sentence of n words: pos_out[i] gets a DiploPos, ner_out[i] (if
 * ner_out is not NULL) a DiploNer.  The first word is taken as the start
 * of a sentence.  a (may be NULL) is only asked to check interrupts.
 */
void		diplo_pos_tag(const DiploAllocator *a, const DiploWord *words,
						  int n, uint8_t *pos_out, uint8_t *ner_out);

/*
 * Tag every sentence of a paragraph (t->sent_start, or the whole paragraph
 * as one sentence if it was not split): pos_out and ner_out (may be NULL)
 * have t->n entries.
 */
void		diplo_pos_tag_tokens(const DiploAllocator *a, const DiploTokens *t,
								 uint8_t *pos_out, uint8_t *ner_out);

/* Is the tag a noun (NN NNS NNP NNPS)? */
static inline bool
diplo_pos_is_noun(int pos)
{
	return pos >= DIPLO_POS_NN && pos <= DIPLO_POS_NNPS;
}

/* Is the tag a proper noun (NNP NNPS)? */
static inline bool
diplo_pos_is_proper(int pos)
{
	return pos == DIPLO_POS_NNP || pos == DIPLO_POS_NNPS;
}

/* Is the tag a verb (VB VBD VBG VBN VBP VBZ, not MD)? */
static inline bool
diplo_pos_is_verb(int pos)
{
	return pos >= DIPLO_POS_VB && pos <= DIPLO_POS_VBZ;
}

/* Is the tag a finite verb (VBD VBP VBZ MD): a clause's main verb? */
static inline bool
diplo_pos_is_finite(int pos)
{
	return pos == DIPLO_POS_VBD || pos == DIPLO_POS_VBP ||
		pos == DIPLO_POS_VBZ || pos == DIPLO_POS_MD;
}

/* Is the tag an adjective (JJ JJR JJS)? */
static inline bool
diplo_pos_is_adjective(int pos)
{
	return pos >= DIPLO_POS_JJ && pos <= DIPLO_POS_JJS;
}

/*
 * The generated model behind the tagger (tagger_data.c, written by
 * tools/gen_tagger.py).  Internal to diplo_postag.c.  A feature's 64-bit
 * hash picks the slot (low bits, linear probing) and is checked by its
 * high 32 bits; the slot's ref is (index << 8) | count, 0 for an empty
 * slot.  A count below 255 is a run of (weight, class) pairs from
 * diplo_postag_weights[index]; 255 is a dense row of DIPLO_POSTAG_ROW
 * weights from diplo_postag_rows[index * DIPLO_POSTAG_ROW] (features with
 * many classes: added without branching).  Weights are bounded by
 * DIPLO_POSTAG_MAX_WEIGHT so that the sum of a step's features fits an
 * int16_t.
 */
#define DIPLO_POSTAG_ROW 48		/* DIPLO_POS_NTAGS rounded up to 8 */
#define DIPLO_POSTAG_DENSE 255
#define DIPLO_POSTAG_MAX_WEIGHT 1365	/* 32767 / 24 features */

typedef struct DiploPostagSlot
{
	uint32_t	check;			/* high 32 bits of the feature hash */
	uint32_t	ref;			/* (index << 8) | count; 0: empty */
} DiploPostagSlot;

typedef struct DiploPostagWeight
{
	int16_t		weight;
	uint8_t		cls;			/* DiploPos or DiploNer */
} DiploPostagWeight;

extern const DiploPostagSlot diplo_postag_slots[];
extern const uint32_t diplo_postag_mask;	/* number of slots - 1 */
extern const DiploPostagWeight diplo_postag_weights[];
extern const int16_t diplo_postag_rows[];
extern const char *const diplo_postag_pos_names[DIPLO_POS_NTAGS];
extern const char *const diplo_postag_ner_names[DIPLO_NER_NTAGS];

#endif							/* DIPLO_POSTAG_H */
