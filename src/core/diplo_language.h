/*
 * diplo_language.h
 *		The languages of articles (issue 7): the guess of an article's
 *		language from its function words, and the words of a language
 *		that the analyser reads as English ones (data/languages.tsv).
 */
#ifndef DIPLO_LANGUAGE_H
#define DIPLO_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "diplo_analyze.h"

/*
 * The language of text: the one whose function words (data/languages.tsv)
 * are the most frequent in its first DIPLO_GUESS_BYTES bytes, if it leads
 * English clearly; else English.  Never DIPLO_LANG_AUTO.  a may be NULL
 * (then interrupts are not checked).
 */
#define DIPLO_GUESS_BYTES 16384

DiploLanguage diplo_guess_language(const DiploAllocator *a, const char *text,
								   size_t len);

/* How many function words of each language the guess counted, by DiploLanguage. */
void		diplo_language_counts(const DiploAllocator *a, const char *text,
								  size_t len, int counts[DIPLO_LANG_DE + 1]);

/* The English word that the word s[0, len) of lang is read as, or NULL. */
const char *diplo_language_alias(DiploLanguage lang, const char *s, int len);

/* Is s[0, len) (ending in an apostrophe) an elision of lang ("l'", "qu'")? */
bool		diplo_language_elision(DiploLanguage lang, const char *s, int len);

#endif							/* DIPLO_LANGUAGE_H */
