/*
 * diplo_dict.h
 *		The plain actor dictionary format (issue 7), modelled on the
 *		PETRARCH/Phoenix .actors.txt layout, and its parser.
 *
 * One actor per line: its canonical name, then its dated roles, each in
 * brackets as [role; organisation; country; from..to]; then alias lines,
 * each starting with "+".  "#" starts a comment that runs to the end of the
 * line; blank lines are ignored.
 *
 *     # the Secretaries of State
 *     Antony Blinken [Secretary of State; Department of State; United States; 2021-01-26..2025-01-20]
 *     +Tony Blinken
 *     +Antony J. Blinken
 *     Faisal bin Farhan [Foreign Minister; ; Saudi Arabia; 2019-10-23..]
 *
 * Fields of a role may be empty or left out from the right; either date of
 * from..to may be empty (open); dates are YYYY-MM-DD.
 */
#ifndef DIPLO_DICT_H
#define DIPLO_DICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diplo_alloc.h"

/* One dated role of a dictionary actor (NULL: field empty). */
typedef struct DiploDictRole
{
	char	   *role;
	char	   *org;
	char	   *country;
	int32_t		valid_from;		/* days since 2000-01-01, or INT32_MIN */
	int32_t		valid_to;		/* days since 2000-01-01, or INT32_MIN */
} DiploDictRole;

/* One actor of a dictionary, with the line it starts on (1-based). */
typedef struct DiploDictActor
{
	char	   *name;
	char	  **aliases;
	int			naliases;
	DiploDictRole *roles;
	int			nroles;
	int			line;
} DiploDictActor;

typedef struct DiploDict
{
	DiploDictActor *actors;
	int			nactors;
} DiploDict;

/* Where and why a dictionary is malformed. */
typedef struct DiploDictError
{
	int			line;			/* 1-based */
	char		message[256];
} DiploDictError;

/*
 * Parse len bytes of UTF-8 text into *out with memory from a.  Returns
 * false on the first malformed line, with its number and what is wrong in
 * *err (and nothing in *out).  Calls diplo_check_interrupts once per line.
 */
bool		diplo_dict_parse(const DiploAllocator *a, const char *text,
							 size_t len, DiploDict *out, DiploDictError *err);

/* Free what diplo_dict_parse allocated. */
void		diplo_dict_free(const DiploAllocator *a, DiploDict *dict);

#endif							/* DIPLO_DICT_H */
