--
-- Large text: a 50 MB article is analysed in bounded memory and finishes;
-- statement_timeout (and so query cancel) stops a long analysis early.
--
-- This test needs a UTF8 database (curly quote marks, names beyond
-- Latin-1): elsewhere it stops here (the pg_trgm idiom).
SELECT pg_catalog.getdatabaseencoding() <> 'UTF8' AS skip_test \gset
\if :skip_test
\quit
\endif

-- About 50 MB of report paragraphs, each with a quote.
CREATE TEMP TABLE big AS
SELECT repeat(E'The delegates met again on Tuesday and discussed trade, energy and the '
              'border crossing at length, according to officials who attended the talks. '
              'The next round is due in the spring, after the elections in both countries. '
              '"We are making progress," the envoy said after the meeting.\n\n', 190000) AS body;
SELECT octet_length(body) > 50000000 AS over_50_mb FROM big;

-- The analysis finishes; quotes are found to the very end of the text.
SELECT count(*) > 0 AS found_quotes, max(content_start) > 49000000 AS reached_the_end
FROM big, diplo_quotes(body);

-- A tenth of it as one line without a break (cut into windows inside the
-- analyser), analysed once and read through the stored value.
CREATE TEMP TABLE big_line AS
SELECT diplo_analyze(replace(left(body, 5000000), E'\n', ' ')) AS a FROM big;
SELECT (SELECT count(*) > 0 FROM quotes(a)) AS found_quotes,
       (SELECT max(content_start) > 4900000 FROM quotes(a)) AS reached_the_end,
       octet_length(diplo_statement_send(a)) > 0 AS encoded
FROM big_line;

-- Degenerate 50 MB texts: one word, only opening marks, only line breaks.
SELECT count(*) >= 0 AS finished FROM diplo_quotes(repeat('x', 50000000));
SELECT count(*) >= 0 AS finished FROM diplo_quotes(repeat('“', 17000000));
SELECT count(*) >= 0 AS finished FROM diplo_quotes(repeat(E'\n', 50000000));
-- and 50 MB of nothing but cues and quote marks (3.3 million real quotes)
SELECT count(*) >= 0 AS finished FROM diplo_quotes(repeat('He said ', 6500000));
SELECT count(*) > 3000000 AS found_quotes
FROM diplo_quotes(repeat('"Yes," he said. ', 3300000));

-- The backend's peak memory stayed bounded through all of the above (Linux:
-- the high-water mark of this process's resident set, in kB).
SELECT (substring(pg_catalog.pg_read_file('/proc/self/status')
                  FROM 'VmHWM:\s*([0-9]+)'))::bigint < 1024 * 1024 AS peak_under_1_gb;

-- statement_timeout interrupts a single analysis that would run much longer:
-- the error comes from inside the analyser, long before it could finish.
CREATE FUNCTION pg_temp.time_to_cancel(body text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	started timestamptz := clock_timestamp();
BEGIN
	PERFORM diplo_analyze(body);
	RETURN 'finished after ' || (clock_timestamp() - started);
EXCEPTION WHEN query_canceled THEN
	RETURN CASE WHEN clock_timestamp() - started < interval '5 s'
				THEN 'canceled in time' ELSE 'canceled too late' END;
END $$;
SET statement_timeout = '1s';
SELECT pg_temp.time_to_cancel(repeat(body, 4)) FROM big;
RESET statement_timeout;
-- and without a handler, it is the usual error
SET statement_timeout = '1s';
SELECT count(*) FROM big, diplo_quotes(repeat(body, 4));
RESET statement_timeout;
