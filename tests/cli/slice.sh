# Parsing a long leaf in part (src/slice.c) must find exactly what parsing it whole finds.
# Every fixture project is copied side by side, each TS/TSX source padded with code no rule
# reads (after its imports and at its end), and the tree is linted twice: with every leaf
# sliced that can be (CWLINT_TEST_SLICE_MIN=0) and with none sliced.
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
rm -rf slice-repo
copy_fixtures slice-repo
cat "$TOP/tests/cli/data/slice-filler.ts" > "$OUT/pad.ts"
cat "$TOP/tests/cli/data/slice-filler.ts" "$TOP/tests/cli/data/slice-filler.tsx" > "$OUT/pad.tsx"
n=0
for f in $(find slice-repo -name node_modules -prune -o -type f \( -name '*.ts' -o -name '*.tsx' \) -print); do
	case $f in *.d.ts) continue ;; esac
	pad="$OUT/pad.${f##*.}"
	# after the last import line (or directive), and at the end
	awk -v pad="$pad" '
		{ line[NR] = $0 }
		/^(import |} from |"use client"|'"'"'use client'"'"')/ { last = NR }
		END {
			for (i = 1; i <= NR; i++) {
				print line[i]
				if (i == last) while ((getline l < pad) > 0) print l
			}
			close(pad)
			while ((getline l < pad) > 0) print l
		}' "$f" > "$f.padded" && mv "$f.padded" "$f"
	n=$((n + 1))
done
[ $n -gt 300 ] && t_ok "slice: $n sources padded" || t_fail "slice: enough sources" "only $n"
cd slice-repo || exit 1
CWLINT_TEST_SLICE_MIN=0 "$CWLINT" --format json --jobs 2 . > "$OUT/slice-part.json" 2> "$OUT/slice-part.err"
CWLINT_TEST_SLICE_MIN=4000000000 "$CWLINT" --format json --jobs 2 . > "$OUT/slice-whole.json" 2> "$OUT/slice-whole.err"
if cmp -s "$OUT/slice-part.json" "$OUT/slice-whole.json" && cmp -s "$OUT/slice-part.err" "$OUT/slice-whole.err"; then
	t_ok "slice: the same findings from parts and from whole files"
else
	t_fail "slice: parts and whole files differ" "$(diff "$OUT/slice-whole.json" "$OUT/slice-part.json" | head -n 30)"
fi
# the rules that read slices fire here (otherwise the comparison proves nothing)
for r in server-call-without-token workos-hook-gates-query authkit-hook-mismatch missing-use-client \
	server-import-in-client dynamic-public-env-access hardcoded-client-id auth-link-prefetch \
	convex-client-in-render convex-provider-without-auth; do
	expect_grep "slice: $r fires in the padded tree" "\"rule\": \"$r\"" "$OUT/slice-part.json"
done
