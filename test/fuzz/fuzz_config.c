/*
 * fuzz_config.c
 *		libFuzzer target: build a configuration from any bytes (issue 7) and
 *		analyse a text with it; a bad definition must be refused with a
 *		message, a good one must neither crash the analysis nor leak.
 *
 * Input: lines of tab-separated fields, then an empty line, then the text.
 *	a NAME ALIAS ROLE ORG COUNTRY FROM TO	an actor with one alias and role
 *	t TOPIC KEYWORD ...					a topic
 *	c FORM LEMMA CLASS FLAGS			a cue (numbers in decimal)
 *	o PHRASE CANONICAL KIND COUNTRY CS	an organisation
 * An empty field is NULL; the publication date comes from the input's size.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diplo_config.h"

#define MAX_ENTRIES 64
#define MAX_FIELDS 8

/* A field, or NULL if empty or absent. */
static const char *
field(char **f, int nf, int k)
{
	return (k < nf && f[k][0] != '\0') ? f[k] : NULL;
}

/* A field read as a decimal number (0 if absent). */
static long
number(char **f, int nf, int k)
{
	return k < nf ? strtol(f[k], NULL, 10) : 0;
}

/* Build a configuration from the definition lines, analyse the text, free. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	char	   *buf = malloc(size + 1);
	char	   *p = buf;
	char	   *end;
	const char *text = "";
	size_t		text_len = 0;
	DiploActorDef actors[MAX_ENTRIES];
	DiploActorRoleDef roles[MAX_ENTRIES];
	const char *aliases[MAX_ENTRIES];
	DiploTopicDef topics[MAX_ENTRIES];
	const char *keywords[MAX_ENTRIES][MAX_FIELDS];
	DiploCueDef cues[MAX_ENTRIES];
	DiploOrgDef orgs[MAX_ENTRIES];
	DiploConfigDef def;
	char		err[256];
	DiploConfig *cfg;

	memcpy(buf, data, size);
	buf[size] = '\0';
	end = buf + size;
	memset(&def, 0, sizeof(def));
	def.name = "fuzz";
	def.actors = actors;
	def.topics = topics;
	def.cues = cues;
	def.orgs = orgs;
	while (p < end)
	{
		char	   *nl = memchr(p, '\n', end - p);
		char	   *f[MAX_FIELDS];
		int			nf = 0;
		char	   *q;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		if (p == nl)
		{
			/* the empty line: the text follows */
			text = nl + 1 < end ? nl + 1 : "";
			text_len = nl + 1 < end ? (size_t) (end - nl - 1) : 0;
			break;
		}
		for (q = p; nf < MAX_FIELDS;)
		{
			char	   *tab = strchr(q, '\t');

			f[nf++] = q;
			if (tab == NULL)
				break;
			*tab = '\0';
			q = tab + 1;
		}
		if (f[0][0] == 'a' && def.nactors < MAX_ENTRIES)
		{
			int			k = def.nactors++;

			aliases[k] = field(f, nf, 2);
			roles[k].role = field(f, nf, 3);
			roles[k].org = field(f, nf, 4);
			roles[k].country = field(f, nf, 5);
			roles[k].valid_from = nf > 6 ? (int32_t) number(f, nf, 6) : DIPLO_NO_DATE;
			roles[k].valid_to = nf > 7 ? (int32_t) number(f, nf, 7) : DIPLO_NO_DATE;
			actors[k].name = field(f, nf, 1);
			actors[k].aliases = &aliases[k];
			actors[k].naliases = aliases[k] ? 1 : 0;
			actors[k].roles = &roles[k];
			actors[k].nroles = roles[k].role ? 1 : 0;
		}
		else if (f[0][0] == 't' && def.ntopics < MAX_ENTRIES)
		{
			int			k = def.ntopics++;

			topics[k].topic = field(f, nf, 1);
			topics[k].nkeywords = 0;
			for (int j = 2; j < nf; j++)
				keywords[k][topics[k].nkeywords++] = f[j];
			topics[k].keywords = keywords[k];
		}
		else if (f[0][0] == 'c' && def.ncues < MAX_ENTRIES)
		{
			int			k = def.ncues++;

			cues[k].form = field(f, nf, 1);
			cues[k].lemma = field(f, nf, 2);
			cues[k].cls = (DiploCueClass) number(f, nf, 3);
			cues[k].flags = (uint16_t) number(f, nf, 4);
		}
		else if (f[0][0] == 'o' && def.norgs < MAX_ENTRIES)
		{
			int			k = def.norgs++;

			orgs[k].phrase = field(f, nf, 1);
			orgs[k].canonical = field(f, nf, 2);
			orgs[k].kind = (DiploOrgKind) number(f, nf, 3);
			orgs[k].country = field(f, nf, 4);
			orgs[k].case_sensitive = number(f, nf, 5) != 0;
		}
		p = nl + 1;
	}
	cfg = diplo_config_build(a, &def, err, sizeof(err));
	if (cfg == NULL)
	{
		/* refused: with a message */
		if (err[0] == '\0' || memchr(err, '\0', sizeof(err)) == NULL)
			abort();
	}
	else
	{
		DiploAnalyzeOptions opts = {DIPLO_LANG_AUTO, cfg, (int32_t) (size * 37 % 9000)};
		DiploAnalysis an;
		size_t		jlen;
		char	   *json;

		diplo_analyze_text_opts(a, text, text_len, &opts, &an);
		json = diplo_analysis_to_json(a, &an, &jlen);
		diplo_free(a, json);
		diplo_analysis_free(a, &an);
		diplo_config_free(a, cfg);
	}
	free(buf);
	return 0;
}
