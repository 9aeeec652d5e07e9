#!/bin/sh
# Scores diplo, as users get it through SQL, on the PolNeAR dev split and the
# seed gold: builds and installs the extension into debian/pkg, starts a
# throwaway cluster, runs test/eval/predict and prints score.py's tables.
# Usage: test/eval/run.sh [GOLD.jsonl ...]   (default: polnear dev + seed)
# Skips cleanly when ../shared is absent.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
shared="$top/../shared"
if [ ! -f "$shared/eval/score.py" ]; then
	echo "eval: skipped (no ../shared/eval)"
	exit 0
fi
[ $# -gt 0 ] || set -- "$shared/corpora/polnear/dev.jsonl" "$shared/eval/seed-gold.jsonl"
cd "$top"
make -s >/dev/null
make -s install DESTDIR="$top/debian/pkg" >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
i=0
for gold in "$@"; do
	i=$((i + 1))
	ln -s "$gold" "$out/gold$i.jsonl"
done
# one cluster for all gold files; predictions land in $out/predN.jsonl
pg_virtualenv -t -p pkg sh -c '
	for g in "$0"/gold*.jsonl; do
		"$1/test/eval/predict" < "$g" > "${g%/gold*}/pred${g##*/gold}" || exit 1
	done' "$out" "$top" >/dev/null
i=0
for gold in "$@"; do
	i=$((i + 1))
	echo "== $(basename "$gold")"
	python3 "$shared/eval/score.py" "$gold" "$out/pred$i.jsonl" ${EVAL_ARGS:-}
done
