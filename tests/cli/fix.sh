# --fix, --diff and --unsafe-fixes. Each case of tests/fix/<case>/ is a small project
# (project/), the rule its fix is for (rule), extra options (args, one per line), the exact
# --diff output (expected.diff) and the exact text of every file --fix changes (fixed/). For
# each: the diff, the written text, a clean re-lint, a second --fix that changes nothing, kept
# modes. Then: unsafe fixes only with --unsafe-fixes, read-only files, symlinks, JSON fix
# objects, secrets in diffs, option errors.
. "$TOP/tests/cli/lib.sh"

# mtime (nanoseconds) and mode of every file under a folder, for "nothing changed" checks
stamps() { (cd "$1" && find . -type f -exec stat -c '%n %y %a' {} + | sort); }

for case in "$TOP"/tests/fix/*/; do
	case=${case%/}
	name=$(basename "$case")
	rule=$(cat "$case/rule")
	args=""
	[ -f "$case/args" ] && args=$(cat "$case/args")
	p="$OUT/fix-$name"
	rm -rf "$p"
	cp -R "$case/project" "$p"
	changed=""
	[ -d "$case/fixed" ] && changed=$(cd "$case/fixed" && find . -type f | sort)
	# a file a fix rewrites gets an unusual mode, which it must keep
	for f in $changed; do chmod 640 "$p/$f"; done

	# shellcheck disable=SC2086
	(cd "$p" && "$CWLINT" --diff $args .) > "$OUT/fix.diff" 2> "$OUT/fix.err"
	st=$?
	if diff -u "$case/expected.diff" "$OUT/fix.diff" > "$OUT/fix.dd"; then
		t_ok "$name: --diff prints the expected diff"
	else
		t_fail "$name: --diff prints the expected diff" "$(head -n 30 "$OUT/fix.dd")"
	fi
	[ -s "$case/expected.diff" ] && want=1 || want=0
	expect_status "$name: --diff exits $want" $want $st
	if diff -r "$case/project" "$p" > /dev/null; then
		t_ok "$name: --diff writes nothing"
	else
		t_fail "$name: --diff writes nothing" "$(diff -r "$case/project" "$p" | head -n 5)"
	fi

	# the diff is a real one: git apply (patch mode, outside any repository) makes the fixed text
	if [ -n "$changed" ] && [ "$name" != diff-redacts-secrets ]; then
		rm -rf "$p.apply"
		cp -R "$case/project" "$p.apply"
		(cd "$p.apply" && GIT_CEILING_DIRECTORIES="$OUT" git apply -p1 "$OUT/fix.diff") > "$OUT/fix.apply" 2>&1
		ok=1
		for f in $changed; do cmp -s "$case/fixed/$f" "$p.apply/$f" || ok=0; done
		[ $ok = 1 ] && t_ok "$name: git apply of the diff gives the fixed text" ||
			t_fail "$name: git apply of the diff gives the fixed text" "$(head -n 5 "$OUT/fix.apply")"
		rm -rf "$p.apply"
	fi

	# shellcheck disable=SC2086
	(cd "$p" && "$CWLINT" --fix --format gcc $args .) > "$OUT/fix.out" 2> "$OUT/fix.err"
	st=$?
	[ $st -le 1 ] && t_ok "$name: --fix exits 0 or 1" ||
		t_fail "$name: --fix exits 0 or 1" "status $st: $(head -n 5 "$OUT/fix.err")"
	for f in $changed; do
		if cmp -s "$case/fixed/$f" "$p/$f"; then
			t_ok "$name: --fix writes $f exactly"
		else
			t_fail "$name: --fix writes $f exactly" "$(diff -u "$case/fixed/$f" "$p/$f" | head -n 20)"
		fi
		m=$(stat -c %a "$p/$f")
		[ "$m" = 640 ] && t_ok "$name: $f keeps its mode" || t_fail "$name: $f keeps its mode" "mode $m"
	done
	if [ -n "$changed" ]; then
		expect_grep "$name: --fix says what it fixed" '^cwlint: fixed [0-9]+ findings? in [0-9]+ files?$' "$OUT/fix.err"
		"$CWLINT" --format gcc "$p" > "$OUT/fix.relint" 2>&1
		expect_no_grep "$name: the re-lint no longer reports $rule" "\\[$rule\\]" "$OUT/fix.relint"
	else
		expect_no_grep "$name: --fix fixes nothing" 'fixed' "$OUT/fix.err"
		if diff -r "$case/project" "$p" > /dev/null; then
			t_ok "$name: --fix leaves the files alone"
		else
			t_fail "$name: --fix leaves the files alone" "$(diff -r "$case/project" "$p" | head -n 5)"
		fi
		expect_grep "$name: the finding is still reported" "\\[$rule\\]" "$OUT/fix.out"
	fi

	# a second run finds nothing to do: same bytes, same mtimes
	cp -R "$p" "$p.again"
	stamps "$p" > "$OUT/fix.stamps1"
	# shellcheck disable=SC2086
	(cd "$p" && "$CWLINT" --fix --format gcc $args .) > /dev/null 2> "$OUT/fix.err2"
	stamps "$p" > "$OUT/fix.stamps2"
	if diff -r "$p.again" "$p" > /dev/null && cmp -s "$OUT/fix.stamps1" "$OUT/fix.stamps2"; then
		t_ok "$name: a second --fix changes nothing (bytes and mtimes)"
	else
		t_fail "$name: a second --fix changes nothing (bytes and mtimes)" \
			"$(diff "$OUT/fix.stamps1" "$OUT/fix.stamps2" | head -n 5)"
	fi
	expect_no_grep "$name: a second --fix fixes nothing" 'fixed' "$OUT/fix.err2"
	# shellcheck disable=SC2086
	(cd "$p" && "$CWLINT" --diff $args .) > "$OUT/fix.diff2" 2>&1
	st=$?
	[ ! -s "$OUT/fix.diff2" ] && [ $st = 0 ] && t_ok "$name: --diff is empty after --fix (exit 0)" ||
		t_fail "$name: --diff is empty after --fix (exit 0)" "status $st: $(head -n 5 "$OUT/fix.diff2")"
	rm -rf "$p.again"
done

# --- two hunks, and a last line without a line end ---
p="$OUT/fix-hunks"
rm -rf "$p"
mkdir -p "$p/convex"
cp "$TOP/tests/fix/rename-provider-keys/project/package.json" "$p/"
{
	printf 'const clientId = process.env.WORKOS_CLIENT_ID;\nexport default {\n  providers: [\n'
	printf '    {\n      type: "customJwt",\n      issuer: "https://api.workos.com/",\n'
	printf '      algorithm: "RS256",\n      applicationId: clientId,\n'
	i=1
	while [ $i -le 20 ]; do printf '      // filler %s\n' $i; i=$((i + 1)); done
	printf '      jwks: `https://api.workos.com/sso/jwks/${clientId}`,\n    },\n    {\n'
	printf '      type: "customJwt",\n      algorithm: "RS256",\n'
	printf '      jwks: `https://api.workos.com/sso/jwks/${clientId}`,\n'
	printf '      issuerUrl: `https://api.workos.com/user_management/${clientId}` },\n  ],\n};'
} > "$p/convex/auth.config.ts"
cat > "$OUT/fix.want" <<'DIFF'
--- a/convex/auth.config.ts
+++ b/convex/auth.config.ts
@@ -5,7 +5,7 @@
       type: "customJwt",
       issuer: "https://api.workos.com/",
       algorithm: "RS256",
-      applicationId: clientId,
+      applicationID: clientId,
       // filler 1
       // filler 2
       // filler 3
@@ -32,6 +32,6 @@
       type: "customJwt",
       algorithm: "RS256",
       jwks: `https://api.workos.com/sso/jwks/${clientId}`,
-      issuerUrl: `https://api.workos.com/user_management/${clientId}` },
+      issuer: `https://api.workos.com/user_management/${clientId}` },
   ],
 };
\ No newline at end of file
DIFF
(cd "$p" && "$CWLINT" --diff .) > "$OUT/fix.diff" 2>/dev/null
if diff -u "$OUT/fix.want" "$OUT/fix.diff" > "$OUT/fix.dd"; then
	t_ok "--diff: two hunks, and the marker for a last line without a line end"
else
	t_fail "--diff: two hunks, and the marker for a last line without a line end" "$(head -n 30 "$OUT/fix.dd")"
fi
cp -R "$p" "$p.apply"
(cd "$p.apply" && GIT_CEILING_DIRECTORIES="$OUT" git apply -p1 "$OUT/fix.diff") > /dev/null 2>&1
(cd "$p" && "$CWLINT" --fix .) > /dev/null 2>&1
cmp -s "$p/convex/auth.config.ts" "$p.apply/convex/auth.config.ts" &&
	t_ok "--fix writes what the two-hunk diff says" || t_fail "--fix writes what the two-hunk diff says" "they differ"
[ "$(tail -c 2 "$p/convex/auth.config.ts")" = "};" ] && t_ok "--fix keeps a missing final line end missing" ||
	t_fail "--fix keeps a missing final line end missing" "$(tail -c 5 "$p/convex/auth.config.ts" | od -c | head -n 1)"
rm -rf "$p.apply"

# --- unsafe fixes wait for --unsafe-fixes ---
for name in client-id-literal-unsafe remove-user-management-application-id use-client-page-unsafe; do
	p="$OUT/fix-unsafe-$name"
	rm -rf "$p"
	cp -R "$TOP/tests/fix/$name/project" "$p"
	stamps "$p" > "$OUT/fix.stamps1"
	(cd "$p" && "$CWLINT" --fix --format human --color never .) > "$OUT/fix.out" 2> "$OUT/fix.err"
	stamps "$p" > "$OUT/fix.stamps2"
	if diff -r "$TOP/tests/fix/$name/project" "$p" > /dev/null && cmp -s "$OUT/fix.stamps1" "$OUT/fix.stamps2"; then
		t_ok "$name: --fix alone leaves an unsafe fix unapplied"
	else
		t_fail "$name: --fix alone leaves an unsafe fix unapplied" "$(diff -r "$TOP/tests/fix/$name/project" "$p" | head -n 5)"
	fi
	expect_grep "$name: the summary points at --unsafe-fixes" \
		'in [0-9]+ files \([0-9]+ fixable with --fix --unsafe-fixes\)$' "$OUT/fix.out"
	(cd "$p" && "$CWLINT" --diff .) > "$OUT/fix.diff" 2>&1
	st=$?
	[ ! -s "$OUT/fix.diff" ] && [ $st = 0 ] && t_ok "$name: --diff alone shows no unsafe fix" ||
		t_fail "$name: --diff alone shows no unsafe fix" "status $st: $(head -n 5 "$OUT/fix.diff")"
done
p="$OUT/fix-summary"
rm -rf "$p"
cp -R "$TOP/tests/fix/rename-provider-keys/project" "$p"
(cd "$p" && "$CWLINT" --format human --color never .) > "$OUT/fix.out" 2>&1
expect_grep "the human summary counts the fixable findings" \
	'^2 errors, 0 warnings in 2 files \(2 fixable with --fix\)$' "$OUT/fix.out"
expect_grep "help: lines stay" '^  help: rename `applicationId` to `applicationID`$' "$OUT/fix.out"

# no fix where 'use client' itself would break the build: the root layout
(cd "$TOP/fixtures/missing-use-client/fires-entries" && "$CWLINT" --format json .) > "$OUT/fix.json" 2>&1
json_check "missing-use-client: no fix for the root layout, an unsafe one for a page" "$OUT/fix.json" \
	'(f => f.length === 2 && f.find(x => x.path === "app/layout.tsx").fix === null && f.find(x => x.path === "app/dashboard/page.tsx").fix.safe === false)(d.diagnostics.filter(x => x.rule === "missing-use-client"))'

# findings a baseline hides are not fixed
p="$OUT/fix-baseline"
rm -rf "$p"
cp -R "$TOP/tests/fix/add-user-management-issuer/project" "$p"
(cd "$p" && "$CWLINT" --write-baseline base.json . && "$CWLINT" --fix --baseline base.json --format gcc .) > "$OUT/fix.out" 2> "$OUT/fix.err"
expect_status "--fix with a baseline that hides everything exits 0" 0 $?
cmp -s "$TOP/tests/fix/add-user-management-issuer/project/convex/auth.config.ts" "$p/convex/auth.config.ts" &&
	t_ok "--fix leaves findings a baseline hides alone" || t_fail "--fix leaves findings a baseline hides alone" "the file changed"

# --- a file that cannot be written ---
p="$OUT/fix-readonly"
rm -rf "$p"
cp -R "$TOP/tests/fix/add-user-management-issuer/project" "$p"
chmod 444 "$p/convex/auth.config.ts"
(cd "$p" && "$CWLINT" --fix --format gcc .) > "$OUT/fix.out" 2> "$OUT/fix.err"
expect_status "--fix on a read-only file exits 3" 3 $?
expect_grep "--fix on a read-only file says so" \
	"^cwlint: error: cannot write 'convex/auth\\.config\\.ts': the file is read-only; its fixes were not applied$" "$OUT/fix.err"
cmp -s "$TOP/tests/fix/add-user-management-issuer/project/convex/auth.config.ts" "$p/convex/auth.config.ts" &&
	t_ok "--fix leaves a read-only file as it was" || t_fail "--fix leaves a read-only file as it was" "it changed"
expect_grep "the finding in a read-only file is still reported" '\[missing-workos-issuer\]' "$OUT/fix.out"
[ -z "$(find "$p" -name '.*cwlint-*')" ] && t_ok "no temporary file is left behind" ||
	t_fail "no temporary file is left behind" "$(find "$p" -name '.*cwlint-*')"

# --- a symlinked source: the target is rewritten, the link stays ---
p="$OUT/fix-symlink"
rm -rf "$p" "$OUT/fix-target"
cp -R "$TOP/tests/fix/add-user-management-issuer/project" "$p"
mkdir -p "$OUT/fix-target"
mv "$p/convex/auth.config.ts" "$OUT/fix-target/auth.config.ts"
ln -s "$OUT/fix-target/auth.config.ts" "$p/convex/auth.config.ts"
(cd "$p" && "$CWLINT" --fix --format gcc .) > /dev/null 2>&1
[ -L "$p/convex/auth.config.ts" ] && t_ok "--fix keeps a symlink a symlink" || t_fail "--fix keeps a symlink a symlink" "it is a file now"
cmp -s "$TOP/tests/fix/add-user-management-issuer/fixed/convex/auth.config.ts" "$OUT/fix-target/auth.config.ts" &&
	t_ok "--fix rewrites a symlink's target" || t_fail "--fix rewrites a symlink's target" "target not fixed"

# --- JSON fix objects ---
p="$OUT/fix-json"
rm -rf "$p"
cp -R "$TOP/tests/fix/rename-provider-keys/project" "$p"
(cd "$p" && "$CWLINT" --format json .) > "$OUT/fix.json" 2>&1
json_check "JSON: a safe fix with its title and exact edits" "$OUT/fix.json" \
	'(() => { const f = d.diagnostics.find(x => /applicationId/.test(x.message)).fix; return f.title === "rename `applicationId` to `applicationID`" && f.safe === true && JSON.stringify(f.edits) === JSON.stringify([{line: 6, column: 84, end_line: 6, end_column: 97, text: "applicationID"}]); })()'
json_check "JSON: a fix with two edits in one file" "$OUT/fix.json" \
	'(() => { const f = d.diagnostics.find(x => /algorithms/.test(x.message)).fix; return f.safe && f.edits.length === 2 && f.edits[0].text === "algorithm" && f.edits[1].text === "\"RS256\"" && f.edits[1].column === 73 && f.edits[1].end_column === 82; })()'
json_check "JSON: every fix object has exactly title, safe and edits" "$OUT/fix.json" \
	'd.diagnostics.every(x => x.fix === null || Object.keys(x.fix).join() === "title,safe,edits" && x.fix.edits.every(e => Object.keys(e).join() === "line,column,end_line,end_column,text"))'
p="$OUT/fix-json2"
rm -rf "$p"
cp -R "$TOP/tests/fix/remove-user-management-application-id/project" "$p"
(cd "$p" && "$CWLINT" --format json .) > "$OUT/fix.json" 2>&1
json_check "JSON: an unsafe fix is listed with safe false" "$OUT/fix.json" \
	'(() => { const f = d.diagnostics.find(x => x.rule === "user-management-issuer-with-application-id").fix; return f.safe === false && f.edits[0].line === 16 && f.edits[0].column === 1 && f.edits[0].end_line === 17 && f.edits[0].end_column === 1 && f.edits[0].text === ""; })()'
json_check "JSON: findings without a fix have fix null" "$OUT/fix.json" \
	'd.diagnostics.filter(x => x.rule !== "user-management-issuer-with-application-id").every(x => x.fix === null)'
# columns count code points: an edit after a two-byte character
p="$OUT/fix-json3"
rm -rf "$p"
cp -R "$TOP/tests/fix/rename-provider-keys/project" "$p"
sed -i 's/{ type: "customJwt", issuer: "https:\/\/api.workos.com\/", algorithms/{ type: "customJwt", \/* clé *\/ issuer: "https:\/\/api.workos.com\/", algorithms/' "$p/convex/auth.config.ts"
(cd "$p" && "$CWLINT" --format json .) > "$OUT/fix.json" 2>&1
json_check "JSON: edit columns count code points" "$OUT/fix.json" \
	'd.diagnostics.find(x => /applicationId/.test(x.message)).fix.edits[0].column === 94'
(cd "$p" && "$CWLINT" --fix --format gcc .) > /dev/null 2>&1
grep -q '/\* clé \*/ issuer: "https://api.workos.com/", algorithm: "RS256", applicationID: clientId' "$p/convex/auth.config.ts" &&
	t_ok "byte offsets hold after a multi-byte character" || t_fail "byte offsets hold after a multi-byte character" "$(sed -n 6p "$p/convex/auth.config.ts")"

# --- secrets ---
p="$OUT/fix-secrets"
rm -rf "$p"
cp -R "$TOP/tests/fix/diff-redacts-secrets/project" "$p"
(cd "$p" && "$CWLINT" --diff .) > "$OUT/fix.diff" 2>&1
expect_no_grep "a diff never shows a seeded secret whole" 'Zk3h0qP2vX9sL7mN4bR8tY6wA1cE5gJ0uI2oQ7xW3k=|sk_test_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6' "$OUT/fix.diff"
expect_grep "a diff shows a secret's redacted form" '^     // old cookie password: Zk3h…\(43 chars\)$' "$OUT/fix.diff"
p="$OUT/fix-secret-refused"
rm -rf "$p"
cp -R "$TOP/tests/fix/secret-fix-refused/project" "$p"
(cd "$p" && "$CWLINT" --format json .) > "$OUT/fix.json" 2>&1
json_check "a fix that would delete a secret is not offered" "$OUT/fix.json" \
	'd.diagnostics.some(x => x.rule === "user-management-issuer-with-application-id" && x.fix === null)'

# --- options ---
p="$OUT/fix-options"
rm -rf "$p"
cp -R "$TOP/tests/fix/add-user-management-issuer/project" "$p"
(cd "$p" && "$CWLINT" --diff --format json .) > /dev/null 2> "$OUT/fix.err"
expect_status "--diff with --format is a usage error" 2 $?
expect_grep "--diff with --format says why" '^cwlint: error: --diff prints a unified diff; it takes no --format$' "$OUT/fix.err"
(cd "$p" && "$CWLINT" --fix --write-baseline b.json .) > /dev/null 2> "$OUT/fix.err"
expect_status "--fix with --write-baseline is a usage error" 2 $?
cmp -s "$TOP/tests/fix/add-user-management-issuer/project/convex/auth.config.ts" "$p/convex/auth.config.ts" &&
	t_ok "a usage error fixes nothing" || t_fail "a usage error fixes nothing" "the file changed"
# a single named file: only its findings are fixed
(cd "$p" && "$CWLINT" --fix --format gcc convex/auth.config.ts) > /dev/null 2>&1
cmp -s "$TOP/tests/fix/add-user-management-issuer/fixed/convex/auth.config.ts" "$p/convex/auth.config.ts" &&
	t_ok "--fix on a named file fixes it" || t_fail "--fix on a named file fixes it" "not fixed"
"$CWLINT" --help > "$OUT/fix.help"
expect_grep "--help names --fix" '^  --fix ' "$OUT/fix.help"
expect_grep "--help names --unsafe-fixes" '^  --unsafe-fixes ' "$OUT/fix.help"
expect_grep "--help names --diff" '^  --diff ' "$OUT/fix.help"
