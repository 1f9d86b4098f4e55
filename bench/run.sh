#!/bin/sh
# `make bench`: installs what is missing, builds cwlint, generates the corpora, then measures
# cwlint against its peers and writes bench/RESULTS.md (see bench/README.md).
#
# Environment: BENCH_SEED (42), BENCH_SRC_FILES (3000), BENCH_NM_FILES (20000), and for
# bench/measure.py BENCH_ROUNDS (5), BENCH_RUNS (2), BENCH_WARMUP (1), BENCH_ESLINT_RUNS (2),
# BENCH_MEM_RUNS (3). Exit status 1 when cwlint's answer on the corpus is wrong (a planted
# mistake missed, a false alarm, a file under node_modules opened) or depends on --jobs; slow
# numbers never fail it, they are reported.
set -eu
cd "$(dirname "$0")/.."
B=build/bench
seed=${BENCH_SEED:-42}
src_files=${BENCH_SRC_FILES:-3000}
nm_files=${BENCH_NM_FILES:-20000}
say() { echo "bench: $*" >&2; }

# --- Debian packages: hyperfine, ripgrep (the read-everything floor), GNU time, strace (which
# files cwlint opens), python3, npm
need=""
command -v hyperfine >/dev/null 2>&1 || need="$need hyperfine"
command -v rg >/dev/null 2>&1 || need="$need ripgrep"
[ -x /usr/bin/time ] || need="$need time"
command -v python3 >/dev/null 2>&1 || need="$need python3"
command -v npm >/dev/null 2>&1 || need="$need npm"
command -v git >/dev/null 2>&1 || need="$need git"
command -v lscpu >/dev/null 2>&1 || need="$need util-linux"
command -v strace >/dev/null 2>&1 || need="$need strace"
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		say "installing$need"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $need >&2
	else
		say "missing packages; run as root:"
		say "  apt-get update && apt-get install -y$need"
		exit 1
	fi
fi

# --- the peers, pinned with integrity hashes by bench/package-lock.json. --ignore-scripts:
# nothing of theirs runs at install; ast-grep's postinstall only links its platform binary,
# which bench/measure.py runs directly. A stamp records which lock file is installed.
stamp=bench/node_modules/.cwlint-bench-lock
if [ ! -f "$stamp" ] || ! cmp -s bench/package-lock.json "$stamp"; then
	say "installing the peers (npm ci --ignore-scripts into bench/node_modules)"
	(cd bench && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
	cp bench/package-lock.json "$stamp"
fi

# --- cwlint itself (make also installs its own build dependencies)
${MAKE:-make} --no-print-directory build/cwlint >&2

# --- the corpora: the benchmark corpus and the growth corpus (twice the sources, same
# node_modules), each with its manifest beside it
mkdir -p "$B"
say "generating the corpus (seed $seed, $src_files sources, $nm_files node_modules files)"
python3 bench/gen_corpus.py --out "$B/corpus" --seed "$seed" --src-files "$src_files" --nm-files "$nm_files"
say "generating the growth corpus ($((src_files * 2)) sources)"
python3 bench/gen_corpus.py --out "$B/corpus2x" --seed "$seed" --src-files "$((src_files * 2))" --nm-files "$nm_files"

rm -rf "$B/results"
python3 bench/measure.py --corpus "$B/corpus" --corpus2 "$B/corpus2x" --results "$B/results" \
	--report bench/RESULTS.md
