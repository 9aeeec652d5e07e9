--
-- diplo_backfill (0.2): fill a diplo_statement column of an existing table
-- in batches, committing each, resumable after an interruption.
-- progress => false gives NOTICEs without timings (deterministic output).
--

-- (no CONTEXT lines: they hold line numbers of the procedure)
\set SHOW_CONTEXT never

CREATE TABLE bf_articles (id bigint PRIMARY KEY, body text, published date);
INSERT INTO bf_articles
SELECT g, format('%s Minister %s said on Monday that trade with %s was growing. "We are ready," %s told reporters.',
		(ARRAY['Kenyan', 'Spanish', 'Japanese'])[g % 3 + 1],
		(ARRAY['Wanjiru Mwangi', 'Marta Solano', 'Hiro Tanaka'])[g % 3 + 1],
		(ARRAY['India', 'Brazil', 'Canada', 'Egypt'])[g % 4 + 1],
		(ARRAY['Mwangi', 'Solano', 'Tanaka'])[g % 3 + 1]),
	date '2024-01-01' + g
FROM generate_series(1, 25) g;
UPDATE bf_articles SET body = NULL WHERE id = 7;
UPDATE bf_articles SET body = '' WHERE id = 8;

-- The column is added without a table rewrite; it is NULL everywhere.
ALTER TABLE bf_articles ADD COLUMN analysis diplo_statement;

-- An interruption: a trigger fails the batch that reaches id 17 (as a
-- cancel, a timeout or a crash would): batch 1 stays committed, batch 2
-- is rolled back.
CREATE TABLE bf_fail (fail boolean);
INSERT INTO bf_fail VALUES (true);
CREATE FUNCTION bf_interrupt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id = 17 AND (SELECT fail FROM bf_fail) THEN
		RAISE EXCEPTION 'interrupted at id %', NEW.id;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER bf_interrupt BEFORE UPDATE ON bf_articles
	FOR EACH ROW EXECUTE FUNCTION bf_interrupt();

CALL diplo_backfill('bf_articles', 'body', 'analysis', batch_size => 8, progress => false);
SELECT count(analysis) AS filled, count(*) FILTER (WHERE analysis IS NULL AND body IS NOT NULL) AS left_to_fill
FROM bf_articles;

-- Resume: only the rows still NULL are analysed.
UPDATE bf_fail SET fail = false;
CALL diplo_backfill('bf_articles', 'body', 'analysis', batch_size => 8, progress => false);
-- Again: nothing left to do.
CALL diplo_backfill('bf_articles', 'body', 'analysis', batch_size => 8, progress => false);

-- Every row holds its analysis (NULL body: NULL; empty body: empty analysis).
SELECT count(*) AS rows, count(analysis) AS filled,
	count(*) FILTER (WHERE analysis::text = diplo_analyze(body)::text) AS same_as_fresh
FROM bf_articles;
SELECT id, analysis IS NULL AS is_null, speakers(analysis) FROM bf_articles WHERE id IN (7, 8, 9) ORDER BY id;

-- New rows: a trigger keeps the column filled (README, "Backfill").
CREATE FUNCTION bf_analysis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.analysis := diplo_analyze(NEW.body);
	RETURN NEW;
END $$;
CREATE TRIGGER bf_analysis BEFORE INSERT OR UPDATE OF body ON bf_articles
	FOR EACH ROW EXECUTE FUNCTION bf_analysis();
INSERT INTO bf_articles (id, body) VALUES (100, 'Foreign Minister Ana Ruiz said the talks would go on.');
SELECT id, speakers(analysis) FROM bf_articles WHERE id = 100;

-- Then the index (CONCURRENTLY outside a transaction block, as in the README).
CREATE INDEX CONCURRENTLY bf_articles_analysis ON bf_articles USING gin (analysis);
SET enable_seqscan = off;
SELECT id FROM bf_articles WHERE analysis @@ 'speaker:solano & country:brazil' ORDER BY id;
RESET enable_seqscan;

-- A key given by name, text keys, and a progress report (timings hidden).
CREATE TABLE bf_named (slug text UNIQUE, body varchar, a diplo_statement);
INSERT INTO bf_named SELECT 'a-' || g, '"Fine," the envoy said.' FROM generate_series(1, 5) g;
INSERT INTO bf_named VALUES (NULL, 'A row without a key.');
SET client_min_messages = warning;
CALL diplo_backfill('bf_named', 'body', 'a', 2, 'slug');
RESET client_min_messages;
SELECT count(a) AS filled, count(*) FILTER (WHERE a IS NULL) AS left_null FROM bf_named;

-- Operators of a schema put before pg_catalog in the search_path are never
-- used: the procedure names every operator with its schema.
CREATE SCHEMA regress_evil;
CREATE TABLE regress_evil.calls (what text);
CREATE FUNCTION regress_evil.gt(a bigint, b bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN INSERT INTO regress_evil.calls VALUES ('>'); RETURN a OPERATOR(pg_catalog.>) b; END $$;
CREATE FUNCTION regress_evil.cat(a text, b text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN INSERT INTO regress_evil.calls VALUES ('||'); RETURN pg_catalog.textcat(a, b); END $$;
CREATE OPERATOR regress_evil.> (LEFTARG = bigint, RIGHTARG = bigint, PROCEDURE = regress_evil.gt);
CREATE OPERATOR regress_evil.|| (LEFTARG = text, RIGHTARG = text, PROCEDURE = regress_evil.cat);
UPDATE bf_articles SET analysis = NULL WHERE id > 20;
SET search_path = regress_evil, pg_catalog, public;
SET client_min_messages = warning;
CALL diplo_backfill('bf_articles', 'body', 'analysis', 2);
RESET client_min_messages;
SHOW search_path;
RESET search_path;
SELECT count(*) AS evil_calls FROM regress_evil.calls;
SELECT count(*) FILTER (WHERE analysis IS NULL AND body IS NOT NULL) AS left_to_fill FROM bf_articles;
DROP SCHEMA regress_evil CASCADE;

-- Errors.
CALL diplo_backfill('bf_named', 'body', 'a');
CALL diplo_backfill('bf_articles', 'nobody', 'analysis');
CALL diplo_backfill('bf_articles', 'body', 'published');
CREATE TABLE bf_generated (id int PRIMARY KEY, body text,
	a diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
CALL diplo_backfill('bf_generated', 'body', 'a');
CALL diplo_backfill('bf_articles', 'body', 'analysis', 0);
CALL diplo_backfill(NULL, 'body', 'analysis');
-- inside a transaction block it cannot commit its batches
UPDATE bf_articles SET analysis = NULL WHERE id = 1;
BEGIN;
CALL diplo_backfill('bf_articles', 'body', 'analysis', progress => false);
ROLLBACK;

DROP TABLE bf_articles, bf_named, bf_fail, bf_generated;
DROP FUNCTION bf_interrupt(), bf_analysis();
