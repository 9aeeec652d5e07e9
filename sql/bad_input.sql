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
('{' || :'head' || ', "speakers": [], "quotes": [' || repeat('{' || :'q' || '}, ', 10) || ']}'),
-- raw control characters inside strings (JSON wants them escaped)
(E'{"version": 1, "countries": ["a\x01b"], "topics": [], "speakers": [], "quotes": []}'),
(E'{"version": 1, "countries": ["a\x1fb"], "topics": [], "speakers": [], "quotes": []}'),
(E'{"version": 1, "countries": ["line\nbreak"], "topics": [], "speakers": [], "quotes": []}'),
-- escapes: lone and misordered surrogates, short and bad hex, unknown escapes
('{"version": 1, "countries": ["\udc00"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\ud800\u0041"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\ud800\ud800"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\udfff\ud800"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\u12"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\uZZZZ"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\q"], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["\'),
-- numbers and literals JSON does not have, or that do not fit
('{"version": 01, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1e0, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": -1, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": NaN, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": true, "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{' || :'head' || ', "speakers": [' || :'sp' || '], "quotes": [{' || :'q' || ', "speaker": 2147483648}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 9223372036854775808, "length": 2, "content": "ok"}]}'),
('{' || :'head' || ', "speakers": [], "quotes": [{"kind": "direct", "start": 1, "length": -1, "content": "ok"}]}'),
-- not JSON: single quotes, comments, trailing commas in arrays, bare words
('{"version": 1, "countries": [''Chile''], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, /* c */ "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": ["Chile",], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": [,], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": [Chile], "topics": [], "speakers": [], "quotes": []}'),
-- duplicate and empty keys inside a speaker
('{' || :'head' || ', "speakers": [{"name": "X", "type": "person", "name": "Y"}], "quotes": []}'),
('{' || :'head' || ', "speakers": [{"": "X", "type": "person"}], "quotes": []}'),
('{' || :'head' || ', "event_code": 41, "speakers": [], "quotes": []}'),
-- 10,000 nested arrays and objects, 10,000 unescaped quote marks
('{"version": 1, "event": ' || repeat('[', 10000) || repeat(']', 10000) || ', "countries": [], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": [' || repeat('{"a": ', 10000) || '1' || repeat('}', 10000) || '], "topics": [], "speakers": [], "quotes": []}'),
('{"version": 1, "countries": [' || repeat('"', 10000) || '], "topics": [], "speakers": [], "quotes": []}');

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

-- 10,000 escaped quote marks inside a string are fine, and round-trip.
SELECT speakers(v) = ARRAY[repeat('"', 10000)] AS kept,
       v::text::diplo_statement::text = v::text AS round_trips
FROM (SELECT ('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "'
              || repeat('\"', 10000) || '", "type": "person"}], "quotes": []}')::diplo_statement AS v) s;

--
-- Invalid diplo_query literals: SQLSTATE, message and detail of each
-- (22P02, or 54000 for the limits: nesting and length).
--
CREATE FUNCTION pg_temp.query_error(literal text,
	OUT code text, OUT message text, OUT detail text)
LANGUAGE plpgsql AS $$
DECLARE
	v diplo_query;
BEGIN
	v := literal::diplo_query;
	code := 'accepted';
	message := v::text;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS code = RETURNED_SQLSTATE,
		message = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
END $$;

CREATE TEMP TABLE bad_query (n serial, literal text);
INSERT INTO bad_query (literal) VALUES
(''),
('   '),
('speaker'),
('speaker:'),
('speaker: ruiz'),
('spaeker:ruiz'),
(':ruiz'),
('ruiz'),
('speaker:ruiz speaker:blinken'),
('speaker:ruiz &'),
('& speaker:ruiz'),
('speaker:ruiz & & topic:trade'),
('speaker:ruiz | | topic:trade'),
('speaker:ruiz &| topic:trade'),
('!'),
('!!'),
('()'),
('(speaker:ruiz'),
('speaker:ruiz)'),
('((speaker:ruiz)'),
('speaker:"ana ruiz'),
('speaker:"a\b"'),
('speaker:"a\'),
('speaker:""'),
('topic:"   "'),
('speaker:"ana"ruiz'),
('speaker:*'),
('speaker:ruiz**'),
('quote()'),
('quote(event:summit)'),
('quote speaker:ruiz'),
('quote(speaker:ruiz'),
-- (a control character is only part of the value: accepted)
(E'speaker:ru\x01iz'),
('speaker:ruiz, topic:trade'),
-- nesting: 100 levels are allowed, 101 and 10,000 are not (54000)
(repeat('(', 101) || 'speaker:ruiz' || repeat(')', 101)),
(repeat('(', 10000) || 'speaker:ruiz' || repeat(')', 10000)),
(repeat('!', 10000) || 'speaker:ruiz'),
(repeat('quote(', 10000) || 'speaker:ruiz' || repeat(')', 10000)),
-- 10,000 unbalanced quote marks
(repeat('"', 10000));

SELECT n, e.* FROM bad_query, pg_temp.query_error(literal) e ORDER BY n;
SELECT e.code, count(*) FROM bad_query, pg_temp.query_error(literal) e
GROUP BY 1 ORDER BY 1;
-- 100 levels are accepted
SELECT (repeat('(', 99) || 'speaker:ruiz' || repeat(')', 99))::diplo_query;

-- Limits on size (54000).  A query over 64 MB is refused before parsing.
SELECT e.code, e.message, e.detail
FROM pg_temp.query_error(repeat('speaker:x | ', 5600000)) e;
-- A text value, hence an article, cannot reach 1 GB: the server refuses to
-- build one (the analyser itself reads any text the server can hold, see
-- large.sql), with the same SQLSTATE.
\set VERBOSITY sqlstate
SELECT length(repeat('x', 1073741824));
\set VERBOSITY default
