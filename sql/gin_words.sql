--
-- The words option of diplo_statement_ops (0.3): which stems of quoted
-- words have index keys.  'rare' (the default) leaves out the stop words
-- and the stems too common inside quotes (data/frequent_stems.txt), 'all'
-- only the stop words, 'none' every word: key.  Each index answers every
-- query with the rows of a sequential scan; a word: term without a key is
-- answered by the recheck.
--
-- This test needs a UTF8 database (curly quote marks): elsewhere it stops
-- here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif

-- Articles whose quotes mix frequent stems (need, want, people, think,
-- year) with rare words (Kappa17) and words of the lexicons (ceasefire,
-- sanctions).
CREATE TABLE words_articles (id int PRIMARY KEY, body text, st diplo_statement);
INSERT INTO words_articles (id, body)
SELECT i, format('%s Minister %s said: “%s %s for the Kappa%s valley.” She added that %s.',
	(ARRAY['Kenyan', 'Chilean', 'Danish', 'Thai'])[i % 4 + 1],
	(ARRAY['Wanjiru Mwangi', 'Camila Rojas', 'Freja Holm', 'Somchai Boonmee', 'Ana Duarte'])[i % 5 + 1],
	(ARRAY['We need', 'People want', 'I think we need', 'This year we want',
		'Our farmers need'])[i / 5 % 5 + 1],
	(ARRAY['a lasting ceasefire', 'fewer sanctions', 'cheaper fertiliser',
		'an open border', 'more vaccines', 'quieter harbours'])[i / 3 % 6 + 1],
	i % 300,
	(ARRAY['the talks would resume', 'people were tired of waiting',
		'the harvest was late this year', 'nobody wanted another war'])[i / 7 % 4 + 1])
FROM generate_series(1, 2000) i;
UPDATE words_articles SET st = diplo_analyze(body);
SELECT st::jsonb -> 'quotes' -> 0 ->> 'content' AS first_quote FROM words_articles WHERE id = 1;

-- The keys under each option: "need" is a frequent stem, "ceasefir" is not.
SELECT w, diplo_index_keys(st, w) @> '{w:need}' AS need_key,
	diplo_index_keys(st, w) @> '{w:ceasefir}' AS ceasefire_key,
	(SELECT count(*) FROM unnest(diplo_index_keys(st, w)) k WHERE k LIKE 'w:%') AS word_keys,
	(SELECT count(*) FROM unnest(diplo_index_keys(st, w)) k WHERE k NOT LIKE 'w:%') AS other_keys
FROM words_articles, unnest(ARRAY['rare', 'all', 'none', 'ALL']) w WHERE id = 1;
SELECT diplo_index_keys(st) = diplo_index_keys(st, 'rare') AS default_is_rare
FROM words_articles WHERE id = 1;
SELECT diplo_index_keys(st, 'some') FROM words_articles WHERE id = 1;

-- Bad options are refused.
CREATE INDEX words_bad ON words_articles USING gin (st diplo_statement_ops (words = 'some'));
CREATE INDEX words_bad ON words_articles USING gin (st diplo_statement_ops (stems = 'all'));
CREATE INDEX words_bad ON words_articles USING gin (st diplo_statement_ops (words = 1));

-- The battery: frequent and rare words, prefixes, negation, the quote()
-- scope and other fields beside word: terms.
CREATE TABLE words_queries (qid serial PRIMARY KEY, q diplo_query);
INSERT INTO words_queries (q) VALUES
('word:need'), ('word:needs'), ('word:want'), ('word:people'), ('word:year'), ('word:think'),
('word:ceasefire'), ('word:sanctions'), ('word:vaccines'), ('word:harbours'), ('word:zzz'),
('word:ne*'), ('word:peo*'), ('word:harb*'), ('word:z*'),
('!word:need'), ('!word:ceasefire'), ('word:need & !word:want'),
('word:want | word:vaccines'), ('word:need & word:ceasefire'),
('speaker:rojas & word:need'), ('speaker:holm & !word:people'),
('quote(speaker:mwangi & word:need)'), ('quote(word:think & word:ceasefire)'),
('quote(speaker:duarte & word:year)'), ('quote(!word:need)'),
('country:kenya & word:fertiliser'), ('cue:added & word:waiting'),
('word:kappa17'), ('word:kappa1*'), ('quote(word:kappa17 & word:need)'),
('word:the'), ('speaker:nobody & word:need');

-- The reference: sequential scans.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE words_seq AS
SELECT qid, r.n, r.ids FROM words_queries q, LATERAL (
	SELECT count(*) AS n, md5(coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')) AS ids
	FROM words_articles a WHERE a.st @@ q.q) r;
SELECT count(*) AS queries, count(*) FILTER (WHERE n = 0) AS empty,
	count(*) FILTER (WHERE n = 2000) AS every_row FROM words_seq;

-- One index per option in turn, each the only way to the rows: the same
-- answers as the sequential scans, and their sizes.
CREATE TEMP TABLE words_sizes (words text, bytes bigint);
CREATE FUNCTION pg_temp.words_check(opt text) RETURNS TABLE (words text, indexdef text, index_scan bool, queries bigint, identical bigint)
LANGUAGE plpgsql AS $$
DECLARE
	p text;
	used bool := false;
BEGIN
	IF opt IS NULL THEN
		CREATE INDEX words_idx ON words_articles USING gin (st);
	ELSE
		EXECUTE format('CREATE INDEX words_idx ON words_articles USING gin (st diplo_statement_ops (words = %L))', opt);
	END IF;
	ANALYZE words_articles;
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_bitmapscan = on;
	FOR p IN EXECUTE 'EXPLAIN (COSTS OFF) SELECT id FROM words_articles WHERE st @@ ''word:need''' LOOP
		used := used OR p LIKE '%Bitmap Index Scan on words_idx%';
	END LOOP;
	INSERT INTO words_sizes VALUES (coalesce(opt, 'default'), pg_relation_size('words_idx'));
	RETURN QUERY
	SELECT coalesce(opt, 'default'), pg_get_indexdef('words_idx'::regclass), used,
		count(*), count(*) FILTER (WHERE s.n = i.n AND s.ids = i.ids)
	FROM words_seq s JOIN (
		SELECT qid, r.n, r.ids FROM words_queries q, LATERAL (
			SELECT count(*) AS n, md5(coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')) AS ids
			FROM words_articles a WHERE a.st @@ q.q) r) i USING (qid);
	DROP INDEX words_idx;
END $$;
SELECT * FROM pg_temp.words_check(NULL);
SELECT * FROM pg_temp.words_check('rare');
SELECT * FROM pg_temp.words_check('all');
SELECT * FROM pg_temp.words_check('none');

-- 'none' is the smallest, 'all' the largest; the default is 'rare'.
SELECT (SELECT bytes FROM words_sizes WHERE words = 'none') < (SELECT bytes FROM words_sizes WHERE words = 'rare') AS none_smaller,
	(SELECT bytes FROM words_sizes WHERE words = 'rare') < (SELECT bytes FROM words_sizes WHERE words = 'all') AS all_larger,
	(SELECT bytes FROM words_sizes WHERE words = 'default') = (SELECT bytes FROM words_sizes WHERE words = 'rare') AS default_rare;

-- The option travels with the index (pg_get_indexdef above: a dump
-- re-creates it) and works on an expression index too.
CREATE INDEX words_expr ON words_articles USING gin (diplo_analyze(body) diplo_statement_ops (words = 'all'));
SELECT pg_get_indexdef('words_expr'::regclass);
SET enable_seqscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF) SELECT id FROM words_articles WHERE diplo_analyze(body) @@ 'word:want & country:chile';
SELECT count(*) = (SELECT n FROM words_seq JOIN words_queries USING (qid) WHERE q::text = 'word:want')
	AS same_as_seqscan
FROM words_articles WHERE diplo_analyze(body) @@ 'word:want';
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'diplo_statement_ops';

RESET enable_indexscan;
RESET enable_bitmapscan;
DROP TABLE words_articles, words_queries;
