#!/bin/sh
# gen_frequent_stems.sh: write data/frequent_stems.txt, the word: stems that
# occur inside the quotes of at least STEM_SHARE (default 1%) of the PolNeAR
# training articles (../shared/corpora/polnear/train.jsonl).  A diplo GIN
# index with the default words = 'rare' gives these stems no key (README,
# "The GIN operator class").  The corpus is not the one
# test/bench/gin_bench.sh measures (BBC, CNN, government press), so the
# index size it reports is measured out of sample.
#
#	make install DESTDIR=$PWD/debian/pkg
#	pg_virtualenv -t -p pkg tools/gen_frequent_stems.sh [OUT]
#
# The stems are diplo's own: the w: keys of diplo_index_keys(..., 'all'),
# so contractions ("don't", "we're") and abbreviations ("u.s.") count like
# any word.  A word that is by itself a topic keyword, a country name, a
# demonym or a capital (data/topics.tsv, data/countries.tsv) keeps its key
# however common ("sanctions", "iran"); the words of longer names do not
# ("new" of "New Zealand").  Stems already in OUT stay in it: an index built
# before would lack their keys.  Only the list is written, not the corpus.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
train="$root/../shared/corpora/polnear/train.jsonl"
out=${1:-$root/data/frequent_stems.txt}
share=${STEM_SHARE:-0.01}
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
# The one-word entries of the diplomacy lexicons keep their keys.
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
				words.update(e.strip() for e in f[c].split(";")
							 if e.strip() and not set(" -") & set(e.strip()))
with open(sys.argv[2], "w", newline="") as out:
	w = csv.writer(out)
	for word in sorted(words):
		w.writerow([word])
PY
# The stems of the existing list, kept.
: >"$tmp/kept.csv"
if [ -f "$out" ]; then
	grep -v '^#' "$out" | grep -v '^$' >"$tmp/kept.csv" || true
fi
psql -X -q -At -v ON_ERROR_STOP=1 >"$tmp/stems" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplo;
CREATE TEMP TABLE train (body text);
\\copy train FROM '$tmp/bodies.csv' WITH (FORMAT csv)
CREATE TEMP TABLE domain (w text);
\\copy domain FROM '$tmp/domain.csv' WITH (FORMAT csv)
CREATE TEMP TABLE kept (stem text);
\\copy kept FROM '$tmp/kept.csv' WITH (FORMAT csv)
SELECT stem FROM (SELECT stem FROM (
	SELECT substr(k, 3) AS stem
	FROM train, unnest(diplo_index_keys(diplo_analyze(body), 'all')) AS k
	WHERE k LIKE 'w:%'
	GROUP BY k
	HAVING count(*) >= ceil($share * (SELECT count(*) FROM train))) s
WHERE stem ~ '^[a-z][a-z0-9''.-]*\$' AND length(stem) <= 31
	AND stem NOT IN (SELECT lexeme FROM domain,
		unnest(to_tsvector('english', w)) AS u(lexeme, positions, weights))
UNION
SELECT stem FROM kept) u
ORDER BY stem COLLATE "C";
SQL
{
	echo "# frequent_stems.txt: word: stems that a diplo GIN index with the default"
	echo "# words = 'rare' leaves out because they are too common inside quotes to be"
	echo "# worth a key."
	echo "#"
	echo "# Written by tools/gen_frequent_stems.sh: diplo's stems that occur inside"
	echo "# the quotes of at least $(awk -v s="$share" 'BEGIN { printf "%g", s * 100 }')% of the PolNeAR training articles (stop"
	echo "# words, numbers and the one-word entries of data/topics.tsv and"
	echo "# data/countries.tsv excluded), and every stem of the list before.  A"
	echo "# word: query on one of them is answered by a recheck.  Removing a stem"
	echo "# from this list needs a REINDEX of the existing indexes; adding one does"
	echo "# not.  One lowercase ASCII stem a line; '#' starts a comment line."
	echo "# tools/gen_stopwords.py turns this file into src/core/stopword_data.c."
	cat "$tmp/stems"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $(grep -vc '^#' "$out") stems to $out"
