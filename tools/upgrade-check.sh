#!/bin/bash
# upgrade-check.sh: a real upgrade from an older build.  Builds the commit
# UPGRADE_FROM (default dfb4667, the tree of release 0.1) in a scratch git
# worktree, installs it into a scratch tree, and runs the TAP test
# 007_binary_upgrade.pl: the old build stores articles and builds GIN
# indexes, the server restarts on the current build (debian/pkg, installed
# first), ALTER EXTENSION diplo UPDATE, and the old indexes must give the
# rows of sequential scans and of the old build.  Skips (exit 0) when the
# commit is not in this clone (a shallow clone, say).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
from=${UPGRADE_FROM:-dfb4667}

if ! git cat-file -e "$from^{commit}" 2>/dev/null; then
	echo "upgrade-check: commit $from is not in this clone; skipped"
	exit 0
fi
make -s && make -s install DESTDIR="$ROOT/debian/pkg" >/dev/null || exit 1

scratch=$(mktemp -d /tmp/diplo-upgrade.XXXXXX)
# Remove the scratch worktree and trees.
cleanup() {
	git worktree remove --force "$scratch/src" 2>/dev/null
	rm -rf "$scratch"
}
trap cleanup EXIT
git worktree add -q --detach "$scratch/src" "$from" || exit 1
echo "upgrade-check: building $from ($(git log -1 --format=%s "$from" | cut -c1-60))"
if ! make -s -C "$scratch/src" >"$scratch/build.log" 2>&1 ||
	! make -s -C "$scratch/src" install DESTDIR="$scratch/pkg" >>"$scratch/build.log" 2>&1; then
	tail -n 30 "$scratch/build.log"
	exit 1
fi
DIPLO_PKG_OLD="$scratch/pkg" bash tools/tap-tests.sh 007_binary_upgrade.pl
