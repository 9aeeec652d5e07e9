--
-- Properties of the SQL surface as installed: volatility, strictness,
-- parallel safety, comments, no SECURITY DEFINER, the type's support.
--

-- Every object of the extension.
CREATE TEMP VIEW diplo_objects AS
SELECT pg_describe_object(classid, objid, objsubid) AS object, classid, objid
FROM pg_depend
WHERE refclassid = 'pg_extension'::regclass
  AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplo')
  AND deptype = 'e';

-- Functions: all IMMUTABLE, STRICT, PARALLEL SAFE, none SECURITY DEFINER
-- (this lists the exceptions: the procedure diplo_backfill (0.2), which
-- writes and commits, so is none of these, and is not SECURITY DEFINER; the
-- GIN options function (0.3), not strict, as in core and pg_trgm;
-- diplo_config_create and diplo_config_drop (0.4), which write the catalog
-- of configurations, and diplo_actors_import (0.4), which writes the
-- user's table; diplo_analyze, diplo_quotes and diplo_speaker_details
-- (diplo_config, text, date) (0.4), not strict because a NULL date means no
-- date known).
SELECT p.oid::regprocedure AS function, p.prokind, p.provolatile, p.proisstrict,
       p.proparallel, p.prosecdef
FROM pg_proc p JOIN diplo_objects o ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
WHERE p.provolatile <> 'i' OR NOT p.proisstrict OR p.proparallel <> 's' OR p.prosecdef
ORDER BY 1;

-- The functions over article text and over a stored analysis.
SELECT p.oid::regprocedure AS function, p.prorettype::regtype AS returns, p.proretset
FROM pg_proc p JOIN diplo_objects o ON o.classid = 'pg_proc'::regclass AND o.objid = p.oid
WHERE p.proname IN ('diplo_analyze', 'diplo_speakers', 'diplo_topics', 'diplo_quotes',
                    'speakers', 'topics', 'quotes', 'countries', 'event',
                    'diplo_statement_to_jsonb')
ORDER BY p.oid::regprocedure::text COLLATE "C";

-- Every object has a comment.
SELECT object AS without_comment FROM diplo_objects o
WHERE obj_description(o.objid, (SELECT relname FROM pg_class WHERE oid = o.classid)) IS NULL
ORDER BY 1;

-- The type: varlena, extended storage, with send and receive.
SELECT typname, typlen, typstorage, typalign, typinput, typoutput, typreceive, typsend
FROM pg_type WHERE typname = 'diplo_statement';

-- The casts from diplo_statement: to jsonb, explicit only.
SELECT castsource::regtype, casttarget::regtype, castfunc::regprocedure, castcontext
FROM pg_cast WHERE castsource = 'diplo_statement'::regtype;

-- The result columns of the two quote functions are the same.
SELECT p.proname, p.proargnames, p.proallargtypes::regtype[]
FROM pg_proc p WHERE p.proname IN ('diplo_quotes', 'quotes')
ORDER BY 1, 3;

-- IMMUTABLE is usable where PostgreSQL demands it: indexes and generated
-- columns.
CREATE TEMP TABLE news (id int, body text,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CREATE INDEX news_speakers ON news USING gin (diplo_speakers(body));
CREATE INDEX news_topics ON news USING gin (topics(analysis));
INSERT INTO news (id, body) VALUES
(1, '"We are ready," the envoy said.'),
(2, 'Nothing was said.');
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE diplo_speakers(body) @> '{Nobody}';
SELECT id FROM news WHERE diplo_speakers(body) @> '{Nobody}';
RESET enable_seqscan;

-- Memory does not grow from call to call: after a warm-up, thousands of
-- analyses leave the backend's memory as it was.
SELECT count(*) FROM diplo_quotes('"Warm," he said.');
SELECT sum(total_bytes) AS memory_before FROM pg_backend_memory_contexts \gset
SELECT count(*) >= 0 AS done FROM generate_series(1, 300) g,
  LATERAL diplo_quotes(repeat('"We are ready," the envoy said. ', 100) || g) q;
SELECT count(*) >= 0 AS done FROM (SELECT speakers(diplo_analyze(repeat('"We are ready," the envoy said. ', 100) || g))
  FROM generate_series(1, 300) g) s;
SELECT sum(total_bytes) - :memory_before < 1000000 AS no_growth FROM pg_backend_memory_contexts;
