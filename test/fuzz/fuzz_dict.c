/*
 * fuzz_dict.c
 *		libFuzzer target of the actor dictionary parser and what follows it:
 *		any bytes may come in; a refusal names a line that exists and says
 *		why; a dictionary that parses has clean fields, builds into a
 *		configuration or is refused with a message, and the configuration
 *		analyses a text naming its actors, on a date and without one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_analyze.h"
#include "diplo_config.h"
#include "diplo_dict.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message (a finding). */
static void
finding(const char *what, const char *detail)
{
	fprintf(stderr, "%s: %s\n", what, detail ? detail : "");
	abort();
}

/* Check the fields of a parsed dictionary. */
static void
check_dict(const DiploDict *d)
{
	for (int i = 0; i < d->nactors; i++)
	{
		const DiploDictActor *a = &d->actors[i];

		if (a->name == NULL || a->name[0] == '\0' || strpbrk(a->name, "[]#\n"))
			finding("bad actor name", a->name);
		for (int k = 0; k < a->naliases; k++)
			if (a->aliases[k][0] == '\0' || strchr(a->aliases[k], '#'))
				finding("bad alias", a->aliases[k]);
		for (int r = 0; r < a->nroles; r++)
		{
			const DiploDictRole *role = &a->roles[r];

			if (!role->role && !role->org && !role->country)
				finding("empty role", a->name);
			if (role->valid_from != INT32_MIN && role->valid_to != INT32_MIN &&
				role->valid_to < role->valid_from)
				finding("role ends before it starts", a->name);
		}
	}
}

/* Parse data; check the error or the dictionary, build and analyse. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	DiploDict	d;
	DiploDictError err;
	int			lines = 1;
	DiploActorDef *actors;
	DiploActorRoleDef *roles;
	DiploConfigDef def;
	DiploConfig *cfg;
	char		msg[256];
	char	   *text;
	size_t		tlen = 0;
	size_t		tcap = 64;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (!diplo_dict_parse(a, (const char *) data, size, &d, &err))
	{
		if (err.line < 1 || err.line > lines || err.message[0] == '\0')
			finding("bad error report", err.message);
		if (d.nactors != 0 || d.actors != NULL)
			finding("half a dictionary after an error", NULL);
		return 0;
	}
	check_dict(&d);

	/* the dictionary as a configuration definition */
	actors = calloc(d.nactors + 1, sizeof(DiploActorDef));
	roles = NULL;
	{
		int			nroles = 0;
		int			k = 0;

		for (int i = 0; i < d.nactors; i++)
			nroles += d.actors[i].nroles;
		roles = calloc(nroles + 1, sizeof(DiploActorRoleDef));
		for (int i = 0; i < d.nactors; i++)
		{
			actors[i].name = d.actors[i].name;
			actors[i].aliases = (const char *const *) d.actors[i].aliases;
			actors[i].naliases = d.actors[i].naliases;
			actors[i].roles = roles + k;
			actors[i].nroles = d.actors[i].nroles;
			for (int r = 0; r < d.actors[i].nroles; r++, k++)
			{
				roles[k].role = d.actors[i].roles[r].role;
				roles[k].org = d.actors[i].roles[r].org;
				roles[k].country = d.actors[i].roles[r].country;
				roles[k].valid_from = d.actors[i].roles[r].valid_from;
				roles[k].valid_to = d.actors[i].roles[r].valid_to;
			}
		}
	}
	memset(&def, 0, sizeof(def));
	def.name = "fuzz";
	def.actors = actors;
	def.nactors = d.nactors;
	msg[0] = '\0';
	cfg = diplo_config_build(a, &def, msg, sizeof(msg));
	if (cfg == NULL && msg[0] == '\0')
		finding("refused without a message", NULL);

	/* a text naming every actor and alias, analysed with and without date */
	text = malloc(tcap);
	for (int i = 0; i < d.nactors; i++)
	{
		const char *names[2] = {d.actors[i].name,
		d.actors[i].naliases ? d.actors[i].aliases[0] : "the Secretary"};

		for (int n = 0; n < 2; n++)
		{
			size_t		need = strlen(names[n]) + 40;

			if (tlen + need + 1 > tcap)
			{
				char	   *grown;

				tcap = (tlen + need + 1) * 2;
				grown = realloc(text, tcap);
				if (grown == NULL)
					finding("out of memory", NULL);
				text = grown;
			}
			tlen += (size_t) snprintf(text + tlen, tcap - tlen,
									  "\"We agree,\" %s said. ", names[n]);
		}
	}
	for (int pass = 0; pass < 2 && cfg != NULL; pass++)
	{
		DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, cfg,
		pass ? 8000 : DIPLO_NO_DATE};
		DiploAnalysis an;

		diplo_analyze_text_opts(a, text, tlen, &opts, &an);
		diplo_analysis_free(a, &an);
	}
	free(text);
	diplo_config_free(a, cfg);
	free(roles);
	free(actors);
	diplo_dict_free(a, &d);
	return 0;
}
