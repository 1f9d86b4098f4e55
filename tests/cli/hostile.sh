# Hostile input: huge files (12 MB, 100 MB), deep nesting (brackets, JSX, folders), long runs
# of comments, long lines and values, links out of the tree, malformed JSON, unreadable
# files. Every run finishes in bounded time with the exit status the spec gives, and what
# was skipped is named.
# valgrind: yes
. "$TOP/tests/cli/lib.sh"
p="$OUT/hostile-app"
rm -rf "$p"
mkdir -p "$p/src" "$p/convex" "$OUT/outside"
printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2","convex":"^1.44.0"},"devDependencies":{"vite":"^7.0.0"}}\n' > "$p/package.json"
printf '{"functions": 42, "authKit": "yes"}\n' > "$p/convex.json"

# a 12 MB source file is over the default 8 MiB limit: skipped with a note
head -c 12000000 /dev/zero | tr '\0' 'a' > "$p/src/huge.ts"
# 100,000-deep brackets and JSX in files that are parsed (they import WorkOS)
{ printf 'import "@workos-inc/authkit-react";\nexport const x = '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf ';\n'; } > "$p/src/deep.ts"
{ printf 'import "@workos-inc/authkit-react";\nexport const y = '; i=0; while [ $i -lt 2000 ]; do printf '<div>'; i=$((i + 1)); done; printf 'x'; i=0; while [ $i -lt 2000 ]; do printf '</div>'; i=$((i + 1)); done; printf ';\n'; } > "$p/src/deep-jsx.tsx"
{ printf 'import { AuthKitProvider } from "@workos-inc/authkit-react";\nexport default { providers: '; head -c 100000 /dev/zero | tr '\0' '['; printf '\n'; } > "$p/convex/auth.config.ts"
# (it names the WorkOS hook and a Convex query: a rule wants it parsed, so the limit applies)
{ printf 'import { useAuth } from "@workos-inc/authkit-react";\nimport { useQuery } from "convex/react";\nexport const z = '; i=0; while [ $i -lt 100 ]; do printf '<div>'; i=$((i + 1)); done > "$OUT/div100"; i=0; while [ $i -lt 1000 ]; do cat "$OUT/div100"; i=$((i + 1)); done; printf 'x;\n'; } > "$p/src/deep-jsx-100k.tsx"
# a 1 MB single line with a client id at its end
{ printf 'import "@workos-inc/authkit-react"; export const s = "'; head -c 1000000 /dev/zero | tr '\0' 'b'; printf '" + "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n'; } > "$p/src/long-line.ts"
# a 1 MB env value and a cookie password inside it
{ printf 'WORKOS_COOKIE_PASSWORD='; head -c 1000000 /dev/zero | tr '\0' 'c'; printf '\nBIG="'; head -c 1000000 /dev/zero | tr '\0' 'd'; printf '"\n'; } > "$p/.env.local"
# links: to a file outside the tree, and a folder link that is never followed
printf 'export const leak = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$OUT/outside/secret.ts"
ln -sf "$OUT/outside/secret.ts" "$p/src/outside-link.ts"
ln -sfn "$OUT/outside" "$p/src/outside-dir"
ln -sfn .. "$p/src/parent-loop"

start=$(date +%s)
timeout 120 "$CWLINT" --format gcc "$p" > "$OUT/h.out" 2> "$OUT/h.err"
st=$?
end=$(date +%s)
case $st in
0|1|3) t_ok "hostile input: finishes (status $st, $((end - start)) s)" ;;
124) t_fail "hostile input: finishes" "timed out after 120 s" ;;
*) t_fail "hostile input: finishes" "status $st: $(head -n 5 "$OUT/h.err")" ;;
esac
expect_status "hostile input: findings, nothing incomplete (exit 1)" 1 $st
expect_grep "100,000-deep JSX is named as not parsed" "deep-jsx-100k\\.tsx' nests brackets or tags deeper than 10000 levels; not parsed" "$OUT/h.err"
expect_grep "convex.json with the wrong types is a finding" \
	'convex\.json:1:30: error: authKit in convex\.json must be an object.*\[invalid-convex-authkit-config\]$' "$OUT/h.out"
expect_grep "the huge file is named as skipped with the limit" "huge\\.ts.*larger than 8388608 bytes" "$OUT/h.err"
expect_grep "malformed convex.json types do not stop the run" 'long-line\.ts:1:[0-9]+: error: .*\[hardcoded-client-id\]' "$OUT/h.out"
expect_grep "an auth config nested 100,000 deep is named as not parsed" "auth\\.config\\.ts.*deeper than 10000 levels" "$OUT/h.err"
"$CWLINT" --format gcc --max-nesting 0 "$p" > /dev/null 2>&1
expect_status "--max-nesting 0 is a usage error" 2 $?
expect_no_grep "a folder link is never followed" 'outside-dir/' "$OUT/h.out"
expect_no_grep "a link loop is never followed" 'parent-loop/' "$OUT/h.out"
expect_no_grep "the 1 MB password is never printed" 'cccccccccc' "$OUT/h.out"
# under valgrind, scanning 12 MB takes about a minute: the raised-limit runs are left to the
# normal and ASan builds
if [ -z "${CWLINT_VALGRIND:-}" ]; then
	"$CWLINT" --format gcc --max-file-size 20000000 "$p" > "$OUT/h2.out" 2> "$OUT/h2.err"
	expect_no_grep "--max-file-size raises the limit" 'huge\.ts' "$OUT/h2.err"
fi

# a 100 MB source file, made here (never committed) and kept for the other builds' runs:
# one comment of 100 MB, then a line with a finding
b="$OUT/big-app"
big="$b/src/big.ts"
if ! [ -f "$big" ] || [ "$(wc -c < "$big")" != 100000060 ]; then
	rm -rf "$b"
	mkdir -p "$b/src"
	printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2","convex":"^1.44.0"}}\n' > "$b/package.json"
	{ printf '/*'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '*/\nexport const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n'; } > "$big"
fi
(cd "$b" && timeout 20 "$CWLINT" --format json .) > "$OUT/big.json" 2> "$OUT/big.err"
expect_status "100 MB file: a note, not a failure (exit 0)" 0 $?
expect_grep "100 MB file: the note names it and the limit" \
	"^cwlint: warning: skipped 'src/big\\.ts' is larger than 8388608 bytes \\(raise --max-file-size to lint it\\)$" "$OUT/big.err"
json_check "100 MB file: listed as skipped in the JSON output" "$OUT/big.json" \
	'd.skipped.length === 1 && d.skipped[0].path === "src/big.ts" && d.diagnostics.length === 0'
if [ -z "${CWLINT_VALGRIND:-}" ]; then
	(cd "$b" && timeout 120 "$CWLINT" --format gcc --max-file-size 200000000 .) > "$OUT/big2.out" 2> "$OUT/big2.err"
	expect_status "100 MB file with --max-file-size raised: read and linted" 1 $?
	expect_grep "100 MB file: the finding after the 100 MB comment" \
		'^src/big\.ts:2:20: error: .*\[hardcoded-client-id\]$' "$OUT/big2.out"
	expect_no_grep "100 MB file: no note once the limit is raised" 'big\.ts' "$OUT/big2.err"
fi

# runs of comments: tree-sitter 0.20 keeps them flat in one node, corrupts a node of more
# than 65,535 children, and index loops over such a node were quadratic (60,000 comments
# took a minute and a half; 3,000 suppression comments in a row, minutes)
c="$OUT/comments-app"
rm -rf "$c"
mkdir -p "$c/src"
printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2","convex":"^1.44.0"}}\n' > "$c/package.json"
{ printf 'import "@workos-inc/authkit-react";\n'; yes '// c' | head -n 70000; printf 'export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n'; } > "$c/src/run70k.ts"
(cd "$c" && timeout 60 "$CWLINT" --format gcc .) > "$OUT/cr.out" 2> "$OUT/cr.err"
expect_status "70,000 comments in a row: not parsed, a note (exit 0)" 0 $?
expect_grep "70,000 comments in a row: the note names the file and the limit" \
	"^cwlint: warning: skipped 'src/run70k\\.ts' has more than 10000 comments in a row; not parsed \\(raise --max-nesting to parse it\\)$" "$OUT/cr.err"
rm "$c/src/run70k.ts"
{ printf 'import "@workos-inc/authkit-react";\n'; yes '// c' | head -n 59000; printf 'export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n'; } > "$c/src/run59k.ts"
{ printf 'import "@workos-inc/authkit-react";\nexport const cfg = {\n'; yes '  // c' | head -n 59000; printf '  clientId: "client_01JD8X3Q4K2M6N7P8R9S0T1V2W",\n};\n'; } > "$c/src/object59k.ts"
{ printf 'import "@workos-inc/authkit-react";\n'; yes '// cwlint-ignore hardcoded-client-id: seeded' | head -n 3000; printf 'export const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\nexport const b = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n'; } > "$c/src/suppressed.ts"
(cd "$c" && timeout 60 "$CWLINT" --format gcc --max-nesting 60000 .) > "$OUT/cr2.out" 2> "$OUT/cr2.err"
st=$?
[ $st = 124 ] && t_fail "runs of comments: linted in bounded time" "timed out after 60 s" ||
	t_ok "runs of comments: linted in bounded time (status $st)"
expect_status "runs of comments with --max-nesting 60000: findings (exit 1)" 1 $st
expect_grep "59,000 comments in a row: parsed, the finding after them" \
	'^src/run59k\.ts:59002:20: error: .*\[hardcoded-client-id\]$' "$OUT/cr2.out"
expect_grep "59,000 comments inside an object literal: the finding after them" \
	'^src/object59k\.ts:59003:14: error: .*\[hardcoded-client-id\]$' "$OUT/cr2.out"
expect_grep "3,000 suppressions in a row: the line after them is suppressed, the next is not" \
	'^src/suppressed\.ts:3003:19: error: .*\[hardcoded-client-id\]$' "$OUT/cr2.out"
n=$(grep -c . "$OUT/cr2.out")
[ "$n" = 3 ] && t_ok "runs of comments: exactly the three findings" ||
	t_fail "runs of comments: exactly the three findings" "$n lines: $(head -c 600 "$OUT/cr2.out")"
expect_no_grep "runs of comments: nothing skipped" 'skipped' "$OUT/cr2.err"

# folders nested past the walk's limit (64 below the app): a note naming the first one not
# walked, not a failure
d="$OUT/deep-folders-app"
rm -rf "$d"
deep="$d/src$(i=0; while [ $i -lt 70 ]; do printf '/d'; i=$((i + 1)); done)"
mkdir -p "$deep"
printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2"}}\n' > "$d/package.json"
printf 'import "@workos-inc/authkit-react"; export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$deep/x.ts"
(cd "$d" && "$CWLINT" --format gcc .) > "$OUT/df.out" 2> "$OUT/df.err"
expect_status "folders 70 deep: a note, not a failure (exit 0)" 0 $?
expect_grep "folders 70 deep: the first folder not walked is named" \
	"^cwlint: warning: skipped 'src(/d){64}': more than 64 folders deep below its app; not walked$" "$OUT/df.err"
expect_no_grep "folders 70 deep: nothing below the limit is linted" 'x\.ts' "$OUT/df.out"

# package.json that is not JSON: a note, and the rest of the app is still linted
q="$OUT/notjson-app"
rm -rf "$q"
mkdir -p "$q/src"
printf '{ "dependencies": { "@workos-inc/authkit-react": \n' > "$q/package.json"
printf 'import "@workos-inc/authkit-react"; export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\n' > "$q/src/a.ts"
"$CWLINT" --format gcc "$q" > "$OUT/nj.out" 2> "$OUT/nj.err"
st=$?
expect_status "package.json that is not JSON: findings still reported" 1 $st
expect_grep "package.json that is not JSON is named" "package\\.json.*not read as JSON \\(line [0-9]+" "$OUT/nj.err"
expect_grep "the app's sources are still linted" 'src/a\.ts:1:[0-9]+: error: ' "$OUT/nj.out"

# an unreadable file and folder, for a user who cannot read them
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
	u="$OUT/unreadable-app"
	rm -rf "$u"
	mkdir -p "$u/src/private"
	printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2"}}\n' > "$u/package.json"
	printf 'import "@workos-inc/authkit-react"; export const a = 1;\n' > "$u/src/secret.ts"
	printf 'export const b = 1;\n' > "$u/src/private/x.ts"
	chmod 000 "$u/src/secret.ts" "$u/src/private"
	chmod -R o+rX "$OUT" 2>/dev/null
	chmod 000 "$u/src/secret.ts" "$u/src/private"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$CWLINT" --format gcc "$u" > "$OUT/ur.out" 2> "$OUT/ur.err"
	st=$?
	expect_status "unreadable file and folder: exit 3, results may be incomplete" 3 $st
	expect_grep "the unreadable file is named" "secret\\.ts.*Permission denied" "$OUT/ur.err"
	expect_grep "the unreadable folder is named" "private.*Permission denied" "$OUT/ur.err"
	chmod 755 "$u/src/private"
	chmod 644 "$u/src/secret.ts"
else
	t_ok "unreadable files: skipped (needs root to drop privileges)"
fi

# text on which tree-sitter's error recovery runs away (found by fuzzing): the parse is cut
# off after its time budget, the file is named, and the run says it is incomplete
rm -rf "$OUT/runaway" && mkdir -p "$OUT/runaway/src"
printf '%s\n' '{"dependencies": {"vite": "^7.0.0", "@workos-inc/authkit-react": "^0.16.0", "convex": "^1.44.0"}}' \
	> "$OUT/runaway/package.json"
cp "$TOP/tests/cli/data/runaway-recovery.tsx" "$OUT/runaway/src/main.tsx"
timeout 300 "$CWLINT" --format gcc "$OUT/runaway" > "$OUT/r.out" 2> "$OUT/r.err"
st=$?
[ $st -ne 124 ] && t_ok "a runaway parse is cut off" || t_fail "a runaway parse is cut off" "still running after 300 s"
expect_status "a runaway parse makes the run incomplete (exit 3)" 3 $st
expect_grep "the file whose parse ran away is named" "src/main\\.tsx': the parser gave up after 5 seconds" "$OUT/r.err"

# a page that imports 150 local components (more specifiers and dependencies than the scan's
# lists hold before they move to the heap): the one that calls a hook is still reached
m="$OUT/many-imports"
rm -rf "$m" && mkdir -p "$m/app" "$m/components"
printf '{"dependencies":{"next":"^16.3.0","react":"^19.2.0"}}\n' > "$m/package.json"
i=1
while [ $i -le 150 ]; do
	echo "import C$i from \"../components/C$i\";"
	echo "export const c$i = C$i;" > "$m/components/C$i.tsx"
	i=$((i + 1))
done > "$m/app/page.tsx"
echo 'export default function Page() { return <C150 />; }' >> "$m/app/page.tsx"
printf 'import { useState } from "react";\nexport default function C150() { const [a] = useState(0); return <p>{a}</p>; }\n' > "$m/components/C150.tsx"
(cd "$m" && "$CWLINT" --format gcc .) > "$OUT/many.out" 2> "$OUT/many.err"
expect_status "150 local imports: the hook's component is reported (exit 1)" 1 $?
expect_grep "150 local imports: missing-use-client through the page's 150th import" \
	'^components/C150\.tsx:2:46: error: .*\[missing-use-client\]$' "$OUT/many.out"
