--
-- The type diplo_statement: JSON text input and output, the cast to jsonb,
-- the versioned binary form of send/recv, and the accessors on a value.
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif

-- Canonical literals print back exactly as they were written.
CREATE TEMP TABLE literals (id int, js text);
INSERT INTO literals VALUES
(1, '{"version": 1, "event": null, "event_code": null, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
(2, '{"version": 1, "event": "phone call", "event_code": "040", "countries": ["Spain", "Chile"], "topics": ["bilateral relations", "trade and investment"], "speakers": [{"name": "Ana Ruiz", "role": "Foreign Minister", "org": "Ministry of Foreign Affairs", "country": "Spain", "type": "person"}, {"name": "Ministry of Foreign Affairs", "role": null, "org": null, "country": "Chile", "type": "organization"}], "quotes": [{"speaker": 0, "channel": 1, "addressee": null, "kind": "direct", "cue": "said", "start": 2, "length": 23, "cue_start": 28, "cue_length": 4, "speaker_start": 33, "speaker_length": 8, "content": "We will talk again soon"}, {"speaker": null, "channel": null, "addressee": 0, "kind": "indirect", "cue": null, "start": 50, "length": 15, "cue_start": null, "cue_length": null, "speaker_start": null, "speaker_length": null, "content": "trade is \"key\""}]}'),
(3, '{"version": 1, "event": null, "event_code": null, "countries": [], "topics": [], "speakers": [{"name": "the two delegations", "role": null, "org": null, "country": null, "type": "group"}], "quotes": [{"speaker": 0, "channel": null, "addressee": null, "kind": "mixed", "cue": "agreed", "start": 1, "length": 30, "cue_start": 40, "cue_length": 6, "speaker_start": 50, "speaker_length": 19, "content": "a \\ backslash, a tab\t, a line\nbreak"}]}'),
(4, '{"version": 1, "event": null, "event_code": null, "countries": ["Côte d''Ivoire"], "topics": [], "speakers": [{"name": "José Müller-Øst", "role": "Ministre", "org": null, "country": "Côte d''Ivoire", "type": "person"}], "quotes": [{"speaker": 0, "channel": null, "addressee": null, "kind": "direct", "cue": "a déclaré", "start": 3, "length": 9, "cue_start": null, "cue_length": null, "speaker_start": null, "speaker_length": null, "content": "«Très bien» 和平 🕊"}]}');

SELECT id, js::diplo_statement::text = js AS round_trips FROM literals ORDER BY id;

-- Escapes are printed in canonical form.
SELECT (js::diplo_statement)::text FROM literals WHERE id = 3;

-- Any whitespace and key order is accepted, and printed canonically.
SELECT '  {"quotes": [], "speakers": [], "topics": ["COVID-19"],
   "countries": [],
   "version": 1}  '::diplo_statement;
SELECT '{"version":1,"countries":[],"topics":[],"speakers":[{"type":"person","name":"Li Wei"}],"quotes":[{"content":"Fine","start":1,"length":4,"kind":"direct","speaker":0}]}'::diplo_statement;
SELECT E'{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": [{"kind": "direct", "start": 1, "length": 3, "content": "\\u00e9t\\u00E9 \\ud83d\\udd4a \\/ \\u0041"}]}'::diplo_statement;

-- Reading the canonical text again gives the same text.
SELECT id, js::diplo_statement::text::diplo_statement::text = js AS stable
FROM literals ORDER BY id;

-- The cast to jsonb.
SELECT (js::diplo_statement)::jsonb FROM literals WHERE id = 1;
SELECT (js::diplo_statement)::jsonb -> 'speakers' -> 0 ->> 'name' AS first_speaker,
       jsonb_array_length((js::diplo_statement)::jsonb -> 'quotes') AS nquotes
FROM literals ORDER BY id;
SELECT id, (js::diplo_statement)::jsonb = js::jsonb AS same_as_jsonb_of_text
FROM literals ORDER BY id;
SELECT castcontext FROM pg_cast
WHERE castsource = 'diplo_statement'::regtype AND casttarget = 'jsonb'::regtype;

-- Accessors read the stored value.
SELECT id, speakers(v), topics(v), countries(v), event(v)
FROM (SELECT id, js::diplo_statement AS v FROM literals) s ORDER BY id;
SELECT l.id, q.*
FROM literals l, quotes(l.js::diplo_statement) q ORDER BY l.id, q.content_start;

-- speakers() gives each canonical name once, in first-mention order.
SELECT speakers('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "B", "type": "person"}, {"name": "A", "type": "person"}, {"name": "B", "type": "organization"}, {"name": "C", "type": "group"}, {"name": "A", "type": "person"}], "quotes": []}'::diplo_statement);

-- The binary form starts with the format version (1, little-endian).
SELECT id, substr(diplo_statement_send(js::diplo_statement), 1, 2) AS version_bytes
FROM literals ORDER BY id;

-- Binary COPY out and in (send, then recv) keeps every value.
CREATE TEMP TABLE typed AS SELECT id, js::diplo_statement AS v FROM literals;
\copy typed TO 'results/diplo_type.bin' WITH (FORMAT binary)
CREATE TEMP TABLE typed_back (id int, v diplo_statement);
\copy typed_back FROM 'results/diplo_type.bin' WITH (FORMAT binary)
SELECT t.id, b.v::text = t.v::text AS same
FROM typed t JOIN typed_back b USING (id) ORDER BY t.id;

-- recv checks the version and every length: feed it crafted bytes through
-- binary COPY (a bytea column's field bytes become a diplo_statement field).
CREATE TEMP TABLE crafted (v bytea);
CREATE TEMP TABLE received (v diplo_statement);
-- a correct value, as send wrote it, is accepted
INSERT INTO crafted SELECT diplo_statement_send(js::diplo_statement) FROM literals WHERE id = 2;
\copy crafted TO 'results/diplo_crafted.bin' WITH (FORMAT binary)
\copy received FROM 'results/diplo_crafted.bin' WITH (FORMAT binary)
SELECT speakers(v) FROM received;
-- an unknown version is refused
TRUNCATE crafted;
INSERT INTO crafted SELECT '\x0900'::bytea || substr(diplo_statement_send(js::diplo_statement), 3) FROM literals WHERE id = 2;
\copy crafted TO 'results/diplo_crafted.bin' WITH (FORMAT binary)
\copy received FROM 'results/diplo_crafted.bin' WITH (FORMAT binary)
-- no bytes at all
TRUNCATE crafted;
INSERT INTO crafted VALUES ('\x');
\copy crafted TO 'results/diplo_crafted.bin' WITH (FORMAT binary)
\copy received FROM 'results/diplo_crafted.bin' WITH (FORMAT binary)
-- a value cut short
TRUNCATE crafted;
INSERT INTO crafted SELECT substr(diplo_statement_send(js::diplo_statement), 1, 20) FROM literals WHERE id = 2;
\copy crafted TO 'results/diplo_crafted.bin' WITH (FORMAT binary)
\copy received FROM 'results/diplo_crafted.bin' WITH (FORMAT binary)
-- trailing bytes after a whole value
TRUNCATE crafted;
INSERT INTO crafted SELECT diplo_statement_send(js::diplo_statement) || '\x00'::bytea FROM literals WHERE id = 1;
\copy crafted TO 'results/diplo_crafted.bin' WITH (FORMAT binary)
\copy received FROM 'results/diplo_crafted.bin' WITH (FORMAT binary)
SELECT count(*) AS received_rows FROM received;

-- Values survive being stored, TOASTed and read back.
CREATE TEMP TABLE stored (id int, v diplo_statement);
INSERT INTO stored SELECT id, js::diplo_statement FROM literals;
INSERT INTO stored
SELECT 100, format('{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": [%s]}',
       string_agg(format('{"kind": "direct", "start": %s, "length": 9, "content": "quote %s"}', g * 10, lpad(g::text, 3, '0')), ', '))::diplo_statement
FROM generate_series(1, 900) g;
SELECT id, (SELECT count(*) FROM quotes(v)) AS nquotes, pg_column_size(v) < octet_length(v::text) AS compressed_or_smaller
FROM stored ORDER BY id;
SELECT count(*) FROM stored s, quotes(s.v) q WHERE q.content = 'quote ' || lpad((q.content_start / 10)::text, 3, '0');
