#!/bin/bash
# tap-tests.sh: run the TAP tests of test/t (PostgreSQL::Test::Cluster) against
# the extension installed under debian/pkg (`make install DESTDIR=$PWD/debian/pkg`),
# never the system.  The tests, the installed tree and the clusters live in a
# scratch directory; as root, they run as the user postgres (initdb refuses
# root).  Arguments, if any, are the test files to run (default: all).
# Environment: TAP_LOAD_SECONDS and TAP_LOAD_RATE (001_load, default 20 s and
# 400 inserts/s), TAP_CRASH_SECONDS (002_crash, default 8), DIPLO_PKG_OLD (the
# install tree of an older build, for 007_binary_upgrade; tools/upgrade-check.sh),
# PG_TEST_NOCLEAN=1 keeps the scratch directory.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PGBIN=$(pg_config --bindir)
PGXS_DIR=$(dirname "$(dirname "$(dirname "$(pg_config --pgxs)")")")
PERL_LIB=$PGXS_DIR/src/test/perl
PG_REGRESS_BIN=$PGXS_DIR/src/test/regress/pg_regress

if [ ! -d debian/pkg ]; then
	echo "tap-tests: debian/pkg is missing; run: make install DESTDIR=\$PWD/debian/pkg" >&2
	exit 1
fi
if [ ! -f "$PERL_LIB/PostgreSQL/Test/Cluster.pm" ]; then
	echo "tap-tests: $PERL_LIB/PostgreSQL/Test/Cluster.pm is missing (postgresql-client-15)" >&2
	exit 1
fi
if ! perl -MIPC::Run -e 1 2>/dev/null; then
	echo "tap-tests: the Perl module IPC::Run is missing (apt-get install libipc-run-perl)" >&2
	exit 1
fi

WORK=$(mktemp -d /tmp/diplo-tap.XXXXXX)
if [ -z "${PG_TEST_NOCLEAN:-}" ]; then
	trap 'rm -rf "$WORK"' EXIT
fi
cp -a debian/pkg "$WORK/pkg"
# an older build's install tree for 007_binary_upgrade (tools/upgrade-check.sh)
old_pkg=
if [ -n "${DIPLO_PKG_OLD:-}" ]; then
	cp -a "$DIPLO_PKG_OLD" "$WORK/oldpkg"
	old_pkg=$WORK/oldpkg
fi
mkdir "$WORK/t"
cp test/t/*.pl test/t/*.pm "$WORK/t/"

# Run a command as the user postgres when we are root, else as ourselves.
as_test_user() {
	if [ "$(id -u)" -eq 0 ]; then
		chown -R postgres: "$WORK"
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

cd "$WORK"
if [ $# -gt 0 ]; then
	tests=()
	for t in "$@"; do
		tests+=("t/$(basename "$t")")
	done
else
	tests=(t/*.pl)
fi
as_test_user env PATH="$PGBIN:$PATH" PG_REGRESS="$PG_REGRESS_BIN" \
	TESTDIR="$WORK" DIPLO_PKG="$WORK/pkg" DIPLO_PKG_OLD="$old_pkg" \
	TAP_LOAD_SECONDS="${TAP_LOAD_SECONDS:-20}" TAP_LOAD_RATE="${TAP_LOAD_RATE:-400}" \
	TAP_CRASH_SECONDS="${TAP_CRASH_SECONDS:-8}" \
	${PG_TEST_NOCLEAN:+PG_TEST_NOCLEAN=1} \
	prove -I "$PERL_LIB" -I "$WORK/t" --timer "${tests[@]}"
rc=$?
cd "$ROOT"

if [ "$rc" -ne 0 ]; then
	for f in "$WORK"/tmp_check/log/regress_log_*; do
		[ -f "$f" ] || continue
		echo "--- $(basename "$f") (last 60 lines) ---"
		tail -n 60 "$f"
	done
fi
if [ -n "${PG_TEST_NOCLEAN:-}" ]; then
	echo "tap-tests: kept $WORK"
fi
exit "$rc"
