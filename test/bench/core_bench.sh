#!/bin/sh
# core_bench.sh: speed of the analyser alone (src/core, malloc, one thread),
# without PostgreSQL.  Builds test/bench/diplo_cli, then prints MB/s and
# articles/s on the news and government corpora of ../shared (each skipped
# cleanly when absent) and the time per byte of single articles of 1 KB,
# 100 KB and 10 MB.  Times are CPU time of the process, so that the figures
# stay meaningful on a shared machine.
#
#   test/bench/core_bench.sh [REPEAT]       (default REPEAT=2)
set -e
cd "$(dirname "$0")/../.."
REPEAT=${1:-2}
SHARED=${SHARED:-../shared/corpora}
make -s cli
CLI=test/bench/diplo_cli
for corpus in news/bbc.jsonl gov/press.jsonl; do
	if [ -f "$SHARED/$corpus" ]; then
		$CLI --bench "$SHARED/$corpus" --repeat "$REPEAT"
	else
		echo "$SHARED/$corpus: absent, skipped"
	fi
done
for corpus in gov/press.jsonl news/bbc.jsonl; do
	if [ -f "$SHARED/$corpus" ]; then
		echo "time per byte by article size (texts of $corpus joined and cut):"
		$CLI --bench-sizes "$SHARED/$corpus"
		exit 0
	fi
done
echo "no corpus for the time per byte: skipped"
