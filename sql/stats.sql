--
-- diplo_stats and diplo_facets (0.2): summaries of stored analyses for
-- aggregates, and the dashboard queries of the README.
--

-- Analyses written by hand (stable whatever the analyser learns), dated.
CREATE TABLE dash_articles (id int PRIMARY KEY, published date NOT NULL, analysis diplo_statement);
INSERT INTO dash_articles VALUES
(1, '2024-01-08', '{"version": 1, "event": "phone call", "countries": ["Spain", "Chile"], "topics": ["trade and investment"],
  "speakers": [{"name": "Ana Ruiz", "role": "Foreign Minister", "country": "Spain", "type": "person"}],
  "quotes": [{"speaker": 0, "kind": "direct", "cue": "told", "start": 10, "length": 20, "content": "We are ready to sign"},
             {"speaker": 0, "kind": "indirect", "cue": "said", "start": 50, "length": 18, "content": "the deal was close"}]}'),
(2, '2024-01-22', '{"version": 1, "countries": ["Kenya"], "topics": [],
  "speakers": [{"name": "Daniel Otieno", "role": "President", "country": "Kenya", "type": "person"}],
  "quotes": [{"speaker": 0, "kind": "indirect", "cue": "warned", "start": 40, "length": 31, "content": "the drought threatened farmers"},
             {"speaker": 0, "kind": "direct", "cue": "said", "start": 80, "length": 16, "content": "We need help now"}]}'),
(3, '2024-02-05', '{"version": 1, "event": "meeting", "countries": ["Spain", "Japan"], "topics": ["trade and investment"],
  "speakers": [{"name": "Hiro Tanaka", "role": "Prime Minister", "country": "Japan", "type": "person"},
               {"name": "Ana Ruiz", "role": "Foreign Minister", "country": "Spain", "type": "person"}],
  "quotes": [{"speaker": 0, "kind": "direct", "cue": "said", "start": 90, "length": 19, "content": "Our trade is growing"},
             {"speaker": 1, "kind": "indirect", "cue": "said", "start": 130, "length": 30, "content": "Spain would open a consulate"}]}'),
(4, '2024-02-19', '{"version": 1, "countries": ["Kenya"], "topics": ["human rights"],
  "speakers": [{"name": "Ministry of Foreign Affairs of Kenya", "country": "Kenya", "type": "organization"},
               {"name": "protesters", "type": "group"}],
  "quotes": [{"speaker": 0, "kind": "indirect", "cue": "said", "start": 1, "length": 24, "content": "the talks would continue"},
             {"speaker": null, "kind": "mixed", "start": 60, "length": 23, "content": "a \"historic\" agreement"}]}'),
(5, '2024-02-20', '{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
(6, '2024-03-01', NULL);

-- One row of counts per analysis; NULL in, NULL out; empty analysis, zeros.
SELECT id, (diplo_stats(analysis)).* FROM dash_articles ORDER BY id;

-- The counts agree with the accessors, on hand-written and analysed values.
CREATE TEMP TABLE stat_values AS
SELECT id, analysis FROM dash_articles WHERE analysis IS NOT NULL
UNION ALL
SELECT 100 + g, diplo_analyze(t) FROM unnest(ARRAY[
	'Foreign Minister Ana Ruiz of Spain spoke by phone with her Chilean counterpart on Monday. "We are ready to sign," Ruiz told reporters. Ruiz said the deal was close.',
	'Kenyan President Daniel Otieno warned on Tuesday that the drought threatened farmers. "We need help now," Otieno said.',
	'The foreign ministry said the talks would continue. Protesters called it a "historic" mistake, the envoy said.',
	'Nothing was said at the ceremony.', '']) WITH ORDINALITY AS u(t, g);
SELECT id,
	(diplo_stats(analysis)).speakers = (SELECT count(*) FROM speaker_details(analysis)) AS speakers_agree,
	(diplo_stats(analysis)).persons = (SELECT count(*) FROM speaker_details(analysis) WHERE type = 'person') AS persons_agree,
	(diplo_stats(analysis)).quotes = (SELECT count(*) FROM quotes(analysis)) AS quotes_agree,
	(diplo_stats(analysis)).direct_quotes = (SELECT count(*) FROM quotes(analysis) WHERE kind = 'direct') AS direct_agree,
	(diplo_stats(analysis)).mixed_quotes = (SELECT count(*) FROM quotes(analysis) WHERE kind = 'mixed') AS mixed_agree,
	(diplo_stats(analysis)).attributed_quotes = (SELECT count(*) FROM quotes(analysis) WHERE speaker IS NOT NULL) AS attributed_agree,
	(diplo_stats(analysis)).countries = cardinality(countries(analysis)) AS countries_agree,
	(diplo_stats(analysis)).topics = cardinality(topics(analysis)) AS topics_agree,
	(diplo_stats(analysis)).event IS NOT DISTINCT FROM event(analysis) AS event_agrees
FROM stat_values ORDER BY id;

-- The facets of each article.
SELECT id, f.* FROM dash_articles, diplo_facets(analysis) f ORDER BY id;

-- Facet rows agree with the accessors: every speaker once, quotes per speaker.
SELECT v.id,
	(SELECT bool_and(f.quotes = (SELECT count(*) FROM quotes(v.analysis) q WHERE q.speaker = f.value))
	 FROM diplo_facets(v.analysis) f WHERE f.facet = 'speaker') AS speaker_quotes_agree,
	(SELECT array_agg(f.value ORDER BY f.value) FROM diplo_facets(v.analysis) f WHERE f.facet = 'speaker')
	 IS NOT DISTINCT FROM (SELECT array_agg(s ORDER BY s) FROM unnest(speakers(v.analysis)) s) AS every_speaker_once,
	(SELECT coalesce(sum(f.quotes), 0) FROM diplo_facets(v.analysis) f WHERE f.facet = 'cue')
	 = (SELECT count(cue) FROM quotes(v.analysis)) AS cue_quotes_agree
FROM stat_values v ORDER BY v.id;

-- The dashboard queries of the README (with dates as text).
-- articles, quotes and direct quotes per month
SELECT to_char(date_trunc('month', published), 'YYYY-MM') AS month, count(*) AS articles,
       sum(s.quotes) AS quotes, sum(s.direct_quotes) AS direct_quotes
FROM dash_articles, diplo_stats(analysis) s
GROUP BY 1 ORDER BY 1;

-- distinct speakers per month
SELECT to_char(date_trunc('month', published), 'YYYY-MM') AS month, count(DISTINCT f.value) AS speakers
FROM dash_articles, diplo_facets(analysis) f
WHERE f.facet = 'speaker'
GROUP BY 1 ORDER BY 1;

-- quotes per country (of the speaker), and articles mentioning it
SELECT f.value AS country, sum(f.quotes) AS quotes, count(*) AS articles
FROM dash_articles, diplo_facets(analysis) f
WHERE f.facet = 'country'
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20;

-- who spoke, per month
SELECT to_char(date_trunc('month', published), 'YYYY-MM') AS month,
	string_agg(DISTINCT f.value, ', ') AS who
FROM dash_articles, diplo_facets(analysis) f
WHERE f.facet = 'speaker' GROUP BY 1 ORDER BY 1;

-- The same as a grid: months x facets.
SELECT f.facet, to_char(date_trunc('month', published), 'YYYY-MM') AS month, count(DISTINCT f.value) AS distinct_values
FROM dash_articles, diplo_facets(analysis) f
GROUP BY 1, 2 ORDER BY 1, 2;

-- Hand-written values: an organisation is its own org, groups, cues.
SELECT f.* FROM diplo_facets('{"version": 1, "event": "summit", "countries": ["Iceland"], "topics": [], "speakers": [{"name": "Ministry of Foreign Affairs of Iceland", "type": "organization", "country": "Iceland"}, {"name": "protesters", "type": "group"}], "quotes": [{"speaker": 0, "kind": "indirect", "cue": "said", "start": 1, "length": 3, "content": "abc"}, {"speaker": 1, "kind": "direct", "cue": "said", "start": 5, "length": 3, "content": "def"}, {"speaker": null, "kind": "mixed", "start": 9, "length": 3, "content": "ghi"}]}'::diplo_statement) f;
SELECT * FROM diplo_stats('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "protesters", "type": "group"}], "quotes": [{"speaker": null, "kind": "mixed", "start": 1, "length": 3, "content": "ghi"}]}'::diplo_statement);

-- Parallel-safe and immutable: usable in an expression index.
CREATE INDEX dash_quotes ON dash_articles (((diplo_stats(analysis)).quotes));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM dash_articles WHERE (diplo_stats(analysis)).quotes >= 2;
SELECT id FROM dash_articles WHERE (diplo_stats(analysis)).quotes >= 2 ORDER BY id;
RESET enable_seqscan;

DROP TABLE dash_articles;
