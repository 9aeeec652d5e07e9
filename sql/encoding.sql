--
-- Databases in other encodings: text is converted to UTF-8 for the
-- analyser and back, and offsets count characters of the database encoding
-- (in LATIN1, é is one byte and one character; in SQL_ASCII every byte is
-- a character).  The databases are made here, so this test is the same
-- whatever the encoding of the database the suite runs in.
--

\set regress_db :DBNAME
CREATE DATABASE regress_diplo_latin1 ENCODING 'LATIN1' TEMPLATE template0 LOCALE 'C';
\c regress_diplo_latin1
SET client_encoding = 'UTF8';
CREATE EXTENSION diplo;
SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database();

CREATE TABLE latin (n int, body text);
INSERT INTO latin VALUES
(1, 'Le ministre José Müller a parlé. "Très bien, ça va," the minister said.'),
(2, '«Ça suffit», said Zoë Øster. "Déjà vu," she told reporters in Zürich.'),
(3, repeat('Señor Ibáñez said: "Adiós, amigos." ', 50)),
(4, 'Ça, ça, ça: plain text with accents and no speech at all.');

-- Offsets select exactly the content, counted in LATIN1 characters.
SELECT n, count(q.content) FILTER (WHERE substr(body, content_start, content_len) = content)
          = count(q.content) AS offsets_ok
FROM latin LEFT JOIN LATERAL diplo_quotes(body) q ON true
GROUP BY n ORDER BY n;
-- The stored form gives the same quotes as the text function.
SELECT n, NOT EXISTS ((SELECT * FROM diplo_quotes(body) EXCEPT ALL SELECT * FROM quotes(diplo_analyze(body)))
                      UNION ALL
                      (SELECT * FROM quotes(diplo_analyze(body)) EXCEPT ALL SELECT * FROM diplo_quotes(body))) AS same
FROM latin ORDER BY n;
-- Speaker names and literals with LATIN1 letters round-trip.
SELECT '{"version": 1, "event": null, "event_code": null, "countries": ["Côte d''Ivoire"], "topics": [], "speakers": [{"name": "Zoë Øster", "role": null, "org": null, "country": null, "type": "person"}], "quotes": []}'::diplo_statement::text
     = '{"version": 1, "event": null, "event_code": null, "countries": ["Côte d''Ivoire"], "topics": [], "speakers": [{"name": "Zoë Øster", "role": null, "org": null, "country": null, "type": "person"}], "quotes": []}' AS round_trips;
SELECT speakers('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "Zo\u00eb", "type": "person"}], "quotes": []}');
-- A name outside LATIN1 (possible only in a literal) cannot be printed here.
SELECT speakers('{"version": 1, "countries": [], "topics": [], "speakers": [{"name": "\u548c\u5e73", "type": "person"}], "quotes": []}');

-- Letters beyond Latin-1 (Cyrillic, Turkish ş and ğ) cannot be stored in a
-- LATIN1 database: the conversion fails cleanly before diplo sees the text.
SELECT diplo_speakers('Russian Foreign Minister Сергей Лавров said the talks were useful.');
SELECT diplo_speakers('Turkish Foreign Minister Mevlüt Çavuşoğlu said the talks were useful.');
-- Names within Latin-1 come back as written.
SELECT diplo_speakers('Foreign Minister José Müller said the talks were useful.');

--
-- A UTF8 database: the names of the SQL_ASCII tests below, as characters.
--
\c :regress_db
CREATE DATABASE regress_diplo_utf8 ENCODING 'UTF8' TEMPLATE template0 LOCALE 'C';
\c regress_diplo_utf8
SET client_encoding = 'UTF8';
CREATE EXTENSION diplo;
CREATE TABLE names (n int, body text);
INSERT INTO names VALUES
(1, 'Turkish Foreign Minister Mevlüt Çavuşoğlu said the talks were useful. "We are ready," Çavuşoğlu told reporters.'),
(2, 'Russian Foreign Minister Сергей Лавров said: "Мы готовы к диалогу." Лавров added that the talks would go on.');
SELECT n, diplo_speakers(body) FROM names ORDER BY n;
SELECT n, speaker, content, content_start, content_len,
       substr(body, content_start, content_len) = content AS offsets_ok
FROM names, diplo_quotes(body) ORDER BY n, content_start;

--
-- A SQL_ASCII database: PostgreSQL's characters are bytes there, so the
-- offsets count bytes.  Valid UTF-8 is analysed as UTF-8 (the same quotes
-- and names as in UTF8, at byte offsets); other text is read one character
-- per byte (as Latin-1), and its strings come back as the same bytes.
--
\c :regress_db
CREATE DATABASE regress_diplo_sql_ascii ENCODING 'SQL_ASCII' TEMPLATE template0 LOCALE 'C';
\c regress_diplo_sql_ascii
SET client_encoding = 'UTF8';
CREATE EXTENSION diplo;
SELECT pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database();
CREATE TABLE names (n int, body text);
INSERT INTO names VALUES
(1, 'Turkish Foreign Minister Mevlüt Çavuşoğlu said the talks were useful. "We are ready," Çavuşoğlu told reporters.'),
(2, 'Russian Foreign Minister Сергей Лавров said: "Мы готовы к диалогу." Лавров added that the talks would go on.'),
-- the same kind of text in Latin-1 bytes: not valid UTF-8
(3, E'Foreign Minister Jos\xe9 M\xfcller said the talks were tr\xe8s useful. "Tr\xe8s bien, \xe7a va," M\xfcller told reporters in Z\xfcrich.'),
(4, E'"Ol\xe9," said Zo\xeb \xd8ster in Z\xfcrich.');
SELECT n, octet_length(body), length(body) AS characters FROM names ORDER BY n;
-- valid UTF-8: the names as in UTF8, offsets in bytes
SELECT n, diplo_speakers(body) FROM names WHERE n <= 2 ORDER BY n;
SELECT n, speaker, content, content_start, content_len,
       substr(body, content_start, content_len) = content AS offsets_ok
FROM names, diplo_quotes(body) WHERE n <= 2 ORDER BY n, content_start;
-- the JSON form and the stored value hold the same byte offsets
SELECT n, q.content_start, q.content_len,
       (diplo_analyze(body)::jsonb -> 'quotes' -> 0 ->> 'start')::int AS json_start,
       substr(body, (diplo_analyze(body)::jsonb -> 'quotes' -> 0 ->> 'cue_start')::int,
              (diplo_analyze(body)::jsonb -> 'quotes' -> 0 ->> 'cue_length')::int) AS cue_by_offsets
FROM names, LATERAL (SELECT * FROM quotes(diplo_analyze(body)) LIMIT 1) q
WHERE n <= 2 ORDER BY n;
-- other bytes: names, cues and contents are the bytes of the text, never
-- mangled (shown escaped), and the offsets select them
SELECT n, encode(convert_to(s, 'SQL_ASCII'), 'escape') AS speaker,
       position(convert_to(s, 'SQL_ASCII') IN convert_to(body, 'SQL_ASCII')) > 0 AS in_text
FROM names, unnest(diplo_speakers(body)) s WHERE n >= 3 ORDER BY n, s;
SELECT n, encode(convert_to(speaker, 'SQL_ASCII'), 'escape') AS speaker, cue,
       encode(convert_to(content, 'SQL_ASCII'), 'escape') AS content, content_start, content_len,
       substr(body, content_start, content_len) = content AS offsets_ok
FROM names, diplo_quotes(body) WHERE n >= 3 ORDER BY n, content_start;
SELECT n, encode(convert_to(s.name, 'SQL_ASCII'), 'escape') AS name, s.role, s.quotes
FROM names, diplo_speaker_details(body) s WHERE n >= 3 ORDER BY n, s.name;
-- A stored value holds Unicode strings: read back, the Latin-1 bytes of
-- such a text print as UTF-8 (the offsets still count the text's bytes).
SELECT n, bool_and(convert_to(s.content, 'SQL_ASCII')
                   = convert(convert_to(t.content, 'SQL_ASCII'), 'LATIN1', 'UTF8')
                   AND (s.content_start, s.content_len) = (t.content_start, t.content_len)) AS stored_is_utf8
FROM names,
     LATERAL (SELECT row_number() OVER () AS i, * FROM quotes(diplo_analyze(body))) s
     JOIN LATERAL (SELECT row_number() OVER () AS i, * FROM diplo_quotes(body)) t USING (i)
WHERE n >= 3 GROUP BY n ORDER BY n;
-- queries match such text through its Unicode reading, and headlines give
-- its bytes back
SELECT n, diplo_analyze(body) @@ 'speaker:muller & quote(word:bien)' AS matches,
       encode(convert_to(diplo_headline(body, 'word:bien'), 'SQL_ASCII'), 'escape') AS headline
FROM names WHERE n >= 3 ORDER BY n;
-- a diplo_statement literal is JSON and must be UTF-8
SELECT E'{"version": 1, "countries": ["C\xf4te d''Ivoire"], "topics": [], "speakers": [], "quotes": []}'::diplo_statement;
SELECT countries('{"version": 1, "countries": ["Côte d''Ivoire"], "topics": [], "speakers": [], "quotes": []}');

\c :regress_db
DROP DATABASE regress_diplo_latin1;
DROP DATABASE regress_diplo_utf8;
DROP DATABASE regress_diplo_sql_ascii;
