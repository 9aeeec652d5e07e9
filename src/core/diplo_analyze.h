/*
 * diplo_analyze.h
 *		The analyser's entry point: article text in, DiploAnalysis out.
 */
#ifndef DIPLO_ANALYZE_H
#define DIPLO_ANALYZE_H

#include "diplo_analysis.h"

/*
 * Analyse text (UTF-8, len bytes, need not be NUL-terminated; invalid
 * sequences are taken one byte per character and never crash it).  All
 * memory comes from a; the result does not point into text.  Runs in time
 * linear in len and memory bounded by a constant plus the size of the
 * result; calls diplo_check_interrupts in every loop over text.
 */
void		diplo_analyze_text(const DiploAllocator *a, const char *text,
							   size_t len, DiploAnalysis *out);

#endif							/* DIPLO_ANALYZE_H */
