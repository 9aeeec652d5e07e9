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
