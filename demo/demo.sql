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

\echo
\echo '=== Languages: a French dispatch, its language guessed (diplo_guess_language, diplo_quotes)'
SELECT diplo_guess_language(v.body) AS language, q.speaker, q.cue, q.content
FROM (VALUES ($$Le ministre des Affaires étrangères Jean Martin a déclaré mardi que la France soutenait un cessez-le-feu. « Nous voulons une solution politique », a dit M. Martin à Paris.$$::text)) v(body),
     diplo_quotes(v.body) q;

\echo
\echo '=== Configurations: a desk''s own actors with dated roles (diplo_actors_import, diplo_config_create)'
CREATE TABLE desk_actors (name text, aliases text[], role text, org text,
                          country text, valid_from date, valid_to date);
SELECT diplo_actors_import('desk_actors', $$
# desk.actors.txt: one actor per line, its dated roles in brackets, + aliases
Lena Okafor [Foreign Minister; Ministry of Foreign Affairs; Nigeria; 2022-01-10..2024-06-30]
+Okafor
Sam Adeyemi [Foreign Minister; Ministry of Foreign Affairs; Nigeria; 2024-07-01..]
+Adeyemi
$$, 'desk.actors.txt') AS actors_imported;
SELECT diplo_config_create('desk', actors => 'desk_actors');
\echo '"The Nigerian foreign minister" is whoever held the office on the publication date:'
SELECT v.published, s.name, s.role, s.country
FROM (VALUES (date '2023-05-02'), (date '2025-02-11')) v(published),
     diplo_speaker_details('desk', 'The Nigerian foreign minister said the talks would resume in March.'::text, v.published) s
ORDER BY 1;
