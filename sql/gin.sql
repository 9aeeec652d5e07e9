--
-- The GIN operator class diplo_statement_ops (issue 4): a few thousand
-- generated articles, a battery of queries answered with a sequential scan
-- and with the index, compared; a stored column, a generated column and an
-- expression index.
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif

SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'diplo_statement_ops';
SELECT opcname, opcdefault, opckeytype::regtype FROM pg_opclass
WHERE opcname = 'diplo_statement_ops';

-- Articles made from small word lists: "Nigerian Foreign Minister Amara
-- Okafor said: “...” Okafor also stressed that ... .", with the speaker, the
-- role, the country, the cues, the quotes and the closing varying
-- independently with the row number.  Every 50th article has no quote.
CREATE FUNCTION pg_temp.article(i int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN i % 50 = 0 THEN
	'Markets were calm on Tuesday and no official commented on the figures.'
ELSE format('%s %s %s %s: “%s.” %s also %s that %s. %s',
	(ARRAY['Nigerian', 'Hungarian', 'Spanish', 'Japanese', 'Swedish',
		'Pakistani', 'French', 'Polish'])[(i / 10) % 8 + 1],
	(ARRAY['Foreign Minister', 'Prime Minister', 'Defence Minister',
		'President'])[(i / 3) % 4 + 1],
	sp[1], (ARRAY['said', 'stressed', 'warned', 'added', 'noted'])[(i / 7) % 5 + 1],
	(ARRAY['We will deepen trade and investment ties',
		'The ceasefire must hold across the region',
		'Climate change threatens our farmers',
		'Sanctions will not solve this dispute',
		'Our vaccines reached every province',
		'Refugees deserve protection and dignity',
		'Nuclear talks should resume soon',
		'Terrorism remains a shared threat'])[(i / 11) % 8 + 1],
	sp[2], (ARRAY['said', 'stressed', 'warned', 'added'])[(i / 5) % 4 + 1],
	(ARRAY['the ceasefire must hold', 'trade with neighbours is growing',
		'the sanctions hurt ordinary people', 'the border will stay open',
		'elections will be held in spring'])[(i / 13) % 5 + 1],
	(ARRAY['The remarks came after a phone call with the Japanese counterpart.',
		'The two sides held a meeting in the capital.',
		'No further details were given.',
		'Officials did not say when talks would resume.',
		''])[i % 5 + 1])
END
FROM (SELECT (ARRAY[ARRAY['Amara Okafor', 'Okafor'], ARRAY['Lena Varga', 'Varga'],
		ARRAY['Tomás Ibáñez', 'Ibáñez'], ARRAY['Kenji Mori', 'Mori'],
		ARRAY['Sofia Lindqvist', 'Lindqvist'], ARRAY['Rahim Qadir', 'Qadir'],
		ARRAY['Élodie Marchand', 'Marchand'], ARRAY['Piotr Nowak', 'Nowak'],
		ARRAY['Aisha Bello', 'Bello'], ARRAY['Daniel Reyes', 'Reyes']])[i % 10 + 1:i % 10 + 1] AS sp2) s,
	LATERAL (SELECT ARRAY[sp2[1][1], sp2[1][2]] AS sp) t
$$;
SELECT pg_temp.article(1);
SELECT pg_temp.article(50);

-- A stored column.
CREATE TABLE gin_articles (id int PRIMARY KEY, body text, st diplo_statement);
INSERT INTO gin_articles
SELECT i, pg_temp.article(i), diplo_analyze(pg_temp.article(i))
FROM generate_series(1, 3000) i;
-- Two analyses with names longer than a key holds (names of several
-- words: keys for their words only).
INSERT INTO gin_articles VALUES
(9001, NULL, ('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "' ||
	repeat('Longname ', 25) || 'Alpha", "type": "person"}], "quotes": []}')::diplo_statement),
(9002, NULL, ('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "' ||
	repeat('Longname ', 25) || 'Beta", "type": "person"}], "quotes": []}')::diplo_statement);
CREATE INDEX gin_articles_st ON gin_articles USING gin (st);
ANALYZE gin_articles;

-- The keys of one analysis.
SELECT diplo_index_keys(st) FROM gin_articles WHERE id = 1;
SELECT k FROM gin_articles, unnest(diplo_index_keys(st)) k WHERE id = 9001;

-- The battery: every field, prefix, negation, the quote() scope, and
-- queries with no result.
CREATE TABLE gin_queries (qid serial PRIMARY KEY, q diplo_query);
INSERT INTO gin_queries (q) VALUES
('speaker:okafor'),
('speaker:"amara okafor"'),
('speaker:ama*'),
('speaker:"lena v"*'),
('speaker:ibanez'),
('speaker:IBÁÑEZ'),
('speaker:nobody'),
('role:"foreign minister"'),
('role:minister'),
('role:president'),
('role:defen*'),
('country:nigeria'),
('country:hungary & !country:nigeria'),
('country:"united states"'),
('country:s*'),
('topic:"trade and investment"'),
('topic:sanctions'),
('topic:climate*'),
('topic:nuclear | topic:terrorism'),
('event:"phone call"'),
('event:meeting'),
('event:call'),
('cue:said'),
('cue:warned | cue:stressed'),
('cue:add*'),
('word:trade'),
('word:ceasefire'),
('word:vaccines'),
('word:vacc*'),
('word:farmer'),
('word:zzzz'),
('!speaker:okafor'),
('!word:trade'),
('!(speaker:okafor | speaker:varga)'),
('speaker:okafor & word:trade'),
('speaker:okafor | speaker:varga'),
('speaker:okafor & !topic:sanctions'),
('(speaker:okafor | speaker:varga) & topic:climate*'),
('quote(speaker:okafor & word:trade)'),
('quote(speaker:okafor & cue:stressed)'),
('quote(role:president & word:nuclear)'),
('quote(country:nigeria & topic:"peace process")'),
('quote(!word:trade)'),
('!quote(word:trade)'),
('quote(word:trade) & quote(word:ceasefire)'),
('quote(speaker:ok* & word:ceas*)'),
('quote(cue:warned & !topic:sanctions)'),
('speaker:okafor & speaker:varga'),
('word:trade & !word:trade'),
('!speaker:zzz'),
('org:anything'),
(('speaker:"' || repeat('longname ', 25) || 'alpha"')::diplo_query),
(('speaker:"' || repeat('longname ', 15) || '"*')::diplo_query),
('quote(speaker:okafor) & !event:meeting'),
('topic:peace & country:pol*'),
('quote(speaker:varga | speaker:mori) & !(cue:said | word:ceasefire)'),
-- Names of several words have keys for their words only: rechecked.
('!speaker:"amara okafor"'),
('speaker:"okafor amara"'),
('quote(speaker:"lena varga" & word:ceasefire)'),
('speaker:"amara okafor" | role:"defence minister"'),
-- Stop words and one-letter words have no index key: answered by the
-- recheck, with the same rows as a sequential scan.
('word:the'),
('word:a'),
('word:th*'),
('word:will & speaker:okafor'),
('quote(speaker:okafor & word:the)'),
('word:the & !word:trade');
SELECT count(*) AS battery_size FROM gin_queries;

-- Run 1: sequential scans only.
SET enable_seqscan = on;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM gin_articles WHERE st @@ 'speaker:okafor';
CREATE TEMP TABLE run_seq AS
SELECT qid, r.n, r.ids
FROM gin_queries q, LATERAL (
	SELECT count(*) AS n, md5(coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')) AS ids
	FROM gin_articles a WHERE a.st @@ q.q) r;

-- Run 2: the index only.
SET enable_seqscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF) SELECT id FROM gin_articles WHERE st @@ 'speaker:okafor';
EXPLAIN (COSTS OFF) SELECT id FROM gin_articles WHERE st @@ 'quote(speaker:ok* & word:ceas*)';
EXPLAIN (COSTS OFF) SELECT id FROM gin_articles WHERE st @@ '!speaker:okafor';
EXPLAIN (COSTS OFF) SELECT id FROM gin_articles WHERE st @@ 'word:the';
EXPLAIN (COSTS OFF)
SELECT qid, r.n FROM gin_queries q, LATERAL (
	SELECT count(*) AS n FROM gin_articles a WHERE a.st @@ q.q) r;
CREATE TEMP TABLE run_idx AS
SELECT qid, r.n, r.ids
FROM gin_queries q, LATERAL (
	SELECT count(*) AS n, md5(coalesce(string_agg(a.id::text, ',' ORDER BY a.id), '')) AS ids
	FROM gin_articles a WHERE a.st @@ q.q) r;

-- Identical results, query by query.
SELECT q.qid, q.q::text, s.n = i.n AND s.ids = i.ids AS same
FROM gin_queries q JOIN run_seq s USING (qid) JOIN run_idx i USING (qid)
ORDER BY q.qid;
SELECT count(*) AS queries, count(*) FILTER (WHERE s.n = i.n AND s.ids = i.ids) AS identical,
	count(*) FILTER (WHERE s.n = 0) AS empty, count(*) FILTER (WHERE s.n > 0) AS nonempty
FROM run_seq s JOIN run_idx i USING (qid);

-- Absolute counts where the analysis is unambiguous: 300 articles per
-- speaker (one in ten), 60 of them without quotes removed (every 50th).
SELECT q::text, n FROM gin_queries JOIN run_idx USING (qid)
WHERE q::text IN ('speaker:okafor', 'speaker:ibanez', 'speaker:nobody',
	'speaker:okafor & speaker:varga', 'word:trade & !word:trade', 'org:anything',
	'!speaker:zzz', 'speaker:"' || repeat('longname ', 25) || 'alpha"',
	'speaker:"' || rtrim(repeat('longname ', 15)) || '"*')
ORDER BY qid;

-- Containment through the index: the same rows as without it.
SET enable_seqscan = on;
SET enable_bitmapscan = off;
CREATE TEMP TABLE contain_seq AS
SELECT b.id, count(*) AS n FROM gin_articles b, gin_articles a
WHERE b.id IN (1, 2, 17, 50, 9001) AND a.st @> b.st GROUP BY b.id;
SET enable_seqscan = off;
SET enable_bitmapscan = on;
EXPLAIN (COSTS OFF)
SELECT id FROM gin_articles WHERE st @> (SELECT st FROM gin_articles WHERE id = 1);
CREATE TEMP TABLE contain_idx AS
SELECT b.id, (SELECT count(*) FROM gin_articles a WHERE a.st @> b.st) AS n
FROM gin_articles b WHERE b.id IN (1, 2, 17, 50, 9001);
SELECT s.id, s.n = i.n AS same FROM contain_seq s JOIN contain_idx i USING (id) ORDER BY 1;

-- A generated column gives the same answers through its own index.
CREATE TABLE gin_generated (id int PRIMARY KEY, body text,
	st diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
INSERT INTO gin_generated (id, body) SELECT id, body FROM gin_articles WHERE body IS NOT NULL;
CREATE INDEX gin_generated_st ON gin_generated USING gin (st);
ANALYZE gin_generated;
EXPLAIN (COSTS OFF) SELECT id FROM gin_generated WHERE st @@ 'word:trade';
SELECT count(*) AS disagreements FROM gin_queries q
WHERE (SELECT md5(string_agg(a.id::text, ',' ORDER BY a.id))
	   FROM gin_generated a WHERE a.st @@ q.q)
	IS DISTINCT FROM
	  (SELECT md5(string_agg(a.id::text, ',' ORDER BY a.id))
	   FROM gin_articles a WHERE a.body IS NOT NULL AND a.st @@ q.q);

-- An expression index: no stored analysis at all.
CREATE TABLE gin_bodies (id int PRIMARY KEY, body text);
INSERT INTO gin_bodies SELECT id, body FROM gin_articles WHERE id <= 600;
CREATE INDEX gin_bodies_expr ON gin_bodies USING gin (diplo_analyze(body));
ANALYZE gin_bodies;
EXPLAIN (COSTS OFF) SELECT id FROM gin_bodies WHERE diplo_analyze(body) @@ 'speaker:varga';
CREATE TEMP TABLE expr_idx AS
SELECT qid, r.n, r.ids FROM gin_queries q, LATERAL (
	SELECT count(*) AS n, md5(coalesce(string_agg(b.id::text, ',' ORDER BY b.id), '')) AS ids
	FROM gin_bodies b WHERE diplo_analyze(b.body) @@ q.q) r
WHERE qid % 5 = 1;
SET enable_seqscan = on;
SET enable_bitmapscan = off;
CREATE TEMP TABLE expr_seq AS
SELECT qid, r.n, r.ids FROM gin_queries q, LATERAL (
	SELECT count(*) AS n, md5(coalesce(string_agg(b.id::text, ',' ORDER BY b.id), '')) AS ids
	FROM gin_bodies b WHERE diplo_analyze(b.body) @@ q.q) r
WHERE qid % 5 = 1;
SELECT count(*) AS queries, count(*) FILTER (WHERE s.n = i.n AND s.ids = i.ids) AS identical
FROM expr_seq s JOIN expr_idx i USING (qid);

-- A value of one word longer than a key holds: a hashed key, rechecked.
-- (The long names of several words above have keys for their words only.)
INSERT INTO gin_articles VALUES
(9003, NULL, ('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "' ||
	repeat('Longname', 20) || 'Alpha", "type": "person"}], "quotes": []}')::diplo_statement),
(9004, NULL, ('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "' ||
	repeat('Longname', 20) || 'Beta", "type": "person"}], "quotes": []}')::diplo_statement);
SELECT k FROM gin_articles, unnest(diplo_index_keys(st)) k WHERE id = 9003;
SET enable_seqscan = off;
SET enable_bitmapscan = on;
SELECT id FROM gin_articles
WHERE st @@ ('speaker:' || repeat('longname', 20) || 'alpha')::diplo_query;
SELECT id FROM gin_articles
WHERE st @@ ('speaker:' || repeat('longname', 20) || '*')::diplo_query ORDER BY id;
SELECT id FROM gin_articles
WHERE st @@ ('speaker:' || repeat('longname', 15) || 'x*')::diplo_query ORDER BY id;
SELECT id FROM gin_articles
WHERE st @@ ('speaker:"longname ' || repeat('longname', 20) || 'beta"')::diplo_query;

RESET enable_seqscan;
RESET enable_indexscan;
RESET enable_bitmapscan;
DROP TABLE gin_articles, gin_queries, gin_generated, gin_bodies;
