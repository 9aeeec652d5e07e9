/* diplo--0.3--0.4.sql: from diplo 0.3 to 0.4 (issue 7: configurations, actor dictionaries, languages) */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION diplo UPDATE TO '0.4'" to load this file. \quit

-- Languages (issue 7): English, French, Spanish and German articles.
CREATE TYPE diplo_language AS ENUM ('auto', 'en', 'fr', 'es', 'de');

COMMENT ON TYPE diplo_language IS
	'language of an article: en, fr, es, de, or auto (guessed from its function words)';

CREATE FUNCTION diplo_guess_language(pg_catalog.text)
RETURNS diplo_language
AS 'MODULE_PATHNAME', 'diplo_article_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_guess_language(pg_catalog.text) IS
	'the language guessed for an article (en unless French, Spanish or German function words clearly lead)';

CREATE FUNCTION language(diplo_statement)
RETURNS diplo_language
AS 'MODULE_PATHNAME', 'diplo_statement_language'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION language(diplo_statement) IS
	'the language the article was read in (en for analyses stored before 0.4); word: and quote(topic:) terms read its quotes in it';

CREATE FUNCTION diplo_analyze(pg_catalog.text, diplo_language)
RETURNS diplo_statement
AS 'MODULE_PATHNAME', 'diplo_article_analyze_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_analyze(pg_catalog.text, diplo_language) IS
	'analyse an article in a language (auto: guessed): speakers, quotes, topics, countries and event';

CREATE FUNCTION diplo_quotes(pg_catalog.text, diplo_language,
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
AS 'MODULE_PATHNAME', 'diplo_article_quotes_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 10;

COMMENT ON FUNCTION diplo_quotes(pg_catalog.text, diplo_language) IS
	'quotes of an article in a language (auto: guessed), with speaker, cue and character offsets';

CREATE FUNCTION diplo_speaker_details(pg_catalog.text, diplo_language,
	OUT name pg_catalog.text,
	OUT role pg_catalog.text,
	OUT org pg_catalog.text,
	OUT country pg_catalog.text,
	OUT type pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_article_speaker_details_lang'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 5;

COMMENT ON FUNCTION diplo_speaker_details(pg_catalog.text, diplo_language) IS
	'speakers of an article in a language (auto: guessed): name, role, organisation, country, type and quote count';

--
-- Named configurations (issue 7): the knowledge a user adds to the
-- built-in lexicons (actors with aliases and dated roles, topics, cue
-- verbs, organisations), copied from the user's own tables into the
-- catalog tables below by diplo_config_create.  A configuration never
-- changes once built and its name is never reused (a new version gets a
-- new name), so the analysis with a configuration is IMMUTABLE.
--

CREATE TYPE diplo_config;

CREATE FUNCTION diplo_config_in(pg_catalog.cstring)
RETURNS diplo_config
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_config_out(diplo_config)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_config_recv(pg_catalog.internal)
RETURNS diplo_config
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION diplo_config_send(diplo_config)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE diplo_config (
	INTERNALLENGTH = -1,
	INPUT = diplo_config_in,
	OUTPUT = diplo_config_out,
	RECEIVE = diplo_config_recv,
	SEND = diplo_config_send,
	ALIGNMENT = int4,
	STORAGE = extended
);

COMMENT ON FUNCTION diplo_config_in(pg_catalog.cstring) IS
	'input function of diplo_config: checks the syntax of the name (not that the configuration exists)';
COMMENT ON FUNCTION diplo_config_out(diplo_config) IS
	'output function of diplo_config';
COMMENT ON FUNCTION diplo_config_recv(pg_catalog.internal) IS
	'binary input function of diplo_config (the name as text)';
COMMENT ON FUNCTION diplo_config_send(diplo_config) IS
	'binary output function of diplo_config (the name as text)';

COMMENT ON TYPE diplo_config IS
	'the name of a diplo configuration (1 to 63 ASCII letters, digits, _ . -, starting with a letter)';

CREATE CAST (diplo_config AS pg_catalog.text) WITHOUT FUNCTION AS ASSIGNMENT;

COMMENT ON CAST (diplo_config AS pg_catalog.text) IS
	'the name of a configuration as text';

CREATE CAST (pg_catalog.text AS diplo_config) WITH INOUT;

COMMENT ON CAST (pg_catalog.text AS diplo_config) IS
	'text as the name of a configuration, checked for syntax';

-- The catalog: one row per configuration name ever created, and the
-- snapshot of the user's rows of each configuration not dropped.  A drop
-- deletes the snapshot and sets "dropped", but the name's row stays: a name
-- stands for one build forever, so that indexes and stored analyses made
-- with it stay true.  The owner is a role's name and oid: that role, while
-- both still match, or a superuser may drop it (a restore into a cluster
-- without that role keeps the row).
-- Written only by diplo_config_create and diplo_config_drop; dumped by
-- pg_dump with their rows.
CREATE TABLE diplo_configs (
	name pg_catalog.text PRIMARY KEY,
	owner pg_catalog.name NOT NULL,
	owner_id pg_catalog.oid NOT NULL,
	actors pg_catalog.int4 NOT NULL,
	topics pg_catalog.int4 NOT NULL,
	cues pg_catalog.int4 NOT NULL,
	orgs pg_catalog.int4 NOT NULL,
	created pg_catalog.timestamptz NOT NULL,
	dropped pg_catalog.timestamptz
);

CREATE TABLE diplo_config_actors (
	config pg_catalog.text NOT NULL,
	ord pg_catalog.int4 NOT NULL,
	name pg_catalog.text NOT NULL,
	aliases pg_catalog.text[],
	role pg_catalog.text,
	org pg_catalog.text,
	country pg_catalog.text,
	valid_from pg_catalog.date,
	valid_to pg_catalog.date,
	PRIMARY KEY (config, ord)
);

CREATE TABLE diplo_config_topics (
	config pg_catalog.text NOT NULL,
	ord pg_catalog.int4 NOT NULL,
	topic pg_catalog.text NOT NULL,
	keywords pg_catalog.text[] NOT NULL,
	PRIMARY KEY (config, ord)
);

CREATE TABLE diplo_config_cues (
	config pg_catalog.text NOT NULL,
	ord pg_catalog.int4 NOT NULL,
	form pg_catalog.text NOT NULL,
	lemma pg_catalog.text NOT NULL,
	class pg_catalog.text NOT NULL,
	flags pg_catalog.text[] NOT NULL,
	PRIMARY KEY (config, ord)
);

CREATE TABLE diplo_config_orgs (
	config pg_catalog.text NOT NULL,
	ord pg_catalog.int4 NOT NULL,
	phrase pg_catalog.text NOT NULL,
	canonical pg_catalog.text NOT NULL,
	kind pg_catalog.text NOT NULL,
	country pg_catalog.text,
	case_sensitive pg_catalog.bool NOT NULL,
	PRIMARY KEY (config, ord)
);

SELECT pg_catalog.pg_extension_config_dump('diplo_configs', '');
SELECT pg_catalog.pg_extension_config_dump('diplo_config_actors', '');
SELECT pg_catalog.pg_extension_config_dump('diplo_config_topics', '');
SELECT pg_catalog.pg_extension_config_dump('diplo_config_cues', '');
SELECT pg_catalog.pg_extension_config_dump('diplo_config_orgs', '');

REVOKE ALL ON diplo_configs, diplo_config_actors, diplo_config_topics,
	diplo_config_cues, diplo_config_orgs FROM PUBLIC;
GRANT SELECT ON diplo_configs, diplo_config_actors, diplo_config_topics,
	diplo_config_cues, diplo_config_orgs TO PUBLIC;

COMMENT ON TABLE diplo_configs IS
	'diplo configurations, dropped ones included (their names are never reused): name, owner role, number of rows of each kind, when created and dropped (written by diplo_config_create and diplo_config_drop only)';
COMMENT ON TABLE diplo_config_actors IS
	'the actors of each configuration, one row per actor and role, as copied by diplo_config_create';
COMMENT ON TABLE diplo_config_topics IS
	'the topics and keywords of each configuration, as copied by diplo_config_create';
COMMENT ON TABLE diplo_config_cues IS
	'the cue verbs of each configuration, as copied by diplo_config_create';
COMMENT ON TABLE diplo_config_orgs IS
	'the organisations and acronyms of each configuration, as copied by diplo_config_create';

CREATE FUNCTION diplo_config_create(name diplo_config,
	actors pg_catalog.regclass DEFAULT NULL,
	topics pg_catalog.regclass DEFAULT NULL,
	cues pg_catalog.regclass DEFAULT NULL,
	orgs pg_catalog.regclass DEFAULT NULL)
RETURNS diplo_config
AS 'MODULE_PATHNAME'
LANGUAGE C VOLATILE PARALLEL UNSAFE;

COMMENT ON FUNCTION diplo_config_create(diplo_config, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.regclass, pg_catalog.regclass) IS
	'create a configuration, under a name never used before, from a snapshot of the rows of the given tables (actors, topics, cues, organisations); see README "Configurations" for their columns';

CREATE FUNCTION diplo_config_drop(name diplo_config,
	missing_ok pg_catalog.bool DEFAULT false)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplo_config_drop(diplo_config, pg_catalog.bool) IS
	'drop a configuration (its owner only): its rows are deleted, its name stays used; every session forgets it at commit';

CREATE FUNCTION diplo_analyze(diplo_config, pg_catalog.text)
RETURNS diplo_statement
AS 'MODULE_PATHNAME', 'diplo_config_analyze'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_analyze(diplo_config, pg_catalog.text) IS
	'analyse an article with a configuration (IMMUTABLE: a configuration never changes once built)';

CREATE FUNCTION diplo_analyze(diplo_config, pg_catalog.text, published pg_catalog.date)
RETURNS diplo_statement
AS 'MODULE_PATHNAME', 'diplo_config_analyze'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;

COMMENT ON FUNCTION diplo_analyze(diplo_config, pg_catalog.text, pg_catalog.date) IS
	'analyse an article published on a date with a configuration: roles are those in office on that date (a NULL date: none known; IMMUTABLE: a configuration never changes once built)';

--
-- Import of an actor dictionary in the plain format (README
-- "Configurations"): one actor per line with its dated roles in brackets,
-- alias lines starting with "+", "#" comments.
--

CREATE FUNCTION diplo_actors_import(target pg_catalog.regclass,
	dictionary pg_catalog.text, file pg_catalog.text DEFAULT 'input')
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME'
LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;

COMMENT ON FUNCTION diplo_actors_import(pg_catalog.regclass, pg_catalog.text, pg_catalog.text) IS
	'insert the actors of a dictionary (plain format, see README "Configurations") into a table with the columns name, aliases, role, org, country, valid_from, valid_to; returns the rows inserted; a malformed line is an ERROR naming file and line, and nothing is inserted';

--
-- The rows of an analysis with a configuration (same columns as
-- diplo_quotes(text) and diplo_speaker_details(text)).
--

CREATE FUNCTION diplo_quotes(diplo_config, pg_catalog.text,
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
AS 'MODULE_PATHNAME', 'diplo_config_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 10;

COMMENT ON FUNCTION diplo_quotes(diplo_config, pg_catalog.text) IS
	'quotes of an article analysed with a configuration (IMMUTABLE: a configuration never changes once built)';

CREATE FUNCTION diplo_quotes(diplo_config, pg_catalog.text, published pg_catalog.date,
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
AS 'MODULE_PATHNAME', 'diplo_config_quotes'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100 ROWS 10;

COMMENT ON FUNCTION diplo_quotes(diplo_config, pg_catalog.text, pg_catalog.date) IS
	'quotes of an article published on a date, analysed with a configuration (a NULL date: none known; IMMUTABLE: a configuration never changes once built)';

CREATE FUNCTION diplo_speaker_details(diplo_config, pg_catalog.text,
	OUT name pg_catalog.text,
	OUT role pg_catalog.text,
	OUT org pg_catalog.text,
	OUT country pg_catalog.text,
	OUT type pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_config_speaker_details'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100 ROWS 5;

COMMENT ON FUNCTION diplo_speaker_details(diplo_config, pg_catalog.text) IS
	'speakers of an article analysed with a configuration (IMMUTABLE: a configuration never changes once built)';

CREATE FUNCTION diplo_speaker_details(diplo_config, pg_catalog.text, published pg_catalog.date,
	OUT name pg_catalog.text,
	OUT role pg_catalog.text,
	OUT org pg_catalog.text,
	OUT country pg_catalog.text,
	OUT type pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_config_speaker_details'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100 ROWS 5;

COMMENT ON FUNCTION diplo_speaker_details(diplo_config, pg_catalog.text, pg_catalog.date) IS
	'speakers of an article published on a date, analysed with a configuration (a NULL date: none known; IMMUTABLE: a configuration never changes once built)';
