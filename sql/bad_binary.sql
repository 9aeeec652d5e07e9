--
-- Garbage binary values: whole binary COPY files made of crafted bytes,
-- written by the server (a large object exported into its data directory)
-- and read back with COPY ... FROM ... WITH (FORMAT binary).  Every bad
-- field is a clean ERROR: 22P03 from diplo's recv functions, or COPY's own
-- 22P04 when the file's framing is broken.  Runs in any encoding.
--

-- copy_bytes(file, target): write the bytes to a file of the data
-- directory, COPY them into the table target, and say what happened.
CREATE FUNCTION pg_temp.copy_bytes(file bytea, target text,
	OUT code text, OUT message text, OUT detail text)
LANGUAGE plpgsql AS $$
DECLARE
	lo oid;
	n bigint;
BEGIN
	lo := pg_catalog.lo_from_bytea(0, file);
	PERFORM pg_catalog.lo_export(lo, 'diplo_regress_crafted.bin');
	PERFORM pg_catalog.lo_unlink(lo);
	EXECUTE format('COPY %s FROM %L WITH (FORMAT binary)', target, 'diplo_regress_crafted.bin');
	GET DIAGNOSTICS n = ROW_COUNT;
	code := 'accepted';
	message := n || ' rows';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE,
		message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
END $$;

-- copy_fields(fields): a binary COPY file of one-column rows, one per
-- element of fields (NULL for a NULL field), with the standard framing.
CREATE FUNCTION pg_temp.copy_file(fields bytea[]) RETURNS bytea
LANGUAGE sql AS $$
SELECT '\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
	   || coalesce((SELECT string_agg('\x0001'::bytea
			|| CASE WHEN f IS NULL THEN '\xffffffff'::bytea
					ELSE int4send(octet_length(f)) || f END, ''::bytea ORDER BY i)
		FROM unnest(fields) WITH ORDINALITY u(f, i)), ''::bytea)
	   || '\xffff'::bytea
$$;

CREATE TEMP TABLE received (v diplo_statement);
CREATE TEMP TABLE received_query (q diplo_query);

\set empty '\\x01000000000000000000'
-- an empty analysis, as send writes it
SELECT diplo_statement_send('{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}') = :'empty' AS empty_bytes;

CREATE TEMP TABLE crafted (n serial, what text, field bytea);
INSERT INTO crafted (what, field) VALUES
('valid: empty analysis', :'empty'),
('valid: one speaker, one quote',
 diplo_statement_send('{"version": 1, "countries": ["Chile"], "topics": [], "speakers": [{"name": "Ana Ruiz", "type": "person"}], "quotes": [{"speaker": 0, "kind": "direct", "start": 1, "length": 2, "content": "ok"}]}')),
('valid: NULL field', NULL),
('no bytes', '\x'),
('one byte', '\x01'),
('version 0', '\x00000000000000000000'),
('version 2', '\x02000000000000000000'),
('version 65535', '\xffff0000000000000000'),
('unknown flag bit', '\x01000800000000000000'),
('a flag of the high byte', '\x01000001000000000000'),
('only the version', '\x0100'),
('cut in the middle', '\x010000000000'),
('trailing byte', :'empty'::bytea || '\x00'::bytea),
('varint never ends', '\x01000000ffffffffffffffffffffff'),
('varint not minimal', '\x0100000080000000000000'),
('count beyond the message', '\x010000000000ff7f000000'),
('string beyond the message', '\x01000000000001ff7f41000000'),
('string not UTF-8', '\x0100000000000102ff000000'),
('string with a NUL byte', '\x010000000000010200000000'),
('overlong UTF-8 (C0 80)', '\x0100000000000103c080000000'),
('UTF-16 surrogate as UTF-8', '\x0100000000000104eda080000000'),
('speaker type 9', '\x01000000000000000102410000000900'),
('quote kind 7', '\x010000000000000000010000000700036f6b010300000000'),
('quote speaker 4 of 0', '\x010000000000000000010500000100036f6b010300000000'),
('32 bytes of garbage', decode(md5('diplo') || md5('garbage'), 'hex')),
('10,000 bytes of garbage', (SELECT string_agg(decode(md5(g::text), 'hex'), ''::bytea) FROM generate_series(1, 625) g));

-- Each crafted field alone in a file, into a diplo_statement column.
SELECT n, what, e.code, e.message, e.detail
FROM crafted, pg_temp.copy_bytes(pg_temp.copy_file(ARRAY[field]), 'received') e
ORDER BY n;
-- Only the valid ones arrived, and they read back.
SELECT count(*) AS rows, count(v) AS not_null, string_agg(v::text, ' | ') AS values FROM received;

-- A bad field in the middle of good ones rejects the whole COPY.
TRUNCATE received;
SELECT e.* FROM pg_temp.copy_bytes(pg_temp.copy_file(ARRAY[:'empty'::bytea, '\x0200'::bytea, :'empty'::bytea]), 'received') e;
SELECT count(*) AS rows FROM received;

-- Broken framing is COPY's own error (22P04), before diplo sees a byte.
SELECT what, e.code, e.message
FROM (VALUES
	('no signature', '\x00'::bytea),
	('field longer than the file', '\x5047434f50590aff0d0a000000000000000000000100000400'::bytea || :'empty'::bytea || '\xffff'::bytea),
	('negative field length', '\x5047434f50590aff0d0a0000000000000000000001fffffffe'::bytea || '\xffff'::bytea),
	('two fields for one column', '\x5047434f50590aff0d0a00000000000000000000020000000a'::bytea || :'empty'::bytea || '\x0000000a'::bytea || :'empty'::bytea || '\xffff'::bytea),
	('no trailer (COPY allows it)', '\x5047434f50590aff0d0a0000000000000000000001'::bytea || int4send(10) || :'empty'::bytea)
) f(what, file), pg_temp.copy_bytes(file, 'received') e;

-- diplo_query's binary form is a version byte and the query text.
SELECT e.code, e.message, e.detail
FROM (VALUES (1, diplo_query_send('speaker:ruiz & topic:trade')),
			 (2, '\x02'::bytea || convert_to('speaker:ruiz', 'UTF8')),
			 (3, '\x01'::bytea || convert_to('speaker:', 'UTF8')),
			 (4, '\x01'::bytea),
			 (5, '\x01'::bytea || convert_to(repeat('(', 200) || 'speaker:x' || repeat(')', 200), 'UTF8')),
			 (6, '\x01'::bytea || convert_to('speaker:x)))', 'UTF8')),
			 (7, decode(md5('query'), 'hex')),
			 (8, '\x'::bytea)) c(n, field),
	 pg_temp.copy_bytes(pg_temp.copy_file(ARRAY[field]), 'received_query') e
ORDER BY n;
SELECT q FROM received_query;

-- recv takes internal: it is reached only through binary I/O, never called
-- from SQL with a bytea.
SELECT diplo_statement_recv('\x01000000000000000000'::bytea);

-- The server's file is emptied (the large object functions cannot delete it).
DO $$
DECLARE
	lo oid := pg_catalog.lo_from_bytea(0, ''::bytea);
BEGIN
	PERFORM pg_catalog.lo_export(lo, 'diplo_regress_crafted.bin');
	PERFORM pg_catalog.lo_unlink(lo);
END $$;
SELECT size FROM pg_catalog.pg_stat_file('diplo_regress_crafted.bin');
SELECT count(*) AS large_objects_left FROM pg_catalog.pg_largeobject_metadata;
