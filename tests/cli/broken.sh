# Broken input never crashes cwlint: binary and empty files, invalid UTF-8, CRLF, a BOM,
# lone CRs, syntax errors, a symlink loop, a FIFO. Each run must finish with a normal
# exit status; the runner fails any run that leaves a sanitizer or valgrind report.
# valgrind: yes
. "$TOP/tests/cli/lib.sh"
p="$OUT/broken-app"
rm -rf "$p"
mkdir -p "$p/convex" "$p/src" "$p/loop"
printf '{"dependencies":{"next":"^16.0.0","@workos-inc/authkit-nextjs":"^2.17.0","convex":"^1.44.0"}}\n' > "$p/package.json"

# binary named like source and env files
printf 'import "@workos-inc/authkit-nextjs";\0\1\2\3\377\376' > "$p/src/binary.tsx"
printf 'WORKOS_API_KEY=\0\0sk_test_x\n' > "$p/.env.development"
# empty files in every role
: > "$p/convex/auth.config.ts"
: > "$p/.env"
: > "$p/proxy.ts"
# invalid and overlong UTF-8 inside a parsed file and an env file
printf 'import { useAuth } from "@workos-inc/authkit-nextjs/components";\nconst s = "\300\257 \355\240\200 \370\210\200\200\200 \377";\nexport const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W\303";\n' > "$p/src/utf8.tsx"
printf 'WORKOS_COOKIE_PASSWORD=\300\257short\377\n' > "$p/.env.local"
# CRLF, a BOM, lone CR line ends
printf '\357\273\277import { useAuth } from "@workos-inc/authkit-react";\r\nexport const a = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";\r\n' > "$p/src/bom-crlf.tsx"
printf 'WORKOS_CLIENT_ID=client_01JD8X3Q4K2M6N7P8R9S0T1V2W\rWORKOS_COOKIE_PASSWORD=tooshort\r' > "$p/.env.production"
# syntax errors of several kinds
printf 'import { useQuery } from "convex/react";\nimport { useAuth } from "@workos-inc/authkit-react";\nexport function A() { return <div>{ }</span>; \n' > "$p/src/broken.tsx"
printf 'export default { providers: [ { type: "customJwt", issuer: \n' > "$p/convex/auth.config.js"
printf '}}}}))))]]]]' > "$p/src/closers.ts"
# a symlink loop and a dangling link
ln -s ../loop "$p/loop/again"
ln -s does-not-exist "$p/src/dangling.ts"
# type declarations named like env files are code, not env files
printf 'interface ImportMetaEnv {\n  WORKOS_COOKIE_PASSWORD: string\n}\n' > "$p/.env.d.ts"
# a FIFO named like a source file must not block the run
mkfifo "$p/src/fifo.ts" 2>/dev/null

# the dangling link cannot be read, an I/O failure: exit 3 in every format
for fmt in human gcc json; do
	timeout 60 "$CWLINT" --format "$fmt" --color never "$p" > "$OUT/broken.$fmt" 2> "$OUT/broken.err"
	st=$?
	case $st in
	3) t_ok "broken input, $fmt format: finishes, results may be incomplete (status 3)" ;;
	124) t_fail "broken input, $fmt format: finishes" "timed out" ;;
	*) t_fail "broken input, $fmt format: finishes with status 3" "status $st: $(head -n 5 "$OUT/broken.err")" ;;
	esac
done
expect_grep "the dangling link is named with the reason" "cannot open '.*src/dangling\\.ts': No such file or directory$" "$OUT/broken.err"
expect_grep "a binary env file is named as skipped" "\\.env\\.development' looks binary \\(it holds NUL bytes\\)$" "$OUT/broken.err"
expect_no_grep ".env.d.ts is not read as an env file" '\.env\.d\.ts' "$OUT/broken.gcc"
expect_grep "binary file is named as skipped" "binary\\.tsx.*(binary|NUL)" "$OUT/broken.err"
expect_grep "FIFO is named as skipped" "fifo\\.ts.*not a regular file" "$OUT/broken.err"
expect_grep "syntax error is a finding" 'broken\.tsx:[0-9]+:[0-9]+: warning: .*\[parse-error\]' "$OUT/broken.gcc"
expect_grep "findings still come from the BOM/CRLF file" 'bom-crlf\.tsx:2:19: error: .*\[hardcoded-client-id\]' "$OUT/broken.gcc"
json_check "json stays valid with invalid UTF-8 input" "$OUT/broken.json" 'Array.isArray(d.diagnostics)'

# every file as the only named PATH, one at a time
for f in "$p"/src/* "$p"/.env* "$p"/convex/*; do
	[ -p "$f" ] && continue
	timeout 60 "$CWLINT" --format gcc "$f" > /dev/null 2>&1
	st=$?
	case $st in
	0|1|2|3) t_ok "named file $(basename "$f"): finishes (status $st)" ;;
	*) t_fail "named file $(basename "$f"): finishes" "status $st" ;;
	esac
done
