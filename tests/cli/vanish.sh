# A file that vanishes while cwlint runs, made deterministic with an LD_PRELOAD shim
# (tests/cli/vanish_shim.c) that deletes it the moment cwlint opens or lstats it.
# The decision (src/lint.c, walk_dir): a file cwlint listed and then could not find is an
# I/O failure, exit 3, because a deletion cannot be told from a move or a checkout in
# progress; the note names the file and says it vanished.
# valgrind: yes
. "$TOP/tests/cli/lib.sh"
shim="$OUT/vanish_shim.so"
if ! cc -shared -fPIC -O1 -Wall -Wextra -Werror -o "$shim" "$TOP/tests/cli/vanish_shim.c" -ldl 2> "$OUT/shim.err"; then
	t_fail "the vanish shim builds" "$(head -n 5 "$OUT/shim.err")"
	exit 0
fi
# the shim comes before the ASan runtime in the library list: allowed, it only wraps calls
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0"
p="$OUT/vanish-app"

setup() {
	rm -rf "$p"
	mkdir -p "$p/src"
	printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2","convex":"^1.44.0"}}\n' > "$p/package.json"
	printf '{"functions": "convex/"}\n' > "$p/convex.json"
	printf 'VITE_WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W\n' > "$p/.env.local"
	printf 'import "@workos-inc/authkit-react";\nexport const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$p/src/a.ts"
	printf 'import "@workos-inc/authkit-react";\nexport const g = 1;\n' > "$p/src/gone.ts"
	printf 'scratch\n' > "$p/src/gone.swp"
}

# run ON SUFFIX [SKIP]: lint the app with the shim deleting SUFFIX on the given call
run() {
	(cd "$p" && LD_PRELOAD="$shim" VANISH_ON="$1" VANISH_PATH="$2" VANISH_SKIP="${3:-0}" \
		VANISH_NO_DTYPE="${NO_DTYPE:-}" "$CWLINT" --format gcc .) > "$OUT/v.out" 2> "$OUT/v.err"
}

# how many times cwlint lstats SUFFIX in a normal run (the walk's lstat is the last one);
# NO_DTYPE=1: as on a file system whose folder listings give no entry types
lstat_calls() {
	rm -f "$OUT/v.log"
	(cd "$p" && LD_PRELOAD="$shim" VANISH_ON=lstat VANISH_PATH="$1" VANISH_SKIP=1000000 \
		VANISH_LOG="$OUT/v.log" VANISH_NO_DTYPE="${NO_DTYPE:-}" "$CWLINT" --format gcc .) > /dev/null 2>&1
	[ -f "$OUT/v.log" ] && grep -c . "$OUT/v.log" || echo 0
}

# the control: the shim loaded, nothing deleted
setup
(cd "$p" && LD_PRELOAD="$shim" "$CWLINT" --format gcc .) > "$OUT/v.out" 2> "$OUT/v.err"
expect_status "control: the app alone has one finding (exit 1)" 1 $?
expect_no_grep "control: nothing skipped" 'skipped' "$OUT/v.err"

# a source file deleted after the walk listed it, before it is read
setup
run open /src/gone.ts
expect_status "source deleted before it is read: exit 3, results may be incomplete" 3 $?
expect_grep "source deleted before it is read: named, said to have vanished" \
	"^cwlint: warning: skipped 'src/gone\\.ts': vanished while cwlint ran \\(deleted or moved after it was listed\\)$" "$OUT/v.err"
expect_grep "source deleted before it is read: the rest is still linted" \
	'^src/a\.ts:2:19: error: .*\[hardcoded-client-id\]$' "$OUT/v.out"
[ -e "$p/src/gone.ts" ] && t_fail "the shim deleted the file" "src/gone.ts is still there" ||
	t_ok "the shim deleted the file"

# a leaf (src/a.ts: only per-file checks want it) is read again when its batch is parsed:
# deleted between the scan and that read, the same note and status
setup
run open /src/a.ts 1
expect_status "leaf deleted before its batch reads it again: exit 3" 3 $?
expect_grep "leaf deleted before its batch reads it again: named, said to have vanished" \
	"^cwlint: warning: skipped 'src/a\\.ts': vanished while cwlint ran" "$OUT/v.err"

# an env file and convex.json (read as JSON, after a stat) deleted before they are read
setup
run open /.env.local
expect_status "env file deleted before it is read: exit 3" 3 $?
expect_grep "env file deleted before it is read: named" \
	"^cwlint: warning: skipped '\\.env\\.local': vanished while cwlint ran" "$OUT/v.err"
setup
run open /convex.json
expect_status "convex.json deleted before it is read: exit 3" 3 $?
expect_grep "convex.json deleted before it is read: named" \
	"^cwlint: warning: skipped 'convex\\.json': vanished while cwlint ran" "$OUT/v.err"

# The walk takes each entry's type from the folder listing: it lstats no listed file. A file
# deleted after the listing is then found gone when it is read (tested above).
setup
n=$(lstat_calls /src/gone.ts)
[ "$n" = 0 ] && t_ok "the walk lstats no listed file when the listing gives types" ||
	t_fail "the walk lstats no listed file when the listing gives types" "counted '$n' calls"
setup
(cd "$p" && LD_PRELOAD="$shim" VANISH_NO_DTYPE=1 "$CWLINT" --format gcc .) > "$OUT/v.out" 2> "$OUT/v.err"
expect_status "listings without types: the same single finding (exit 1)" 1 $?
expect_grep "listings without types: the same finding" '^src/a\.ts:2:19: error: .*\[hardcoded-client-id\]$' "$OUT/v.out"
expect_no_grep "listings without types: nothing skipped" 'skipped' "$OUT/v.err"

# Without types in the listing (some network and older file systems) the walk lstats each
# entry; deleted between the readdir and that lstat: the same note and status.
NO_DTYPE=1
# deleted between the walk's readdir and its lstat: the same note and status
setup
n=$(lstat_calls /src/gone.ts)
if [ "$n" -ge 1 ] 2>/dev/null; then
	t_ok "the walk lstats src/gone.ts ($n calls)"
	setup
	run lstat /src/gone.ts $((n - 1))
	expect_status "source deleted during the walk: exit 3" 3 $?
	expect_grep "source deleted during the walk: named, said to have vanished" \
		"^cwlint: warning: skipped 'src/gone\\.ts': vanished while cwlint ran" "$OUT/v.err"
	expect_grep "source deleted during the walk: the rest is still linted" '^src/a\.ts:2:19: error: ' "$OUT/v.out"
else
	t_fail "the walk lstats src/gone.ts" "counted '$n' calls"
fi
# a scratch file cwlint would not read may come and go: no note, status unchanged
setup
n=$(lstat_calls /src/gone.swp)
if [ "$n" -ge 1 ] 2>/dev/null; then
	setup
	run lstat /src/gone.swp $((n - 1))
	expect_status "a scratch file deleted during the walk: status unchanged (1)" 1 $?
	expect_no_grep "a scratch file deleted during the walk: no note" 'skipped' "$OUT/v.err"
else
	t_fail "the walk lstats src/gone.swp" "counted '$n' calls"
fi

NO_DTYPE=
# a link to a missing file is not a vanished file: its own message
setup
ln -s missing.ts "$p/src/dangling.ts"
(cd "$p" && "$CWLINT" --format gcc .) > "$OUT/v.out" 2> "$OUT/v.err"
expect_status "a link to a missing file: unreadable, exit 3" 3 $?
expect_grep "a link to a missing file: cannot open, with the reason" \
	"^cwlint: warning: skipped cannot open 'src/dangling\\.ts': No such file or directory$" "$OUT/v.err"
expect_no_grep "a link to a missing file: not said to have vanished" 'vanished' "$OUT/v.err"
