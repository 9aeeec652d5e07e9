#!/bin/sh
# gin_bench.sh: size, build time and query latency of the diplo GIN index
# against a to_tsvector('english', body) GIN index on the same rows.
#
#	make install DESTDIR=$PWD/debian/pkg
#	pg_virtualenv -t -p pkg test/bench/gin_bench.sh [N ...]	(default 10000 100000)
#
# Reads the articles of ../shared/corpora (news/*.jsonl, gov/press.jsonl),
# repeated as needed to reach N rows; without ../shared it generates its own
# articles from small word lists.  Not a timed test: it prints figures.
# Needs psql connected to a database where CREATE EXTENSION diplo works.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpora="$root/../shared/corpora"
sizes=${*:-10000 100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

psql_q() {
	PGOPTIONS="-c client_min_messages=warning" psql -X -q -At -v ON_ERROR_STOP=1 "$@"
}

# The median execution time (ms) of a query over 5 runs, from EXPLAIN ANALYZE.
latency() {
	settings=$1
	query=$2
	for run in 1 2 3 4 5; do
		psql_q -c "$settings EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $query" |
			sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
	done | sort -n | sed -n 3p
}

psql_q -c "DROP EXTENSION IF EXISTS diplo CASCADE; CREATE EXTENSION diplo;"
psql_q -c "DROP TABLE IF EXISTS bench_src; CREATE TABLE bench_src (id serial PRIMARY KEY, body text);"

if [ -d "$corpora" ]; then
	source_name="../shared/corpora (news/bbc, news/cnn, gov/press)"
	python3 - "$corpora" "$tmp/bodies.csv" <<'PY'
import csv, glob, json, os, sys
root, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(root, "news", "*.jsonl"))) + \
	sorted(glob.glob(os.path.join(root, "gov", "*.jsonl")))
with open(out, "w", newline="") as f:
	w = csv.writer(f)
	for path in files:
		for line in open(path, encoding="utf-8"):
			text = json.loads(line).get("text") or ""
			if text.strip():
				w.writerow([text.replace("\x00", "")])
PY
	psql_q -c "\\copy bench_src (body) FROM '$tmp/bodies.csv' WITH (FORMAT csv)"
else
	source_name="generated articles (no ../shared)"
	psql_q <<'SQL'
INSERT INTO bench_src (body)
SELECT format('%s %s %s %s: “%s.” %s also %s that %s.',
	(ARRAY['Nigerian','Hungarian','Spanish','Japanese','Swedish','Pakistani','French','Polish'])[(i / 10) % 8 + 1],
	(ARRAY['Foreign Minister','Prime Minister','Defence Minister','President'])[(i / 3) % 4 + 1],
	(ARRAY['Amara Okafor','Lena Varga','Tomás Ibáñez','Kenji Mori','Sofia Lindqvist'])[i % 5 + 1],
	(ARRAY['said','stressed','warned','added','noted'])[(i / 7) % 5 + 1],
	(ARRAY['We will deepen trade and investment ties','The ceasefire must hold across the region',
		'Climate change threatens our farmers','Sanctions will not solve this dispute'])[(i / 11) % 4 + 1],
	(ARRAY['Okafor','Varga','Ibáñez','Mori','Lindqvist'])[i % 5 + 1],
	(ARRAY['said','stressed','warned','added'])[(i / 5) % 4 + 1],
	(ARRAY['the ceasefire must hold','trade with neighbours is growing','the border will stay open'])[(i / 13) % 3 + 1])
FROM generate_series(1, 5000) i;
SQL
fi
nsrc=$(psql_q -c "SELECT count(*) FROM bench_src")
echo "source: $source_name, $nsrc distinct articles"
echo "server: $(psql_q -c 'SHOW server_version')"

for n in $sizes; do
	echo
	echo "== N = $n articles"
	psql_q <<SQL
DROP TABLE IF EXISTS bench;
CREATE TABLE bench (id int PRIMARY KEY, body text, st diplo_statement);
INSERT INTO bench (id, body)
SELECT g, s.body FROM generate_series(1, $n) g
JOIN bench_src s ON s.id = (g - 1) % $nsrc + 1;
SQL
	t0=$(date +%s.%N)
	psql_q -c "UPDATE bench SET st = diplo_analyze(body)" -c "VACUUM ANALYZE bench"
	t1=$(date +%s.%N)
	echo "analyse (diplo_analyze into the stored column): $(echo "$t1 - $t0" | bc) s"
	t0=$(date +%s.%N)
	psql_q -c "SET maintenance_work_mem = '256MB'; CREATE INDEX bench_st ON bench USING gin (st);"
	t1=$(date +%s.%N)
	echo "build diplo GIN on the stored column:            $(echo "$t1 - $t0" | bc) s"
	t0=$(date +%s.%N)
	psql_q -c "SET maintenance_work_mem = '256MB'; CREATE INDEX bench_expr ON bench USING gin (diplo_analyze(body));"
	t1=$(date +%s.%N)
	echo "build diplo GIN expression index (analyses):     $(echo "$t1 - $t0" | bc) s"
	t0=$(date +%s.%N)
	psql_q -c "SET maintenance_work_mem = '256MB'; CREATE INDEX bench_tsv ON bench USING gin (to_tsvector('english', body));"
	t1=$(date +%s.%N)
	echo "build tsvector GIN expression index:             $(echo "$t1 - $t0" | bc) s"
	psql_q -F ' ' <<'SQL'
SELECT 'size: diplo ' || pg_size_pretty(pg_relation_size('bench_st')) ||
	', tsvector ' || pg_size_pretty(pg_relation_size('bench_tsv')) ||
	', ratio ' || round(pg_relation_size('bench_st')::numeric / pg_relation_size('bench_tsv'), 3) ||
	', table ' || pg_size_pretty(pg_total_relation_size('bench') - pg_indexes_size('bench'));
SQL
	psql_q -c "DROP INDEX bench_expr;"
	echo "query latency, median of 5 (ms): rows | with index | sequential scan"
	for q in 'speaker:blinken' 'speaker:blink*' 'quote(speaker:blinken & word:ukrain*)' \
		'topic:nuclear & country:iran' 'role:"foreign minister" & !country:"united states"' \
		'cue:warned & topic:sanctions' 'word:ceasefire' 'speaker:okafor' 'quote(speaker:okafor & word:trade)'; do
		rows=$(psql_q -c "SELECT count(*) FROM bench WHERE st @@ '$(echo "$q" | sed "s/'/''/g")'")
		ql="SELECT id FROM bench WHERE st @@ '$(echo "$q" | sed "s/'/''/g")'"
		with=$(latency "SET enable_seqscan = off;" "$ql")
		without=$(latency "SET enable_bitmapscan = off; SET enable_indexscan = off;" "$ql")
		printf '  %-52s %7s | %9s | %9s\n' "$q" "$rows" "$with" "$without"
	done
	ql="SELECT id FROM bench WHERE to_tsvector('english', body) @@ to_tsquery('english', 'blinken')"
	printf '  %-52s %7s | %9s | %9s\n' "tsvector @@ 'blinken' (for reference)" \
		"$(psql_q -c "SELECT count(*) FROM bench WHERE to_tsvector('english', body) @@ to_tsquery('english', 'blinken')")" \
		"$(latency 'SET enable_seqscan = off;' "$ql")" "-"
done
psql_q -c "DROP TABLE bench, bench_src;"
