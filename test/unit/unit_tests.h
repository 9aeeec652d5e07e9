/*
 * unit_tests.h
 *		The groups of the core unit test runner: each returns its failures.
 */
#ifndef UNIT_TESTS_H
#define UNIT_TESTS_H

/* cmocka needs these before its header */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

int			unit_alloc(void);
int			unit_analyze(void);
int			unit_serial(void);
int			unit_lexicon(void);
int			unit_query(void);
int			unit_postag(void);
int			unit_config(void);
int			unit_language(void);
int			unit_dict(void);
#endif							/* UNIT_TESTS_H */
