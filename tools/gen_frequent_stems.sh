#!/bin/sh
# gen_frequent_stems.sh: write data/frequent_stems.txt, the English stems that
# occur inside the quotes of at least 1.5% of the PolNeAR training articles
# (../shared/corpora/polnear/train.jsonl).  The diplo GIN index gives these
# stems no word: key (README, "The GIN operator class").  The corpus is not
# the one test/bench/gin_bench.sh measures (BBC, CNN, government press), so
# the index size it reports is measured out of sample.
#
#	make install DESTDIR=$PWD/debian/pkg
#	pg_virtualenv -t -p pkg tools/gen_frequent_stems.sh [OUT]
#
# Quotes come from diplo_quotes(); stems from to_tsvector('english', ...),
# the same Snowball English stemmer as the index, which also drops the stop
# words and the numbers.  Only the list is written, not the corpus's text.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
train="$root/../shared/corpora/polnear/train.jsonl"
out=${1:-$root/data/frequent_stems.txt}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -f "$train" ]; then
	echo "gen_frequent_stems.sh: $train is absent" >&2
	exit 1
fi
python3 - "$train" "$tmp/bodies.csv" <<'PY'
import csv, json, sys
with open(sys.argv[2], "w", newline="") as f:
	w = csv.writer(f)
	for line in open(sys.argv[1], encoding="utf-8"):
		text = json.loads(line).get("text") or ""
		if text.strip():
			w.writerow([text.replace("\x00", "")])
PY
# The words of the diplomacy lexicons (topic keywords, country names,
# demonyms, capitals) keep their keys however common: they are what users
# search for (word:sanctions, word:iran).
python3 - "$root/data" "$tmp/domain.csv" <<'PY'
import csv, os, sys
words = set()
for name, cols in (("topics.tsv", (1,)), ("countries.tsv", (0, 2, 3, 4))):
	for line in open(os.path.join(sys.argv[1], name), encoding="utf-8"):
		if line.startswith("#") or not line.strip():
			continue
		f = line.rstrip("\n").split("\t")
		for c in cols:
			if c < len(f) and f[c] != "-":
				words.update(f[c].replace(";", " ").split())
with open(sys.argv[2], "w", newline="") as out:
	w = csv.writer(out)
	for word in sorted(words):
		w.writerow([word])
PY
psql -X -q -At -v ON_ERROR_STOP=1 >"$tmp/stems" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplo;
CREATE TEMP TABLE train (body text);
\\copy train FROM '$tmp/bodies.csv' WITH (FORMAT csv)
CREATE TEMP TABLE domain (w text);
\\copy domain FROM '$tmp/domain.csv' WITH (FORMAT csv)
SELECT word FROM ts_stat(\$\$SELECT to_tsvector('english',
		(SELECT string_agg(content, ' ') FROM diplo_quotes(body))) FROM train\$\$)
WHERE ndoc >= ceil(${STEM_SHARE:-0.015} * (SELECT count(*) FROM train))
	AND word ~ '^[a-z][a-z0-9'']*[a-z0-9]\$'
	AND word NOT IN (SELECT lexeme FROM domain,
		unnest(to_tsvector('english', w)) AS u(lexeme, positions, weights))
ORDER BY word COLLATE "C";
SQL
{
	echo "# frequent_stems.txt: English stems that the diplo GIN index leaves out"
	echo "# because they are too common inside quotes to be worth a key."
	echo "#"
	echo "# Written by tools/gen_frequent_stems.sh: the Snowball English stems that"
	echo "# occur inside the quotes of at least $(awk -v s="${STEM_SHARE:-0.015}" 'BEGIN { printf "%g", s * 100 }')% of the PolNeAR training articles"
	echo "# (stop words, numbers and the words of data/topics.tsv and"
	echo "# data/countries.tsv excluded).  A word: query on one of them is"
	echo "# answered by a recheck.  Removing a stem from this list needs a REINDEX"
	echo "# of the existing indexes; adding one does not."
	echo "# One lowercase ASCII stem a line; '#' starts a comment line."
	echo "# tools/gen_stopwords.py turns this file into src/core/stopword_data.c."
	cat "$tmp/stems"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $(grep -vc '^#' "$out") stems to $out"
