--
-- Upgrades: install the previous release (0.1) in a database of its own,
-- store data (a generated column with GIN indexes, values written by 0.1),
-- ALTER EXTENSION diplo UPDATE, and check that data, indexes and queries
-- are intact; then that the update and a fresh install of the current
-- version create the same objects.
--

-- What \dx shows: the version and the one-line description.
SELECT extname, extversion, obj_description(oid, 'pg_extension') AS description
FROM pg_extension WHERE extname = 'diplo';

SELECT source, target, path FROM pg_extension_update_paths('diplo')
WHERE path IS NOT NULL ORDER BY 1, 2;

\set regress_db :DBNAME
CREATE DATABASE regress_diplo_upgrade TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
\c regress_diplo_upgrade

CREATE EXTENSION diplo VERSION '0.1';
SELECT extversion FROM pg_extension WHERE extname = 'diplo';
SELECT count(*) AS objects_of_0_1 FROM pg_depend
WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo');

-- Data under 0.1: a generated column, a GIN index on it, an expression
-- index, a plain column and a view with a diplo_query constant.
CREATE TABLE articles (
	id int PRIMARY KEY,
	body text,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED,
	kept diplo_statement);
INSERT INTO articles (id, body)
SELECT g, format('%s %s %s %s on Monday that %s. "%s," %s told reporters after a %s.',
		(ARRAY['Kenyan', 'Spanish', 'Japanese', 'Polish', 'Egyptian'])[g % 5 + 1],
		(ARRAY['Foreign Minister', 'President', 'Trade Minister'])[g / 5 % 3 + 1],
		(ARRAY['Wanjiru Mwangi', 'Marta Solano', 'Hiro Tanaka', 'Jan Kowalski', 'Nadia Hassan'])[g % 5 + 1],
		(ARRAY['said', 'warned', 'stressed'])[g / 15 % 3 + 1],
		(ARRAY['the ceasefire must hold', 'trade with India was growing', 'new sanctions would hurt farmers', 'talks on the nuclear programme should resume'])[g / 45 % 4 + 1],
		(ARRAY['We are ready to sign', 'Our vaccines reached every province', 'Climate change is costing us harvests'])[g / 7 % 3 + 1],
		(ARRAY['Mwangi', 'Solano', 'Tanaka', 'Kowalski', 'Hassan'])[g % 5 + 1],
		(ARRAY['meeting', 'phone call', 'summit'])[g / 11 % 3 + 1])
FROM generate_series(1, 300) g;
INSERT INTO articles (id, body) VALUES (301, NULL), (302, '');
CREATE INDEX articles_analysis ON articles USING gin (analysis);
CREATE INDEX articles_expr ON articles USING gin (diplo_analyze(body));
CREATE INDEX articles_speakers ON articles USING gin (speakers(analysis));

-- A value as 0.1 wrote it: its binary form (format version 1), loaded
-- through binary COPY as a bytea field, and the same value in text form.
CREATE TEMP TABLE old_bytes (id int, b bytea);
INSERT INTO old_bytes VALUES (1, '\x010000000b70686f6e652063616c6c043034310206537061696e064368696c650115747261646520616e6420696e766573746d656e740109416e61205275697a11466f726569676e204d696e69737465720006537061696e00010100000105746f6c641657652061726520726561647920746f207369676e2c8101169d0105980105');
\copy old_bytes TO 'results/diplo_upgrade.bin' WITH (FORMAT binary)
CREATE TABLE kept_values (id int, v diplo_statement);
\copy kept_values FROM 'results/diplo_upgrade.bin' WITH (FORMAT binary)
INSERT INTO kept_values VALUES (2, '{"version": 1, "event": "summit", "countries": ["Iceland"], "topics": [], "speakers": [{"name": "Ministry of Foreign Affairs of Iceland", "type": "organization", "country": "Iceland"}], "quotes": [{"speaker": 0, "kind": "indirect", "cue": "said", "start": 1, "length": 3, "content": "abc"}]}');
UPDATE articles SET kept = v FROM kept_values WHERE articles.id = kept_values.id;

CREATE TABLE queries (qid int PRIMARY KEY, q diplo_query);
INSERT INTO queries VALUES
	(1, 'speaker:solano'), (2, 'speaker:sol* & cue:warned'), (3, 'role:president & !country:kenya'),
	(4, 'topic:"trade and investment" | topic:sanctions'), (5, 'quote(speaker:tanaka & word:vaccines)'),
	(6, 'event:"phone call" & word:harvest*'), (7, '!speaker:hassan'), (8, 'word:the'),
	(9, 'country:india & quote(word:sign)'), (10, 'speaker:nobody');
CREATE VIEW solano_warned AS SELECT id FROM articles WHERE analysis @@ 'speaker:solano & cue:warned';

-- Answers under 0.1, by sequential scan: the reference.
CREATE FUNCTION answers() RETURNS TABLE (qid int, n bigint, ids text)
LANGUAGE sql STABLE AS $$
	SELECT q.qid, count(a.id), md5(coalesce(string_agg(a.id::text, ',' ORDER BY a.id), ''))
	FROM queries q LEFT JOIN articles a ON a.analysis @@ q.q GROUP BY q.qid $$;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE answers_0_1 AS SELECT * FROM answers();
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT count(*) AS queries, count(*) FILTER (WHERE n > 0) >= 5 AS most_have_rows,
	count(*) FILTER (WHERE n = 0) >= 1 AS some_have_none FROM answers_0_1;
CREATE TABLE digests_0_1 AS
SELECT md5(string_agg(id || ':' || coalesce(analysis::text, '-') || ':' || coalesce(kept::text, '-'), ',' ORDER BY id)) AS text_form,
	md5(string_agg(coalesce(encode(diplo_statement_send(analysis), 'hex'), '-'), ',' ORDER BY id)) AS binary_form,
	(SELECT count(*) FROM solano_warned) AS view_rows
FROM articles;

--
-- The update.
--
ALTER EXTENSION diplo UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'diplo';

-- The stored data, in text and binary forms, and the view: unchanged.
SELECT d.text_form = n.text_form AS same_text, d.binary_form = n.binary_form AS same_binary,
	d.view_rows = n.view_rows AS same_view
FROM digests_0_1 d,
	(SELECT md5(string_agg(id || ':' || coalesce(analysis::text, '-') || ':' || coalesce(kept::text, '-'), ',' ORDER BY id)) AS text_form,
		md5(string_agg(coalesce(encode(diplo_statement_send(analysis), 'hex'), '-'), ',' ORDER BY id)) AS binary_form,
		(SELECT count(*) FROM solano_warned) AS view_rows
	 FROM articles) n;
-- The value 0.1 wrote reads back, prints and sends the same bytes.
SELECT id, kept FROM articles WHERE kept IS NOT NULL ORDER BY id;
SELECT encode(diplo_statement_send(v), 'hex') = encode(b, 'hex') AS same_bytes
FROM kept_values k JOIN old_bytes o USING (id);

-- The indexes are valid and used, and give 0.1's answers.
SELECT c.relname, i.indisvalid, i.indisready
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'articles'::regclass AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'gin')
ORDER BY 1;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE analysis @@ 'speaker:solano';
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE diplo_analyze(body) @@ 'speaker:solano';
SELECT count(*) AS differing_by_index FROM answers() a FULL JOIN answers_0_1 b USING (qid)
WHERE a.n IS DISTINCT FROM b.n OR a.ids IS DISTINCT FROM b.ids;
SELECT count(*) AS differing_by_expression_index FROM answers_0_1 b
WHERE b.n <> (SELECT count(*) FROM articles a, queries q WHERE q.qid = b.qid AND diplo_analyze(a.body) @@ q.q);
EXPLAIN (COSTS OFF) SELECT id FROM articles WHERE speakers(analysis) @> '{"Marta Solano"}';
SELECT count(*) > 0 AS found, count(*) = (SELECT count(*) FROM articles WHERE 'Marta Solano' = ANY (speakers(analysis))) AS as_by_scan
FROM articles WHERE speakers(analysis) @> '{"Marta Solano"}';
RESET enable_seqscan;
SELECT count(*) AS differing_by_seqscan FROM answers() a FULL JOIN answers_0_1 b USING (qid)
WHERE a.n IS DISTINCT FROM b.n OR a.ids IS DISTINCT FROM b.ids;

-- New rows are indexed; 0.2's functions work on 0.1's data.
INSERT INTO articles (id, body) VALUES (400, 'Spanish Foreign Minister Marta Solano warned that the ceasefire must hold.');
SET enable_seqscan = off;
SELECT 400 IN (SELECT id FROM articles WHERE analysis @@ 'speaker:solano & cue:warned & word:ceasefire') AS new_row_found;
RESET enable_seqscan;
SELECT sum((diplo_stats(analysis)).quotes) = (SELECT count(*) FROM articles, quotes(analysis)) AS stats_work,
	(SELECT count(DISTINCT f.value) FROM articles, diplo_facets(analysis) f WHERE f.facet = 'speaker')
	= (SELECT count(DISTINCT s) FROM articles, unnest(speakers(analysis)) s) AS facets_work
FROM articles;

--
-- The update and a fresh install of the current version create the same
-- objects, with the same definitions and comments.
--
CREATE TEMP VIEW diplo_catalog AS
WITH members AS (
	SELECT classid, objid FROM pg_depend
	WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
	  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo'))
SELECT pg_describe_object(m.classid, m.objid, 0) AS object,
	concat_ws(' | ',
		obj_description(m.objid, (SELECT relname FROM pg_class WHERE oid = m.classid)),
		CASE WHEN m.classid = 'pg_proc'::regclass THEN pg_get_functiondef(m.objid) END,
		(SELECT concat_ws(',', typlen, typalign, typstorage, typinput, typoutput, typreceive, typsend, typcollation)
		 FROM pg_type WHERE m.classid = 'pg_type'::regclass AND oid = m.objid),
		(SELECT concat_ws(',', oprleft::regtype, oprright::regtype, oprresult::regtype, oprcode, oprcom::regoperator,
			oprnegate, oprrest, oprjoin, oprcanhash, oprcanmerge)
		 FROM pg_operator WHERE m.classid = 'pg_operator'::regclass AND oid = m.objid),
		(SELECT concat_ws(',', castfunc::regprocedure, castcontext, castmethod)
		 FROM pg_cast WHERE m.classid = 'pg_cast'::regclass AND oid = m.objid),
		(SELECT concat_ws(',', opcdefault, opckeytype::regtype,
			(SELECT string_agg(amopstrategy || ':' || amopopr::regoperator, ',' ORDER BY amopstrategy)
			 FROM pg_amop WHERE amopfamily = opcfamily),
			(SELECT string_agg(amprocnum || ':' || amproc::regprocedure, ',' ORDER BY amprocnum)
			 FROM pg_amproc WHERE amprocfamily = opcfamily))
		 FROM pg_opclass WHERE m.classid = 'pg_opclass'::regclass AND oid = m.objid)) AS definition
FROM members m;

CREATE TABLE catalog_updated AS SELECT * FROM diplo_catalog;
DROP VIEW solano_warned;
DROP TABLE articles, kept_values, queries;
DROP FUNCTION answers();
DROP EXTENSION diplo;
CREATE EXTENSION diplo;
SELECT extversion FROM pg_extension WHERE extname = 'diplo';
CREATE TABLE catalog_fresh AS SELECT * FROM diplo_catalog;

SELECT count(*) AS objects, count(DISTINCT object) AS distinct_objects FROM catalog_fresh;
SELECT 'only after update' AS side, * FROM (TABLE catalog_updated EXCEPT TABLE catalog_fresh) u
UNION ALL
SELECT 'only in fresh install', * FROM (TABLE catalog_fresh EXCEPT TABLE catalog_updated) f;
-- the objects 0.2 and 0.3 add to 0.1
SELECT object FROM catalog_fresh
WHERE object ~ '(diplo_stats|diplo_facets|diplo_backfill|gin_options|diplo_index_keys)' ORDER BY 1;
-- 0.3 adds the options support function to the operator family (the
-- catalogs above show the update adds it too).
SELECT amprocnum, amproc::regprocedure FROM pg_amproc
WHERE amprocfamily = (SELECT oid FROM pg_opfamily WHERE opfname = 'diplo_statement_ops') AND amprocnum = 7;

\c :regress_db
DROP DATABASE regress_diplo_upgrade;
