# --jobs: loading and parsing run on a pool of threads; the output must not depend on it.
# tsan: yes
. "$TOP/tests/cli/lib.sh"
cd "$OUT" || exit 1
rm -rf jobs-app && cp -R "$TOP/examples/nextjs-convex-workos" jobs-app
mkdir -p jobs-app/components/gen
# many files of every shape the fixtures have, so every worker gets some
i=0
for f in "$TOP"/fixtures/*/*/components/*.tsx "$TOP"/fixtures/*/*/app/*.tsx; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	cp "$f" "jobs-app/components/gen/c$i.tsx"
done
[ $i -gt 50 ] && t_ok "jobs: the test app has $i generated files" || t_fail "jobs: the test app has enough files" "only $i"

for fmt in json human sarif; do
	"$CWLINT" --format $fmt --color never --jobs 1 jobs-app > j1.$fmt 2> j1.err
	s1=$?
	for j in 2 3 8; do
		"$CWLINT" --format $fmt --color never --jobs $j jobs-app > j$j.$fmt 2> j$j.err
		expect_status "jobs: --jobs $j exits as --jobs 1 ($fmt)" $s1 $?
		if cmp -s j1.$fmt j$j.$fmt && cmp -s j1.err j$j.err; then
			t_ok "jobs: --jobs $j output is byte-identical to --jobs 1 ($fmt)"
		else
			t_fail "jobs: --jobs $j output is byte-identical to --jobs 1 ($fmt)" "$(diff j1.$fmt j$j.$fmt | head -n 5)"
		fi
	done
done
json_check "jobs: the generated files do have findings" j1.json 'd.diagnostics.filter(x => x.path.includes("components/gen/")).length > 10'

# many apps at once (every fixture folder is its own app), skipped-file notes included
"$CWLINT" --format gcc --jobs 1 "$TOP/fixtures" > f1.out 2> f1.err
"$CWLINT" --format gcc --jobs 4 "$TOP/fixtures" > f4.out 2> f4.err
if cmp -s f1.out f4.out && cmp -s f1.err f4.err; then t_ok "jobs: every fixture app, --jobs 4 = --jobs 1"
else t_fail "jobs: every fixture app, --jobs 4 = --jobs 1" "$(diff f1.out f4.out | head -n 5)"; fi
"$CWLINT" --format gcc "$TOP/fixtures" > fd.out 2> fd.err
if cmp -s f1.out fd.out; then t_ok "jobs: the default job count gives the same output"
else t_fail "jobs: the default job count gives the same output" "$(diff f1.out fd.out | head -n 5)"; fi

# apps are found by the workers side by side, then put in the order a walk meets them: a
# folder's nested apps right after it, names compared byte by byte ("a-b" and "a.b" after
# "a/x", though '-' and '.' sort before '/'); skipped-file notes come out in that order
rm -rf order && mkdir -p order
apps="a a/x a/x/y a-b a.b b c/d c/e z"
for d in $apps; do
	mkdir -p "order/$d" && printf '{"name":"t"}\n' > "order/$d/package.json"
	printf 'export const x = 1;\n' > "order/$d/big.ts"
done
for d in $apps; do
	for f in package.json big.ts; do
		echo "cwlint: warning: skipped 'order/$d/$f' is larger than 4 bytes (raise --max-file-size to lint it)"
	done
done > order.want
for j in 1 2 3 8; do
	"$CWLINT" --jobs $j --max-file-size 4 order > order.out 2> order.err
	expect_status "jobs: nested apps, --jobs $j" 0 $?
	if cmp -s order.want order.err; then t_ok "jobs: nested apps in walk order, --jobs $j"
	else t_fail "jobs: nested apps in walk order, --jobs $j" "$(diff order.want order.err | head -n 6)"; fi
done

# one large app among small ones: the threads that run out of apps help the large one's
# scan and leaf phases (lint.c, run_phase()); the output must not show it
rm -rf mono && mkdir -p mono/apps
cp -R jobs-app mono/apps/big
for k in 1 2 3 4 5 6 7; do
	mkdir -p "mono/apps/small$k/src"
	printf '{"dependencies":{"@workos-inc/authkit-react":"^0.16.2","convex":"^1.44.0"}}\n' > "mono/apps/small$k/package.json"
	printf 'export const id = "client_01JD8X3Q4K2M6N7P8R9S0T1V%02d";\n' "$k" > "mono/apps/small$k/src/a.ts"
done
"$CWLINT" --format json --jobs 1 mono > m1.json 2> m1.err
for j in 2 3 8; do
	"$CWLINT" --format json --jobs $j mono > m$j.json 2> m$j.err
	if cmp -s m1.json m$j.json && cmp -s m1.err m$j.err; then
		t_ok "jobs: a large app helped by the threads of small ones, --jobs $j = --jobs 1"
	else
		t_fail "jobs: a large app helped by the threads of small ones, --jobs $j = --jobs 1" "$(diff m1.json m$j.json | head -n 5)"
	fi
done
json_check "jobs: the large app and the small ones have findings" m1.json \
	'd.diagnostics.some(x => x.path.includes("apps/big/")) && d.diagnostics.some(x => x.path.includes("apps/small3/"))'
