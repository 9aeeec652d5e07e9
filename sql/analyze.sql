--
-- The analyser on articles written for this test, with the difficulties of
-- real diplomatic news: titles and names, spelling variants, a relayed
-- statement ("the FO said the minister stressed ..."), a quote mark the wrong
-- way round, a transposed acronym ("the OF"), a role standing for a person
-- ("Santiago's top diplomat"), a tweet as a channel, pronouns, mixed quotes,
-- and quote styles: curly, straight, ''...'', colon, interrupted, and a
-- quote that spans two paragraphs.
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif
SET client_encoding = 'UTF8';

CREATE TEMP TABLE sample_articles (id int PRIMARY KEY, body text);
INSERT INTO sample_articles VALUES
(1, $body$Norwegian Foreign Minister Ingrid M. Halvorsen and Chilean Foreign Minister Tomás Aravena. Halvorsen tells Aravena of Norway’s interest in a long-term partnership with Chile. Aravena says he had a call to underline Chile’s wish for closer fisheries cooperation.

Foreign Minister Ingrid Halvorsen told her Chilean counterpart that there was “broad agreement” between Oslo and Santiago on the “need for a negotiated end to the fisheries dispute”.

The Foreign Ministry spokesman said Halvorsen made the remarks during a phone call with Chilean Foreign Minister Tomás Aravena. He said the two ministers discussed bilateral relations and climate change.

On the fisheries dispute, the Minister of Foreign Affairs underlined Norway’s readiness to share catch data with Chile, “said the FO.

“Regarding the Arctic, the Minister of Foreign Affairs stressed that Norway wanted a fair settlement for all coastal states,” the OF said.

During the conversation, the FO said the top Norwegian diplomat highlighted the steps Oslo is taking to “support the Antarctic research programme.”

The FO also said that Halvorsen urged the Chilean minister that it was “essential for both parties to return to the talks “.

Santiago’s top diplomat also tweeted about the conversation.

“Norwegian Foreign Minister Ingrid Halvorsen and I had a productive call on trade and investment,” the tweet said.

Aravena said he looked forward to Norway’s continued support “on climate change, COVID-19 vaccines and regional stability.”$body$),
(2, $body$Spain and Sweden resume fisheries talks

“We are ready to talk,” Foreign Minister Ana Ruiz of Spain said on Monday. Ruiz added: “The door remains open.”

“Nobody wants a trade war,” she said, “but we will defend our farmers.”

The Swedish Prime Minister, Jonas Berg, said the talks would resume next week in Madrid.

''We have made real progress,'' Berg told reporters.

"The sanctions will stay in place until the vessels are released," the Swedish foreign ministry said in a statement.

According to the Spanish government, the quotas for 2027 will be set in March.

"This is the first paragraph of a long statement by the minister.

"And this is its second paragraph," Ruiz said.$body$);

-- Speakers, with role, organisation, country and type.
SELECT a.id, s.*
FROM sample_articles a, diplo_speaker_details(a.body) s
ORDER BY a.id;

SELECT id, diplo_speakers(body) FROM sample_articles ORDER BY id;

-- Every quote: who, the cue, direct/indirect/mixed, the relay and addressee.
SELECT a.id, q.speaker, q.cue, q.kind, q.channel, q.addressee,
       q.content_start, q.content_len, left(q.content, 70) AS content
FROM sample_articles a, diplo_quotes(a.body) q
ORDER BY a.id, q.content_start, q.content_len DESC;

-- Offsets always point at the content, in characters.
SELECT count(*) AS quotes,
       count(*) FILTER (WHERE substr(a.body, q.content_start, q.content_len) = q.content) AS exact
FROM sample_articles a, diplo_quotes(a.body) q;

-- Topics, countries and the event.
SELECT id, diplo_topics(body) AS topics,
       countries(diplo_analyze(body)) AS countries,
       event(diplo_analyze(body)) AS event
FROM sample_articles ORDER BY id;

-- The stored value gives the same answers without analysing again.
CREATE TEMP TABLE sample_stored AS
SELECT id, diplo_analyze(body) AS st FROM sample_articles;
SELECT count(*) AS differing_quotes FROM (
  (SELECT a.id, q.* FROM sample_articles a, diplo_quotes(a.body) q
   EXCEPT ALL
   SELECT s.id, q.* FROM sample_stored s, quotes(s.st) q)
  UNION ALL
  (SELECT s.id, q.* FROM sample_stored s, quotes(s.st) q
   EXCEPT ALL
   SELECT a.id, q.* FROM sample_articles a, diplo_quotes(a.body) q)) d;
SELECT bool_and(speakers(s.st) = diplo_speakers(a.body)) AS same_speakers,
       bool_and(topics(s.st) = diplo_topics(a.body)) AS same_topics
FROM sample_stored s JOIN sample_articles a USING (id);
