--
-- Invalid diplo_statement literals: each is a clean ERROR with SQLSTATE
-- 22P02 (or 54000 for limits), a message quoting the input and a detail
-- that says what is wrong and at which character.
--

-- How one error looks in psql.
SELECT '{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": [}'::diplo_statement;
SELECT '{"version": 7, "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement;

-- The rest as a table: SQLSTATE, and the detail of the error.
CREATE FUNCTION pg_temp.input_error(literal text,
	OUT code text, OUT message_ok boolean, OUT detail text)
LANGUAGE plpgsql AS $$
DECLARE
	v diplo_statement;
	msg text;
BEGIN
	v := literal::diplo_statement;
	code := 'accepted';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE,
		msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
	message_ok := msg = format('invalid input syntax for type diplo_statement: "%s"',
		CASE WHEN length(literal) > 100 THEN left(literal, 100) || '...' ELSE literal END);
END $$;

\set head '"version": 1, "countries": [], "topics": []'
\set sp '{"name": "Ana Ruiz", "type": "person"}'
\set q '"kind": "direct", "start": 1, "length": 2, "content": "ok"'

CREATE TEMP TABLE bad (n serial, literal text);
INSERT INTO bad (literal) VALUES
-- not a JSON object
(''),
('   '),
('null'),
('[]'),
('"text"'),
('{'),
('{}'),
('{"version": 1}'),
-- JSON syntax
('{' || :'head' || ', "speakers": [], "quotes": [],}'),
('{' || :'head' || ', "speakers": [], "quotes": []} x'),
('{' || :'head' || ', "speakers": [], "quotes": []}}'),
('{''version'': 1}'),
('{"version": 1, "countries": ["Chile], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["Ch\xile"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\ud800"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["a\u0000b"], "topics": [], "speakers": [], "quotes": []}'),
(E'{"version": 1, "countries": ["tab\tinside"], "topics": [], "speakers": [], "quotes": []}'),
-- the document
('{"version": 2, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": "1", "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1.0, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{' || :'head' || ', "speakers": [], "quotes": [], "extra": 1}'),
('{' || :'head' || ', "speakers": [], "quotes": [], "topics": []}'),
('{' || :'head' || ', "speakers": []}'),
('{"version": 1, "countries": [], "topics": [1], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": null, "topics": [], "speakers": [], "quotes": []}'),
('{' || :'head' || ', "event": 3, "speakers": [], "quotes": []}'),
('{' || :'head' || ', "speakers": {}, "quotes": []}'),
-- speakers
('{' || :'head' || ', "speakers": [{"type": "person"}], "quotes": []}'),
('{' || :'head' || ', "speakers": [{"name": null, "type": "person"}], "quotes": []}'),
('{' || :'head' || ', "speakers": [{"name": "X", "type": "robot"}], "quotes": []}'),
('{' || :'head' || ', "speakers": [{"name": "X", "type": "person", "age": 40}], "quotes": []}'),
('{' || :'head' || ', "speakers": [' || :'sp' || ', 5], "quotes": []}'),
-- quotes
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 1, "length": 2}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "shouted", "start": 1, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 0, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": -4, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 1.5, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 99999999999999999999, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [' || :'sp' || '], "quotes": [{' || :'q' || ', "speaker": 1}]}'),
('{' || :'head' || ', "speakers": [' || :'sp' || '], "quotes": [{' || :'q' || ', "channel": -1}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{' || :'q' || ', "addressee": 0}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{' || :'q' || ', "speaker": "Ana Ruiz"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{' || :'q' || ', "kind": "direct"}]}'),
-- a long literal (here with a trailing comma) is cut in the message
('{' || :'head' || ', "speakers": [], "quotes": [' || repeat('{' || :'q' || '}, ', 10) || ']}');

SELECT n, e.* FROM bad, pg_temp.input_error(literal) e ORDER BY n;

-- Every error is one of the documented SQLSTATEs.
SELECT e.code, count(*) FROM bad, pg_temp.input_error(literal) e
GROUP BY 1 ORDER BY 1;

-- Invalid input inside a larger statement leaves the session usable.
BEGIN;
SAVEPOINT s;
SELECT '{"version": 1'::diplo_statement;
ROLLBACK TO s;
SELECT speakers('{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement);
COMMIT;
