/*
 * diplo_analyze.h
 *		The analyser's entry point: article text in, DiploAnalysis out.
 */
#ifndef DIPLO_ANALYZE_H
#define DIPLO_ANALYZE_H

#include "diplo_analysis.h"

/* Knowledge a user adds to the built-in lexicons (issue 7); opaque here. */
typedef struct DiploConfig DiploConfig;

/* "No publication date known" for DiploAnalyzeOptions.date. */
#define DIPLO_NO_DATE	INT32_MIN

/* How to analyse: all-zero except date means the built-in English default. */
typedef struct DiploAnalyzeOptions
{
	DiploLanguage language;		/* AUTO: guessed from the text */
	const DiploConfig *config;	/* NULL: the built-in knowledge only */
	int32_t		date;			/* publication date, days since 2000-01-01
								 * (PostgreSQL's DateADT), or DIPLO_NO_DATE */
} DiploAnalyzeOptions;

/*
 * Analyse text (UTF-8, len bytes, need not be NUL-terminated; invalid
 * sequences are taken one byte per character and never crash it).  All
 * memory comes from a; the result does not point into text.  Runs in time
 * linear in len and memory bounded by a constant plus the size of the
 * result; calls diplo_check_interrupts in every loop over text.
 */
void		diplo_analyze_text(const DiploAllocator *a, const char *text,
							   size_t len, DiploAnalysis *out);

/* diplo_analyze_text with options (language, configuration, date). */
void		diplo_analyze_text_opts(const DiploAllocator *a, const char *text,
									size_t len, const DiploAnalyzeOptions *opts,
									DiploAnalysis *out);

#endif							/* DIPLO_ANALYZE_H */
