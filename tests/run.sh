#!/bin/sh
# The whole test suite: C unit tests, rule fixtures and CLI tests, each against the normal
# and the ASan/UBSan build (and some CLI tests under valgrind too). Every check prints "ok - ..." or "not ok - ..."; the last line
# is "N passed, N failed". With --update, rewrites each fixture's expected output instead.
#
# A fixture is fixtures/<rule-id>/<case>/: a small project tree, `expected` (the exact
# output of `cwlint --format human --color never .` run in that folder), optionally `args`
# (extra options, one per line), `exit` (the expected exit status; by default 0 when
# expected has no finding) and `setup` (a shell script run in a scratch copy of the case,
# which is then linted there).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
. "$top/tests/cli/lib.sh"	# lint_fixture()
# a private scratch folder: several runs (developers, CI) may share the checkout
out=$(mktemp -d "${TMPDIR:-/tmp}/cwlint-tests.XXXXXX") || exit 2
trap 'rm -rf "$out"' EXIT
update=0
[ "${1:-}" = "--update" ] && update=1

pass=0
fail=0
ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "ok - $*"; return 0; }
notok() { fail=$((fail + 1)); echo "not ok - $*"; }

# Counts the ok/not ok lines of a test program; shows the failures.
count_lines() {
	# $1: label, $2: file with the program's output, $3: its exit status
	p=$(grep -c '^ok - ' "$2")
	f=$(grep -c '^not ok - ' "$2")
	pass=$((pass + p))
	fail=$((fail + f))
	grep '^not ok - ' "$2" | sed "s|^not ok - |not ok - $1: |"
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		notok "$1 exited with status $3 (crash or sanitizer report?)"
		tail -n 20 "$2" | sed 's/^/    /'
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$3" -eq 0 ]; then
		notok "$1 ran no check"
	fi
}

# fixtures live in this repository, whose git tracks their env files: git must not see it
# from a case folder (a case that needs a repository builds its own in `setup`)
export GIT_CEILING_DIRECTORIES="$top/fixtures"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=87"
unset NO_COLOR FORCE_COLOR GITHUB_ACTIONS CLICOLOR_FORCE

# build/asan+sliced: the sanitized binary with every leaf that can be parsed in part so
# parsed (the size limit off: slice.c), which must change no fixture's output
builds="build"
[ $update -eq 0 ] && [ -x build/asan/cwlint ] && builds="build build/asan build/asan+sliced"

# --- unit tests ---
if [ $update -eq 0 ]; then
	for t in build/tests/test_* build/asan-tests/test_*; do
		[ -x "$t" ] || continue
		name=$(echo "$t" | sed 's|build/||')
		"$t" > "$out/unit.log" 2>&1
		count_lines "$name" "$out/unit.log" $?
	done
fi

# --- fixtures ---
run_case() {
	# $1: binary, $2: case dir; writes actual output and status
	dir=$2
	if [ -f "$2/setup" ]; then
		# a case with a `setup` script (e.g. `git init -q && git add .env.local`) runs in a
		# scratch copy, set up there first
		dir="$out/case"
		rm -rf "$dir"
		mkdir -p "$dir" && cp -R "$2/." "$dir/" && (cd "$dir" && sh ./setup) > "$out/setup.log" 2>&1 </dev/null ||
			{ echo "setup failed: $(cat "$out/setup.log")" > "$out/actual"; echo 0 > "$out/status"; return; }
	fi
	if [ -n "$SLICE_MIN" ]; then
		CWLINT_TEST_SLICE_MIN=$SLICE_MIN
		export CWLINT_TEST_SLICE_MIN
	fi
	lint_fixture "$dir" "$top/$BIN" > "$out/actual" 2> "$out/stderr"
	echo $? > "$out/status"
	unset CWLINT_TEST_SLICE_MIN
}

for case in fixtures/*/*/; do
	case=${case%/}
	[ -d "$case" ] || continue
	for b in $builds; do
		BIN="${b%+sliced}/cwlint"
		SLICE_MIN=
		[ "$b" != "${b%+sliced}" ] && SLICE_MIN=0
		run_case "$BIN" "$case"
		status=$(cat "$out/status")
		if [ $update -eq 1 ]; then
			cp "$out/actual" "$case/expected"
			continue
		fi
		label="$case ($b)"
		if [ "$status" -ge 86 ] || grep -q 'Sanitizer\|runtime error:' "$out/stderr"; then
			notok "$label: sanitizer or crash (status $status)"
			head -n 30 "$out/stderr" | sed 's/^/    /'
			continue
		fi
		if [ -f "$case/exit" ]; then
			want=$(cat "$case/exit")
		elif grep -q ' error: \| warning: \| info: ' "$case/expected" 2>/dev/null; then
			want=any
		else
			want=0
		fi
		if ! diff -u "$case/expected" "$out/actual" > "$out/diff" 2>&1; then
			notok "$label: output differs from expected"
			sed 's/^/    /' "$out/diff" | head -n 40
		elif [ "$want" != any ] && [ "$want" != "$status" ]; then
			notok "$label: exit status $status, expected $want"
		else
			ok "$label"
		fi
	done
done
[ $update -eq 1 ] && { echo "fixtures updated: review with git diff"; exit 0; }

# --- meta: every registered rule has fixtures that fire and that stay silent ---
for id in $(build/cwlint --list-rules --format json | sed -n 's/.*"id": "\(.*\)".*/\1/p'); do
	c=$(echo "$id" | tr - _)
	[ -f "rules/$c.c" ] && ok "rule $id has rules/$c.c" || notok "rule $id has no rules/$c.c"
	fires=0
	silent=0
	for e in fixtures/"$id"/*/expected; do
		[ -f "$e" ] || continue
		if grep -q "\[$id\]" "$e"; then fires=$((fires + 1)); else silent=$((silent + 1)); fi
	done
	[ $fires -gt 0 ] && ok "rule $id has a firing fixture" || notok "rule $id has no fixture that fires"
	[ $silent -gt 0 ] && ok "rule $id has a silent fixture" || notok "rule $id has no fixture that stays silent"
done

# --- CLI tests: each script prints ok/not ok lines ---
# A sanitizer report goes to a file, so a run whose stderr a test throws away still fails.
# Scripts with a "# tsan: yes" line also run with the ThreadSanitizer build.
# Scripts with a "# valgrind: yes" line also run under valgrind's memcheck with the plain
# build (CWLINT_VALGRIND=1 tells them, to skip what would take minutes there); any error,
# or memory definitely lost, fails them. The report folders are open to all: some tests
# drop privileges to run cwlint as nobody.
reports="$out/reports"
mkdir -p "$reports" && chmod 1777 "$reports"
vg=""
if command -v valgrind >/dev/null 2>&1; then
	vg="$out/valgrind-cwlint"
	# PCRE2's JIT code is unknown to valgrind ("???" frames): tests/valgrind.supp
	cat > "$vg" <<-EOF
	#!/bin/sh
	exec valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \\
		--errors-for-leak-kinds=definite --suppressions="$top/tests/valgrind.supp" \\
		--log-file="$reports/valgrind.%p" "$top/build/cwlint" "\$@"
	EOF
	chmod 755 "$vg"
else
	notok "valgrind is not installed (run as root: apt-get install -y valgrind)"
fi
for t in tests/cli/*.sh; do
	[ -f "$t" ] || continue
	[ "$t" = tests/cli/lib.sh ] && continue
	runs=$(echo $builds | sed 's|[^ ]*+sliced||')	# slice.sh compares the two itself
	[ -n "$vg" ] && grep -q '^# valgrind: yes$' "$t" && runs="$runs valgrind"
	# "# tsan: yes": also the ThreadSanitizer build (scripts that run several threads)
	[ -x build/tsan/cwlint ] && [ $update -eq 0 ] && grep -q '^# tsan: yes$' "$t" && runs="$runs build/tsan"
	for b in $runs; do
		rm -f "$reports"/*
		bin="$top/$b/cwlint"
		[ "$b" = valgrind ] && bin=$vg
		CWLINT="$bin" CWLINT_VALGRIND=$([ "$b" = valgrind ] && echo 1) TOP="$top" OUT="$out" \
			ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$reports/asan" \
			UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$reports/ubsan" \
			TSAN_OPTIONS="halt_on_error=0:log_path=$reports/tsan" \
			sh "$t" > "$out/cli.log" 2>&1
		count_lines "$t ($b)" "$out/cli.log" $?
		n=0
		for r in "$reports"/*; do
			[ -s "$r" ] || continue
			n=$((n + 1))
			[ $n -eq 1 ] && first=$r
		done
		if [ $n -gt 0 ]; then
			notok "$t ($b): $n run(s) left a sanitizer or valgrind report; the first:"
			head -n 30 "$first" | sed 's/^/    /'
		fi
	done
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
