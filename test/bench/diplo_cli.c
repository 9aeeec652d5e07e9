/*
 * diplo_cli.c
 *		Command-line driver of the analyser alone.
 *
 *	diplo_cli [FILE]		analyse FILE (or stdin), print the canonical JSON
 *	diplo_cli --jsonl		read {"id","text",...} lines on stdin, write one
 *							prediction line per article in the format of
 *							score.py (0-based end-exclusive code-point spans)
 *	diplo_cli --dump [FILE] print a readable dump of the analysis
 *	diplo_cli --bench FILE.jsonl [--repeat N]
 *							time the analysis alone (articles parsed first):
 *							MB/s and articles/s over the corpus N times
 *	diplo_cli --bench-sizes FILE.jsonl
 *							time per byte of articles of 1 KB, 100 KB and
 *							10 MB: the same 10 MB of the corpus's texts
 *							joined, cut into pieces of each size
 *
 * Options of every mode: --config FILE adds a configuration (issue 7) read
 * from a tab-separated file, one entry a line ('#' starts a comment; lists
 * are separated by ';', an empty field or - is none):
 *	actor  NAME  ALIASES  ROLES   each role ROLE|ORG|COUNTRY|FROM|TO, the
 *								  dates YYYY-MM-DD (empty: open)
 *	topic  NAME  KEYWORDS
 *	cue    FORM  LEMMA  speech|stance|topic  [FLAGS, a number]
 *	org    PHRASE  CANONICAL  government|international|media|other|channel
 *		   COUNTRY  cs|ci
 * and --date YYYY-MM-DD sets the publication date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diplo_analysis.h"
#include "diplo_analyze.h"
#include "diplo_config.h"

#include "jsonl.h"

/* The options of every analysis (--config, --date). */
static DiploAnalyzeOptions cli_opts = {DIPLO_LANG_AUTO, NULL, DIPLO_NO_DATE};

/* Analyse text with the options of the command line. */
static void
cli_analyze(const DiploAllocator *a, const char *text, size_t len,
			DiploAnalysis *out)
{
	if (cli_opts.config == NULL && cli_opts.date == DIPLO_NO_DATE)
		diplo_analyze_text(a, text, len, out);
	else
		diplo_analyze_text_opts(a, text, len, &cli_opts, out);
}

/* Days since 2000-01-01 of "YYYY-MM-DD", or DIPLO_NO_DATE if empty or bad. */
static int32_t
parse_date(const char *s)
{
	int			y,
				m,
				d;
	int			era;
	unsigned	yoe,
				doy,
				doe;

	if (s == NULL || sscanf(s, "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
		d < 1 || d > 31)
		return DIPLO_NO_DATE;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t) (era * 146097 + (int) doe - 719468) - 10957;
}

/* Split s in place at each sep; the pieces into out (at most max); their count. */
static int
split(char *s, char sep, char **out, int max)
{
	int			n = 0;

	if (s == NULL || *s == '\0' || strcmp(s, "-") == 0)
		return 0;
	while (n < max)
	{
		char	   *e = strchr(s, sep);

		out[n++] = s;
		if (e == NULL)
			break;
		*e = '\0';
		s = e + 1;
	}
	return n;
}

/* A field that may be empty or "-": NULL then. */
static const char *
field_or_null(const char *s)
{
	return (s == NULL || *s == '\0' || strcmp(s, "-") == 0) ? NULL : s;
}

/* Grow *arr (elem bytes each) to hold n + 1 items. */
static void *
grow_array(void *arr, int n, size_t elem)
{
	void	   *r = realloc(arr, elem * (n + 1));

	if (r == NULL)
	{
		fprintf(stderr, "out of memory\n");
		exit(1);
	}
	return r;
}

/* Read a configuration file (see the header comment) and build it; exits on errors. */
static DiploConfig *
load_config(const DiploAllocator *a, const char *path)
{
	static const char *const classes[] = {"speech", "stance", "topic"};
	static const char *const kinds[] = {"government", "international", "media", "other", "channel"};
	FILE	   *f = fopen(path, "rb");
	DiploConfigDef def = {0};
	DiploActorDef *actors = NULL;
	DiploTopicDef *topics = NULL;
	DiploCueDef *cues = NULL;
	DiploOrgDef *orgs = NULL;
	char	  **lines = NULL;
	int			nlines = 0;
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	int			lineno = 0;
	char		err[512];
	DiploConfig *cfg;

	if (f == NULL)
	{
		perror(path);
		exit(1);
	}
	while ((len = getline(&line, &cap, f)) > 0)
	{
		char	   *fields[8] = {0};
		int			nf;
		char	   *copy;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		copy = strdup(line);
		lines = grow_array(lines, nlines, sizeof(char *));
		lines[nlines++] = copy;
		nf = split(copy, '\t', fields, 8);
		if (strcmp(fields[0], "actor") == 0 && nf >= 2)
		{
			DiploActorDef *ad;
			char	   *items[256];
			int			nroles;
			DiploActorRoleDef *roles;

			actors = grow_array(actors, def.nactors, sizeof(DiploActorDef));
			ad = &actors[def.nactors++];
			memset(ad, 0, sizeof(*ad));
			ad->name = fields[1];
			ad->naliases = split(fields[2], ';', items, 256);
			ad->aliases = malloc(sizeof(char *) * (ad->naliases + 1));
			memcpy((void *) ad->aliases, items, sizeof(char *) * ad->naliases);
			nroles = split(fields[3], ';', items, 256);
			roles = calloc(nroles + 1, sizeof(DiploActorRoleDef));
			for (int r = 0; r < nroles; r++)
			{
				char	   *parts[5] = {0};

				split(items[r], '|', parts, 5);
				roles[r].role = parts[0];
				roles[r].org = field_or_null(parts[1]);
				roles[r].country = field_or_null(parts[2]);
				roles[r].valid_from = parse_date(field_or_null(parts[3]));
				roles[r].valid_to = parse_date(field_or_null(parts[4]));
			}
			ad->roles = roles;
			ad->nroles = nroles;
		}
		else if (strcmp(fields[0], "topic") == 0 && nf >= 2)
		{
			DiploTopicDef *td;
			char	   *items[256];

			topics = grow_array(topics, def.ntopics, sizeof(DiploTopicDef));
			td = &topics[def.ntopics++];
			td->topic = fields[1];
			td->nkeywords = split(fields[2], ';', items, 256);
			td->keywords = malloc(sizeof(char *) * (td->nkeywords + 1));
			memcpy((void *) td->keywords, items, sizeof(char *) * td->nkeywords);
		}
		else if (strcmp(fields[0], "cue") == 0 && nf >= 4)
		{
			DiploCueDef *cd;

			cues = grow_array(cues, def.ncues, sizeof(DiploCueDef));
			cd = &cues[def.ncues++];
			cd->form = fields[1];
			cd->lemma = field_or_null(fields[2]);
			cd->cls = (DiploCueClass) 99;
			for (int c = 0; c < 3; c++)
				if (strcmp(fields[3], classes[c]) == 0)
					cd->cls = (DiploCueClass) c;
			cd->flags = nf >= 5 ? (uint16_t) strtol(fields[4], NULL, 0) : 0;
		}
		else if (strcmp(fields[0], "org") == 0 && nf >= 4)
		{
			DiploOrgDef *od;

			orgs = grow_array(orgs, def.norgs, sizeof(DiploOrgDef));
			od = &orgs[def.norgs++];
			od->phrase = fields[1];
			od->canonical = field_or_null(fields[2]);
			od->kind = (DiploOrgKind) 99;
			for (int k = 0; k < 5; k++)
				if (strcmp(fields[3], kinds[k]) == 0)
					od->kind = (DiploOrgKind) k;
			od->country = field_or_null(fields[4]);
			od->case_sensitive = nf >= 6 && strcmp(fields[5], "cs") == 0;
		}
		else
		{
			fprintf(stderr, "%s:%d: unknown entry \"%s\"\n", path, lineno, fields[0]);
			exit(1);
		}
	}
	free(line);
	fclose(f);
	def.name = path;
	def.actors = actors;
	def.topics = topics;
	def.cues = cues;
	def.orgs = orgs;
	cfg = diplo_config_build(a, &def, err, sizeof(err));
	if (cfg == NULL)
	{
		fprintf(stderr, "%s: %s\n", path, err);
		exit(1);
	}
	/* the build kept nothing of the definition */
	for (int k = 0; k < def.nactors; k++)
	{
		free((void *) actors[k].aliases);
		free((void *) actors[k].roles);
	}
	for (int k = 0; k < def.ntopics; k++)
		free((void *) topics[k].keywords);
	for (int k = 0; k < nlines; k++)
		free(lines[k]);
	free(lines);
	free(actors);
	free(topics);
	free(cues);
	free(orgs);
	return cfg;
}

/* Append s as a JSON string literal (or null). */
static void
json_put_string(Buf *b, const char *s)
{
	if (!s)
	{
		buf_puts(b, "null");
		return;
	}
	buf_puts(b, "\"");
	for (; *s; s++)
	{
		unsigned char c = (unsigned char) *s;
		char		tmp[8];

		if (c == '"' || c == '\\')
		{
			tmp[0] = '\\';
			tmp[1] = (char) c;
			buf_add(b, tmp, 2);
		}
		else if (c < 0x20)
		{
			snprintf(tmp, sizeof(tmp), "\\u%04x", c);
			buf_puts(b, tmp);
		}
		else
			buf_add(b, (const char *) &c, 1);
	}
	buf_puts(b, "\"");
}

/* Append [s, s+len] as a span, or null when s < 0. */
static void
json_put_span(Buf *b, long long s, long long len)
{
	char		tmp[64];

	if (s < 0)
	{
		buf_puts(b, "null");
		return;
	}
	snprintf(tmp, sizeof(tmp), "[%lld, %lld]", s, s + len);
	buf_puts(b, tmp);
}

/* Decode the UTF-8 character at s; returns its length (1 for a bad byte). */
static int
utf8_char(const unsigned char *s, unsigned long *cp)
{
	if (s[0] < 0x80)
		*cp = s[0];
	else if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80)
	{
		*cp = ((s[0] & 0x1Ful) << 6) | (s[1] & 0x3F);
		return 2;
	}
	else if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		*cp = ((s[0] & 0x0Ful) << 12) | ((s[1] & 0x3Ful) << 6) | (s[2] & 0x3F);
		return 3;
	}
	else if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
			 (s[3] & 0xC0) == 0x80)
	{
		*cp = 0x10000;
		return 4;
	}
	else
		*cp = 0xFFFD;
	return 1;
}

/* Append one direct piece [s, e) of mixed quote q. */
static void
put_piece(Buf *b, const DiploQuote *q, const char *speaker, long long s, long long e)
{
	buf_puts(b, ", {\"content\": ");
	json_put_span(b, s, e - s);
	buf_puts(b, ", \"speaker\": ");
	json_put_string(b, speaker);
	buf_puts(b, ", \"speaker_span\": ");
	json_put_span(b, q->speaker_start, q->speaker_len);
	buf_puts(b, ", \"cue\": ");
	json_put_span(b, q->cue_start, q->cue_len);
	buf_puts(b, ", \"direct\": true, \"kind\": \"piece\"}");
}

/*
 * Append each quoted fragment of a mixed quote as a direct piece (the
 * scorer's DIRECT view counts the quoted fragments of mixed gold quotes).
 */
static int
put_quoted_pieces(Buf *b, const DiploQuote *q, const char *speaker)
{
	const unsigned char *s = (const unsigned char *) q->content;
	long long	pos = q->content_start;
	long long	open = -1;
	int			n = 0;

	while (*s)
	{
		unsigned long cp;
		int			len = utf8_char(s, &cp);
		int			mark = 0;	/* 1 opens, -1 closes, 2 either */

		if (cp == 0x201C || cp == 0xAB)
			mark = 1;
		else if (cp == 0x201D || cp == 0xBB)
			mark = -1;
		else if (cp == '"')
			mark = 2;
		else if ((cp == '\'' || cp == '`') && s[1] == cp)
		{
			mark = cp == '`' ? 1 : 2;
			len = 2;
			pos++;
		}
		/* a mark with no letter after it closes, whatever its glyph */
		if (mark == 1 && open >= 0 && !((s[len] >= 'a' && s[len] <= 'z') ||
										(s[len] >= 'A' && s[len] <= 'Z')))
			mark = -1;
		if (mark == 1 || (mark == 2 && open < 0))
		{
			if (open < 0)
				open = pos - (len == 2 && s[0] != 0xE2 && s[0] != 0xC2 ? 1 : 0);
		}
		else if (mark && open >= 0)
		{
			put_piece(b, q, speaker, open, pos + 1);
			n++;
			open = -1;
		}
		s += len;
		pos++;
	}
	return n;
}

/* Write one prediction line for an analysed article. */
static void
write_prediction(const char *id, const DiploAnalysis *an)
{
	Buf			b = {0};
	int			nsp = 0;

	buf_puts(&b, "{\"id\": ");
	json_put_string(&b, id);
	buf_puts(&b, ", \"quotes\": [");
	for (int k = 0; k < an->nquotes; k++)
	{
		const DiploQuote *q = &an->quotes[k];

		if (k)
			buf_puts(&b, ", ");
		buf_puts(&b, "{\"content\": ");
		json_put_span(&b, q->content_start, q->content_len);
		buf_puts(&b, ", \"speaker\": ");
		json_put_string(&b, q->speaker >= 0 ? an->speakers[q->speaker].name : NULL);
		buf_puts(&b, ", \"speaker_span\": ");
		json_put_span(&b, q->speaker_start, q->speaker_len);
		buf_puts(&b, ", \"cue\": ");
		json_put_span(&b, q->cue_start, q->cue_len);
		buf_puts(&b, ", \"direct\": ");
		buf_puts(&b, q->kind == DIPLO_QUOTE_DIRECT ? "true" : "false");
		buf_puts(&b, ", \"kind\": ");
		json_put_string(&b, diplo_quote_kind_names[q->kind]);
		buf_puts(&b, "}");
		if (q->kind == DIPLO_QUOTE_MIXED)
			put_quoted_pieces(&b, q, q->speaker >= 0 ? an->speakers[q->speaker].name : NULL);
	}
	buf_puts(&b, "], \"speakers\": [");
	for (int s = 0; s < an->nspeakers; s++)
	{
		bool		speaks = false;

		for (int k = 0; k < an->nquotes && !speaks; k++)
			speaks = an->quotes[k].speaker == s;
		if (!speaks)
			continue;
		if (nsp++)
			buf_puts(&b, ", ");
		json_put_string(&b, an->speakers[s].name);
	}
	buf_puts(&b, "]}\n");
	fwrite(b.s, 1, b.len, stdout);
	free(b.s);
}

/* Print a readable dump of an analysis. */
static void
dump(const DiploAnalysis *an)
{
	printf("speakers:\n");
	for (int s = 0; s < an->nspeakers; s++)
		printf("  [%d] %s | role=%s | country=%s | %s\n", s, an->speakers[s].name,
			   an->speakers[s].role ? an->speakers[s].role : "-",
			   an->speakers[s].country ? an->speakers[s].country : "-",
			   diplo_speaker_type_names[an->speakers[s].type]);
	printf("quotes:\n");
	for (int k = 0; k < an->nquotes; k++)
	{
		const DiploQuote *q = &an->quotes[k];

		printf("  %s sp=%d ch=%d to=%d cue=%s [%lld+%lld] %s\n",
			   diplo_quote_kind_names[q->kind], q->speaker, q->channel,
			   q->addressee, q->cue ? q->cue : "-",
			   (long long) q->content_start, (long long) q->content_len,
			   q->content);
	}
	printf("topics:");
	for (int k = 0; k < an->ntopics; k++)
		printf(" [%s]", an->topics[k]);
	printf("\ncountries:");
	for (int k = 0; k < an->ncountries; k++)
		printf(" [%s]", an->countries[k]);
	printf("\nevent: %s (%s)\n", an->event ? an->event : "-",
		   an->event_code ? an->event_code : "-");
}

/*
 * CPU seconds of this process: the figures stay meaningful on a machine
 * that other jobs share (wall-clock time would count their time too).
 */
static double
now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The texts of a JSONL corpus; *n gets their count (0 if unreadable). */
static Buf *
load_corpus(const char *path, int *n)
{
	FILE	   *f = fopen(path, "rb");
	Buf		   *texts = NULL;
	int			cap = 0;
	char	   *line = NULL;
	size_t		lcap = 0;
	ssize_t		len;

	*n = 0;
	if (!f)
		return NULL;
	while ((len = getline(&line, &lcap, f)) > 0)
	{
		Buf			id = {0},
					text = {0};

		if (!jsonl_id_text(line, (size_t) len, &id, &text) || !text.s)
		{
			free(id.s);
			free(text.s);
			continue;
		}
		if (*n == cap)
		{
			cap = cap ? cap * 2 : 1024;
			texts = realloc(texts, sizeof(Buf) * cap);
			if (!texts)
				exit(2);
		}
		texts[(*n)++] = text;
		free(id.s);
	}
	free(line);
	fclose(f);
	return texts;
}

/* Analyse every text of the corpus repeat times; print MB/s and articles/s. */
static int
bench_corpus(const char *path, int repeat)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	int			n;
	Buf		   *texts = load_corpus(path, &n);
	size_t		bytes = 0;
	long		nquotes = 0;
	double		t0,
				secs;

	if (!texts || n == 0)
	{
		printf("%s: absent or empty, skipped\n", path);
		return 0;
	}
	for (int k = 0; k < n; k++)
		bytes += texts[k].len;
	t0 = now_secs();
	for (int r = 0; r < repeat; r++)
		for (int k = 0; k < n; k++)
		{
			DiploAnalysis an;

			cli_analyze(a, texts[k].s, texts[k].len, &an);
			nquotes += an.nquotes;
			diplo_analysis_free(a, &an);
		}
	secs = now_secs() - t0;
	printf("%s: %d articles, %.1f MB, x%d: %.2f s CPU, %.2f MB/s, %.0f articles/s "
		   "(%ld quotes)\n", path, n, bytes / 1048576.0, repeat, secs,
		   bytes * (double) repeat / 1048576.0 / secs, n * (double) repeat / secs,
		   nquotes);
	for (int k = 0; k < n; k++)
		free(texts[k].s);
	free(texts);
	return 0;
}

/*
 * Print the time per byte of articles of 1 KB, 100 KB and 10 MB: the same
 * 10 MB of text (the corpus's texts joined) analysed as consecutive pieces
 * of each size, so that the sizes differ and the words do not.
 */
static int
bench_sizes(const char *path)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	static const size_t sizes[] = {1 << 10, 100 << 10, 10 << 20};
	int			n;
	Buf		   *texts = load_corpus(path, &n);
	Buf			blob = {0};

	if (!texts || n == 0)
	{
		printf("%s: absent or empty, skipped\n", path);
		return 0;
	}
	while (blob.len < sizes[2])
		for (int k = 0; k < n && blob.len < sizes[2]; k++)
		{
			buf_add(&blob, texts[k].s, texts[k].len);
			buf_add(&blob, "\n\n", 2);
		}
	for (int z = 0; z < 3; z++)
	{
		size_t		done = 0;
		int			pieces = 0;
		double		t0,
					secs;

		t0 = now_secs();
		for (int round = 0; round < (z == 2 ? 2 : 1); round++)
			for (size_t off = 0; off + sizes[z] <= sizes[2]; off += sizes[z])
			{
				size_t		start = off;
				size_t		end = off + sizes[z];
				DiploAnalysis an;

				/* cut at character boundaries */
				while (start > 0 && ((unsigned char) blob.s[start] & 0xC0) == 0x80)
					start--;
				while (end > start && ((unsigned char) blob.s[end] & 0xC0) == 0x80)
					end--;
				cli_analyze(a, blob.s + start, end - start, &an);
				diplo_analysis_free(a, &an);
				done += end - start;
				pieces++;
			}
		secs = now_secs() - t0;
		printf("  %9zu bytes x %-6d %8.2f ns/byte %8.2f MB/s\n", sizes[z], pieces,
			   secs / (double) done * 1e9, (double) done / 1048576.0 / secs);
	}
	for (int k = 0; k < n; k++)
		free(texts[k].s);
	free(texts);
	free(blob.s);
	return 0;
}

/* Entry point: see the header comment. */
int
main(int argc, char **argv)
{
	const DiploAllocator *a = &diplo_malloc_allocator;
	bool		jsonl = false;
	bool		dump_mode = false;
	const char *path = NULL;
	const char *bench = NULL;
	const char *bench_sizes_path = NULL;
	int			repeat = 1;
	const char *config_path = NULL;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc)
			bench = argv[++i];
		else if (strcmp(argv[i], "--bench-sizes") == 0 && i + 1 < argc)
			bench_sizes_path = argv[++i];
		else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
			repeat = atoi(argv[++i]) > 0 ? atoi(argv[i]) : 1;
		else if (strcmp(argv[i], "--jsonl") == 0)
			jsonl = true;
		else if (strcmp(argv[i], "--dump") == 0)
			dump_mode = true;
		else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			config_path = argv[++i];
		else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
		{
			cli_opts.date = parse_date(argv[++i]);
			if (cli_opts.date == DIPLO_NO_DATE)
			{
				fprintf(stderr, "--date: expected YYYY-MM-DD\n");
				return 1;
			}
		}
		else
			path = argv[i];
	}
	if (config_path)
		cli_opts.config = load_config(a, config_path);
	if (bench)
		return bench_corpus(bench, repeat);
	if (bench_sizes_path)
		return bench_sizes(bench_sizes_path);
	if (jsonl)
	{
		char	   *line = NULL;
		size_t		cap = 0;
		ssize_t		n;

		while ((n = getline(&line, &cap, stdin)) > 0)
		{
			Buf			id = {0},
						text = {0};
			DiploAnalysis an;

			if (jsonl_id_text(line, (size_t) n, &id, &text))
			{
				cli_analyze(a, text.s ? text.s : "", text.len, &an);
				write_prediction(id.s, &an);
				diplo_analysis_free(a, &an);
			}
			free(id.s);
			free(text.s);
		}
		free(line);
		return 0;
	}
	{
		FILE	   *f = path ? fopen(path, "rb") : stdin;
		Buf			in = {0};
		DiploAnalysis an;

		if (!f)
		{
			perror(path);
			return 1;
		}
		read_all(f, &in);
		if (path)
			fclose(f);
		cli_analyze(a, in.s, in.len, &an);
		if (dump_mode)
			dump(&an);
		else
		{
			size_t		jlen;
			char	   *json = diplo_analysis_to_json(a, &an, &jlen);

			fwrite(json, 1, jlen, stdout);
			putchar('\n');
			diplo_free(a, json);
		}
		diplo_analysis_free(a, &an);
		free(in.s);
	}
	return 0;
}
