#!/bin/bash
# demo.sh: build diplo, install it into a throwaway PostgreSQL cluster, load
# the sample articles of demo/ and print speakers, quotes and topics.
set -euo pipefail

cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

bash tools/ensure-deps.sh

echo "=== building"
make >/dev/null
echo "=== installing into debian/pkg"
rm -rf debian/pkg
make install DESTDIR="$PWD/debian/pkg" >/dev/null

echo "=== running the demo in a throwaway cluster"
pg_virtualenv -t -p pkg psql -X -q -f demo/demo.sql
