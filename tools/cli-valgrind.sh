#!/bin/sh
# cli-valgrind.sh: run the analyser's command-line driver under valgrind on
# each sample article of demo/articles.sql (the $article$...$article$ bodies)
# and on a few awkward texts; any memory error or leak (definite, indirect
# or possible) fails the script.
set -eu

cd "$(dirname "$0")/.."
CLI=test/bench/diplo_cli
# the Snowball stemmer's process-lifetime buffer, the one known block
SUPP=test/bench/valgrind.supp
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Split the demo's articles into one file each.
awk -v dir="$WORK" '
	/\$article\$/ {
		line = $0
		while (line != "") {
			i = index(line, "$article$")
			if (i == 0) { if (inside) print line > file; break }
			if (inside) { printf "%s", substr(line, 1, i - 1) > file; close(file); inside = 0 }
			else { n++; file = dir "/article" n ".txt"; inside = 1 }
			line = substr(line, i + 9)
			if (line == "" && inside) printf "\n" > file
		}
		next
	}
	inside { print > file }
' demo/articles.sql

# Awkward texts: unbalanced and nested marks, control characters, no text.
printf '"One," he said, "two," she said, "three.' >"$WORK/awkward1.txt"
printf '\342\200\234I was told \342\200\230wait\342\200\231,\342\200\235 the envoy said.\001\177' >"$WORK/awkward2.txt"
printf '' >"$WORK/awkward3.txt"
printf '\377\376 invalid UTF-8 \300\200 said "x"' >"$WORK/awkward4.txt"

n=0
for f in "$WORK"/*.txt; do
	n=$((n + 1))
	valgrind -q --leak-check=full --error-exitcode=1 --suppressions="$SUPP" \
		"$CLI" "$f" >/dev/null
	valgrind -q --leak-check=full --error-exitcode=1 --suppressions="$SUPP" \
		"$CLI" --dump "$f" >/dev/null
done
echo "cli-valgrind: $n texts, no memory error, no leak"
