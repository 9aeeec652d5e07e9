#!/bin/sh
# Runs diplo on the seed article in the server that the libpq environment
# selects, and checks it against the seed gold.  Skips when ../shared is absent.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../../shared"
if [ ! -f "$shared/eval/seed-gold.jsonl" ]; then
	echo "seed check: skipped (no ../shared/eval/seed-gold.jsonl)"
	exit 0
fi
pred=$(mktemp)
trap 'rm -f "$pred"' EXIT
"$here/predict" < "$shared/eval/seed-gold.jsonl" > "$pred"
python3 "$here/seed_check.py" "$shared/eval/seed-gold.jsonl" "$pred"
