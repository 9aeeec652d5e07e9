--
-- Robustness of the SQL functions on awkward text: NULL, empty, no quotes,
-- unbalanced, nested, curly, straight and ''...'' quote marks, odd
-- characters, random text.  What is checked holds for any correct
-- analyser (which quotes it finds is tested in analyze*.sql).
--

-- NULL in, NULL out (every function is STRICT).
SELECT diplo_analyze(NULL) IS NULL AS analyze_null,
       diplo_speakers(NULL) IS NULL AS speakers_null,
       diplo_topics(NULL) IS NULL AS topics_null,
       (SELECT count(*) FROM diplo_quotes(NULL)) AS quotes_null,
       speakers(NULL) IS NULL AS speakers_stored_null,
       topics(NULL) IS NULL AS topics_stored_null,
       countries(NULL) IS NULL AS countries_null,
       event(NULL) IS NULL AS event_null,
       (SELECT count(*) FROM quotes(NULL)) AS quotes_stored_null,
       (NULL::diplo_statement)::jsonb IS NULL AS jsonb_null,
       diplo_statement_send(NULL) IS NULL AS send_null;

-- Empty text gives an empty analysis, not NULL.
SELECT diplo_analyze('');
SELECT diplo_speakers(''), diplo_topics('');
SELECT count(*) FROM diplo_quotes('');
SELECT speakers(diplo_analyze('')), topics(diplo_analyze('')),
       countries(diplo_analyze('')), event(diplo_analyze('')) IS NULL AS no_event;
SELECT count(*) FROM quotes(diplo_analyze(''));
SELECT diplo_analyze('')::jsonb;
-- white space only is empty too
SELECT diplo_analyze(E' \n\t\r\n  ')::text = diplo_analyze('')::text AS blank_is_empty;

-- Text that reports nothing said has no quotes.
SELECT count(*) FROM diplo_quotes('The weather was mild in the capital on Tuesday. Trains ran on time.');
SELECT count(*) FROM diplo_quotes(E'Heavy rain fell on the coast.\n\nThe harbour stayed closed until noon.');

-- check_article(t): every property that must hold for any text.
CREATE FUNCTION pg_temp.check_article(t text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	st diplo_statement := diplo_analyze(t);
	problems text[] := '{}';
BEGIN
	IF st IS NULL THEN
		RETURN 'NULL analysis';
	END IF;
	-- the offsets select exactly the content in the article
	IF EXISTS (SELECT FROM diplo_quotes(t) q
			   WHERE q.content IS NULL OR q.content_start IS NULL OR q.content_len IS NULL
				  OR q.content_start < 1 OR q.content_len < 0
				  OR q.content_start + q.content_len - 1 > length(t)
				  OR substr(t, q.content_start, q.content_len) IS DISTINCT FROM q.content) THEN
		problems := problems || 'offsets'::text;
	END IF;
	-- the text functions agree with the accessors of the stored analysis
	IF diplo_speakers(t) IS DISTINCT FROM speakers(st) THEN
		problems := problems || 'speakers'::text;
	END IF;
	IF diplo_topics(t) IS DISTINCT FROM topics(st) THEN
		problems := problems || 'topics'::text;
	END IF;
	IF EXISTS ((SELECT * FROM diplo_quotes(t) EXCEPT ALL SELECT * FROM quotes(st))
			   UNION ALL
			   (SELECT * FROM quotes(st) EXCEPT ALL SELECT * FROM diplo_quotes(t))) THEN
		problems := problems || 'quotes'::text;
	END IF;
	-- speakers are distinct, and every quoted speaker is one of them
	IF (SELECT count(DISTINCT s) FROM unnest(speakers(st)) s) <> cardinality(speakers(st)) THEN
		problems := problems || 'duplicate speakers'::text;
	END IF;
	IF EXISTS (SELECT FROM quotes(st) q WHERE q.speaker IS NOT NULL
			   AND NOT q.speaker = ANY (speakers(st))) THEN
		problems := problems || 'unknown speaker'::text;
	END IF;
	-- direct agrees with kind
	IF EXISTS (SELECT FROM quotes(st) q
			   WHERE q.kind NOT IN ('direct', 'indirect', 'mixed')
				  OR q.direct <> (q.kind = 'direct')) THEN
		problems := problems || 'kind'::text;
	END IF;
	-- the value survives text and jsonb output and input
	IF st::text::diplo_statement::text <> st::text
	   OR (st::jsonb)::text::diplo_statement::text <> st::text THEN
		problems := problems || 'round trip'::text;
	END IF;
	-- the analysis is a function of the text alone
	IF diplo_analyze(t)::text <> st::text THEN
		problems := problems || 'not deterministic'::text;
	END IF;
	IF cardinality(problems) = 0 THEN
		RETURN 'ok';
	END IF;
	RETURN array_to_string(problems, ', ');
END $$;

CREATE TEMP TABLE awkward (n serial, what text, body text);
INSERT INTO awkward (what, body) VALUES
('no quotes', 'The delegations met in Geneva and will meet again in May.'),
('straight', 'He said "we will talk again" on Monday.'),
('straight, speaker first', 'The envoy said: "Our door remains open."'),
('curly', '“We welcome the talks,” the minister said.'),
('curly, split', '“The talks were useful,” she said, “and they will go on.”'),
('two single quotes', '''''We stand with our allies,'''' the spokesman said.'),
('single curly', 'The minister said the plan was ‘a good start’ for both sides.'),
('guillemets', 'Le ministre a déclaré: «Nous sommes prêts».'),
('nested straight', 'She said "he told me ''never again'' twice" yesterday.'),
('nested curly', '“I was told ‘wait’ and we waited,” the envoy said.'),
('nested same marks', 'He said "she said "no" to it" again.'),
('unbalanced open straight', 'The envoy said "we are ready and then left the room.'),
('unbalanced open curly', 'The envoy said “we are ready and then left the room.'),
('unbalanced close curly', 'The envoy said we are ready” and then left the room.'),
('close before open', 'They said ” the deal “ was off.'),
('odd number of marks', '"One," he said, "two," she said, "three.'),
('marks only', '"""""'),
('curly marks only', '“”“”””““'),
('two single quotes only', ''''''''''''),
('empty quote', 'He said "" and left.'),
('apostrophes', 'The minister''s aides said it wasn''t the ministry''s plan.'),
('quote across lines', E'The minister said "we will\ncontinue the talks" on Friday.'),
('quote across paragraphs', E'"The first part,\n\nand the second," she said.'),
('quote at the very end', 'He said "'),
('quote at the very start', '"'),
('multibyte before quote', 'Σήμερα ο υπουργός είπε: “Θα συνεχίσουμε.” 和平 🕊 "Peace," he said.'),
('combining marks', 'The envoy of Côte d’Ivoire said “très bien” to José.'),
('control characters', E'He said\x01 "\x02yes\x03" \x7f then left.'),
('no spaces', repeat('"a"', 50)),
('long word', 'He said "' || repeat('x', 100000) || '" and left.'),
('many short lines', repeat(E'"Yes," he said.\n', 200)),
('many paragraphs of reports', repeat(E'The minister said the talks were useful and would continue.\n\n', 100)),
('CRLF', E'"We agree,"\r\nthe minister said.\r\n'),
('pronoun only', '"We will be back," she said.'),
('role noun', '"The path is clear," Paris''s top diplomat said.');

SELECT n, what, pg_temp.check_article(body) AS result FROM awkward ORDER BY n;

-- Random text from an alphabet of risky characters: the same properties.
-- (An array of characters, not a string, so that SQL_ASCII, where substr
-- counts bytes, draws the same valid UTF-8 texts as other databases.)
SELECT setseed(0.42);
CREATE TEMP TABLE random_text AS
SELECT g AS n,
       (SELECT string_agg(alphabet[1 + floor(random() * cardinality(alphabet))::int], '' ORDER BY i)
        FROM generate_series(1, 1 + (g * 37) % 300) i) AS body
FROM generate_series(1, 200) g,
     (VALUES (ARRAY['"', '“', '”', '‘', '’', '''', '«', '»', ' ', '.', ',', ';', ':', '!', '?',
                   E'\n', E'\n', 'a', 'A', ' ', 's', 'a', 'i', 'd', ' ', 't', 'h', 'e', ' ',
                   'm', 'i', 'n', 'i', 's', 't', 'e', 'r', ' ', 'h', 'e', ' ', 's', 'h', 'e',
                   ' ', 'M', 'r', '.', ' ', 'U', '.', 'S', '.', ' ', 't', 'o', 'l', 'd', '''',
                   's', ' ', 'é', '和', '🕊', '-'])) a(alphabet);
SELECT count(DISTINCT body) AS distinct_texts FROM random_text;
SELECT pg_temp.check_article(body) AS result, count(*)
FROM random_text GROUP BY 1 ORDER BY 1;

-- Random sentences built from words of reports.
CREATE TEMP TABLE random_words AS
SELECT g AS n,
       (SELECT string_agg(w[1 + floor(random() * cardinality(w))::int], ' ' ORDER BY i)
        FROM generate_series(1, 5 + (g * 13) % 120) i) AS body
FROM generate_series(1, 200) g,
     (VALUES (ARRAY['"We', 'agree,"', 'said', 'the', 'Foreign', 'Minister', 'Ana', 'Ruiz', '.',
                    'told', 'her', 'counterpart', '“the', 'talks”', 'she', 'he', 'added', 'that',
                    E'\n', 'urged', 'Spain', 'Chile’s', 'ministry', 'statement', '''''', '“', '”',
                    'trade', 'COVID-19', 'peace', 'according', 'to', 'spokesman', '"', 'on', 'Tuesday.'])) a(w);
SELECT count(DISTINCT body) AS distinct_texts FROM random_words;
SELECT pg_temp.check_article(body) AS result, count(*)
FROM random_words GROUP BY 1 ORDER BY 1;

-- Stored values in a table with a generated column, as users will store them.
CREATE TEMP TABLE articles (id int PRIMARY KEY, body text,
	analysis diplo_statement GENERATED ALWAYS AS (diplo_analyze(body)) STORED);
INSERT INTO articles (id, body) SELECT n, body FROM awkward;
SELECT count(*) FILTER (WHERE analysis IS NULL) AS null_analyses,
       count(*) FILTER (WHERE analysis::text = diplo_analyze(body)::text) AS same_analyses
FROM articles;
UPDATE articles SET body = body || ' "And one more," he said.' WHERE id <= 3;
SELECT count(*) FROM articles WHERE analysis::text <> diplo_analyze(body)::text;
SELECT count(*) FILTER (WHERE substr(a.body, q.content_start, q.content_len) = q.content)
       = count(*) AS offsets_ok
FROM articles a, quotes(a.analysis) q;
