--
-- No growth per row: analysing many rows in one query keeps the backend's
-- memory flat (every call allocates in a scratch context it deletes).  The
-- peak resident set of this backend (VmHWM, Linux) may not grow by more
-- than 6 MB over 20,000 rows of each function, after a warm-up; a leak of
-- one kilobyte a row, as diplo_quotes had, grows it by 18 MB.
-- (test/README.md has the figures for 200,000 rows.)
--
-- JIT would map the LLVM library (tens of MB) into the process on the
-- large queries: it is not diplo's memory.
SET jit = off;

CREATE FUNCTION pg_temp.hwm_kb() RETURNS bigint
LANGUAGE sql AS $$
SELECT substring(pg_catalog.pg_read_file('/proc/self/status') FROM 'VmHWM:\s*([0-9]+)')::bigint
$$;

-- A different short article per row.
CREATE FUNCTION pg_temp.art(g int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT format('Foreign Minister Ana Ruiz%s of Spain spoke by phone with her Chilean counterpart on Monday. '
              'They discussed trade and investment. "We are ready to sign %s," Ruiz told reporters. '
              'The ministry said the minister stressed that talks would go on.', g % 97, g)
$$;

-- each(n): every function over n rows, one query each; returns the rows seen.
CREATE FUNCTION pg_temp.each(n int) RETURNS TABLE (what text, result bigint)
LANGUAGE plpgsql AS $$
BEGIN
	what := 'diplo_quotes'; SELECT count(*) INTO result
		FROM generate_series(1, n) g, LATERAL diplo_quotes(pg_temp.art(g)) q; RETURN NEXT;
	what := 'diplo_analyze::text'; SELECT count(length(diplo_analyze(pg_temp.art(g))::text)) INTO result
		FROM generate_series(1, n) g; RETURN NEXT;
	what := 'quotes(stored)'; SELECT count(*) INTO result
		FROM generate_series(1, n) g, LATERAL quotes(diplo_analyze(pg_temp.art(g))) q; RETURN NEXT;
	what := 'diplo_speaker_details'; SELECT count(*) INTO result
		FROM generate_series(1, n) g, LATERAL diplo_speaker_details(pg_temp.art(g)) s; RETURN NEXT;
	what := 'diplo_speakers, diplo_topics'; SELECT count(cardinality(diplo_speakers(pg_temp.art(g)))
		+ cardinality(diplo_topics(pg_temp.art(g)))) INTO result
		FROM generate_series(1, n) g; RETURN NEXT;
	what := '@@'; SELECT count(*) INTO result
		FROM generate_series(1, n) g
		WHERE diplo_analyze(pg_temp.art(g)) @@ 'speaker:ruiz & word:sign'::diplo_query; RETURN NEXT;
	what := 'diplo_headline'; SELECT count(diplo_headline(pg_temp.art(g), 'word:sign'::diplo_query)) INTO result
		FROM generate_series(1, n) g; RETURN NEXT;
	what := 'jsonb'; SELECT count(diplo_analyze(pg_temp.art(g))::jsonb) INTO result
		FROM generate_series(1, n) g; RETURN NEXT;
	what := 'diplo_stats'; SELECT sum(s.quotes) INTO result
		FROM generate_series(1, n) g, LATERAL diplo_stats(diplo_analyze(pg_temp.art(g))) s; RETURN NEXT;
	what := 'diplo_facets'; SELECT count(*) INTO result
		FROM generate_series(1, n) g, LATERAL diplo_facets(diplo_analyze(pg_temp.art(g))) f; RETURN NEXT;
END $$;

-- warm-up: caches, code pages, the contexts' free lists
SELECT * FROM pg_temp.each(1000);
SELECT pg_temp.hwm_kb() AS warm_kb \gset
SELECT * FROM pg_temp.each(20000);
SELECT pg_temp.hwm_kb() - :warm_kb < 6 * 1024 AS peak_growth_under_6_mb;
