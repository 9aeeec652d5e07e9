/* diplo--0.1--0.2.sql: from diplo 0.1 to 0.2 (issue 8: operations and scale) */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION diplo UPDATE TO '0.2'" to load this file. \quit

--
-- Summaries of a stored analysis for aggregates and dashboards (0.2).
--

CREATE FUNCTION diplo_stats(diplo_statement,
	OUT speakers pg_catalog.int4,
	OUT persons pg_catalog.int4,
	OUT organizations pg_catalog.int4,
	OUT groups pg_catalog.int4,
	OUT quotes pg_catalog.int4,
	OUT direct_quotes pg_catalog.int4,
	OUT indirect_quotes pg_catalog.int4,
	OUT mixed_quotes pg_catalog.int4,
	OUT attributed_quotes pg_catalog.int4,
	OUT countries pg_catalog.int4,
	OUT topics pg_catalog.int4,
	OUT event pg_catalog.text)
RETURNS pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_statement_stats'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplo_stats(diplo_statement) IS
	'counts of a stored analysis for aggregates: speakers (persons, organizations, groups), quotes (direct, indirect, mixed, attributed), countries, topics, and the event';

CREATE FUNCTION diplo_facets(diplo_statement,
	OUT facet pg_catalog.text,
	OUT value pg_catalog.text,
	OUT quotes pg_catalog.int4)
RETURNS SETOF pg_catalog.record
AS 'MODULE_PATHNAME', 'diplo_statement_facets'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

COMMENT ON FUNCTION diplo_facets(diplo_statement) IS
	'one row per distinct speaker, role, org, country, topic, event and cue of a stored analysis, with the number of its quotes carrying that value (NULL for topic and event)';

--
-- Backfill of an existing table (0.2).
--
-- CALL diplo_backfill('articles', 'body', 'analysis') fills the
-- diplo_statement column analysis with diplo_analyze(body) where it is
-- NULL, batch by batch in key order, committing after each batch: an
-- interrupted run loses at most one batch and a new CALL goes on from
-- there.  It runs with the caller's rights and the caller's search_path
-- (a SET clause would forbid COMMIT, and the table's triggers may rely on
-- it), so it names every function and operator with its schema (GREATEST
-- is syntax, not a function), the key's order operators included.
--

CREATE PROCEDURE diplo_backfill(
	tbl pg_catalog.regclass,
	source_column pg_catalog.name,
	target_column pg_catalog.name,
	batch_size pg_catalog.int4 DEFAULT 1000,
	key_column pg_catalog.name DEFAULT NULL,
	progress pg_catalog.bool DEFAULT true)
LANGUAGE plpgsql
AS $$
DECLARE
	key_typid pg_catalog.oid;
	key_type pg_catalog.text;
	op_gt pg_catalog.text;
	op_le pg_catalog.text;
	source_type pg_catalog.regtype;
	target_type pg_catalog.regtype;
	target_generated pg_catalog.bool;
	null_keys pg_catalog.int8;
	tbl_oid pg_catalog.oid := tbl;
	todo pg_catalog.int8;
	done pg_catalog.int8 := 0;
	batches pg_catalog.int4 := 0;
	n pg_catalog.int8;
	last_key pg_catalog.text := NULL;
	hi_key pg_catalog.text;
	started pg_catalog.timestamptz := pg_catalog.clock_timestamp();
	elapsed pg_catalog.float8;
	rate pg_catalog.float8;
	left_s pg_catalog.float8;
	select_first pg_catalog.text;
	select_next pg_catalog.text;
	update_sql pg_catalog.text;
BEGIN
	IF tbl IS NULL OR source_column IS NULL OR target_column IS NULL THEN
		RAISE EXCEPTION 'diplo_backfill: table, source column and target column must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF batch_size IS NULL OR batch_size OPERATOR(pg_catalog.<) 1 THEN
		RAISE EXCEPTION 'diplo_backfill: batch_size must be at least 1'
			USING ERRCODE = 'invalid_parameter_value';
	END IF;

	-- The key: the given column, or the table's one-column primary key.
	IF key_column IS NULL THEN
		SELECT a.attname INTO key_column
		FROM pg_catalog.pg_index i
		JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid AND a.attnum OPERATOR(pg_catalog.=) i.indkey[0]
		WHERE i.indrelid OPERATOR(pg_catalog.=) tbl_oid AND i.indisprimary AND i.indnatts OPERATOR(pg_catalog.=) 1;
		IF key_column IS NULL THEN
			RAISE EXCEPTION 'diplo_backfill: table % has no one-column primary key', tbl
				USING ERRCODE = 'invalid_parameter_value',
					HINT = 'Name a unique, indexed column with key_column.';
		END IF;
	END IF;
	SELECT a.atttypid INTO key_typid
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) tbl_oid AND a.attname OPERATOR(pg_catalog.=) key_column AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	SELECT a.atttypid::pg_catalog.regtype INTO source_type
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) tbl_oid AND a.attname OPERATOR(pg_catalog.=) source_column AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	SELECT a.atttypid::pg_catalog.regtype, a.attgenerated OPERATOR(pg_catalog.<>) ''
	INTO target_type, target_generated
	FROM pg_catalog.pg_attribute a
	WHERE a.attrelid OPERATOR(pg_catalog.=) tbl_oid AND a.attname OPERATOR(pg_catalog.=) target_column AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
	IF key_typid IS NULL OR source_type IS NULL OR target_type IS NULL THEN
		RAISE EXCEPTION 'diplo_backfill: table % has no column %',
			tbl, CASE WHEN key_typid IS NULL THEN key_column
					  WHEN source_type IS NULL THEN source_column
					  ELSE target_column END
			USING ERRCODE = 'undefined_column';
	END IF;
	IF target_generated THEN
		RAISE EXCEPTION 'diplo_backfill: column % of % is a generated column', target_column, tbl
			USING ERRCODE = 'wrong_object_type',
				HINT = 'A generated column is computed by PostgreSQL; backfill a plain diplo_statement column.';
	END IF;
	IF target_type OPERATOR(pg_catalog.<>) '@extschema@.diplo_statement'::pg_catalog.regtype THEN
		RAISE EXCEPTION 'diplo_backfill: column % of % is of type %, not diplo_statement',
			target_column, tbl, target_type
			USING ERRCODE = 'datatype_mismatch';
	END IF;

	-- The key's order: the operators > and <= of the default btree operator
	-- class of its type (or of the type it is binary-coercible to, such as
	-- text for varchar), named with their schemas, as is the type.
	SELECT pg_catalog.format('%I.%I', tn.nspname, t.typname),
		(SELECT pg_catalog.format('OPERATOR(%I.%s)', n.nspname, o.oprname)
		 FROM pg_catalog.pg_amop ao
		 JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) ao.amopopr
		 JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.oprnamespace
		 WHERE ao.amopfamily OPERATOR(pg_catalog.=) c.opcfamily AND ao.amoplefttype OPERATOR(pg_catalog.=) c.opcintype
		   AND ao.amoprighttype OPERATOR(pg_catalog.=) c.opcintype AND ao.amopstrategy OPERATOR(pg_catalog.=) 5),
		(SELECT pg_catalog.format('OPERATOR(%I.%s)', n.nspname, o.oprname)
		 FROM pg_catalog.pg_amop ao
		 JOIN pg_catalog.pg_operator o ON o.oid OPERATOR(pg_catalog.=) ao.amopopr
		 JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.oprnamespace
		 WHERE ao.amopfamily OPERATOR(pg_catalog.=) c.opcfamily AND ao.amoplefttype OPERATOR(pg_catalog.=) c.opcintype
		   AND ao.amoprighttype OPERATOR(pg_catalog.=) c.opcintype AND ao.amopstrategy OPERATOR(pg_catalog.=) 2)
	INTO key_type, op_gt, op_le
	FROM pg_catalog.pg_opclass c
	JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) c.opcmethod
	JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) c.opcintype
	JOIN pg_catalog.pg_namespace tn ON tn.oid OPERATOR(pg_catalog.=) t.typnamespace
	WHERE am.amname OPERATOR(pg_catalog.=) 'btree' AND c.opcdefault
	  AND (c.opcintype OPERATOR(pg_catalog.=) key_typid
		   OR c.opcintype OPERATOR(pg_catalog.=) (SELECT k.typbasetype FROM pg_catalog.pg_type k WHERE k.oid OPERATOR(pg_catalog.=) key_typid)
		   OR EXISTS (SELECT FROM pg_catalog.pg_cast ca
					  WHERE ca.castsource OPERATOR(pg_catalog.=) key_typid AND ca.casttarget OPERATOR(pg_catalog.=) c.opcintype
						AND ca.castmethod OPERATOR(pg_catalog.=) 'b'))
	ORDER BY c.opcintype OPERATOR(pg_catalog.=) key_typid DESC, c.oid
	LIMIT 1;
	IF op_gt IS NULL OR op_le IS NULL THEN
		RAISE EXCEPTION 'diplo_backfill: the key column % of % has no btree order', key_column, tbl
			USING ERRCODE = 'undefined_function',
				HINT = 'Name a column of an ordered type (integer, text, uuid, timestamp...) with key_column.';
	END IF;

	-- The batches: the next batch_size keys after the last one still to fill,
	-- then an UPDATE of that key range.
	select_first := pg_catalog.format(
		'SELECT (pg_catalog.array_agg(k ORDER BY k DESC))[1]::pg_catalog.text, pg_catalog.count(*) FROM (SELECT %1$I AS k FROM %2$s '
		'WHERE %1$I IS NOT NULL AND %3$I IS NULL AND %4$I IS NOT NULL ORDER BY %1$I LIMIT $1) b',
		key_column, tbl, target_column, source_column);
	select_next := pg_catalog.format(
		'SELECT (pg_catalog.array_agg(k ORDER BY k DESC))[1]::pg_catalog.text, pg_catalog.count(*) FROM (SELECT %1$I AS k FROM %2$s '
		'WHERE %1$I::%5$s %6$s $2::%5$s AND %3$I IS NULL AND %4$I IS NOT NULL ORDER BY %1$I LIMIT $1) b',
		key_column, tbl, target_column, source_column, key_type, op_gt);
	update_sql := pg_catalog.format(
		'UPDATE %2$s SET %3$I = @extschema@.diplo_analyze(%4$I::pg_catalog.text) '
		'WHERE %1$I::%5$s %7$s $2::%5$s AND ($1::%5$s IS NULL OR %1$I::%5$s %6$s $1::%5$s) '
		'AND %3$I IS NULL AND %4$I IS NOT NULL',
		key_column, tbl, target_column, source_column, key_type, op_gt, op_le);

	EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s WHERE %I IS NOT NULL AND %I IS NULL AND %I IS NOT NULL',
							  tbl, key_column, target_column, source_column) INTO todo;
	IF progress THEN
		RAISE NOTICE 'diplo_backfill: % rows of % to fill, by batches of %', todo, tbl, batch_size;
	END IF;
	-- Rows whose key is NULL are in no key range: say so.
	EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s WHERE %I IS NULL AND %I IS NULL AND %I IS NOT NULL',
							  tbl, key_column, target_column, source_column) INTO null_keys;
	IF null_keys OPERATOR(pg_catalog.>) 0 THEN
		RAISE WARNING 'diplo_backfill: % rows of % have a NULL %, they are skipped', null_keys, tbl, key_column;
	END IF;

	LOOP
		IF last_key IS NULL THEN
			EXECUTE select_first INTO hi_key, n USING batch_size;
		ELSE
			EXECUTE select_next INTO hi_key, n USING batch_size, last_key;
		END IF;
		EXIT WHEN n OPERATOR(pg_catalog.=) 0;
		EXECUTE update_sql USING last_key, hi_key;
		GET DIAGNOSTICS n = ROW_COUNT;
		COMMIT;
		done := done OPERATOR(pg_catalog.+) n;
		batches := batches OPERATOR(pg_catalog.+) 1;
		last_key := hi_key;
		IF progress THEN
			elapsed := pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) started);
			rate := done::pg_catalog.float8 OPERATOR(pg_catalog./) GREATEST(elapsed, 0.001::pg_catalog.float8);
			left_s := GREATEST(todo OPERATOR(pg_catalog.-) done, 0)::pg_catalog.float8 OPERATOR(pg_catalog./) GREATEST(rate, 0.001::pg_catalog.float8);
			RAISE NOTICE 'diplo_backfill: % of % rows (%), % rows/s, % left',
				done, todo, pg_catalog.round(100.0 OPERATOR(pg_catalog.*) done::pg_catalog.numeric OPERATOR(pg_catalog./) GREATEST(todo, 1)::pg_catalog.numeric, 1)::pg_catalog.text OPERATOR(pg_catalog.||) '%',
				pg_catalog.round(rate::pg_catalog.numeric),
				pg_catalog.justify_interval(pg_catalog.make_interval(secs => pg_catalog.round(left_s::pg_catalog.numeric)::pg_catalog.float8));
		ELSE
			RAISE NOTICE 'diplo_backfill: batch %: % rows, % of % done', batches, n, done, todo;
		END IF;
	END LOOP;

	IF progress THEN
		elapsed := pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() OPERATOR(pg_catalog.-) started);
		RAISE NOTICE 'diplo_backfill: done, % rows in % batches, % s (% rows/s)',
			done, batches, pg_catalog.round(elapsed::pg_catalog.numeric, 1),
			pg_catalog.round((done::pg_catalog.float8 OPERATOR(pg_catalog./) GREATEST(elapsed, 0.001::pg_catalog.float8))::pg_catalog.numeric);
	ELSE
		RAISE NOTICE 'diplo_backfill: done, % rows in % batches', done, batches;
	END IF;
END
$$;

COMMENT ON PROCEDURE diplo_backfill(pg_catalog.regclass, pg_catalog.name, pg_catalog.name,
	pg_catalog.int4, pg_catalog.name, pg_catalog.bool) IS
	'fill a diplo_statement column with diplo_analyze(source) where it is NULL, in key-ordered batches committed one by one (resumable), with NOTICEs of progress: rows done, rows/s, time left';
