/*
 * main.c
 *		Runs every group of core unit tests and exits non-zero on failure.
 */
#include <stdio.h>

#include "unit_tests.h"

typedef int (*UnitGroup) (void);

/* Run each group, print a summary line, return the number of failed groups. */
int
main(void)
{
	static const struct
	{
		const char *name;
		UnitGroup	run;
	}			groups[] = {
		{"alloc", unit_alloc},
		{"analyze", unit_analyze},
		{"serial", unit_serial},
		{"lexicon", unit_lexicon},
		{"query", unit_query},
		{"postag", unit_postag},
		{"config", unit_config},
		{"language", unit_language},
		{"dict", unit_dict},
	};
	int			ngroups = (int) (sizeof(groups) / sizeof(groups[0]));
	int			failed = 0;

	for (int i = 0; i < ngroups; i++)
	{
		if (groups[i].run() != 0)
		{
			fprintf(stderr, "unit group %s FAILED\n", groups[i].name);
			failed++;
		}
	}
	printf("unit groups: %d passed, %d failed\n", ngroups - failed, failed);
	return failed ? 1 : 0;
}
