/* diplo--0.1.sql: speakers, quotes and topics of news articles */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION diplo" to load this file. \quit

--
-- The type diplo_statement: the analysis of one article.
--

CREATE TYPE diplo_statement;

CREATE FUNCTION diplo_statement_in(pg_catalog.cstring)
RETURNS diplo_statement
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_statement_out(diplo_statement)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_statement_recv(pg_catalog.internal)
RETURNS diplo_statement
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_statement_send(diplo_statement)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE diplo_statement (
	INTERNALLENGTH = -1,
	INPUT = diplo_statement_in,
	OUTPUT = diplo_statement_out,
	RECEIVE = diplo_statement_recv,
	SEND = diplo_statement_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE diplo_statement IS
	'analysis of one article: speakers, quotes, topics, countries and event; JSON text form';
COMMENT ON FUNCTION diplo_statement_in(pg_catalog.cstring) IS
	'parse the JSON text form of diplo_statement';
COMMENT ON FUNCTION diplo_statement_out(diplo_statement) IS
	'print diplo_statement as canonical JSON';
COMMENT ON FUNCTION diplo_statement_recv(pg_catalog.internal) IS
	'read the versioned binary form of diplo_statement';
COMMENT ON FUNCTION diplo_statement_send(diplo_statement) IS
	'write the versioned binary form of diplo_statement';

CREATE FUNCTION diplo_statement_to_jsonb(diplo_statement)
RETURNS pg_catalog.jsonb
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_statement_to_jsonb(diplo_statement) IS
	'diplo_statement as jsonb (the cast diplo_statement::jsonb)';

CREATE CAST (diplo_statement AS pg_catalog.jsonb)
	WITH FUNCTION diplo_statement_to_jsonb(diplo_statement);

COMMENT ON CAST (diplo_statement AS pg_catalog.jsonb) IS
	'the JSON form of an analysis as jsonb';

--
-- Analysis of article text.
--

CREATE FUNCTION diplo_analyze(pg_catalog.text)
RETURNS diplo_statement
AS 'MODULE_PATHNAME', 'diplo_article_analyze'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_analyze(pg_catalog.text) IS
	'analyse an article: speakers, quotes, topics, countries and event';

CREATE FUNCTION diplo_speakers(pg_catalog.text)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_article_speakers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_speakers(pg_catalog.text) IS
	'canonical names of the speakers of an article, in order of first mention';

CREATE FUNCTION diplo_topics(pg_catalog.text)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_article_topics'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_topics(pg_catalog.text) IS
	'topics of an article, in taxonomy order';

CREATE FUNCTION diplo_quotes(pg_catalog.text,
	OUT speaker pg_catalog.text,
	OUT speaker_role pg_catalog.text,
	OUT speaker_country pg_catalog.text,
	OUT cue pg_catalog.text,
	OUT content pg_catalog.text,
	OUT direct pg_catalog.bool,
	OUT content_start pg_catalog.int4,
	OUT content_len pg_catalog.int4,
	OUT kind pg_catalog.text,
	OUT channel pg_catalog.text,
	OUT addressee pg_catalog.text)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_article_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 10;

COMMENT ON FUNCTION diplo_quotes(pg_catalog.text) IS
	'quotes of an article with speaker, cue and character offsets (substr(article, content_start, content_len) = content)';

CREATE FUNCTION diplo_speaker_details(pg_catalog.text,
	OUT name pg_catalog.text,
	OUT role pg_catalog.text,
	OUT org pg_catalog.text,
	OUT country pg_catalog.text,
	OUT type pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_article_speaker_details'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 5;

COMMENT ON FUNCTION diplo_speaker_details(pg_catalog.text) IS
	'speakers of an article with role, organisation, country, type (person, organization, group) and number of quotes';

--
-- Accessors of a stored analysis (no new analysis of the text).
--

CREATE FUNCTION speaker_details(diplo_statement,
	OUT name pg_catalog.text,
	OUT role pg_catalog.text,
	OUT org pg_catalog.text,
	OUT country pg_catalog.text,
	OUT type pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_statement_speaker_details'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;

COMMENT ON FUNCTION speaker_details(diplo_statement) IS
	'stored speakers with role, organisation, country, type and number of quotes';

CREATE FUNCTION speakers(diplo_statement)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_statement_speakers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION speakers(diplo_statement) IS
	'canonical names of the stored speakers, in order of first mention';

CREATE FUNCTION topics(diplo_statement)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_statement_topics'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION topics(diplo_statement) IS
	'stored topics, in taxonomy order';

CREATE FUNCTION countries(diplo_statement)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME', 'diplo_statement_countries'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION countries(diplo_statement) IS
	'canonical names of the countries the article mentions';

CREATE FUNCTION event(diplo_statement)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'diplo_statement_event'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION event(diplo_statement) IS
	'the diplomatic event the article reports (such as "phone call"), or NULL';

CREATE FUNCTION quotes(diplo_statement,
	OUT speaker pg_catalog.text,
	OUT speaker_role pg_catalog.text,
	OUT speaker_country pg_catalog.text,
	OUT cue pg_catalog.text,
	OUT content pg_catalog.text,
	OUT direct pg_catalog.bool,
	OUT content_start pg_catalog.int4,
	OUT content_len pg_catalog.int4,
	OUT kind pg_catalog.text,
	OUT channel pg_catalog.text,
	OUT addressee pg_catalog.text)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_statement_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION quotes(diplo_statement) IS
	'stored quotes with speaker, cue and character offsets in the analysed text';

-- Query type, operators and GIN support (issue 4)
--
-- diplo_query: speaker:qureshi & quote(topic:afghanistan | word:talk*);
-- diplo_statement @@ diplo_query matches; @> / <@ containment between
-- analyses; the default GIN operator class diplo_statement_ops; and
-- diplo_headline(). Everything in this block belongs to issue 4.
--

CREATE TYPE diplo_query;

CREATE FUNCTION diplo_query_in(pg_catalog.cstring)
RETURNS diplo_query
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_query_out(diplo_query)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_query_recv(pg_catalog.internal)
RETURNS diplo_query
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_query_send(diplo_query)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE diplo_query (
	INTERNALLENGTH = -1,
	INPUT = diplo_query_in,
	OUTPUT = diplo_query_out,
	RECEIVE = diplo_query_recv,
	SEND = diplo_query_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON TYPE diplo_query IS
	'search over analyses: field:value terms (speaker role org country topic event cue word), prefix*, & | ! ( ), quote(...) scope';
COMMENT ON FUNCTION diplo_query_in(pg_catalog.cstring) IS
	'parse the diplo_query language';
COMMENT ON FUNCTION diplo_query_out(diplo_query) IS
	'print diplo_query in canonical form';
COMMENT ON FUNCTION diplo_query_recv(pg_catalog.internal) IS
	'read the binary form of diplo_query (version byte and query text)';
COMMENT ON FUNCTION diplo_query_send(diplo_query) IS
	'write the binary form of diplo_query (version byte and canonical text)';

CREATE FUNCTION diplo_statement_match(diplo_statement, diplo_query)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_query_match_statement(diplo_query, diplo_statement)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_statement_match(diplo_statement, diplo_query) IS
	'does the analysis satisfy the query (the operator @@)';
COMMENT ON FUNCTION diplo_query_match_statement(diplo_query, diplo_statement) IS
	'does the analysis satisfy the query (the commutator of @@)';

CREATE OPERATOR @@ (
	LEFTARG = diplo_statement,
	RIGHTARG = diplo_query,
	PROCEDURE = diplo_statement_match,
	COMMUTATOR = @@,
	RESTRICT = pg_catalog.matchingsel,
	JOIN = pg_catalog.matchingjoinsel
);

CREATE OPERATOR @@ (
	LEFTARG = diplo_query,
	RIGHTARG = diplo_statement,
	PROCEDURE = diplo_query_match_statement,
	COMMUTATOR = @@,
	RESTRICT = pg_catalog.matchingsel,
	JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR @@ (diplo_statement, diplo_query) IS
	'analysis matches query';
COMMENT ON OPERATOR @@ (diplo_query, diplo_statement) IS
	'analysis matches query';

CREATE FUNCTION diplo_statement_contains(diplo_statement, diplo_statement)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_statement_contained(diplo_statement, diplo_statement)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_statement_contains(diplo_statement, diplo_statement) IS
	'does the left analysis contain every speaker, topic, country, event and quote of the right (the operator @>)';
COMMENT ON FUNCTION diplo_statement_contained(diplo_statement, diplo_statement) IS
	'is the left analysis contained in the right (the operator <@)';

CREATE OPERATOR @> (
	LEFTARG = diplo_statement,
	RIGHTARG = diplo_statement,
	PROCEDURE = diplo_statement_contains,
	COMMUTATOR = <@,
	RESTRICT = pg_catalog.contsel,
	JOIN = pg_catalog.contjoinsel
);

CREATE OPERATOR <@ (
	LEFTARG = diplo_statement,
	RIGHTARG = diplo_statement,
	PROCEDURE = diplo_statement_contained,
	COMMUTATOR = @>,
	RESTRICT = pg_catalog.contsel,
	JOIN = pg_catalog.contjoinsel
);

COMMENT ON OPERATOR @> (diplo_statement, diplo_statement) IS
	'contains: every speaker, topic, country, the event and every quote (same speaker and content) of the right are in the left';
COMMENT ON OPERATOR <@ (diplo_statement, diplo_statement) IS
	'is contained by';

CREATE FUNCTION gin_extract_diplo_statement(diplo_statement, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_extract_diplo_query(diplo_statement, pg_catalog.internal, pg_catalog.int2,
	pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_consistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_triconsistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement,
	pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.char
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION gin_compare_partial_diplo(pg_catalog.bytea, pg_catalog.bytea, pg_catalog.int2, pg_catalog.internal)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION gin_extract_diplo_statement(diplo_statement, pg_catalog.internal, pg_catalog.internal) IS
	'GIN support: the field-tagged keys of an analysis';
COMMENT ON FUNCTION gin_extract_diplo_query(diplo_statement, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
	'GIN support: the keys of a diplo_query (@@) or of a contained analysis (@>)';
COMMENT ON FUNCTION gin_consistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
	'GIN support: evaluate the query over the keys of a row';
COMMENT ON FUNCTION gin_triconsistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
	'GIN support: ternary evaluation of the query over the keys of a row';
COMMENT ON FUNCTION gin_compare_partial_diplo(pg_catalog.bytea, pg_catalog.bytea, pg_catalog.int2, pg_catalog.internal) IS
	'GIN support: prefix match of keys';

CREATE OPERATOR CLASS diplo_statement_ops
DEFAULT FOR TYPE diplo_statement USING gin AS
	OPERATOR 1 @@ (diplo_statement, diplo_query),
	OPERATOR 2 @> (diplo_statement, diplo_statement),
	FUNCTION 1 pg_catalog.byteacmp(pg_catalog.bytea, pg_catalog.bytea),
	FUNCTION 2 gin_extract_diplo_statement(diplo_statement, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 3 gin_extract_diplo_query(diplo_statement, pg_catalog.internal, pg_catalog.int2,
		pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 4 gin_consistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement,
		pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	FUNCTION 5 gin_compare_partial_diplo(pg_catalog.bytea, pg_catalog.bytea, pg_catalog.int2, pg_catalog.internal),
	FUNCTION 6 gin_triconsistent_diplo_statement(pg_catalog.internal, pg_catalog.int2, diplo_statement,
		pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal),
	STORAGE pg_catalog.bytea;

COMMENT ON OPERATOR CLASS diplo_statement_ops USING gin IS
	'GIN index of analyses for @@ (diplo_query) and @> (containment); keys are field-tagged normalised values';
COMMENT ON OPERATOR FAMILY diplo_statement_ops USING gin IS
	'the family of the GIN operator class diplo_statement_ops';

CREATE FUNCTION diplo_index_keys(diplo_statement)
RETURNS pg_catalog.text[]
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_index_keys(diplo_statement) IS
	'the GIN keys of an analysis as tag:value text (s speaker, r role, o org, c country, t topic, e event, v cue, w word stem)';

CREATE FUNCTION diplo_headline(pg_catalog.text, diplo_query)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'diplo_headline'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

CREATE FUNCTION diplo_headline(pg_catalog.text, diplo_query, pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'diplo_headline_opts'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_headline(pg_catalog.text, diplo_query) IS
	'the quotes of an article that the query matches, with matching terms marked <b>...</b>; NULL if none';
COMMENT ON FUNCTION diplo_headline(pg_catalog.text, diplo_query, pg_catalog.text) IS
	'diplo_headline with options StartSel, StopSel, FragmentDelimiter, MaxFragments (as ts_headline)';
