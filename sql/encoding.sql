--
-- Databases in other encodings: text is converted to UTF-8 for the
-- analyser and back, and offsets count characters of the database encoding
-- (here LATIN1, where é is one byte and one character).
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

\c :regress_db
DROP DATABASE regress_diplo_latin1;
