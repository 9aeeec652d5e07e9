#!/bin/bash
# run-tests.sh: the whole test suite of diplo on one machine.
#
# Stages: deps (install missing Debian packages), build (no compiler
# warning allowed), unit (cmocka tests of src/core), memcheck (the unit
# tests under ASan/LSan/UBSan, the driver under valgrind), fuzz (each libFuzzer
# target of test/fuzz for FUZZ_SECONDS, default 20, with ASan and UBSan;
# FUZZ_SECONDS=0 skips it), install (into
# debian/pkg, not the system), regress (pg_regress in a throwaway cluster
# made by pg_virtualenv), regress-latin1 and regress-sql-ascii (the same
# in a LATIN1 and in a SQL_ASCII database), seed (test/eval/seed_check.sh,
# when present), and tap (the TAP tests of test/t: concurrent load, crash
# recovery, dump/restore, logical replication, sharding with postgres_fdw,
# dump of an updated database; tools/tap-tests.sh, as the user postgres
# when root), and upgrade (tools/upgrade-check.sh: indexes and values of the
# release 0.1 and 0.2 builds read by this one).
# Ends with "N passed, N failed" and exits non-zero if any stage failed.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export LANG=C.UTF-8 LC_ALL=C.UTF-8
LOG_DIR=$(mktemp -d /tmp/diplo-tests.XXXXXX)

passed=0
failed=0
declare -a summary=()

# Record the outcome of one stage.
record() {
	local stage=$1 rc=$2
	if [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
		summary+=("PASS  $stage")
	else
		failed=$((failed + 1))
		summary+=("FAIL  $stage")
	fi
	return "$rc"
}

# Print a stage banner.
banner() {
	echo
	echo "=== $1 ==="
}

# Build the extension; any compiler warning fails the stage.
stage_build() {
	local log=$LOG_DIR/build.log
	# -B recompiles everything, so warnings of up-to-date objects show too
	make -k -B COPT=-Werror 2>&1 | tee "$log"
	local rc=${PIPESTATUS[0]}
	if [ "$rc" -eq 0 ] && grep -q 'warning:' "$log"; then
		echo "build: compiler warnings (see above)"
		rc=1
	fi
	return "$rc"
}

# Build the fuzz targets and run each for FUZZ_SECONDS: a summary line per
# target, and the whole log when one fails (a crash, a leak, UB).
stage_fuzz() {
	local log=$LOG_DIR/fuzz.log
	make -C test/fuzz run FUZZ_SECONDS="${FUZZ_SECONDS:-20}" >"$log" 2>&1
	local rc=$?
	grep -E '^(== fuzz_|#[0-9]+[[:space:]]+DONE)' "$log"
	if [ "$rc" -ne 0 ]; then
		tail -n 80 "$log"
	fi
	return "$rc"
}

# Install into debian/pkg, where pg_virtualenv -p pkg finds it.
stage_install() {
	rm -rf debian/pkg
	make install DESTDIR="$ROOT/debian/pkg"
}

# Print a TCP port that no server uses, so that concurrent runs do not clash.
free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		if [ ! -e "/var/run/postgresql/.s.PGSQL.$port" ] && [ ! -e "/tmp/.s.PGSQL.$port" ] &&
			! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	echo 5432
}

# Run the pg_regress suite against a throwaway cluster.
stage_regress() {
	rm -f regression.diffs regression.out
	PGPORT=$(free_port) pg_virtualenv -t -p pkg make installcheck
	local rc=$?
	if [ "$rc" -ne 0 ] && [ -f regression.diffs ]; then
		echo "--- regression.diffs ---"
		cat regression.diffs
	fi
	return "$rc"
}

# The suite again in a LATIN1 database: tests that need UTF-8 skip
# themselves (their _1 expected files), the others must pass unchanged.
stage_regress_latin1() {
	rm -f regression.diffs regression.out
	PGPORT=$(free_port) pg_virtualenv -t -p pkg make installcheck ENCODING=LATIN1 NO_LOCALE=1
	local rc=$?
	if [ "$rc" -ne 0 ] && [ -f regression.diffs ]; then
		echo "--- regression.diffs (LATIN1) ---"
		cat regression.diffs
	fi
	return "$rc"
}

# The suite again in a SQL_ASCII database, where a character is a byte:
# offsets count bytes there; tests that need UTF-8 skip themselves.
stage_regress_sql_ascii() {
	rm -f regression.diffs regression.out
	PGPORT=$(free_port) pg_virtualenv -t -p pkg make installcheck ENCODING=SQL_ASCII NO_LOCALE=1
	local rc=$?
	if [ "$rc" -ne 0 ] && [ -f regression.diffs ]; then
		echo "--- regression.diffs (SQL_ASCII) ---"
		cat regression.diffs
	fi
	return "$rc"
}

# Run the seed check of the lead, with a throwaway cluster at hand.
stage_seed() {
	PGPORT=$(free_port) pg_virtualenv -t -p pkg sh test/eval/seed_check.sh
}

# Run the TAP tests of test/t against the tree installed in debian/pkg.
stage_tap() {
	bash tools/tap-tests.sh
}

# A real upgrade: indexes built by the release 0.1 build and by the release
# 0.2 build (commit e26c136), queried by this one (tools/upgrade-check.sh;
# skipped when that commit is not in the clone).
stage_upgrade() {
	bash tools/upgrade-check.sh && UPGRADE_FROM=e26c136 bash tools/upgrade-check.sh
}

banner deps
bash tools/ensure-deps.sh
if ! record deps $?; then
	echo
	echo "=== summary ==="
	echo "FAIL  deps (the other stages need these packages)"
	echo "0 passed, 1 failed"
	exit 1
fi

banner build
stage_build
build_rc=$?
record build $build_rc

banner unit
make unittest
record unit $?

banner "memcheck (unit tests under ASan/LSan/UBSan, the driver under valgrind)"
make unittest-asan && make cli-valgrind
record memcheck $?

if [ "${FUZZ_SECONDS:-20}" != 0 ]; then
	banner fuzz
	stage_fuzz
	record fuzz $?
fi

if [ "$build_rc" -eq 0 ]; then
	banner install
	stage_install
	install_rc=$?
	record install $install_rc
	if [ "$install_rc" -eq 0 ]; then
		banner regress
		stage_regress
		record regress $?
		banner "regress (LATIN1 database)"
		stage_regress_latin1
		record regress-latin1 $?
		banner "regress (SQL_ASCII database)"
		stage_regress_sql_ascii
		record regress-sql-ascii $?
		if [ -f test/eval/seed_check.sh ]; then
			banner seed
			stage_seed
			record seed $?
		fi
		if compgen -G "test/t/*.pl" >/dev/null; then
			banner "tap (PostgreSQL::Test::Cluster)"
			stage_tap
			record tap $?
		fi
		if [ -f tools/upgrade-check.sh ]; then
			banner "upgrade (an older build's indexes and values, this build)"
			stage_upgrade
			record upgrade $?
		fi
	fi
else
	summary+=("SKIP  install, regress, seed, tap (the build failed)")
fi

rm -rf "$LOG_DIR"
echo
echo "=== summary ==="
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
