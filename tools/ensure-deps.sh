#!/bin/bash
# ensure-deps.sh: make sure the Debian 12 packages that build, test and demo
# diplo are installed.  As root, installs the missing ones with apt-get;
# otherwise prints the exact command to run and exits 1.
set -euo pipefail

cd "$(dirname "$0")/.."

# What the build, the unit tests, pg_regress and pg_virtualenv need.
packages=(
	make gcc libc6-dev
	postgresql-15 postgresql-server-dev-15 postgresql-common
	libstemmer-dev libcmocka-dev
	python3
	clang-14 libclang-rt-14-dev valgrind
)
# TAP tests (test/t) need prove (perl) and IPC::Run.
if compgen -G "test/t/*.pl" > /dev/null; then
	packages+=(perl libipc-run-perl)
fi

# Print the packages of the list that are not installed.
missing_packages() {
	local p
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
			echo "$p"
		fi
	done
}

mapfile -t missing < <(missing_packages "${packages[@]}")
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	echo "ensure-deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	apt-get install -y --no-install-recommends "${missing[@]}"
	exit 0
fi

echo "ensure-deps: missing Debian packages: ${missing[*]}" >&2
echo "Install them with:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
