/* diplo--0.2--0.3.sql: from diplo 0.2 to 0.3 (issue 4: the words option of the GIN index) */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION diplo UPDATE TO '0.3'" to load this file. \quit

--
-- The words option of diplo_statement_ops (0.3): which stems of quoted
-- words have index keys.
--   USING gin (analysis)                                    -- words = 'rare'
--   USING gin (analysis diplo_statement_ops (words = 'all'))
-- Indexes built before 0.3 have no options: they are 'rare' indexes.
--

CREATE FUNCTION gin_options_diplo_statement(pg_catalog.internal)
RETURNS pg_catalog.void
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

ALTER OPERATOR FAMILY diplo_statement_ops USING gin
	ADD FUNCTION 7 (diplo_statement) gin_options_diplo_statement(pg_catalog.internal);

CREATE FUNCTION diplo_index_keys(diplo_statement, words pg_catalog.text)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_index_keys'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_index_keys(diplo_statement, pg_catalog.text) IS
	'the GIN keys of an analysis in an index with the given words option (rare, all or none), as tag:value text';

COMMENT ON FUNCTION gin_options_diplo_statement(pg_catalog.internal) IS
	'GIN support: the words option of diplo_statement_ops (rare, all or none)';
