# Baselines: record the findings of an existing app, hide exactly those later (line shifts
# included), report new ones, and never store a secret or a line number.
. "$TOP/tests/cli/lib.sh"
p="$OUT/baseline-app"
rm -rf "$p"
cp -R "$TOP/examples/nextjs-convex-workos" "$p"
cd "$p" || exit 1
"$CWLINT" --format gcc . > before.out 2>&1
n_before=$(grep -c ': error: ' before.out)
"$CWLINT" --write-baseline base.json . > w.out 2> w.err
expect_status "--write-baseline exits 0 and reports nothing" 0 $?
expect_grep "--write-baseline says how many it recorded" "wrote $n_before findings" w.err
json_check "the baseline has a salt and counted entries without lines" base.json \
	'd.version === 1 && /^[0-9a-f]{32}$/.test(d.salt) && d.findings.length > 0 && d.findings.every(e => e.rule && e.path && /^[0-9a-f]{64}$/.test(e.fingerprint) && e.count >= 1 && !("line" in e))'
expect_no_grep "the baseline holds no secret" 'acme-notes-secret-20|sk_test_a1B2|client_01JD8X3Q' base.json
"$CWLINT" --baseline base.json --format gcc . > b.out 2>&1
expect_status "everything recorded is hidden" 0 $?
# shift every finding down and add one new mistake
sed -i '1i // moved down by a new first line' convex/auth.config.ts components/NotesList.tsx
sed -i '1i # a new first line' .env.local
printf 'export const fallback = "client_01JD8X3Q4K2M6N7P8R9S0T1V2X";\n' >> convex/notes.ts
"$CWLINT" --baseline base.json --format gcc . > s.out 2>&1
expect_status "a new finding still fails" 1 $?
n=$(grep -c ': error: ' s.out)
[ "$n" -eq 1 ] && t_ok "only the new finding is reported after line shifts" || t_fail "only the new finding is reported after line shifts" "$(cat s.out)"
expect_grep "the new finding is the one reported" '^convex/notes\.ts:[0-9]+:[0-9]+: error: .*\[hardcoded-client-id\]' s.out
# fixing a recorded mistake leaves a stale entry, which is said
sed -i 's/^WORKOS_COOKIE_PASSWORD=.*/WORKOS_COOKIE_PASSWORD=Zk3h0qP2vX9sL7mN4bR8tY6wA1cE5gJ0uI2oQ7xW3k=/' .env.local
"$CWLINT" --baseline base.json --format gcc . > st.out 2> st.err
expect_grep "stale entries are pointed out" 'baseline (entry no longer matches|entries no longer match) any finding' st.err
printf '{"version": 1}\n' > bad.json
"$CWLINT" --baseline bad.json . > /dev/null 2> bad.err
expect_status "a malformed baseline exits 2" 2 $?
expect_grep "a malformed baseline is explained" 'not a cwlint baseline' bad.err
"$CWLINT" --baseline missing.json . > /dev/null 2>&1
expect_status "a missing baseline exits 2" 2 $?
