/*
 * postag_cli.c
 *		Command-line driver of the part-of-speech and entity tagger.
 *
 *	postag_cli [FILE]		tag FILE (or stdin) as the analyser cuts it and
 *							print one "word POS NER" line per token, a blank
 *							line between sentences
 *	postag_cli --eval DIR [--repeat N]
 *							tag the silver dev split DIR/tokens.dev.jsonl
 *							(words from DIR/dev.jsonl, as train_tagger.py
 *							reads them) and print accuracy against CoreNLP's
 *							tags and the tagging speed; exits 0 with a note
 *							when DIR is missing
 *	postag_cli --bench FILE.jsonl [--repeat N]
 *							time tokenizing + sentence splitting, then the
 *							same plus tagging, over the "text" of each line
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diplo_postag.h"

#include "jsonl.h"

/* Die with a message. */
static void
die(const char *msg)
{
	fprintf(stderr, "postag_cli: %s\n", msg);
	exit(2);
}

/* Grow-or-die realloc. */
static void *
xrealloc(void *p, size_t n)
{
	void	   *r = realloc(p, n ? n : 1);

	if (!r)
		die("out of memory");
	return r;
}

/* Read a whole file (NULL: stdin); NULL if it cannot be opened. */
static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = path ? fopen(path, "rb") : stdin;
	Buf			b = {0};
	char		chunk[65536];
	size_t		n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (path)
		fclose(f);
	if (!b.s)
		buf_add(&b, "", 0);
	*len = b.len;
	return b.s;
}

/* Expect character c at p (after spaces, before end); returns past it. */
static const char *
expect(const char *p, const char *end, char c)
{
	p = skip_ws(p, end);
	if (p >= end || *p != c)
	{
		char		msg[64];

		snprintf(msg, sizeof(msg), "bad JSON: '%c' expected", c);
		die(msg);
	}
	return skip_ws(p + 1, end);
}

/* One article of dev.jsonl: its id and text, and byte offsets of code points. */
typedef struct Article
{
	char	   *id;
	char	   *text;
	size_t		len;
	size_t	   *cp_byte;		/* byte offset of each code point, and end */
	size_t		ncp;
} Article;

/* Byte offsets of the code points of text (UTF-8 lead bytes). */
static void
index_code_points(Article *a)
{
	a->cp_byte = xrealloc(NULL, sizeof(size_t) * (a->len + 1));
	a->ncp = 0;
	for (size_t i = 0; i < a->len; i++)
		if (((unsigned char) a->text[i] & 0xC0) != 0x80)
			a->cp_byte[a->ncp++] = i;
	a->cp_byte[a->ncp] = a->len;
}

/* Read the id and text of each line of a JSONL file. */
static Article *
read_articles(const char *path, int *narticles)
{
	size_t		len;
	char	   *data = read_file(path, &len);
	Article    *arts = NULL;
	int			n = 0;
	char	   *line = data;

	if (!data)
		return NULL;
	while (line && *line)
	{
		char	   *nl = strchr(line, '\n');
		Buf			id = {0},
					text = {0};

		if (nl)
			*nl = '\0';
		if (jsonl_id_text(line, strlen(line), &id, &text) || text.s)
		{
			if (text.s)
			{
				arts = xrealloc(arts, sizeof(Article) * (n + 1));
				arts[n].id = id.s ? id.s : strdup("");
				arts[n].text = text.s;
				arts[n].len = text.len;
				arts[n].cp_byte = NULL;
				n++;
			}
			else
				free(id.s);
		}
		else
		{
			free(id.s);
			free(text.s);
		}
		line = nl ? nl + 1 : NULL;
	}
	free(data);
	*narticles = n;
	return arts;
}

/* A sentence of the silver split: words and CoreNLP's tags. */
typedef struct Sentence
{
	DiploWord  *words;
	uint8_t    *pos;
	uint8_t    *ner;
	int			n;
} Sentence;

/* The index of name in names[n], or -1. */
static int
tag_index(const char *name, const char *const *names, int n)
{
	for (int k = 0; k < n; k++)
		if (strcmp(names[k], name) == 0)
			return k;
	return -1;
}

/* Is w (ASCII-lowercased, ’ made ') a clitic diplo's tokenizer keeps attached? */
static bool
is_clitic(const char *s, int len)
{
	static const char *const clitics[] = {"n't", "'re", "'ll", "'ve", "'m", "'d", NULL};
	char		f[8];
	int			fl = 0;

	for (int i = 0; i < len && fl < 7; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == 0xE2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80 &&
			(unsigned char) s[i + 2] == 0x99)
		{
			f[fl++] = '\'';
			i += 2;
		}
		else
			f[fl++] = (char) ((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	if (fl >= 7)
		return false;
	f[fl] = '\0';
	for (int k = 0; clitics[k]; k++)
		if (strcmp(f, clitics[k]) == 0)
			return true;
	return false;
}

/* Parse one tokens line into sentences (the same filters as the trainer). */
static void
read_token_line(const char *p, Article *arts, int narts, Sentence **sents,
				int *nsents, int *cap, size_t *text_bytes)
{
	Buf			key = {0},
				str = {0};
	Article    *art = NULL;
	const char *lend = p + strlen(p);

	p = expect(p, lend, '{');
	while (*p == '"')
	{
		p = json_string(p, lend, &key);
		p = expect(p, lend, ':');
		if (strcmp(key.s, "id") == 0)
		{
			p = json_string(p, lend, &str);
			for (int k = 0; k < narts; k++)
				if (strcmp(arts[k].id, str.s) == 0)
					art = &arts[k];
			if (!art)
				die("token line of an unknown article");
			if (!art->cp_byte)
				index_code_points(art);
			*text_bytes += art->len;
		}
		else if (strcmp(key.s, "sentences") == 0)
		{
			if (!art)
				die("\"id\" must come before \"sentences\"");
			p = expect(p, lend, '[');
			while (*p == '[')
			{
				Sentence	s = {0};
				int			scap = 0;
				long		prev_end = -1;

				p = expect(p, lend, '[');
				while (*p == '[')
				{
					long		start,
								end;
					char	   *q;
					int			pos,
								ner;
					const char *ws;
					int			wl;

					p = expect(p, lend, '[');
					start = strtol(p, &q, 10);
					p = expect(q, lend, ',');
					end = strtol(p, &q, 10);
					p = expect(q, lend, ',');
					if (start < 0 || end < start || (size_t) end > art->ncp)
						die("token offsets out of range");
					p = json_string(p, lend, &str);
					pos = tag_index(str.s, diplo_postag_pos_names, DIPLO_POS_NTAGS);
					p = expect(p, lend, ',');
					p = json_string(p, lend, &str);
					ner = tag_index(str.s, diplo_postag_ner_names, DIPLO_NER_NTAGS);
					if (ner < 0)
						ner = DIPLO_NER_O;
					p = expect(p, lend, ',');
					p = json_skip(p, lend);
					p = expect(p, lend, ']');
					if (*p == ',')
						p = skip_ws(p + 1, lend);
					ws = art->text + art->cp_byte[start];
					wl = (int) (art->cp_byte[end] - art->cp_byte[start]);
					if (end - start > 2 && ws[0] == '<' && ws[wl - 1] == '>')
						continue;
					if (pos < 0)
						continue;
					if (s.n > 0 && start == prev_end && is_clitic(ws, wl))
					{
						s.words[s.n - 1].len += wl;
						prev_end = end;
						continue;
					}
					if (s.n == scap)
					{
						scap = scap ? scap * 2 : 32;
						s.words = xrealloc(s.words, sizeof(DiploWord) * scap);
						s.pos = xrealloc(s.pos, scap);
						s.ner = xrealloc(s.ner, scap);
					}
					s.words[s.n].s = ws;
					s.words[s.n].len = wl;
					s.pos[s.n] = (uint8_t) pos;
					s.ner[s.n] = (uint8_t) ner;
					s.n++;
					prev_end = end;
				}
				p = expect(p, lend, ']');
				if (*p == ',')
					p = skip_ws(p + 1, lend);
				if (s.n == 0)
					continue;
				if (*nsents == *cap)
				{
					*cap = *cap ? *cap * 2 : 1024;
					*sents = xrealloc(*sents, sizeof(Sentence) * *cap);
				}
				(*sents)[(*nsents)++] = s;
			}
			p = expect(p, lend, ']');
		}
		else
			p = json_skip(p, lend);
		p = skip_ws(p, lend);
		if (*p == ',')
			p = skip_ws(p + 1, lend);
	}
	free(key.s);
	free(str.s);
}

/* Seconds of CPU time of this process (robust on a busy machine). */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Accuracy of the tagger on the silver dev split, and its speed. */
static int
run_eval(const char *dir, int repeat)
{
	char		path[4096];
	int			narts = 0,
				nsents = 0,
				cap = 0;
	Article    *arts;
	Sentence   *sents = NULL;
	size_t		len,
				text_bytes = 0;
	char	   *data,
			   *line;
	long		total = 0,
				right_pos = 0,
				right_ner = 0,
				tp = 0,
				fp = 0,
				fn = 0;
	uint8_t    *pos = NULL,
			   *ner = NULL;
	int			maxn = 0;
	double		t0,
				secs;
	double		prec,
				rec;

	snprintf(path, sizeof(path), "%s/dev.jsonl", dir);
	arts = read_articles(path, &narts);
	snprintf(path, sizeof(path), "%s/tokens.dev.jsonl", dir);
	data = arts ? read_file(path, &len) : NULL;
	if (!data)
	{
		printf("postag_cli: no %s/dev.jsonl and tokens.dev.jsonl: skipped\n", dir);
		return 0;
	}
	for (line = data; line && *line;)
	{
		char	   *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		if (*skip_ws(line, line + strlen(line)))
			read_token_line(line, arts, narts, &sents, &nsents, &cap, &text_bytes);
		line = nl ? nl + 1 : NULL;
	}
	for (int s = 0; s < nsents; s++)
		if (sents[s].n > maxn)
			maxn = sents[s].n;
	pos = xrealloc(NULL, maxn);
	ner = xrealloc(NULL, maxn);
	for (int s = 0; s < nsents; s++)
	{
		Sentence   *st = &sents[s];

		diplo_pos_tag(&diplo_malloc_allocator, st->words, st->n, pos, ner);
		for (int i = 0; i < st->n; i++)
		{
			total++;
			right_pos += pos[i] == st->pos[i];
			right_ner += ner[i] == st->ner[i];
			if (ner[i] != DIPLO_NER_O && ner[i] == st->ner[i])
				tp++;
			else
			{
				if (ner[i] != DIPLO_NER_O)
					fp++;
				if (st->ner[i] != DIPLO_NER_O)
					fn++;
			}
		}
	}
	prec = tp + fp ? (double) tp / (tp + fp) : 0.0;
	rec = tp + fn ? (double) tp / (tp + fn) : 0.0;
	printf("dev: %d sentences, %ld tokens\n", nsents, total);
	printf("POS acc %.4f  NER acc %.4f  NER entity-token P %.4f R %.4f F1 %.4f\n",
		   (double) right_pos / total, (double) right_ner / total, prec, rec,
		   prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0);
	/* speed: tagging only (words already cut), POS+NER and POS alone */
	for (int pass = 0; pass < 2; pass++)
	{
		t0 = now();
		for (int r = 0; r < repeat; r++)
			for (int s = 0; s < nsents; s++)
				diplo_pos_tag(&diplo_malloc_allocator, sents[s].words,
							  sents[s].n, pos, pass == 0 ? ner : NULL);
		secs = now() - t0;
		printf("speed (%s): %.0f tokens/s, %.0f ns/token, %.1f MB/s of article text\n",
			   pass == 0 ? "POS+NER" : "POS only",
			   total * repeat / secs, secs * 1e9 / (total * (double) repeat),
			   text_bytes * (double) repeat / secs / 1e6);
	}
	return 0;
}

/* Time tokenizing alone, then tokenizing and tagging, over a JSONL corpus. */
static int
run_bench(const char *path, int repeat)
{
	int			narts = 0;
	Article    *arts = read_articles(path, &narts);
	size_t		bytes = 0;
	long		ntok = 0;
	double		secs[2];
	DiploTokens t = {0};
	uint8_t    *pos = NULL,
			   *ner = NULL;
	int			cap = 0;

	if (!arts)
	{
		printf("postag_cli: no %s: skipped\n", path);
		return 0;
	}
	for (int k = 0; k < narts; k++)
		bytes += arts[k].len;
	for (int pass = 0; pass < 2; pass++)
	{
		double		t0 = now();

		ntok = 0;
		for (int r = 0; r < repeat; r++)
			for (int k = 0; k < narts; k++)
			{
				DiploParagraphs it;
				DiploParagraph p;

				diplo_paragraphs_init(&it, arts[k].text, arts[k].len);
				while (diplo_paragraphs_next(&diplo_malloc_allocator, &it, &p))
				{
					diplo_tokenize(&diplo_malloc_allocator, arts[k].text, &p, &t);
					diplo_split_sentences(&diplo_malloc_allocator, &t, NULL);
					ntok += t.n;
					if (pass == 0)
						continue;
					if (t.n > cap)
					{
						cap = t.n * 2;
						pos = xrealloc(pos, cap);
						ner = xrealloc(ner, cap);
					}
					diplo_pos_tag_tokens(&diplo_malloc_allocator, &t, pos, ner);
				}
			}
		secs[pass] = now() - t0;
	}
	printf("%d articles, %.1f MB, %ld tokens per pass\n", narts, bytes / 1e6,
		   ntok / repeat);
	printf("tokenize+split: %.1f MB/s; +tagging: %.1f MB/s; tagging alone "
		   "%.0f ns/token, %.0f tokens/s, %.1f MB/s\n",
		   bytes * (double) repeat / secs[0] / 1e6,
		   bytes * (double) repeat / secs[1] / 1e6,
		   (secs[1] - secs[0]) * 1e9 / ntok,
		   ntok / (secs[1] - secs[0]),
		   bytes * (double) repeat / (secs[1] - secs[0]) / 1e6);
	diplo_tokens_free(&diplo_malloc_allocator, &t);
	return 0;
}

/* Tag a plain text and print one "word POS NER" line per token. */
static int
run_text(const char *path)
{
	size_t		len;
	char	   *text = read_file(path, &len);
	DiploParagraphs it;
	DiploParagraph p;
	DiploTokens t = {0};

	if (!text)
		die("cannot read the input");
	diplo_paragraphs_init(&it, text, len);
	while (diplo_paragraphs_next(&diplo_malloc_allocator, &it, &p))
	{
		uint8_t    *pos,
				   *ner;

		diplo_tokenize(&diplo_malloc_allocator, text, &p, &t);
		diplo_split_sentences(&diplo_malloc_allocator, &t, NULL);
		pos = xrealloc(NULL, t.n);
		ner = xrealloc(NULL, t.n);
		diplo_pos_tag_tokens(&diplo_malloc_allocator, &t, pos, ner);
		for (int i = 0; i < t.n; i++)
		{
			if (i > 0 && (t.tok[i].flags & DIPLO_TF_SENT_START))
				printf("\n");
			printf("%.*s\t%s\t%s\n", t.words[i].len, t.words[i].s,
				   diplo_pos_name(pos[i]), diplo_ner_name(ner[i]));
		}
		printf("\n");
		free(pos);
		free(ner);
	}
	diplo_tokens_free(&diplo_malloc_allocator, &t);
	free(text);
	return 0;
}

/* Parse the arguments and run the chosen mode. */
int
main(int argc, char **argv)
{
	int			repeat = 5;

	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--repeat") == 0)
			repeat = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1;
	if (argc >= 3 && strcmp(argv[1], "--eval") == 0)
		return run_eval(argv[2], repeat);
	if (argc >= 3 && strcmp(argv[1], "--bench") == 0)
		return run_bench(argv[2], repeat);
	if (argc >= 2 && argv[1][0] == '-' && argv[1][1] != '\0')
	{
		fprintf(stderr, "usage: postag_cli [FILE] | --eval DIR [--repeat N] | "
				"--bench FILE.jsonl [--repeat N]\n");
		return 2;
	}
	return run_text(argc >= 2 && strcmp(argv[1], "-") != 0 ? argv[1] : NULL);
}
