# Byte gates decide which files are parsed. A syntax error shows whether a file was: files no
# rule can fire in are not parsed, so their syntax is nobody's business (parse-error).
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
rm -rf gates && mkdir -p gates/a/src gates/b/src gates/c/src
for d in a b c; do
	printf '%s\n' '{"dependencies": {"vite": "^7.0.0", "@workos-inc/authkit-react": "^0.16.0", "convex": "^1.44.0"}}' \
		> "gates/$d/package.json"
	# imports AuthKitProvider and does not parse: only provider-order looks at such a file
	printf '%s\n' "import { AuthKitProvider } from '@workos-inc/authkit-react';" \
		'export function Shell( {' > "gates/$d/src/Shell.tsx"
done
# b has a Convex provider fed by AuthKit, so provider-order can fire there
printf '%s\n' "import { ConvexProviderWithAuthKit } from '@convex-dev/workos';" \
	'export const P = ConvexProviderWithAuthKit;' > gates/b/src/P.tsx
# c names it in a comment only: that is no provider
printf '%s\n' '// see ConvexProviderWithAuthKit in the docs' 'export const x = 1;' > gates/c/src/Note.ts

"$CWLINT" --format gcc gates > gates.out 2>&1
expect_no_grep "gates: an app with no Convex provider does not parse a file only provider-order wants" \
	'gates/a/src/Shell\.tsx.*parse-error' gates.out
expect_grep "gates: an app with one parses it (and reports its syntax)" \
	'gates/b/src/Shell\.tsx:.*\[parse-error\]' gates.out
expect_no_grep "gates: a word in a line comment does not count" \
	'gates/c/src/Shell\.tsx.*parse-error' gates.out
# the same file named alone: the same answers
"$CWLINT" --format gcc gates/a/src/Shell.tsx > one-a.out 2>&1
expect_no_grep "gates: named alone, still not parsed" 'parse-error' one-a.out
"$CWLINT" --format gcc gates/b/src/Shell.tsx > one-b.out 2>&1
expect_grep "gates: named alone, still parsed where the rule can fire" '\[parse-error\]' one-b.out
