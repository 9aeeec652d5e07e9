#!/bin/sh
# backfill.sh: the backfill procedure of the README on a large existing
# table: articles(id, body, published) of N rows (default 200000) built
# from the articles of ../shared/corpora (repeated), a diplo_statement
# column added, CALL diplo_backfill(...) interrupted once (pg_cancel_backend
# from another session after INTERRUPT_AFTER seconds, default 20), resumed,
# then CREATE INDEX CONCURRENTLY.  Prints the progress NOTICEs, rows/s and
# the times.  Not a test: it prints figures.  Skips without ../shared.
#
#	make install DESTDIR=$PWD/debian/pkg
#	pg_virtualenv -t -p pkg test/bench/backfill.sh [N]
#
# Needs psql connected to a database where CREATE EXTENSION diplo works.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpora="$root/../shared/corpora"
n=${1:-200000}
batch=${BATCH_SIZE:-2000}
interrupt_after=${INTERRUPT_AFTER:-20}

if [ ! -d "$corpora" ]; then
	echo "backfill.sh: $corpora is absent; skipped"
	exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Run psql quietly, stopping at the first error.
psql_q() {
	psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# Seconds since the epoch, with nanoseconds.
now() {
	date +%s.%N
}

# b - a with 1 decimal.
elapsed() {
	echo "$1 $2" | awk '{ printf "%.1f", $2 - $1 }'
}

python3 "$here/corpus_csv.py" "$corpora" "$tmp/bodies.csv"

t0=$(now)
psql_q <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS articles, backfill_src;
DROP EXTENSION IF EXISTS diplo CASCADE;
CREATE EXTENSION diplo;
CREATE TABLE backfill_src (id serial PRIMARY KEY, body text);
\\copy backfill_src (body) FROM '$tmp/bodies.csv' WITH (FORMAT csv)
-- the existing table, before diplo
CREATE TABLE articles (id bigint PRIMARY KEY, body text NOT NULL, published date NOT NULL);
INSERT INTO articles
SELECT g, s.body, date '2020-01-01' + (g % 1826)::int
FROM generate_series(1, $n) g
JOIN backfill_src s ON s.id = (g - 1) % (SELECT count(*) FROM backfill_src) + 1;
VACUUM ANALYZE articles;
SQL
t1=$(now)
nsrc=$(psql_q -c "SELECT count(*) FROM backfill_src")
mb=$(psql_q -c "SELECT round(sum(octet_length(body)) / 1e6) FROM articles")
echo "table articles: $n rows ($nsrc distinct articles of ../shared/corpora, $mb MB of text), built in $(elapsed "$t0" "$t1") s"
echo "server: $(psql_q -c 'SHOW server_version'); batch_size $batch"

# 1. The column: no table rewrite.
t0=$(now)
psql_q -c "ALTER TABLE articles ADD COLUMN analysis diplo_statement"
echo "ALTER TABLE articles ADD COLUMN analysis diplo_statement: $(elapsed "$t0" "$(now)") s"

# 2. The backfill, cancelled once from another session.
echo
echo "== CALL diplo_backfill('articles', 'body', 'analysis', $batch), cancelled after ${interrupt_after} s"
t_start=$(now)
psql -X -v ON_ERROR_STOP=1 -c "CALL diplo_backfill('articles', 'body', 'analysis', $batch)" \
	>"$tmp/run1.out" 2>&1 &
call_pid=$!
sleep "$interrupt_after"
psql_q -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
	WHERE query LIKE 'CALL diplo_backfill%' AND pid <> pg_backend_pid()" >/dev/null
wait "$call_pid" || true
t_cancel=$(now)
cat "$tmp/run1.out"
done1=$(psql_q -c "SELECT count(analysis) FROM articles")
echo "after the cancel: $done1 rows filled (committed batches), $(elapsed "$t_start" "$t_cancel") s"

echo
echo "== CALL diplo_backfill again: it goes on from there"
t_resume=$(now)
psql -X -v ON_ERROR_STOP=1 -c "CALL diplo_backfill('articles', 'body', 'analysis', $batch)" \
	>"$tmp/run2.out" 2>&1
t_done=$(now)
# the first lines, a few in the middle and the end
awk 'NR <= 4 || NR % 20 == 0' "$tmp/run2.out" | grep NOTICE || true
tail -n 2 "$tmp/run2.out"
done2=$(psql_q -c "SELECT count(analysis) FROM articles")
left=$(psql_q -c "SELECT count(*) FROM articles WHERE analysis IS NULL")
resume=$(elapsed "$t_resume" "$t_done")

# 3. The index, without blocking writes.
echo
t0=$(now)
psql_q -c "SET maintenance_work_mem = '256MB'" \
	-c "CREATE INDEX CONCURRENTLY articles_analysis ON articles USING gin (analysis)"
t_index=$(now)
index=$(elapsed "$t0" "$t_index")
valid=$(psql_q -c "SELECT indisvalid FROM pg_index WHERE indexrelid = 'articles_analysis'::regclass")
hits=$(psql_q -c "SET enable_seqscan = off; SELECT count(*) FROM articles WHERE analysis @@ 'speaker:blinken'")

backfill_s=$(echo "$t_start $t_cancel $t_resume $t_done" | awk '{ printf "%.1f", ($2 - $1) + ($4 - $3) }')
total=$(elapsed "$t_start" "$t_index")
rate=$(echo "$done2 $backfill_s" | awk '{ printf "%.0f", $1 / $2 }')
echo "== summary"
printf '  %-44s %s\n' "rows" "$n"
printf '  %-44s %s\n' "filled before the cancel" "$done1"
printf '  %-44s %s\n' "filled in all / left NULL" "$done2 / $left"
printf '  %-44s %s s\n' "backfill (both CALLs)" "$backfill_s"
printf '  %-44s %s rows/s, %s MB/s\n' "backfill rate" "$rate" \
	"$(echo "$mb $backfill_s" | awk '{ printf "%.1f", $1 / $2 }')"
printf '  %-44s %s s\n' "resumed CALL" "$resume"
printf '  %-44s %s s (valid: %s)\n' "CREATE INDEX CONCURRENTLY" "$index" "$valid"
printf '  %-44s %s s\n' "total (backfill and index)" "$total"
printf '  %-44s %s\n' "table (heap and TOAST) / index" \
	"$(psql_q -c "SELECT pg_size_pretty(pg_total_relation_size('articles') - pg_indexes_size('articles')) || ' / ' || pg_size_pretty(pg_relation_size('articles_analysis'))")"
printf '  %-44s %s\n' "rows with speaker:blinken (by the index)" "$hits"
psql_q -c "DROP TABLE articles, backfill_src"
