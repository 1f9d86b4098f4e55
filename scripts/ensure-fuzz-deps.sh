#!/bin/sh
# What `make fuzz` needs beyond the build: clang and its sanitizer and libFuzzer runtimes
# (Debian: clang, libclang-rt-14-dev). Installed with apt-get when root; otherwise it prints
# the command to run.
set -eu
need=""
command -v clang >/dev/null 2>&1 || need="$need clang"
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
	need="$need libclang-rt-14-dev"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "ensure-fuzz-deps: installing$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $need >&2
else
	echo "ensure-fuzz-deps: missing$need; run as root: apt-get install -y$need" >&2
	exit 1
fi
