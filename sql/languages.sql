--
-- Languages (issue 7): a short article in French, Spanish and German,
-- written for this test, analysed in its language (guessed, or given):
-- speakers with their role, quotes with their cue, topics, countries.
--
-- This test needs a UTF8 database (accents, « » and „ “): elsewhere it
-- stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
SET client_encoding = 'UTF8';

-- French quotes have non-breaking spaces inside the guillemets (~ here).
CREATE TEMP TABLE articles (lang text PRIMARY KEY, body text);
INSERT INTO articles VALUES
('fr', replace($b$Le ministre des Affaires étrangères Jean Martin a déclaré mardi que la France soutenait un cessez-le-feu à Gaza.
«~Nous voulons une solution politique~», a dit M. Martin à Paris.
Selon la porte-parole Claire Dubois, les sanctions contre la Russie resteront en vigueur.
«~Le dialogue reste ouvert~», a-t-elle ajouté.$b$, '~', chr(160))),
('es', $b$La ministra Ana López dijo el lunes que España apoya las negociaciones de paz.
«Queremos un acuerdo duradero», afirmó López en Madrid.
Según el portavoz Pedro Ruiz, las sanciones contra Rusia seguirán vigentes.
El presidente Luis Ortega ha dicho que la ayuda humanitaria llegará pronto.$b$),
('de', $b$Außenministerin Eva Richter sagte am Dienstag, dass Deutschland die Friedensgespräche unterstütze.
„Wir wollen eine politische Lösung“, sagte Richter in Berlin.
Laut Regierungssprecher Jonas Weber bleiben die Sanktionen gegen Russland in Kraft.
Bundeskanzler Paul Krüger erklärte, die humanitäre Hilfe komme bald.$b$),
('en', $b$Foreign Minister Ana Ruiz said on Tuesday that Peru supported the ceasefire.
"We want a political solution," Ruiz told reporters in Lima.$b$);

-- The guess: each article is taken for its own language.
SELECT lang, diplo_guess_language(body) AS guessed FROM articles ORDER BY lang;

-- No function words: English; a short sentence is enough for the others.
SELECT diplo_guess_language('') AS empty,
       diplo_guess_language('Paris, Berlin, Madrid') AS names,
       diplo_guess_language('Il a dit que la paix est possible.') AS short_fr,
       diplo_guess_language('Er sagte, dass die Gespräche weitergehen.') AS short_de,
       -- "que" and "la" are French and Spanish: the tie goes to ñ, ó, á
       diplo_guess_language('Ruiz señaló que la crisis continuará.') AS short_es;

-- English words that are also French, Spanish or German ones ("a", "am",
-- "hat", "die") and capitalised articles that are parts of names ("Le Pen",
-- "El Paso", "Der Spiegel") do not make an English text foreign.
SELECT diplo_guess_language('A group called Port Watch met a minister on a boat at 9 am.') AS a_am,
       diplo_guess_language('Le Pen spoke in El Paso; Der Spiegel and La Nación ran a story.') AS names,
       diplo_guess_language('Dogs die; a hat; a con; sus.') AS others;

-- Speakers with their role (canonical, in English) and quote count.
SELECT a.lang, s.name, s.role, s.type, s.quotes
FROM articles a, diplo_speaker_details(a.body, 'auto') s
WHERE a.lang <> 'en' ORDER BY a.lang, s.name;

-- Quotes: who, with which cue (the text's own word), direct or reported.
SELECT a.lang, q.speaker, q.cue, q.direct, q.content,
       substr(a.body, q.content_start, q.content_len) = q.content AS offsets_ok
FROM articles a, diplo_quotes(a.body, 'auto') q
WHERE a.lang <> 'en' ORDER BY a.lang, q.content_start;

-- Topics and countries, on the stored value.
SELECT lang, topics(v), countries(v)
FROM (SELECT lang, diplo_analyze(body, 'auto') AS v FROM articles) s
ORDER BY lang;

-- diplo_analyze(text) guesses the language: the same value as with 'auto'
-- and as with the language given.
SELECT lang,
       diplo_analyze(body)::text = diplo_analyze(body, 'auto')::text AS auto_same,
       diplo_analyze(body)::text = diplo_analyze(body, lang::diplo_language)::text AS given_same
FROM articles ORDER BY lang;

-- Read in the wrong language, most cues of the article are not found.
SELECT count(*) AS quotes_read_as_english
FROM articles a, diplo_quotes(a.body, 'en') q WHERE a.lang = 'de';
SELECT count(*) AS quotes_read_as_german
FROM articles a, diplo_quotes(a.body, 'de') q WHERE a.lang = 'de';

-- An English article is read the same way whether 'en' is given or guessed.
SELECT diplo_analyze(body, 'en')::text = diplo_analyze(body)::text AS en_same
FROM articles WHERE lang = 'en';

-- The common patterns, one sentence each: who said it, with which cue.
CREATE TEMP TABLE patterns (id int PRIMARY KEY, lang diplo_language, body text);
INSERT INTO patterns VALUES
(1, 'fr', $b$Jean Martin a déclaré que la frontière rouvrirait.$b$),
(2, 'fr', $b$La situation reste tendue, a déclaré Jean Martin.$b$),
(3, 'fr', $b$La situation reste tendue, selon Jean Martin.$b$),
(4, 'fr', $b$Le Quai d'Orsay a indiqué qu'il convoquerait l'ambassadeur.$b$),
(5, 'fr', $b$L'OTAN a affirmé que l'alliance restait unie.$b$),
(6, 'es', $b$La situación sigue tensa, dijo Ana López.$b$),
(7, 'es', $b$Ana López dijo: “Estamos listos”.$b$),
(8, 'es', $b$La Casa Blanca ha dicho que Estados Unidos apoya el acuerdo.$b$),
(9, 'de', $b$Die Lage bleibt angespannt, sagte Eva Richter.$b$),
(10, 'de', $b$Eva Richter sagte: „Wir sind bereit.“$b$),
(11, 'de', $b$»Wir sind bereit«, sagte Eva Richter.$b$),
(12, 'de', $b$Das Auswärtige Amt erklärte, die Botschaft bleibe geöffnet.$b$),
(13, 'es', $b$—Estamos listos para firmar —afirmó Ana López—. Viajaremos mañana.$b$),
(14, 'de', $b$Das Auswärtige Amt teilte am Montag mit, die Botschaft bleibe geschlossen.$b$);

SELECT p.id, p.lang, diplo_guess_language(p.body) AS guessed, q.speaker, q.cue,
       q.direct, q.content
FROM patterns p LEFT JOIN LATERAL diplo_quotes(p.body, p.lang) q ON true
ORDER BY p.id, q.content_start;

-- A bad language is a clean error.  (With two untyped literals the call is
-- ambiguous with diplo_analyze(diplo_config, text): one of them needs a type.)
SELECT diplo_analyze('x'::text, 'xx');
SELECT diplo_analyze('x'::text, NULL) IS NULL AS strict;
SELECT diplo_analyze('x', 'en');

-- A title or an organisation with an article reads the same whether the text
-- writes its noun in capitals or not ("ministre de la Défense", "de la défense").
SELECT v.spelling, s.name, s.role
FROM (VALUES ('capital', 'Le ministre de la Défense Jean Martin a déclaré que la frontière rouvrirait.'),
             ('lowercase', 'Le ministre de la défense Jean Martin a déclaré que la frontière rouvrirait.')) v(spelling, body),
     diplo_speaker_details(v.body, 'fr') s
ORDER BY 1;

-- An elision inside a name stays joined to it.
SELECT speaker, cue
FROM diplo_quotes($$Massimo D'Alema a déclaré que la frontière rouvrirait.$$::text, 'fr');

-- The stored value records the language the text was read in (flags of the
-- binary form, "language" in the text form when not English), so that the
-- terms that read a quote's content (word:, quote(topic:...)) read it as the
-- analyser did: French elisions split ("l'accord" has the word "accord"),
-- French topic keywords ("pandémie" is COVID-19).
CREATE TEMP TABLE dispatches (id int PRIMARY KEY, body text, v diplo_statement);
INSERT INTO dispatches (id, body) VALUES
(1, $b$Le ministre Jean Martin a déclaré jeudi : « La pandémie a frappé durement nos hôpitaux. »
« Nous signerons l'accord commercial en mai », a ajouté M. Martin.$b$),
(2, $b$Foreign Minister Ana Ruiz said the pandemic had hit hospitals hard.
"We will sign the trade accord in May," Ruiz added.$b$);
UPDATE dispatches SET v = diplo_analyze(body);
SELECT id, language(v), topics(v) FROM dispatches ORDER BY id;
SELECT id, q.speaker, q.content FROM dispatches, quotes(v) q ORDER BY id, q.content_start;
SELECT id,
       v @@ 'quote(topic:covid-19 & speaker:martin)' AS covid_quote_fr,
       v @@ 'quote(topic:covid-19 & speaker:ruiz)' AS covid_quote_en,
       v @@ 'quote(word:accord)' AS word_accord,
       v @@ 'quote(topic:"trade and investment" & word:mai)' AS trade_in_may
FROM dispatches ORDER BY id;
-- the GIN index gives the same rows as the sequential scan
CREATE INDEX dispatches_v ON dispatches USING gin (v);
SET enable_seqscan = off;
SELECT id FROM dispatches WHERE v @@ 'quote(topic:covid-19)' ORDER BY id;
SELECT id FROM dispatches WHERE v @@ 'quote(word:accord & cue:ajouté)' ORDER BY id;
RESET enable_seqscan;
DROP INDEX dispatches_v;
-- the matching words are marked in the French quote, elision apart
SELECT diplo_headline(body, 'word:accord | topic:covid-19') FROM dispatches WHERE id = 1;
-- text and binary forms keep the language; English is the default
SELECT substr(v::text, 1, 40) AS text_form, language(v::text::diplo_statement) AS back,
       encode(substr(diplo_statement_send(v), 1, 4), 'hex') AS binary_header
FROM dispatches ORDER BY id;
SELECT language('{"version": 1, "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement) AS absent,
       language('{"version": 1, "language": "de", "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement) AS german,
       (v::jsonb)->>'language' AS in_jsonb
FROM dispatches WHERE id = 1;
SELECT '{"version": 1, "language": "auto", "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement;
SELECT '{"version": 1, "language": "pt", "countries": [], "topics": [], "speakers": [], "quotes": []}'::diplo_statement;

-- "canciller" is a foreign minister (Latin America), but "el canciller
-- alemán" is the Chancellor of Germany or Austria.
SELECT s.name, s.role
FROM diplo_speaker_details($$El canciller alemán Olaf Scholz dijo que Alemania apoya el acuerdo. La canciller federal Angela Merkel dijo lo mismo. El canciller Marcelo Ebrard dijo que México firmará el acuerdo.$$::text, 'es') s
ORDER BY 1;

-- A day between the cue and the colon or the speaker ("a déclaré jeudi
-- soir : « ... »", "dijo el jueves: «...»", "a déclaré jeudi le ministre X"):
-- a direct quote without its marks, and its speaker.
SELECT v.lang, q.speaker, q.cue, q.direct, q.content
FROM (VALUES ('fr', 'Le ministre Jean Martin a déclaré jeudi soir : « Nous sommes prêts. »'),
             ('es', 'La ministra Ana López dijo el jueves: «Estamos listos.»'),
             ('fr', '« La pandémie a frappé nos hôpitaux », a déclaré jeudi le ministre Jean Martin.'),
             ('es', 'El canciller austríaco Karl Nehammer dijo que Austria firmará el acuerdo.')) v(lang, body),
     diplo_quotes(v.body::text, v.lang::diplo_language) q
ORDER BY 1, 4, 5;
SELECT name, role, country
FROM diplo_speaker_details('El canciller austríaco Karl Nehammer dijo que Austria firmará el acuerdo.'::text, 'es');

-- "teilte" is "announced" only with its particle closing the clause
-- ("teilte ... mit, ..."), not "shared" ("teilte die Sorge", "teilte mit
-- seinem Kollegen die Sorge").  Row 4 lacks its speaker: an organisation
-- between the inverted cue and its particle is not read yet (a name is).
SELECT v.id, q.speaker, q.cue, q.content
FROM (VALUES (1, 'Der Minister teilte die Sorge der Partner, dass die Lage ernst sei.'),
             (2, 'Der Minister teilte mit seinem Kollegen die Sorge, dass die Lage ernst sei.'),
             (3, 'Das Auswärtige Amt teilte mit, dass die Botschaft geschlossen bleibe.'),
             (4, '„Die Botschaft bleibt geschlossen“, teilte das Auswärtige Amt mit.')) v(id, body)
     LEFT JOIN LATERAL diplo_quotes(v.body::text, 'de') q ON true
ORDER BY 1;
