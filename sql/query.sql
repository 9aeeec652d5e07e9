--
-- The query type diplo_query: parser, canonical text, errors with their
-- position, and the operators @@, @> and <@ (issue 4).
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif

-- Valid queries and their canonical forms; every canonical form reads back
-- to itself.
CREATE TEMP TABLE valid_queries (id serial, q text);
INSERT INTO valid_queries (q) VALUES
('speaker:qureshi'),
('speaker:"Antony Blinken"'),
('speaker:blink*'),
('Speaker:QURESHI'),
('speaker:"  Antony    Blinken "'),
('speaker:José'),
('speaker:"Müller-Øst"'),
('country:"Côte d''Ivoire"'),
('speaker:Łukasz & org:Żabka'),
('role:"foreign minister" & country:pakistan'),
('org:"ministry of foreign affairs"'),
('topic:"peace process"'),
('event:"phone call"'),
('cue:said | cue:stressed'),
('word:negotiations'),
('word:negot*'),
('speaker:"antony bl"*'),
('speaker:a & speaker:b & speaker:c'),
('speaker:a & (speaker:b & speaker:c)'),
('(speaker:a | speaker:b) | speaker:c'),
('speaker:a | speaker:b & speaker:c'),
('(speaker:a | speaker:b) & speaker:c'),
('!speaker:a'),
('!!speaker:a'),
('!(speaker:a & speaker:b)'),
('!(speaker:a | speaker:b) & topic:sanctions'),
('((((speaker:a))))'),
('quote(speaker:qureshi & topic:afghanistan)'),
('quote(speaker:qureshi) & quote(word:peace)'),
('!quote(speaker:x | !word:y)'),
('QUOTE ( word:talk* )'),
('speaker:"say \"hi\" \\ there"'),
('word:quote'),
('speaker:o''brien'),
('speaker:al-sisi'),
('word:covid-19'),
(E'speaker:a\t&\nword:b');
SELECT id, q, q::diplo_query AS canonical FROM valid_queries ORDER BY id;
SELECT id FROM valid_queries
WHERE q::diplo_query::text::diplo_query::text <> q::diplo_query::text;

-- The binary form (a version byte and the canonical text) round-trips
-- through binary COPY.
SELECT diplo_query_send('speaker:blink* & !topic:nuclear');
CREATE TEMP TABLE typed_queries AS
SELECT id, q::diplo_query AS dq FROM valid_queries;
\copy typed_queries TO 'results/diplo_query.bin' WITH (FORMAT binary)
CREATE TEMP TABLE typed_queries_back (id int, dq diplo_query);
\copy typed_queries_back FROM 'results/diplo_query.bin' WITH (FORMAT binary)
SELECT count(*) AS copied,
       count(*) FILTER (WHERE a.dq::text = b.dq::text) AS same
FROM typed_queries a JOIN typed_queries_back b USING (id);
-- An unknown version byte is refused.
CREATE TEMP TABLE crafted_query (b bytea);
INSERT INTO crafted_query VALUES ('\x02776f72643a78');
\copy crafted_query TO 'results/diplo_query_crafted.bin' WITH (FORMAT binary)
CREATE TEMP TABLE crafted_query_back (dq diplo_query);
\copy crafted_query_back FROM 'results/diplo_query_crafted.bin' WITH (FORMAT binary)

-- Malformed queries: SQLSTATE 22P02 with the fault's position.
\set VERBOSITY default
SELECT ''::diplo_query;
SELECT '   '::diplo_query;
SELECT 'qureshi'::diplo_query;
SELECT 'speaker'::diplo_query;
SELECT 'speaker qureshi'::diplo_query;
SELECT 'spaeker:qureshi'::diplo_query;
SELECT 'quote:x'::diplo_query;
SELECT 'speaker:'::diplo_query;
SELECT 'speaker: qureshi'::diplo_query;
SELECT 'speaker:""'::diplo_query;
SELECT 'topic:"   "'::diplo_query;
SELECT 'speaker:"antony blinken'::diplo_query;
SELECT 'speaker:"a\b"'::diplo_query;
SELECT 'speaker:"a\'::diplo_query;
SELECT 'speaker:x &'::diplo_query;
SELECT 'speaker:x | | speaker:y'::diplo_query;
SELECT '& speaker:x'::diplo_query;
SELECT '!'::diplo_query;
SELECT '()'::diplo_query;
SELECT '(speaker:x'::diplo_query;
SELECT '(speaker:x | (role:y)'::diplo_query;
SELECT 'speaker:x)'::diplo_query;
SELECT 'speaker:x speaker:y'::diplo_query;
SELECT 'speaker:x !role:y'::diplo_query;
SELECT 'speaker:*'::diplo_query;
SELECT 'speaker:ab*cd'::diplo_query;
SELECT 'speaker:ab**'::diplo_query;
SELECT 'speaker:a:b'::diplo_query;
SELECT 'speaker:"a"b'::diplo_query;
SELECT 'speaker:\x'::diplo_query;
SELECT '"speaker":x'::diplo_query;
SELECT 'word:"peace talks"'::diplo_query;
SELECT 'quote()'::diplo_query;
SELECT 'quote speaker:x'::diplo_query;
SELECT 'quote(quote(word:x))'::diplo_query;
SELECT 'quote(event:summit)'::diplo_query;
SELECT 'quote(word:x'::diplo_query;
SELECT 'speaker:x & (role:y | )'::diplo_query;
SELECT 'speaker:Müller & ünknown:x'::diplo_query;
SELECT (repeat('(', 150) || 'word:x' || repeat(')', 150))::diplo_query;
SELECT (repeat('!', 101) || 'word:x')::diplo_query;
SELECT (repeat('!', 99) || 'word:x')::diplo_query IS NOT NULL AS deep_but_fine;
-- The SQLSTATE of a syntax error.
DO $$
BEGIN
	PERFORM 'speaker:'::diplo_query;
EXCEPTION WHEN invalid_text_representation THEN
	RAISE NOTICE 'caught 22P02: %', SQLERRM;
END $$;

-- Matching.  Analyses written as literals, so that they do not depend on
-- the analyser: a foreign minister's quote on Afghanistan, a spokesperson
-- of an organisation, and an analysis with no quotes at all.
CREATE TEMP TABLE stmts (id int, st diplo_statement);
INSERT INTO stmts VALUES
(1, '{"version": 1, "event": "phone call", "event_code": "041", "countries": ["Pakistan", "United States"], "topics": ["Afghanistan peace process", "trade and investment"], "speakers": [{"name": "Shah Mahmood Qureshi", "role": "Foreign Minister", "org": null, "country": "Pakistan", "type": "person"}, {"name": "Antony Blinken", "role": "Secretary of State", "org": "State Department", "country": "United States", "type": "person"}], "quotes": [{"speaker": 0, "channel": null, "addressee": 1, "kind": "direct", "cue": "said", "start": 1, "length": 52, "cue_start": null, "cue_length": null, "speaker_start": null, "speaker_length": null, "content": "Pakistan supports the Afghan peace process fully"}, {"speaker": 1, "channel": null, "addressee": null, "kind": "indirect", "cue": "stressed", "start": 60, "length": 40, "cue_start": null, "cue_length": null, "speaker_start": null, "speaker_length": null, "content": "trade and investments would grow"}]}'),
(2, '{"version": 1, "event": null, "event_code": null, "countries": ["Côte d''Ivoire"], "topics": ["COVID-19"], "speakers": [{"name": "José Müller-Øst", "role": "Ministre", "org": null, "country": "Côte d''Ivoire", "type": "person"}, {"name": "World Health Organization", "role": null, "org": null, "country": null, "type": "organization"}], "quotes": [{"speaker": 1, "channel": null, "addressee": null, "kind": "direct", "cue": "warned", "start": 3, "length": 30, "cue_start": null, "cue_length": null, "speaker_start": null, "speaker_length": null, "content": "Vaccines are négociés slowly, and the pandemic is not over"}]}'),
(3, '{"version": 1, "event": null, "event_code": null, "countries": [], "topics": [], "speakers": [], "quotes": []}');

CREATE TEMP TABLE match_queries (qid serial, q diplo_query);
INSERT INTO match_queries (q) VALUES
('speaker:qureshi'),
('speaker:"shah mahmood qureshi"'),
('speaker:"mahmood qureshi"'),
('speaker:QURÉSHI'),
('speaker:blink*'),
('speaker:"antony bl"*'),
('speaker:muller'),
('speaker:ost'),
('speaker:"jose muller-ost"'),
('role:minister'),
('role:"secretary of state"'),
('org:"state department"'),
('org:"world health organization"'),
('org:health'),
('country:pakistan'),
('country:"cote d''ivoire"'),
('country:united*'),
('topic:afghanistan'),
('topic:"peace process"'),
('topic:covid-19'),
('topic:health'),
('event:"phone call"'),
('event:call'),
('cue:stressed'),
('word:investment'),
('word:invest*'),
('word:negocies'),
('word:vaccine'),
('!speaker:qureshi'),
('!word:zzz'),
('speaker:qureshi & !country:india'),
('speaker:qureshi | topic:covid-19'),
('quote(speaker:qureshi & word:peace)'),
('quote(speaker:qureshi & word:trade)'),
('quote(speaker:blinken & word:trade)'),
('quote(role:minister & topic:afghanistan)'),
('quote(country:"united states" & cue:stressed)'),
('quote(org:"world health organization" & word:pandemic)'),
('quote(!speaker:qureshi)'),
('!quote(speaker:qureshi)'),
('quote(word:peace) & quote(word:trade)');
SELECT q::text, string_agg(id::text, ',' ORDER BY id) FILTER (WHERE st @@ q) AS matches
FROM match_queries, stmts GROUP BY qid, q::text ORDER BY qid;

-- The commutator gives the same answers.
SELECT count(*) AS disagreements FROM match_queries, stmts
WHERE (st @@ q) IS DISTINCT FROM (q @@ st);
SELECT o.oprname, o.oprleft::regtype, o.oprright::regtype, c.oprleft::regtype AS com_left
FROM pg_operator o JOIN pg_operator c ON c.oid = o.oprcom
WHERE o.oprname IN ('@@', '@>', '<@') AND (o.oprleft = 'diplo_statement'::regtype
	OR o.oprleft = 'diplo_query'::regtype)
ORDER BY 1, 2, 3;
-- Arguments are not collatable (postgres_fdw can ship the operators).
SELECT typname, typcollation = 0 AS not_collatable FROM pg_type
WHERE typname IN ('diplo_statement', 'diplo_query') ORDER BY 1;

-- Containment: every speaker, topic, country, the event and every quote
-- (same speaker and content, compared normalised) of the right is in the left.
SELECT a.id, b.id, a.st @> b.st AS contains, b.st <@ a.st AS contained
FROM stmts a, stmts b ORDER BY 1, 2;
SELECT st @> '{"version": 1, "countries": ["PAKISTAN"], "topics": [], "speakers": [{"name": "shah mahmood QURESHI", "type": "person"}], "quotes": [{"speaker": 0, "kind": "direct", "start": 1, "length": 3, "content": "Pakistan supports the Afghan peace process fully"}]}' AS sub,
       st @> '{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "Shah Mahmood Qureshi", "type": "person"}], "quotes": [{"speaker": 0, "kind": "direct", "start": 1, "length": 3, "content": "trade and investments would grow"}]}' AS wrong_speaker,
       st @> '{"version": 1, "event": "summit", "countries": [], "topics": [], "speakers": [], "quotes": []}' AS other_event
FROM stmts WHERE id = 1;

-- The same through the analyser, on an article whose analysis is plain.
SELECT diplo_analyze('Foreign Minister Shah Mahmood Qureshi said: “Pakistan supports the Afghan peace process.”')
	@@ 'quote(speaker:qureshi & topic:afghanistan & word:support)' AS analysed_match;

-- Headlines: the matching quotes with the terms marked.
SELECT diplo_headline('Foreign Minister Shah Mahmood Qureshi said: “Pakistan supports the Afghan peace process.”',
	'speaker:qureshi & word:peace');
SELECT diplo_headline('Foreign Minister Shah Mahmood Qureshi said: “Pakistan supports the Afghan peace process.”',
	'word:support*', 'StartSel=[, StopSel=], MaxFragments=1');
SELECT diplo_headline('Foreign Minister Shah Mahmood Qureshi said: “Pakistan supports the Afghan peace process.”',
	'speaker:nobody') IS NULL AS no_headline;
-- Under quote(), only the quotes that satisfy the whole scope are shown.
SELECT diplo_headline('“The talks will resume in May,” Foreign Minister Ana Ruiz said. '
	'“We expect talks soon,” Ambassador Jonas Berg said. '
	'“Our farmers need help,” Ruiz added.',
	'quote(role:minister & word:talk*)', 'StartSel=[, StopSel=]');
SELECT diplo_headline('x', 'word:x', 'Bogus=1');
