--
-- Named configurations (issue 7): a desk's own actors, topics, cue verbs
-- and organisations, copied from its tables by diplo_config_create into
-- the catalog; diplo_analyze(config, text [, date]); the per-backend cache
-- and its invalidation by diplo_config_drop; the errors.
--

-- Errors as a row: SQLSTATE and message.
CREATE FUNCTION pg_temp.err(q text, OUT code text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	code := 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END $$;
-- ... with detail and hint, times masked.
CREATE FUNCTION pg_temp.err_full(q text, OUT code text, OUT message text,
	OUT detail text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE q;
	code := 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
		detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	detail := regexp_replace(detail, '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [^ .]+', '<time>', 'g');
END $$;

-- The type: a name checked for syntax.
SELECT 'gulf'::diplo_config, 'Gulf_desk-2.1'::diplo_config, 'gulf'::diplo_config::text;
SELECT (pg_temp.err(format('SELECT %L::diplo_config', n))).*
FROM unnest(ARRAY['', '2gulf', 'gulf desk', 'golfe!', repeat('g', 64)]) n;
SELECT length(repeat('g', 63)::diplo_config::text);
-- binary form: the name's bytes, checked on the way in
SELECT diplo_config_send('gulf'::diplo_config);
CREATE TEMP TABLE cfg_names (c diplo_config);
INSERT INTO cfg_names VALUES ('gulf'), ('Gulf_desk-2.1');
\copy cfg_names TO 'results/diplo_config.bin' WITH (FORMAT binary)
CREATE TEMP TABLE cfg_back (c diplo_config);
\copy cfg_back FROM 'results/diplo_config.bin' WITH (FORMAT binary)
SELECT c FROM cfg_back ORDER BY c::text COLLATE "C";
CREATE TEMP TABLE bad_bytes (b bytea);
INSERT INTO bad_bytes VALUES ('gulf desk'::bytea);
\copy bad_bytes TO 'results/diplo_config_bad.bin' WITH (FORMAT binary)
\copy cfg_back FROM 'results/diplo_config_bad.bin' WITH (FORMAT binary)
DROP TABLE cfg_names, cfg_back, bad_bytes;

-- The user's own tables (any name, extra columns allowed).
CREATE TABLE desk_actors (id serial, name text, aliases text[], role text,
	org text, country text, valid_from date, valid_to date);
INSERT INTO desk_actors (name, aliases, role, org, country, valid_from, valid_to) VALUES
('Antony Blinken', '{Tony Blinken,Blinken}', 'Secretary of State', 'Department of State', 'United States', '2021-01-26', '2025-01-20'),
('Mike Pompeo', '{Pompeo}', 'Secretary of State', 'Department of State', 'United States', '2018-04-26', '2021-01-20'),
('Faisal bin Farhan', '{Prince Faisal}', 'Foreign Minister', NULL, 'Saudi Arabia', '2019-10-23', NULL);
CREATE TABLE desk_topics (topic text, keywords varchar[]);
INSERT INTO desk_topics VALUES ('Gulf security', '{Strait of Hormuz,tanker seizure}');
CREATE TABLE desk_cues (form text, lemma text, class text, flags text[]);
INSERT INTO desk_cues VALUES ('averred', 'aver', 'speech', NULL), ('avers', 'aver', NULL, '{present}');
CREATE TABLE desk_orgs (phrase text, canonical text, kind text, case_sensitive boolean);
INSERT INTO desk_orgs VALUES ('GCC', 'Gulf Cooperation Council', 'international', true),
	('Gulf Cooperation Council', NULL, 'international', NULL);

SELECT diplo_config_create('gulf', actors => 'desk_actors', topics => 'desk_topics',
	cues => 'desk_cues', orgs => 'desk_orgs');
SELECT name, owner = current_user AS mine, actors, topics, cues, orgs,
	dropped IS NULL AS live FROM diplo_configs;
SELECT name, aliases, role, org, country, valid_from, valid_to
FROM diplo_config_actors WHERE config = 'gulf' ORDER BY ord;
SELECT form, lemma, class, flags FROM diplo_config_cues ORDER BY ord;
SELECT phrase, canonical, kind, country, case_sensitive FROM diplo_config_orgs ORDER BY ord;
-- a configuration with only some tables
SELECT diplo_config_create('topics-only', topics => 'desk_topics');
SELECT name, actors, topics, cues, orgs FROM diplo_configs ORDER BY name;

-- The overloads: a literal name resolves to the configuration, beside the
-- built-in default diplo_analyze(text), unchanged.
CREATE TABLE news (id int PRIMARY KEY, published date, body text);
INSERT INTO news VALUES
(1, '2019-06-14', '"Freedom of navigation in the Strait of Hormuz is not negotiable," the U.S. Secretary of State said on Friday.'),
(2, '2022-06-14', '"Freedom of navigation in the Strait of Hormuz is not negotiable," the U.S. Secretary of State said on Friday.'),
(3, '2022-09-01', 'Tony Blinken said the talks with the GCC were useful. "We averred our support," Prince Faisal averred.'),
(4, '2022-09-02', 'Nothing was said.');
SELECT id, speakers(diplo_analyze(body)) AS built_in,
	speakers(diplo_analyze('gulf', body)) AS gulf,
	speakers(diplo_analyze('gulf', body, published)) AS gulf_on_date
FROM news ORDER BY id;
-- the same text on two dates names two different Secretaries
SELECT id, published, q.speaker, q.speaker_role, q.cue
FROM news, quotes(diplo_analyze('gulf', body, published)) q WHERE id IN (1, 2) ORDER BY id;
SELECT id, topics(diplo_analyze('gulf', body)) AS gulf_topics, topics(diplo_analyze(body)) AS built_in
FROM news WHERE id IN (1, 3) ORDER BY id;
-- NULL: a NULL configuration or text is NULL; a NULL date is no date
SELECT diplo_analyze(NULL::diplo_config, 'x') IS NULL AS null_config,
	diplo_analyze('gulf', NULL::text) IS NULL AS null_text,
	diplo_analyze('gulf', (SELECT body FROM news WHERE id = 1), NULL)::text
	= diplo_analyze('gulf', (SELECT body FROM news WHERE id = 1))::text AS null_date_is_no_date;

-- The rows of an analysis with a configuration: the same as those of the
-- stored analysis.
SELECT id, q.speaker, q.speaker_role, q.speaker_country, q.cue, q.content, q.kind
FROM news, diplo_quotes('gulf', body, published) q ORDER BY id, q.content_start;
SELECT s.* FROM news, diplo_speaker_details('gulf', body, published) s WHERE id = 3;
SELECT count(*) AS differing FROM news n,
	LATERAL (SELECT * FROM diplo_quotes('gulf', n.body, n.published)
		EXCEPT ALL SELECT * FROM quotes(diplo_analyze('gulf', n.body, n.published))) d;
SELECT count(*) AS differing FROM news n,
	LATERAL (SELECT * FROM diplo_speaker_details('gulf', n.body)
		EXCEPT ALL SELECT * FROM speaker_details(diplo_analyze('gulf', n.body))) d;
SELECT (SELECT count(*) FROM diplo_quotes(NULL::diplo_config, 'x', NULL)) AS null_config_rows,
	(SELECT count(*) FROM diplo_speaker_details('gulf', NULL::text)) AS null_text_rows;

-- No growth per row: the peak resident set of the backend (VmHWM) grows by
-- less than 6 MB over 20,000 rows of each function with a configuration,
-- after a warm-up (as in the memory test).
SET jit = off;
CREATE FUNCTION pg_temp.hwm_kb() RETURNS bigint
LANGUAGE sql AS $$
SELECT substring(pg_catalog.pg_read_file('/proc/self/status') FROM 'VmHWM:\s*([0-9]+)')::bigint
$$;
CREATE FUNCTION pg_temp.each(n int) RETURNS bigint
LANGUAGE sql AS $$
SELECT (SELECT count(*) FROM generate_series(1, n) g,
		LATERAL diplo_quotes('gulf', format('Tony Blinken said the talks with the GCC were useful, the %sth time.', g), '2022-01-01') q)
	+ (SELECT count(*) FROM generate_series(1, n) g,
		LATERAL diplo_speaker_details('gulf', format('"We averred our support %s," Prince Faisal averred.', g)) s)
	+ (SELECT count(length(diplo_analyze('gulf', format('Pompeo said %s.', g), '2019-01-01')::text))
		FROM generate_series(1, n) g)
$$;
SELECT pg_temp.each(1000);
SELECT pg_temp.hwm_kb() AS warm_kb \gset
SELECT pg_temp.each(20000);
SELECT pg_temp.hwm_kb() - :warm_kb < 6 * 1024 AS peak_growth_under_6_mb;
RESET jit;

-- Overload resolution beside a diplo_analyze(text, <enum>) (as the one of
-- languages, simulated here): a literal name with a text column goes to the
-- configuration; with two literals, the cast says which is meant.
CREATE SCHEMA regress_lang;
CREATE TYPE regress_lang.lang AS ENUM ('en', 'fr');
CREATE FUNCTION regress_lang.diplo_analyze(text, regress_lang.lang) RETURNS text
LANGUAGE sql AS $$ SELECT 'language overload' $$;
SET search_path = public, regress_lang;
SELECT pg_typeof(diplo_analyze('gulf', body)) AS with_column,
	pg_typeof(diplo_analyze('gulf'::diplo_config, 'A text.')) AS with_cast,
	diplo_analyze(body, 'fr'::regress_lang.lang) AS language
FROM news WHERE id = 3;
RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA regress_lang CASCADE;
RESET client_min_messages;

-- IMMUTABLE: an expression index with a configuration.
CREATE INDEX news_gulf ON news USING gin (diplo_analyze('gulf', body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE diplo_analyze('gulf', body) @@ 'speaker:blinken';
SELECT id FROM news WHERE diplo_analyze('gulf', body) @@ 'speaker:blinken' ORDER BY id;
-- the configuration's topics hold for the quotes whose content has their
-- keywords (stored with each quote), through the index as without it
SELECT id FROM news WHERE diplo_analyze('gulf', body, published) @@ 'quote(topic:"gulf security" & speaker:blinken)' ORDER BY id;
SELECT id FROM news WHERE diplo_analyze('gulf', body) @@ 'quote(topic:"gulf security" & cue:averred)' ORDER BY id;
RESET enable_seqscan;
SELECT id, diplo_analyze('gulf', body, published) @@ 'quote(topic:"gulf security" & speaker:blinken)' AS gulf_quote_by_blinken,
	diplo_analyze('gulf', body) @@ 'topic:"gulf security" & !quote(topic:"gulf security")' AS topic_outside_quotes
FROM news ORDER BY id;
SELECT q.content, t.topics
FROM news, LATERAL (SELECT diplo_analyze('gulf', body, published) AS v) s,
	LATERAL jsonb_array_elements(v::jsonb->'quotes') WITH ORDINALITY AS q0(q, n),
	LATERAL (SELECT q0.q->>'content' AS content) q,
	LATERAL (SELECT q0.q->'topics' AS topics) t
WHERE id = 2;
-- the lists go through the binary form (bit 2 of its flags) and back
CREATE TEMP TABLE gulf_out AS SELECT id, diplo_analyze('gulf', body, published) AS v FROM news;
\copy gulf_out TO 'results/diplo_config_topics.bin' WITH (FORMAT binary)
CREATE TEMP TABLE gulf_in (LIKE gulf_out);
\copy gulf_in FROM 'results/diplo_config_topics.bin' WITH (FORMAT binary)
SELECT count(*) AS same FROM gulf_out o JOIN gulf_in i USING (id) WHERE o.v::text = i.v::text;
DROP TABLE gulf_out, gulf_in;
SELECT encode(substr(diplo_statement_send(diplo_analyze('gulf', body)), 3, 1), 'hex') AS flags_gulf,
	encode(substr(diplo_statement_send(diplo_analyze(body)), 3, 1), 'hex') AS flags_built_in
FROM news WHERE id = 2;
DROP INDEX news_gulf;

-- Names are never reused, so that an analysis stored or indexed with a name
-- stays true: analyse, drop (the analysis is then 42704, with when it was
-- dropped), create under the same name: 42710; a new version gets a new
-- name, and the same session sees its new answer.
SELECT id, speakers(diplo_analyze('gulf', body, published)) FROM news WHERE id IN (2, 3) ORDER BY id;
SELECT diplo_config_drop('gulf');
SELECT (pg_temp.err_full($$SELECT diplo_analyze('gulf'::diplo_config, 'x')$$)).*;
UPDATE desk_actors SET name = 'Antony J. Blinken' WHERE name = 'Antony Blinken';
SELECT (pg_temp.err_full($$SELECT diplo_config_create('gulf', actors => 'desk_actors')$$)).*;
SELECT (pg_temp.err_full($$SELECT diplo_config_create('topics-only', actors => 'desk_actors')$$)).*;
SELECT (pg_temp.err_full($$SELECT diplo_config_drop('gulf')$$)).*;
SELECT diplo_config_drop('gulf', missing_ok => true);
SELECT diplo_config_create('gulf-2', actors => 'desk_actors');
SELECT id, speakers(diplo_analyze('gulf-2', body, published)) FROM news WHERE id IN (2, 3) ORDER BY id;
-- the dropped name's row stays, its snapshot is gone
SELECT name, actors, topics, cues, orgs, dropped IS NOT NULL AS dropped,
	dropped >= created AS dropped_after_created FROM diplo_configs ORDER BY name;
SELECT config, count(*) FROM diplo_config_actors GROUP BY config ORDER BY config;
-- in one transaction, too; a rollback brings the dropped one back and
-- frees the name created meanwhile
BEGIN;
SELECT diplo_config_drop('gulf-2');
SELECT (pg_temp.err($$SELECT diplo_analyze('gulf-2'::diplo_config, 'x')$$)).*;
UPDATE desk_actors SET name = 'Tony Blinken', aliases = '{Blinken}' WHERE name = 'Antony J. Blinken';
SELECT diplo_config_create('gulf-3', actors => 'desk_actors');
SELECT id, speakers(diplo_analyze('gulf-3', body, published)) FROM news WHERE id IN (2, 3) ORDER BY id;
ROLLBACK;
SELECT id, speakers(diplo_analyze('gulf-2', body, published)) FROM news WHERE id IN (2, 3) ORDER BY id;
SELECT (pg_temp.err($$SELECT diplo_analyze('gulf-3'::diplo_config, 'x')$$)).*;
-- a configuration created and used in a transaction that rolls back is gone
BEGIN;
SELECT diplo_config_create('fleeting', actors => 'desk_actors');
SELECT speakers(diplo_analyze('fleeting', body)) FROM news WHERE id = 3;
ROLLBACK;
SELECT (pg_temp.err($$SELECT diplo_analyze('fleeting'::diplo_config, 'x')$$)).*;
SELECT diplo_config_drop('nothing', missing_ok => true);

-- Errors.
CREATE TABLE bad_actors (name text, role text, country text, valid_from date, valid_to date);
CREATE TABLE no_name (person text);
CREATE TABLE wrong_type (name text, valid_from text);
CREATE TABLE bad_cues (form text, class text, flags text[]);
CREATE TABLE bad_orgs (phrase text, kind text);
SELECT (pg_temp.err(q)).* FROM (VALUES
	($$SELECT diplo_analyze('nowhere'::diplo_config, 'x')$$),
	($$SELECT diplo_config_drop('nowhere')$$),
	($$SELECT diplo_config_create('gulf')$$),
	($$SELECT diplo_config_create('gulf-2')$$),
	($$SELECT diplo_config_create(NULL)$$),
	($$SELECT diplo_config_create('x', actors => 'no_name')$$),
	($$SELECT diplo_config_create('x', actors => 'wrong_type')$$),
	($$SELECT diplo_config_create('x', topics => 'desk_actors')$$),
	($$SELECT diplo_config_create('x', actors => 'no_such_table')$$)) v(q);
INSERT INTO bad_actors VALUES ('Ana Ruiz', 'Foreign Minister', 'Spain', NULL, NULL), (NULL, 'Envoy', NULL, NULL, NULL);
SELECT (pg_temp.err($$SELECT diplo_config_create('x', actors => 'bad_actors')$$)).*;
UPDATE bad_actors SET name = '' WHERE name IS NULL;
SELECT (pg_temp.err($$SELECT diplo_config_create('x', actors => 'bad_actors')$$)).*;
UPDATE bad_actors SET name = 'Luis Vega', valid_from = '2024-01-01', valid_to = '2023-01-01' WHERE name = '';
SELECT (pg_temp.err($$SELECT diplo_config_create('x', actors => 'bad_actors')$$)).*;
-- a country the analyser does not know
UPDATE bad_actors SET valid_from = NULL, valid_to = NULL, country = 'Atlantis' WHERE name = 'Luis Vega';
SELECT (pg_temp.err($$SELECT diplo_config_create('x', actors => 'bad_actors')$$)).*;
INSERT INTO bad_cues VALUES ('opined', 'musing', NULL);
SELECT (pg_temp.err($$SELECT diplo_config_create('x', cues => 'bad_cues')$$)).*;
UPDATE bad_cues SET class = 'stance', flags = '{present,loud}';
SELECT (pg_temp.err($$SELECT diplo_config_create('x', cues => 'bad_cues')$$)).*;
INSERT INTO bad_orgs VALUES ('ASEAN', 'club');
SELECT (pg_temp.err($$SELECT diplo_config_create('x', orgs => 'bad_orgs')$$)).*;
-- nothing was half-created
SELECT name FROM diplo_configs ORDER BY name;
SELECT count(*) FROM diplo_config_actors WHERE config = 'x';

-- Import of an actor dictionary in the plain format: one actor per line
-- with its dated roles in brackets, "+" alias lines, "#" comments.
CREATE TABLE imported (name text, aliases text[], role text, org text,
	country text, valid_from date, valid_to date);
\set dict '# Secretaries of State, written for this test\nAntony Blinken [Secretary of State; Department of State; United States; 2021-01-26..2025-01-20] [Deputy Secretary of State; Department of State; United States; 2015-01-09..2017-01-20]\n+Tony Blinken\n+Antony J. Blinken   # full name\n\nMike Pompeo [Secretary of State; Department of State; United States; 2018-04-26..2021-01-20]\n+Pompeo\nFaisal bin Farhan [Foreign Minister; ; Saudi Arabia; 2019-10-23..]\n+Prince Faisal\nAna Ruiz\n'
SELECT diplo_actors_import('imported', E:'dict', 'secretaries.actors.txt');
SELECT name, aliases, role, org, country, valid_from, valid_to FROM imported ORDER BY name, valid_from;
-- an imported dictionary makes a configuration
SELECT diplo_config_create('imported', actors => 'imported');
SELECT id, q.speaker, q.speaker_role
FROM news, quotes(diplo_analyze('imported', body, published)) q WHERE id IN (1, 2) ORDER BY id;
SELECT diplo_config_drop('imported');
-- a table with only some columns takes what fits
CREATE TABLE names_only (name text, aliases varchar[]);
SELECT diplo_actors_import('names_only', E'Ana Ruiz\n+Ruiz\nLuis Vega');
SELECT * FROM names_only ORDER BY name;
-- Malformed lines: ERROR 22P02 naming file and line; nothing is inserted.
SELECT count(*) AS rows_before FROM imported;
SELECT (pg_temp.err(format('SELECT diplo_actors_import(%L, %L, %L)', 'imported', d, 'desk.actors.txt'))).*
FROM unnest(ARRAY[
	E'+Tony Blinken\n',
	E'Antony Blinken [Secretary of State\n',
	E'# ok\nAntony Blinken [Secretary of State; Department of State; United States; 2021-01-26..2025-01-20]\nMike Pompeo [Secretary of State; ; ; 2018-04-26..2021-02-30]\n',
	E'Mike Pompeo [Secretary of State; ; ; 2021-01-20..2018-04-26]\n',
	E'Mike Pompeo [Secretary of State; ; ; 2018]\n',
	E'Mike Pompeo [a; b; c; 2018-04-26..; e]\n',
	E'Mike Pompeo [Secretary of State] CIA\n',
	E'[Secretary of State] Mike Pompeo\n',
	E'Mike Pompeo\n+\n',
	E'Mike Pompeo [ ; ; ]\n']) d;
SELECT count(*) AS rows_after FROM imported;
ALTER TABLE wrong_type ADD COLUMN country text;
SELECT (pg_temp.err(q)).* FROM (VALUES
	($$SELECT diplo_actors_import('names_only', E'Ana Ruiz [Foreign Minister]')$$),
	($$SELECT diplo_actors_import('no_name', E'Ana Ruiz')$$),
	($$SELECT diplo_actors_import('wrong_type', E'Ana Ruiz [; ; Spain; 2020-01-01..]')$$)) v(q);
SELECT diplo_actors_import('imported', NULL) IS NULL AS null_dictionary,
	diplo_actors_import('imported', '') AS empty_dictionary;
DROP TABLE imported, names_only;

-- Permissions: the catalog is read-only to users; a role reads its own
-- tables only, and drops only its own configurations.
CREATE ROLE regress_diplo_desk;
CREATE ROLE regress_diplo_other;
GRANT CREATE ON SCHEMA public TO regress_diplo_desk;
SET ROLE regress_diplo_desk;
SELECT (pg_temp.err($$INSERT INTO diplo_configs (name, owner, owner_id, actors, topics, cues, orgs, created)
	VALUES ('forged', current_user, 10, 0, 0, 0, 0, now())$$)).*;
SELECT (pg_temp.err($$UPDATE diplo_configs SET dropped = NULL$$)).*;
SELECT (pg_temp.err($$DELETE FROM diplo_config_actors$$)).*;
SELECT (pg_temp.err($$SELECT diplo_config_create('stolen', actors => 'desk_actors')$$)).*;
CREATE TABLE my_actors (name text, role text, country text);
INSERT INTO my_actors VALUES ('Ana Ruiz', 'Foreign Minister', 'Spain');
SELECT diplo_config_create('desk', actors => 'my_actors');
SELECT speakers(diplo_analyze('desk'::diplo_config, '"We are ready," Ruiz said.'));
SET ROLE regress_diplo_other;
SELECT (pg_temp.err($$SELECT diplo_config_drop('desk')$$)).*;
SET ROLE regress_diplo_desk;
SELECT diplo_config_drop('desk');
-- The catalog is written as its owner: no operator or function of the
-- caller's search_path runs then.
CREATE TABLE public.trap_calls (who text);
GRANT INSERT ON public.trap_calls TO PUBLIC;
CREATE FUNCTION public.trap_texteq(a text, b text) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO public.trap_calls VALUES (current_user); RETURN a OPERATOR(pg_catalog.=) b; END $$;
CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = text, PROCEDURE = public.trap_texteq);
SET search_path = public, pg_catalog;
SELECT diplo_config_create('desk-2', actors => 'my_actors');
SELECT speakers(diplo_analyze('desk-2'::diplo_config, '"We are ready," Ruiz said.'));
SELECT (pg_temp.err($$SELECT diplo_config_create('desk', actors => 'my_actors')$$)).*;
SELECT diplo_config_drop('desk-2');
RESET search_path;
SELECT count(*) AS calls_as_another_role FROM public.trap_calls WHERE who <> current_user;
DROP OPERATOR public.= (text, text);
DROP FUNCTION public.trap_texteq(text, text);
DROP TABLE public.trap_calls;
DROP TABLE my_actors;
RESET ROLE;
REVOKE CREATE ON SCHEMA public FROM regress_diplo_desk;
-- The owner is a role's name and oid: when the role is dropped (a
-- configuration is no dependency of it) or renamed, only a superuser can
-- drop its configurations, not a new role of the same name.
GRANT SELECT ON desk_topics TO regress_diplo_desk;
SET ROLE regress_diplo_desk;
SELECT diplo_config_create('orphan', topics => 'desk_topics');
RESET ROLE;
REVOKE SELECT ON desk_topics FROM regress_diplo_desk;
DROP ROLE regress_diplo_desk;
SELECT name, owner, topics FROM diplo_configs WHERE name = 'orphan';
SET ROLE regress_diplo_other;
SELECT (pg_temp.err($$SELECT diplo_config_drop('orphan')$$)).*;
RESET ROLE;
CREATE ROLE regress_diplo_desk;
SET ROLE regress_diplo_desk;
SELECT (pg_temp.err($$SELECT diplo_config_drop('orphan')$$)).*;
RESET ROLE;
DROP ROLE regress_diplo_desk;
SELECT diplo_config_drop('orphan');
GRANT SELECT ON desk_topics TO regress_diplo_other;
SET ROLE regress_diplo_other;
SELECT diplo_config_create('renamed', topics => 'desk_topics');
RESET ROLE;
ALTER ROLE regress_diplo_other RENAME TO regress_diplo_other2;
CREATE ROLE regress_diplo_other;
SET ROLE regress_diplo_other;
SELECT (pg_temp.err($$SELECT diplo_config_drop('renamed')$$)).*;
SET ROLE regress_diplo_other2;
SELECT (pg_temp.err($$SELECT diplo_config_drop('renamed')$$)).*;
RESET ROLE;
SELECT diplo_config_drop('renamed');
REVOKE SELECT ON desk_topics FROM regress_diplo_other2;
DROP ROLE regress_diplo_other, regress_diplo_other2;

DROP TABLE news, desk_actors, desk_topics, desk_cues, desk_orgs, bad_actors,
	no_name, wrong_type, bad_cues, bad_orgs;
SELECT diplo_config_drop('gulf-2'), diplo_config_drop('topics-only');
SELECT count(*) FILTER (WHERE dropped IS NULL) AS configs_left,
	count(*) AS names_used FROM diplo_configs;
SELECT count(*) AS rows_left FROM (SELECT config FROM diplo_config_actors
	UNION ALL SELECT config FROM diplo_config_topics
	UNION ALL SELECT config FROM diplo_config_cues
	UNION ALL SELECT config FROM diplo_config_orgs) r;
