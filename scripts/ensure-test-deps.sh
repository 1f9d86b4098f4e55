#!/bin/sh
# What the test suite needs beyond the build: node (JSON checks and the LSP tests), Debian's
# pre-commit (the real pre-commit round trip), neovim (a real LSP client) and valgrind
# (memcheck runs of the bad-input and secrets tests). Installed with apt-get when root;
# otherwise the tests that need them fail with the command to run.
set -eu
need=""
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v pre-commit >/dev/null 2>&1 || need="$need pre-commit"
command -v git >/dev/null 2>&1 || need="$need git"
command -v nvim >/dev/null 2>&1 || need="$need neovim"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-test-deps: installing$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need >&2
else
	echo "ensure-test-deps: missing$need; run as root: apt-get install -y$need" >&2
fi
