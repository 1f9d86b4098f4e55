# --stdin-filename: the buffer stands in for the file, the rest of the app comes from disk.
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
src="$TOP/fixtures/missing-use-client/fires-directive-after-import"
rm -rf stdin-app && cp -R "$src" stdin-app
cd stdin-app || exit 1
f=components/Providers.tsx

# the file as saved: the same finding as a normal run on that file
"$CWLINT" --format gcc "$f" > disk.out 2>&1
"$CWLINT" --format gcc --stdin-filename "$f" < "$f" > buf.out 2>&1
expect_status "stdin: a finding exits 1" 1 $?
if cmp -s disk.out buf.out; then t_ok "stdin: same output as linting the saved file"
else t_fail "stdin: same output as linting the saved file" "$(diff disk.out buf.out | head -n 5)"; fi

# unsaved text wins over the disk: lines move, and a fix in the buffer silences the rule
{ printf '// a\n// b\n'; cat "$f"; } | "$CWLINT" --format gcc --stdin-filename "$f" > moved.out 2>&1
expect_grep "stdin: positions come from the buffer" '^components/Providers\.tsx:12:6: error: .*\[missing-use-client\]$' moved.out
{ printf "'use client';\n"; cat "$f"; } | "$CWLINT" --format gcc --stdin-filename "$f" > fixed.out 2>&1
expect_status "stdin: a clean buffer exits 0" 0 $?
[ -s fixed.out ] && t_fail "stdin: a clean buffer prints nothing" "$(cat fixed.out)" || t_ok "stdin: a clean buffer prints nothing"

# cross-file: the importing layout read from disk still decides the server/client boundary
mv app/layout.tsx layout.bak
"$CWLINT" --format gcc --stdin-filename "$f" < "$f" > nolayout.out 2>&1
expect_no_grep "stdin: the rest of the app is read from disk (no importing layout)" 'missing-use-client' nolayout.out
expect_grep "stdin: the rest of the app is read from disk (no AuthKitProvider)" '\[provider-order\]$' nolayout.out
mv layout.bak app/layout.tsx

# only the named file is reported, even when other files of the app have findings
cp "$f" components/Other.tsx
{ echo "import { Providers as P2 } from '../components/Other';"; cat "$src/app/layout.tsx"; } > app/layout.tsx
"$CWLINT" --format gcc . > both.out 2>&1
expect_grep "stdin: (setup) the other file has a finding" 'Other\.tsx.*missing-use-client' both.out
"$CWLINT" --format gcc --stdin-filename "$f" < "$f" > only.out 2>&1
expect_no_grep "stdin: other files' findings are not reported" 'Other\.tsx' only.out
expect_grep "stdin: the named file is still reported" 'Providers\.tsx.*missing-use-client' only.out
rm components/Other.tsx
cp "$src/app/layout.tsx" app/layout.tsx

# a buffer under a name not yet on disk
"$CWLINT" --format json --stdin-filename components/New.tsx < "$f" > new.json 2>&1
expect_status "stdin: a new file's buffer lints" 0 $?
json_check "stdin: json output for a new file" new.json 'd.diagnostics.length === 0 && d.summary.files >= 1'

# env buffers: masked like env files on disk
printf 'NEXT_PUBLIC_WORKOS_API_KEY=sk_test_stdinSeeded0123456789abcdefXYZ\n' |
	"$CWLINT" --format human --color never --stdin-filename .env.local > env.out 2>&1
expect_grep "stdin: env buffer is linted" 'public-secret' env.out
expect_no_grep "stdin: env buffer secret is redacted" 'stdinSeeded0123456789abcdefXYZ' env.out

# limits and bad input
head -c 2000 /dev/zero | "$CWLINT" --format gcc --stdin-filename components/Bin.ts > bin.out 2>&1
expect_status "stdin: a binary buffer is a note, not a failure" 0 $?
expect_grep "stdin: binary buffer is named" "components/Bin\.ts.*binary" bin.out
head -c 5000 /dev/zero | tr '\0' 'x' | "$CWLINT" --format gcc --max-file-size 100 --stdin-filename components/Big.ts > big.out 2>&1
expect_grep "stdin: an oversized buffer is named" "components/Big\.ts.*larger than 100 bytes" big.out

# usage errors
"$CWLINT" --stdin-filename "$f" . < "$f" > u.out 2> u.err
expect_status "stdin: a PATH as well is a usage error" 2 $?
expect_grep "stdin: the usage error says why" 'lints one buffer' u.err
"$CWLINT" --stdin-filename "" < "$f" > u.out 2> u.err
expect_status "stdin: an empty name is a usage error" 2 $?
