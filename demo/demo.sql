-- The diplo demo: load the sample articles, then ask who said what.
\set ON_ERROR_STOP on
\pset pager off
\pset null '-'

CREATE EXTENSION diplo;

-- The articles, with their analysis stored in a generated column.
CREATE TABLE articles (
	id int PRIMARY KEY,
	title text NOT NULL,
	published date NOT NULL,
	body text NOT NULL,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED
);
\ir articles.sql

\echo
\echo '=== Speakers of each article: diplo_speakers(body)'
SELECT id, title, diplo_speakers(body) AS speakers
FROM articles ORDER BY id;

\echo
\echo '=== Quotes with their speakers and cues: diplo_quotes(body)'
SELECT a.id, q.speaker, q.speaker_role AS role, q.speaker_country AS country,
       q.cue, q.kind, q.direct,
       CASE WHEN length(q.content) > 60 THEN left(q.content, 57) || '...' ELSE q.content END AS content
FROM articles a, diplo_quotes(a.body) q
ORDER BY a.id, q.content_start;

\echo
\echo '=== The offsets point into the article: substr(body, content_start, content_len)'
SELECT a.id, q.content_start, q.content_len,
       substr(a.body, q.content_start, q.content_len) = q.content AS matches
FROM articles a, diplo_quotes(a.body) q
ORDER BY a.id, q.content_start
LIMIT 5;

\echo
\echo '=== Topics of each article: diplo_topics(body)'
SELECT id, diplo_topics(body) AS topics
FROM articles ORDER BY id;

\echo
\echo '=== From the stored analysis (no new analysis): event, countries, topics'
SELECT id, event(analysis) AS event, countries(analysis) AS countries,
       topics(analysis) AS topics
FROM articles ORDER BY id;

\echo
\echo '=== Who is quoted in articles about trade? quotes(analysis), topics(analysis)'
SELECT q.speaker, count(*) AS quotes, array_agg(DISTINCT a.id) AS articles
FROM articles a, quotes(a.analysis) q
WHERE EXISTS (SELECT FROM unnest(topics(a.analysis)) t WHERE t ILIKE '%trade%')
  AND q.speaker IS NOT NULL
GROUP BY q.speaker ORDER BY count(*) DESC, q.speaker;

\echo
\echo '=== Part of one stored analysis as JSON (article 4): analysis::jsonb'
SELECT jsonb_pretty(jsonb_build_object('event', analysis::jsonb -> 'event',
                                       'speakers', analysis::jsonb -> 'speakers',
                                       'first quote', analysis::jsonb -> 'quotes' -> 0))
FROM articles WHERE id = 4;

\echo
\echo '=== Search: analysis @@ diplo_query, answered by the GIN index'
CREATE INDEX articles_analysis_idx ON articles USING gin (analysis);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM articles WHERE analysis @@ 'topic:trade & role:minister';
SELECT id, title FROM articles
WHERE analysis @@ 'topic:trade & role:minister' ORDER BY id;
\echo
\echo '=== Same quote: a minister saying something about talks; diplo_headline marks it'
SELECT id, diplo_headline(body, 'quote(role:minister & word:talk*)',
                          'StartSel=[, StopSel=]') AS headline
FROM articles
WHERE analysis @@ 'quote(role:minister & word:talk*)' ORDER BY id;
RESET enable_seqscan;
