--
-- The seed article (../shared/corpora/seed.txt), when ../shared is present
-- beside the repository: its speakers, their roles and countries, its
-- topics, countries and event, and how many of its quotes are direct.
-- The text is read from there, never copied here; without it the test
-- prints that it skipped (expected/seed_1.out).
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
SET client_encoding = 'UTF8';
\set seedfile `pwd`/../shared/corpora/seed.txt
CREATE TEMP TABLE seed AS
SELECT pg_catalog.pg_read_file(:'seedfile', 0, 1048576, true) AS body;
SELECT body IS NOT NULL AS have_seed FROM seed \gset
\if :have_seed
SELECT s.name, s.role, s.country, s.type, s.quotes > 0 AS speaks
FROM seed, diplo_speaker_details(seed.body) s;
SELECT diplo_speakers(body) FROM seed;
SELECT diplo_topics(body) FROM seed;
SELECT countries(diplo_analyze(body)), event(diplo_analyze(body)) FROM seed;
-- The quotes that relay another (the foreign ministry relaying the minister).
SELECT q.speaker, q.channel, q.cue, q.kind
FROM seed, diplo_quotes(seed.body) q
WHERE q.channel IS NOT NULL
ORDER BY q.content_start;
SELECT count(*) FILTER (WHERE kind = 'direct') AS direct,
       count(*) FILTER (WHERE kind = 'mixed') AS mixed,
       count(*) FILTER (WHERE substr(seed.body, content_start, content_len) = content) AS exact,
       count(*) AS quotes
FROM seed, diplo_quotes(seed.body);
\else
\echo 'seed: skipped (../shared/corpora/seed.txt is absent)'
\endif
