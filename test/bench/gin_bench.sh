#!/bin/sh
# gin_bench.sh: size, build time and query latency of the diplo GIN index
# against a to_tsvector('english', body) GIN index on the same rows.
#
#	make install DESTDIR=$PWD/debian/pkg
#	pg_virtualenv -t -p pkg test/bench/gin_bench.sh [N ...]	(default 10000 100000)
#
# Reads the articles of ../shared/corpora (news/*.jsonl, gov/press.jsonl),
# repeated as needed to reach N rows; without ../shared it generates its own
# articles from small word lists.  Not a timed test: it prints figures, per N
# and then a summary table with the ratios against the targets of issue 4:
#	size		diplo index / tsvector index			at most 0.25
#				(the default, words = 'rare'; the sizes with
#				words = 'all' and 'none' are reported beside)
#	build		diplo index on the stored column /
#				tsvector expression index				at most 1
#	build+analysis	diplo expression index (analyses every row) /
#				tsvector expression index				reported
#	selective	queries returning at most 1% of the rows, with the index,
#				slowest median									under 5 ms
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

# The median execution time (ms) of a query over $3 runs, from EXPLAIN ANALYZE.
latency() {
	settings=$1
	query=$2
	runs=$3
	i=0
	while [ $i -lt "$runs" ]; do
		psql_q -c "$settings EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) $query" |
			sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
		i=$((i + 1))
	done | sort -n | sed -n "$(((runs + 1) / 2))p"
}

# Seconds (3 decimals) that a psql command takes.
timed() {
	t0=$(date +%s.%N)
	psql_q "$@" >/dev/null
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ printf "%.3f", $2 - $1 }'
}

# a / b with 3 decimals.
ratio() {
	echo "$1 $2" | awk '{ if ($2 > 0) printf "%.3f", $1 / $2; else print "-" }'
}

# "ok" if a <= b, else "MISSED".
verdict() {
	echo "$1 $2" | awk '{ print ($1 <= $2) ? "ok" : "MISSED" }'
}

psql_q -c "DROP EXTENSION IF EXISTS diplo CASCADE; CREATE EXTENSION diplo;"
psql_q -c "DROP TABLE IF EXISTS bench_src; CREATE TABLE bench_src (id serial PRIMARY KEY, body text);"

if [ -d "$corpora" ]; then
	source_name="../shared/corpora (news/bbc, news/cnn, gov/press)"
	python3 "$here/corpus_csv.py" "$corpora" "$tmp/bodies.csv"
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
echo "server: $(psql_q -c 'SHOW server_version'), maintenance_work_mem 256MB for every build"

summary="$tmp/summary"
: >"$summary"
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
	analyse=$(timed -c "UPDATE bench SET st = diplo_analyze(body)")
	# a fresh copy, so that the rows lie in order without dead versions
	psql_q -c "VACUUM FULL bench" -c "ANALYZE bench"
	mwm="SET maintenance_work_mem = '256MB';"
	build_st=$(timed -c "$mwm CREATE INDEX bench_st ON bench USING gin (st);")
	build_expr=$(timed -c "$mwm CREATE INDEX bench_expr ON bench USING gin (diplo_analyze(body));")
	build_tsv=$(timed -c "$mwm CREATE INDEX bench_tsv ON bench USING gin (to_tsvector('english', body));")
	# the other values of the words option, for their sizes
	psql_q -c "$mwm CREATE INDEX bench_st_all ON bench USING gin (st diplo_statement_ops (words = 'all'));" \
		-c "$mwm CREATE INDEX bench_st_none ON bench USING gin (st diplo_statement_ops (words = 'none'));"
	size_all=$(psql_q -c "SELECT pg_relation_size('bench_st_all')")
	size_none=$(psql_q -c "SELECT pg_relation_size('bench_st_none')")
	psql_q -c "DROP INDEX bench_st_all, bench_st_none;"
	size_st=$(psql_q -c "SELECT pg_relation_size('bench_st')")
	size_tsv=$(psql_q -c "SELECT pg_relation_size('bench_tsv')")
	psql_q -c "DROP INDEX bench_expr;"
	printf '  %-46s %10s s\n' "analyse (diplo_analyze into the column)" "$analyse"
	printf '  %-46s %10s s\n' "build diplo GIN on the stored column" "$build_st"
	printf '  %-46s %10s s\n' "build diplo GIN expression (with analysis)" "$build_expr"
	printf '  %-46s %10s s\n' "build tsvector GIN expression" "$build_tsv"
	printf '  %-46s %10s\n' "size diplo GIN" "$(psql_q -c "SELECT pg_size_pretty($size_st::bigint)")"
	printf '  %-46s %10s\n' "size diplo GIN, words = 'all'" "$(psql_q -c "SELECT pg_size_pretty($size_all::bigint)")"
	printf '  %-46s %10s\n' "size diplo GIN, words = 'none'" "$(psql_q -c "SELECT pg_size_pretty($size_none::bigint)")"
	printf '  %-46s %10s\n' "size tsvector GIN" "$(psql_q -c "SELECT pg_size_pretty($size_tsv::bigint)")"
	printf '  %-46s %10s\n' "table (heap and TOAST)" \
		"$(psql_q -c "SELECT pg_size_pretty(pg_total_relation_size('bench') - pg_indexes_size('bench'))")"
	echo "  query latency (ms, median of 5 with the index, of 3 without):"
	printf '  %-52s %7s | %9s | %9s\n' "query" "rows" "index" "seqscan"
	worst="0"
	worst_q="-"
	for q in 'speaker:blinken' 'speaker:blink*' 'quote(speaker:blinken & word:ukrain*)' \
		'topic:nuclear & country:iran' 'role:"foreign minister" & !country:"united states"' \
		'cue:warned & topic:sanctions' 'word:ceasefire' 'word:ukrain*' 'speaker:okafor' \
		'quote(speaker:okafor & word:trade)' 'quote(speaker:blinken & word:the)' \
		'speaker:blinken & word:year'; do
		lit=$(echo "$q" | sed "s/'/''/g")
		rows=$(psql_q -c "SELECT count(*) FROM bench WHERE st @@ '$lit'")
		ql="SELECT id FROM bench WHERE st @@ '$lit'"
		with=$(latency "SET enable_seqscan = off;" "$ql" 5)
		without=$(latency "SET enable_bitmapscan = off; SET enable_indexscan = off;" "$ql" 3)
		mark=""
		if [ "$rows" -le $((n / 100)) ]; then
			mark=" (selective)"
			if [ "$(verdict "$with" "$worst")" = "MISSED" ]; then
				worst=$with
				worst_q=$q
			fi
		fi
		printf '  %-52s %7s | %9s | %9s%s\n' "$q" "$rows" "$with" "$without" "$mark"
	done
	ql="SELECT id FROM bench WHERE to_tsvector('english', body) @@ to_tsquery('english', 'blinken')"
	printf '  %-52s %7s | %9s | %9s\n' "tsvector @@ 'blinken' (for reference)" \
		"$(psql_q -c "SELECT count(*) FROM bench WHERE to_tsvector('english', body) @@ to_tsquery('english', 'blinken')")" \
		"$(latency 'SET enable_seqscan = off;' "$ql" 5)" "-"
	echo "$n $size_st $size_tsv $build_st $build_expr $build_tsv $worst $size_all $size_none $worst_q" >>"$summary"
done
psql_q -c "DROP TABLE bench, bench_src;"

echo
echo "== summary (targets of issue 4)"
printf '%8s | %9s %9s %6s | %8s %8s %8s %6s %6s | %8s\n' "N" "diplo MB" "tsv MB" "size" \
	"build s" "+anal. s" "tsv s" "build" "+anal." "select."
while read -r n size_st size_tsv build_st build_expr build_tsv worst size_all size_none worst_q; do
	printf '%8s | %9s %9s %6s | %8s %8s %8s %6s %6s | %8s\n' "$n" \
		"$(echo "$size_st" | awk '{ printf "%.2f", $1 / 1048576 }')" \
		"$(echo "$size_tsv" | awk '{ printf "%.2f", $1 / 1048576 }')" \
		"$(ratio "$size_st" "$size_tsv")" "$build_st" "$build_expr" "$build_tsv" \
		"$(ratio "$build_st" "$build_tsv")" "$(ratio "$build_expr" "$build_tsv")" "$worst"
done <"$summary"
echo "ratio lines (target in brackets):"
while read -r n size_st size_tsv build_st build_expr build_tsv worst size_all size_none worst_q; do
	r=$(ratio "$size_st" "$size_tsv")
	echo "  N=$n size ratio diplo/tsvector $r [<= 0.25] $(verdict "$r" 0.25)"
	echo "  N=$n size ratio with words = 'all' $(ratio "$size_all" "$size_tsv"), words = 'none' $(ratio "$size_none" "$size_tsv") [reported]"
	r=$(ratio "$build_st" "$build_tsv")
	echo "  N=$n build ratio diplo stored column/tsvector expression $r [<= 1] $(verdict "$r" 1)"
	r=$(ratio "$build_expr" "$build_tsv")
	echo "  N=$n build ratio diplo expression with analysis/tsvector expression $r [reported] $(verdict "$r" 1)"
	echo "  N=$n slowest selective query $worst ms ($worst_q) [< 5 ms] $(verdict "$worst" 4.999)"
done <"$summary"
